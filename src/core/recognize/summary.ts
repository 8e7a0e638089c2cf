/** 部门项目支出绩效自评情况汇总表, SPEC §2.3. */
import type { NumberCell, SummaryRow, SummarySubtotal, SummaryTable } from "../model";
import type { Grid } from "../snapshot";
import { numberCell, textCell } from "./cells";
import { findTitle, inlineField } from "./blocks";
import { H, HF, rowFlags } from "./headers";
import type { IndexedCell, SheetIndex } from "./sheetIndex";
import { boundsOf } from "./bounds";
import { PartialNotes } from "./partial";

export interface SummaryColumns {
  seq: number | null;
  name: number;
  initial: number | null;
  budget: number | null;
  executed: number | null;
  rate: number | null;
  score: number | null;
  grade: number | null;
}

/**
 * The summary header at a row: on that row alone, or over it and the row below where the money columns sit under a
 * merged label ("资金情况（万元）" over 年初预算数 | 全年预算数 | 全年执行数). `bottom` is the header's last row.
 */
export function summaryHeaderAt(idx: SheetIndex, row: number): { cols: SummaryColumns; bottom: number } | null {
  const cells = idx.row(row);
  // both ways need 项目名称 on this row
  if (!(rowFlags(cells) & HF.projectName)) return null;
  const one = summaryColumns(cells);
  if (one) return { cols: one, bottom: row };
  if (!labelAt(cells, H.projectName, Infinity)) return null;
  const below = idx.row(row + 1);
  if (!below.length) return null;
  for (let i = 0; i < below.length; i++) if (typeof below[i].raw !== "string" || !isSummaryWord(below[i].key)) return null;
  // the lower row's words stand for their columns; the upper row's for the columns merged down over both
  const lowerCols = new Set<number>();
  for (let i = 0; i < below.length; i++) lowerCols.add(below[i].col);
  const band: IndexedCell[] = [];
  for (let i = 0; i < cells.length; i++) if (!lowerCols.has(cells[i].col)) band.push(cells[i]);
  for (let i = 0; i < below.length; i++) band.push(below[i]);
  band.sort(byCol);
  const two = summaryColumns(band);
  return two ? { cols: two, bottom: row + 1 } : null;
}

const SUMMARY_WORDS = [H.seq, H.projectName, H.initialBudget, H.budget, H.budgetLoose, H.executed, H.rate, H.score, H.grade];
function isSummaryWord(k: string): boolean {
  for (let i = 0; i < SUMMARY_WORDS.length; i++) if (SUMMARY_WORDS[i](k)) return true;
  return false;
}

const byCol = (a: IndexedCell, b: IndexedCell) => a.col - b.col;

/** The first cell of a row whose header word matches, at or left of column `maxCol`. */
function labelAt(cells: readonly IndexedCell[], match: (key: string) => boolean, maxCol: number): IndexedCell | null {
  for (let i = 0; i < cells.length; i++) if (match(cells[i].key) && cells[i].col <= maxCol) return cells[i];
  return null;
}

/** "一、本级项目", "（二）对下转移支付": a category line over the projects, not a project. */
const isCategory = (seq: string, name: string) =>
  /^(?:[一二三四五六七八九十]+[、.．]?|[（(][一二三四五六七八九十]+[)）])$/.test(seq.replace(/\s/g, "")) ||
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])/.test(name.replace(/\s/g, ""));

/** A summary header names 项目名称 and 执行率 with 全年预算数 or 全年执行数, and no 一级指标. */
export function summaryColumns(cells: readonly IndexedCell[]): SummaryColumns | null {
  if (!(rowFlags(cells) & HF.projectName)) return null;
  // the first column whose header names each
  let seq: number | null = null,
    name: number | null = null,
    initial: number | null = null,
    budget: number | null = null,
    budgetLoose: number | null = null,
    executed: number | null = null,
    rate: number | null = null,
    score: number | null = null,
    grade: number | null = null,
    level1 = false;
  for (let i = 0; i < cells.length; i++) {
    const k = cells[i].key;
    const col = cells[i].col;
    if (seq === null && H.seq(k)) seq = col;
    if (name === null && H.projectName(k)) name = col;
    if (initial === null && H.initialBudget(k)) initial = col;
    if (budget === null && H.budget(k)) budget = col;
    if (budgetLoose === null && H.budgetLoose(k)) budgetLoose = col;
    if (executed === null && H.executed(k)) executed = col;
    if (rate === null && H.rate(k)) rate = col;
    if (score === null && H.score(k)) score = col;
    if (grade === null && H.grade(k)) grade = col;
    if (!level1 && H.level1(k)) level1 = true;
  }
  budget ??= budgetLoose;
  if (name === null || (budget === null && executed === null) || (rate === null && score === null)) return null;
  if (level1) return null;
  return { seq, name, initial, budget, executed, rate, score, grade };
}

export function recognizeSummary(idx: SheetIndex, top: number, headerRow: number, cols: SummaryColumns, limit: number): SummaryTable {
  const g = idx.grid;
  const rows: SummaryRow[] = [];
  let totalRow: SummaryRow | null = null;
  const subtotals: SummarySubtotal[] = [];
  let groupStart = 0;
  const headerBottom = summaryHeaderAt(idx, headerRow)?.bottom ?? headerRow;
  let last = headerBottom;
  let prev = headerBottom;
  for (const r of idx.rowsIn(headerBottom + 1, limit)) {
    if (r > prev + 2) break; // two blank rows end the table
    prev = r;
    const cells = idx.row(r);
    const sum = labelAt(cells, H.sum, cols.name);
    if (sum) {
      totalRow = readRow(g, cols, r, sum.col);
      last = r;
      // a 合计 written first, right under the header, stands over the projects below it
      if (rows.length === 0) continue;
      break;
    }
    const sub = labelAt(cells, H.subtotal, cols.name);
    if (sub) {
      const parts: number[] = [];
      for (let i = groupStart; i < rows.length; i++) parts.push(i);
      subtotals.push({ row: readRow(g, cols, r, sub.col), parts });
      groupStart = rows.length;
      last = r;
      continue;
    }
    const name = textCell(g, r, cols.name);
    if (name.text === "" || name.ref.row !== r) {
      continue;
    }
    if (summaryColumns(cells)) break;
    const row = readRow(g, cols, r, cols.name);
    const hasNumber =
      holdsNumber(row.initial) || holdsNumber(row.budget) || holdsNumber(row.executed) || holdsNumber(row.rate) || holdsNumber(row.score);
    if (!hasNumber && isCategory(row.seq?.text ?? "", name.text)) {
      groupStart = rows.length;
      last = r;
      continue;
    }
    rows.push(row);
    last = r;
  }
  const partial = new PartialNotes();
  if (!rows.length) {
    partial.add("rows", { row: headerRow, col: cols.name }, { key: "noProjectRows", params: {} });
  }
  return {
    kind: "summary",
    sheet: g.name,
    bounds: boundsOf(idx, top, last),
    title: findTitle(idx, top, headerRow - 1),
    partial: partial.notes,
    unit: inlineField(idx, /^填报单位[:：]?/, top, headerRow - 1),
    rows,
    totalRow,
    subtotals,
  };
}

function readRow(g: Grid, cols: SummaryColumns, r: number, nameCol: number): SummaryRow {
  return {
    row: r,
    seq: cols.seq !== null ? textCell(g, r, cols.seq) : null,
    name: textCell(g, r, nameCol),
    initial: num(g, r, cols.initial, true),
    budget: num(g, r, cols.budget, true),
    executed: num(g, r, cols.executed, true),
    rate: num(g, r, cols.rate, false),
    score: num(g, r, cols.score, false),
    grade: cols.grade !== null ? textCell(g, r, cols.grade) : null,
  };
}

function num(g: Grid, r: number, c: number | null, money: boolean): NumberCell | null {
  return c === null ? null : numberCell(g, r, c, { money });
}

/** A number, or a formula, in the cell. */
const holdsNumber = (c: NumberCell | null): boolean => !!c && (c.value !== null || !!c.formula);
