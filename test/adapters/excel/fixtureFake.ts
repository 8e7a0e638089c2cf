/**
 * Test helper: a shared fixture workbook (ExcelJS) → the fake Excel's model, plus the snapshot that reading it
 * must give, computed directly from ExcelJS (independently of ExcelHost's reading path).
 */
import ExcelJS from "exceljs";
import * as path from "path";
import type { CellValue, DenseSheetSnapshot, MergedArea } from "../../../src/core/snapshot";
import { FakeExcel, parseRangeAddress } from "../../fakes/fakeExcel";
import { FIXTURE_DIR, fixtureNames } from "../../support/fixtures";

export const FIXTURES = FIXTURE_DIR;
export const FIXTURE_NAMES = fixtureNames();

function excelSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
}

/** An ExcelJS cell value → what Excel would hold: value, formula. */
function convert(v: ExcelJS.CellValue): { value: CellValue; formula: string | null } {
  if (v === null || v === undefined) return { value: null, formula: null };
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return { value: v, formula: null };
  if (v instanceof Date) return { value: excelSerial(v), formula: null };
  const o = v as unknown as Record<string, unknown>;
  if (Array.isArray(o.richText)) return { value: (o.richText as { text: string }[]).map((t) => t.text).join(""), formula: null };
  if (typeof o.formula === "string" || typeof o.sharedFormula === "string") {
    const r = o.result as ExcelJS.CellValue;
    const res = r === undefined ? { value: null } : convert(r);
    const f = typeof o.formula === "string" ? o.formula : null;
    return { value: res.value, formula: f ? `=${f}` : null };
  }
  if (typeof o.error === "string") return { value: o.error, formula: null };
  if (typeof o.text === "string") return { value: o.text, formula: null };
  return { value: String(v), formula: null };
}

export interface LoadedFixture {
  fake: FakeExcel;
  /** The snapshots a correct reader gives, one per sheet (in workbook order). */
  expected: DenseSheetSnapshot[];
}

export async function fixtureToFake(name: string, fake: FakeExcel = new FakeExcel()): Promise<LoadedFixture> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(FIXTURES, `${name}.xlsx`));
  fake.workbookName = `${name}.xlsx`;
  const expected: DenseSheetSnapshot[] = [];
  for (const ws of wb.worksheets) {
    const sheet = fake.addSheet(ws.name);
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    const cells: { row: number; col: number; value: CellValue; formula: string | null; numberFormat: string }[] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return; // covered by a merge: Excel keeps it empty
        const { value, formula } = convert(cell.value);
        const numberFormat = cell.numFmt || "General";
        if (value === null && formula === null && numberFormat === "General") return;
        const r = Number(cell.row);
        const c = Number(cell.col);
        cells.push({ row: r, col: c, value, formula, numberFormat });
        sheet.set(r, c, { value, formula, numberFormat });
        if (value !== null || formula !== null) {
          top = Math.min(top, r);
          left = Math.min(left, c);
          bottom = Math.max(bottom, r);
          right = Math.max(right, c);
        }
      });
    });
    const merges: MergedArea[] = (ws.model.merges ?? []).map((a: string) => {
      const { rect } = parseRangeAddress(a);
      return { top: rect.top, left: rect.left, bottom: rect.bottom, right: rect.right };
    });
    sheet.merges = merges;
    if (bottom === 0) {
      expected.push({ name: ws.name, origin: { row: 1, col: 1 }, values: [], formulas: [], numberFormats: [], merges });
      continue;
    }
    const rows = bottom - top + 1;
    const cols = right - left + 1;
    const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
    const formulas: (string | null)[][] = Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null));
    const numberFormats: (string | null)[][] = Array.from({ length: rows }, () => new Array<string | null>(cols).fill("General"));
    for (const c of cells) {
      if (c.row < top || c.row > bottom || c.col < left || c.col > right) continue;
      values[c.row - top][c.col - left] = c.value === "" ? null : c.value;
      formulas[c.row - top][c.col - left] = c.formula;
      numberFormats[c.row - top][c.col - left] = c.numberFormat;
    }
    const inRange = merges.filter((m) => m.top <= bottom && m.bottom >= top && m.left <= right && m.right >= left);
    expected.push({ name: ws.name, origin: { row: top, col: left }, values, formulas, numberFormats, merges: inRange });
  }
  return { fake, expected };
}

export function sortMerges(m: MergedArea[] | null): MergedArea[] | null {
  return m ? [...m].sort((a, b) => a.top - b.top || a.left - b.left) : null;
}
