/** Sheet-qualified A1 addresses as Excel and ET return them ("'附件3-1'!A5:A9", "Sheet1!$B$2", "Sheet1!3:4") → MergedArea. */
import type { MergedArea } from "../../core/snapshot";
import { columnNumber } from "../../core/address";
import { userError } from "../../core/messages";

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

/** Drops the sheet part: everything up to the last "!" (an A1 reference never holds one; a sheet name may). */
export function stripSheet(address: string): string {
  const bang = address.lastIndexOf("!");
  return (bang >= 0 ? address.slice(bang + 1) : address).trim();
}

/** The sheet part, unquoted ("'It''s'!A1" → "It's"), or null when the address has none. */
export function sheetOf(address: string): string | null {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return null;
  const s = address.slice(0, bang).trim();
  return s.startsWith("'") && s.endsWith("'") && s.length >= 2 ? s.slice(1, -1).replace(/''/g, "'") : s;
}

/** One rectangle (1-based, inclusive); null when the text is not an A1 rectangle. */
export function parseArea(address: string): MergedArea | null {
  const ref = stripSheet(address).replace(/\$/g, "").toUpperCase();
  const parts = ref.split(":");
  if (parts.length < 1 || parts.length > 2) return null;
  type End = { row: number; col: number; kind: "cell" | "col" | "row" };
  const ends: (End | null)[] = parts.map((p) => {
    let m = /^([A-Z]{1,3})(\d{1,7})$/.exec(p);
    if (m) return { row: Number(m[2]), col: columnNumber(m[1]), kind: "cell" };
    m = /^([A-Z]{1,3})$/.exec(p);
    if (m) return { row: 0, col: columnNumber(m[1]), kind: "col" };
    m = /^(\d{1,7})$/.exec(p);
    if (m) return { row: Number(m[1]), col: 0, kind: "row" };
    return null;
  });
  const a = ends[0];
  const b = ends[1] ?? ends[0];
  if (!a || !b || a.kind !== b.kind) return null;
  let area: MergedArea;
  if (a.kind === "col") area = { top: 1, bottom: MAX_ROWS, left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
  else if (a.kind === "row") area = { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: 1, right: MAX_COLS };
  else area = { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
  if (area.top < 1 || area.left < 1 || area.bottom > MAX_ROWS || area.right > MAX_COLS) return null;
  return area;
}

/** A single-cell A1 address without a sheet ("F6", "$F$6"), normalised to "F6"; null otherwise. */
export function normalizeCell(address: string): string | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  const col = columnNumber(m[1]);
  const row = Number(m[2]);
  if (row < 1 || row > MAX_ROWS || col < 1 || col > MAX_COLS) return null;
  return `${m[1].toUpperCase()}${row}`;
}

/** The cell or range to select ("F6", "$A$1:$B$2", "Sheet1!C3"), without sheet and dollars; a bad address is refused. */
export function selectionAddress(address: string): string {
  const cell = normalizeCell(address) ?? (parseArea(address) ? address.replace(/^.*!/, "").replace(/\$/g, "").toUpperCase() : null);
  if (!cell) throw userError("bad-address", { address });
  return cell;
}
