/** Fund rows in a report: the 资金情况 tables, over-execution sentences and the 执行率 chart. Shared by every kind. */
import type { FundRow, NumberCell } from "../model";
import * as fmt from "./format";
import { addr, ask, sb } from "./sentence";
import { say } from "./words";
import type { Quote, ReportChart, ReportTable, Sentence } from "./types";

/** A row's money figures and the cells they are quoted from (a fund row, a summary's project or total). */
export interface MoneyFacts {
  row: { initial?: NumberCell | null; budget: NumberCell | null; executed: NumberCell | null; rate: NumberCell | null };
  initial?: number | null;
  budget: number | null;
  executed: number | null;
  rate: number | null;
}

/**
 * The clauses of one row's money (年初预算数, 全年预算数, 全年执行数, 执行率, those it has), each quoting its cell. A part
 * of a project's funds says its executed figure as a part's (`executed: "partExecutedIs"`).
 */
export function moneyClauses(
  s: ReturnType<typeof sb>,
  f: MoneyFacts,
  label: string,
  unit: fmt.MoneyUnit,
  opts: { executed?: "executedIs" | "partExecutedIs" } = {},
): (() => void)[] {
  const clauses: (() => void)[] = [];
  const money =
    (
      key: "initialIs" | "budgetIs" | "executedIs" | "partExecutedIs",
      part: "report.label.partInitial" | "report.label.partBudget" | "report.label.partExecuted",
      cell: NumberCell | null | undefined,
      value: number,
    ) =>
    () =>
      s.w(key, { value: (x) => x.q(addr(cell), say(part, { label }), fmt.money(value, fmt.moneyDecimals(cell ?? null), unit)) });
  if (f.initial !== null && f.initial !== undefined) clauses.push(money("initialIs", "report.label.partInitial", f.row.initial, f.initial));
  if (f.budget !== null) clauses.push(money("budgetIs", "report.label.partBudget", f.row.budget, f.budget));
  if (f.executed !== null) clauses.push(money(opts.executed ?? "executedIs", "report.label.partExecuted", f.row.executed, f.executed));
  if (f.rate !== null) {
    const rate = f.rate;
    clauses.push(() => s.w("rateClause", { value: (x) => x.q(addr(f.row.rate), say("report.label.partRate", { label }), fmt.rate(rate)) }));
  }
  return clauses;
}

/** One fund row (or one project of a summary) with the figures the analysis states. */
export interface FundLine {
  row: Pick<FundRow, "labelCell" | "initial" | "budget" | "executed"> & { labelCell: FundRow["labelCell"] | null };
  label: string;
  initial: number | null;
  budget: number | null;
  executed: number | null;
  rate: number | null;
  /** The cell the rate is quoted from, if the table has one. */
  rateCell: string | null;
  /** The 年度资金总额 / 合计 row. */
  total: boolean;
}

type PartLabel = "report.label.partInitial" | "report.label.partBudget" | "report.label.partExecuted" | "report.label.partRate";

/** A table cell's money: the number alone (the unit is in the caption). */
const money = (v: number | null, cell: NumberCell | null) =>
  v === null ? "" : fmt.money(v, fmt.moneyDecimals(cell), "元").replace(/元$/, "");

/**
 * A 资金情况 table (万元): 资金项目 | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 (| 占比 of the executed total).
 * The 年度资金总额 / 合计 row in bold.
 */
export function fundTable(
  id: string,
  caption: string,
  lines: FundLine[],
  opts: { initial: boolean; share: boolean; first?: string; unit?: fmt.MoneyUnit },
): ReportTable {
  const totalExec = lines.filter((l) => !l.total).every((l) => l.executed !== null)
    ? lines.filter((l) => !l.total).reduce((a, l) => a + (l.executed ?? 0), 0)
    : null;
  const header = [
    opts.first ?? say("report.header.fundItem"),
    ...(opts.initial ? [say("report.label.initial")] : []),
    say("report.label.budget"),
    say("report.label.executed"),
    say("report.label.rate"),
    ...(opts.share ? [say("report.header.share")] : []),
  ];
  const rows = lines.map((l) => [
    l.label,
    ...(opts.initial ? [money(l.initial, l.row.initial)] : []),
    money(l.budget, l.row.budget),
    money(l.executed, l.row.executed),
    l.rate !== null ? fmt.rate(l.rate) : l.budget === 0 && (l.executed ?? 0) > 0 ? say("report.word.noBudget") : "",
    ...(opts.share ? [totalExec && l.executed !== null && !l.total ? fmt.rate(l.executed / totalExec) : ""] : []),
  ]);
  const unit = opts.unit ?? "万元";
  const quotes: Quote[] = [];
  for (const l of lines) {
    const name = l.total ? "" : l.label;
    const q = (cell: string | null, key: PartLabel, value: string) => {
      if (cell) quotes.push({ cell, label: say(key, { label: name }), value });
    };
    if (opts.initial && l.initial !== null)
      q(addr(l.row.initial), "report.label.partInitial", fmt.money(l.initial, fmt.moneyDecimals(l.row.initial), unit));
    if (l.budget !== null) q(addr(l.row.budget), "report.label.partBudget", fmt.money(l.budget, fmt.moneyDecimals(l.row.budget), unit));
    if (l.executed !== null)
      q(addr(l.row.executed), "report.label.partExecuted", fmt.money(l.executed, fmt.moneyDecimals(l.row.executed), unit));
    if (l.rate !== null) q(l.rateCell, "report.label.partRate", fmt.rate(l.rate));
  }
  return {
    id,
    caption,
    unit,
    header,
    rows,
    quotes,
    numeric: header.map((_, i) => i > 0),
    emphasis: lines.map((l, i) => (l.total ? i : -1)).filter((i) => i >= 0),
  };
}

/**
 * Every row executed above its budget, in any kind of report: the figures, then a placeholder asking why —
 * "项目支出全年执行数7645.75万元，超出全年预算数4300.32万元，执行率177.79%。【请补充：项目支出超预算执行的原因及预算调整情况】".
 */
export function overExecution(lines: FundLine[], unit: fmt.MoneyUnit = "万元"): Sentence[] {
  const out: Sentence[] = [];
  const total = lines.find((l) => l.total);
  const over = (l: FundLine) => l.budget !== null && l.executed !== null && l.budget > 0 && l.executed > l.budget + 1e-9;
  for (const l of lines) {
    if (!over(l)) continue;
    // a part with the very figures of an over-executed total says nothing new
    if (!l.total && total && over(total) && total.budget === l.budget && total.executed === l.executed) continue;
    const label = l.label;
    const s = sb().w("overExecution", {
      label: (x) => x.x(l.row.labelCell, label),
      executed: (x) =>
        x.q(
          addr(l.row.executed),
          say("report.label.partExecuted", { label }),
          fmt.money(l.executed!, fmt.moneyDecimals(l.row.executed), unit),
        ),
      budget: (x) =>
        x.q(addr(l.row.budget), say("report.label.partBudget", { label }), fmt.money(l.budget!, fmt.moneyDecimals(l.row.budget), unit)),
      // the rate as the table states it, where it says so (a rate written upside down is left to the table's check)
      rate: (x) => {
        if (l.rate !== null && l.rate > 1)
          x.w("overRate", { rate: (y) => y.q(l.rateCell, say("report.label.partRate", { label }), fmt.rate(l.rate!)) });
      },
    });
    out.push(s.done(), ask("overExecution", { label }));
  }
  return out;
}

/** 执行率 by fund row (or project), the total row left out; a reference line at 100%. */
export function executionRateChart(lines: FundLine[], caption: string): ReportChart | null {
  const shown = lines.filter((l) => !l.total && l.rate !== null);
  if (!shown.length) return null;
  const categories = shown.map((l) => l.label);
  const values = shown.map((l) => l.rate as number);
  return {
    kind: "executionRate",
    caption,
    categories,
    values,
    reference: 1,
    altText: say("report.chart.alt", { caption, list: categories.map((c, i) => `${c}${fmt.rate(values[i])}`).join("，") }),
  };
}
