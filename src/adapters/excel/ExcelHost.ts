/**
 * ExcelHost: the task pane's view of the open Excel workbook, through Office.js (`Excel.run`, `context.sync`).
 *
 * Thin and injectable: `run` has the shape of Excel.run and `isSetSupported` that of
 * Office.context.requirements.isSetSupported, so tests pass the strict fake (test/fakes/fakeExcel.ts). What Excel
 * and WPS share — cell input, checks, write steps, the undo record and the mark ledger — is the kernel in ../sheet.
 *
 * Round trips (each `context.sync()` is one; `lastStats.syncs` reports them):
 * - readSheets: 1 (active sheet + its used range) or 2 (sheet list, then used ranges), then the data — 1 sync while
 *   the estimated response fits 4 MB (see readPlan.ts), so 2 or 3 in all;
 * - applyPlan: 4 — sheets + protection, what the target cells hold, store the undo record, write everything;
 *   (+1 only when the write fails: put the cells back and drop the record);
 * - undo: 4 — find records, read them, sheets + protection, restore every cell and drop the records;
 * - canUndo, selectCell: 1;
 * - applyMarks 5, clearMarks 6, readMarks 3, undo of a mark or a clear 6 (see marks.ts).
 * The undo record lives in the workbook (custom XML part, ExcelApi 1.5), so it survives closing the pane, saving
 * and reopening; where ExcelApi 1.5 is missing it is kept in memory (undo then lasts while the pane is open).
 */
import type { SheetSnapshot } from "../../core/snapshot";
import type { FillPlan } from "../../core/plan";
import type { CellMark, MarkPlan } from "../../core/marks";
import type { MarkingHost, Progress, ReadScope, SpreadsheetHost } from "../../host/host";
import { DOING, restated, userError, type Pair } from "../../core/messages";
import { officeError } from "./errors";
import {
  UNDO_NAMESPACE,
  changeSteps,
  formatsBefore,
  newRecord,
  newestRecord,
  refuseSheets,
  restoreSteps,
  selectionAddress,
  targetsOf,
  toCellValue,
  toFormat,
  toFormula,
  undoRecordFromXml,
  undoRecordToXml,
  uniqueSheets,
  validateMarks,
  validatePlan,
  type LedgerEntry,
  type UndoRecord,
  type WriteStep,
} from "../sheet";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "./readPlan";
import { readWorkbook } from "./read";
import { ExcelMarks } from "./marks";
import { missingSheets, protectedSheets, queueSheets } from "./sheets";

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

/** Queues one write step on a one-cell range. */
function queueStep(r: Excel.Range, step: WriteStep): void {
  if (step.set === "format") r.numberFormat = [[step.format]];
  else r.formulas = [[step.set === "clear" ? "" : step.input]];
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
  /** The undo record and the mark ledger, kept here only when the workbook cannot hold custom XML parts (ExcelApi < 1.5). */
  private readonly memory: { record: UndoRecord | null; ledger: LedgerEntry[] } = { record: null, ledger: [] };
  private readonly marks: ExcelMarks;

  constructor(run: ExcelRun = defaultRun, isSetSupported: IsSetSupported = defaultIsSetSupported, options: ExcelHostOptions = {}) {
    this.run = run;
    this.isSetSupported = isSetSupported;
    this.limits = { ...DEFAULT_READ_LIMITS, ...(options.limits ?? {}) };
    this.now = options.now ?? (() => new Date());
    this.fallbackName = options.displayName ?? "当前工作簿 / Current workbook";
    this.marks = new ExcelMarks({
      supports: (v) => this.supports(v),
      now: this.now,
      memory: this.memory,
      partialWriteError: (e) => this.partialWriteError(e),
    });
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

  private partialWriteError(cause: unknown): Error {
    return restated(officeError(cause, DOING.apply), "partial-write-excel");
  }

  async readSheets(scope: ReadScope, onProgress?: Progress): Promise<SheetSnapshot[]> {
    const env = { supports: (v: string) => this.supports(v), limits: this.limits, onName: (n: string | null) => (this.workbookName = n) };
    return this.batch("readSheets", DOING.read, (context, stats) => readWorkbook(context, stats, env, scope, onProgress));
  }

  // ---------------------------------------------------------------------------------------------- writing

  async applyPlan(plan: FillPlan): Promise<void> {
    const changes = validatePlan(plan);
    if (changes.length === 0) return;
    const useXml = this.supports("1.5");
    const sheetNames = uniqueSheets(changes.map((c) => c.sheet));
    const targets = targetsOf(changes);

    await this.batch("applyPlan", DOING.apply, async (context) => {
      const wb = context.workbook;
      // 1. The sheets exist and none is protected (and which undo records exist now).
      const sheets = queueSheets(wb, sheetNames);
      const oldParts = useXml ? wb.customXmlParts.getByNamespace(UNDO_NAMESPACE) : null;
      oldParts?.load("items/id");
      await context.sync();
      refuseSheets("write", missingSheets(sheets, sheetNames));
      refuseSheets("write", [], protectedSheets(sheets, sheetNames));
      const sheetOf = (name: string) => sheets.get(name.toLowerCase()) as Excel.Worksheet;

      // 2. What every target cell holds now.
      const before = targets.map((t) => {
        const r = sheetOf(t.sheet).getRange(t.cell);
        r.load("values,formulas,numberFormat");
        return { t, r };
      });
      await context.sync();
      const record = newRecord(this.now, {
        cells: before.map(({ t, r }) => {
          const v = r.values[0]?.[0];
          const cell = { sheet: sheetOf(t.sheet).name, cell: t.cell };
          return {
            ...cell,
            formula: toFormula(r.formulas[0]?.[0], v),
            value: toCellValue(v),
            numberFormat: toFormat(r.numberFormat[0]?.[0]),
          };
        }),
      });

      // 3. Store the record in the workbook BEFORE any write.
      let newPart: Excel.CustomXmlPart | null = null;
      if (useXml) {
        newPart = wb.customXmlParts.add(undoRecordToXml(record));
        await context.sync();
      }

      // 4. All the writes in one sync; older records are dropped last (kept if a write fails).
      const formats = formatsBefore(record.cells);
      for (const c of changes) for (const step of changeSteps(c, formats)) queueStep(sheetOf(c.sheet).getRange(c.cell), step);
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
      if (!useXml) this.memory.record = record;
    });
  }

  /** Queues writes that put every recorded cell back (Excel cannot tell an error value from its text: typed as text). */
  private queueRestore(record: UndoRecord, sheetOf: (name: string) => Excel.Worksheet): void {
    for (const u of record.cells) for (const step of restoreSteps(u, false)) queueStep(sheetOf(u.sheet).getRange(u.cell), step);
  }

  // ---------------------------------------------------------------------------------------------- undo

  async canUndo(): Promise<boolean> {
    if (!this.supports("1.5")) return this.memory.record !== null;
    return this.batch("canUndo", DOING.check, async (context) => {
      const n = context.workbook.customXmlParts.getByNamespace(UNDO_NAMESPACE).getCount();
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- getCount() returns a ClientResult: nothing to load
      return n.value > 0;
    });
  }

  async undo(): Promise<void> {
    const useXml = this.supports("1.5");
    await this.batch("undo", DOING.undo, async (context) => {
      const wb = context.workbook;
      let record: UndoRecord | null = this.memory.record;
      let parts: Excel.CustomXmlPart[] = [];
      if (useXml) {
        const scoped = wb.customXmlParts.getByNamespace(UNDO_NAMESPACE);
        scoped.load("items/id");
        await context.sync();
        parts = scoped.items;
        if (parts.length === 0) throw userError("no-undo");
        const xmls = parts.map((p) => p.getXml());
        await context.sync();
        record = newestRecord(xmls.map((x) => undoRecordFromXml(x.value)).filter((r): r is UndoRecord => r !== null));
        if (!record) throw userError("undo-damaged");
      }
      if (!record) throw userError("no-undo");
      if (record.marks) {
        await this.marks.restoreMarks(context, record);
        this.memory.record = null;
        return;
      }

      const names = uniqueSheets(record.cells.map((c) => c.sheet));
      const sheets = queueSheets(wb, names);
      await context.sync();
      refuseSheets("undo", missingSheets(sheets, names));
      refuseSheets("undo", [], protectedSheets(sheets, names));
      this.queueRestore(record, (n) => sheets.get(n.toLowerCase()) as Excel.Worksheet);
      for (const p of parts) p.delete();
      await context.sync();
      this.memory.record = null;
    });
  }

  // ---------------------------------------------------------------------------------------------- marks

  async applyMarks(plan: MarkPlan): Promise<void> {
    const marks = validateMarks(plan);
    if (marks.length === 0) return;
    this.marks.noteApi();
    await this.batch("applyMarks", DOING.mark, (context) => this.marks.applyMarks(context, marks));
  }

  async readMarks(): Promise<CellMark[]> {
    this.marks.noteApi();
    return this.batch("readMarks", DOING.readMarks, (context) => this.marks.readMarks(context));
  }

  async clearMarks(): Promise<number> {
    this.marks.noteApi();
    return this.batch("clearMarks", DOING.clearMarks, (context) => this.marks.clearMarks(context));
  }

  // ---------------------------------------------------------------------------------------------- selection

  async selectCell(sheet: string, address: string): Promise<void> {
    const cell = selectionAddress(address);
    await this.batch("selectCell", DOING.select, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }
}
