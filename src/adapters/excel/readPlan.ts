/**
 * How ExcelHost splits the reading of used ranges so no request passes Excel's limits.
 *
 * The limits (learn.microsoft.com, "Resource limits and performance optimization for Office Add-ins", Excel section):
 * - Excel on the web rejects a request or a RESPONSE larger than 5 MB (RichApi.Error ResponsePayloadSizeLimitExceeded);
 *   the limit is on the whole response of one `context.sync()`, so queuing several range loads before one sync does
 *   not get around it — only the total counts;
 * - one range read is limited to 5,000,000 cells, and large single reads can fail for "excessive resource use"
 *   (Microsoft's advice: read a large range in smaller pieces).
 *
 * So the used range of every sheet is read in row blocks of at most `chunkCells` cells (one range each), and blocks
 * are packed into as few syncs as fit `syncBudgetBytes` of ESTIMATED response.
 *
 * The estimate: `bytesPerCell` = 48 bytes of JSON per cell for values + formulas + numberFormat together.
 * An empty cell costs about 16 ("" , "" , "General"), a number about 30, a short label about 40–60 (Chinese is
 * 3 bytes a character in UTF-8); measured over the five shared fixture tables, the real figure is 28–37 bytes a cell
 * (see test/adapters/excel/readSheets.test.ts, which asserts the estimate stays above it). With a 4 MB budget (20 % under the
 * 5 MB limit) one sync carries about 87,000 cells: a self-evaluation table (a few hundred cells) or a 10,000-row,
 * 8-column sheet is read in ONE data sync, so a read takes 2 syncs (active sheet) or 3 (all sheets).
 *
 * Text-heavy sheets can beat any a-priori estimate. When Excel still answers ResponsePayloadSizeLimitExceeded,
 * ExcelHost splits the failed group in two (then the block in two) and reads again: more syncs, never a failure,
 * until a single row is over the limit (then a clear UserError).
 */

export interface ReadLimits {
  /** Estimated response bytes one sync may carry (Excel's limit is 5 MB). */
  syncBudgetBytes: number;
  /** Estimated JSON bytes per cell for values + formulas + numberFormat. */
  bytesPerCell: number;
  /** Most cells in one range read. */
  chunkCells: number;
  /** Most cells one sync may read (Excel: 5,000,000 per read). */
  syncCells: number;
  /** Estimated bytes for the merged areas of one sheet (at most 512 addresses of ~40 bytes). */
  mergeBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  syncBudgetBytes: 4 * 1024 * 1024,
  bytesPerCell: 48,
  chunkCells: 25_000,
  syncCells: 4_000_000,
  mergeBytes: 512 * 40,
};

/** A sheet's used range, 1-based. */
export interface UsedArea {
  sheet: number;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** One range read: `rows` rows of a sheet's used range from `top` (1-based), all its columns. */
export interface Chunk {
  sheet: number;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

export interface SyncGroup {
  chunks: Chunk[];
  /** Sheets whose merged areas this sync also reads. */
  mergesOf: number[];
}

export function chunkBytes(c: { rows: number; cols: number }, limits: ReadLimits): number {
  return c.rows * c.cols * limits.bytesPerCell;
}

/** Row blocks of one used range, each at most `chunkCells` cells (at least one row) and within one sync's budget. */
export function chunksOf(area: UsedArea, limits: ReadLimits): Chunk[] {
  const byCells = Math.floor(limits.chunkCells / area.cols);
  const byBytes = Math.floor(limits.syncBudgetBytes / (area.cols * limits.bytesPerCell));
  const byCap = Math.floor(limits.syncCells / area.cols);
  const rowsPer = Math.max(1, Math.min(byCells, byBytes, byCap));
  const out: Chunk[] = [];
  for (let r = 0; r < area.rows; r += rowsPer) {
    out.push({ sheet: area.sheet, top: area.top + r, left: area.left, rows: Math.min(rowsPer, area.rows - r), cols: area.cols });
  }
  return out;
}

/**
 * Packs the reads of every sheet into syncs: greedily, in sheet order, a new sync when the next block would pass the
 * byte budget or the cell cap. Merged areas are read in the sync of the sheet's first block.
 */
export function planReads(areas: UsedArea[], mergesWanted: boolean, limits: ReadLimits = DEFAULT_READ_LIMITS): SyncGroup[] {
  const groups: SyncGroup[] = [];
  let cur: SyncGroup = { chunks: [], mergesOf: [] };
  let bytes = 0;
  let cells = 0;
  const close = () => {
    if (cur.chunks.length > 0 || cur.mergesOf.length > 0) groups.push(cur);
    cur = { chunks: [], mergesOf: [] };
    bytes = 0;
    cells = 0;
  };
  for (const area of areas) {
    if (area.rows <= 0 || area.cols <= 0) continue;
    chunksOf(area, limits).forEach((chunk, i) => {
      const extra = i === 0 && mergesWanted ? limits.mergeBytes : 0;
      const b = chunkBytes(chunk, limits) + extra;
      const n = chunk.rows * chunk.cols;
      if (cur.chunks.length > 0 && (bytes + b > limits.syncBudgetBytes || cells + n > limits.syncCells)) close();
      cur.chunks.push(chunk);
      if (extra > 0) cur.mergesOf.push(area.sheet);
      bytes += b;
      cells += n;
    });
  }
  close();
  return groups;
}

/** Splits a group whose response was too large: two groups, or a block cut in two; null when a single row is too large. */
export function splitGroup(g: SyncGroup): SyncGroup[] | null {
  if (g.chunks.length > 1) {
    const half = Math.ceil(g.chunks.length / 2);
    const a = g.chunks.slice(0, half);
    const b = g.chunks.slice(half);
    const sheetsA = new Set(a.map((c) => c.sheet));
    return [
      { chunks: a, mergesOf: g.mergesOf.filter((s) => sheetsA.has(s)) },
      { chunks: b, mergesOf: g.mergesOf.filter((s) => !sheetsA.has(s)) },
    ];
  }
  const [c] = g.chunks;
  if (!c) return null;
  if (c.rows > 1) {
    const top = Math.ceil(c.rows / 2);
    return [
      { chunks: [{ ...c, rows: top }], mergesOf: g.mergesOf },
      { chunks: [{ ...c, top: c.top + top, rows: c.rows - top }], mergesOf: [] },
    ];
  }
  if (g.mergesOf.length > 0)
    return [
      { chunks: [c], mergesOf: [] },
      { chunks: [], mergesOf: g.mergesOf },
    ];
  return null;
}
