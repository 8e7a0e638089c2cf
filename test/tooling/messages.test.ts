/**
 * The one message module (src/core/messages) stays the only home of person-facing sentences: every error key has
 * Chinese and English naming the same parameters, every UI string exists in both languages, and no source file
 * outside the catalogue raises a UserError with literal text.
 */
import * as fs from "fs";
import * as path from "path";
import { ERRORS, STRINGS, placeholders, render, userError, toUserError, type ErrorKey, type Strings } from "../../src/core/messages";
import { UserError } from "../../src/core/errors";

const ROOT = path.resolve(__dirname, "../..");
const SRC = path.join(ROOT, "src");
const CATALOGUE = path.join(SRC, "core", "messages");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "node_modules" || d.name === "package" ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(d.name) && !d.name.endsWith(".d.ts") ? [p] : [];
  });
}

/** `new UserError(` whose first argument is written out ("…", '…', `…`) rather than coming from the catalogue. */
export function inlineUserErrors(text: string): number[] {
  const lines: number[] = [];
  for (const m of text.matchAll(/new\s+UserError\s*\(\s*["'`]/g)) lines.push(text.slice(0, m.index).split("\n").length);
  return lines;
}

describe("the error catalogue", () => {
  const entries = Object.entries(ERRORS) as [ErrorKey, { zh: string; en: string; code?: string }][];

  test("has messages", () => {
    expect(entries.length).toBeGreaterThan(50);
  });

  test.each(entries)("%s: Chinese and English, the same parameters, a stable code", (key, e) => {
    expect(e.zh.trim()).not.toBe("");
    expect(e.en.trim()).not.toBe("");
    expect(/[\u4e00-\u9fff]/.test(e.zh)).toBe(true);
    expect(new Set(placeholders(e.en))).toEqual(new Set(placeholders(e.zh)));
    expect(e.code ?? key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  test("userError fills the parameters in each language and keeps the code", () => {
    const e = userError("protected", { sheets: { zh: "“甲”", en: '"A"' } });
    expect(e).toBeInstanceOf(UserError);
    expect(e.code).toBe("protected");
    expect(e.zh).toContain("工作表“甲”受保护");
    expect(e.en).toContain('The sheet "A" is protected');
    const list = userError("no-sheet", { sheet: "汇总", names: ["项目表", "部门表"] });
    expect(list.zh).toBe("找不到工作表“汇总”（工作簿中有：项目表、部门表）");
    // the English list reads as English (it used to be joined with 、 in both languages)
    expect(list.en).toBe('No sheet named "汇总" (the workbook has: 项目表, 部门表)');
    expect(userError("file-not-xlsx", { file: "a.xls" }).code).toBe("not-xlsx");
  });

  test("a template with a parameter left unfilled shows the placeholder, not 'undefined'", () => {
    expect(render("{a} 与 {b}", "zh", { a: 1 })).toBe("1 与 {b}");
  });

  test("toUserError: UserErrors pass through, anything else is a sentence with no stack trace", () => {
    const own = userError("no-sheets");
    expect(toUserError(own)).toBe(own);
    const e = toUserError(new Error("boom\n    at somewhere (x.js:1:1)"));
    expect([e.code, e.zh, e.en]).toEqual(["unexpected", "处理时出错：boom", "Something went wrong: boom"]);
    expect(toUserError({}).zh).toBe("处理时出错，工作簿未被修改。");
    const office = Object.assign(new Error("denied"), { code: "AccessDenied" });
    expect(toUserError(office, { doing: { zh: "写入", en: "Writing" }, host: "Excel" }).en).toBe(
      "Writing failed: the sheet is protected or the workbook is read-only, so Excel refused the change.",
    );
    const com = { number: -2146827284, description: "下标越界" };
    const w = toUserError(com, { doing: { zh: "读取", en: "Reading" }, host: "WPS" });
    expect([w.code, w.zh]).toEqual([
      "wps-api",
      "读取失败：WPS 报告错误（下标越界（0x800A03EC））。请重试；若仍失败，请保存并重新打开文件。",
    ]);
  });
});

describe("the interface strings", () => {
  /** Every leaf of the table as [path, value]. */
  function leaves(o: unknown, at: string): [string, unknown][] {
    if (o && typeof o === "object") return Object.entries(o).flatMap(([k, v]) => leaves(v, at ? `${at}.${k}` : k));
    return [[at, o]];
  }
  const zh = leaves(STRINGS.zh, "");
  const en = new Map(leaves(STRINGS.en, ""));

  test("Chinese and English have the same keys", () => {
    expect([...en.keys()].sort()).toEqual(zh.map(([k]) => k).sort());
  });

  test.each(zh)("%s: non-empty in both languages, the same parameters", (key, z) => {
    const e = en.get(key);
    expect(typeof e).toBe(typeof z);
    if (typeof z === "function" && typeof e === "function") {
      expect(e.length).toBe(z.length);
      const args = Array.from({ length: z.length }, (_, i) => 7 + i);
      // numbers for the parameters; a list parameter gets one-item lists
      const call = (f: (...a: unknown[]) => unknown): string => {
        try {
          return String(f(...args));
        } catch {
          return String(f(...args.map((x) => [x])));
        }
      };
      const zt = call(z as (...a: unknown[]) => unknown);
      const et = call(e as (...a: unknown[]) => unknown);
      expect(zt.trim()).not.toBe("");
      expect(et.trim()).not.toBe("");
      // every argument Chinese shows, English shows too
      for (const a of args) if (zt.includes(String(a))) expect(et).toContain(String(a));
    } else {
      expect(String(z).trim()).not.toBe("");
      expect(String(e).trim()).not.toBe("");
    }
  });

  test("t(key, lang) reads the same table", async () => {
    const { t } = await import("../../src/core/messages");
    const word: Strings["word"] = t("word", "en");
    expect(word.refresh).toBe("Refresh");
    expect(t("check", "zh")).toBe("检查");
  });
});

describe("no sentence outside the catalogue", () => {
  test("inlineUserErrors finds a literal first argument, and only that", () => {
    expect(inlineUserErrors('x\nthrow new UserError(\n  "坏了",\n  "broken",\n);')).toEqual([2]);
    expect(inlineUserErrors("throw new UserError(`${a}`, b);")).toEqual([1]);
    expect(inlineUserErrors("throw new UserError(e.zh, e.en, e.code);")).toEqual([]);
  });

  test("no file under src raises a UserError with literal text (use userError(key, params))", () => {
    const found = ["core", "app", "commands", "taskpane", "adapters/xlsx", "cli"]
      .flatMap((d) => sourceFiles(path.join(SRC, d)))
      .filter((f) => !f.startsWith(CATALOGUE + path.sep))
      .flatMap((f) => inlineUserErrors(fs.readFileSync(f, "utf8")).map((line) => `${path.relative(ROOT, f)}:${line}`));
    expect(found).toEqual([]);
  });
});
