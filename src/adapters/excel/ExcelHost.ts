/**
 * ExcelHost: the task pane's view of the open Excel workbook, through Office.js (`Excel.run`, `context.sync`).
 *
 * Thin and injectable: `run` has the shape of Excel.run and `isSetSupported` that of
 * Office.context.requirements.isSetSupported, so tests pass the strict fake (test/fakes/fakeExcel.ts).
 *
 * Round trips (each `context.sync()` is one; `lastStats.syncs` reports them):
 * - readSheets: 1 (active sheet + its used range) or 2 (sheet list, then used ranges), then the data — 1 sync while
 *   the estimated response fits 4 MB (see readPlan.ts), so 2 or 3 in all;
 * - applyPlan: 4 — sheets + protection, what the target cells hold, store the undo record, write everything;
 *   (+1 only when the write fails: put the cells back and drop the record);
 * - undo: 4 — find records, read them, sheets + protection, restore every cell and drop the records;
 * - canUndo, selectCell: 1;
 * - applyMarks: 5 — sheets + protection + records, notes + fills + mark ledger, where the notes are, store the undo
 *   record and the new ledger, write every fill and note (4 when no sheet holds a note or comment);
 * - clearMarks: 6 — the same survey (3), the marked cells' fills, store the undo record, write;
 * - readMarks: 3; undo of a mark or a clear: 6.
 * Marks: the note is a Note (ExcelApi 1.18: a plain cell note, what the .xlsx host writes too, no
 * conversation thread), falling back to a threaded Comment (ExcelApi 1.10) where notes are missing; below 1.10 there
 * is no way to annotate a cell and marking says so. The fill is `range.format.fill` (color; pattern and tints with
 * ExcelApi 1.9). What each cell's fill was before its first mark is kept in a mark ledger (custom XML part,
 * MARKS_NAMESPACE) so 清除标注 restores it exactly; the undo record of a mark or clear holds each touched cell's fill and
 * own note before. A cell that holds a person's note or comment keeps it: ours is not written there, the fill is.
 * The undo record lives in the workbook (custom XML part, ExcelApi 1.5), so it survives closing the pane, saving
 * and reopening; where ExcelApi 1.5 is missing it is kept in memory (undo then lasts while the pane is open).
 */
import { snapshotCells, type CellValue, type MergedArea, type SheetSnapshot } from "../../core/snapshot";
import type { CellChange, FillPlan } from "../../core/plan";
import type { Progress, ReadScope, SpreadsheetHost } from "../../host/host";
import { UserError } from "../../core/errors";
import { rangeA1 } from "../../core/address";
import { normalizeCell, parseArea } from "./address";
import { DOING, quoted, recast, restated, userError, type Pair } from "../../core/messages";
import { CELL_EDIT_CODE, PAYLOAD_CODES, officeError, officeErrorCode } from "./errors";
import { DEFAULT_READ_LIMITS, planReads, splitGroup, type ReadLimits, type SyncGroup, type UsedArea } from "./readPlan";
import { LARGE_USED_RANGE, MAX_CONTENT_AREAS, clusterAreas, parseAreas, type Rect } from "./contentAreas";
import {
  UNDO_NAMESPACE,
  jsonFromXml,
  jsonToXml,
  newestRecord,
  undoRecordFromXml,
  undoRecordToXml,
  type UndoCell,
  type UndoRecord,
} from "./undoRecord";
import type { CellMark, MarkPlan } from "../../core/marks";
import { isOwnNote } from "../../core/marks";
import type { MarkingHost } from "../../host/host";
import {
  FILE_MARKS_NAMESPACE,
  MARKS_NAMESPACE,
  cellKey,
  fillAfterClear,
  ledgerFromJson,
  ledgerToJson,
  marksFound,
  sameNote,
  type FillState,
  type LedgerEntry,
  type MarkUndoCell,
} from "./markRecord";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
export type IsSetSupported = (name: string, version: string) => boolean;

export interface ExcelHostOptions {
  /** Shown until the workbook's own name is read (Workbook.name needs ExcelApi 1.7). */
  displayName?: string;
  /** Overrides of the read limits (tests; see readPlan.ts for the defaults and why). */
  limits?: Partial<ReadLimits>;
  /** Clock for the undo record's time stamp. */
  now?: () => Date;
}

/** What the last operation cost, for tests, the bench and diagnostics. */
export interface OperationStats {
  operation: "readSheets" | "applyPlan" | "canUndo" | "undo" | "selectCell" | "applyMarks" | "readMarks" | "clearMarks";
  syncs: number;
  /** Range reads of cell data (values + formulas + numberFormat), i.e. row blocks. */
  rangeReads: number;
  /** Syncs repeated after Excel refused a response as too large, or refused the merged areas. */
  retries: number;
}

const READ = DOING.read;
const APPLY = DOING.apply;
const UNDO = DOING.undo;
const CHECK = DOING.check;
const SELECT = DOING.select;
const MARK = DOING.mark;
const READ_MARKS = DOING.readMarks;
const CLEAR_MARKS = DOING.clearMarks;

const defaultRun: ExcelRun = (batch) => {
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") {
    return Promise.reject(userError("no-excel"));
  }
  return Excel.run(batch);
};

const defaultIsSetSupported: IsSetSupported = (name, version) => {
  try {
    return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported(name, version);
  } catch {
    return false;
  }
};

/** Cell text Excel would turn into something else when written (a number, date, time, boolean, formula, error). */
function mightBeParsed(s: string): boolean {
  const t = s.trim();
  if (t === "") return s !== "";
  if (/^[=+\-@'#]/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  // numbers, percentages, fractions, currencies, dates and times (also 2020年1月1日, 1月1日, 上午 9:00)
  if (/^[\d０-９\s.,:/%$¥￥€£()+\-eE年月日时分秒点上下午AaPpMm]+$/.test(t) && /[\d０-９]/.test(t)) return true;
  // English month names ("Jan 1", "1-Mar")
  if (/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/i.test(t) && /\d/.test(t) && t.length <= 20) return true;
  return false;
}

/** What to put in `range.formulas` so the cell ends up holding exactly `value` as a constant. */
export function constantInput(value: CellValue, numberFormat: string | null): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw userError("bad-plan-number");
    return value;
  }
  if (typeof value === "boolean") return value;
  if (numberFormat === "@") return value; // a Text cell keeps what is typed
  // A leading apostrophe makes Excel keep the text as text (it is not part of the value).
  return mightBeParsed(value) ? `'${value}` : value;
}

function toCellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

function toFormula(f: unknown, v: unknown): string | null {
  if (typeof f !== "string" || f.length < 2 || !f.startsWith("=")) return null;
  // A text constant that starts with "=" reads back the same from `values` and `formulas`.
  if (typeof v === "string" && v === f) return null;
  return f;
}

function toFormat(n: unknown): string | null {
  return typeof n === "string" ? n : null;
}

/** The top-left part of a used range, at most LARGE_USED_RANGE cells (for hosts that cannot list content areas). */
function clip(a: UsedArea): Rect {
  const cols = Math.min(a.cols, 1024);
  const rows = Math.max(1, Math.min(a.rows, Math.floor(LARGE_USED_RANGE / cols)));
  return { top: a.top, left: a.left, bottom: a.top + rows - 1, right: a.left + cols - 1 };
}

function uniqueSheets(names: string[]): string[] {
  const seen = new Map<string, string>();
  for (const n of names) if (!seen.has(n.toLowerCase())) seen.set(n.toLowerCase(), n);
  return [...seen.values()];
}

/** Queues each named sheet (a null object when it is missing) with its name and protection, by lower-case name. */
function queueSheets(wb: Excel.Workbook, names: readonly string[]): Map<string, Excel.Worksheet> {
  const sheets = new Map<string, Excel.Worksheet>();
  for (const name of names) {
    const ws = wb.worksheets.getItemOrNullObject(name);
    ws.load("name");
    ws.protection.load("protected");
    sheets.set(name.toLowerCase(), ws);
  }
  return sheets;
}

/** After the sync of queueSheets: the named sheets that do not exist. */
function missingSheets(sheets: Map<string, Excel.Worksheet>, names: readonly string[]): string[] {
  return names.filter((n) => (sheets.get(n.toLowerCase()) as Excel.Worksheet).isNullObject);
}

/** After the sync: the named sheets that are protected (nothing may be written on them). */
function protectedSheets(sheets: Map<string, Excel.Worksheet>, names: readonly string[]): string[] {
  return names.filter((n) => (sheets.get(n.toLowerCase()) as Excel.Worksheet).protection.protected);
}

function randomId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** A Note (ExcelApi 1.18) or a Comment (ExcelApi 1.10): the members marking uses, which both have. */
interface Annotation {
  content: string;
  delete(): void;
  getLocation(): Excel.Range;
}

interface Annotations {
  readonly items: Annotation[];
  load(propertyNames: string): unknown;
  add(cellAddress: Excel.Range, content: string): Annotation;
}

type NoteApi = "notes" | "comments";

/** What marking found in the workbook before acting (see survey()). */
interface MarkSurvey {
  /** Surveyed sheets by lower-case name: name and protection loaded. */
  sheets: Map<string, Excel.Worksheet>;
  /** Sheet names in workbook (or asked) order. */
  names: string[];
  ledger: LedgerEntry[];
  ledgerParts: Excel.CustomXmlPart[];
  undoParts: Excel.CustomXmlPart[];
  /** The .xlsx host's record of marks it wrote (see FILE_MARKS_NAMESPACE). */
  fileRecordParts: Excel.CustomXmlPart[];
  /** Our notes by cellKey. */
  own: Map<string, { sheet: string; cell: string; content: string; item: Annotation }>;
  /** Cells holding a person's note or comment. */
  others: Set<string>;
  annotations: Map<string, Annotations>;
}

const RICH_FILL = "color,pattern,patternColor,tintAndShade,patternTintAndShade";

/** A cell's fill as loaded; without ExcelApi 1.9 a white cell cannot be told from one without fill (both "#FFFFFF"). */
function fillStateOf(f: Excel.RangeFill, rich: boolean): FillState {
  if (!rich) return f.color && f.color.toUpperCase() !== "#FFFFFF" ? { color: f.color.toUpperCase() } : { color: null };
  if (f.pattern === "None") return { color: null };
  return {
    color: f.color ? f.color.toUpperCase() : null,
    pattern: f.pattern,
    patternColor: f.patternColor,
    tintAndShade: f.tintAndShade,
    patternTintAndShade: f.patternTintAndShade,
  };
}

/** Queues the writes that give a cell this fill. */
function queueFill(fill: Excel.RangeFill, state: FillState, rich: boolean): void {
  if (state.color === null) {
    fill.clear();
    return;
  }
  fill.color = state.color;
  if (!rich) return;
  if (typeof state.pattern === "string") fill.pattern = state.pattern as Excel.FillPattern;
  if (typeof state.patternColor === "string") fill.patternColor = state.patternColor;
  if (typeof state.tintAndShade === "number") fill.tintAndShade = state.tintAndShade;
  if (typeof state.patternTintAndShade === "number") fill.patternTintAndShade = state.patternTintAndShade;
}

function markFill(hex: string): FillState {
  return { color: `#${hex.toUpperCase()}`, pattern: "Solid", tintAndShade: 0 };
}

/** Checks a mark plan before anything is touched; one mark per cell (the first). */
export function validateMarks(plan: MarkPlan): CellMark[] {
  if (!plan || !Array.isArray(plan.marks)) throw userError("bad-marks");
  const seen = new Set<string>();
  const out: CellMark[] = [];
  for (const m of plan.marks) {
    const cell = typeof m?.cell === "string" ? normalizeCell(m.cell) : null;
    if (
      !cell ||
      typeof m.sheet !== "string" ||
      m.sheet.trim() === "" ||
      typeof m.fill !== "string" ||
      !/^[0-9A-Fa-f]{6}$/.test(m.fill) ||
      !isOwnNote(m.note)
    ) {
      throw userError("bad-mark", { cell: `${String(m?.sheet)}!${String(m?.cell)}` });
    }
    const k = cellKey(m.sheet, cell);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ ...m, cell, fill: m.fill.toUpperCase() });
  }
  return out;
}

function sortMarks<T extends { sheet: string; cell: string }>(marks: T[], names: string[]): T[] {
  const order = new Map(names.map((n, i) => [n.toLowerCase(), i] as const));
  const rc = (cell: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(cell);
    if (!m) return [0, 0];
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return [Number(m[2]), col];
  };
  return [...marks].sort((a, b) => {
    const s = (order.get(a.sheet.toLowerCase()) ?? 1e9) - (order.get(b.sheet.toLowerCase()) ?? 1e9);
    if (s !== 0) return s;
    const [ra, ca] = rc(a.cell);
    const [rb, cb] = rc(b.cell);
    return ra - rb || ca - cb;
  });
}

function noNotesError(): UserError {
  return userError("no-notes");
}

export class ExcelHost implements SpreadsheetHost, MarkingHost {
  readonly kind = "excel" as const;
  /** Cost of the last operation (syncs, range reads, retries). */
  lastStats: OperationStats | null = null;
  private readonly run: ExcelRun;
  private readonly isSetSupported: IsSetSupported;
  private readonly limits: ReadLimits;
  private readonly now: () => Date;
  private workbookName: string | null = null;
  private readonly fallbackName: string;
  /** Undo record kept here only when the workbook cannot hold custom XML parts (ExcelApi < 1.5). */
  private memoryRecord: UndoRecord | null = null;
  /** The mark ledger kept here only when the workbook cannot hold custom XML parts (ExcelApi < 1.5). */
  private memoryLedger: LedgerEntry[] = [];

  constructor(run: ExcelRun = defaultRun, isSetSupported: IsSetSupported = defaultIsSetSupported, options: ExcelHostOptions = {}) {
    this.run = run;
    this.isSetSupported = isSetSupported;
    this.limits = { ...DEFAULT_READ_LIMITS, ...(options.limits ?? {}) };
    this.now = options.now ?? (() => new Date());
    this.fallbackName = options.displayName ?? "当前工作簿 / Current workbook";
  }

  get displayName(): string {
    return this.workbookName ?? this.fallbackName;
  }

  /** The workbook's name once a read has fetched it. */
  get fileName(): string | null {
    return this.workbookName;
  }

  private supports(version: string): boolean {
    try {
      return this.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  }

  /** Runs one Excel batch, counting syncs, turning every error into a UserError. */
  private async batch<T>(
    operation: OperationStats["operation"],
    doing: Pair,
    body: (context: Excel.RequestContext, stats: OperationStats) => Promise<T>,
  ): Promise<T> {
    const stats: OperationStats = { operation, syncs: 0, rangeReads: 0, retries: 0 };
    this.lastStats = stats;
    try {
      return await this.run(async (context) => {
        // Every context.sync() of the body is counted (tests hold reads and writes to their sync budgets).
        const sync = context.sync.bind(context);
        context.sync = async <R>(passThroughValue?: R) => {
          stats.syncs++;
          return sync(passThroughValue);
        };
        return body(context, stats);
      });
    } catch (e) {
      throw officeError(e, doing);
    }
  }

  // ---------------------------------------------------------------------------------------------- reading

  async readSheets(scope: ReadScope, onProgress?: Progress): Promise<SheetSnapshot[]> {
    const wantName = this.supports("1.7");
    const mergesWanted = this.supports("1.13");
    return this.batch("readSheets", READ, async (context, stats) => {
      const wb = context.workbook;
      if (wantName) wb.load("name");
      let sheets: Excel.Worksheet[];
      if (scope === "active") {
        const ws = wb.worksheets.getActiveWorksheet();
        ws.load("name");
        sheets = [ws];
      } else {
        wb.worksheets.load("items/name");
        await context.sync();
        sheets = wb.worksheets.items;
      }
      // Values only: a cell that merely carries a format (even at XFD1048576) does not widen what is read.
      const used = sheets.map((ws) => {
        const r = ws.getUsedRangeOrNullObject(true);
        r.load("address,rowIndex,columnIndex,rowCount,columnCount");
        return r;
      });
      await context.sync();
      if (wantName) this.workbookName = wb.name || null;

      const names = sheets.map((ws) => ws.name);
      const usedAreas: (UsedArea | null)[] = used.map((r, i) =>
        r.isNullObject ? null : { sheet: i, top: r.rowIndex + 1, left: r.columnIndex + 1, rows: r.rowCount, cols: r.columnCount },
      );
      // What to read of each sheet: its used range, or — where a stray value far away makes that huge — the
      // rectangles around the cells that hold something (cost follows content, not the used range's area).
      const rects: Rect[][] = await this.contentRects(sheets, usedAreas, context);
      const areas: UsedArea[] = [];
      const areaSheet: number[] = [];
      rects.forEach((list, s) =>
        list.forEach((r) => {
          areas.push({ sheet: areas.length, top: r.top, left: r.left, rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 });
          areaSheet.push(s);
        }),
      );
      const values: CellValue[][][] = areas.map((a) => new Array<CellValue[]>(a.rows));
      const formulas: (string | null)[][][] = areas.map((a) => new Array<(string | null)[]>(a.rows));
      const formats: (string | null)[][][] = areas.map((a) => new Array<(string | null)[]>(a.rows));
      const merges: (MergedArea[] | null)[] = areas.map(() => (mergesWanted ? [] : null));

      const total = sheets.length;
      let done = 0;
      const remaining = sheets.map((_, s) => areas.filter((a) => areaSheet[a.sheet] === s).reduce((n, a) => n + a.rows, 0));
      const report = (i: number) => {
        done++;
        onProgress?.(done, total, names[i]);
      };
      onProgress?.(0, total);
      remaining.forEach((n, i) => {
        if (n === 0) report(i);
      });

      const queue: SyncGroup[] = planReads(areas, mergesWanted, this.limits);
      while (queue.length > 0) {
        const g = queue.shift() as SyncGroup;
        const reads = g.chunks.map((c) => {
          const r = sheets[areaSheet[c.sheet]].getRange(rangeA1(c.top, c.left, c.top + c.rows - 1, c.left + c.cols - 1));
          r.load("values,formulas,numberFormat");
          return { c, r };
        });
        const mergeReads = g.mergesOf.map((k) => {
          const a = areas[k];
          const ra = sheets[areaSheet[k]]
            .getRange(rangeA1(a.top, a.left, a.top + a.rows - 1, a.left + a.cols - 1))
            .getMergedAreasOrNullObject();
          ra.load("areas/items/address");
          return { k, ra };
        });
        stats.rangeReads += reads.length;
        try {
          // One sync per group on purpose: a group is as many ranges as fit Excel's payload limit, and a group
          // refused as too large is split and retried — one batch for everything is what fails on big sheets.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- see above
          await context.sync();
        } catch (e) {
          const code = officeErrorCode(e);
          if (code !== null && PAYLOAD_CODES.has(code)) {
            const parts = splitGroup(g);
            if (!parts) throw e;
            stats.retries++;
            queue.unshift(...parts);
            continue;
          }
          if (mergeReads.length > 0 && code !== CELL_EDIT_CODE && code !== "AccessDenied") {
            // Reading merged areas fails past 512 of them: read the cells without, and let the engine use its
            // blank-cell continuation rule for those sheets.
            for (const k of g.mergesOf) merges[k] = null;
            stats.retries++;
            queue.unshift({ chunks: g.chunks, mergesOf: [] });
            continue;
          }
          throw e;
        }
        for (const { k, ra } of mergeReads) {
          if (ra.isNullObject) continue;
          const list: MergedArea[] = [];
          for (const item of ra.areas.items) {
            const m = parseArea(item.address);
            if (m) list.push(m);
          }
          merges[k] = list;
        }
        for (const { c, r } of reads) {
          const a = areas[c.sheet];
          const vs = r.values;
          const fs = r.formulas;
          const ns = r.numberFormat;
          for (let i = 0; i < c.rows; i++) {
            const vr: CellValue[] = new Array<CellValue>(c.cols);
            const fr: (string | null)[] = new Array<string | null>(c.cols);
            const nr: (string | null)[] = new Array<string | null>(c.cols);
            for (let j = 0; j < c.cols; j++) {
              const v = vs[i]?.[j];
              vr[j] = toCellValue(v);
              fr[j] = toFormula(fs[i]?.[j], v);
              nr[j] = toFormat(ns[i]?.[j]);
            }
            const at = c.top - a.top + i;
            values[c.sheet][at] = vr;
            formulas[c.sheet][at] = fr;
            formats[c.sheet][at] = nr;
          }
          const s = areaSheet[c.sheet];
          remaining[s] -= c.rows;
          if (remaining[s] === 0) report(s);
        }
      }

      return sheets.map((_, i): SheetSnapshot => {
        const own = areas.filter((a) => areaSheet[a.sheet] === i);
        const sheetMerges = mergesWanted
          ? own.some((a) => merges[a.sheet] === null)
            ? null
            : own.flatMap((a) => merges[a.sheet] ?? [])
          : null;
        if (own.length <= 1) {
          const a = own[0];
          return {
            name: names[i],
            origin: a ? { row: a.top, col: a.left } : { row: 1, col: 1 },
            values: a ? values[a.sheet] : [],
            formulas: a ? formulas[a.sheet] : [],
            numberFormats: a ? formats[a.sheet] : [],
            merges: sheetMerges,
          };
        }
        // several content rectangles: one sparse snapshot of the cells that hold something
        return {
          name: names[i],
          cells: own.flatMap((a) =>
            snapshotCells({
              name: names[i],
              merges: null,
              origin: { row: a.top, col: a.left },
              values: values[a.sheet],
              formulas: formulas[a.sheet],
              numberFormats: formats[a.sheet],
            }),
          ),
          merges: sheetMerges,
        };
      });
    });
  }

  /**
   * Per sheet, the rectangles to read. A used range of up to LARGE_USED_RANGE cells is read whole (one rectangle,
   * the common case: no extra sync). A larger one is read through the areas holding constants and formulas
   * (ExcelApi 1.9): two more syncs, one for their count and one for their addresses. Without ExcelApi 1.9, or past
   * MAX_CONTENT_AREAS areas, the used range is read from its top-left corner up to LARGE_USED_RANGE cells, and a
   * clear message says the rest was not read.
   */
  private async contentRects(sheets: Excel.Worksheet[], used: (UsedArea | null)[], context: Excel.RequestContext): Promise<Rect[][]> {
    const whole = (a: UsedArea): Rect => ({ top: a.top, left: a.left, bottom: a.top + a.rows - 1, right: a.left + a.cols - 1 });
    const out: Rect[][] = used.map((a) => (a ? [whole(a)] : []));
    const large = used.map((a, i) => (a && a.rows * a.cols > LARGE_USED_RANGE ? i : -1)).filter((i) => i >= 0);
    if (large.length === 0) return out;
    if (this.supports("1.9")) {
      const probes = large.map((i) => {
        const all = sheets[i].getRange();
        const kinds = ["Constants", "Formulas"].map((k) => {
          const ra = all.getSpecialCellsOrNullObject(k as Excel.SpecialCellType);
          ra.load("areaCount");
          return ra;
        });
        return { i, kinds };
      });
      await context.sync();
      const listed = probes.filter((p) => p.kinds.reduce((n, ra) => n + (ra.isNullObject ? 0 : ra.areaCount), 0) <= MAX_CONTENT_AREAS);
      for (const p of listed) for (const ra of p.kinds) if (!ra.isNullObject) ra.load("address");
      if (listed.length) await context.sync();
      for (const p of listed) {
        const rects = p.kinds.flatMap((ra) => (ra.isNullObject ? [] : parseAreas(ra.address)));
        out[p.i] = clusterAreas(rects);
      }
      for (const p of probes) if (!listed.includes(p)) out[p.i] = [clip(used[p.i] as UsedArea)];
    } else {
      for (const i of large) out[i] = [clip(used[i] as UsedArea)];
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------- writing

  async applyPlan(plan: FillPlan): Promise<void> {
    const changes = this.validatePlan(plan);
    if (changes.length === 0) return;
    const useXml = this.supports("1.5");
    const sheetNames = uniqueSheets(changes.map((c) => c.sheet));
    // Every target cell once, in plan order.
    const targets: { sheet: string; cell: string }[] = [];
    const seen = new Set<string>();
    for (const c of changes) {
      const k = `${c.sheet.toLowerCase()}!${c.cell}`;
      if (!seen.has(k)) {
        seen.add(k);
        targets.push({ sheet: c.sheet, cell: c.cell });
      }
    }

    await this.batch("applyPlan", APPLY, async (context) => {
      const wb = context.workbook;
      // 1. The sheets exist and none is protected (and which undo records exist now).
      const sheets = queueSheets(wb, sheetNames);
      const oldParts = useXml ? wb.customXmlParts.getByNamespace(UNDO_NAMESPACE) : null;
      oldParts?.load("items/id");
      await context.sync();
      const missing = missingSheets(sheets, sheetNames);
      if (missing.length > 0) throw userError("sheet-missing", { sheets: quoted(missing) });
      const locked = protectedSheets(sheets, sheetNames);
      if (locked.length > 0) throw userError("protected", { sheets: quoted(locked) });
      const sheetOf = (name: string) => sheets.get(name.toLowerCase()) as Excel.Worksheet;

      // 2. What every target cell holds now.
      const before = targets.map((t) => {
        const r = sheetOf(t.sheet).getRange(t.cell);
        r.load("values,formulas,numberFormat");
        return { t, r };
      });
      await context.sync();
      const record: UndoRecord = {
        version: 1,
        id: randomId(),
        created: this.now().toISOString(),
        cells: before.map(({ t, r }): UndoCell => {
          const v = r.values[0]?.[0];
          return {
            sheet: sheetOf(t.sheet).name,
            cell: t.cell,
            formula: toFormula(r.formulas[0]?.[0], v),
            value: toCellValue(v),
            numberFormat: toFormat(r.numberFormat[0]?.[0]),
          };
        }),
      };

      // 3. Store the record in the workbook BEFORE any write.
      let newPart: Excel.CustomXmlPart | null = null;
      if (useXml) {
        newPart = wb.customXmlParts.add(undoRecordToXml(record));
        await context.sync();
      }

      // 4. All the writes in one sync; older records are dropped last (kept if a write fails).
      const formats = new Map(record.cells.map((u) => [`${u.sheet.toLowerCase()}!${u.cell}`, u.numberFormat] as const));
      for (const c of changes) this.queueWrite(sheetOf(c.sheet).getRange(c.cell), c, formats);
      if (oldParts) for (const p of oldParts.items) p.delete();
      try {
        await context.sync();
      } catch (e) {
        // Put back whatever part of the batch ran, and drop the record we just stored.
        try {
          this.queueRestore(record, sheetOf);
          newPart?.delete();
          await context.sync();
        } catch {
          throw this.partialWriteError(e);
        }
        throw e;
      }
      if (!useXml) this.memoryRecord = record;
    });
  }

  private partialWriteError(cause: unknown): UserError {
    return restated(officeError(cause, APPLY), "partial-write-excel");
  }

  /** Checks the plan before anything is touched: real sheets, single-cell addresses, something to write. */
  private validatePlan(plan: FillPlan): (CellChange & { cell: string })[] {
    if (!plan || !Array.isArray(plan.changes)) {
      throw userError("bad-plan");
    }
    return plan.changes.map((c) => {
      const cell = typeof c?.cell === "string" ? normalizeCell(c.cell) : null;
      if (!cell || typeof c.sheet !== "string" || c.sheet.trim() === "") {
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

  private queueWrite(r: Excel.Range, c: CellChange, current: Map<string, string | null>): void {
    const a = c.after;
    const k = `${c.sheet.toLowerCase()}!${c.cell}`;
    if (a.numberFormat !== undefined) {
      r.numberFormat = [[a.numberFormat]];
      current.set(k, a.numberFormat);
    } else if (current.get(k) === "@" && (a.formula !== undefined || typeof a.value === "number")) {
      // A formula (or number) entered into a Text cell stays text: the cell gets the General format first.
      // Only this planned cell's format changes, and undo puts "@" back.
      r.numberFormat = [["General"]];
      current.set(k, "General");
    }
    if (a.formula !== undefined) r.formulas = [[a.formula]];
    else if (a.value !== undefined) r.formulas = [[constantInput(a.value, current.get(k) ?? null)]];
  }

  /** Queues writes that put every recorded cell back: its number format and its formula or constant. */
  private queueRestore(record: UndoRecord, sheetOf: (name: string) => Excel.Worksheet): void {
    for (const u of record.cells) {
      const r = sheetOf(u.sheet).getRange(u.cell);
      const nf = u.numberFormat ?? "General";
      if (u.formula !== null) {
        // The formula first: entered into a Text ("@") cell it would stay text.
        r.formulas = [[u.formula]];
        r.numberFormat = [[nf]];
      } else {
        // The format first, so text typed into a Text cell stays text.
        r.numberFormat = [[nf]];
        r.formulas = [[constantInput(u.value, nf)]];
      }
    }
  }

  // ---------------------------------------------------------------------------------------------- undo

  async canUndo(): Promise<boolean> {
    if (!this.supports("1.5")) return this.memoryRecord !== null;
    return this.batch("canUndo", CHECK, async (context) => {
      const n = context.workbook.customXmlParts.getByNamespace(UNDO_NAMESPACE).getCount();
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- getCount() returns a ClientResult: nothing to load
      return n.value > 0;
    });
  }

  async undo(): Promise<void> {
    const useXml = this.supports("1.5");
    await this.batch("undo", UNDO, async (context) => {
      const wb = context.workbook;
      let record: UndoRecord | null = this.memoryRecord;
      let parts: Excel.CustomXmlPart[] = [];
      if (useXml) {
        const scoped = wb.customXmlParts.getByNamespace(UNDO_NAMESPACE);
        scoped.load("items/id");
        await context.sync();
        parts = scoped.items;
        if (parts.length === 0) throw nothingToUndo();
        const xmls = parts.map((p) => p.getXml());
        await context.sync();
        const records = xmls.map((x) => undoRecordFromXml(x.value)).filter((r): r is UndoRecord => r !== null);
        record = newestRecord(records);
        if (!record) {
          throw userError("undo-damaged");
        }
      }
      if (!record) throw nothingToUndo();
      if (record.marks) {
        await this.restoreMarks(context, record, useXml);
        this.memoryRecord = null;
        return;
      }

      const names = uniqueSheets(record.cells.map((c) => c.sheet));
      const sheets = queueSheets(wb, names);
      await context.sync();
      const missing = missingSheets(sheets, names);
      if (missing.length > 0) {
        throw userError("sheet-missing-undo", { sheets: quoted(missing) });
      }
      const locked = protectedSheets(sheets, names);
      if (locked.length > 0) {
        throw userError("protected-undo", { sheets: quoted(locked) });
      }
      this.queueRestore(record, (n) => sheets.get(n.toLowerCase()) as Excel.Worksheet);
      for (const p of parts) p.delete();
      await context.sync();
      this.memoryRecord = null;
    });
  }

  // ---------------------------------------------------------------------------------------------- marks

  /** The API the marks' notes use: notes where there are (ExcelApi 1.18), threaded comments (1.10) where not. */
  private noteApi(): NoteApi {
    if (this.supports("1.18")) return "notes";
    if (this.supports("1.10")) return "comments";
    throw noNotesError();
  }

  /**
   * Three syncs: (1) the sheets (named, or all) with their protection, and the ids of the ledger and undo parts;
   * (2) every surveyed sheet's notes (or comments) with their text, the ledger's XML, and whatever `alsoLoad` queues;
   * (3) where each note is (skipped when there is none).
   */
  private async survey(
    context: Excel.RequestContext,
    scope: string[] | "all",
    api: NoteApi,
    useXml: boolean,
    alsoLoad?: (sheetOf: (name: string) => Excel.Worksheet) => void,
  ): Promise<MarkSurvey> {
    const wb = context.workbook;
    let all: Excel.WorksheetCollection | null = null;
    if (scope === "all") {
      all = wb.worksheets;
      all.load("items/name,items/protection/protected");
    }
    const sheets = scope === "all" ? new Map<string, Excel.Worksheet>() : queueSheets(wb, scope);
    const ledgerScope = useXml ? wb.customXmlParts.getByNamespace(MARKS_NAMESPACE) : null;
    ledgerScope?.load("items/id");
    const undoScope = useXml ? wb.customXmlParts.getByNamespace(UNDO_NAMESPACE) : null;
    undoScope?.load("items/id");
    const fileScope = useXml ? wb.customXmlParts.getByNamespace(FILE_MARKS_NAMESPACE) : null;
    fileScope?.load("items/id");
    await context.sync();
    if (all) for (const ws of all.items) sheets.set(ws.name.toLowerCase(), ws);
    else {
      const missing = missingSheets(sheets, scope as string[]);
      if (missing.length > 0) throw userError("sheet-missing", { sheets: quoted(missing) });
    }
    const names = [...sheets.values()].map((ws) => ws.name);
    const sheetOf = (name: string) => sheets.get(name.toLowerCase()) as Excel.Worksheet;

    const annotations = new Map<string, Annotations>();
    // With notes, a cell may instead hold a person's threaded comment (one or the other per cell): those cells are
    // someone else's too, so the comments are read as well (ExcelApi 1.18 includes 1.10).
    const threads = new Map<string, Annotations>();
    for (const [k, ws] of sheets) {
      const coll = (api === "notes" ? ws.notes : ws.comments) as unknown as Annotations;
      coll.load("items/content");
      annotations.set(k, coll);
      if (api === "notes") {
        const comments = ws.comments as unknown as Annotations;
        comments.load("items/content");
        threads.set(k, comments);
      }
    }
    const ledgerParts = ledgerScope ? ledgerScope.items : [];
    const xmls = ledgerParts.map((p) => p.getXml());
    alsoLoad?.(sheetOf);
    await context.sync();

    const located: { sheet: string; item: Annotation; at: Excel.Range; thread: boolean }[] = [];
    for (const [list, thread] of [
      [annotations, false],
      [threads, true],
    ] as const) {
      for (const [k, coll] of list) {
        for (const item of coll.items) {
          const at = item.getLocation();
          at.load("address");
          located.push({ sheet: sheetOf(k).name, item, at, thread });
        }
      }
    }
    if (located.length > 0) await context.sync();
    const own: MarkSurvey["own"] = new Map();
    const others = new Set<string>();
    for (const { sheet, item, at, thread } of located) {
      const cell = normalizeCell(at.address.replace(/^.*!/, ""));
      if (!cell) continue;
      const k = cellKey(sheet, cell);
      if (!thread && isOwnNote(item.content)) own.set(k, { sheet, cell, content: item.content, item });
      else others.add(k);
    }

    let ledger: LedgerEntry[] = this.memoryLedger;
    if (useXml) {
      // One part normally; should an interrupted write have left two, the newest wins.
      let best: { created: string; cells: LedgerEntry[] } | null = null;
      for (const x of xmls) {
        const json = jsonFromXml("marks", x.value);
        const cells = json === null ? null : ledgerFromJson(json);
        if (!cells || json === null) continue;
        const created = String((JSON.parse(json) as { created?: unknown }).created ?? "");
        if (!best || created > best.created) best = { created, cells };
      }
      ledger = best ? best.cells : [];
    }
    // Entries of sheets that no longer exist are dropped.
    ledger = ledger.filter((e) => sheets.has(e.sheet.toLowerCase()) || scope !== "all");
    return {
      sheets,
      names,
      ledger,
      ledgerParts,
      undoParts: undoScope ? undoScope.items : [],
      fileRecordParts: fileScope ? fileScope.items : [],
      own,
      others,
      annotations,
    };
  }

  private ledgerXml(entries: LedgerEntry[]): string {
    return jsonToXml("marks", MARKS_NAMESPACE, ledgerToJson(entries, this.now().toISOString()));
  }

  async applyMarks(plan: MarkPlan): Promise<void> {
    const marks = validateMarks(plan);
    if (marks.length === 0) return;
    const api = this.noteApi();
    const useXml = this.supports("1.5");
    const rich = this.supports("1.9");
    await this.batch("applyMarks", MARK, async (context) => {
      const wb = context.workbook;
      let fills: Excel.RangeFill[] = [];
      const s = await this.survey(context, uniqueSheets(marks.map((m) => m.sheet)), api, useXml, (sheetOf) => {
        fills = marks.map((m) => {
          const f = sheetOf(m.sheet).getRange(m.cell).format.fill;
          f.load(rich ? RICH_FILL : "color");
          return f;
        });
      });
      const locked = protectedSheets(s.sheets, s.names);
      if (locked.length > 0) throw userError("protected", { sheets: quoted(locked) });
      const sheetOf = (name: string) => s.sheets.get(name.toLowerCase()) as Excel.Worksheet;

      const ledger = new Map(s.ledger.map((e) => [cellKey(e.sheet, e.cell), e] as const));
      const before: MarkUndoCell[] = marks.map((m, i) => {
        const k = cellKey(m.sheet, m.cell);
        const sheet = sheetOf(m.sheet).name;
        const fill = fillStateOf(fills[i], rich);
        const prev = ledger.get(k);
        ledger.set(k, {
          sheet,
          cell: m.cell,
          before: prev ? prev.before : fill,
          fill: m.fill,
          note: m.note,
          noteWritten: !s.others.has(k),
        });
        return { sheet, cell: m.cell, fill, note: s.own.get(k)?.content ?? null };
      });
      const record: UndoRecord = {
        version: 1,
        id: randomId(),
        created: this.now().toISOString(),
        cells: [],
        kind: "mark",
        marks: before,
        ledger: s.ledger,
      };
      const next = [...ledger.values()];

      // The undo record and the new ledger are in the workbook BEFORE any write.
      if (useXml) {
        wb.customXmlParts.add(undoRecordToXml(record));
        wb.customXmlParts.add(this.ledgerXml(next));
        await context.sync();
      }
      marks.forEach((m) => {
        const k = cellKey(m.sheet, m.cell);
        const r = sheetOf(m.sheet).getRange(m.cell);
        queueFill(sheetOf(m.sheet).getRange(m.cell).format.fill, markFill(m.fill), rich);
        const own = s.own.get(k);
        if (own) {
          if (!sameNote(own.content, m.note)) own.item.content = m.note;
        } else if (!s.others.has(k)) (s.annotations.get(m.sheet.toLowerCase()) as Annotations).add(r, m.note);
      });
      for (const p of [...s.undoParts, ...s.ledgerParts]) p.delete();
      try {
        await context.sync();
      } catch (e) {
        // The record stays: 撤销 puts back whatever part of the batch ran.
        if (useXml) throw this.partialWriteError(e);
        this.memoryRecord = record;
        this.memoryLedger = next;
        throw this.partialWriteError(e);
      }
      if (!useXml) {
        this.memoryRecord = record;
        this.memoryLedger = next;
      }
    });
  }

  async readMarks(): Promise<CellMark[]> {
    const api = this.noteApi();
    const useXml = this.supports("1.5");
    return this.batch("readMarks", READ_MARKS, async (context) => {
      const s = await this.survey(context, "all", api, useXml);
      return sortMarks(this.marksIn(s), s.names);
    });
  }

  /** The marks a survey found: our notes, and the ledger's cells whose note was not written (a person's note kept). */
  private marksIn(s: MarkSurvey): CellMark[] {
    return marksFound(s.own.values(), s.ledger);
  }

  async clearMarks(): Promise<number> {
    const api = this.noteApi();
    const useXml = this.supports("1.5");
    const rich = this.supports("1.9");
    return this.batch("clearMarks", CLEAR_MARKS, async (context) => {
      const wb = context.workbook;
      const s = await this.survey(context, "all", api, useXml);
      const marks = this.marksIn(s);
      if (marks.length === 0) return 0;
      const sheetOf = (name: string) => s.sheets.get(name.toLowerCase()) as Excel.Worksheet;
      const locked = protectedSheets(s.sheets, uniqueSheets(marks.map((m) => sheetOf(m.sheet).name)));
      if (locked.length > 0) throw userError("protected", { sheets: quoted(locked) });
      const fills = marks.map((m) => {
        const f = sheetOf(m.sheet).getRange(m.cell).format.fill;
        f.load(rich ? RICH_FILL : "color");
        return f;
      });
      await context.sync();
      const ledger = new Map(s.ledger.map((e) => [cellKey(e.sheet, e.cell), e] as const));
      const now = fills.map((f) => fillStateOf(f, rich));
      const before: MarkUndoCell[] = marks.map((m, i) => ({
        sheet: sheetOf(m.sheet).name,
        cell: m.cell,
        fill: now[i],
        note: s.own.get(cellKey(m.sheet, m.cell))?.content ?? null,
      }));
      const record: UndoRecord = {
        version: 1,
        id: randomId(),
        created: this.now().toISOString(),
        cells: [],
        kind: "clear",
        marks: before,
        ledger: s.ledger,
      };
      if (useXml) {
        wb.customXmlParts.add(undoRecordToXml(record));
        await context.sync();
      }
      marks.forEach((m, i) => {
        const k = cellKey(m.sheet, m.cell);
        const entry = ledger.get(k);
        const fill = fillAfterClear(entry, now[i]);
        if (fill) queueFill(sheetOf(m.sheet).getRange(m.cell).format.fill, fill, rich);
        s.own.get(k)?.item.delete();
      });
      for (const p of [...s.undoParts, ...s.ledgerParts, ...s.fileRecordParts]) p.delete();
      try {
        await context.sync();
      } catch (e) {
        if (!useXml) this.memoryRecord = record;
        throw this.partialWriteError(e);
      }
      if (!useXml) this.memoryRecord = record;
      this.memoryLedger = [];
      return marks.length;
    });
  }

  /** Undo of a mark or a clear: each touched cell's fill and own note as they were, and the ledger as it was. */
  private async restoreMarks(context: Excel.RequestContext, record: UndoRecord, useXml: boolean): Promise<void> {
    const cells = record.marks ?? [];
    const api = this.noteApi();
    const rich = this.supports("1.9");
    let s: MarkSurvey;
    try {
      s = await this.survey(context, uniqueSheets(cells.map((c) => c.sheet)), api, useXml);
    } catch (e) {
      if (isUserErrorWithCode(e, "sheet-missing")) {
        const u = e as UserError;
        throw recast(u, "sheet-missing-undo");
      }
      throw e;
    }
    const locked = protectedSheets(s.sheets, s.names);
    if (locked.length > 0) {
      throw userError("protected-undo", { sheets: quoted(locked) });
    }
    for (const c of cells) {
      const k = cellKey(c.sheet, c.cell);
      const ws = s.sheets.get(c.sheet.toLowerCase()) as Excel.Worksheet;
      const r = ws.getRange(c.cell);
      queueFill(ws.getRange(c.cell).format.fill, c.fill, rich);
      const own = s.own.get(k);
      if (c.note === null) own?.item.delete();
      else if (own) {
        if (!sameNote(own.content, c.note)) own.item.content = c.note;
      } else if (!s.others.has(k)) (s.annotations.get(c.sheet.toLowerCase()) as Annotations).add(r, c.note);
    }
    const ledger = record.ledger ?? [];
    for (const p of [...s.ledgerParts, ...s.undoParts]) p.delete();
    if (useXml && ledger.length > 0) context.workbook.customXmlParts.add(this.ledgerXml(ledger));
    await context.sync();
    this.memoryLedger = ledger;
  }

  // ---------------------------------------------------------------------------------------------- selection

  async selectCell(sheet: string, address: string): Promise<void> {
    const cell = normalizeCell(address) ?? (parseArea(address) ? address.replace(/^.*!/, "").replace(/\$/g, "").toUpperCase() : null);
    if (!cell) {
      throw userError("bad-address", { address });
    }
    await this.batch("selectCell", SELECT, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }
}

function nothingToUndo(): UserError {
  return userError("no-undo");
}

function isUserErrorWithCode(e: unknown, code: string): boolean {
  return e instanceof UserError && e.code === code;
}
