/**
 * A strict, in-memory fake of the part of the WPS 文字 object model (which follows Word's) that WpsDocumentHost
 * uses: `Application.ActiveDocument`, `Document.Content`, `Document.Range(start, end)`, `Range.Text`, `.Style`,
 * `.HighlightColorIndex`, `Bookmarks` and `Variables`.
 *
 * What it enforces, as WPS 文字 / Word do:
 * - the document is one string of characters in which "\r" ends a paragraph, and it always ends with one;
 *   positions are character offsets (`Start`, `End`), a `Range` covers [Start, End);
 * - ranges and bookmarks are live: text inserted or deleted before them moves them; setting `Range.Text` makes the
 *   range cover the new text, and DELETES every bookmark whose whole extent was replaced (so an adapter that rewrites
 *   a bookmarked section must add the bookmark again);
 * - inserted text takes the highlight of the character before it (the adapter must set it both ways), and the style
 *   of the paragraph it lands in; `Range.Style` applies to whole paragraphs and accepts the built-in style constants
 *   (wdStyleNormal -1, wdStyleHeading2 -3, wdStyleTitle -63, …) or their names; anything else throws;
 * - `Bookmarks.Item`/`Variables.Item` of a name that does not exist, an index of 0 or past `Count`, a bookmark name
 *   that is not a Word name (a letter first; letters, digits, "_"; at most 40), a variable added twice, or a
 *   variable value longer than 65,280 characters throw a COM-style error;
 * - members are properties or zero-argument methods depending on the build switch, as in the fake ET;
 * - `Tables.Add(range, rows, columns)` puts a table where the range was (its text replaced); in the text a cell is its
 *   text and a cell mark "\x07", a row ends with a row mark "\x07", and a paragraph follows the table (one is added
 *   when none does); `Table.Cell(r, c).Range` covers the cell's text (1-based; outside the table throws), a cell's text
 *   cannot hold a cell mark; `Rows.Item(r).HeadingFormat` (repeat as header row on each page), `Borders.Enable`,
 *   `Range.Font.Bold` (inherited like the highlight).
 * - `Application.FileSystem` (the WPS 加载项 file API): `tmpdir()`, `writeAsBinaryString(path, s)` (one character per
 *   byte: a character above U+00FF throws), `Exists(path)`, `Remove(path)` over an in-memory file system (`files`);
 *   `Document.InlineShapes.AddPicture(FileName, LinkToFile, SaveWithDocument, Range)` takes a FILE PATH that must exist
 *   in that file system and hold a PNG (else it throws, as WPS does for a missing file); a linked picture not saved
 *   with the document (LinkToFile true, SaveWithDocument not true) is refused, since the temporary file goes away; the
 *   picture is one character (PICTURE_MARK) at the range (a collapsed range inserts it, a wider one is replaced) and
 *   moves with the text; `Width`, `Height`, `LockAspectRatio`, `AlternativeText` are kept. `fileSystem: false` builds
 *   an application without FileSystem (older WPS).
 *
 * Self-contained (no imports), like fakeEt.ts, so the browser test can inject it.
 */

export type MemberStyle = "property" | "method";

export class WriterComError extends Error {
  readonly number: number;
  readonly description: string;
  constructor(hresult: number, description: string) {
    super(description);
    this.name = "ComError";
    this.number = hresult;
    this.description = description;
  }
}

/** Word's "the requested member of the collection does not exist" (5941) as a COM HRESULT. */
export const E_NO_MEMBER = -2146822347;
export const E_BAD_NAME = -2146822460;
export const E_GENERIC = -2146827284;

/** Built-in styles the fake knows (WdBuiltinStyle) and their names. */
export const STYLES: Record<number, string> = { [-1]: "正文", [-2]: "标题 1", [-3]: "标题 2", [-4]: "标题 3", [-63]: "标题" };
const STYLE_BY_NAME = new Map<string, number>([
  ...Object.entries(STYLES).map(([k, v]) => [v, Number(k)] as [string, number]),
  ["Normal", -1],
  ["Heading 1", -2],
  ["Heading 2", -3],
  ["Heading 3", -4],
  ["Title", -63],
]);

export const WD_YELLOW = 7;
export const WD_NO_HIGHLIGHT = 0;
const WD_UNDEFINED = 9999999;
const MAX_VARIABLE = 65_280;

interface Span {
  start: number;
  end: number;
}

export interface ParagraphView {
  text: string;
  style: string;
  /** 0 left, 1 centre, 2 right, 3 justify. */
  alignment: number;
  /** Highlighted stretches of the paragraph (yellow), in order. */
  highlighted: string[];
}

/** A table in the document: a live span over its text, its size and its formatting. */
export interface TableModel {
  span: Span;
  rows: number;
  cols: number;
  headingRows: Set<number>;
  borders: boolean;
}

export const CELL_MARK = "\x07";
/** The character an inline picture occupies in the text (Word's and WPS's is U+0001). */
export const PICTURE_MARK = "\x01";

/** An inline picture in the document: its live position, the bytes it was made from, its shown size and alt text. */
export interface PictureModel {
  span: Span;
  bytes: Uint8Array;
  source: string;
  width: number | null;
  height: number | null;
  lockAspectRatio: boolean;
  alternativeText: string;
}

export class WriterDocModel {
  text: string;
  /** Style of each character (the paragraph's style is the one at its mark). */
  styles: number[];
  highlight: number[];
  bold: number[];
  /** Paragraph alignment (WdParagraphAlignment: 0 left, 1 centre, 2 right, 3 justify) of each character. */
  align: number[];
  readonly tables: TableModel[] = [];
  readonly pictures: PictureModel[] = [];
  readonly bookmarks = new Map<string, Span>();
  readonly variables = new Map<string, string>();
  /** Live ranges, moved by every edit. */
  readonly live = new Set<Span>();

  constructor(
    public name: string,
    paragraphs: string[] = [""],
  ) {
    this.text = paragraphs.map((p) => `${p}\r`).join("");
    this.styles = new Array<number>(this.text.length).fill(-1);
    this.highlight = new Array<number>(this.text.length).fill(WD_NO_HIGHLIGHT);
    this.bold = new Array<number>(this.text.length).fill(0);
    this.align = new Array<number>(this.text.length).fill(0);
  }

  /** [start, end) of each cell's text of a table, row by row (1-based rows and columns map to [r-1][c-1]). */
  cellSpans(t: TableModel): Span[][] {
    const out: Span[][] = [];
    let at = t.span.start;
    for (let r = 0; r < t.rows; r++) {
      const row: Span[] = [];
      for (let c = 0; c < t.cols; c++) {
        const end = this.text.indexOf(CELL_MARK, at);
        row.push({ start: at, end });
        at = end + 1;
      }
      at += 1; // the row mark
      out.push(row);
    }
    return out;
  }

  /** Each table's cell texts, in document order. */
  tableValues(): string[][][] {
    return [...this.tables]
      .sort((a, b) => a.span.start - b.span.start)
      .map((t) => this.cellSpans(t).map((r) => r.map((c) => this.text.slice(c.start, c.end))));
  }

  /** [start, end) of the paragraph holding position `at` (its mark included). */
  paragraphAt(at: number): Span {
    const p = Math.min(Math.max(0, at), this.text.length - 1);
    const start = this.text.lastIndexOf("\r", p - 1) + 1;
    const end = this.text.indexOf("\r", p) + 1;
    return { start, end };
  }

  /**
   * Replaces [start, end) with `t`; moves live ranges and bookmarks; returns the span of the new text.
   * `self` (the range written to) is left for the caller to set. A point where text is inserted keeps a start after
   * it and an end before it (the inserted text belongs to neither side); a bookmark whose whole text is replaced goes.
   */
  replace(start: number, end: number, t: string, self?: Span, inTable?: TableModel): Span {
    const len = this.text.length;
    if (start < 0 || end < start || end > len) throw new WriterComError(E_GENERIC, `范围无效 / bad range ${start}-${end}`);
    // the document's final paragraph mark stays
    if (end === len) end = len - 1;
    if (start > end) start = end;
    const before = start > 0 ? this.highlight[start - 1] : (this.highlight[end] ?? WD_NO_HIGHLIGHT);
    const boldBefore = start > 0 ? this.bold[start - 1] : (this.bold[end] ?? 0);
    const style = this.styles[this.paragraphAt(start).end - 1] ?? -1;
    const L = t.length;
    const delta = L - (end - start);
    this.text = this.text.slice(0, start) + t + this.text.slice(end);
    this.highlight.splice(start, end - start, ...new Array<number>(L).fill(before));
    this.styles.splice(start, end - start, ...new Array<number>(L).fill(style));
    this.bold.splice(start, end - start, ...new Array<number>(L).fill(boldBefore));
    this.align.splice(start, end - start, ...new Array<number>(L).fill(this.align[this.paragraphAt(start).end - 1] ?? 0));
    const moveStart = (x: number) => (x < start ? x : x > end ? x + delta : x === start && end > start ? start : start + L);
    const moveEnd = (x: number) => (x < start ? x : x > end ? x + delta : x === start ? start : start + L);
    for (const [name, b] of [...this.bookmarks]) {
      if (end > start && b.start >= start && b.end <= end) {
        this.bookmarks.delete(name); // its whole text was replaced
        continue;
      }
      b.start = moveStart(b.start);
      b.end = Math.max(b.start, moveEnd(b.end));
    }
    for (const t of this.tables) {
      // a cell's own edit stays in its table, even at the table's first character
      if (t === inTable) {
        t.span.end += delta;
        continue;
      }
      t.span.start = moveStart(t.span.start);
      t.span.end = Math.max(t.span.start, moveEnd(t.span.end));
    }
    for (const p of [...this.pictures]) {
      if (end > start && p.span.start >= start && p.span.end <= end) {
        this.pictures.splice(this.pictures.indexOf(p), 1); // its character was replaced
        continue;
      }
      p.span.start = moveStart(p.span.start);
      p.span.end = p.span.start + 1;
    }
    for (const r of this.live) {
      if (r === self) continue;
      r.start = moveStart(r.start);
      r.end = Math.max(r.start, moveEnd(r.end));
    }
    return { start, end: start + L };
  }

  paragraphs(): ParagraphView[] {
    const out: ParagraphView[] = [];
    let at = 0;
    while (at < this.text.length) {
      const end = this.text.indexOf("\r", at);
      const hl: string[] = [];
      let run = "";
      for (let i = at; i < end; i++) {
        if (this.highlight[i] === WD_YELLOW) run += this.text[i];
        else if (run) {
          hl.push(run);
          run = "";
        }
      }
      if (run) hl.push(run);
      out.push({
        text: this.text.slice(at, end),
        style: STYLES[this.styles[end]] ?? String(this.styles[end]),
        alignment: this.align[end],
        highlighted: hl,
      });
      at = end + 1;
    }
    return out;
  }

  bookmarkText(name: string): string | null {
    const b = this.bookmarks.get(name);
    return b ? this.text.slice(b.start, b.end) : null;
  }
}

type Obj = Record<string, unknown>;

export class FakeWpsWriter {
  readonly members: MemberStyle;
  document: WriterDocModel | null;
  readonly stats = { calls: 0, edits: 0 };
  readonly Application: Obj;

  /** The in-memory file system behind Application.FileSystem (path → bytes). */
  readonly files = new Map<string, Uint8Array>();
  /** Every path written through FileSystem, in order (removed ones included). */
  readonly written: string[] = [];
  private readonly fileSystem: boolean;

  constructor(document: WriterDocModel | null, options: { members?: MemberStyle; fileSystem?: boolean } = {}) {
    this.members = options.members ?? "property";
    this.fileSystem = options.fileSystem ?? true;
    this.document = document;
    this.Application = this.application();
  }

  private member(target: Obj, name: string, get: () => unknown, set?: (v: unknown) => void): void {
    const self = this;
    Object.defineProperty(target, name, {
      enumerable: true,
      get() {
        self.stats.calls++;
        if (self.members === "method") {
          return function (...args: unknown[]) {
            if (args.length > 0) throw new WriterComError(E_GENERIC, `${name} takes no arguments`);
            return get();
          };
        }
        return get();
      },
      set(v: unknown) {
        self.stats.calls++;
        if (!set) throw new WriterComError(E_GENERIC, `${name} 是只读属性 / ${name} is read-only`);
        set(v);
      },
    });
  }

  private method(target: Obj, name: string, fn: (...args: any[]) => unknown): void {
    const self = this;
    Object.defineProperty(target, name, {
      enumerable: true,
      value: function (...args: unknown[]) {
        self.stats.calls++;
        return fn(...args);
      },
    });
  }

  private application(): Obj {
    const app: Obj = {};
    this.member(app, "Name", () => "WPS 文字");
    this.member(app, "ActiveDocument", () => (this.document ? this.documentObject(this.document) : null));
    if (this.fileSystem) this.member(app, "FileSystem", () => this.fileSystemObject());
    return app;
  }

  static readonly TMP = "/tmp/wps-fake";

  private fileSystemObject(): Obj {
    const o: Obj = {};
    const path = (p: unknown) => {
      if (typeof p !== "string" || !p) throw new WriterComError(E_GENERIC, `路径无效 / bad path: ${String(p)}`);
      return p;
    };
    this.method(o, "tmpdir", () => FakeWpsWriter.TMP);
    this.method(o, "writeAsBinaryString", (p: unknown, data: unknown) => {
      const at = path(p);
      if (!at.startsWith(`${FakeWpsWriter.TMP}/`)) throw new WriterComError(E_GENERIC, `无法写入 / cannot write ${at}`);
      if (typeof data !== "string") throw new WriterComError(E_GENERIC, "writeAsBinaryString needs a string");
      const bytes = new Uint8Array(data.length);
      for (let i = 0; i < data.length; i++) {
        const c = data.charCodeAt(i);
        if (c > 0xff) throw new WriterComError(E_GENERIC, `not a binary string: U+${c.toString(16)} at ${i}`);
        bytes[i] = c;
      }
      this.files.set(at, bytes);
      this.written.push(at);
      return true;
    });
    this.method(o, "Exists", (p: unknown) => this.files.has(path(p)));
    this.method(o, "Remove", (p: unknown) => {
      const at = path(p);
      if (!this.files.delete(at)) throw new WriterComError(E_GENERIC, `文件不存在 / no such file: ${at}`);
      return true;
    });
    return o;
  }

  private inlineShapesObject(d: WriterDocModel): Obj {
    const o: Obj = {};
    this.member(o, "Count", () => d.pictures.length);
    this.method(o, "AddPicture", (fileName: unknown, linkToFile?: unknown, saveWithDocument?: unknown, range?: unknown) => {
      if (typeof fileName !== "string") throw new WriterComError(E_GENERIC, "AddPicture: FileName must be a path");
      const bytes = this.files.get(fileName);
      if (!bytes) throw new WriterComError(E_GENERIC, `文件不存在 / no such file: ${fileName}`);
      const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
      if (!png.every((b, i) => bytes[i] === b)) throw new WriterComError(E_GENERIC, `不是图片 / not a picture: ${fileName}`);
      if (linkToFile === true && saveWithDocument !== true)
        throw new WriterComError(E_GENERIC, "a linked picture not saved with the document would break when its file goes");
      const r = range as Obj | undefined;
      const read = (k: string) => {
        const v = r?.[k];
        return Number(typeof v === "function" ? (v as () => unknown)() : v);
      };
      const start = r ? read("Start") : d.text.length - 1;
      const end = r ? read("End") : d.text.length - 1;
      this.stats.edits++;
      const span = d.replace(start, end, PICTURE_MARK);
      const pic: PictureModel = {
        span: { start: span.start, end: span.start + 1 },
        bytes: new Uint8Array(bytes),
        source: fileName,
        width: null,
        height: null,
        lockAspectRatio: false,
        alternativeText: "",
      };
      d.pictures.push(pic);
      const shape: Obj = {};
      const num = (name: string) => (v: unknown) => {
        const n = Number(v);
        if (!Number.isFinite(n) || n <= 0) throw new WriterComError(E_GENERIC, `${name}: ${String(v)}`);
        return n;
      };
      this.member(
        shape,
        "Width",
        () => pic.width,
        (v) => void (pic.width = num("Width")(v)),
      );
      this.member(
        shape,
        "Height",
        () => pic.height,
        (v) => void (pic.height = num("Height")(v)),
      );
      this.member(
        shape,
        "LockAspectRatio",
        () => pic.lockAspectRatio,
        (v) => void (pic.lockAspectRatio = v === true || v === -1),
      );
      this.member(
        shape,
        "AlternativeText",
        () => pic.alternativeText,
        (v) => void (pic.alternativeText = String(v)),
      );
      return shape;
    });
    return o;
  }

  private documentObject(d: WriterDocModel): Obj {
    const o: Obj = {};
    this.member(o, "Name", () => d.name);
    this.member(o, "Content", () => this.rangeObject(d, 0, d.text.length));
    this.method(o, "Range", (start?: unknown, end?: unknown) => {
      const s = start === undefined ? 0 : Number(start);
      const e = end === undefined ? d.text.length : Number(end);
      if (!Number.isInteger(s) || !Number.isInteger(e) || s < 0 || e < s || e > d.text.length) {
        throw new WriterComError(E_GENERIC, `Range(${String(start)}, ${String(end)}) 超出文档 / outside the document`);
      }
      return this.rangeObject(d, s, e);
    });
    this.member(o, "Bookmarks", () => this.bookmarksObject(d));
    this.member(o, "Tables", () => this.tablesObject(d));
    this.member(o, "InlineShapes", () => this.inlineShapesObject(d));
    this.member(o, "Variables", () => this.variablesObject(d));
    return o;
  }

  private rangeObject(d: WriterDocModel, start: number, end: number, cell: TableModel | null = null): Obj {
    const span: Span = { start, end };
    d.live.add(span);
    const o: Obj = {};
    this.member(o, "Start", () => span.start);
    this.member(o, "End", () => span.end);
    this.member(
      o,
      "Text",
      () => d.text.slice(span.start, span.end),
      (v) => {
        if (typeof v !== "string") throw new WriterComError(E_GENERIC, "Text must be a string");
        // a cell's text cannot hold a cell mark
        if (cell && v.includes(CELL_MARK)) throw new WriterComError(E_GENERIC, "a cell's text cannot hold a cell mark");
        this.stats.edits++;
        const next = d.replace(span.start, span.end, v, span, cell ?? undefined);
        span.start = next.start;
        span.end = next.end;
      },
    );
    this.member(
      o,
      "Style",
      () => STYLES[d.styles[d.paragraphAt(span.start).end - 1]] ?? null,
      (v) => {
        const id =
          typeof v === "number" ? (STYLES[v] !== undefined ? v : null) : typeof v === "string" ? (STYLE_BY_NAME.get(v) ?? null) : null;
        if (id === null) throw new WriterComError(E_NO_MEMBER, `样式不存在 / no such style: ${String(v)}`);
        const first = d.paragraphAt(span.start);
        const last = d.paragraphAt(Math.max(span.start, span.end - 1));
        for (let i = first.start; i < last.end; i++) d.styles[i] = id;
      },
    );
    this.member(
      o,
      "HighlightColorIndex",
      () => {
        const set = new Set(d.highlight.slice(span.start, span.end));
        return set.size === 1 ? [...set][0] : set.size === 0 ? WD_NO_HIGHLIGHT : WD_UNDEFINED;
      },
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 16) throw new WriterComError(E_GENERIC, `HighlightColorIndex: ${String(v)}`);
        for (let i = span.start; i < span.end; i++) d.highlight[i] = n;
      },
    );
    this.member(o, "Font", () => {
      const f: Obj = {};
      this.member(
        f,
        "Bold",
        () => {
          const set = new Set(d.bold.slice(span.start, span.end));
          return set.size === 1 ? [...set][0] : WD_UNDEFINED;
        },
        (v) => {
          const b = v === true || v === -1 || v === 1 ? 1 : v === false || v === 0 ? 0 : null;
          if (b === null) throw new WriterComError(E_GENERIC, `Font.Bold: ${String(v)}`);
          for (let i = span.start; i < span.end; i++) d.bold[i] = b;
        },
      );
      return f;
    });
    this.member(o, "ParagraphFormat", () => {
      const f: Obj = {};
      this.member(
        f,
        "Alignment",
        () => d.align[d.paragraphAt(span.start).end - 1],
        (v) => {
          const n = Number(v);
          if (![0, 1, 2, 3].includes(n)) throw new WriterComError(E_GENERIC, `ParagraphFormat.Alignment: ${String(v)}`);
          const first = d.paragraphAt(span.start);
          const last = d.paragraphAt(Math.max(span.start, span.end - 1));
          for (let i = first.start; i < last.end; i++) d.align[i] = n;
        },
      );
      return f;
    });
    this.method(o, "InsertAfter", (t: unknown) => {
      this.stats.edits++;
      const at = span.end === d.text.length ? d.text.length - 1 : span.end;
      const next = d.replace(at, at, String(t), span);
      span.end = next.end;
      if (span.start > next.start) span.start = next.start;
    });
    this.method(o, "SetRange", (s: unknown, e: unknown) => {
      const a = Number(s);
      const b = Number(e);
      if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < a || b > d.text.length)
        throw new WriterComError(E_GENERIC, "SetRange outside the document");
      span.start = a;
      span.end = b;
    });
    return o;
  }

  private tablesObject(d: WriterDocModel): Obj {
    const o: Obj = {};
    const ordered = () => [...d.tables].sort((a, b) => a.span.start - b.span.start);
    this.member(o, "Count", () => d.tables.length);
    this.method(o, "Item", (index: unknown) => {
      const list = ordered();
      const i = Number(index);
      if (!Number.isInteger(i) || i < 1 || i > list.length)
        throw new WriterComError(E_NO_MEMBER, `集合中不存在此成员 / no table ${String(index)}`);
      return this.tableObject(d, list[i - 1]);
    });
    this.method(o, "Add", (range: unknown, numRows: unknown, numColumns: unknown) => {
      const r = range as Obj | undefined;
      if (!r) throw new WriterComError(E_GENERIC, "Tables.Add needs a Range");
      const read = (k: string) => {
        const v = r[k];
        return Number(typeof v === "function" ? (v as () => unknown)() : v);
      };
      const rows = Number(numRows);
      const cols = Number(numColumns);
      if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1 || cols > 63 || rows > 32767)
        throw new WriterComError(E_GENERIC, `Tables.Add: ${String(numRows)} × ${String(numColumns)}`);
      const start = read("Start");
      const end = read("End");
      if (d.tables.some((t) => start > t.span.start && start < t.span.end))
        throw new WriterComError(E_GENERIC, "Tables.Add inside a table is not supported");
      this.stats.edits++;
      const body = new Array(rows).fill(CELL_MARK.repeat(cols) + CELL_MARK).join("");
      // a paragraph follows a table: one is added when the range is not followed by a paragraph mark
      const after = d.text[end] === "\r" ? "" : "\r";
      const span = d.replace(start, end, body + after);
      const t: TableModel = {
        span: { start: span.start, end: span.start + body.length },
        rows,
        cols,
        headingRows: new Set(),
        borders: false,
      };
      d.tables.push(t);
      return this.tableObject(d, t);
    });
    return o;
  }

  private tableObject(d: WriterDocModel, t: TableModel): Obj {
    const o: Obj = {};
    const alive = () => {
      if (!d.tables.includes(t)) throw new WriterComError(E_NO_MEMBER, "表格已删除 / the table was deleted");
    };
    this.member(o, "Range", () => (alive(), this.rangeObject(d, t.span.start, t.span.end)));
    this.method(o, "Cell", (row: unknown, column: unknown) => {
      alive();
      const r = Number(row);
      const c = Number(column);
      if (!Number.isInteger(r) || !Number.isInteger(c) || r < 1 || c < 1 || r > t.rows || c > t.cols)
        throw new WriterComError(
          E_NO_MEMBER,
          `集合中不存在此成员 / no cell (${String(row)}, ${String(column)}) in a ${t.rows} × ${t.cols} table`,
        );
      const cell: Obj = {};
      this.member(cell, "Range", () => {
        const at = d.cellSpans(t)[r - 1][c - 1];
        return this.rangeObject(d, at.start, at.end, t);
      });
      return cell;
    });
    this.member(o, "Rows", () => {
      alive();
      const rows: Obj = {};
      this.member(rows, "Count", () => t.rows);
      this.method(rows, "Item", (index: unknown) => {
        const i = Number(index);
        if (!Number.isInteger(i) || i < 1 || i > t.rows)
          throw new WriterComError(E_NO_MEMBER, `集合中不存在此成员 / no row ${String(index)}`);
        const row: Obj = {};
        this.member(
          row,
          "HeadingFormat",
          () => (t.headingRows.has(i) ? -1 : 0),
          (v) => {
            // a heading row repeats only from the table's first row down, without gaps
            const on = v === true || v === -1 || v === 1;
            if (on && i > 1 && !t.headingRows.has(i - 1))
              throw new WriterComError(E_GENERIC, "HeadingFormat: the rows above must be heading rows too");
            if (on) t.headingRows.add(i);
            else t.headingRows.delete(i);
          },
        );
        this.member(row, "Range", () => {
          const cells = d.cellSpans(t)[i - 1];
          return this.rangeObject(d, cells[0].start, cells[cells.length - 1].end);
        });
        return row;
      });
      return rows;
    });
    this.member(o, "Borders", () => {
      const b: Obj = {};
      this.member(
        b,
        "Enable",
        () => (t.borders ? -1 : 0),
        (v) => {
          t.borders = v === true || v === -1 || v === 1;
        },
      );
      return b;
    });
    return o;
  }

  private bookmarksObject(d: WriterDocModel): Obj {
    const o: Obj = {};
    const sorted = () => [...d.bookmarks.keys()].sort();
    const bookmark = (name: string): Obj => {
      const b: Obj = {};
      this.member(b, "Name", () => name);
      this.member(b, "Range", () => {
        const span = d.bookmarks.get(name);
        if (!span) throw new WriterComError(E_NO_MEMBER, `书签已删除 / the bookmark was deleted: ${name}`);
        return this.rangeObject(d, span.start, span.end);
      });
      this.method(b, "Delete", () => {
        d.bookmarks.delete(name);
      });
      return b;
    };
    this.member(o, "Count", () => d.bookmarks.size);
    this.method(o, "Exists", (name: unknown) => d.bookmarks.has(String(name)));
    this.method(o, "Item", (index: unknown) => {
      if (typeof index === "number") {
        const names = sorted();
        if (!Number.isInteger(index) || index < 1 || index > names.length)
          throw new WriterComError(E_NO_MEMBER, `集合中不存在此成员 / no bookmark ${index}`);
        return bookmark(names[index - 1]);
      }
      if (!d.bookmarks.has(String(index))) throw new WriterComError(E_NO_MEMBER, `集合中不存在此成员 / no bookmark named ${String(index)}`);
      return bookmark(String(index));
    });
    this.method(o, "Add", (name: unknown, range: unknown) => {
      const n = String(name);
      if (!/^[A-Za-z\u4e00-\u9fff][A-Za-z0-9_\u4e00-\u9fff]{0,39}$/.test(n))
        throw new WriterComError(E_BAD_NAME, `书签名无效 / not a valid bookmark name: ${n}`);
      const r = range as Obj | undefined;
      if (!r) throw new WriterComError(E_GENERIC, "Bookmarks.Add needs a Range");
      const read = (k: string) => {
        const v = r[k];
        return Number(typeof v === "function" ? (v as () => unknown)() : v);
      };
      d.bookmarks.set(n, { start: read("Start"), end: read("End") });
      return bookmark(n);
    });
    return o;
  }

  private variablesObject(d: WriterDocModel): Obj {
    const o: Obj = {};
    const variable = (name: string): Obj => {
      const v: Obj = {};
      this.member(v, "Name", () => name);
      this.member(
        v,
        "Value",
        () => {
          if (!d.variables.has(name)) throw new WriterComError(E_NO_MEMBER, `变量已删除 / the variable was deleted: ${name}`);
          return d.variables.get(name);
        },
        (x) => {
          const s = String(x);
          if (s.length > MAX_VARIABLE)
            throw new WriterComError(E_GENERIC, `变量值过长 / a variable holds at most ${MAX_VARIABLE} characters`);
          d.variables.set(name, s);
        },
      );
      this.method(v, "Delete", () => {
        d.variables.delete(name);
      });
      return v;
    };
    this.member(o, "Count", () => d.variables.size);
    this.method(o, "Item", (index: unknown) => {
      if (typeof index === "number") {
        const names = [...d.variables.keys()];
        if (!Number.isInteger(index) || index < 1 || index > names.length)
          throw new WriterComError(E_NO_MEMBER, `集合中不存在此成员 / no variable ${index}`);
        return variable(names[index - 1]);
      }
      if (!d.variables.has(String(index))) throw new WriterComError(E_NO_MEMBER, `集合中不存在此成员 / no variable named ${String(index)}`);
      return variable(String(index));
    });
    this.method(o, "Add", (name: unknown, value: unknown) => {
      const n = String(name);
      if (d.variables.has(n)) throw new WriterComError(E_GENERIC, `变量已存在 / the variable exists: ${n}`);
      const s = value === undefined ? "" : String(value);
      if (s === "") throw new WriterComError(E_GENERIC, "a variable needs a value");
      if (s.length > MAX_VARIABLE) throw new WriterComError(E_GENERIC, `变量值过长 / a variable holds at most ${MAX_VARIABLE} characters`);
      d.variables.set(n, s);
      return variable(n);
    });
    return o;
  }
}
