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
  if (cell && !cell.empty && cell.value !== null) {
    const stated = cell.value;
    const typed = add(t.statedScores);
    const offTyped = Math.abs(stated - typed) > 0.005;
    const offFilled = Math.abs(stated - filled) > 0.005;
    if (offTyped || offFilled) {
      if (offTyped)
        ctx.report("TOTAL_MISMATCH", "error", cell.ref.address, {
          stated: fmt(stated),
          typed: fmt(typed),
          filled: offFilled && filled !== typed ? fmt(filled) : null,
        });
      else ctx.report("TOTAL_MISMATCH.derived", "error", cell.ref.address, { stated: fmt(stated), filled: fmt(filled) });
    }
  }
  if (cell && t.scoreCells.length) {
    for (const c of t.scoreCells) ctx.plan.numberFromText(c);
    ctx.plan.formula(cell, totalFormula(scoreRefs(t.scoreCells)), filled, { key: "total", params: {} });
  }
  return filled;
}

/** Score cells as formula references: runs of one column become ranges. */
export function scoreRefs(cells: NumberCell[]): string[] {
  const out: string[] = [];
  const byCol = new Map<number, number[]>();
  const order: number[] = [];
  for (const c of cells) {
    if (!byCol.has(c.ref.col)) {
      byCol.set(c.ref.col, []);
      order.push(c.ref.col);
    }
    byCol.get(c.ref.col)!.push(c.ref.row);
  }
  for (const col of order) out.push(...columnRanges(columnName(col), byCol.get(col)!));
  return out;
}
