/**
 * Recognition: finds every self-evaluation table on a sheet, wherever it starts, and reads it into the model.
 * A sheet with no table gets the reason: which headers were missing.
 */
import type { FundRow, Table } from "../model";
import type { IndicatorHeader, NoTableReason, SummaryHeader } from "../messages";
import { Grid, type SheetSnapshot } from "../snapshot";
import { H, HF } from "./headers";
import { isIndicatorHeader, headerBottom, continuesIndicatorBlock } from "./indicators";
import { indicatorHeaderFlags } from "./columns";
import { recognizeDepartment } from "./department";
import { recognizeProject } from "./project";
import { recognizeSummary, summaryColumns, summaryHeaderAt } from "./summary";
import { anyKey, SheetIndex, type ColumnWindow, type IndexedCell } from "./sheetIndex";
import { isScorecardHeader, isScorecardLayout, recognizeScorecard } from "./scorecard";
import { readFilledOn } from "./filledOn";
import { readMoneyUnit } from "./moneyUnit";

export interface Recognition {
  tables: Table[];
  /** Why no table was found (an entry of the catalogue's `recognize.*`), null when one was. */
  reason: NoTableReason | null;
}

/** The header words some anchor needs: an indicator header 一级指标 or 三级指标, a summary 项目名称, a scorecard 一级. */
const ANCHOR_WORDS = HF.level1 | HF.level3 | HF.projectName | HF.level;

type Anchor = { row: number; kind: "indicators" } | { row: number; kind: "summary" } | { row: number; kind: "scorecard" };

export function recognizeSheet(snapshot: SheetSnapshot): Recognition {
  const grid = new Grid(snapshot);
  const idx = new SheetIndex(grid);
  if (idx.cells.length === 0) {
    return { tables: [], reason: { key: "empty", params: {} } };
  }
  const windows = tableWindows(idx);
  const tables: Table[] = [];
  for (let i = 0; i < windows.length; i++) {
    const w = windows[i];
    const found = recognizeWindow(w === null ? idx : idx.narrow(w));
    for (let k = 0; k < found.length; k++) tables.push(found[k]);
  }
  if (tables.length) return { tables, reason: null };
  return { tables, reason: missingReason(idx) };
}

/** Tables one under the other in one band of columns. */
function recognizeWindow(idx: SheetIndex): Table[] {
  const anchors = anchorsOf(idx);
  const tables: Table[] = [];
  let top = idx.grid.top;
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i];
    if (a.row < top) continue;
    const limit = i + 1 < anchors.length ? anchors[i + 1].row - 1 : idx.grid.bottom;
    const table = tableAt(idx, a, top, limit);
    if (table === null) continue;
    // 填报日期: in the title lines above the table, in it, or in the footer lines just under it
    table.filledOn = readFilledOn(idx, top, Math.min(limit, table.bounds.bottom + 3));
    if (readMoneyUnit(idx, table) === "元") table.moneyUnit = "元";
    tables.push(table);
    top = table.bounds.bottom + 1;
  }
  // tables published as their funds block only (the page stops before the indicators): read what is there
  if (fundsOnlyAt(idx, top, idx.grid.bottom) !== null) fundsOnlyTables(idx, top, tables);
  return tables;
}

/** The header rows tables start at, top to bottom. */
function anchorsOf(idx: SheetIndex): Anchor[] {
  const anchors: Anchor[] = [];
  for (let i = 0; i < idx.rowNumbers.length; i++) {
    // a row that names none of 一级指标, 三级指标, 项目名称 or a scorecard's 一级 heads no table: skipped without the tests
    if (!(idx.rowFlagBits[i] & ANCHOR_WORDS)) continue;
    const row = idx.rowNumbers[i];
    const prev = anchors.length ? anchors[anchors.length - 1] : null;
    if (indicatorHeaderFlags(idx.rowFlagBits[i])) {
      // a header written over two rows (or repeated where a merge was undone) is one header
      if (prev?.kind === "indicators" && row <= headerBottom(idx, prev.row)) continue;
      // the block published in parts, each under its own header ("年度绩效目标2(40分)"): one table
      if (prev?.kind === "indicators" && continuesIndicatorBlock(idx, prev.row, row)) continue;
      anchors.push({ row, kind: "indicators" });
    } else if (summaryHeaderAt(idx, row)) {
      // a header repeated on the next row (a merge undone), or the lower row of a two-row header, is the same header
      if (prev?.kind === "summary" && row <= (summaryHeaderAt(idx, prev.row)?.bottom ?? prev.row) + 1) continue;
      anchors.push({ row, kind: "summary" });
    } else if (isScorecardHeader(idx.row(row))) {
      // a scorecard whose header only a scorecard uses ("一级 | 二级 | 三级 | 分值 | 得分"): recognize/scorecard.ts
      anchors.push({ row, kind: "scorecard" });
    }
  }
  return anchors;
}

/** The table whose header is at the anchor, from `top` down to `limit` at most; null for a scorecard header alone. */
function tableAt(idx: SheetIndex, a: Anchor, top: number, limit: number): Table | null {
  // 绩效评价指标体系评分表 (SPEC §2.5): told apart from a 自评表 by its columns and 一级 names (recognize/scorecard.ts)
  if (a.kind !== "summary" && isScorecardLayout(idx, top, a.row, limit)) return recognizeScorecard(idx, top, a.row, limit);
  if (a.kind === "scorecard") return null;
  if (a.kind === "summary") return recognizeSummary(idx, top, a.row, summaryHeaderAt(idx, a.row)!.cols, limit);
  return isDepartment(idx, top, a.row) ? recognizeDepartment(idx, top, a.row, limit) : recognizeProject(idx, top, a.row, limit);
}

/** Into `tables`: the tables from `top` down published as their funds block only, one under the other. */
function fundsOnlyTables(idx: SheetIndex, top: number, tables: Table[]): void {
  for (let funds = fundsOnlyAt(idx, top, idx.grid.bottom); funds !== null; funds = fundsOnlyAt(idx, top, idx.grid.bottom)) {
    const past = idx.grid.bottom + 1;
    const table = isDepartment(idx, top, past)
      ? recognizeDepartment(idx, top, past, idx.grid.bottom)
      : recognizeProject(idx, top, past, idx.grid.bottom);
    if (!hasFundRows(table) || table.bounds.bottom < top) break;
    table.filledOn = readFilledOn(idx, top, Math.min(idx.grid.bottom, table.bounds.bottom + 3));
    if (readMoneyUnit(idx, table) === "元") table.moneyUnit = "元";
    tables.push(table);
    top = table.bounds.bottom + 1;
  }
}

/**
 * A funds block with no indicator block after it: a header naming 全年预算数 (or 年初预算数) and 全年执行数, under a
 * self-evaluation title or a funds label (年度资金总额, 整体支出规模, 资金来源, 项目资金), with money in a row below.
 */
function fundsOnlyAt(idx: SheetIndex, from: number, to: number): number | null {
  const rows = idx.rowsIn(from, to);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    // the row's header words say whether it names 执行数 and a budget (only text names them)
    if (!isFundsHeaderFlags(idx.rowFlagsOf(r))) continue;
    if (!idx.find(isFundsKindWord, from, Math.min(to, r + 8))) continue;
    return r;
  }
  return null;
}

/** A funds header's words: 执行数 and a budget (全年预算数, 预算数 or 年初预算数). */
function isFundsHeaderFlags(f: number): boolean {
  return (f & HF.executed) !== 0 && (f & (HF.budget | HF.budgetLoose | HF.initialBudget)) !== 0;
}

/** A self-evaluation title or a funds label over a funds block. */
const isFundsKindWord = (k: string) =>
  H.fundTotal(k) || H.spendingScale(k) || H.fundSource(k) || H.fundStructure(k) || H.fundBlock(k) || /绩效自评|自评表/.test(k);

function hasFundRows(t: Table): boolean {
  if (t.kind === "project") return (!!t.fundTotal && money(t.fundTotal)) || someMoney(t.fundParts);
  if (t.kind === "department") return someMoney(t.fundSources) || someMoney(t.fundStructure) || (!!t.budgetRow && money(t.budgetRow.fund));
  return false;
}

/** A fund row with a number in 年初预算数, 全年预算数 or 全年执行数. */
function money(f: FundRow): boolean {
  return hasValue(f.initial) || hasValue(f.budget) || hasValue(f.executed);
}

const hasValue = (c: { value: number | null } | null): boolean => c?.value !== null && c?.value !== undefined;

function someMoney(rows: readonly FundRow[]): boolean {
  for (let i = 0; i < rows.length; i++) if (money(rows[i])) return true;
  return false;
}

/**
 * Tables standing side by side: a header row that names 一级指标 (or a summary's 项目名称) more than once splits the
 * sheet into bands of columns, each read on its own. Null when the sheet holds one band.
 */
function tableWindows(idx: SheetIndex): (ColumnWindow | null)[] {
  let starts: number[] = [];
  let fundStarts: number[] = [];
  for (let i = 0; i < idx.rowNumbers.length; i++) {
    const f = idx.rowFlagBits[i];
    // an indicator header names 一级指标 or 三级指标, a summary header 项目名称, a funds header 执行数 and a budget
    const funds = isFundsHeaderFlags(f);
    if (!(f & (HF.level1 | HF.level3 | HF.projectName)) && !funds) continue;
    const cells = idx.row(idx.rowNumbers[i]);
    const marks = bandMarks(cells, f);
    if (marks.length > starts.length) starts = marks;
    // tables published as their funds block only: marked by the block's label on the funds header row
    if (funds) {
      const blocks = columnsWhere(cells, isFundsBlockLabel);
      if (blocks.length > fundStarts.length) fundStarts = blocks;
    }
  }
  if (starts.length < 2 && fundStarts.length >= 2) starts = fundStarts;
  return starts.length < 2 ? [null] : windowsAt(idx, starts);
}

const isFundsBlockLabel = (k: string) => H.fundBlock(k) || H.spendingScale(k);

/** The columns a header row marks tables at: its 一级指标 (or 指标名称, a flat list) or its summary's 项目名称. */
function bandMarks(cells: readonly IndexedCell[], f: number): number[] {
  if (indicatorHeaderFlags(f)) {
    // a flat indicator list (no 一级指标, 重庆) is marked by its 指标名称 column
    const level1 = columnsWhere(cells, H.level1);
    return level1.length ? level1 : columnsWhere(cells, H.level3);
  }
  return summaryColumns(cells) ? columnsWhere(cells, H.projectName) : [];
}

/**
 * The bands of columns of tables marked at `starts`: each runs from just after the previous table's last column —
 * the empty column between them, or, when the tables touch, as far left of its 一级指标 as the first table's columns
 * run left of its own.
 */
function windowsAt(idx: SheetIndex, starts: number[]): ColumnWindow[] {
  const lead = starts[0] - leftmostCol(idx, 1, starts[1] - 1);
  const windows: ColumnWindow[] = [];
  for (let i = 0; i < starts.length; i++) {
    const gapLeft = i === 0 ? 1 : (emptyColumnBefore(idx, starts[i - 1], starts[i]) ?? starts[i] - lead);
    windows.push({ left: Math.max(1, gapLeft), right: 16384 });
    if (i > 0) windows[i - 1].right = Math.max(windows[i - 1].left, windows[i].left - 1);
  }
  return windows;
}

/** The columns of the row's cells whose key matches, left to right. */
function columnsWhere(cells: readonly IndexedCell[], match: (key: string) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < cells.length; i++) if (match(cells[i].key)) out.push(cells[i].col);
  return out;
}

function leftmostCol(idx: SheetIndex, from: number, to: number): number {
  let left = to;
  for (const c of idx.cells) if (c.col >= from && c.col <= to) left = Math.min(left, c.col);
  return left;
}

/** The first column after `a` that holds nothing from the first table's columns up to `b`. */
function emptyColumnBefore(idx: SheetIndex, a: number, b: number): number | null {
  const used = new Set<number>();
  for (const c of idx.cells) if (c.col > a && c.col < b) for (let x = c.col; x <= idx.rightOf(c); x++) used.add(x);
  for (let col = b - 1; col > a; col--) if (!used.has(col)) return col + 1;
  return null;
}

/**
 * A department table has 整体支出规模 / 资金来源 / 资金结构, 部门名称 or a 部门整体 title above its indicators, or a
 * 权重 group column.
 */
function isDepartment(idx: SheetIndex, top: number, headerRow: number): boolean {
  // 贵州 township layout: a 部门整体 title (or 部门名称 field) over funds rows that a project table would also have
  const named = idx.find(H.departmentTitle, top, headerRow - 1) || idx.find(H.departmentName, top, headerRow - 1);
  if (named && !idx.find(H.projectName, top, headerRow - 1)) return true;
  if (idx.find(H.fundTotal, top, headerRow - 1)) return false;
  if (idx.find(isDepartmentFundsLabel, top, headerRow - 1)) return true;
  if (idx.find(H.departmentName, top, headerRow - 1)) return true;
  // a title that says so: "部门整体绩效自评表" (重庆: laid out like a project table, one budget row)
  if (idx.find(H.departmentTitle, top, headerRow - 1)) return true;
  if (idx.find(H.projectName, top, headerRow - 1)) return false;
  // a 权重 column left of 二级指标
  const header = idx.row(headerRow);
  let l2 = Infinity;
  for (let i = 0; i < header.length && l2 === Infinity; i++) if (H.level2(header[i].key)) l2 = header[i].col;
  for (let i = 0; i < header.length; i++) if (header[i].key === "权重" && header[i].col < l2) return true;
  return false;
}

const isDepartmentFundsLabel = (k: string): boolean => H.spendingScale(k) || H.fundSource(k) || H.fundStructure(k);

function missingReason(idx: SheetIndex): NoTableReason {
  const indicatorHeaders: [IndicatorHeader, (k: string) => boolean][] = [
    ["level1", H.level1],
    ["level2", H.level2],
    ["level3", H.level3],
  ];
  const summaryHeaders: [SummaryHeader, (k: string) => boolean][] = [
    ["projectName", H.projectName],
    ["budget", H.budget],
    ["executed", H.executed],
    ["rate", H.rate],
  ];
  return { key: "missingHeaders", params: { indicators: missingOf(idx, indicatorHeaders), summary: missingOf(idx, summaryHeaders) } };
}

/** The headers no cell of the sheet names. */
function missingOf<T>(idx: SheetIndex, headers: [T, (k: string) => boolean][]): T[] {
  const out: T[] = [];
  for (let i = 0; i < headers.length; i++) if (!anyKey(idx.cells, headers[i][1])) out.push(headers[i][0]);
  return out;
}

/** The header tests the .xlsx reader's pre-filter puts a row to (src/adapters/xlsx/headerRole.ts). */
export { H } from "./headers";
export { isIndicatorHeader, isScorecardHeader, summaryColumns };
export { levelOf } from "./scorecard";
export type { IndexedCell } from "./sheetIndex";
