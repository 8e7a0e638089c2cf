/**
 * The report step every shell runs: which tables to write a 自评报告 for, and each one's narrative and the errors the
 * table still holds. The CLI writes the narratives into a .docx, the Word/WPS 文字 pane into the open document
 * through the document host port (src/host/document.ts).
 */
import type { SheetAnalysis, TableAnalysis } from "../core/analysis";
import type { UserError } from "../core/errors";
import { aside, joined, userError } from "../core/messages";
import type { Finding } from "../core/findings";
import { buildNarrative, compareFigures, reportIssues, statedAnalysis, type FigureDifference, type Narrative } from "../core/narrative";
import type { ProfileId } from "../core/profiles";
import type { ReportFileWriter } from "../host/document";
import type { Progress, ReadScope, SpreadsheetHost } from "../host/host";
import { check } from "./workflow";

/**
 * One table's report: what is written and what the table still gets wrong. The narrative states the table's own
 * figures; `differences` lists every figure the rule would change. Where that list is not empty, every
 * shell waits before writing — the CLI until --fill or --as-is, the pane until the person chooses 先填充再生成 or
 * 按表中数字生成 — so a report and its table never disagree silently.
 */
export interface TableReport {
  sheet: string;
  /** Stable within one analysis: `<sheet>#<index on the sheet>`. */
  key: string;
  table: TableAnalysis;
  /** The report from the table's figures as they stand. */
  narrative: Narrative;
  /** Figures the table states differently from the rule (empty when the table is filled and consistent). */
  differences: FigureDifference[];
  issues: Finding[];
}

/** True when some table's figures differ from the rule's: the report waits for the person's choice. */
export function figuresDiffer(reports: TableReport[]): boolean {
  return reports.some((r) => r.differences.length > 0);
}

type SheetTables = Pick<SheetAnalysis, "sheet" | "tables" | "reason" | "reasonEn">;

function noTable(sheets: SheetTables[], fileName?: string): UserError {
  const why = joined(
    sheets.map((s) => {
      const note = aside(s.reason, s.reasonEn);
      return { zh: s.sheet + note.zh, en: s.sheet + note.en };
    }),
  );
  return fileName ? userError("no-table-in-file", { file: fileName, why }) : userError("no-table-in-workbook", { why });
}

/** The tables to write: every recognised one, or those on `sheet`. Throws UserError when there is none. */
export function selectTables(sheets: SheetTables[], sheet: string | null, fileName?: string): TableAnalysis[] {
  if (sheet !== null) {
    const s = sheets.find((x) => x.sheet === sheet) ?? sheets.find((x) => x.sheet.trim() === sheet.trim());
    if (!s) {
      throw userError("no-sheet", { sheet, names: sheets.map((x) => x.sheet) });
    }
    if (!s.tables.length)
      throw s.reason
        ? userError("no-table-on-sheet-because", { sheet: s.sheet, reason: { zh: s.reason, en: s.reasonEn ?? s.reason } })
        : userError("no-table-on-sheet", { sheet: s.sheet });
    return s.tables;
  }
  const tables = sheets.flatMap((s) => s.tables);
  if (!tables.length) throw noTable(sheets, fileName);
  return tables;
}

/** Each selected table's report, in sheet order. */
export function tableReports(sheets: SheetTables[], sheet: string | null = null, fileName?: string): TableReport[] {
  const chosen = new Set(selectTables(sheets, sheet, fileName));
  const out: TableReport[] = [];
  for (const s of sheets)
    s.tables.forEach((t, i) => {
      if (!chosen.has(t)) return;
      out.push({
        sheet: s.sheet,
        key: `${s.sheet}#${i}`,
        table: t,
        narrative: buildNarrative(statedAnalysis(t)),
        differences: compareFigures(t),
        issues: reportIssues(t),
      });
    });
  return out;
}

/** "<workbook>-自评报告.docx" from the workbook's file name (characters no file system takes become "_"). */
export function reportFileName(fileName: string | null): string {
  const base = (fileName ?? "自评表").replace(/\.(xlsx|xlsm)$/i, "").replace(/[\\/:*?"<>|]/g, "_");
  return `${base}-自评报告.docx`;
}

export interface ReportFileOptions {
  profile: ProfileId;
  scope: ReadScope;
  /** Only the tables on this sheet (the CLI's --sheet). */
  sheet?: string | null;
  onProgress?: Progress;
  /** The time the report records as its generation time (default: now). */
  now?: () => Date;
}

export interface ReportFile {
  /** A file name for the report, from the workbook's. */
  name: string;
  bytes: Uint8Array;
  reports: TableReport[];
  generatedAt: string;
}

/** check → the tables' reports, before anything is written: a shell shows their `differences` and lets the person choose. */
export async function prepareReports(host: SpreadsheetHost, options: ReportFileOptions): Promise<TableReport[]> {
  const analysis = await check(host, { profile: options.profile, scope: options.scope, onProgress: options.onProgress });
  return tableReports(analysis.sheets, options.sheet ?? null, host.fileName ?? undefined);
}

/**
 * check → the tables' reports → one .docx holding them all (the CLI's report, the spreadsheet pane's 生成报告).
 * `reports` from `prepareReports` skips the second check when the shell has already shown the differences.
 */
export async function writeReportFile(
  host: SpreadsheetHost,
  writer: ReportFileWriter,
  options: ReportFileOptions & { reports?: TableReport[] },
): Promise<ReportFile> {
  const reports = options.reports ?? (await prepareReports(host, options));
  const generatedAt = (options.now ?? (() => new Date()))().toISOString();
  const fileName = host.fileName ?? host.displayName;
  const bytes = await writer.build(
    reports.map((r) => r.narrative),
    { fileName, generatedAt },
  );
  return { name: reportFileName(host.fileName), bytes, reports, generatedAt };
}
