/**
 * Rule weights (SPEC §3): each declared group weight equals the sum of its children (WEIGHT_GROUP_MISMATCH);
 * all 分值, 执行率 included, add to 100 (WEIGHT_TOTAL_NOT_100); the 一级 split differs from the profile's
 * standard (default 执行率 10 / 产出 50 / 效益 30 / 满意度 10) → WEIGHT_SPLIT_NONSTANDARD (info).
 */
import type { DeclaredWeight, Indicator, IndicatorGroup, NumberCell } from "../model";
import { fmt, type RuleContext } from "./context";

/** The indicators' 分值 added left to right after `start` (a missing one counts 0), to 6 places. */
function weightSum(start: number, indicators: Indicator[]): number {
  let s = start;
  for (const i of indicators) s += i.weight?.value ?? 0;
  return Number(s.toFixed(6));
}

/**
 * A block's declared weight ("绩效指标(90分)", "年度绩效目标(80分)", "预算执行情况(10分)") against what it holds: the
 * sum of its indicators' 分值 where the table has them, else the sum of the weights its 一级 groups declare.
 */
export function checkBlockWeight(ctx: RuleContext, declared: DeclaredWeight | null, actual: number | null): void {
  if (!declared || actual === null) return;
  if (Math.abs(actual - declared.weight) > 0.005) {
    ctx.report("WEIGHT_GROUP_MISMATCH", "error", declared.cell.address, {
      name: declared.name,
      declared: fmt(declared.weight),
      actual: fmt(actual),
    });
  }
}

/** What an indicator block weighs: its indicators' 分值 where known, else its 一级 groups' declared weights. */
export function blockActualWeight(indicators: Indicator[], groups: IndicatorGroup[], weightsKnown: boolean): number | null {
  if (weightsKnown) return weightSum(0, indicators);
  let s = 0;
  let any = false;
  for (const g of groups) {
    if (g.level !== 1) continue;
    if (g.declaredWeight === null) return null;
    s += g.declaredWeight;
    any = true;
  }
  return any ? Number(s.toFixed(6)) : null;
}

export function checkGroupWeights(ctx: RuleContext, groups: IndicatorGroup[]): void {
  for (const g of groups) {
    if (g.declaredWeight === null) continue;
    const actual = g.actualWeight;
    if (Math.abs(actual - g.declaredWeight) > 0.005) {
      ctx.report("WEIGHT_GROUP_MISMATCH.group", "error", g.declaredCell?.address ?? null, {
        level: g.level === 1 ? 1 : 2,
        name: g.name,
        declared: fmt(g.declaredWeight),
        actual: fmt(actual),
      });
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
  const total = weightSum(budgetWeight ?? 0, indicators);
  if (Math.abs(total - 100) > 0.005) {
    ctx.report("WEIGHT_TOTAL_NOT_100", "error", totalWeightCell?.ref.address ?? null, {
      withBudget: budgetWeight !== null,
      total: fmt(total),
    });
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

/** How an indicator table's 分值 split over 执行率, 产出, 效益 and 满意度. */
interface WeightSplit {
  budget: number;
  output: number;
  benefit: number;
  satisfaction: number;
}

function weightSplit(indicators: Indicator[], budgetWeight: number | null): WeightSplit {
  let output = 0;
  let benefit = 0;
  let satisfaction = 0;
  for (let k = 0; k < indicators.length; k++) {
    const i = indicators[k];
    const c = category(i.level1, i.level2);
    if (c === "output") output += i.weight?.value ?? 0;
    else if (c === "benefit") benefit += i.weight?.value ?? 0;
    else if (c === "satisfaction") satisfaction += i.weight?.value ?? 0;
  }
  return { budget: budgetWeight ?? 0, output, benefit, satisfaction };
}

function isStandardSplit(split: WeightSplit, std: WeightSplit): boolean {
  return (
    Math.abs(split.budget - std.budget) < 0.005 &&
    Math.abs(split.output - std.output) < 0.005 &&
    Math.abs(split.benefit - std.benefit) < 0.005 &&
    Math.abs(split.satisfaction - std.satisfaction) < 0.005
  );
}

/** A profile with no standard split: only the 执行率 weight is compared with the profile's. */
function checkBudgetWeightOnly(ctx: RuleContext, budgetWeight: number | null, at: string | null): void {
  if (budgetWeight !== null && Math.abs(budgetWeight - ctx.profile.budgetWeight) > 0.005) {
    ctx.report("WEIGHT_SPLIT_NONSTANDARD.budget", "info", at, {
      weight: fmt(budgetWeight),
      profile: { zh: ctx.profile.name, en: ctx.profile.nameEn },
      expected: ctx.profile.budgetWeight,
    });
  }
}

export function checkWeightSplit(ctx: RuleContext, indicators: Indicator[], budgetWeight: number | null, at: string | null): void {
  const std = ctx.profile.standardSplit;
  const split = weightSplit(indicators, budgetWeight);
  if (!std) return checkBudgetWeightOnly(ctx, budgetWeight, at);
  if (isStandardSplit(split, std)) return;
  ctx.report("WEIGHT_SPLIT_NONSTANDARD", "info", at, {
    split: { budget: fmt(split.budget), output: fmt(split.output), benefit: fmt(split.benefit), satisfaction: fmt(split.satisfaction) },
    usual: { budget: std.budget, output: std.output, benefit: std.benefit, satisfaction: std.satisfaction },
  });
}
