/** 项目支出绩效自评表 (财预〔2020〕10号 附件 layout), SPEC §2.1. */
import type { FundRow, ProjectTable } from "../model";
import { numberCell } from "./cells";
import { fundHeader, fundRow, labelledField, readGoals, fundRowLabel, totalCells, findTitle } from "./blocks";
import { H } from "./headers";
import { withActualWeights, mapIndicatorColumns, readIndicatorBlock } from "./indicators";
import type { SheetIndex } from "./sheetIndex";
import { boundsOf } from "./bounds";

export function recognizeProject(idx: SheetIndex, top: number, headerRow: number, limit: number): ProjectTable {
  const g = idx.grid;
  const cols = mapIndicatorColumns(idx.row(headerRow));
  const block = readIndicatorBlock(idx, headerRow, cols, limit);

  // 项目资金 block: the 年度资金总额 row and its parts, under a header naming the columns
  let fundTotal: FundRow | null = null;
  const fundParts: FundRow[] = [];
  let budgetWeight = null,
    rate = null,
    budgetScore = null;
  const totalLabel = idx.find(H.fundTotal, top, headerRow - 1);
  const header = fundHeader(idx, top, (totalLabel?.row ?? headerRow) - 1);
  if (header) {
    for (let r = header.row + 1; r < headerRow; r++) {
      const label = fundRowLabel(idx, r, header.cols);
      if (!label) continue;
      const k = label.key.replace(/^其中:?/, "");
      if (H.fundTotal(k) || (!fundTotal && r === header.row + 1 && !H.fundCurrent(k) && !H.annualGoal(k) && !H.goalExpected(k))) {
        if (fundTotal) break;
        fundTotal = fundRow(idx, label, header.cols);
        const w = header.cols.weight !== null ? numberCell(g, r, header.cols.weight) : null;
        budgetWeight = w;
        rate = fundTotal.rate;
        budgetScore = header.cols.score !== null ? numberCell(g, r, header.cols.score) : null;
      } else if (H.fundCurrent(label.key) || H.fundCarryOver(label.key) || H.fundOther(label.key)) {
        fundParts.push({ ...fundRow(idx, label, header.cols), rate: null });
      } else if (fundTotal) {
        break;
      }
    }
  }

  const fieldsTo = (header?.row ?? headerRow) - 1;
  const scoreCol = cols.score;
  const totals =
    block.totalRow !== null
      ? totalCells(idx, block.totalRow, [cols.weight], scoreCol)
      : { totalWeight: null, total: null };
  const bottom = block.totalRow ?? block.lastRow;
  return {
    kind: "project",
    sheet: g.name,
    bounds: boundsOf(idx, top, bottom),
    title: findTitle(idx, top, fieldsTo),
    name: labelledField(idx, H.projectName, top, fieldsTo),
    department: labelledField(idx, H.department, top, fieldsTo),
    implementer: labelledField(idx, H.implementer, top, fieldsTo),
    fundTotal,
    fundParts,
    budgetWeight,
    rate,
    budgetScore,
    goals: readGoals(idx, top, headerRow - 1),
    indicators: block.indicators,
    groups: withActualWeights(block.indicators, block.groups),
    totalWeight: totals.totalWeight,
    total: totals.total,
    grade: labelledField(idx, H.grade, top, bottom),
  };
}
