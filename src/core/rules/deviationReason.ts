/**
 * Rule 偏差原因 (SPEC §3): required when 得分 < 分值 (DEVIATION_REASON_MISSING); suggested when the actual is at
 * least 130% of the target (超额较大, DEVIATION_REASON_SUGGESTED).
 */
import type { Indicator } from "../model";
import { fmt, type RuleContext } from "./context";

export const OVERSHOOT_RATIO = 1.3;

export function checkDeviationReason(
  ctx: RuleContext,
  ind: Indicator,
  label: string,
  score: number | null,
  weight: number | null,
  ratio: number | null,
): void {
  const hasReason = !!ind.reasonCell && ind.reasonCell.text !== "";
  if (hasReason) return;
  const at = ind.score?.ref.address ?? ind.reasonCell?.ref.address ?? null;
  if (score !== null && weight !== null && score < weight - 0.005) {
    ctx.report("DEVIATION_REASON_MISSING", "warning", at, { label, score: fmt(score), weight: fmt(weight) });
  } else if (ratio !== null && ratio >= OVERSHOOT_RATIO) {
    ctx.report("DEVIATION_REASON_SUGGESTED", "info", at, { label, percent: Math.round(ratio * 100) });
  }
}
