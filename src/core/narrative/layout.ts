/**
 * Where a person breaks a report's title, and how the 落款 writes a date. Pure.
 */
import { say } from "./words";

/** Printed width of a string in CJK characters: a Latin letter or a digit is half of one. */
export function printedWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u0000-\u00ff]/.test(ch) ? 0.5 : 1;
  return w;
}

/**
 * Characters per title line: 二号 (22 pt) 方正小标宋 on an A4 page with the 公文 margins (156 mm of text) holds 20 and a
 * bit; 20 leaves room for the writer's own rounding.
 */
export const TITLE_LINE_WIDTH = 20;

/** Positions (string indices) where a title may break: between its subject, its year and its kind of report. */
function semanticBreaks(title: string): number[] {
  const at = new Set<number>();
  const before = [/(?:19|20)\d{2}\s*年/g, /部门整体支出绩效/g, /项目支出绩效/g, /绩效自评/g, /绩效评价/g];
  for (const re of before) for (const m of title.matchAll(re)) if (m.index) at.add(m.index);
  const after = [/项目/g, /[局厅委办院校站所]/g, /中心/g, /[）)]/g];
  for (const re of after) for (const m of title.matchAll(re)) at.add(m.index! + m[0].length);
  return [...at].filter((i) => i > 0 && i < title.length).sort((a, b) => a - b);
}

/** True when a break at i would split a number, a bracket or leave a line of one character. */
function badBreak(title: string, i: number): boolean {
  const a = title[i - 1] ?? "";
  const b = title[i] ?? "";
  if (/\d/.test(a) && /[\d.]/.test(b)) return true;
  if (/[（(“‘《]/.test(a) || /[）)”’》，、。；：]/.test(b)) return true;
  const open = (title.slice(0, i).match(/[（(]/g) ?? []).length;
  const close = (title.slice(0, i).match(/[）)]/g) ?? []).length;
  if (open > close) return true;
  return [...title.slice(0, i)].length < 2 || [...title.slice(i)].length < 2;
}

/**
 * The title in lines of at most `width`: whole when it fits; else broken at the boundary between its subject, its
 * year and its kind of report that gives the most even lines; a line still too long is broken where it balances
 * best without splitting a number or a bracket. No line is a single character.
 */
export function breakTitle(title: string, width = TITLE_LINE_WIDTH): string[] {
  const t = title.trim();
  if (printedWidth(t) <= width) return [t];
  let best: { i: number; cost: number } | null = null;
  for (const i of semanticBreaks(t)) {
    if (badBreak(t, i)) continue;
    const w1 = printedWidth(t.slice(0, i));
    const w2 = printedWidth(t.slice(i));
    const over = Math.max(0, w1 - width) + Math.max(0, w2 - width);
    // a line over the width costs most; then uneven lines; a short first line over a long second one a little more
    const cost = over * 100 + Math.abs(w1 - w2) + (w1 < w2 ? 0.5 : 0);
    if (!best || cost < best.cost) best = { i, cost };
  }
  const split = (s: string): string[] => {
    if (printedWidth(s) <= width) return [s];
    const chars = [...s];
    const total = printedWidth(s);
    const lines = Math.ceil(total / width);
    const target = total / lines;
    let pick = -1;
    let pickCost = Infinity;
    for (let k = 2; k <= chars.length - 2; k++) {
      const head = chars.slice(0, k).join("");
      const i = head.length;
      if (badBreak(s, i)) continue;
      const w1 = printedWidth(head);
      if (w1 > width) break;
      const cost = Math.abs(w1 - target);
      if (cost < pickCost) {
        pick = i;
        pickCost = cost;
      }
    }
    if (pick < 0) return [s];
    return [s.slice(0, pick), ...split(s.slice(pick))];
  };
  if (best) return [...split(t.slice(0, best.i)), ...split(t.slice(best.i))];
  return split(t);
}

/** A date as a 公文 writes it under the signature (GB/T 9704—2012 7.3.5.1): 2021年4月30日, no leading zeros. */
export function chineseDate(d: { year: number; month: number; day: number }): string {
  return say("report.date", { year: String(d.year), month: String(d.month), day: String(d.day) });
}

/** The calendar date of an ISO time as it reads in China (UTC+8), for the 落款. */
export function dateInChina(iso: string): { year: number; month: number; day: number } | null {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms + 8 * 3600_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
