/**
 * Merged areas kept as ranges, never cell by cell: each area is filed under the blocks it overlaps — blocks of
 * FINE × FINE cells for an area that spans a few of them, of COARSE × COARSE cells for a larger one — and a lookup
 * reads the short lists of two blocks. A 1000×1000 merge costs at most four entries, a whole column a thousand, not a
 * million; what a sheet's merges may cost in all is bounded (past `budget` entries the rest are left out, and
 * `complete` says so).
 */

/** A merged area, 1-based and inclusive, on the sheet's own coordinates. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const FINE = 32;
const COARSE = 1024;
/** An area overlapping more fine blocks than this is filed under coarse blocks. */
const MAX_FINE_BLOCKS = 64;
/** Block keys: row block × 2^15 + column block. */
const KEY_COLS = 32768;

/** Entries a sheet's merges may cost by default (about 80 MB at worst). */
export const MERGE_BUDGET = 1_000_000;

export class MergeIndex {
  private readonly fine = new Map<number, MergedArea[]>();
  private readonly coarse = new Map<number, MergedArea[]>();
  /** Entries filed so far (an area counts once per block it overlaps). */
  filed = 0;
  /** False when some area was left out, the budget spent. */
  complete = true;

  constructor(merges: readonly MergedArea[], budget = MERGE_BUDGET) {
    for (const m of merges) {
      if (!(m.bottom >= m.top && m.right >= m.left)) continue;
      const fineCost = span(m.top, m.bottom, FINE) * span(m.left, m.right, FINE);
      const [size, into] = fineCost <= MAX_FINE_BLOCKS ? [FINE, this.fine] : [COARSE, this.coarse];
      const r0 = Math.floor(m.top / size);
      const r1 = Math.floor(m.bottom / size);
      const c0 = Math.floor(m.left / size);
      const c1 = Math.floor(m.right / size);
      const cost = (r1 - r0 + 1) * (c1 - c0 + 1);
      if (this.filed + cost > budget) {
        this.complete = false;
        continue;
      }
      this.filed += cost;
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          const k = r * KEY_COLS + c;
          const list = into.get(k);
          if (list) list.push(m);
          else into.set(k, [m]);
        }
      }
    }
  }

  /** The merged area the cell lies in (the first filed, should a damaged file overlap them), or undefined. */
  at(row: number, col: number): MergedArea | undefined {
    return find(this.fine, FINE, row, col) ?? find(this.coarse, COARSE, row, col);
  }

  /** Whether the cell is hidden under a merge (inside one, not its top-left cell). */
  covers(row: number, col: number): boolean {
    const m = this.at(row, col);
    return m !== undefined && (row !== m.top || col !== m.left);
  }
}

/** How many blocks of `size` the range from `a` to `b` overlaps. */
function span(a: number, b: number, size: number): number {
  return Math.floor(b / size) - Math.floor(a / size) + 1;
}

function find(blocks: Map<number, MergedArea[]>, size: number, row: number, col: number): MergedArea | undefined {
  if (blocks.size === 0) return undefined;
  const list = blocks.get(Math.floor(row / size) * KEY_COLS + Math.floor(col / size));
  if (!list) return undefined;
  for (const m of list) if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
  return undefined;
}
