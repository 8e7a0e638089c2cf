/**
 * The pipeline: snapshot → recognise → model → rules → findings + fill plan + evaluation.
 */
import type {
  AnalyzeOptions,
  Evaluation,
  FundEvaluation,
  IndicatorEvaluation,
  SheetAnalysis,
  TableAnalysis,
  WorkbookAnalysis,
} from "./analysis";
import { sortFindings, type Finding } from "./findings";
import type {
  DepartmentTable,
  FundRow,
  Indicator,
  NumberCell,
  ProjectTable,
  ScorecardTable,
  SummaryRow,
  SummaryTable,
  Table,
  TablePartial,
} from "./model";
import type { CellChange, FillPlan } from "./plan";
import { getProfile, type Profile } from "./profiles";
import type { SheetSnapshot } from "./snapshot";
import { recognizeSheet } from "./recognize";
import { inferredRoles } from "./roles";
import { PlanBuilder } from "./fill";
import { columnRanges, sumFormula } from "./formulas";
import { columnName } from "./address";
import { changeMessage, sumLabel, type FundColumn, type FundSum } from "./messages";
import { formulaCells } from "./evaluate";
import type { TotalInputs } from "./rules/total";
import {
  RuleContext,
  checkBudgetScore,
  checkExecutionRate,
  checkGrade,
  checkGroupWeights,
  checkBlockWeight,
  blockActualWeight,
  checkIndicator,
  checkNumbersAsText,
  settleNumbersAsText,
  checkSplitTotals,
  checkTableParts,
  checkCellErrors,
  checkSubtotal,
  checkTotal,
  checkTotalWeight,
  checkWeightSplit,
  checkScorecard,
  executionRate,
  grade,
} from "./rules";

/*
 * Lists that other code reads are made by loops that push, not by map or flatMap: optimised code's map makes a holey
 * array (flatMap always does), a second array map for the code that reads the list, which drops its optimised code
 * the first time one comes by — late, once the maker is optimised.
 */

export function analyzeWorkbook(snapshots: SheetSnapshot[], options: AnalyzeOptions = {}): WorkbookAnalysis {
  const profile = getProfile(options.profile);
  const sheets: SheetAnalysis[] = [];
  for (const s of snapshots) sheets.push(analyzeSheet(s, options));
  return { profile: profile.id, sheets };
}

export function analyzeSheet(snapshot: SheetSnapshot, options: AnalyzeOptions = {}): SheetAnalysis {
  const profile = getProfile(options.profile);
  const rec = recognizeSheet(snapshot);
  const tables: TableAnalysis[] = [];
  for (const t of rec.tables) tables.push(analyzeTable(t, profile));
  return { sheet: snapshot.name, tables, reason: rec.reason };
}

/** One column of a list of rows (fund rows, summary rows), as a list. */
function columnOf<R, K extends keyof R>(rows: readonly R[], col: K): R[K][] {
  const out: R[K][] = [];
  for (let i = 0; i < rows.length; i++) out.push(rows[i][col]);
  return out;
}

export function analyzeTable(table: Table, profile: Profile): TableAnalysis {
  const ctx = new RuleContext(table, profile, inferredRoles(table));
  // every number cell a rule reads (the rules read the table, never change it: one list serves both uses below)
  const cells = numberCellsOf(table);
  checkTableParts(ctx, table.partial);
  checkCellErrors(ctx, cells);
  const evaluation = evaluateTable(ctx, table);
  const name = tableName(table);
  convertTextReadByFormulas(ctx, cells);
  reportSelfReferences(ctx);
  const plan = ctx.plan.build();
  const suggested = ctx.plan.suggestions();
  const findings = sortFindings(withSuggestions(settleNumbersAsText(ctx.findings, plan, cells), suggested));
  return { sheet: table.sheet, kind: table.kind, table, name, findings, plan, suggested, evaluation };
}

/** The table's rules, by its kind, and what they evaluate. */
function evaluateTable(ctx: RuleContext, table: Table): Evaluation {
  switch (table.kind) {
    case "project":
      return analyzeProject(ctx, table);
    case "department":
      return analyzeDepartment(ctx, table);
    case "summary":
      return analyzeSummary(ctx, table);
    case "scorecard":
      return checkScorecard(ctx, table);
  }
}

/** The name the table goes by: its project's or department's, the summary's unit, the scorecard's name (else titles). */
function tableName(table: Table): string | null {
  switch (table.kind) {
    case "project":
    case "department":
      return table.name?.text || null;
    case "summary":
      return table.unit?.text || table.title;
    case "scorecard":
      return table.name?.text || table.title;
  }
}

/** A number stored as text that a formula of the plan reads is converted with it (SPEC §5), whichever rule wrote it. */
function convertTextReadByFormulas(ctx: RuleContext, cells: (NumberCell | null)[]): void {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c && c.numberAsText && !c.formula && c.value !== null) {
      convertTextNumbersRead(ctx, cells);
      return;
    }
  }
}

function convertTextNumbersRead(ctx: RuleContext, cells: (NumberCell | null)[]): void {
  const textNumbers = new Map<string, NumberCell>();
  for (const c of cells) if (c && c.numberAsText && !c.formula && c.value !== null) textNumbers.set(c.ref.address.toUpperCase(), c);
  for (const ch of ctx.plan.build().changes) {
    if (!ch.after.formula) continue;
    for (const ref of formulaCells(ch.after.formula)) {
      const c = textNumbers.get(ref);
      if (c) ctx.plan.numberFromText(c);
    }
  }
}

/** A formula that would read its own cell is never planned: the table was misread there, and the finding says so. */
function reportSelfReferences(ctx: RuleContext): void {
  const selfRefs = ctx.plan.selfReferences();
  for (let i = 0; i < selfRefs.length; i++) {
    const c = selfRefs[i];
    ctx.report("TABLE_PARTIAL.selfReference", "warning", c.cell, { formula: c.formula });
  }
}

/** A change held back over a person's entry becomes the one-click suggestion of the finding at its cell. */
function withSuggestions(findings: Finding[], suggested: CellChange[]): Finding[] {
  return suggested.length ? suggestionsInto(findings, suggested) : findings;
}

function suggestionsInto(findings: Finding[], suggested: CellChange[]): Finding[] {
  const byCell = new Map<string, CellChange>();
  for (const c of suggested) byCell.set(c.cell, c);
  const out: Finding[] = [];
  for (const f of findings) {
    const c = f.cell ? byCell.get(f.cell) : undefined;
    if (!c || f.suggestion || typeof c.expected !== "number") out.push(f);
    else out.push({ ...f, suggestion: { cell: c.cell, value: c.expected, ...(c.after.formula ? { formula: c.after.formula } : {}) } });
  }
  return out;
}

/** Every number cell a rule of the table reads (for CELL_ERROR, and for the one-action fix of NUMBER_AS_TEXT). */
export function numberCellsOf(t: Table): (NumberCell | null)[] {
  const out: (NumberCell | null)[] = [];
  switch (t.kind) {
    case "project":
      projectNumberCells(out, t);
      break;
    case "department":
      departmentNumberCells(out, t);
      break;
    case "summary":
      summaryNumberCells(out, t);
      break;
    case "scorecard":
      scorecardNumberCells(out, t);
      break;
  }
  return out;
}

/** A fund row's four number cells: 年初预算数, 全年预算数, 全年执行数, 执行率. */
function pushFundRowCells(out: (NumberCell | null)[], f: FundRow | null): void {
  if (f) out.push(f.initial, f.budget, f.executed, f.rate);
}

function pushFundRowsCells(out: (NumberCell | null)[], rows: FundRow[]): void {
  for (let i = 0; i < rows.length; i++) pushFundRowCells(out, rows[i]);
}

function projectNumberCells(out: (NumberCell | null)[], t: ProjectTable): void {
  pushFundRowCells(out, t.fundTotal);
  pushFundRowsCells(out, t.fundParts);
  out.push(t.budgetWeight, t.rate, t.budgetScore, t.totalWeight, t.total);
  pushIndicatorCells(out, t.indicators);
}

function departmentNumberCells(out: (NumberCell | null)[], t: DepartmentTable): void {
  pushFundRowsCells(out, t.fundSources);
  pushFundRowsCells(out, t.fundStructure);
  if (t.budgetRow) {
    pushFundRowCells(out, t.budgetRow.fund);
    out.push(t.budgetRow.weight, t.budgetRow.score);
  }
  out.push(t.totalWeight, t.total);
  pushIndicatorCells(out, t.indicators);
}

/** A summary row's number cells: its money, its 执行率 and its 得分. */
function pushSummaryRowCells(out: (NumberCell | null)[], r: SummaryRow): void {
  out.push(r.initial, r.budget, r.executed, r.rate, r.score);
}

function summaryNumberCells(out: (NumberCell | null)[], t: SummaryTable): void {
  for (let i = 0; i < t.rows.length; i++) pushSummaryRowCells(out, t.rows[i]);
  if (t.subtotals) for (let i = 0; i < t.subtotals.length; i++) pushSummaryRowCells(out, t.subtotals[i].row);
  if (t.totalRow) pushSummaryRowCells(out, t.totalRow);
}

function scorecardNumberCells(out: (NumberCell | null)[], t: ScorecardTable): void {
  for (const i of t.items) out.push(i.weight, i.score);
  for (const g of t.groups) out.push(g.weightCell, g.scoreCell);
  out.push(t.totalWeight, t.total);
}

type SumRow = { sum: "subtotal"; first: string | null } | { sum: "total" };

/**
 * A summary sum's FundSum for one column: the fields of `{ ...which, column }`, in that order, written out — an object
 * spread there made a new map for each object (megamorphic clones), and every reader of the objects saw a new map.
 */
function sumOf(which: SumRow, column: FundColumn): FundSum {
  return which.sum === "subtotal" ? { sum: "subtotal", first: which.first, column } : { sum: which.sum, column };
}

const fundEval = (f: FundRow, rate: number | null): FundEvaluation => ({
  label: f.label,
  initial: f.initial?.value ?? null,
  budget: f.budget?.value ?? null,
  executed: f.executed?.value ?? null,
  rate,
});

const stated = (c: NumberCell | null) => (c && !c.empty ? c.value : null);

/** The 执行率得分 as the sheet will show it after the fill: the rule's, unless the fill keeps a person's entry there. */
function filledBudgetScore(ctx: RuleContext, cell: NumberCell | null, rule: number | null): number | null {
  if (ctx.plan.holds(cell)) return stated(cell);
  return rule ?? stated(cell);
}

/**
 * checkTotal's inputs: the 总分 cell and the score lists — the budget rows' scores (the 执行率得分, where the table has
 * one) then each indicator's — as typed, as they will stand after the fill (the budget score's as filledBudgetScore
 * says), and the cells the 总分 formula sums (those that exist).
 */
function totalInputs(
  ctx: RuleContext,
  totalCell: NumberCell | null,
  budgetCell: NumberCell | null,
  hasBudgetRow: boolean,
  budgetRule: number | null,
  rows: { score: NumberCell | null }[],
  evaluated: IndicatorEvaluation[],
): TotalInputs {
  const statedScores: (number | null)[] = [];
  const filledScores: (number | null)[] = [];
  const scoreCells: NumberCell[] = [];
  if (hasBudgetRow) {
    statedScores.push(stated(budgetCell));
    filledScores.push(filledBudgetScore(ctx, budgetCell, budgetRule));
    if (budgetCell) scoreCells.push(budgetCell);
  }
  for (let k = 0; k < rows.length; k++) {
    const c = rows[k].score;
    statedScores.push(stated(c));
    filledScores.push(evaluated[k].score);
    if (c) scoreCells.push(c);
  }
  return { totalCell, statedScores, filledScores, scoreCells };
}

/** A fund row's money cells, for NUMBER_AS_TEXT: 年初预算数 (where asked), 全年预算数, 全年执行数. */
function pushFundCells(out: (NumberCell | null)[], f: FundRow, initial: boolean): void {
  if (initial) out.push(f.initial);
  out.push(f.budget, f.executed);
}

function pushFundRowsMoney(out: (NumberCell | null)[], rows: FundRow[], initial: boolean): void {
  for (let i = 0; i < rows.length; i++) pushFundCells(out, rows[i], initial);
}

/** Each indicator's 分值 and 得分, for NUMBER_AS_TEXT. */
function pushIndicatorCells(out: (NumberCell | null)[], indicators: { weight: NumberCell | null; score: NumberCell | null }[]): void {
  for (let k = 0; k < indicators.length; k++) out.push(indicators[k].weight, indicators[k].score);
}

/** True when the table says this part of it could not be read (TABLE_PARTIAL). */
function partUnread(partial: TablePartial[], part: string): boolean {
  for (let i = 0; i < partial.length; i++) if (partial[i].part === part) return true;
  return false;
}

/** Each indicator row checked against its rule, in order. */
function checkIndicators(ctx: RuleContext, indicators: Indicator[], weightsInTargetColumn: boolean): IndicatorEvaluation[] {
  const out: IndicatorEvaluation[] = [];
  for (let k = 0; k < indicators.length; k++) out.push(checkIndicator(ctx, indicators[k], weightsInTargetColumn));
  return out;
}

/** The evaluation of a project or department table, from what its rules returned. */
function scoredEvaluation(
  rate: number | null,
  bScore: number | null,
  budgetWeight: number | null,
  indicators: IndicatorEvaluation[],
  weightSum: number,
  indicatorsRead: boolean,
  total: number,
  funds: FundEvaluation[],
): Evaluation {
  return {
    executionRate: rate,
    budgetScore: bScore,
    budgetWeight,
    indicators,
    weightSum,
    // funds only: no total to state (TABLE_PARTIAL), not the execution-rate score alone
    total: indicatorsRead ? total : null,
    grade: indicatorsRead ? grade(total) : null,
    funds,
  };
}

/** 年度资金总额: its 执行率 (returned), and each of its money columns the sum of the fund parts'. */
function checkProjectFundTotal(ctx: RuleContext, t: ProjectTable, f: FundRow, funds: FundEvaluation[]): number | null {
  // the cells the rule reads, as the summary's rows give them (not a copy of the whole fund row)
  const rate = checkExecutionRate(ctx, { label: f.label, initial: f.initial, budget: f.budget, executed: f.executed, rate: t.rate });
  funds.push(fundEval(f, rate));
  checkSubtotal(ctx, f.initial, columnOf(t.fundParts, "initial"), { sum: "fundTotal", column: "initial" });
  checkSubtotal(ctx, f.budget, columnOf(t.fundParts, "budget"), { sum: "fundTotal", column: "budget" });
  checkSubtotal(ctx, f.executed, columnOf(t.fundParts, "executed"), { sum: "fundTotal", column: "executed" });
  return rate;
}

/** Each fund part's 执行率, as evaluated (no rule on a part's own rate). */
function pushFundPartRates(funds: FundEvaluation[], parts: FundRow[]): void {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    funds.push(fundEval(p, executionRate(p.budget?.value ?? null, p.executed?.value ?? null)));
  }
}

/**
 * A project table's declared block weights: the funds block's against its 执行率 weight, the indicators block's
 * against its indicators (and the 预算执行率 row, where the table scores the rate as an indicator).
 */
function checkProjectBlockWeights(ctx: RuleContext, t: ProjectTable, budgetWeight: number | null, weightsKnown: boolean): void {
  checkBlockWeight(ctx, t.fundsDeclared, budgetWeight);
  const blockWeight = blockActualWeight(t.indicators, t.groups, weightsKnown);
  checkBlockWeight(
    ctx,
    t.indicatorsDeclared,
    blockWeight !== null && t.rateIndicator && weightsKnown ? blockWeight + (budgetWeight ?? 0) : blockWeight,
  );
}

/** A project table's weight rules (where its 分值 column was read): groups, the total, the split; the weights' sum. */
function checkProjectWeights(ctx: RuleContext, t: ProjectTable, budgetWeight: number | null): number {
  checkGroupWeights(ctx, t.groups);
  const weightSum = checkTotalWeight(ctx, t.indicators, budgetWeight, t.totalWeight);
  checkWeightSplit(ctx, t.indicators, budgetWeight, t.totalWeight?.ref.address ?? null);
  return weightSum;
}

/** A project table's cells that NUMBER_AS_TEXT looks at. */
function projectTextNumbers(ctx: RuleContext, t: ProjectTable): void {
  const asText: (NumberCell | null)[] = [];
  if (t.fundTotal) pushFundCells(asText, t.fundTotal, true);
  pushFundRowsMoney(asText, t.fundParts, true);
  asText.push(t.budgetWeight);
  pushIndicatorCells(asText, t.indicators);
  asText.push(t.totalWeight);
  checkNumbersAsText(ctx, asText);
}

function analyzeProject(ctx: RuleContext, t: ProjectTable): Evaluation {
  const funds: FundEvaluation[] = [];
  const rate = t.fundTotal ? checkProjectFundTotal(ctx, t, t.fundTotal, funds) : null;
  pushFundPartRates(funds, t.fundParts);

  const bScore = checkBudgetScore(ctx, t.budgetWeight, t.rate, t.budgetScore, rate);
  const indicators = checkIndicators(ctx, t.indicators, t.weightsInTargetColumn);
  const budgetWeight = t.budgetWeight?.value ?? null;
  // a table published as its funds block only has no indicators to weigh (TABLE_PARTIAL says so)
  const indicatorsRead = !partUnread(t.partial, "indicators");
  const weightsKnown = indicatorsRead && !partUnread(t.partial, "weightColumn");
  checkProjectBlockWeights(ctx, t, budgetWeight, weightsKnown);
  // with no 分值 column the weights are unknown, not 0: TABLE_PARTIAL says so, and no weight rule runs on them
  const weightSum = weightsKnown ? checkProjectWeights(ctx, t, budgetWeight) : 0;

  // the 执行率得分 first, then each indicator's: as typed, once filled, and the cells the 总分 formula sums
  const total = checkTotal(ctx, totalInputs(ctx, t.total, t.budgetScore, true, bScore, t.indicators, indicators));
  checkGrade(ctx, t.grade, total, "");
  projectTextNumbers(ctx, t);
  return scoredEvaluation(rate, bScore, budgetWeight, indicators, weightSum, indicatorsRead, total, funds);
}

/** Each 资金来源 and 资金结构 row's 执行率. */
function checkDepartmentFundRates(ctx: RuleContext, rows: FundRow[], funds: FundEvaluation[]): void {
  for (let i = 0; i < rows.length; i++) funds.push(fundEval(rows[i], checkExecutionRate(ctx, rows[i])));
}

/** A department table's cells that NUMBER_AS_TEXT looks at. */
function departmentTextNumbers(ctx: RuleContext, t: DepartmentTable, b: DepartmentTable["budgetRow"] | null): void {
  const asText: (NumberCell | null)[] = [];
  pushFundRowsMoney(asText, t.fundSources, false);
  pushFundRowsMoney(asText, t.fundStructure, false);
  if (b) pushFundCells(asText, b.fund, false);
  asText.push(b?.weight ?? null);
  pushIndicatorCells(asText, t.indicators);
  asText.push(t.totalWeight);
  checkNumbersAsText(ctx, asText);
}

/** A department table's weight rules (where its 分值 column was read): groups and the total; the weights' sum. */
function checkDepartmentWeights(ctx: RuleContext, t: DepartmentTable, budgetWeight: number | null): number {
  checkGroupWeights(ctx, t.groups);
  return checkTotalWeight(ctx, t.indicators, budgetWeight, t.totalWeight);
}

function analyzeDepartment(ctx: RuleContext, t: DepartmentTable): Evaluation {
  const funds: FundEvaluation[] = [];
  checkDepartmentFundRates(ctx, t.fundSources, funds);
  checkDepartmentFundRates(ctx, t.fundStructure, funds);
  // laid out like a project table (重庆): one budget row whose 执行率 is scored like a 年度资金总额 row's
  const b = t.budgetRow ?? null;
  let rate: number | null = null;
  let bScore: number | null = null;
  if (b) {
    rate = checkExecutionRate(ctx, b.fund);
    funds.push(fundEval(b.fund, rate));
    bScore = checkBudgetScore(ctx, b.weight, b.fund.rate, b.score, rate);
  }
  const budgetWeight = b?.weight?.value ?? null;
  checkSplitTotals(ctx, columnOf(t.fundSources, "budget"), columnOf(t.fundStructure, "budget"), { sum: "column", column: "budget" });
  checkSplitTotals(ctx, columnOf(t.fundSources, "executed"), columnOf(t.fundStructure, "executed"), { sum: "column", column: "executed" });
  const indicators = checkIndicators(ctx, t.indicators, t.weightsInTargetColumn);
  const indicatorsRead = !partUnread(t.partial, "indicators");
  const weightsKnown = indicatorsRead && !partUnread(t.partial, "weightColumn");
  checkBlockWeight(ctx, t.indicatorsDeclared, blockActualWeight(t.indicators, t.groups, weightsKnown));
  const weightSum = weightsKnown ? checkDepartmentWeights(ctx, t, budgetWeight) : 0;
  const total = checkTotal(ctx, totalInputs(ctx, t.total, b?.score ?? null, !!b, bScore, t.indicators, indicators));
  checkGrade(ctx, t.grade, total, "");
  departmentTextNumbers(ctx, t, b);
  return scoredEvaluation(rate, bScore, budgetWeight, indicators, weightSum, indicatorsRead, total, funds);
}

/** A project row of the summary: its 执行率, and its 等级 against its 得分. */
function checkSummaryRow(ctx: RuleContext, r: SummaryRow, funds: FundEvaluation[]): void {
  const rate = checkExecutionRate(ctx, { label: r.name.text, initial: r.initial, budget: r.budget, executed: r.executed, rate: r.rate });
  funds.push({
    label: r.name.text,
    initial: r.initial?.value ?? null,
    budget: r.budget?.value ?? null,
    executed: r.executed?.value ?? null,
    rate,
  });
  if (r.score && r.score.value !== null) checkGrade(ctx, r.grade, r.score.value, `「${r.name.text}」`);
}

/** A 小计 or the 合计 of a summary: which it is, its row, and the project rows it sums. */
interface SummarySum {
  sum: SumRow;
  row: SummaryRow;
  parts: SummaryRow[];
}

/** 小计 rows, then the 合计: each the sum of its projects (a 小计 is never counted in the 合计). */
function summarySums(t: SummaryTable): SummarySum[] {
  const sums: SummarySum[] = [];
  if (t.subtotals) {
    for (const sub of t.subtotals) {
      const parts: SummaryRow[] = [];
      for (const i of sub.parts) parts.push(t.rows[i]);
      sums.push({ sum: { sum: "subtotal", first: parts[0]?.name.text || null }, row: sub.row, parts });
    }
  }
  if (t.totalRow) sums.push({ sum: { sum: "total" }, row: t.totalRow, parts: t.rows });
  return sums;
}

/** A column's sum over the rows, as its SUM formula shows it (rounded to 6 decimals). */
function columnSum(parts: (NumberCell | null)[]): number {
  let a = 0;
  for (let i = 0; i < parts.length; i++) a = a + (parts[i]?.value ?? 0);
  return Number(a.toFixed(6));
}

/** The ranges of the project rows in the sum cell's column ("D5:D9,D12"), as its SUM formula reads them. */
function projectRanges(cell: NumberCell, projects: SummaryRow[]): string {
  const rows: number[] = [];
  for (let i = 0; i < projects.length; i++) rows.push(projects[i].row);
  return columnRanges(columnName(cell.ref.col), rows).join(",");
}

/**
 * One money column of a 小计 or 合计 row: FUNDS_SUBTOTAL_MISMATCH, its SUM planned; returns the cell as it will be
 * after the fill — the SUM's value where the SUM is there (whatever the cell showed — a number, a text, #REF!), else
 * what the person wrote, kept.
 */
function checkSummarySumColumn(
  ctx: RuleContext,
  which: SumRow,
  cell: NumberCell,
  projects: SummaryRow[],
  col: "initial" | "budget" | "executed",
): NumberCell {
  const parts = columnOf(projects, col);
  checkSubtotal(ctx, cell, parts, sumOf(which, col));
  for (const p of parts) ctx.plan.numberFromText(p);
  const sum = columnSum(parts);
  const summed = ctx.plan.formula(cell, sumFormula(projectRanges(cell, projects)), sum, {
    key: "summarySum",
    params: { what: sumOf(which, col) },
  });
  return summed ? summedCell(cell, sum) : cell;
}

/** A 小计 or 合计 cell as its SUM leaves it: the sum, a number. */
function summedCell(cell: NumberCell, sum: number): NumberCell {
  return { ...cell, value: sum, empty: false, numberAsText: false, error: null };
}

/** A 小计 or the 合计: each money column the sum of its projects', and its 执行率 over the sums. */
function checkSummarySum(ctx: RuleContext, s: SummarySum, funds: FundEvaluation[]): void {
  const which = s.sum;
  const tr = s.row;
  const projects = s.parts;
  // the row's label as the findings about its rate name it (the Chinese label in both languages)
  const label = sumLabel(sumOf(which, "budget"), "zh");
  if (!projects.length) return;
  // the cells as they will be after the fill: the sums of their columns
  const initial = tr.initial ? checkSummarySumColumn(ctx, which, tr.initial, projects, "initial") : null;
  const budget = tr.budget ? checkSummarySumColumn(ctx, which, tr.budget, projects, "budget") : null;
  const executed = tr.executed ? checkSummarySumColumn(ctx, which, tr.executed, projects, "executed") : null;
  const rate = checkExecutionRate(ctx, { label, initial, budget, executed, rate: tr.rate });
  funds.push({
    label,
    initial: initial?.value ?? null,
    budget: budget?.value ?? null,
    executed: executed?.value ?? null,
    rate,
  });
}

function analyzeSummary(ctx: RuleContext, t: SummaryTable): Evaluation {
  const funds: FundEvaluation[] = [];
  for (let i = 0; i < t.rows.length; i++) checkSummaryRow(ctx, t.rows[i], funds);
  const sums = summarySums(t);
  for (let i = 0; i < sums.length; i++) checkSummarySum(ctx, sums[i], funds);
  const asText: (NumberCell | null)[] = [];
  for (const r of t.rows) asText.push(r.initial, r.budget, r.executed, r.score);
  checkNumbersAsText(ctx, asText);
  return { executionRate: null, budgetScore: null, budgetWeight: null, indicators: [], weightSum: 0, total: null, grade: null, funds };
}

/** The one-change plan that takes a finding's suggestion (a score the rule computes) into its cell. */
export function suggestionPlan(analysis: TableAnalysis, finding: Finding): FillPlan {
  const s = finding.suggestion;
  if (!s) return { changes: [] };
  const held = analysis.suggested?.find((c) => c.cell === s.cell);
  if (held) {
    const { inferred: _inferred, ...change } = held;
    // the change keeps its own reason (the preview says it); its text says it was taken from the suggestion
    const taken = changeMessage({ key: "taken", params: { why: held.why ?? { key: "", params: {} } } });
    return { changes: [{ ...change, reason: taken.zh, reasonEn: taken.en }] };
  }
  const t = analysis.table;
  if (t.kind === "summary" || t.kind === "scorecard") return { changes: [] }; // scorecard scores are never suggested
  const ind = t.indicators.find((i) => i.score?.ref.address === s.cell);
  if (!ind || !ind.score) return { changes: [] };
  const plan = new PlanBuilder(t.sheet, t.bounds);
  plan.accept(ind.score, s.value, s.formula ?? null, { key: "accepted", params: { value: s.value } });
  return plan.build();
}
