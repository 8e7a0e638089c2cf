/** 项目支出绩效自评表 (财预〔2020〕10号 附件 layout), SPEC §2.1, with the variants of §2.6. */
import type { ColumnRole, FundRow, Goals, Indicator, NumberCell, ProjectTable } from "../model";
import { labelWeightCell, numberCell } from "./cells";
import { firstFundHeader, fundHeader, fundRow, labelledField, readGoals, fundRowLabel, totalCells, findTitle } from "./blocks";
import { H } from "./headers";
import {
  withActualWeights,
  mapIndicatorColumns,
  readIndicatorBlock,
  headerBottom,
  headerTop,
  inferWeightColumn,
  blockDeclaration,
  labelWeights,
  type IndicatorBlock,
} from "./indicators";
import { emptyColumns } from "./columns";
import type { SheetIndex } from "./sheetIndex";
import { boundsOf } from "./bounds";
import { PartialNotes } from "./partial";
import { squeeze, halfWidth } from "../text";
import { memoize } from "../memo";

/**
 * A project table whose indicator header is at `headerRow`; a `headerRow` past `limit` reads a table published as
 * its funds block only (the page stops there): the funds are read and checked, the rest is TABLE_PARTIAL.
 */
export function recognizeProject(idx: SheetIndex, top: number, headerRow: number, limit: number): ProjectTable {
  const g = idx.grid;
  const partial = new PartialNotes();
  const fundsOnly = headerRow > limit;
  const topOfHeader = fundsOnly ? headerRow : headerTop(idx, headerRow);
  const bottomOfHeader = fundsOnly ? headerRow : headerBottom(idx, headerRow);
  const { cols, roles } = fundsOnly ? { cols: emptyColumns(), roles: [] } : mapIndicatorColumns(idx, topOfHeader, bottomOfHeader);
  headerRow = topOfHeader;
  const block: IndicatorBlock = fundsOnly
    ? { indicators: [], groups: [], totalRow: null, lastRow: top }
    : readIndicatorBlock(idx, bottomOfHeader, cols, limit);

  // 项目资金 block: the 年度资金总额 row and its parts, under a header naming the columns
  let fundTotal: FundRow | null = null;
  const fundParts: FundRow[] = [];
  let fundWeight: NumberCell | null = null,
    fundScore: NumberCell | null = null;
  const totalLabel = idx.find(H.fundTotal, top, headerRow - 1);
  const header = fundsOnly ? firstFundHeader(idx, top, limit) : fundHeader(idx, top, (totalLabel?.row ?? headerRow) - 1);
  let lastFundRow = header?.row ?? top;
  if (header) {
    let labelled = 0;
    for (const r of idx.rowsIn(header.row + 1, Math.min(headerRow - 1, limit))) {
      const label = fundRowLabel(idx, r, header.cols);
      if (!label) continue;
      const k = label.key.replace(/^其中:?/, "");
      const first = labelled++ === 0;
      // the total row is named (年度资金总额, 总额) or, unnamed, the first row under the header
      if (
        H.fundTotal(k) ||
        (!fundTotal && first && !H.fundCurrent(k) && !H.fundCarryOver(k) && !H.fundOther(k) && !H.annualGoal(k) && !H.goalExpected(k))
      ) {
        if (fundTotal) break;
        fundTotal = fundRow(idx, label, header.cols);
        lastFundRow = r;
        fundWeight = header.cols.weight !== null ? numberCell(g, r, header.cols.weight) : null;
        fundScore = header.cols.score !== null ? numberCell(g, r, header.cols.score) : null;
      } else if (H.fundCurrent(label.key) || H.fundCarryOver(label.key) || H.fundOther(label.key)) {
        fundParts.push({ ...fundRow(idx, label, header.cols), rate: null });
        lastFundRow = r;
      } else if (fundTotal) {
        break;
      }
    }
    if (!fundTotal) {
      partial.add("funds", header, { key: "noFundTotal", params: {} });
    } else if (!fundTotal.budget || !fundTotal.executed) {
      partial.add("fundColumns", header, { key: "noFundColumn", params: { column: !fundTotal.budget ? "budget" : "executed" } });
    }
  } else {
    const at = totalLabel ?? idx.find(H.fundBlock, top, headerRow - 1);
    partial.add(
      "funds",
      at ?? { row: headerRow, col: cols.level1 ?? idx.window.left },
      at ? { key: "noFundsHeader", params: {} } : { key: "noFunds", params: {} },
    );
  }

  // 预算执行率 as an indicator row (湖北 and others): it is the execution-rate score, not a 三级 indicator
  let indicators = block.indicators;
  let groupsFrom = block.indicators;
  const rateIndicator = fundTotal ? (indicators.find(isRateIndicator) ?? null) : null;
  let budgetWeight: NumberCell | null = fundWeight;
  let budgetScore: NumberCell | null = fundScore;
  let rate: NumberCell | null = fundTotal?.rate ?? null;
  let fundRowTotals: { weight: NumberCell | null; score: NumberCell | null } | null = null;

  // weights in a column the header does not name 分值 (湖南: the 年度指标值 column)
  const columns: ColumnRole[] = [...roles];
  let weightsInTargetColumn = false;
  const preWeight = rateIndicator ? 0 : (fundWeight?.value ?? 0);
  const inferred = inferWeightColumn(idx, indicators, block.groups, cols, headerRow, preWeight);
  if (inferred) {
    columns.push(inferred.role);
    weightsInTargetColumn = inferred.inTarget;
    indicators = indicators.map((i) => ({
      ...i,
      weight: numberCell(g, i.row, inferred.col),
      ...(inferred.inTarget ? { targetCell: null, target: null } : {}),
    }));
    groupsFrom = indicators;
  }

  // no 分值 column at all: the weights written in the 三级 labels ("国家奖学金人数（5分）", "预算执行率（20分）")
  let weightsFromLabels = false;
  if (!inferred && cols.weight === null) {
    const withLabels = labelWeights(g, indicators, block.groups);
    if (withLabels) {
      indicators = withLabels;
      groupsFrom = indicators;
      weightsFromLabels = true;
    }
  }

  if (rateIndicator) {
    const ri = indicators.find((i) => i.row === rateIndicator.row) ?? rateIndicator;
    indicators = indicators.filter((i) => i.row !== ri.row);
    budgetWeight = ri.weight;
    budgetScore = ri.score;
    if (!rate && ri.actualCell && cols.actual !== null) rate = numberCell(g, ri.row, cols.actual);
    // the 年度资金总额 row's own 分值/得分 then restate the indicator's, or hold the table's total
    const w = fundWeight?.value ?? null;
    const indicatorSum = [ri, ...indicators].reduce((s, i) => s + (i.weight?.value ?? 0), 0);
    if (w !== null && (Math.abs(w - 100) < 0.005 || Math.abs(w - indicatorSum) < 0.005))
      fundRowTotals = { weight: fundWeight, score: fundScore };
  } else if (fundWeight && fundWeight.value !== null && indicators.length) {
    // 总分 written into the 年度资金总额 row: its 分值 is the total (100), not the execution rate's
    const indicatorSum = indicators.reduce((s, i) => s + (i.weight?.value ?? 0), 0);
    if (Math.abs(fundWeight.value - 100) < 0.005 && Math.abs(indicatorSum - 100) < 0.005) {
      fundRowTotals = { weight: fundWeight, score: fundScore };
      budgetWeight = budgetScore = null;
    }
  }

  // the 执行率's weight written only in the funds block's label ("预算执行情况（万元）（20分）"), no 分值 column there
  const fundsDeclared = header
    ? blockDeclaration(
        idx,
        header.row,
        header.row,
        Math.min(...[header.cols.initial, header.cols.budget, header.cols.executed].filter((c): c is number => c !== null)),
      )
    : null;
  if (!rateIndicator && fundTotal && header && header.cols.weight === null && !budgetWeight && fundsDeclared) {
    budgetWeight = labelWeightCell(g, fundsDeclared.cell.row, fundsDeclared.cell.col, fundsDeclared.weight);
  }

  const fieldsTo = (header?.row ?? headerRow) - 1;
  const scoreCol = cols.score;
  const weightCol = inferred ? inferred.col : cols.weight;
  let totals = block.totalRow !== null ? totalCells(idx, block.totalRow, [weightCol], scoreCol) : { totalWeight: null, total: null };
  if (fundRowTotals && !totals.total && !totals.totalWeight) totals = { totalWeight: fundRowTotals.weight, total: fundRowTotals.score };
  // no 总分 row: a 总分 written as a field in the header lines ("自评得分 | 98", "自评总分 | 97.6")
  if (!fundsOnly && block.totalRow === null && !totals.total) {
    const field = headerTotalField(idx, top, (header?.row ?? headerRow) - 1);
    if (field) totals = { totalWeight: null, total: field };
  }
  const goals = readGoals(idx, top, Math.min(headerRow - 1, limit));
  const bottom = fundsOnly ? fundsOnlyBottom(lastFundRow, goals) : (block.totalRow ?? block.lastRow);

  if (fundsOnly) notePublishedFundsOnly(partial, idx, lastFundRow, header?.col ?? idx.window.left);
  else
    noteIndicatorParts(
      partial,
      idx,
      headerRow,
      cols,
      weightsFromLabels ? (cols.level3 ?? 0) : weightCol,
      indicators.length + (rateIndicator ? 1 : 0),
      block.totalRow,
      totals.total,
      block.lastRow,
      weightsInTargetColumn,
    );

  return {
    kind: "project",
    sheet: g.name,
    bounds: boundsOf(idx, top, bottom),
    title: findTitle(idx, top, fieldsTo),
    partial: partial.notes,
    name: labelledField(idx, H.projectName, top, fieldsTo),
    department: labelledField(idx, H.department, top, fieldsTo),
    implementer: labelledField(idx, H.implementer, top, fieldsTo),
    fundTotal: fundTotal ? { ...fundTotal, rate } : null,
    fundParts,
    budgetWeight,
    rate,
    budgetScore,
    goals,
    indicators,
    groups: withActualWeights(groupsFrom, block.groups),
    columns,
    weightsInTargetColumn,
    rateIndicator: rateIndicator ? { ...rateIndicator, weight: budgetWeight, score: budgetScore } : null,
    indicatorsDeclared: blockDeclaration(idx, topOfHeader, bottomOfHeader, cols.level1 ?? idx.window.left),
    fundsDeclared,
    totalWeight: totals.totalWeight,
    total: totals.total,
    grade: labelledField(idx, H.grade, top, bottom),
  };
}

/**
 * A 总分 written as a labelled field in the lines above the funds block ("项目名称 | … | 自评得分 | 98"): the first
 * number right of a 自评总分 / 自评得分 / 总分 label. Null when there is none.
 */
export function headerTotalField(idx: SheetIndex, from: number, to: number): NumberCell | null {
  const isLabel = (k: string) => H.fieldTotal(k) || /^(?:自评得分|总分|自评分|项目自评得分)$/.test(k);
  for (const r of idx.rowsIn(from, to)) {
    for (const label of idx.row(r).filter((c) => isLabel(c.key))) {
      // the value cell right of the label — past the label repeated where its merge was undone
      let col = idx.rightOf(label) + 1;
      for (let c = idx.at(r, col); c && c.raw === label.raw; c = idx.at(r, col)) col = idx.rightOf(c) + 1;
      const cell = numberCell(idx.grid, r, col);
      if (cell.value !== null || cell.formula) return cell;
    }
  }
  return null;
}

/** The last row of a table published as its funds block only: its funds rows, and its 年度总体目标 texts if any. */
export function fundsOnlyBottom(lastFundRow: number, goals: Goals): number {
  return Math.max(lastFundRow, goals.expected?.ref.row ?? 0, goals.actual?.ref.row ?? 0);
}

/** TABLE_PARTIAL for a table published as its funds block only: what is missing is said, under the funds. */
export function notePublishedFundsOnly(partial: PartialNotes, idx: SheetIndex, lastFundRow: number, col: number): void {
  partial.add("indicators", { row: lastFundRow, col }, { key: "fundsOnly", params: {} });
}

/** 预算执行率 (资金执行率, 执行率) as an indicator's own name — not a composite such as "预算执行率、控制率". */
export function isRateIndicator(i: Indicator): boolean {
  const names = [rateName(i.name), rateName(i.level2), rateName(i.level1)];
  const own = names.find((s) => s !== "") ?? "";
  return (
    /^(?:项目)?(?:预算|资金)?(?:支出)?执行率(?:%)?$/.test(own) || (/^预算执行/.test(names[2]) && /执行率/.test(own) && own.length <= 8)
  );
}

/** A name as isRateIndicator compares it: no spaces, ASCII signs, a last parenthesised note removed. */
const rateName = memoize((s: string) => halfWidth(squeeze(s)).replace(/\([^)]*\)$/, ""));

/** TABLE_PARTIAL for the parts of an indicator block the layout has but that could not be read. */
export function noteIndicatorParts(
  partial: PartialNotes,
  idx: SheetIndex,
  headerRow: number,
  cols: { level1: number | null; level3: number | null; score: number | null; actual: number | null; target?: number | null },
  weightCol: number | null,
  indicatorCount: number,
  totalRow: number | null,
  total: NumberCell | null,
  lastRow: number,
  weightsInTargetColumn: boolean,
): void {
  const at = { row: headerRow, col: cols.level3 ?? cols.level1 ?? idx.window.left };
  if (indicatorCount === 0) {
    partial.add("indicators", at, { key: "noIndicatorRows", params: {} });
    return;
  }
  if (weightCol === null) {
    partial.add("weightColumn", at, { key: "noWeightColumn", params: {} });
  }
  if (cols.score === null) {
    partial.add("scoreColumn", at, { key: "noScoreColumn", params: {} });
  }
  // an indicator block scored like a scorecard (分值 | 得分 with neither 年度指标值 nor 实际完成值): judged, not computed
  const scorecardBlock = cols.actual === null && (cols.target ?? null) === null && weightCol !== null && cols.score !== null;
  if (cols.actual === null && !weightsInTargetColumn && !scorecardBlock) {
    partial.add("actualColumn", at, { key: "noActualColumn", params: {} });
  }
  if (totalRow === null && !total) {
    partial.add("total", { row: lastRow, col: cols.level1 ?? idx.window.left }, { key: "noTotal", params: {} });
  }
}
