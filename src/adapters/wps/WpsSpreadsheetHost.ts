/**
 * WpsSpreadsheetHost: the task pane's and the ribbon's view of the open WPS 表格 (ET) workbook, through the
 * synchronous ET object model on `window.Application` (`ActiveWorkbook`, `Worksheets.Item(n)`, `UsedRange`,
 * `Range("A1:H30").Value2`, `.Formula`, `.NumberFormat`, `.MergeCells`, `.MergeArea`, `SpecialCells`, `Locked`).
 * What Excel and WPS share — cell input, checks, write steps, the undo record and the mark ledger — is the kernel in
 * ../sheet; reading is read.ts, marks marks.ts.
 *
 * The ribbon, whose callbacks must return synchronously in WPS, calls the `…Sync` methods; the pane the asynchronous
 * SpreadsheetHost methods, which run the same `…Sync` methods (withAsyncTwins).
 *
 * Writing: the plan is checked first (sheets exist; no target cell is locked on a protected sheet — then nothing is
 * written), what each target cell holds is read, the undo record is stored in the workbook (a very hidden, protected
 * sheet — see undoSheet.ts) BEFORE any write, then every change is written with screen updating off. A failing write
 * puts back the cells already written and drops the record. Where the workbook refuses the record (structure
 * protected), it is kept in memory: undo then lasts while the pane is open.
 */
import type { CellValue, SheetSnapshot } from "../../core/snapshot";
import type { FillPlan } from "../../core/plan";
import type { CellMark, MarkPlan } from "../../core/marks";
import type { MarkingHost, Progress, ReadScope, SpreadsheetHost } from "../../host/host";
import { DOING, cellsOnSheets, quoted, restated, userError, type Pair } from "../../core/messages";
import { comError } from "./errors";
import {
  changeSteps,
  formatsBefore,
  newRecord,
  restoreSteps,
  selectionAddress,
  targetsOf,
  toCellValue,
  toFormat,
  toFormula,
  uniqueSheets,
  validatePlan,
  type LedgerEntry,
  type Purpose,
  type UndoCell,
  type UndoRecord,
  type WriteStep,
} from "../sheet";
import { call, count, get, getObject, put, type ComObject } from "./com";
import { DEFAULT_WPS_LIMITS, ERROR_TEXT, readSheet, type ReadStats, type WpsReadLimits } from "./read";
import { WpsMarks } from "./marks";
import { clearUndoSheet, findSheet, isOwnSheet, readUndoSheet, writeUndoSheet } from "./undoSheet";
import { sheetsByName, withScreenOff } from "./workbook";
import { withAsyncTwins } from "./async";

export { DEFAULT_WPS_LIMITS, type WpsReadLimits };

export interface WpsHostOptions {
  limits?: Partial<WpsReadLimits>;
  /** Clock for the undo record's time stamp. */
  now?: () => Date;
}

/** What the last operation cost, for tests and diagnostics. */
export interface WpsStats extends ReadStats {
  operation: "readSheets" | "applyPlan" | "canUndo" | "undo" | "selectCell" | "applyMarks" | "readMarks" | "clearMarks";
  /** Where the undo record went. */
  undoIn?: "workbook" | "memory";
}

const CURRENT_WORKBOOK = "当前工作簿 / Current workbook";

/** Refuses (before anything is written) when a cell to change is locked on a protected sheet. */
function refuseLocked(sheets: Map<string, ComObject>, cells: { sheet: string; cell: string }[], purpose: Purpose): void {
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
  throw userError(`wps-locked-${purpose}-${many ? "many" : "one"}`, { cells: cellsOnSheets(locked) });
}

/** What one cell holds now (for the undo record); an error's COM code is its text where the cell shows it. */
function readCell(ws: ComObject, cell: string): UndoCell {
  const r = call<ComObject>(ws, "Range", cell);
  const v = get<unknown>(r, "Value2");
  const f = get<unknown>(r, "Formula");
  const nf = get<unknown>(r, "NumberFormat");
  let value: CellValue = toCellValue(v);
  if (typeof value === "number" && ERROR_TEXT.has(value)) {
    const shown = get<unknown>(r, "Text");
    if (shown === ERROR_TEXT.get(value)) value = shown as string;
  }
  return { sheet: String(get(ws, "Name")), cell, formula: toFormula(f, v), value, numberFormat: toFormat(nf) };
}

function writeStep(r: ComObject, step: WriteStep): void {
  if (step.set === "format") put(r, "NumberFormat", step.format);
  else if (step.set === "clear") call(r, "ClearContents");
  else put(r, "Formula", step.input);
}

/** Puts every recorded cell back (ET tells an error value from its text: an error is typed as itself). */
function restoreCells(sheets: Map<string, ComObject>, cells: UndoCell[]): void {
  for (const u of cells) {
    const r = call<ComObject>(sheets.get(u.sheet.toLowerCase()) as ComObject, "Range", u.cell);
    for (const step of restoreSteps(u, true)) writeStep(r, step);
  }
}

function partialWrite(cause: unknown): Error {
  return restated(comError(cause, DOING.apply), "partial-write-wps");
}

/** The synchronous host; WpsSpreadsheetHost below adds the asynchronous SpreadsheetHost methods. */
export class WpsSheetDriver {
  readonly kind = "wps" as const;
  lastStats: WpsStats | null = null;
  private readonly limits: WpsReadLimits;
  private readonly now: () => Date;
  /** The undo record and the mark ledger, when the workbook could not keep them. */
  private readonly memory: { record: UndoRecord | null; ledger: LedgerEntry[] | null } = { record: null, ledger: null };
  private readonly marks: WpsMarks;

  /** @param app the ET `Application` (window.Application inside WPS; the fake in tests) */
  constructor(
    private readonly app: unknown,
    options: WpsHostOptions = {},
  ) {
    this.limits = { ...DEFAULT_WPS_LIMITS, ...(options.limits ?? {}) };
    this.now = options.now ?? (() => new Date());
    this.marks = new WpsMarks({ app, now: this.now, memory: this.memory });
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
    return this.fileName ?? CURRENT_WORKBOOK;
  }

  private workbook(): ComObject {
    const wb = get<ComObject | null>(this.app, "ActiveWorkbook");
    if (!wb) throw userError("no-workbook-open");
    return wb;
  }

  /** Runs one operation: its stats, every error turned into a UserError. */
  private guard<T>(operation: WpsStats["operation"], doing: Pair, body: (stats: WpsStats) => T): T {
    const stats: WpsStats = { operation, blockReads: 0, cellsRead: 0, probes: 0, viaAreas: 0, clipped: [] };
    this.lastStats = stats;
    try {
      return body(stats);
    } catch (e) {
      throw comError(e, doing);
    }
  }

  readSheetsSync(scope: ReadScope, onProgress?: Progress): SheetSnapshot[] {
    return this.guard("readSheets", DOING.read, (stats) => {
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
        const snap = readSheet(ws, stats, this.limits);
        onProgress?.(i + 1, sheets.length, snap.name);
        return snap;
      });
    });
  }

  applyPlanSync(plan: FillPlan): void {
    const changes = validatePlan(plan, isOwnSheet);
    if (changes.length === 0) return;
    this.guard("applyPlan", DOING.apply, (stats) => {
      const wb = this.workbook();
      const sheets = sheetsByName(wb, uniqueSheets(changes.map((c) => c.sheet)), "write");
      const targets = targetsOf(changes);
      refuseLocked(sheets, targets, "write");
      const record = newRecord(this.now, { cells: targets.map((t) => readCell(sheets.get(t.sheet.toLowerCase()) as ComObject, t.cell)) });
      // The record is in the workbook BEFORE anything is written.
      let inWorkbook = true;
      try {
        writeUndoSheet(wb, record);
      } catch {
        inWorkbook = false;
      }
      stats.undoIn = inWorkbook ? "workbook" : "memory";
      const formats = formatsBefore(record.cells);
      withScreenOff(this.app, () => {
        try {
          for (const c of changes) {
            const r = call<ComObject>(sheets.get(c.sheet.toLowerCase()) as ComObject, "Range", c.cell);
            for (const step of changeSteps(c, formats)) writeStep(r, step);
          }
        } catch (e) {
          try {
            restoreCells(sheets, record.cells);
            if (inWorkbook) clearUndoSheet(this.app as ComObject, wb);
          } catch {
            if (!inWorkbook) this.memory.record = record;
            throw partialWrite(e);
          }
          throw e;
        }
      });
      // an older in-memory record is superseded by the one in the workbook
      this.memory.record = inWorkbook ? null : record;
    });
  }

  canUndoSync(): boolean {
    return this.guard("canUndo", DOING.check, () => {
      if (this.memory.record) return true;
      const wb = get<ComObject | null>(this.app, "ActiveWorkbook");
      return wb ? readUndoSheet(wb) !== null : false;
    });
  }

  undoSync(): void {
    this.guard("undo", DOING.undo, () => {
      const wb = this.workbook();
      let record: UndoRecord | null = this.memory.record;
      let inWorkbook = false;
      if (!record) {
        const kept = readUndoSheet(wb);
        if (kept === "damaged") throw userError("undo-damaged");
        record = kept;
        inWorkbook = kept !== null;
      }
      if (!record) throw userError("no-undo");
      if (record.marks) this.marks.restoreMarks(wb, record);
      else {
        const cells = record.cells;
        const sheets = sheetsByName(wb, uniqueSheets(cells.map((c) => c.sheet)), "undo");
        refuseLocked(sheets, cells, "undo");
        withScreenOff(this.app, () => restoreCells(sheets, cells));
      }
      if (inWorkbook) clearUndoSheet(this.app as ComObject, wb);
      this.memory.record = null;
    });
  }

  applyMarksSync(plan: MarkPlan): void {
    const marks = WpsMarks.validate(plan);
    if (marks.length === 0) return;
    this.guard("applyMarks", DOING.mark, () => this.marks.applyMarks(this.workbook(), marks));
  }

  readMarksSync(): CellMark[] {
    return this.guard("readMarks", DOING.readMarks, () => this.marks.readMarks(this.workbook()));
  }

  clearMarksSync(): number {
    return this.guard("clearMarks", DOING.clearMarks, () => this.marks.clearMarks(this.workbook()));
  }

  selectCellSync(sheet: string, address: string): void {
    const cell = selectionAddress(address);
    this.guard("selectCell", DOING.select, () => {
      const ws = findSheet(this.workbook(), sheet);
      if (!ws) throw userError("sheet-missing", { sheets: quoted([sheet]) });
      call(ws, "Activate");
      call(call(ws, "Range", cell), "Select");
    });
  }
}

const TWINS = ["readSheets", "applyPlan", "canUndo", "undo", "selectCell", "applyMarks", "readMarks", "clearMarks"] as const;

/** The WPS 表格 host: the `…Sync` methods for the ribbon, and SpreadsheetHost + MarkingHost for the pane. */
export const WpsSpreadsheetHost = withAsyncTwins(WpsSheetDriver, TWINS);
export type WpsSpreadsheetHost = InstanceType<typeof WpsSpreadsheetHost>;

/** The compiler's check that the twins make a whole SpreadsheetHost and MarkingHost. */
export function paneHost(host: WpsSpreadsheetHost): SpreadsheetHost & MarkingHost {
  return host;
}
