/** Indicator sentences shared by the project and department reports. */
import type { IndicatorEvaluation, TableAnalysis } from "../analysis";
import type { Indicator, IndicatorGroup } from "../model";
import * as fmt from "./format";
import { commonUnit } from "../quantity";
import { OVERSHOOT_RATIO } from "../rules/deviationReason";
import { direction } from "../rules/indicatorScore";
import { addr, ask, cleanText, groupName, num, para, plain, sb, textOf, type SentenceBuilder } from "./sentence";
import { say } from "./words";
import type { Paragraph, Quote, ReportChart, ReportTable, Sentence } from "./types";

export interface IndicatorFacts {
  ind: Indicator;
  name: string;
  level1: string;
  level2: string;
  target: string;
  actual: string;
  weight: number | null;
  score: number | null;
  lost: number;
  reason: string;
  ev: IndicatorEvaluation | null;
}

const CN_NUM = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

export function cnIndex(i: number): string {
  if (i < 10) return CN_NUM[i];
  if (i < 20) return `十${i === 10 ? "" : CN_NUM[i - 10]}`;
  return String(i + 1);
}

/** A name printed inside “…”: its own double quotes become single ones (‘因病致贫’). */
export function innerQuotes(s: string): string {
  return s.replace(/“/g, "‘").replace(/”/g, "’");
}

export function indicatorFacts(t: TableAnalysis, indicators: Indicator[]): IndicatorFacts[] {
  const byRow = new Map(t.evaluation.indicators.map((e) => [e.row, e]));
  let level1 = "";
  let level2 = "";
  return indicators.map((ind) => {
    const ev = byRow.get(ind.row) ?? null;
    // A blank 一级/二级 below the first row continues the one above (merges lost in WPS / copy-paste).
    level1 = groupName(ind.level1) || level1;
    level2 = groupName(ind.level2) || level2;
    const weight = num(ind.weight);
    const score = ev ? ev.score : num(ind.score);
    const lost = ev && ev.score !== null ? ev.lost : weight !== null && score !== null ? Math.max(0, fmt.roundTo(weight - score, 2)) : 0;
    return {
      ind,
      name: innerQuotes(cleanText(ind.name) || textOf(ind.nameCell)),
      level1,
      level2,
      target: textOf(ind.targetCell),
      actual: textOf(ind.actualCell),
      weight,
      score,
      lost: fmt.roundTo(lost, 2),
      reason: textOf(ind.reasonCell).replace(/^[无\/—\-－]+$/, ""),
      ev,
    };
  });
}

/** Groups facts by 一级 then 二级, in table order. */
export function grouped(facts: IndicatorFacts[]): { level1: string; level2: { name: string; items: IndicatorFacts[] }[] }[] {
  const out: { level1: string; level2: { name: string; items: IndicatorFacts[] }[] }[] = [];
  for (const f of facts) {
    let g1 = out.find((g) => g.level1 === f.level1);
    if (!g1) out.push((g1 = { level1: f.level1, level2: [] }));
    let g2 = g1.level2.find((g) => g.name === f.level2);
    if (!g2) g1.level2.push((g2 = { name: f.level2, items: [] }));
    g2.items.push(f);
  }
  return out;
}

/** How an indicator came out: the completion rate where target and actual are numbers in one unit. */
export interface Outcome {
  /** actual / target for a 正向 or 等于 target with numbers on both sides; null otherwise. */
  ratio: number | null;
  /** True when the numbers say the target was not reached (正向 below, 反向 above). */
  short: boolean;
}

export function outcomeOf(f: IndicatorFacts): Outcome {
  const t = f.ind.target;
  const a = f.ind.actual;
  if (!t || !a) return { ratio: null, short: false };
  const c = commonUnit(t, a);
  if (!c) return { ratio: null, short: false };
  if (direction(t) === "negative") return { ratio: null, short: c.actual > c.target + 1e-9 };
  if (c.target <= 0) return { ratio: null, short: false };
  const ratio = c.actual / c.target;
  return { ratio, short: ratio < 1 - 1e-9 };
}

/** True when the actual says no more than the target (the same text, or the target's words with its sign). */
export function actualRepeatsTarget(f: IndicatorFacts): boolean {
  const norm = (x: string) => cleanText(x).replace(/[\s，。；;]/g, "");
  return !!f.actual && !!f.target && norm(f.actual) === norm(f.target);
}

/** The names of indicators, for a parenthesis: "救助人次、救助率". */
function names(fs: IndicatorFacts[]): string {
  // a name with its own 、 or ， is quoted, so the list still reads as a list
  const quote = fs.some((f) => /[、，,]/.test(f.name));
  return fs.map((f) => (quote ? say("report.label.quoted", { name: f.name }) : f.name)).join("、");
}

/**
 * The group's summary sentence: "产出指标共6项，5项完成，1项未完成（救助人次），扣2分，得分合计48分（分值50分）。"
 */
function groupSummary(level1: string, items: IndicatorFacts[], opts: { weightWord: string }): Sentence {
  const s = sb().w("groupCount", { group: level1 || say("report.word.indicators"), count: String(items.length) });
  const unscored = items.filter((f) => f.score === null);
  const lost = items.filter((f) => f.score !== null && f.lost > 0);
  const notReached = lost.filter((f) => outcomeOf(f).short);
  const partial = lost.filter((f) => !outcomeOf(f).short);
  const met = items.length - unscored.length - lost.length;
  if (met === items.length) s.w(items.length === 1 ? "groupDoneOne" : "groupDoneAll");
  else {
    if (met > 0) s.w("groupMet", { count: String(met) });
    if (notReached.length) s.w("groupNotReached", { count: String(notReached.length), names: names(notReached) });
    if (partial.length) s.w("groupPartial", { count: String(partial.length), names: names(partial) });
    if (unscored.length) s.w("groupUnscored", { count: String(unscored.length), names: names(unscored) });
  }
  const lostSum = fmt.roundTo(
    lost.reduce((a, f) => a + f.lost, 0),
    2,
  );
  if (lostSum > 0) s.w("lostIs", { score: fmt.score(lostSum) });
  if (!unscored.length && items.every((f) => f.weight !== null)) {
    const w = items.reduce((a, f) => a + f.weight!, 0);
    const sc = items.reduce((a, f) => a + f.score!, 0);
    s.w("groupScoreSum", { score: fmt.score(sc), word: opts.weightWord, weight: fmt.score(w) });
  }
  for (const f of items) s.ref(addr(f.ind.weight)).ref(addr(f.ind.score));
  s.t("。");
  return s.done();
}

/**
 * Sentences for the indicators that deserve one: a shortfall or a deduction (target, actual, completion rate,
 * score, points lost), an overshoot of 130% or more (and its reason, or a placeholder asking for it). Never a
 * sentence that gives the target's words as the actual.
 */
export function notableSentences(f: IndicatorFacts, opts: { weightWord: string; actualWord: string }): Sentence[] {
  const out: Sentence[] = [];
  const o = outcomeOf(f);
  const score = (s: SentenceBuilder) =>
    s.w("scoreLost", {
      score: (x) => x.q(addr(f.ind.score), say("report.label.score", { name: f.name }), fmt.score(f.score!)),
      weight: (x) => {
        if (f.weight !== null)
          x.w("weightParen", {
            word: opts.weightWord,
            weight: (y) => y.q(addr(f.ind.weight), say("report.label.of", { name: f.name, word: opts.weightWord }), fmt.score(f.weight!)),
          });
      },
      lost: fmt.score(f.lost),
    });
  const facts = (s: SentenceBuilder) => {
    if (actualRepeatsTarget(f)) {
      s.w("reachesTarget", { target: (x) => x.x(f.ind.targetCell, f.target) });
    } else {
      if (f.target && f.target !== f.name) s.w("targetIs", { target: (x) => x.x(f.ind.targetCell, f.target) });
      if (f.actual) s.w("actualIs", { word: opts.actualWord, actual: (x) => x.x(f.ind.actualCell, f.actual) });
      if (o.ratio !== null) s.w("completionRate", { rate: fmt.rate(o.ratio) });
    }
  };
  if (f.score !== null && f.lost > 0) {
    out.push(
      sb()
        .w("notable", { name: (x) => x.x(f.ind.nameCell, f.name), facts, score })
        .done(),
    );
  } else if (o.ratio !== null && o.ratio >= OVERSHOOT_RATIO) {
    const s = sb().w("overshoot", {
      name: (x) => x.x(f.ind.nameCell, f.name),
      word: opts.actualWord,
      actual: (x) => x.x(f.ind.actualCell, f.actual),
      target: (x) => x.x(f.ind.targetCell, f.target),
      rate: fmt.rate(o.ratio),
    });
    if (f.reason) {
      s.w("reasonIs", { reason: (x) => x.x(f.ind.reasonCell, f.reason) }).t(/[。；;]$/.test(f.reason) ? "" : "。");
      out.push(s.done());
    } else {
      s.t("。");
      out.push(s.done(), ask("overshootReason", { name: f.name }));
    }
  }
  if (f.score === null && f.weight !== null) out.push(ask("scoreOf", { name: f.name }));
  if (!f.actual && f.weight !== null) out.push(ask("valueOf", { name: f.name, word: opts.actualWord }));
  return out;
}

/** One paragraph per 一级 group: "（一）产出指标。" the group's summary, then only the indicators that deserve a sentence. */
export function goalParagraphs(
  facts: IndicatorFacts[],
  groups: IndicatorGroup[],
  opts: { weightWord: string; actualWord: string },
): Paragraph[] {
  const out: Paragraph[] = [];
  grouped(facts).forEach((g1, i) => {
    const items = g1.level2.flatMap((g) => g.items);
    const sentences: Sentence[] = [
      plain(say("report.s.groupLead", { index: cnIndex(i), group: g1.level1 || say("report.word.indicators") })),
      groupSummary(g1.level1, items, opts),
    ];
    for (const f of items) sentences.push(...notableSentences(f, opts));
    out.push(para(...sentences));
  });
  void groups;
  return out;
}

/** A figure cell as the report's table writes it: the number the table has, "" when empty. */
export function cellText(
  cell: { value: number | null; empty: boolean; error: string | null } | null,
  write: (v: number) => string,
): string {
  if (!cell || cell.empty) return "";
  if (cell.error) return cell.error;
  return cell.value === null ? "" : write(cell.value);
}

/**
 * The 绩效指标完成情况 table: 一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因 — a 一级 or 二级 name
 * printed once, where its group starts; the scores as the analysis states them; a last row with the totals.
 */
export function indicatorTable(
  facts: IndicatorFacts[],
  opts: {
    weightWord: string;
    actualWord: string;
    targetIsWeight: boolean;
    budget?: { weight: number | null; score: number | null; rate: number | null } | null;
    total?: number | null;
  },
): ReportTable {
  const rows: string[][] = [];
  const quotes: Quote[] = [];
  const b = opts.budget;
  if (b && (b.weight !== null || b.score !== null)) {
    rows.push([
      say("report.word.budgetRate"),
      "",
      "",
      "",
      b.rate !== null ? fmt.rate(b.rate) : "",
      b.weight !== null ? fmt.trimmed(b.weight) : "",
      b.score !== null ? fmt.trimmed(b.score) : "",
      "",
    ]);
  }
  let last1 = "\u0000";
  let last2 = "\u0000";
  for (const f of facts) {
    const l1 = f.level1 !== last1 ? f.level1 : "";
    const l2 = f.level1 !== last1 || f.level2 !== last2 ? f.level2 : "";
    last1 = f.level1;
    last2 = f.level2;
    const w = addr(f.ind.weight);
    const sc = addr(f.ind.score);
    if (w && f.weight !== null)
      quotes.push({ cell: w, label: say("report.label.of", { name: f.name, word: opts.weightWord }), value: fmt.score(f.weight) });
    if (sc && f.score !== null) quotes.push({ cell: sc, label: say("report.label.score", { name: f.name }), value: fmt.score(f.score) });
    rows.push([
      l1,
      l2 === l1 ? "" : l2,
      f.name.replace(/‘/g, "“").replace(/’/g, "”"),
      opts.targetIsWeight ? "" : f.target,
      f.actual,
      f.weight !== null ? fmt.trimmed(f.weight) : "",
      f.score !== null ? fmt.trimmed(f.score) : "",
      f.reason,
    ]);
  }
  const emphasis: number[] = [];
  const weights = [b?.weight ?? null, ...facts.map((f) => f.weight)].filter((w): w is number => w !== null);
  if (opts.total !== undefined) {
    emphasis.push(rows.length);
    rows.push([
      say("report.label.total"),
      "",
      "",
      "",
      "",
      weights.length ? fmt.trimmed(weights.reduce((a, w) => a + w, 0)) : "",
      opts.total !== null ? fmt.trimmed(opts.total) : "",
      "",
    ]);
  }
  return {
    id: "indicators",
    caption: say("report.caption.indicators"),
    unit: null,
    header: [
      say("report.word.levelIndicators", { level: say("report.word.level1") }),
      say("report.word.levelIndicators", { level: say("report.word.level2") }),
      say("report.word.levelIndicators", { level: say("report.word.level3") }),
      say("report.header.target"),
      opts.actualWord,
      opts.weightWord,
      say("report.header.score"),
      say("report.header.deviationReason"),
    ],
    rows,
    numeric: [false, false, false, false, false, true, true, false],
    emphasis,
    quotes,
  };
}

/** 得分率 by 一级 group (and 预算执行率 first, where the table scores it), for the chart. */
export function scoreRateChart(
  facts: IndicatorFacts[],
  budget: { weight: number | null; score: number | null } | null,
): ReportChart | null {
  const categories: string[] = [];
  const values: number[] = [];
  if (budget && budget.weight && budget.score !== null) {
    categories.push(say("report.word.budgetRate"));
    values.push(budget.score / budget.weight);
  }
  for (const g of grouped(facts)) {
    const items = g.level2.flatMap((x) => x.items).filter((f) => f.weight !== null && f.score !== null);
    const w = items.reduce((a, f) => a + f.weight!, 0);
    if (!items.length || w <= 0) continue;
    categories.push(g.level1 || say("report.word.indicators"));
    values.push(items.reduce((a, f) => a + f.score!, 0) / w);
  }
  return level1ScoreRateChart(categories, values);
}

/** The chart of 得分率 by 一级指标 (score ÷ weight per group), for project and scorecard reports alike. */
export function level1ScoreRateChart(categories: string[], values: number[]): ReportChart | null {
  if (!categories.length) return null;
  return {
    kind: "scoreRate",
    caption: say("report.caption.level1Rates"),
    categories,
    values,
    reference: null,
    altText: say("report.chart.level1RatesAlt", { list: categories.map((c, i) => `${c}${fmt.rate(values[i])}`).join("，") }),
  };
}

/** Points lost, for the conclusion: "“X”扣2分、“Y”扣0.17分". */
export function lostList(facts: IndicatorFacts[]): { text: string; cells: string[] } {
  const lost = facts.filter((f) => f.lost > 0);
  return {
    text: lost.map((f) => say("report.s.lostPiece", { name: f.name, score: fmt.score(f.lost) })).join("、"),
    cells: lost.flatMap((f) => [addr(f.ind.weight), addr(f.ind.score)].filter((c): c is string => !!c)),
  };
}
