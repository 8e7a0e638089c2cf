/**
 * The columns of an indicator block, from its header — which may stand on one row or on two (a merged
 * 年度指标值 over 指标性质 | 指标值 | 度量单位), with labels repeated where merges were undone — and, where the
 * header does not say, from what the columns hold. Every decision is kept (ColumnRole) so the model shows it.
 */
import type { ColumnRole, IndicatorColumnsModel } from "../model";
import { memoize } from "../memo";
import { H, HF, rowFlags, type HeaderMatcher } from "./headers";
import type { IndexedCell, SheetIndex } from "./sheetIndex";

export type IndicatorColumns = IndicatorColumnsModel;

export function emptyColumns(): IndicatorColumns {
  return {
    level1: null,
    groupWeight: null,
    level2: null,
    level3: null,
    target: null,
    targetComparator: null,
    targetUnit: null,
    actual: null,
    weight: null,
    score: null,
    reason: null,
  };
}

/** Roles in the order a header is matched against them (the sub-header roles first: they are the most specific). */
const ROLE_MATCHERS: [keyof IndicatorColumns, HeaderMatcher][] = [
  ["targetComparator", H.targetComparator],
  ["targetUnit", H.targetUnit],
  ["level1", H.level1],
  ["level2", H.level2],
  ["level3", H.level3],
  ["target", H.target],
  ["actual", H.actual],
  ["weight", H.weight],
  ["score", H.score],
  ["reason", H.reason],
];

/** The first role of ROLE_MATCHERS a header key names, null for none: each distinct key tested once. */
const roleOf = memoize((k: string): keyof IndicatorColumns | null => {
  for (const [role, m] of ROLE_MATCHERS) if (m(k)) return role;
  return null;
});

const isIndicatorHeaderWord = (k: string) => roleOf(k) !== null || /^(?:绩效指标|指标|项目)$/.test(k);

/**
 * A header row has the indicator columns when it names 一级指标 and 三级指标 (or 二级指标) — or, for a flat list with
 * no 一级/二级 columns (重庆: 指标名称 | 计量单位 | 指标性质 | 年初指标值 | … | 指标权重 | 指标得分), when it names the
 * indicator, its weight, its score and its target or actual.
 */
export function isIndicatorHeader(cells: IndexedCell[]): boolean {
  return indicatorHeaderFlags(rowFlags(cells));
}

/** isIndicatorHeader, from the row's header words (rowFlags, or SheetIndex.rowFlagsOf). */
export function indicatorHeaderFlags(f: number): boolean {
  if (f & HF.level1) return (f & (HF.level3 | HF.level2)) !== 0;
  return flatIndicatorHeader(f);
}

/** 指标名称 | … | 分值 | 得分 with a target or actual column, and no 一级/二级 column. */
export function isFlatIndicatorHeader(cells: IndexedCell[]): boolean {
  return flatIndicatorHeader(rowFlags(cells));
}

function flatIndicatorHeader(f: number): boolean {
  const all = HF.level3 | HF.weight | HF.score;
  return (f & (HF.level1 | HF.level2)) === 0 && (f & all) === all && (f & (HF.target | HF.actual)) !== 0;
}

/**
 * The last row of the header: the header row itself, or the rows below it that hold only sub-headers
 * (指标性质, 度量单位, …) or repeat the header above them (a merge undone with its value filled in).
 */
export function headerBottom(idx: SheetIndex, headerRow: number): number {
  let bottom = headerRow;
  const rows = idx.rowsIn(headerRow + 1, headerRow + 2);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r !== bottom + 1 || !isSubHeaderRow(idx, idx.row(r), headerRow, bottom)) break;
    bottom = r;
  }
  return bottom;
}

/** Every cell of the row is text: a header word, or the text shown just above it in the header [top, bottom]. */
function isSubHeaderRow(idx: SheetIndex, cells: readonly IndexedCell[], top: number, bottom: number): boolean {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (typeof c.raw !== "string") return false;
    if (!isIndicatorHeaderWord(c.key) && shownAbove(idx, c.col, top, bottom)?.raw !== c.raw) return false;
  }
  return true;
}

/** The lowest cell of rows [top, bottom] that shows something in column `col` (through a merge), or null. */
function shownAbove(idx: SheetIndex, col: number, top: number, bottom: number): IndexedCell | null {
  for (let r = bottom; r >= top; r--) {
    const x = idx.at(r, col) ?? displayedAt(idx, r, col);
    if (x) return x;
  }
  return null;
}

/**
 * The first row of the header: the header row itself, or the rows just above it that hold only header words — a
 * header written over two rows with 年度指标值, 实际完成值, 分值, 得分 on the upper row and 一级指标 | 二级指标 |
 * 三级指标 | 指标性质 | 指标值 | 度量单位 on the lower one (云南).
 */
export function headerTop(idx: SheetIndex, headerRow: number): number {
  let top = headerRow;
  for (let r = headerRow - 1; r >= headerRow - 2; r--) {
    const cells = idx.row(r);
    if (cells.length === 0 || !isUpperHeaderRow(cells)) break;
    top = r;
  }
  return top;
}

/** Every cell of the row is a header word in text, and one of them names a role. */
function isUpperHeaderRow(cells: readonly IndexedCell[]): boolean {
  let role = false;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (typeof c.raw !== "string" || !isIndicatorHeaderWord(c.key)) return false;
    if (!role && roleOf(c.key) !== null) role = true;
  }
  return role;
}

/** The cell whose value shows at (r, col) through a merge, as an indexed cell. */
function displayedAt(idx: SheetIndex, r: number, col: number): IndexedCell | null {
  const m = idx.grid.merge(r, col);
  return m ? idx.at(m.top, m.left) : null;
}

/** Maps every column of the header band [headerRow, bottom] to its role; the first column of a role wins. */
export function mapIndicatorColumns(
  idx: SheetIndex,
  headerRow: number,
  bottom = headerRow,
): { cols: IndicatorColumns; roles: ColumnRole[] } {
  const cols = emptyColumns();
  const roles: ColumnRole[] = [];
  const columns = headerColumns(idx, headerRow, bottom);
  const keys: IndexedCell[] = [];
  for (let i = 0; i < columns.length; i++) {
    const col = columns[i];
    headerTextsOver(idx, col, headerRow, bottom, keys);
    for (let j = 0; j < keys.length; j++) {
      const k = keys[j];
      const role = k.key === "权重" && cols.level2 === null && cols.level3 === null && cols.level1 !== null ? "groupWeight" : roleOf(k.key);
      if (role === null) continue; // not a role word: the header above may say more
      // the first column of a role wins: a header repeated to its right (a merge undone) adds nothing
      if (cols[role] === null) {
        cols[role] = col;
        roles.push({ role, col, source: "header", header: k.text });
      }
      break;
    }
  }
  // a split target needs its 指标值 column; without the split, 指标性质/度量单位 mean nothing
  if (cols.target === null) {
    cols.targetComparator = cols.targetUnit = null;
  }
  const kept: ColumnRole[] = [];
  for (let i = 0; i < roles.length; i++) if (cols[roles[i].role] === roles[i].col) kept.push(roles[i]);
  return { cols, roles: kept };
}

/** Every column the header band [top, bottom] covers (merges included), ascending, each once. */
function headerColumns(idx: SheetIndex, top: number, bottom: number): number[] {
  const all: number[] = [];
  for (let r = top; r <= bottom; r++) {
    const cells = idx.row(r);
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      for (let x = c.col, right = idx.rightOf(c); x <= right; x++) all.push(x);
    }
  }
  all.sort(ascending);
  let n = 0;
  for (let i = 0; i < all.length; i++) if (n === 0 || all[i] !== all[n - 1]) all[n++] = all[i];
  all.length = n;
  return all;
}

const ascending = (a: number, b: number) => a - b;

/** Into `out`: the header texts over column `col` in rows [top, bottom], lowest (most specific) first, each key once. */
function headerTextsOver(idx: SheetIndex, col: number, top: number, bottom: number, out: IndexedCell[]): void {
  out.length = 0;
  for (let r = bottom; r >= top; r--) {
    const c = idx.at(r, col) ?? displayedAt(idx, r, col);
    if (c && !hasKey(out, c.key)) out.push(c);
  }
}

function hasKey(cells: readonly IndexedCell[], key: string): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i].key === key) return true;
  return false;
}
