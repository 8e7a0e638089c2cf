/** Text formatting for the terminal: display width of CJK text, padding, numbers and cell contents. */
import type { CellValue } from "../core/snapshot";
import { formatNumber } from "../core/numbers";

/** Columns a string takes in a terminal (CJK and full-width characters take two). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 0x200b || (c >= 0x300 && c <= 0x36f)) continue;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0x303e) ||
      (c >= 0x3040 && c <= 0x33ff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xa000 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

export function pad(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}

/** A cell's content for display: a formula, a number, or text in quotes (so leading spaces show). */
export function showContent(value: CellValue | undefined, formula?: string | null): string {
  if (formula) return formula;
  if (value === null || value === undefined) return "（空）";
  if (typeof value === "number") return formatNumber(value, 6);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return JSON.stringify(value.replace(/\u3000/g, "\u3000"));
}

/** One line: inner line breaks folded into spaces. */
export function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, " ").trim();
}
