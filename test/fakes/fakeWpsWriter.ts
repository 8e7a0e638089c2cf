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
 * - members are properties or zero-argument methods depending on the build switch, as in the fake ET.
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
  /** Highlighted stretches of the paragraph (yellow), in order. */
  highlighted: string[];
}

export class WriterDocModel {
  text: string;
  /** Style of each character (the paragraph's style is the one at its mark). */
  styles: number[];
  highlight: number[];
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
  replace(start: number, end: number, t: string, self?: Span): Span {
    const len = this.text.length;
    if (start < 0 || end < start || end > len) throw new WriterComError(E_GENERIC, `范围无效 / bad range ${start}-${end}`);
    // the document's final paragraph mark stays
    if (end === len) end = len - 1;
    if (start > end) start = end;
    const before = start > 0 ? this.highlight[start - 1] : (this.highlight[end] ?? WD_NO_HIGHLIGHT);
    const style = this.styles[this.paragraphAt(start).end - 1] ?? -1;
    const L = t.length;
    const delta = L - (end - start);
    this.text = this.text.slice(0, start) + t + this.text.slice(end);
    this.highlight.splice(start, end - start, ...new Array<number>(L).fill(before));
    this.styles.splice(start, end - start, ...new Array<number>(L).fill(style));
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
      out.push({ text: this.text.slice(at, end), style: STYLES[this.styles[end]] ?? String(this.styles[end]), highlighted: hl });
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

  constructor(document: WriterDocModel | null, options: { members?: MemberStyle } = {}) {
    this.members = options.members ?? "property";
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
    return app;
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
    this.member(o, "Variables", () => this.variablesObject(d));
    return o;
  }

  private rangeObject(d: WriterDocModel, start: number, end: number): Obj {
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
        this.stats.edits++;
        const next = d.replace(span.start, span.end, v, span);
        span.start = next.start;
        span.end = next.end;
      },
    );
    this.member(
      o,
      "Style",
      () => STYLES[d.styles[d.paragraphAt(span.start).end - 1]] ?? null,
      (v) => {
        const id = typeof v === "number" ? (STYLES[v] !== undefined ? v : null) : typeof v === "string" ? (STYLE_BY_NAME.get(v) ?? null) : null;
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
      if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < a || b > d.text.length) throw new WriterComError(E_GENERIC, "SetRange outside the document");
      span.start = a;
      span.end = b;
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
        if (!Number.isInteger(index) || index < 1 || index > names.length) throw new WriterComError(E_NO_MEMBER, `集合中不存在此成员 / no bookmark ${index}`);
        return bookmark(names[index - 1]);
      }
      if (!d.bookmarks.has(String(index))) throw new WriterComError(E_NO_MEMBER, `集合中不存在此成员 / no bookmark named ${String(index)}`);
      return bookmark(String(index));
    });
    this.method(o, "Add", (name: unknown, range: unknown) => {
      const n = String(name);
      if (!/^[A-Za-z\u4e00-\u9fff][A-Za-z0-9_\u4e00-\u9fff]{0,39}$/.test(n)) throw new WriterComError(E_BAD_NAME, `书签名无效 / not a valid bookmark name: ${n}`);
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
          if (s.length > MAX_VARIABLE) throw new WriterComError(E_GENERIC, `变量值过长 / a variable holds at most ${MAX_VARIABLE} characters`);
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
        if (!Number.isInteger(index) || index < 1 || index > names.length) throw new WriterComError(E_NO_MEMBER, `集合中不存在此成员 / no variable ${index}`);
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
