/**
 * A worksheet part edited in place: the cells named are replaced (or inserted in row and column order where the
 * sheet has none), every other byte of the part stays as written. Also tells whether the sheet is protected, however
 * the protection is written (sheet="1" or "true", a legacy password hash or an SHA-512 one), and which format a cell
 * without a `<c>` of its own shows (its row's, else its column's).
 */
import { attributesOf, removeAttribute, setAttribute } from "./xml";
import { colNumber, parseRef, refOf } from "./cellRef";

interface RowSpan {
  row: number;
  /** Offsets of the row's start tag and of the end of the element (after `</row>` or `/>`). */
  start: number;
  tagEnd: number;
  end: number;
  selfClosing: boolean;
  hasR: boolean;
}

export interface CellSpan {
  col: number;
  start: number;
  end: number;
  xml: string;
}

const truthy = (v: string | undefined) => v === "1" || v === "true" || v === "on";

export class SheetXml {
  /** "x:" when the file prefixes SpreadsheetML elements. */
  readonly prefix: string;
  private readonly rows: RowSpan[] = [];
  private readonly rowIndex = new Map<number, number>();
  private readonly dataStart: number;
  private readonly dataEnd: number;
  private readonly dataSelfClosing: boolean;
  private readonly cols: { min: number; max: number; style: number }[] = [];
  readonly protection: { protected: boolean; attributes: Record<string, string> } | null;

  constructor(readonly xml: string) {
    const sd = /<([\w.-]+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
    if (!sd) throw new Error("worksheet without sheetData");
    this.prefix = sd[1] ?? "";
    const p = this.prefix;
    this.dataSelfClosing = sd[2] === "/";
    this.dataStart = sd.index + sd[0].length;
    this.dataEnd = this.dataSelfClosing ? this.dataStart : xml.indexOf(`</${p}sheetData>`, this.dataStart);
    if (this.dataEnd < 0) throw new Error("sheetData not closed");
    const rowTag = new RegExp(`<${p}row\\b[^>]*?(/?)>`, "y");
    const rowOpen = `<${p}row`;
    const rowClose = `</${p}row>`;
    let at = xml.indexOf(rowOpen, this.dataStart);
    let last = 0;
    while (at >= 0 && at < this.dataEnd) {
      rowTag.lastIndex = at;
      const m = rowTag.exec(xml);
      if (!m) break;
      const tag = m[0];
      const a = attributesOf(tag);
      const row = a.r ? Number(a.r) : last + 1;
      const selfClosing = m[1] === "/";
      const tagEnd = at + tag.length;
      const end = selfClosing ? tagEnd : xml.indexOf(rowClose, tagEnd) + rowClose.length;
      this.rowIndex.set(row, this.rows.length);
      this.rows.push({ row, start: at, tagEnd, end, selfClosing, hasR: a.r !== undefined });
      last = row;
      at = xml.indexOf(rowOpen, end);
    }
    for (const tag of xml.slice(0, sd.index).match(new RegExp(`<${p}col\\b[^>]*>`, "g")) ?? []) {
      const a = attributesOf(tag);
      if (a.style) this.cols.push({ min: Number(a.min), max: Number(a.max), style: Number(a.style) });
    }
    const prot = new RegExp(`<${p}sheetProtection\\b[^>]*>`).exec(xml);
    if (prot) {
      const attributes = attributesOf(prot[0]);
      // The schema's default for sheet is false; a protection element that only carries a password hash
      // (legacy `password`, or `hashValue` with `algorithmName` such as SHA-512) is read as protected too,
      // as LibreOffice and WPS do.
      const on =
        attributes.sheet !== undefined ? truthy(attributes.sheet) : attributes.password !== undefined || attributes.hashValue !== undefined;
      this.protection = { protected: on, attributes };
    } else this.protection = null;
  }

  private arrays: { top: number; left: number; bottom: number; right: number }[] | null = null;

  /** True when the cell lies in an array formula that spans more than one cell. */
  inArrayFormula(row: number, col: number): boolean {
    if (!this.arrays) {
      this.arrays = [];
      const p = this.prefix;
      for (const tag of this.xml.match(new RegExp(`<${p}f\\b[^>]*\\bt=["']array["'][^>]*>`, "g")) ?? []) {
        const ref = attributesOf(tag).ref;
        if (!ref || !ref.includes(":")) continue;
        const [a, b] = ref.split(":").map(parseRef);
        if (a && b) this.arrays.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
      }
    }
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
    const p = this.prefix;
    const re = new RegExp(`<${p}c\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}c>)`, "g");
    const body = this.xml.slice(r.tagEnd, r.end);
    const out: CellSpan[] = [];
    let lastCol = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(body))) {
      const head = m[0].slice(0, m[0].indexOf(">") + 1);
      const ref = attributesOf(head).r;
      const pos = ref ? parseRef(ref) : null;
      const col = pos ? pos.col : lastCol + 1;
      out.push({ col, start: r.tagEnd + m.index, end: r.tagEnd + m.index + m[0].length, xml: m[0] });
      lastCol = col;
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
    if (c) return Number(attributesOf(c.xml.slice(0, c.xml.indexOf(">") + 1)).s ?? 0);
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
      const sd = /<([\w.-]+:)?sheetData\b[^>]*?\/>/.exec(xml)!;
      const open = sd[0].replace(/\s*\/>$/, ">");
      return xml.slice(0, sd.index) + open + data + `</${p}sheetData>` + xml.slice(sd.index + sd[0].length);
    }
    return xml.slice(0, this.dataStart) + data + xml.slice(this.dataEnd);
  }

  private rebuildRow(r: RowSpan, edits: Map<number, string>, startTag?: string): string {
    const p = this.prefix;
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
      else if (inserted && !/^<[^>]*\sr=/.test(c.xml))
        parts.push(setAttribute(c.xml.slice(0, c.xml.indexOf(">") + 1), "r", refOf(r.row, c.col)) + c.xml.slice(c.xml.indexOf(">") + 1));
      else parts.push(c.xml);
      cursor = c.end;
    }
    if (r.selfClosing) {
      while (pi < pending.length) parts.push(pending[pi++][1]);
      parts.push(`</${p}row>`);
      return parts.join("");
    }
    const close = r.end - `</${p}row>`.length;
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
