/**
 * Batch review: many workbooks checked, one 问题清单 (a row per finding: file, sheet, cell, severity, code,
 * message, suggestion) and a summary per file (kind, 总分, 等级, counts). A file that cannot be read is a row of its
 * own, never the end of the batch. Shells bring the files (CLI: paths and worker threads; the page: chosen files) and
 * a function that checks one; this module orders, counts and decides the exit.
 */
import type { TableAnalysis, WorkbookAnalysis } from "../../core/analysis";
import type { CompareResult, compareCounts } from "../../core/compare";
import type { FindingCode, Severity } from "../../core/findings";
import { SEVERITY_ORDER, sortFindings } from "../../core/findings";
import type { TableKind } from "../../core/model";
import type { ProfileId } from "../../core/profiles";
import type { SpreadsheetHost } from "../../host/host";
import { tablePlans } from "./tables";
import { check, type CheckProposal } from "./check";
import { t, toUserError, type Lang } from "../../core/messages";

/** A row code for a file that could not be read (not a finding of a table; listed beside SPEC §4's codes). */
export const FILE_UNREADABLE = "FILE_UNREADABLE";

export interface BatchFinding {
  sheet: string;
  cell: string | null;
  severity: Severity;
  code: FindingCode;
  message: string;
  messageEn: string;
  /** The value the rule suggests, where there is one ("H14 = 15"). */
  suggestion: string | null;
}

export interface BatchTable {
  sheet: string;
  kind: TableKind;
  name: string | null;
  total: number | null;
  grade: string | null;
  counts: Record<Severity, number>;
  /** Cells the fill would write. */
  fillChanges: number;
}

/** The report paired with a workbook (单位A.xlsx + 单位A.docx): how its figures compared, or why it could not be read. */
export type BatchReport =
  | { file: string; ok: true; figures: number; differ: number; agree: number }
  | { file: string; ok: false; error: { code: string; zh: string; en: string } };

export type BatchFileResult =
  | { file: string; ok: true; sheets: number; tables: BatchTable[]; findings: BatchFinding[]; report?: BatchReport }
  | { file: string; ok: false; error: { code: string; zh: string; en: string } };

/**
 * The comparison of a paired report, as fileResult takes it: its findings and counts (the pairing brings the
 * comparison's code, loaded when a workbook has a report beside it), or the error that stopped its reading.
 */
export type PairedReport =
  { file: string; result: CompareResult; counts: ReturnType<typeof compareCounts> } | { file: string; error: unknown };

/**
 * What one workbook's analysis contributes to the batch (plain data: it crosses worker threads); with the report of
 * the same name, its REPORT_FIGURE_MISMATCH findings join the table's.
 */
export function fileResult(file: string, analysis: WorkbookAnalysis, paired?: PairedReport): BatchFileResult {
  const fills = new Map(tablePlans(analysis).map((p) => [p.table, p.changes.length]));
  const tables: BatchTable[] = [];
  const findings: BatchFinding[] = [];
  const fromReport = paired && "result" in paired ? paired.result.findings : [];
  const firstOnSheet = new Map<string, TableAnalysis>();
  for (const s of analysis.sheets) for (const t of s.tables) if (!firstOnSheet.has(t.sheet)) firstOnSheet.set(t.sheet, t);
  for (const s of analysis.sheets) {
    for (const t of s.tables) {
      const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
      const own = firstOnSheet.get(t.sheet) === t ? fromReport.filter((f) => f.sheet === t.sheet) : [];
      for (const f of [...sortFindings(t.findings), ...own]) {
        counts[f.severity]++;
        findings.push({
          sheet: f.sheet,
          cell: f.cell,
          severity: f.severity,
          code: f.code,
          message: f.message,
          messageEn: f.messageEn,
          suggestion: f.suggestion ? `${f.suggestion.cell} = ${f.suggestion.formula ?? f.suggestion.value}` : null,
        });
      }
      tables.push({
        sheet: t.sheet,
        kind: t.kind,
        name: t.name,
        total: t.kind === "summary" ? null : t.evaluation.total,
        grade: t.evaluation.grade,
        counts,
        fillChanges: fills.get(t) ?? 0,
      });
    }
  }
  const result: BatchFileResult = { file, ok: true, sheets: analysis.sheets.length, tables, findings };
  if (paired && "result" in paired) {
    const c = paired.counts;
    result.report = { file: paired.file, ok: true, figures: paired.result.figures.length, differ: c.differ, agree: c.agree };
  } else if (paired) {
    const u = toUserError(paired.error);
    result.report = { file: paired.file, ok: false, error: { code: u.code ?? "unreadable", zh: u.zh, en: u.en } };
  }
  return result;
}

/** Checks one opened workbook for the batch (the page's lanes and the CLI's worker threads run this). */
export async function checkFile(
  file: string,
  host: SpreadsheetHost,
  profile: ProfileId,
  /** The report of the same name compared with the workbook's tables (the CLI's batch), if any. */
  pair?: (proposal: CheckProposal) => PairedReport | undefined,
): Promise<BatchFileResult> {
  const proposal = await check(host, { profile, scope: "all" });
  return fileResult(file, proposal.analysis, pair?.(proposal));
}

/** A file that could not be read, with the reason in both languages (never a stack trace). */
export function unreadableResult(file: string, e: unknown): BatchFileResult {
  const u = toUserError(e);
  return { file, ok: false, error: { code: u.code ?? "unreadable", zh: u.zh, en: u.en } };
}

export interface IssueRow {
  file: string;
  sheet: string;
  cell: string;
  severity: Severity;
  code: string;
  message: string;
  suggestion: string;
}

export function severityWord(s: Severity, lang: Lang): string {
  return t(`issues.severity.${s}`, lang);
}

/** One row per finding, and one per unreadable file (severity error, code FILE_UNREADABLE), in file order. */
export function issueRows(results: readonly BatchFileResult[], lang: Lang = "zh"): IssueRow[] {
  const rows: IssueRow[] = [];
  for (const r of results) {
    if (!r.ok) {
      rows.push({
        file: r.file,
        sheet: "",
        cell: "",
        severity: "error",
        code: FILE_UNREADABLE,
        message: lang === "zh" ? r.error.zh : r.error.en,
        suggestion: "",
      });
      continue;
    }
    if (r.report && !r.report.ok) {
      rows.push({
        file: r.report.file,
        sheet: "",
        cell: "",
        severity: "error",
        code: FILE_UNREADABLE,
        message: lang === "zh" ? r.report.error.zh : r.report.error.en,
        suggestion: "",
      });
    }
    for (const f of r.findings) {
      rows.push({
        file: r.file,
        sheet: f.sheet,
        cell: f.cell ?? "",
        severity: f.severity,
        code: f.code,
        message: lang === "zh" ? f.message : f.messageEn || f.message,
        suggestion: f.suggestion ?? "",
      });
    }
  }
  return rows;
}

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

/** A row per recognised table (a file without one, or unreadable, still gets its row). */
export function summaryRows(results: readonly BatchFileResult[]): FileSummaryRow[] {
  const rows: FileSummaryRow[] = [];
  const blank = { sheet: "", kind: null, name: "", total: null, grade: "", warnings: 0, infos: 0, fillChanges: 0 };
  for (const r of results) {
    if (!r.ok) {
      rows.push({ file: r.file, status: "unreadable", ...blank, errors: 1 });
      continue;
    }
    if (r.tables.length === 0) {
      rows.push({ file: r.file, status: "no-table", ...blank, errors: 0 });
      continue;
    }
    for (const t of r.tables) {
      rows.push({
        file: r.file,
        status: "checked",
        sheet: t.sheet,
        kind: t.kind,
        name: t.name ?? "",
        total: t.total,
        grade: t.grade ?? "",
        errors: t.counts.error,
        warnings: t.counts.warning,
        infos: t.counts.info,
        fillChanges: t.fillChanges,
      });
    }
  }
  return rows;
}

export interface BatchTotals {
  files: number;
  unreadable: number;
  tables: number;
  bySeverity: Record<Severity, number>;
}

export function batchTotals(results: readonly BatchFileResult[]): BatchTotals {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let tables = 0;
  let unreadable = 0;
  for (const r of results) {
    if (!r.ok) {
      unreadable++;
      continue;
    }
    tables += r.tables.length;
    for (const f of r.findings) bySeverity[f.severity]++;
  }
  return { files: results.length, unreadable, tables, bySeverity };
}

export type FailOn = "error" | "warning";

/**
 * True when the batch should fail under --fail-on: a finding at that severity or above exists; an unreadable file
 * counts as an error (a file nobody could check has not passed).
 */
export function failOnTriggered(results: readonly BatchFileResult[], failOn: FailOn | null): boolean {
  if (!failOn) return false;
  const limit = SEVERITY_ORDER[failOn];
  return results.some((r) => (!r.ok || (r.report && !r.report.ok) ? true : r.findings.some((f) => SEVERITY_ORDER[f.severity] <= limit)));
}

/**
 * Checks every file with at most `concurrency` at a time; results come back in the files' order whatever order
 * they finish in. `checkOne` should not throw (a throw becomes an unreadable row anyway).
 */
export async function runBatch(
  files: readonly string[],
  checkOne: (file: string) => Promise<BatchFileResult>,
  options: { concurrency?: number; onProgress?: (done: number, total: number, file: string) => void } = {},
): Promise<BatchFileResult[]> {
  const results: BatchFileResult[] = new Array(files.length);
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 1, files.length || 1));
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < files.length) {
      const i = next++;
      try {
        results[i] = await checkOne(files[i]);
      } catch (e) {
        results[i] = unreadableResult(files[i], e);
      }
      done++;
      options.onProgress?.(done, files.length, files[i]);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return results;
}
