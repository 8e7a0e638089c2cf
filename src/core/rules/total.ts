/**
 * Rule 总分 (SPEC §3): the sum of every 三级 得分 plus 执行率得分 (TOTAL_MISMATCH when the table says otherwise —
 * against its own scores as typed, or against the scores once the derived cells are corrected).
 */
import type { NumberCell } from "../model";
import { columnRanges, totalFormula } from "../formulas";
import { columnName } from "../address";
import { round2 } from "../text";
import { fmt, type RuleContext } from "./context";

export interface TotalInputs {
  totalCell: NumberCell | null;
  /** Score cells as they are (typed values; null for empty). */
  statedScores: (number | null)[];
  /** Scores once the fill has run. */
  filledScores: (number | null)[];
  /** The score cells the 总分 formula sums (budget score first, if any). */
  scoreCells: NumberCell[];
}

function add(xs: (number | null)[]): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] ?? 0;
  return round2(s);
}

export function checkTotal(ctx: RuleContext, t: TotalInputs): number {
  const filled = add(t.filledScores);
  const cell = t.totalCell;
  if (cell && !cell.empty && cell.value !== null) checkStatedTotal(ctx, cell, cell.value, add(t.statedScores), filled);
  if (cell && t.scoreCells.length) planTotalFormula(ctx, cell, t.scoreCells, filled);
  return filled;
}

/** TOTAL_MISMATCH: the stated 总分 against the scores as typed, else against them once the fill has run (.derived). */
function checkStatedTotal(ctx: RuleContext, cell: NumberCell, stated: number, typed: number, filled: number): void {
  const offTyped = Math.abs(stated - typed) > 0.005;
  const offFilled = Math.abs(stated - filled) > 0.005;
  if (offTyped)
    ctx.report("TOTAL_MISMATCH", "error", cell.ref.address, {
      stated: fmt(stated),
      typed: fmt(typed),
      filled: offFilled && filled !== typed ? fmt(filled) : null,
    });
  else if (offFilled) ctx.report("TOTAL_MISMATCH.derived", "error", cell.ref.address, { stated: fmt(stated), filled: fmt(filled) });
}

/** The 总分 formula: the sum of the score cells (converted from text where typed as text). */
function planTotalFormula(ctx: RuleContext, cell: NumberCell, scoreCells: NumberCell[], filled: number): void {
  for (let i = 0; i < scoreCells.length; i++) ctx.plan.numberFromText(scoreCells[i]);
  ctx.plan.formula(cell, totalFormula(scoreRefs(scoreCells)), filled, { key: "total", params: {} });
}

/** Score cells as formula references: runs of one column become ranges. */
export function scoreRefs(cells: NumberCell[]): string[] {
  const out: string[] = [];
  const byCol = new Map<number, number[]>();
  const order: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    const ref = cells[i].ref;
    let rows = byCol.get(ref.col);
    if (!rows) {
      rows = [];
      byCol.set(ref.col, rows);
      order.push(ref.col);
    }
    rows.push(ref.row);
  }
  for (let i = 0; i < order.length; i++) {
    const ranges = columnRanges(columnName(order[i]), byCol.get(order[i])!);
    for (let k = 0; k < ranges.length; k++) out.push(ranges[k]);
  }
  return out;
}
