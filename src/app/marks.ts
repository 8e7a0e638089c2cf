/**
 * 标注问题 / 清除标注: the one path the task pane, the ribbon, WPS and the CLI take to mark a workbook's
 * findings on their cells and to take those marks away. What is marked is decided in core (markPlan); how, by the
 * host (MarkingHost). Here: whether a host can mark at all, the preview, and the writes.
 */
import type { WorkbookAnalysis } from "../core/analysis";
import { markPlan } from "../core/marks";
import type { CellMark, MarkPlan } from "../core/marks";
import type { Severity } from "../core/findings";
import type { MarkingHost, SpreadsheetHost } from "../host/host";
import { notice, userError, type Lang } from "../core/messages";
import { check } from "./workflow";
import type { RunOptions } from "./workflow";

export type MarkableHost = SpreadsheetHost & MarkingHost;

/** The host's marking ability, or null when it has none (the pane then hides 标注问题). */
export function marking(host: SpreadsheetHost): MarkableHost | null {
  const h = host as SpreadsheetHost & Partial<MarkingHost>;
  return typeof h.applyMarks === "function" && typeof h.readMarks === "function" && typeof h.clearMarks === "function"
    ? (h as MarkableHost)
    : null;
}

/** The host's marking ability; a UserError (code "no-marking") when it has none. */
export function requireMarking(host: SpreadsheetHost): MarkableHost {
  const m = marking(host);
  if (!m) {
    throw userError("no-marking");
  }
  return m;
}

export interface PlanMarksOptions {
  /** Also mark 提示 (info) findings. Default false. */
  includeInfo?: boolean;
}

/** What 标注问题 would write: the preview (notes in the person's language). */
export function planMarks(analysis: WorkbookAnalysis, lang: Lang, options: PlanMarksOptions = {}): MarkPlan {
  return markPlan(analysis, { lang, includeInfo: options.includeInfo ?? false });
}

/** Writes the marks (undoable through host.undo()). An empty plan writes nothing. Returns the plan written. */
export async function markWorkbook(host: SpreadsheetHost, plan: MarkPlan): Promise<MarkPlan> {
  const m = requireMarking(host);
  if (plan.marks.length > 0) await m.applyMarks(plan);
  return plan;
}

/** Reads, analyses, plans and writes the marks in one go (ribbon command, CLI). */
export async function checkAndMark(
  host: SpreadsheetHost,
  options: RunOptions & PlanMarksOptions & { lang: Lang },
): Promise<{ analysis: WorkbookAnalysis; plan: MarkPlan }> {
  requireMarking(host);
  const analysis = await check(host, options);
  const plan = planMarks(analysis, options.lang, options);
  await markWorkbook(host, plan);
  return { analysis, plan };
}

/** What 清除标注 would remove: the marks this add-in left in the workbook. */
export async function previewClear(host: SpreadsheetHost): Promise<CellMark[]> {
  return requireMarking(host).readMarks();
}

/** Removes exactly this add-in's marks (undoable through host.undo()). Returns how many cells were cleared. */
export async function clearWorkbookMarks(host: SpreadsheetHost): Promise<number> {
  return requireMarking(host).clearMarks();
}

/** Marks counted by severity (the preview's headline). */
export function countMarks(marks: readonly CellMark[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const m of marks) out[m.severity] += 1;
  return out;
}

/** One line in each language about a mark plan (notice after 标注问题, screen readers). */
export function describeMarks(marks: readonly CellMark[]): { zh: string; en: string } {
  if (marks.length === 0) return notice("nothing-to-mark");
  const c = countMarks(marks);
  return notice("marked", { cells: marks.length, errors: c.error, warnings: c.warning, notes: c.info });
}

/** One line in each language about a clear (notice after 清除标注). */
export function describeClear(cells: number): { zh: string; en: string } {
  return cells === 0 ? notice("no-marks") : notice("cleared", { cells });
}

/** Name for a marked copy of a workbook: 原名（已标注）.xlsx (an .xlsm stays an .xlsm). */
export function markedFileName(fileName: string | null): string {
  const base = (fileName ?? "自评表").replace(/\.(xlsx|xlsm)$/i, "");
  return `${base}（已标注）${/\.xlsm$/i.test(fileName ?? "") ? ".xlsm" : ".xlsx"}`;
}
