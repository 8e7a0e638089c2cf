/**
 * Rows and cells stored without an `r` attribute (valid OOXML: the position is implied by order — some generators
 * and WPS write this), made here from a fixture: a row's cells without r, every row without r, both, a gap before a
 * cell with r followed by cells without, and a row stored as two elements whose second holds a cell without r (a
 * cell the writer inserts goes just before it, so that cell needs its r written out). Through the CLI: check reads
 * each as the fixture; fill writes the planned cells at the fixture's places and nothing else, a second fill changes
 * nothing; mark then clear gives the input back byte for byte; LibreOffice computes what it computes from the fixture.
 */
import * as fs from "fs";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { tempDir } from "../../cli/run";
import { throughCommands } from "./throughCommands";
import { fixtureBytes } from "./badInputs";
import { editPart } from "./hostile";
import { recalculated, sofficeConvertMany } from "../../support/libreoffice";
import { changedCells, partsOf, readCells } from "../../fuzz/oracle";
import { CELL, MEDICAL, ROW, SHEET, SHEET1, pipe, rowNumber, withoutCell } from "./sheetRows";
import { SheetXml } from "../../../src/adapters/xlsx/sheetEdit";
import { loadXlsxSync } from "../../../src/adapters/xlsx";
import { MARK_AUTHOR, MARK_FILLS, type MarkPlan } from "../../../src/core/marks";

jest.setTimeout(300_000);

/** The sheet with each stored row passed through f (the fixture holds no markup-like text in its rows). */
const eachRow = (f: (row: string) => string) => (xml: string) => xml.replace(ROW, f);
const noR = (tag: string) => tag.replace(/ r="[A-Z]*\d+"/, "");
/** The row's cells without r where `which` says so (by reference). */
const cellsNoR = (which: (ref: string) => boolean) => (row: string) =>
  row.replace(CELL, (c) =>
    which(/^<c r="([A-Z]+\d+)"/.exec(c)?.[1] ?? "") ? noR(c.slice(0, c.indexOf(">") + 1)) + c.slice(c.indexOf(">") + 1) : c,
  );
const inRow = (n: number, f: (row: string) => string) => eachRow((r) => (rowNumber(r) === n ? f(r) : r));
/** Every row whose cells are all stored (row 2 holds I2 alone: without r it would be A2). */
const dense = (row: string) => rowNumber(row) !== 2;

/** The bases: the fixture, and the fixture without G6 (its 执行率: fill and mark then add a cell to row 6). */
const BASES: Record<string, (xml: string) => string> = {
  fixture: (x) => x,
  "G6 absent": withoutCell("G6"),
  "B23–H23 absent": pipe(...["B23", "C23", "D23", "E23", "F23", "G23", "H23"].map(withoutCell)),
};

const VARIANTS: Record<string, { base: string; edit: (xml: string) => string }> = {
  "row 6's cells without r": {
    base: "fixture",
    edit: inRow(
      6,
      cellsNoR(() => true),
    ),
  },
  "every row without r": { base: "fixture", edit: eachRow((r) => noR(r.slice(0, r.indexOf(">") + 1)) + r.slice(r.indexOf(">") + 1)) },
  "every row and every dense row's cells without r": {
    base: "fixture",
    edit: eachRow((r) => {
      const c = dense(r) ? cellsNoR(() => true)(r) : r;
      return noR(c.slice(0, c.indexOf(">") + 1)) + c.slice(c.indexOf(">") + 1);
    }),
  },
  "G6 absent, A6–F6 and I6 without r (H6 keeps it)": {
    base: "G6 absent",
    edit: inRow(
      6,
      cellsNoR((ref) => ref !== "H6"),
    ),
  },
  "G6 absent, every row and cell without r but H6": {
    base: "G6 absent",
    edit: eachRow((r) => {
      const c = dense(r) ? cellsNoR((ref) => ref !== "H6")(r) : r;
      return noR(c.slice(0, c.indexOf(">") + 1)) + c.slice(c.indexOf(">") + 1);
    }),
  },
  "G6 absent, row 6 as two elements: I6..B6 right to left, then A6 without r": {
    base: "G6 absent",
    edit: inRow(6, (r) => {
      const tag = r.slice(0, r.indexOf(">") + 1);
      const cells = r.match(CELL)!;
      const a = cells.find((c) => c.startsWith('<c r="A6"'))!;
      const rest = cells.filter((c) => c !== a).reverse();
      return `${tag}${rest.join("")}</row>${tag}${cellsNoR(() => true)(a)}</row>`;
    }),
  },
  "B23–H23 absent, row 23 as two elements: I23, then A23 without r": {
    base: "B23–H23 absent",
    edit: inRow(23, (r) => {
      const tag = r.slice(0, r.indexOf(">") + 1);
      const [a, ...rest] = r.match(CELL)!;
      return `${tag}${rest.reverse().join("")}</row>${tag}${cellsNoR(() => true)(a)}</row>`;
    }),
  },
};

let dir: string;
let n = 0;
beforeAll(() => (dir = tempDir("jixiao-implied-")));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

interface Outcome {
  check: unknown;
  plan: { cell: string; after: unknown }[];
  /** The planned cells as the filled file holds them, each at its position. */
  written: Record<string, unknown>;
  filled: string;
}

/** check, fill, fill again, mark, clear on one workbook, with what every one must keep. */
async function through(name: string, bytes: Uint8Array): Promise<Outcome> {
  const o = await throughCommands(path.join(dir, String(n++)), name, bytes, SHEET);
  const written = Object.fromEntries(o.plan.map((c) => [c.cell, o.filledCells.get(SHEET)!.get(c.cell)]));
  return { check: o.check, plan: o.plan, written, filled: o.filledPath };
}

describe("rows and cells stored without r", () => {
  const outcomes = new Map<string, Outcome>();
  const oracles = new Map<string, Outcome>();
  const base = (name: string) => editPart(fixtureBytes(MEDICAL), SHEET1, BASES[name]);

  beforeAll(async () => {
    for (const name of Object.keys(BASES)) oracles.set(name, await through(name, base(name)));
  });

  it.each(Object.keys(VARIANTS))(
    "%s: read as the fixture, filled at its places once, marked and cleared back to its bytes",
    async (name) => {
      const v = VARIANTS[name];
      const o = await through(name, editPart(base(v.base), SHEET1, v.edit));
      outcomes.set(name, o);
      const oracle = oracles.get(v.base)!;
      expect(o.check).toEqual(oracle.check);
      expect(o.plan).toEqual(oracle.plan);
      expect(Object.keys(o.written).sort()).toEqual(Object.keys(oracle.written).sort());
    },
  );

  it("a cell inserted before a cell without r writes its r; taking the inserted cell away takes that r away", () => {
    // row 1 stored as two elements, D1 and C1 right to left, then A1 without r: B1 goes just before A1
    const xml =
      '<worksheet><sheetData><row r="1"><c r="D1"><v>4</v></c><c r="C1"><v>3</v></c></row><row r="1"><c s="2"><v>1</v></c></row></sheetData></worksheet>';
    const sx = new SheetXml(xml);
    expect(sx.cell(1, 1)?.xml).toBe('<c s="2"><v>1</v></c>');
    expect(sx.nextWithoutR(1, 2)).toBe('<c s="2">');
    const added = sx.withCells(new Map([[1, new Map([[2, '<c r="B1" s="5"/>']])]]));
    expect(added).toBe(
      '<worksheet><sheetData><row r="1"><c r="D1"><v>4</v></c><c r="C1"><v>3</v></c></row><row r="1"><c r="B1" s="5"/><c s="2" r="A1"><v>1</v></c></row></sheetData></worksheet>',
    );
    const back = new SheetXml(added);
    expect(back.cell(1, 1)?.xml).toBe('<c s="2" r="A1"><v>1</v></c>');
    const take = new Map([[1, new Map([[2, ""]])]]);
    expect(back.withCells(take, undefined, new Map([[1, new Map([[2, '<c s="2">']])]]))).toBe(xml);
    // without the record the r stays (it may have been the file's own); a tag that differs by more than r is not put back
    expect(back.withCells(take)).toContain('<c s="2" r="A1">');
    expect(back.withCells(take, undefined, new Map([[1, new Map([[2, '<c s="3">']])]]))).toContain('<c s="2" r="A1">');
  });

  it("a mark on a cell the row lacks, just before a cell without r: that cell's r is written, and taken away on clear", () => {
    const v = VARIANTS["B23–H23 absent, row 23 as two elements: I23, then A23 without r"];
    const input = editPart(base(v.base), SHEET1, v.edit);
    const plan: MarkPlan = {
      marks: [
        { sheet: SHEET, cell: "H23", severity: "error", codes: ["TOTAL_MISMATCH"], note: `${MARK_AUTHOR}\n总分`, fill: MARK_FILLS.error },
      ],
    };
    const book = loadXlsxSync(input);
    book.marks.apply(plan);
    const marked = book.bytes();
    const row23 = (bytes: Uint8Array) =>
      strFromU8(unzipSync(bytes)[SHEET1])
        .match(/<row r="23"[^>]*>.*?<\/row>/g)!
        .join("");
    expect(row23(marked)).toMatch(/<c r="H23" s="\d+"\/><c s="2" t="s" r="A23">/);
    expect(changedCells(readCells(partsOf(input)), readCells(partsOf(marked)), new Map([[SHEET, new Set(["H23"])]]))).toEqual([]);
    const again = loadXlsxSync(marked);
    expect(again.marks.clear()).toBe(1);
    expect(same(again.bytes(), input)).toBe(true);
  });

  it("a row inserted before a row without r writes its r; taking the inserted row away takes that r away", () => {
    // row 3's element holds A5 (the reader's row moves with it), so the row after it, without r, is row 6
    const xml = '<worksheet><sheetData><row r="3"><c r="A5"><v>5</v></c></row><row ht="12"><c><v>6</v></c></row></sheetData></worksheet>';
    const sx = new SheetXml(xml);
    expect(sx.cell(6, 1)?.xml).toBe("<c><v>6</v></c>");
    expect(sx.nextRowWithoutR(4)).toBe('<row ht="12">');
    const added = sx.withCells(new Map([[4, new Map([[2, '<c r="B4" s="5"/>']])]]));
    expect(added).toBe(
      '<worksheet><sheetData><row r="3"><c r="A5"><v>5</v></c></row><row r="4"><c r="B4" s="5"/></row><row ht="12" r="6"><c><v>6</v></c></row></sheetData></worksheet>',
    );
    const back = new SheetXml(added);
    expect(back.cell(6, 1)?.xml).toBe("<c><v>6</v></c>");
    const take = new Map([[4, new Map([[2, ""]])]]);
    expect(back.withCells(take, undefined, undefined, new Map([[4, '<row ht="12">']]))).toBe(xml);
    expect(back.withCells(take, undefined, undefined, new Map([[4, null]]))).toContain('</row><row ht="12" r="6">');
  });

  it("a mark on a cell of a row the sheet lacks: clear takes the row it added away", () => {
    const input = editPart(fixtureBytes(MEDICAL), SHEET1, (x) => x.replace(/<row r="2"[\s\S]*?<\/row>/, ""));
    const book = loadXlsxSync(input);
    book.marks.apply({
      marks: ["C2", "D2"].map((cell) => ({
        sheet: SHEET,
        cell,
        severity: "error" as const,
        codes: ["TOTAL_MISMATCH" as const],
        note: `${MARK_AUTHOR}\n行`,
        fill: MARK_FILLS.error,
      })),
    });
    const marked = book.bytes();
    expect(strFromU8(unzipSync(marked)[SHEET1])).toMatch(/<row r="2"><c r="C2" s="\d+"\/><c r="D2" s="\d+"\/><\/row>/);
    const again = loadXlsxSync(marked);
    expect(again.marks.clear()).toBe(2);
    expect(same(again.bytes(), input)).toBe(true);
  });

  it("LibreOffice computes from every file filled what it computes from the fixture filled", async () => {
    const names = Object.keys(VARIANTS).filter((k) => outcomes.has(k));
    expect(names).toHaveLength(Object.keys(VARIANTS).length);
    const files = [...Object.keys(BASES).map((b) => oracles.get(b)!.filled), ...names.map((k) => outcomes.get(k)!.filled)];
    const copies = files.map((f, i) => {
      const c = path.join(dir, `lo-in-${i}.xlsx`);
      fs.copyFileSync(f, c);
      return c;
    });
    const out = path.join(dir, "lo");
    fs.mkdirSync(out);
    const lo = await Promise.all((await sofficeConvertMany(copies, "xlsx:Calc MS Excel 2007 XML", out)).map(recalculated));
    const values = (i: number) =>
      Array.from({ length: 23 }, (_, r) => "ABCDEFGHI".split("").map((c) => lo[i].value(SHEET, `${c}${r + 1}`)));
    const byBase = new Map(Object.keys(BASES).map((b, i) => [b, values(i)]));
    for (const [i, name] of names.entries())
      expect({ name, values: values(Object.keys(BASES).length + i) }).toEqual({ name, values: byBase.get(VARIANTS[name].base) });
  });
});
