/** Pieces every layout has: labelled fields, goals, fund rows, the 总分 row, the title. */
import type { FundRow, Goals, NumberCell, TextCell } from "../model";
import { numberCell, textCell } from "./cells";
import { H, type HeaderMatcher } from "./headers";
import type { IndexedCell, SheetIndex } from "./sheetIndex";
import { memoize } from "../memo";
import type { Grid } from "../snapshot";

const ALL_LABELS: HeaderMatcher[] = Object.values(H);
const isLabel = memoize((key: string): boolean => {
  for (let k = 0; k < ALL_LABELS.length; k++) if (ALL_LABELS[k](key)) return true;
  return false;
});

/** The value written to the right of a label ("项目名称 | 城乡困难居民医疗救助"). */
export function labelledField(idx: SheetIndex, match: HeaderMatcher, from: number, to: number): TextCell | null {
  const label = idx.find(match, from, to);
  if (!label) {
    // "填报单位：南昌市西湖区医疗保障局" — label and value in one cell
    return null;
  }
  const right = idx.rightOf(label);
  // a label repeated to its right (a merge undone with the value filled in) is still the label; past it, the first
  // cell that is no label is the value — unless another label comes first
  const cells = idx.row(label.row);
  let next: IndexedCell | null = null;
  let stop: IndexedCell | null = null;
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k];
    if (c.col <= right || c.raw === label.raw) continue;
    if (!isLabel(c.key)) {
      if (next === null) next = c;
    } else if (stop === null) stop = c;
  }
  if (!next || (stop && stop.col < next.col)) return null;
  return textCell(idx.grid, next.row, next.col);
}

/** "填报单位：XX局" written in one cell. */
export function inlineField(idx: SheetIndex, prefix: RegExp, from: number, to: number): TextCell | null {
  for (let r = from; r <= to; r++) {
    for (const c of idx.row(r)) {
      const m = prefix.exec(c.text.replace(/\s/g, ""));
      if (m) {
        const cell = textCell(idx.grid, c.row, c.col);
        return { ...cell, text: cell.text.replace(/\s/g, "").slice(m[0].length) };
      }
    }
  }
  return null;
}

/** 预期目标 | 实际完成情况 labels, with their texts in the row below (or to the right). */
export function readGoals(idx: SheetIndex, from: number, to: number): Goals {
  for (let r = from; r <= to; r++) {
    const exp = idx.findInRow(r, H.goalExpected);
    const act = idx.findInRow(r, H.goalActual);
    if (!exp && !act) continue;
    return { expected: goalText(idx, exp), actual: goalText(idx, act) };
  }
  return { expected: null, actual: null };
}

/** A goal label's text: in the row below it, else the first cell to its right that is no label. */
function goalText(idx: SheetIndex, c: IndexedCell | null): TextCell | null {
  if (!c) return null;
  const rowBelow = idx.bottomOf(c) + 1;
  const t = textCell(idx.grid, rowBelow, c.col);
  if (t.text !== "" && t.ref.row === rowBelow) return t;
  const cells = idx.row(c.row);
  for (let k = 0; k < cells.length; k++) {
    const x = cells[k];
    if (x.col > idx.rightOf(c) && !isLabel(x.key) && x.raw !== c.raw) return textCell(idx.grid, x.row, x.col);
  }
  return null;
}

export interface FundColumns {
  initial: number | null;
  budget: number | null;
  executed: number | null;
  weight: number | null;
  rate: number | null;
  score: number | null;
}

/** The column of the row's first cell whose key matches, or null. */
function colOf(cells: readonly IndexedCell[], match: HeaderMatcher): number | null {
  for (let k = 0; k < cells.length; k++) if (match(cells[k].key)) return cells[k].col;
  return null;
}

/** The smaller of `m` and a column that may be missing. */
export function minColumn(m: number, col: number | null): number {
  return col !== null && col < m ? col : m;
}

/** The larger of `m` and a column that may be missing. */
export function maxColumn(m: number, col: number | null): number {
  return col !== null && col > m ? col : m;
}

/** A header row with 全年预算数 / 全年执行数 (and 年初预算数, 分值, 执行率, 得分). */
export function fundHeader(idx: SheetIndex, from: number, to: number): { row: number; col: number; cols: FundColumns } | null {
  for (let r = to; r >= from; r--) {
    const cells = idx.row(r);
    const budget = colOf(cells, H.budget) ?? colOf(cells, H.budgetLoose);
    const executed = colOf(cells, H.executed);
    if (budget === null && executed === null) continue;
    return {
      row: r,
      col: minColumn(minColumn(Infinity, budget), executed),
      cols: {
        initial: colOf(cells, H.initialBudget),
        budget,
        executed,
        weight: colOf(cells, H.weight),
        rate: colOf(cells, H.rate),
        score: colOf(cells, H.score),
      },
    };
  }
  return null;
}

/** The first fund header from the top (a table published as its funds block only has nothing below to anchor on). */
export function firstFundHeader(idx: SheetIndex, from: number, to: number): ReturnType<typeof fundHeader> {
  for (const r of idx.rowsIn(from, to)) {
    const h = fundHeader(idx, r, r);
    if (h) return h;
  }
  return null;
}

export function fundRow(idx: SheetIndex, label: IndexedCell, cols: FundColumns): FundRow {
  const g = idx.grid;
  const r = label.row;
  return {
    label: label.text,
    labelCell: textCell(g, r, label.col),
    initial: money(g, r, cols.initial),
    budget: money(g, r, cols.budget),
    executed: money(g, r, cols.executed),
    rate: money(g, r, cols.rate),
  };
}

function money(g: Grid, r: number, c: number | null): NumberCell | null {
  return c === null ? null : numberCell(g, r, c, { money: true });
}

/**
 * A fund row's label: the last text cell left of the header's money columns ("资金来源 | （1）财政拨款" → the
 * latter; a block label repeated down the column, "项目资金（万元）", is not it), with the texts before it, which
 * may name the row's part ("资金来源").
 */
export function fundRowLabel(idx: SheetIndex, r: number, cols: FundColumns): IndexedCell | null {
  const labels = fundRowLabels(idx, r, cols);
  return labels[labels.length - 1] ?? null;
}

export function fundRowLabels(idx: SheetIndex, r: number, cols: FundColumns): IndexedCell[] {
  const before = minColumn(minColumn(minColumn(Infinity, cols.initial), cols.budget), cols.executed);
  const cells = idx.row(r);
  const own: IndexedCell[] = [];
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k];
    if (c.col >= before || c.key === "" || typeof c.raw !== "string" || idx.repeatsLeft(c)) continue;
    // a block label standing in the first column ("项目资金", "整体支出规模") is not a row's label
    if (!H.fundBlock(c.key) && !H.spendingScale(c.key)) own.push(c);
  }
  return own;
}

/** A title above the table ("2020年项目支出绩效自评表"). */
export function findTitle(idx: SheetIndex, from: number, to: number): string | null {
  for (let r = from; r <= to; r++) {
    for (const c of idx.row(r)) if (/绩效自评|自评表|汇总表|评价表/.test(c.key)) return c.text;
  }
  return null;
}

/** On the 总分 row: the total 分值 and the total 得分 cells. */
export function totalCells(
  idx: SheetIndex,
  row: number,
  weightCols: (number | null)[],
  scoreCol: number | null,
): { totalWeight: NumberCell | null; total: NumberCell | null } {
  const g = idx.grid;
  const cells = idx.row(row);
  const label = totalLabel(cells);
  const minCol = label ? idx.rightOf(label) + 1 : 1;
  const numeric = totalRowNumbers(g, row, cells, minCol, weightCols, scoreCol);
  const wc: number[] = [];
  for (let k = 0; k < weightCols.length; k++) if (weightCols[k] !== null) wc.push(weightCols[k]!);
  let totalWeight = firstInColumns(numeric, wc);
  let scoreCell = scoreCol !== null ? numberCell(g, row, scoreCol) : null;
  if (scoreCell && totalWeight && scoreCell.ref.address === totalWeight.ref.address) scoreCell = null;
  let total: NumberCell | null = scoreCell && !scoreCell.empty ? scoreCell : null;
  if (!total) {
    const found = totalFromOthers(numeric, totalWeight, scoreCell);
    totalWeight = found.totalWeight;
    total = found.total;
  }
  if (!totalWeight && wc.length) totalWeight = numberCell(g, row, wc[0]);
  return { totalWeight, total };
}

/** The row's 总分 label cell. */
function totalLabel(cells: readonly IndexedCell[]): IndexedCell | null {
  for (let k = 0; k < cells.length; k++) if (H.total(cells[k].key)) return cells[k];
  return null;
}

/** The first number standing in one of the columns. */
function firstInColumns(numeric: readonly NumberCell[], cols: readonly number[]): NumberCell | null {
  for (let k = 0; k < numeric.length; k++) if (cols.includes(numeric[k].ref.col)) return numeric[k];
  return null;
}

/** A 分值 or 得分 column of the block. */
function isNumericRole(col: number, weightCols: readonly (number | null)[], scoreCol: number | null): boolean {
  return weightCols.includes(col) || col === scoreCol;
}

/**
 * The numbers of the 总分 row from `minCol` on. A number repeated across formerly merged cells is one number: keep
 * the first of a run — but "100 | 100" in the 分值 and 得分 columns are two numbers (a perfect score).
 */
function totalRowNumbers(
  g: Grid,
  row: number,
  cells: readonly IndexedCell[],
  minCol: number,
  weightCols: readonly (number | null)[],
  scoreCol: number | null,
): NumberCell[] {
  const numeric: NumberCell[] = [];
  let prev: NumberCell | null = null;
  for (let k = 0; k < cells.length; k++) {
    if (cells[k].col < minCol) continue;
    const n = numberCell(g, row, cells[k].col);
    if (n.value === null && !n.formula && !n.error) continue;
    const keep =
      !prev ||
      prev.ref.col !== n.ref.col - 1 ||
      prev.raw !== n.raw ||
      !!n.formula ||
      (isNumericRole(prev.ref.col, weightCols, scoreCol) && isNumericRole(n.ref.col, weightCols, scoreCol));
    if (keep) numeric.push(n);
    prev = n;
  }
  return numeric;
}

/** No 得分 cell with a value: the total is the one other number of the row (a 100 among them is the total 分值). */
function totalFromOthers(
  numeric: readonly NumberCell[],
  weight: NumberCell | null,
  scoreCell: NumberCell | null,
): { totalWeight: NumberCell | null; total: NumberCell | null } {
  let totalWeight = weight;
  const others: NumberCell[] = [];
  for (let k = 0; k < numeric.length; k++) {
    const n = numeric[k];
    if (n !== totalWeight && n.ref.address !== scoreCell?.ref.address) others.push(n);
  }
  if (!totalWeight) {
    let hundred = -1;
    for (let k = 0; k < others.length && hundred < 0; k++) if (others[k].value === 100) hundred = k;
    if (hundred >= 0 && others.length > 1) {
      totalWeight = others[hundred];
      others.splice(hundred, 1);
    }
  }
  return { totalWeight, total: others.length === 1 ? others[0] : scoreCell };
}
