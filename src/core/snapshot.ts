/**
 * A sheet as the engine sees it: a plain, host-independent copy of one used range.
 * Hosts (Excel via Office.js, ExcelJS for .xlsx files) build it; the engine never talks to a host.
 */

/** A cell's value as a spreadsheet holds it. Empty cells are null. */
export type CellValue = string | number | boolean | null;

/** A merged area, 1-based and inclusive, on the sheet's own coordinates. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  /** Worksheet name. */
  name: string;
  /** 1-based row and column of values[0][0] on the sheet (the used range need not start at A1). */
  origin: { row: number; col: number };
  /** Values, row-major, rectangular; null for an empty cell. A formula cell holds its last computed result. */
  values: CellValue[][];
  /** Formulas parallel to values ("=E6/D6"), or null where the cell holds a constant. May be omitted entirely. */
  formulas?: (string | null)[][];
  /** Number formats parallel to values ("0.00%", "General"), or omitted. */
  numberFormats?: (string | null)[][];
  /**
   * Merged areas, or null when the host could not tell (older Excel, files whose merges were lost).
   * The engine never depends on them: a blank cell below a label continues it.
   */
  merges: MergedArea[] | null;
}

/** Read access to a snapshot by sheet coordinates (1-based), returning null outside the used range. */
export class Grid {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /** Merged area by cell key (row × 2^14 + column: Excel has 16,384 columns). */
  private readonly mergeOf = new Map<number, MergedArea>();

  constructor(readonly snapshot: SheetSnapshot) {
    this.name = snapshot.name;
    this.top = snapshot.origin.row;
    this.left = snapshot.origin.col;
    this.bottom = this.top + snapshot.values.length - 1;
    const width = snapshot.values.reduce((w, r) => Math.max(w, r.length), 0);
    this.right = this.left + width - 1;
    for (const m of snapshot.merges ?? []) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) this.mergeOf.set(r * 16384 + c, m);
      }
    }
  }

  value(row: number, col: number): CellValue {
    const r = this.snapshot.values[row - this.top];
    if (!r) return null;
    const v = r[col - this.left];
    return v === undefined ? null : v;
  }

  formula(row: number, col: number): string | null {
    const f = this.snapshot.formulas?.[row - this.top]?.[col - this.left];
    return f ?? null;
  }

  numberFormat(row: number, col: number): string | null {
    const f = this.snapshot.numberFormats?.[row - this.top]?.[col - this.left];
    return f ?? null;
  }

  /** The merged area containing the cell, if the host reported one. */
  merge(row: number, col: number): MergedArea | undefined {
    if (this.mergeOf.size === 0) return undefined;
    return this.mergeOf.get(row * 16384 + col);
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
