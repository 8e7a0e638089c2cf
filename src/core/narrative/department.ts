/** The 部门整体支出绩效自评报告 (SPEC §6): overview, spending, goals, problems, measures, grade. */
import type { FundEvaluation, TableAnalysis } from "../analysis";
import type { DepartmentTable, FundRow } from "../model";
import { say } from "./words";
import * as fmt from "./format";
import { goalParagraphs, indicatorFacts, indicatorTable, scoreRateChart } from "./indicators";
import { executionRateChart, fundTable, moneyClauses, overExecution, type FundLine } from "./funds";
import { breakTitle } from "./layout";
import { addr, fundLabel, num, para, ask, plain, sb, textOf, yearOf } from "./sentence";
import type { Narrative, Paragraph, Section, Sentence } from "./types";

function deptName(d: DepartmentTable, t: TableAnalysis): string {
  return textOf(d.name) || (t.name ?? "").trim();
}

export function departmentTitle(t: TableAnalysis): string {
  const d = t.table as DepartmentTable;
  const year = yearOf(d.title, t.sheet);
  return say("report.title.department", { name: deptName(d, t), year: year ? say("report.word.year", { year }) : "" });
}

interface FundFacts {
  row: FundRow;
  label: string;
  budget: number | null;
  executed: number | null;
  rate: number | null;
}

function fundFacts(t: TableAnalysis, rows: FundRow[]): FundFacts[] {
  const used = new Set<FundEvaluation>();
  return rows.map((row) => {
    const label = fundLabel(row.label);
    const ev = t.evaluation.funds.find((f) => !used.has(f) && fundLabel(f.label) === label) ?? null;
    if (ev) used.add(ev);
    const budget = ev?.budget ?? num(row.budget);
    const executed = ev?.executed ?? num(row.executed);
    const rate = ev ? ev.rate : budget !== null && executed !== null && budget !== 0 ? executed / budget : null;
    return { row, label, budget, executed, rate };
  });
}

/** "按资金来源分，财政拨款全年预算数…，执行率…，占全年执行数的93.13%；其他资金…" */
function fundSentence(heading: string, facts: FundFacts[], unit: fmt.MoneyUnit): Sentence[] {
  if (!facts.length) return [ask("situation", { heading })];
  const totalExec = facts.every((f) => f.executed !== null) ? facts.reduce((a, f) => a + f.executed!, 0) : null;
  const s = sb().w("byHeading", { heading });
  facts.forEach((f, i) => {
    if (i) s.t("；");
    s.x(f.row.labelCell, f.label);
    const label = f.label;
    const clauses = moneyClauses(s, f, label, unit);
    if (f.rate === null && f.budget === 0 && (f.executed ?? 0) > 0) clauses.push(() => s.t(say("report.word.noBudgetNoRate")));
    if (totalExec && f.executed !== null) clauses.push(() => s.w("shareOf", { heading, rate: fmt.rate(f.executed! / totalExec) }));
    if (!clauses.length) s.t(say("report.word.notFilled"));
    clauses.forEach((c, j) => {
      if (j) s.t("，");
      c();
    });
  });
  s.t("。");
  return [s.done()];
}

function lines(facts: FundFacts[]): FundLine[] {
  return facts.map((f) => ({
    row: f.row,
    label: f.label,
    initial: null,
    budget: f.budget,
    executed: f.executed,
    rate: f.rate,
    rateCell: addr(f.row.rate),
    total: false,
  }));
}

function sumOf(facts: FundFacts[], key: "budget" | "executed"): { value: number; decimals: number } | null {
  if (!facts.length || facts.some((f) => f[key] === null)) return null;
  const decimals = Math.max(...facts.map((f) => fmt.moneyDecimals(key === "budget" ? f.row.budget : f.row.executed)));
  return { value: facts.reduce((a, f) => a + (f[key] as number), 0), decimals };
}

function spending(t: TableAnalysis, d: DepartmentTable): Section {
  const unit = fmt.moneyUnit(t.table);
  const year = yearOf(d.title, t.sheet);
  const sources = fundFacts(t, d.fundSources);
  const structure = fundFacts(t, d.fundStructure);
  const first: Sentence[] = [];
  const base = sources.length ? sources : structure;
  const b = sumOf(base, "budget");
  const e = sumOf(base, "executed");
  if (b && e) {
    const cells = base.flatMap((f) => [addr(f.row.budget), addr(f.row.executed)].filter((c): c is string => !!c));
    const rate = b.value !== 0 ? say("report.s.overallRate", { rate: fmt.rate(e.value / b.value) }) : "";
    first.push({
      text: say("report.s.departmentSpending", {
        year: year ? say("report.word.year", { year }) : say("report.word.thisYear"),
        budget: fmt.money(b.value, b.decimals, unit),
        executed: fmt.money(e.value, e.decimals, unit),
        rate,
      }),
      cells,
    });
  }
  const sourcesWord = say("report.word.fundSources");
  const structureWord = say("report.word.fundStructure");
  const p1 = para(...first, ...fundSentence(sourcesWord, sources, unit));
  const p2 = para(...fundSentence(structureWord, structure, unit));
  if (sources.length)
    p1.table = fundTable("fundSources", say("report.caption.fundSources"), lines(sources), {
      initial: false,
      share: true,
      first: sourcesWord,
      unit,
    });
  if (structure.length)
    p2.table = fundTable("fundStructure", say("report.caption.fundStructure"), lines(structure), {
      initial: false,
      share: true,
      first: structureWord,
      unit,
    });
  const chart = executionRateChart(lines([...sources, ...structure]), say("report.caption.fundRates"));
  if (chart) (structure.length ? p2 : p1).chart = chart;
  const paragraphs = [p1, p2];
  const sb2 = sumOf(structure, "budget");
  const se = sumOf(structure, "executed");
  if (
    sources.length &&
    structure.length &&
    b &&
    e &&
    sb2 &&
    se &&
    (Math.abs(b.value - sb2.value) > 0.01 || Math.abs(e.value - se.value) > 0.01)
  ) {
    paragraphs.push(
      para({
        text: say("report.verify.fundTotals", {
          sourcesBudget: fmt.money(b.value, b.decimals, unit),
          sourcesExecuted: fmt.money(e.value, e.decimals, unit),
          structureBudget: fmt.money(sb2.value, sb2.decimals, unit),
          structureExecuted: fmt.money(se.value, se.decimals, unit),
        }),
        cells: [...sources, ...structure].flatMap((f) => [addr(f.row.budget), addr(f.row.executed)].filter((c): c is string => !!c)),
        placeholder: true,
      }),
    );
  }
  return { id: "spending", title: say("report.heading.department.spending"), paragraphs };
}

function overview(t: TableAnalysis, d: DepartmentTable): Section {
  const name = deptName(d, t);
  const year = yearOf(d.title, t.sheet);
  const s: Sentence[] = [];
  if (name)
    s.push(
      sb()
        .w("reportIs", { name: (x) => x.x(d.name, name), year: year ? say("report.word.year", { year }) : "" })
        .done(),
    );
  else s.push(ask("departmentName"));
  s.push(ask("departmentDuties"));
  const goal = textOf(d.goals.expected);
  s.push(
    goal
      ? sb()
          .w("departmentGoalIs", { goal: (x) => x.x(d.goals.expected, goal) })
          .t(/[。；;]$/.test(goal) ? "" : "。")
          .done()
      : ask("departmentGoal"),
  );
  return { id: "overview", title: say("report.heading.department.overview"), paragraphs: [para(...s)] };
}

function goals(t: TableAnalysis, d: DepartmentTable): Section {
  const facts = indicatorFacts(t, d.indicators);
  const actual = textOf(d.goals.actual);
  const words = {
    weightWord: say(d.weightsInTargetColumn ? "report.word.weightOf" : "report.word.weight"),
    actualWord: say("report.word.completed"),
  };
  const paragraphs = [
    para(
      actual
        ? sb()
            .w("yearDone", { actual: (x) => x.x(d.goals.actual, actual) })
            .t(/[。；;]$/.test(actual) ? "" : "。")
            .done()
        : ask("departmentGoalDone"),
    ),
    ...goalParagraphs(facts, d.groups, words),
  ];
  if (!facts.length) paragraphs.push(para(ask("departmentTargetsDone")));
  else {
    const p: Paragraph = {
      sentences: [plain(say("report.line.departmentTable"))],
      table: indicatorTable(facts, { ...words, targetIsWeight: d.weightsInTargetColumn, total: t.evaluation.total }),
    };
    // where the table gives no fund row a rate to chart, the chart shows 得分率 by 一级指标 instead
    const fundsCharted = fundFacts(t, [...d.fundSources, ...d.fundStructure]).some((f) => f.rate !== null);
    const chart = fundsCharted ? null : scoreRateChart(facts, null);
    if (chart) p.chart = chart;
    paragraphs.push(p);
  }
  return { id: "goals", title: say("report.heading.department.goals"), paragraphs };
}

function problems(t: TableAnalysis, d: DepartmentTable): Section {
  const facts = indicatorFacts(t, d.indicators);
  const word = say(d.weightsInTargetColumn ? "report.word.weightOf" : "report.word.weight");
  const out: Sentence[] = [];
  for (const f of facts.filter((x) => x.lost > 0)) {
    const s = sb().w("indicator", { name: (x) => x.x(f.ind.nameCell, f.name) });
    const actual = f.actual;
    if (actual) s.w("completedIs", { actual: (x) => x.x(f.ind.actualCell, actual) });
    s.w("scoreOf", { score: (x) => x.q(addr(f.ind.score), say("report.label.score", { name: f.name }), fmt.score(f.score ?? 0)) });
    const weight = f.weight;
    if (weight !== null)
      s.w("belowWord", {
        word,
        weight: (x) => x.q(addr(f.ind.weight), say("report.label.of", { name: f.name, word }), fmt.score(weight)),
      });
    const reason = f.reason;
    if (reason) s.w("reasonIs", { reason: (x) => x.x(f.ind.reasonCell, reason) }).t(/[。；;]$/.test(reason) ? "" : "。");
    else s.t("。");
    out.push(s.done());
    if (!f.reason) out.push(ask("notFull", { name: f.name }));
  }
  out.push(...overExecution(lines(fundFacts(t, [...d.fundSources, ...d.fundStructure])), fmt.moneyUnit(t.table)));
  const noBudget = fundFacts(t, [...d.fundSources, ...d.fundStructure]).filter((f) => f.budget === 0 && (f.executed ?? 0) > 0);
  for (const f of noBudget) {
    out.push(
      sb()
        .w("noBudgetExecuted", {
          label: (x) => x.x(f.row.labelCell, f.label),
          executed: (x) =>
            x.q(
              addr(f.row.executed),
              say("report.label.partExecuted", { label: f.label }),
              fmt.money(f.executed!, fmt.moneyDecimals(f.row.executed), fmt.moneyUnit(t.table)),
            ),
        })
        .done(),
    );
  }
  if (!out.length) out.push(plain(say("report.line.departmentAllDone")));
  out.push(ask("otherProblems"));
  return { id: "problems", title: say("report.heading.department.problems"), paragraphs: [para(...out)] };
}

function measures(): Section {
  return { id: "measures", title: say("report.heading.department.measures"), paragraphs: [para(ask("departmentMeasures"))] };
}

function grade(t: TableAnalysis, d: DepartmentTable): Section {
  const name = deptName(d, t);
  const year = yearOf(d.title, t.sheet);
  const total = t.evaluation.total;
  const g = t.evaluation.grade;
  const out: Sentence[] = [];
  if (total !== null) {
    const s = sb().w("departmentTotalIs", {
      name: name || say("report.word.thisDepartment"),
      year: year ? say("report.word.year", { year }) : "",
      total: (x) => x.q(addr(d.total), say("report.label.total"), fmt.score(total)),
    });
    if (g) s.w("gradeIs", { grade: (x) => x.q(addr(d.grade) ?? addr(d.total), say("report.label.grade"), g) });
    s.t("。");
    out.push(s.done());
    if (!g) out.push(ask("grade"));
  } else out.push(ask("totalAndGrade"));
  return { id: "grade", title: say("report.heading.department.grade"), paragraphs: [para(...out)] };
}

export function departmentNarrative(t: TableAnalysis): Narrative {
  const d = t.table as DepartmentTable;
  return {
    kind: "department",
    title: departmentTitle(t),
    titleLines: breakTitle(departmentTitle(t)),
    signature: deptName(d, t) ? { unit: deptName(d, t), cell: addr(d.name) } : { unit: null, cell: null },
    sheet: t.sheet,
    sections: [overview(t, d), spending(t, d), goals(t, d), problems(t, d), measures(), grade(t, d)],
  };
}
