/** The 项目支出绩效自评报告 (SPEC §6): basic, goals, conclusion, deviation, application. */
import type { FundEvaluation, TableAnalysis } from "../analysis";
import type { FundRow, ProjectTable } from "../model";
import { say } from "./words";
import * as fmt from "./format";
import { goalParagraphs, grouped, indicatorFacts, indicatorTable, lostList, scoreRateChart } from "./indicators";
import { fundTable, moneyClauses, overExecution, type FundLine } from "./funds";
import { breakTitle } from "./layout";
import { addr, fundLabel, num, para, ask, plain, sb, textOf, yearOf } from "./sentence";
import type { Narrative, Paragraph, Section, Sentence } from "./types";

const WORDS = { weightWord: say("report.word.weight"), actualWord: say("report.word.actual") };

function fundEval(t: TableAnalysis, row: FundRow): FundEvaluation | null {
  const label = fundLabel(row.label);
  return t.evaluation.funds.find((f) => fundLabel(f.label) === label) ?? null;
}

function projectName(p: ProjectTable, t: TableAnalysis): string {
  return textOf(p.name) || (t.name ?? "").trim();
}

export function projectTitle(t: TableAnalysis): string {
  const p = t.table as ProjectTable;
  const name = projectName(p, t);
  const year = yearOf(p.title, t.sheet);
  const what = name ? (name.endsWith("项目") ? name : `${name}${say("report.word.project")}`) : say("report.word.projectSpending");
  return say("report.title.project", { what, year: year ? say("report.word.year", { year }) : "" });
}

function basic(t: TableAnalysis, p: ProjectTable): Section {
  const name = projectName(p, t);
  const year = yearOf(p.title, t.sheet);
  const dept = textOf(p.department);
  const impl = textOf(p.implementer);

  const s1 = sb().w("overviewLead");
  if (name) s1.x(p.name, name).t(name.endsWith("项目") ? "" : say("report.word.project"));
  else if (dept || impl) s1.t(say("report.word.thisProject"));
  if (dept && impl && dept === impl) s1.w("sameOwner", { department: (x) => x.x(p.department, dept).ref(addr(p.implementer)) });
  else {
    const parts: (() => void)[] = [];
    if (dept) parts.push(() => s1.w("departmentIs", { department: (x) => x.x(p.department, dept) }));
    if (impl) parts.push(() => s1.w("implementerIs", { implementer: (x) => x.x(p.implementer, impl) }));
    if (parts.length) {
      s1.t(say("report.word.of"));
      parts.forEach((f, i) => {
        if (i) s1.t("，");
        f();
      });
    }
    if (name || parts.length) s1.t("。");
  }
  const overview: Sentence[] = [s1.done()];
  if (!name) overview.push(ask("projectName"));
  if (!dept) overview.push(ask("department"));
  if (!impl) overview.push(ask("implementer"));
  overview.push(ask("projectBasis"));
  const goal = textOf(p.goals.expected);
  overview.push(
    goal
      ? sb()
          .w("goalIs", { goal: (x) => x.x(p.goals.expected, goal) })
          .t(/[。；;]$/.test(goal) ? "" : "。")
          .done()
      : ask("projectGoal"),
  );

  // （二）资金情况
  const funds: Sentence[] = [];
  const total = p.fundTotal;
  if (total) {
    const ev = fundEval(t, total);
    const s = sb().w("fundsLead", { year: year ? say("report.word.year", { year }) : "" });
    const clauses: (() => void)[] = [];
    const initial = num(total.initial);
    const budget = ev?.budget ?? num(total.budget);
    const executed = ev?.executed ?? num(total.executed);
    if (initial !== null)
      clauses.push(() =>
        s.w("initialIs", {
          value: (x) =>
            x.q(
              addr(total.initial),
              say("report.label.initial"),
              fmt.money(initial, fmt.moneyDecimals(total.initial), fmt.moneyUnit(t.table)),
            ),
        }),
      );
    if (budget !== null)
      clauses.push(() =>
        s.w("budgetIs", {
          value: (x) =>
            x.q(addr(total.budget), say("report.label.budget"), fmt.money(budget, fmt.moneyDecimals(total.budget), fmt.moneyUnit(t.table))),
        }),
      );
    if (executed !== null)
      clauses.push(() =>
        s.w("executedIs", {
          value: (x) =>
            x.q(
              addr(total.executed),
              say("report.label.executed"),
              fmt.money(executed, fmt.moneyDecimals(total.executed), fmt.moneyUnit(t.table)),
            ),
        }),
      );
    const rate = t.evaluation.executionRate ?? ev?.rate ?? null;
    if (rate !== null)
      clauses.push(() =>
        s.w("rateClause", { value: (x) => x.q(addr(p.rate) ?? addr(total.rate), say("report.label.rate"), fmt.rate(rate)) }),
      );
    clauses.forEach((c, i) => {
      if (i) s.t("，");
      c();
    });
    s.t("。");
    funds.push(s.done());
    if (budget === null) funds.push(ask("budget"));
    if (executed === null) funds.push(ask("executed"));
    if (rate === null && budget === 0 && executed !== null) funds.push(plain(say("report.line.noBudget")));
    else if (rate === null && budget !== null && executed !== null) funds.push(ask("rateEmpty"));
  } else {
    funds.push(plain(say("report.line.projectFundsHeading")), ask("projectFunds"));
  }
  const parts = p.fundParts;
  if (parts.length) {
    const s = sb().w("bySource");
    parts.forEach((row, i) => {
      const ev = fundEval(t, row);
      const label = fundLabel(row.label);
      const budget = ev?.budget ?? num(row.budget);
      const executed = ev?.executed ?? num(row.executed);
      if (i) s.t("；");
      s.x(row.labelCell, label);
      const facts = { row: { budget: row.budget, executed: row.executed, rate: null }, budget, executed, rate: null };
      const clauses = moneyClauses(s, facts, label, fmt.moneyUnit(t.table), { executed: "partExecutedIs" });
      if (!clauses.length) s.t(say("report.word.notFilled"));
      clauses.forEach((c, j) => {
        if (j) s.t("，");
        c();
      });
    });
    s.t("。");
    funds.push(s.done());
  }
  const bw = t.evaluation.budgetWeight ?? num(p.budgetWeight);
  const bs = t.evaluation.budgetScore;
  if (bw !== null || bs !== null) {
    const s = sb().w("budgetIndicator");
    if (bw !== null) s.w("weightIs", { value: (x) => x.q(addr(p.budgetWeight), say("report.label.budgetWeight"), fmt.score(bw)) });
    if (bw !== null && bs !== null) s.t("，");
    if (bs !== null) s.w("scoreIs", { value: (x) => x.q(addr(p.budgetScore), say("report.label.budgetScore"), fmt.score(bs)) });
    s.t("。");
    funds.push(s.done());
  }
  const fundsPara = para(...funds);
  const lines = fundLines(t, p);
  if (lines.length)
    fundsPara.table = fundTable("funds", say("report.caption.projectFunds"), lines, {
      initial: true,
      share: false,
      unit: fmt.moneyUnit(t.table),
    });
  return { id: "basic", title: say("report.heading.project.basic"), paragraphs: [para(...overview), fundsPara] };
}

/** The 年度资金总额 row and its parts, with the figures the analysis states. */
function fundLines(t: TableAnalysis, p: ProjectTable): FundLine[] {
  const out: FundLine[] = [];
  const rows = p.fundTotal ? [p.fundTotal, ...p.fundParts] : p.fundParts;
  for (const row of rows) {
    const ev = fundEval(t, row);
    const isTotal = row === p.fundTotal;
    const budget = ev?.budget ?? num(row.budget);
    const executed = ev?.executed ?? num(row.executed);
    const rate = isTotal ? (t.evaluation.executionRate ?? ev?.rate ?? null) : (ev?.rate ?? null);
    out.push({
      row,
      label: fundLabel(row.label),
      initial: ev?.initial ?? num(row.initial),
      budget,
      executed,
      rate,
      rateCell: isTotal ? (addr(p.rate) ?? addr(row.rate)) : addr(row.rate),
      total: isTotal,
    });
  }
  return out;
}

function goals(t: TableAnalysis, p: ProjectTable): Section {
  const facts = indicatorFacts(t, p.indicators);
  const actual = textOf(p.goals.actual);
  const first: Paragraph = para(
    actual
      ? sb()
          .w("goalDone", { actual: (x) => x.x(p.goals.actual, actual) })
          .t(/[。；;]$/.test(actual) ? "" : "。")
          .done()
      : ask("projectGoalDone"),
  );
  const paragraphs = [first, ...goalParagraphs(facts, p.groups, WORDS)];
  if (!facts.length) paragraphs.push(para(ask("indicatorsDone")));
  else {
    const budget = {
      weight: t.evaluation.budgetWeight ?? num(p.budgetWeight),
      score: t.evaluation.budgetScore,
      rate: t.evaluation.executionRate,
    };
    paragraphs.push({
      sentences: [plain(say("report.line.projectTable"))],
      table: indicatorTable(facts, { ...WORDS, targetIsWeight: p.weightsInTargetColumn, budget, total: t.evaluation.total }),
    });
  }
  return { id: "goals", title: say("report.heading.project.goals"), paragraphs };
}

function conclusion(t: TableAnalysis, p: ProjectTable): Section {
  const facts = indicatorFacts(t, p.indicators);
  const name = projectName(p, t);
  const year = yearOf(p.title, t.sheet);
  const total = t.evaluation.total;
  const grade = t.evaluation.grade;
  const sentences: Sentence[] = [];
  if (total !== null) {
    const s = sb().w("totalIs", {
      subject: name ? `${name}${name.endsWith("项目") ? "" : say("report.word.project")}` : say("report.word.theProject"),
      year: year ? say("report.word.year", { year }) : "",
      total: (x) => x.q(addr(p.total), say("report.label.total"), fmt.score(total)),
    });
    if (grade) s.w("gradeIs", { grade: (x) => x.q(addr(p.grade) ?? addr(p.total), say("report.label.grade"), grade) });
    s.t("。");
    sentences.push(s.done());
    if (!grade) sentences.push(ask("grade"));
  } else {
    sentences.push(ask("totalAndGrade"));
  }
  // Scores by 一级.
  const bs = t.evaluation.budgetScore;
  const bw = t.evaluation.budgetWeight ?? num(p.budgetWeight);
  const pieces: string[] = [];
  const cells: string[] = [];
  if (bs !== null) {
    const weight =
      bw !== null
        ? sb()
            .w("weightAside", { weight: fmt.score(bw) })
            .done().text
        : "";
    pieces.push(
      sb()
        .w("budgetScorePiece", { score: fmt.score(bs), weight })
        .done().text,
    );
    for (const c of [addr(p.budgetScore), addr(p.budgetWeight)]) if (c) cells.push(c);
  }
  for (const g of grouped(facts)) {
    const items = g.level2.flatMap((x) => x.items);
    if (items.some((f) => f.score === null || f.weight === null)) continue;
    const w = items.reduce((a, f) => a + f.weight!, 0);
    const sc = items.reduce((a, f) => a + f.score!, 0);
    const group = g.level1 || say("report.word.indicators");
    pieces.push(
      sb()
        .w("groupScorePiece", { group, score: fmt.score(sc), weight: fmt.score(w) })
        .done().text,
    );
    for (const f of items) for (const c of [addr(f.ind.score), addr(f.ind.weight)]) if (c) cells.push(c);
  }
  if (pieces.length)
    sentences.push({
      text: sb()
        .w("among", { pieces: pieces.join("，") })
        .done().text,
      cells,
    });
  const lost = lostList(facts);
  const budgetLost = bs !== null && bw !== null && fmt.roundTo(bw - bs, 2) > 0 ? fmt.roundTo(bw - bs, 2) : 0;
  if (lost.text || budgetLost) {
    const budget = budgetLost
      ? sb()
          .w("budgetLost", { score: fmt.score(budgetLost) })
          .done().text
      : "";
    const list = [budget, lost.text].filter(Boolean).join("、");
    sentences.push({
      text: sb().w("deductions", { list }).done().text,
      cells: [...(budgetLost ? [addr(p.budgetScore)!].filter(Boolean) : []), ...lost.cells],
    });
  } else if (facts.length && facts.every((f) => f.score !== null)) {
    sentences.push(plain(say("report.line.allFull")));
  }
  const concl = para(...sentences);
  const chart = scoreRateChart(facts, { weight: bw, score: bs });
  if (chart) concl.chart = chart;
  return { id: "conclusion", title: say("report.heading.project.conclusion"), paragraphs: [concl] };
}

function deviation(t: TableAnalysis, p: ProjectTable): Section {
  const facts = indicatorFacts(t, p.indicators);
  const out: Sentence[] = [];
  const rate = t.evaluation.executionRate;
  const bs = t.evaluation.budgetScore;
  const bw = t.evaluation.budgetWeight ?? num(p.budgetWeight);
  const over = overExecution(fundLines(t, p), fmt.moneyUnit(t.table));
  out.push(...over);
  if (bs !== null && bw !== null && bs < bw) {
    const s = sb();
    if (rate !== null) s.w("rateIs", { rate: (x) => x.q(addr(p.rate), say("report.label.rate"), fmt.rate(rate)) });
    s.w("budgetScoreBelow", {
      score: (x) => x.q(addr(p.budgetScore), say("report.label.budgetScore"), fmt.score(bs)),
      weight: (x) => x.q(addr(p.budgetWeight), say("report.label.budgetWeight"), fmt.score(bw)),
    });
    out.push(s.done());
    out.push(ask("budgetShortfall"));
  }
  for (const f of facts) {
    if (f.lost > 0) {
      const s = sb().w("indicatorScore", {
        name: (x) => x.x(f.ind.nameCell, f.name),
        score: (x) => x.q(addr(f.ind.score), say("report.label.score", { name: f.name }), fmt.score(f.score ?? 0)),
      });
      const weight = f.weight;
      if (weight !== null)
        s.w("belowWeight", { weight: (x) => x.q(addr(f.ind.weight), say("report.label.weight", { name: f.name }), fmt.score(weight)) });
      if (f.ev && f.ev.source === "computed" && f.ev.explanation) s.t(`（${f.ev.explanation}）`);
      if (f.reason) {
        const reason = f.reason;
        s.w("deviationReason", { reason: (x) => x.x(f.ind.reasonCell, reason) }).t(/[。；;]$/.test(reason) ? "" : "。");
        out.push(s.done());
      } else {
        s.t("。");
        out.push(s.done(), ask("notFullWithMeasures", { name: f.name }));
      }
    } else if (f.reason) {
      out.push(
        sb()
          .w("indicatorNote", { name: (x) => x.x(f.ind.nameCell, f.name), reason: (x) => x.x(f.ind.reasonCell, f.reason) })
          .t(/[。；;]$/.test(f.reason) ? "" : "。")
          .done(),
      );
    }
  }
  if (!out.length) {
    out.push(plain(say("report.line.noDeviation")));
  }
  out.push(ask("nextSteps"));
  return { id: "deviation", title: say("report.heading.project.deviation"), paragraphs: [para(...out)] };
}

function application(): Section {
  return {
    id: "application",
    title: say("report.heading.project.application"),
    paragraphs: [para(ask("resultUse"), ask("publicity"))],
  };
}

export function projectNarrative(t: TableAnalysis): Narrative {
  const p = t.table as ProjectTable;
  return {
    kind: "project",
    title: projectTitle(t),
    titleLines: breakTitle(projectTitle(t)),
    signature:
      p.implementer && textOf(p.implementer)
        ? { unit: textOf(p.implementer), cell: addr(p.implementer) }
        : p.department && textOf(p.department)
          ? { unit: textOf(p.department), cell: addr(p.department) }
          : { unit: null, cell: null },
    sheet: t.sheet,
    sections: [basic(t, p), goals(t, p), conclusion(t, p), deviation(t, p), application()],
  };
}
