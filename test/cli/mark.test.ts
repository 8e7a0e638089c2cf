/**
 * `jixiao mark` and `jixiao mark --clear`: the preview printed, a new file written (never the input), marks replaced
 * rather than stacked, clearing back to the parts as read, the usual exit codes and bilingual errors — and
 * LibreOffice, a second spreadsheet, opening a marked file and showing our notes beside a person's note, with fills.
 */
import * as fs from "fs";
import * as path from "path";
import { loadXlsxSync } from "../../src/adapters/xlsx";
import { analyzeWorkbook } from "../../src/core/analyze";
import { MARK_AUTHOR, MARK_FILLS, markPlan } from "../../src/core/marks";
import type { MarkJson } from "../../src/cli/mark";
import { displayWidth } from "../../src/cli/format";
import { sofficeConvert } from "../support/libreoffice";
import { FIXTURES, fixtureBytes } from "../adapters/xlsx/badInputs";
import { handWrittenWorkbook } from "../adapters/xlsx/corpus";
import { fodsWorkbook } from "../adapters/xlsx/fods";
import { partsOf } from "../adapters/xlsx/parts";
import { expectOneLineZhEn, listFiles, run, tempDir } from "./run";

jest.setTimeout(300_000);

const MEDICAL = path.join(FIXTURES, "project-medical-aid-2020.xlsx");

let dir: string;
beforeAll(() => (dir = tempDir("jixiao-mark-")));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function sameParts(a: string, b: string): Promise<string[]> {
  const pa = await partsOf(new Uint8Array(fs.readFileSync(a)));
  const pb = await partsOf(new Uint8Array(fs.readFileSync(b)));
  return [...new Set([...pa.keys(), ...pb.keys()])].filter(
    (k) => !pa.has(k) || !pb.has(k) || Buffer.compare(Buffer.from(pa.get(k)!), Buffer.from(pb.get(k)!)) !== 0,
  );
}

describe("jixiao mark", () => {
  it("prints each mark (sheet!cell, severity, codes), writes a new file, leaves the input as it was", async () => {
    const before = fs.readFileSync(MEDICAL);
    const out = path.join(dir, "marked.xlsx");
    const r = await run(["mark", MEDICAL, "-o", out], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const expected = markPlan(analyzeWorkbook(loadXlsxSync(before).snapshots(), { profile: "default" }));
    expect(expected.marks.length).toBeGreaterThan(0);
    for (const m of expected.marks) {
      expect(r.stdout).toMatch(new RegExp(`${m.sheet}!${m.cell}\\s+${m.severity === "error" ? "错误" : "警告"}\\s+${m.codes.join(", ")}`));
    }
    expect(r.stdout).toContain(`标注 ${expected.marks.length} 个单元格`);
    // the columns line up (Chinese characters are two columns wide)
    const rows = r.stdout.split("\n").filter((l) => /^ {2}\S+!/.test(l));
    expect(rows).toHaveLength(expected.marks.length);
    const codeColumn = (l: string) => displayWidth(l.slice(0, l.search(/[A-Z_]{4,}/)));
    expect(new Set(rows.map(codeColumn)).size).toBe(1);
    expect(fs.readFileSync(MEDICAL).equals(before)).toBe(true);
    const marks = loadXlsxSync(fs.readFileSync(out)).marks.read();
    expect(marks.map((m) => `${m.sheet}!${m.cell}`).sort()).toEqual(expected.marks.map((m) => `${m.sheet}!${m.cell}`).sort());
  });

  it("--json --lang en --include-info: English notes, info findings marked too", async () => {
    const out = path.join(dir, "marked-en.xlsx");
    const r = await run(["mark", MEDICAL, "-o", out, "--json", "--lang", "en", "--include-info"], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as MarkJson;
    expect(json.action).toBe("mark");
    expect(json.removed).toBe(0);
    expect(json.marks.some((m) => m.severity === "info")).toBe(true);
    for (const m of json.marks) expect(m.note).toMatch(new RegExp(`^${MARK_AUTHOR}\\n\\[(Error|Warning|Note)\\] `));
    const text = await run(["mark", MEDICAL, "-o", path.join(dir, "en.xlsx"), "--lang", "en"], dir);
    expect(text.stdout).toMatch(/cell\(s\) marked/);
  });

  it("marking a marked file replaces the marks (no second note); --clear gives back every part as read", async () => {
    const marked = path.join(dir, "m1.xlsx");
    await run(["mark", MEDICAL, "-o", marked], dir);
    const again = path.join(dir, "m2.xlsx");
    const r = await run(["mark", marked, "-o", again, "--json"], dir);
    const json = JSON.parse(r.stdout) as MarkJson;
    expect(json.removed).toBe(json.marks.length);
    expect(await sameParts(marked, again)).toEqual([]);
    const cleared = path.join(dir, "cleared.xlsx");
    const c = await run(["mark", "--clear", again, "-o", cleared], dir);
    expect(c.code).toBe(0);
    expect(c.stdout).toContain(`清除 ${json.marks.length} 个单元格的标注`);
    expect(await sameParts(MEDICAL, cleared)).toEqual([]);
    const none = await run(["mark", "--clear", cleared, "-o", path.join(dir, "none.xlsx"), "--lang", "en"], dir);
    expect(none.stdout).toContain("holds no marks");
  });

  it("--in-place marks the input itself, only when asked", async () => {
    const d = tempDir();
    fs.writeFileSync(path.join(d, "表.xlsx"), fixtureBytes("project-medical-aid-2020"));
    const same = await run(["mark", "表.xlsx", "-o", "表.xlsx"], d);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain("输出文件与输入文件相同");
    const ok = await run(["mark", "表.xlsx", "--in-place"], d);
    expect(ok.code).toBe(0);
    expect(loadXlsxSync(fs.readFileSync(path.join(d, "表.xlsx"))).marks.read().length).toBeGreaterThan(0);
    expect(listFiles(d)).toEqual(["表.xlsx"]);
    fs.rmSync(d, { recursive: true, force: true });
  });

  it.each([
    [["mark"], "请指定要标注的"],
    [["mark", MEDICAL], "-o"],
    [["mark", MEDICAL, "x.xlsx", "-o", "y.xlsx"], "只接受一个输入文件"],
    [["mark", "--clear", "--include-info", MEDICAL, "-o", "y.xlsx"], "--clear"],
    [["mark", "missing.xlsx", "-o", "y.xlsx"], "找不到文件"],
  ])("%j → exit 2, one line zh + en, nothing written", async (argv, zh) => {
    const d = tempDir();
    const r = await run(argv, d);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expectOneLineZhEn(r.stderr);
    expect(r.stderr).toContain(zh);
    expect(listFiles(d)).toEqual([]);
    fs.rmSync(d, { recursive: true, force: true });
  });

  it("a protected table sheet: exit 2, the sheet named, nothing written", async () => {
    const d = tempDir();
    fs.writeFileSync(path.join(d, "p.xlsx"), handWrittenWorkbook({ protectTable: true }));
    const r = await run(["mark", "p.xlsx", "-o", "out.xlsx"], d);
    expect(r.code).toBe(2);
    expectOneLineZhEn(r.stderr);
    expect(r.stderr).toContain("受保护");
    expect(r.stderr).toContain("附件3-1");
    expect(listFiles(d)).toEqual(["p.xlsx"]);
    fs.rmSync(d, { recursive: true, force: true });
  });
});

describe("LibreOffice opens a marked file", () => {
  it("and shows our notes and the person's note, the cells filled by severity", async () => {
    const input = path.join(dir, "corpus.xlsx");
    fs.writeFileSync(input, handWrittenWorkbook());
    const out = path.join(dir, "corpus-marked.xlsx");
    const r = await run(["mark", input, "-o", out, "--json"], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as MarkJson;
    const fods = fs.readFileSync(await sofficeConvert(out, "fods", dir), "utf8");
    const annotations = fods.match(/<office:annotation\b[\s\S]*?<\/office:annotation>/g) ?? [];
    const ours = annotations.filter((a) => a.includes(MARK_AUTHOR));
    // every mark but the one on the cell with the person's note (H23) is a note of ours
    expect(ours.length).toBe(json.marks.filter((m) => m.cell !== "H23").length);
    expect(annotations.some((a) => a.includes("总分请复核"))).toBe(true);
    for (const sev of new Set(json.marks.map((m) => m.severity))) {
      expect(fods.toLowerCase()).toContain(`fo:background-color="#${MARK_FILLS[sev].toLowerCase()}"`);
    }
  });

  it("a LibreOffice-written .xlsx with a person's note: its comments part and drawing are extended; clear gives back every part", async () => {
    const fods = path.join(dir, "lo.fods");
    fs.writeFileSync(fods, fodsWorkbook());
    const xlsx = await sofficeConvert(fods, "xlsx:Calc MS Excel 2007 XML", dir);
    const before = await partsOf(new Uint8Array(fs.readFileSync(xlsx)));
    const commentsParts = [...before.keys()].filter((n) => /comments\d*\.xml$/.test(n));
    expect(commentsParts.length).toBe(1);
    const out = path.join(dir, "lo-marked.xlsx");
    const r = await run(["mark", xlsx, "-o", out, "--json"], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as MarkJson;
    expect(json.marks.length).toBeGreaterThan(0);
    const after = await partsOf(new Uint8Array(fs.readFileSync(out)));
    expect([...after.keys()].filter((n) => /comments\d*\.xml$/.test(n))).toEqual(commentsParts);
    const comments = new TextDecoder().decode(after.get(commentsParts[0])!);
    expect(comments).toContain("总分请复核");
    expect((comments.match(new RegExp(MARK_AUTHOR, "g")) ?? []).length).toBeGreaterThan(0);
    const lo = fs.readFileSync(await sofficeConvert(out, "fods", dir), "utf8");
    const annotations = lo.match(/<office:annotation\b[\s\S]*?<\/office:annotation>/g) ?? [];
    expect(annotations.some((a) => a.includes("总分请复核"))).toBe(true);
    // the cell holding the person's note gets no note of ours
    const theirs = /<comment ref="([A-Z]+\d+)"(?:(?!<\/comment>)[\s\S])*?总分请复核/.exec(
      new TextDecoder().decode(before.get(commentsParts[0])!),
    )?.[1];
    expect(json.marks.some((m) => m.cell === theirs)).toBe(true);
    expect(annotations.filter((a) => a.includes(MARK_AUTHOR)).length).toBe(json.marks.filter((m) => m.cell !== theirs).length);
    const cleared = path.join(dir, "lo-cleared.xlsx");
    expect((await run(["mark", "--clear", out, "-o", cleared], dir)).code).toBe(0);
    expect(await sameParts(xlsx, cleared)).toEqual([]);
  });
});
