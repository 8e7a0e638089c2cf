/**
 * A shared formula's text moved to another cell: relative references shift, absolute ($) ones stay, text in quotes
 * and quoted sheet names are left alone. Used to read the cells of a shared-formula group (only the first cell of
 * the group holds the text) and to hand the group's text on when its first cell is overwritten.
 */
import { colLetters, colNumber } from "./cellRef";

const TOKEN =
  /("(?:[^"]|"")*")|('(?:[^']|'')*'!)|(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])|(\$?)([A-Z]{1,3}):(\$?)([A-Z]{1,3})(?![A-Za-z0-9_(])|(\$?)(\d+):(\$?)(\d+)(?![A-Za-z0-9_(])/g;

const MAX_ROW = 1048576;
const MAX_COL = 16384;

function shiftRow(abs: string, row: number, dr: number): string {
  if (abs) return `$${row}`;
  const r = row + dr;
  return r >= 1 && r <= MAX_ROW ? String(r) : "#REF!";
}

function shiftCol(abs: string, letters: string, dc: number): string {
  if (abs) return `$${letters}`;
  const c = colNumber(letters) + dc;
  return c >= 1 && c <= MAX_COL ? colLetters(c) : "#REF!";
}

/** The formula text as it reads `dr` rows and `dc` columns away (no leading "="). */
export function shiftFormula(text: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return text;
  return text.replace(
    TOKEN,
    (m: string, str?: string, sheet?: string, ca?: string, cl?: string, ra?: string, rn?: string, ...rest: unknown[]) => {
      if (str || sheet) return m;
      const offset = rest[8] as number;
      const input = rest[9] as string;
      const prev = offset > 0 ? input[offset - 1] : "";
      if (/[A-Za-z0-9_.]/.test(prev)) return m; // part of a longer name (a function, a defined name)
      if (cl !== undefined && rn !== undefined) {
        const col = shiftCol(ca ?? "", cl, dc);
        const row = shiftRow(ra ?? "", Number(rn), dr);
        return col === "#REF!" || row === "#REF!" ? "#REF!" : col + row;
      }
      const [a1, l1, a2, l2, b1, n1, b2, n2] = rest.slice(0, 8) as (string | undefined)[];
      if (l1 !== undefined && l2 !== undefined) return `${shiftCol(a1 ?? "", l1, dc)}:${shiftCol(a2 ?? "", l2, dc)}`;
      if (n1 !== undefined && n2 !== undefined) return `${shiftRow(b1 ?? "", Number(n1), dr)}:${shiftRow(b2 ?? "", Number(n2), dr)}`;
      return m;
    },
  );
}
