/**
 * Rule weights (SPEC §3): each declared group weight equals the sum of its children (WEIGHT_GROUP_MISMATCH);
 * all 分值, 执行率 included, add to 100 (WEIGHT_TOTAL_NOT_100); the 一级 split differs from the profile's
 * standard (default 执行率 10 / 产出 50 / 效益 30 / 满意度 10) → WEIGHT_SPLIT_NONSTANDARD (info).
 */
import type { DeclaredWeight, Indicator, IndicatorGroup, NumberCell } from "../model";
import { fmt, type RuleContext } from "./context";

const sum = (xs: number[]) => Number(xs.reduce((a, b) => a + b, 0).toFixed(6));

/**
 * A block's declared weight ("绩效指标(90分)", "年度绩效目标(80分)", "预算执行情况(10分)") against what it holds: the
 * sum of its indicators' 分值 where the table has them, else the sum of the weights its 一级 groups declare.
 */
export function checkBlockWeight(ctx: RuleContext, declared: DeclaredWeight | null, actual: number | null): void {
  if (!declared || actual === null) return;
  if (Math.abs(actual - declared.weight) > 0.005) {
    ctx.report(
      "WEIGHT_GROUP_MISMATCH",
      "error",
      declared.cell.address,
      `「${declared.name}」标明 ${fmt(declared.weight)} 分，其下分值合计 ${fmt(actual)}。`,
      `"${declared.name}" declares ${fmt(declared.weight)} points but what it holds weighs ${fmt(actual)}.`,
    );
  }
}

/** What an indicator block weighs: its indicators' 分值 where known, else its 一级 groups' declared weights. */
export function blockActualWeight(indicators: Indicator[], groups: IndicatorGroup[], weightsKnown: boolean): number | null {
  if (weightsKnown) return sum(indicators.map((i) => i.weight?.value ?? 0));
  const level1 = groups.filter((g) => g.level === 1);
  if (!level1.length || level1.some((g) => g.declaredWeight === null)) return null;
  return sum(level1.map((g) => g.declaredWeight as number));
}

export function checkGroupWeights(ctx: RuleContext, groups: IndicatorGroup[]): void {
  for (const g of groups) {
    if (g.declaredWeight === null) continue;
    const actual = g.actualWeight;
    if (Math.abs(actual - g.declaredWeight) > 0.005) {
      ctx.report(
        "WEIGHT_GROUP_MISMATCH",
        "error",
        g.declaredCell?.address ?? null,
        `${g.level === 1 ? "一级" : "二级"}指标「${g.name}」标明权重 ${fmt(g.declaredWeight)}，其下指标分值合计 ${fmt(actual)}。`,
        `${g.level === 1 ? "Level-1" : "Level-2"} group "${g.name}" declares ${fmt(g.declaredWeight)} but its indicators weigh ${fmt(actual)}.`,
      );
    }
  }
}

/** Returns the sum of every 分值 (执行率 included). */
export function checkTotalWeight(
  ctx: RuleContext,
  indicators: Indicator[],
  budgetWeight: number | null,
  totalWeightCell: NumberCell | null,
): number {
  const total = sum([budgetWeight ?? 0, ...indicators.map((i) => i.weight?.value ?? 0)]);
  if (Math.abs(total - 100) > 0.005) {
    ctx.report(
      "WEIGHT_TOTAL_NOT_100",
      "error",
      totalWeightCell?.ref.address ?? null,
      `各项分值${budgetWeight !== null ? "（含执行率）" : ""}合计 ${fmt(total)}，应为 100。`,
      `The weights${budgetWeight !== null ? " (execution rate included)" : ""} add up to ${fmt(total)}, not 100.`,
    );
  }
  return total;
}

type Category = "output" | "benefit" | "satisfaction";

function category(level1: string, level2: string): Category | null {
  if (/满意/.test(level1)) return "satisfaction";
  if (/产出/.test(level1)) return "output";
  // 满意度指标 as an 二级 group under 效益指标 (the 2020 template) counts as 满意度 in the split
  if (/效益|效果/.test(level1)) return /满意/.test(level2) ? "satisfaction" : "benefit";
  if (level1 !== "") return null;
  // a 一级 label whose name was lost ("(50分)"): the 二级 says which it is
  if (/满意/.test(level2)) return "satisfaction";
  if (/数量|质量|时效|成本/.test(level2)) return "output";
  if (/效益|影响/.test(level2)) return "benefit";
  return null;
}

export function checkWeightSplit(ctx: RuleContext, indicators: Indicator[], budgetWeight: number | null, at: string | null): void {
  const std = ctx.profile.standardSplit;
  const split = { budget: budgetWeight ?? 0, output: 0, benefit: 0, satisfaction: 0 };
  for (const i of indicators) {
    const c = category(i.level1, i.level2);
    if (c) split[c] += i.weight?.value ?? 0;
  }
  if (!std) {
    if (budgetWeight !== null && Math.abs(budgetWeight - ctx.profile.budgetWeight) > 0.005) {
      ctx.report(
        "WEIGHT_SPLIT_NONSTANDARD",
        "info",
        at,
        `执行率分值为 ${fmt(budgetWeight)}，${ctx.profile.name} 为 ${ctx.profile.budgetWeight}。`,
        `The execution rate weighs ${fmt(budgetWeight)}; ${ctx.profile.nameEn} expects ${ctx.profile.budgetWeight}.`,
      );
    }
    return;
  }
  const keys = ["budget", "output", "benefit", "satisfaction"] as const;
  if (keys.every((k) => Math.abs(split[k] - std[k]) < 0.005)) return;
  const names = { budget: "执行率", output: "产出", benefit: "效益", satisfaction: "满意度" };
  const namesEn = { budget: "execution rate", output: "output", benefit: "benefit", satisfaction: "satisfaction" };
  ctx.report(
    "WEIGHT_SPLIT_NONSTANDARD",
    "info",
    at,
    `一级指标权重为 ${keys.map((k) => `${names[k]} ${fmt(split[k])}`).join(" / ")}，与常用分配 ${keys.map((k) => `${names[k]} ${std[k]}`).join(" / ")} 不同（允许，仅提示）。`,
    `Level-1 split is ${keys.map((k) => `${namesEn[k]} ${fmt(split[k])}`).join(" / ")}, not the usual ${keys.map((k) => `${namesEn[k]} ${std[k]}`).join(" / ")} (allowed; for information).`,
  );
}
