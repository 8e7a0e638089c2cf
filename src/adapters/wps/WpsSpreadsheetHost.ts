/**
 * WpsSpreadsheetHost: the task pane's and the ribbon's view of the open WPS 表格 (ET) workbook, through the
 * synchronous ET object model on `window.Application` (`ActiveWorkbook`, `Worksheets.Item(n)`, `UsedRange`,
 * `Range("A1:H30").Value2`, `.Formula`, `.NumberFormat`, `.MergeCells`, `.MergeArea`, `SpecialCells`, `Locked`).
 *
 * The pane uses the asynchronous SpreadsheetHost methods; the ribbon, whose callbacks must return synchronously in
 * WPS, uses the `…Sync` twins. Both do the same work.
 *
 * Reading (cost follows the content, not the used range):
 * - a used range of up to LARGE_USED_RANGE cells is read whole, in row blocks of at most `blockCells` cells: one
 *   `Value2` read per block (a 2-D array; a scalar for a one-cell range), and one `Formula` read where the block's
 *   `HasFormula` is not false;
 * - a larger one (a stray value at XFD1048576 makes it 17 billion cells) is read through the areas that hold
 *   constants and formulas (`SpecialCells(xlCellTypeConstants = 2)` and `(xlCellTypeFormulas = -4123)`), gathered
 *   into rectangles; where the build has no SpecialCells, its top-left LARGE_USED_RANGE cells are read;
 * - number formats of the cells that hold something: one `NumberFormat` read for a block whose cells share a format
 *   (the object model answers null when they differ), split in halves where they differ;
 * - merged areas: `MergeCells` of a block (false: none), split where some cells are merged, `MergeArea` of a merged cell;
 * - an error value (Value2 gives its COM code, -2146826281 for #DIV/0!) is confirmed by the cell's `Text`.
 * The snapshot is sparse (cells that hold a value or a formula), as the .xlsx reader's, so the engine sees the same.
 *
 * Writing: the plan is checked first (sheets exist; no target cell is locked on a protected sheet — then nothing is
 * written), what each target cell holds is read, the undo record is stored in the workbook (a very hidden, protected
 * sheet — see undoSheet.ts) BEFORE any write, then every change is written with screen updating off. A failing write
 * puts back the cells already written and drops the record. Where the workbook refuses the record (structure
 * protected), it is kept in memory: undo then lasts while the pane is open.
 *
 * Marks (标注问题) mirror Excel VBA: the note is a cell comment (`Range.AddComment`, `Range.Comment`,
 * `Comment.Text()`, `Comment.Delete()`, `Worksheet.Comments`), the fill `Range.Interior` (Color as a BGR long,
 * Pattern, PatternColor, TintAndShade; `ColorIndex = xlNone` removes it). What each cell's fill was before its first
 * mark is kept in the mark ledger on a second very hidden sheet (`jixiao_marks`), so 清除标注 restores it; the undo
 * record of a mark or a clear holds each touched cell's fill and own comment before. A cell with a person's comment
 * keeps it (ours is not written there; the fill is). A protected sheet is refused before anything is written.
 */
import type { CellValue, MergedArea, SheetSnapshot, SnapshotCell } from "../../core/snapshot";
import { isErrorValue } from "../../core/snapshot";
import type { CellChange, FillPlan } from "../../core/plan";
import type { Progress, ReadScope, SpreadsheetHost } from "../../host/host";
import { UserError } from "../../core/errors";
import { rangeA1 } from "../../core/address";
import { normalizeCell, parseArea } from "../excel/address";
import { constantInput } from "../excel/ExcelHost";
import { LARGE_USED_RANGE, MAX_CONTENT_AREAS, clusterAreas, type Rect } from "../excel/contentAreas";
import type { UndoCell, UndoRecord } from "../excel/undoRecord";
import { DOING, cellsOnSheets, quoted, restated, userError, type Pair } from "../../core/messages";
import { comError } from "./errors";
import { validateMarks } from "../excel/ExcelHost";
import {
  cellKey,
  fillAfterClear,
  ledgerFromJson,
  ledgerToJson,
  marksFound,
  sameNote,
  type FillState,
  type LedgerEntry,
  type MarkUndoCell,
  type OwnNoteAt,
} from "../excel/markRecord";
import type { CellMark, MarkPlan } from "../../core/marks";
import { isOwnNote } from "../../core/marks";
import type { MarkingHost } from "../../host/host";
import { E_APP_DEFINED, call, count, get, getObject, has, hresult, put, uniqueId, type ComObject } from "./com";
import {
  clearMarksSheet,
  clearUndoSheet,
  findSheet,
  isOwnSheet,
  readMarksSheet,
  readUndoSheet,
  writeMarksSheet,
  writeUndoSheet,
} from "./undoSheet";

export interface WpsReadLimits {
  /** Most cells one Value2 / Formula read returns. */
  blockCells: number;
  /** A used range larger than this is read through its content areas. */
  largeUsedRange: number;
  /** More content areas than this, and the top-left of the used range is read instead. */
  maxContentAreas: number;
}

export const DEFAULT_WPS_LIMITS: WpsReadLimits = {
  blockCells: 20_000,
  largeUsedRange: LARGE_USED_RANGE,
  maxContentAreas: MAX_CONTENT_AREAS,
};

export interface WpsHostOptions {
  limits?: Partial<WpsReadLimits>;
  /** Clock for the undo record's time stamp. */
  now?: () => Date;
}

/** What the last operation cost, for tests and diagnostics. */
export interface WpsStats {
  operation: "readSheets" | "applyPlan" | "canUndo" | "undo" | "selectCell" | "applyMarks" | "readMarks" | "clearMarks";
  /** Value2 / Formula block reads. */
  blockReads: number;
  /** Cells those reads returned. */
  cellsRead: number;
  /** NumberFormat and MergeCells probes. */
  probes: number;
  /** Sheets read through SpecialCells areas, and sheets of which only the top-left was read. */
  viaAreas: number;
  clipped: string[];
  /** Where the undo record went. */
  undoIn?: "workbook" | "memory";
}

const READ = DOING.read;
const APPLY = DOING.apply;
const UNDO = DOING.undo;
const CHECK = DOING.check;
const SELECT = DOING.select;
const MARK = DOING.mark;
const READ_MARKS = DOING.readMarks;
const CLEAR_MARKS = DOING.clearMarks;
/** xlNone (xlColorIndexNone, xlPatternNone). */
const XL_NONE = -4142;
const XL_SOLID = 1;

/** Excel/ET error codes as Value2 reports them (0x800A0000 + xlErr) → their text. */
const ERROR_TEXT = new Map<number, string>([
  [-2146826288, "#NULL!"],
  [-2146826281, "#DIV/0!"],
  [-2146826273, "#VALUE!"],
  [-2146826265, "#REF!"],
  [-2146826259, "#NAME?"],
  [-2146826252, "#NUM!"],
  [-2146826246, "#N/A"],
]);

const XL_CONSTANTS = 2;
const XL_FORMULAS = -4123;

function noWorkbook(): UserError {
  return userError("no-workbook-open");
}

function nothingToUndo(): UserError {
  return userError("no-undo");
}

function toFormula(f: unknown, v: unknown): string | null {
  if (typeof f !== "string" || f.length < 2 || !f.startsWith("=")) return null;
  if (typeof v === "string" && v === f) return null; // a text constant that starts with "="
  return f;
}

function toFormat(n: unknown): string | null {
  return typeof n === "string" ? n : null;
}

/** A 2-D array from what Value2 / Formula gave (a scalar for one cell). */
function grid(v: unknown, rows: number, cols: number): unknown[][] {
  if (rows === 1 && cols === 1 && !Array.isArray(v)) return [[v]];
  if (!Array.isArray(v)) throw userError("wps-shape");
  return v as unknown[][];
}

function rectOf(range: ComObject): Rect {
  const top = Number(get(range, "Row"));
  const left = Number(get(range, "Column"));
  const rows = count(getObject(range, "Rows"));
  const cols = count(getObject(range, "Columns"));
  return { top, left, bottom: top + rows - 1, right: left + cols - 1 };
}

function cellsIn(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

function uniqueSheets(names: string[]): string[] {
  const seen = new Map<string, string>();
  for (const n of names) if (!seen.has(n.toLowerCase())) seen.set(n.toLowerCase(), n);
  return [...seen.values()];
}

/** "#RRGGBB" ↔ the object model's BGR long. */
function toBgr(rgb: string): number {
  const n = parseInt(rgb.replace(/^#/, ""), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

function fromBgr(bgr: number): string {
  const rgb = ((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff);
  return `#${rgb.toString(16).toUpperCase().padStart(6, "0")}`;
}

/** A member some builds lack: its value, or undefined. */
function optional(obj: ComObject, name: string): unknown {
  try {
    return has(obj, name) ? get(obj, name) : undefined;
  } catch {
    return undefined;
  }
}

/** A cell's fill as the object model reports it. */
function readFill(r: ComObject): FillState {
  const interior = getObject(r, "Interior");
  const pattern = Number(get(interior, "Pattern"));
  if (pattern === XL_NONE || Number(optional(interior, "ColorIndex")) === XL_NONE) return { color: null };
  const state: FillState = { color: fromBgr(Number(get(interior, "Color"))), pattern };
  const pc = optional(interior, "PatternColor");
  if (typeof pc === "number") state.patternColor = fromBgr(pc);
  const tint = optional(interior, "TintAndShade");
  if (typeof tint === "number") state.tintAndShade = tint;
  return state;
}

function writeFill(r: ComObject, state: FillState): void {
  const interior = getObject(r, "Interior");
  if (state.color === null) {
    put(interior, "ColorIndex", XL_NONE);
    return;
  }
  put(interior, "Color", toBgr(state.color));
  if (typeof state.pattern === "number") put(interior, "Pattern", state.pattern);
  if (typeof state.patternColor === "string" && has(interior, "PatternColor")) put(interior, "PatternColor", toBgr(state.patternColor));
  if (typeof state.tintAndShade === "number" && has(interior, "TintAndShade")) put(interior, "TintAndShade", state.tintAndShade);
}

function commentOf(r: ComObject): ComObject | null {
  const c = get<ComObject | null | undefined>(r, "Comment");
  return c ?? null;
}

function commentText(c: ComObject): string {
  return String(call(c, "Text") ?? "");
}

export class WpsSpreadsheetHost implements SpreadsheetHost, MarkingHost {
  readonly kind = "wps" as const;
  lastStats: WpsStats | null = null;
  private readonly limits: WpsReadLimits;
  private readonly now: () => Date;
  /** The undo record, when the workbook could not keep it. */
  private memoryRecord: UndoRecord | null = null;
  /** The mark ledger, when the workbook could not keep it (null: it is in the workbook). */
  private memoryLedger: LedgerEntry[] | null = null;

  /** @param app the ET `Application` (window.Application inside WPS; the fake in tests) */
  constructor(
    private readonly app: unknown,
    options: WpsHostOptions = {},
  ) {
    this.limits = { ...DEFAULT_WPS_LIMITS, ...(options.limits ?? {}) };
    this.now = options.now ?? (() => new Date());
  }

  get fileName(): string | null {
    try {
      const wb = get<ComObject | null>(this.app, "ActiveWorkbook");
      return (wb ? get<string>(wb, "Name") : "") || null;
    } catch {
      return null;
    }
  }

  get displayName(): string {
    try {
      const wb = get<ComObject | null>(this.app, "ActiveWorkbook");
      const name = wb ? get<string>(wb, "Name") : "";
      return name || "当前工作簿 / Current workbook";
    } catch {
      return "当前工作簿 / Current workbook";
    }
  }

  private workbook(): ComObject {
    const wb = get<ComObject | null>(this.app, "ActiveWorkbook");
    if (!wb) throw noWorkbook();
    return wb;
  }

  private stats(operation: WpsStats["operation"]): WpsStats {
    const s: WpsStats = { operation, blockReads: 0, cellsRead: 0, probes: 0, viaAreas: 0, clipped: [] };
    this.lastStats = s;
    return s;
  }

  private guard<T>(doing: Pair, body: () => T): T {
    try {
      return body();
    } catch (e) {
      throw comError(e, doing);
    }
  }

  // ---------------------------------------------------------------------------------------------- reading

  async readSheets(scope: ReadScope, onProgress?: Progress): Promise<SheetSnapshot[]> {
    return this.readSheetsSync(scope, onProgress);
  }

  readSheetsSync(scope: ReadScope, onProgress?: Progress): SheetSnapshot[] {
    const stats = this.stats("readSheets");
    return this.guard(READ, () => {
      const wb = this.workbook();
      let sheets: ComObject[];
      if (scope === "active") {
        const ws = get<ComObject | null>(wb, "ActiveSheet");
        if (!ws) throw userError("no-active-sheet");
        sheets = [ws];
      } else {
        const all = getObject(wb, "Worksheets");
        const n = count(all);
        sheets = [];
        for (let i = 1; i <= n; i++) {
          const ws = call<ComObject>(all, "Item", i);
          if (!isOwnSheet(String(get(ws, "Name")))) sheets.push(ws);
        }
      }
      onProgress?.(0, sheets.length);
      return sheets.map((ws, i) => {
        const snap = this.readSheet(ws, stats);
        onProgress?.(i + 1, sheets.length, snap.name);
        return snap;
      });
    });
  }

  private readSheet(ws: ComObject, stats: WpsStats): SheetSnapshot {
    const name = String(get(ws, "Name"));
    if (!has(ws, "UsedRange")) return { name, cells: [], merges: [] }; // a chart sheet
    const used = rectOf(getObject(ws, "UsedRange"));
    let rects: Rect[];
    if (cellsIn(used) <= this.limits.largeUsedRange) rects = [used];
    else {
      const areas = this.contentAreas(ws, used, stats);
      if (areas) {
        stats.viaAreas++;
        rects = areas;
      } else {
        stats.clipped.push(name);
        const cols = Math.min(used.right - used.left + 1, 1024);
        const rows = Math.max(1, Math.min(used.bottom - used.top + 1, Math.floor(this.limits.largeUsedRange / cols)));
        rects = [{ top: used.top, left: used.left, bottom: used.top + rows - 1, right: used.left + cols - 1 }];
      }
    }
    const cells: SnapshotCell[] = [];
    const merges = new Map<string, MergedArea>();
    for (const r of rects) {
      const found = this.readRect(ws, r, stats);
      for (const c of found) cells.push(c);
      if (found.length > 0) this.mergesIn(ws, r, merges, stats);
    }
    return { name, cells, merges: [...merges.values()].sort((a, b) => a.top - b.top || a.left - b.left) };
  }

  /** The rectangles around the cells that hold constants or formulas; null where the build cannot list them. */
  private contentAreas(ws: ComObject, used: Rect, stats: WpsStats): Rect[] | null {
    const usedRange = call<ComObject>(ws, "Range", rangeA1(used.top, used.left, used.bottom, used.right));
    if (!has(usedRange, "SpecialCells")) return null;
    const rects: Rect[] = [];
    for (const type of [XL_CONSTANTS, XL_FORMULAS]) {
      let special: ComObject;
      try {
        special = call<ComObject>(usedRange, "SpecialCells", type);
      } catch (e) {
        // "No cells were found" is the generic object error (0x800A03EC); anything else: the build cannot do it.
        if (hresult(e) === E_APP_DEFINED || /no cells|未找到|找不到/i.test(String((e as { message?: unknown })?.message ?? ""))) continue;
        return null;
      }
      stats.probes++;
      const areas = getObject(special, "Areas");
      const n = count(areas);
      if (rects.length + n > this.limits.maxContentAreas) return null;
      for (let i = 1; i <= n; i++) rects.push(rectOf(call<ComObject>(areas, "Item", i)));
    }
    return clusterAreas(rects);
  }

  /** The cells of a rectangle that hold a value or a formula, in row blocks. */
  private readRect(ws: ComObject, r: Rect, stats: WpsStats): SnapshotCell[] {
    const cols = r.right - r.left + 1;
    const rowsPerBlock = Math.max(1, Math.floor(this.limits.blockCells / cols));
    const out: SnapshotCell[] = [];
    for (let top = r.top; top <= r.bottom; top += rowsPerBlock) {
      const bottom = Math.min(r.bottom, top + rowsPerBlock - 1);
      const range = call<ComObject>(ws, "Range", rangeA1(top, r.left, bottom, r.right));
      const rows = bottom - top + 1;
      const values = grid(get(range, "Value2"), rows, cols);
      // Formulas only where the block has any (HasFormula: true, false, or null when mixed)
      stats.probes++;
      const formulas = get(range, "HasFormula") === false ? null : grid(get(range, "Formula"), rows, cols);
      stats.blockReads++;
      stats.cellsRead += rows * cols * (formulas ? 2 : 1);
      const block: SnapshotCell[] = [];
      for (let i = 0; i < rows; i++) {
        const vr = values[i] ?? [];
        const fr = formulas?.[i] ?? [];
        for (let j = 0; j < cols; j++) {
          const raw = vr[j];
          let value: CellValue;
          if (raw === undefined || raw === null || raw === "") value = null;
          else if (typeof raw === "number") value = Number.isFinite(raw) ? raw : null;
          else if (typeof raw === "string" || typeof raw === "boolean") value = raw;
          else value = String(raw);
          const formula = toFormula(fr[j], raw);
          if (value === null && formula === null) continue;
          block.push({ row: top + i, col: r.left + j, value, formula, numberFormat: null });
        }
      }
      this.confirmErrors(ws, block);
      this.formatsOf(ws, block, stats);
      for (const c of block) out.push(c);
    }
    return out;
  }

  /** A number that is an error's COM code is an error value only when the cell shows that error. */
  private confirmErrors(ws: ComObject, cells: SnapshotCell[]): void {
    for (const c of cells) {
      if (typeof c.value !== "number") continue;
      const text = ERROR_TEXT.get(c.value);
      if (!text) continue;
      const shown = get<unknown>(call(ws, "Range", rangeA1(c.row, c.col, c.row, c.col)), "Text");
      if (typeof shown === "string" && (shown === text || isErrorValue(shown.trim()))) c.value = text;
    }
  }

  /** Number formats of the given cells: one read per part of the sheet whose cells share a format. */
  private formatsOf(ws: ComObject, cells: SnapshotCell[], stats: WpsStats): void {
    const visit = (list: SnapshotCell[]) => {
      if (list.length === 0) return;
      let top = Infinity,
        left = Infinity,
        bottom = 0,
        right = 0;
      for (const c of list) {
        if (c.row < top) top = c.row;
        if (c.row > bottom) bottom = c.row;
        if (c.col < left) left = c.col;
        if (c.col > right) right = c.col;
      }
      stats.probes++;
      const nf = toFormat(get(call(ws, "Range", rangeA1(top, left, bottom, right)), "NumberFormat"));
      if (nf !== null || list.length === 1) {
        // "General" is no format at all (as the .xlsx reader reports it)
        const shown = nf === "General" ? null : nf;
        for (const c of list) c.numberFormat = shown;
        return;
      }
      // split the bounding box in two along its longer side
      if (bottom - top >= right - left) {
        const mid = Math.floor((top + bottom) / 2);
        visit(list.filter((c) => c.row <= mid));
        visit(list.filter((c) => c.row > mid));
      } else {
        const mid = Math.floor((left + right) / 2);
        visit(list.filter((c) => c.col <= mid));
        visit(list.filter((c) => c.col > mid));
      }
    };
    visit(cells);
  }

  /** The merged areas that touch a rectangle. */
  private mergesIn(ws: ComObject, r: Rect, found: Map<string, MergedArea>, stats: WpsStats): void {
    const covered = (row: number, col: number) => {
      for (const m of found.values()) if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return true;
      return false;
    };
    const visit = (x: Rect) => {
      stats.probes++;
      const mc = get<unknown>(call(ws, "Range", rangeA1(x.top, x.left, x.bottom, x.right)), "MergeCells");
      if (mc === false) return;
      if (cellsIn(x) <= 64) {
        for (let row = x.top; row <= x.bottom; row++)
          for (let col = x.left; col <= x.right; col++) {
            if (covered(row, col)) continue;
            const cell = call<ComObject>(ws, "Range", rangeA1(row, col, row, col));
            stats.probes++;
            if (get(cell, "MergeCells") !== true) continue;
            const m = rectOf(getObject(cell, "MergeArea"));
            if (m.top === m.bottom && m.left === m.right) continue;
            found.set(`${m.top}:${m.left}:${m.bottom}:${m.right}`, m);
          }
        return;
      }
      if (x.bottom - x.top >= x.right - x.left) {
        const mid = Math.floor((x.top + x.bottom) / 2);
        visit({ ...x, bottom: mid });
        visit({ ...x, top: mid + 1 });
      } else {
        const mid = Math.floor((x.left + x.right) / 2);
        visit({ ...x, right: mid });
        visit({ ...x, left: mid + 1 });
      }
    };
    visit(r);
  }

  // ---------------------------------------------------------------------------------------------- writing

  async applyPlan(plan: FillPlan): Promise<void> {
    this.applyPlanSync(plan);
  }

  applyPlanSync(plan: FillPlan): void {
    const changes = validatePlan(plan);
    if (changes.length === 0) return;
    const stats = this.stats("applyPlan");
    this.guard(APPLY, () => {
      const wb = this.workbook();
      const sheets = this.sheetsByName(wb, uniqueSheets(changes.map((c) => c.sheet)), "write");
      const targets: { sheet: string; cell: string }[] = [];
      const seen = new Set<string>();
      for (const c of changes) {
        const k = `${c.sheet.toLowerCase()}!${c.cell}`;
        if (!seen.has(k)) {
          seen.add(k);
          targets.push({ sheet: c.sheet, cell: c.cell });
        }
      }
      refuseLocked(sheets, targets, "write");
      const record: UndoRecord = {
        version: 1,
        id: uniqueId(this.now),
        created: this.now().toISOString(),
        cells: targets.map((t) => readCell(sheets.get(t.sheet.toLowerCase()) as ComObject, t.cell)),
      };
      // The record is in the workbook BEFORE anything is written.
      let inWorkbook = true;
      try {
        writeUndoSheet(wb, record);
      } catch {
        inWorkbook = false;
      }
      stats.undoIn = inWorkbook ? "workbook" : "memory";
      const formats = new Map(record.cells.map((u) => [`${u.sheet.toLowerCase()}!${u.cell}`, u.numberFormat] as const));
      const restoreScreen = this.screenOff();
      try {
        for (const c of changes) writeChange(sheets.get(c.sheet.toLowerCase()) as ComObject, c, formats);
      } catch (e) {
        try {
          restoreCells(sheets, record.cells);
          if (inWorkbook) clearUndoSheet(this.app as ComObject, wb);
        } catch {
          if (!inWorkbook) this.memoryRecord = record;
          throw partialWrite(e);
        }
        throw e;
      } finally {
        restoreScreen();
      }
      if (inWorkbook) {
        // an older in-memory record is superseded by the one in the workbook
        this.memoryRecord = null;
      } else this.memoryRecord = record;
    });
  }

  /** Turns screen updating off while writing; returns what puts it back. */
  private screenOff(): () => void {
    try {
      const before = get<unknown>(this.app, "ScreenUpdating");
      put(this.app, "ScreenUpdating", false);
      return () => {
        try {
          put(this.app, "ScreenUpdating", before !== false);
        } catch {
          /* nothing to put back */
        }
      };
    } catch {
      return () => undefined;
    }
  }

  /** The named sheets (case-insensitive); a missing one is refused before anything is touched. */
  private sheetsByName(wb: ComObject, names: string[], what: "write" | "undo"): Map<string, ComObject> {
    const all = getObject(wb, "Worksheets");
    const n = count(all);
    const byName = new Map<string, ComObject>();
    for (let i = 1; i <= n; i++) {
      const ws = call<ComObject>(all, "Item", i);
      byName.set(String(get(ws, "Name")).toLowerCase(), ws);
    }
    const missing = names.filter((x) => !byName.has(x.toLowerCase()));
    if (missing.length > 0) {
      if (what === "write") throw userError("sheet-missing", { sheets: quoted(missing) });
      throw userError("sheet-missing-undo", { sheets: quoted(missing) });
    }
    return byName;
  }

  // ---------------------------------------------------------------------------------------------- undo

  async canUndo(): Promise<boolean> {
    return this.canUndoSync();
  }

  canUndoSync(): boolean {
    this.stats("canUndo");
    if (this.memoryRecord) return true;
    return this.guard(CHECK, () => {
      const wb = get<ComObject | null>(this.app, "ActiveWorkbook");
      if (!wb) return false;
      return readUndoSheet(wb) !== null;
    });
  }

  async undo(): Promise<void> {
    this.undoSync();
  }

  undoSync(): void {
    this.stats("undo");
    this.guard(UNDO, () => {
      const wb = this.workbook();
      let record: UndoRecord | null = this.memoryRecord;
      let inWorkbook = false;
      if (!record) {
        const kept = readUndoSheet(wb);
        if (kept === "damaged") {
          throw userError("undo-damaged");
        }
        record = kept;
        inWorkbook = kept !== null;
      }
      if (!record) throw nothingToUndo();
      if (record.marks) {
        this.restoreMarks(wb, record);
        if (inWorkbook) clearUndoSheet(this.app as ComObject, wb);
        this.memoryRecord = null;
        return;
      }
      const sheets = this.sheetsByName(wb, uniqueSheets(record.cells.map((c) => c.sheet)), "undo");
      refuseLocked(sheets, record.cells, "undo");
      const restoreScreen = this.screenOff();
      try {
        restoreCells(sheets, record.cells);
      } finally {
        restoreScreen();
      }
      if (inWorkbook) clearUndoSheet(this.app as ComObject, wb);
      this.memoryRecord = null;
    });
  }

  // ---------------------------------------------------------------------------------------------- marks

  /** The mark ledger: in memory when the workbook refused it, else from its sheet (damaged: none). */
  private ledger(wb: ComObject): LedgerEntry[] {
    if (this.memoryLedger) return this.memoryLedger;
    const json = readMarksSheet(wb);
    if (json === null || json === "damaged") return [];
    return ledgerFromJson(json) ?? [];
  }

  private storeLedger(wb: ComObject, entries: LedgerEntry[]): void {
    try {
      if (entries.length === 0) clearMarksSheet(this.app as ComObject, wb);
      else writeMarksSheet(wb, ledgerToJson(entries, this.now().toISOString()));
      this.memoryLedger = null;
    } catch {
      this.memoryLedger = entries;
    }
  }

  /** Stores the undo record of a mark or clear (in the workbook, else in memory). */
  private storeRecord(wb: ComObject, record: UndoRecord): void {
    try {
      writeUndoSheet(wb, record);
      this.memoryRecord = null;
    } catch {
      this.memoryRecord = record;
    }
  }

  /** Refuses a protected sheet before anything is written (formats and comments cannot change there). */
  private refuseProtected(sheets: Map<string, ComObject>, names: string[], what: "write" | "undo"): void {
    const locked = names.filter((n) => get(sheets.get(n.toLowerCase()) as ComObject, "ProtectContents"));
    if (locked.length === 0) return;
    const lockedNames = locked.map((n) => String(get(sheets.get(n.toLowerCase()) as ComObject, "Name")));
    if (what === "write") throw userError("protected", { sheets: quoted(lockedNames) });
    throw userError("protected-undo", { sheets: quoted(lockedNames) });
  }

  /** Every comment of the workbook's sheets (not the add-in's own): ours (by their first line) and the others' cells. */
  private comments(wb: ComObject): { own: Map<string, OwnNoteAt>; names: string[] } {
    const own = new Map<string, OwnNoteAt>();
    const names: string[] = [];
    const all = getObject(wb, "Worksheets");
    const n = count(all);
    for (let i = 1; i <= n; i++) {
      const ws = call<ComObject>(all, "Item", i);
      const sheet = String(get(ws, "Name"));
      if (isOwnSheet(sheet)) continue;
      names.push(sheet);
      const list = getObject(ws, "Comments");
      const m = count(list);
      for (let j = 1; j <= m; j++) {
        const c = call<ComObject>(list, "Item", j);
        const text = commentText(c);
        if (!isOwnNote(text)) continue;
        const cell = normalizeCell(String(get(getObject(c, "Parent"), "Address")));
        if (cell) own.set(cellKey(sheet, cell), { sheet, cell, content: text });
      }
    }
    return { own, names };
  }

  async applyMarks(plan: MarkPlan): Promise<void> {
    this.applyMarksSync(plan);
  }

  applyMarksSync(plan: MarkPlan): void {
    const marks = validateMarks(plan);
    if (marks.some((m) => isOwnSheet(m.sheet))) throw userError("bad-marks");
    if (marks.length === 0) return;
    this.stats("applyMarks");
    this.guard(MARK, () => {
      const wb = this.workbook();
      const names = uniqueSheets(marks.map((m) => m.sheet));
      const sheets = this.sheetsByName(wb, names, "write");
      this.refuseProtected(sheets, names, "write");
      const ledgerBefore = this.ledger(wb);
      const ledger = new Map(ledgerBefore.map((e) => [cellKey(e.sheet, e.cell), e] as const));
      const cells = marks.map((m) => {
        const ws = sheets.get(m.sheet.toLowerCase()) as ComObject;
        const sheet = String(get(ws, "Name"));
        const r = call<ComObject>(ws, "Range", m.cell);
        const fill = readFill(r);
        const comment = commentOf(r);
        const text = comment ? commentText(comment) : null;
        const own = text !== null && isOwnNote(text) ? text : null;
        const person = comment !== null && own === null;
        const k = cellKey(m.sheet, m.cell);
        const prev = ledger.get(k);
        ledger.set(k, { sheet, cell: m.cell, before: prev ? prev.before : fill, fill: m.fill, note: m.note, noteWritten: !person });
        const undo: MarkUndoCell = { sheet, cell: m.cell, fill, note: own };
        return { m, r, comment, own, person, undo };
      });
      const record: UndoRecord = {
        version: 1,
        id: uniqueId(this.now),
        created: this.now().toISOString(),
        cells: [],
        kind: "mark",
        marks: cells.map((c) => c.undo),
        ledger: ledgerBefore,
      };
      // The undo record and the ledger are in the workbook BEFORE any mark is written.
      this.storeRecord(wb, record);
      this.storeLedger(wb, [...ledger.values()]);
      const restoreScreen = this.screenOff();
      try {
        for (const c of cells) {
          writeFill(c.r, { color: `#${c.m.fill}`, pattern: XL_SOLID, tintAndShade: 0 });
          if (c.comment && c.own !== null) {
            if (!sameNote(c.own, c.m.note)) call(c.comment, "Text", c.m.note);
          } else if (!c.person) call(c.r, "AddComment", c.m.note);
        }
      } catch (e) {
        // The record stays: 撤销 puts back whatever was written.
        throw partialWrite(e);
      } finally {
        restoreScreen();
      }
    });
  }

  async readMarks(): Promise<CellMark[]> {
    return this.readMarksSync();
  }

  readMarksSync(): CellMark[] {
    this.stats("readMarks");
    return this.guard(READ_MARKS, () => {
      const wb = this.workbook();
      const { own, names } = this.comments(wb);
      const order = new Map(names.map((n, i) => [n.toLowerCase(), i] as const));
      const ledger = this.ledger(wb).filter((e) => order.has(e.sheet.toLowerCase()));
      return marksFound(own.values(), ledger).sort(
        (a, b) => (order.get(a.sheet.toLowerCase()) ?? 0) - (order.get(b.sheet.toLowerCase()) ?? 0) || compareCells(a.cell, b.cell),
      );
    });
  }

  async clearMarks(): Promise<number> {
    return this.clearMarksSync();
  }

  clearMarksSync(): number {
    this.stats("clearMarks");
    return this.guard(CLEAR_MARKS, () => {
      const wb = this.workbook();
      const { own, names } = this.comments(wb);
      const present = new Set(names.map((n) => n.toLowerCase()));
      const ledgerBefore = this.ledger(wb);
      const marks = marksFound(
        own.values(),
        ledgerBefore.filter((e) => present.has(e.sheet.toLowerCase())),
      );
      if (marks.length === 0) return 0;
      const markedSheets = uniqueSheets(marks.map((m) => m.sheet));
      const sheets = this.sheetsByName(wb, markedSheets, "write");
      this.refuseProtected(sheets, markedSheets, "write");
      const ledger = new Map(ledgerBefore.map((e) => [cellKey(e.sheet, e.cell), e] as const));
      const cells = marks.map((m) => {
        const ws = sheets.get(m.sheet.toLowerCase()) as ComObject;
        const r = call<ComObject>(ws, "Range", m.cell);
        const k = cellKey(m.sheet, m.cell);
        const fill = readFill(r);
        const mine = own.get(k);
        const undo: MarkUndoCell = { sheet: String(get(ws, "Name")), cell: m.cell, fill, note: mine ? mine.content : null };
        return { r, k, fill, mine, undo };
      });
      const record: UndoRecord = {
        version: 1,
        id: uniqueId(this.now),
        created: this.now().toISOString(),
        cells: [],
        kind: "clear",
        marks: cells.map((c) => c.undo),
        ledger: ledgerBefore,
      };
      this.storeRecord(wb, record);
      const restoreScreen = this.screenOff();
      try {
        for (const c of cells) {
          const fill = fillAfterClear(ledger.get(c.k), c.fill);
          if (fill) writeFill(c.r, fill);
          if (c.mine) {
            const comment = commentOf(c.r);
            if (comment) call(comment, "Delete");
          }
        }
      } catch (e) {
        throw partialWrite(e);
      } finally {
        restoreScreen();
      }
      this.storeLedger(wb, []);
      return marks.length;
    });
  }

  /** Undo of a mark or a clear: each touched cell's fill and own comment as they were, and the ledger as it was. */
  private restoreMarks(wb: ComObject, record: UndoRecord): void {
    const cells = record.marks ?? [];
    const names = uniqueSheets(cells.map((c) => c.sheet));
    const sheets = this.sheetsByName(wb, names, "undo");
    this.refuseProtected(sheets, names, "undo");
    const restoreScreen = this.screenOff();
    try {
      for (const c of cells) {
        const r = call<ComObject>(sheets.get(c.sheet.toLowerCase()) as ComObject, "Range", c.cell);
        writeFill(r, c.fill);
        const comment = commentOf(r);
        const text = comment ? commentText(comment) : null;
        const own = text !== null && isOwnNote(text);
        if (c.note === null) {
          if (comment && own) call(comment, "Delete");
        } else if (comment && own) {
          if (!sameNote(text as string, c.note)) call(comment, "Text", c.note);
        } else if (!comment) call(r, "AddComment", c.note);
      }
    } finally {
      restoreScreen();
    }
    this.storeLedger(wb, record.ledger ?? []);
  }

  // ---------------------------------------------------------------------------------------------- selection

  async selectCell(sheet: string, address: string): Promise<void> {
    this.selectCellSync(sheet, address);
  }

  selectCellSync(sheet: string, address: string): void {
    const cell = normalizeCell(address) ?? (parseArea(address) ? address.replace(/^.*!/, "").replace(/\$/g, "").toUpperCase() : null);
    if (!cell) throw userError("bad-address", { address });
    this.stats("selectCell");
    this.guard(SELECT, () => {
      const ws = findSheet(this.workbook(), sheet);
      if (!ws) throw userError("sheet-missing", { sheets: quoted([sheet]) });
      call(ws, "Activate");
      call(call(ws, "Range", cell), "Select");
    });
  }
}

// -------------------------------------------------------------------------------------------------- helpers

/** Checks the plan before anything is touched: real sheet names, single-cell addresses, formulas that are formulas. */
function validatePlan(plan: FillPlan): (CellChange & { cell: string })[] {
  if (!plan || !Array.isArray(plan.changes)) throw userError("bad-plan");
  return plan.changes.map((c) => {
    const cell = typeof c?.cell === "string" ? normalizeCell(c.cell) : null;
    if (!cell || typeof c.sheet !== "string" || c.sheet.trim() === "" || isOwnSheet(c.sheet)) {
      throw userError("bad-plan-address", { cell: `${String(c?.sheet)}!${String(c?.cell)}` });
    }
    const a = c.after ?? {};
    if (a.formula !== undefined && (typeof a.formula !== "string" || !a.formula.startsWith("="))) {
      throw userError("bad-plan-formula", { cell: `${c.sheet}!${cell}` });
    }
    if (a.formula === undefined && a.value !== undefined) constantInput(a.value, a.numberFormat ?? null);
    return { ...c, cell };
  });
}

/** Refuses (before anything is written) when a cell to change is locked on a protected sheet. */
function refuseLocked(sheets: Map<string, ComObject>, cells: { sheet: string; cell: string }[], what: "write" | "undo"): void {
  const locked = new Map<string, string[]>();
  for (const t of cells) {
    const ws = sheets.get(t.sheet.toLowerCase()) as ComObject;
    if (!get(ws, "ProtectContents")) continue;
    if (get(call(ws, "Range", t.cell), "Locked") === false) continue;
    const name = String(get(ws, "Name"));
    const list = locked.get(name) ?? [];
    list.push(t.cell);
    locked.set(name, list);
  }
  if (locked.size === 0) return;
  const many = [...locked.values()].flat().length > 1;
  throw userError(`wps-locked-${what}-${many ? "many" : "one"}`, { cells: cellsOnSheets(locked) });
}

/** What one cell holds now (for the undo record). */
function readCell(ws: ComObject, cell: string): UndoCell {
  const r = call<ComObject>(ws, "Range", cell);
  const v = get<unknown>(r, "Value2");
  const f = get<unknown>(r, "Formula");
  const nf = get<unknown>(r, "NumberFormat");
  let value: CellValue =
    v === undefined || v === null || v === ""
      ? null
      : typeof v === "number" || typeof v === "string" || typeof v === "boolean"
        ? v
        : String(v);
  if (typeof value === "number" && ERROR_TEXT.has(value)) {
    const shown = get<unknown>(r, "Text");
    if (shown === ERROR_TEXT.get(value)) value = shown as string;
  }
  if (typeof value === "number" && !Number.isFinite(value)) value = null;
  return { sheet: String(get(ws, "Name")), cell, formula: toFormula(f, v), value, numberFormat: toFormat(nf) };
}

function writeChange(ws: ComObject, c: CellChange, formats: Map<string, string | null>): void {
  const r = call<ComObject>(ws, "Range", c.cell);
  const a = c.after;
  const k = `${c.sheet.toLowerCase()}!${c.cell}`;
  if (a.numberFormat !== undefined) {
    put(r, "NumberFormat", a.numberFormat);
    formats.set(k, a.numberFormat);
  } else if (formats.get(k) === "@" && (a.formula !== undefined || typeof a.value === "number")) {
    // a formula (or number) entered into a Text cell stays text: the cell gets the General format first
    put(r, "NumberFormat", "General");
    formats.set(k, "General");
  }
  if (a.formula !== undefined) put(r, "Formula", a.formula);
  else if (a.value !== undefined) {
    if (a.value === null) call(r, "ClearContents");
    else put(r, "Formula", constantInput(a.value, formats.get(k) ?? null));
  }
}

/** Puts every recorded cell back: its number format and its formula or constant. */
function restoreCells(sheets: Map<string, ComObject>, cells: UndoCell[]): void {
  for (const u of cells) {
    const ws = sheets.get(u.sheet.toLowerCase()) as ComObject;
    const r = call<ComObject>(ws, "Range", u.cell);
    const nf = u.numberFormat ?? "General";
    if (u.formula !== null) {
      // the formula first: entered into a Text ("@") cell it would stay text
      put(r, "Formula", u.formula);
      put(r, "NumberFormat", nf);
    } else {
      put(r, "NumberFormat", nf);
      if (u.value === null) call(r, "ClearContents");
      else if (isErrorValue(u.value))
        put(r, "Formula", u.value); // an error constant is typed as itself
      else put(r, "Formula", constantInput(u.value, nf));
    }
  }
}

function partialWrite(cause: unknown): UserError {
  return restated(comError(cause, APPLY), "partial-write-wps");
}

/** Row-major order of two A1 cells. */
function compareCells(a: string, b: string): number {
  const rc = (cell: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/.exec(cell);
    if (!m) return [0, 0];
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return [Number(m[2]), col];
  };
  const [ra, ca] = rc(a);
  const [rb, cb] = rc(b);
  return ra - rb || ca - cb;
}
