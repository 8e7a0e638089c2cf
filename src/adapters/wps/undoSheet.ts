/**
 * Where WpsSpreadsheetHost keeps the undo record: IN the workbook, on a very hidden, protected sheet, so 撤销 works
 * after the pane was closed and after the workbook was saved (as .xlsx or .et) and reopened. WPS has no custom XML
 * parts API one can count on, and a custom document property holds at most 255 characters.
 *
 * The sheet (`jixiao_undo`, xlSheetVeryHidden: not listed by 取消隐藏, only by code) holds in column A, as text:
 *   A1  the marker "jixiao-undo-1"
 *   A2  the number of chunks
 *   A3… the record's JSON in chunks of CHUNK characters, each prefixed with "~" so no chunk can look like a number,
 *       a date or a formula (the column is also formatted as Text, "@", before anything is written).
 * One record at a time: a new fill replaces it; 撤销 takes it back and deletes the sheet.
 * The mark ledger (which cells 标注问题 marked and the fill each had before, see sheet/markRecord.ts) is kept the same
 * way on its own sheet, `jixiao_marks` (marker "jixiao-marks-1").
 */
import type { UndoRecord } from "../sheet";
import { undoRecordFromJson } from "../sheet";
import { call, count, get, getObject, put, type ComObject } from "./com";

export const UNDO_SHEET = "jixiao_undo";
const MARKER = "jixiao-undo-1";
export const MARKS_SHEET = "jixiao_marks";
const MARKS_MARKER = "jixiao-marks-1";

/** The add-in's own sheets, never read as tables nor written by a plan. */
export function isOwnSheet(name: string): boolean {
  const n = name.toLowerCase();
  return n === UNDO_SHEET || n === MARKS_SHEET;
}
/** Characters per cell (a cell holds 32,767; stay far below). */
export const CHUNK = 8000;
const XL_SHEET_VERY_HIDDEN = 2;

/** The workbook's sheet of that name (case-insensitive), found without provoking an error; null when absent. */
export function findSheet(workbook: ComObject, name: string): ComObject | null {
  const sheets = getObject(workbook, "Worksheets");
  const n = count(sheets);
  const want = name.toLowerCase();
  for (let i = 1; i <= n; i++) {
    const ws = call<ComObject>(sheets, "Item", i);
    if (String(get(ws, "Name")).toLowerCase() === want) return ws;
  }
  return null;
}

function column(ws: ComObject, rows: number): ComObject {
  return call<ComObject>(ws, "Range", rows === 1 ? "A1" : `A1:A${rows}`);
}

/** Reads the record kept in the workbook: null when there is none, "damaged" when it cannot be read. */
export function readUndoSheet(workbook: ComObject): UndoRecord | "damaged" | null {
  const json = readJsonSheet(workbook, UNDO_SHEET, MARKER);
  if (json === null || json === "damaged") return json;
  return undoRecordFromJson(json) ?? "damaged";
}

/** The mark ledger's JSON text kept in the workbook: null when there is none, "damaged" when it cannot be read. */
export function readMarksSheet(workbook: ComObject): string | "damaged" | null {
  return readJsonSheet(workbook, MARKS_SHEET, MARKS_MARKER);
}

export function writeMarksSheet(workbook: ComObject, json: string): void {
  writeJsonSheet(workbook, MARKS_SHEET, MARKS_MARKER, json);
}

export function clearMarksSheet(app: ComObject, workbook: ComObject): void {
  clearJsonSheet(app, workbook, MARKS_SHEET);
}

function readJsonSheet(workbook: ComObject, name: string, marker: string): string | "damaged" | null {
  const ws = findSheet(workbook, name);
  if (!ws) return null;
  const head = get<unknown>(call(ws, "Range", "A1:A2"), "Value2");
  const rows = Array.isArray(head) ? (head as unknown[][]).map((r) => r[0]) : [head];
  if (rows[0] !== marker) return rows[0] === undefined || rows[0] === null || rows[0] === "" ? null : "damaged";
  const n = Number(String(rows[1] ?? "").replace(/^~/, ""));
  if (!Number.isInteger(n) || n < 1 || n > 10_000) return "damaged";
  const body = get<unknown>(call(ws, "Range", n === 1 ? "A3" : `A3:A${n + 2}`), "Value2");
  const chunks = Array.isArray(body) ? (body as unknown[][]).map((r) => r[0]) : [body];
  if (chunks.some((c) => typeof c !== "string" || !c.startsWith("~"))) return "damaged";
  return (chunks as string[]).map((c) => c.slice(1)).join("");
}

/** Whether a record is kept in the workbook (damaged or not). */
export function hasUndoSheet(workbook: ComObject): boolean {
  const r = readUndoSheet(workbook);
  return r !== null;
}

/**
 * Stores the record, replacing any older one. Creates the sheet when needed (the active sheet stays active).
 * Throws when the workbook refuses (its structure is protected, …): the caller then keeps the record in memory.
 */
export function writeUndoSheet(workbook: ComObject, record: UndoRecord): void {
  writeJsonSheet(workbook, UNDO_SHEET, MARKER, JSON.stringify(record));
}

function writeJsonSheet(workbook: ComObject, name: string, marker: string, json: string): void {
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK) chunks.push(`~${json.slice(i, i + CHUNK)}`);
  if (chunks.length === 0) chunks.push("~");
  let ws = findSheet(workbook, name);
  if (!ws) {
    const active = get<ComObject | null>(workbook, "ActiveSheet");
    ws = call<ComObject>(getObject(workbook, "Worksheets"), "Add");
    put(ws, "Name", name);
    put(ws, "Visible", XL_SHEET_VERY_HIDDEN);
    if (active) call(active, "Activate");
  } else if (get(ws, "ProtectContents")) {
    call(ws, "Unprotect");
  }
  const used = getObject(ws, "UsedRange");
  call(used, "ClearContents");
  const rows = chunks.length + 2;
  const target = column(ws, rows);
  put(target, "NumberFormat", "@");
  put(
    target,
    "Value2",
    [marker, `~${chunks.length}`, ...chunks].map((c) => [c]),
  );
  call(ws, "Protect");
  if (Number(get(ws, "Visible")) !== XL_SHEET_VERY_HIDDEN) put(ws, "Visible", XL_SHEET_VERY_HIDDEN);
}

/**
 * Removes the record: deletes the sheet (alerts off, so no confirmation dialog blocks), or — where the workbook
 * refuses to delete it — empties it.
 */
export function clearUndoSheet(app: ComObject, workbook: ComObject): void {
  clearJsonSheet(app, workbook, UNDO_SHEET);
}

function clearJsonSheet(app: ComObject, workbook: ComObject, name: string): void {
  const ws = findSheet(workbook, name);
  if (!ws) return;
  let alerts: unknown = true;
  try {
    alerts = get(app, "DisplayAlerts");
    put(app, "DisplayAlerts", false);
  } catch {
    /* a build without DisplayAlerts: Delete may ask; the fallback below still empties the sheet */
  }
  try {
    call(ws, "Delete");
    return;
  } catch {
    if (get(ws, "ProtectContents")) call(ws, "Unprotect");
    call(getObject(ws, "UsedRange"), "ClearContents");
    call(ws, "Protect");
  } finally {
    try {
      put(app, "DisplayAlerts", alerts);
    } catch {
      /* as above */
    }
  }
}
