/**
 * The 自评报告 as data: sections → paragraphs → sentences, each sentence with the table cells it quotes,
 * so a refresh can tell which numbers changed and where.
 */
import type { TableKind } from "../model";

/** A number (or text) the sentence takes from one cell of the table. */
export interface Quote {
  /** A1 address on the table's sheet. */
  cell: string;
  /** What it is, in Chinese ("全年执行数", "“救助率”得分"). */
  label: string;
  /** As the sentence writes it ("3416.022万元", "100.86%", "98分"). */
  value: string;
}

export interface Sentence {
  text: string;
  /** A1 addresses of the cells the sentence quotes. */
  cells: string[];
  /** True for a 【请补充：……】 placeholder the person must write. */
  placeholder?: boolean;
  /** True for a marked note about the report itself (【说明：……】, e.g. figures that differ from the rule). */
  note?: boolean;
  /** The quoted values, one per quoted number (refresh compares these). */
  quotes?: Quote[];
}

export interface Paragraph {
  sentences: Sentence[];
  /** A table printed after the paragraph's sentences (资金情况, 绩效指标完成情况 …). */
  table?: ReportTable;
  /** A chart printed after the paragraph's sentences (and after its table). */
  chart?: ReportChart;
}

/** A table of the report: the table's own figures, as the report writes them (no unit in the cells). */
export interface ReportTable {
  /** Stable id within the report ("funds", "indicators", "projects", "fundSources", "fundStructure", "scores"). */
  id: string;
  /** Caption printed above it, without its number ("项目资金情况"); the writer numbers the tables (表1 …). */
  caption: string;
  /** The unit every money cell is in ("万元"), printed in the caption; null when none. */
  unit: string | null;
  header: string[];
  /** Rows of cell texts; "" for an empty cell. */
  rows: string[][];
  /** Per column: true for figures (right-aligned). */
  numeric: boolean[];
  /** Rows to print in bold (a 合计 or 总分 row), by index into rows. */
  emphasis?: number[];
  /** The figures the table takes from cells, labelled as sentences label them (refresh compares these too). */
  quotes?: Quote[];
}

/** A bar chart of rates (fractions: 1 = 100%), drawn by an adapter (src/adapters/chart), never by the core. */
export interface ReportChart {
  /** "scoreRate": 得分率 by 一级指标; "executionRate": 执行率 by fund row or project. */
  kind: "scoreRate" | "executionRate";
  /** Caption printed under it, without its number ("各一级指标得分率"). */
  caption: string;
  categories: string[];
  /** One rate per category (0.96 = 96%). */
  values: number[];
  /** A reference line at 100%: executing more than the budget shows above it. */
  reference: number | null;
  /** Alternative text for the image (what the chart says, in one line). */
  altText: string;
}

/** The 落款: who signs the report (the 实施单位 or 部门 the table names), or null when the table does not say. */
export interface Signature {
  unit: string | null;
  /** The cell it was read from. */
  cell: string | null;
  /** The table's 填报日期, when it has one (else the 落款 is dated the day the report is written). */
  date?: { year: number; month: number; day: number } | null;
  /** The cell the date was read from. */
  dateCell?: string | null;
}

/** Stable section ids. Project: basic, goals, conclusion, deviation, application.
 *  Department: overview, spending, goals, problems, measures, grade. Summary: overview, projects, grade.
 *  Scorecard (评分表): overview, scores, deductions, conclusion. */
export type SectionId =
  | "basic"
  | "goals"
  | "conclusion"
  | "deviation"
  | "application"
  | "overview"
  | "spending"
  | "problems"
  | "measures"
  | "grade"
  | "projects"
  | "scores"
  | "deductions";

export interface Section {
  id: SectionId;
  /** Heading as the report prints it ("一、项目基本情况"). */
  title: string;
  paragraphs: Paragraph[];
}

export interface Narrative {
  kind: TableKind;
  /** Report title ("城乡困难居民医疗救助项目2020年度绩效自评报告"). */
  title: string;
  /** The title broken where a person would break it (one or more lines, none of them a lone character). */
  titleLines: string[];
  /** The opening paragraph under the title, as published reports begin ("根据……要求，……现将有关情况报告如下："). */
  opening?: Sentence[];
  /** The 落款 under the report. */
  signature: Signature;
  /** Sheet the table stands on. */
  sheet: string;
  sections: Section[];
}

/** A number that differs between two narratives of the same table. */
export interface QuoteChange {
  section: SectionId;
  cell: string;
  label: string;
  /** null when the quote is new. */
  before: string | null;
  /** null when the quote is gone. */
  after: string | null;
}
