/** Helpers to compare workbooks cell by cell (values, formulas, styles), and to read raw sheet XML. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { Grid } from "../../../src/core/snapshot";
import { worksheetSnapshot } from "../../../src/adapters/xlsx/snapshot";
import { parseA1 } from "../../../src/core/address";
import type { CellChange, CellContent } from "../../../src/core/plan";

/** JSON with keys sorted at every level, so key order does not matter. */
export function canonical(v: unknown): string {
  const sortDeep = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(sortDeep)
      : x && typeof x === "object" && !(x instanceof Date)
        ? Object.fromEntries(
            Object.keys(x as object)
              .sort()
              .map((k) => [k, sortDeep((x as Record<string, unknown>)[k])]),
          )
        : x;
  return JSON.stringify(sortDeep(v)) ?? "null";
}

/**
 * A style without the attributes that only restate the default (ExcelJS drops them on save, LibreOffice writes them):
 * numFmt "General", alignment shrinkToFit false / indent 0 / textRotation 0.
 */
export function normStyle(style: Partial<ExcelJS.Style> | undefined): string {
  const s = JSON.parse(JSON.stringify(style ?? {})) as Record<string, Record<string, unknown> | string | undefined>;
  if (s.numFmt === "General") delete s.numFmt;
  const al = s.alignment as Record<string, unknown> | undefined;
  if (al) {
    if (al.shrinkToFit === false) delete al.shrinkToFit;
    if (al.indent === 0) delete al.indent;
    if (al.textRotation === 0) delete al.textRotation;
  }
  return canonical(s);
}

export interface CellDump {
  value: string;
  style: string;
}

/** Every cell that holds a value or a style, plus merges, column widths and row heights, per sheet. */
export function dumpWorkbook(wb: ExcelJS.Workbook) {
  return wb.worksheets.map((ws) => {
    const cells: Record<string, CellDump> = {};
    const heights: Record<number, number | undefined> = {};
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.height !== undefined) heights[r] = row.height;
      row.eachCell({ includeEmpty: true }, (cell) => {
        const value = canonical(cell.value);
        const style = normStyle(cell.style);
        // A cell ExcelJS created on access, with nothing in it, is not in the file: skip it.
        if (value === "null" && style === "{}") return;
        cells[cell.address] = { value, style };
      });
    });
    const widths: (number | undefined)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) widths.push(ws.getColumn(c).width);
    const merges = [...((ws.model as unknown as { merges: string[] }).merges ?? [])].sort();
    return { name: ws.name, cells, heights, widths, merges };
  });
}

export async function readBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Raw XML of a workbook part ("xl/worksheets/sheet1.xml"). */
export async function partXml(bytes: Uint8Array, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const f = zip.file(part);
  if (!f) throw new Error(`no part ${part}`);
  return f.async("string");
}

/** The `<c r="…">…</c>` element of a cell in raw sheet XML. */
export function cellXml(sheetXml: string, address: string): string | null {
  const m = new RegExp(`<c r="${address}"[^>]*?(/>|>.*?</c>)`).exec(sheetXml);
  return m ? m[0] : null;
}

/** What a cell holds, as the engine would record it in a change's `before`. */
export function contentOf(ws: ExcelJS.Worksheet, address: string): CellContent {
  const g = new Grid(worksheetSnapshot(ws));
  const { row, col } = parseA1(address);
  return { value: g.value(row, col), formula: g.formula(row, col), numberFormat: g.numberFormat(row, col) };
}

export function change(ws: ExcelJS.Worksheet, cell: string, after: CellChange["after"], kind: CellChange["kind"] = "formula"): CellChange {
  return {
    sheet: ws.name,
    cell,
    kind,
    before: contentOf(ws, cell),
    after,
    expected: null,
    reason: "测试",
    reasonEn: "test",
  };
}
