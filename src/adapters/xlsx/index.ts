/**
 * .xlsx files through ExcelJS: load (with clear messages for bad input), snapshot every sheet for the engine,
 * write a fill plan, take it back, and save. Works in Node and in the browser (no fs/path here: see ./node.ts).
 *
 * ExcelJS quirks handled here:
 * - cells with the same style share one style object: setting `cell.numFmt` changes every such cell, so a number
 *   format is written by giving the cell its own copy of the style;
 * - writing into a cell covered by a merge writes the merge's top-left cell: such a change is refused;
 * - replacing the master of a shared formula breaks its clones on save: the clones get their own formula first;
 * - a formula is written without a cached result, and the workbook is marked for a full recalculation on load,
 *   so Excel, WPS and LibreOffice all compute it.
 */
import ExcelJS from "exceljs";
import type { SheetSnapshot, CellValue } from "../../core/snapshot";
import type { CellChange, FillPlan } from "../../core/plan";
import { UserError } from "../../core/errors";
import { parseA1 } from "../../core/address";
import { worksheetSnapshot } from "./snapshot";
import { sniff, toBytes } from "./sniff";
import { corruptError, sniffError } from "./messages";

export { sniff } from "./sniff";
export type { SniffResult } from "./sniff";

export interface XlsxBook {
  /** The ExcelJS workbook (for callers that need more than the engine does). */
  readonly workbook: ExcelJS.Workbook;
  /** Worksheet names, in workbook order. */
  sheetNames(): string[];
  /** Every worksheet as the engine sees it. */
  snapshots(): SheetSnapshot[];
  /** Writes every change of the plan, all or nothing. Throws UserError (nothing written) when a change cannot be made. */
  apply(plan: FillPlan): void;
  /** Puts back what the changes replaced (their `before`; exactly the original cell where this book applied them). */
  restore(changes: CellChange[]): void;
  /** The workbook as .xlsx bytes. */
  toBuffer(): Promise<Uint8Array>;
}

/** Reads .xlsx bytes. Throws UserError (zh + en) for an empty, truncated, encrypted, old-format or non-xlsx file. */
export async function loadXlsx(data: ArrayBuffer | Uint8Array): Promise<XlsxBook> {
  const bytes = toBytes(data);
  const bad = sniffError(sniff(bytes));
  if (bad) throw bad;
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings ask for a Node Buffer; JSZip underneath takes any Uint8Array (and ArrayBuffer) in Node and browsers.
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw corruptError(e instanceof Error ? e.message : String(e));
  }
  return new ExcelJsBook(wb);
}

/** Wraps a workbook already in memory (built with ExcelJS, e.g. by a test or the bench). */
export function wrapWorkbook(wb: ExcelJS.Workbook): XlsxBook {
  return new ExcelJsBook(wb);
}

interface Original {
  value: ExcelJS.CellValue;
  style: Partial<ExcelJS.Style>;
}

type Target = { ws: ExcelJS.Worksheet; cell: ExcelJS.Cell; key: string };

class ExcelJsBook implements XlsxBook {
  /** What cells held before this book first wrote them, for an exact restore. */
  private readonly originals = new Map<string, Original>();

  constructor(readonly workbook: ExcelJS.Workbook) {}

  sheetNames(): string[] {
    return this.workbook.worksheets.map((ws) => ws.name);
  }

  snapshots(): SheetSnapshot[] {
    return this.workbook.worksheets.map((ws) => worksheetSnapshot(ws));
  }

  apply(plan: FillPlan): void {
    const targets = plan.changes.map((c) => this.target(c, true));
    this.transaction(targets, () => {
      plan.changes.forEach((c, i) => {
        const t = targets[i];
        this.remember(t);
        writeContent(t.ws, t.cell, {
          formula: c.after.formula ?? null,
          value: c.after.value === undefined ? null : c.after.value,
          numberFormat: c.after.numberFormat,
          result: undefined,
        });
      });
      this.workbook.calcProperties = { ...(this.workbook.calcProperties ?? {}), fullCalcOnLoad: true };
    });
  }

  restore(changes: CellChange[]): void {
    const targets = changes.map((c) => this.target(c, false));
    this.transaction(targets, () => {
      // Last change first, so a cell changed twice ends as it was before the first change.
      for (let i = changes.length - 1; i >= 0; i--) {
        const c = changes[i];
        const t = targets[i];
        const original = this.originals.get(t.key);
        if (original) {
          unshareClones(t.ws, t.cell);
          t.cell.value = original.value;
          t.cell.style = original.style;
        } else {
          writeContent(t.ws, t.cell, {
            formula: c.before.formula,
            value: c.before.value,
            numberFormat: c.before.numberFormat,
            result: c.before.value,
          });
        }
      }
      for (const t of targets) this.originals.delete(t.key);
    });
  }

  async toBuffer(): Promise<Uint8Array> {
    const out = (await this.workbook.xlsx.writeBuffer()) as unknown as ArrayBuffer | Uint8Array;
    return out instanceof Uint8Array ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength) : new Uint8Array(out);
  }

  /** Finds and checks the cell a change writes; throws UserError before anything is written. */
  private target(c: CellChange, forWrite: boolean): Target {
    const ws = this.workbook.getWorksheet(c.sheet);
    if (!ws) {
      throw new UserError(`找不到工作表“${c.sheet}”，未做任何修改。`, `Worksheet "${c.sheet}" was not found; nothing was changed.`, "plan");
    }
    let pos: { row: number; col: number };
    try {
      pos = parseA1(c.cell);
    } catch {
      throw new UserError(`单元格地址“${c.cell}”无效，未做任何修改。`, `Cell address "${c.cell}" is not valid; nothing was changed.`, "plan");
    }
    const cell = ws.getCell(pos.row, pos.col);
    if (cell.isMerged && cell.master.address !== cell.address) {
      throw new UserError(
        `单元格 ${c.sheet}!${c.cell} 位于合并单元格 ${cell.master.address} 之内，不能单独写入，未做任何修改。`,
        `Cell ${c.sheet}!${c.cell} lies inside the merged cell ${cell.master.address} and cannot be written on its own; nothing was changed.`,
        "plan",
      );
    }
    if (forWrite && isProtected(ws) && cell.protection?.locked !== false) {
      throw new UserError(
        `工作表“${c.sheet}”受保护，单元格 ${c.cell} 已锁定，不能写入。请先撤销工作表保护（审阅 → 撤销工作表保护）再填充。未做任何修改。`,
        `Worksheet "${c.sheet}" is protected and cell ${c.cell} is locked. Unprotect the sheet (Review → Unprotect Sheet) and fill again; nothing was changed.`,
        "protected",
      );
    }
    return { ws, cell, key: `${ws.name}!${cell.address}` };
  }

  private remember(t: Target): void {
    if (this.originals.has(t.key)) return;
    this.originals.set(t.key, { value: cloneValue(t.cell.value), style: t.cell.style });
  }

  /** Runs the writes; if one throws, puts every touched cell back as it was and rethrows. */
  private transaction(targets: Target[], body: () => void): void {
    const saved = new Map<string, { t: Target; value: ExcelJS.CellValue; style: Partial<ExcelJS.Style> }>();
    for (const t of targets) {
      if (!saved.has(t.key)) saved.set(t.key, { t, value: cloneValue(t.cell.value), style: t.cell.style });
    }
    const originalsBefore = new Map(this.originals);
    const calcBefore = this.workbook.calcProperties;
    try {
      body();
    } catch (e) {
      for (const { t, value, style } of saved.values()) {
        t.cell.value = value;
        t.cell.style = style;
      }
      this.originals.clear();
      for (const [k, v] of originalsBefore) this.originals.set(k, v);
      this.workbook.calcProperties = calcBefore;
      throw e;
    }
  }
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  const p = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  return !!p && p.sheet === true;
}

function cloneValue(v: ExcelJS.CellValue): ExcelJS.CellValue {
  if (v === null || v === undefined || typeof v !== "object" || v instanceof Date) return v;
  return JSON.parse(JSON.stringify(v)) as ExcelJS.CellValue;
}

/**
 * Before a shared formula's master is overwritten, give each clone its own formula
 * (ExcelJS refuses to save clones whose master no longer holds the formula).
 */
function unshareClones(ws: ExcelJS.Worksheet, master: ExcelJS.Cell): void {
  const v = master.value as unknown as { shareType?: string; ref?: string } | null;
  if (!v || typeof v !== "object" || v.shareType !== "shared") return;
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const cv = cell.value as unknown as { sharedFormula?: string; result?: unknown } | null;
      if (cv && typeof cv === "object" && cv.sharedFormula === master.address) {
        const formula = cell.formula;
        const result = cv.result as ExcelJS.CellValue | undefined;
        cell.value = (result === undefined ? { formula } : { formula, result }) as ExcelJS.CellValue;
      }
    });
  });
}

function writeContent(
  ws: ExcelJS.Worksheet,
  cell: ExcelJS.Cell,
  content: { formula: string | null; value: CellValue; numberFormat: string | null | undefined; result: CellValue | undefined },
): void {
  unshareClones(ws, cell);
  if (content.formula) {
    const formula = content.formula.replace(/^=/, "");
    const r = content.result;
    cell.value = (r === undefined || r === null ? { formula } : { formula, result: r }) as ExcelJS.CellValue;
  } else {
    cell.value = content.value;
  }
  if (content.numberFormat !== undefined) {
    // A copy of the style, so cells sharing the style object keep theirs.
    const style: Partial<ExcelJS.Style> = { ...cell.style };
    if (content.numberFormat === null) delete style.numFmt;
    else style.numFmt = content.numberFormat;
    cell.style = style;
  }
}
