/**
 * 填充公式 and 采纳建议: the plan a check proposes (every table's fill, or one finding's suggestion), written through
 * the host, which keeps what the cells held so 撤销 takes it back. Nothing outside a table, scores only into empty
 * cells (core/fill.ts decides); an empty plan writes nothing.
 */
import { suggestionPlan } from "../../core/analyze";
import type { TableAnalysis, WorkbookAnalysis } from "../../core/analysis";
import type { Finding } from "../../core/findings";
import type { FillPlan } from "../../core/plan";
import type { SheetSnapshot } from "../../core/snapshot";
import { userError } from "../../core/messages";
import type { SpreadsheetHost, SyncSpreadsheetHost } from "../../host/host";
import { check, planCheck, type CheckProposal, type RunOptions } from "./check";
import { combinedPlan } from "./tables";
import { message, outcome, type CommandContext, type Outcome } from "./outcome";

export interface FillProposal {
  /** The analysis the plan comes from (null for a plan made elsewhere: a suggestion, a one-action fix). */
  analysis: WorkbookAnalysis | null;
  plan: FillPlan;
}

/** The combined plan of a check's tables. */
export function fillFrom(checked: Pick<CheckProposal, "analysis">): FillProposal {
  return { analysis: checked.analysis, plan: combinedPlan(checked.analysis) };
}

/** 填充公式's plan from the sheets as read. */
export function planFill(snapshots: SheetSnapshot[], ctx: Pick<CommandContext, "profile">): FillProposal {
  return fillFrom(planCheck(snapshots, ctx));
}

/** 采纳建议: the engine's suggestion for one finding. Throws UserError "nothing-to-adopt" when nothing is left to write. */
export function planAdopt(table: TableAnalysis, finding: Finding): FillProposal {
  const plan = suggestionPlan(table, finding);
  if (plan.changes.length === 0) {
    throw userError("nothing-to-adopt");
  }
  return { analysis: null, plan };
}

/** How many cells were written, and where they can be taken back. */
export function fillOutcome(p: FillProposal, ctx: Pick<CommandContext, "undoIn" | "now">): Outcome {
  const cells = p.plan.changes.length;
  if (cells === 0) return outcome("fill", true, message("nothing-to-fill"), ctx);
  return outcome("fill", true, message(ctx.undoIn === "ribbon" ? "filled-ribbon" : "filled-pane", { cells }), ctx);
}

/** Writes the plan (all or nothing; undoable). */
export async function commitFill(
  host: SpreadsheetHost,
  p: FillProposal,
  ctx: Pick<CommandContext, "undoIn" | "now"> = {},
): Promise<Outcome> {
  if (p.plan.changes.length > 0) await host.applyPlan(p.plan);
  return fillOutcome(p, ctx);
}

/** commitFill over the synchronous port (the WPS ribbon). */
export function commitFillSync(host: SyncSpreadsheetHost, p: FillProposal, ctx: Pick<CommandContext, "undoIn" | "now"> = {}): Outcome {
  if (p.plan.changes.length > 0) host.applyPlanSync(p.plan);
  return fillOutcome(p, ctx);
}

/** Reads, plans and writes the whole fill in one go (the Office ribbon, the CLI). */
export async function fill(
  host: SpreadsheetHost,
  options: RunOptions & Pick<CommandContext, "undoIn" | "now">,
): Promise<{ analysis: WorkbookAnalysis; plan: FillPlan; outcome: Outcome }> {
  const proposal = fillFrom(await check(host, options));
  const done = await commitFill(host, proposal, options);
  return { analysis: proposal.analysis as WorkbookAnalysis, plan: proposal.plan, outcome: done };
}
