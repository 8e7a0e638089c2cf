/**
 * Workbooks in other writers' shapes (test/fuzz/bases: LibreOffice, ExcelJS, SheetJS, Excel-, WPS- and
 * generator-like XML): each is recognised as the table it was made from, and each class of input the long fuzz runs
 * over them found has a test of its own here.
 */
import * as fs from "fs";
import * as path from "path";
import { run, tempDir } from "../cli/run";
import { loadShapes, SHAPES } from "./cases";
import { partsOf } from "./oracle";
import { readEntries, writeZip } from "./zip";

let dir: string;
beforeAll(() => (dir = tempDir("jixiao-shapes-")));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
const dec = new TextDecoder();
const enc = new TextEncoder();
let n = 0;

/** A base's bytes (copied, never written beside it). */
const base = (name: string) => new Uint8Array(fs.readFileSync(path.join(SHAPES, name)));

/** The workbook with one part's text replaced. */
function edited(bytes: Uint8Array, part: string, f: (text: string) => string): Uint8Array {
  return writeZip(readEntries(bytes).map((e) => (e.name === part ? { ...e, data: enc.encode(f(dec.decode(e.data))) } : e)));
}

/** Runs commands in a folder of its own holding `in.xlsx`; the folder. */
function folder(input: Uint8Array): string {
  const sub = path.join(dir, String(n++));
  fs.mkdirSync(sub);
  fs.writeFileSync(path.join(sub, "in.xlsx"), input);
  return sub;
}

async function markThenClear(input: Uint8Array): Promise<{ marked: Uint8Array; cleared: Uint8Array }> {
  const sub = folder(input);
  const m = await run(["mark", "in.xlsx", "-o", "m.xlsx", "--json"], sub);
  expect(m.code).toBe(0);
  const c = await run(["mark", "--clear", "m.xlsx", "-o", "mc.xlsx", "--json"], sub);
  expect(c.code).toBe(0);
  return {
    marked: new Uint8Array(fs.readFileSync(path.join(sub, "m.xlsx"))),
    cleared: new Uint8Array(fs.readFileSync(path.join(sub, "mc.xlsx"))),
  };
}

test.each(loadShapes().map((b) => [b.name, b] as const))("%s: a table is recognised", async (_name, b) => {
  const sub = folder(b.bytes);
  const r = await run(["check", "in.xlsx", "--json"], sub);
  expect(r.code).toBe(0);
  const sheets = (JSON.parse(r.stdout) as { sheets: { kind: string | null }[] }).sheets;
  expect(sheets.some((s) => s.kind && s.kind !== "none")).toBe(true);
});

describe("a cell written without a style index (s omitted: style 0)", () => {
  test("SheetJS's cells: mark then clear = the input, byte for byte", async () => {
    const input = base("sheetjs-project-yongde-nutrition.xlsx");
    const sheet = dec.decode(partsOf(input)["xl/worksheets/sheet1.xml"]);
    expect(sheet).toMatch(/<c r="I16"><v>/);
    const { marked, cleared } = await markThenClear(input);
    expect(dec.decode(partsOf(marked)["xl/worksheets/sheet1.xml"])).toMatch(/<c r="I16" s="[1-9]\d*"><v>/);
    expect(same(cleared, input)).toBe(true);
  });

  test('a sheet that writes s="0" out keeps it: mark then clear = the input', async () => {
    const input = edited(base("sheetjs-project-yongde-nutrition.xlsx"), "xl/worksheets/sheet1.xml", (s) =>
      s.replace(/<c r="([A-Z]+\d+)"([^>]*)>/g, (m, r: string, a: string) => (/\ss="/.test(a) ? m : `<c r="${r}" s="0"${a}>`)),
    );
    expect(dec.decode(partsOf(input)["xl/worksheets/sheet1.xml"])).toMatch(/<c r="I16" s="0"><v>/);
    const { cleared } = await markThenClear(input);
    expect(same(cleared, input)).toBe(true);
  });
});

describe("a workbook part under another name (xl/book.xml, named by _rels/.rels)", () => {
  const name = "generator-prefixed-project-tangxi-village.xlsx";

  test("is read, filled and marked; the fill writes the workbook part where it is", async () => {
    const input = base(name);
    expect(Object.keys(partsOf(input))).not.toContain("xl/workbook.xml");
    const sub = folder(input);
    const c = await run(["check", "in.xlsx", "--json"], sub);
    expect(c.code).toBe(0);
    expect((JSON.parse(c.stdout) as { sheets: { kind: string }[] }).sheets.map((s) => s.kind)).toEqual(["project"]);
    const f = await run(["fill", "in.xlsx", "-o", "f.xlsx", "--json"], sub);
    expect(f.code).toBe(0);
    const filled = partsOf(new Uint8Array(fs.readFileSync(path.join(sub, "f.xlsx"))));
    expect(Object.keys(filled)).not.toContain("xl/workbook.xml");
    expect(dec.decode(filled["xl/book.xml"])).toMatch(/fullCalcOnLoad="1"/);
    const { cleared } = await markThenClear(input);
    expect(same(cleared, input)).toBe(true);
  });

  test("a zip whose _rels/.rels names a part that is not there, or not a workbook, is still no workbook", async () => {
    for (const target of ["/xl/nothing.xml", "/xl/sheets/data-1.xml"]) {
      const input = edited(base(name), "_rels/.rels", (s) => s.replace('Target="/xl/book.xml"', `Target="${target}"`));
      const sub = folder(input);
      const r = await run(["check", "in.xlsx"], sub);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/没有 Excel 工作簿|no Excel workbook/);
    }
  });
});

test("Excel's shared formulas: a filled summary whose rates are one shared formula plans nothing", async () => {
  const input = base("excel-summary-projects-filled.xlsx");
  expect(dec.decode(partsOf(input)["xl/worksheets/sheet1.xml"])).toMatch(/<f t="shared" si="0"\/>/);
  const sub = folder(input);
  const r = await run(["check", "in.xlsx", "--json"], sub);
  expect(r.code).toBe(0);
  expect((JSON.parse(r.stdout) as { sheets: { kind: string; fillChanges: number }[] }).sheets).toEqual([
    expect.objectContaining({ kind: "summary", fillChanges: 0 }),
  ]);
});
