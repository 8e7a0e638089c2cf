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
import { addr, cleanText, para, ask, plain, sb, textOf, yearOf } from "./sentence";
import { breakTitle } from "./layout";
import type { Narrative, Paragraph, Quote, ReportChart, ReportTable, Section, Sentence } from "./types";

const LEVEL = ["一级", "二级", "三级", "四级"];

/** A group's name as a report writes it: no numbering ("一、"), no note in brackets. */
function groupLabel(name: string): string {
  return innerQuotes(cleanText(name).replace(/^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])/, ""));
}

function subject(t: TableAnalysis, s: ScorecardTable): string {
  const name = textOf(s.name) || "";
  if (name) return name.endsWith("项目") ? name : `${name}项目`;
  if (s.groups.some((g) => g.level === 1 && /部门/.test(g.name))) return "部门整体支出";
  return "项目";
}

export function scorecardTitle(t: TableAnalysis): string {
  const s = t.table as ScorecardTable;
  const year = yearOf(s.title, t.sheet);
  return `${subject(t, s)}${year ? `${year}年度` : ""}绩效评价评分情况`;
}

export function scorecardNarrative(t: TableAnalysis): Narrative {
  const s = t.table as ScorecardTable;
  const ev = t.evaluation.scorecard ?? { groups: [], items: [] };
  const gev = (gi: number): ScorecardGroupEvaluation | undefined => ev.groups.find((g) => g.group === gi);
  const weightCell = (g: ScorecardGroup) => addr(g.weightCell) ?? g.declaredCell?.address ?? g.labelCell.ref.address;
  const scoreCell = (g: ScorecardGroup) => addr(g.scoreCell) ?? g.labelCell.ref.address;
  const level1 = s.groups.map((g, gi) => ({ g, gi })).filter((x) => x.g.parent === null);
  const leafWord = `${LEVEL[Math.max(0, s.levels - 1)] ?? "末级"}指标`;

  // 一、评价指标体系
  const count = (l: number) => s.groups.filter((g) => g.level === l).length;
  const overview = sb().t("本次评价采用的指标体系包括");
  if (level1.length) {
    overview.t(level1.map(({ g }) => `“${groupLabel(g.name)}”`).join(""));
    overview.t(`${level1.length}个一级指标`);
    for (const { g } of level1) overview.ref(g.labelCell.ref.address);
  }
  const parts: string[] = [];
  for (let l = 2; l < s.levels; l++) if (count(l)) parts.push(`${count(l)}个${LEVEL[l - 1]}指标`);
  parts.push(`${s.items.length}个${leafWord}`);
  overview.t(`${level1.length ? "、" : ""}${parts.join("、")}`);
  if (t.evaluation.weightSum) overview.t("，满分").q(addr(s.totalWeight) ?? null, "满分", fmt.score(t.evaluation.weightSum));
  overview.t("。");
  const intro: Sentence[] = [overview.done()];
  if (s.placeholderRows.length) intro.push(ask("templateRows", { rows: s.placeholderRows.map(String) }));

  // 二、各项指标得分情况
  const scoreParas: Paragraph[] = [];
  level1.forEach(({ g, gi }, k) => {
    const e = gev(gi);
    const name = groupLabel(g.name);
    const out: Sentence[] = [];
    const head = sb().t(`（${cnIndex(k)}）${name}。一级指标${name}`);
    const kids = g.children.map((c) => ({ c: s.groups[c], ci: c }));
    if (kids.length) {
      head.t(`包含${kids.map(({ c }) => groupLabel(c.name)).join("、")}${kids.length}个${LEVEL[g.level]}指标，${name}`);
    } else if (g.items.length) {
      head.t(`包含${g.items.map((i) => innerQuotes(cleanText(s.items[i].name))).join("、")}${g.items.length}个${leafWord}，${name}`);
    }
    headScore(head, name, e, weightCell(g), scoreCell(g), "经评分本项得分");
    out.push(head.done());
    if (e && e.score === null) out.push(ask("scoreOf", { name }));
    kids.forEach(({ c, ci }, j) => {
      const ce = gev(ci);
      const cname = groupLabel(c.name);
      const x = sb().t(`（${j + 1}）${LEVEL[c.level - 1]}指标“${cname}”`);
      headScore(x, cname, ce, weightCell(c), scoreCell(c), "评价得分");
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
      const x = sb().t(`指标“${name}”`);
      headScore(
        x,
        name,
        e ? { weight: e.weight, score: e.score } : undefined,
        addr(it.weight) ?? addr(it.nameCell),
        addr(it.score),
        "得分",
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
    const x = sb().t("“").x(it.nameCell, name).t("”");
    if (where.length) x.t(`（${where.join("—")}）`);
    x.t("满分").q(addr(it.weight) ?? addr(it.nameCell), `“${name}”分值`, fmt.score(e.weight ?? 0));
    x.t("，得分").q(addr(it.score), `“${name}”得分`, fmt.score(e.score ?? 0));
    x.t(`，扣${fmt.score(e.lost)}。`);
    const reason = textOf(it.reasonCell).replace(/^[无\/—\-－]+$/, "");
    if (reason) {
      x.t("扣分原因：")
        .x(it.reasonCell, reason)
        .t(/[。；;！!]$/.test(reason) ? "" : "。");
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
    const x = sb().t(`经评分，${subject(t, s)}${year ? `${year}年度` : ""}绩效评价总分为`);
    x.q(addr(s.total) ?? s.totalInText?.cell.ref.address ?? null, "总分", fmt.score(total));
    if (grade)
      x.t("，评价等级为“")
        .q(addr(s.grade) ?? addr(s.total) ?? null, "等级", grade)
        .t("”");
    x.t("。");
    conclusion.push(x.done());
    const stated = s.total && !s.total.empty ? s.total.value : (s.totalInText?.value ?? null);
    if (stated !== null && Math.abs(stated - total) > 0.005) {
      conclusion.push(plain(`（表中填写的总分为${fmt.score(stated)}，与各项得分之和不符，以上按各项得分之和计。）`));
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
    if (w !== null && wAt) quotes.push({ cell: wAt, label: `“${name}”满分`, value: fmt.score(w) });
    if (sc !== null && sAt) quotes.push({ cell: sAt, label: `“${name}”得分`, value: fmt.score(sc) });
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
    caption: "各级指标得分情况",
    unit: null,
    header: ["指标", "分值", "得分", "得分率"],
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
  scoreWords: string,
): void {
  const w = e?.weight ?? null;
  const sc = e?.score ?? null;
  if (w !== null) x.t("满分").q(weightAt, `“${name}”满分`, fmt.score(w));
  if (w !== null && sc !== null) x.t("，");
  if (sc !== null) x.t(scoreWords).q(scoreAt, `“${name}”得分`, fmt.score(sc));
  if (w === null && sc === null) x.t("未标明分值");
  x.t("。");
}
