/**
 * Checking each indicator row against its rule: SCORE_MISMATCH (with the rule's value as a one-click suggestion),
 * SCORE_OUT_OF_BAND, SCORE_EXCEEDS_WEIGHT, UNIT_MISMATCH, MISSING_VALUE, and filling empty score cells.
 */
import type { IndicatorEvaluation } from "../analysis";
import type { Indicator, NumberCell, Quantity, TextCell } from "../model";
import { explanationText } from "../messages";
import { fmt, type RuleContext } from "./context";
import { scoreIndicator, type IndicatorRule } from "./indicatorScore";
import { checkDeviationReason } from "./deviationReason";

export function checkIndicator(ctx: RuleContext, ind: Indicator, weightsInTargetColumn: boolean): IndicatorEvaluation {
  const rule = scoreIndicator(ind, ctx.profile, weightsInTargetColumn);
  const weight = ind.weight?.value ?? null;
  const label = ind.name || ind.level2 || ind.level1;

  if (ind.weight && weight === null && !ind.weight.error) ctx.missing(ind.weight, "MISSING_VALUE.weight", { label });
  // a real indicator (one with a target or a weight) needs its actual
  if (ind.actualCell && ind.actualCell.text === "" && (ind.target || weightsInTargetColumn || weight !== null)) {
    ctx.missing(ind.actualCell, "MISSING_VALUE.actual", { label });
  }
  if (rule.unitMismatch && ind.actualCell && ind.target && ind.actual)
    reportUnitMismatch(ctx, label, ind.actualCell, ind.target, ind.actual);

  const scoreCell = ind.score;
  const entered = !!scoreCell && !scoreCell.empty;
  const stated = entered ? scoreCell.value : null;
  if (scoreCell && stated !== null) checkStatedScore(ctx, rule, label, scoreCell, stated, weight);

  let score: number | null = null;
  let source: IndicatorEvaluation["source"] = "none";
  if (entered) {
    score = stated ?? rule.score;
    source = stated !== null ? "entered" : rule.score !== null ? "computed" : "none";
  } else if (rule.score !== null) {
    score = rule.score;
    source = "computed";
    ctx.plan.score(scoreCell, rule.score, rule.formula, {
      key: "score",
      params: { explanation: rule.explanation! },
    });
  } else if (scoreCell && weight !== null && !scoreCell.error && !(ind.actualCell && ind.actualCell.text === "")) {
    // (a missing actual is reported as such above: the score waits for it)
    reportScoreMissing(ctx, rule, label, scoreCell, weight);
  }

  checkDeviationReason(ctx, ind, label, score, weight, rule.ratio);
  return indicatorEvaluation(ind, rule, score, source, weight);
}

function reportUnitMismatch(ctx: RuleContext, label: string, actualCell: TextCell, target: Quantity, actual: Quantity): void {
  ctx.report("UNIT_MISMATCH", "warning", actualCell.ref.address, { label, target: target.text, actual: actual.text });
}

/** A typed 得分 against its 分值 (SCORE_EXCEEDS_WEIGHT), the rule's score (SCORE_MISMATCH) or its band (SCORE_OUT_OF_BAND). */
function checkStatedScore(
  ctx: RuleContext,
  rule: IndicatorRule,
  label: string,
  scoreCell: NumberCell,
  stated: number,
  weight: number | null,
): void {
  if (weight !== null && (stated > weight + 0.005 || stated < 0)) {
    if (stated < 0) ctx.report("SCORE_EXCEEDS_WEIGHT.negative", "error", scoreCell.ref.address, { label, score: fmt(stated) });
    else ctx.report("SCORE_EXCEEDS_WEIGHT", "error", scoreCell.ref.address, { label, score: fmt(stated), weight: fmt(weight) });
  } else if (rule.score !== null && Math.abs(stated - rule.score) > 0.005) {
    reportScoreMismatch(ctx, rule, rule.score, label, scoreCell, stated);
  } else if (rule.band && weight !== null && (stated < rule.band.min * weight - 0.005 || stated > rule.band.max * weight + 0.005)) {
    ctx.report("SCORE_OUT_OF_BAND", "warning", scoreCell.ref.address, {
      label,
      band: rule.band.label,
      min: fmt(rule.band.min * weight),
      max: fmt(rule.band.max * weight),
      stated: fmt(stated),
    });
  }
}

/** SCORE_MISMATCH, with the rule's score as a one-click suggestion. */
function reportScoreMismatch(
  ctx: RuleContext,
  rule: IndicatorRule,
  ruleScore: number,
  label: string,
  scoreCell: NumberCell,
  stated: number,
): void {
  ctx.report(
    "SCORE_MISMATCH",
    "warning",
    scoreCell.ref.address,
    {
      label,
      stated: fmt(stated),
      explanation: rule.explanation!,
      suggested: fmt(ruleScore),
    },
    { cell: scoreCell.ref.address, value: ruleScore, ...(rule.formula ? { formula: rule.formula } : {}) },
  );
}

/** MISSING_VALUE.qualitativeScore: a 得分 the rules cannot compute, and the band it should fall in where known. */
function reportScoreMissing(ctx: RuleContext, rule: IndicatorRule, label: string, scoreCell: NumberCell, weight: number): void {
  ctx.missing(scoreCell, "MISSING_VALUE.qualitativeScore", {
    label,
    band: rule.band ? rule.band.label : null,
    min: rule.band ? fmt(rule.band.min * weight) : "",
    max: rule.band ? fmt(rule.band.max * weight) : "",
  });
}

function indicatorEvaluation(
  ind: Indicator,
  rule: IndicatorRule,
  score: number | null,
  source: IndicatorEvaluation["source"],
  weight: number | null,
): IndicatorEvaluation {
  return {
    row: ind.row,
    ruleScore: rule.score,
    score,
    source,
    explanation: rule.explanation ? explanationText(rule.explanation, "zh") : null,
    band: rule.band,
    lost: score !== null && weight !== null ? Math.max(0, Number((weight - score).toFixed(6))) : 0,
  };
}
