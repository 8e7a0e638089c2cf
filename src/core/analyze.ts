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
import type { DepartmentTable, FundRow, NumberCell, ProjectTable, SummaryRow, SummaryTable, Table } from "./model";
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
  let evaluation: Evaluation;
  let name: string | null;
  switch (table.kind) {
    case "project":
      evaluation = analyzeProject(ctx, table);
      name = table.name?.text || null;
      break;
    case "department":
      evaluation = analyzeDepartment(ctx, table);
      name = table.name?.text || null;
      break;
    case "summary":
      evaluation = analyzeSummary(ctx, table);
      name = table.unit?.text || table.title;
      break;
    case "scorecard":
      evaluation = checkScorecard(ctx, table);
      name = table.name?.text || table.title;
      break;
  }
  // a number stored as text that a formula of the plan reads is converted with it (SPEC §5), whichever rule wrote it
  const textNumbers = new Map<string, NumberCell>();
  for (const c of cells) if (c && c.numberAsText && !c.formula && c.value !== null) textNumbers.set(c.ref.address.toUpperCase(), c);
  if (textNumbers.size) {
    for (const ch of ctx.plan.build().changes) {
      if (!ch.after.formula) continue;
      for (const ref of formulaCells(ch.after.formula)) {
        const c = textNumbers.get(ref);
        if (c) ctx.plan.numberFromText(c);
      }
    }
  }
  // a formula that would read its own cell is never planned: the table was misread there, and the finding says so
  for (const c of ctx.plan.selfReferences()) ctx.report("TABLE_PARTIAL.selfReference", "warning", c.cell, { formula: c.formula });
  const plan = ctx.plan.build();
  const suggested = ctx.plan.suggestions();
  const findings = sortFindings(withSuggestions(settleNumbersAsText(ctx.findings, plan, cells), suggested));
  return { sheet: table.sheet, kind: table.kind, table, name, findings, plan, suggested, evaluation };
}

/** A change held back over a person's entry becomes the one-click suggestion of the finding at its cell. */
function withSuggestions(findings: Finding[], suggested: CellChange[]): Finding[] {
  if (!suggested.length) return findings;
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
  const fund = (f: FundRow | null) => {
    if (f) out.push(f.initial, f.budget, f.executed, f.rate);
  };
  switch (t.kind) {
    case "project":
      fund(t.fundTotal);
      t.fundParts.forEach(fund);
      out.push(t.budgetWeight, t.rate, t.budgetScore, t.totalWeight, t.total);
      pushIndicatorCells(out, t.indicators);
      break;
    case "department":
      t.fundSources.forEach(fund);
      t.fundStructure.forEach(fund);
      if (t.budgetRow) {
        fund(t.budgetRow.fund);
        out.push(t.budgetRow.weight, t.budgetRow.score);
      }
      out.push(t.totalWeight, t.total);
      pushIndicatorCells(out, t.indicators);
      break;
    case "summary": {
      const row = (r: SummaryRow) => out.push(r.initial, r.budget, r.executed, r.rate, r.score);
      t.rows.forEach(row);
      for (const s of t.subtotals ?? []) row(s.row);
      if (t.totalRow) row(t.totalRow);
      break;
    }
    case "scorecard":
      for (const i of t.items) out.push(i.weight, i.score);
      for (const g of t.groups) out.push(g.weightCell, g.scoreCell);
      out.push(t.totalWeight, t.total);
      break;
  }
  return out;
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
 * checkTotal's score lists: the budget rows' scores (the 执行率得分, where the table has one) then each indicator's —
 * as typed, as they will stand after the fill (the budget score's as filledBudgetScore says), and the cells the 总分
 * formula sums (those that exist).
 */
function scoreLists(
  ctx: RuleContext,
  budgetCells: (NumberCell | null)[],
  budgetRules: (number | null)[],
  rows: { score: NumberCell | null }[],
  evaluated: IndicatorEvaluation[],
): { statedScores: (number | null)[]; filledScores: (number | null)[]; scoreCells: NumberCell[] } {
  const statedScores: (number | null)[] = [];
  const filledScores: (number | null)[] = [];
  const scoreCells: NumberCell[] = [];
  for (let k = 0; k < budgetCells.length; k++) {
    const c = budgetCells[k];
    statedScores.push(stated(c));
    filledScores.push(filledBudgetScore(ctx, c, budgetRules[k]));
    if (c) scoreCells.push(c);
  }
  for (let k = 0; k < rows.length; k++) {
    const c = rows[k].score;
    statedScores.push(stated(c));
    filledScores.push(evaluated[k].score);
    if (c) scoreCells.push(c);
  }
  return { statedScores, filledScores, scoreCells };
}

/** A fund row's money cells, for NUMBER_AS_TEXT: 年初预算数 (where asked), 全年预算数, 全年执行数. */
function pushFundCells(out: (NumberCell | null)[], f: FundRow, initial: boolean): void {
  if (initial) out.push(f.initial);
  out.push(f.budget, f.executed);
}

/** Each indicator's 分值 and 得分, for NUMBER_AS_TEXT. */
function pushIndicatorCells(out: (NumberCell | null)[], indicators: { weight: NumberCell | null; score: NumberCell | null }[]): void {
  for (const i of indicators) out.push(i.weight, i.score);
}

function analyzeProject(ctx: RuleContext, t: ProjectTable): Evaluation {
  const funds: FundEvaluation[] = [];
  let rate: number | null = null;
  if (t.fundTotal) {
    rate = checkExecutionRate(ctx, { ...t.fundTotal, rate: t.rate });
    funds.push(fundEval(t.fundTotal, rate));
    for (const col of ["initial", "budget", "executed"] as const) {
      checkSubtotal(ctx, t.fundTotal[col], columnOf(t.fundParts, col), { sum: "fundTotal", column: col });
    }
  }
  for (const p of t.fundParts) funds.push(fundEval(p, executionRate(p.budget?.value ?? null, p.executed?.value ?? null)));

  const bScore = checkBudgetScore(ctx, t.budgetWeight, t.rate, t.budgetScore, rate);
  const indicators: IndicatorEvaluation[] = [];
  for (const i of t.indicators) indicators.push(checkIndicator(ctx, i, t.weightsInTargetColumn));
  const budgetWeight = t.budgetWeight?.value ?? null;
  // a table published as its funds block only has no indicators to weigh (TABLE_PARTIAL says so)
  const indicatorsRead = !t.partial.some((p) => p.part === "indicators");
  const weightsKnown = indicatorsRead && !t.partial.some((p) => p.part === "weightColumn");
  checkBlockWeight(ctx, t.fundsDeclared, budgetWeight);
  // the block holds the 预算执行率 row too where the table scores the rate as an indicator
  const blockWeight = blockActualWeight(t.indicators, t.groups, weightsKnown);
  checkBlockWeight(
    ctx,
    t.indicatorsDeclared,
    blockWeight !== null && t.rateIndicator && weightsKnown ? blockWeight + (budgetWeight ?? 0) : blockWeight,
  );
  // with no 分值 column the weights are unknown, not 0: TABLE_PARTIAL says so, and no weight rule runs on them
  let weightSum = 0;
  if (weightsKnown) {
    checkGroupWeights(ctx, t.groups);
    weightSum = checkTotalWeight(ctx, t.indicators, budgetWeight, t.totalWeight);
    checkWeightSplit(ctx, t.indicators, budgetWeight, t.totalWeight?.ref.address ?? null);
  }

  // the 执行率得分 first, then each indicator's: as typed, once filled, and the cells the 总分 formula sums
  const scores = scoreLists(ctx, [t.budgetScore], [bScore], t.indicators, indicators);
  const total = checkTotal(ctx, { totalCell: t.total, ...scores });
  checkGrade(ctx, t.grade, total, "");
  const asText: (NumberCell | null)[] = [];
  if (t.fundTotal) pushFundCells(asText, t.fundTotal, true);
  for (const f of t.fundParts) pushFundCells(asText, f, true);
  asText.push(t.budgetWeight);
  pushIndicatorCells(asText, t.indicators);
  asText.push(t.totalWeight);
  checkNumbersAsText(ctx, asText);
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

function analyzeDepartment(ctx: RuleContext, t: DepartmentTable): Evaluation {
  const funds: FundEvaluation[] = [];
  for (const f of [...t.fundSources, ...t.fundStructure]) {
    funds.push(fundEval(f, checkExecutionRate(ctx, f)));
  }
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
  for (const col of ["budget", "executed"] as const) {
    checkSplitTotals(ctx, columnOf(t.fundSources, col), columnOf(t.fundStructure, col), { sum: "column", column: col });
  }
  const indicators: IndicatorEvaluation[] = [];
  for (const i of t.indicators) indicators.push(checkIndicator(ctx, i, t.weightsInTargetColumn));
  const indicatorsRead = !t.partial.some((p) => p.part === "indicators");
  const weightsKnown = indicatorsRead && !t.partial.some((p) => p.part === "weightColumn");
  checkBlockWeight(ctx, t.indicatorsDeclared, blockActualWeight(t.indicators, t.groups, weightsKnown));
  let weightSum = 0;
  if (weightsKnown) {
    checkGroupWeights(ctx, t.groups);
    weightSum = checkTotalWeight(ctx, t.indicators, budgetWeight, t.totalWeight);
  }
  const budgetScoreCell = b?.score ?? null;
  const scores = scoreLists(ctx, b ? [budgetScoreCell] : [], b ? [bScore] : [], t.indicators, indicators);
  const total = checkTotal(ctx, { totalCell: t.total, ...scores });
  checkGrade(ctx, t.grade, total, "");
  const asText: (NumberCell | null)[] = [];
  for (const f of t.fundSources) pushFundCells(asText, f, false);
  for (const f of t.fundStructure) pushFundCells(asText, f, false);
  if (b) pushFundCells(asText, b.fund, false);
  asText.push(b?.weight ?? null);
  pushIndicatorCells(asText, t.indicators);
  asText.push(t.totalWeight);
  checkNumbersAsText(ctx, asText);
  return {
    executionRate: rate,
    budgetScore: bScore,
    budgetWeight,
    indicators,
    weightSum,
    total: indicatorsRead ? total : null,
    grade: indicatorsRead ? grade(total) : null,
    funds,
  };
}

function analyzeSummary(ctx: RuleContext, t: SummaryTable): Evaluation {
  const funds: FundEvaluation[] = [];
  for (const r of t.rows) {
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
  // 小计 rows, then the 合计: each the sum of its projects (a 小计 is never counted in the 合计)
  const sums: { sum: SumRow; row: SummaryRow; parts: SummaryRow[] }[] = [];
  for (const sub of t.subtotals ?? []) {
    const parts: SummaryRow[] = [];
    for (const i of sub.parts) parts.push(t.rows[i]);
    sums.push({ sum: { sum: "subtotal", first: parts[0]?.name.text || null }, row: sub.row, parts });
  }
  if (t.totalRow) sums.push({ sum: { sum: "total" }, row: t.totalRow, parts: t.rows });
  for (const { sum: which, row: tr, parts: projects } of sums) {
    // the row's label as the findings about its rate name it (the Chinese label in both languages)
    const label = sumLabel(sumOf(which, "budget"), "zh");
    if (!projects.length) continue;
    // the cells as they will be after the fill: the sums of their columns
    const filled: Partial<Record<"initial" | "budget" | "executed", NumberCell>> = {};
    for (const col of ["initial", "budget", "executed"] as const) {
      const cell = tr[col];
      if (!cell) continue;
      const parts = columnOf(projects, col);
      checkSubtotal(ctx, cell, parts, sumOf(which, col));
      for (const p of parts) ctx.plan.numberFromText(p);
      const sum = Number(parts.reduce<number>((a, p) => a + (p?.value ?? 0), 0).toFixed(6));
      const letter = columnName(cell.ref.col);
      const rows: number[] = [];
      for (const r of projects) rows.push(r.row);
      const ranges = columnRanges(letter, rows);
      const summed = ctx.plan.formula(cell, sumFormula(ranges.join(",")), sum, {
        key: "summarySum",
        params: { what: sumOf(which, col) },
      });
      // what the cell holds after the fill, judged the same before and after it: the SUM's value where the SUM is
      // there (whatever the cell showed — a number, a text, #REF!), else what the person wrote, kept
      filled[col] = summed ? { ...cell, value: sum, empty: false, numberAsText: false, error: null } : cell;
    }
    const rate = checkExecutionRate(ctx, {
      label,
      initial: filled.initial ?? null,
      budget: filled.budget ?? null,
      executed: filled.executed ?? null,
      rate: tr.rate,
    });
    funds.push({
      label,
      initial: filled.initial?.value ?? null,
      budget: filled.budget?.value ?? null,
      executed: filled.executed?.value ?? null,
      rate,
    });
  }
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
