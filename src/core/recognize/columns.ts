/**
 * The columns of an indicator block, from its header — which may stand on one row or on two (a merged
 * 年度指标值 over 指标性质 | 指标值 | 度量单位), with labels repeated where merges were undone — and, where the
 * header does not say, from what the columns hold. Every decision is kept (ColumnRole) so the model shows it.
 */
import type { ColumnRole, IndicatorColumnsModel } from "../model";
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

const isIndicatorHeaderWord = (k: string) => ROLE_MATCHERS.some(([, m]) => m(k)) || /^(?:绩效指标|指标|项目)$/.test(k);

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
  for (const r of idx.rowsIn(headerRow + 1, headerRow + 2)) {
    if (r !== bottom + 1) break;
    const cells = idx.row(r);
    const above = (c: IndexedCell) => {
      for (let rr = bottom; rr >= headerRow; rr--) {
        const x = idx.at(rr, c.col) ?? displayedAt(idx, rr, c.col);
        if (x) return x;
      }
      return null;
    };
    const sub = cells.every((c) => typeof c.raw === "string" && (isIndicatorHeaderWord(c.key) || above(c)?.raw === c.raw));
    if (!sub) break;
    bottom = r;
  }
  return bottom;
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
    if (cells.length === 0) break;
    const words = cells.filter((c) => typeof c.raw === "string" && isIndicatorHeaderWord(c.key));
    if (words.length !== cells.length || !cells.some((c) => ROLE_MATCHERS.some(([, m]) => m(c.key)))) break;
    top = r;
  }
  return top;
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
  const columns = new Set<number>();
  for (let r = headerRow; r <= bottom; r++) for (const c of idx.row(r)) for (let x = c.col; x <= idx.rightOf(c); x++) columns.add(x);
  const take = (role: keyof IndicatorColumns, col: number, header: string) => {
    if (cols[role] !== null) return;
    cols[role] = col;
    roles.push({ role, col, source: "header", header });
  };
  for (const col of [...columns].sort((a, b) => a - b)) {
    // the header texts over this column, lowest (most specific) first
    const keys: IndexedCell[] = [];
    for (let r = bottom; r >= headerRow; r--) {
      const c = idx.at(r, col) ?? displayedAt(idx, r, col);
      if (c && !keys.some((k) => k.key === c.key)) keys.push(c);
    }
    for (const k of keys) {
      if (k.key === "权重" && cols.level2 === null && cols.level3 === null && cols.level1 !== null) {
        take("groupWeight", col, k.text);
        break;
      }
      const hit = ROLE_MATCHERS.find(([, m]) => m(k.key));
      if (!hit) continue; // not a role word: the header above may say more
      // the first column of a role wins: a header repeated to its right (a merge undone) adds nothing
      take(hit[0], col, k.text);
      break;
    }
  }
  // a split target needs its 指标值 column; without the split, 指标性质/度量单位 mean nothing
  if (cols.target === null) {
    cols.targetComparator = cols.targetUnit = null;
  }
  return { cols, roles: roles.filter((r) => cols[r.role] === r.col) };
}
