/** A short report for the 部门项目支出绩效自评情况汇总表: overview, projects, grade. */
import type { TableAnalysis } from "../analysis";
import type { SummaryRow, SummaryTable } from "../model";
import { say } from "./words";
import * as fmt from "./format";
import { addr, cleanText, num, para, ask, plain, sb, textOf, yearOf } from "./sentence";
import { executionRateChart, moneyClauses as rowMoneyClauses, overExecution, type FundLine } from "./funds";
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
  return say("report.title.summary", { unit: textOf(s.unit), year: year ? say("report.word.year", { year }) : "" });
}

function moneyClauses(s: ReturnType<typeof sb>, f: RowFacts, label: string, unit: fmt.MoneyUnit): void {
  const clauses = rowMoneyClauses(s, f, label, unit);
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
  const totalRow = st.totalRow;
  const head = sb().w("summaryHead", {
    year: year ? say("report.word.year", { year }) : say("report.word.thisYear"),
    count: String(rows.length),
    total: (x) => {
      if (totalRow)
        x.w("summaryTotal", { clauses: (y) => moneyClauses(y, facts(t, totalRow), say("report.word.total"), fmt.moneyUnit(t.table)) });
    },
  });
  ov.push(head.done());
  const noInitial = rows.filter((r) => r.initial === 0 || (r.initial === null && r.budget !== null));
  if (noInitial.length)
    ov.push({
      text: say("report.s.midYear", { names: noInitial.map((r) => say("report.label.quoted", { name: r.name })) }),
      cells: noInitial.map((r) => addr(r.row.initial)).filter((c): c is string => !!c),
    });

  // The projects go into a table; sentences only for what deserves one: over-execution, a low rate, a grade below 优.
  const lineOf = (f: RowFacts, total: boolean): FundLine => ({
    row: { labelCell: f.row.name, initial: f.row.initial, budget: f.row.budget, executed: f.row.executed },
    label: total ? say("report.word.total") : say("report.label.quoted", { name: f.name }),
    initial: f.initial,
    budget: f.budget,
    executed: f.executed,
    rate: f.rate,
    rateCell: addr(f.row.rate),
    total,
  });
  const list: Sentence[] = [];
  if (rows.length) list.push(plain(say("report.line.summaryTable")));
  list.push(
    ...overExecution(
      rows.map((f) => lineOf(f, false)),
      fmt.moneyUnit(t.table),
    ),
  );
  const low = rows.filter((f) => f.rate !== null && f.rate < 0.9);
  for (const f of low) {
    const s = sb().w("rateSlow", {
      name: (x) => x.x(f.row.name, f.name),
      rate: (x) => x.q(addr(f.row.rate), say("report.label.of", { name: f.name, word: say("report.label.rate") }), fmt.rate(f.rate!)),
    });
    list.push(s.done(), ask("budgetShortfallOf", { name: f.name }));
  }
  for (const f of rows.filter((x) => x.grade && x.grade !== "优")) {
    const score = f.score;
    const s = sb().w("projectGrade", {
      name: (x) => x.x(f.row.name, f.name),
      score: (x) => {
        if (score !== null)
          x.w("selfScoreIs", {
            score: (y) =>
              y.q(addr(f.row.score), say("report.label.of", { name: f.name, word: say("report.word.selfScore") }), fmt.score(score)),
          });
      },
      grade: (x) => x.x(f.row.grade, f.grade),
    });
    list.push(s.done());
  }
  if (!rows.length) list.push(ask("projectsDone"));
  const projectsPara = para(...list);
  if (rows.length) projectsPara.table = projectTable(rows, st.totalRow ? facts(t, st.totalRow) : null, fmt.moneyUnit(t.table));
  const chart = executionRateChart(
    rows.map((f) => ({ ...lineOf(f, false), label: f.name })),
    say("report.caption.projectRates"),
  );
  if (chart) projectsPara.chart = chart;

  const counts = new Map<string, number>();
  for (const f of rows) if (f.grade) counts.set(f.grade, (counts.get(f.grade) ?? 0) + 1);
  const order = ["优", "良", "中", "差"];
  const parts = [...counts.entries()]
    .sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
    .map(([g, n]) => say("report.s.gradeCount", { grade: g, count: String(n) }));
  const grade: Sentence[] = parts.length
    ? [
        {
          // one grade for all: "8个项目评价等级均为“优”" (not "“优”8个" after the count was just given)
          text:
            counts.size === 1 && parts.length === 1 && [...counts.values()][0] === rows.length
              ? say("report.s.allGrade", { count: String(rows.length), grade: [...counts.keys()][0] })
              : say("report.s.grades", { list: parts.join("，") }),
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

type LabelKey =
  "report.label.partInitial" | "report.label.partBudget" | "report.label.partExecuted" | "report.label.partRate" | "report.label.partScore";

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
  const TOTAL = say("report.word.total");
  for (const f of total ? [...rows, { ...total, name: TOTAL }] : rows) {
    const label = f.name === TOTAL ? TOTAL : say("report.label.quoted", { name: f.name });
    const q = (cell: string | null, key: LabelKey, value: string) => {
      if (cell) quotes.push({ cell, label: say(key, { label }), value });
    };
    if (f.initial !== null)
      q(addr(f.row.initial), "report.label.partInitial", fmt.money(f.initial, fmt.moneyDecimals(f.row.initial), unit));
    if (f.budget !== null) q(addr(f.row.budget), "report.label.partBudget", fmt.money(f.budget, fmt.moneyDecimals(f.row.budget), unit));
    if (f.executed !== null)
      q(addr(f.row.executed), "report.label.partExecuted", fmt.money(f.executed, fmt.moneyDecimals(f.row.executed), unit));
    if (f.rate !== null) q(addr(f.row.rate), "report.label.partRate", fmt.rate(f.rate));
    if (f.score !== null && f.name !== TOTAL) q(addr(f.row.score), "report.label.partScore", fmt.score(f.score));
  }
  const emphasis: number[] = [];
  if (total) {
    emphasis.push(out.length);
    out.push(line({ ...total, name: TOTAL, score: null, grade: "" }, ""));
  }
  return {
    id: "projects",
    caption: say("report.caption.summaryProjects"),
    unit,
    header: [
      say("report.header.seq"),
      say("report.header.projectName"),
      say("report.label.initial"),
      say("report.label.budget"),
      say("report.label.executed"),
      say("report.label.rate"),
      say("report.word.selfScore"),
      say("report.header.grade"),
    ],
    rows: out,
    numeric: [false, false, true, true, true, true, true, false],
    emphasis,
    quotes,
  };
}
