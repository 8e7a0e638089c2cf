/**
 * 标注问题: a check's findings marked on their cells (notes and fill colours, never a value or a formula). What is
 * marked is decided in core (markPlan); how, by the host (MarkingHost). Here: whether a host can mark at all, the
 * preview (plan) and the writes (commit), undoable through the host's undo like a fill.
 */
import type { WorkbookAnalysis } from "../../core/analysis";
import { markPlan } from "../../core/marks";
import type { CellMark, MarkPlan } from "../../core/marks";
import type { Severity } from "../../core/findings";
import type { SheetSnapshot } from "../../core/snapshot";
import type { MarkingHost, SpreadsheetHost, SyncSpreadsheetHost } from "../../host/host";
import { userError, type Lang, type Pair } from "../../core/messages";
import { check, planCheck, type CheckProposal, type RunOptions } from "./check";
import { message, outcome, said, type CommandContext, type NoticeMessage, type Outcome } from "./outcome";

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

export interface MarkProposal {
  analysis: WorkbookAnalysis;
  plan: MarkPlan;
}

/** What 标注问题 would write: the preview (notes in the person's language). */
export function planMarks(analysis: WorkbookAnalysis, lang: Lang, options: PlanMarksOptions = {}): MarkPlan {
  return markPlan(analysis, { lang, includeInfo: options.includeInfo ?? false });
}

/** The marks of a check's findings. */
export function markFrom(checked: Pick<CheckProposal, "analysis">, ctx: Pick<CommandContext, "lang"> & PlanMarksOptions): MarkProposal {
  return { analysis: checked.analysis, plan: planMarks(checked.analysis, ctx.lang ?? "zh", ctx) };
}

/** 标注问题's plan from the sheets as read. */
export function planMark(snapshots: SheetSnapshot[], ctx: Pick<CommandContext, "profile" | "lang"> & PlanMarksOptions): MarkProposal {
  return markFrom(planCheck(snapshots, ctx), ctx);
}

/** Marks counted by severity (the preview's headline). */
export function countMarks(marks: readonly CellMark[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const m of marks) out[m.severity] += 1;
  return out;
}

/** What a mark plan marks, as a notice. */
export function marksMessage(marks: readonly CellMark[]): NoticeMessage {
  if (marks.length === 0) return message("nothing-to-mark");
  const c = countMarks(marks);
  return message("marked", { cells: marks.length, errors: c.error, warnings: c.warning, notes: c.info });
}

/** marksMessage in both languages (screen readers). */
export function describeMarks(marks: readonly CellMark[]): Pair {
  return said({ message: marksMessage(marks) });
}

/** What the notes left out (characters XML cannot hold), as a notice, or null when nothing was. */
export function removedFromNotes(plan: MarkPlan): NoticeMessage | null {
  return plan.removedCharacters ? message("marks-xml-removed", { count: plan.removedCharacters }) : null;
}

/** What was marked (and what the notes left out), and where the marks can be taken back. */
export function markOutcome(p: Pick<MarkProposal, "plan">, ctx: Pick<CommandContext, "undoIn" | "now">): Outcome {
  if (p.plan.marks.length === 0) return outcome("mark", true, marksMessage([]), ctx);
  const marked = describeMarks(p.plan.marks);
  const removed = removedFromNotes(p.plan);
  const left = removed ? said({ message: removed }) : null;
  const what = left ? { zh: marked.zh + left.zh, en: `${marked.en} ${left.en}` } : marked;
  return outcome("mark", true, message(ctx.undoIn === "ribbon" ? "marked-ribbon" : "marked-pane", { message: what }), ctx);
}

/** Writes the marks (undoable). An empty plan writes nothing. */
export async function commitMark(
  host: SpreadsheetHost,
  p: Pick<MarkProposal, "plan">,
  ctx: Pick<CommandContext, "undoIn" | "now"> = {},
): Promise<Outcome> {
  const m = requireMarking(host);
  if (p.plan.marks.length > 0) await m.applyMarks(p.plan);
  return markOutcome(p, ctx);
}

/** commitMark over the synchronous port (the WPS ribbon). */
export function commitMarkSync(
  host: SyncSpreadsheetHost,
  p: Pick<MarkProposal, "plan">,
  ctx: Pick<CommandContext, "undoIn" | "now"> = {},
): Outcome {
  if (p.plan.marks.length > 0) host.applyMarksSync(p.plan);
  return markOutcome(p, ctx);
}

/** Reads, analyses, plans and writes the marks in one go (Office ribbon, CLI). Refuses before reading a host that cannot mark. */
export async function checkAndMark(
  host: SpreadsheetHost,
  options: RunOptions & PlanMarksOptions & Pick<CommandContext, "lang" | "undoIn" | "now">,
): Promise<MarkProposal & { outcome: Outcome }> {
  requireMarking(host);
  const proposal = markFrom(await check(host, options), options);
  return { ...proposal, outcome: await commitMark(host, proposal, options) };
}
