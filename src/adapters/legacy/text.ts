/**
 * Text files' bytes → text, and text cells → values, for the HTML-table and CSV readers. Encodings: a BOM (UTF-8,
 * UTF-16), a declared charset (HTML's meta), else UTF-8 when the bytes are valid UTF-8, else GBK (GB18030, what
 * Chinese Windows and WPS save "ANSI" text in). TextDecoder knows GB18030 in Node (full ICU) and every browser.
 */
import { LIMITS, limitError } from "../xlsx/limits";
import type { CellValue } from "../../core/snapshot";

function decoder(label: string, fatal = false): { decode(b: Uint8Array): string } | null {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return null;
  }
}

/** The charset an HTML document declares in its first 2 KB (`<meta charset=…>` or `content="…; charset=…"`). */
function declaredCharset(b: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(b.subarray(0, Math.min(b.length, 2048)));
  const m = /<meta[^>]*charset\s*=\s*["']?([A-Za-z0-9_-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

/** Decodes a text file; `where` names it in the limit message. */
export function decodeText(b: Uint8Array, html: boolean, where: string): string {
  if (b.length > LIMITS.partBytes) throw limitError("partBytes", where);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder("utf-8").decode(b.subarray(3));
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder("utf-16le").decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder("utf-16be").decode(b.subarray(2));
  const declared = html ? declaredCharset(b) : null;
  if (declared && !/^utf-?8$/.test(declared)) {
    const d = decoder(declared);
    if (d) return d.decode(b);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(b);
  } catch {
    return (decoder("gb18030") ?? new TextDecoder("utf-8")).decode(b);
  }
}

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const PLAIN_PERCENT = /^[+-]?(?:\d+\.?(\d*)|\.(\d+))%$/;

/**
 * A text cell of a file that carries no types (CSV, an HTML table without type marks) as a spreadsheet opens it: a
 * plain number becomes a number and "99.15%" a percentage; anything else — a number with spaces, full-width signs,
 * units or separators — stays text (so NUMBER_AS_TEXT still sees it).
 */
export function untypedValue(text: string): { value: CellValue; numberFormat: string | null } {
  if (text === "") return { value: null, numberFormat: null };
  if (PLAIN_NUMBER.test(text)) {
    const n = Number(text);
    if (Number.isFinite(n)) return { value: n, numberFormat: null };
  }
  const p = PLAIN_PERCENT.exec(text);
  if (p) {
    const n = Number(text.slice(0, -1)) / 100;
    if (Number.isFinite(n)) return { value: n, numberFormat: (p[1] ?? p[2] ?? "") === "" ? "0%" : "0.00%" };
  }
  return { value: text, numberFormat: null };
}

/** Excel's bounds: a cell past them does not exist on any sheet. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export function checkText(text: string, where: string): void {
  if (text.length > LIMITS.stringChars) throw limitError("stringChars", where);
}
