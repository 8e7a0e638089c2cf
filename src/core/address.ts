/** A1 addresses ↔ 1-based row/column numbers. */

const COLUMN_NAMES: string[] = [];

export function columnName(col: number): string {
  const cached = COLUMN_NAMES[col];
  if (cached !== undefined) return cached;
  const name = computeColumnName(col);
  if (col < 1024) COLUMN_NAMES[col] = name;
  return name;
}

function computeColumnName(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, col: number): string {
  return `${columnName(col)}${row}`;
}

/** Parsed addresses, shared between equal addresses (a check parses each cell's address many times): read-only. */
const PARSED = new Map<string, { readonly row: number; readonly col: number }>();

export function parseA1(address: string): { row: number; col: number } {
  const known = PARSED.get(address);
  if (known) return { row: known.row, col: known.col };
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`not an A1 address: ${address}`);
  const at = { row: Number(m[2]), col: columnNumber(m[1]) };
  if (PARSED.size >= 20000) PARSED.clear();
  PARSED.set(address, at);
  return { row: at.row, col: at.col };
}

/** "A1:C3" for a rectangle, or the single address when it is one cell. */
export function rangeA1(top: number, left: number, bottom: number, right: number): string {
  const start = a1(top, left);
  const end = a1(bottom, right);
  return start === end ? start : `${start}:${end}`;
}
