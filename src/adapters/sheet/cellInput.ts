/**
 * What a cell holds, as both object models read and write it: the constant to type so a cell ends up holding exactly
 * a value (the Text-cell rule, the leading apostrophe), and what a read's values, formulas and number formats mean.
 */
import type { CellValue } from "../../core/snapshot";
import { userError } from "../../core/messages";

/** Cell text Excel or ET would turn into something else when typed (a number, date, time, boolean, formula, error). */
function mightBeParsed(s: string): boolean {
  const t = s.trim();
  if (t === "") return s !== "";
  if (/^[=+\-@'#]/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  // numbers, percentages, fractions, currencies, dates and times (also 2020年1月1日, 1月1日, 上午 9:00)
  if (/^[\d０-９\s.,:/%$¥￥€£()+\-eE年月日时分秒点上下午AaPpMm]+$/.test(t) && /[\d０-９]/.test(t)) return true;
  // English month names ("Jan 1", "1-Mar")
  if (/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/i.test(t) && /\d/.test(t) && t.length <= 20) return true;
  return false;
}

/** What to type (Office.js `range.formulas`, ET `Range.Formula`) so the cell ends up holding exactly `value` as a constant. */
export function constantInput(value: CellValue, numberFormat: string | null): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw userError("bad-plan-number");
    return value;
  }
  if (typeof value === "boolean") return value;
  if (numberFormat === "@") return value; // a Text cell keeps what is typed
  // A leading apostrophe keeps the text as text (it is not part of the value).
  return mightBeParsed(value) ? `'${value}` : value;
}

/** A value as read (values / Value2) → the snapshot's CellValue: empty is null, a non-finite number is nothing. */
export function toCellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** A formula as read, or null for a constant (a text constant that starts with "=" reads back the same as its value). */
export function toFormula(f: unknown, v: unknown): string | null {
  if (typeof f !== "string" || f.length < 2 || !f.startsWith("=")) return null;
  if (typeof v === "string" && v === f) return null;
  return f;
}

export function toFormat(n: unknown): string | null {
  return typeof n === "string" ? n : null;
}
