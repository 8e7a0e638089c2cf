/** 项目支出绩效自评表 (财预〔2020〕10号 附件 layout), SPEC §2.1, with the variants of §2.6. */
import type { ColumnRole, FundRow, Goals, Indicator, NumberCell, ProjectTable } from "../model";
import { labelWeightCell, numberCell } from "./cells";
import { firstFundHeader, fundHeader, fundRow, labelledField, readGoals, fundRowLabel, totalCells, findTitle, minColumn } from "./blocks";
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
  type IndicatorColumns,
} from "./indicators";
import { emptyColumns } from "./columns";
import type { IndexedCell, SheetIndex } from "./sheetIndex";
import { boundsOf } from "./bounds";
import { PartialNotes } from "./partial";
import { squeeze, halfWidth } from "../text";
import { memoize } from "../memo";

/**
 * A table's indicator part: whether the table is published as its funds block only (its `headerRow` past `limit`, the
 * page's end: then no indicator part), its header's top and last rows, columns and their roles, and the indicator
 * rows under it.
 */
export interface IndicatorPart {
  fundsOnly: boolean;
  headerRow: number;
  headerLastRow: number;
  cols: IndicatorColumns;
  roles: ColumnRole[];
  block: IndicatorBlock;
}

/** The indicator part of a project or department table whose indicator header is at `headerRow`. */
export function readIndicatorPart(idx: SheetIndex, top: number, headerRow: number, limit: number): IndicatorPart {
  if (headerRow > limit) {
    const block: IndicatorBlock = { indicators: [], groups: [], totalRow: null, lastRow: top };
    return { fundsOnly: true, headerRow, headerLastRow: headerRow, cols: emptyColumns(), roles: [], block };
  }
  const topOfHeader = headerTop(idx, headerRow);
  const bottomOfHeader = headerBottom(idx, headerRow);
  const { cols, roles } = mapIndicatorColumns(idx, topOfHeader, bottomOfHeader);
  const block = readIndicatorBlock(idx, bottomOfHeader, cols, limit);
  return { fundsOnly: false, headerRow: topOfHeader, headerLastRow: bottomOfHeader, cols, roles, block };
}

/**
 * A project table whose indicator header is at `headerRow`; a `headerRow` past `limit` reads a table published as
 * its funds block only (the page stops there): the funds are read and checked, the rest is TABLE_PARTIAL.
 */
export function recognizeProject(idx: SheetIndex, top: number, headerRow: number, limit: number): ProjectTable {
  const g = idx.grid;
  const partial = new PartialNotes();
  const part = readIndicatorPart(idx, top, headerRow, limit);
  const { fundsOnly, cols, roles, block } = part;
  headerRow = part.headerRow;

  // 项目资金 block: the 年度资金总额 row and its parts, under a header naming the columns
  const funds = readProjectFunds(idx, top, headerRow, limit, fundsOnly, partial);
  const header = funds.header;
  if (!header) noteNoFundsHeader(partial, idx, top, headerRow, funds.totalLabel, cols.level1);
  const w = projectWeights(idx, block, cols, roles, headerRow, funds);

  // the 执行率's weight written only in the funds block's label ("预算执行情况（万元）（20分）"), no 分值 column there
  const fundsDeclared = header ? fundsDeclaration(idx, header) : null;
  if (!w.rateIndicator && funds.fundTotal && header && header.cols.weight === null && !w.budgetWeight && fundsDeclared) {
    w.budgetWeight = labelWeightCell(g, fundsDeclared.cell.row, fundsDeclared.cell.col, fundsDeclared.weight);
  }

  const fieldsTo = (header?.row ?? headerRow) - 1;
  const weightCol = w.inferredCol ?? cols.weight;
  const totals = projectTotals(idx, block, weightCol, cols.score, w.fundRowTotals, !fundsOnly ? top : -1, fieldsTo);
  const goals = readGoals(idx, top, Math.min(headerRow - 1, limit));
  const bottom = fundsOnly ? fundsOnlyBottom(funds.lastFundRow, goals) : (block.totalRow ?? block.lastRow);

  if (fundsOnly) notePublishedFundsOnly(partial, idx, funds.lastFundRow, header?.col ?? idx.window.left);
  else
    noteIndicatorParts(
      partial,
      idx,
      headerRow,
      cols,
      w.weightsFromLabels ? (cols.level3 ?? 0) : weightCol,
      w.indicators.length + (w.rateIndicator ? 1 : 0),
      block.totalRow,
      totals.total,
      block.lastRow,
      w.weightsInTargetColumn,
    );

  const { fundTotal, fundParts } = funds;
  const { rate, budgetWeight, budgetScore, rateIndicator } = w;
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
    indicators: w.indicators,
    groups: withActualWeights(w.groupsFrom, block.groups),
    columns: w.columns,
    weightsInTargetColumn: w.weightsInTargetColumn,
    rateIndicator: rateIndicator ? { ...rateIndicator, weight: budgetWeight, score: budgetScore } : null,
    indicatorsDeclared: blockDeclaration(idx, part.headerRow, part.headerLastRow, cols.level1 ?? idx.window.left),
    fundsDeclared,
    totalWeight: totals.totalWeight,
    total: totals.total,
    grade: labelledField(idx, H.grade, top, bottom),
  };
}

type FundsHeader = NonNullable<ReturnType<typeof fundHeader>>;

/** A project table's 项目资金 block as read: its header, its 年度资金总额 row and parts, that row's 分值 and 得分. */
interface ProjectFunds {
  header: FundsHeader | null;
  /** The 年度资金总额 label above the indicator header, if any. */
  totalLabel: IndexedCell | null;
  fundTotal: FundRow | null;
  fundParts: FundRow[];
  fundWeight: NumberCell | null;
  fundScore: NumberCell | null;
  lastFundRow: number;
}

/** The 项目资金 block above the indicator header at `headerRow` (for a table of its funds only, from `top` on). */
function readProjectFunds(
  idx: SheetIndex,
  top: number,
  headerRow: number,
  limit: number,
  fundsOnly: boolean,
  partial: PartialNotes,
): ProjectFunds {
  const totalLabel = idx.find(H.fundTotal, top, headerRow - 1);
  const header = fundsOnly ? firstFundHeader(idx, top, limit) : fundHeader(idx, top, (totalLabel?.row ?? headerRow) - 1);
  const funds: ProjectFunds = {
    header,
    totalLabel,
    fundTotal: null,
    fundParts: [],
    fundWeight: null,
    fundScore: null,
    lastFundRow: header?.row ?? top,
  };
  if (header) readFundRows(idx, header, Math.min(headerRow - 1, limit), funds, partial);
  return funds;
}

/** Into `funds`: the 年度资金总额 row and its parts under the funds header, down to `to`; what is missing noted. */
function readFundRows(idx: SheetIndex, header: FundsHeader, to: number, funds: ProjectFunds, partial: PartialNotes): void {
  const g = idx.grid;
  let labelled = 0;
  const rows = idx.rowsIn(header.row + 1, to);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const label = fundRowLabel(idx, r, header.cols);
    if (!label) continue;
    const kind = fundLabelKind(label.key);
    const first = labelled++ === 0;
    // the total row is named (年度资金总额, 总额) or, unnamed, the first row under the header
    if (kind & FUND_TOTAL || (!funds.fundTotal && first && kind & FUND_MAY_BE_TOTAL)) {
      if (funds.fundTotal) break;
      funds.fundTotal = fundRow(idx, label, header.cols);
      funds.lastFundRow = r;
      funds.fundWeight = header.cols.weight !== null ? numberCell(g, r, header.cols.weight) : null;
      funds.fundScore = header.cols.score !== null ? numberCell(g, r, header.cols.score) : null;
    } else if (kind & FUND_PART) {
      funds.fundParts.push({ ...fundRow(idx, label, header.cols), rate: null });
      funds.lastFundRow = r;
    } else if (funds.fundTotal) {
      break;
    }
  }
  const total = funds.fundTotal;
  if (!total) {
    partial.add("funds", header, { key: "noFundTotal", params: {} });
  } else if (!total.budget || !total.executed) {
    partial.add("fundColumns", header, { key: "noFundColumn", params: { column: !total.budget ? "budget" : "executed" } });
  }
}

/** A funds row label that names the total (年度资金总额, 总额). */
const FUND_TOTAL = 1;
/** A label that, on the first row under the funds header, is the total unnamed: no part (其中…) and no goal label. */
const FUND_MAY_BE_TOTAL = 2;
/** A part of the total: 当年财政拨款, 上年结转, 其他资金. */
const FUND_PART = 4;

/** What a funds row's label can be, as FUND_* bits: each distinct label key judged once. */
const fundLabelKind = memoize((key: string): number => {
  const k = key.replace(/^其中:?/, "");
  let kind = 0;
  if (H.fundTotal(k)) kind |= FUND_TOTAL;
  if (!H.fundCurrent(k) && !H.fundCarryOver(k) && !H.fundOther(k) && !H.annualGoal(k) && !H.goalExpected(k)) kind |= FUND_MAY_BE_TOTAL;
  if (H.fundCurrent(key) || H.fundCarryOver(key) || H.fundOther(key)) kind |= FUND_PART;
  return kind;
});

/** TABLE_PARTIAL for a project table with no funds header: at its 年度资金总额 or 项目资金 label, or at its header. */
function noteNoFundsHeader(
  partial: PartialNotes,
  idx: SheetIndex,
  top: number,
  headerRow: number,
  totalLabel: IndexedCell | null,
  level1: number | null,
): void {
  const at = totalLabel ?? idx.find(H.fundBlock, top, headerRow - 1);
  partial.add(
    "funds",
    at ?? { row: headerRow, col: level1 ?? idx.window.left },
    at ? { key: "noFundsHeader", params: {} } : { key: "noFunds", params: {} },
  );
}

/** A project table's indicators with their weights as found, and the 执行率's weight and score. */
interface ProjectWeights {
  indicators: Indicator[];
  /** The indicators the groups' actual weights are summed from. */
  groupsFrom: Indicator[];
  rateIndicator: Indicator | null;
  budgetWeight: NumberCell | null;
  budgetScore: NumberCell | null;
  rate: NumberCell | null;
  /** The 年度资金总额 row's 分值/得分 when they hold the table's totals. */
  fundRowTotals: { weight: NumberCell | null; score: NumberCell | null } | null;
  columns: ColumnRole[];
  /** The column the weights were found in where the header names no 分值 column, null otherwise. */
  inferredCol: number | null;
  weightsInTargetColumn: boolean;
  weightsFromLabels: boolean;
}

/**
 * The weights of the indicators — in the 分值 column, in a column the header does not name so (湖南: the 年度指标值
 * column), or in the 三级 labels — and 预算执行率 as an indicator row (湖北 and others): the execution rate's weight and
 * score, not a 三级 indicator.
 */
function projectWeights(
  idx: SheetIndex,
  block: IndicatorBlock,
  cols: IndicatorColumns,
  roles: ColumnRole[],
  headerRow: number,
  funds: ProjectFunds,
): ProjectWeights {
  const g = idx.grid;
  const { fundTotal, fundWeight, fundScore } = funds;
  let rateIndicator: Indicator | null = null;
  if (fundTotal) {
    for (let k = 0; k < block.indicators.length && !rateIndicator; k++) {
      if (isRateIndicator(block.indicators[k])) rateIndicator = block.indicators[k];
    }
  }
  const w: ProjectWeights = {
    indicators: block.indicators,
    groupsFrom: block.indicators,
    rateIndicator,
    budgetWeight: fundWeight,
    budgetScore: fundScore,
    rate: fundTotal?.rate ?? null,
    fundRowTotals: null,
    columns: roles.slice(),
    inferredCol: null,
    weightsInTargetColumn: false,
    weightsFromLabels: false,
  };

  // weights in a column the header does not name 分值 (湖南: the 年度指标值 column)
  const preWeight = rateIndicator ? 0 : (fundWeight?.value ?? 0);
  const inferred = inferWeightColumn(idx, w.indicators, block.groups, cols, headerRow, preWeight);
  if (inferred) {
    w.columns.push(inferred.role);
    w.inferredCol = inferred.col;
    w.weightsInTargetColumn = inferred.inTarget;
    const read: Indicator[] = [];
    for (let k = 0; k < w.indicators.length; k++) {
      const i = w.indicators[k];
      read.push({
        ...i,
        weight: numberCell(g, i.row, inferred.col),
        ...(inferred.inTarget ? { targetCell: null, target: null } : {}),
      });
    }
    w.indicators = read;
    w.groupsFrom = w.indicators;
  }

  // no 分值 column at all: the weights written in the 三级 labels ("国家奖学金人数（5分）", "预算执行率（20分）")
  if (!inferred && cols.weight === null) {
    const withLabels = labelWeights(g, w.indicators, block.groups);
    if (withLabels) {
      w.indicators = withLabels;
      w.groupsFrom = withLabels;
      w.weightsFromLabels = true;
    }
  }

  if (rateIndicator) rateIndicatorWeights(w, rateIndicator, cols, funds, g);
  else if (fundWeight && fundWeight.value !== null && w.indicators.length) {
    // 总分 written into the 年度资金总额 row: its 分值 is the total (100), not the execution rate's
    const indicatorSum = weightSum(0, w.indicators);
    if (Math.abs(fundWeight.value - 100) < 0.005 && Math.abs(indicatorSum - 100) < 0.005) {
      w.fundRowTotals = { weight: fundWeight, score: fundScore };
      w.budgetWeight = w.budgetScore = null;
    }
  }
  return w;
}

/** 预算执行率 as an indicator row: taken out of the indicators, its weight and score the execution rate's. */
function rateIndicatorWeights(
  w: ProjectWeights,
  rateIndicator: Indicator,
  cols: IndicatorColumns,
  funds: ProjectFunds,
  g: SheetIndex["grid"],
): void {
  let ri = rateIndicator;
  for (let k = 0; k < w.indicators.length; k++) {
    if (w.indicators[k].row === rateIndicator.row) {
      ri = w.indicators[k];
      break;
    }
  }
  const others: Indicator[] = [];
  for (let k = 0; k < w.indicators.length; k++) if (w.indicators[k].row !== ri.row) others.push(w.indicators[k]);
  w.indicators = others;
  w.budgetWeight = ri.weight;
  w.budgetScore = ri.score;
  if (!w.rate && ri.actualCell && cols.actual !== null) w.rate = numberCell(g, ri.row, cols.actual);
  // the 年度资金总额 row's own 分值/得分 then restate the indicator's, or hold the table's total
  const fw = funds.fundWeight?.value ?? null;
  const indicatorSum = weightSum(ri.weight?.value ?? 0, w.indicators);
  if (fw !== null && (Math.abs(fw - 100) < 0.005 || Math.abs(fw - indicatorSum) < 0.005))
    w.fundRowTotals = { weight: funds.fundWeight, score: funds.fundScore };
}

/** The weight declared in the funds block's label, left of its money columns ("预算执行情况（万元）（20分）"). */
function fundsDeclaration(idx: SheetIndex, header: FundsHeader): ReturnType<typeof blockDeclaration> {
  return blockDeclaration(
    idx,
    header.row,
    header.row,
    minColumn(minColumn(minColumn(Infinity, header.cols.initial), header.cols.budget), header.cols.executed),
  );
}

/** `start` plus the indicators' 分值, in their order. */
function weightSum(start: number, indicators: readonly Indicator[]): number {
  let s = start;
  for (let k = 0; k < indicators.length; k++) s += indicators[k].weight?.value ?? 0;
  return s;
}

/**
 * The table's 总分 and its 分值 sum: its 总分 row, else the 年度资金总额 row's when it holds them, else (`fieldsFrom`
 * not -1, a table with indicators but no 总分 row) a 总分 written as a field in the header lines.
 */
function projectTotals(
  idx: SheetIndex,
  block: IndicatorBlock,
  weightCol: number | null,
  scoreCol: number | null,
  fundRowTotals: ProjectWeights["fundRowTotals"],
  fieldsFrom: number,
  fieldsTo: number,
): { totalWeight: NumberCell | null; total: NumberCell | null } {
  let totals = block.totalRow !== null ? totalCells(idx, block.totalRow, [weightCol], scoreCol) : { totalWeight: null, total: null };
  if (fundRowTotals && !totals.total && !totals.totalWeight) totals = { totalWeight: fundRowTotals.weight, total: fundRowTotals.score };
  // no 总分 row: a 总分 written as a field in the header lines ("自评得分 | 98", "自评总分 | 97.6")
  if (fieldsFrom !== -1 && block.totalRow === null && !totals.total) {
    const field = headerTotalField(idx, fieldsFrom, fieldsTo);
    if (field) totals = { totalWeight: null, total: field };
  }
  return totals;
}

/**
 * A 总分 written as a labelled field in the lines above the funds block ("项目名称 | … | 自评得分 | 98"): the first
 * number right of a 自评总分 / 自评得分 / 总分 label. Null when there is none.
 */
export function headerTotalField(idx: SheetIndex, from: number, to: number): NumberCell | null {
  const rows = idx.rowsIn(from, to);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const cells = idx.row(r);
    for (let j = 0; j < cells.length; j++) {
      const label = cells[j];
      if (!isTotalFieldLabel(label.key)) continue;
      // the value cell right of the label — past the label repeated where its merge was undone
      let col = idx.rightOf(label) + 1;
      for (let c = idx.at(r, col); c && c.raw === label.raw; c = idx.at(r, col)) col = idx.rightOf(c) + 1;
      const cell = numberCell(idx.grid, r, col);
      if (cell.value !== null || cell.formula) return cell;
    }
  }
  return null;
}

const isTotalFieldLabel = (k: string) => H.fieldTotal(k) || /^(?:自评得分|总分|自评分|项目自评得分)$/.test(k);

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
  const name = rateName(i.name);
  const level2 = rateName(i.level2);
  const level1 = rateName(i.level1);
  const own = name !== "" ? name : level2 !== "" ? level2 : level1;
  return /^(?:项目)?(?:预算|资金)?(?:支出)?执行率(?:%)?$/.test(own) || (/^预算执行/.test(level1) && /执行率/.test(own) && own.length <= 8);
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
