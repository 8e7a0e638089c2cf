/** 部门整体支出绩效自评表, SPEC §2.2, with the 湖南 variant (weights in the 年度指标值 column). */
import type { DepartmentTable, FundRow, Indicator } from "../model";
import { fundHeader, fundRow, labelledField, readGoals, fundRowLabel, totalCells, findTitle } from "./blocks";
import { H } from "./headers";
import { withActualWeights, mapIndicatorColumns, readIndicatorBlock, targetColumnHoldsWeights } from "./indicators";
import type { SheetIndex } from "./sheetIndex";
import { boundsOf } from "./bounds";
import { numberCell } from "./cells";

export function recognizeDepartment(idx: SheetIndex, top: number, headerRow: number, limit: number): DepartmentTable {
  const g = idx.grid;
  const cols = mapIndicatorColumns(idx.row(headerRow));
  const block = readIndicatorBlock(idx, headerRow, cols, limit);

  // 湖南: no 分值 column, and the 年度指标值 column holds weights
  let indicators: Indicator[] = block.indicators;
  let weightsInTargetColumn = false;
  if (cols.weight === null && cols.target !== null && targetColumnHoldsWeights(indicators, block.groups)) {
    weightsInTargetColumn = true;
    const targetCol = cols.target;
    indicators = indicators.map((i) => ({ ...i, weight: numberCell(g, i.row, targetCol), targetCell: null, target: null }));
  }

  const fundSources: FundRow[] = [];
  const fundStructure: FundRow[] = [];
  const goalRow = idx.find((k) => H.annualGoal(k) || H.goalExpected(k), top, headerRow - 1)?.row ?? headerRow;
  const header = fundHeader(idx, top, goalRow - 1);
  if (header) {
    let mode: "source" | "structure" | null = null;
    for (let r = header.row + 1; r < goalRow; r++) {
      const label = fundRowLabel(idx, r, header.cols);
      if (!label) continue;
      const k = label.key;
      if (H.sum(k)) continue; // a 合计 row is neither source nor structure
      if (H.fundSource(k)) mode = "source";
      else if (H.fundStructure(k)) mode = "structure";
      else if (mode === null) mode = /基本支出|项目支出/.test(k) ? "structure" : /财政拨款|其他资金/.test(k) ? "source" : null;
      if (mode === null) continue;
      const row = fundRow(idx, label, header.cols);
      (mode === "source" ? fundSources : fundStructure).push(row);
    }
  }

  const fieldsTo = (header?.row ?? headerRow) - 1;
  const weightCols = [cols.groupWeight, weightsInTargetColumn ? cols.target : cols.weight];
  const totals =
    block.totalRow !== null ? totalCells(idx, block.totalRow, weightCols, cols.score) : { totalWeight: null, total: null };
  const bottom = block.totalRow ?? block.lastRow;
  return {
    kind: "department",
    sheet: g.name,
    bounds: boundsOf(idx, top, bottom),
    title: findTitle(idx, top, fieldsTo),
    name: labelledField(idx, H.departmentName, top, fieldsTo),
    fundSources,
    fundStructure,
    goals: readGoals(idx, top, headerRow - 1),
    indicators,
    groups: withActualWeights(indicators, block.groups),
    weightsInTargetColumn,
    totalWeight: totals.totalWeight,
    total: totals.total,
    grade: labelledField(idx, H.grade, top, bottom),
  };
}
