/**
 * Rule 执行率 (SPEC §3): 全年执行数 / 全年预算数 (the adjusted budget). If 全年预算数 is empty, 年初预算数, with a
 * warning. Budget 0 with execution > 0: no rate (RATE_NO_BUDGET). A stated rate that equals 预算数/执行数 was
 * written upside down (RATE_INVERTED); over 100% needs an explanation (RATE_OVER_100).
 */
import type { NumberCell } from "../model";
import { RATE_FORMAT, rateFormula } from "../formulas";
import { near } from "../text";
import { fmt, pct, type RuleContext } from "./context";

/**
 * An upside-down rate is recognised within 0.1 percentage point of 预算数/执行数: tables round the inverse
 * their own way (56.25% for 4300.32/7645.75 = 56.24%); either way the rate is an error, this only names it.
 */
export const INVERSION_WINDOW = 0.001;

export function executionRate(budget: number | null, executed: number | null): number | null {
  if (budget === null || executed === null || budget === 0) return null;
  return executed / budget;
}

/** How close a stated rate must be: half a unit of the last digit it was written with. */
export function rateTolerance(stated: NumberCell): number {
  const d = Math.min(Math.max(stated.decimals, 2), 10);
  return 0.5 * 10 ** -d;
}

export interface RateCells {
  label: string;
  initial: NumberCell | null;
  budget: NumberCell | null;
  executed: NumberCell | null;
  rate: NumberCell | null;
}

const blank = (c: NumberCell | null): boolean => !c || c.empty;

/** A money cell written with a figure other than 0. */
const someMoney = (c: NumberCell | null): boolean => !blank(c) && (c!.value ?? 0) !== 0;

/** An error value in the money cells (#REF!, #DIV/0!) gives no rate: CELL_ERROR says so. */
function moneyInError(row: RateCells): boolean {
  return !!row.budget?.error || !!row.executed?.error || (!!row.initial?.error && (!row.budget || row.budget.empty));
}

/**
 * A rate typed where the money it comes from is not (or no longer) written — no 全年执行数, no budget other than 0:
 * nothing to check it against, and the person's figure is kept rather than replaced by a formula over empty cells.
 */
function rateUnchecked(row: RateCells): boolean {
  return (
    blank(row.executed) && !someMoney(row.budget) && !someMoney(row.initial) && !!row.rate && !row.rate.empty && row.rate.value !== null
  );
}

function reportRateUnchecked(ctx: RuleContext, row: RateCells, rate: NumberCell): void {
  const both = blank(row.budget);
  ctx.report("MISSING_VALUE.rateUnchecked", "warning", (both ? row.budget : row.executed)?.ref.address ?? rate.ref.address, {
    label: row.label,
    both,
    rate: pct(rate.value),
  });
}

/**
 * The budget the rate divides by: 全年预算数, else 年初预算数 with a warning (MISSING_VALUE.initialBudget); a layout
 * with 年初预算数 only (no 全年预算数 column: 贵州 township tables) uses it without one.
 */
function rateBudgetCell(ctx: RuleContext, row: RateCells): NumberCell | null {
  const budgetCell = row.budget;
  if ((!budgetCell || budgetCell.empty) && row.initial && !row.initial.empty) {
    if (budgetCell) ctx.report("MISSING_VALUE.initialBudget", "warning", budgetCell.ref.address, { label: row.label });
    return row.initial;
  }
  return budgetCell;
}

/** RATE_NO_BUDGET: money executed against no budget (or 0). */
function reportNoBudget(ctx: RuleContext, row: RateCells, at: string | null, budget: number | null, executed: number): void {
  ctx.report("RATE_NO_BUDGET", "warning", at, {
    label: row.label,
    budgetEmpty: budget === null,
    executed: fmt(executed),
    stated: row.rate?.value !== null && row.rate?.value !== undefined ? pct(row.rate.value) : null,
  });
}

/** The rate the table states, read as the person meant it: a bare percentage ("96.85", no % sign or format) that agrees once read as one is. */
function statedRate(stated: number, rateCell: NumberCell, rate: number): number {
  if (!rateCell.percent && stated > 1.5 && stated <= 1000) {
    if (near(stated / 100, rate, 0.5 * 10 ** -(Math.min(rateCell.decimals, 8) + 2))) return stated / 100;
  }
  return stated;
}

/** RATE_MISMATCH, or RATE_INVERTED where the stated rate is 预算数/执行数. */
function checkStatedRate(ctx: RuleContext, row: RateCells, rateCell: NumberCell, stated: number, rate: number): void {
  const tol = rateTolerance(rateCell);
  if (near(stated, rate, tol)) return;
  if (rate !== 0 && near(stated, 1 / rate, Math.max(tol, INVERSION_WINDOW))) {
    ctx.report("RATE_INVERTED", "error", rateCell.ref.address, { label: row.label, stated: pct(stated), rate: pct(rate) });
  } else {
    ctx.report("RATE_MISMATCH", "error", rateCell.ref.address, { label: row.label, stated: pct(stated), rate: pct(rate) });
  }
}

/** The 执行率 formula: 全年执行数 / the budget it divides by (both converted from text where typed as text). */
function planRateFormula(
  ctx: RuleContext,
  row: RateCells,
  rateCell: NumberCell,
  executed: NumberCell,
  budgetCell: NumberCell,
  rate: number | null,
): void {
  ctx.plan.numberFromText(executed);
  ctx.plan.numberFromText(budgetCell);
  ctx.plan.formula(
    rateCell,
    rateFormula(executed.ref.address, budgetCell.ref.address),
    rate,
    { key: "rate", params: { initial: budgetCell === row.initial } },
    RATE_FORMAT,
  );
}

/** Checks one row's 执行率, plans its formula, and returns the rate the table will show. */
export function checkExecutionRate(ctx: RuleContext, row: RateCells): number | null {
  if (moneyInError(row)) return null;
  if (rateUnchecked(row)) {
    reportRateUnchecked(ctx, row, row.rate!);
    return null;
  }
  const budgetCell = rateBudgetCell(ctx, row);
  const budget = budgetCell?.value ?? null;
  const executed = row.executed?.value ?? null;
  const rate = executionRate(budget, executed);
  const at = row.rate?.ref.address ?? row.executed?.ref.address ?? null;
  if ((budget === null || budget === 0) && executed !== null && executed > 0) reportNoBudget(ctx, row, at, budget, executed);

  const rateCell = row.rate;
  if (rate !== null && rateCell && !rateCell.empty && !rateCell.error && rateCell.value !== null) {
    checkStatedRate(ctx, row, rateCell, statedRate(rateCell.value, rateCell, rate), rate);
  }
  if (rate !== null && rate > 1 + 1e-9) {
    ctx.report("RATE_OVER_100", "warning", at, { label: row.label, rate: pct(rate) });
  }
  if (rateCell && row.executed && budgetCell) planRateFormula(ctx, row, rateCell, row.executed, budgetCell, rate);
  return rate;
}
