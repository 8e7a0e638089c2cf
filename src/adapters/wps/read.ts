/**
 * Reading a WPS 表格 (ET) sheet through the synchronous object model; the cost follows the content, not the used range:
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
 */
import type { MergedArea, SheetSnapshot, SnapshotCell } from "../../core/snapshot";
import { isErrorValue } from "../../core/snapshot";
import { rangeA1 } from "../../core/address";
import { userError } from "../../core/messages";
import {
  LARGE_USED_RANGE,
  MAX_CONTENT_AREAS,
  cellsIn,
  clipRect,
  clusterAreas,
  toCellValue,
  toFormat,
  toFormula,
  type Rect,
} from "../sheet";
import { E_APP_DEFINED, call, count, get, getObject, has, hresult, type ComObject } from "./com";

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

/** The counts a read adds to (WpsStats). */
export interface ReadStats {
  /** Value2 / Formula block reads. */
  blockReads: number;
  /** Cells those reads returned. */
  cellsRead: number;
  /** NumberFormat and MergeCells probes. */
  probes: number;
  /** Sheets read through SpecialCells areas, and sheets of which only the top-left was read. */
  viaAreas: number;
  clipped: string[];
}

/** Excel/ET error codes as Value2 reports them (0x800A0000 + xlErr) → their text. */
export const ERROR_TEXT = new Map<number, string>([
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

export function readSheet(ws: ComObject, stats: ReadStats, limits: WpsReadLimits): SheetSnapshot {
  const name = String(get(ws, "Name"));
  if (!has(ws, "UsedRange")) return { name, cells: [], merges: [] }; // a chart sheet
  const used = rectOf(getObject(ws, "UsedRange"));
  let rects: Rect[];
  if (cellsIn(used) <= limits.largeUsedRange) rects = [used];
  else {
    const areas = contentAreas(ws, used, stats, limits);
    if (areas) {
      stats.viaAreas++;
      rects = areas;
    } else {
      stats.clipped.push(name);
      rects = [clipRect(used, limits.largeUsedRange)];
    }
  }
  const cells: SnapshotCell[] = [];
  const merges = new Map<string, MergedArea>();
  for (const r of rects) {
    const found = readRect(ws, r, stats, limits);
    for (const c of found) cells.push(c);
    if (found.length > 0) mergesIn(ws, r, merges, stats);
  }
  return { name, cells, merges: [...merges.values()].sort((a, b) => a.top - b.top || a.left - b.left) };
}

/** The rectangles around the cells that hold constants or formulas; null where the build cannot list them. */
function contentAreas(ws: ComObject, used: Rect, stats: ReadStats, limits: WpsReadLimits): Rect[] | null {
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
    if (rects.length + n > limits.maxContentAreas) return null;
    for (let i = 1; i <= n; i++) rects.push(rectOf(call<ComObject>(areas, "Item", i)));
  }
  return clusterAreas(rects);
}

/** The cells of a rectangle that hold a value or a formula, in row blocks. */
function readRect(ws: ComObject, r: Rect, stats: ReadStats, limits: WpsReadLimits): SnapshotCell[] {
  const cols = r.right - r.left + 1;
  const rowsPerBlock = Math.max(1, Math.floor(limits.blockCells / cols));
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
        const value = toCellValue(raw);
        const formula = toFormula(fr[j], raw);
        if (value === null && formula === null) continue;
        block.push({ row: top + i, col: r.left + j, value, formula, numberFormat: null });
      }
    }
    confirmErrors(ws, block);
    formatsOf(ws, block, stats);
    for (const c of block) out.push(c);
  }
  return out;
}

/** A number that is an error's COM code is an error value only when the cell shows that error. */
function confirmErrors(ws: ComObject, cells: SnapshotCell[]): void {
  for (const c of cells) {
    if (typeof c.value !== "number") continue;
    const text = ERROR_TEXT.get(c.value);
    if (!text) continue;
    const shown = get<unknown>(call(ws, "Range", rangeA1(c.row, c.col, c.row, c.col)), "Text");
    if (typeof shown === "string" && (shown === text || isErrorValue(shown.trim()))) c.value = text;
  }
}

/** Number formats of the given cells: one read per part of the sheet whose cells share a format. */
function formatsOf(ws: ComObject, cells: SnapshotCell[], stats: ReadStats): void {
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
function mergesIn(ws: ComObject, r: Rect, found: Map<string, MergedArea>, stats: ReadStats): void {
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
