/**
 * The fill plan: every change the fill would make, for the preview, the writer and undo.
 */
import type { CellValue } from "./snapshot";
import type { ChangeReason } from "./messages";

/** What a cell holds (enough to restore it exactly). */
export interface CellContent {
  value: CellValue;
  /** Formula with a leading "=", or null for a constant. */
  formula: string | null;
  numberFormat: string | null;
}

export type ChangeKind =
  /** An arithmetic cell (执行率, 执行率得分, 总分, 合计): always gets its formula. */
  | "formula"
  /** An empty indicator score cell: gets the rule's score (a formula where the inputs are plain numbers). */
  | "score"
  /** A number stored as text that a formula reads: becomes the number it spells. */
  | "number"
  /** Only the number format changes (a rate to 0.00%). */
  | "format";

export interface CellChange {
  sheet: string;
  /** A1 address on the sheet. */
  cell: string;
  kind: ChangeKind;
  before: CellContent;
  /** What to write: a formula (leading "=") or a constant value, and optionally a number format. */
  after: { formula?: string; value?: CellValue; numberFormat?: string };
  /** The value the cell will show, as the engine computes it (null when it will show nothing). */
  expected: number | string | null;
  /** Why: the catalogue entry (`change.<key>`) and what it names (every change the engine plans has one). */
  why?: ChangeReason;
  /** Why, in Chinese ("执行率 = 全年执行数 / 全年预算数"), rendered from the catalogue. */
  reason: string;
  reasonEn: string;
  /**
   * True when the cell's role was inferred (a row label, a position, a hybrid layout) rather than read from a
   * recognised header of the table's own kind (SPEC §3 "Two kinds of derived cell"): the fill writes such a cell
   * only while it is empty; over a person's entry the same change is a suggestion (TableAnalysis.suggested).
   */
  inferred?: boolean;
}

export interface FillPlan {
  changes: CellChange[];
}
