/**
 * Rule 执行率得分 (SPEC §3): MIN(分值, 分值 × 执行率), rounded to 2 decimals; the 江西 profile scores in steps
 * (100% → 10; 80–<100% → 7; 60–<80% → 5; < 60% → 0, scaled to 分值).
 */
import type { NumberCell } from "../model";
import type { Profile } from "../profiles";
import { budgetScoreFormula, budgetScoreStepsFormula } from "../formulas";
import { round2 } from "../text";
import { fmt, pct, type RuleContext } from "./context";

export function budgetScore(weight: number, rate: number, profile: Profile): number {
  if (profile.budgetScoring === "steps") {
    const share = rate >= 1 ? 1 : rate >= 0.8 ? 0.7 : rate >= 0.6 ? 0.5 : 0;
    return round2(weight * share);
  }
  return round2(Math.min(weight, weight * rate));
}

export function checkBudgetScore(
  ctx: RuleContext,
  weightCell: NumberCell | null,
  rateCell: NumberCell | null,
  scoreCell: NumberCell | null,
  rate: number | null,
): number | null {
  const weight = weightCell?.value ?? null;
  if (weightCell?.error) return null;
  // a weight read from a label ("预算执行情况（20分）") enters the formula as its number, not the label's address
  const weightRef = (c: NumberCell) => (c.fromLabel ? fmt(c.value) : c.ref.address);
  if (weightCell && weight === null) ctx.missing(weightCell, "MISSING_VALUE.budgetWeight", {});
  if (weight === null) return null;
  if (rate === null) {
    // no rate (no budget): the score cell is arithmetic all the same — its formula shows nothing until there is one
    if (scoreCell && weightCell && rateCell) {
      const f = ctx.profile.budgetScoring === "steps" ? budgetScoreStepsFormula : budgetScoreFormula;
      ctx.plan.formula(scoreCell, f(weightRef(weightCell), rateCell.ref.address), null, { key: "budgetScoreEmpty", params: {} });
    }
    return null;
  }
  const score = budgetScore(weight, rate, ctx.profile);
  const stated = scoreCell && !scoreCell.empty ? scoreCell.value : null;
  if (stated !== null && scoreCell && Math.abs(stated - score) > 0.005) {
    ctx.report("BUDGET_SCORE_MISMATCH", "error", scoreCell.ref.address, {
      stated: fmt(stated),
      rule: { steps: ctx.profile.budgetScoring === "steps", weight: fmt(weight), rate: pct(rate) },
      score: fmt(score),
    });
  }
  if (scoreCell && weightCell && rateCell) {
    ctx.plan.numberFromText(weightCell);
    const f = ctx.profile.budgetScoring === "steps" ? budgetScoreStepsFormula : budgetScoreFormula;
    ctx.plan.formula(scoreCell, f(weightRef(weightCell), rateCell.ref.address), score, {
      key: "budgetScore",
      params: { rule: { steps: ctx.profile.budgetScoring === "steps", weight: fmt(weight), rate: pct(rate) } },
    });
  }
  return score;
}
