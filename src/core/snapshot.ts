/**
 * A sheet as the engine sees it: a plain, host-independent copy of what one sheet holds.
 * Hosts (Excel via Office.js, WPS, the .xlsx reader) build it; the engine never talks to a host.
 *
 * Two shapes, one meaning:
 * - sparse (`cells`): only the cells that hold something — what the file reader and hosts that read content
 *   areas produce. Its cost follows the cells, never the used range's area (a value at XFD1048576 costs one cell).
 * - dense (`origin` + `values`): a rectangle, as Office.js returns a range. Convenient for small areas and tests.
 * The Grid below reads either the same way and never allocates rows × columns.
 */

import { MergeIndex, type MergedArea } from "./mergeIndex";

/** A cell's value as a spreadsheet holds it. Empty cells are null. An error value (#DIV/0!) is its text. */
export type CellValue = string | number | boolean | null;

export type { MergedArea };

/** One cell of a sparse snapshot. */
export interface SnapshotCell {
  /** 1-based row and column on the sheet. */
  row: number;
  col: number;
  /** The value, or a formula's last computed result (null when none is cached). */
  value: CellValue;
  /** Formula with a leading "=", or omitted/null for a constant. */
  formula?: string | null;
  /** Number format ("0.00%", "General"), or omitted. */
  numberFormat?: string | null;
}

interface SnapshotBase {
  /** Worksheet name. */
  name: string;
  /**
   * Merged areas, or null when the host could not tell (older Excel, files whose merges were lost).
   * The engine never depends on them: a blank cell below a label continues it.
   */
  merges: MergedArea[] | null;
}

export interface SparseSheetSnapshot extends SnapshotBase {
  /** Cells that hold a value or a formula (a formatted empty cell need not be listed), in any order. */
  cells: SnapshotCell[];
}

export interface DenseSheetSnapshot extends SnapshotBase {
  /** 1-based row and column of values[0][0] on the sheet (the used range need not start at A1). */
  origin: { row: number; col: number };
  /** Values, row-major; null for an empty cell. A formula cell holds its last computed result. */
  values: CellValue[][];
  /** Formulas parallel to values ("=E6/D6"), or null where the cell holds a constant. May be omitted entirely. */
  formulas?: (string | null)[][];
  /** Number formats parallel to values ("0.00%", "General"), or omitted. */
  numberFormats?: (string | null)[][];
}

export type SheetSnapshot = SparseSheetSnapshot | DenseSheetSnapshot;

export function isSparse(s: SheetSnapshot): s is SparseSheetSnapshot {
  return (s as SparseSheetSnapshot).cells !== undefined;
}

/** Excel has 16,384 columns: a cell key is row × 2^15 + column (room for column 16,384 without wrapping). */
const COLS = 32768;

/** The error values a spreadsheet shows in a cell. */
const ERROR_VALUE = /^#(?:DIV\/0!|REF!|VALUE!|NAME\?|N\/A|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|UNKNOWN!|CONNECT!|BUSY!|GETTING_DATA)$/;

/** True when a value is a spreadsheet error (#DIV/0!, #REF!, …). */
export function isErrorValue(v: CellValue): v is string {
  return typeof v === "string" && v.length <= 14 && v.charCodeAt(0) === 35 /* # */ && ERROR_VALUE.test(v);
}

function blankValue(v: CellValue): boolean {
  return v === null || v === "";
}

/** Every cell of a snapshot that holds a value or a formula, as sparse cells (a sparse snapshot's own list). */
export function snapshotCells(s: SheetSnapshot): SnapshotCell[] {
  if (isSparse(s)) return s.cells;
  const out: SnapshotCell[] = [];
  const { values, formulas, numberFormats, origin } = s;
  for (let i = 0; i < values.length; i++) {
    const row = values[i];
    const frow = formulas?.[i];
    const nrow = numberFormats?.[i];
    const width = Math.max(row.length, frow?.length ?? 0);
    for (let j = 0; j < width; j++) {
      const v = row[j] ?? null;
      const f = frow?.[j] ?? null;
      if (blankValue(v) && !f) continue;
      out.push({ row: origin.row + i, col: origin.col + j, value: v, formula: f, numberFormat: nrow?.[j] ?? null });
    }
  }
  return out;
}

/** Read access to a snapshot by sheet coordinates (1-based), returning null where nothing is held. */
export class Grid {
  readonly name: string;
  /** The rectangle around the cells that hold something (top > bottom when the sheet is empty). */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /** Cells by key (row × 2^14 + column), and the keys in row-major order. */
  private readonly byKey = new Map<number, SnapshotCell>();
  private readonly keys: number[];
  /** Number formats of dense cells that hold nothing else (a % format on an empty rate cell). */
  private readonly formatOnly = new Map<number, string>();
  /** Merged areas, found by cell. */
  private readonly mergeOf: MergeIndex;

  constructor(readonly snapshot: SheetSnapshot) {
    this.name = snapshot.name;
    const keys: number[] = [];
    let sorted = true;
    let last = -1;
    for (const c of snapshotCells(snapshot)) {
      const key = c.row * COLS + c.col;
      if (this.byKey.has(key)) continue;
      this.byKey.set(key, c);
      keys.push(key);
      if (key < last) sorted = false;
      last = key;
    }
    if (!sorted) keys.sort((a, b) => a - b);
    this.keys = keys;
    if (!isSparse(snapshot) && snapshot.numberFormats) {
      const { numberFormats, origin } = snapshot;
      for (let i = 0; i < numberFormats.length; i++) {
        const nrow = numberFormats[i];
        for (let j = 0; j < nrow.length; j++) {
          const nf = nrow[j];
          if (nf && nf !== "General") {
            const key = (origin.row + i) * COLS + origin.col + j;
            if (!this.byKey.has(key)) this.formatOnly.set(key, nf);
          }
        }
      }
    }
    // merges as ranges (a hostile file may merge a whole column, or a million cells 17 times over)
    this.mergeOf = new MergeIndex(snapshot.merges ?? []);
    if (keys.length === 0) {
      this.top = this.left = 1;
      this.bottom = this.right = 0;
    } else {
      let left = Infinity,
        right = 0;
      for (const k of keys) {
        const col = k % COLS;
        if (col < left) left = col;
        if (col > right) right = col;
      }
      this.top = Math.floor(keys[0] / COLS);
      this.bottom = Math.floor(keys[keys.length - 1] / COLS);
      this.left = left;
      this.right = right;
    }
  }

  /** Every cell that holds something, row by row, left to right. */
  *cells(): IterableIterator<SnapshotCell> {
    yield* this.cellList();
  }

  private ordered: SnapshotCell[] | undefined;

  /** The cells of cells(), as one array made once (recognition walks it for every band of columns). */
  cellList(): readonly SnapshotCell[] {
    if (!this.ordered) {
      const out = new Array<SnapshotCell>(this.keys.length);
      for (let i = 0; i < this.keys.length; i++) out[i] = this.byKey.get(this.keys[i])!;
      this.ordered = out;
    }
    return this.ordered;
  }

  /** The snapshot's cell at (row, col), if it lists one (its value, formula and number format in one lookup). */
  cell(row: number, col: number): SnapshotCell | undefined {
    return this.byKey.get(row * COLS + col);
  }

  value(row: number, col: number): CellValue {
    const c = this.byKey.get(row * COLS + col);
    return c ? c.value : null;
  }

  formula(row: number, col: number): string | null {
    return this.byKey.get(row * COLS + col)?.formula ?? null;
  }

  numberFormat(row: number, col: number): string | null {
    const key = row * COLS + col;
    return this.byKey.get(key)?.numberFormat ?? this.formatOnly.get(key) ?? null;
  }

  /** True when the cell holds an error value (#DIV/0!, #REF!, …). */
  isError(row: number, col: number): boolean {
    return isErrorValue(this.value(row, col));
  }

  /** The merged area containing the cell, if the host reported one. */
  merge(row: number, col: number): MergedArea | undefined {
    return this.mergeOf.at(row, col);
  }

  /** True when the cell is covered by a merge but is not its top-left cell. */
  isMergeContinuation(row: number, col: number): boolean {
    const m = this.merge(row, col);
    return !!m && (m.top !== row || m.left !== col);
  }

  /** The value shown at the cell: the merge's top-left value for a covered cell. */
  displayed(row: number, col: number): CellValue {
    const m = this.merge(row, col);
    return m ? this.value(m.top, m.left) : this.value(row, col);
  }
}
