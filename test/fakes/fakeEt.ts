/**
 * A strict, in-memory fake of the part of the WPS 表格 (ET) object model that WpsSpreadsheetHost and the WPS ribbon
 * use: `Application`, `Workbook`, `Worksheets`, `Worksheet`, `Range` (and a task pane / PluginStorage for the ribbon).
 *
 * It enforces what WPS (like Excel's COM model, which ET follows) enforces, so a test passing here means the adapter
 * respects those rules:
 * - 1-based indices: `Worksheets.Item(0)`, `Areas.Item(0)`, `Cells.Item(0, 1)`, an index past `Count` or an unknown
 *   sheet name throw a COM-style error (`ComError`, with a negative HRESULT in `number`, as a COM bridge reports it);
 * - `Value2` and `Formula` of a multi-cell range are 2-D arrays (rows of columns); of one cell, a scalar;
 *   `NumberFormat`, `MergeCells`, `Locked` of a mixed range are `null` (as in Excel's object model);
 *   an empty cell's `Value2` is `undefined`; an error value is its COM error code (-2146826281 for #DIV/0!) or, with
 *   `errors: "text"`, its text;
 * - members are properties or zero-argument methods depending on a build switch (`members: "property" | "method"`):
 *   in the method build `range.Value2` is a function and only `range.Value2()` gives the value; assignment
 *   (`range.Formula = "=A1"`) writes in both builds;
 * - writes are parsed the way typing is: "=…" is a formula, a leading apostrophe keeps text, numeric text becomes a
 *   number, "50%" a number with a % format, TRUE/FALSE a boolean, "2020-1-1" a date — unless the cell's format is "@";
 * - a write to a locked cell of a protected sheet throws (nothing of that write happens); `Range.Select()` needs the
 *   range's sheet to be active; `Worksheet.Delete()` throws while `DisplayAlerts` is on (a dialog would block);
 *   adding a sheet to a workbook whose structure is protected throws;
 * - `SpecialCells` exists only when `specialCells` is on (else it throws E_NOTIMPL), and throws "No cells were found"
 *   when none match;
 * - reading more than `maxCellsPerRead` cells in one access throws (out of memory), and `stats` counts every member
 *   access, every cell a read returns (Value2, Formula: arrays the host must build) and every one-value probe
 *   (NumberFormat, HasFormula, Locked, MergeCells of a range), so tests can prove the cost follows the content.
 * Formulas are not calculated: a cell given a formula keeps value null until a test sets one.
 *
 * Self-contained (no imports): the Chromium end-to-end test transpiles this file and injects it as window.Application.
 */

export type MemberStyle = "property" | "method";
export type ErrorStyle = "code" | "text";

export interface FakeEtOptions {
  members?: MemberStyle;
  errors?: ErrorStyle;
  /** Whether Range.SpecialCells exists in this build. */
  specialCells?: boolean;
  /** Most cells one access may return before the host runs out of memory. */
  maxCellsPerRead?: number;
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** HRESULTs as a COM bridge reports them (signed). */
export const HRESULT = {
  /** DISP_E_BADINDEX: 下标越界 / subscript out of range. */
  BAD_INDEX: -2147352565,
  /** 0x800A03EC: the generic "application-defined or object-defined error" (bad address, protected cell, no cells). */
  APP_DEFINED: -2146827284,
  /** E_NOTIMPL. */
  NOT_IMPLEMENTED: -2147467263,
  /** E_OUTOFMEMORY. */
  OUT_OF_MEMORY: -2147024882,
  /** DISP_E_BADPARAMCOUNT. */
  BAD_PARAM_COUNT: -2147352562,
} as const;

/** Excel/ET error values and their COM codes (0x800A0000 + xlErr). */
export const ERROR_CODES: Record<string, number> = {
  "#NULL!": -2146826288,
  "#DIV/0!": -2146826281,
  "#VALUE!": -2146826273,
  "#REF!": -2146826265,
  "#NAME?": -2146826259,
  "#NUM!": -2146826252,
  "#N/A": -2146826246,
};

export class ComError extends Error {
  readonly number: number;
  readonly description: string;
  constructor(hresult: number, description: string) {
    super(description);
    this.name = "ComError";
    this.number = hresult;
    this.description = description;
  }
}

export type FakeValue = string | number | boolean | null | { error: string };

export interface EtCell {
  value: FakeValue;
  formula: string | null;
  numberFormat: string;
  locked: boolean;
  /** The cell's fill (Range.Interior); absent: none. */
  interior?: EtInterior;
}

/** Range.Interior as the object model describes it: colours are BGR longs (VBA's RGB(r, g, b) = r + g·256 + b·65536). */
export interface EtInterior {
  color: number;
  /** xlPattern: 1 xlSolid, -4125 xlGray50 …; no fill is an absent interior (xlNone -4142). */
  pattern: number;
  patternColor: number;
  tintAndShade: number;
}

/** A cell comment (批注): WPS's Range.Comment, Excel VBA's legacy Comment object. */
export interface EtComment {
  text: string;
  author: string;
}

/** xlNone / xlColorIndexNone / xlPatternNone. */
export const XL_NONE = -4142;

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const EMPTY: EtCell = Object.freeze({ value: null, formula: null, numberFormat: "General", locked: true }) as EtCell;

function key(row: number, col: number): number {
  return (row - 1) * MAX_COLS + (col - 1);
}

function fromKey(k: number): { row: number; col: number } {
  return { row: Math.floor(k / MAX_COLS) + 1, col: (k % MAX_COLS) + 1 };
}

export function colName(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colNumber(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function badAddress(address: string): ComError {
  return new ComError(HRESULT.APP_DEFINED, `无效的单元格引用 / not a valid reference: ${address}`);
}

/** "A1", "$A$1:B$2", "A:C", "3:5" → a rectangle on the grid (no sheet part, no lists). */
export function parseRef(address: string): Rect {
  if (typeof address !== "string") throw badAddress(String(address));
  const parts = address.trim().replace(/\$/g, "").toUpperCase().split(":");
  if (parts.length < 1 || parts.length > 2) throw badAddress(address);
  const ends = parts.map((p) => {
    let m = /^([A-Z]{1,3})(\d{1,7})$/.exec(p);
    if (m) return { row: Number(m[2]), col: colNumber(m[1]), kind: "cell" };
    m = /^([A-Z]{1,3})$/.exec(p);
    if (m) return { row: 0, col: colNumber(m[1]), kind: "col" };
    m = /^(\d{1,7})$/.exec(p);
    if (m) return { row: Number(m[1]), col: 0, kind: "row" };
    throw badAddress(address);
  });
  const a = ends[0];
  const b = ends[1] ?? ends[0];
  if (a.kind !== b.kind) throw badAddress(address);
  let r: Rect;
  if (a.kind === "col") r = { top: 1, bottom: MAX_ROWS, left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
  else if (a.kind === "row") r = { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: 1, right: MAX_COLS };
  else r = { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
  if (r.top < 1 || r.left < 1 || r.bottom > MAX_ROWS || r.right > MAX_COLS) throw badAddress(address);
  return r;
}

export function rectA1(r: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  const s = `${d}${colName(r.left)}${d}${r.top}`;
  const e = `${d}${colName(r.right)}${d}${r.bottom}`;
  return s === e ? s : `${s}:${e}`;
}

function area(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

function intersect(a: Rect, b: Rect): Rect | null {
  const r = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

/** Excel's date serial of a calendar day. */
function dateSerial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
}

// ------------------------------------------------------------------------------------------------- the model

export class EtSheetModel {
  readonly cells = new Map<number, EtCell>();
  merges: Rect[] = [];
  protected = false;
  password: string | null = null;
  /** -1 visible, 0 hidden, 2 very hidden (xlSheetVisible / xlSheetHidden / xlSheetVeryHidden). */
  visible: -1 | 0 | 2 = -1;
  /** Comments by cell (the same keys as `cells`). */
  readonly comments = new Map<number, EtComment>();
  constructor(public name: string) {}

  /** Puts a comment on a cell, as a person would. */
  annotate(address: string, text: string, author = "张三"): this {
    const r = parseRef(address);
    this.comments.set(key(r.top, r.left), { text, author });
    return this;
  }

  comment(address: string): EtComment | undefined {
    const r = parseRef(address);
    return this.comments.get(key(r.top, r.left));
  }

  /** Fills a cell with a colour ("#RRGGBB"), as a person would. */
  fillCell(address: string, rgb: string, pattern = 1): this {
    return this.setA1(address, { interior: { color: bgrOf(rgb), pattern, patternColor: 0, tintAndShade: 0 } });
  }

  get(row: number, col: number): EtCell {
    return this.cells.get(key(row, col)) ?? EMPTY;
  }

  getA1(address: string): EtCell {
    const r = parseRef(address);
    return this.get(r.top, r.left);
  }

  set(row: number, col: number, cell: Partial<EtCell>): this {
    const next: EtCell = { ...this.get(row, col), ...cell };
    if (next.value === "") next.value = null;
    if (next.value === null && next.formula === null && next.numberFormat === "General" && next.locked && !next.interior)
      this.cells.delete(key(row, col));
    else this.cells.set(key(row, col), next);
    return this;
  }

  setA1(address: string, cell: Partial<EtCell>): this {
    const r = parseRef(address);
    return this.set(r.top, r.left, cell);
  }

  merge(address: string): this {
    this.merges.push(parseRef(address));
    return this;
  }

  /** The stored cells inside a rectangle (iterating whichever is smaller: the rectangle or the store). */
  *cellsIn(r: Rect): IterableIterator<[number, number, EtCell]> {
    if (area(r) <= this.cells.size) {
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          const c = this.cells.get(key(row, col));
          if (c) yield [row, col, c];
        }
      return;
    }
    for (const [k, c] of this.cells) {
      const { row, col } = fromKey(k);
      if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) yield [row, col, c];
    }
  }

  mergeAt(row: number, col: number): Rect | null {
    return this.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) ?? null;
  }

  /** Excel's used range: every cell that holds or carries anything (a format too), and the merges. */
  usedRect(): Rect | null {
    let r: Rect | null = null;
    const grow = (row: number, col: number) => {
      if (!r) r = { top: row, bottom: row, left: col, right: col };
      else {
        if (row < r.top) r.top = row;
        if (row > r.bottom) r.bottom = row;
        if (col < r.left) r.left = col;
        if (col > r.right) r.right = col;
      }
    };
    for (const k of this.cells.keys()) {
      const { row, col } = fromKey(k);
      grow(row, col);
    }
    for (const m of this.merges) {
      grow(m.top, m.left);
      grow(m.bottom, m.right);
    }
    return r;
  }
}

/** "#RRGGBB" → the BGR long the object model uses. */
export function bgrOf(rgb: string): number {
  const n = parseInt(rgb.replace(/^#/, ""), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

export class EtWorkbookModel {
  sheets: EtSheetModel[] = [];
  active = 0;
  protectStructure = false;
  constructor(public name: string) {}

  addSheet(name: string): EtSheetModel {
    const s = new EtSheetModel(name);
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): EtSheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
}

/** Plain JSON of a workbook (for the browser test: built in Node, rebuilt in the page, read back). */
export interface EtWorkbookJson {
  name: string;
  active: number;
  protectStructure: boolean;
  sheets: {
    name: string;
    protected: boolean;
    password: string | null;
    visible: -1 | 0 | 2;
    merges: Rect[];
    cells: [number, number, EtCell][];
    comments?: [number, number, EtComment][];
  }[];
}

export function workbookToJson(wb: EtWorkbookModel): EtWorkbookJson {
  return {
    name: wb.name,
    active: wb.active,
    protectStructure: wb.protectStructure,
    sheets: wb.sheets.map((s) => ({
      name: s.name,
      protected: s.protected,
      password: s.password,
      visible: s.visible,
      merges: s.merges.map((m) => ({ ...m })),
      cells: [...s.cells.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([k, c]) => {
          const { row, col } = fromKey(k);
          return [row, col, { ...c, value: c.value && typeof c.value === "object" ? { ...c.value } : c.value }];
        }),
      comments: [...s.comments.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([k, c]): [number, number, EtComment] => {
          const { row, col } = fromKey(k);
          return [row, col, { ...c }];
        }),
    })),
  };
}

export function workbookFromJson(j: EtWorkbookJson): EtWorkbookModel {
  const wb = new EtWorkbookModel(j.name);
  wb.active = j.active;
  wb.protectStructure = j.protectStructure;
  for (const s of j.sheets) {
    const m = wb.addSheet(s.name);
    m.protected = s.protected;
    m.password = s.password;
    m.visible = s.visible;
    m.merges = s.merges.map((x) => ({ ...x }));
    for (const [row, col, c] of s.cells) m.cells.set(key(row, col), { ...c });
    for (const [row, col, c] of s.comments ?? []) m.comments.set(key(row, col), { ...c });
  }
  return wb;
}

export interface FakeTaskPane {
  id: string;
  url: string;
  visible: boolean;
  dockPosition: number;
}

// ------------------------------------------------------------------------------------------------- the fake

type Obj = Record<string, unknown>;

export class FakeEt {
  readonly options: Required<FakeEtOptions>;
  workbook: EtWorkbookModel | null;
  screenUpdating = true;
  displayAlerts = true;
  /** The person using WPS: the author of comments added through the object model. */
  userName = "李四";
  /** The selected cell or range, as the person would see it. */
  selection: { sheet: string; address: string } | null = null;
  readonly stats = { calls: 0, cellsRead: 0, cellsWritten: 0, largestRead: 0, probes: 0 };
  readonly taskPanes: FakeTaskPane[] = [];
  readonly pluginStorage = new Map<string, string>();
  /** Test hook: the next cell write once this many were made (stats.cellsWritten) throws, once, as a host can fail. */
  failAfterWrites: number | null = null;
  /** The COM-like object a page sees as window.Application. */
  readonly Application: Obj;

  constructor(workbook: EtWorkbookModel | null, options: FakeEtOptions = {}) {
    this.options = {
      members: options.members ?? "property",
      errors: options.errors ?? "code",
      specialCells: options.specialCells ?? true,
      maxCellsPerRead: options.maxCellsPerRead ?? 2_000_000,
    };
    this.workbook = workbook;
    this.Application = this.application();
  }

  // --------------------------------------------------------------------------------------------- helpers

  /** A member: a property, or (method build) a zero-argument method returning the value; assignment writes. */
  private member(target: Obj, name: string, get: () => unknown, set?: (v: unknown) => void): void {
    const self = this;
    Object.defineProperty(target, name, {
      enumerable: true,
      configurable: false,
      get() {
        self.stats.calls++;
        if (self.options.members === "method") {
          return function (...args: unknown[]) {
            if (args.length > 0) throw new ComError(HRESULT.BAD_PARAM_COUNT, `${name} takes no arguments`);
            return get();
          };
        }
        return get();
      },
      set(v: unknown) {
        self.stats.calls++;
        if (!set) throw new ComError(HRESULT.APP_DEFINED, `${name} 是只读属性 / ${name} is read-only`);
        set(v);
      },
    });
  }

  private method(target: Obj, name: string, fn: (...args: any[]) => unknown): void {
    const self = this;
    Object.defineProperty(target, name, {
      enumerable: true,
      configurable: false,
      writable: false,
      value: function (...args: unknown[]) {
        self.stats.calls++;
        return fn(...args);
      },
    });
  }

  private countRead(cells: number): void {
    if (cells > this.options.maxCellsPerRead) {
      throw new ComError(HRESULT.OUT_OF_MEMORY, `内存不足：一次读取 ${cells} 个单元格 / out of memory reading ${cells} cells`);
    }
    this.stats.cellsRead += cells;
    if (cells > this.stats.largestRead) this.stats.largestRead = cells;
  }

  private beforeWrite(): void {
    if (this.failAfterWrites !== null && this.stats.cellsWritten >= this.failAfterWrites) {
      this.failAfterWrites = null;
      throw new ComError(HRESULT.APP_DEFINED, "写入失败（测试注入）/ the write failed (injected by the test)");
    }
  }

  private requireWorkbook(): EtWorkbookModel {
    if (!this.workbook) throw new ComError(HRESULT.APP_DEFINED, "没有打开的工作簿 / no workbook is open");
    return this.workbook;
  }

  private alive(sheet: EtSheetModel): void {
    if (!this.workbook || !this.workbook.sheets.includes(sheet)) {
      throw new ComError(HRESULT.APP_DEFINED, "对象已被删除 / the object was deleted");
    }
  }

  // --------------------------------------------------------------------------------------------- Application

  private application(): Obj {
    const app: Obj = {};
    this.member(app, "Name", () => "WPS 表格");
    this.member(app, "Version", () => "12.1.0.fake");
    this.member(app, "ActiveWorkbook", () => (this.workbook ? this.workbookObject(this.workbook) : null));
    this.member(app, "ActiveSheet", () => {
      const wb = this.workbook;
      return wb && wb.sheets[wb.active] ? this.sheetObject(wb.sheets[wb.active]) : null;
    });
    this.member(app, "Selection", () => {
      const sel = this.selection;
      const s = sel && this.workbook?.sheet(sel.sheet);
      return s && sel ? this.rangeObject(s, parseRef(sel.address)) : null;
    });
    this.member(
      app,
      "ScreenUpdating",
      () => this.screenUpdating,
      (v) => {
        this.screenUpdating = !!v;
      },
    );
    this.member(
      app,
      "DisplayAlerts",
      () => this.displayAlerts,
      (v) => {
        this.displayAlerts = !!v;
      },
    );
    const storage: Obj = {};
    this.method(storage, "getItem", (k: string) => (this.pluginStorage.has(String(k)) ? this.pluginStorage.get(String(k)) : undefined));
    this.method(storage, "setItem", (k: string, v: unknown) => {
      this.pluginStorage.set(String(k), String(v));
      return true;
    });
    this.method(storage, "removeItem", (k: string) => this.pluginStorage.delete(String(k)));
    this.member(app, "PluginStorage", () => storage);
    this.method(app, "CreateTaskPane", (url: string) => {
      if (typeof url !== "string" || url === "") throw new ComError(HRESULT.APP_DEFINED, "CreateTaskPane needs a URL");
      const pane: FakeTaskPane = { id: `pane-${this.taskPanes.length + 1}`, url, visible: false, dockPosition: 2 };
      this.taskPanes.push(pane);
      return this.paneObject(pane);
    });
    this.method(app, "GetTaskPane", (id: string) => {
      const pane = this.taskPanes.find((p) => p.id === String(id));
      return pane ? this.paneObject(pane) : null;
    });
    return app;
  }

  private paneObject(pane: FakeTaskPane): Obj {
    const o: Obj = {};
    this.member(o, "ID", () => pane.id);
    this.member(
      o,
      "Visible",
      () => pane.visible,
      (v) => {
        pane.visible = !!v;
      },
    );
    this.member(
      o,
      "DockPosition",
      () => pane.dockPosition,
      (v) => {
        pane.dockPosition = Number(v);
      },
    );
    return o;
  }

  // --------------------------------------------------------------------------------------------- Workbook

  private workbookObject(wb: EtWorkbookModel): Obj {
    const o: Obj = {};
    this.member(o, "Name", () => wb.name);
    this.member(o, "FullName", () => wb.name);
    const sheets = this.sheetsObject(wb);
    this.member(o, "Worksheets", () => sheets);
    this.member(o, "Sheets", () => sheets);
    this.member(o, "ActiveSheet", () => (wb.sheets[wb.active] ? this.sheetObject(wb.sheets[wb.active]) : null));
    this.member(o, "ProtectStructure", () => wb.protectStructure);
    return o;
  }

  private sheetsObject(wb: EtWorkbookModel): Obj {
    const o: Obj = {};
    this.member(o, "Count", () => wb.sheets.length);
    this.method(o, "Item", (index: unknown) => {
      if (typeof index === "number") {
        if (!Number.isInteger(index) || index < 1 || index > wb.sheets.length) {
          throw new ComError(HRESULT.BAD_INDEX, `下标越界 / subscript out of range: Item(${index})`);
        }
        return this.sheetObject(wb.sheets[index - 1]);
      }
      if (typeof index === "string") {
        const s = wb.sheet(index);
        if (!s) throw new ComError(HRESULT.BAD_INDEX, `下标越界 / subscript out of range: Item("${index}")`);
        return this.sheetObject(s);
      }
      throw new ComError(HRESULT.BAD_INDEX, `下标越界 / subscript out of range: Item(${String(index)})`);
    });
    this.method(o, "Add", (before?: unknown, after?: unknown) => {
      if (wb.protectStructure) throw new ComError(HRESULT.APP_DEFINED, "工作簿结构受保护 / the workbook's structure is protected");
      let n = wb.sheets.length + 1;
      while (wb.sheet(`Sheet${n}`)) n++;
      const s = new EtSheetModel(`Sheet${n}`);
      const indexOf = (x: unknown) => {
        const i = wb.sheets.findIndex((m) => this.objects.get(m) === x);
        if (i < 0) throw new ComError(HRESULT.APP_DEFINED, "Add: Before/After is not a sheet of this workbook");
        return i;
      };
      let at = wb.active;
      if (before !== undefined && before !== null) at = indexOf(before);
      else if (after !== undefined && after !== null) at = indexOf(after) + 1;
      wb.sheets.splice(at, 0, s);
      wb.active = at;
      return this.sheetObject(s);
    });
    return o;
  }

  // --------------------------------------------------------------------------------------------- Worksheet

  /** One object per sheet, so identity comparisons (Add's Before/After) work as in COM. */
  private readonly objects = new Map<EtSheetModel, Obj>();

  private sheetObject(s: EtSheetModel): Obj {
    const known = this.objects.get(s);
    if (known) return known;
    const o: Obj = {};
    this.objects.set(s, o);
    const wb = () => this.requireWorkbook();
    this.member(
      o,
      "Name",
      () => {
        this.alive(s);
        return s.name;
      },
      (v) => {
        this.alive(s);
        const name = String(v);
        if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name))
          throw new ComError(HRESULT.APP_DEFINED, `无效的工作表名称 / invalid sheet name: ${name}`);
        const other = wb().sheet(name);
        if (other && other !== s) throw new ComError(HRESULT.APP_DEFINED, `工作表名称已存在 / a sheet named ${name} exists`);
        s.name = name;
      },
    );
    this.member(o, "Index", () => {
      this.alive(s);
      return wb().sheets.indexOf(s) + 1;
    });
    this.member(
      o,
      "Visible",
      () => {
        this.alive(s);
        return s.visible;
      },
      (v) => {
        this.alive(s);
        const x = v === true ? -1 : v === false ? 0 : Number(v);
        if (x !== -1 && x !== 0 && x !== 2) throw new ComError(HRESULT.APP_DEFINED, `Visible: ${String(v)}`);
        if (x !== -1 && s.visible === -1 && wb().sheets.filter((m) => m.visible === -1).length === 1) {
          throw new ComError(HRESULT.APP_DEFINED, "不能隐藏唯一的可见工作表 / cannot hide the only visible sheet");
        }
        s.visible = x as -1 | 0 | 2;
        if (x !== -1 && wb().sheets[wb().active] === s) wb().active = wb().sheets.findIndex((m) => m.visible === -1);
      },
    );
    this.member(o, "ProtectContents", () => {
      this.alive(s);
      return s.protected;
    });
    this.method(o, "Protect", (password?: unknown) => {
      this.alive(s);
      s.protected = true;
      s.password = password === undefined || password === null || password === "" ? null : String(password);
    });
    this.method(o, "Unprotect", (password?: unknown) => {
      this.alive(s);
      if (!s.protected) return;
      const given = password === undefined || password === null || password === "" ? null : String(password);
      if (s.password !== null && given !== s.password) throw new ComError(HRESULT.APP_DEFINED, "密码不正确 / the password is not correct");
      s.protected = false;
      s.password = null;
    });
    this.method(o, "Activate", () => {
      this.alive(s);
      if (s.visible !== -1) throw new ComError(HRESULT.APP_DEFINED, "不能激活隐藏的工作表 / cannot activate a hidden sheet");
      wb().active = wb().sheets.indexOf(s);
    });
    this.method(o, "Delete", () => {
      this.alive(s);
      if (this.displayAlerts)
        throw new ComError(
          HRESULT.APP_DEFINED,
          "删除工作表会弹出确认对话框 / deleting a sheet would show a confirmation dialog (set DisplayAlerts = false)",
        );
      const book = wb();
      if (book.protectStructure) throw new ComError(HRESULT.APP_DEFINED, "工作簿结构受保护 / the workbook's structure is protected");
      if (s.visible === -1 && book.sheets.filter((m) => m.visible === -1).length === 1) {
        throw new ComError(HRESULT.APP_DEFINED, "不能删除唯一的可见工作表 / cannot delete the only visible sheet");
      }
      const i = book.sheets.indexOf(s);
      const activeSheet = book.sheets[book.active];
      book.sheets.splice(i, 1);
      this.objects.delete(s);
      book.active =
        activeSheet === s
          ? Math.max(
              0,
              book.sheets.findIndex((m) => m.visible === -1),
            )
          : book.sheets.indexOf(activeSheet);
      return true;
    });
    this.member(o, "UsedRange", () => {
      this.alive(s);
      return this.rangeObject(s, s.usedRect() ?? { top: 1, left: 1, bottom: 1, right: 1 });
    });
    this.method(o, "Range", (address: unknown, second?: unknown) => {
      this.alive(s);
      if (second !== undefined) throw new ComError(HRESULT.BAD_PARAM_COUNT, "Range(cell1, cell2) is not supported by this fake");
      if (typeof address !== "string" || address.includes(",") || address.includes("!")) throw badAddress(String(address));
      return this.rangeObject(s, parseRef(address));
    });
    this.member(o, "Cells", () => {
      this.alive(s);
      return this.rangeObject(s, { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS });
    });
    this.member(o, "Comments", () => {
      this.alive(s);
      // A snapshot in sheet order (rows, then columns), as Excel's object model lists them.
      const keys = [...s.comments.keys()].sort((a, b) => a - b);
      const c: Obj = {};
      this.member(c, "Count", () => keys.length);
      this.method(c, "Item", (i: unknown) => {
        if (typeof i !== "number" || !Number.isInteger(i) || i < 1 || i > keys.length) {
          throw new ComError(HRESULT.BAD_INDEX, `下标越界 / subscript out of range: Comments.Item(${String(i)})`);
        }
        const { row, col } = fromKey(keys[i - 1]);
        return this.commentObject(s, row, col);
      });
      return c;
    });
    return o;
  }

  /** A cell's comment: Text() reads, Text(text) writes; Author; Delete(); Parent (the cell). */
  private commentObject(s: EtSheetModel, row: number, col: number): Obj {
    const k = key(row, col);
    const model = s.comments.get(k);
    const o: Obj = {};
    const live = (): EtComment => {
      this.alive(s);
      const c = s.comments.get(k);
      if (!c || c !== model) throw new ComError(HRESULT.APP_DEFINED, "批注已被删除 / the comment was deleted");
      return c;
    };
    this.method(o, "Text", (text?: unknown, start?: unknown, overwrite?: unknown) => {
      const c = live();
      if (text === undefined) return c.text;
      if (start !== undefined || (overwrite !== undefined && overwrite !== true))
        throw new ComError(HRESULT.BAD_PARAM_COUNT, "Text(text, start, overwrite) is not supported by this fake");
      if (s.protected) throw new ComError(HRESULT.APP_DEFINED, "工作表受保护 / the sheet is protected");
      c.text = String(text);
      this.stats.cellsWritten++;
      return c.text;
    });
    this.member(o, "Author", () => live().author);
    this.method(o, "Delete", () => {
      live();
      if (s.protected) throw new ComError(HRESULT.APP_DEFINED, "工作表受保护 / the sheet is protected");
      this.beforeWrite();
      s.comments.delete(k);
      this.stats.cellsWritten++;
      return true;
    });
    this.member(o, "Parent", () => this.rangeObject(s, { top: row, left: col, bottom: row, right: col }));
    return o;
  }

  /** Range.Interior: Color (BGR), ColorIndex (xlNone when no fill), Pattern, PatternColor, TintAndShade. */
  private interiorObject(s: EtSheetModel, r: Rect): Obj {
    const o: Obj = {};
    const NONE: EtInterior = { color: 16777215, pattern: XL_NONE, patternColor: 0, tintAndShade: 0 };
    const read = (f: (i: EtInterior) => number) => this.uniform(s, r, (c) => f(c.interior ?? NONE));
    const write = (f: (old: EtInterior | undefined) => EtInterior | undefined) => {
      this.alive(s);
      if (s.protected)
        throw new ComError(HRESULT.APP_DEFINED, `不能在受保护的工作表中设置格式 / cannot format cells on a protected sheet (${s.name})`);
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          this.beforeWrite();
          s.set(row, col, { interior: f(s.get(row, col).interior) });
          this.stats.cellsWritten++;
        }
    };
    const num = (v: unknown, what: string): number => {
      const n = Number(v);
      if (typeof v !== "number" || !Number.isFinite(n)) throw new ComError(HRESULT.APP_DEFINED, `${what} must be a number`);
      return n;
    };
    this.member(
      o,
      "Color",
      () => read((i) => i.color),
      (v) => {
        const c = num(v, "Color");
        if (c < 0 || c > 16777215) throw new ComError(HRESULT.APP_DEFINED, "Color out of range");
        write((old) => ({ ...(old ?? { ...NONE, pattern: 1 }), color: c }));
      },
    );
    this.member(
      o,
      "ColorIndex",
      () => read((i) => (i.pattern === XL_NONE ? XL_NONE : 1)),
      (v) => {
        if (num(v, "ColorIndex") !== XL_NONE) throw new ComError(HRESULT.APP_DEFINED, "this fake sets ColorIndex only to xlNone");
        write(() => undefined);
      },
    );
    this.member(
      o,
      "Pattern",
      () => read((i) => i.pattern),
      (v) => {
        const p = num(v, "Pattern");
        write((old) => (p === XL_NONE ? undefined : { ...(old ?? NONE), pattern: p }));
      },
    );
    this.member(
      o,
      "PatternColor",
      () => read((i) => i.patternColor),
      (v) => {
        const c = num(v, "PatternColor");
        write((old) => ({ ...(old ?? { ...NONE, pattern: 1 }), patternColor: c }));
      },
    );
    this.member(
      o,
      "TintAndShade",
      () => read((i) => i.tintAndShade),
      (v) => {
        const t = num(v, "TintAndShade");
        write((old) => ({ ...(old ?? { ...NONE, pattern: 1 }), tintAndShade: t }));
      },
    );
    return o;
  }

  // --------------------------------------------------------------------------------------------- Range

  private valueOut(c: EtCell): unknown {
    const v = c.value;
    if (v === null) return undefined;
    if (typeof v === "object") return this.options.errors === "code" ? (ERROR_CODES[v.error] ?? ERROR_CODES["#VALUE!"]) : v.error;
    return v;
  }

  private formulaOut(c: EtCell): string {
    if (c.formula !== null) return c.formula;
    const v = c.value;
    if (v === null) return "";
    if (typeof v === "object") return v.error;
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    return String(v);
  }

  private textOut(c: EtCell): string {
    const v = c.value;
    if (v === null) return "";
    if (typeof v === "object") return v.error;
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    if (typeof v === "number" && c.numberFormat.includes("%")) return `${(v * 100).toFixed(2)}%`;
    return String(v);
  }

  /** A grid of what each cell gives, or a scalar for one cell. */
  private grid<T>(s: EtSheetModel, r: Rect, cell: (c: EtCell, row: number, col: number) => T): T | T[][] {
    this.alive(s);
    const n = area(r);
    this.countRead(n);
    if (n === 1) return cell(s.get(r.top, r.left), r.top, r.left);
    const out: T[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: T[] = new Array<T>(r.right - r.left + 1);
      for (let col = r.left; col <= r.right; col++) line[col - r.left] = cell(s.get(row, col), row, col);
      out.push(line);
    }
    return out;
  }

  /** One value for the whole range, or null when the cells differ (Excel's rule for NumberFormat, Locked, …). */
  private uniform<T>(s: EtSheetModel, r: Rect, of: (c: EtCell) => T): T | null {
    this.alive(s);
    const n = area(r);
    this.stats.probes++;
    let stored = 0;
    let first: { v: T } | null = null;
    for (const [, , c] of s.cellsIn(r)) {
      stored++;
      const v = of(c);
      if (!first) first = { v };
      else if (first.v !== v) return null;
    }
    if (stored < n) {
      const d = of(EMPTY);
      if (first && first.v !== d) return null;
      return d;
    }
    return first ? first.v : of(EMPTY);
  }

  private checkWritable(s: EtSheetModel, r: Rect): void {
    this.alive(s);
    if (!s.protected) return;
    const n = area(r);
    let unlocked = 0;
    for (const [, , c] of s.cellsIn(r)) if (!c.locked) unlocked++;
    if (unlocked < n) {
      throw new ComError(
        HRESULT.APP_DEFINED,
        `您试图更改的单元格位于受保护的工作表中 / the cell you are trying to change is on a protected sheet (${s.name}!${rectA1(r)})`,
      );
    }
  }

  /** What typing `input` into a cell makes of it. */
  enter(s: EtSheetModel, row: number, col: number, input: unknown): void {
    const old = s.get(row, col);
    const nf = old.numberFormat;
    this.beforeWrite();
    const put = (p: Partial<EtCell>) => {
      s.set(row, col, { value: null, formula: null, ...p });
      this.stats.cellsWritten++;
    };
    if (input === null || input === undefined || input === "") return put({});
    if (typeof input === "number") {
      if (!Number.isFinite(input)) throw new ComError(HRESULT.APP_DEFINED, `not a number: ${input}`);
      return put({ value: Object.is(input, -0) ? 0 : input });
    }
    if (typeof input === "boolean") return put({ value: input });
    if (typeof input !== "string") throw new ComError(HRESULT.APP_DEFINED, `无法写入此类型的值 / cannot write a ${typeof input}`);
    if (nf === "@") return put({ value: input });
    if (input.startsWith("'")) return put({ value: input.slice(1) === "" ? null : input.slice(1) });
    if (input.startsWith("=") && input.length > 1) return put({ formula: input });
    const t = input.trim();
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return put({ value: Number(t) });
    const pct = /^([+-]?(\d+\.?\d*|\.\d+))%$/.exec(t);
    if (pct) {
      put({ value: Number(pct[1]) / 100 });
      if (nf === "General") s.set(row, col, { numberFormat: pct[1].includes(".") ? "0.00%" : "0%" });
      return;
    }
    if (/^(true|false)$/i.test(t)) return put({ value: t.toLowerCase() === "true" });
    const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
    if (date) {
      put({ value: dateSerial(Number(date[1]), Number(date[2]), Number(date[3])) });
      if (nf === "General") s.set(row, col, { numberFormat: "yyyy/m/d" });
      return;
    }
    if (Object.prototype.hasOwnProperty.call(ERROR_CODES, t)) return put({ value: { error: t } });
    return put({ value: input });
  }

  /** Writes scalar-or-array input into every cell of the range (after checking the whole range may be written). */
  private writeGrid(s: EtSheetModel, r: Rect, input: unknown, each: (row: number, col: number, v: unknown) => void): void {
    this.checkWritable(s, r);
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    if (Array.isArray(input)) {
      const grid = input.length > 0 && Array.isArray(input[0]) ? (input as unknown[][]) : [input as unknown[]];
      if (grid.length !== rows || grid.some((line) => !Array.isArray(line) || line.length !== cols)) {
        throw new ComError(
          HRESULT.APP_DEFINED,
          `数组大小与区域不符 / the array is ${grid.length}×${grid[0]?.length ?? 0}, the range ${rows}×${cols}`,
        );
      }
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) each(r.top + i, r.left + j, grid[i][j]);
      return;
    }
    if (area(r) > 100_000) throw new ComError(HRESULT.OUT_OF_MEMORY, "内存不足 / out of memory");
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) each(row, col, input);
  }

  rangeObject(s: EtSheetModel, r: Rect): Obj {
    const o: Obj = {};
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    const counted = (n: number): Obj => {
      const c: Obj = {};
      this.member(c, "Count", () => n);
      return c;
    };
    this.member(o, "Row", () => r.top);
    this.member(o, "Column", () => r.left);
    this.member(o, "Rows", () => counted(rows));
    this.member(o, "Columns", () => counted(cols));
    this.member(o, "Count", () => rows * cols);
    this.member(o, "Address", () => rectA1(r, true));
    this.member(o, "Worksheet", () => this.sheetObject(s));
    this.member(
      o,
      "Value2",
      () => this.grid(s, r, (c) => this.valueOut(c)),
      (v) => this.writeGrid(s, r, v, (row, col, x) => this.enter(s, row, col, x)),
    );
    this.member(
      o,
      "Formula",
      () => this.grid(s, r, (c) => this.formulaOut(c)),
      (v) => this.writeGrid(s, r, v, (row, col, x) => this.enter(s, row, col, x)),
    );
    this.member(o, "Text", () => {
      if (rows * cols !== 1) return this.uniform(s, r, (c) => this.textOut(c));
      this.countRead(1);
      return this.textOut(s.get(r.top, r.left));
    });
    this.member(o, "HasFormula", () => this.uniform(s, r, (c) => c.formula !== null));
    this.member(
      o,
      "NumberFormat",
      () => this.uniform(s, r, (c) => c.numberFormat),
      (v) => {
        if (typeof v !== "string") throw new ComError(HRESULT.APP_DEFINED, "NumberFormat must be text");
        this.writeGrid(s, r, v, (row, col) => {
          this.beforeWrite();
          s.set(row, col, { numberFormat: v });
          this.stats.cellsWritten++;
        });
      },
    );
    this.member(
      o,
      "Locked",
      () => this.uniform(s, r, (c) => c.locked),
      (v) => {
        this.alive(s);
        if (s.protected) throw new ComError(HRESULT.APP_DEFINED, "工作表受保护 / the sheet is protected");
        for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) s.set(row, col, { locked: !!v });
      },
    );
    this.member(o, "MergeCells", () => {
      this.alive(s);
      this.countRead(1);
      let covered = 0;
      for (const m of s.merges) {
        const x = intersect(m, r);
        if (x) covered += area(x);
      }
      return covered === 0 ? false : covered === area(r) ? true : null;
    });
    this.member(o, "MergeArea", () => {
      this.alive(s);
      if (rows * cols !== 1) throw new ComError(HRESULT.APP_DEFINED, "MergeArea 只适用于单个单元格 / MergeArea works on a single cell");
      return this.rangeObject(s, s.mergeAt(r.top, r.left) ?? r);
    });
    const single: Obj = {};
    this.member(single, "Count", () => 1);
    this.method(single, "Item", (i: unknown) => {
      if (i !== 1) throw new ComError(HRESULT.BAD_INDEX, `下标越界 / subscript out of range: Areas.Item(${String(i)})`);
      return o;
    });
    this.member(o, "Areas", () => single);
    this.method(o, "Item", (row: unknown, col?: unknown) => {
      const rr = Number(row);
      const cc = col === undefined ? 1 : Number(col);
      if (!Number.isInteger(rr) || !Number.isInteger(cc) || rr < 1 || cc < 1 || r.top + rr - 1 > MAX_ROWS || r.left + cc - 1 > MAX_COLS) {
        throw new ComError(HRESULT.APP_DEFINED, `Item(${String(row)}, ${String(col)}): 索引从 1 开始 / indices start at 1`);
      }
      const top = r.top + rr - 1;
      const left = r.left + cc - 1;
      return this.rangeObject(s, { top, left, bottom: top, right: left });
    });
    this.member(o, "Cells", () => o);
    this.method(o, "SpecialCells", (type: unknown) => {
      this.alive(s);
      if (!this.options.specialCells) throw new ComError(HRESULT.NOT_IMPLEMENTED, "SpecialCells 未实现 / not implemented in this build");
      if (type !== 2 && type !== -4123)
        throw new ComError(HRESULT.APP_DEFINED, `SpecialCells(${String(type)}) is not supported by this fake`);
      const hits: [number, number][] = [];
      for (const [row, col, c] of s.cellsIn(r)) {
        const isFormula = c.formula !== null;
        if (type === -4123 ? isFormula : !isFormula && c.value !== null) hits.push([row, col]);
      }
      if (hits.length === 0) throw new ComError(HRESULT.APP_DEFINED, "未找到单元格 / no cells were found");
      return this.areasObject(s, runsToRects(hits));
    });
    this.method(o, "Select", () => {
      this.alive(s);
      const wb = this.requireWorkbook();
      if (wb.sheets[wb.active] !== s)
        throw new ComError(
          HRESULT.APP_DEFINED,
          "Range 类的 Select 方法无效 / Select method of Range class failed (its sheet is not active)",
        );
      this.selection = { sheet: s.name, address: rectA1(r) };
      return true;
    });
    this.method(o, "Activate", () => {
      this.alive(s);
      const wb = this.requireWorkbook();
      if (wb.sheets[wb.active] !== s)
        throw new ComError(HRESULT.APP_DEFINED, "Range 类的 Activate 方法无效 / Activate method of Range class failed");
      this.selection = { sheet: s.name, address: rectA1(r) };
      return true;
    });
    this.member(o, "Interior", () => this.interiorObject(s, r));
    this.member(o, "Comment", () => {
      this.alive(s);
      if (rows * cols !== 1) throw new ComError(HRESULT.APP_DEFINED, "Comment 只适用于单个单元格 / Comment works on a single cell");
      return s.comments.has(key(r.top, r.left)) ? this.commentObject(s, r.top, r.left) : null;
    });
    this.method(o, "AddComment", (text?: unknown) => {
      this.alive(s);
      if (rows * cols !== 1) throw new ComError(HRESULT.APP_DEFINED, "AddComment 只适用于单个单元格 / AddComment works on a single cell");
      if (s.protected) throw new ComError(HRESULT.APP_DEFINED, "工作表受保护 / the sheet is protected");
      const k = key(r.top, r.left);
      if (s.comments.has(k)) throw new ComError(HRESULT.APP_DEFINED, "单元格已有批注 / the cell already has a comment");
      this.beforeWrite();
      s.comments.set(k, { text: text === undefined ? "" : String(text), author: this.userName });
      this.stats.cellsWritten++;
      return this.commentObject(s, r.top, r.left);
    });
    this.method(o, "ClearContents", () => {
      this.writeGrid(s, r, null, (row, col) => {
        this.beforeWrite();
        s.set(row, col, { value: null, formula: null });
        this.stats.cellsWritten++;
      });
      return true;
    });
    return o;
  }

  /** A multi-area range (what SpecialCells returns). */
  private areasObject(s: EtSheetModel, rects: Rect[]): Obj {
    const o: Obj = {};
    const areas: Obj = {};
    this.member(areas, "Count", () => rects.length);
    this.method(areas, "Item", (i: unknown) => {
      if (typeof i !== "number" || !Number.isInteger(i) || i < 1 || i > rects.length) {
        throw new ComError(HRESULT.BAD_INDEX, `下标越界 / subscript out of range: Areas.Item(${String(i)})`);
      }
      return this.rangeObject(s, rects[i - 1]);
    });
    this.member(o, "Areas", () => areas);
    this.member(o, "Count", () => rects.reduce((n, x) => n + area(x), 0));
    this.member(o, "Row", () => rects[0].top);
    this.member(o, "Column", () => rects[0].left);
    this.member(o, "Address", () => rects.map((x) => rectA1(x, true)).join(","));
    return o;
  }

  // --------------------------------------------------------------------------------------------- for tests

  sheet(name: string): EtSheetModel {
    const s = this.workbook?.sheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  resetStats(): void {
    this.stats.calls = 0;
    this.stats.cellsRead = 0;
    this.stats.cellsWritten = 0;
    this.stats.largestRead = 0;
    this.stats.probes = 0;
  }
}

/** Cells → rectangles: runs along each row, then equal runs on consecutive rows stacked (as Excel lists areas). */
function runsToRects(cells: [number, number][]): Rect[] {
  cells.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const runs: Rect[] = [];
  for (const [row, col] of cells) {
    const last = runs[runs.length - 1];
    if (last && last.top === row && last.right === col - 1) last.right = col;
    else runs.push({ top: row, bottom: row, left: col, right: col });
  }
  const open = new Map<string, Rect>();
  const out: Rect[] = [];
  for (const run of runs) {
    const k = `${run.left}:${run.right}`;
    const prev = open.get(k);
    if (prev && prev.bottom === run.top - 1) prev.bottom = run.top;
    else {
      const r = { ...run };
      open.set(k, r);
      out.push(r);
    }
  }
  return out;
}
