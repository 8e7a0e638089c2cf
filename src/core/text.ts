/**
 * Text as real tables write it: line breaks and full-width spaces inside headers and numbers,
 * full-width digits and signs, numbers stored as text.
 */
import type { CellValue } from "./snapshot";
import { memoize } from "./memo";

const FULL_WIDTH: Record<string, string> = {
  "（": "(",
  "）": ")",
  "％": "%",
  "．": ".",
  "，": ",",
  "：": ":",
  "＋": "+",
  "－": "-",
  "＜": "<",
  "＞": ">",
  "＝": "=",
  "≧": "≥",
  "≦": "≤",
  "﹦": "=",
  "﹤": "<",
  "﹥": ">",
  "═": "=",
};

/** Full-width digits, letters and signs → ASCII; keeps Chinese characters. */
const FULL_WIDTH_CHAR = /[\uff01-\uff5e≧≦﹦﹤﹥═]/g;

function toHalf(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xfee0);
  if ((code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) return String.fromCharCode(code - 0xfee0);
  return FULL_WIDTH[ch] ?? ch;
}

export function halfWidth(s: string): string {
  return s.replace(FULL_WIDTH_CHAR, toHalf);
}

/** Every kind of white space, full-width (U+3000) and no-break included. */
const SPACE = /[\s\u3000\u00a0\u200b\ufeff]+/g;

/** Removes all white space: "全  年\n\n完成值" → "全年完成值". */
export function squeeze(s: string): string {
  return s.replace(SPACE, "");
}

/** Trims and folds inner white space runs to one space (line breaks inside a sentence are dropped). */
export const tidy = memoize(tidyText);

function tidyText(s: string): string {
  return s
    .replace(/[\r\n]+/g, "")
    .replace(SPACE, " ")
    .trim();
}

/** tidy(cellText(v)): a number's or a truth value's text has no white space to tidy. */
export function tidyCellText(v: CellValue): string {
  return typeof v === "string" ? tidy(v) : cellText(v);
}

export function cellText(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}

/** True when the cell holds nothing but white space. */
const BLANK = /^[\s\u3000\u00a0\u200b\ufeff]*$/;

export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === "string" && BLANK.test(v));
}

/** Header key: no spaces, ASCII signs, parenthesised notes removed ("项目资金（万元）" → "项目资金"). */
export function headerKey(v: CellValue): string {
  if (typeof v !== "string") return cellText(v);
  return stringKey(v);
}

const stringKey = memoize((v: string) =>
  halfWidth(squeeze(v))
    .replace(/\([^()]*\)/g, "")
    .replace(/[:：]$/, ""),
);

export interface ParsedNumber {
  value: number;
  /** Decimal places of the value as a plain number (a percentage's fraction counts two more). */
  decimals: number;
  percent: boolean;
  /** True when the number came from text. */
  fromText: boolean;
}

const NUMBER_TEXT = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?(%?)$/;

/** Units a number may carry in a numeric cell: money in 万元 ("12.3万元"), points ("10分"). 元 scales to 万元. */
const NUMBER_UNIT = /(万元|万|元|分)$/;

export interface ParseNumberOptions {
  /** The cell holds money in 万元: "7100元" is 0.71. Without it, only 万元/万/分 suffixes are read. */
  money?: boolean;
}

/** The number a cell spells: 3386.925, "　3386.925", "99.15%", "10　", "1,234.5", "12.3万元", "10分". Null otherwise. */
export function parseNumber(v: CellValue, numberFormat?: string | null, opts: ParseNumberOptions = {}): ParsedNumber | null {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return null;
    const percent = !!numberFormat && numberFormat.includes("%");
    return { value: v, decimals: decimalsOf(v), percent, fromText: false };
  }
  if (typeof v !== "string") return null;
  return opts.money ? parseMoneyText(v) : parseNumberText(v);
}

/** Parsed text is shared between equal texts: treat it as read-only. */
const parseNumberText = memoize((v: string) => parseText(v, false));
const parseMoneyText = memoize((v: string) => parseText(v, true));

function parseText(v: string, money: boolean): ParsedNumber | null {
  const opts = { money };
  let s = halfWidth(squeeze(v));
  let scale = 1;
  const unit = NUMBER_UNIT.exec(s);
  if (unit && unit.index > 0) {
    if (unit[1] === "元") {
      if (!opts.money) return null;
      scale = 1e-4;
    }
    s = s.slice(0, unit.index);
  }
  const m = NUMBER_TEXT.exec(s);
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  if (unit && m[4] === "%") return null; // "10%分" is not a number
  const intPart = (m[2] ?? "0").replace(/,/g, "");
  const frac = m[3] ?? "";
  let value = Number(`${m[1]}${intPart}.${frac || "0"}`);
  // a number too large to be finite (400 digits) stays text
  if (!Number.isFinite(value)) return null;
  const percent = m[4] === "%";
  let decimals = frac.length;
  if (percent) {
    value = value / 100;
    decimals += 2;
    value = Number(value.toFixed(Math.min(decimals + 2, 15)));
  }
  if (scale !== 1) {
    decimals += 4;
    value = Number((value * scale).toFixed(Math.min(decimals, 15)));
  }
  return { value, decimals, percent, fromText: true };
}

export function decimalsOf(n: number): number {
  if (!Number.isFinite(n) || Number.isInteger(n)) return 0;
  const s = String(n);
  if (s.includes("e-")) return Number(s.split("e-")[1]) + (s.split("e-")[0].split(".")[1]?.length ?? 0);
  return s.split(".")[1]?.length ?? 0;
}

/** ROUND(x, 2) as spreadsheets do it: half away from zero on the decimal value. */
export function round2(x: number): number {
  return roundTo(x, 2);
}

export function roundTo(x: number, places: number): number {
  const f = 10 ** places;
  // a relative nudge of a few ulps makes 1.005 round up, as the decimal value it stands for does
  return (Math.sign(x) * Math.round(Math.abs(x) * f * (1 + 4 * Number.EPSILON))) / f;
}

/** Numbers equal within a tolerance. */
export function near(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol + 1e-9;
}

/**
 * Characters XML 1.0 cannot hold: C0 controls but tab, line feed and carriage return; U+FFFE and U+FFFF; half of a
 * surrogate pair without its other half.
 */
const XML_FORBIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text an XML document may hold: the characters XML 1.0 forbids removed. */
export function xmlText(s: string): string {
  return s.replace(XML_FORBIDDEN, "");
}

/**
 * A copy of plain data (strings, arrays, plain objects; anything else kept as it is) with every string fit for XML,
 * and how many characters were removed — a document written from it parses, and the caller can say what was left out.
 */
export function withoutXmlForbidden<T>(value: T): { value: T; removed: number } {
  let removed = 0;
  const clean = (v: unknown): unknown => {
    if (typeof v === "string") {
      const s = xmlText(v);
      removed += v.length - s.length;
      return s;
    }
    if (Array.isArray(v)) return v.map(clean);
    if (v !== null && typeof v === "object") {
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null) return v;
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = clean(x);
      return out;
    }
    return v;
  };
  const out = clean(value) as T;
  return { value: out, removed };
}
