/**
 * The recognised table, with the cell address of everything in it.
 * Recognition (src/core/recognize) builds these; rules (src/core/rules) read them.
 */
import type { CellValue } from "./snapshot";
import type { PartialReason } from "./messages";

export type TableKind = "project" | "department" | "summary" | "scorecard";

/** A cell on the table's sheet. */
export interface CellRef {
  /** A1 address. */
  address: string;
  row: number;
  col: number;
}

/** A cell read as a number (an amount, a weight, a score, a rate). */
export interface NumberCell {
  ref: CellRef;
  /** What the cell holds, untouched. */
  raw: CellValue;
  /** The number it spells, or null when empty or not a number. */
  value: number | null;
  /** True when the cell holds text that spells a number ("　3386.925", "99.15%"). */
  numberAsText: boolean;
  /** True when the cell is empty (or only spaces). */
  empty: boolean;
  /** The cell's formula, if any. */
  formula: string | null;
  numberFormat: string | null;
  /** Decimal places the value was written with (for tolerance and for quoting it back). */
  decimals: number;
  /** True when the value is a percentage (text "99.15%" or a % number format). */
  percent: boolean;
  /** The error value the cell shows (#DIV/0!, #REF!, …), or null: no rule computes anything from it (CELL_ERROR). */
  error: string | null;
  /**
   * True for a weight read from a label ("预算执行率（20分）", "国家奖学金人数（5分）") where the table has no 分值
   * column: `ref` is the label's cell, `value` the weight; formulas use the number, never the label's address.
   */
  fromLabel?: boolean;
}

/** A cell read as text. */
export interface TextCell {
  ref: CellRef;
  raw: CellValue;
  /** Trimmed text, inner line breaks and runs of spaces folded ("" when empty). */
  text: string;
}

/** Which way a quantitative indicator counts (SPEC §3). */
export type Direction = "positive" | "negative" | "equal";

/** A target or actual value parsed: "≥500人", "24249人", "119.2万人", "≤30天", "99.15%". */
export interface Quantity {
  text: string;
  /** The comparison written in front ("≥", "<"), normalised; null when bare. */
  comparator: ">=" | ">" | "<=" | "<" | "=" | null;
  /** The number in base units (119.2万人 → 1192000, 99.15% → 0.9915), or null when there is no number. */
  value: number | null;
  /** The number as written (119.2 for 119.2万人). */
  written: number | null;
  /** Base unit without a 万/亿 prefix ("人", "元", "%", "天"); null when none was written. */
  unit: string | null;
  /** The unit as written, with its prefix ("万人"). */
  unitWritten: string | null;
  /** Words before the comparison ("受助对象满意度" in "受助对象满意度≥95%"). */
  prefix: string;
}

export interface Indicator {
  /** Sheet row of the indicator. */
  row: number;
  level1: string;
  level2: string;
  /** 三级指标 text. */
  name: string;
  nameCell: TextCell | null;
  targetCell: TextCell | null;
  actualCell: TextCell | null;
  /** 分值 (weight); in the 湖南 department layout it is read from the column headed 年度指标值. */
  weight: NumberCell | null;
  score: NumberCell | null;
  /** 偏差原因分析及改进措施. */
  reasonCell: TextCell | null;
  /** Parsed target (null in the 湖南 layout, where that column holds the weight). */
  target: Quantity | null;
  actual: Quantity | null;
}

/** A 一级 or 二级 group with the weight its label or 权重 cell declares. */
export interface IndicatorGroup {
  level: 1 | 2;
  name: string;
  /** Parent 一级 name for a 二级 group. */
  parent: string | null;
  /** Weight the table declares for the group ("数量指标（15）" → 15; the 权重 column), if any. */
  declaredWeight: number | null;
  /** Where that declaration stands. */
  declaredCell: CellRef | null;
  /** Rows of the indicators in the group. */
  rows: number[];
  /** The sum of its indicators' 分值, as the table has them. */
  actualWeight: number;
}

export interface FundRow {
  /** Label as written ("其中：当年财政拨款"). */
  label: string;
  labelCell: TextCell;
  /** 年初预算数 (project and summary tables). */
  initial: NumberCell | null;
  /** 全年预算数. */
  budget: NumberCell | null;
  /** 全年执行数. */
  executed: NumberCell | null;
  /** 执行率, on rows that carry one. */
  rate: NumberCell | null;
}

/** A weight a block's label declares for the whole block: "绩效指标(90分)", "预算执行情况(10分)". */
export interface DeclaredWeight {
  name: string;
  weight: number;
  cell: CellRef;
}

/** A part of a recognised table that could not be read (TABLE_PARTIAL): the checks it feeds are not run. */
export interface TablePartial {
  /** Which part, as a key: "funds", "fundColumns", "indicators", "weightColumn", "scoreColumn", "actualColumn", "total". */
  part: string;
  /** Where it stands (A1), or null. */
  cell: string | null;
  /** Why: an entry of the catalogue's `partial.*` and what it names. */
  why: PartialReason;
}

/** How the role of a column of the indicator block was decided: by its header, or by what it holds. */
export interface ColumnRole {
  role: keyof IndicatorColumnsModel;
  col: number;
  source: "header" | "content";
  /** The header text that decided it (or what the content showed). */
  header: string;
}

/** Columns of the indicator block (sheet column numbers, null when absent). */
export interface IndicatorColumnsModel {
  level1: number | null;
  /** 权重 column standing before 二级指标: the 一级 group's weight (department layout). */
  groupWeight: number | null;
  level2: number | null;
  level3: number | null;
  /** 年度指标值 — or, when split, its 指标值 column. */
  target: number | null;
  /** 指标性质 (≥, ≤, =) when the target is split over columns. */
  targetComparator: number | null;
  /** 度量单位 when the target is split over columns. */
  targetUnit: number | null;
  actual: number | null;
  weight: number | null;
  score: number | null;
  reason: number | null;
}

export interface TableBase {
  kind: TableKind;
  sheet: string;
  /** The cells the table covers (1-based, inclusive): nothing outside is ever written. */
  bounds: { top: number; left: number; bottom: number; right: number };
  /** Title line above the table, if any ("2020年项目支出绩效自评表"). */
  title: string | null;
  /** Parts of the layout that could not be read (each becomes a TABLE_PARTIAL finding). */
  partial: TablePartial[];
  /**
   * Derived cells (A1) whose role the recogniser inferred — from a row label, a position or a hybrid layout —
   * rather than read from a recognised header of the table's own kind. The fill never replaces a person's entry
   * there (SPEC §3); src/core/roles.ts adds what the structure shows (a 预算执行率 indicator row, a 总分 in the
   * funds row or in the header).
   */
  inferred?: string[];
  /** 填报日期 from the table's header or footer lines ("填报日期：2021年3月5日"), if written; dates the 落款. */
  filledOn?: FilledOn | null;
  /** "元" where the table says its money is in 元 ("项目资金（元）", "单位：元"); absent: 万元. The report writes it. */
  moneyUnit?: "元";
}

/** A calendar date read from a cell. */
export interface FilledOn {
  year: number;
  month: number;
  day: number;
  /** A1 address of the cell holding the date. */
  cell: string;
}

export interface Goals {
  /** 预期目标 / 年初设定目标. */
  expected: TextCell | null;
  /** 实际完成情况 / 全年完成情况. */
  actual: TextCell | null;
}

export interface ProjectTable extends TableBase {
  kind: "project";
  /** 项目名称. */
  name: TextCell | null;
  /** 主管部门. */
  department: TextCell | null;
  /** 实施单位. */
  implementer: TextCell | null;
  /** 年度资金总额 row; it alone carries 分值, 执行率 and 得分. */
  fundTotal: FundRow | null;
  /** 当年财政拨款, 上年结转资金, 其他资金 (as present). */
  fundParts: FundRow[];
  /** 分值 of 执行率 (F6). */
  budgetWeight: NumberCell | null;
  /** 执行率 cell. */
  rate: NumberCell | null;
  /** 执行率得分 cell. */
  budgetScore: NumberCell | null;
  goals: Goals;
  indicators: Indicator[];
  groups: IndicatorGroup[];
  /** How each column of the indicator block was recognised. */
  columns: ColumnRole[];
  /** True when the column headed 年度指标值 holds each indicator's weight (no 分值 column). */
  weightsInTargetColumn: boolean;
  /**
   * The 预算执行率 indicator row, where the table scores the execution rate as an indicator (湖北 and others)
   * rather than in the 年度资金总额 row: then budgetWeight and budgetScore are its 分值 and 得分 cells, and it is
   * not among `indicators`.
   */
  rateIndicator: Indicator | null;
  /** The weight the indicator block's label declares ("绩效指标(90分)"), if any. */
  indicatorsDeclared: DeclaredWeight | null;
  /** The weight the funds block's label declares ("预算执行情况(10分)"), if any. */
  fundsDeclared: DeclaredWeight | null;
  /** 总分 row: the total 分值 (100) … */
  totalWeight: NumberCell | null;
  /** … and the total 得分. */
  total: NumberCell | null;
  /** A stated 等级, where the layout has one. */
  grade: TextCell | null;
}

export interface DepartmentBudgetRow {
  fund: FundRow;
  /** 执行率权重 (the execution rate's 分值). */
  weight: NumberCell | null;
  /** 执行率得分. */
  score: NumberCell | null;
}

export interface DepartmentTable extends TableBase {
  kind: "department";
  /** 部门（单位）名称. */
  name: TextCell | null;
  /** 资金来源 rows: （1）财政拨款 （2）其他资金. */
  fundSources: FundRow[];
  /** 资金结构 rows: （1）基本支出 （2）项目支出. */
  fundStructure: FundRow[];
  /**
   * The one 部门预算执行情况 row of a department table laid out like a project table (重庆: 年初预算数 | 全年（调整）
   * 预算数 | 全年执行数 | 执行率 | 执行率权重 | 执行率得分), with its weight and score; null (or absent) otherwise.
   */
  budgetRow?: DepartmentBudgetRow | null;
  goals: Goals;
  indicators: Indicator[];
  groups: IndicatorGroup[];
  /** True for the 湖南 layout: the column headed 年度指标值 holds each indicator's weight. */
  weightsInTargetColumn: boolean;
  /** How each column of the indicator block was recognised. */
  columns: ColumnRole[];
  /** The weight the indicator block's label declares, if any. */
  indicatorsDeclared: DeclaredWeight | null;
  totalWeight: NumberCell | null;
  total: NumberCell | null;
  grade: TextCell | null;
}

export interface SummaryRow {
  row: number;
  seq: TextCell | null;
  name: TextCell;
  initial: NumberCell | null;
  budget: NumberCell | null;
  executed: NumberCell | null;
  rate: NumberCell | null;
  score: NumberCell | null;
  grade: TextCell | null;
}

export interface SummaryTable extends TableBase {
  kind: "summary";
  /** 填报单位, when written above the table. */
  unit: TextCell | null;
  rows: SummaryRow[];
  /** 合计 row: initial/budget/executed/rate cells of the total. */
  totalRow: SummaryRow | null;
  /** 小计 rows, each with the project rows (indices into `rows`) it adds up; not projects themselves. */
  subtotals?: SummarySubtotal[];
}

export interface SummarySubtotal {
  row: SummaryRow;
  /** Indices into SummaryTable.rows of the projects the 小计 covers (those since the previous 小计 or category line). */
  parts: number[];
}

/**
 * One scoring unit of a 绩效评价指标体系评分表 (SPEC §2.5): one 分值 and one 得分. Usually a leaf (三级 or 四级);
 * optional rows (可选项) that share one merged 分值/得分 form a single unit.
 */
export interface ScorecardItem {
  /** First sheet row of the unit, and every row it covers. */
  row: number;
  rows: number[];
  /** Names from 一级 down to the leaf (group names without their "（20分）"). */
  path: string[];
  level1: string;
  level2: string;
  /** The leaf name; the names of every row for a shared unit, joined with 、. */
  name: string;
  nameCell: TextCell | null;
  /** 分值: the 分值/权重 cell, or null where the weight stands only in the label ("相关性（5分）"). */
  weight: NumberCell | null;
  /** The weight written in the leaf's label, if any. */
  labelWeight: number | null;
  /** 得分 / 自评得分: a person's judgement, never written by the fill. */
  score: NumberCell | null;
  /** 扣分原因 / 得分说明 / 评价依据. */
  reasonCell: TextCell | null;
  /** 评分标准 / 指标解释 / 评分要点, as written. */
  criteriaCell: TextCell | null;
}

/** A 一级/二级 (or 三级 above a 四级) group of a scorecard with its declared 分值 and its stated 得分 subtotal. */
export interface ScorecardGroup {
  level: number;
  name: string;
  /** Names from 一级 down to this group. */
  path: string[];
  labelCell: TextCell;
  /** 分值 the table declares for the group: in its label ("项目决策（20分）") or in a 分值 cell of its own. */
  declaredWeight: number | null;
  /** Where that declaration stands (the label or the 分值 cell). */
  declaredCell: CellRef | null;
  /** The group's own 分值 cell (a subtotal row or a per-level 分值 column), if any. */
  weightCell: NumberCell | null;
  /** The group's own 得分 cell (a subtotal row, a 小计 row or a per-level 得分 column): arithmetic, the fill writes its SUM. */
  scoreCell: NumberCell | null;
  /** Indexes into ScorecardTable.items of every unit below the group. */
  items: number[];
  /** Indexes into ScorecardTable.groups of the direct sub-groups. */
  children: number[];
  /** Index of the parent group, or null for a 一级. */
  parent: number | null;
}

export interface ScorecardTable extends TableBase {
  kind: "scorecard";
  /** 项目名称 (or 单位名称 for a department's scorecard). */
  name: TextCell | null;
  /** How many indicator levels the header names (3, or 4 where a 四级 column exists). */
  levels: number;
  items: ScorecardItem[];
  groups: ScorecardGroup[];
  /** Rows left as template placeholders (no 分值, no 得分): not scored, reported where a group has nothing else. */
  placeholderRows: number[];
  /** True when the table has a 扣分原因 / 得分说明 column. */
  hasReasonColumn: boolean;
  /** The 合计/总分 row's 分值 … */
  totalWeight: NumberCell | null;
  /** … and its 得分; or a 总分 written into the header ("自评得分 | 98"). */
  total: NumberCell | null;
  /** A 总分 written inside a text cell ("自评得分：98"): checked, never written. */
  totalInText: { cell: TextCell; value: number } | null;
  grade: TextCell | null;
}

export type Table = ProjectTable | DepartmentTable | SummaryTable | ScorecardTable;
