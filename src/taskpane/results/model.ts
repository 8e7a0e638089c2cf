/** What the results list and the pane say to each other: where an action happened, what it did, the list's props. */
import type { Grade, TableAnalysis, WorkbookAnalysis } from "../../core/analysis";
import type { Finding, Severity } from "../../core/findings";
import type { FindingFix } from "../../core/choose";

/** Where in the list an action happened: the table's card, and the finding's index in table.findings. */
export interface ListPlace {
  tableIndex: number;
  at: number;
  severity: Severity;
}

/** What an action did, shown in the list where the person acted (and focused there). */
export interface Resolved extends ListPlace {
  text: string;
}

export interface ResultsProps {
  analysis: WorkbookAnalysis;
  selected: string | null;
  disabled: boolean;
  onSelect(finding: Finding, key: string): void;
  onAdopt(table: TableAnalysis, finding: Finding, place: ListPlace): void;
  /** Findings that one action fixes (NUMBER_AS_TEXT): the action's plan. */
  onFix?(table: TableAnalysis, fix: FindingFix, place: ListPlace): void;
  /** The outcome of the last action, shown in place of what it fixed. */
  resolved?: Resolved | null;
  /** While a fill preview is open: each table's 总分 and 等级 as the chosen changes leave them (in allTables order). */
  totalsAfter?: readonly { total: number | null; grade: Grade | null }[] | null;
}

export function findingKey(tableIndex: number, index: number): string {
  return `${tableIndex}:${index}`;
}
