/**
 * The batch's 问题清单 as a workbook to send back: the rows the batch command makes (src/app/commands/batch.ts), the
 * file the xlsx adapter writes from them (src/adapters/xlsx/issueList.ts).
 */
import type { Severity } from "../core/findings";
import type { TableKind } from "../core/model";
import type { Lang } from "../core/messages";

/** A row per finding, and one per file that could not be read; the message in the list's language. */
export interface IssueRow {
  file: string;
  sheet: string;
  cell: string;
  severity: Severity;
  code: string;
  message: string;
  suggestion: string;
}

/** A row per recognised table; a file without one, or unreadable, still gets its row. */
export interface FileSummaryRow {
  file: string;
  /** "已检查" / "无法读取" / "未识别到自评表". */
  status: "checked" | "unreadable" | "no-table";
  sheet: string;
  kind: TableKind | null;
  name: string;
  total: number | null;
  grade: string;
  errors: number;
  warnings: number;
  infos: number;
  fillChanges: number;
}

export interface IssueList {
  lang: Lang;
  issues: IssueRow[];
  files: FileSummaryRow[];
}

/** Writes the list as .xlsx bytes. */
export type IssueListWriter = (list: IssueList) => Promise<Uint8Array>;
