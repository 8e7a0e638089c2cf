/**
 * The date a table was filled in (填报日期), where its header or footer lines say it: "填报日期：2021年3月5日",
 * "填表日期: 2021-03-05", "日期：2021.3.5", or a label cell with the date in a cell to its right (text, or a
 * spreadsheet date serial). The report's 落款 is dated with it. Pure.
 */
import { a1 } from "../address";
import type { FilledOn } from "../model";
import { halfWidth } from "../text";
import type { IndexedCell, SheetIndex } from "./sheetIndex";

/** 填报日期 anywhere in a line ("填表人：张三 填报日期：…"); a bare 日期 only as the line's (or a part's) first word. */
const LABEL = /(?:填报|填表|报送|编制)日期|(?:^|\s)日期/;

function valid(year: number, month: number, day: number): { year: number; month: number; day: number } | null {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last ? { year, month, day } : null;
}

/** A date written in text: 2021年3月5日, 2021-03-05, 2021/3/5, 2021.3.5 (full-width digits already folded). */
export function parseDateText(text: string): { year: number; month: number; day: number } | null {
  const m = /((?:19|20)\d{2})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})\s*日?/.exec(text);
  return m ? valid(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** A spreadsheet date serial (1900 system: day 1 = 1900-01-01, with its phantom 1900-02-29). */
function serialDate(n: number): { year: number; month: number; day: number } | null {
  if (!Number.isInteger(n) || n < 32874 || n > 73051) return null; // 1990 … 2099
  const d = new Date(Date.UTC(1899, 11, 30) + n * 86_400_000);
  return valid(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function fromCell(c: IndexedCell): { year: number; month: number; day: number } | null {
  if (typeof c.raw === "number") return serialDate(c.raw);
  return parseDateText(halfWidth(c.text));
}

/** The first 填报日期 in rows from…to (the table's title lines down to just under its last row), or null. */
export function readFilledOn(idx: SheetIndex, from: number, to: number): FilledOn | null {
  const rows = idx.rowsIn(from, to);
  for (let j = 0; j < rows.length; j++) {
    const cells = idx.row(rows[j]);
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      // every label has 日期 (CJK, untouched by halfWidth): the cheap test first, since this runs over every cell; only
      // text can say it (a number's or a truth value's text has no CJK)
      if (typeof c.raw !== "string" || !c.text.includes("日期")) continue;
      const text = halfWidth(c.text);
      const label = LABEL.exec(text);
      if (!label) continue;
      // the date in the label's own cell, after the label …
      const inCell = parseDateText(text.slice(label.index + label[0].length));
      if (inCell) return { ...inCell, cell: a1(c.row, c.col) };
      // … or in the next filled cell to its right
      const next = cells[i + 1];
      const right = next && next.col <= idx.rightOf(c) + 2 ? fromCell(next) : null;
      if (right) return { ...right, cell: a1(next.row, next.col) };
    }
  }
  return null;
}
