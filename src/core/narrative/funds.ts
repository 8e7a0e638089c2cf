/** Fund rows in a report: the 资金情况 tables, over-execution sentences and the 执行率 chart. Shared by every kind. */
import type { FundRow, NumberCell } from "../model";
import * as fmt from "./format";
import { addr, placeholder, sb } from "./sentence";
import type { Quote, ReportChart, ReportTable, Sentence } from "./types";

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
    opts.first ?? "资金项目",
    ...(opts.initial ? ["年初预算数"] : []),
    "全年预算数",
    "全年执行数",
    "执行率",
    ...(opts.share ? ["占执行总额比例"] : []),
  ];
  const rows = lines.map((l) => [
    l.label,
    ...(opts.initial ? [money(l.initial, l.row.initial)] : []),
    money(l.budget, l.row.budget),
    money(l.executed, l.row.executed),
    l.rate !== null ? fmt.rate(l.rate) : l.budget === 0 && (l.executed ?? 0) > 0 ? "无预算" : "",
    ...(opts.share ? [totalExec && l.executed !== null && !l.total ? fmt.rate(l.executed / totalExec) : ""] : []),
  ]);
  const unit = opts.unit ?? "万元";
  const quotes: Quote[] = [];
  for (const l of lines) {
    const name = l.total ? "" : l.label;
    const q = (cell: string | null, label: string, value: string) => {
      if (cell) quotes.push({ cell, label: `${name}${label}`, value });
    };
    if (opts.initial && l.initial !== null)
      q(addr(l.row.initial), "年初预算数", fmt.money(l.initial, fmt.moneyDecimals(l.row.initial), unit));
    if (l.budget !== null) q(addr(l.row.budget), "全年预算数", fmt.money(l.budget, fmt.moneyDecimals(l.row.budget), unit));
    if (l.executed !== null) q(addr(l.row.executed), "全年执行数", fmt.money(l.executed, fmt.moneyDecimals(l.row.executed), unit));
    if (l.rate !== null) q(l.rateCell, "执行率", fmt.rate(l.rate));
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
    const s = sb().x(l.row.labelCell, l.label).t("全年执行数");
    s.q(addr(l.row.executed), `${l.label}全年执行数`, fmt.money(l.executed!, fmt.moneyDecimals(l.row.executed), unit));
    s.t("，超出全年预算数").q(addr(l.row.budget), `${l.label}全年预算数`, fmt.money(l.budget!, fmt.moneyDecimals(l.row.budget), unit));
    // the rate as the table states it, where it says so (a rate written upside down is left to the table's check)
    if (l.rate !== null && l.rate > 1) s.t("，执行率").q(l.rateCell, `${l.label}执行率`, fmt.rate(l.rate));
    s.t("。");
    out.push(s.done(), placeholder(`${l.label}超预算执行的原因及预算调整情况`));
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
    altText: `${caption}：${categories.map((c, i) => `${c}${fmt.rate(values[i])}`).join("，")}`,
  };
}
