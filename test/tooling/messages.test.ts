/**
 * The one message module (src/core/messages) stays the only home of person-facing sentences: one catalogue whose
 * every entry has Chinese and English naming the same parameters, addressed by `t(key, params, lang)`; each host
 * decodes its own errors into catalogue keys; no source file outside the catalogue raises a UserError with literal text.
 */
import * as fs from "fs";
import * as path from "path";
import {
  CATALOGUE as ENTRIES,
  CATALOGUE_PARTS,
  ERRORS,
  notice,
  placeholders,
  pseudo,
  render,
  t,
  translator,
  userError,
  toUserError,
  type ErrorKey,
  type Message,
  type Template,
} from "../../src/core/messages";
import { UserError } from "../../src/core/errors";
import { officeError } from "../../src/adapters/excel/errors";
import { comError } from "../../src/adapters/wps/errors";

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

  test.each(entries)("%s: Chinese and English templates, the same parameters, a stable code", (key, e) => {
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
  });

  test("toUserError: a part of the pane whose script could not be fetched is said in both languages, no URL", () => {
    const chunk = Object.assign(new Error("Loading chunk 263 failed.\n(error: https://localhost:3000/263.e4ab8768.chunk.js)"), {
      name: "ChunkLoadError",
    });
    const e = toUserError(chunk);
    expect(e.code).toBe("part-not-loaded");
    expect(e.zh).toContain("未能加载");
    expect(e.en).toContain("could not be loaded");
    expect(`${e.zh} ${e.en}`).not.toMatch(/chunk|https?:|\.js/i);
    expect(toUserError(new Error("Loading chunk 263 failed.")).code).toBe("unexpected");
  });

  test("each host decodes its own errors into a catalogue key with parameters", () => {
    const office = Object.assign(new Error("denied"), { code: "AccessDenied" });
    const o = officeError(office, { zh: "写入", en: "Writing" });
    expect([o.key, o.en]).toEqual([
      "access-denied",
      "Writing failed: the sheet is protected or the workbook is read-only, so Excel refused the change.",
    ]);
    expect(officeError(Object.assign(new Error("x"), { code: "InvalidOperationInCellEditMode" }), { zh: "读", en: "Read" }).key).toBe(
      "cell-edit",
    );
    const com = { number: -2146827284, description: "下标越界" };
    const w = comError(com, { zh: "读取", en: "Reading" });
    expect([w.code, w.key, w.zh]).toEqual([
      "wps-api",
      "wps-api",
      "读取失败：WPS 报告错误（下标越界（0x800A03EC））。请重试；若仍失败，请保存并重新打开文件。",
    ]);
    // a UserError raised on purpose passes through either decoder
    const own = userError("no-sheets");
    expect(officeError(own, { zh: "读", en: "Read" })).toBe(own);
    expect(comError(own, { zh: "读", en: "Read" })).toBe(own);
  });
});

describe("the catalogue", () => {
  const entries = Object.entries(ENTRIES as Record<string, Message>);

  test("one catalogue: no part shadows another's key", () => {
    const total = CATALOGUE_PARTS.reduce<number>((n, part) => n + Object.keys(part).length, 0);
    expect(entries.length).toBe(total);
    expect(entries.length).toBeGreaterThan(400);
  });

  /** Parameters for a function template: a distinct number per name (a list where the template joins one). */
  function sample(list: boolean): Record<string, unknown> {
    return new Proxy(
      {},
      { get: (_o, name) => (list ? [`«${String(name)}»`] : 1000 + [...String(name)].reduce((n, c) => n + c.charCodeAt(0), 0)) },
    );
  }
  function said(tpl: Template): { text: string; params: Set<string> } {
    if (typeof tpl === "string") {
      const values = sample(false);
      return { text: tpl.replace(/\{(\w+)\}/g, (_w, name: string) => String(values[name])), params: new Set(placeholders(tpl)) };
    }
    for (const list of [false, true]) {
      try {
        return { text: String(tpl(sample(list))), params: new Set() };
      } catch {
        // a list parameter: try again with lists
      }
    }
    throw new Error("the template fails on any parameters");
  }

  test.each(entries)("%s: non-empty in both languages, the same parameters", (key, m) => {
    const zh = said(m.zh);
    const en = said(m.en);
    expect(zh.text.trim()).not.toBe("");
    expect(en.text.trim()).not.toBe("");
    if (typeof m.zh === "string" && typeof m.en === "string" && !key.startsWith("section.")) expect(en.params).toEqual(zh.params);
    // every parameter Chinese shows (a number of four digits), English shows too — but for the one English sentence
    // that, as published in check --json, does not repeat the stated rate
    if (!key.startsWith("section.") && key !== "finding.RATE_NO_BUDGET")
      for (const n of zh.text.match(/(?<!\d)\d{4}(?!\d)/g) ?? []) expect(en.text).toContain(n);
  });

  test("t(key, params, lang) and translator(lang) say the same entry", () => {
    expect(t("check", "zh")).toBe("检查");
    expect(t("word.refresh", "en")).toBe("Refresh");
    expect(t("previewTitle", { n: 1 }, "en")).toBe("Fill preview: 1 change");
    expect(translator("en")("previewTitle", { n: 2 })).toBe("Fill preview: 2 changes");
    expect(translator("zh")("cli.file", { file: "a.xlsx" })).toBe("文件：a.xlsx");
    expect(t("error.no-sheets", "en")).toBe(userError("no-sheets").en);
    expect(t("notice.cleared", { cells: 3 }, "zh")).toBe(notice("cleared", { cells: 3 }).zh);
    // the same function from one call to the next (a pane's effects depend on it)
    expect(translator("zh")).toBe(translator("zh"));
  });

  test("the pseudo-locale says every entry as its key", () => {
    const tr = translator("pseudo");
    expect(tr("check")).toBe(pseudo("check"));
    expect(tr("previewTitle", { n: 3 })).toBe("⟦previewTitle⟧");
  });
});

describe("no sentence outside the catalogue", () => {
  test("inlineUserErrors finds a literal first argument, and only that", () => {
    expect(inlineUserErrors('x\nthrow new UserError(\n  "坏了",\n  "broken",\n);')).toEqual([2]);
    expect(inlineUserErrors("throw new UserError(`${a}`, b);")).toEqual([1]);
    expect(inlineUserErrors("throw new UserError(e.zh, e.en, e.code);")).toEqual([]);
  });

  test("one Lang: no file outside the catalogue spells the language type out", () => {
    const found = sourceFiles(SRC)
      .filter((f) => !f.startsWith(CATALOGUE + path.sep))
      .filter((f) => /["']zh["']\s*\|\s*["']en["']|\btype\s+Lang\s*=/.test(fs.readFileSync(f, "utf8")))
      .map((f) => path.relative(ROOT, f));
    expect(found).toEqual([]);
  });

  test("no file under src raises a UserError with literal text (use userError(key, params))", () => {
    const found = sourceFiles(SRC)
      .filter((f) => !f.startsWith(CATALOGUE + path.sep))
      .flatMap((f) => inlineUserErrors(fs.readFileSync(f, "utf8")).map((line) => `${path.relative(ROOT, f)}:${line}`));
    expect(found).toEqual([]);
  });
});
