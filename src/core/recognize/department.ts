/** 部门整体支出绩效自评表, SPEC §2.2, with the 湖南 variant (weights in the 年度指标值 column) and those of §2.6. */
import type { ColumnRole, DepartmentTable, FundRow, Indicator } from "../model";
import { fundHeader, fundRow, labelledField, readGoals, fundRowLabels, totalCells, findTitle } from "./blocks";
import { H } from "./headers";
import { withActualWeights, mapIndicatorColumns, readIndicatorBlock, headerBottom, headerTop, inferWeightColumn, blockDeclaration } from "./indicators";
import type { SheetIndex } from "./sheetIndex";
import { boundsOf } from "./bounds";
import { numberCell } from "./cells";
import { PartialNotes } from "./partial";
import { noteIndicatorParts } from "./project";

export function recognizeDepartment(idx: SheetIndex, top: number, headerRow: number, limit: number): DepartmentTable {
  const g = idx.grid;
  const partial = new PartialNotes();
  const topOfHeader = headerTop(idx, headerRow);
  const bottomOfHeader = headerBottom(idx, headerRow);
  const { cols, roles } = mapIndicatorColumns(idx, topOfHeader, bottomOfHeader);
  headerRow = topOfHeader;
  const block = readIndicatorBlock(idx, bottomOfHeader, cols, limit);

  // 湖南: no 分值 column, and the 年度指标值 column holds weights (or another column the header does not name)
  let indicators: Indicator[] = block.indicators;
  let weightsInTargetColumn = false;
  const columns: ColumnRole[] = [...roles];
  const inferred = inferWeightColumn(idx, indicators, block.groups, cols, headerRow);
  if (inferred) {
    columns.push(inferred.role);
    weightsInTargetColumn = inferred.inTarget;
    indicators = indicators.map((i) => ({
      ...i,
      weight: numberCell(g, i.row, inferred.col),
      ...(inferred.inTarget ? { targetCell: null, target: null } : {}),
    }));
  }

  const fundSources: FundRow[] = [];
  const fundStructure: FundRow[] = [];
  const goalRow = idx.find((k) => H.annualGoal(k) || H.goalExpected(k), top, headerRow - 1)?.row ?? headerRow;
  const header = fundHeader(idx, top, goalRow - 1);
  if (header) {
    let mode: "source" | "structure" | null = null;
    for (const r of idx.rowsIn(header.row + 1, goalRow - 1)) {
      const labels = fundRowLabels(idx, r, header.cols);
      const label = labels.at(-1);
      if (!label) continue;
      const keys = labels.map((l) => l.key);
      if (keys.some((k) => H.sum(k))) continue; // a 合计 row is neither source nor structure
      if (keys.some((k) => H.fundSource(k))) mode = "source";
      else if (keys.some((k) => H.fundStructure(k))) mode = "structure";
      else if (mode === null) mode = /基本支出|项目支出/.test(label.key) ? "structure" : /财政拨款|其他资金/.test(label.key) ? "source" : null;
      if (mode === null) continue;
      const row = fundRow(idx, label, header.cols);
      (mode === "source" ? fundSources : fundStructure).push(row);
    }
    if (!fundSources.length && !fundStructure.length) {
      partial.add("funds", header, "整体支出规模表头下未读到资金来源或资金结构行，执行率未检查。", "No 资金来源 / 资金结构 rows under the spending header; execution rates were not checked.");
    }
  } else {
    const at = idx.find((k) => H.spendingScale(k) || H.fundSource(k) || H.fundStructure(k), top, headerRow - 1);
    partial.add(
      "funds",
      at ?? { row: headerRow, col: cols.level1 ?? idx.window.left },
      at ? "整体支出规模部分找不到含「全年预算数」「全年执行数」的表头，执行率未检查。" : "未找到整体支出规模部分（全年预算数、全年执行数），执行率未检查。",
      at
        ? "The spending block has no header naming 全年预算数 / 全年执行数; execution rates were not checked."
        : "No spending block (全年预算数, 全年执行数) was found; execution rates were not checked.",
    );
  }

  const fieldsTo = (header?.row ?? headerRow) - 1;
  const weightCol = inferred ? inferred.col : cols.weight;
  const weightCols = [cols.groupWeight, weightCol];
  const totals =
    block.totalRow !== null ? totalCells(idx, block.totalRow, weightCols, cols.score) : { totalWeight: null, total: null };
  const bottom = block.totalRow ?? block.lastRow;
  noteIndicatorParts(partial, idx, headerRow, cols, weightCol, indicators.length, block.totalRow, totals.total, block.lastRow, weightsInTargetColumn);
  return {
    kind: "department",
    sheet: g.name,
    bounds: boundsOf(idx, top, bottom),
    title: findTitle(idx, top, fieldsTo),
    partial: partial.notes,
    name: labelledField(idx, H.departmentName, top, fieldsTo),
    fundSources,
    fundStructure,
    goals: readGoals(idx, top, headerRow - 1),
    indicators,
    groups: withActualWeights(indicators, block.groups),
    weightsInTargetColumn,
    columns,
    indicatorsDeclared: blockDeclaration(idx, topOfHeader, bottomOfHeader, cols.level1 ?? idx.window.left),
    totalWeight: totals.totalWeight,
    total: totals.total,
    grade: labelledField(idx, H.grade, top, bottom),
  };
}
