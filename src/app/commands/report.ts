/**
 * 生成报告: which tables to write a 自评报告 for, and each one's narrative, the figures it states differently from the
 * rule and the errors it still holds (plan); then one .docx holding them all (commit). The CLI and the spreadsheet
 * pane write the file; the Word / WPS 文字 pane writes the narratives into the open document through the document
 * port (src/host/document.ts).
 */
import type { SheetAnalysis, TableAnalysis } from "../../core/analysis";
import type { Finding } from "../../core/findings";
import {
  buildNarrative,
  compareFigures,
  reportIssues,
  statedAnalysis,
  withDifferencesNote,
  type FigureDifference,
  type Narrative,
} from "../../core/narrative";
import type { ProfileId } from "../../core/profiles";
import type { SheetSnapshot } from "../../core/snapshot";
import { withoutXmlForbidden } from "../../core/text";
import type { ReportFileWriter } from "../../host/document";
import type { Progress, ReadScope, SpreadsheetHost } from "../../host/host";
import { filledFileName, reportFileName } from "../fileNames";
import { check, planCheck } from "./check";
import { fill } from "./fill";
import { selectTables, type SheetTables } from "./tables";

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
  /** Characters the workbook's text held that XML cannot (control characters, U+FFFE/U+FFFF): left out of the file. */
  removedCharacters: number;
}

/** The tables' reports from the sheets as read, before anything is written. */
export function planReport(
  snapshots: SheetSnapshot[],
  ctx: { profile: ProfileId; sheet?: string | null; fileName?: string | null },
): TableReport[] {
  return tableReports(planCheck(snapshots, ctx).analysis.sheets, ctx.sheet ?? null, ctx.fileName ?? undefined);
}

/** check → the tables' reports, before anything is written: a shell shows their `differences` and lets the person choose. */
export async function prepareReports(host: SpreadsheetHost, options: ReportFileOptions): Promise<TableReport[]> {
  const snapshots = await host.readSheets(options.scope, options.onProgress);
  return planReport(snapshots, { profile: options.profile, sheet: options.sheet, fileName: host.fileName });
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
  // written as the table stands although figures differ (--as-is, 按表中数字生成): the document says so at its top
  // text from the workbook that XML cannot hold (an ESC, U+FFFE) is left out, so that every part of the file parses
  const narratives = withoutXmlForbidden(reports.map((r) => withDifferencesNote(r.narrative, r.differences)));
  const source = withoutXmlForbidden({ fileName, generatedAt });
  const bytes = await writer.build(narratives.value, source.value);
  return { name: reportFileName(host.fileName), bytes, reports, generatedAt, removedCharacters: narratives.removed + source.removed };
}

/** A workbook linked from Word or WPS 文字: its sheets as read, their analysis, and each table's report. */
export interface LinkedReports {
  fileName: string;
  snapshots: SheetSnapshot[];
  sheets: SheetAnalysis[];
  reports: TableReport[];
}

/** The report command over a linked workbook (the Word pane): check every sheet, then each table's report. */
export async function readLinkedReports(host: SpreadsheetHost, options: { profile: ProfileId }): Promise<LinkedReports> {
  const fileName = host.fileName ?? host.displayName;
  const { analysis, snapshots } = await check(host, { profile: options.profile, scope: "all" });
  return { fileName, snapshots, sheets: analysis.sheets, reports: tableReports(analysis.sheets, null, fileName) };
}

/** A linked workbook after 先填充再生成: its reports read again, and the filled copy to save. */
export interface FilledLinkedReports {
  linked: LinkedReports;
  /** The filled workbook's bytes (null when the host cannot save, which a FileHost always can). */
  bytes: Uint8Array | null;
  /** "<workbook>（已填充）.xlsx". */
  fileName: string;
}

/**
 * 先填充再生成 from Word / WPS 文字: the linked workbook (a copy, never the file on disk) is filled by the rule as
 * 填充公式 fills it, then read again, so the report states the rule's figures, as the CLI's --fill makes them.
 */
export async function fillLinkedReports(host: SpreadsheetHost, options: { profile: ProfileId }): Promise<FilledLinkedReports> {
  await fill(host, { profile: options.profile, scope: "all" });
  const bytes = host.save ? await host.save() : null;
  const linked = await readLinkedReports(host, options);
  return { linked, bytes, fileName: filledFileName(host.fileName ?? host.displayName) };
}
