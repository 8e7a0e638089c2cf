/** Tests that mutate a sheet as a rectangle (rows above, columns left, cells blanked) work on the dense shape. */
import { isSparse, type CellValue, type DenseSheetSnapshot, type SheetSnapshot } from "../../src/core/snapshot";

export function toDense(s: SheetSnapshot): DenseSheetSnapshot {
  if (!isSparse(s)) return s;
  if (s.cells.length === 0)
    return { name: s.name, merges: s.merges, origin: { row: 1, col: 1 }, values: [], formulas: [], numberFormats: [] };
  let top = Infinity,
    left = Infinity,
    bottom = 0,
    right = 0;
  for (const c of s.cells) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  const h = bottom - top + 1;
  const w = right - left + 1;
  const values: CellValue[][] = Array.from({ length: h }, () => new Array<CellValue>(w).fill(null));
  const formulas: (string | null)[][] = Array.from({ length: h }, () => new Array<string | null>(w).fill(null));
  const numberFormats: (string | null)[][] = Array.from({ length: h }, () => new Array<string | null>(w).fill(null));
  for (const c of s.cells) {
    values[c.row - top][c.col - left] = c.value;
    formulas[c.row - top][c.col - left] = c.formula ?? null;
    numberFormats[c.row - top][c.col - left] = c.numberFormat ?? null;
  }
  return { name: s.name, merges: s.merges, origin: { row: top, col: left }, values, formulas, numberFormats };
}
