/**
 * ExcelHost's reading: the sheets' used ranges (values only, so a far formatted cell does not widen them), the
 * content areas of a huge one, then the data in as few syncs as fit Excel's payload limit (see readPlan.ts), merged
 * areas where ExcelApi 1.13 has them. 2 syncs for the active sheet, 3 for all, while the data fit one.
 */
import { snapshotCells, type CellValue, type MergedArea, type SheetSnapshot } from "../../core/snapshot";
import { rangeA1 } from "../../core/address";
import { CELL_EDIT_CODE, PAYLOAD_CODES, officeErrorCode } from "./errors";
import type { Progress, ReadScope } from "../../host/host";
import {
  LARGE_USED_RANGE,
  MAX_CONTENT_AREAS,
  clipRect,
  clusterAreas,
  parseArea,
  parseAreas,
  toCellValue,
  toFormat,
  toFormula,
  type Rect,
} from "../sheet";
import { planReads, splitGroup, type ReadLimits, type SyncGroup, type UsedArea } from "./readPlan";

/** What a read needs from its host. */
export interface ReadEnv {
  supports(version: string): boolean;
  limits: ReadLimits;
  /** The workbook's name, once read (ExcelApi 1.7). */
  onName(name: string | null): void;
}

/** Counts of one read (ExcelHost's lastStats). */
export interface ReadCounts {
  rangeReads: number;
  retries: number;
}

export async function readWorkbook(
  context: Excel.RequestContext,
  stats: ReadCounts,
  env: ReadEnv,
  scope: ReadScope,
  onProgress?: Progress,
): Promise<SheetSnapshot[]> {
  const wantName = env.supports("1.7");
  const mergesWanted = env.supports("1.13");
  const wb = context.workbook;
  if (wantName) wb.load("name");
  let sheets: Excel.Worksheet[];
  if (scope === "active") {
    const ws = wb.worksheets.getActiveWorksheet();
    ws.load("name");
    sheets = [ws];
  } else {
    wb.worksheets.load("items/name");
    await context.sync();
    sheets = wb.worksheets.items;
  }
  // Values only: a cell that merely carries a format (even at XFD1048576) does not widen what is read.
  const used = sheets.map((ws) => {
    const r = ws.getUsedRangeOrNullObject(true);
    r.load("address,rowIndex,columnIndex,rowCount,columnCount");
    return r;
  });
  await context.sync();
  if (wantName) env.onName(wb.name || null);

  const names = sheets.map((ws) => ws.name);
  const usedAreas: (UsedArea | null)[] = used.map((r, i) =>
    r.isNullObject ? null : { sheet: i, top: r.rowIndex + 1, left: r.columnIndex + 1, rows: r.rowCount, cols: r.columnCount },
  );
  // What to read of each sheet: its used range, or — where a stray value far away makes that huge — the
  // rectangles around the cells that hold something (cost follows content, not the used range's area).
  const rects: Rect[][] = await contentRects(sheets, usedAreas, context, env.supports("1.9"));
  const areas: UsedArea[] = [];
  const areaSheet: number[] = [];
  rects.forEach((list, s) =>
    list.forEach((r) => {
      areas.push({ sheet: areas.length, top: r.top, left: r.left, rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 });
      areaSheet.push(s);
    }),
  );
  const values: CellValue[][][] = areas.map((a) => new Array<CellValue[]>(a.rows));
  const formulas: (string | null)[][][] = areas.map((a) => new Array<(string | null)[]>(a.rows));
  const formats: (string | null)[][][] = areas.map((a) => new Array<(string | null)[]>(a.rows));
  const merges: (MergedArea[] | null)[] = areas.map(() => (mergesWanted ? [] : null));

  const total = sheets.length;
  let done = 0;
  const remaining = sheets.map((_, s) => areas.filter((a) => areaSheet[a.sheet] === s).reduce((n, a) => n + a.rows, 0));
  const report = (i: number) => {
    done++;
    onProgress?.(done, total, names[i]);
  };
  onProgress?.(0, total);
  remaining.forEach((n, i) => {
    if (n === 0) report(i);
  });

  const queue: SyncGroup[] = planReads(areas, mergesWanted, env.limits);
  while (queue.length > 0) {
    const g = queue.shift() as SyncGroup;
    const reads = g.chunks.map((c) => {
      const r = sheets[areaSheet[c.sheet]].getRange(rangeA1(c.top, c.left, c.top + c.rows - 1, c.left + c.cols - 1));
      r.load("values,formulas,numberFormat");
      return { c, r };
    });
    const mergeReads = g.mergesOf.map((k) => {
      const a = areas[k];
      const ra = sheets[areaSheet[k]]
        .getRange(rangeA1(a.top, a.left, a.top + a.rows - 1, a.left + a.cols - 1))
        .getMergedAreasOrNullObject();
      ra.load("areas/items/address");
      return { k, ra };
    });
    stats.rangeReads += reads.length;
    try {
      // One sync per group on purpose: a group is as many ranges as fit Excel's payload limit, and a group
      // refused as too large is split and retried — one batch for everything is what fails on big sheets.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- see above
      await context.sync();
    } catch (e) {
      const code = officeErrorCode(e);
      if (code !== null && PAYLOAD_CODES.has(code)) {
        const parts = splitGroup(g);
        if (!parts) throw e;
        stats.retries++;
        queue.unshift(...parts);
        continue;
      }
      if (mergeReads.length > 0 && code !== CELL_EDIT_CODE && code !== "AccessDenied") {
        // Reading merged areas fails past 512 of them: read the cells without, and let the engine use its
        // blank-cell continuation rule for those sheets.
        for (const k of g.mergesOf) merges[k] = null;
        stats.retries++;
        queue.unshift({ chunks: g.chunks, mergesOf: [] });
        continue;
      }
      throw e;
    }
    for (const { k, ra } of mergeReads) {
      if (ra.isNullObject) continue;
      const list: MergedArea[] = [];
      for (const item of ra.areas.items) {
        const m = parseArea(item.address);
        if (m) list.push(m);
      }
      merges[k] = list;
    }
    for (const { c, r } of reads) {
      const a = areas[c.sheet];
      const vs = r.values;
      const fs = r.formulas;
      const ns = r.numberFormat;
      for (let i = 0; i < c.rows; i++) {
        const vr: CellValue[] = new Array<CellValue>(c.cols);
        const fr: (string | null)[] = new Array<string | null>(c.cols);
        const nr: (string | null)[] = new Array<string | null>(c.cols);
        for (let j = 0; j < c.cols; j++) {
          const v = vs[i]?.[j];
          vr[j] = toCellValue(v);
          fr[j] = toFormula(fs[i]?.[j], v);
          nr[j] = toFormat(ns[i]?.[j]);
        }
        const at = c.top - a.top + i;
        values[c.sheet][at] = vr;
        formulas[c.sheet][at] = fr;
        formats[c.sheet][at] = nr;
      }
      const s = areaSheet[c.sheet];
      remaining[s] -= c.rows;
      if (remaining[s] === 0) report(s);
    }
  }

  return sheets.map((_, i): SheetSnapshot => {
    const own = areas.filter((a) => areaSheet[a.sheet] === i);
    const sheetMerges = mergesWanted
      ? own.some((a) => merges[a.sheet] === null)
        ? null
        : own.flatMap((a) => merges[a.sheet] ?? [])
      : null;
    if (own.length <= 1) {
      const a = own[0];
      return {
        name: names[i],
        origin: a ? { row: a.top, col: a.left } : { row: 1, col: 1 },
        values: a ? values[a.sheet] : [],
        formulas: a ? formulas[a.sheet] : [],
        numberFormats: a ? formats[a.sheet] : [],
        merges: sheetMerges,
      };
    }
    // several content rectangles: one sparse snapshot of the cells that hold something
    return {
      name: names[i],
      cells: own.flatMap((a) =>
        snapshotCells({
          name: names[i],
          merges: null,
          origin: { row: a.top, col: a.left },
          values: values[a.sheet],
          formulas: formulas[a.sheet],
          numberFormats: formats[a.sheet],
        }),
      ),
      merges: sheetMerges,
    };
  });
}

/**
 * Per sheet, the rectangles to read. A used range of up to LARGE_USED_RANGE cells is read whole (one rectangle,
 * the common case: no extra sync). A larger one is read through the areas holding constants and formulas
 * (ExcelApi 1.9): two more syncs, one for their count and one for their addresses. Without ExcelApi 1.9, or past
 * MAX_CONTENT_AREAS areas, the used range is read from its top-left corner up to LARGE_USED_RANGE cells, and a
 * clear message says the rest was not read.
 */
async function contentRects(
  sheets: Excel.Worksheet[],
  used: (UsedArea | null)[],
  context: Excel.RequestContext,
  listsAreas: boolean,
): Promise<Rect[][]> {
  const whole = (a: UsedArea): Rect => ({ top: a.top, left: a.left, bottom: a.top + a.rows - 1, right: a.left + a.cols - 1 });
  const out: Rect[][] = used.map((a) => (a ? [whole(a)] : []));
  const large = used.map((a, i) => (a && a.rows * a.cols > LARGE_USED_RANGE ? i : -1)).filter((i) => i >= 0);
  if (large.length === 0) return out;
  if (listsAreas) {
    const probes = large.map((i) => {
      const all = sheets[i].getRange();
      const kinds = ["Constants", "Formulas"].map((k) => {
        const ra = all.getSpecialCellsOrNullObject(k as Excel.SpecialCellType);
        ra.load("areaCount");
        return ra;
      });
      return { i, kinds };
    });
    await context.sync();
    const listed = probes.filter((p) => p.kinds.reduce((n, ra) => n + (ra.isNullObject ? 0 : ra.areaCount), 0) <= MAX_CONTENT_AREAS);
    for (const p of listed) for (const ra of p.kinds) if (!ra.isNullObject) ra.load("address");
    if (listed.length) await context.sync();
    for (const p of listed) {
      const rects = p.kinds.flatMap((ra) => (ra.isNullObject ? [] : parseAreas(ra.address)));
      out[p.i] = clusterAreas(rects);
    }
    for (const p of probes) if (!listed.includes(p)) out[p.i] = [clipRect(whole(used[p.i] as UsedArea))];
  } else {
    for (const i of large) out[i] = [clipRect(whole(used[i] as UsedArea))];
  }
  return out;
}
