/** One pass over a sheet: every non-empty cell with its header key, by row. */
import type { CellValue, Grid } from "../snapshot";
import { cellText, headerKey, isBlank, tidy } from "../text";

export interface IndexedCell {
  row: number;
  col: number;
  /** Header key (src/core/text.ts headerKey). */
  key: string;
  /** The cell's text, tidied. */
  readonly text: string;
}

/** Keeps the raw value; the tidied text is made when first asked for (most cells never are). */
class Cell implements IndexedCell {
  private tidied: string | undefined;
  constructor(
    readonly row: number,
    readonly col: number,
    readonly key: string,
    private readonly raw: CellValue,
  ) {}
  get text(): string {
    return (this.tidied ??= tidy(cellText(this.raw)));
  }
}

const NO_CELLS: IndexedCell[] = [];

export class SheetIndex {
  readonly rows = new Map<number, IndexedCell[]>();
  readonly cells: IndexedCell[] = [];

  constructor(readonly grid: Grid) {
    for (const c of grid.cells()) {
      // a formula whose result is not cached yet (a file written by a library) still holds something
      if (isBlank(c.value) && !c.formula) continue;
      if (grid.isMergeContinuation(c.row, c.col)) continue;
      const cell = new Cell(c.row, c.col, headerKey(c.value), c.value);
      this.cells.push(cell);
      let list = this.rows.get(c.row);
      if (!list) this.rows.set(c.row, (list = []));
      list.push(cell);
    }
  }

  row(r: number): IndexedCell[] {
    return this.rows.get(r) ?? NO_CELLS;
  }

  /** The first cell in rows [from, to] whose key matches, scanning row by row, left to right. */
  find(match: (key: string) => boolean, from: number, to: number): IndexedCell | null {
    for (let r = from; r <= to; r++) {
      for (const c of this.row(r)) if (match(c.key)) return c;
    }
    return null;
  }

  findInRow(r: number, match: (key: string) => boolean, minCol = 0): IndexedCell | null {
    for (const c of this.row(r)) if (c.col >= minCol && match(c.key)) return c;
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
}
