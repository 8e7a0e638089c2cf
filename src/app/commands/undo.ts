/**
 * 撤销: the last fill, mark or clear taken back exactly (the host keeps one undo history for all three). The plan is
 * whether the host holds something to undo (the pane knows it already: its button is enabled only then).
 */
import type { SpreadsheetHost, SyncSpreadsheetHost } from "../../host/host";
import { message, outcome, type CommandContext, type Outcome } from "./outcome";

export interface UndoProposal {
  canUndo: boolean;
}

export async function planUndo(host: SpreadsheetHost): Promise<UndoProposal> {
  return { canUndo: await host.canUndo() };
}

function undoOutcome(p: UndoProposal, ctx: Pick<CommandContext, "now">): Outcome {
  return p.canUndo ? outcome("undo", true, message("undone"), ctx) : outcome("undo", false, message("no-fill-to-undo"), ctx);
}

export async function commitUndo(host: SpreadsheetHost, p: UndoProposal, ctx: Pick<CommandContext, "now"> = {}): Promise<Outcome> {
  if (p.canUndo) await host.undo();
  return undoOutcome(p, ctx);
}

/** Plan and commit over the synchronous port (the WPS ribbon). */
export function undoSync(host: SyncSpreadsheetHost, ctx: Pick<CommandContext, "now"> = {}): Outcome {
  const p = { canUndo: host.canUndoSync() };
  if (p.canUndo) host.undoSync();
  return undoOutcome(p, ctx);
}
