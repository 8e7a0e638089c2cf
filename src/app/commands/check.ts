/**
 * 检查: the sheets as read → the engine's analysis (plan), then the selection on the first cell at fault and one line
 * saying what was found (commit). Every other command starts from a check's proposal. Workbooks are reached only
 * through the ports (src/host); the engine only through src/core.
 */
import { analyzeWorkbook } from "../../core/analyze";
import type { WorkbookAnalysis } from "../../core/analysis";
import type { Finding, Severity } from "../../core/findings";
import type { ProfileId } from "../../core/profiles";
import type { SheetSnapshot } from "../../core/snapshot";
import { userError, type Pair } from "../../core/messages";
import type { AnalysingHost, Progress, ReadScope, SpreadsheetHost, SyncSpreadsheetHost } from "../../host/host";
import { allTables, combinedPlan } from "./tables";
import { message, outcome, said, type CommandContext, type NoticeMessage, type Outcome } from "./outcome";

export interface RunOptions {
  profile: ProfileId;
  scope: ReadScope;
  onProgress?: Progress;
}

/** What a check found, with the sheets it read (the page draws the table from them). */
export interface CheckProposal {
  snapshots: SheetSnapshot[];
  analysis: WorkbookAnalysis;
}

/** Runs the engine over sheets already read. Throws UserError "no-sheets" when there is none. */
export function planCheck(snapshots: SheetSnapshot[], ctx: Pick<CommandContext, "profile">): CheckProposal {
  if (snapshots.length === 0) {
    throw userError("no-sheets");
  }
  return { snapshots, analysis: analyzeWorkbook(snapshots, { profile: ctx.profile }) };
}

/** Reads the sheets and runs the engine over them (both in one step where the host can: AnalysingHost). */
export async function check(host: SpreadsheetHost, options: RunOptions): Promise<CheckProposal> {
  const analysing = host as SpreadsheetHost & Partial<AnalysingHost>;
  if (typeof analysing.readAndAnalyse === "function") {
    const p = await analysing.readAndAnalyse(options.scope, options.profile, options.onProgress);
    if (p.snapshots.length === 0) throw userError("no-sheets");
    return p;
  }
  return planCheck(await host.readSheets(options.scope, options.onProgress), options);
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

/** What a check found, as a notice (ribbon command, screen readers). */
export function checkMessage(s: Summary): NoticeMessage {
  if (s.tables === 0) return message("no-table");
  const { error, warning, info } = s.bySeverity;
  return message("checked", { tables: s.tables, errors: error, warnings: warning, notes: info, changes: s.changes });
}

/** checkMessage in both languages. */
export function describeCheck(s: Summary): Pair {
  return said({ message: checkMessage(s) });
}

/** The check's outcome: what was found, and the first cell at fault to select. */
export function checkOutcome(p: CheckProposal, ctx: Pick<CommandContext, "now">): Outcome {
  const summary = summarize(p.analysis);
  const ok = summary.tables > 0 && summary.bySeverity.error === 0;
  return outcome("check", ok, checkMessage(summary), ctx, summary.firstCell);
}

/** Selects the first cell at fault (a convenience: a selection that fails is not the check's failure). */
export async function commitCheck(host: SpreadsheetHost, p: CheckProposal, ctx: Pick<CommandContext, "now"> = {}): Promise<Outcome> {
  const o = checkOutcome(p, ctx);
  if (o.select) await host.selectCell(o.select.sheet, o.select.cell).catch(() => undefined);
  return o;
}

/** commitCheck over the synchronous port (the WPS ribbon). */
export function commitCheckSync(host: SyncSpreadsheetHost, p: CheckProposal, ctx: Pick<CommandContext, "now"> = {}): Outcome {
  const o = checkOutcome(p, ctx);
  if (o.select) {
    try {
      host.selectCellSync(o.select.sheet, o.select.cell);
    } catch {
      /* selecting is a convenience */
    }
  }
  return o;
}
