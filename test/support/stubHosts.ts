/**
 * Hosts that hold nothing and do nothing, for tests of panes and commands that need a host to be there: an idle
 * spreadsheet host (its parts replaced where a test needs them), and one that can also mark.
 */
import type { MarkingHost, SpreadsheetHost } from "../../src/host/host";

/** A spreadsheet host with no sheets that accepts every call; `parts` replaces any of its members. */
export function idleSpreadsheetHost(parts: Partial<SpreadsheetHost> = {}): SpreadsheetHost {
  return {
    kind: "excel",
    displayName: "Book1",
    fileName: null,
    readSheets: async () => [],
    applyPlan: async () => undefined,
    canUndo: async () => false,
    undo: async () => undefined,
    selectCell: async () => undefined,
    ...parts,
  };
}

/** An idle spreadsheet host that can mark (and has no marks). */
export function idleMarkingHost(parts: Partial<SpreadsheetHost & MarkingHost> = {}): SpreadsheetHost & MarkingHost {
  return {
    ...idleSpreadsheetHost(),
    applyMarks: async () => undefined,
    readMarks: async () => [],
    clearMarks: async () => 0,
    ...parts,
  };
}
