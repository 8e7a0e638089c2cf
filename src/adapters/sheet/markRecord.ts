/**
 * What the Office hosts (ExcelHost, WpsSpreadsheetHost) remember about the marks of 标注问题:
 * - the mark ledger, kept in the workbook next to the undo record: for every cell this add-in marked, the fill the
 *   cell had BEFORE its first mark (so 清除标注 puts it back exactly, also after the pane was closed), the fill and
 *   the note text of the mark, and whether the note was written (a cell holding a person's note keeps it: ours is
 *   not written there, the fill still is);
 * - the part of an undo record that takes back a mark or a clear: each touched cell's fill and own note before.
 * Host-neutral: the fill is described the way both object models can restore it.
 */
import { MARK_FILLS, isOwnNote, type CellMark } from "../../core/marks";
import type { FindingCode, Severity } from "../../core/findings";
import { SEVERITY_ORDER } from "../../core/findings";

/** A cell's fill as read before a mark. `color` null: no fill at all. */
export interface FillState {
  /** "#RRGGBB", or null for no fill. */
  color: string | null;
  /** The host's pattern (Office.js: "Solid", "Gray50", …; ET: its xlPattern number); absent where unknown. */
  pattern?: string | number | null;
  patternColor?: string | null;
  tintAndShade?: number | null;
  patternTintAndShade?: number | null;
}

export interface LedgerEntry {
  sheet: string;
  cell: string;
  /** The cell's fill before this add-in first marked it. */
  before: FillState;
  /** The mark's fill, RRGGBB. */
  fill: string;
  /** The mark's note text (also where it was not written). */
  note: string;
  /** Whether our note is on the cell (false: the cell holds a person's note, which was kept). */
  noteWritten: boolean;
}

/** One touched cell as it was before a mark or a clear (undo restores this). */
export interface MarkUndoCell {
  sheet: string;
  cell: string;
  fill: FillState;
  /** Our note on the cell before, or null when it had none of ours. */
  note: string | null;
}

/** The Office hosts' ledger (custom XML part in Excel). */
export const MARKS_NAMESPACE = "urn:jixiao:marks-office:1";
/**
 * The record the .xlsx host (standalone page, CLI) keeps in a file it marked: another format, never read here. Once
 * 清除标注 in Excel has removed those marks, the record is stale and is removed with them.
 */
export const FILE_MARKS_NAMESPACE = "urn:jixiao:marks:1";

export function cellKey(sheet: string, cell: string): string {
  return `${sheet.toLowerCase()}!${cell.toUpperCase()}`;
}

function isFillState(v: unknown): v is FillState {
  if (!v || typeof v !== "object") return false;
  const f = v as FillState;
  if (!(f.color === null || typeof f.color === "string")) return false;
  if (f.pattern !== undefined && !(f.pattern === null || typeof f.pattern === "string" || typeof f.pattern === "number")) return false;
  if (f.patternColor !== undefined && !(f.patternColor === null || typeof f.patternColor === "string")) return false;
  for (const n of [f.tintAndShade, f.patternTintAndShade]) if (n !== undefined && !(n === null || typeof n === "number")) return false;
  return true;
}

export function isLedgerEntry(v: unknown): v is LedgerEntry {
  if (!v || typeof v !== "object") return false;
  const e = v as LedgerEntry;
  return (
    typeof e.sheet === "string" &&
    typeof e.cell === "string" &&
    isFillState(e.before) &&
    typeof e.fill === "string" &&
    typeof e.note === "string" &&
    typeof e.noteWritten === "boolean"
  );
}

export function isMarkUndoCell(v: unknown): v is MarkUndoCell {
  if (!v || typeof v !== "object") return false;
  const c = v as MarkUndoCell;
  return (
    typeof c.sheet === "string" && typeof c.cell === "string" && isFillState(c.fill) && (c.note === null || typeof c.note === "string")
  );
}

/** The ledger as the JSON text kept in the workbook; null when damaged (then it is ignored, never half-used). */
export function ledgerToJson(entries: LedgerEntry[], created: string): string {
  return JSON.stringify({ version: 1, created, cells: entries });
}

export function ledgerFromJson(text: string): LedgerEntry[] | null {
  try {
    const parsed = JSON.parse(text) as { version?: unknown; cells?: unknown };
    if (!parsed || parsed.version !== 1 || !Array.isArray(parsed.cells)) return null;
    return parsed.cells.every(isLedgerEntry) ? (parsed.cells as LedgerEntry[]) : null;
  } catch {
    return null;
  }
}

const SEVERITY_BY_LABEL: Record<string, Severity> = {
  错误: "error",
  警告: "warning",
  提示: "info",
  Error: "error",
  Warning: "warning",
  Note: "info",
};

/**
 * A mark read back from the workbook: from our note's lines (【错误】… [CODE] / [Error] … [CODE]) the worst
 * severity and the codes; the fill is the severity's. Null when the text is not one of our notes.
 */
export function markFromNote(sheet: string, cell: string, note: string): CellMark | null {
  if (!isOwnNote(note)) return null;
  let severity: Severity | null = null;
  const codes: FindingCode[] = [];
  for (const line of note.split(/\r?\n/).slice(1)) {
    const label = /^(?:【([^】]+)】|\[([A-Za-z]+)\])/.exec(line.trim());
    const s = label ? SEVERITY_BY_LABEL[label[1] ?? label[2]] : undefined;
    if (s && (severity === null || SEVERITY_ORDER[s] < SEVERITY_ORDER[severity])) severity = s;
    const code = /\[([A-Z][A-Z0-9_]+)\]\s*$/.exec(line);
    if (code && !codes.includes(code[1] as FindingCode)) codes.push(code[1] as FindingCode);
  }
  const sev = severity ?? "warning";
  return { sheet, cell: cell.toUpperCase(), severity: sev, codes, note, fill: MARK_FILLS[sev] };
}

/** A note's text as the hosts compare it: Excel and WPS may hand it back with \r\n or \r line ends. */
export function sameNote(a: string, b: string): boolean {
  const n = (s: string) => s.replace(/\r\n?/g, "\n").trimEnd();
  return n(a) === n(b);
}

/** Whether a fill colour (any case, with or without "#") is one of the mark colours. */
export function isMarkFill(color: string | null | undefined): boolean {
  if (!color) return false;
  const c = color.replace(/^#/, "").toUpperCase();
  return Object.values(MARK_FILLS).includes(c);
}

/** A note of ours found on a cell. */
export interface OwnNoteAt {
  sheet: string;
  cell: string;
  content: string;
}

/**
 * The marks a host finds in a workbook (what 清除标注 removes and previews): every cell holding a note of ours, and
 * every cell of the ledger (also those whose note was not written because a person's note is there).
 */
export function marksFound(own: Iterable<OwnNoteAt>, ledger: readonly LedgerEntry[]): CellMark[] {
  const out = new Map<string, CellMark>();
  for (const o of own) {
    const m = markFromNote(o.sheet, o.cell, o.content);
    if (m) out.set(cellKey(o.sheet, o.cell), m);
  }
  for (const e of ledger) {
    const k = cellKey(e.sheet, e.cell);
    if (out.has(k)) continue;
    const m = markFromNote(e.sheet, e.cell, e.note);
    if (m) out.set(k, { ...m, fill: e.fill });
  }
  return [...out.values()];
}

/**
 * The fill 清除标注 gives a marked cell: the fill from before its first mark (ledger) while the cell still shows the
 * mark's colour; no fill for a mark colour with no ledger entry (marked by the standalone page or the CLI, where the
 * cell had none); null — leave it — when the person has since given the cell another colour.
 */
export function fillAfterClear(entry: LedgerEntry | undefined, current: FillState): FillState | null {
  const now = current.color ? current.color.replace(/^#/, "").toUpperCase() : null;
  if (entry) return now === entry.fill.toUpperCase() ? entry.before : null;
  return isMarkFill(now) ? { color: null } : null;
}
