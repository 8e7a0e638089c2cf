/**
 * 标注问题 and 清除标注 as both object-model hosts do them, minus the object model: the plan's check, what a mark or a
 * clear records (undo record, new ledger), what happens to each cell's note, and the marks found, in sheet order.
 * A cell holding a person's note keeps it: ours is not written there (the fill is).
 */
import type { CellMark, MarkPlan } from "../../core/marks";
import { isOwnNote } from "../../core/marks";
import { columnNumber } from "../../core/address";
import { userError } from "../../core/messages";
import { normalizeCell } from "./address";
import { cellKey, fillAfterClear, marksFound, sameNote, type FillState, type LedgerEntry, type OwnNoteAt } from "./markRecord";
import { newRecord, type UndoRecord } from "./undoRecord";

/** Checks a mark plan before anything is touched; one mark per cell (the first). */
export function validateMarks(plan: MarkPlan): CellMark[] {
  if (!plan || !Array.isArray(plan.marks)) throw userError("bad-marks");
  const seen = new Set<string>();
  const out: CellMark[] = [];
  for (const m of plan.marks) {
    const cell = typeof m?.cell === "string" ? normalizeCell(m.cell) : null;
    if (
      !cell ||
      typeof m.sheet !== "string" ||
      m.sheet.trim() === "" ||
      typeof m.fill !== "string" ||
      !/^[0-9A-Fa-f]{6}$/.test(m.fill) ||
      !isOwnNote(m.note)
    ) {
      throw userError("bad-mark", { cell: `${String(m?.sheet)}!${String(m?.cell)}` });
    }
    const k = cellKey(m.sheet, cell);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ ...m, cell, fill: m.fill.toUpperCase() });
  }
  return out;
}

/** A cell to mark or clear, as the host found it: the sheet as the workbook spells it, its fill, its notes. */
export interface CellNow {
  sheet: string;
  cell: string;
  fill: FillState;
  /** Our note on the cell, or null. */
  own: string | null;
  /** The cell holds a person's note (or comment). */
  person: boolean;
}

/** What a note write does to one cell: the note `want` (null: none of ours), given what the cell holds. */
export function noteStep(own: string | null, person: boolean, want: string | null): "delete" | "set" | "add" | null {
  if (want === null) return own !== null ? "delete" : null;
  if (own !== null) return sameNote(own, want) ? null : "set";
  return person ? null : "add";
}

/** The fill a mark gives its cell. */
export function markFillOf(hex: string, pattern: string | number): FillState {
  return { color: `#${hex.toUpperCase()}`, pattern, tintAndShade: 0 };
}

/** 标注问题: the undo record (each cell's fill and own note before, the ledger before) and the ledger after. */
export function markRecord(marks: readonly CellMark[], now: readonly CellNow[], ledgerBefore: LedgerEntry[], clock: () => Date) {
  const ledger = new Map(ledgerBefore.map((e) => [cellKey(e.sheet, e.cell), e] as const));
  const before = marks.map((m, i) => {
    const c = now[i];
    const k = cellKey(m.sheet, m.cell);
    const prev = ledger.get(k);
    ledger.set(k, {
      sheet: c.sheet,
      cell: m.cell,
      before: prev ? prev.before : c.fill,
      fill: m.fill,
      note: m.note,
      noteWritten: !c.person,
    });
    return { sheet: c.sheet, cell: m.cell, fill: c.fill, note: c.own };
  });
  const record: UndoRecord = newRecord(clock, { kind: "mark", marks: before, ledger: ledgerBefore });
  return { record, ledger: [...ledger.values()] };
}

/** 清除标注: the undo record, and the fill each cell gets back (null: leave it, the person has recoloured it). */
export function clearRecord(marks: readonly CellMark[], now: readonly CellNow[], ledgerBefore: LedgerEntry[], clock: () => Date) {
  const ledger = new Map(ledgerBefore.map((e) => [cellKey(e.sheet, e.cell), e] as const));
  const record: UndoRecord = newRecord(clock, {
    kind: "clear",
    marks: marks.map((m, i) => ({ sheet: now[i].sheet, cell: m.cell, fill: now[i].fill, note: now[i].own })),
    ledger: ledgerBefore,
  });
  const fills = marks.map((m, i) => fillAfterClear(ledger.get(cellKey(m.sheet, m.cell)), now[i].fill));
  return { record, fills };
}

/** The marks in a workbook whose sheets are `names` (in order): our notes, and the ledger's cells on those sheets. */
export function marksOn(own: Iterable<OwnNoteAt>, ledger: readonly LedgerEntry[], names: readonly string[]): CellMark[] {
  const present = new Set(names.map((n) => n.toLowerCase()));
  return marksFound(
    own,
    ledger.filter((e) => present.has(e.sheet.toLowerCase())),
  );
}

/** Marks in sheet order (`names`), then row by row. */
export function sortMarks<T extends { sheet: string; cell: string }>(marks: T[], names: readonly string[]): T[] {
  const order = new Map(names.map((n, i) => [n.toLowerCase(), i] as const));
  const rc = (cell: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/.exec(cell);
    return m ? [Number(m[2]), columnNumber(m[1])] : [0, 0];
  };
  return [...marks].sort((a, b) => {
    const s = (order.get(a.sheet.toLowerCase()) ?? 1e9) - (order.get(b.sheet.toLowerCase()) ?? 1e9);
    if (s !== 0) return s;
    const [ra, ca] = rc(a.cell);
    const [rb, cb] = rc(b.cell);
    return ra - rb || ca - cb;
  });
}
