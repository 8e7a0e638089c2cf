/**
 * HTML tables → sheet snapshots: the ".xls" many systems export (an HTML page holding a table), .htm/.html, and what
 * LibreOffice and Excel write as "HTML". One top-level <table> is one sheet; rowspan/colspan are merges placed as a
 * browser places them. Types: where the file marks them (LibreOffice `sdval`/`sdnum`, Excel `x:num`/`x:str` and
 * `mso-number-format`, SheetJS `data-t`/`data-v`/`data-z`) a cell without a number mark is text, as it was in the
 * sheet; a file with no marks at all is read as a spreadsheet opens it (text.ts untypedValue).
 *
 * A single forward scan, in time linear in the text: no regular expression runs over the document, the cell count is
 * bounded (limits.ts) and a span cannot push a cell past Excel's last row or column.
 */
import type { MergedArea, SnapshotCell, SparseSheetSnapshot } from "../../core/snapshot";
import { userError } from "../../core/messages";
import { LIMITS, limitError } from "../xlsx/limits";
import { checkText, MAX_COLS, MAX_ROWS, untypedValue } from "./text";

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  ensp: "\u2002",
  emsp: "\u2003",
};

function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (all, e: string) => {
    if (e[0] === "#") {
      const n = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : all;
    }
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

/** A tag's attributes (names lower-cased, values entity-decoded). */
function attributes(src: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (let m = re.exec(src); m; m = re.exec(src)) out.set(m[1].toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ""));
  return out;
}

const NO_ATTRIBUTES = new Map<string, string>();

/** The ">" that ends a tag: not one inside a quoted attribute value (data-v="a<br/>b"); a quote left open ends at the first ">". */
function tagEnd(text: string, from: number): number {
  const n = text.length;
  for (let i = from; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 62 /* > */) return i;
    if (ch !== 61 /* = */) continue;
    let j = i + 1;
    while (j < n && (text[j] === " " || text[j] === "\t" || text[j] === "\n" || text[j] === "\r")) j++;
    const q = text[j];
    if (q !== '"' && q !== "'") continue;
    const close = text.indexOf(q, j + 1);
    if (close < 0 || close - j > 65_536) return text.indexOf(">", i);
    i = close;
  }
  return -1;
}

/** Elements whose content is never a cell's text. */
const SKIP = new Set(["script", "style", "head", "title", "comment", "template", "xml"]);

/** Column steps spent placing cells beside row spans, at most (a few seconds' work). */
const MAX_STEPS = 20 * LIMITS.cells;

interface OpenCell {
  row: number;
  col: number;
  text: string;
  attrs: Map<string, string>;
}

/** The number format a cell's marks give, or null (General). */
function markedFormat(attrs: Map<string, string>): string | null {
  const sdnum = attrs.get("sdnum");
  if (sdnum !== undefined) {
    const parts = sdnum.split(";");
    const code = parts.slice(2).join(";");
    return code === "" || code === "General" || code === "@" ? null : code;
  }
  const z = attrs.get("data-z");
  if (z) return z === "General" ? null : z;
  const style = attrs.get("style");
  const m = style ? /mso-number-format\s*:\s*(?:"([^"]*)"|'([^']*)'|([^;]+))/i.exec(style) : null;
  if (m) {
    const code = (m[1] ?? m[2] ?? m[3]).trim().replace(/\\(.)/g, "$1");
    return code === "General" || code === "@" ? null : code;
  }
  return null;
}

/** True when the document marks its cells' types somewhere (then an unmarked cell is text). */
function hasTypeMarks(text: string): boolean {
  return /\ssdval\s*=|\sx:num\b|\sdata-t\s*=/i.test(text.slice(0, 4 * 1024 * 1024));
}

function sheetName(text: string, index: number): string {
  const m = index === 0 ? /<x:Name>([^<]{1,31})<\/x:Name>/i.exec(text.slice(0, 64 * 1024)) : null;
  // a sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]
  const name = m
    ? decodeEntities(m[1])
        .replace(/[:\\/?*[\]]/g, "")
        .trim()
    : "";
  return name || `Sheet${index + 1}`;
}

/** Every top-level table of an HTML document as a sheet (no table: none). */
/** How many cells the page declares (`<td`, `<th`), counted before anything is parsed; stops past the bound. */
function declaredCells(text: string): number {
  let n = 0;
  for (let i = text.indexOf("<t"); i >= 0 && n <= LIMITS.cells; i = text.indexOf("<t", i + 2)) {
    const c = text.charCodeAt(i + 2) | 0x20;
    if ((c === 100 /* d */ || c === 104) /* h */ && !/[a-z]/i.test(text[i + 3] ?? "")) n++;
  }
  return n;
}

export function readHtmlTables(text: string, where: string): SparseSheetSnapshot[] {
  if (declaredCells(text) > LIMITS.cells) throw limitError("cells", where);
  const typed = hasTypeMarks(text);
  const sheets: SparseSheetSnapshot[] = [];
  let cells: SnapshotCell[] = [];
  let merges: MergedArea[] = [];
  let busyUntil: Int32Array | null = null; // per column: the last row a rowspan above covers
  let tableDepth = 0;
  let row = 0;
  let nextCol = 1;
  let cell: OpenCell | null = null;
  let total = 0;
  let steps = 0;
  let skipUntil: string | null = null;

  const finishCell = () => {
    if (!cell) return;
    const c = cell;
    cell = null;
    let text = c.text;
    if (/[\s\u0001]/.test(text)) {
      const raw = text.replace(/[ \t\r\n\f]+/g, " ").replace(/\u0001/g, "\n");
      const shown = raw.replace(/^ +| +$/g, "").replace(/ ?\n ?/g, "\n");
      text = /^\n*$/.test(shown) ? "" : shown.replace(/\n+$/, "");
    }
    checkText(text, where);
    const fmla = c.attrs.get("x:fmla");
    const formula = fmla && fmla.startsWith("=") ? fmla : null;
    let value: SnapshotCell["value"];
    let numberFormat = markedFormat(c.attrs);
    const sdval = c.attrs.get("sdval") ?? (c.attrs.get("data-t") === "n" ? c.attrs.get("data-v") : undefined);
    const xnum = c.attrs.get("x:num");
    if (sdval !== undefined && sdval !== "" && Number.isFinite(Number(sdval))) value = Number(sdval);
    else if (xnum !== undefined && Number.isFinite(Number(xnum === "" ? text : xnum))) value = Number(xnum === "" ? text : xnum);
    else if (c.attrs.get("data-t") === "b") value = c.attrs.get("data-v") === "1" || /^true$/i.test(text);
    else if (typed || c.attrs.has("x:str")) value = text === "" ? null : text;
    else {
      const u = untypedValue(text);
      value = u.value;
      numberFormat = numberFormat ?? u.numberFormat;
    }
    if (value === null && !formula) return;
    if (++total > LIMITS.cells) throw limitError("cells", where);
    cells.push({ row: c.row, col: c.col, value, formula, numberFormat });
  };

  const openCell = (attrs: Map<string, string>) => {
    finishCell();
    if (row === 0) row = 1; // a cell outside any <tr>: the first row
    if (!busyUntil) busyUntil = new Int32Array(MAX_COLS + 2);
    let col = nextCol;
    while (col <= MAX_COLS && busyUntil[col] >= row) col++;
    // placing cells around row spans costs steps, not cells: bounded too (a hostile page of spans is not a table)
    steps += col - nextCol;
    const span = (name: string, max: number) => {
      const n = parseInt(attrs.get(name) ?? "1", 10);
      return Number.isFinite(n) && n > 1 ? Math.min(n, max) : 1;
    };
    const cs = span("colspan", 1000);
    const rs = span("rowspan", 65534);
    if (col + cs - 1 > MAX_COLS || row + rs - 1 > MAX_ROWS) throw userError("legacy-html-range", { where });
    if (++total > LIMITS.cells) throw limitError("cells", where);
    if (rs > 1) {
      for (let c = col; c < col + cs; c++) busyUntil[c] = Math.max(busyUntil[c], row + rs - 1);
      steps += cs;
    }
    if (steps > MAX_STEPS) throw limitError("cells", where);
    if (cs > 1 || rs > 1) merges.push({ top: row, left: col, bottom: row + rs - 1, right: col + cs - 1 });
    nextCol = col + cs;
    cell = { row, col, text: "", attrs };
  };

  const endTable = () => {
    finishCell();
    if (cells.length > 0 || merges.length > 0) sheets.push({ name: sheetName(text, sheets.length), cells, merges });
    cells = [];
    merges = [];
    busyUntil = null;
    row = 0;
    nextCol = 1;
  };

  let i = 0;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf("<", i);
    const end = lt < 0 ? n : lt;
    if (cell && end > i && !skipUntil) {
      (cell as OpenCell).text += decodeEntities(text.slice(i, end));
      if ((cell as OpenCell).text.length > LIMITS.stringChars * 4) checkText((cell as OpenCell).text.trim(), where);
    }
    if (lt < 0) break;
    if (text.startsWith("<!--", lt)) {
      const close = text.indexOf("-->", lt + 4);
      i = close < 0 ? n : close + 3;
      continue;
    }
    const gt = tagEnd(text, lt + 1);
    if (gt < 0) break;
    i = gt + 1;
    const inner = text.slice(lt + 1, gt);
    const closing = inner.startsWith("/");
    const nameMatch = /^\/?([a-zA-Z][a-zA-Z0-9:-]*)/.exec(inner);
    if (!nameMatch) {
      if (cell && !skipUntil) (cell as OpenCell).text += "<";
      i = lt + 1;
      continue;
    }
    const name = nameMatch[1].toLowerCase();
    if (skipUntil) {
      if (closing && name === skipUntil) skipUntil = null;
      continue;
    }
    if (!closing && SKIP.has(name) && !inner.endsWith("/")) {
      skipUntil = name;
      continue;
    }
    if (name === "table") {
      if (closing) {
        if (tableDepth === 1) endTable();
        tableDepth = Math.max(0, tableDepth - 1);
      } else {
        if (tableDepth === 0) endTable();
        tableDepth++;
      }
      continue;
    }
    if (tableDepth > 1) {
      if (cell && (name === "br" || name === "tr" || name === "p")) (cell as OpenCell).text += "\u0001";
      else if (cell && (name === "td" || name === "th") && !closing) (cell as OpenCell).text += " ";
      continue;
    }
    if (name === "tr" && !closing) {
      finishCell();
      row++;
      if (row > MAX_ROWS) throw userError("legacy-html-range", { where });
      nextCol = 1;
    } else if ((name === "td" || name === "th") && !closing) {
      if (tableDepth === 0) continue;
      openCell(inner.length === nameMatch[0].length ? NO_ATTRIBUTES : attributes(inner.slice(nameMatch[0].length)));
    } else if ((name === "td" || name === "th" || name === "tr") && closing) {
      finishCell();
    } else if (cell && (name === "br" || (closing && (name === "p" || name === "div")))) {
      (cell as OpenCell).text += "\u0001";
    }
  }
  endTable();
  return sheets;
}
