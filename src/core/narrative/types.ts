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
  /** The quoted values, one per quoted number (refresh compares these). */
  quotes?: Quote[];
}

export interface Paragraph {
  sentences: Sentence[];
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
