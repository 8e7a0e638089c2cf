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

const none = (method: ScoringMethod = "none"): IndicatorRule => ({
  method,
  score: null,
  explanation: null,
  band: null,
  unitMismatch: false,
  ratio: null,
  formula: null,
});

const isPlainNumber = (v: unknown) => typeof v === "number" && Number.isFinite(v);

export function scoreIndicator(ind: Indicator, profile: Profile, weightsInTargetColumn: boolean): IndicatorRule {
  const weight = ind.weight?.value ?? null;
  if (weight === null) return none();
  const actual = ind.actual;
  if (!actual) return none();

  // 湖南 department rows: no target, a percentage 完成值
  if (!ind.target) {
    if (weightsInTargetColumn && actual.value !== null && actual.unit === "%" && actual.comparator === null && actual.prefix === "") {
      const score = round2(Math.min(weight, weight * actual.value));
      const plain = isPlainNumber(ind.actualCell?.raw) && isPlainNumber(ind.weight?.raw);
      return {
        ...none("percentOfWeight"),
        score,
        explanation: { key: "percentOfWeight", params: { weight: fmt(weight), actual: actual.text, score: fmt(score) } },
        formula: plain && ind.weight && ind.actualCell ? percentOfWeightFormula(ind.weight.ref.address, ind.actualCell.ref.address) : null,
      };
    }
    const band = qualitativeBand(actual.text, null);
    return band ? { ...none("qualitative"), band } : none();
  }

  const target = ind.target;
  if (target.value === null || actual.value === null) {
    const band = qualitativeBand(actual.text, target.text);
    return { ...none("qualitative"), band };
  }

  const units = commonUnit(target, actual);
  if (!units) return { ...none(direction(target)), unitMismatch: true };
  const dir = direction(target);
  const t = units.target;
  const a = units.actual;
  // numbers for the explanation: as written when both sides use the same unit, else in base units
  const samePrefix = actual.unitWritten === target.unitWritten || !actual.unitWritten || !target.unitWritten;
  const wa = samePrefix ? actual.written : a;
  const wt = samePrefix ? target.written : t;
  const full = (key: "meets" | "within" | "reaches"): IndicatorRule => ({
    ...none(dir),
    score: round2(weight),
    explanation: { key, params: { actual: actual.text, target: target.text, weight: fmt(weight) } },
    ratio: dir !== "negative" && t > 0 ? a / t : null,
  });

  // an actual written with its target's sign ("≤30天" against "≤30天") meets it
  if (actual.comparator !== null) {
    const sameWay =
      (dir === "negative" && (actual.comparator === "<=" || actual.comparator === "<") && a <= t) ||
      (dir !== "negative" && (actual.comparator === ">=" || actual.comparator === ">") && a >= t);
    if (sameWay) return full("meets");
  }

  const plain = isPlainNumber(ind.targetCell?.raw) && isPlainNumber(ind.actualCell?.raw) && isPlainNumber(ind.weight?.raw);
  const refs =
    plain && ind.weight && ind.targetCell && ind.actualCell
      ? ([ind.weight.ref.address, ind.targetCell.ref.address, ind.actualCell.ref.address] as const)
      : null;

  if (dir === "negative") {
    const formula = refs
      ? profile.negativeScoring === "linear"
        ? negativeLinearScoreFormula(...refs)
        : negativeScoreFormula(...refs)
      : null;
    if (a <= t)
      return {
        ...full("within"),
        formula,
      };
    const score =
      profile.negativeScoring === "linear"
        ? round2(Math.max(0, weight * (1 - (a - t) / t)))
        : a > 0
          ? round2((weight * t) / a)
          : round2(weight);
    // 反向: the linear rule over (actual − target) / target, else 分值 × target / actual
    const how =
      profile.negativeScoring === "linear"
        ? ({ key: "linear", params: { weight: fmt(weight), actual: fmt(wa), target: fmt(wt), score: fmt(score) } } as const)
        : ({ key: "ratio", params: { weight: fmt(weight), over: fmt(wt), under: fmt(wa), score: fmt(score) } } as const);
    return {
      ...none(dir),
      score,
      explanation: { key: "exceeds", params: { actual: actual.text, target: target.text, how } },
      formula,
    };
  }

  const formula = refs ? positiveScoreFormula(...refs) : null;
  if (a >= t) {
    return {
      ...full("reaches"),
      formula,
    };
  }
  const score = t > 0 ? round2((weight * a) / t) : round2(weight);
  const how = { key: "ratio", params: { weight: fmt(weight), over: fmt(wa), under: fmt(wt), score: fmt(score) } } as const;
  return {
    ...none(dir),
    score,
    explanation: { key: "short", params: { actual: actual.text, target: target.text, how } },
    ratio: t > 0 ? a / t : null,
    formula,
  };
}
