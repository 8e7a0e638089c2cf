/**
 * A strict fake of the Word JavaScript API (the subset in src/adapters/word/api.ts), for tests.
 *
 * Strict like the real thing, and stricter where a mistake would only show in Word:
 * - every method call and property write is QUEUED and applied, in order, at the next `context.sync()`;
 * - reading a property throws unless it was `load`ed and a sync has happened since (PropertyNotLoaded);
 * - a ClientResult's value (getXml) throws until synced;
 * - proxies die with their `run`: touching one afterwards throws (InvalidObjectPath);
 * - inserted text takes the formatting before it (a highlight or bold carries on unless reset; a new paragraph
 *   takes the bold of the one before, its paragraph mark keeping it while it is empty);
 * - a content control can only wrap whole paragraphs that are not already in one;
 * - requirement sets: a method of a WordApi set newer than the fake's (`new FakeWord([], { api: 1.2 })`) throws
 *   ApiNotFound, as Office does on an older Word (tables are 1.3, custom XML parts 1.4);
 * - a table is a block of its own, and Word keeps a paragraph after a table: one is added when the table ends the
 *   document; a picture must be an image (PNG, JPEG, GIF, BMP) in base64, or Word refuses it.
 * It counts syncs and runs, and lets a test play the person: type outside the report, edit inside a section.
 */
import type {
  WBody,
  WClientResult,
  WContentControl,
  WContentControlCollection,
  WCustomXmlPart,
  WCustomXmlPartScopedCollection,
  WDocument,
  WFont,
  WordContext,
  WordRun,
  WParagraph,
  WParagraphCollection,
  WRange,
  WRangeCollection,
  WSearchOptions,
  WTableCollection,
  WInlinePicture,
  WTable,
  WTableCell,
  WTableRow,
} from "../../src/adapters/word/api";

export class FakeWordError extends Error {
  constructor(
    readonly code: "PropertyNotLoaded" | "InvalidObjectPath" | "InvalidArgument" | "ItemNotFound" | "GeneralException" | "ApiNotFound",
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "FakeWordError";
  }
}

export interface PictureNode {
  /** The image bytes as given (base64). */
  base64: string;
  /** "png", "jpeg", … from the bytes' signature. */
  format: string;
  width: number;
  height: number;
  altTextTitle: string;
  altTextDescription: string;
  lockAspectRatio: boolean;
}
interface Run {
  text: string;
  highlight: string | null;
  bold?: boolean;
  picture?: PictureNode;
}
export interface TableNode {
  values: string[][];
  headerRowCount: number;
  style: string;
  /** Rows set in bold (index into values). */
  boldRows: Set<number>;
  /** Cell alignments set, by "row,col". */
  alignment: Map<string, string>;
}
export interface PNode {
  id: number;
  runs: Run[];
  style: string;
  cc: number | null;
  /** Paragraph alignment, when set. */
  alignment?: string;
  /** Bold of the paragraph mark: what text typed into the paragraph takes. */
  markBold?: boolean;
  /** A paragraph of a table cell, as body.paragraphs lists it (the fake keeps a table's cells as values). */
  inTable?: boolean;
  /** Set when this block is a table, not a paragraph (runs then stay empty). */
  table?: TableNode;
}
export interface CCNode {
  id: number;
  tag: string;
  title: string;
  appearance: string;
}
interface PartNode {
  id: string;
  xml: string;
}

const ptext = (p: PNode) => (p.table ? p.table.values.map((r) => r.join("\t")).join("\r") : p.runs.map((r) => r.text).join(""));

/** What an image's first bytes say it is; null when it is no image Word takes. */
function imageFormat(base64: string): string | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) return null;
  const head = Buffer.from(base64.slice(0, 16), "base64");
  if (head.subarray(0, 8).toString("hex") === "89504e470d0a1a0a") return "png";
  if (head.subarray(0, 3).toString("hex") === "ffd8ff") return "jpeg";
  if (head.subarray(0, 4).toString("latin1") === "GIF8") return "gif";
  if (head.subarray(0, 2).toString("latin1") === "BM") return "bmp";
  return null;
}

function rootNamespace(xml: string): string | null {
  const m = /<(?:([\w.-]+):)?[\w.-]+\b([^>]*)>/.exec(xml.replace(/<\?xml[^>]*\?>/, "").replace(/<!--[\s\S]*?-->/g, ""));
  if (!m) return null;
  const prefix = m[1];
  const re = prefix ? new RegExp(`xmlns:${prefix}="([^"]*)"`) : /xmlns="([^"]*)"/;
  return re.exec(m[2])?.[1] ?? null;
}

/** Parses load("a,b") / load(["a","b"]) / load() into item-level and own property names. */
function parseLoad(props: string | string[] | undefined, all: string[]): { own: string[]; items: string[] | null } {
  if (props === undefined) return { own: all, items: null };
  const list = (Array.isArray(props) ? props : props.split(",")).map((s) => s.trim()).filter(Boolean);
  const own: string[] = [];
  let items: string[] | null = null;
  for (const p of list) {
    if (p === "items") items = items ?? [];
    else if (p.startsWith("items/")) (items = items ?? []).push(p.slice(6));
    else own.push(p);
  }
  return { own, items };
}

class Ctx implements WordContext {
  queue: (() => void)[] = [];
  alive = true;
  document: WDocument;
  constructor(readonly fake: FakeWord) {
    this.document = new FDocument(this);
  }
  check(): void {
    if (!this.alive) throw new FakeWordError("InvalidObjectPath", "a proxy object was used outside the Word.run batch that created it");
  }
  /** Throws as Office does when the method's requirement set is newer than the host's. */
  need(version: number, what: string): void {
    this.check();
    if (this.fake.api < version)
      throw new FakeWordError("ApiNotFound", `${what} needs WordApi ${version.toFixed(1)}; this Word has ${this.fake.api.toFixed(1)}`);
  }
  push(op: () => void): void {
    this.check();
    this.queue.push(op);
  }
  async sync(): Promise<void> {
    this.check();
    this.fake.syncs++;
    const ops = this.queue;
    this.queue = [];
    for (const op of ops) op();
  }
}

abstract class Proxy {
  protected loaded = new Map<string, unknown>();
  constructor(protected ctx: Ctx) {}
  protected read<T>(name: string): T {
    this.ctx.check();
    if (!this.loaded.has(name))
      throw new FakeWordError(
        "PropertyNotLoaded",
        `${this.constructor.name.replace(/^F/, "")}.${name} was read before load("${name}") + sync()`,
      );
    return this.loaded.get(name) as T;
  }
}

/** The bold a paragraph passes on to what follows it: its last run's, else its mark's. */
const endBold = (p: PNode | undefined): boolean => (p ? (p.runs.length ? !!p.runs[p.runs.length - 1].bold : !!p.markBold) : false);

class FFont implements WFont {
  constructor(
    private ctx: Ctx,
    private runs: () => Run[],
    private paragraphs: () => PNode[] = () => [],
  ) {}
  set highlightColor(v: string | null) {
    this.ctx.push(() => {
      for (const r of this.runs()) r.highlight = v;
    });
  }
  get highlightColor(): string | null {
    throw new FakeWordError("PropertyNotLoaded", "Font.highlightColor is not loadable in this fake");
  }
  set bold(v: boolean) {
    this.ctx.push(() => {
      for (const r of this.runs()) r.bold = v;
      for (const p of this.paragraphs()) p.markBold = v;
    });
  }
  get bold(): boolean {
    throw new FakeWordError("PropertyNotLoaded", "Font.bold is not loadable in this fake");
  }
}

/** Where search() found a text: a paragraph of the document, or a cell of a table. */
type Found = { para: PNode; text: string; at: number } | { table: PNode; row: number; col: number; text: string; at: number };

type RangeTarget =
  { kind: "paras"; from: () => PNode; to: () => PNode } | { kind: "run"; run: () => Run } | { kind: "found"; found: Found };

/** Every place `text` stands in `whole` (search(): case-sensitive when asked, else case-insensitive). */
function occurrences(whole: string, text: string, matchCase: boolean): number[] {
  if (!text) throw new FakeWordError("InvalidArgument", "search: empty text");
  if (text.length > 255) throw new FakeWordError("InvalidArgument", "search: text longer than 255 characters");
  const a = matchCase ? whole : whole.toLowerCase();
  const b = matchCase ? text : text.toLowerCase();
  const out: number[] = [];
  for (let i = a.indexOf(b); i >= 0; i = a.indexOf(b, i + 1)) out.push(i);
  return out;
}

class FRangeCollection extends Proxy implements WRangeCollection {
  constructor(
    ctx: Ctx,
    private find: () => Found[],
  ) {
    super(ctx);
  }
  get items(): WRange[] {
    return this.read("items");
  }
  load(props?: string | string[]): WRangeCollection {
    parseLoad(props, []);
    this.ctx.push(() => {
      this.loaded.set(
        "items",
        this.find().map((found) => new FRange(this.ctx, { kind: "found", found })),
      );
    });
    return this;
  }
}

class FRange extends Proxy implements WRange {
  constructor(
    ctx: Ctx,
    private target: RangeTarget,
  ) {
    super(ctx);
  }
  get font(): WFont {
    return new FFont(this.ctx, () => {
      if (this.target.kind === "run") return [this.target.run()];
      if (this.target.kind === "found")
        throw new FakeWordError("InvalidArgument", "the font of a found range is not modelled by this fake");
      return this.paras().flatMap((p) => p.runs);
    });
  }
  private paras(): PNode[] {
    if (this.target.kind !== "paras") throw new FakeWordError("InvalidArgument", "not a paragraph range");
    const doc = this.ctx.fake.paragraphs;
    const a = doc.indexOf(this.target.from());
    const b = doc.indexOf(this.target.to());
    if (a < 0 || b < 0) throw new FakeWordError("ItemNotFound", "range paragraph no longer in the document");
    if (b < a) throw new FakeWordError("InvalidArgument", "expandTo: the range ends before it starts");
    return doc.slice(a, b + 1);
  }
  expandTo(range: WRange): WRange {
    this.ctx.check();
    const other = range as FRange;
    if (this.target.kind !== "paras" || other.target.kind !== "paras")
      throw new FakeWordError("InvalidArgument", "expandTo: only paragraph ranges in this fake");
    return new FRange(this.ctx, { kind: "paras", from: this.target.from, to: other.target.to });
  }
  select(mode: "Select" | "Start" | "End" = "Select"): void {
    this.ctx.need(1.1, "Range.select");
    if (!["Select", "Start", "End"].includes(mode)) throw new FakeWordError("InvalidArgument", `Range.select("${mode}")`);
    this.ctx.push(() => {
      const t = this.target;
      const fake = this.ctx.fake;
      if (t.kind !== "found") {
        fake.selection = { text: t.kind === "run" ? t.run().text : this.paras().map(ptext).join("\n") };
        return;
      }
      const f = t.found;
      if ("para" in f) {
        if (!fake.paragraphs.includes(f.para) || ptext(f.para).slice(f.at, f.at + f.text.length) !== f.text)
          throw new FakeWordError("ItemNotFound", "the range found is no longer in the document");
        fake.selection = { text: f.text, paragraph: fake.paragraphs.indexOf(f.para) };
      } else {
        if (!fake.paragraphs.includes(f.table) || !f.table.table)
          throw new FakeWordError("ItemNotFound", "the table is no longer in the document");
        fake.selection = { text: f.text, cell: { table: fake.paragraphs.filter((p) => p.table).indexOf(f.table), row: f.row, col: f.col } };
      }
    });
  }
  insertContentControl(): WContentControl {
    const cc = new FContentControl(this.ctx);
    this.ctx.push(() => {
      const paras = this.paras();
      if (paras.some((p) => p.cc !== null))
        throw new FakeWordError("GeneralException", "insertContentControl: the range is already inside a content control");
      const node: CCNode = { id: this.ctx.fake.nextId++, tag: "", title: "", appearance: "BoundingBox" };
      this.ctx.fake.controls.set(node.id, node);
      for (const p of paras) p.cc = node.id;
      cc.bind(node);
    });
    return cc;
  }
}

class FParagraph extends Proxy implements WParagraph {
  private node: PNode | null = null;
  constructor(ctx: Ctx, node?: PNode) {
    super(ctx);
    if (node) this.node = node;
  }
  bind(n: PNode): void {
    this.node = n;
  }
  target(): PNode {
    if (!this.node) throw new FakeWordError("InvalidObjectPath", "paragraph not created yet");
    if (!this.ctx.fake.paragraphs.includes(this.node)) throw new FakeWordError("ItemNotFound", "paragraph no longer in the document");
    return this.node;
  }
  get text(): string {
    return this.read("text");
  }
  get styleBuiltIn(): string {
    return this.read("styleBuiltIn");
  }
  set styleBuiltIn(v: string) {
    this.ctx.push(() => {
      this.target().style = v;
    });
  }
  get tableNestingLevel(): number {
    return this.read("tableNestingLevel");
  }
  search(text: string, options: WSearchOptions = {}): WRangeCollection {
    this.ctx.need(1.1, "Paragraph.search");
    return new FRangeCollection(this.ctx, () => {
      const p = this.target();
      return occurrences(ptext(p), text, !!options.matchCase).map((at) => ({ para: p, text, at }));
    });
  }
  get alignment(): string {
    return this.read("alignment");
  }
  set alignment(v: string) {
    if (!["Left", "Centered", "Right", "Justified"].includes(v)) throw new FakeWordError("InvalidArgument", `Paragraph.alignment "${v}"`);
    this.ctx.push(() => void (this.target().alignment = v));
  }
  get font(): WFont {
    return new FFont(
      this.ctx,
      () => this.target().runs,
      () => [this.target()],
    );
  }
  insertInlinePictureFromBase64(base64: string, loc: "Replace" | "Start" | "End"): WInlinePicture {
    this.ctx.need(1.1, "Paragraph.insertInlinePictureFromBase64");
    const pic = new FInlinePicture(this.ctx);
    this.ctx.push(() => {
      const p = this.target();
      const format = imageFormat(base64);
      if (!format) throw new FakeWordError("InvalidArgument", "insertInlinePictureFromBase64: the data is not an image Word can read");
      const node: PictureNode = { base64, format, width: 0, height: 0, altTextTitle: "", altTextDescription: "", lockAspectRatio: true };
      const run: Run = { text: "", highlight: null, picture: node };
      if (loc === "Replace") p.runs = [run];
      else if (loc === "End") p.runs.push(run);
      else p.runs.unshift(run);
      pic.bind(node);
    });
    return pic;
  }
  getRange(loc: "Whole" | "Start" | "End" | "Content" = "Whole"): WRange {
    this.ctx.check();
    if (loc !== "Whole" && loc !== "Content") throw new FakeWordError("InvalidArgument", `getRange("${loc}") not supported by this fake`);
    return new FRange(this.ctx, { kind: "paras", from: () => this.target(), to: () => this.target() });
  }
  insertText(text: string, loc: "Replace" | "Start" | "End"): WRange {
    let run: Run | null = null;
    this.ctx.push(() => {
      const p = this.target();
      if (loc === "Replace") {
        run = { text, highlight: p.runs[0]?.highlight ?? null };
        p.runs = [run];
      } else if (loc === "End") {
        run = { text, highlight: p.runs.length ? p.runs[p.runs.length - 1].highlight : null, bold: endBold(p) };
        p.runs.push(run);
      } else {
        run = { text, highlight: p.runs[0]?.highlight ?? null };
        p.runs.unshift(run);
      }
    });
    return new FRange(this.ctx, {
      kind: "run",
      run: () => {
        if (!run) throw new FakeWordError("InvalidObjectPath", "text not inserted yet");
        return run;
      },
    });
  }
  load(props?: string | string[]): WParagraph {
    const { own } = parseLoad(props, ["text", "styleBuiltIn", "alignment", "tableNestingLevel"]);
    this.ctx.push(() => {
      const p = this.target();
      for (const k of own) {
        if (k === "text") this.loaded.set("text", ptext(p));
        else if (k === "tableNestingLevel") this.loaded.set(k, p.inTable ? 1 : 0);
        else if (k === "alignment") this.loaded.set("alignment", p.alignment ?? "Left");
        else if (k === "styleBuiltIn" || k === "style") this.loaded.set(k, p.style);
        else throw new FakeWordError("InvalidArgument", `Paragraph has no loadable property ${k}`);
      }
    });
    return this;
  }
}

/** A paragraph's loadable property, as a collection's load("items/…") gives it. */
function paragraphProperty(n: PNode, k: string): unknown {
  if (k === "text") return ptext(n);
  if (k === "styleBuiltIn" || k === "style") return n.style;
  if (k === "alignment") return n.alignment ?? "Left";
  if (k === "tableNestingLevel") return n.inTable ? 1 : 0;
  throw new FakeWordError("InvalidArgument", `Paragraph has no loadable property ${k}`);
}

class FParagraphCollection extends Proxy implements WParagraphCollection {
  constructor(
    ctx: Ctx,
    private source: () => PNode[],
  ) {
    super(ctx);
  }
  get items(): WParagraph[] {
    return this.read("items");
  }
  getFirst(): WParagraph {
    const p = new FParagraph(this.ctx);
    this.ctx.push(() => {
      const first = this.source()[0];
      if (!first) throw new FakeWordError("ItemNotFound", "getFirst on an empty paragraph collection");
      p.bind(first);
    });
    return p;
  }
  load(props?: string | string[]): WParagraphCollection {
    const { items } = parseLoad(props, []);
    this.ctx.push(() => {
      this.loaded.set(
        "items",
        this.source().map((n) => {
          const p = new FParagraph(this.ctx, n);
          if (items && items.length)
            (p as unknown as { loaded: Map<string, unknown> }).loaded = new Map(items.map((k) => [k, paragraphProperty(n, k)]));
          return p;
        }),
      );
    });
    return this;
  }
}

class FContentControl extends Proxy implements WContentControl {
  private node: CCNode | null = null;
  constructor(ctx: Ctx, node?: CCNode) {
    super(ctx);
    if (node) this.node = node;
  }
  bind(n: CCNode): void {
    this.node = n;
  }
  private target(): CCNode {
    if (!this.node) throw new FakeWordError("InvalidObjectPath", "content control not created yet");
    if (!this.ctx.fake.controls.has(this.node.id)) throw new FakeWordError("ItemNotFound", "content control was deleted");
    return this.node;
  }
  private paras(): PNode[] {
    const id = this.target().id;
    return this.ctx.fake.paragraphs.filter((p) => p.cc === id);
  }
  get id(): number {
    return this.read("id");
  }
  get text(): string {
    return this.read("text");
  }
  get tag(): string {
    return this.read("tag");
  }
  set tag(v: string) {
    this.ctx.push(() => void (this.target().tag = v));
  }
  get title(): string {
    return this.read("title");
  }
  set title(v: string) {
    this.ctx.push(() => void (this.target().title = v));
  }
  get appearance(): string {
    return this.read("appearance");
  }
  set appearance(v: string) {
    this.ctx.push(() => void (this.target().appearance = v));
  }
  get paragraphs(): WParagraphCollection {
    this.ctx.check();
    return new FParagraphCollection(this.ctx, () => this.paras());
  }
  insertText(text: string, loc: "Replace" | "Start" | "End"): WRange {
    let run: Run | null = null;
    this.ctx.push(() => {
      const paras = this.paras();
      if (!paras.length) throw new FakeWordError("ItemNotFound", "content control has no paragraphs");
      const doc = this.ctx.fake.paragraphs;
      if (loc === "Replace") {
        const at = doc.indexOf(paras[0]);
        run = { text, highlight: paras[0].runs[0]?.highlight ?? null };
        const node: PNode = { id: this.ctx.fake.nextId++, runs: [run], style: paras[0].style, cc: this.target().id };
        this.ctx.fake.paragraphs = doc.filter((p) => !paras.includes(p));
        this.ctx.fake.paragraphs.splice(at, 0, node);
      } else if (loc === "End") {
        const last = paras[paras.length - 1];
        run = { text, highlight: last.runs.length ? last.runs[last.runs.length - 1].highlight : null };
        last.runs.push(run);
      } else {
        run = { text, highlight: paras[0].runs[0]?.highlight ?? null };
        paras[0].runs.unshift(run);
      }
    });
    return new FRange(this.ctx, {
      kind: "run",
      run: () => {
        if (!run) throw new FakeWordError("InvalidObjectPath", "text not inserted yet");
        return run;
      },
    });
  }
  insertParagraph(text: string, loc: "Start" | "End" | "Before" | "After"): WParagraph {
    const p = new FParagraph(this.ctx);
    this.ctx.push(() => {
      const paras = this.paras();
      if (!paras.length) throw new FakeWordError("ItemNotFound", "content control has no paragraphs");
      const doc = this.ctx.fake.paragraphs;
      const inside = loc === "Start" || loc === "End";
      const ref = loc === "Start" || loc === "Before" ? paras[0] : paras[paras.length - 1];
      const at = doc.indexOf(ref) + (loc === "End" || loc === "After" ? 1 : 0);
      const last = ref.runs[ref.runs.length - 1];
      const node: PNode = {
        id: this.ctx.fake.nextId++,
        runs: text ? [{ text, highlight: last?.highlight ?? null }] : [],
        style: ref.style,
        cc: inside ? this.target().id : null,
      };
      doc.splice(at, 0, node);
      p.bind(node);
    });
    return p;
  }
  load(props?: string | string[]): WContentControl {
    const { own } = parseLoad(props, ["id", "tag", "title", "appearance", "text"]);
    this.ctx.push(() => this.snapshot(own));
    return this;
  }
  snapshot(props: string[]): void {
    const n = this.target();
    for (const k of props) {
      if (k === "text") this.loaded.set("text", this.paras().map(ptext).join("\r"));
      else if (k === "id" || k === "tag" || k === "title" || k === "appearance") this.loaded.set(k, n[k]);
      else throw new FakeWordError("InvalidArgument", `ContentControl has no loadable property ${k}`);
    }
  }
}

class FContentControlCollection extends Proxy implements WContentControlCollection {
  constructor(
    ctx: Ctx,
    private tag: string,
  ) {
    super(ctx);
  }
  get items(): WContentControl[] {
    return this.read("items");
  }
  load(props?: string | string[]): WContentControlCollection {
    const { items } = parseLoad(props, []);
    this.ctx.push(() => {
      const fake = this.ctx.fake;
      const order = (n: CCNode) => fake.paragraphs.findIndex((p) => p.cc === n.id);
      const nodes = [...fake.controls.values()].filter((n) => n.tag === this.tag && order(n) >= 0).sort((a, b) => order(a) - order(b));
      this.loaded.set(
        "items",
        nodes.map((n) => {
          const cc = new FContentControl(this.ctx, n);
          cc.snapshot(items ?? (props === undefined ? ["id", "tag", "title", "appearance", "text"] : []));
          return cc;
        }),
      );
    });
    return this;
  }
}

class FClientResult<T> implements WClientResult<T> {
  private set = false;
  private v: T | undefined;
  constructor(private ctx: Ctx) {}
  resolve(v: T): void {
    this.v = v;
    this.set = true;
  }
  get value(): T {
    this.ctx.check();
    if (!this.set) throw new FakeWordError("PropertyNotLoaded", "ClientResult.value was read before sync()");
    return this.v as T;
  }
}

class FCustomXmlPart extends Proxy implements WCustomXmlPart {
  private node: PartNode | null = null;
  constructor(ctx: Ctx, node?: PartNode) {
    super(ctx);
    if (node) this.node = node;
  }
  bind(n: PartNode): void {
    this.node = n;
  }
  private target(): PartNode {
    if (!this.node) throw new FakeWordError("InvalidObjectPath", "part not created yet");
    if (!this.ctx.fake.parts.includes(this.node)) throw new FakeWordError("ItemNotFound", "custom XML part was deleted");
    return this.node;
  }
  get id(): string {
    return this.read("id");
  }
  get namespaceUri(): string {
    return this.read("namespaceUri");
  }
  getXml(): WClientResult<string> {
    const r = new FClientResult<string>(this.ctx);
    this.ctx.push(() => r.resolve(this.target().xml));
    return r;
  }
  setXml(xml: string): void {
    this.ctx.push(() => {
      if (!rootNamespace(xml) && !/^\s*(<\?xml[^>]*\?>)?\s*</.test(xml)) throw new FakeWordError("InvalidArgument", "setXml: not XML");
      this.target().xml = xml;
    });
  }
  delete(): void {
    this.ctx.push(() => {
      const n = this.target();
      this.ctx.fake.parts = this.ctx.fake.parts.filter((p) => p !== n);
    });
  }
  load(props?: string | string[]): WCustomXmlPart {
    const { own } = parseLoad(props, ["id", "namespaceUri"]);
    this.ctx.push(() => this.snapshot(own));
    return this;
  }
  snapshot(props: string[]): void {
    const n = this.target();
    for (const k of props) {
      if (k === "id") this.loaded.set("id", n.id);
      else if (k === "namespaceUri") this.loaded.set("namespaceUri", rootNamespace(n.xml) ?? "");
      else throw new FakeWordError("InvalidArgument", `CustomXmlPart has no loadable property ${k}`);
    }
  }
}

class FCustomXmlPartScoped extends Proxy implements WCustomXmlPartScopedCollection {
  constructor(
    ctx: Ctx,
    private ns: string,
  ) {
    super(ctx);
  }
  get items(): WCustomXmlPart[] {
    return this.read("items");
  }
  load(props?: string | string[]): WCustomXmlPartScopedCollection {
    const { items } = parseLoad(props, []);
    this.ctx.push(() => {
      const nodes = this.ctx.fake.parts.filter((p) => rootNamespace(p.xml) === this.ns);
      this.loaded.set(
        "items",
        nodes.map((n) => {
          const part = new FCustomXmlPart(this.ctx, n);
          part.snapshot(items ?? (props === undefined ? ["id", "namespaceUri"] : []));
          return part;
        }),
      );
    });
    return this;
  }
}

class FInlinePicture extends Proxy implements WInlinePicture {
  private node: PictureNode | null = null;
  bind(n: PictureNode): void {
    this.node = n;
  }
  private set<K extends keyof PictureNode>(k: K, v: PictureNode[K]): void {
    this.ctx.push(() => {
      if (!this.node) throw new FakeWordError("InvalidObjectPath", "picture not inserted yet");
      this.node[k] = v;
    });
  }
  get width(): number {
    return this.read("width");
  }
  set width(v: number) {
    if (!(v > 0)) throw new FakeWordError("InvalidArgument", `InlinePicture.width ${v}`);
    this.set("width", v);
  }
  get height(): number {
    return this.read("height");
  }
  set height(v: number) {
    if (!(v > 0)) throw new FakeWordError("InvalidArgument", `InlinePicture.height ${v}`);
    this.set("height", v);
  }
  get altTextTitle(): string {
    return this.read("altTextTitle");
  }
  set altTextTitle(v: string) {
    this.set("altTextTitle", v);
  }
  get altTextDescription(): string {
    return this.read("altTextDescription");
  }
  set altTextDescription(v: string) {
    this.set("altTextDescription", v);
  }
  get lockAspectRatio(): boolean {
    return this.read("lockAspectRatio");
  }
  set lockAspectRatio(v: boolean) {
    this.set("lockAspectRatio", v);
  }
}

class FTableRow implements WTableRow {
  constructor(
    private ctx: Ctx,
    private table: () => TableNode,
    private row: number,
  ) {}
  get font(): WFont {
    const ctx = this.ctx;
    const row = this.row;
    const table = this.table;
    return {
      set highlightColor(_v: string | null) {
        ctx.push(() => undefined);
      },
      get highlightColor(): string | null {
        throw new FakeWordError("PropertyNotLoaded", "TableRow.font.highlightColor is not loadable in this fake");
      },
      set bold(v: boolean) {
        ctx.push(() => {
          const t = table();
          if (v) t.boldRows.add(row);
          else t.boldRows.delete(row);
        });
      },
      get bold(): boolean {
        throw new FakeWordError("PropertyNotLoaded", "TableRow.font.bold is not loadable in this fake");
      },
    };
  }
}

class FTableCell implements WTableCell {
  constructor(
    private ctx: Ctx,
    private table: () => TableNode,
    private row: number,
    private col: number,
  ) {}
  private cell(): TableNode {
    const t = this.table();
    if (this.row >= t.values.length || this.col >= t.values[0].length)
      throw new FakeWordError(
        "ItemNotFound",
        `getCell(${this.row}, ${this.col}) is outside a ${t.values.length} × ${t.values[0].length} table`,
      );
    return t;
  }
  get horizontalAlignment(): string {
    throw new FakeWordError("PropertyNotLoaded", "TableCell.horizontalAlignment is not loadable in this fake");
  }
  set horizontalAlignment(v: string) {
    if (!["Left", "Centered", "Right", "Justified"].includes(v))
      throw new FakeWordError("InvalidArgument", `TableCell.horizontalAlignment "${v}"`);
    this.ctx.push(() => void this.cell().alignment.set(`${this.row},${this.col}`, v));
  }
  get parentRow(): WTableRow {
    this.ctx.check();
    return new FTableRow(this.ctx, () => this.cell(), this.row);
  }
  get body(): { search(text: string, options?: WSearchOptions): WRangeCollection } {
    this.ctx.need(1.3, "TableCell.body");
    return {
      search: (text: string, options: WSearchOptions = {}) =>
        new FRangeCollection(this.ctx, () => {
          const t = this.cell();
          const node = this.ctx.fake.paragraphs.find((p) => p.table === t);
          if (!node) throw new FakeWordError("ItemNotFound", "table no longer in the document");
          return occurrences(t.values[this.row][this.col], text, !!options.matchCase).map((at) => ({
            table: node,
            row: this.row,
            col: this.col,
            text,
            at,
          }));
        }),
    };
  }
}

/** A table's loadable property, as a collection's load("items/…") gives it. */
function tableProperty(t: TableNode, k: string): unknown {
  if (k === "values") return t.values.map((r) => r.slice());
  if (k === "rowCount") return t.values.length;
  if (k === "headerRowCount") return t.headerRowCount;
  if (k === "styleBuiltIn") return t.style;
  throw new FakeWordError("InvalidArgument", `Table has no loadable property ${k}`);
}

class FTableCollection extends Proxy implements WTableCollection {
  get items(): WTable[] {
    return this.read("items");
  }
  load(props?: string | string[]): WTableCollection {
    this.ctx.need(1.3, "Body.tables");
    const { items } = parseLoad(props, []);
    this.ctx.push(() => {
      this.loaded.set(
        "items",
        this.ctx.fake.paragraphs
          .filter((p) => p.table)
          .map((n) => {
            const t = new FTable(this.ctx);
            t.bind(n);
            if (items && items.length)
              (t as unknown as { loaded: Map<string, unknown> }).loaded = new Map(
                items.map((k) => [k, tableProperty(n.table as TableNode, k)]),
              );
            return t;
          }),
      );
    });
    return this;
  }
}

class FTable extends Proxy implements WTable {
  private node: PNode | null = null;
  bind(n: PNode): void {
    this.node = n;
  }
  private target(): TableNode {
    if (!this.node?.table) throw new FakeWordError("InvalidObjectPath", "table not inserted yet");
    if (!this.ctx.fake.paragraphs.includes(this.node)) throw new FakeWordError("ItemNotFound", "table no longer in the document");
    return this.node.table;
  }
  get headerRowCount(): number {
    return this.read("headerRowCount");
  }
  set headerRowCount(v: number) {
    this.ctx.need(1.3, "Table.headerRowCount");
    this.ctx.push(() => {
      const t = this.target();
      if (!Number.isInteger(v) || v < 0 || v > t.values.length) throw new FakeWordError("InvalidArgument", `Table.headerRowCount ${v}`);
      t.headerRowCount = v;
    });
  }
  get styleBuiltIn(): string {
    return this.read("styleBuiltIn");
  }
  set styleBuiltIn(v: string) {
    this.ctx.push(() => void (this.target().style = v));
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get values(): string[][] {
    return this.read("values");
  }
  get font(): WFont {
    return new FTableRow(this.ctx, () => this.target(), -1).font;
  }
  getCell(rowIndex: number, cellIndex: number): WTableCell {
    this.ctx.need(1.3, "Table.getCell");
    return new FTableCell(this.ctx, () => this.target(), rowIndex, cellIndex);
  }
  load(props?: string | string[]): WTable {
    const { own } = parseLoad(props, ["headerRowCount", "styleBuiltIn", "rowCount", "values"]);
    this.ctx.push(() => {
      const t = this.target();
      for (const k of own) {
        if (k === "headerRowCount") this.loaded.set(k, t.headerRowCount);
        else if (k === "styleBuiltIn") this.loaded.set(k, t.style);
        else if (k === "rowCount") this.loaded.set(k, t.values.length);
        else if (k === "values")
          this.loaded.set(
            k,
            t.values.map((r) => r.slice()),
          );
        else throw new FakeWordError("InvalidArgument", `Table has no loadable property ${k}`);
      }
    });
    return this;
  }
}

class FBody extends Proxy implements WBody {
  get text(): string {
    return this.read("text");
  }
  get paragraphs(): WParagraphCollection {
    this.ctx.check();
    // every paragraph, a table's cells (one paragraph each here) in their place
    return new FParagraphCollection(this.ctx, () =>
      this.ctx.fake.paragraphs.flatMap((p) =>
        p.table
          ? p.table.values
              .flat()
              .map((text) => ({ id: -1, runs: text ? [{ text, highlight: null }] : [], style: "Normal", cc: null, inTable: true }))
          : [p],
      ),
    );
  }
  get tables(): WTableCollection {
    this.ctx.need(1.3, "Body.tables");
    return new FTableCollection(this.ctx);
  }
  insertParagraph(text: string, loc: "Start" | "End"): WParagraph {
    const p = new FParagraph(this.ctx);
    this.ctx.push(() => {
      const doc = this.ctx.fake.paragraphs;
      const ref = loc === "End" ? doc[doc.length - 1] : doc[0];
      const bold = loc === "End" ? endBold(ref) : false;
      const node: PNode = {
        id: this.ctx.fake.nextId++,
        runs: text ? [{ text, highlight: ref?.runs[ref.runs.length - 1]?.highlight ?? null, bold }] : [],
        style: ref?.style ?? "Normal",
        cc: null,
        markBold: bold,
      };
      if (loc === "End") doc.push(node);
      else doc.unshift(node);
      p.bind(node);
    });
    return p;
  }
  insertTable(rowCount: number, columnCount: number, loc: "Start" | "End", values?: string[][]): WTable {
    this.ctx.need(1.3, "Body.insertTable");
    if (!Number.isInteger(rowCount) || !Number.isInteger(columnCount) || rowCount < 1 || columnCount < 1 || columnCount > 63)
      throw new FakeWordError("InvalidArgument", `insertTable(${rowCount}, ${columnCount})`);
    if (values && (values.length !== rowCount || values.some((r) => r.length !== columnCount)))
      throw new FakeWordError("InvalidArgument", "insertTable: values do not match rowCount × columnCount");
    const t = new FTable(this.ctx);
    this.ctx.push(() => {
      const doc = this.ctx.fake.paragraphs;
      const grid = Array.from({ length: rowCount }, (_, r) => Array.from({ length: columnCount }, (_, c) => values?.[r]?.[c] ?? ""));
      const node: PNode = {
        id: this.ctx.fake.nextId++,
        runs: [],
        style: "Normal",
        cc: null,
        table: { values: grid, headerRowCount: 0, style: "TableGrid", boldRows: new Set(), alignment: new Map() },
      };
      if (loc === "End") {
        doc.push(node);
        // Word keeps a paragraph after a table
        doc.push({ id: this.ctx.fake.nextId++, runs: [], style: "Normal", cc: null });
      } else doc.unshift(node);
      t.bind(node);
    });
    return t;
  }
  load(props?: string | string[]): WBody {
    const { own } = parseLoad(props, ["text"]);
    this.ctx.push(() => {
      for (const k of own) {
        if (k !== "text") throw new FakeWordError("InvalidArgument", `Body has no loadable property ${k}`);
        this.loaded.set("text", this.ctx.fake.paragraphs.map(ptext).join("\r"));
      }
    });
    return this;
  }
}

class FDocument implements WDocument {
  body: WBody;
  contentControls: { getByTag(tag: string): WContentControlCollection };
  customXmlParts: { add(xml: string): WCustomXmlPart; getByNamespace(ns: string): WCustomXmlPartScopedCollection };
  constructor(ctx: Ctx) {
    this.body = new FBody(ctx);
    this.contentControls = {
      getByTag: (tag: string) => {
        ctx.check();
        return new FContentControlCollection(ctx, tag);
      },
    };
    this.customXmlParts = {
      add: (xml: string) => {
        ctx.need(1.4, "customXmlParts.add");
        const part = new FCustomXmlPart(ctx);
        ctx.push(() => {
          if (!rootNamespace(xml)) throw new FakeWordError("InvalidArgument", "customXmlParts.add: XML without a namespace");
          const node: PartNode = { id: `{FA4E0000-0000-4000-8000-${String(ctx.fake.nextId++).padStart(12, "0")}}`, xml };
          ctx.fake.parts.push(node);
          part.bind(node);
        });
        return part;
      },
      getByNamespace: (ns: string) => {
        ctx.need(1.4, "customXmlParts.getByNamespace");
        return new FCustomXmlPartScoped(ctx, ns);
      },
    };
  }
}

export class FakeWord {
  paragraphs: PNode[] = [];
  /** What Range.select() selected last: a text in a paragraph (its index) or in a table's cell. */
  selection: { text: string; paragraph?: number; cell?: { table: number; row: number; col: number } } | null = null;
  controls = new Map<number, CCNode>();
  parts: PartNode[] = [];
  syncs = 0;
  runs = 0;
  nextId = 1;
  /** The WordApi requirement set this Word supports (1.4: Word 2016 and later with current updates). */
  readonly api: number;

  constructor(initial: string[] = [], opts: { api?: number } = {}) {
    for (const t of initial) this.paragraphs.push(this.node(t));
    this.api = opts.api ?? 1.4;
  }

  private node(text: string, style = "Normal", cc: number | null = null): PNode {
    return { id: this.nextId++, runs: text ? [{ text, highlight: null }] : [], style, cc };
  }

  /** Word.run: a fresh context per batch; pending work is flushed at the end (one more sync); proxies die after. */
  run: WordRun = async <T>(batch: (context: WordContext) => Promise<T>): Promise<T> => {
    this.runs++;
    const ctx = new Ctx(this);
    try {
      const result = await batch(ctx);
      if (ctx.queue.length) await ctx.sync();
      return result;
    } finally {
      ctx.queue = [];
      ctx.alive = false;
    }
  };

  // ---- what a test (or the person) sees and does ----

  paragraphTexts(): string[] {
    return this.paragraphs.map(ptext);
  }

  text(): string {
    return this.paragraphTexts().join("\n");
  }

  /** Content controls with a tag, in document order. */
  controlsByTag(tag: string): CCNode[] {
    const order = (n: CCNode) => this.paragraphs.findIndex((p) => p.cc === n.id);
    return [...this.controls.values()].filter((c) => c.tag === tag && order(c) >= 0).sort((a, b) => order(a) - order(b));
  }

  controlParagraphs(cc: CCNode): PNode[] {
    return this.paragraphs.filter((p) => p.cc === cc.id);
  }

  controlText(tag: string, occurrence = 0): string {
    const cc = this.controlsByTag(tag)[occurrence];
    return cc ? this.controlParagraphs(cc).map(ptext).join("\n") : "";
  }

  /** Bold runs' texts, in order. */
  boldTexts(): string[] {
    return this.paragraphs.flatMap((p) => p.runs.filter((r) => r.bold && r.text).map((r) => r.text));
  }

  /** Highlighted runs' texts, in order. */
  highlighted(): string[] {
    return this.paragraphs.flatMap((p) => p.runs.filter((r) => r.highlight).map((r) => r.text));
  }

  /** The person types a paragraph outside any control: at the start, the end, or right after a section's control. */
  typeParagraph(text: string, where: "start" | "end" | { afterTag: string }): void {
    const node = this.node(text);
    if (where === "start") this.paragraphs.unshift(node);
    else if (where === "end") this.paragraphs.push(node);
    else {
      const cc = this.controlsByTag(where.afterTag)[0];
      const last = this.controlParagraphs(cc).pop()!;
      this.paragraphs.splice(this.paragraphs.indexOf(last) + 1, 0, node);
    }
  }

  /** The person edits inside a section: replaces the text of its paragraph `index` (0 = heading). */
  editInside(tag: string, index: number, text: string): void {
    const cc = this.controlsByTag(tag)[0];
    const p = this.controlParagraphs(cc)[index];
    p.runs = [{ text, highlight: null }];
  }

  /** The person deletes a section's content control and its content. */
  deleteControl(tag: string): void {
    const cc = this.controlsByTag(tag)[0];
    this.paragraphs = this.paragraphs.filter((p) => p.cc !== cc.id);
    this.controls.delete(cc.id);
  }

  /** The tables, in document order, with the text of the paragraph just before each (its caption). */
  tables(): (TableNode & { before: string })[] {
    return this.paragraphs.flatMap((p, i) => (p.table ? [{ ...p.table, before: i > 0 ? ptext(this.paragraphs[i - 1]) : "" }] : []));
  }

  /** The pictures, in document order, with the text of the next paragraph (its caption). */
  pictures(): (PictureNode & { after: string })[] {
    return this.paragraphs.flatMap((p, i) =>
      p.runs
        .filter((r) => r.picture)
        .map((r) => ({ ...r.picture!, after: i + 1 < this.paragraphs.length ? ptext(this.paragraphs[i + 1]) : "" })),
    );
  }

  /** Block kinds in order: "p" paragraph (its text), "t" table, "img" paragraph holding a picture. */
  blocks(): { kind: "p" | "t" | "img"; text: string; cc: number | null; alignment?: string }[] {
    return this.paragraphs.map((p) => ({
      kind: p.table ? "t" : p.runs.some((r) => r.picture) ? "img" : "p",
      text: ptext(p),
      cc: p.cc,
      alignment: p.alignment,
    }));
  }

  partXml(ns: string): string[] {
    return this.parts.filter((p) => rootNamespace(p.xml) === ns).map((p) => p.xml);
  }
}
