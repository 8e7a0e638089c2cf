/**
 * A CSV (or tab-separated) text → one sheet snapshot. Quoted fields may hold separators, quotes ("") and line breaks
 * (RFC 4180). The separator is the one of comma, tab and semicolon the first line holds most of. Values are read as a
 * spreadsheet opens a CSV (text.ts untypedValue). One pass, bounded in cells and in a cell's length.
 */
import type { SnapshotCell, SparseSheetSnapshot } from "../../core/snapshot";
import { userError } from "../../core/messages";
import { LIMITS, limitError } from "../xlsx/limits";
import { checkText, MAX_COLS, MAX_ROWS, untypedValue } from "./text";

function separatorOf(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.indexOf("\n")) || Math.min(text.length, 4096));
  let best = ",";
  let most = 0;
  for (const sep of [",", "\t", ";"]) {
    const n = firstLine.split(sep).length - 1;
    if (n > most) {
      most = n;
      best = sep;
    }
  }
  return best;
}

export function readCsv(text: string, name: string, where: string): SparseSheetSnapshot {
  const sep = separatorOf(text);
  const cells: SnapshotCell[] = [];
  let row = 1;
  let col = 1;
  let field = "";
  let i = 0;
  const n = text.length;
  const push = () => {
    checkText(field, where);
    // quoted or not, a field is read as a spreadsheet reads it ("12" is a number there too)
    const v = untypedValue(field);
    if (v.value !== null) {
      if (cells.length >= LIMITS.cells) throw limitError("cells", where);
      if (col > MAX_COLS || row > MAX_ROWS) throw userError("legacy-html-range", { where });
      cells.push({ row, col, value: v.value, formula: null, numberFormat: v.numberFormat });
    }
    field = "";
  };
  while (i < n) {
    const ch = text[i];
    if (ch === '"' && field === "") {
      // a quoted field: up to the closing quote ("" is a quote)
      let j = i + 1;
      let out = "";
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          out += text.slice(j);
          j = n;
          break;
        }
        out += text.slice(j, q);
        if (text[q + 1] === '"') {
          out += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
        if (out.length > LIMITS.stringChars) checkText(out, where);
      }
      field = out;
      i = j;
      continue;
    }
    if (ch === sep) {
      push();
      col++;
      i++;
    } else if (ch === "\n" || ch === "\r") {
      push();
      row++;
      col = 1;
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      field += ch;
      if (field.length > LIMITS.stringChars) checkText(field, where);
      i++;
    }
  }
  if (field !== "" || col > 1) push();
  return { name, cells, merges: [] };
}
