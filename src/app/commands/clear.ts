/**
 * 清除标注: the marks this add-in left in the workbook (the preview, read from the workbook), then exactly those
 * taken away — each cell's fill put back as it was, a person's notes kept. Undoable through the host's undo.
 */
import type { CellMark } from "../../core/marks";
import type { Pair } from "../../core/messages";
import type { SpreadsheetHost } from "../../host/host";
import { requireMarking } from "./mark";
import { message, outcome, said, type CommandContext, type NoticeMessage, type Outcome } from "./outcome";

/** What 清除标注 would remove. */
export async function previewClear(host: SpreadsheetHost): Promise<CellMark[]> {
  return requireMarking(host).readMarks();
}

/** Removes exactly this add-in's marks. Returns how many cells were cleared. */
export async function clearWorkbookMarks(host: SpreadsheetHost): Promise<number> {
  return requireMarking(host).clearMarks();
}

export function clearMessage(cells: number): NoticeMessage {
  return cells === 0 ? message("no-marks") : message("cleared", { cells });
}

/** clearMessage in both languages. */
export function describeClear(cells: number): Pair {
  return said({ message: clearMessage(cells) });
}

/** Clears the marks; the outcome says how many cells. */
export async function commitClear(host: SpreadsheetHost, ctx: Pick<CommandContext, "now"> = {}): Promise<Outcome & { cells: number }> {
  const cells = await clearWorkbookMarks(host);
  return { ...outcome("clear", true, clearMessage(cells), ctx), cells };
}
