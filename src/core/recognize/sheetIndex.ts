/** One pass over a sheet (or a band of its columns): every non-empty cell with its header key, by row. */
import type { CellValue, Grid } from "../snapshot";
import { headerKey, isBlank, tidyCellText } from "../text";
import { headerFlags } from "./headers";

export interface IndexedCell {
  row: number;
  col: number;
  /** Header key (src/core/text.ts headerKey). */
  key: string;
  /** The raw value. */
  readonly raw: CellValue;
  /** The cell's text, tidied. */
  readonly text: string;
  /** headerFlags of the key for a text cell, 0 for any other (recognize/headers.ts), where the cell keeps them. */
  readonly flags?: number;
}

/** Keeps the raw value; the tidied text is made when first asked for (most cells never are). */
class Cell implements IndexedCell {
  private tidied: string | undefined;
  private flagBits: number | undefined;
  constructor(
    readonly row: number,
    readonly col: number,
    readonly key: string,
    readonly raw: CellValue,
  ) {}
  get text(): string {
    return (this.tidied ??= tidyCellText(this.raw));
  }
  get flags(): number {
    return (this.flagBits ??= typeof this.raw === "string" ? headerFlags(this.key) : 0);
  }
}

const NO_CELLS: IndexedCell[] = [];

/** Columns of the sheet a table may use: the whole sheet, or one of several tables standing side by side. */
export interface ColumnWindow {
  left: number;
  right: number;
}

export class SheetIndex {
  readonly rows = new Map<number, IndexedCell[]>();
  readonly cells: IndexedCell[] = [];
  /** Rows that hold a cell, ascending. */
  readonly rowNumbers: number[] = [];

  constructor(
    readonly grid: Grid,
    readonly window: ColumnWindow = { left: 1, right: 16384 },
  ) {
    const all = grid.cellList();
    for (let i = 0; i < all.length; i++) {
      const c = all[i];
      if (c.col < window.left || c.col > window.right) continue;
      // a formula whose result is not cached yet (a file written by a library) still holds something
      if (isBlank(c.value) && !c.formula) continue;
      if (grid.isMergeContinuation(c.row, c.col)) continue;
      const cell = new Cell(c.row, c.col, headerKey(c.value), c.value);
      this.cells.push(cell);
      let list = this.rows.get(c.row);
      if (!list) {
        this.rows.set(c.row, (list = []));
        this.rowNumbers.push(c.row);
      }
      list.push(cell);
    }
  }

  /** The same sheet seen through a narrower band of columns. */
  narrow(window: ColumnWindow): SheetIndex {
    return new SheetIndex(this.grid, window);
  }

  row(r: number): IndexedCell[] {
    return this.rows.get(r) ?? NO_CELLS;
  }

  /** Rows in [from, to] that hold a cell, ascending (a far stray value costs nothing to skip). */
  rowsIn(from: number, to: number): number[] {
    const rs = this.rowNumbers;
    const out: number[] = [];
    for (let i = this.firstRowAt(from); i < rs.length && rs[i] <= to; i++) out.push(rs[i]);
    return out;
  }

  /** The position in rowNumbers of the first row at or below `from`. */
  private firstRowAt(from: number): number {
    const rs = this.rowNumbers;
    let lo = 0,
      hi = rs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rs[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first cell in rows [from, to] whose key matches, scanning row by row, left to right. */
  find(match: (key: string) => boolean, from: number, to: number): IndexedCell | null {
    const rs = this.rowNumbers;
    for (let i = this.firstRowAt(from); i < rs.length && rs[i] <= to; i++) {
      for (const c of this.rows.get(rs[i])!) if (match(c.key)) return c;
    }
    return null;
  }

  findInRow(r: number, match: (key: string) => boolean, minCol = 0): IndexedCell | null {
    for (const c of this.row(r)) if (c.col >= minCol && match(c.key)) return c;
    return null;
  }

  /** The cell at (r, c) if it holds something. */
  at(r: number, c: number): IndexedCell | null {
    for (const x of this.row(r)) if (x.col === c) return x;
    return null;
  }

  /** The right edge of a cell, merges included. */
  rightOf(c: IndexedCell): number {
    const m = this.grid.merge(c.row, c.col);
    return m ? m.right : c.col;
  }

  /** The bottom edge of a cell, merges included. */
  bottomOf(c: IndexedCell): number {
    const m = this.grid.merge(c.row, c.col);
    return m ? m.bottom : c.row;
  }

  /**
   * True when the cell repeats the value of the cell to its left (or above) — what undoing a merge with
   * "fill the content" leaves behind — so that it is the same label, not a new one.
   */
  repeatsLeft(c: IndexedCell): boolean {
    const left = this.at(c.row, c.col - 1);
    return !!left && left.raw === c.raw && typeof c.raw === "string";
  }
}
