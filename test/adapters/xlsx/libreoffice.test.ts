/**
 * The LibreOffice harness itself: LibreOffice really computes formulas (a wrong cached value comes back right),
 * with the functions the fill may write; and LibreOffice-made files (.xls, LibreOffice-saved .xlsx) meet the adapter.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { recalcXlsx, sofficeConvert } from "../../support/libreoffice";
import { loadXlsx } from "../../../src/adapters/xlsx";
import { UserError } from "../../../src/core/errors";
import { FIXTURES } from "./badInputs";
import { dumpWorkbook, readBook } from "./dump";

jest.setTimeout(240_000);

async function bookWithWrongCache(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表1");
  ws.getCell("A1").value = 2;
  ws.getCell("B1").value = 3;
  ws.getCell("C1").value = { formula: "A1*B1", result: 999 };
  ws.getCell("D6").value = 3386.925;
  ws.getCell("E6").value = 3416.022;
  ws.getCell("F6").value = 10;
  ws.getCell("G6").value = { formula: "E6/D6", result: 0.9915 };
  ws.getCell("H6").value = { formula: "ROUND(MIN(F6,F6*G6),2)", result: 9.9 };
  ws.getCell("A2").value = "\u30003386.925";
  ws.getCell("B2").value = { formula: 'IFERROR(VALUE(SUBSTITUTE(A2,"\u3000","")),0)', result: 0 };
  ws.getCell("C2").value = { formula: 'IF(MAX(A1,B1)>2,"大","小")', result: "错" };
  ws.getCell("D2").value = { formula: "SUM(A1:B1)", result: -1 };
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("recalcXlsx (LibreOffice)", () => {
  it("recalculates on load: formulas with deliberately wrong cached values come back right", async () => {
    const r = await recalcXlsx(await bookWithWrongCache(), { keepCachedResults: true });
    expect(r.value("表1", "C1")).toBe(6);
    expect(r.value("表1", "G6")).toBeCloseTo(3416.022 / 3386.925, 10);
    expect(r.value("表1", "H6")).toBe(10);
    expect(r.value("表1", "B2")).toBe(3386.925);
    expect(r.value("表1", "C2")).toBe("大");
    expect(r.value("表1", "D2")).toBe(5);
    expect(r.formula("表1", "C1")).toBe("A1*B1");
  });

  it("the private profile's setting is what makes it recalculate: LibreOffice's installed default keeps the wrong cache", async () => {
    const r = await recalcXlsx(await bookWithWrongCache(), { keepCachedResults: true, recalcMode: "installed" });
    expect(r.value("表1", "C1")).toBe(999);
  });

  it("computes formulas whose cached results were removed (the default)", async () => {
    const r = await recalcXlsx(await bookWithWrongCache());
    expect(r.value("表1", "C1")).toBe(6);
    expect(r.value("表1", "H6")).toBe(10);
    expect(r.value("表1", "A1")).toBe(2);
    expect(r.value("表1", "Z99")).toBeNull();
  });

  it("reads a file path and reports missing sheets clearly", async () => {
    const r = await recalcXlsx(path.join(FIXTURES, "summary-projects-2020.xlsx"));
    expect(r.sheetNames()).toEqual(["附表1"]);
    expect(() => r.value("没有", "A1")).toThrow(/no sheet "没有"/);
  });
});

describe("LibreOffice-made files meet the adapter", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-lo-"));
    fs.copyFileSync(path.join(FIXTURES, "project-medical-aid-2020.xlsx"), path.join(dir, "medical.xlsx"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("a real .xls (Excel 97-2003, written by LibreOffice) is named as the old format", async () => {
    const out = await sofficeConvert(path.join(dir, "medical.xlsx"), "xls", path.join(dir));
    const err = await loadXlsx(new Uint8Array(fs.readFileSync(out))).then(
      () => null,
      (e: UserError) => e,
    );
    expect(err).toBeInstanceOf(UserError);
    expect(err?.code).toBe("xls");
  });

  it("a real .ods is named as OpenDocument", async () => {
    const out = await sofficeConvert(path.join(dir, "medical.xlsx"), "ods", path.join(dir));
    const err = await loadXlsx(new Uint8Array(fs.readFileSync(out))).then(
      () => null,
      (e: UserError) => e,
    );
    expect(err?.code).toBe("not-xlsx");
    expect(err?.zh).toContain(".ods");
  });

  it("a LibreOffice-saved .xlsx (row heights, column widths, styles) survives the adapter's round trip", async () => {
    const lo = path.join(dir, "lo");
    fs.mkdirSync(lo);
    const out = await sofficeConvert(path.join(dir, "medical.xlsx"), "xlsx:Calc MS Excel 2007 XML", lo);
    const bytes = new Uint8Array(fs.readFileSync(out));
    const a = dumpWorkbook(await readBook(bytes));
    expect(Object.keys(a[0].heights).length).toBeGreaterThan(5);
    const book = await loadXlsx(bytes);
    const b = dumpWorkbook(await readBook(await book.toBuffer()));
    expect(b).toEqual(a);
  });
});
