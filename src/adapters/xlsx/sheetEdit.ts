/**
 * A worksheet part edited in place: the cells named are replaced (or inserted where the sheet has none), every other
 * byte of the part stays as written — rows and cells stored out of order keep their order and their attributes (a
 * row's spans included), a row or a cell stored twice keeps its copies. Also tells whether the sheet is protected,
 * however the protection is written (sheet="1" or "true", a legacy password hash or an SHA-512 one), and which format
 * a cell without a `<c>` of its own shows (its row's, else its column's).
 */
import { attributesOf, removeAttribute, setAttribute, startTagEnd, XmlScanner } from "./xml";
import { colNumber, parseRef, refOf } from "./cellRef";
import { userError } from "../../core/messages";

/** A `<row>` element as stored. */
interface RowSpan {
  /** Its row number as a reader counts it: its r, else one past the row before (a cell's reference moves that). */
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

/** A `<c>` element as stored. */
export interface CellSpan {
  /** The row and column a reader gives it (its reference, else the row it is in and one past the cell before). */
  row: number;
  col: number;
  start: number;
  end: number;
  /** The whole element as written. */
  xml: string;
  /** Its start tag as written (a `>` inside a quoted value does not end it). */
  head: string;
  /** Which `<row>` element holds it (an index in document order). */
  holder: number;
}

/**
 * What the writer puts at a cell: a new `<c>` element, written once (a cell the file stores twice keeps one copy,
 * this one; "" takes the cell away), or `each`: every stored copy rewritten from itself (a format on each copy, each
 * keeping its own content and bytes).
 */
export type CellEdit = string | { each: (copy: CellSpan) => string };

const truthy = (v: string | undefined) => v === "1" || v === "true" || v === "on";

/** True when numbers go strictly down (rows or cells stored last first). */
const descending = (ns: number[]) => ns.length > 1 && ns.every((n, i) => i === 0 || n < ns[i - 1]);

/** What one pass of the tokenizer reads of a worksheet part. */
interface Structure {
  rows: RowSpan[];
  /** Row number → the `<row>` elements holding that row's cells (or numbered so), in document order. */
  holders: Map<number, number[]>;
  cols: { min: number; max: number; style: number }[];
  arrays: { top: number; left: number; bottom: number; right: number }[];
  data: { start: number; end: number; text: string; name: string; empty: boolean };
  dataEnd: number;
  protection: string | null;
}

export class SheetXml {
  /** The part's text, as read. */
  readonly xml: string;
  /** "x:" when the file prefixes SpreadsheetML elements. */
  readonly prefix: string;
  private readonly rows: RowSpan[];
  private readonly holders: Map<number, number[]>;
  private readonly dataStart: number;
  private readonly dataEnd: number;
  private readonly dataSelfClosing: boolean;
  /** The sheetData start tag: its offset and text. */
  private readonly dataTag: { start: number; text: string; name: string };
  private readonly cols: Structure["cols"];
  readonly protection: { protected: boolean; attributes: Record<string, string> } | null;
  private readonly arrays: Structure["arrays"];
  /** The cells of the row elements scanned so far, by element. */
  private readonly scanned = new Map<number, CellSpan[]>();

  /**
   * Reads the part's structure with a real tokenizer: a comment, a CDATA section or a processing instruction is never
   * taken for markup, a `>` inside an attribute value does not end its tag, and any namespace prefix is read. Rows and
   * cells are numbered as the reader numbers them, in whatever order they are stored.
   */
  private static read(xml: string, part: string): Structure {
    const s = new XmlScanner(xml, 0, xml.length, part);
    const rows: RowSpan[] = [];
    const holders = new Map<number, number[]>();
    const cols: Structure["cols"] = [];
    const arrays: Structure["arrays"] = [];
    const stack: string[] = [];
    let data: Structure["data"] | null = null;
    let dataEnd = -1;
    let protection: string | null = null;
    let row = 0; // the reader's row counter (a cell's reference moves it too)
    let open: RowSpan | null = null;
    const hold = (n: number, i: number) => {
      const h = holders.get(n);
      if (!h) holders.set(n, [i]);
      else if (h[h.length - 1] !== i) h.push(i);
    };
    while (s.next()) {
      if (s.kind === "close") {
        stack.pop();
        const depth = stack.length;
        if (depth === 1 && data && dataEnd < 0 && s.localName === "sheetData") dataEnd = s.start;
        else if (depth === 2 && open) {
          open.end = s.end;
          open.closeStart = s.start;
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
        hold(row, rows.length);
        rows.push(r);
        if (!r.selfClosing) open = r;
      } else if (depth === 3 && stack[2] === "row" && name === "c") {
        const ref = attributesOf(s.text).r;
        const pos = ref ? parseRef(ref) : null;
        if (pos && pos.row !== row) {
          row = pos.row;
          hold(row, rows.length - 1);
        }
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
    return { rows, holders, cols, arrays, data, dataEnd, protection };
  }

  constructor(
    xml: string,
    part = "worksheet",
    /** The sheet's name, for messages. */
    private readonly sheet?: string,
  ) {
    const st = SheetXml.read(xml, part);
    const { data, dataEnd, protection } = st;
    this.xml = xml;
    this.rows = st.rows;
    this.holders = st.holders;
    this.cols = st.cols;
    this.arrays = st.arrays;
    this.prefix = /^([^:]+:)?/.exec(data.name)![0];
    this.dataTag = { start: data.start, text: data.text, name: data.name };
    this.dataSelfClosing = data.empty;
    this.dataStart = data.end;
    this.dataEnd = data.empty ? data.end : dataEnd;
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

  /** True when the cell lies in an array formula that spans more than one cell. */
  inArrayFormula(row: number, col: number): boolean {
    return this.arrays.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }

  get isProtected(): boolean {
    return this.protection?.protected === true;
  }

  /** Every cell of one `<row>` element, numbered as the reader numbers them. */
  private cellsIn(holder: number): CellSpan[] {
    const known = this.scanned.get(holder);
    if (known) return known;
    const r = this.rows[holder];
    const out: CellSpan[] = [];
    if (!r.selfClosing) {
      const s = new XmlScanner(this.xml, r.tagEnd, r.closeStart);
      let row = r.row;
      let lastCol = 0;
      let depth = 0;
      let open: Omit<CellSpan, "end" | "xml"> | null = null;
      const push = (c: Omit<CellSpan, "end" | "xml">, end: number) => out.push({ ...c, end, xml: this.xml.slice(c.start, end) });
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
            if (pos) row = pos.row;
            const col = pos ? pos.col : lastCol + 1;
            lastCol = col;
            const c = { row, col, start: s.start, head: s.text, holder };
            if (s.kind === "empty") push(c, s.end);
            else open = c;
          }
          if (s.kind === "open") depth++;
        }
      }
    }
    this.scanned.set(holder, out);
    return out;
  }

  /** The cells of a row as stored, in document order (empty when the sheet has no such row); a copy stored twice is there twice. */
  cellsOfRow(row: number): CellSpan[] {
    return (this.holders.get(row) ?? []).flatMap((h) => this.cellsIn(h).filter((c) => c.row === row));
  }

  /** Every stored copy of a cell, in document order. */
  copiesOf(row: number, col: number): CellSpan[] {
    return this.cellsOfRow(row).filter((c) => c.col === col);
  }

  /** A cell as stored (its first copy), or null. */
  cell(row: number, col: number): CellSpan | null {
    return this.copiesOf(row, col)[0] ?? null;
  }

  /**
   * Where a cell the row lacks goes: before the row's first cell (in document order) that comes after it — one with a
   * larger column, or a smaller one in a row stored right to left — else after its last cell, else into the row's own
   * `<row>` element; null when the sheet has no such row.
   */
  private insertionPoint(row: number, col: number): { holder: number; at: number; before: CellSpan | null } | null {
    const cells = this.cellsOfRow(row);
    const next = descending(cells.map((c) => c.col)) ? cells.find((c) => c.col < col) : cells.find((c) => c.col > col);
    if (next) return { holder: next.holder, at: next.start, before: next };
    const last = cells[cells.length - 1];
    if (last) return { holder: last.holder, at: last.end, before: null };
    const own = (this.holders.get(row) ?? []).find((h) => this.rows[h].row === row);
    if (own === undefined) return null;
    const r = this.rows[own];
    return { holder: own, at: r.selfClosing ? r.tagEnd : r.closeStart, before: null };
  }

  /**
   * The start tag (as written) of the cell stored without r that a cell the row lacks would go just before, or null:
   * the writer then writes that cell's r out (its implied place would move), and clearing gives the tag back.
   */
  nextWithoutR(row: number, col: number): string | null {
    if (this.cell(row, col)) return null;
    const before = this.insertionPoint(row, col)?.before;
    return before && attributesOf(before.head).r === undefined ? before.head : null;
  }

  /**
   * The start tag (as written) of the row stored without r that a row the sheet lacks would go just before, or null
   * (also when the sheet has the row): the writer then writes that row's r out, and clearing gives the tag back.
   */
  nextRowWithoutR(row: number): string | null {
    if (this.holders.has(row)) return null;
    const down = descending(this.rows.map((r) => r.row));
    const next = this.rows.find((r) => (down ? r.row < row : r.row > row));
    return next && !next.hasR ? this.xml.slice(next.start, next.tagEnd) : null;
  }

  /**
   * The start tag of the `<row>` element a cell the row lacks would go into (as written), or null when the sheet has
   * no such row. Without a column: the row's first element.
   */
  rowTag(row: number, col?: number): string | null {
    const holder = col === undefined ? this.holders.get(row)?.find((h) => this.rows[h].row === row) : this.insertionPoint(row, col)?.holder;
    if (holder === undefined) return null;
    const r = this.rows[holder];
    return this.xml.slice(r.start, r.tagEnd);
  }

  /**
   * The format index a cell shows: its own s, else its row's (customFormat), else its column's, else 0. A cell stored
   * twice with different formats has none the writer could keep (UserError).
   */
  styleOf(row: number, col: number): number {
    const copies = this.copiesOf(row, col);
    if (copies.length) {
      const styles = new Set(copies.map((c) => attributesOf(c.head).s ?? "0"));
      if (styles.size > 1)
        throw userError("cell-stored-twice", { cell: this.sheet ? `${this.sheet}!${refOf(row, col)}` : refOf(row, col) });
      return Number([...styles][0]);
    }
    const own = this.holders.get(row)?.find((h) => this.rows[h].row === row);
    if (own !== undefined) {
      const r = this.rows[own];
      const a = attributesOf(this.xml.slice(r.start, r.tagEnd));
      if (truthy(a.customFormat) && a.s !== undefined) return Number(a.s);
    }
    return this.cols.find((x) => col >= x.min && col <= x.max)?.style ?? 0;
  }

  /**
   * The part with the given cells written: `edits` maps row → column → what goes there (CellEdit). Every row and cell
   * stays where and as it is stored but those named; a cell the sheet lacks goes where insertionPoint says, a row the
   * sheet lacks before the first row stored that comes after it (a larger number, or a smaller one in a sheet stored
   * last row first), else at the end. A row element that gains a cell loses its `spans` hint; `rowTags` gives a row's
   * start tag back as it was (with its spans, or self-closing) where the cell that took it away goes again. A row or
   * cell whose number an insertion before it would change gets its reference written out; `nextTags` gives, for a
   * cell taken away, the start tag the cell stored right after it had before that (without r, see nextWithoutR): it
   * is given back when the tag differs from it by that r alone and the cell's implied place is its reference again.
   * `dropRows` names rows a cell was added to where the sheet had none: such a row element goes when every cell of
   * it goes, and the row stored after it gets back the start tag given (as it was, without r) on the same terms.
   */
  withCells(
    edits: Map<number, Map<number, CellEdit>>,
    rowTags?: Map<number, string>,
    nextTags?: Map<number, Map<number, string>>,
    dropRows?: Map<number, string | null>,
  ): string {
    if (edits.size === 0) return this.xml;
    const p = this.prefix;
    const xml = this.xml;
    /** Cells rewritten or taken away, by offset. */
    const cellText = new Map<number, { cell: CellSpan; text: string }>();
    const inserts: { at: number; text: string }[] = [];
    const gained = new Set<number>(); // row elements that gain a cell
    const cellsNeedR: CellSpan[] = [];
    const rowsNeedR = new Set<number>();
    const restore: { holder: number; tag: string }[] = [];
    const untouch: { taken: CellSpan; tag: string }[] = [];
    const newRows: { row: number; text: string }[] = [];
    for (const row of [...edits.keys()].sort((a, b) => a - b)) {
      const cols = edits.get(row)!;
      if (!this.holders.has(row)) {
        const body = [...cols.entries()]
          .filter((e): e is [number, string] => typeof e[1] === "string" && e[1] !== "")
          .sort((a, b) => a[0] - b[0])
          .map(([, c]) => c)
          .join("");
        if (body) newRows.push({ row, text: `<${p}row r="${row}">${body}</${p}row>` });
        continue;
      }
      for (const col of [...cols.keys()].sort((a, b) => a - b)) {
        const edit = cols.get(col)!;
        const copies = this.copiesOf(row, col);
        if (copies.length) {
          const nextTag = edit === "" ? nextTags?.get(row)?.get(col) : undefined;
          if (nextTag !== undefined) for (const c of copies) untouch.push({ taken: c, tag: nextTag });
          copies.forEach((c, i) =>
            cellText.set(c.start, { cell: c, text: typeof edit === "string" ? (i === 0 ? edit : "") : edit.each(c) }),
          );
          continue;
        }
        if (typeof edit !== "string" || edit === "") continue;
        const at = this.insertionPoint(row, col)!;
        inserts.push({ at: at.at, text: edit });
        gained.add(at.holder);
        if (at.before && attributesOf(at.before.head).r === undefined) cellsNeedR.push(at.before);
      }
      const tag = rowTags?.get(row);
      if (tag !== undefined) for (const h of this.holders.get(row)!) if (this.rows[h].row === row) restore.push({ holder: h, tag });
    }
    const down = descending(this.rows.map((r) => r.row));
    for (const { row, text } of newRows) {
      const next = down ? this.rows.findIndex((r) => r.row < row) : this.rows.findIndex((r) => r.row > row);
      inserts.push({ at: next < 0 ? this.dataEnd : this.rows[next].start, text });
      if (next >= 0 && !this.rows[next].hasR) rowsNeedR.add(next);
    }
    for (const c of cellsNeedR) {
      const now = cellText.get(c.start)?.text ?? c.xml;
      if (now === "") continue;
      const head = now.slice(0, startTagEnd(now));
      if (attributesOf(head).r === undefined)
        cellText.set(c.start, { cell: c, text: setAttribute(head, "r", refOf(c.row, c.col)) + now.slice(head.length) });
    }
    for (const { taken, tag } of untouch) this.withoutWrittenR(taken, tag, cellText);

    // the row elements' start tags: spans dropped where a cell comes in, given back where the one that came goes again
    const splices: { at: number; end: number; text: string; order: number }[] = [];
    const tags = new Map<number, string>();
    const tagOf = (h: number) => tags.get(h) ?? xml.slice(this.rows[h].start, this.rows[h].tagEnd);
    for (const [row, nextTag] of dropRows ?? []) {
      for (const h of this.holders.get(row) ?? []) {
        const r = this.rows[h];
        if (r.row !== row || r.selfClosing || !this.emptied(h, cellText)) continue;
        // the row element the cell came with goes with it
        for (const c of this.cellsIn(h)) cellText.delete(c.start);
        splices.push({ at: r.start, end: r.end, text: "", order: 1 });
        const next = this.rows[h + 1];
        if (nextTag === null || !next || !next.hasR) continue;
        const before = h > 0 ? this.cellsIn(h - 1) : [];
        const prev = h === 0 ? 0 : before.length ? before[before.length - 1].row : this.rows[h - 1].row;
        const now = tagOf(h + 1);
        const rest = (t: string) =>
          JSON.stringify(
            Object.entries(attributesOf(t))
              .filter(([k]) => k !== "r")
              .sort(),
          );
        if (prev + 1 === next.row && attributesOf(nextTag).r === undefined && rest(now) === rest(nextTag)) {
          tags.set(h + 1, nextTag);
          rowsNeedR.delete(h + 1);
        }
      }
    }
    for (const h of gained) tags.set(h, removeAttribute(tagOf(h), "spans"));
    for (const h of rowsNeedR) tags.set(h, setAttribute(tagOf(h), "r", String(this.rows[h].row)));
    const open = (tag: string) => tag.replace(/\s*\/>$/, ">");
    for (const { holder, tag } of restore) {
      const now = tagOf(holder);
      if (gained.has(holder) || rowsNeedR.has(holder) || now === tag || open(removeAttribute(tag, "spans")) !== open(now)) continue;
      const r = this.rows[holder];
      if (tag.endsWith("/>") && !r.selfClosing && this.emptied(holder, cellText)) {
        // the row was self-closing before a cell came in: it is again
        splices.push({ at: r.start, end: r.end, text: tag, order: 1 });
        for (const c of this.cellsIn(holder)) cellText.delete(c.start);
        tags.delete(holder);
      } else if (!r.selfClosing) tags.set(holder, open(tag));
      else if (tag.endsWith("/>")) tags.set(holder, tag);
    }
    for (const [h, tag] of tags) {
      const r = this.rows[h];
      if (r.selfClosing && gained.has(h)) {
        splices.push({ at: r.start, end: r.tagEnd, text: open(tag), order: 1 });
        splices.push({ at: r.tagEnd, end: r.tagEnd, text: `</${r.name}>`, order: 2 });
      } else splices.push({ at: r.start, end: r.tagEnd, text: tag, order: 1 });
    }
    for (const [start, { cell, text }] of cellText) splices.push({ at: start, end: cell.end, text, order: 1 });
    for (const i of inserts) splices.push({ at: i.at, end: i.at, text: i.text, order: 0 });
    // in document order; at one offset, what is inserted there comes first (in the order it was planned), a close tag last
    const sorted = splices.map((s, i) => ({ ...s, i })).sort((a, b) => a.at - b.at || a.order - b.order || a.i - b.i);
    if (this.dataSelfClosing) {
      const sd = this.dataTag;
      const body = sorted.map((s) => s.text).join("");
      return xml.slice(0, sd.start) + sd.text.replace(/\s*\/>$/, ">") + body + `</${sd.name}>` + xml.slice(sd.start + sd.text.length);
    }
    const out: string[] = [];
    let cursor = 0;
    for (const s of sorted) {
      out.push(xml.slice(cursor, s.at), s.text);
      cursor = s.end;
    }
    out.push(xml.slice(cursor));
    return out.join("");
  }

  /**
   * The cell stored right after one taken away gets back its start tag as it was before a cell inserted there wrote
   * its r out: only when the tag now says the same but that r, and the cell's implied place (one past the cell kept
   * before it in its row element, else the element's first column) is where the r puts it.
   */
  private withoutWrittenR(taken: CellSpan, tag: string, cellText: Map<number, { cell: CellSpan; text: string }>): void {
    const cells = this.cellsIn(taken.holder);
    const i = cells.findIndex((c) => c.start === taken.start);
    const next = cells.slice(i + 1).find((c) => cellText.get(c.start)?.text !== "");
    if (!next) return;
    const kept = cells.slice(0, i).filter((c) => cellText.get(c.start)?.text !== "");
    const prev = kept[kept.length - 1];
    const implied = prev ? { row: prev.row, col: prev.col + 1 } : { row: this.rows[taken.holder].row, col: 1 };
    if (implied.row !== next.row || implied.col !== next.col) return;
    const now = cellText.get(next.start)?.text ?? next.xml;
    const head = now.slice(0, startTagEnd(now));
    const a = attributesOf(head);
    if (a.r === undefined || parseRef(a.r)?.row !== next.row || parseRef(a.r)?.col !== next.col) return;
    const attrs = (x: Record<string, string>) => JSON.stringify(Object.entries(x).sort());
    const was = attributesOf(tag);
    if (was.r !== undefined || attrs(Object.fromEntries(Object.entries(a).filter(([k]) => k !== "r"))) !== attrs(was)) return;
    cellText.set(next.start, { cell: next, text: tag + now.slice(head.length) });
  }

  /** True when every cell of a row element is taken away and nothing else is in it. */
  private emptied(holder: number, cellText: Map<number, { text: string }>): boolean {
    const r = this.rows[holder];
    let rest = this.xml.slice(r.tagEnd, r.closeStart);
    for (const c of [...this.cellsIn(holder)].reverse()) {
      if (cellText.get(c.start)?.text !== "") return false;
      rest = rest.slice(0, c.start - r.tagEnd) + rest.slice(c.end - r.tagEnd);
    }
    return rest === "";
  }
}

/** Column letters of a cell reference → column number (exported for tests). */
export function columnOf(ref: string): number {
  return colNumber(ref.replace(/[^A-Z]/gi, "").toUpperCase());
}
