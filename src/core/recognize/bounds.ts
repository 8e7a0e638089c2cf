import type { TableBase } from "../model";
import type { SheetIndex } from "./sheetIndex";

/** The rectangle a table covers: its rows, and every column those rows use (merges included). */
export function boundsOf(idx: SheetIndex, top: number, bottom: number): TableBase["bounds"] {
  let left = Infinity,
    right = 0,
    first = bottom;
  for (let r = top; r <= bottom; r++) {
    const cells = idx.row(r);
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      first = Math.min(first, r);
      left = Math.min(left, c.col);
      right = Math.max(right, idx.rightOf(c));
    }
  }
  if (left === Infinity) left = right = idx.grid.left;
  return { top: first, left, bottom, right };
}
