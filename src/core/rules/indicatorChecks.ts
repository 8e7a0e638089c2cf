/**
 * Checking each indicator row against its rule: SCORE_MISMATCH (with the rule's value as a one-click suggestion),
 * SCORE_OUT_OF_BAND, SCORE_EXCEEDS_WEIGHT, UNIT_MISMATCH, MISSING_VALUE, and filling empty score cells.
 */
import type { IndicatorEvaluation } from "../analysis";
import type { Indicator } from "../model";
import { fmt, type RuleContext } from "./context";
import { scoreIndicator } from "./indicatorScore";
import { checkDeviationReason } from "./deviationReason";

export function checkIndicator(ctx: RuleContext, ind: Indicator, weightsInTargetColumn: boolean): IndicatorEvaluation {
  const rule = scoreIndicator(ind, ctx.profile, weightsInTargetColumn);
  const weight = ind.weight?.value ?? null;
  const label = ind.name || ind.level2 || ind.level1;

  if (ind.weight && weight === null && !ind.weight.error) ctx.missing(ind.weight, `「${label}」的分值`, `The weight of "${label}"`);
  // a real indicator (one with a target or a weight) needs its actual
  if (ind.actualCell && ind.actualCell.text === "" && (ind.target || weightsInTargetColumn || weight !== null)) {
    ctx.missing(ind.actualCell, `「${label}」的实际完成值`, `The actual value of "${label}"`);
  }
  if (rule.unitMismatch && ind.actualCell && ind.target && ind.actual) {
    ctx.report(
      "UNIT_MISMATCH",
      "warning",
      ind.actualCell.ref.address,
      `「${label}」目标 ${ind.target.text} 与实际 ${ind.actual.text} 单位不同，无法计算得分。`,
      `"${label}": target ${ind.target.text} and actual ${ind.actual.text} are in different units; no score computed.`,
    );
  }

  const scoreCell = ind.score;
  const entered = scoreCell && !scoreCell.empty;
  const stated = entered ? scoreCell.value : null;
  if (scoreCell && stated !== null) {
    if (weight !== null && (stated > weight + 0.005 || stated < 0)) {
      ctx.report(
        "SCORE_EXCEEDS_WEIGHT",
        "error",
        scoreCell.ref.address,
        stated < 0 ? `「${label}」得分 ${fmt(stated)} 小于 0。` : `「${label}」得分 ${fmt(stated)} 超过分值 ${fmt(weight)}。`,
        stated < 0 ? `"${label}": score ${fmt(stated)} is below 0.` : `"${label}": score ${fmt(stated)} exceeds its weight ${fmt(weight)}.`,
      );
    } else if (rule.score !== null && Math.abs(stated - rule.score) > 0.005) {
      ctx.report(
        "SCORE_MISMATCH",
        "warning",
        scoreCell.ref.address,
        `「${label}」得分 ${fmt(stated)} 与规则不符：${rule.explanation}。可采纳建议值 ${fmt(rule.score)}。`,
        `"${label}": score ${fmt(stated)} breaks the rule: ${rule.explanationEn}. Suggested: ${fmt(rule.score)}.`,
        { cell: scoreCell.ref.address, value: rule.score, ...(rule.formula ? { formula: rule.formula } : {}) },
      );
    } else if (rule.band && weight !== null && (stated < rule.band.min * weight - 0.005 || stated > rule.band.max * weight + 0.005)) {
      ctx.report(
        "SCORE_OUT_OF_BAND",
        "warning",
        scoreCell.ref.address,
        `「${label}」完成情况为「${rule.band.label}」，得分应在 ${fmt(rule.band.min * weight)}–${fmt(rule.band.max * weight)} 之间，表中为 ${fmt(stated)}。`,
        `"${label}": the actual reads "${rule.band.label}", so the score belongs in ${fmt(rule.band.min * weight)}–${fmt(rule.band.max * weight)}; the table has ${fmt(stated)}.`,
      );
    }
  }

  let score: number | null = null;
  let source: IndicatorEvaluation["source"] = "none";
  if (entered) {
    score = stated ?? rule.score;
    source = stated !== null ? "entered" : rule.score !== null ? "computed" : "none";
  } else if (rule.score !== null) {
    score = rule.score;
    source = "computed";
    ctx.plan.score(scoreCell, rule.score, rule.formula, `得分：${rule.explanation}`, `Score: ${rule.explanationEn}`);
  } else if (scoreCell && weight !== null && !scoreCell.error && !(ind.actualCell && ind.actualCell.text === "")) {
    // (a missing actual is reported as such above: the score waits for it)
    ctx.missing(
      scoreCell,
      `「${label}」的得分（定性指标，需人工评分${rule.band ? `：${rule.band.label}，应在 ${fmt(rule.band.min * weight)}–${fmt(rule.band.max * weight)} 之间` : ""}）`,
      `The score of "${label}" (qualitative: a person scores it${rule.band ? `; "${rule.band.label}" puts it in ${fmt(rule.band.min * weight)}–${fmt(rule.band.max * weight)}` : ""})`,
    );
  }

  checkDeviationReason(ctx, ind, label, score, weight, rule.ratio);
  return {
    row: ind.row,
    ruleScore: rule.score,
    score,
    source,
    explanation: rule.explanation,
    band: rule.band,
    lost: score !== null && weight !== null ? Math.max(0, Number((weight - score).toFixed(6))) : 0,
  };
}
