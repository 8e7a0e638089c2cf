/**
 * A person's 自评报告 against its 自评表 (SPEC §6.1): the report as text blocks in, every figure it states out, each
 * tied to the table figure it speaks of or left "not compared".
 */

/** One piece of the report's text, in document order. */
export interface ReportBlock {
  kind: "heading" | "paragraph" | "cell";
  text: string;
  /** For a table cell: which table of the report (0-based), its row and its grid column. */
  table?: number;
  row?: number;
  col?: number;
}

/** What a figure states. */
export type FigureKind = "money" | "rate" | "score" | "grade" | "value";

/** A figure the report states, and what the table says about it. */
export interface ReportFigure {
  /** The sentence (or table row) it stands in. */
  text: string;
  /** The figure as written ("60万元", "90.7%", "97.94分", "优"). */
  stated: string;
  kind: FigureKind;
  /** Index of its block, and where the figure stands in the block's text. */
  block: number;
  start: number;
  end: number;
  /** What it was tied to ("其他资金全年执行数", "“报销比例”实际完成值"), null when not tied. */
  label: string | null;
  sheet: string | null;
  /** The table cell it speaks of (A1), or the cell of a part where the figure is a sum or a share. */
  cell: string | null;
  /** The table's figure, written as a report writes it; null when not tied. */
  tableValue: string | null;
  /** The rule's figure where the table's own cell breaks a rule; null otherwise. */
  computedValue: string | null;
  /** true agrees, false differs, null not compared (never reported). */
  match: boolean | null;
}
