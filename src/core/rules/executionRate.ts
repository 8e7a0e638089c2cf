/**
 * Rule 执行率 (SPEC §3): 全年执行数 / 全年预算数 (the adjusted budget). If 全年预算数 is empty, 年初预算数, with a
 * warning. Budget 0 with execution > 0: no rate (RATE_NO_BUDGET). A stated rate that equals 预算数/执行数 was
 * written upside down (RATE_INVERTED); over 100% needs an explanation (RATE_OVER_100).
 */
import type { NumberCell } from "../model";
import { RATE_FORMAT, rateFormula } from "../formulas";
import { near } from "../text";
import { fmt, pct, type RuleContext } from "./context";
import { anyError } from "./tableParts";

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

/** Checks one row's 执行率, plans its formula, and returns the rate the table will show. */
export function checkExecutionRate(ctx: RuleContext, row: RateCells): number | null {
  // an error value in the money cells (#REF!, #DIV/0!) gives no rate: CELL_ERROR says so
  if (anyError(row.budget, row.executed) || (anyError(row.initial) && (!row.budget || row.budget.empty))) return null;
  let budgetCell = row.budget;
  const blank = (c: NumberCell | null) => !c || c.empty;
  // a rate typed where the money it comes from is not (or no longer) written — no 全年执行数, no budget other than
  // 0: nothing to check it against, and the person's figure is kept rather than replaced by a formula over empty cells
  const anyBudget = [row.budget, row.initial].some((c) => !blank(c) && (c!.value ?? 0) !== 0);
  if (blank(row.executed) && !anyBudget && row.rate && !row.rate.empty && row.rate.value !== null) {
    const both = blank(row.budget);
    ctx.report("MISSING_VALUE.rateUnchecked", "warning", (both ? row.budget : row.executed)?.ref.address ?? row.rate.ref.address, {
      label: row.label,
      both,
      rate: pct(row.rate.value),
    });
    return null;
  }
  if ((!budgetCell || budgetCell.empty) && row.initial && !row.initial.empty) {
    // a layout with 年初预算数 only (no 全年预算数 column: 贵州 township tables) uses it without a warning
    if (budgetCell)
      ctx.report("MISSING_VALUE.initialBudget", "warning", row.budget?.ref.address ?? row.initial.ref.address, { label: row.label });
    budgetCell = row.initial;
  }
  const budget = budgetCell?.value ?? null;
  const executed = row.executed?.value ?? null;
  const rate = executionRate(budget, executed);
  const at = row.rate?.ref.address ?? row.executed?.ref.address ?? null;

  if ((budget === null || budget === 0) && executed !== null && executed > 0) {
    ctx.report("RATE_NO_BUDGET", "warning", at, {
      label: row.label,
      budgetEmpty: budget === null,
      executed: fmt(executed),
      stated: row.rate?.value !== null && row.rate?.value !== undefined ? pct(row.rate.value) : null,
    });
  }

  let stated = row.rate && !row.rate.empty && !row.rate.error ? row.rate.value : null;
  // a rate typed as a bare percentage ("96.85", no % sign or format) that agrees once read as one
  if (rate !== null && stated !== null && row.rate && !row.rate.percent && stated > 1.5 && stated <= 1000) {
    if (near(stated / 100, rate, 0.5 * 10 ** -(Math.min(row.rate.decimals, 8) + 2))) stated = stated / 100;
  }
  if (rate !== null && stated !== null && row.rate) {
    const tol = rateTolerance(row.rate);
    if (!near(stated, rate, tol)) {
      if (rate !== 0 && near(stated, 1 / rate, Math.max(tol, INVERSION_WINDOW))) {
        ctx.report("RATE_INVERTED", "error", row.rate.ref.address, { label: row.label, stated: pct(stated), rate: pct(rate) });
      } else {
        ctx.report("RATE_MISMATCH", "error", row.rate.ref.address, { label: row.label, stated: pct(stated), rate: pct(rate) });
      }
    }
  }
  if (rate !== null && rate > 1 + 1e-9) {
    ctx.report("RATE_OVER_100", "warning", at, { label: row.label, rate: pct(rate) });
  }

  if (row.rate && row.executed && budgetCell) {
    ctx.plan.numberFromText(row.executed);
    ctx.plan.numberFromText(budgetCell);
    ctx.plan.formula(
      row.rate,
      rateFormula(row.executed.ref.address, budgetCell.ref.address),
      rate,
      { key: "rate", params: { initial: budgetCell === row.initial } },
      RATE_FORMAT,
    );
  }
  return rate;
}
