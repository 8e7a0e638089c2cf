/**
 * The findings' part of the catalogue (keys `finding.<CODE>` and `finding.<CODE>.<variant>` there): a rule reports a
 * code, the variant that says which case it met, and the figures (formatted as a person writes them); the message in
 * either language is rendered from here. The words must not change lightly: `jixiao check --json` carries them.
 */
import type { Lang, Pair } from "./lang";
import { COMPARE_MESSAGES } from "./compare";
import { partialText, type PartialReason } from "./recognition";
import { columnName, explanationText, fundSumText, sumLabel, type FundSum, type ScoreExplanation } from "./scoring";
import { say, sayBoth, type Message, type MessageParams } from "./template";

const LEVEL_ZH = ["一级", "二级", "三级", "四级"];
const LEVEL_EN = ["Level-1", "Level-2", "Level-3", "Level-4"];
const levelZh = (l: number) => LEVEL_ZH[l - 1] ?? `${l}级`;
const levelEn = (l: number) => LEVEL_EN[l - 1] ?? `Level-${l}`;

type Split = {
  readonly budget: string | number;
  readonly output: string | number;
  readonly benefit: string | number;
  readonly satisfaction: string | number;
};
const SPLIT_KEYS = ["budget", "output", "benefit", "satisfaction"] as const;
const SPLIT_ZH = { budget: "执行率", output: "产出", benefit: "效益", satisfaction: "满意度" };
const SPLIT_EN = { budget: "execution rate", output: "output", benefit: "benefit", satisfaction: "satisfaction" };
function splitText(s: Split, names: Record<keyof Split, string>): string {
  let out = "";
  for (let i = 0; i < SPLIT_KEYS.length; i++) out += `${i ? " / " : ""}${names[SPLIT_KEYS[i]]} ${s[SPLIT_KEYS[i]]}`;
  return out;
}

/** The rule a 执行率得分 follows: MIN(分值, 分值 × 执行率), or the 江西 steps. */
interface BudgetRule {
  readonly steps: boolean;
  readonly weight: string;
  readonly rate: string;
}
const budgetRuleZh = (r: BudgetRule) =>
  r.steps ? `分档计分（执行率 ${r.rate}，分值 ${r.weight}）` : `MIN(${r.weight}, ${r.weight} × ${r.rate})`;
const budgetRuleEn = (r: BudgetRule) =>
  r.steps ? `stepped scoring (rate ${r.rate}, weight ${r.weight})` : `MIN(${r.weight}, ${r.weight} × ${r.rate})`;

/** A figure of the report that differs from the table (jixiao compare): its words are the comparison's. */
type FigureMismatch = {
  stated: string;
  label: string;
  cell: string;
  table: string;
  /** The rule's value, when the table's own figure is not what the rule gives; null otherwise. */
  computed: string | null;
  text: string;
};
function figureMismatch(p: FigureMismatch, lang: Lang): string {
  const computed = p.computed ? say(COMPARE_MESSAGES.computed, lang, { value: p.computed }) : "";
  return say(COMPARE_MESSAGES["figure-mismatch"], lang, { ...p, computed });
}

type ScoreMismatch = { label: string; stated: string; explanation: ScoreExplanation; suggested: string };

export const FINDINGS = {
  // ── 执行率 ───────────────────────────────────────────────────────────────────────────────────────────────────
  RATE_MISMATCH: {
    zh: "「{label}」执行率 {stated} 与 执行数/预算数 = {rate} 不符。",
    en: '"{label}": execution rate {stated} differs from executed/budget = {rate}.',
  },
  RATE_INVERTED: {
    zh: "「{label}」执行率写成了预算数/执行数：表中 {stated}，应为 执行数/预算数 = {rate}。",
    en: '"{label}": the execution rate was computed upside down (budget/executed): {stated} stated, executed/budget is {rate}.',
  },
  RATE_NO_BUDGET: {
    zh: ({ label, budgetEmpty, executed, stated }: { label: string; budgetEmpty: boolean; executed: string; stated: string | null }) =>
      `「${label}」预算数为 ${budgetEmpty ? "空" : "0"}，执行数为 ${executed}：无法计算执行率${stated !== null ? `（表中填写了 ${stated}）` : ""}。`,
    en: ({ label, budgetEmpty, executed }: { label: string; budgetEmpty: boolean; executed: string }) =>
      `"${label}": no budget (${budgetEmpty ? "empty" : "0"}) but ${executed} executed: no execution rate can be computed.`,
  },
  RATE_OVER_100: {
    zh: "「{label}」执行率 {rate} 超过 100%（超预算执行），请说明原因。",
    en: '"{label}": execution rate {rate} is over 100% (over-execution); explain why.',
  },
  BUDGET_SCORE_MISMATCH: {
    zh: ({ stated, rule, score }: { stated: string; rule: BudgetRule; score: string }) =>
      `执行率得分 ${stated} 与规则不符：${budgetRuleZh(rule)} = ${score}。`,
    en: ({ stated, rule, score }: { stated: string; rule: BudgetRule; score: string }) =>
      `Execution-rate score ${stated} breaks the rule: ${budgetRuleEn(rule)} = ${score}.`,
  },

  // ── 得分 ─────────────────────────────────────────────────────────────────────────────────────────────────────
  SCORE_MISMATCH: {
    zh: ({ label, stated, explanation, suggested }: ScoreMismatch) =>
      `「${label}」得分 ${stated} 与规则不符：${explanationText(explanation, "zh")}。可采纳建议值 ${suggested}。`,
    en: ({ label, stated, explanation, suggested }: ScoreMismatch) =>
      `"${label}": score ${stated} breaks the rule: ${explanationText(explanation, "en")}. Suggested: ${suggested}.`,
  },
  SCORE_OUT_OF_BAND: {
    zh: "「{label}」完成情况为「{band}」，得分应在 {min}–{max} 之间，表中为 {stated}。",
    en: '"{label}": the actual reads "{band}", so the score belongs in {min}–{max}; the table has {stated}.',
  },
  SCORE_EXCEEDS_WEIGHT: { zh: "「{label}」得分 {score} 超过分值 {weight}。", en: '"{label}": score {score} exceeds its weight {weight}.' },
  "SCORE_EXCEEDS_WEIGHT.negative": { zh: "「{label}」得分 {score} 小于 0。", en: '"{label}": score {score} is below 0.' },

  // ── 分值 ─────────────────────────────────────────────────────────────────────────────────────────────────────
  WEIGHT_GROUP_MISMATCH: {
    zh: "「{name}」标明 {declared} 分，其下分值合计 {actual}。",
    en: '"{name}" declares {declared} points but what it holds weighs {actual}.',
  },
  "WEIGHT_GROUP_MISMATCH.group": {
    zh: ({ level, name, declared, actual }: { level: number; name: string; declared: string; actual: string }) =>
      `${levelZh(level)}指标「${name}」标明权重 ${declared}，其下指标分值合计 ${actual}。`,
    en: ({ level, name, declared, actual }: { level: number; name: string; declared: string; actual: string }) =>
      `${levelEn(level)} group "${name}" declares ${declared} but its indicators weigh ${actual}.`,
  },
  "WEIGHT_GROUP_MISMATCH.scorecard": {
    zh: ({ level, name, declared, actual }: { level: number; name: string; declared: string; actual: string }) =>
      `${levelZh(level)}指标「${name}」标明分值 ${declared}，其下指标分值合计 ${actual}。`,
    en: ({ level, name, declared, actual }: { level: number; name: string; declared: string; actual: string }) =>
      `${levelEn(level)} group "${name}" declares ${declared} points but its indicators weigh ${actual}.`,
  },
  "WEIGHT_GROUP_MISMATCH.subtotal": {
    zh: ({ level, name, stated, sum }: { level: number; name: string; stated: string; sum: string }) =>
      `${levelZh(level)}指标「${name}」得分小计 ${stated} 与其下各项得分之和 ${sum} 不符。`,
    en: ({ level, name, stated, sum }: { level: number; name: string; stated: string; sum: string }) =>
      `${levelEn(level)} group "${name}": subtotal score ${stated} differs from the sum of its scores, ${sum}.`,
  },
  WEIGHT_TOTAL_NOT_100: {
    zh: ({ withBudget, total }: { withBudget: boolean; total: string }) =>
      `各项分值${withBudget ? "（含执行率）" : ""}合计 ${total}，应为 100。`,
    en: ({ withBudget, total }: { withBudget: boolean; total: string }) =>
      `The weights${withBudget ? " (execution rate included)" : ""} add up to ${total}, not 100.`,
  },
  "WEIGHT_TOTAL_NOT_100.scorecard": { zh: "各项指标分值合计 {total}，应为 100。", en: "The indicator weights add up to {total}, not 100." },
  "WEIGHT_TOTAL_NOT_100.stated": {
    zh: "合计分值 {stated} 与各项指标分值之和 {sum} 不符。",
    en: "The stated total weight {stated} differs from the sum of the weights, {sum}.",
  },
  WEIGHT_SPLIT_NONSTANDARD: {
    zh: ({ split, usual }: { split: Split; usual: Split }) =>
      `一级指标权重为 ${splitText(split, SPLIT_ZH)}，与常用分配 ${splitText(usual, SPLIT_ZH)} 不同（允许，仅提示）。`,
    en: ({ split, usual }: { split: Split; usual: Split }) =>
      `Level-1 split is ${splitText(split, SPLIT_EN)}, not the usual ${splitText(usual, SPLIT_EN)} (allowed; for information).`,
  },
  "WEIGHT_SPLIT_NONSTANDARD.budget": {
    zh: "执行率分值为 {weight}，{profile} 为 {expected}。",
    en: "The execution rate weighs {weight}; {profile} expects {expected}.",
  },

  // ── 总分, 等级, 资金 ───────────────────────────────────────────────────────────────────────────────────────────
  TOTAL_MISMATCH: {
    zh: ({ stated, typed, filled }: { stated: string; typed: string; filled: string | null }) =>
      `总分 ${stated} 与表中各项得分之和 ${typed} 不符${filled !== null ? `（更正派生单元格后应为 ${filled}）` : ""}。`,
    en: ({ stated, typed, filled }: { stated: string; typed: string; filled: string | null }) =>
      `Total ${stated} differs from the sum of the table's scores, ${typed}${filled !== null ? ` (${filled} once the derived cells are corrected)` : ""}.`,
  },
  "TOTAL_MISMATCH.derived": {
    zh: "总分 {stated}：更正执行率等派生单元格后，各项得分之和为 {filled}。",
    en: "Total {stated}: once the derived cells are corrected the scores add up to {filled}.",
  },
  "TOTAL_MISMATCH.scorecard": {
    zh: "总分 {stated} 与各项得分之和 {total} 不符。",
    en: "Total {stated} differs from the sum of the scores, {total}.",
  },
  GRADE_MISMATCH: {
    zh: "{label}等级「{stated}」与得分 {total} 对应的等级「{due}」不符。",
    en: '{label} grade "{stated}" differs from "{due}", the grade of score {total}.',
  },
  FUNDS_SUBTOTAL_MISMATCH: {
    zh: ({ what, stated, sum }: { what: FundSum; stated: string; sum: string }) =>
      `${fundSumText(what, "zh")} ${stated} 与其组成部分之和 ${sum} 不符。`,
    en: ({ what, stated, sum }: { what: FundSum; stated: string; sum: string }) =>
      `${fundSumText(what, "en")} ${stated} differs from the sum of its parts, ${sum}.`,
  },
  "FUNDS_SUBTOTAL_MISMATCH.split": {
    zh: ({ what, bySource, byStructure }: { what: FundSum; bySource: string; byStructure: string }) =>
      `${fundSumText(what, "zh")}：按资金来源合计 ${bySource}，按资金结构合计 ${byStructure}，两者应相等。`,
    en: ({ what, bySource, byStructure }: { what: FundSum; bySource: string; byStructure: string }) =>
      `${fundSumText(what, "en")}: ${bySource} by source but ${byStructure} by structure; they must agree.`,
  },

  // ── 偏差原因, 单位, 文本数字, 缺值, 错误值, 未完整识别 ───────────────────────────────────────────────────────────
  DEVIATION_REASON_MISSING: {
    zh: "「{label}」得分 {score} 低于分值 {weight}，须填写偏差原因分析及改进措施。",
    en: '"{label}": score {score} is below its weight {weight}; a deviation reason is required.',
  },
  "DEVIATION_REASON_MISSING.scorecard": {
    zh: ({ label, score, weight, lost, column }: { label: string; score: string; weight: string; lost: string; column: boolean }) =>
      `「${label}」得分 ${score} 低于分值 ${weight}（扣 ${lost} 分），须说明扣分原因${column ? "" : "（表中没有扣分原因栏，请在报告中说明）"}。`,
    en: ({ label, score, weight, lost, column }: { label: string; score: string; weight: string; lost: string; column: boolean }) =>
      `"${label}": score ${score} is below its weight ${weight} (${lost} lost); the reason for the deduction is required${column ? "" : " (the table has no column for it: give it in the report)"}.`,
  },
  DEVIATION_REASON_SUGGESTED: {
    zh: "「{label}」实际完成值为目标的 {percent}%（超额较大），建议说明原因。",
    en: '"{label}": the actual is {percent}% of the target (well over); consider explaining why.',
  },
  UNIT_MISMATCH: {
    zh: "「{label}」目标 {target} 与实际 {actual} 单位不同，无法计算得分。",
    en: '"{label}": target {target} and actual {actual} are in different units; no score computed.',
  },
  NUMBER_AS_TEXT: {
    zh: "文本形式的数字「{raw}」，应为数值 {value}。填充不改动此单元格（没有填充的公式读取它），可用“转为数字”转换。",
    en: 'Number stored as text "{raw}"; it should be the number {value}. The fill leaves it as it is (no formula it writes reads it); use Convert to number.',
  },
  "NUMBER_AS_TEXT.converted": {
    zh: "文本形式的数字「{raw}」，应为数值 {value}。填充的公式读取此单元格，填充时将其转为数值。",
    en: 'Number stored as text "{raw}"; it should be the number {value}. A formula the fill writes reads it: the fill converts it.',
  },
  "MISSING_VALUE.rateUnchecked": {
    zh: ({ label, both, rate }: { label: string; both: boolean; rate: string }) =>
      `「${label}」${both ? "全年预算数、" : ""}全年执行数为空：表中执行率 ${rate} 无法核对。`,
    en: ({ label, both, rate }: { label: string; both: boolean; rate: string }) =>
      `"${label}": ${both ? "全年预算数 and " : ""}全年执行数 ${both ? "are" : "is"} empty: the stated execution rate ${rate} cannot be checked.`,
  },
  "MISSING_VALUE.initialBudget": {
    zh: "「{label}」全年预算数为空，执行率按年初预算数计算。",
    en: '"{label}": 全年预算数 (adjusted budget) is empty; the execution rate uses 年初预算数 (initial budget).',
  },
  "MISSING_VALUE.budgetWeight": { zh: "执行率分值为空。", en: "The execution-rate weight is empty." },
  "MISSING_VALUE.weight": { zh: "「{label}」的分值为空。", en: 'The weight of "{label}" is empty.' },
  "MISSING_VALUE.weightNotNumber": { zh: "「{label}」的分值（不是数字）为空。", en: 'The weight of "{label}" (not a number) is empty.' },
  "MISSING_VALUE.actual": { zh: "「{label}」的实际完成值为空。", en: 'The actual value of "{label}" is empty.' },
  "MISSING_VALUE.score": { zh: "「{label}」的得分为空。", en: 'The score of "{label}" is empty.' },
  "MISSING_VALUE.qualitativeScore": {
    zh: ({ label, band, min, max }: { label: string; band: string | null; min: string; max: string }) =>
      `「${label}」的得分（定性指标，需人工评分${band !== null ? `：${band}，应在 ${min}–${max} 之间` : ""}）为空。`,
    en: ({ label, band, min, max }: { label: string; band: string | null; min: string; max: string }) =>
      `The score of "${label}" (qualitative: a person scores it${band !== null ? `; "${band}" puts it in ${min}–${max}` : ""}) is empty.`,
  },
  "MISSING_VALUE.scorecardScores": {
    zh: "评分表的得分栏（尚未评分）为空。",
    en: "The scorecard's 得分 (score) column (not scored yet) is empty.",
  },
  CELL_ERROR: {
    zh: "单元格显示错误值 {error}，依赖它的检查未计算。",
    en: "The cell shows the error value {error}; nothing that depends on it was computed.",
  },
  REPORT_FIGURE_MISMATCH: {
    zh: (p: FigureMismatch) => figureMismatch(p, "zh"),
    en: (p: FigureMismatch) => figureMismatch(p, "en"),
  },
  TABLE_PARTIAL: {
    zh: ({ why }: { why: PartialReason }) => `表格未完整识别：${partialText(why, "zh")}`,
    en: ({ why }: { why: PartialReason }) => `Table only partly read: ${partialText(why, "en")}`,
  },
  "TABLE_PARTIAL.selfReference": {
    zh: "表格未完整识别：为这一格算出的公式 {formula} 会引用它自身（合并单元格或文字占了数字的位置），未写入。",
    en: "Table only partly read: the formula {formula} worked out for this cell would refer to the cell itself (a merged area or a label where a number belongs), so it is not written.",
  },
} as const satisfies Record<string, Message>;

/** The reason of a change held back as a suggestion (any entry of CHANGES but `taken`). */
type HeldReason = { readonly key: string; readonly params: Readonly<Record<string, unknown>> };
function heldText(why: HeldReason, lang: Lang): string {
  const entry = (CHANGES as Readonly<Record<string, Message>>)[why?.key];
  return entry ? say(entry, lang, why.params) : String(why?.key ?? why);
}

/**
 * Why the fill writes a cell (keys `change.*` in the catalogue): shown beside each change in the preview and the CLI.
 */
export const CHANGES = {
  rate: {
    zh: ({ initial }: { initial: boolean }) => `执行率 = 全年执行数 / ${initial ? "年初预算数" : "全年预算数"}`,
    en: ({ initial }: { initial: boolean }) => `Execution rate = executed / ${initial ? "initial budget" : "adjusted budget"}`,
  },
  numberFromText: {
    zh: "文本数字转为数值（{raw} → {value}）",
    en: "Number stored as text becomes a number ({raw} → {value})",
  },
  budgetScoreEmpty: { zh: "执行率得分（无执行率时为空）", en: "Execution-rate score (empty while there is no rate)" },
  budgetScore: {
    zh: ({ rule }: { rule: BudgetRule }) => `执行率得分 = ${budgetRuleZh(rule)}`,
    en: ({ rule }: { rule: BudgetRule }) => `Execution-rate score = ${budgetRuleEn(rule)}`,
  },
  score: {
    zh: ({ explanation }: { explanation: ScoreExplanation }) => `得分：${explanationText(explanation, "zh")}`,
    en: ({ explanation }: { explanation: ScoreExplanation }) => `Score: ${explanationText(explanation, "en")}`,
  },
  total: { zh: "总分 = 各项得分之和（含执行率得分）", en: "Total = sum of all scores (execution-rate score included)" },
  scorecardTotal: { zh: "总分 = 各项得分之和", en: "Total = sum of all scores" },
  groupSubtotal: { zh: "「{name}」得分小计 = 其下各项得分之和", en: 'Subtotal of "{name}" = sum of its scores' },
  summarySum: {
    zh: ({ what }: { what: FundSum }) => `${sumLabel(what, "zh")} = 各项目${columnName(what?.column, "zh")}之和`,
    en: ({ what }: { what: FundSum }) => `${sumLabel(what, "en")} = sum of the projects' ${columnName(what?.column, "en")}`,
  },
  accepted: { zh: "采纳建议：按规则得分 {value}", en: "Suggestion taken: rule score {value}" },
  // a held-back change taken from its suggestion: its own reason after 采纳建议
  taken: {
    zh: ({ why }: { why: HeldReason }) => `采纳建议：${heldText(why, "zh")}`,
    en: ({ why }: { why: HeldReason }) => `Suggestion taken: ${heldText(why, "en")}`,
  },
} as const satisfies Record<string, Message>;

export type ChangeKey = keyof typeof CHANGES;
type ChangeParamsMap = { [K in ChangeKey]: MessageParams<(typeof CHANGES)[K]> };
/** Why a change is made: its entry and what the entry names. */
export type ChangeReason = { [K in ChangeKey]: { readonly key: K; readonly params: ChangeParamsMap[K] } }[ChangeKey];

/** A change's reason in both languages. */
export function changeMessage(reason: ChangeReason): Pair {
  return sayBoth((CHANGES as Readonly<Record<string, Message>>)[reason.key], reason.params as Readonly<Record<string, unknown>>);
}

/** A finding's entry: its code, or its code and the variant (`SCORE_EXCEEDS_WEIGHT.negative`). */
export type FindingKey = keyof typeof FINDINGS;
type FindingParamsMap = { [K in FindingKey]: MessageParams<(typeof FINDINGS)[K]> };
/** What the entry `K` names. */
export type FindingParams<K extends FindingKey> = FindingParamsMap[K];

/** A finding's message in both languages, from its entry and what it names. */
export function findingMessage(key: string, params: Readonly<Record<string, unknown>>): Pair {
  return sayBoth((FINDINGS as Readonly<Record<string, Message>>)[key], params);
}
