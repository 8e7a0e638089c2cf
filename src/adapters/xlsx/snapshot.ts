/**
 * ExcelJS worksheet → the engine's SheetSnapshot: the tests' independent oracle for the package reader (read.ts),
 * not the reader itself. Works in Node and in the browser.
 * Reads only cells that hold something (a formatted but empty cell far away does not widen the range).
 */
import type ExcelJS from "exceljs";
import type { CellValue, MergedArea, SheetSnapshot, SnapshotCell } from "../../core/snapshot";
import { parseA1 } from "../../core/address";

/** A cell's value as the engine wants it: the result for formulas, plain text for rich text. */
export function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return excelSerial(value);
  if (typeof value === "object") {
    const v = value as unknown as Record<string, unknown>;
    if ("formula" in v || "sharedFormula" in v) {
      return plainValue((v.result ?? null) as ExcelJS.CellValue);
    }
    if (Array.isArray(v.richText)) {
      const text = (v.richText as { text: string }[]).map((r) => r.text).join("");
      return text === "" ? null : text;
    }
    if (typeof v.text === "string") return v.text;
    if (typeof v.error === "string") return v.error;
  }
  return null;
}

/** Dates become Excel serial numbers (days since 1899-12-30), as Office.js reports them. */
function excelSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
}

export function worksheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const merges: MergedArea[] = [];
  const mergeList: string[] = ((ws.model as unknown as { merges?: string[] }).merges ?? []) as string[];
  const covered = new Set<number>(); // row × 2^14 + column
  for (const ref of mergeList) {
    const [a, b] = ref.split(":");
    const s = parseA1(a);
    const e = parseA1(b ?? a);
    const m = { top: s.row, left: s.col, bottom: e.row, right: e.col };
    merges.push(m);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(r * 16384 + c);
  }

  const cells: SnapshotCell[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (covered.size && covered.has(r * 16384 + c)) return;
      const formula = cell.formula ? `=${cell.formula}` : null;
      const value = plainValue(cell.value);
      if (value === null && formula === null) return;
      cells.push({ row: r, col: c, value, formula, numberFormat: cell.numFmt || null });
    });
  });
  return { name: ws.name, cells, merges };
}
