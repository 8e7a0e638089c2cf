/**
 * What the engine answers for a workbook: per sheet the tables it recognised, their findings,
 * the fill plan and the values after the fill (the evaluation).
 */
import type { Finding } from "./findings";
import type { NoTableReason } from "./messages";
import type { CellChange, FillPlan } from "./plan";
import type { Table, TableKind } from "./model";
import type { ProfileId } from "./profiles";

export type Grade = "优" | "良" | "中" | "差";

/** How an indicator's score stands after the fill. */
export interface IndicatorEvaluation {
  row: number;
  /** The rule's score, or null where the rule computes none (qualitative, unit mismatch, no data). */
  ruleScore: number | null;
  /** The score the table holds after the fill: what a person entered, else the rule's. */
  score: number | null;
  source: "entered" | "computed" | "none";
  /** How the rule's score was reached, in Chinese ("499/500 × 10 = 9.98"), rendered from the catalogue's `explain.*`, for the report. */
  explanation: string | null;
  /** For qualitative indicators: the band the 完成值 puts the score in, as fractions of 分值. */
  band: { min: number; max: number; label: string } | null;
  /** Score below 分值: points lost. */
  lost: number;
}

export interface FundEvaluation {
  label: string;
  initial: number | null;
  budget: number | null;
  executed: number | null;
  /** 执行数 / 预算数, null when there is no budget. */
  rate: number | null;
}

/** The table's numbers as they stand after the fill. */
export interface Evaluation {
  /** 执行率 of the 年度资金总额 row (project) — null elsewhere. */
  executionRate: number | null;
  /** 执行率得分 (project). */
  budgetScore: number | null;
  /** 分值 of 执行率 (project). */
  budgetWeight: number | null;
  indicators: IndicatorEvaluation[];
  /** Sum of every 分值 (执行率 included). */
  weightSum: number;
  /** 总分 after the fill. */
  total: number | null;
  grade: Grade | null;
  funds: FundEvaluation[];
  /** The 一级/二级 subtotals of a 绩效评价指标体系评分表 (scorecard tables only). */
  scorecard?: ScorecardEvaluation;
}

/** A scorecard group (一级, 二级 …) as it stands: 满分 and 得分 (SPEC §2.5). */
export interface ScorecardGroupEvaluation {
  /** Index into ScorecardTable.groups. */
  group: number;
  level: number;
  name: string;
  /** 满分: the declared 分值, else the sum of its units' 分值. */
  weight: number | null;
  /** 得分: the sum of its units' 得分 (null when none is scored). */
  score: number | null;
  /** The 得分 subtotal the table states, where it has a cell for one. */
  statedScore: number | null;
  /** Points lost (满分 − 得分), 0 when none or unknown. */
  lost: number;
}

/** A scoring unit as it stands. */
export interface ScorecardItemEvaluation {
  /** Index into ScorecardTable.items. */
  item: number;
  weight: number | null;
  score: number | null;
  lost: number;
}

export interface ScorecardEvaluation {
  groups: ScorecardGroupEvaluation[];
  items: ScorecardItemEvaluation[];
}

export interface TableAnalysis {
  sheet: string;
  kind: TableKind;
  table: Table;
  /** Project or department name for display. */
  name: string | null;
  findings: Finding[];
  plan: FillPlan;
  /**
   * Changes the fill does not make because the cell holds a person's entry and its role was inferred, not read
   * from a header (SPEC §3): each is also the suggestion of the finding at that cell, taken in one click.
   */
  suggested?: CellChange[];
  evaluation: Evaluation;
}

export interface SheetAnalysis {
  sheet: string;
  tables: TableAnalysis[];
  /** When no table was recognised: why (which headers were missing), as an entry of the catalogue's `recognize.*`. */
  reason: NoTableReason | null;
}

export interface WorkbookAnalysis {
  profile: ProfileId;
  sheets: SheetAnalysis[];
}

export interface AnalyzeOptions {
  profile?: ProfileId;
}
