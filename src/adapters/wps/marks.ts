/**
 * WpsSpreadsheetHost's marks (标注问题, 清除标注), as Excel VBA would do them: the note is a cell comment
 * (`Range.AddComment`, `Range.Comment`, `Comment.Text()`, `Comment.Delete()`, `Worksheet.Comments`), the fill
 * `Range.Interior` (Color as a BGR long, Pattern, PatternColor, TintAndShade; `ColorIndex = xlNone` removes it). The
 * mark ledger is kept on a second very hidden sheet (`jixiao_marks`, see undoSheet.ts). A protected sheet is refused
 * before anything is written.
 */
import type { CellMark } from "../../core/marks";
import { isOwnNote } from "../../core/marks";
import { DOING, restated, userError } from "../../core/messages";
import { comError } from "./errors";
import {
  cellKey,
  clearRecord,
  ledgerFromJson,
  ledgerToJson,
  markFillOf,
  markRecord,
  marksOn,
  normalizeCell,
  noteStep,
  sortMarks,
  uniqueSheets,
  validateMarks,
  type CellNow,
  type FillState,
  type LedgerEntry,
  type OwnNoteAt,
  type UndoRecord,
} from "../sheet";
import type { MarkPlan } from "../../core/marks";
import { call, count, get, getObject, has, put, type ComObject } from "./com";
import { clearMarksSheet, isOwnSheet, readMarksSheet, writeMarksSheet, writeUndoSheet } from "./undoSheet";
import { refuseProtected, sheetsByName, withScreenOff } from "./workbook";

/** xlNone (xlColorIndexNone, xlPatternNone). */
const XL_NONE = -4142;
const XL_SOLID = 1;

/** The host's state marking reads and keeps. */
export interface WpsMarkEnv {
  app: unknown;
  now: () => Date;
  /** The undo record and the ledger, when the workbook could not keep them (ledger null: it is in the workbook). */
  memory: { record: UndoRecord | null; ledger: LedgerEntry[] | null };
}

/** "#RRGGBB" ↔ the object model's BGR long. */
function toBgr(rgb: string): number {
  const n = parseInt(rgb.replace(/^#/, ""), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

function fromBgr(bgr: number): string {
  const rgb = ((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff);
  return `#${rgb.toString(16).toUpperCase().padStart(6, "0")}`;
}

/** A member some builds lack: its value, or undefined. */
function optional(obj: ComObject, name: string): unknown {
  try {
    return has(obj, name) ? get(obj, name) : undefined;
  } catch {
    return undefined;
  }
}

/** A cell's fill as the object model reports it. */
function readFill(r: ComObject): FillState {
  const interior = getObject(r, "Interior");
  const pattern = Number(get(interior, "Pattern"));
  if (pattern === XL_NONE || Number(optional(interior, "ColorIndex")) === XL_NONE) return { color: null };
  const state: FillState = { color: fromBgr(Number(get(interior, "Color"))), pattern };
  const pc = optional(interior, "PatternColor");
  if (typeof pc === "number") state.patternColor = fromBgr(pc);
  const tint = optional(interior, "TintAndShade");
  if (typeof tint === "number") state.tintAndShade = tint;
  return state;
}

function writeFill(r: ComObject, state: FillState): void {
  const interior = getObject(r, "Interior");
  if (state.color === null) {
    put(interior, "ColorIndex", XL_NONE);
    return;
  }
  put(interior, "Color", toBgr(state.color));
  if (typeof state.pattern === "number") put(interior, "Pattern", state.pattern);
  if (typeof state.patternColor === "string" && has(interior, "PatternColor")) put(interior, "PatternColor", toBgr(state.patternColor));
  if (typeof state.tintAndShade === "number" && has(interior, "TintAndShade")) put(interior, "TintAndShade", state.tintAndShade);
}

/** One cell's range, comment and what the comment is (ours, a person's, none). */
function cellAt(sheets: Map<string, ComObject>, sheet: string, cell: string) {
  const ws = sheets.get(sheet.toLowerCase()) as ComObject;
  const r = call<ComObject>(ws, "Range", cell);
  const comment = get<ComObject | null | undefined>(r, "Comment") ?? null;
  const text = comment ? String(call(comment, "Text") ?? "") : null;
  const own = text !== null && isOwnNote(text) ? text : null;
  return { name: String(get(ws, "Name")), r, comment, own, person: comment !== null && own === null };
}

/** Writes the note `want` (null: none of ours) on a cell found by cellAt. */
function writeNote(c: ReturnType<typeof cellAt>, want: string | null): void {
  const step = noteStep(c.own, c.person, want);
  if (step === "delete" && c.comment) call(c.comment, "Delete");
  else if (step === "set" && c.comment) call(c.comment, "Text", want);
  else if (step === "add") call(c.r, "AddComment", want);
}

function partialWrite(cause: unknown): Error {
  return restated(comError(cause, DOING.apply), "partial-write-wps");
}

export class WpsMarks {
  constructor(private readonly env: WpsMarkEnv) {}

  /** The mark ledger: in memory when the workbook refused it, else from its sheet (damaged: none). */
  private ledger(wb: ComObject): LedgerEntry[] {
    if (this.env.memory.ledger) return this.env.memory.ledger;
    const json = readMarksSheet(wb);
    if (json === null || json === "damaged") return [];
    return ledgerFromJson(json) ?? [];
  }

  private storeLedger(wb: ComObject, entries: LedgerEntry[]): void {
    try {
      if (entries.length === 0) clearMarksSheet(this.env.app as ComObject, wb);
      else writeMarksSheet(wb, ledgerToJson(entries, this.env.now().toISOString()));
      this.env.memory.ledger = null;
    } catch {
      this.env.memory.ledger = entries;
    }
  }

  /** Stores the undo record of a mark or clear (in the workbook, else in memory). */
  private storeRecord(wb: ComObject, record: UndoRecord): void {
    try {
      writeUndoSheet(wb, record);
      this.env.memory.record = null;
    } catch {
      this.env.memory.record = record;
    }
  }

  /** Every comment of the workbook's sheets (not the add-in's own): ours (by their first line), and the sheet names. */
  private comments(wb: ComObject): { own: Map<string, OwnNoteAt>; names: string[] } {
    const own = new Map<string, OwnNoteAt>();
    const names: string[] = [];
    const all = getObject(wb, "Worksheets");
    const n = count(all);
    for (let i = 1; i <= n; i++) {
      const ws = call<ComObject>(all, "Item", i);
      const sheet = String(get(ws, "Name"));
      if (isOwnSheet(sheet)) continue;
      names.push(sheet);
      const list = getObject(ws, "Comments");
      const m = count(list);
      for (let j = 1; j <= m; j++) {
        const c = call<ComObject>(list, "Item", j);
        const text = String(call(c, "Text") ?? "");
        if (!isOwnNote(text)) continue;
        const cell = normalizeCell(String(get(getObject(c, "Parent"), "Address")));
        if (cell) own.set(cellKey(sheet, cell), { sheet, cell, content: text });
      }
    }
    return { own, names };
  }

  /** Checks the plan (no mark on the add-in's own sheets); an empty list marks nothing. */
  static validate(plan: MarkPlan): CellMark[] {
    const marks = validateMarks(plan);
    if (marks.some((m) => isOwnSheet(m.sheet))) throw userError("bad-marks");
    return marks;
  }

  applyMarks(wb: ComObject, marks: readonly CellMark[]): void {
    const names = uniqueSheets(marks.map((m) => m.sheet));
    const sheets = sheetsByName(wb, names, "write");
    refuseProtected(sheets, names, "write");
    const ledgerBefore = this.ledger(wb);
    const cells = marks.map((m) => cellAt(sheets, m.sheet, m.cell));
    const now: CellNow[] = cells.map((c, i) => ({ sheet: c.name, cell: marks[i].cell, fill: readFill(c.r), own: c.own, person: c.person }));
    const { record, ledger } = markRecord(marks, now, ledgerBefore, this.env.now);
    // The undo record and the ledger are in the workbook BEFORE any mark is written.
    this.storeRecord(wb, record);
    this.storeLedger(wb, ledger);
    withScreenOff(this.env.app, () => {
      try {
        cells.forEach((c, i) => {
          writeFill(c.r, markFillOf(marks[i].fill, XL_SOLID));
          writeNote(c, marks[i].note);
        });
      } catch (e) {
        // The record stays: 撤销 puts back whatever was written.
        throw partialWrite(e);
      }
    });
  }

  readMarks(wb: ComObject): CellMark[] {
    const { own, names } = this.comments(wb);
    return sortMarks(marksOn(own.values(), this.ledger(wb), names), names);
  }

  clearMarks(wb: ComObject): number {
    const { own, names } = this.comments(wb);
    const ledgerBefore = this.ledger(wb);
    const marks = marksOn(own.values(), ledgerBefore, names);
    if (marks.length === 0) return 0;
    const markedSheets = uniqueSheets(marks.map((m) => m.sheet));
    const sheets = sheetsByName(wb, markedSheets, "write");
    refuseProtected(sheets, markedSheets, "write");
    const cells = marks.map((m) => {
      const ws = sheets.get(m.sheet.toLowerCase()) as ComObject;
      const r = call<ComObject>(ws, "Range", m.cell);
      const mine = own.get(cellKey(m.sheet, m.cell));
      return {
        r,
        now: { sheet: String(get(ws, "Name")), cell: m.cell, fill: readFill(r), own: mine ? mine.content : null, person: false },
      };
    });
    const { record, fills } = clearRecord(
      marks,
      cells.map((c) => c.now),
      ledgerBefore,
      this.env.now,
    );
    this.storeRecord(wb, record);
    withScreenOff(this.env.app, () => {
      try {
        cells.forEach((c, i) => {
          const fill = fills[i];
          if (fill) writeFill(c.r, fill);
          if (noteStep(c.now.own, false, null) === "delete") {
            const comment = get<ComObject | null | undefined>(c.r, "Comment");
            if (comment) call(comment, "Delete");
          }
        });
      } catch (e) {
        throw partialWrite(e);
      }
    });
    this.storeLedger(wb, []);
    return marks.length;
  }

  /** Undo of a mark or a clear: each touched cell's fill and own comment as they were, and the ledger as it was. */
  restoreMarks(wb: ComObject, record: UndoRecord): void {
    const cells = record.marks ?? [];
    const names = uniqueSheets(cells.map((c) => c.sheet));
    const sheets = sheetsByName(wb, names, "undo");
    refuseProtected(sheets, names, "undo");
    withScreenOff(this.env.app, () => {
      for (const c of cells) {
        const at = cellAt(sheets, c.sheet, c.cell);
        writeFill(at.r, c.fill);
        writeNote(at, c.note);
      }
    });
    this.storeLedger(wb, record.ledger ?? []);
  }
}
