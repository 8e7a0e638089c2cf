/**
 * How the rules reached a score or named a sum (keys `explain.*` and `sum.*` in the catalogue): an indicator's 得分
 * by its rule (SCORE_MISMATCH, the fill's reason, the report's aside) and the funds sums a summary or a 年度资金总额
 * adds up (FUNDS_SUBTOTAL_MISMATCH, the fill's reason). The rules pass a key and figures; the words are here.
 */
import type { Lang, Pair } from "./lang";
import { say, sayBoth, type Message, type MessageParams } from "./template";

/** The arithmetic of a computed score, the same in both languages. */
const CALCS = {
  ratio: { zh: "{weight} × {over} / {under} = {score}", en: "{weight} × {over} / {under} = {score}" },
  linear: {
    zh: "{weight} × (1 − ({actual} − {target}) / {target}) = {score}",
    en: "{weight} × (1 − ({actual} − {target}) / {target}) = {score}",
  },
} as const satisfies Record<string, Message>;

type Calc = {
  [K in keyof typeof CALCS]: { readonly key: K; readonly params: MessageParams<(typeof CALCS)[K]> };
}[keyof typeof CALCS];
type Step = { readonly actual: string; readonly target: string; readonly how: Calc };
const calc = (c: Calc, lang: Lang) =>
  CALCS[c?.key] ? say(CALCS[c.key], lang, c.params as Readonly<Record<string, unknown>>) : String(c?.key ?? c);

export const EXPLAIN = {
  ...CALCS,
  percentOfWeight: {
    zh: "{weight} × {actual} = {score}（不超过分值）",
    en: "{weight} × {actual} = {score} (capped at the weight)",
  },
  meets: { zh: "实际 {actual} 满足目标 {target}，得满分 {weight}", en: "actual {actual} meets target {target}: full {weight}" },
  within: { zh: "实际 {actual} 不超过目标 {target}，得满分 {weight}", en: "actual {actual} within target {target}: full {weight}" },
  reaches: { zh: "实际 {actual} 达到目标 {target}，得满分 {weight}", en: "actual {actual} reaches target {target}: full {weight}" },
  exceeds: {
    zh: ({ actual, target, how }: Step) => `实际 ${actual} 超过目标 ${target}（反向指标）：${calc(how, "zh")}`,
    en: ({ actual, target, how }: Step) => `actual ${actual} exceeds target ${target} (lower is better): ${calc(how, "en")}`,
  },
  short: {
    zh: ({ actual, target, how }: Step) => `实际 ${actual} 未达到目标 ${target}：${calc(how, "zh")}`,
    en: ({ actual, target, how }: Step) => `actual ${actual} short of target ${target}: ${calc(how, "en")}`,
  },
} as const satisfies Record<string, Message>;

type Explained = Omit<typeof EXPLAIN, keyof typeof CALCS>;
/** How an indicator's score was reached: an entry of `explain.*` and what it names. */
export type ScoreExplanation = {
  [K in keyof Explained & string]: { readonly key: K; readonly params: MessageParams<Explained[K]> };
}[keyof Explained & string];

/** An explanation said in one language; an unknown one as given (a template never throws). */
export function explanationText(e: ScoreExplanation, lang: Lang): string {
  const entry = (EXPLAIN as Readonly<Record<string, Message>>)[e?.key];
  return entry ? say(entry, lang, e.params as Readonly<Record<string, unknown>>) : String(e?.key ?? e);
}

/** An explanation in both languages. */
export function explanationMessage(e: ScoreExplanation): Pair {
  return sayBoth((EXPLAIN as Readonly<Record<string, Message>>)[e.key], e.params as Readonly<Record<string, unknown>>);
}

// ── sums of funds ─────────────────────────────────────────────────────────────────────────────────────────────

/** A funds column a sum runs down. */
export type FundColumn = "initial" | "budget" | "executed";
const COLUMN: Readonly<Record<FundColumn, Pair>> = {
  initial: { zh: "年初预算数", en: "initial budget" },
  budget: { zh: "全年预算数", en: "adjusted budget" },
  executed: { zh: "全年执行数", en: "executed" },
};

/**
 * A sum the funds rules check: a project's 年度资金总额, a summary's 小计 (named after its first project) or 合计, in
 * one column; or the column itself (资金来源 against 资金结构).
 */
export type FundSum =
  | { readonly sum: "fundTotal" | "total" | "column"; readonly column: FundColumn }
  | { readonly sum: "subtotal"; readonly column: FundColumn; readonly first: string | null };

/** A funds column's name: 全年预算数 / adjusted budget. */
export const columnName = (c: FundColumn, lang: Lang): string => COLUMN[c]?.[lang] ?? String(c);

/** The sum's label without its column: 小计（甲项目等）, 合计 / Subtotal, Total. */
export function sumLabel(w: FundSum, lang: Lang): string {
  if (!w || typeof w !== "object") return String(w);
  if (w.sum === "subtotal") return lang === "zh" ? `小计${w.first ? `（${w.first}等）` : ""}` : "Subtotal";
  return w.sum === "total" ? (lang === "zh" ? "合计" : "Total") : "";
}

/** The sum with its column: 年度资金总额（全年预算数） / Annual funds total (adjusted budget). */
export function fundSumText(w: FundSum, lang: Lang): string {
  if (!w || typeof w !== "object") return String(w);
  const col = columnName(w.column, lang);
  if (w.sum === "column") return col;
  if (w.sum === "fundTotal") return lang === "zh" ? `年度资金总额（${col}）` : `Annual funds total (${col})`;
  return lang === "zh" ? `${sumLabel(w, lang)}（${col}）` : `${sumLabel(w, lang)} (${col})`;
}
