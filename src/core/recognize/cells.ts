/** Reading model cells (with addresses) out of a Grid. */
import { a1 } from "../address";
import type { CellRef, NumberCell, TextCell } from "../model";
import type { Grid } from "../snapshot";
import { cellText, isBlank, parseNumber, tidy } from "../text";

export function ref(row: number, col: number): CellRef {
  return { address: a1(row, col), row, col };
}

/** The cell that holds what is shown at (row, col): the top-left of its merge, if any. */
export function anchor(grid: Grid, row: number, col: number): { row: number; col: number } {
  const m = grid.merge(row, col);
  return m ? { row: m.top, col: m.left } : { row, col };
}

export function numberCell(grid: Grid, row: number, col: number): NumberCell {
  const at = anchor(grid, row, col);
  const raw = grid.value(at.row, at.col);
  const formula = grid.formula(at.row, at.col);
  const numberFormat = grid.numberFormat(at.row, at.col);
  const parsed = parseNumber(raw, numberFormat);
  return {
    ref: ref(at.row, at.col),
    raw,
    value: parsed ? parsed.value : null,
    numberAsText: !!parsed && parsed.fromText,
    empty: isBlank(raw) && !formula,
    formula,
    numberFormat,
    decimals: parsed ? parsed.decimals : 0,
    percent: parsed ? parsed.percent : false,
  };
}

export function textCell(grid: Grid, row: number, col: number): TextCell {
  const at = anchor(grid, row, col);
  const raw = grid.value(at.row, at.col);
  return { ref: ref(at.row, at.col), raw, text: tidy(cellText(raw)) };
}
