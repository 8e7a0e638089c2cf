/**
 * The 评分表 report (SPEC §2.5, §6): the 指标体系, then by 一级 and 二级 their 满分 and 得分 in the published reports'
 * own words ("一级指标项目决策包含项目立项、项目目标2个二级指标，项目决策满分20分，经评分本项得分20分。（1）二级指标
 * “项目立项”满分8分，评价得分8分。"), then every deduction with its 扣分原因, then 总分 and 等级.
 */
import type { ScorecardGroupEvaluation, TableAnalysis } from "../analysis";
import type { ScorecardGroup, ScorecardTable } from "../model";
import { say } from "./words";
import * as fmt from "./format";
import { cnIndex, innerQuotes, level1ScoreRateChart } from "./indicators";
import { addr, cleanText, para, ask, plain, sb, textOf, yearOf, type SentenceBuilder } from "./sentence";
import { breakTitle } from "./layout";
import type { Narrative, Paragraph, Quote, ReportChart, ReportTable, Section, Sentence } from "./types";

const LEVEL = [say("report.word.level1"), say("report.word.level2"), say("report.word.level3"), say("report.word.level4")];

/** A group's name as a report writes it: no numbering ("一、"), no note in brackets. */
function groupLabel(name: string): string {
  return innerQuotes(cleanText(name).replace(/^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])/, ""));
}

function subject(t: TableAnalysis, s: ScorecardTable): string {
  const name = textOf(s.name) || "";
  if (name) return name.endsWith("项目") ? name : `${name}${say("report.word.project")}`;
  if (s.groups.some((g) => g.level === 1 && /部门/.test(g.name))) return say("report.word.departmentSpending");
  return say("report.word.project");
}

export function scorecardTitle(t: TableAnalysis): string {
  const s = t.table as ScorecardTable;
  const year = yearOf(s.title, t.sheet);
  return say("report.title.scorecard", { subject: subject(t, s), year: year ? say("report.word.year", { year }) : "" });
}

export function scorecardNarrative(t: TableAnalysis): Narrative {
  const s = t.table as ScorecardTable;
  const ev = t.evaluation.scorecard ?? { groups: [], items: [] };
  const gev = (gi: number): ScorecardGroupEvaluation | undefined => ev.groups.find((g) => g.group === gi);
  const weightCell = (g: ScorecardGroup) => addr(g.weightCell) ?? g.declaredCell?.address ?? g.labelCell.ref.address;
  const scoreCell = (g: ScorecardGroup) => addr(g.scoreCell) ?? g.labelCell.ref.address;
  const level1 = s.groups.map((g, gi) => ({ g, gi })).filter((x) => x.g.parent === null);
  const leafLevel = LEVEL[Math.max(0, s.levels - 1)] ?? say("report.word.lastLevel");

  // 一、评价指标体系
  const count = (l: number) => s.groups.filter((g) => g.level === l).length;
  const levelCount = (n: number, level: string) => say("report.s.levelCount", { count: String(n), level });
  const parts: string[] = [];
  for (let l = 2; l < s.levels; l++) if (count(l)) parts.push(levelCount(count(l), LEVEL[l - 1]));
  parts.push(levelCount(s.items.length, leafLevel));
  const weightSum = t.evaluation.weightSum;
  const overview = sb().w("systemIs", {
    groups: (x) => {
      if (!level1.length) return;
      x.t(level1.map(({ g }) => say("report.label.quoted", { name: groupLabel(g.name) })).join(""));
      x.t(levelCount(level1.length, LEVEL[0]));
      for (const { g } of level1) x.ref(g.labelCell.ref.address);
    },
    levels: `${level1.length ? "、" : ""}${parts.join("、")}`,
    full: (x) => {
      if (weightSum) x.w("fullIs", { score: (y) => y.q(addr(s.totalWeight) ?? null, say("report.label.full"), fmt.score(weightSum)) });
    },
  });
  const intro: Sentence[] = [overview.done()];
  if (s.placeholderRows.length) intro.push(ask("templateRows", { rows: s.placeholderRows.map(String) }));

  // 二、各项指标得分情况
  const scoreParas: Paragraph[] = [];
  level1.forEach(({ g, gi }, k) => {
    const e = gev(gi);
    const name = groupLabel(g.name);
    const out: Sentence[] = [];
    const head = sb().w("level1Lead", { index: cnIndex(k), name });
    const kids = g.children.map((c) => ({ c: s.groups[c], ci: c }));
    if (kids.length) {
      head.w("contains", {
        names: kids.map(({ c }) => groupLabel(c.name)).join("、"),
        count: String(kids.length),
        level: LEVEL[g.level],
        name,
      });
    } else if (g.items.length) {
      head.w("contains", {
        names: g.items.map((i) => innerQuotes(cleanText(s.items[i].name))).join("、"),
        count: String(g.items.length),
        level: leafLevel,
        name,
      });
    }
    headScore(head, name, e, weightCell(g), scoreCell(g), "reviewedScore");
    out.push(head.done());
    if (e && e.score === null) out.push(ask("scoreOf", { name }));
    kids.forEach(({ c, ci }, j) => {
      const ce = gev(ci);
      const cname = groupLabel(c.name);
      const x = sb().w("childLead", { index: String(j + 1), level: LEVEL[c.level - 1], name: cname });
      headScore(x, cname, ce, weightCell(c), scoreCell(c), "evaluatedScore");
      out.push(x.done());
      if (ce && ce.score === null) out.push(ask("scoreOf", { name: cname }));
    });
    scoreParas.push(para(...out));
  });
  const grouped = new Set(s.groups.flatMap((g) => g.items));
  const loose = s.items.map((it, i) => ({ it, i })).filter(({ i }) => !grouped.has(i));
  if (loose.length) {
    const out: Sentence[] = [];
    for (const { it, i } of loose) {
      const e = ev.items.find((x) => x.item === i);
      const name = innerQuotes(cleanText(it.name));
      const x = sb().w("looseLead", { name });
      headScore(
        x,
        name,
        e ? { weight: e.weight, score: e.score } : undefined,
        addr(it.weight) ?? addr(it.nameCell),
        addr(it.score),
        "scoreIs",
      );
      out.push(x.done());
    }
    scoreParas.push(para(...out));
  }
  if (!scoreParas.length) scoreParas.push(para(ask("scorecardScores")));
  else {
    const table = groupTable(s, ev.groups);
    if (table) {
      const p: Paragraph = { sentences: [plain(say("report.line.scorecardTable"))], table };
      const chart = level1Chart(s, ev.groups);
      if (chart) p.chart = chart;
      scoreParas.push(p);
    }
  }

  // 三、扣分情况及原因
  const deductions: Sentence[] = [];
  const lost = ev.items.filter((e) => e.lost > 0.005);
  for (const e of lost) {
    const it = s.items[e.item];
    const name = innerQuotes(cleanText(it.name));
    const where = it.path.slice(0, -1).map(groupLabel).filter(Boolean);
    const x = sb().w("deduction", {
      name: (y) => y.x(it.nameCell, name),
      where: where.length ? say("report.s.where", { path: where.join("—") }) : "",
      weight: (y) => y.q(addr(it.weight) ?? addr(it.nameCell), say("report.label.weight", { name }), fmt.score(e.weight ?? 0)),
      score: (y) => y.q(addr(it.score), say("report.label.score", { name }), fmt.score(e.score ?? 0)),
      lost: fmt.score(e.lost),
    });
    const reason = textOf(it.reasonCell).replace(/^[无\/—\-－]+$/, "");
    if (reason) {
      x.w("deductionReason", { reason: (y) => y.x(it.reasonCell, reason) }).t(/[。；;！!]$/.test(reason) ? "" : "。");
      deductions.push(x.done());
    } else {
      deductions.push(x.done(), ask("deductionOf", { name }));
    }
  }
  const scoredAll = ev.items.length > 0 && ev.items.every((e) => e.score !== null);
  if (!lost.length) deductions.push(scoredAll ? plain(say("report.line.noDeductions")) : ask("deductions"));
  if (lost.length) deductions.push(ask("deductionMeasures"));

  // 四、评价结论
  const total = t.evaluation.total;
  const grade = t.evaluation.grade;
  const conclusion: Sentence[] = [];
  if (total !== null) {
    const year = yearOf(s.title, t.sheet);
    const x = sb().w("evaluationTotalIs", {
      subject: subject(t, s),
      year: year ? say("report.word.year", { year }) : "",
      total: (y) => y.q(addr(s.total) ?? s.totalInText?.cell.ref.address ?? null, say("report.label.total"), fmt.score(total)),
    });
    if (grade) x.w("gradeIs", { grade: (y) => y.q(addr(s.grade) ?? addr(s.total) ?? null, say("report.label.grade"), grade) });
    x.t("。");
    conclusion.push(x.done());
    const stated = s.total && !s.total.empty ? s.total.value : (s.totalInText?.value ?? null);
    if (stated !== null && Math.abs(stated - total) > 0.005) {
      conclusion.push(plain(say("report.s.statedTotalDiffers", { stated: fmt.score(stated) })));
    }
  } else {
    conclusion.push(ask("evaluationTotalAndGrade"));
  }

  const sections: Section[] = [
    { id: "overview", title: say("report.heading.scorecard.overview"), paragraphs: [para(...intro)] },
    { id: "scores", title: say("report.heading.scorecard.scores"), paragraphs: scoreParas },
    { id: "deductions", title: say("report.heading.scorecard.deductions"), paragraphs: [para(...deductions)] },
    { id: "conclusion", title: say("report.heading.scorecard.conclusion"), paragraphs: [para(...conclusion)] },
  ];
  return {
    kind: "scorecard",
    title: scorecardTitle(t),
    titleLines: breakTitle(scorecardTitle(t)),
    signature: { unit: null, cell: null },
    sheet: t.sheet,
    sections,
  };
}

/** 一级 and 二级 groups: 指标 | 分值 | 得分 | 得分率, with the 二级 indented under their 一级. */
function groupTable(s: ScorecardTable, groups: ScorecardGroupEvaluation[]): ReportTable | null {
  const rows: string[][] = [];
  const emphasis: number[] = [];
  const quotes: Quote[] = [];
  const line = (g: ScorecardGroup, e: ScorecardGroupEvaluation | undefined, indent: boolean) => {
    const w = e?.weight ?? null;
    const sc = e?.score ?? null;
    const name = groupLabel(g.name);
    const wAt = addr(g.weightCell) ?? g.declaredCell?.address ?? null;
    const sAt = addr(g.scoreCell);
    if (w !== null && wAt) quotes.push({ cell: wAt, label: say("report.label.fullOf", { name }), value: fmt.score(w) });
    if (sc !== null && sAt) quotes.push({ cell: sAt, label: say("report.label.score", { name }), value: fmt.score(sc) });
    rows.push([
      indent ? `　${groupLabel(g.name)}` : groupLabel(g.name),
      w !== null ? fmt.trimmed(w) : "",
      sc !== null ? fmt.trimmed(sc) : "",
      w && sc !== null ? fmt.rate(sc / w) : "",
    ]);
  };
  s.groups.forEach((g, gi) => {
    if (g.parent !== null) return;
    emphasis.push(rows.length);
    line(
      g,
      groups.find((x) => x.group === gi),
      false,
    );
    for (const c of g.children)
      if (s.groups[c].level === 2)
        line(
          s.groups[c],
          groups.find((x) => x.group === c),
          true,
        );
  });
  if (!rows.length) return null;
  return {
    id: "scores",
    caption: say("report.caption.scorecardScores"),
    unit: null,
    header: [say("report.header.indicator"), say("report.word.weight"), say("report.header.score"), say("report.header.scoreRate")],
    rows,
    numeric: [false, true, true, true],
    emphasis,
    quotes,
  };
}

/** 得分率 by 一级指标. */
function level1Chart(s: ScorecardTable, groups: ScorecardGroupEvaluation[]): ReportChart | null {
  const categories: string[] = [];
  const values: number[] = [];
  s.groups.forEach((g, gi) => {
    if (g.parent !== null) return;
    const e = groups.find((x) => x.group === gi);
    if (!e || !e.weight || e.score === null) return;
    categories.push(groupLabel(g.name));
    values.push(e.score / e.weight);
  });
  return level1ScoreRateChart(categories, values);
}

/** "满分20分，经评分本项得分20分。" with the cells quoted. */
function headScore(
  x: ReturnType<typeof sb>,
  name: string,
  e: { weight: number | null; score: number | null } | undefined,
  weightAt: string | null,
  scoreAt: string | null,
  scoreWords: "reviewedScore" | "evaluatedScore" | "scoreIs",
): void {
  const w = e?.weight ?? null;
  const sc = e?.score ?? null;
  if (w !== null) x.w("fullScore", { score: (y) => y.q(weightAt, say("report.label.fullOf", { name }), fmt.score(w)) });
  if (w !== null && sc !== null) x.t("，");
  if (sc !== null) {
    const quote = (y: SentenceBuilder) => y.q(scoreAt, say("report.label.score", { name }), fmt.score(sc));
    if (scoreWords === "scoreIs") x.w("scoreIs", { value: quote });
    else x.w(scoreWords, { score: quote });
  }
  if (w === null && sc === null) x.t(say("report.word.noWeight"));
  x.t("。");
}
