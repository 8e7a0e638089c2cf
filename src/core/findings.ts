/**
 * Findings: the public contract of SPEC §4. Batch users script against `code`; never rename one.
 */

export const FINDING_CODES = [
  "RATE_MISMATCH",
  "RATE_INVERTED",
  "RATE_NO_BUDGET",
  "RATE_OVER_100",
  "BUDGET_SCORE_MISMATCH",
  "SCORE_MISMATCH",
  "SCORE_OUT_OF_BAND",
  "SCORE_EXCEEDS_WEIGHT",
  "WEIGHT_GROUP_MISMATCH",
  "WEIGHT_TOTAL_NOT_100",
  "WEIGHT_SPLIT_NONSTANDARD",
  "TOTAL_MISMATCH",
  "GRADE_MISMATCH",
  "FUNDS_SUBTOTAL_MISMATCH",
  "DEVIATION_REASON_MISSING",
  "DEVIATION_REASON_SUGGESTED",
  "UNIT_MISMATCH",
  "NUMBER_AS_TEXT",
  "MISSING_VALUE",
  "CELL_ERROR",
  "TABLE_PARTIAL",
  "REPORT_FIGURE_MISMATCH",
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

export type Severity = "error" | "warning" | "info";

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A value the person can accept in one click (a score that breaks the rule). */
export interface Suggestion {
  /** The cell the suggestion writes (A1, same sheet as the finding). */
  cell: string;
  value: number;
  /** Formula to write instead of the bare value, when the rule can be expressed over the table's cells. */
  formula?: string;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Sheet name. */
  sheet: string;
  /** A1 address of the cell at fault, or null when no single cell is. */
  cell: string | null;
  /**
   * The catalogue entry of the message (`finding.<key>`): the code, or the code and a variant
   * ("SCORE_EXCEEDS_WEIGHT.negative"). Every finding a rule reports has one.
   */
  key: string;
  /** What the message names (figures as a person writes them, names, flags): the catalogue renders it in either language. */
  params: Readonly<Record<string, unknown>>;
  /** The message in Chinese, rendered from the catalogue. */
  message: string;
  /** The same message in English. */
  messageEn: string;
  suggestion?: Suggestion;
}

/** Findings that say the table was not fully read come before all others: a half-read table never looks clean. */
export const FIRST_CODES: readonly FindingCode[] = ["TABLE_PARTIAL", "CELL_ERROR"];

/** What was not read first, then errors, warnings, info; stable within a severity. */
export function sortFindings(findings: Finding[]): Finding[] {
  const first = (f: Finding) => (FIRST_CODES.includes(f.code) ? 0 : 1);
  const order = (a: Finding, b: Finding) => first(a) - first(b) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  // already in order (most tables): the same order, without the sort
  let inOrder = true;
  for (let i = 1; i < findings.length && inOrder; i++) inOrder = order(findings[i - 1], findings[i]) <= 0;
  // Array.prototype.sort is stable, so equals keep their order; a copy sorted in place stays a packed array (optimised
  // code's map makes a holey one, a new array map for the code that reads the findings)
  return inOrder ? findings.slice() : findings.slice().sort(order);
}
