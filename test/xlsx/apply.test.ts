import fc from "fast-check";
import ExcelJS from "exceljs";
import { loadXlsx, wrapWorkbook } from "../../src/adapters/xlsx";
import { isUserError, UserError } from "../../src/core/errors";
import { a1 } from "../../src/core/address";
import type { CellChange } from "../../src/core/plan";
import { fixtureBytes } from "./badInputs";
import { cellXml, change, dumpWorkbook, partXml, readBook } from "./dump";

const MEDICAL = "project-medical-aid-2020";
const SHEET = "附件3-1";

async function medical() {
  const book = await loadXlsx(fixtureBytes(MEDICAL));
  return { book, ws: book.workbook.getWorksheet(SHEET)! };
}

/** A plan like the engine's for the medical-aid table: 执行率, 执行率得分 (a merged cell), a number stored as text, 总分. */
function samplePlan(ws: ExcelJS.Worksheet): CellChange[] {
  return [
    change(ws, "D6", { value: 3386.925 }, "number"),
    change(ws, "E6", { value: 3416.022 }, "number"),
    change(ws, "G6", { formula: "=E6/D6", numberFormat: "0.00%" }),
    change(ws, "H6", { formula: "=ROUND(MIN(F6,F6*G6),2)" }),
    change(ws, "H23", { formula: "=ROUND(H6+SUM(H13:H22),2)" }),
  ];
}

describe("apply", () => {
  it("writes formulas without a cached result, constants as values, and marks the workbook for recalculation", async () => {
    const { book, ws } = await medical();
    book.apply({ changes: samplePlan(ws) });
    const out = await book.toBuffer();
    const xml = await partXml(out, "xl/worksheets/sheet1.xml");
    expect(cellXml(xml, "G6")).toMatch(/<f>E6\/D6<\/f>/);
    expect(cellXml(xml, "G6")).not.toMatch(/<v>/);
    expect(cellXml(xml, "H6")).toMatch(/<f>ROUND\(MIN\(F6,F6\*G6\),2\)<\/f>/);
    expect(cellXml(xml, "H6")).not.toMatch(/<v>/);
    expect(cellXml(xml, "D6")).toMatch(/<v>3386.925<\/v>/);
    expect(cellXml(xml, "D6")).not.toMatch(/t="s"/);
    const wbXml = await partXml(out, "xl/workbook.xml");
    expect(wbXml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);

    const again = await readBook(out);
    const s = again.getWorksheet(SHEET)!;
    expect(s.getCell("G6").formula).toBe("E6/D6");
    expect(s.getCell("G6").numFmt).toBe("0.00%");
    expect(s.getCell("D6").value).toBe(3386.925);
  });

  it("never touches any other cell, style or merge; changed cells keep their style (only numFmt changes)", async () => {
    const { book: before } = await medical();
    const { book, ws } = await medical();
    const plan = samplePlan(ws);
    book.apply({ changes: plan });
    const a = dumpWorkbook(before.workbook)[0];
    const b = dumpWorkbook(await readBook(await book.toBuffer()))[0];
    expect(b.merges).toEqual(a.merges);
    expect(b.widths).toEqual(a.widths);
    expect(b.heights).toEqual(a.heights);
    // I6 is covered by the H6:I6 merge and mirrors H6's value in ExcelJS's model.
    const touched = new Set([...plan.map((c) => c.cell), "I6"]);
    let compared = 0;
    for (const addr of Object.keys(a.cells)) {
      if (touched.has(addr)) continue;
      expect({ addr, ...b.cells[addr] }).toEqual({ addr, ...a.cells[addr] });
      compared++;
    }
    expect(compared).toBeGreaterThan(150);
    for (const c of plan) {
      const sa = JSON.parse(a.cells[c.cell].style);
      const sb = JSON.parse(b.cells[c.cell].style);
      if (c.after.numberFormat) sa.numFmt = c.after.numberFormat;
      expect(sb).toEqual(sa);
    }
  });

  it("sets a number format on one cell only, even where cells share one style object", async () => {
    const { book, ws } = await medical();
    expect(ws.getCell("G14").style).toBe(ws.getCell("G15").style); // the ExcelJS quirk
    book.apply({ changes: [change(ws, "G14", { value: 10, numberFormat: "0.00" }, "format")] });
    const s = (await readBook(await book.toBuffer())).getWorksheet(SHEET)!;
    expect(s.getCell("G14").numFmt).toBe("0.00");
    expect(s.getCell("G15").numFmt).toBeFalsy();
    expect(s.getCell("G16").numFmt).toBeFalsy();
  });

  it("refuses, all or nothing, a change inside a merged area (not its top-left cell), an unknown sheet or a bad address", async () => {
    for (const bad of [
      (ws: ExcelJS.Worksheet) => change(ws, "I6", { value: 1 }),
      (ws: ExcelJS.Worksheet) => ({ ...change(ws, "G6", { value: 1 }), sheet: "没有这张表" }),
      (ws: ExcelJS.Worksheet) => ({ ...change(ws, "G6", { value: 1 }), cell: "6G" }),
    ]) {
      const { book, ws } = await medical();
      const original = dumpWorkbook(book.workbook);
      const plan = [...samplePlan(ws), bad(ws)];
      let err: unknown;
      try {
        book.apply({ changes: plan });
      } catch (e) {
        err = e;
      }
      expect(isUserError(err)).toBe(true);
      expect((err as UserError).code).toBe("plan");
      expect((err as UserError).zh).toContain("未做任何修改");
      expect(dumpWorkbook(book.workbook)).toEqual(original);
    }
  });

  it("refuses to write into a locked cell of a protected sheet", async () => {
    const { book, ws } = await medical();
    await ws.protect("", {});
    const original = dumpWorkbook(book.workbook);
    expect(() => book.apply({ changes: samplePlan(ws) })).toThrow(UserError);
    try {
      book.apply({ changes: samplePlan(ws) });
    } catch (e) {
      expect((e as UserError).code).toBe("protected");
      expect((e as UserError).zh).toContain("受保护");
    }
    expect(dumpWorkbook(book.workbook)).toEqual(original);
  });

  it("writes over the master of a shared formula and keeps its clones' formulas", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = 1;
    ws.getCell("A2").value = { formula: "A1+1", result: 2, shareType: "shared", ref: "A2:A4" } as ExcelJS.CellValue;
    ws.getCell("A3").value = { sharedFormula: "A2", result: 3 } as ExcelJS.CellValue;
    ws.getCell("A4").value = { sharedFormula: "A2", result: 4 } as ExcelJS.CellValue;
    const book = await loadXlsx(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const s = book.workbook.getWorksheet("S")!;
    book.apply({ changes: [change(s, "A2", { value: 7 }, "number")] });
    const back = (await readBook(await book.toBuffer())).getWorksheet("S")!;
    expect(back.getCell("A2").value).toBe(7);
    expect(back.getCell("A3").formula).toBe("A2+1");
    expect(back.getCell("A4").formula).toBe("A3+1");
  });
});

describe("restore", () => {
  it("apply then restore gives back the original workbook exactly (same book)", async () => {
    const { book, ws } = await medical();
    const original = dumpWorkbook(book.workbook);
    const plan = samplePlan(ws);
    book.apply({ changes: plan });
    expect(dumpWorkbook(book.workbook)).not.toEqual(original);
    book.restore(plan);
    expect(dumpWorkbook(book.workbook)).toEqual(original);
    expect(dumpWorkbook(await readBook(await book.toBuffer()))).toEqual(dumpWorkbook(await readBook(fixtureBytes(MEDICAL))));
  });

  it("restores from the changes' `before` alone (a filled file reopened): values, formulas, number formats", async () => {
    const { book, ws } = await medical();
    const plan = samplePlan(ws);
    book.apply({ changes: plan });
    const reopened = await loadXlsx(await book.toBuffer());
    reopened.restore(plan);
    const s = reopened.workbook.getWorksheet(SHEET)!;
    expect(s.getCell("D6").value).toBe("\u30003386.925");
    expect(s.getCell("G6").value).toBe("99.15%");
    expect(s.getCell("G6").numFmt).toBeFalsy();
    expect(s.getCell("H6").value).toBe(9.9);
    expect(s.getCell("H23").value).toBe(98);
    expect(reopened.snapshots()).toEqual((await medical()).book.snapshots());
  });

  it("restores a formula with its number format from `before`", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = 2;
    ws.getCell("B1").value = { formula: "A1*3", result: 6 };
    ws.getCell("B1").numFmt = "0.0";
    const book = wrapWorkbook(wb);
    const c = change(ws, "B1", { value: 5, numberFormat: "0.00%" }, "number");
    expect(c.before).toEqual({ value: 6, formula: "=A1*3", numberFormat: "0.0" });
    book.apply({ changes: [c] });
    const reopened = await loadXlsx(await book.toBuffer());
    reopened.restore([c]);
    const b1 = reopened.workbook.getWorksheet("S")!.getCell("B1");
    expect(b1.formula).toBe("A1*3");
    expect(b1.numFmt).toBe("0.0");
  });

  it("property: any plan of constants, formulas and formats over the table, applied then restored, changes nothing", async () => {
    const { book } = await medical();
    const ws = book.workbook.getWorksheet(SHEET)!;
    const original = dumpWorkbook(book.workbook);
    const merged = new Set<string>();
    for (const ref of (ws.model as unknown as { merges: string[] }).merges) {
      const [s, e] = ref.split(":");
      const sc = ws.getCell(s), ec = ws.getCell(e);
      for (let r = Number(sc.row); r <= Number(ec.row); r++)
        for (let c = Number(sc.col); c <= Number(ec.col); c++) if (a1(r, c) !== s) merged.add(a1(r, c));
    }
    const cellArb = fc
      .tuple(fc.integer({ min: 1, max: 26 }), fc.integer({ min: 1, max: 12 }))
      .map(([r, c]) => a1(r, c))
      .filter((x) => !merged.has(x));
    const afterArb = fc.oneof(
      fc.record({ value: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), fc.constant(null)) }),
      fc.record({ formula: fc.constantFrom("=E6/D6", "=SUM(H13:H22)", "=MIN(F6,F6*G6)") }),
      fc.record({ value: fc.integer(), numberFormat: fc.constantFrom("0.00%", "0.00", "General") }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cellArb, afterArb), { minLength: 1, maxLength: 12 }), async (items) => {
        const plan = items.map(([cell, after]) => change(ws, cell, after as CellChange["after"]));
        book.apply({ changes: plan });
        book.restore(plan);
        expect(dumpWorkbook(book.workbook)).toEqual(original);
      }),
      { numRuns: 60 },
    );
  });
});
