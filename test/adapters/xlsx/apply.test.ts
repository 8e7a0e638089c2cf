/**
 * The surgical writer on the shared fixtures and on workbooks made for one case: what it writes, what it leaves
 * byte for byte, what it refuses, and undo (restore) — exact, from the book's own history or from `before` alone.
 */
import fc from "fast-check";
import ExcelJS from "exceljs";
import { loadXlsx, type XlsxBook } from "../../../src/adapters/xlsx";
import { isUserError, UserError } from "../../../src/core/errors";
import { Grid } from "../../../src/core/snapshot";
import { a1, parseA1 } from "../../../src/core/address";
import type { CellChange } from "../../../src/core/plan";
import { fixtureBytes } from "./badInputs";
import { cellXml, partXml, readBook } from "./dump";
import { cellsOf, partsOf } from "./parts";

const MEDICAL = "project-medical-aid-2020";
const SHEET = "附件3-1";

/** A change as the engine makes it: `before` is what the book's snapshot shows. */
export function changeOf(
  book: XlsxBook,
  sheet: string,
  cell: string,
  after: CellChange["after"],
  kind: CellChange["kind"] = "formula",
): CellChange {
  const g = new Grid(book.snapshots().find((s) => s.name === sheet)!);
  const { row, col } = parseA1(cell);
  return {
    sheet,
    cell,
    kind,
    before: { value: g.value(row, col), formula: g.formula(row, col), numberFormat: g.numberFormat(row, col) },
    after,
    expected: null,
    reason: "测试",
    reasonEn: "test",
  };
}

/** A plan like the engine's for the medical-aid table: 执行率, 执行率得分 (a merged cell), numbers stored as text, 总分. */
function samplePlan(book: XlsxBook): CellChange[] {
  return [
    changeOf(book, SHEET, "D6", { value: 3386.925 }, "number"),
    changeOf(book, SHEET, "E6", { value: 3416.022 }, "number"),
    changeOf(book, SHEET, "G6", { formula: "=E6/D6", numberFormat: "0.00%" }),
    changeOf(book, SHEET, "H6", { formula: "=ROUND(MIN(F6,F6*G6),2)" }),
    changeOf(book, SHEET, "H23", { formula: "=ROUND(H6+SUM(H13:H22),2)" }),
  ];
}

async function bookOf(wb: ExcelJS.Workbook): Promise<XlsxBook> {
  return loadXlsx(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

describe("apply", () => {
  it("writes formulas with the result they compute cached, constants as values, and marks the workbook for recalculation", async () => {
    const book = await loadXlsx(fixtureBytes(MEDICAL));
    book.apply({ changes: samplePlan(book) });
    const out = await book.toBuffer();
    const xml = await partXml(out, "xl/worksheets/sheet1.xml");
    expect(cellXml(xml, "G6")).toMatch(/<f>E6\/D6<\/f>/);
    expect(cellXml(xml, "G6")).toMatch(`<v>${3416.022 / 3386.925}</v>`);
    expect(cellXml(xml, "H6")).toMatch(/<v>10<\/v>/);
    expect(cellXml(xml, "H6")).toMatch(/<f>ROUND\(MIN\(F6,F6\*G6\),2\)<\/f>/);
    expect(cellXml(xml, "D6")).toMatch(/<v>3386.925<\/v>/);
    expect(cellXml(xml, "D6")).not.toMatch(/t="s"/);
    expect(await partXml(out, "xl/workbook.xml")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);

    const s = (await readBook(out)).getWorksheet(SHEET)!;
    expect(s.getCell("G6").formula).toBe("E6/D6");
    expect(s.getCell("G6").numFmt).toBe("0.00%");
    expect(s.getCell("D6").value).toBe(3386.925);
    // the book's own snapshot shows the changes
    const g = new Grid(book.snapshots()[0]);
    expect(g.formula(6, 7)).toBe("=E6/D6");
    expect(g.numberFormat(6, 7)).toBe("0.00%");
    expect(g.value(6, 4)).toBe(3386.925);
    expect(g.value(6, 7)).toBe(3416.022 / 3386.925); // the page's sheet view shows the computed value
  });

  it("changes only the planned <c> elements; every other part and every other byte of the sheet stays", async () => {
    const input = fixtureBytes(MEDICAL);
    const book = await loadXlsx(input);
    const plan = samplePlan(book);
    book.apply({ changes: plan });
    const out = await book.toBuffer();
    const a = await partsOf(input);
    const b = await partsOf(out);
    for (const [name, bytes] of a) {
      if (/^xl\/(worksheets\/sheet1|styles|workbook)\.xml$/.test(name)) continue;
      expect({ name, same: Buffer.compare(Buffer.from(b.get(name)!), Buffer.from(bytes)) === 0 }).toEqual({ name, same: true });
    }
    const ca = cellsOf(new TextDecoder().decode(a.get("xl/worksheets/sheet1.xml")));
    const cb = cellsOf(new TextDecoder().decode(b.get("xl/worksheets/sheet1.xml")));
    const planned = new Set(plan.map((c) => c.cell));
    const differing = [...new Set([...ca.cells.keys(), ...cb.cells.keys()])].filter((k) => ca.cells.get(k) !== cb.cells.get(k));
    expect(differing.sort()).toEqual([...planned].sort());
    expect(cb.outside).toBe(ca.outside);
  });

  it("a format-only change keeps the cell's formula and its value (总分 keeps its 98)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("D6").value = 100;
    ws.getCell("E6").value = 99;
    ws.getCell("G6").value = { formula: 'IFERROR(E6/D6,"")', result: 0.99 };
    const book = await bookOf(wb);
    const c = changeOf(book, "S", "G6", { numberFormat: "0.00%" }, "format");
    expect(c.before.formula).toBe('=IFERROR(E6/D6,"")');
    book.apply({ changes: [c] });
    const out = await book.toBuffer();
    const cell = cellXml(await partXml(out, "xl/worksheets/sheet1.xml"), "G6")!;
    expect(cell).toContain("<f>IFERROR(E6/D6,&quot;&quot;)</f>");
    expect(cell).toContain("<v>0.99</v>");
    const back = (await readBook(out)).getWorksheet("S")!.getCell("G6");
    expect(back.formula).toBe('IFERROR(E6/D6,"")');
    expect(back.numFmt).toBe("0.00%");
    // fill twice = fill once: the same change again leaves the same bytes
    const again = await loadXlsx(out);
    again.apply({ changes: [changeOf(again, "S", "G6", { numberFormat: "0.00%" }, "format")] });
    expect(cellXml(await partXml(await again.toBuffer(), "xl/worksheets/sheet1.xml"), "G6")).toBe(cell);
  });

  it("sets a number format on one cell only, adding one cell format and reusing it", async () => {
    const book = await loadXlsx(fixtureBytes(MEDICAL));
    book.apply({
      changes: [
        changeOf(book, SHEET, "G14", { value: 10, numberFormat: "0.00" }, "score"),
        changeOf(book, SHEET, "G16", { value: 9, numberFormat: "0.00" }, "score"),
      ],
    });
    const out = await book.toBuffer();
    const s = (await readBook(out)).getWorksheet(SHEET)!;
    expect(s.getCell("G14").numFmt).toBe("0.00");
    expect(s.getCell("G16").numFmt).toBe("0.00");
    expect(s.getCell("G15").numFmt).toBeFalsy();
    const before = (await partXml(fixtureBytes(MEDICAL), "xl/styles.xml")).match(/<xf /g)!.length;
    const after = (await partXml(out, "xl/styles.xml")).match(/<xf /g)!.length;
    expect(after - before).toBeLessThanOrEqual(1);
  });

  it("inserts cells and rows the sheet lacks, in order", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("B2").value = 1;
    ws.getCell("D2").value = 2;
    ws.getCell("B5").value = 3;
    const book = await bookOf(wb);
    book.apply({
      changes: [
        changeOf(book, "S", "C2", { formula: "=B2+D2" }),
        changeOf(book, "S", "A3", { value: 7 }),
        changeOf(book, "S", "E9", { value: "文字" }),
      ],
    });
    const out = await book.toBuffer();
    const xml = await partXml(out, "xl/worksheets/sheet1.xml");
    const refs = [...xml.matchAll(/<c r="([A-Z]+\d+)"/g)].map((m) => m[1]);
    expect(refs).toEqual(["B2", "C2", "D2", "A3", "B5", "E9"]);
    const s = (await readBook(out)).getWorksheet("S")!;
    expect(s.getCell("C2").formula).toBe("B2+D2");
    expect(s.getCell("A3").value).toBe(7);
    expect(s.getCell("E9").value).toBe("文字");
  });

  it("refuses, all or nothing, a change inside a merged area, an unknown sheet, a bad address or a number that is not finite", async () => {
    const input = fixtureBytes(MEDICAL);
    const MISSING = "没有这张表";
    const bads: ((b: XlsxBook) => CellChange)[] = [
      (b) => changeOf(b, SHEET, "I6", { value: 1 }),
      (b) => ({ ...changeOf(b, SHEET, "G6", { value: 1 }), sheet: MISSING }),
      (b) => ({ ...changeOf(b, SHEET, "G6", { value: 1 }), cell: "6G" }),
      (b) => changeOf(b, SHEET, "D6", { value: Infinity }, "number"),
    ];
    for (const bad of bads) {
      const book = await loadXlsx(input);
      let err: unknown;
      try {
        book.apply({ changes: [...samplePlan(book), bad(book)] });
      } catch (e) {
        err = e;
      }
      expect(isUserError(err)).toBe(true);
      // a missing sheet is refused with the code every host uses for it; the other bad changes are plan errors
      expect((err as UserError).code).toBe(bad(book).sheet === MISSING ? "sheet-missing" : "plan");
      expect((err as UserError).zh).toContain("未做任何修改");
      expect(Buffer.compare(Buffer.from(await book.toBuffer()), Buffer.from(input))).toBe(0);
    }
  });

  it("refuses to write into a locked cell of a protected sheet, names the cells, writes an unlocked one", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = 1;
    ws.getCell("B1").value = 2;
    ws.getCell("B1").protection = { locked: false };
    await ws.protect("secret", {});
    const book = await bookOf(wb);
    let err: UserError | null = null;
    try {
      book.apply({ changes: [changeOf(book, "S", "A1", { value: 5 }), changeOf(book, "S", "C1", { value: 5 })] });
    } catch (e) {
      err = e as UserError;
    }
    expect(err?.code).toBe("protected");
    expect(err?.zh).toContain("S!A1");
    expect(err?.zh).toContain("S!C1");
    book.apply({ changes: [changeOf(book, "S", "B1", { value: 5 })] });
    expect((await readBook(await book.toBuffer())).getWorksheet("S")!.getCell("B1").value).toBe(5);
  });

  it("writes over the first cell of a shared formula and keeps the other cells' formulas", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = 1;
    ws.getCell("A2").value = { formula: "A1+1", result: 2, shareType: "shared", ref: "A2:A4" } as ExcelJS.CellValue;
    ws.getCell("A3").value = { sharedFormula: "A2", result: 3 } as ExcelJS.CellValue;
    ws.getCell("A4").value = { sharedFormula: "A2", result: 4 } as ExcelJS.CellValue;
    const book = await bookOf(wb);
    expect(new Grid(book.snapshots()[0]).formula(4, 1)).toBe("=A3+1");
    book.apply({ changes: [changeOf(book, "S", "A2", { value: 7 }, "number")] });
    const back = (await readBook(await book.toBuffer())).getWorksheet("S")!;
    expect(back.getCell("A2").value).toBe(7);
    expect(back.getCell("A3").formula).toBe("A2+1");
    expect(back.getCell("A4").formula).toBe("A3+1");
  });
});

describe("restore", () => {
  it("apply then restore gives back the input byte for byte; a cell changed twice goes back one step at a time", async () => {
    const input = fixtureBytes(MEDICAL);
    const book = await loadXlsx(input);
    const first = samplePlan(book);
    book.apply({ changes: first });
    const afterFirst = await book.toBuffer();
    const second = [changeOf(book, SHEET, "G6", { value: 0.5, numberFormat: "0.0%" }, "score")];
    book.apply({ changes: second });
    book.restore(second);
    expect(Buffer.compare(Buffer.from(await book.toBuffer()), Buffer.from(afterFirst))).toBe(0);
    book.restore([...first].reverse());
    expect(Buffer.compare(Buffer.from(await book.toBuffer()), Buffer.from(input))).toBe(0);
    expect(book.snapshots()).toEqual((await loadXlsx(input)).snapshots());
  });

  it("restores from the changes' `before` alone (a filled file reopened): values, formulas, number formats", async () => {
    const original = await loadXlsx(fixtureBytes(MEDICAL));
    const plan = samplePlan(original);
    const book = await loadXlsx(fixtureBytes(MEDICAL));
    book.apply({ changes: plan });
    const reopened = await loadXlsx(await book.toBuffer());
    reopened.restore(plan);
    const s = (await readBook(await reopened.toBuffer())).getWorksheet(SHEET)!;
    expect(s.getCell("D6").value).toBe("\u30003386.925");
    expect(s.getCell("G6").value).toBe("99.15%");
    expect(s.getCell("H6").value).toBe(9.9);
    expect(s.getCell("H23").value).toBe(98);
    const g = new Grid(reopened.snapshots()[0]);
    const g0 = new Grid(original.snapshots()[0]);
    for (const c of plan) {
      const { row, col } = parseA1(c.cell);
      expect([c.cell, g.value(row, col), g.formula(row, col)]).toEqual([c.cell, g0.value(row, col), g0.formula(row, col)]);
    }
  });

  it("property: any plan of constants, formulas and formats over the table, applied then restored, gives back the input", async () => {
    const input = fixtureBytes(MEDICAL);
    const book = await loadXlsx(input);
    const merges = book.snapshots()[0].merges ?? [];
    const covered = (r: number, c: number) =>
      merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
    const cellArb = fc
      .tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 12 }))
      .filter(([r, c]) => !covered(r, c))
      .map(([r, c]) => a1(r, c));
    const afterArb = fc.oneof(
      fc.record({ value: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), fc.constant(null)) }),
      fc.record({ formula: fc.constantFrom("=E6/D6", "=SUM(H13:H22)", '=IF(A1<>"","x","")') }),
      fc.record({ value: fc.integer(), numberFormat: fc.constantFrom("0.00%", "0.00", "General") }),
      fc.record({ numberFormat: fc.constantFrom("0.00%", '#,##0.00"万元"') }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cellArb, afterArb), { minLength: 1, maxLength: 12 }), async (items) => {
        const plan = items.map(([cell, after]) => changeOf(book, SHEET, cell, after as CellChange["after"]));
        book.apply({ changes: plan });
        const written = await loadXlsx(await book.toBuffer()); // what was written reads back
        expect(written.sheetNames()).toEqual(book.sheetNames());
        book.restore([...plan].reverse());
        expect(Buffer.compare(Buffer.from(await book.toBuffer()), Buffer.from(input))).toBe(0);
      }),
      { numRuns: 40 },
    );
  });
});
