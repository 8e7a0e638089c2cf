/**
 * Rules for an indicator's 得分 (SPEC §3):
 * - 正向 quantitative (target "≥A", ">A" or a bare number): actual ≥ target → full 分值, else 分值 × actual/target.
 * - 反向 quantitative (target "≤A", "<A"): actual ≤ target → full, else 分值 × target/actual
 *   (or, by profile, 分值 × (1 − (actual − target)/target), 0 at twice the target).
 * - 等于 ("=A"): as 正向.
 * - units: target and actual share a unit (a 万 prefix converts); otherwise no score and UNIT_MISMATCH.
 *   An actual written with its target's sign ("≤30天" against "≤30天") meets it.
 * - 定性 (no number to compare): not computed; 达成年度指标 → [80%, 100%] of 分值; 部分达成年度指标并具有一定效果 →
 *   [60%, 80%); 未达成年度指标且效果较差 → [0, 60%). An actual equal to the target text counts as 达成.
 * - 湖南 department rows with no target and a percentage 完成值: 分值 × that percentage, capped at 分值.
 */
import type { Direction, Indicator, Quantity } from "../model";
import type { Profile } from "../profiles";
import { commonUnit } from "../quantity";
import { negativeLinearScoreFormula, negativeScoreFormula, percentOfWeightFormula, positiveScoreFormula } from "../formulas";
import { round2, squeeze } from "../text";
import type { ScoreExplanation } from "../messages";
import { fmt } from "./context";

export type ScoringMethod = "positive" | "negative" | "equal" | "qualitative" | "percentOfWeight" | "none";

export interface Band {
  min: number;
  max: number;
  label: string;
}

export interface IndicatorRule {
  method: ScoringMethod;
  /** The rule's score (rounded to 2 decimals), or null where none is computed. */
  score: number | null;
  /** How it was reached: an entry of the catalogue's `explain.*` and its figures. */
  explanation: ScoreExplanation | null;
  band: Band | null;
  unitMismatch: boolean;
  /** actual / target for 正向 indicators (for 超额较大). */
  ratio: number | null;
  /** A formula for the score when every input is a plain number in its cell. */
  formula: string | null;
}

export const BANDS = {
  achieved: { min: 0.8, max: 1, label: "达成年度指标" },
  partial: { min: 0.6, max: 0.8, label: "部分达成年度指标并具有一定效果" },
  failed: { min: 0, max: 0.6, label: "未达成年度指标且效果较差" },
} satisfies Record<string, Band>;

export function direction(target: Quantity): Direction {
  if (target.comparator === "<=" || target.comparator === "<") return "negative";
  if (target.comparator === "=") return "equal";
  return "positive";
}

/** The band a qualitative 完成值 puts the score in, or null when the text does not say. */
export function qualitativeBand(actual: string, target: string | null): Band | null {
  const a = squeeze(actual);
  const plain = (s: string) => squeeze(s).replace(/[了的，,。.、；;]/g, "");
  if (/^(?:未达成|未完成|未达到|没有达成)/.test(a)) return BANDS.failed;
  if (/^(?:部分达成|部分完成|基本达成|基本完成)/.test(a)) return BANDS.partial;
  if (/^(?:达成年度指标|已达成|达成|已完成|全部完成|全面完成|完成年度指标)/.test(a)) return BANDS.achieved;
  if (target && plain(actual) === plain(target) && plain(actual) !== "") return BANDS.achieved;
  return null;
}

/** The rule's verdict, every field written out in one order (one object shape for every indicator). */
function indicatorRule(
  method: ScoringMethod,
  score: number | null,
  explanation: ScoreExplanation | null,
  band: Band | null,
  unitMismatch: boolean,
  ratio: number | null,
  formula: string | null,
): IndicatorRule {
  return { method, score, explanation, band, unitMismatch, ratio, formula };
}

const none = (method: ScoringMethod = "none"): IndicatorRule => indicatorRule(method, null, null, null, false, null, null);

const isPlainNumber = (v: unknown) => typeof v === "number" && Number.isFinite(v);

export function scoreIndicator(ind: Indicator, profile: Profile, weightsInTargetColumn: boolean): IndicatorRule {
  const weight = ind.weight?.value ?? null;
  if (weight === null) return none();
  const actual = ind.actual;
  if (!actual) return none();
  if (!ind.target) return untargetedScore(ind, actual, weight, weightsInTargetColumn);
  const target = ind.target;
  if (target.value === null || actual.value === null) {
    return indicatorRule("qualitative", null, null, qualitativeBand(actual.text, target.text), false, null, null);
  }
  const units = commonUnit(target, actual);
  if (!units) return indicatorRule(direction(target), null, null, null, true, null, null);
  return quantitativeScore(ind, profile, weight, target, actual, units.target, units.actual);
}

/** An indicator with no target: 湖南 department rows (a percentage 完成值, 分值 × it), else a qualitative band or nothing. */
function untargetedScore(ind: Indicator, actual: Quantity, weight: number, weightsInTargetColumn: boolean): IndicatorRule {
  if (weightsInTargetColumn && actual.value !== null && actual.unit === "%" && actual.comparator === null && actual.prefix === "") {
    return percentOfWeightScore(ind, actual, actual.value, weight);
  }
  const band = qualitativeBand(actual.text, null);
  return band ? indicatorRule("qualitative", null, null, band, false, null, null) : none();
}

/** 湖南 department rows: 分值 × the percentage 完成值, capped at 分值. */
function percentOfWeightScore(ind: Indicator, actual: Quantity, value: number, weight: number): IndicatorRule {
  const score = round2(Math.min(weight, weight * value));
  const plain = isPlainNumber(ind.actualCell?.raw) && isPlainNumber(ind.weight?.raw);
  const explanation: ScoreExplanation = { key: "percentOfWeight", params: { weight: fmt(weight), actual: actual.text, score: fmt(score) } };
  const formula = plain && ind.weight && ind.actualCell ? percentOfWeightFormula(ind.weight.ref.address, ind.actualCell.ref.address) : null;
  return indicatorRule("percentOfWeight", score, explanation, null, false, null, formula);
}

/** An actual written with its target's sign ("≤30天" against "≤30天") meets it. */
function meetsBySign(dir: Direction, actual: Quantity, a: number, t: number): boolean {
  const c = actual.comparator;
  if (c === null) return false;
  if (dir === "negative") return (c === "<=" || c === "<") && a <= t;
  return (c === ">=" || c === ">") && a >= t;
}

/** The full 分值: met (by sign), within (反向), reached (正向). */
function fullScore(
  key: "meets" | "within" | "reaches",
  dir: Direction,
  weight: number,
  target: Quantity,
  actual: Quantity,
  a: number,
  t: number,
  formula: string | null,
): IndicatorRule {
  const explanation: ScoreExplanation = { key, params: { actual: actual.text, target: target.text, weight: fmt(weight) } };
  return indicatorRule(dir, round2(weight), explanation, null, false, dir !== "negative" && t > 0 ? a / t : null, formula);
}

/** The cells a score formula reads (分值, 指标值, 完成值), where each holds a plain number; else null. */
function scoreFormulaRefs(ind: Indicator): [string, string, string] | null {
  const plain = isPlainNumber(ind.targetCell?.raw) && isPlainNumber(ind.actualCell?.raw) && isPlainNumber(ind.weight?.raw);
  return plain && ind.weight && ind.targetCell && ind.actualCell
    ? [ind.weight.ref.address, ind.targetCell.ref.address, ind.actualCell.ref.address]
    : null;
}

/** A quantitative indicator, target t and actual a in one unit. */
function quantitativeScore(
  ind: Indicator,
  profile: Profile,
  weight: number,
  target: Quantity,
  actual: Quantity,
  t: number,
  a: number,
): IndicatorRule {
  const dir = direction(target);
  if (meetsBySign(dir, actual, a, t)) return fullScore("meets", dir, weight, target, actual, a, t, null);
  // numbers for the explanation: as written when both sides use the same unit, else in base units
  const samePrefix = actual.unitWritten === target.unitWritten || !actual.unitWritten || !target.unitWritten;
  const wa = samePrefix ? actual.written : a;
  const wt = samePrefix ? target.written : t;
  const refs = scoreFormulaRefs(ind);
  if (dir === "negative") return negativeScore(profile, weight, target, actual, t, a, wt, wa, refs);
  return positiveScore(weight, dir, target, actual, t, a, wt, wa, refs);
}

/** 反向: full within the target; beyond it the linear rule over (actual − target) / target, else 分值 × target / actual. */
function negativeScore(
  profile: Profile,
  weight: number,
  target: Quantity,
  actual: Quantity,
  t: number,
  a: number,
  wt: number | null,
  wa: number | null,
  refs: [string, string, string] | null,
): IndicatorRule {
  const linear = profile.negativeScoring === "linear";
  const formula = refs
    ? linear
      ? negativeLinearScoreFormula(refs[0], refs[1], refs[2])
      : negativeScoreFormula(refs[0], refs[1], refs[2])
    : null;
  if (a <= t) return fullScore("within", "negative", weight, target, actual, a, t, formula);
  const score = linear ? round2(Math.max(0, weight * (1 - (a - t) / t))) : a > 0 ? round2((weight * t) / a) : round2(weight);
  const how = linear
    ? ({ key: "linear", params: { weight: fmt(weight), actual: fmt(wa), target: fmt(wt), score: fmt(score) } } as const)
    : ({ key: "ratio", params: { weight: fmt(weight), over: fmt(wt), under: fmt(wa), score: fmt(score) } } as const);
  const explanation: ScoreExplanation = { key: "exceeds", params: { actual: actual.text, target: target.text, how } };
  return indicatorRule("negative", score, explanation, null, false, null, formula);
}

/** 正向 (and 等于): full at the target; short of it 分值 × actual / target. */
function positiveScore(
  weight: number,
  dir: Direction,
  target: Quantity,
  actual: Quantity,
  t: number,
  a: number,
  wt: number | null,
  wa: number | null,
  refs: [string, string, string] | null,
): IndicatorRule {
  const formula = refs ? positiveScoreFormula(refs[0], refs[1], refs[2]) : null;
  if (a >= t) return fullScore("reaches", dir, weight, target, actual, a, t, formula);
  const score = t > 0 ? round2((weight * a) / t) : round2(weight);
  const how = { key: "ratio", params: { weight: fmt(weight), over: fmt(wa), under: fmt(wt), score: fmt(score) } } as const;
  const explanation: ScoreExplanation = { key: "short", params: { actual: actual.text, target: target.text, how } };
  return indicatorRule(dir, score, explanation, null, false, t > 0 ? a / t : null, formula);
}
