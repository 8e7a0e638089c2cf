/**
 * A worksheet part edited in place: the cells named are replaced (or inserted in row and column order where the
 * sheet has none), every other byte of the part stays as written. Also tells whether the sheet is protected, however
 * the protection is written (sheet="1" or "true", a legacy password hash or an SHA-512 one), and which format a cell
 * without a `<c>` of its own shows (its row's, else its column's).
 */
import { attributesOf, removeAttribute, setAttribute, XmlScanner } from "./xml";
import { colNumber, parseRef, refOf } from "./cellRef";

interface RowSpan {
  row: number;
  /** Offsets of the row's start tag and of the end of the element (after `</row>` or `/>`). */
  start: number;
  tagEnd: number;
  end: number;
  selfClosing: boolean;
  hasR: boolean;
  /** The row's qualified name ("x:row") and where its end tag starts (tagEnd when self-closing). */
  name: string;
  closeStart: number;
}

export interface CellSpan {
  col: number;
  start: number;
  end: number;
  /** The whole element as written. */
  xml: string;
  /** Its start tag as written (a `>` inside a quoted value does not end it). */
  head: string;
}

const truthy = (v: string | undefined) => v === "1" || v === "true" || v === "on";

/** A row or cell number the format allows. */
const validRow = (n: number) => Number.isInteger(n) && n >= 1 && n <= 1_048_576;

/** A row of the sheet as read for putting the rows in order (SheetXml.normalized). */
interface LooseRow {
  row: number;
  name: string;
  tag: string;
  selfClosing: boolean;
}

/** What one pass of the tokenizer reads of a worksheet part. */
interface Structure {
  xml: string;
  rows: RowSpan[];
  cols: { min: number; max: number; style: number }[];
  arrays: { top: number; left: number; bottom: number; right: number }[];
  data: { start: number; end: number; text: string; name: string; empty: boolean };
  dataEnd: number;
  protection: string | null;
  /** False when rows or cells are out of sheet order, twice, or a cell's reference names another row. */
  inOrder: boolean;
}

export class SheetXml {
  /** The part's text (rows and cells put in sheet order when the file had them otherwise). */
  readonly xml: string;
  /** "x:" when the file prefixes SpreadsheetML elements. */
  readonly prefix: string;
  private readonly rows: RowSpan[];
  private readonly rowIndex = new Map<number, number>();
  private readonly dataStart: number;
  private readonly dataEnd: number;
  private readonly dataSelfClosing: boolean;
  /** The sheetData start tag: its offset and text. */
  private readonly dataTag: { start: number; text: string; name: string };
  private readonly cols: Structure["cols"];
  readonly protection: { protected: boolean; attributes: Record<string, string> } | null;
  private readonly arrays: Structure["arrays"];
  /** True when the part as read had its rows or cells out of sheet order (or twice): its text here is in order. */
  readonly reordered: boolean;

  /**
   * Reads the part's structure with a real tokenizer: a comment, a CDATA section or a processing instruction is never
   * taken for markup, a `>` inside an attribute value does not end its tag, and any namespace prefix is read. Rows
   * stored out of order, cells out of column order, a cell whose reference names another row, or the same cell twice
   * are put in sheet order first (the order the reader took them in; of two copies of a cell, the later), so that
   * every edit lands once and the part written is one a spreadsheet opens.
   */
  private static read(xml: string, part: string): Structure {
    const s = new XmlScanner(xml, 0, xml.length, part);
    const rows: RowSpan[] = [];
    const cols: Structure["cols"] = [];
    const arrays: Structure["arrays"] = [];
    const stack: string[] = [];
    let data: { start: number; end: number; text: string; name: string; empty: boolean } | null = null;
    let dataEnd = -1;
    let protection: string | null = null;
    let inOrder = true;
    let row = 0; // the reader's row counter (a cell's reference moves it too)
    let rowNumber = 0;
    let lastRow = 0;
    let lastCol = 0;
    let open: RowSpan | null = null;
    while (s.next()) {
      if (s.kind === "close") {
        stack.pop();
        const depth = stack.length;
        if (depth === 1 && data && dataEnd < 0 && s.localName === "sheetData") dataEnd = s.start;
        else if (depth === 2 && open) {
          open.end = s.end;
          open.closeStart = s.start;
          rows.push(open);
          open = null;
        }
        continue;
      }
      if (s.kind !== "open" && s.kind !== "empty") continue;
      const depth = stack.length;
      const name = s.localName;
      if (depth === 1) {
        if (name === "sheetData" && !data) {
          data = { start: s.start, end: s.end, text: s.text, name: s.name, empty: s.kind === "empty" };
          if (s.kind === "empty") dataEnd = s.end;
        } else if (name === "sheetProtection" && protection === null) protection = s.text;
      } else if (depth === 2 && stack[1] === "cols" && name === "col") {
        const a = attributesOf(s.text);
        if (a.style) cols.push({ min: Number(a.min), max: Number(a.max), style: Number(a.style) });
      } else if (depth === 2 && stack[1] === "sheetData" && name === "row") {
        const a = attributesOf(s.text);
        row = a.r !== undefined ? Number(a.r) : row + 1;
        rowNumber = row;
        if (!validRow(row) || row <= lastRow) inOrder = false;
        lastRow = row;
        lastCol = 0;
        const r: RowSpan = {
          row,
          start: s.start,
          tagEnd: s.end,
          end: s.end,
          selfClosing: s.kind === "empty",
          hasR: a.r !== undefined,
          name: s.name,
          closeStart: s.end,
        };
        if (r.selfClosing) rows.push(r);
        else open = r;
      } else if (depth === 3 && stack[2] === "row" && name === "c") {
        const ref = attributesOf(s.text).r;
        const pos = ref ? parseRef(ref) : null;
        const col = pos ? pos.col : lastCol + 1;
        if (pos && pos.row !== row) row = pos.row;
        if (row !== rowNumber || col <= lastCol) inOrder = false;
        lastCol = col;
      } else if (depth >= 4 && stack[2] === "row" && name === "f") {
        const a = attributesOf(s.text);
        if (a.t === "array" && a.ref && a.ref.includes(":")) {
          const [x, y] = a.ref.split(":").map(parseRef);
          if (x && y) arrays.push({ top: x.row, left: x.col, bottom: y.row, right: y.col });
        }
      }
      if (s.kind === "open") stack.push(name);
    }
    if (!data) throw new Error("worksheet without sheetData");
    if (dataEnd < 0) throw new Error("sheetData not closed");
    return { xml, rows, cols, arrays, data, dataEnd, protection, inOrder };
  }

  constructor(xml: string, part = "worksheet") {
    let st = SheetXml.read(xml, part);
    this.reordered = !st.inOrder;
    // the same part with its rows and cells in order, read again
    if (!st.inOrder) st = SheetXml.read(SheetXml.normalized(xml, st.data.end, st.dataEnd, part), part);
    const { data, dataEnd, protection } = st;
    this.rows = st.rows;
    this.cols = st.cols;
    this.arrays = st.arrays;
    this.xml = st.xml;
    this.prefix = /^([^:]+:)?/.exec(data.name)![0];
    this.dataTag = { start: data.start, text: data.text, name: data.name };
    this.dataSelfClosing = data.empty;
    this.dataStart = data.end;
    this.dataEnd = data.empty ? data.end : dataEnd;
    this.rows.forEach((r, i) => {
      if (!this.rowIndex.has(r.row)) this.rowIndex.set(r.row, i);
    });
    if (protection !== null) {
      const attributes = attributesOf(protection);
      // The schema's default for sheet is false; a protection element that only carries a password hash
      // (legacy `password`, or `hashValue` with `algorithmName` such as SHA-512) is read as protected too,
      // as LibreOffice and WPS do.
      const on =
        attributes.sheet !== undefined ? truthy(attributes.sheet) : attributes.password !== undefined || attributes.hashValue !== undefined;
      this.protection = { protected: on, attributes };
    } else this.protection = null;
  }

  /**
   * The part with sheetData's rows in row order and each row's cells in column order, every row and cell with its
   * reference written out; a cell goes to the row its reference names (as the reader takes it), the later of two
   * copies of a cell stays. Rows whose number the format cannot hold keep their place at the end, as written.
   */
  private static normalized(xml: string, from: number, to: number, part: string): string {
    const s = new XmlScanner(xml, from, to, part);
    const rows = new Map<number, { tag: LooseRow | null; cells: Map<number, string> }>();
    const invalid: string[] = [];
    let prefix = "";
    let row = 0;
    let lastCol = 0;
    let depth = 0;
    let current: LooseRow | null = null;
    let rowStart = 0;
    let cell: { start: number; row: number; col: number; head: string } | null = null;
    const group = (n: number) => {
      let g = rows.get(n);
      if (!g) rows.set(n, (g = { tag: null, cells: new Map() }));
      return g;
    };
    const endCell = (end: number) => {
      const c = cell!;
      cell = null;
      const ref = refOf(c.row, c.col);
      const text = setAttribute(c.head, "r", ref) + xml.slice(c.start + c.head.length, end);
      if (validRow(c.row) && c.col >= 1 && c.col <= 16_384) group(c.row).cells.set(c.col, text);
      else invalid.push(xml.slice(c.start, end));
    };
    const startRow = (tag: string, name: string, selfClosing: boolean): LooseRow => {
      const a = attributesOf(tag);
      row = a.r !== undefined ? Number(a.r) : row + 1;
      lastCol = 0;
      prefix = /^([^:]+:)?/.exec(name)![0];
      const loose = { row, name, tag, selfClosing };
      if (validRow(row)) {
        const g = group(row);
        if (!g.tag) g.tag = loose;
      }
      return loose;
    };
    while (s.next()) {
      if (s.kind === "close") {
        depth--;
        if (depth === 1 && cell) endCell(s.end);
        else if (depth === 0 && current && !validRow(current.row)) invalid.push(xml.slice(rowStart, s.end));
        continue;
      }
      if (s.kind !== "open" && s.kind !== "empty") continue;
      if (depth === 0 && s.localName === "row") {
        rowStart = s.start;
        current = startRow(s.text, s.name, s.kind === "empty");
        if (s.kind === "empty" && !validRow(row)) invalid.push(s.text);
      } else if (depth === 1 && s.localName === "c" && current && validRow(current.row)) {
        const ref = attributesOf(s.text).r;
        const pos = ref ? parseRef(ref) : null;
        const col = pos ? pos.col : lastCol + 1;
        if (pos && pos.row !== row) row = pos.row;
        lastCol = col;
        cell = { start: s.start, row, col, head: s.text };
        if (s.kind === "empty") endCell(s.end);
      }
      if (s.kind === "open") depth++;
    }
    const body: string[] = [];
    for (const n of [...rows.keys()].sort((a, b) => a - b)) {
      const g = rows.get(n)!;
      const name = g.tag?.name ?? `${prefix}row`;
      let tag = g.tag ? removeAttribute(setAttribute(g.tag.tag, "r", String(n)), "spans") : `<${name} r="${n}">`;
      const cells = [...g.cells.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c);
      if (cells.length === 0 && g.tag?.selfClosing) {
        body.push(tag);
        continue;
      }
      if (g.tag?.selfClosing) tag = tag.replace(/\s*\/>$/, ">");
      body.push(tag, ...cells, `</${name}>`);
    }
    body.push(...invalid);
    return xml.slice(0, from) + body.join("") + xml.slice(to);
  }

  /** True when the cell lies in an array formula that spans more than one cell. */
  inArrayFormula(row: number, col: number): boolean {
    return this.arrays.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }

  get isProtected(): boolean {
    return this.protection?.protected === true;
  }

  /** The cells of a row as written (empty when the sheet has no such row). */
  cellsOfRow(row: number): CellSpan[] {
    const i = this.rowIndex.get(row);
    if (i === undefined) return [];
    const r = this.rows[i];
    if (r.selfClosing) return [];
    const s = new XmlScanner(this.xml, r.tagEnd, r.end);
    const out: CellSpan[] = [];
    let lastCol = 0;
    let depth = 0;
    let open: { col: number; start: number; head: string } | null = null;
    const push = (c: { col: number; start: number; head: string }, end: number) =>
      out.push({ col: c.col, start: c.start, end, head: c.head, xml: this.xml.slice(c.start, end) });
    while (s.next()) {
      if (s.kind === "close") {
        depth--;
        if (depth === 0 && open) {
          push(open, s.end);
          open = null;
        }
      } else if (s.kind === "open" || s.kind === "empty") {
        if (depth === 0 && s.localName === "c") {
          const ref = attributesOf(s.text).r;
          const pos = ref ? parseRef(ref) : null;
          const col = pos ? pos.col : lastCol + 1;
          lastCol = col;
          const c = { col, start: s.start, head: s.text };
          if (s.kind === "empty") push(c, s.end);
          else open = c;
        }
        if (s.kind === "open") depth++;
      }
    }
    return out;
  }

  /** A row's start tag as written, or null when the sheet has no such row. */
  rowTag(row: number): string | null {
    const i = this.rowIndex.get(row);
    return i === undefined ? null : this.xml.slice(this.rows[i].start, this.rows[i].tagEnd);
  }

  cell(row: number, col: number): CellSpan | null {
    return this.cellsOfRow(row).find((c) => c.col === col) ?? null;
  }

  /** The format index a cell shows: its own s, else its row's (customFormat), else its column's, else 0. */
  styleOf(row: number, col: number): number {
    const c = this.cell(row, col);
    if (c) return Number(attributesOf(c.head).s ?? 0);
    const i = this.rowIndex.get(row);
    if (i !== undefined) {
      const r = this.rows[i];
      const a = attributesOf(this.xml.slice(r.start, r.tagEnd));
      if (truthy(a.customFormat) && a.s !== undefined) return Number(a.s);
    }
    return this.cols.find((x) => col >= x.min && col <= x.max)?.style ?? 0;
  }

  /**
   * The part with the given cells replaced: `edits` maps row → column → the new `<c>` element. Rows and cells the
   * sheet lacks are inserted in order; a row that gains a cell loses its `spans` hint. `rowTags` gives a row's start
   * tag back as it was (with its spans) where the cell that took it away goes again.
   */
  withCells(edits: Map<number, Map<number, string>>, rowTags?: Map<number, string>): string {
    if (edits.size === 0) return this.xml;
    const p = this.prefix;
    const xml = this.xml;
    const out: string[] = [];
    let cursor = this.dataStart;
    const rowsEdited = [...edits.keys()].sort((a, b) => a - b);
    let ri = 0;
    const pendingR = new Set<number>(); // original rows that need an explicit r after an insertion before them
    const flush = (upto: number) => {
      // original rows before `upto` (offset) are copied, with an r added where an insertion came before them
      while (ri < this.rows.length && this.rows[ri].start < upto) {
        const r = this.rows[ri];
        out.push(xml.slice(cursor, r.start));
        if (pendingR.has(r.row) && !r.hasR) {
          const tag = xml.slice(r.start, r.tagEnd);
          out.push(setAttribute(tag, "r", String(r.row)));
          out.push(xml.slice(r.tagEnd, r.end));
        } else out.push(xml.slice(r.start, r.end));
        cursor = r.end;
        ri++;
      }
    };
    for (const rowNum of rowsEdited) {
      const cells = edits.get(rowNum)!;
      const existing = this.rowIndex.get(rowNum);
      if (existing !== undefined) {
        flush(this.rows[existing].start);
        const r = this.rows[existing];
        out.push(xml.slice(cursor, r.start));
        out.push(this.rebuildRow(r, cells, rowTags?.get(rowNum)));
        cursor = r.end;
        ri = existing + 1;
      } else {
        // insert before the first original row with a larger number
        const next = this.rows.findIndex((r) => r.row > rowNum);
        const at = next < 0 ? this.dataEnd : this.rows[next].start;
        flush(at);
        out.push(xml.slice(cursor, at));
        cursor = at;
        const body = [...cells.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([, c]) => c)
          .join("");
        out.push(`<${p}row r="${rowNum}">${body}</${p}row>`);
        if (next >= 0) pendingR.add(this.rows[next].row);
      }
    }
    flush(this.dataEnd);
    out.push(xml.slice(cursor, this.dataEnd));
    const data = out.join("");
    if (this.dataSelfClosing) {
      const sd = this.dataTag;
      const open = sd.text.replace(/\s*\/>$/, ">");
      return xml.slice(0, sd.start) + open + data + `</${sd.name}>` + xml.slice(sd.start + sd.text.length);
    }
    return xml.slice(0, this.dataStart) + data + xml.slice(this.dataEnd);
  }

  private rebuildRow(r: RowSpan, edits: Map<number, string>, startTag?: string): string {
    const cells = this.cellsOfRow(r.row);
    let tag = this.xml.slice(r.start, r.tagEnd);
    const inserts = [...edits.keys()].some((col) => !cells.some((c) => c.col === col));
    if (inserts) tag = removeAttribute(tag, "spans");
    // the row's tag as it was before an inserted cell took its spans away (that cell now goes again)
    else if (startTag !== undefined && removeAttribute(startTag, "spans") === tag) tag = startTag;
    if (r.selfClosing) tag = tag.replace(/\s*\/>$/, ">");
    const parts: string[] = [tag];
    let cursor = r.tagEnd;
    const pending = [...edits.entries()].filter(([col]) => !cells.some((c) => c.col === col)).sort((a, b) => a[0] - b[0]);
    let pi = 0;
    let inserted = false;
    for (const c of cells) {
      while (pi < pending.length && pending[pi][0] < c.col) {
        parts.push(this.xml.slice(cursor, c.start));
        cursor = c.start;
        parts.push(pending[pi++][1]);
        inserted = true;
      }
      parts.push(this.xml.slice(cursor, c.start));
      const edit = edits.get(c.col);
      if (edit !== undefined) parts.push(edit);
      else if (inserted && attributesOf(c.head).r === undefined)
        parts.push(setAttribute(c.head, "r", refOf(r.row, c.col)) + c.xml.slice(c.head.length));
      else parts.push(c.xml);
      cursor = c.end;
    }
    if (r.selfClosing) {
      while (pi < pending.length) parts.push(pending[pi++][1]);
      parts.push(`</${r.name}>`);
      return parts.join("");
    }
    const close = r.closeStart;
    parts.push(this.xml.slice(cursor, close));
    while (pi < pending.length) parts.push(pending[pi++][1]);
    parts.push(this.xml.slice(close, r.end));
    return parts.join("");
  }
}

/** Column letters of a cell reference → column number (exported for tests). */
export function columnOf(ref: string): number {
  return colNumber(ref.replace(/[^A-Z]/gi, "").toUpperCase());
}
