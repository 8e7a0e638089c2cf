/** One pass over a sheet (or a band of its columns): every non-empty cell with its header key, by row. */
import type { CellValue, Grid, MergedArea } from "../snapshot";
import { memoize } from "../memo";
import { cellText, headerKey, isBlank, tidy, tidyCellText } from "../text";
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

/** What recognition reads of a text cell: its header key, its tidied text, its header words and whether it is blank. */
interface TextFacts {
  readonly key: string;
  readonly text: string;
  readonly flags: number;
  readonly blank: boolean;
}

/** One memo lookup per cell for all of TextFacts (workbooks repeat their texts on every sheet). */
const textFacts = memoize((s: string): TextFacts => {
  const key = headerKey(s);
  return { key, text: tidy(s), flags: headerFlags(key), blank: isBlank(s) };
});

/** Keeps the raw value and the merge it anchors; a number's text is made when first asked for (most never are). */
class Cell implements IndexedCell {
  private tidied: string | undefined;
  constructor(
    readonly row: number,
    readonly col: number,
    readonly key: string,
    readonly raw: CellValue,
    tidied: string | undefined,
    readonly flags: number,
    /** The merged area whose top-left cell this is, if any. */
    readonly merge: MergedArea | undefined,
  ) {
    this.tidied = tidied;
  }
  get text(): string {
    return (this.tidied ??= tidyCellText(this.raw));
  }
}

/** True when one of the cells' header keys matches. */
export function anyKey(cells: readonly IndexedCell[], match: (key: string) => boolean): boolean {
  for (let k = 0; k < cells.length; k++) if (match(cells[k].key)) return true;
  return false;
}

const NO_CELLS: IndexedCell[] = [];

/** Columns of the sheet a table may use: the whole sheet, or one of several tables standing side by side. */
export interface ColumnWindow {
  left: number;
  right: number;
}

const WHOLE_SHEET: ColumnWindow = { left: 1, right: 16384 };

export class SheetIndex {
  readonly cells: IndexedCell[] = [];
  /** The cells of each row of rowNumbers, left to right, at the same position. */
  private readonly rowCells: IndexedCell[][] = [];
  /** Rows that hold a cell, ascending. */
  readonly rowNumbers: number[] = [];
  /** rowFlags of each row of rowNumbers (recognize/headers.ts), at the same position. */
  readonly rowFlagBits: number[] = [];

  constructor(
    readonly grid: Grid,
    readonly window: ColumnWindow = WHOLE_SHEET,
    /** Cells already indexed for a wider window of the same grid, in sheet order: taken from, not made again. */
    from?: readonly IndexedCell[],
  ) {
    if (from) {
      for (let i = 0; i < from.length; i++) {
        const c = from[i];
        if (c.col >= window.left && c.col <= window.right) this.add(c);
      }
      this.endRow();
      return;
    }
    const all = grid.cellList();
    for (let i = 0; i < all.length; i++) {
      const c = all[i];
      if (c.col < window.left || c.col > window.right) continue;
      const v = c.value;
      const facts = typeof v === "string" ? textFacts(v) : null;
      // a formula whose result is not cached yet (a file written by a library) still holds something
      if ((v === null || (facts !== null && facts.blank)) && !c.formula) continue;
      const m = grid.merge(c.row, c.col);
      if (m && (m.top !== c.row || m.left !== c.col)) continue;
      this.add(
        facts !== null
          ? new Cell(c.row, c.col, facts.key, v, facts.text, facts.flags, m)
          : new Cell(c.row, c.col, cellText(v), v, undefined, 0, m),
      );
    }
    this.endRow();
  }

  /** Where the row being filled starts in cells (cells come row by row, left to right). */
  private rowStart = 0;

  private add(cell: IndexedCell): void {
    const n = this.rowNumbers.length;
    if (n > 0 && this.rowNumbers[n - 1] === cell.row) {
      this.rowFlagBits[n - 1] |= cell.flags ?? 0;
    } else {
      this.endRow();
      this.rowStart = this.cells.length;
      this.rowNumbers.push(cell.row);
      this.rowFlagBits.push(cell.flags ?? 0);
    }
    this.cells.push(cell);
  }

  /** The row being filled is complete: its cells, as an array of their own. */
  private endRow(): void {
    if (this.rowNumbers.length > this.rowCells.length) this.rowCells.push(this.cells.slice(this.rowStart));
  }

  /** The same sheet seen through a narrower band of columns. */
  narrow(window: ColumnWindow): SheetIndex {
    const within = window.left >= this.window.left && window.right <= this.window.right;
    return new SheetIndex(this.grid, window, within ? this.cells : undefined);
  }

  row(r: number): IndexedCell[] {
    const i = this.firstRowAt(r);
    return this.rowNumbers[i] === r ? this.rowCells[i] : NO_CELLS;
  }

  /** rowFlags of row r (recognize/headers.ts): the union of its cells' header words, 0 for a row with no cell. */
  rowFlagsOf(r: number): number {
    const i = this.firstRowAt(r);
    return this.rowNumbers[i] === r ? this.rowFlagBits[i] : 0;
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
      const cells = this.rowCells[i];
      for (let j = 0; j < cells.length; j++) if (match(cells[j].key)) return cells[j];
    }
    return null;
  }

  findInRow(r: number, match: (key: string) => boolean, minCol = 0): IndexedCell | null {
    const cells = this.row(r);
    for (let i = 0; i < cells.length; i++) if (cells[i].col >= minCol && match(cells[i].key)) return cells[i];
    return null;
  }

  /** The cell at (r, c) if it holds something. */
  at(r: number, c: number): IndexedCell | null {
    const cells = this.row(r);
    for (let i = 0; i < cells.length; i++) if (cells[i].col === c) return cells[i];
    return null;
  }

  /** The right edge of a cell, merges included. */
  rightOf(c: IndexedCell): number {
    const m = c instanceof Cell ? c.merge : this.grid.merge(c.row, c.col);
    return m ? m.right : c.col;
  }

  /** The bottom edge of a cell, merges included. */
  bottomOf(c: IndexedCell): number {
    const m = c instanceof Cell ? c.merge : this.grid.merge(c.row, c.col);
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
