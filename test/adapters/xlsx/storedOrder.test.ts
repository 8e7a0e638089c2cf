/**
 * Rows and cells stored out of order or twice, made here from a fixture: rows in descending order, cells right to left,
 * a row stored twice, a cell stored twice (the same, or different). Through the CLI: check reads each as the fixture;
 * fill writes each planned cell once and nothing else (every other row and cell where and as it was stored — order,
 * copies, a row's spans), and a second fill changes nothing; mark changes no value and mark then clear gives the input
 * back byte for byte; LibreOffice opens every file written and computes what it computes from the fixture filled. Copies
 * of a cell that differ are refused by every command (exit 2, one message, nothing written). The reader takes a shared
 * formula's cells stored before its first cell with their formulas; the writer's own cases are checked on small sheets.
 */
import * as fs from "fs";
import * as path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { run, tempDir, expectOneLineZhEn } from "../../cli/run";
import { throughCommands } from "./throughCommands";
import { fixtureBytes } from "./badInputs";
import { editPart, skeleton } from "./hostile";
import { recalculated, sofficeConvertMany } from "../../support/libreoffice";
import { CELL, MEDICAL, ROW, SHEET, SHEET1, cellOf, pipe, rowNumber, withoutCell } from "./sheetRows";
import { SheetXml } from "../../../src/adapters/xlsx/sheetEdit";
import { loadXlsxSync } from "../../../src/adapters/xlsx";
import type { SnapshotCell } from "../../../src/core/snapshot";

jest.setTimeout(300_000);

/** The sheet with its sheetData's rows edited (the fixture holds no markup-like text in them). */
const withRows = (f: (rows: string[]) => string[]) => (xml: string) => {
  const a = xml.indexOf("<sheetData>") + "<sheetData>".length;
  const b = xml.indexOf("</sheetData>");
  return xml.slice(0, a) + f(xml.slice(a, b).match(ROW) ?? []).join("") + xml.slice(b);
};
const cellsReversed = (row: string) => {
  const cells = row.match(CELL) ?? [];
  return cells.length ? row.slice(0, row.indexOf(">") + 1) + cells.reverse().join("") + "</row>" : row;
};
const twice = (ref: string, other?: (cell: string) => string) => (xml: string) => {
  const c = cellOf(xml, ref);
  return xml.replace(c, c + (other ? other(c) : c));
};

/** The bases: the fixture, and the fixture without G6 (its 执行率: fill and mark then add a cell to row 6). */
const BASES: Record<string, (xml: string) => string> = { fixture: (x) => x, "G6 absent": withoutCell("G6") };

/** The variants a spreadsheet reads as their base, each on a base. */
const READABLE: Record<string, { base: string; edit: (xml: string) => string }> = {
  "rows in descending order": { base: "fixture", edit: withRows((rows) => [...rows].reverse()) },
  "rows in descending order, G6 absent": { base: "G6 absent", edit: withRows((rows) => [...rows].reverse()) },
  "cells right to left": { base: "fixture", edit: withRows((rows) => rows.map(cellsReversed)) },
  "cells right to left, G6 absent": { base: "G6 absent", edit: withRows((rows) => rows.map(cellsReversed)) },
  "rows 6, 13 and 23 stored twice": {
    base: "fixture",
    edit: withRows((rows) => rows.flatMap((r) => ([6, 13, 23].includes(rowNumber(r)) ? [r, r] : [r]))),
  },
  "H13 and G6 stored twice, the same": { base: "fixture", edit: pipe(twice("H13"), twice("G6")) },
};

let dir: string;
let n = 0;
beforeAll(() => (dir = tempDir("jixiao-stored-order-")));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
const read = (f: string) => new Uint8Array(fs.readFileSync(f));
const sheetText = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)[SHEET1]);

/** The `<row>` start tags of a sheet, in the order stored. */
const rowTags = (xml: string) => (xml.match(ROW) ?? []).map((r) => r.slice(0, r.indexOf(">") + 1));
/** The cell references of a sheet, in the order stored (a copy stored twice is there twice). */
const refs = (xml: string) => [...xml.matchAll(/<c r="([A-Z]+\d+)"/g)].map((m) => m[1]);

interface Outcome {
  check: unknown;
  plan: { cell: string; after: unknown }[];
  filled: string;
}

/** check, fill, fill again, mark, clear on one workbook, with what every one must keep; the fill's plan and output. */
async function through(name: string, bytes: Uint8Array): Promise<Outcome> {
  // fill: each planned cell written once, every other row and cell where and as it was stored
  const o = await throughCommands(path.join(dir, String(n++)), name, bytes, SHEET, ({ input, filled, plan, planned, cells }) => {
    for (const c of plan) expect({ cell: c.cell, copies: cells.get(SHEET)!.get(c.cell)!.length }).toEqual({ cell: c.cell, copies: 1 });
    const before = refs(sheetText(input));
    const after = refs(sheetText(filled));
    const kept = before.filter((r) => !planned.has(r));
    expect(after.filter((r) => !planned.has(r))).toEqual(kept);
    // every row as stored, in the order stored; a row that gains a cell only loses its spans hint
    const gained = new Set(after.filter((r) => !before.includes(r)).map((r) => Number(r.replace(/[A-Z]+/, ""))));
    const tagsBefore = rowTags(sheetText(input)).map((t) => (gained.has(rowNumber(t)) ? t.replace(/ spans="[^"]*"/, "") : t));
    expect(rowTags(sheetText(filled))).toEqual(tagsBefore);
  });
  return { check: o.check, plan: o.plan, filled: o.filledPath };
}

describe("rows and cells stored out of order or twice", () => {
  const outcomes = new Map<string, Outcome>();
  const oracles = new Map<string, Outcome>();
  const base = (name: string) => editPart(fixtureBytes(MEDICAL), SHEET1, BASES[name]);

  beforeAll(async () => {
    for (const name of Object.keys(BASES)) oracles.set(name, await through(name, base(name)));
  });

  it.each(Object.keys(READABLE))("%s: read as stored in order, filled once, marked and cleared back to its bytes", async (name) => {
    const v = READABLE[name];
    const o = await through(name, editPart(base(v.base), SHEET1, v.edit));
    outcomes.set(name, o);
    const oracle = oracles.get(v.base)!;
    expect(o.check).toEqual(oracle.check);
    expect(o.plan).toEqual(oracle.plan);
  });

  it("rows and cells stored last first stay so, with their spans: a new row or cell goes where the order puts it", () => {
    const xml =
      '<worksheet><sheetData><row r="9" spans="1:2"><c r="A9"><v>9</v></c></row><row r="5" spans="2:3"><c r="C5"><v>5</v></c><c r="B5"><v>4</v></c></row>' +
      '<row r="2" spans="1:2"><c r="A2"><v>2</v></c></row></sheetData></worksheet>';
    const out = new SheetXml(xml).withCells(
      new Map([
        [7, new Map([[1, '<c r="A7"><v>7</v></c>']])],
        [5, new Map([[1, '<c r="A5"><v>1</v></c>']])],
      ]),
    );
    expect(out).toBe(
      '<worksheet><sheetData><row r="9" spans="1:2"><c r="A9"><v>9</v></c></row><row r="7"><c r="A7"><v>7</v></c></row>' +
        '<row r="5"><c r="C5"><v>5</v></c><c r="B5"><v>4</v></c><c r="A5"><v>1</v></c></row><row r="2" spans="1:2"><c r="A2"><v>2</v></c></row></sheetData></worksheet>',
    );
  });

  it("a cell stored twice: a format goes on each copy, new content once", () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1" s="1"><v>3</v></c><c r="B1"/></row><row r="1"><c r="A1" s="1"><v>3</v></c></row></sheetData></worksheet>';
    const sx = new SheetXml(xml);
    expect(sx.copiesOf(1, 1)).toHaveLength(2);
    expect(sx.styleOf(1, 1)).toBe(1);
    const format = sx.withCells(new Map([[1, new Map([[1, { each: (c) => c.xml.replace('s="1"', 's="4"') }]])]]));
    expect(format.match(/<c r="A1" s="4"><v>3<\/v><\/c>/g)).toHaveLength(2);
    const content = sx.withCells(new Map([[1, new Map([[1, '<c r="A1"><v>8</v></c>']])]]));
    expect(content).toBe(
      '<worksheet><sheetData><row r="1"><c r="A1"><v>8</v></c><c r="B1"/></row><row r="1"></row></sheetData></worksheet>',
    );
  });

  it("a self-closing row that gained a cell is self-closing again when the cell goes", () => {
    const xml = '<worksheet><sheetData><row r="1" spans="1:3"/><row r="2"><c r="A2"><v>1</v></c></row></sheetData></worksheet>';
    const sx = new SheetXml(xml);
    const tag = sx.rowTag(1, 2)!;
    const added = sx.withCells(new Map([[1, new Map([[2, '<c r="B1" s="5"/>']])]]));
    expect(added).toContain('<row r="1"><c r="B1" s="5"/></row><row r="2">');
    const back = new SheetXml(added).withCells(new Map([[1, new Map([[2, ""]])]]), new Map([[1, tag]]));
    expect(back).toBe(xml);
  });

  it("copies of a cell with different formats: the writer refuses to choose (cell-stored-twice)", () => {
    const sx = new SheetXml(
      '<worksheet><sheetData><row r="1"><c r="A1" s="2"/><c r="A1" s="1"><v>3</v></c></row></sheetData></worksheet>',
      "sheet1.xml",
      "表",
    );
    expect(() => sx.styleOf(1, 1)).toThrow(/表!A1/);
  });

  it("LibreOffice opens every file filled and computes what it computes from the fixture filled", async () => {
    const names = Object.keys(READABLE).filter((k) => outcomes.has(k));
    expect(names).toHaveLength(Object.keys(READABLE).length);
    const lo = path.join(dir, "lo");
    fs.mkdirSync(lo);
    const bases = Object.keys(BASES);
    const files = [...bases.map((b) => oracles.get(b)!.filled), ...names.map((k) => outcomes.get(k)!.filled)];
    const copies = files.map((f, i) => {
      const c = path.join(dir, `lo-in-${i}.xlsx`);
      fs.copyFileSync(f, c);
      return c;
    });
    const all = await Promise.all((await sofficeConvertMany(copies, "xlsx:Calc MS Excel 2007 XML", lo)).map(recalculated));
    const wants = new Map(bases.map((b, i) => [b, all[i]]));
    const got = all.slice(bases.length);
    expect(wants.get("fixture")!.value(SHEET, "H23")).toBe(98);
    const addresses = Array.from({ length: 23 }, (_, r) => "ABCDEFGHI".split("").map((c) => `${c}${r + 1}`)).flat();
    for (const [i, g] of got.entries()) {
      const want = wants.get(READABLE[names[i]].base)!;
      const diff = addresses
        .filter((a) => g.value(SHEET, a) !== want.value(SHEET, a))
        .map((a) => `${a}: ${String(g.value(SHEET, a))} ≠ ${String(want.value(SHEET, a))}`);
      expect({ variant: names[i], diff }).toEqual({ variant: names[i], diff: [] });
    }
  });
});

describe("the reader", () => {
  const book = (sheetData: string) => {
    const files = skeleton(["S"]);
    files["xl/worksheets/sheet1.xml"] =
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`;
    const cells = (
      loadXlsxSync(zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])))).snapshots()[0] as {
        cells: SnapshotCell[];
      }
    ).cells;
    return cells.map((c) => `${c.row}:${c.col} ${String(c.value)} ${c.formula ?? ""}`).sort();
  };

  it("takes a shared formula's cells stored before its first cell (rows last first) with their formulas", () => {
    expect(
      book(
        '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c></row>' +
          '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/></c></row>' +
          '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row>',
      ),
    ).toEqual(["1:1 1 ", "1:2 2 =A1*2", "2:1 2 ", "2:2 null =A2*2", "3:1 3 ", "3:2 6 =A3*2"]);
  });

  it("reads a cell or row stored twice, the copies the same, once", () => {
    const row = '<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="inlineStr"><is><t>x</t></is></c></row>';
    expect(book(row + row)).toEqual(["1:1 1 ", "1:2 x "]);
    expect(book('<row r="2"><c r="B2"><v>5</v></c><c r="A2"><v>4</v></c><c r="B2"><v>5</v></c></row>')).toEqual(["2:1 4 ", "2:2 5 "]);
  });
});

describe("a cell stored twice with different contents", () => {
  it.each([
    ["check", ["check", "in.xlsx"], null],
    ["fill", ["fill", "in.xlsx", "-o", "out.xlsx"], "out.xlsx"],
    ["fill --in-place", ["fill", "in.xlsx", "--in-place"], null],
    ["mark", ["mark", "in.xlsx", "-o", "out.xlsx"], "out.xlsx"],
    ["mark --clear", ["mark", "--clear", "in.xlsx", "-o", "out.xlsx"], "out.xlsx"],
    ["report", ["report", "in.xlsx", "-o", "out.docx", "--as-is"], "out.docx"],
  ] as const)("%s refuses it: exit 2, the cell named, nothing written", async (_name, argv, out) => {
    const sub = path.join(dir, `differ-${n++}`);
    fs.mkdirSync(sub);
    // H13 holds 13, then a second H13 holding 15: LibreOffice shows the later, the first is what came first
    const bytes = editPart(
      fixtureBytes(MEDICAL),
      SHEET1,
      twice("H13", (c) => c.replace(/<v>[^<]*<\/v>/, "<v>15</v>")),
    );
    fs.writeFileSync(path.join(sub, "in.xlsx"), bytes);
    const r = await run([...argv], sub);
    expect(r.code).toBe(2);
    expectOneLineZhEn(r.stderr);
    expect(r.stderr).toContain(`${SHEET}!H13`);
    expect(r.stderr).toMatch(/存了不止一份/);
    if (out) expect(fs.existsSync(path.join(sub, out))).toBe(false);
    expect(same(read(path.join(sub, "in.xlsx")), bytes)).toBe(true);
  });
});
