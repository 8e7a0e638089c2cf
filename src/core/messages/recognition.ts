/**
 * What recognition says (keys `recognize.*` and `partial.*` in the catalogue): why a sheet holds no table (which
 * headers are missing), and, for a table read only in part (TABLE_PARTIAL), which part could not be read and what was
 * therefore not checked. Recognition reports a key and what it names; the words are here.
 */
import type { Lang, Pair } from "./lang";
import { say, sayBoth, type Message, type MessageParams } from "./template";

/** The headers whose absence says why no table was recognised. */
export type IndicatorHeader = "level1" | "level2" | "level3";
export type SummaryHeader = "projectName" | "budget" | "executed" | "rate";

const HEADER_NAMES: Readonly<Record<IndicatorHeader | SummaryHeader, Pair>> = {
  level1: { zh: "一级指标", en: "一级指标 (level-1 indicator)" },
  level2: { zh: "二级指标", en: "二级指标 (level-2 indicator)" },
  level3: { zh: "三级指标", en: "三级指标 (level-3 indicator)" },
  projectName: { zh: "项目名称", en: "项目名称 (project name)" },
  budget: { zh: "全年预算数", en: "全年预算数 (budget)" },
  executed: { zh: "全年执行数", en: "全年执行数 (executed)" },
  rate: { zh: "执行率", en: "执行率 (execution rate)" },
};

type Missing = { readonly indicators: readonly IndicatorHeader[]; readonly summary: readonly SummaryHeader[] };
// a header the table does not know is said as it is given (a template never throws)
const headerName = (h: string, lang: Lang) => (HEADER_NAMES as Readonly<Record<string, Pair>>)[h]?.[lang] ?? h;
const listZh = (hs: readonly string[]) => hs.map((h) => `「${headerName(h, "zh")}」`).join("") || "（表头不在同一行）";
const listEn = (hs: readonly string[]) => hs.map((h) => headerName(h, "en")).join(", ") || "(not on one row)";

export const RECOGNITION = {
  empty: { zh: "工作表为空。", en: "The sheet is empty." },
  missingHeaders: {
    zh: ({ indicators, summary }: Missing) =>
      `未识别到绩效自评表：缺少指标表头 ${listZh(indicators)}，也缺少汇总表表头 ${listZh(summary)}。`,
    en: ({ indicators, summary }: Missing) =>
      `No self-evaluation table found: missing indicator headers ${listEn(indicators)} and summary headers ${listEn(summary)}.`,
  },
} as const satisfies Record<string, Message>;

type Level = { readonly level: number };
const LEVEL_ZH = ["一级", "二级", "三级", "四级"];

/** The parts of a recognised table that could not be read (TABLE_PARTIAL's `why`). */
export const PARTIAL = {
  // project tables: the funds block
  noFundTotal: {
    zh: "项目资金表头下未找到「年度资金总额」行，执行率未检查。",
    en: "No 年度资金总额 (annual funds total) row under the funds header; the execution rate was not checked.",
  },
  noFundColumn: {
    zh: ({ column }: { column: "budget" | "executed" }) =>
      `项目资金表头缺少「${column === "budget" ? "全年预算数" : "全年执行数"}」列，执行率未检查。`,
    en: ({ column }: { column: "budget" | "executed" }) =>
      `The funds header has no ${column === "budget" ? "全年预算数 (budget)" : "全年执行数 (executed)"} column; the execution rate was not checked.`,
  },
  noFundsHeader: {
    zh: "项目资金部分找不到含「全年预算数」「全年执行数」的表头，执行率未检查。",
    en: "The funds block has no header naming 全年预算数 / 全年执行数; the execution rate was not checked.",
  },
  noFunds: {
    zh: "未找到项目资金部分（年度资金总额、全年预算数、全年执行数），执行率未检查。",
    en: "No funds block (年度资金总额, 全年预算数, 全年执行数) was found; the execution rate was not checked.",
  },
  // department tables: the spending block
  noSpendingRows: {
    zh: "整体支出规模表头下未读到资金来源或资金结构行，执行率未检查。",
    en: "No 资金来源 / 资金结构 rows under the spending header; execution rates were not checked.",
  },
  noSpendingHeader: {
    zh: "整体支出规模部分找不到含「全年预算数」「全年执行数」的表头，执行率未检查。",
    en: "The spending block has no header naming 全年预算数 / 全年执行数; execution rates were not checked.",
  },
  noSpending: {
    zh: "未找到整体支出规模部分（全年预算数、全年执行数），执行率未检查。",
    en: "No spending block (全年预算数, 全年执行数) was found; execution rates were not checked.",
  },
  // the indicator block
  fundsOnly: {
    zh: "表中只有资金部分：绩效指标部分（指标、分值、得分、总分）缺失，只检查了资金部分。",
    en: "Only the funds block is here: the indicator block (indicators, weights, scores, total) is missing; only the funds were checked.",
  },
  noIndicatorRows: { zh: "指标表头下没有读到任何指标行。", en: "No indicator rows were read under the indicator header." },
  noWeightColumn: {
    zh: "指标部分找不到分值（权重）列，权重与得分未检查。",
    en: "The indicator block has no 分值 (weight) column; weights and scores were not checked.",
  },
  noScoreColumn: {
    zh: "指标部分找不到得分列，得分与总分未检查。",
    en: "The indicator block has no 得分 (score) column; scores and the total were not checked.",
  },
  noActualColumn: {
    zh: "指标部分找不到实际完成值列，指标得分无法按规则计算。",
    en: "The indicator block has no 实际完成值 (actual) column; scores cannot be computed by the rules.",
  },
  noTotal: { zh: "未找到总分行，总分未检查。", en: "No 总分 (total) row was found; the total was not checked." },
  // summaries and scorecards
  noProjectRows: { zh: "汇总表表头下没有读到项目行。", en: "No project rows were read under the summary header." },
  scorecardNoScore: {
    zh: "评分表没有得分栏，只检查了分值。",
    en: "the scorecard has no 得分 (score) column; only the weights were checked.",
  },
  placeholderGroup: {
    zh: ({ level, name, weight }: Level & { name: string; weight: number | null }) =>
      `${LEVEL_ZH[level - 1] ?? ""}指标「${name}」${weight !== null ? `（${weight}分）` : ""}下只有模板占位行，没有可评分的指标，其得分无法核对。`,
    en: ({ level, name, weight }: Level & { name: string; weight: number | null }) =>
      `level-${level} group "${name}"${weight !== null ? ` (${weight} points)` : ""} holds only template placeholders, nothing that can be scored; its score cannot be checked.`,
  },
} as const satisfies Record<string, Message>;

type Refs<T extends Record<string, Message>> = {
  [K in keyof T & string]: { readonly key: K; readonly params: MessageParams<T[K]> };
}[keyof T & string];

/** Why a sheet holds no table: an entry of `recognize.*` and what it names. */
export type NoTableReason = Refs<typeof RECOGNITION>;
/** Why a part of a table could not be read: an entry of `partial.*` and what it names. */
export type PartialReason = Refs<typeof PARTIAL>;

/** A part's reason said in one language (TABLE_PARTIAL's message renders its `why` through it); an unknown one as given. */
export function partialText(why: PartialReason, lang: Lang): string {
  const entry = (PARTIAL as Readonly<Record<string, Message>>)[why?.key];
  return entry ? say(entry, lang, why.params as Readonly<Record<string, unknown>>) : String(why?.key ?? why);
}

/** Why a sheet holds no table, in both languages (an error that names it). */
export function noTableMessage(reason: NoTableReason): Pair {
  return sayBoth((RECOGNITION as Readonly<Record<string, Message>>)[reason.key], reason.params as Readonly<Record<string, unknown>>);
}
