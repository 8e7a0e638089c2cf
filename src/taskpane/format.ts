/**
 * How the pane writes cell contents: as a person would read them in the table (numbers through core/numbers.ts, the
 * one formatter the CLI and the report use too).
 */
import type { CellValue } from "../core/snapshot";
import { formatNumber, formatRate } from "../core/numbers";
import type { CellChange, CellContent } from "../core/plan";
import { translator, type Lang, type Translate } from "../core/messages";

/** A cell value as text, making invisible characters visible (full-width spaces, line breaks). */
export function fmtValue(v: CellValue | undefined, lang: Lang, say: Translate = translator(lang)): string {
  if (v === null || v === undefined || v === "") return say("emptyValue");
  if (typeof v === "number") return formatNumber(v, 6);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  const shown = v.replace(/\u3000/g, "␣").replace(/\r?\n/g, "↵");
  return typeof v === "string" && /^[\s␣↵]*-?[\d.]+%?[\s␣↵]*$/.test(shown) ? `"${shown}"` : shown;
}

/** What a cell holds now, for the preview's "before". */
export function fmtBefore(c: CellContent, lang: Lang, say: Translate = translator(lang)): string {
  return c.formula ? c.formula : fmtValue(c.value, lang, say);
}

/** What the fill writes, for the preview's "after". */
export function fmtAfter(change: CellChange, lang: Lang, say: Translate = translator(lang)): string {
  const a = change.after;
  let s = a.formula ?? (a.value !== undefined ? fmtValue(a.value, lang, say) : fmtBefore(change.before, lang, say));
  if (a.numberFormat && a.numberFormat !== change.before.numberFormat) {
    s += say("withFormat", { format: a.numberFormat });
  }
  return s;
}

/** The value the cell will show after the fill (`value`, computed from the chosen changes, else the engine's). */
export function fmtExpected(change: CellChange, value?: CellValue): string | null {
  const e = value !== undefined && typeof value !== "boolean" ? (value === "" ? null : value) : change.expected;
  if (e === null || e === undefined) return null;
  if (typeof e === "string") return e;
  const fmt = change.after.numberFormat ?? change.before.numberFormat ?? "";
  return fmt.includes("%") ? formatRate(e) : formatNumber(e, 4);
}

/** "附件3-1!G6" — quoted like Excel when the sheet name needs it. */
export function cellRef(sheet: string, cell: string | null): string {
  if (!cell) return sheet;
  const quoted = /^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${cell}`;
}

export function fmtTime(ms: number, lang: Lang): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return lang === "zh" ? `${date} ${time}` : `${date} ${time}`;
}
