/**
 * read → analyse → plan → (apply): the one path every shell takes — the task pane, the Office ribbon commands, the
 * WPS ribbon and the CLI. Workbooks are reached only through SpreadsheetHost (src/host); the engine only through
 * src/core.
 */
import { analyzeWorkbook, suggestionPlan } from "../core/analyze";
import type { TableAnalysis, WorkbookAnalysis } from "../core/analysis";
import type { Finding, Severity } from "../core/findings";
import type { CellChange, FillPlan } from "../core/plan";
import type { ProfileId } from "../core/profiles";
import type { SheetSnapshot } from "../core/snapshot";
import { notice, userError } from "../core/messages";
import type { Progress, ReadScope, SpreadsheetHost } from "../host/host";

export interface RunOptions {
  profile: ProfileId;
  scope: ReadScope;
  onProgress?: Progress;
  /** Receives the sheets as read (the standalone page draws the table from them). */
  onSnapshots?: (snapshots: SheetSnapshot[]) => void;
}

/** Runs the engine over sheets already read (the WPS ribbon reads synchronously, then comes here). */
export function analyse(snapshots: SheetSnapshot[], profile: ProfileId): WorkbookAnalysis {
  if (snapshots.length === 0) {
    throw userError("no-sheets");
  }
  return analyzeWorkbook(snapshots, { profile });
}

/** Reads the sheets and runs the engine over them. */
export async function check(host: SpreadsheetHost, options: RunOptions): Promise<WorkbookAnalysis> {
  const snapshots = await host.readSheets(options.scope, options.onProgress);
  const analysis = analyse(snapshots, options.profile);
  options.onSnapshots?.(snapshots);
  return analysis;
}

export function allTables(analysis: WorkbookAnalysis): TableAnalysis[] {
  return analysis.sheets.flatMap((s) => s.tables);
}

/** One table and the changes the combined plan writes for it. */
export interface TablePlan {
  table: TableAnalysis;
  changes: CellChange[];
}

/**
 * Each table with the part of the combined plan it owns, in sheet order: a cell that two tables' plans touch is
 * written once, by the first (so what a shell lists is exactly what is written).
 */
export function tablePlans(analysis: WorkbookAnalysis): TablePlan[] {
  const seen = new Set<string>();
  return allTables(analysis).map((table) => {
    const changes: CellChange[] = [];
    for (const c of table.plan.changes) {
      const key = `${c.sheet}!${c.cell.toUpperCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      changes.push(c);
    }
    return { table, changes };
  });
}

/** Every table's plan in one, in sheet order; a cell that two plans touch is written once (the first). */
export function combinedPlan(analysis: WorkbookAnalysis): FillPlan {
  return { changes: tablePlans(analysis).flatMap((t) => t.changes) };
}

/** Name for a filled copy of a workbook: 原名（已填充）.xlsx (the standalone page's 下载). */
export function filledFileName(fileName: string | null): string {
  // an .xls, .et, .ods, HTML or CSV is saved as a new .xlsx
  const base = (fileName ?? "自评表").replace(/\.(xlsx|xlsm|xls|et|ods|html?|csv|tsv|txt)$/i, "");
  // an .xlsm stays an .xlsm: the filled package keeps its macros and its content type
  return `${base}（已填充）${/\.xlsm$/i.test(fileName ?? "") ? ".xlsm" : ".xlsx"}`;
}

export interface Summary {
  tables: number;
  sheets: number;
  sheetsWithoutTable: number;
  bySeverity: Record<Severity, number>;
  changes: number;
  /** The first error (else warning) that points at a cell: where the ribbon command puts the selection. */
  firstCell: { sheet: string; cell: string } | null;
}

export function summarize(analysis: WorkbookAnalysis): Summary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let first: Finding | null = null;
  const tables = allTables(analysis);
  for (const t of tables) {
    for (const f of t.findings) {
      bySeverity[f.severity] += 1;
      if (f.cell && f.severity !== "info" && (!first || (first.severity === "warning" && f.severity === "error"))) first = f;
    }
  }
  return {
    tables: tables.length,
    sheets: analysis.sheets.length,
    sheetsWithoutTable: analysis.sheets.filter((s) => s.tables.length === 0).length,
    bySeverity,
    changes: combinedPlan(analysis).changes.length,
    firstCell: first && first.cell ? { sheet: first.sheet, cell: first.cell } : null,
  };
}

/** One line in each language describing a check's outcome (ribbon command, screen readers). */
export function describeCheck(s: Summary): { zh: string; en: string } {
  if (s.tables === 0) return notice("no-table");
  const { error, warning, info } = s.bySeverity;
  return notice("checked", { tables: s.tables, errors: error, warnings: warning, notes: info, changes: s.changes });
}

/** Analyse, then write the whole plan. Returns what was written (an empty plan writes nothing). */
export async function fill(host: SpreadsheetHost, options: RunOptions): Promise<{ analysis: WorkbookAnalysis; plan: FillPlan }> {
  const analysis = await check(host, options);
  const plan = combinedPlan(analysis);
  if (plan.changes.length > 0) await host.applyPlan(plan);
  return { analysis, plan };
}

/** Writes the engine's suggestion for one finding (undoable like any fill). */
export async function adoptSuggestion(host: SpreadsheetHost, table: TableAnalysis, finding: Finding): Promise<FillPlan> {
  const plan = suggestionPlan(table, finding);
  if (plan.changes.length === 0) {
    throw userError("nothing-to-adopt");
  }
  await host.applyPlan(plan);
  return plan;
}
