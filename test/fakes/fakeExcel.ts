/**
 * A strict, in-memory fake of the subset of the Excel JavaScript API (Office.js) that ExcelHost uses.
 *
 * It enforces what Office enforces, so a test passing here means the adapter respects the real rules:
 * - proxy objects: reading a property (values, address, items, isNullObject, protection.protected, a ClientResult's
 *   value …) before it was `load`ed AND a `context.sync()` delivered it throws PropertyNotLoaded;
 * - nothing happens until `sync()`: queued loads, writes and method calls run then, in the order they were queued;
 *   a failing operation rejects the sync, and (as in Office) the operations queued before it stay done;
 * - `syncCount` counts every round trip; `syncLog` records each one's response bytes, cells read and writes;
 * - `getUsedRangeOrNullObject(true)` (valuesOnly) ignores cells that only carry a format; a cell formatted at
 *   XFD1048576 is kept in the model to prove it (`formatCell`);
 * - a per-sync response budget: a sync that would return more than `limits.maxResponseBytes` (5 MB, measured as the
 *   UTF-8 size of the JSON of everything loaded) or more than `limits.maxCellsPerSync` cells (5,000,000, every range
 *   whose values/formulas/numberFormat are loaded counts its cells once) rejects with ResponsePayloadSizeLimitExceeded,
 *   before building the arrays (so reading a million rows by mistake fails fast instead of eating memory); a request
 *   whose written data passes `limits.maxRequestBytes` rejects with RequestPayloadSizeLimitExceeded;
 * - writes into a protected sheet reject with AccessDenied; `injectError` makes a chosen sync reject (e.g. with
 *   InvalidOperationInCellEditMode), optionally after running its first N operations (a partly done batch);
 * - writing `formulas`/`values` parses the input the way typing does: "=…" is a formula, a leading apostrophe makes
 *   text, numeric text becomes a number and TRUE/FALSE a boolean (unless the cell's format is "@", Text);
 * - custom XML parts are checked for well-formed XML (one root element, escaped text, XML 1.0 characters).
 * Formulas are not calculated: a cell given a formula holds value null until a test sets one.
 */
import type { CellValue, MergedArea } from "../../src/core/snapshot";
import { columnName, columnNumber } from "../../src/core/address";

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface FakeCell {
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  /** The cell's fill; absent: no fill. */
  fill?: FakeFill;
}

/** A cell's fill as Office.js describes it (RangeFill). */
export interface FakeFill {
  /** "#RRGGBB", upper case. */
  color: string;
  /** Excel.FillPattern: "Solid", "Gray50", … ("None" is no fill, kept as an absent fill). */
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

/** A note (ExcelApi 1.18) or a threaded comment (ExcelApi 1.10) on one cell: a cell holds at most one of them. */
export interface FakeAnnotation {
  kind: "note" | "comment";
  content: string;
  author: string;
}

/** An Office-style API error (what OfficeExtension.Error carries). */
export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, errorLocation };
  }
}

function key(row: number, col: number): number {
  return (row - 1) * MAX_COLS + (col - 1);
}

function fromKey(k: number): { row: number; col: number } {
  return { row: Math.floor(k / MAX_COLS) + 1, col: (k % MAX_COLS) + 1 };
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Parses "A1", "$A$1:B$2", "A:C", "3:5", with an optional (quoted) sheet prefix. */
export function parseRangeAddress(address: string): { sheet: string | null; rect: Rect } {
  let sheet: string | null = null;
  let ref = address.trim();
  const bang = ref.lastIndexOf("!");
  if (bang >= 0) {
    sheet = ref.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    ref = ref.slice(bang + 1);
  }
  const parts = ref.replace(/\$/g, "").toUpperCase().split(":");
  if (parts.length < 1 || parts.length > 2) throw new FakeOfficeError("InvalidArgument", `bad address ${address}`);
  const ends = parts.map((p) => {
    let m = /^([A-Z]{1,3})(\d{1,7})$/.exec(p);
    if (m) return { row: Number(m[2]), col: columnNumber(m[1]), kind: "cell" as const };
    m = /^([A-Z]{1,3})$/.exec(p);
    if (m) return { row: 0, col: columnNumber(m[1]), kind: "col" as const };
    m = /^(\d{1,7})$/.exec(p);
    if (m) return { row: Number(m[1]), col: 0, kind: "row" as const };
    throw new FakeOfficeError("InvalidArgument", `bad address ${address}`);
  });
  const a = ends[0];
  const b = ends[1] ?? ends[0];
  if (a.kind !== b.kind) throw new FakeOfficeError("InvalidArgument", `bad address ${address}`);
  let rect: Rect;
  if (a.kind === "col") rect = { top: 1, bottom: MAX_ROWS, left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
  else if (a.kind === "row") rect = { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: 1, right: MAX_COLS };
  else rect = { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
  if (rect.top < 1 || rect.left < 1 || rect.bottom > MAX_ROWS || rect.right > MAX_COLS) {
    throw new FakeOfficeError("InvalidArgument", `address out of the grid: ${address}`);
  }
  return { sheet, rect };
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function rectA1(r: Rect): string {
  const s = `${columnName(r.left)}${r.top}`;
  const e = `${columnName(r.right)}${r.bottom}`;
  return s === e ? s : `${s}:${e}`;
}

export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  merges: MergedArea[] = [];
  protected = false;
  /** Notes and comments by cell (the same keys as `cells`). */
  readonly annotations = new Map<number, FakeAnnotation>();
  constructor(public name: string) {}

  /** Puts a note (or a threaded comment) on a cell, as a person would. */
  annotate(address: string, content: string, kind: FakeAnnotation["kind"] = "note", author = "张三"): this {
    const { rect } = parseRangeAddress(address);
    this.annotations.set(key(rect.top, rect.left), { kind, content, author });
    return this;
  }

  annotation(address: string): FakeAnnotation | undefined {
    const { rect } = parseRangeAddress(address);
    return this.annotations.get(key(rect.top, rect.left));
  }

  /** Fills a cell with a solid colour ("#RRGGBB"), as a person would. */
  fillCell(address: string, color: string, pattern = "Solid"): this {
    return this.setA1(address, {
      fill: { color: color.toUpperCase(), pattern, patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 },
    });
  }

  /** Puts a value (and/or formula, number format) into a cell, 1-based. */
  set(row: number, col: number, cell: Partial<FakeCell>): this {
    const old = this.cells.get(key(row, col)) ?? { value: null, formula: null, numberFormat: "General" };
    const next = { ...old, ...cell };
    if (next.value === null && next.formula === null && next.numberFormat === "General" && !next.fill) this.cells.delete(key(row, col));
    else this.cells.set(key(row, col), next);
    return this;
  }

  /** A1 form of `set`. */
  setA1(address: string, cell: Partial<FakeCell>): this {
    const { rect } = parseRangeAddress(address);
    return this.set(rect.top, rect.left, cell);
  }

  /** A cell that only carries a format (no value): it widens the used range, but not the values-only one. */
  formatCell(row: number, col: number, numberFormat: string): this {
    return this.set(row, col, { numberFormat });
  }

  get(row: number, col: number): FakeCell {
    return this.cells.get(key(row, col)) ?? { value: null, formula: null, numberFormat: "General" };
  }

  getA1(address: string): FakeCell {
    const { rect } = parseRangeAddress(address);
    return this.get(rect.top, rect.left);
  }

  /** Bounding box of the cells that hold something (values only) or anything at all. */
  usedRect(valuesOnly: boolean): Rect | null {
    let r: Rect | null = null;
    for (const [k, c] of this.cells) {
      if (valuesOnly && c.value === null && c.formula === null) continue;
      const { row, col } = fromKey(k);
      if (!r) r = { top: row, bottom: row, left: col, right: col };
      else {
        if (row < r.top) r.top = row;
        if (row > r.bottom) r.bottom = row;
        if (col < r.left) r.left = col;
        if (col > r.right) r.right = col;
      }
    }
    return r;
  }
}

export interface StoredXmlPart {
  id: string;
  namespaceUri: string;
  xml: string;
}

export interface SyncRecord {
  /** UTF-8 bytes of the JSON of everything this sync returned. */
  responseBytes: number;
  /** Cells whose values/formulas/numberFormat this sync returned (each range once). */
  cellsRead: number;
  /** Range reads (loads of values/formulas/numberFormat) in this sync. */
  rangeReads: number;
  /** Cells written (formulas/values/numberFormat set). */
  cellsWritten: number;
  ok: boolean;
}

interface InjectedError {
  code: string;
  message: string;
  /** Absolute sync number (1-based, as syncCount will read after it) that fails; default: the next one. */
  onSync?: number;
  /** Run this many of the sync's operations before failing (a partly done batch). */
  afterOps?: number;
}

type Op = { describe: string; run: (s: SyncState) => void };

interface SyncState {
  responseBytes: number;
  cellsRead: number;
  rangeReads: number;
  cellsWritten: number;
  requestBytes: number;
  commits: (() => void)[];
  /** Ranges whose cells were already counted in this sync. */
  countedRanges: Set<unknown>;
}

function utf8Bytes(x: unknown): number {
  return Buffer.byteLength(JSON.stringify(x ?? null), "utf8");
}

function propertyNotLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function parseLoad(spec?: string | string[] | { select?: string | string[] }): string[] {
  if (spec === undefined) return [];
  let s: string | string[] | undefined = spec as string | string[];
  if (typeof spec === "object" && !Array.isArray(spec)) s = spec.select;
  if (s === undefined) return [];
  const list = Array.isArray(s) ? s : s.split(",");
  return list.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Groups "a/b/c" load paths by their first segment. */
function groupPaths(paths: string[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const p of paths) {
    const i = p.indexOf("/");
    const head = i < 0 ? p : p.slice(0, i);
    const rest = i < 0 ? null : p.slice(i + 1);
    const l = m.get(head) ?? [];
    if (rest) l.push(rest);
    m.set(head, l);
  }
  return m;
}

/** What typing text into a cell gives (the part of Excel's input parsing the adapter relies on). */
export function parseTyped(input: unknown, numberFormat: string): { value: CellValue; formula: string | null } {
  if (input === null || input === undefined || input === "") return { value: null, formula: null };
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new FakeOfficeError("InvalidArgument", "not a finite number");
    return { value: input === 0 ? 0 : input, formula: null }; // Excel keeps no negative zero
  }
  if (typeof input === "boolean") return { value: input, formula: null };
  if (typeof input !== "string") throw new FakeOfficeError("InvalidArgument", `cannot write ${typeof input}`);
  if (numberFormat === "@") return { value: input, formula: null };
  if (input.startsWith("'")) return { value: input.slice(1) === "" ? null : input.slice(1), formula: null };
  if (input.startsWith("=") && input.length > 1) return { value: null, formula: input };
  const t = input.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { value: Number(t) === 0 ? 0 : Number(t), formula: null };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true", formula: null };
  return { value: input, formula: null };
}

const XML_BAD_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\uD800-\uDFFF]/;

/** A small well-formedness check of one custom XML part: declaration?, one root element, escaped text, namespace. */
function checkXml(xml: string): string {
  if (XML_BAD_CHAR.test(xml)) throw new FakeOfficeError("InvalidArgument", "The XML holds a character XML 1.0 forbids.");
  const m =
    /^\s*(<\?xml[^?]*\?>)?\s*<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(?:\/>|>([\s\S]*)<\/\2\s*>)\s*$/.exec(
      xml,
    );
  if (!m) throw new FakeOfficeError("InvalidArgument", "The XML is not well formed.");
  const attrs = m[3] ?? "";
  const text = m[4] ?? "";
  const textNoCdata = text.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "");
  // Child elements are fine in real XML; the fake accepts text-only roots, which is all this project stores,
  // so a raw "<" here means text that was not escaped.
  if (textNoCdata.includes("<")) throw new FakeOfficeError("InvalidArgument", "Unescaped '<' or markup in the XML part.");
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);)/.test(textNoCdata + attrs)) {
    throw new FakeOfficeError("InvalidArgument", "The XML holds an unescaped '&'.");
  }
  const ns = /\sxmlns\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attrs);
  return ns ? (ns[1] ?? ns[2]) : "";
}

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  workbookName = "Book1.xlsx";
  /** The signed-in person: the author of the notes and comments an add-in adds. */
  userName = "李四";
  customXmlParts: StoredXmlPart[] = [];
  /** Highest ExcelApi requirement set this "Excel" supports. */
  excelApi = "1.13";
  limits = { maxResponseBytes: 5 * 1024 * 1024, maxRequestBytes: 5 * 1024 * 1024, maxCellsPerSync: 5_000_000 };
  syncCount = 0;
  readonly syncLog: SyncRecord[] = [];
  private injected: InjectedError[] = [];
  private nextPartId = 1;

  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new Error(`duplicate sheet ${name}`);
    const s = new FakeSheet(name);
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = name;
    return s;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Makes a sync reject with `code` (by default the next one), optionally after running its first `afterOps` operations. */
  injectError(code: string, opts: { message?: string; onSync?: number; afterOps?: number } = {}): void {
    this.injected.push({ code, message: opts.message ?? `Injected ${code}`, onSync: opts.onSync, afterOps: opts.afterOps });
  }

  /** The next sync rejects as Excel does while a cell is being edited. */
  enterCellEditMode(opts: { onSync?: number; afterOps?: number } = {}): void {
    this.injectError("InvalidOperationInCellEditMode", {
      message: "This operation is not allowed while Excel is in cell-edit mode.",
      ...opts,
    });
  }

  isSetSupported = (name: string, version?: string): boolean => {
    if (name !== "ExcelApi") return false;
    return versionAtLeast(this.excelApi, version ?? "1.1");
  };

  /** Excel.run: a fresh request context per batch; commands left queued when the batch returns are synced. */
  run = async <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeRequestContext(this);
    const result = await batch(ctx);
    if (ctx.pending.length > 0) await ctx.sync();
    ctx.closed = true;
    return result;
  };

  /** Runs the queued operations of one context: the heart of the fake. */
  async _sync(ctx: FakeRequestContext): Promise<void> {
    if (ctx.closed) throw new FakeOfficeError("InvalidObjectPath", "The request context is no longer valid.");
    const ops = ctx.pending;
    ctx.pending = [];
    this.syncCount++;
    const state: SyncState = {
      responseBytes: 0,
      cellsRead: 0,
      rangeReads: 0,
      cellsWritten: 0,
      requestBytes: 0,
      commits: [],
      countedRanges: new Set(),
    };
    const record: SyncRecord = { responseBytes: 0, cellsRead: 0, rangeReads: 0, cellsWritten: 0, ok: false };
    this.syncLog.push(record);
    await Promise.resolve();
    const injectedAt = this.injected.findIndex((e) => e.onSync === undefined || e.onSync === this.syncCount);
    const injected = injectedAt >= 0 ? this.injected.splice(injectedAt, 1)[0] : undefined;
    try {
      ops.forEach((op, i) => {
        if (injected && i >= (injected.afterOps ?? 0)) throw new FakeOfficeError(injected.code, injected.message, op.describe);
        op.run(state);
      });
      if (injected) throw new FakeOfficeError(injected.code, injected.message);
      if (state.requestBytes > this.limits.maxRequestBytes) {
        throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
      }
    } finally {
      record.responseBytes = state.responseBytes;
      record.cellsRead = state.cellsRead;
      record.rangeReads = state.rangeReads;
      record.cellsWritten = state.cellsWritten;
    }
    for (const c of state.commits) c();
    record.ok = true;
  }

  /** Accounts a read of `cells` cells; throws before anything is built when the sync would pass the cell budget. */
  _accountCells(state: SyncState, cells: number): void {
    state.cellsRead += cells;
    state.rangeReads++;
    if (state.cellsRead > this.limits.maxCellsPerSync) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response would hold ${state.cellsRead} cells, more than ${this.limits.maxCellsPerSync}.`,
      );
    }
  }

  _accountBytes(state: SyncState, bytes: number): void {
    state.responseBytes += bytes;
    if (state.responseBytes > this.limits.maxResponseBytes) {
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    }
  }

  _newPartId(): string {
    return `{FAKE-PART-${this.nextPartId++}}`;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Proxies

export class FakeRequestContext {
  pending: Op[] = [];
  closed = false;
  readonly workbook: FakeWorkbookProxy;
  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(this);
  }
  sync(): Promise<void> {
    return this.fake._sync(this);
  }
  _queue(describe: string, run: (s: SyncState) => void): void {
    if (this.closed) throw new FakeOfficeError("InvalidObjectPath", "The request context is no longer valid.");
    this.pending.push({ describe, run });
  }
}

export class FakeClientResult<T> {
  private ready = false;
  private v: T | undefined;
  get value(): T {
    if (!this.ready) throw propertyNotLoaded("value");
    return this.v as T;
  }
  _set(v: T): void {
    this.v = v;
    this.ready = true;
  }
}

/** Base of every proxy: lazy resolution at sync, loaded data delivered only after a successful sync. */
abstract class FakeProxy<Target> {
  private data: Record<string, unknown> | undefined;
  private isNull: boolean | undefined;
  constructor(
    protected readonly ctx: FakeRequestContext,
    /** Finds the model object at sync time; null for a null object; throws ItemNotFound and the like. */
    protected readonly resolveTarget: () => Target | null,
  ) {}

  protected abstract readonly scalarProps: readonly string[];
  /** Reads one scalar property from the model, accounting its size. */
  protected abstract readScalar(target: Target, prop: string, state: SyncState): unknown;
  /** A navigation property's proxy, for loads like "protection/protected" or "areas/items/address". */
  protected navigation(_prop: string): FakeProxy<unknown> | undefined {
    return undefined;
  }

  load(spec?: string | string[] | { select?: string | string[] }): this {
    const paths = parseLoad(spec);
    this.ctx._queue(`${this.constructor.name}.load(${paths.join(",")})`, (state) => this._loadNow(paths, state));
    return this;
  }

  /** Runs a load at sync time (also used for items and navigation children). */
  _loadNow(paths: string[], state: SyncState): void {
    const target = this.resolveTarget();
    if (target === null) {
      state.commits.push(() => {
        this.isNull = true;
        this.data = {};
      });
      return;
    }
    const got: Record<string, unknown> = {};
    const wanted = paths.length > 0 ? groupPaths(paths) : new Map(this.scalarProps.map((p) => [p, [] as string[]]));
    for (const [head, rest] of wanted) {
      if (head === "isNullObject") continue;
      const nav = this.navigation(head);
      if (nav) {
        nav._loadNow(rest.length > 0 ? rest : [], state);
        continue;
      }
      if (!this.scalarProps.includes(head)) {
        throw new FakeOfficeError("InvalidArgument", `${this.constructor.name} has no property '${head}'`);
      }
      got[head] = this.readScalar(target, head, state);
    }
    state.commits.push(() => {
      this.isNull = false;
      this.data = { ...(this.data ?? {}), ...got };
    });
  }

  get isNullObject(): boolean {
    if (this.isNull === undefined) throw propertyNotLoaded("isNullObject");
    return this.isNull;
  }

  protected loaded<T>(prop: string): T {
    if (this.isNull) {
      throw new FakeOfficeError("InvalidOperation", `'${prop}' read on a null object (check isNullObject first).`);
    }
    if (!this.data || !(prop in this.data)) throw propertyNotLoaded(prop);
    return this.data[prop] as T;
  }

  /** Resolves the target at sync time, failing when it is a null object. */
  protected must(): Target {
    const t = this.resolveTarget();
    if (t === null) throw new FakeOfficeError("InvalidOperation", "The operation was called on a null object.");
    return t;
  }

  toJSON(): unknown {
    return this.data ?? {};
  }
}

export class FakeWorkbookProxy extends FakeProxy<FakeExcel> {
  protected readonly scalarProps = ["name"] as const;
  readonly worksheets: FakeWorksheetCollection;
  readonly customXmlParts: FakeCustomXmlPartCollection;
  constructor(ctx: FakeRequestContext) {
    super(ctx, () => ctx.fake);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.customXmlParts = new FakeCustomXmlPartCollection(ctx);
  }
  protected readScalar(t: FakeExcel, prop: string, state: SyncState): unknown {
    if (!versionAtLeast(t.excelApi, "1.7")) throw new FakeOfficeError("ApiNotFound", "Workbook.name needs ExcelApi 1.7");
    const v = t.workbookName;
    t._accountBytes(state, utf8Bytes(v) + prop.length);
    return v;
  }
  get name(): string {
    return this.loaded("name");
  }
}

export class FakeWorksheetCollection extends FakeProxy<FakeSheet[]> {
  protected readonly scalarProps = [] as const;
  private itemProxies: FakeWorksheetProxy[] | undefined;
  constructor(ctx: FakeRequestContext) {
    super(ctx, () => ctx.fake.sheets);
  }
  protected readScalar(): unknown {
    return undefined;
  }
  override _loadNow(paths: string[], state: SyncState): void {
    const sheets = this.must();
    const groups = groupPaths(paths.length > 0 ? paths : ["items"]);
    const itemPaths = groups.get("items");
    if (itemPaths === undefined) {
      throw new FakeOfficeError("InvalidArgument", "A collection loads 'items' (e.g. 'items/name').");
    }
    const proxies = sheets.map((s) => new FakeWorksheetProxy(this.ctx, () => s));
    for (const p of proxies) p._loadNow(itemPaths.length > 0 ? itemPaths : ["name", "position", "visibility"], state);
    state.commits.push(() => {
      this.itemProxies = proxies;
    });
  }
  get items(): FakeWorksheetProxy[] {
    if (!this.itemProxies) throw propertyNotLoaded("items");
    return this.itemProxies;
  }
  getActiveWorksheet(): FakeWorksheetProxy {
    const fake = this.ctx.fake;
    let resolved: FakeSheet | undefined;
    // The active sheet is fixed when the request runs, like Office.
    return new FakeWorksheetProxy(this.ctx, () => {
      if (!resolved) {
        resolved = fake.sheet(fake.activeSheet ?? "") ?? fake.sheets[0];
        if (!resolved) throw new FakeOfficeError("ItemNotFound", "The workbook has no sheet.");
      }
      return resolved;
    });
  }
  getItem(name: string): FakeWorksheetProxy {
    const fake = this.ctx.fake;
    return new FakeWorksheetProxy(this.ctx, () => {
      const s = fake.sheet(name);
      if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: worksheet '${name}'.`);
      return s;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheetProxy {
    const fake = this.ctx.fake;
    return new FakeWorksheetProxy(this.ctx, () => fake.sheet(name) ?? null);
  }
}

export class FakeWorksheetProxy extends FakeProxy<FakeSheet> {
  protected readonly scalarProps = ["name", "position", "visibility"] as const;
  readonly protection: FakeWorksheetProtectionProxy;
  constructor(ctx: FakeRequestContext, resolve: () => FakeSheet | null) {
    super(ctx, resolve);
    this.protection = new FakeWorksheetProtectionProxy(ctx, resolve);
  }
  protected override navigation(prop: string): FakeProxy<unknown> | undefined {
    return prop === "protection" ? (this.protection as FakeProxy<unknown>) : undefined;
  }
  protected readScalar(t: FakeSheet, prop: string, state: SyncState): unknown {
    const fake = this.ctx.fake;
    const v = prop === "name" ? t.name : prop === "position" ? fake.sheets.indexOf(t) : "Visible";
    fake._accountBytes(state, utf8Bytes(v) + prop.length);
    return v;
  }
  get name(): string {
    return this.loaded("name");
  }
  get position(): number {
    return this.loaded("position");
  }
  get visibility(): string {
    return this.loaded("visibility");
  }
  getRange(address?: string): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, () => {
      const sheet = this.must();
      if (address === undefined) return { sheet, rect: { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS } };
      const p = parseRangeAddress(address);
      if (p.sheet !== null && p.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
        throw new FakeOfficeError("InvalidArgument", `address ${address} is on another sheet`);
      }
      return { sheet, rect: p.rect };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, () => {
      const sheet = this.must();
      const rect = { top: startRow + 1, left: startColumn + 1, bottom: startRow + rowCount, right: startColumn + columnCount };
      if (rowCount < 1 || columnCount < 1 || rect.top < 1 || rect.left < 1 || rect.bottom > MAX_ROWS || rect.right > MAX_COLS) {
        throw new FakeOfficeError("InvalidArgument", "getRangeByIndexes out of the grid");
      }
      return { sheet, rect };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRangeProxy {
    let resolved: { sheet: FakeSheet; rect: Rect } | null | undefined;
    return new FakeRangeProxy(this.ctx, () => {
      if (resolved === undefined) {
        const sheet = this.must();
        const rect = sheet.usedRect(valuesOnly === true);
        resolved = rect ? { sheet, rect } : null;
      }
      return resolved;
    });
  }
  /** Worksheet.notes (ExcelApi 1.18). */
  get notes(): FakeAnnotationCollection {
    return new FakeAnnotationCollection(this.ctx, "note", () => this.must());
  }
  /** Worksheet.comments (ExcelApi 1.10): threaded comments. */
  get comments(): FakeAnnotationCollection {
    return new FakeAnnotationCollection(this.ctx, "comment", () => this.must());
  }
  activate(): void {
    this.ctx._queue("Worksheet.activate", () => {
      this.ctx.fake.activeSheet = this.must().name;
    });
  }
}

export class FakeWorksheetProtectionProxy extends FakeProxy<FakeSheet> {
  protected readonly scalarProps = ["protected"] as const;
  protected readScalar(t: FakeSheet, prop: string, state: SyncState): unknown {
    this.ctx.fake._accountBytes(state, prop.length + 6);
    return t.protected;
  }
  get protected(): boolean {
    return this.loaded("protected");
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

const CELL_PROPS = new Set(["values", "formulas", "numberFormat", "valueTypes", "text"]);

export class FakeRangeProxy extends FakeProxy<RangeTarget> {
  protected readonly scalarProps = [
    "address",
    "rowIndex",
    "columnIndex",
    "rowCount",
    "columnCount",
    "cellCount",
    "values",
    "formulas",
    "numberFormat",
  ] as const;

  protected readScalar(t: RangeTarget, prop: string, state: SyncState): unknown {
    const fake = this.ctx.fake;
    const { rect, sheet } = t;
    const rows = rect.bottom - rect.top + 1;
    const cols = rect.right - rect.left + 1;
    let v: unknown;
    if (CELL_PROPS.has(prop)) {
      if (!state.countedRanges.has(this)) {
        fake._accountCells(state, rows * cols);
        state.countedRanges.add(this);
      }
      const out: unknown[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const row: unknown[] = [];
        for (let c = rect.left; c <= rect.right; c++) {
          const cell = sheet.get(r, c);
          if (prop === "values") row.push(cell.value ?? "");
          else if (prop === "formulas") row.push(cell.formula ?? cell.value ?? "");
          else row.push(cell.numberFormat);
        }
        out.push(row);
      }
      v = out;
    } else if (prop === "address") v = `${quoteSheet(sheet.name)}!${rectA1(rect)}`;
    else if (prop === "rowIndex") v = rect.top - 1;
    else if (prop === "columnIndex") v = rect.left - 1;
    else if (prop === "rowCount") v = rows;
    else if (prop === "columnCount") v = cols;
    else v = rows * cols;
    fake._accountBytes(state, utf8Bytes(v) + prop.length + 3);
    return v;
  }

  get address(): string {
    return this.loaded("address");
  }
  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded("columnIndex");
  }
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  get columnCount(): number {
    return this.loaded("columnCount");
  }
  get cellCount(): number {
    return this.loaded("cellCount");
  }
  get values(): unknown[][] {
    return this.loaded("values");
  }
  set values(v: unknown[][]) {
    this.write("values", v);
  }
  get formulas(): unknown[][] {
    return this.loaded("formulas");
  }
  set formulas(v: unknown[][]) {
    this.write("formulas", v);
  }
  get numberFormat(): unknown[][] {
    return this.loaded("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.write("numberFormat", v);
  }

  private write(prop: "values" | "formulas" | "numberFormat", v: unknown[][]): void {
    const copy = v.map((r) => (Array.isArray(r) ? [...r] : r));
    this.ctx._queue(`Range.${prop}=`, (state) => {
      const { sheet, rect } = this.must();
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      if (!Array.isArray(copy) || copy.length !== rows || copy.some((r) => !Array.isArray(r) || r.length !== cols)) {
        throw new FakeOfficeError("InvalidArgument", `The ${prop} array does not match the range's ${rows}×${cols} size.`);
      }
      if (sheet.protected) {
        throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
      }
      state.requestBytes += utf8Bytes(copy);
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const row = rect.top + r;
          const col = rect.left + c;
          const x = (copy[r] as unknown[])[c];
          state.cellsWritten++;
          if (prop === "numberFormat") {
            if (typeof x !== "string") throw new FakeOfficeError("InvalidArgument", "numberFormat must be text");
            sheet.set(row, col, { numberFormat: x });
          } else {
            // values= and formulas= both parse their input as typing does ("=…" enters a formula).
            const parsed = parseTyped(x, sheet.get(row, col).numberFormat);
            sheet.set(row, col, { value: parsed.value, formula: parsed.formula });
          }
        }
      }
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreasProxy {
    const fake = this.ctx.fake;
    let resolved: { sheet: FakeSheet; areas: Rect[] } | null | undefined;
    return new FakeRangeAreasProxy(this.ctx, () => {
      if (!versionAtLeast(fake.excelApi, "1.13")) {
        throw new FakeOfficeError("ApiNotFound", "getMergedAreasOrNullObject needs ExcelApi 1.13");
      }
      if (resolved === undefined) {
        const { sheet, rect } = this.must();
        const areas = sheet.merges.filter(
          (m) => m.top <= rect.bottom && m.bottom >= rect.top && m.left <= rect.right && m.right >= rect.left,
        );
        if (areas.length > 512) {
          throw new FakeOfficeError("GeneralException", "More than 512 merged areas.");
        }
        resolved = areas.length > 0 ? { sheet, areas } : null;
      }
      return resolved;
    });
  }

  /**
   * Range.getSpecialCellsOrNullObject (ExcelApi 1.9): the cells of the range holding constants (a value and no
   * formula) or formulas, as rectangles — runs of cells along a row, stacked where the runs below span the same
   * columns, which is how Excel reports them. A null object when none.
   */
  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreasProxy {
    const fake = this.ctx.fake;
    let resolved: { sheet: FakeSheet; areas: Rect[] } | null | undefined;
    return new FakeRangeAreasProxy(this.ctx, () => {
      if (!versionAtLeast(fake.excelApi, "1.9")) throw new FakeOfficeError("ApiNotFound", "getSpecialCellsOrNullObject needs ExcelApi 1.9");
      if (cellType !== "Constants" && cellType !== "Formulas")
        throw new FakeOfficeError("InvalidArgument", `cellType ${cellType} is not modelled`);
      if (resolved === undefined) {
        const { sheet, rect } = this.must();
        const byRow = new Map<number, number[]>();
        for (const [k, c] of sheet.cells) {
          const hit = cellType === "Formulas" ? c.formula !== null : c.formula === null && c.value !== null;
          if (!hit) continue;
          const { row, col } = fromKey(k);
          if (row < rect.top || row > rect.bottom || col < rect.left || col > rect.right) continue;
          let list = byRow.get(row);
          if (!list) byRow.set(row, (list = []));
          list.push(col);
        }
        const open = new Map<string, Rect>();
        const areas: Rect[] = [];
        for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
          const cols = byRow.get(row)!.sort((a, b) => a - b);
          const runs: [number, number][] = [];
          for (const c of cols) {
            const last = runs.at(-1);
            if (last && c === last[1] + 1) last[1] = c;
            else runs.push([c, c]);
          }
          for (const [l, r] of runs) {
            const k = `${l}:${r}`;
            const prev = open.get(k);
            if (prev && prev.bottom === row - 1) prev.bottom = row;
            else {
              const a = { top: row, bottom: row, left: l, right: r };
              open.set(k, a);
              areas.push(a);
            }
          }
        }
        resolved = areas.length > 0 ? { sheet, areas } : null;
      }
      return resolved;
    });
  }

  /** The model cells this range stands for, resolved at sync time (for the annotation and fill fakes). */
  _target(): RangeTarget {
    return this.must();
  }

  /** Range.format; only `fill` is modelled. */
  get format(): { fill: FakeRangeFillProxy } {
    const fill = new FakeRangeFillProxy(this.ctx, () => this.must());
    return { fill };
  }

  select(): void {
    this.ctx._queue("Range.select", () => {
      const { sheet, rect } = this.must();
      const fake = this.ctx.fake;
      if (fake.activeSheet?.toLowerCase() !== sheet.name.toLowerCase()) {
        throw new FakeOfficeError("InvalidSelection", "The range is not on the active sheet.");
      }
      fake.selection = { sheet: sheet.name, address: rectA1(rect) };
    });
  }
}

export class FakeRangeAreasProxy extends FakeProxy<{ sheet: FakeSheet; areas: Rect[] }> {
  protected readonly scalarProps = ["address", "areaCount", "cellCount"] as const;
  private areaProxies: FakeRangeProxy[] | undefined;
  private readonly areasCollection = {
    owner: this,
    get items(): FakeRangeProxy[] {
      return this.owner.itemsOrThrow();
    },
  };
  protected readScalar(t: { sheet: FakeSheet; areas: Rect[] }, prop: string, state: SyncState): unknown {
    const v =
      prop === "address"
        ? t.areas.map((r) => `${quoteSheet(t.sheet.name)}!${rectA1(r)}`).join(",")
        : prop === "areaCount"
          ? t.areas.length
          : t.areas.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0);
    this.ctx.fake._accountBytes(state, utf8Bytes(v) + prop.length + 3);
    return v;
  }
  protected override navigation(prop: string): FakeProxy<unknown> | undefined {
    if (prop !== "areas") return undefined;
    // A stand-in proxy whose load fills the areas' items.
    const owner = this;
    return {
      _loadNow(paths: string[], state: SyncState) {
        const g = groupPaths(paths.length > 0 ? paths : ["items"]);
        const itemPaths = g.get("items");
        if (itemPaths === undefined) throw new FakeOfficeError("InvalidArgument", "areas loads 'items/…'");
        const t = owner.resolveTarget();
        if (t === null) return;
        const proxies = t.areas.map((r) => new FakeRangeProxy(owner.ctx, () => ({ sheet: t.sheet, rect: r })));
        for (const p of proxies) p._loadNow(itemPaths.length > 0 ? itemPaths : ["address"], state);
        state.commits.push(() => {
          owner.areaProxies = proxies;
        });
      },
    } as unknown as FakeProxy<unknown>;
  }
  itemsOrThrow(): FakeRangeProxy[] {
    if (this.isNullObject) throw new FakeOfficeError("InvalidOperation", "'areas' read on a null object.");
    if (!this.areaProxies) throw propertyNotLoaded("areas");
    return this.areaProxies;
  }
  get areas(): { items: FakeRangeProxy[] } {
    return this.areasCollection;
  }
  get address(): string {
    return this.loaded("address");
  }
  get areaCount(): number {
    return this.loaded("areaCount");
  }
}

function requireXmlApi(fake: FakeExcel): void {
  if (!versionAtLeast(fake.excelApi, "1.5")) throw new FakeOfficeError("ApiNotFound", "customXmlParts needs ExcelApi 1.5");
}

export class FakeCustomXmlPartCollection {
  constructor(private readonly ctx: FakeRequestContext) {}
  add(xml: string): FakeCustomXmlPartProxy {
    const fake = this.ctx.fake;
    let added: StoredXmlPart | undefined;
    const proxy = new FakeCustomXmlPartProxy(this.ctx, () => {
      if (!added) throw new FakeOfficeError("InvalidOperation", "The part was not added.");
      return fake.customXmlParts.includes(added) ? added : null;
    });
    this.ctx._queue("CustomXmlPartCollection.add", (state) => {
      requireXmlApi(fake);
      const namespaceUri = checkXml(xml);
      state.requestBytes += utf8Bytes(xml);
      added = { id: fake._newPartId(), namespaceUri, xml };
      fake.customXmlParts.push(added);
    });
    return proxy;
  }
  getByNamespace(namespaceUri: string): FakeCustomXmlPartScopedCollection {
    return new FakeCustomXmlPartScopedCollection(this.ctx, namespaceUri);
  }
}

export class FakeCustomXmlPartScopedCollection extends FakeProxy<StoredXmlPart[]> {
  protected readonly scalarProps = [] as const;
  private itemProxies: FakeCustomXmlPartProxy[] | undefined;
  constructor(
    ctx: FakeRequestContext,
    private readonly ns: string,
  ) {
    super(ctx, () => {
      requireXmlApi(ctx.fake);
      return ctx.fake.customXmlParts.filter((p) => p.namespaceUri === ns);
    });
  }
  protected readScalar(): unknown {
    return undefined;
  }
  override _loadNow(paths: string[], state: SyncState): void {
    const parts = this.must();
    const itemPaths = groupPaths(paths.length > 0 ? paths : ["items"]).get("items");
    if (itemPaths === undefined) throw new FakeOfficeError("InvalidArgument", "A collection loads 'items'.");
    const proxies = parts.map((p) => new FakeCustomXmlPartProxy(this.ctx, () => (this.ctx.fake.customXmlParts.includes(p) ? p : null)));
    for (const p of proxies) p._loadNow(itemPaths.length > 0 ? itemPaths : ["id", "namespaceUri"], state);
    state.commits.push(() => {
      this.itemProxies = proxies;
    });
  }
  get items(): FakeCustomXmlPartProxy[] {
    if (!this.itemProxies) throw propertyNotLoaded("items");
    return this.itemProxies;
  }
  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>();
    this.ctx._queue("CustomXmlPartScopedCollection.getCount", (state) => {
      const n = this.must().length;
      this.ctx.fake._accountBytes(state, 8);
      state.commits.push(() => r._set(n));
    });
    return r;
  }
  getOnlyItemOrNullObject(): FakeCustomXmlPartProxy {
    return new FakeCustomXmlPartProxy(this.ctx, () => {
      const parts = this.must();
      if (parts.length > 1) throw new FakeOfficeError("InvalidOperation", "More than one part has this namespace.");
      return parts[0] ?? null;
    });
  }
}

export class FakeCustomXmlPartProxy extends FakeProxy<StoredXmlPart> {
  protected readonly scalarProps = ["id", "namespaceUri"] as const;
  protected readScalar(t: StoredXmlPart, prop: string, state: SyncState): unknown {
    const v = prop === "id" ? t.id : t.namespaceUri;
    this.ctx.fake._accountBytes(state, utf8Bytes(v) + prop.length + 3);
    return v;
  }
  get id(): string {
    return this.loaded("id");
  }
  get namespaceUri(): string {
    return this.loaded("namespaceUri");
  }
  getXml(): FakeClientResult<string> {
    const r = new FakeClientResult<string>();
    this.ctx._queue("CustomXmlPart.getXml", (state) => {
      const xml = this.must().xml;
      this.ctx.fake._accountBytes(state, utf8Bytes(xml));
      state.commits.push(() => r._set(xml));
    });
    return r;
  }
  setXml(xml: string): void {
    this.ctx._queue("CustomXmlPart.setXml", (state) => {
      const part = this.must();
      part.namespaceUri = checkXml(xml);
      state.requestBytes += utf8Bytes(xml);
      part.xml = xml;
    });
  }
  delete(): void {
    this.ctx._queue("CustomXmlPart.delete", () => {
      const part = this.must();
      const fake = this.ctx.fake;
      fake.customXmlParts = fake.customXmlParts.filter((p) => p !== part);
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Fills and notes (标注问题)

const NO_FILL = { color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 } as const;
const FILL_PROPS_1_9 = new Set(["pattern", "patternColor", "tintAndShade", "patternTintAndShade"]);

/**
 * Range.format.fill: `color` (ExcelApi 1.1; "#FFFFFF" for a cell without fill, as Excel answers), `pattern` ("None" for
 * no fill), `patternColor`, `tintAndShade`, `patternTintAndShade` (ExcelApi 1.9); null where the range's cells differ.
 * Setting `color` on a cell without fill makes it Solid; `clear()` or pattern "None" removes the fill. Writes into a
 * protected sheet reject with AccessDenied.
 */
export class FakeRangeFillProxy extends FakeProxy<RangeTarget> {
  protected readonly scalarProps = ["color", "pattern", "patternColor", "tintAndShade", "patternTintAndShade"] as const;
  protected readScalar(t: RangeTarget, prop: string, state: SyncState): unknown {
    const fake = this.ctx.fake;
    if (FILL_PROPS_1_9.has(prop) && !versionAtLeast(fake.excelApi, "1.9")) {
      throw new FakeOfficeError("ApiNotFound", `RangeFill.${prop} needs ExcelApi 1.9`);
    }
    let v: unknown;
    let first = true;
    for (let r = t.rect.top; r <= t.rect.bottom; r++) {
      for (let c = t.rect.left; c <= t.rect.right; c++) {
        const f = t.sheet.get(r, c).fill ?? NO_FILL;
        const x = f[prop as keyof FakeFill];
        if (first) v = x;
        else if (v !== x) v = null;
        first = false;
      }
    }
    fake._accountBytes(state, utf8Bytes(v) + prop.length + 3);
    return v;
  }
  get color(): string {
    return this.loaded("color");
  }
  set color(v: string) {
    this.set1("color", v);
  }
  get pattern(): string {
    return this.loaded("pattern");
  }
  set pattern(v: string) {
    this.set1("pattern", v);
  }
  get patternColor(): string {
    return this.loaded("patternColor");
  }
  set patternColor(v: string) {
    this.set1("patternColor", v);
  }
  get tintAndShade(): number {
    return this.loaded("tintAndShade");
  }
  set tintAndShade(v: number) {
    this.set1("tintAndShade", v);
  }
  get patternTintAndShade(): number {
    return this.loaded("patternTintAndShade");
  }
  set patternTintAndShade(v: number) {
    this.set1("patternTintAndShade", v);
  }
  clear(): void {
    this.each("RangeFill.clear", (sheet, r, c) => sheet.set(r, c, { fill: undefined }));
  }

  private set1(prop: keyof FakeFill, v: string | number): void {
    this.each(`RangeFill.${prop}=`, (sheet, r, c) => {
      if (FILL_PROPS_1_9.has(prop) && !versionAtLeast(this.ctx.fake.excelApi, "1.9")) {
        throw new FakeOfficeError("ApiNotFound", `RangeFill.${prop} needs ExcelApi 1.9`);
      }
      const old: FakeFill | undefined = sheet.get(r, c).fill;
      if (prop === "color" || prop === "patternColor") {
        if (typeof v !== "string" || !/^#[0-9A-Fa-f]{6}$/.test(v)) throw new FakeOfficeError("InvalidArgument", `${prop} must be #RRGGBB`);
        v = v.toUpperCase();
      }
      if (prop === "pattern" && v === "None") {
        sheet.set(r, c, { fill: undefined });
        return;
      }
      const base: FakeFill = old ?? { ...NO_FILL, pattern: "Solid" };
      sheet.set(r, c, { fill: { ...base, [prop]: v } });
    });
  }

  private each(describe: string, f: (sheet: FakeSheet, row: number, col: number) => void): void {
    this.ctx._queue(describe, (state) => {
      const { sheet, rect } = this.must();
      if (sheet.protected) throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          state.cellsWritten++;
          f(sheet, r, c);
        }
      }
    });
  }
}

interface AnnotationTarget {
  sheet: FakeSheet;
  cellKey: number;
  annotation: FakeAnnotation;
}

function requireAnnotations(fake: FakeExcel, kind: FakeAnnotation["kind"]): void {
  const need = kind === "note" ? "1.18" : "1.10";
  if (!versionAtLeast(fake.excelApi, need)) {
    throw new FakeOfficeError("ApiNotFound", `${kind === "note" ? "Worksheet.notes" : "Worksheet.comments"} needs ExcelApi ${need}`);
  }
}

/**
 * Worksheet.notes (NoteCollection, ExcelApi 1.18) or Worksheet.comments (CommentCollection, ExcelApi 1.10): a
 * collection sees only its own kind; `add` refuses a cell that already holds a note or a comment, a range of more than
 * one cell, another sheet's cell, and a protected sheet (AccessDenied). The author is the signed-in person.
 */
export class FakeAnnotationCollection extends FakeProxy<AnnotationTarget[]> {
  protected readonly scalarProps = [] as const;
  private itemProxies: FakeAnnotationProxy[] | undefined;
  constructor(
    ctx: FakeRequestContext,
    private readonly kind: FakeAnnotation["kind"],
    private readonly sheetOf: () => FakeSheet,
  ) {
    super(ctx, () => {
      requireAnnotations(ctx.fake, kind);
      const sheet = sheetOf();
      return [...sheet.annotations].filter(([, a]) => a.kind === kind).map(([cellKey, annotation]) => ({ sheet, cellKey, annotation }));
    });
  }
  protected readScalar(): unknown {
    return undefined;
  }
  override _loadNow(paths: string[], state: SyncState): void {
    const list = this.must();
    const itemPaths = groupPaths(paths.length > 0 ? paths : ["items"]).get("items");
    if (itemPaths === undefined) throw new FakeOfficeError("InvalidArgument", "A collection loads 'items'.");
    const proxies = list.map(
      (t) => new FakeAnnotationProxy(this.ctx, () => (t.sheet.annotations.get(t.cellKey) === t.annotation ? t : null)),
    );
    for (const p of proxies) p._loadNow(itemPaths.length > 0 ? itemPaths : ["content", "authorName"], state);
    state.commits.push(() => {
      this.itemProxies = proxies;
    });
  }
  get items(): FakeAnnotationProxy[] {
    if (!this.itemProxies) throw propertyNotLoaded("items");
    return this.itemProxies;
  }
  add(cellAddress: FakeRangeProxy | string, content: string): FakeAnnotationProxy {
    let added: AnnotationTarget | undefined;
    this.ctx._queue(`${this.kind === "note" ? "NoteCollection" : "CommentCollection"}.add`, (state) => {
      const fake = this.ctx.fake;
      requireAnnotations(fake, this.kind);
      const sheet = this.sheetOf();
      let rect: Rect;
      if (typeof cellAddress === "string") {
        const p = parseRangeAddress(cellAddress);
        if (p.sheet !== null && p.sheet.toLowerCase() !== sheet.name.toLowerCase())
          throw new FakeOfficeError("InvalidArgument", "The cell is on another sheet.");
        rect = p.rect;
      } else {
        const t = cellAddress._target();
        if (t.sheet !== sheet) throw new FakeOfficeError("InvalidArgument", "The cell is on another sheet.");
        rect = t.rect;
      }
      if (rect.top !== rect.bottom || rect.left !== rect.right)
        throw new FakeOfficeError("InvalidArgument", "The range must be a single cell.");
      if (typeof content !== "string") throw new FakeOfficeError("InvalidArgument", "content must be text");
      if (sheet.protected) throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
      const k = key(rect.top, rect.left);
      if (sheet.annotations.has(k)) throw new FakeOfficeError("InvalidArgument", "The cell already has a note or a comment.");
      state.requestBytes += utf8Bytes(content);
      state.cellsWritten++;
      const annotation: FakeAnnotation = { kind: this.kind, content, author: fake.userName };
      sheet.annotations.set(k, annotation);
      added = { sheet, cellKey: k, annotation };
    });
    return new FakeAnnotationProxy(this.ctx, () => {
      if (!added) throw new FakeOfficeError("InvalidOperation", "The note was not added.");
      return added.sheet.annotations.get(added.cellKey) === added.annotation ? added : null;
    });
  }
  /** NoteCollection.getItemOrNullObject(cell address). */
  getItemOrNullObject(address: string): FakeAnnotationProxy {
    return new FakeAnnotationProxy(this.ctx, () => {
      requireAnnotations(this.ctx.fake, this.kind);
      const sheet = this.sheetOf();
      const { rect } = parseRangeAddress(address);
      const k = key(rect.top, rect.left);
      const a = sheet.annotations.get(k);
      return a && a.kind === this.kind ? { sheet, cellKey: k, annotation: a } : null;
    });
  }
}

/** One Note or Comment: content (read and write), authorName, getLocation(), delete(). */
export class FakeAnnotationProxy extends FakeProxy<AnnotationTarget> {
  protected readonly scalarProps = ["content", "authorName"] as const;
  protected readScalar(t: AnnotationTarget, prop: string, state: SyncState): unknown {
    const v = prop === "content" ? t.annotation.content : t.annotation.author;
    this.ctx.fake._accountBytes(state, utf8Bytes(v) + prop.length + 3);
    return v;
  }
  get content(): string {
    return this.loaded("content");
  }
  set content(v: string) {
    this.ctx._queue("Note.content=", (state) => {
      const t = this.must();
      if (t.sheet.protected) throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
      if (typeof v !== "string") throw new FakeOfficeError("InvalidArgument", "content must be text");
      state.cellsWritten++;
      t.annotation.content = v;
    });
  }
  get authorName(): string {
    return this.loaded("authorName");
  }
  getLocation(): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, () => {
      const t = this.must();
      const { row, col } = fromKey(t.cellKey);
      return { sheet: t.sheet, rect: { top: row, bottom: row, left: col, right: col } };
    });
  }
  delete(): void {
    this.ctx._queue("Note.delete", (state) => {
      const t = this.must();
      if (t.sheet.protected) throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
      state.cellsWritten++;
      t.sheet.annotations.delete(t.cellKey);
    });
  }
}
