/**
 * One set of figures: a report states the table's own numbers. The engine's evaluation holds the numbers
 * as they stand after the fill (the rule's); `statedAnalysis` gives the same analysis with the numbers the table
 * states now, and `compareFigures` lists every figure where the two differ, cell by cell. Where that list is not
 * empty the report waits: the CLI until --fill or --as-is, the pane until the person chooses 先填充再生成 or to write
 * the table's figures as they are.
 */
import type { Evaluation, FundEvaluation, Grade, IndicatorEvaluation, ScorecardEvaluation, TableAnalysis } from "../analysis";
import { t as tr, type Lang } from "../messages";
import type { FundRow, NumberCell, Table } from "../model";
import { grade as gradeOf } from "../rules/grade";
import * as fmt from "./format";
import { cleanText, fundLabel } from "./sentence";
import { say } from "./words";
import type { Narrative, Sentence } from "./types";

/** What kind of figure a cell holds: how to write it and how close counts as equal. */
type FigureKind = "rate" | "score" | "money" | "weight";

interface FigureCell {
  cell: NumberCell;
  label: string;
  kind: FigureKind;
}

/** A figure the table states differently from the rule (or leaves empty where the rule has one). */
export interface FigureDifference {
  sheet: string;
  /** A1 address on the sheet. */
  cell: string;
  /** What it is, in Chinese ("执行率", "“救助人次”得分", "总分"). */
  label: string;
  /** As the table has it, written as the report would ("99.15%"); "（空）" when the cell is empty. */
  stated: string;
  /** As the rule has it ("100.86%"); "（无）" when the rule computes none. */
  rule: string;
  statedValue: number | null;
  ruleValue: number | null;
}

const EMPTY = say("report.figure.empty");
const NONE = say("report.figure.none");

function write(kind: FigureKind, v: number, cell: NumberCell | null, unit: fmt.MoneyUnit): string {
  switch (kind) {
    case "rate":
      return fmt.rate(v);
    case "money":
      return fmt.money(v, cell ? fmt.moneyDecimals(cell) : fmt.decimalsOf(v), unit);
    default:
      return fmt.score(v);
  }
}

function tolerance(kind: FigureKind, cell: NumberCell): number {
  if (kind === "rate") return 0.5 * 10 ** -Math.min(Math.max(cell.decimals, 2), 10);
  if (kind === "money") return Math.max(0.005, 0.5 * 10 ** -Math.min(Math.max(cell.decimals, 0), 6));
  return 0.005;
}

/** The number a cell states now: null when empty, an error or not a number. */
export function statedNumber(cell: NumberCell | null | undefined): number | null {
  if (!cell || cell.empty || cell.error) return null;
  return cell.value !== null && Number.isFinite(cell.value) ? cell.value : null;
}

/** Every derived figure of a table (the cells the fill may write), with its label. */
function figureCells(t: Table): FigureCell[] {
  const out: FigureCell[] = [];
  const add = (cell: NumberCell | null, label: string, kind: FigureKind) => {
    if (cell) out.push({ cell, label, kind });
  };
  const fundRate = (f: FundRow) => add(f.rate, say("report.label.partRate", { label: fundLabel(f.label) }), "rate");
  const scoreOf = (name: string) => say("report.label.score", { name: cleanText(name) });
  const total = say("report.word.total");
  switch (t.kind) {
    case "project":
      add(t.rate, say("report.label.rate"), "rate");
      t.fundParts.forEach(fundRate);
      add(t.budgetScore, say("report.label.budgetScore"), "score");
      for (const i of t.indicators) add(i.score, scoreOf(i.name), "score");
      add(t.total, say("report.label.total"), "score");
      break;
    case "department":
      [...t.fundSources, ...t.fundStructure].forEach(fundRate);
      for (const i of t.indicators) add(i.score, scoreOf(i.name), "score");
      add(t.total, say("report.label.total"), "score");
      break;
    case "summary":
      for (const r of t.rows) add(r.rate, say("report.label.of", { name: cleanText(r.name.text), word: say("report.label.rate") }), "rate");
      if (t.totalRow) {
        add(t.totalRow.initial, say("report.label.partInitial", { label: total }), "money");
        add(t.totalRow.budget, say("report.label.partBudget", { label: total }), "money");
        add(t.totalRow.executed, say("report.label.partExecuted", { label: total }), "money");
        add(t.totalRow.rate, say("report.label.partRate", { label: total }), "rate");
      }
      break;
    case "scorecard":
      for (const g of t.groups) {
        add(g.scoreCell, scoreOf(g.name), "score");
        add(g.weightCell, say("report.label.weight", { name: cleanText(g.name) }), "weight");
      }
      add(t.total, say("report.label.total"), "score");
      add(t.totalWeight, say("report.label.partWeight", { label: total }), "weight");
      break;
  }
  return out;
}

/**
 * The figures where the table and the rule disagree: every cell the fill would write with a different number (a
 * stated figure that breaks its rule, or an empty cell the rule fills). A number stored as text or a format the fill
 * would change is the same figure and is not listed; neither is a score a person entered that the rule would score
 * otherwise (that is their judgement, and the report states it).
 */
export function compareFigures(t: TableAnalysis): FigureDifference[] {
  const byCell = new Map(figureCells(t.table).map((f) => [f.cell.ref.address, f]));
  const out: FigureDifference[] = [];
  for (const ch of t.plan.changes) {
    if (ch.kind !== "formula" && ch.kind !== "score") continue;
    const fig = byCell.get(ch.cell);
    const ruleValue = typeof ch.expected === "number" && Number.isFinite(ch.expected) ? ch.expected : null;
    const statedValue = fig ? statedNumber(fig.cell) : typeof ch.before.value === "number" ? ch.before.value : null;
    const kind: FigureKind = fig?.kind ?? "score";
    const same =
      statedValue === null || ruleValue === null
        ? statedValue === ruleValue
        : Math.abs(statedValue - ruleValue) <= (fig ? tolerance(kind, fig.cell) : 0.005);
    if (same) continue;
    out.push({
      sheet: ch.sheet,
      cell: ch.cell,
      label: fig?.label ?? ch.reason,
      stated: statedValue === null ? EMPTY : write(kind, statedValue, fig?.cell ?? null, fmt.moneyUnit(t.table)),
      rule: ruleValue === null ? NONE : write(kind, ruleValue, fig?.cell ?? null, fmt.moneyUnit(t.table)),
      statedValue,
      ruleValue,
    });
  }
  return out;
}

/** "执行率（G6）：表中 99.15%，按规则 100.86%". */
export function differenceLine(d: FigureDifference, lang: Lang = "zh"): string {
  return tr(
    "report.figure.difference",
    {
      label: d.label,
      cell: d.cell,
      stated: d.stated === EMPTY ? tr("report.figure.empty", lang) : d.stated,
      rule: d.rule === NONE ? tr("report.figure.none", lang) : d.rule,
    },
    lang,
  );
}

const GRADES: Grade[] = ["优", "良", "中", "差"];

/** A stated 等级: the text of its cell when it is one, else the grade of the stated 总分. */
function statedGrade(cell: { text: string } | null, total: number | null): Grade | null {
  const g = cell ? (cleanText(cell.text) as Grade) : null;
  if (g && GRADES.includes(g)) return g;
  return total !== null ? gradeOf(total) : null;
}

/** A formula cell saved without its result (a file written by the fill, by a script): it shows what it computes. */
export function uncachedFormula(cell: NumberCell | null | undefined): boolean {
  return !!cell && !!cell.formula && !cell.error && (cell.empty || cell.value === null);
}

/**
 * Where the table has a cell, what it states; where it has none — or a formula whose result was not saved, which
 * compareFigures has already checked is the rule's — the figure the rule derives from the table's own numbers.
 */
const cellOr = (cell: NumberCell | null, derived: number | null): number | null =>
  cell && !uncachedFormula(cell) ? statedNumber(cell) : derived;

function statedIndicators(ev: IndicatorEvaluation[], t: Table): IndicatorEvaluation[] {
  if (t.kind !== "project" && t.kind !== "department") return ev;
  return ev.map((e) => {
    const ind = t.indicators.find((i) => i.row === e.row);
    if (!ind || !ind.score || uncachedFormula(ind.score)) return e;
    const score = statedNumber(ind.score);
    const weight = statedNumber(ind.weight);
    const lost = score !== null && weight !== null ? Math.max(0, fmt.roundTo(weight - score, 2)) : 0;
    const source: IndicatorEvaluation["source"] =
      score === null ? "none" : e.source === "computed" && e.score === score ? "computed" : "entered";
    return { ...e, score, source, explanation: source === "computed" ? e.explanation : null, lost };
  });
}

function statedFunds(funds: FundEvaluation[], rows: { label: string; rate: NumberCell | null }[]): FundEvaluation[] {
  const used = new Set<number>();
  return funds.map((f) => {
    const i = rows.findIndex((r, k) => !used.has(k) && cleanText(r.label) === cleanText(f.label));
    if (i < 0) return f;
    used.add(i);
    return { ...f, rate: cellOr(rows[i].rate, f.rate) };
  });
}

function statedScorecard(ev: ScorecardEvaluation | undefined, t: Table): ScorecardEvaluation | undefined {
  if (!ev || t.kind !== "scorecard") return ev;
  return {
    items: ev.items,
    groups: ev.groups.map((g) => {
      const group = t.groups[g.group];
      const score = group?.scoreCell && !uncachedFormula(group.scoreCell) ? statedNumber(group.scoreCell) : g.score;
      const weight = group?.weightCell ? (statedNumber(group.weightCell) ?? g.weight) : g.weight;
      const lost = score !== null && weight !== null ? Math.max(0, fmt.roundTo(weight - score, 2)) : 0;
      return { ...g, score, weight, lost };
    }),
  };
}

/**
 * The analysis with the figures the table states now instead of the rule's: a derived cell the table has (执行率,
 * 执行率得分, a score, 总分, a 合计) is quoted as it stands — empty stays empty; a figure the table has no cell for is
 * derived from the table's own numbers as before. Findings and the fill plan are unchanged.
 */
export function statedAnalysis(t: TableAnalysis): TableAnalysis {
  const ev = t.evaluation;
  const table = t.table;
  let evaluation: Evaluation;
  switch (table.kind) {
    case "project": {
      const executionRate = cellOr(table.rate, ev.executionRate);
      const rows = [
        ...(table.fundTotal ? [{ label: table.fundTotal.label, rate: table.rate ?? table.fundTotal.rate }] : []),
        ...table.fundParts.map((p) => ({ label: p.label, rate: p.rate })),
      ];
      const total = cellOr(table.total, ev.total);
      evaluation = {
        ...ev,
        executionRate,
        budgetScore: cellOr(table.budgetScore, ev.budgetScore),
        indicators: statedIndicators(ev.indicators, table),
        funds: statedFunds(ev.funds, rows),
        total,
        grade: statedGrade(table.grade, total),
      };
      break;
    }
    case "department": {
      const total = cellOr(table.total, ev.total);
      evaluation = {
        ...ev,
        indicators: statedIndicators(ev.indicators, table),
        funds: statedFunds(ev.funds, [...table.fundSources, ...table.fundStructure]),
        total,
        grade: statedGrade(table.grade, total),
      };
      break;
    }
    case "summary": {
      const rows = table.rows.map((r) => ({ label: r.name.text, rate: r.rate }));
      const funds = statedFunds(ev.funds, rows).map((f) => {
        if (f.label !== "合计" || !table.totalRow) return f;
        const tr = table.totalRow;
        return {
          ...f,
          initial: cellOr(tr.initial, f.initial),
          budget: cellOr(tr.budget, f.budget),
          executed: cellOr(tr.executed, f.executed),
          rate: cellOr(tr.rate, f.rate),
        };
      });
      evaluation = { ...ev, funds };
      break;
    }
    case "scorecard": {
      const stated = table.total && !table.total.empty ? statedNumber(table.total) : (table.totalInText?.value ?? null);
      const total = uncachedFormula(table.total) ? ev.total : table.total || table.totalInText ? stated : ev.total;
      evaluation = { ...ev, scorecard: statedScorecard(ev.scorecard, table), total, grade: statedGrade(table.grade, total) };
      break;
    }
  }
  return { ...t, evaluation };
}

/** The analysis a report should be written from: the table's own figures, or — after the fill — the rule's. */
export function reportAnalysis(t: TableAnalysis, figures: "stated" | "filled"): TableAnalysis {
  return figures === "filled" ? t : statedAnalysis(t);
}

/**
 * A report written from the table's figures as they stand although some differ from the rule (`--as-is`,
 * 按表中数字生成): a marked note at its top names every such figure, so the document itself says so.
 */
export function withDifferencesNote(n: Narrative, differences: FigureDifference[]): Narrative {
  if (differences.length === 0 || n.sections.length === 0) return n;
  const lines = differences.map((d) => differenceLine(d, "zh")).join("；");
  const note: Sentence = {
    text: say("report.figure.note", { count: String(differences.length), lines }),
    cells: differences.map((d) => d.cell),
    note: true,
  };
  const [first, ...rest] = n.sections;
  return { ...n, sections: [{ ...first, paragraphs: [{ sentences: [note] }, ...first.paragraphs] }, ...rest] };
}
