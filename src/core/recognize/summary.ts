/** 部门项目支出绩效自评情况汇总表, SPEC §2.3. */
import type { SummaryRow, SummaryTable } from "../model";
import { numberCell, textCell } from "./cells";
import { findTitle, inlineField } from "./blocks";
import { H, type HeaderMatcher } from "./headers";
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

/** A summary header names 项目名称 and 执行率 with 全年预算数 or 全年执行数, and no 一级指标. */
export function summaryColumns(cells: IndexedCell[]): SummaryColumns | null {
  if (!cells.some((c) => H.projectName(c.key))) return null;
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

export function recognizeSummary(
  idx: SheetIndex,
  top: number,
  headerRow: number,
  cols: SummaryColumns,
  limit: number,
): SummaryTable {
  const g = idx.grid;
  const rows: SummaryRow[] = [];
  let totalRow: SummaryRow | null = null;
  let last = headerRow;
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
  let prev = headerRow;
  for (const r of idx.rowsIn(headerRow + 1, limit)) {
    if (r > prev + 2) break; // two blank rows end the table
    prev = r;
    const cells = idx.row(r);
    const sum = cells.find((c) => H.sum(c.key) && c.col <= cols.name);
    if (sum) {
      totalRow = read(r, sum.col);
      last = r;
      break;
    }
    const name = textCell(g, r, cols.name);
    if (name.text === "" || name.ref.row !== r) {
      continue;
    }
    if (summaryColumns(cells)) break;
    rows.push(read(r, cols.name));
    last = r;
  }
  const partial = new PartialNotes();
  if (!rows.length) {
    partial.add("rows", { row: headerRow, col: cols.name }, "汇总表表头下没有读到项目行。", "No project rows were read under the summary header.");
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
  };
}
