import { memoize } from "../memo";
/**
 * The header vocabulary of SPEC §2, with the spellings real files use. Every matcher takes a header key
 * (src/core/text.ts headerKey: no spaces or line breaks, ASCII signs, parenthesised notes removed).
 */

export type HeaderMatcher = (key: string) => boolean;

const oneOf = (...words: string[]): HeaderMatcher => {
  const set = new Set(words);
  return (k) => set.has(k);
};

export const H = {
  // header fields
  projectName: oneOf("项目名称", "项目支出名称", "项目"),
  department: oneOf("主管部门", "主管单位"),
  implementer: oneOf("实施单位", "项目实施单位"),
  departmentName: oneOf("部门名称", "单位名称", "部门", "预算单位", "预算部门", "部门单位名称"),
  reportingUnit: memoize((k: string) => /^填报单位/.test(k)),

  // fund block
  fundBlock: memoize((k: string) => k.startsWith("项目资金") || /^(?:年度)?预算(?:执行)?情况/.test(k)),
  initialBudget: oneOf("年初预算数", "年初预算", "年初预算金额", "年初批复预算数", "年初预算安排"),
  budget: oneOf(
    "全年预算数",
    "全年预算",
    "调整后预算数",
    "调整后预算",
    "全年预算金额",
    "全年调整预算数",
    "调整预算数",
    "调整预算",
    "预算调整数",
    "调整后预算金额",
  ),
  /** Looser names for the budget column, taken only where no column says 全年预算数 / 调整后预算数. */
  budgetLoose: oneOf("预算数", "年度预算数", "预算金额"),
  executed: oneOf(
    "全年执行数",
    "全年执行",
    "全年实际执行数",
    "实际执行数",
    "执行数",
    "全年支出数",
    "预算执行数",
    "实际支出数",
    "全年实际支出",
    "全年实际支出数",
  ),
  weight: oneOf("分值", "权重", "指标分值", "指标权重", "执行率权重", "执行率分值", "分值权重", "权重分值", "价值", "权重分"),
  rate: oneOf("执行率", "预算执行率", "资金执行率", "执行率%", "预算执行率%"),
  score: oneOf(
    "得分",
    "自评得分",
    "评分",
    "实际得分",
    "自评分",
    "自评分数",
    "绩效自评得分",
    "评价得分",
    "自评分值",
    "指标得分",
    "执行率得分",
  ),
  fundTotal: memoize((k: string) => /^(?:年度资金总额|资金总额|年度资金合计|总额|资金合计)$/.test(k.replace(/[:：]/g, ""))),
  fundCurrent: memoize((k: string) => /^(?:其中)?:?(?:当年|本年)?(?:财政拨款|财政资金)(?:资金)?$/.test(k)),
  fundCarryOver: memoize((k: string) => /^(?:其中)?:?上年结转(?:结余)?(?:资金)?$/.test(k)),
  fundOther: memoize((k: string) => /^(?:其中)?:?(?:其他资金|单位资金|财政专户管理资金|自有资金|其他)$/.test(k)),

  // department funds
  spendingScale: oneOf("整体支出规模", "部门整体支出规模"),
  fundSource: (k: string) => k.startsWith("资金来源"),
  fundStructure: (k: string) => k.startsWith("资金结构"),

  // goals
  annualGoal: oneOf("年度总体目标", "年度总目标", "总体目标"),
  goalExpected: oneOf("预期目标", "年初设定目标", "年度目标", "年初目标", "年初绩效目标"),
  goalActual: oneOf("实际完成情况", "全年完成情况", "完成情况", "全年实际完成情况", "全年目标实际完成情况"),

  // indicator block
  level1: oneOf("一级指标"),
  level2: oneOf("二级指标"),
  level3: oneOf("三级指标", "指标名称", "三级指标名称"),
  target: oneOf("年度指标值", "指标值", "年度目标值", "目标值", "年度指标", "预期指标值", "年度预期指标值", "年初目标值", "年初指标值"),
  /** Sub-headers of a 年度指标值 split over columns: 指标性质 (≥, ≤, =) | 指标值 | 度量单位. */
  targetComparator: oneOf("指标性质", "指标方向", "比较符", "符号", "指标符号"),
  targetUnit: oneOf("度量单位", "计量单位", "单位", "指标单位"),
  actual: (k: string) =>
    ["实际完成值", "全年完成值", "完成值", "全年实际值", "实际值", "实际完成", "全年实际完成值", "实际完成情况值", "完成情况"].includes(k),
  reason: (k: string) => k.length <= 16 && (k.includes("原因") || k.includes("改进措施")),
  total: memoize((k: string) => /^(?:总分|总计得分|合计得分|得分合计|总得分|合计|总计)$/.test(k)),
  /** 总分 written as a labelled field above the table (重庆: "自评总分（分） | 97.6") rather than as a last row. */
  fieldTotal: oneOf("自评总分", "自评总得分", "自评得分总分"),
  /** A title that names the department's overall spending ("部门整体绩效自评表", "2021年度单位整体支出绩效自评表"). */
  departmentTitle: memoize((k: string) => /(?:部门|单位)整体|整体支出/.test(k) && /自评|评价/.test(k)),
  grade: oneOf("评价等级", "等级", "自评等级", "绩效等级", "评价结果", "绩效评价等级", "自评结果"),

  // summary
  seq: oneOf("序号", "编号"),
  sum: oneOf("合计", "总计", "合计数"),
  subtotal: oneOf("小计", "小计数"),
} satisfies Record<string, HeaderMatcher>;

/** Where HF's scorecard level bits start. */
export const LEVEL_SHIFT = 19;

/** The header words that tell a row's kind (an indicator, summary or funds header), as bits of headerFlags. */
export const HF = {
  level1: 1,
  level2: 2,
  level3: 4,
  weight: 8,
  score: 16,
  target: 32,
  actual: 64,
  projectName: 128,
  executed: 256,
  budget: 512,
  budgetLoose: 1024,
  initialBudget: 2048,
  fundBlock: 4096,
  spendingScale: 8192,
  total: 1 << 14,
  department: 1 << 15,
  fundTotal: 1 << 16,
  /** A label that opens a table (项目名称, 主管部门, 部门名称, 自评总分 …): recognize/indicators.ts. */
  tableTopLabel: 1 << 17,
  /** A table's title (…绩效自评表, …自评情况汇总表). */
  tableTitle: 1 << 18,
  /** A scorecard's level column (一级, 二级指标 …, recognize/scorecard.ts levelOf): 1 << 19 for 一级 … 1 << 22 for 四级. */
  level: 1 << LEVEL_SHIFT,
} as const;

/** A scorecard level column's header: "一级", "二级指标", "三级指标名称" (recognize/scorecard.ts levelOf). */
export const LEVEL_HEADER = /^([一二三四])级(?:指标)?(?:名称|内容)?$/;
export const TABLE_TOP_LABEL = /^(?:项目名称|项目支出名称|主管部门|部门名称|部门单位名称|自评总分)$/;
export const TABLE_TITLE = /(?:绩效自评表|自评情况汇总表|自评结果汇总表|绩效评价表)$/;

const MATCHED = [
  "level1",
  "level2",
  "level3",
  "weight",
  "score",
  "target",
  "actual",
  "projectName",
  "executed",
  "budget",
  "budgetLoose",
  "initialBudget",
  "fundBlock",
  "spendingScale",
  "total",
  "department",
  "fundTotal",
] as const;
const FLAGGED = MATCHED.map((name) => [H[name], HF[name]] as const);

/** Which of HF's words a header key is (a key may be several: "执行率分值" is no 执行数): each distinct key tested once. */
export const headerFlags = memoize((k: string): number => {
  let f = 0;
  for (const [m, bit] of FLAGGED) if (m(k)) f |= bit;
  if (TABLE_TOP_LABEL.test(k)) f |= HF.tableTopLabel;
  if (TABLE_TITLE.test(k)) f |= HF.tableTitle;
  const level = LEVEL_HEADER.exec(k);
  if (level) f |= HF.level << "一二三四".indexOf(level[1]);
  return f;
});

/** A cell as rowFlags reads it; `flags`, where the cell keeps them, is headerFlags of its key (text cells only). */
export interface FlaggedCell {
  readonly key: string;
  readonly raw: unknown;
  readonly flags?: number;
}

/** The union of headerFlags over a row's cells (a number or a truth value is no header word). */
export function rowFlags(cells: readonly FlaggedCell[]): number {
  let f = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    f |= c.flags ?? (typeof c.raw === "string" ? headerFlags(c.key) : 0);
  }
  return f;
}

/** A label with its declared weight: "数量指标（15）", "产出指标\n(50分)", "效益指标（40分）". */
export const splitWeightLabel = memoize(splitWeightLabelText);

function splitWeightLabelText(text: string): { name: string; weight: number | null } {
  const s = text
    .replace(/[\s\u3000]+/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")");
  const m = /^(.*?)\((\d+(?:\.\d+)?)分?\)$/.exec(s);
  if (m) return { name: m[1], weight: Number(m[2]) };
  const m2 = /^(.*?)(\d+(?:\.\d+)?)分$/.exec(s);
  if (m2 && m2[1]) return { name: m2[1], weight: Number(m2[2]) };
  return { name: s, weight: null };
}
