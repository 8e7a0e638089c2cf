/** TABLE_PARTIAL notes: a part of a recognised table that could not be read, with where and why (SPEC §2.6). */
import { a1 } from "../address";
import type { TablePartial } from "../model";
import type { PartialReason } from "../messages";

export class PartialNotes {
  readonly notes: TablePartial[] = [];

  add(part: string, at: { row: number; col: number } | null, why: PartialReason): void {
    if (this.notes.some((n) => n.part === part)) return;
    this.notes.push({ part, cell: at ? a1(at.row, at.col) : null, why });
  }
}
