/** Reading model cells (with addresses) out of a Grid. */
import { a1 } from "../address";
import type { CellRef, NumberCell, TextCell } from "../model";
import type { Grid } from "../snapshot";
import { isBlank, parseNumber, tidyCellText, type ParseNumberOptions } from "../text";
import { isErrorValue } from "../snapshot";

export function ref(row: number, col: number): CellRef {
  return { address: a1(row, col), row, col };
}

/** The cell that holds what is shown at (row, col): the top-left of its merge, if any. */
export function anchor(grid: Grid, row: number, col: number): { row: number; col: number } {
  const m = grid.merge(row, col);
  return m ? { row: m.top, col: m.left } : { row, col };
}

/** A cell read as a number; `money` reads "7100元" as 0.71 (万元). An error value gives no number. */
export function numberCell(grid: Grid, row: number, col: number, opts: ParseNumberOptions = {}): NumberCell {
  const m = grid.merge(row, col);
  if (m) {
    row = m.top;
    col = m.left;
  }
  const cell = grid.cell(row, col);
  const raw = cell ? cell.value : null;
  const formula = cell?.formula ?? null;
  const numberFormat = cell ? (cell.numberFormat ?? null) : grid.numberFormat(row, col);
  const error = isErrorValue(raw) ? raw : null;
  const parsed = error ? null : parseNumber(raw, numberFormat, opts);
  return {
    ref: ref(row, col),
    raw,
    value: parsed ? parsed.value : null,
    numberAsText: !!parsed && parsed.fromText,
    empty: isBlank(raw) && !formula,
    formula,
    numberFormat,
    decimals: parsed ? parsed.decimals : 0,
    percent: parsed ? parsed.percent : false,
    error,
  };
}

export function textCell(grid: Grid, row: number, col: number): TextCell {
  const m = grid.merge(row, col);
  if (m) {
    row = m.top;
    col = m.left;
  }
  const raw = grid.value(row, col);
  return { ref: ref(row, col), raw, text: tidyCellText(raw) };
}

/** A weight written in a label ("预算执行率（20分）"): a number cell over the label's cell, marked fromLabel. */
export function labelWeightCell(grid: Grid, row: number, col: number, weight: number): NumberCell {
  const at = anchor(grid, row, col);
  const raw = grid.value(at.row, at.col);
  const decimals = String(weight).split(".")[1]?.length ?? 0;
  return {
    ref: ref(at.row, at.col),
    raw,
    value: weight,
    numberAsText: false,
    empty: false,
    formula: null,
    numberFormat: null,
    decimals,
    percent: false,
    error: null,
    fromLabel: true,
  };
}
