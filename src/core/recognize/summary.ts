/** 部门项目支出绩效自评情况汇总表, SPEC §2.3. */
import type { SummaryRow, SummarySubtotal, SummaryTable } from "../model";
import { numberCell, textCell } from "./cells";
import { findTitle, inlineField } from "./blocks";
import { H, HF, rowFlags, type HeaderMatcher } from "./headers";
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
  if (!cells.some((c) => H.projectName(c.key))) return null;
  const below = idx.row(row + 1);
  if (!below.length || !below.every((c) => typeof c.raw === "string" && isSummaryWord(c.key))) return null;
  // the lower row's words stand for their columns; the upper row's for the columns merged down over both
  const lowerCols = new Set(below.map((c) => c.col));
  const band = [...cells.filter((c) => !lowerCols.has(c.col)), ...below].sort((a, b) => a.col - b.col);
  const two = summaryColumns(band);
  return two ? { cols: two, bottom: row + 1 } : null;
}

const SUMMARY_WORDS = [H.seq, H.projectName, H.initialBudget, H.budget, H.budgetLoose, H.executed, H.rate, H.score, H.grade];
const isSummaryWord = (k: string) => SUMMARY_WORDS.some((m) => m(k));

/** "一、本级项目", "（二）对下转移支付": a category line over the projects, not a project. */
const isCategory = (seq: string, name: string) =>
  /^(?:[一二三四五六七八九十]+[、.．]?|[（(][一二三四五六七八九十]+[)）])$/.test(seq.replace(/\s/g, "")) ||
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])/.test(name.replace(/\s/g, ""));

/** A summary header names 项目名称 and 执行率 with 全年预算数 or 全年执行数, and no 一级指标. */
export function summaryColumns(cells: readonly IndexedCell[]): SummaryColumns | null {
  if (!(rowFlags(cells) & HF.projectName)) return null;
  const col = (m: HeaderMatcher) => cells.find((c) => m(c.key))?.col ?? null;
  const name = col(H.projectName);
  const rate = col(H.rate);
  const budget = col(H.budget) ?? col(H.budgetLoose);
  const executed = col(H.executed);
  if (name === null || (budget === null && executed === null) || (rate === null && col(H.score) === null)) return null;
  if (col(H.level1) !== null) return null;
  return {
    seq: col(H.seq),
    name,
    initial: col(H.initialBudget),
    budget,
    executed,
    rate,
    score: col(H.score),
    grade: col(H.grade),
  };
}

export function recognizeSummary(idx: SheetIndex, top: number, headerRow: number, cols: SummaryColumns, limit: number): SummaryTable {
  const g = idx.grid;
  const rows: SummaryRow[] = [];
  let totalRow: SummaryRow | null = null;
  const subtotals: SummarySubtotal[] = [];
  let groupStart = 0;
  const headerBottom = summaryHeaderAt(idx, headerRow)?.bottom ?? headerRow;
  let last = headerBottom;
  const read = (r: number, nameCol: number): SummaryRow => {
    const num = (c: number | null, money = false) => (c === null ? null : numberCell(g, r, c, { money }));
    return {
      row: r,
      seq: cols.seq !== null ? textCell(g, r, cols.seq) : null,
      name: textCell(g, r, nameCol),
      initial: num(cols.initial, true),
      budget: num(cols.budget, true),
      executed: num(cols.executed, true),
      rate: num(cols.rate),
      score: num(cols.score),
      grade: cols.grade !== null ? textCell(g, r, cols.grade) : null,
    };
  };
  let prev = headerBottom;
  for (const r of idx.rowsIn(headerBottom + 1, limit)) {
    if (r > prev + 2) break; // two blank rows end the table
    prev = r;
    const cells = idx.row(r);
    const sum = cells.find((c) => H.sum(c.key) && c.col <= cols.name);
    if (sum) {
      totalRow = read(r, sum.col);
      last = r;
      // a 合计 written first, right under the header, stands over the projects below it
      if (rows.length === 0) continue;
      break;
    }
    const sub = cells.find((c) => H.subtotal(c.key) && c.col <= cols.name);
    if (sub) {
      subtotals.push({ row: read(r, sub.col), parts: rows.map((_, i) => i).slice(groupStart) });
      groupStart = rows.length;
      last = r;
      continue;
    }
    const name = textCell(g, r, cols.name);
    if (name.text === "" || name.ref.row !== r) {
      continue;
    }
    if (summaryColumns(cells)) break;
    const row = read(r, cols.name);
    const hasNumber = [row.initial, row.budget, row.executed, row.rate, row.score].some((c) => c && (c.value !== null || c.formula));
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
