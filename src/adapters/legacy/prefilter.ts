/**
 * The .xlsx reader's pre-filter (src/adapters/xlsx/read.ts, headerRole.ts) for sheets read whole: a sheet none of
 * whose rows could start a table keeps only its first KEEP_HEAD cells, so a 明细 sheet of a million figures costs
 * the engine what it costs on an .xlsx. The full sheet is kept for the .xlsx written from it.
 */
import type { SnapshotCell, SparseSheetSnapshot } from "../../core/snapshot";
import { couldBeHeaderRow, mayHoldHeader } from "../xlsx/headerRole";
import { KEEP_HEAD } from "../xlsx/read";

export function forEngine(sheet: SparseSheetSnapshot): SparseSheetSnapshot {
  if (sheet.cells.length <= KEEP_HEAD) return sheet;
  const cells = [...sheet.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  let rowTexts: { col: number; text: string }[] = [];
  let row = -1;
  let hint = false;
  const headerRow = (): boolean => hint && couldBeHeaderRow(row, rowTexts);
  for (const c of cells) {
    if (c.row !== row) {
      if (headerRow()) return sheet;
      row = c.row;
      rowTexts = [];
      hint = false;
    }
    if (typeof c.value === "string") {
      rowTexts.push({ col: c.col, text: c.value });
      if (mayHoldHeader(c.value)) hint = true;
    }
  }
  if (headerRow()) return sheet;
  const head: SnapshotCell[] = cells.slice(0, KEEP_HEAD);
  return { ...sheet, cells: head };
}
