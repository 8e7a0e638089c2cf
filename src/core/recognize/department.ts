/** 部门整体支出绩效自评表, SPEC §2.2, with the 湖南 variant (weights in the 年度指标值 column) and those of §2.6. */
import type { ColumnRole, DepartmentBudgetRow, DepartmentTable, FundRow, Indicator, NumberCell } from "../model";
import { firstFundHeader, fundHeader, fundRow, labelledField, readGoals, fundRowLabels, totalCells, findTitle } from "./blocks";
import { H } from "./headers";
import {
  withActualWeights,
  inferWeightColumn,
  blockDeclaration,
  labelWeights,
  type IndicatorBlock,
  type IndicatorColumns,
} from "./indicators";
import { anyKey, type SheetIndex } from "./sheetIndex";
import { boundsOf } from "./bounds";
import { labelWeightCell, numberCell, textCell } from "./cells";
import { PartialNotes } from "./partial";
import { fundsOnlyBottom, noteIndicatorParts, notePublishedFundsOnly, readIndicatorPart } from "./project";
import type { FundColumns } from "./blocks";

/** True when the row holds a number in one of the header's money columns. */
function rowHasMoney(idx: SheetIndex, r: number, cols: FundColumns): boolean {
  return hasMoneyAt(idx, r, cols.initial) || hasMoneyAt(idx, r, cols.budget) || hasMoneyAt(idx, r, cols.executed);
}

function hasMoneyAt(idx: SheetIndex, r: number, c: number | null): boolean {
  return c !== null && numberCell(idx.grid, r, c, { money: true }).value !== null;
}

function isFundPart(key: string): boolean {
  return H.fundSource(key) || H.fundStructure(key);
}

function isGoalLabel(key: string): boolean {
  return H.annualGoal(key) || H.goalExpected(key);
}

function isFundsLabel(key: string): boolean {
  return H.spendingScale(key) || H.fundSource(key) || H.fundStructure(key);
}

type FundHeader = NonNullable<ReturnType<typeof fundHeader>>;

/** The indicators' weights when the header names no 分值 column: from another column (湖南) or from the row labels. */
interface DepartmentWeights {
  indicators: Indicator[];
  columns: ColumnRole[];
  weightCol: number | null;
  weightsInTargetColumn: boolean;
  weightsFromLabels: boolean;
}

function departmentWeights(
  idx: SheetIndex,
  block: IndicatorBlock,
  cols: IndicatorColumns,
  roles: readonly ColumnRole[],
  headerRow: number,
): DepartmentWeights {
  const g = idx.grid;
  // 湖南: no 分值 column, and the 年度指标值 column holds weights (or another column the header does not name)
  let indicators: Indicator[] = block.indicators;
  const columns: ColumnRole[] = [...roles];
  const inferred = inferWeightColumn(idx, indicators, block.groups, cols, headerRow);
  if (inferred) {
    columns.push(inferred.role);
    indicators = indicators.map((i) => ({
      ...i,
      weight: numberCell(g, i.row, inferred.col),
      ...(inferred.inTarget ? { targetCell: null, target: null } : {}),
    }));
    return { indicators, columns, weightCol: inferred.col, weightsInTargetColumn: inferred.inTarget, weightsFromLabels: false };
  }
  // no 分值 column at all: the weights written in the row labels ("预算执行率（20分）", "预算执行（20分）" over one row)
  let weightsFromLabels = false;
  if (cols.weight === null) {
    const withLabels = labelWeights(g, indicators, block.groups);
    if (withLabels) {
      indicators = withLabels;
      weightsFromLabels = true;
    }
  }
  return { indicators, columns, weightCol: cols.weight, weightsInTargetColumn: false, weightsFromLabels };
}

interface DepartmentFunds {
  header: FundHeader | null;
  fundSources: FundRow[];
  fundStructure: FundRow[];
  budgetRow: DepartmentBudgetRow | null;
  lastFundRow: number;
}

/** The funds block between the table's top and its goals: source and structure rows, or one budget row (重庆). */
function readDepartmentFunds(
  idx: SheetIndex,
  top: number,
  goalRow: number,
  fundsOnly: boolean,
  partial: PartialNotes,
  missingAt: { row: number; col: number },
): DepartmentFunds {
  const fundSources: FundRow[] = [];
  const fundStructure: FundRow[] = [];
  let budgetRow: DepartmentBudgetRow | null = null;
  const header = fundsOnly ? firstFundHeader(idx, top, goalRow - 1) : fundHeader(idx, top, goalRow - 1);
  let lastFundRow = header?.row ?? top;
  if (!header) {
    const at = idx.find(isFundsLabel, top, missingAt.row - 1);
    partial.add("funds", at ?? missingAt, at ? { key: "noSpendingHeader", params: {} } : { key: "noSpending", params: {} });
    return { header, fundSources, fundStructure, budgetRow, lastFundRow };
  }
  let mode: "source" | "structure" | null = null;
  const rows = idx.rowsIn(header.row + 1, goalRow - 1);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    const labels = fundRowLabels(idx, r, header.cols);
    const label = labels[labels.length - 1];
    if (!label) continue;
    if (fundsOnly && !rowHasMoney(idx, r, header.cols) && !anyKey(labels, isFundPart)) break;
    if (anyKey(labels, H.sum)) continue; // a 合计 row is neither source nor structure
    if (anyKey(labels, H.fundSource)) mode = "source";
    else if (anyKey(labels, H.fundStructure)) mode = "structure";
    else if (mode === null)
      mode = /基本支出|项目支出/.test(label.key) ? "structure" : /财政拨款|其他资金/.test(label.key) ? "source" : null;
    if (mode === null) continue;
    // a section label alone on its row ("资金来源" with its rows below it) is not a fund row
    if (isFundPart(label.key) && !rowHasMoney(idx, r, header.cols)) continue;
    const row = fundRow(idx, label, header.cols);
    (mode === "source" ? fundSources : fundStructure).push(row);
    lastFundRow = r;
  }
  if (!fundSources.length && !fundStructure.length) budgetRow = singleBudgetRow(idx, header, goalRow - 1);
  // no 执行率权重 column: the rate's weight written only in the block's label ("部门预算执行情况（万元）（20分）")
  if (budgetRow && header.cols.weight === null) budgetRow = withDeclaredBudgetWeight(idx, header, budgetRow);
  if (!fundSources.length && !fundStructure.length && !budgetRow) {
    partial.add("funds", header, { key: "noSpendingRows", params: {} });
  }
  return { header, fundSources, fundStructure, budgetRow, lastFundRow };
}

/** The budget row with the weight its block's label declares, when it declares one. */
function withDeclaredBudgetWeight(idx: SheetIndex, header: FundHeader, budgetRow: DepartmentBudgetRow): DepartmentBudgetRow {
  const money = [header.cols.initial, header.cols.budget, header.cols.executed].filter((c): c is number => c !== null);
  const declared = money.length ? blockDeclaration(idx, header.row, header.row, Math.min(...money)) : null;
  if (!declared) return budgetRow;
  return { ...budgetRow, weight: labelWeightCell(idx.grid, declared.cell.row, declared.cell.col, declared.weight) };
}

type Totals = { totalWeight: NumberCell | null; total: NumberCell | null };

/** 分值 and 得分 of the 总分 row; with no 总分 row, a 自评总分 field above the table (重庆). */
function departmentTotals(
  idx: SheetIndex,
  totalRow: number | null,
  weightCols: (number | null)[],
  scoreCol: number | null,
  top: number,
  headerRow: number,
): Totals {
  if (totalRow !== null) return totalCells(idx, totalRow, weightCols, scoreCol);
  const field = idx.find(H.fieldTotal, top, headerRow - 1);
  if (!field) return { totalWeight: null, total: null };
  // the value cell right of the label — past the label repeated where its merge was undone
  let col = idx.rightOf(field) + 1;
  for (let c = idx.at(field.row, col); c && c.raw === field.raw; c = idx.at(field.row, col)) col = idx.rightOf(c) + 1;
  return { totalWeight: null, total: numberCell(idx.grid, field.row, col) };
}

/** A department table; a `headerRow` past `limit` reads one published as its funds block only (see recognizeProject). */
export function recognizeDepartment(idx: SheetIndex, top: number, headerRow: number, limit: number): DepartmentTable {
  const g = idx.grid;
  const partial = new PartialNotes();
  const part = readIndicatorPart(idx, top, headerRow, limit);
  const { fundsOnly, cols, roles, block } = part;
  headerRow = part.headerRow;
  const weights = departmentWeights(idx, block, cols, roles, headerRow);
  const indicators = weights.indicators;

  const goalRow = idx.find(isGoalLabel, top, Math.min(headerRow - 1, limit))?.row ?? Math.min(headerRow, limit + 1);
  const funds = readDepartmentFunds(idx, top, goalRow, fundsOnly, partial, { row: headerRow, col: cols.level1 ?? idx.window.left });
  const header = funds.header;
  const budgetRow = funds.budgetRow;
  let lastFundRow = funds.lastFundRow;

  const fieldsTo = (header?.row ?? headerRow) - 1;
  const weightCol = weights.weightCol;
  const totals = departmentTotals(idx, block.totalRow, [cols.groupWeight, weightCol], cols.score, top, headerRow);
  const goals = readGoals(idx, top, Math.min(headerRow - 1, limit));
  if (budgetRow) lastFundRow = Math.max(lastFundRow, budgetRow.fund.labelCell.ref.row);
  const bottom = fundsOnly ? fundsOnlyBottom(lastFundRow, goals) : (block.totalRow ?? block.lastRow);
  if (fundsOnly) notePublishedFundsOnly(partial, idx, lastFundRow, header?.col ?? idx.window.left);
  else
    noteIndicatorParts(
      partial,
      idx,
      headerRow,
      cols,
      weights.weightsFromLabels ? (cols.level3 ?? 0) : weightCol,
      indicators.length,
      block.totalRow,
      totals.total,
      block.lastRow,
      weights.weightsInTargetColumn,
    );
  return {
    kind: "department",
    sheet: g.name,
    bounds: boundsOf(idx, top, bottom),
    title: findTitle(idx, top, fieldsTo),
    partial: partial.notes,
    name: labelledField(idx, H.departmentName, top, fieldsTo),
    fundSources: funds.fundSources,
    fundStructure: funds.fundStructure,
    budgetRow,
    goals,
    indicators,
    groups: withActualWeights(indicators, block.groups),
    weightsInTargetColumn: weights.weightsInTargetColumn,
    columns: weights.columns,
    indicatorsDeclared: blockDeclaration(idx, part.headerRow, part.headerLastRow, cols.level1 ?? idx.window.left),
    totalWeight: totals.totalWeight,
    total: totals.total,
    grade: labelledField(idx, H.grade, top, bottom),
  };
}

/**
 * 重庆: under the 部门预算执行情况 header, one row of money, rate, 执行率权重 and 执行率得分 with no label of its own
 * (the block's label, merged down beside it, names it). The first row below the header with a number in those columns.
 */
function singleBudgetRow(idx: SheetIndex, header: FundHeader, to: number): DepartmentBudgetRow | null {
  const g = idx.grid;
  const cols = header.cols;
  const valueCols = [cols.initial, cols.budget, cols.executed, cols.rate, cols.weight, cols.score].filter((c): c is number => c !== null);
  for (const r of idx.rowsIn(header.row + 1, to)) {
    const cells = idx.row(r);
    if (!cells.some((c) => valueCols.includes(c.col) && numberCell(g, r, c.col).value !== null)) {
      if (cells.some((c) => c.col < header.col)) return null; // a labelled row of another kind: not the budget row
      continue;
    }
    const left = Math.min(...idx.row(header.row).map((c) => c.col));
    const labelCell = textCell(g, r, left);
    const label = labelCell.text || "部门预算";
    const num = (c: number | null) => (c === null ? null : numberCell(g, r, c, { money: true }));
    return {
      fund: {
        label,
        labelCell,
        initial: num(cols.initial),
        budget: num(cols.budget),
        executed: num(cols.executed),
        rate: cols.rate !== null ? numberCell(g, r, cols.rate) : null,
      },
      weight: cols.weight !== null ? numberCell(g, r, cols.weight) : null,
      score: cols.score !== null ? numberCell(g, r, cols.score) : null,
    };
  }
  return null;
}
