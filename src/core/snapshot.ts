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

/** A cell's key: row × 2^15 + column. */
function keyOf(c: SnapshotCell): number {
  return c.row * COLS + c.col;
}

/** The cells sorted by key, each key once (the first listed of a cell listed twice). */
function inKeyOrder(cells: readonly SnapshotCell[]): SnapshotCell[] {
  const order = cells.map((c, i) => ({ c, k: keyOf(c), i }));
  order.sort((a, b) => a.k - b.k || a.i - b.i);
  const out: SnapshotCell[] = [];
  for (let i = 0; i < order.length; i++) if (i === 0 || order[i].k !== order[i - 1].k) out.push(order[i].c);
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
  /**
   * The cells in sheet order (by key, row × 2^15 + column), each key once: the snapshot's own list when it is already
   * so (what the file reader makes), else a sorted copy in which the first of a cell listed twice is kept. Looked up
   * by binary search: no map of the cells is built.
   */
  private readonly list: readonly SnapshotCell[];
  /** Number formats of dense cells that hold nothing else (a % format on an empty rate cell). */
  private readonly formatOnly = new Map<number, string>();
  /** Merged areas, found by cell. */
  private readonly mergeOf: MergeIndex;

  constructor(readonly snapshot: SheetSnapshot) {
    this.name = snapshot.name;
    const all = snapshotCells(snapshot);
    let ordered = true;
    for (let i = 1; i < all.length && ordered; i++) ordered = keyOf(all[i - 1]) < keyOf(all[i]);
    const list = ordered ? all : inKeyOrder(all);
    this.list = list;
    if (!isSparse(snapshot) && snapshot.numberFormats) {
      const { numberFormats, origin } = snapshot;
      for (let i = 0; i < numberFormats.length; i++) {
        const nrow = numberFormats[i];
        for (let j = 0; j < nrow.length; j++) {
          const nf = nrow[j];
          if (nf && nf !== "General") {
            const key = (origin.row + i) * COLS + origin.col + j;
            if (!this.at(key)) this.formatOnly.set(key, nf);
          }
        }
      }
    }
    // merges as ranges (a hostile file may merge a whole column, or a million cells 17 times over)
    this.mergeOf = new MergeIndex(snapshot.merges ?? []);
    if (list.length === 0) {
      this.top = this.left = 1;
      this.bottom = this.right = 0;
    } else {
      let left = Infinity,
        right = 0;
      for (let i = 0; i < list.length; i++) {
        const col = keyOf(list[i]) % COLS;
        if (col < left) left = col;
        if (col > right) right = col;
      }
      this.top = Math.floor(keyOf(list[0]) / COLS);
      this.bottom = Math.floor(keyOf(list[list.length - 1]) / COLS);
      this.left = left;
      this.right = right;
    }
  }

  /** The cell with this key, if the snapshot holds one. */
  private at(key: number): SnapshotCell | undefined {
    const list = this.list;
    let lo = 0,
      hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = list[mid];
      const k = keyOf(c);
      if (k < key) lo = mid + 1;
      else if (k > key) hi = mid;
      else return c;
    }
    return undefined;
  }

  /** Every cell that holds something, row by row, left to right. */
  *cells(): IterableIterator<SnapshotCell> {
    yield* this.cellList();
  }

  /** The cells of cells(), as one array (recognition walks it for every band of columns). */
  cellList(): readonly SnapshotCell[] {
    return this.list;
  }

  /** The snapshot's cell at (row, col), if it lists one (its value, formula and number format in one lookup). */
  cell(row: number, col: number): SnapshotCell | undefined {
    return this.at(row * COLS + col);
  }

  value(row: number, col: number): CellValue {
    const c = this.at(row * COLS + col);
    return c ? c.value : null;
  }

  formula(row: number, col: number): string | null {
    return this.at(row * COLS + col)?.formula ?? null;
  }

  numberFormat(row: number, col: number): string | null {
    const key = row * COLS + col;
    return this.at(key)?.numberFormat ?? this.formatOnly.get(key) ?? null;
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
