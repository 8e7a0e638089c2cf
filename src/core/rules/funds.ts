/**
 * Rule funds (SPEC §3): 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金, per column; in the department
 * table 资金来源 total = 资金结构 total; a summary's 合计 = the sum of its rows. Tolerance 0.01 万元.
 */
import type { NumberCell } from "../model";
import type { FundSum } from "../messages";
import { fmt, type RuleContext } from "./context";

export const FUNDS_TOLERANCE = 0.01;

/** The sum of the cells that hold a number, left to right (null when none does). */
const total = (cells: (NumberCell | null)[]) => {
  let sum = 0;
  let any = false;
  for (const c of cells) {
    const v = c?.value ?? null;
    if (v === null) continue;
    sum += v;
    any = true;
  }
  return any ? Number(sum.toFixed(6)) : null;
};

/** A stated subtotal against the sum of its parts (parts all empty: nothing to check). */
export function checkSubtotal(ctx: RuleContext, stated: NumberCell | null, parts: (NumberCell | null)[], what: FundSum): void {
  if (!stated || stated.value === null || stated.empty) return;
  const sum = total(parts);
  if (sum === null) return;
  if (Math.abs(stated.value - sum) > FUNDS_TOLERANCE + 1e-9) {
    ctx.report("FUNDS_SUBTOTAL_MISMATCH", "error", stated.ref.address, { what, stated: fmt(stated.value), sum: fmt(sum) });
  }
}

/** Two ways of splitting one total must agree (资金来源 vs 资金结构). */
export function checkSplitTotals(ctx: RuleContext, a: (NumberCell | null)[], b: (NumberCell | null)[], what: FundSum): void {
  const sa = total(a);
  const sb = total(b);
  if (sa === null || sb === null) return;
  if (Math.abs(sa - sb) > FUNDS_TOLERANCE + 1e-9) {
    const at = b.find((c) => c && c.value !== null) ?? null;
    ctx.report("FUNDS_SUBTOTAL_MISMATCH.split", "error", at?.ref.address ?? null, { what, bySource: fmt(sa), byStructure: fmt(sb) });
  }
}
