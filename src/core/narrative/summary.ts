/** A short report for the 部门项目支出绩效自评情况汇总表: overview, projects, grade. */
import type { TableAnalysis } from "../analysis";
import type { SummaryRow, SummaryTable } from "../model";
import { say } from "./words";
import * as fmt from "./format";
import { addr, cleanText, num, para, ask, plain, sb, textOf, yearOf } from "./sentence";
import { executionRateChart, overExecution, type FundLine } from "./funds";
import { breakTitle } from "./layout";
import type { Narrative, Quote, ReportTable, Section, Sentence } from "./types";

interface RowFacts {
  row: SummaryRow;
  name: string;
  initial: number | null;
  budget: number | null;
  executed: number | null;
  rate: number | null;
  score: number | null;
  grade: string;
}

function facts(t: TableAnalysis, r: SummaryRow): RowFacts {
  const name = textOf(r.name);
  const ev = t.evaluation.funds.find((f) => cleanText(f.label) === name) ?? null;
  const budget = ev?.budget ?? num(r.budget);
  const executed = ev?.executed ?? num(r.executed);
  const rate = ev ? ev.rate : budget !== null && executed !== null && budget !== 0 ? executed / budget : null;
  return { row: r, name, initial: ev?.initial ?? num(r.initial), budget, executed, rate, score: num(r.score), grade: textOf(r.grade) };
}

export function summaryTitle(t: TableAnalysis): string {
  const s = t.table as SummaryTable;
  const year = yearOf(s.title, t.sheet);
  return `${textOf(s.unit)}${year ? `${year}年度` : ""}项目支出绩效自评情况汇总`;
}

function moneyClauses(s: ReturnType<typeof sb>, f: RowFacts, label: string, unit: fmt.MoneyUnit): void {
  const clauses: (() => void)[] = [];
  if (f.initial !== null)
    clauses.push(() =>
      s.t("年初预算数").q(addr(f.row.initial), `${label}年初预算数`, fmt.money(f.initial!, fmt.moneyDecimals(f.row.initial), unit)),
    );
  if (f.budget !== null)
    clauses.push(() =>
      s.t("全年预算数").q(addr(f.row.budget), `${label}全年预算数`, fmt.money(f.budget!, fmt.moneyDecimals(f.row.budget), unit)),
    );
  if (f.executed !== null)
    clauses.push(() =>
      s.t("全年执行数").q(addr(f.row.executed), `${label}全年执行数`, fmt.money(f.executed!, fmt.moneyDecimals(f.row.executed), unit)),
    );
  if (f.rate !== null) clauses.push(() => s.t("执行率").q(addr(f.row.rate), `${label}执行率`, fmt.rate(f.rate!)));
  clauses.forEach((c, i) => {
    if (i) s.t("，");
    c();
  });
}

export function summaryNarrative(t: TableAnalysis): Narrative {
  const st = t.table as SummaryTable;
  const rows = st.rows.map((r) => facts(t, r));
  const year = yearOf(st.title, t.sheet);
  const ov: Sentence[] = [];
  const head = sb().t(`${year ? `${year}年度` : "本年度"}共对${rows.length}个项目开展绩效自评`);
  if (st.totalRow) {
    const tot = facts(t, st.totalRow);
    head.t("，合计");
    moneyClauses(head, tot, "合计", fmt.moneyUnit(t.table));
  }
  head.t("。");
  ov.push(head.done());
  const noInitial = rows.filter((r) => r.initial === 0 || (r.initial === null && r.budget !== null));
  if (noInitial.length)
    ov.push({
      text: `其中${noInitial.map((r) => `“${r.name}”`).join("、")}年初未安排预算，为年中追加项目。`,
      cells: noInitial.map((r) => addr(r.row.initial)).filter((c): c is string => !!c),
    });

  // The projects go into a table; sentences only for what deserves one: over-execution, a low rate, a grade below 优.
  const lineOf = (f: RowFacts, total: boolean): FundLine => ({
    row: { labelCell: f.row.name, initial: f.row.initial, budget: f.row.budget, executed: f.row.executed },
    label: total ? "合计" : `“${f.name}”`,
    initial: f.initial,
    budget: f.budget,
    executed: f.executed,
    rate: f.rate,
    rateCell: addr(f.row.rate),
    total,
  });
  const list: Sentence[] = [];
  if (rows.length) list.push(plain(`各项目的预算执行及自评情况见下表。`));
  list.push(
    ...overExecution(
      rows.map((f) => lineOf(f, false)),
      fmt.moneyUnit(t.table),
    ),
  );
  const low = rows.filter((f) => f.rate !== null && f.rate < 0.9);
  for (const f of low) {
    const s = sb()
      .t("“")
      .x(f.row.name, f.name)
      .t("”执行率")
      .q(addr(f.row.rate), `“${f.name}”执行率`, fmt.rate(f.rate!))
      .t("，预算执行偏慢。");
    list.push(s.done(), ask("budgetShortfallOf", { name: f.name }));
  }
  for (const f of rows.filter((x) => x.grade && x.grade !== "优")) {
    const s = sb().t("“").x(f.row.name, f.name).t("”");
    if (f.score !== null) s.t("自评得分").q(addr(f.row.score), `“${f.name}”自评得分`, fmt.score(f.score)).t("，");
    s.t("评价等级为“").x(f.row.grade, f.grade).t("”。");
    list.push(s.done());
  }
  if (!rows.length) list.push(ask("projectsDone"));
  const projectsPara = para(...list);
  if (rows.length) projectsPara.table = projectTable(rows, st.totalRow ? facts(t, st.totalRow) : null, fmt.moneyUnit(t.table));
  const chart = executionRateChart(
    rows.map((f) => ({ ...lineOf(f, false), label: f.name })),
    "各项目预算执行率",
  );
  if (chart) projectsPara.chart = chart;

  const counts = new Map<string, number>();
  for (const f of rows) if (f.grade) counts.set(f.grade, (counts.get(f.grade) ?? 0) + 1);
  const order = ["优", "良", "中", "差"];
  const parts = [...counts.entries()].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0])).map(([g, n]) => `“${g}”${n}个`);
  const grade: Sentence[] = parts.length
    ? [
        {
          // one grade for all: "8个项目评价等级均为“优”" (not "“优”8个" after the count was just given)
          text:
            counts.size === 1 && parts.length === 1 && [...counts.values()][0] === rows.length
              ? `${rows.length}个项目评价等级均为“${[...counts.keys()][0]}”。`
              : `各项目评价等级为：${parts.join("，")}。`,
          cells: rows.map((r) => addr(r.row.grade)).filter((c): c is string => !!c),
        },
      ]
    : [ask("projectGrades")];
  grade.push(ask("summaryResultUse"));

  const sections: Section[] = [
    { id: "overview", title: say("report.heading.summary.overview"), paragraphs: [para(...ov)] },
    { id: "projects", title: say("report.heading.summary.projects"), paragraphs: [projectsPara] },
    { id: "grade", title: say("report.heading.summary.grade"), paragraphs: [para(...grade)] },
  ];
  const unit = textOf(st.unit);
  return {
    kind: "summary",
    title: summaryTitle(t),
    titleLines: breakTitle(summaryTitle(t)),
    signature: unit ? { unit, cell: addr(st.unit) } : { unit: null, cell: null },
    sheet: t.sheet,
    sections,
  };
}

/** 序号 | 项目名称 | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 | 自评得分 | 评价等级, then 合计. */
function projectTable(rows: RowFacts[], total: RowFacts | null, unit: fmt.MoneyUnit): ReportTable {
  const money = (v: number | null, cell: RowFacts["row"]["budget"]) =>
    v === null ? "" : fmt.money(v, fmt.moneyDecimals(cell), "元").replace(/元$/, "");
  const line = (f: RowFacts, seq: string): string[] => [
    seq,
    f.name,
    money(f.initial, f.row.initial),
    money(f.budget, f.row.budget),
    money(f.executed, f.row.executed),
    f.rate !== null ? fmt.rate(f.rate) : "",
    f.score !== null ? fmt.trimmed(f.score) : "",
    f.grade,
  ];
  const out = rows.map((f, i) => line(f, textOf(f.row.seq) || String(i + 1)));
  const quotes: Quote[] = [];
  for (const f of total ? [...rows, { ...total, name: "合计" }] : rows) {
    const label = f.name === "合计" ? "合计" : `“${f.name}”`;
    const q = (cell: string | null, what: string, value: string) => {
      if (cell) quotes.push({ cell, label: `${label}${what}`, value });
    };
    if (f.initial !== null) q(addr(f.row.initial), "年初预算数", fmt.money(f.initial, fmt.moneyDecimals(f.row.initial), unit));
    if (f.budget !== null) q(addr(f.row.budget), "全年预算数", fmt.money(f.budget, fmt.moneyDecimals(f.row.budget), unit));
    if (f.executed !== null) q(addr(f.row.executed), "全年执行数", fmt.money(f.executed, fmt.moneyDecimals(f.row.executed), unit));
    if (f.rate !== null) q(addr(f.row.rate), "执行率", fmt.rate(f.rate));
    if (f.score !== null && f.name !== "合计") q(addr(f.row.score), "自评得分", fmt.score(f.score));
  }
  const emphasis: number[] = [];
  if (total) {
    emphasis.push(out.length);
    out.push(line({ ...total, name: "合计", score: null, grade: "" }, ""));
  }
  return {
    id: "projects",
    caption: "项目支出绩效自评情况",
    unit,
    header: ["序号", "项目名称", "年初预算数", "全年预算数", "全年执行数", "执行率", "自评得分", "评价等级"],
    rows: out,
    numeric: [false, false, true, true, true, true, true, false],
    emphasis,
    quotes,
  };
}
