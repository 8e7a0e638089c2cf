/** Indicator sentences shared by the project and department reports. */
import type { IndicatorEvaluation, TableAnalysis } from "../analysis";
import type { Indicator, IndicatorGroup } from "../model";
import * as fmt from "./format";
import { addr, cleanText, groupName, num, para, placeholder, plain, sb, textOf } from "./sentence";
import type { Paragraph, Sentence } from "./types";

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
    const lost =
      ev && ev.score !== null ? ev.lost : weight !== null && score !== null ? Math.max(0, fmt.roundTo(weight - score, 2)) : 0;
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

/** "“救助率”年度指标值为100%，实际完成值为100%，分值10分，得分10分。" */
export function indicatorSentence(f: IndicatorFacts, opts: { weightWord: string; actualWord: string }): Sentence[] {
  const s = sb().t("“").x(f.ind.nameCell, f.name).t("”");
  const clauses: (() => void)[] = [];
  if (f.target && f.target !== f.name) clauses.push(() => s.t("年度指标值为").x(f.ind.targetCell, f.target));
  if (f.actual) clauses.push(() => s.t(`${opts.actualWord}为`).x(f.ind.actualCell, f.actual));
  if (f.weight !== null) clauses.push(() => s.t(opts.weightWord).q(addr(f.ind.weight), `“${f.name}”${opts.weightWord}`, fmt.score(f.weight!)));
  if (f.score !== null)
    clauses.push(() => s.t("得分").q(addr(f.ind.score), `“${f.name}”得分`, fmt.score(f.score!)));
  if (!clauses.length) s.t("指标");
  clauses.forEach((c, i) => {
    if (i > 0) s.t("，");
    c();
  });
  s.t("。");
  const out = [s.done()];
  if (!f.actual) out.push(placeholder(`“${f.name}”的${opts.actualWord}`));
  if (f.score === null) out.push(placeholder(`“${f.name}”的得分`));
  return out;
}

/** One paragraph per 一级 group: "（一）产出指标。" then each 二级 and its indicators. */
export function goalParagraphs(
  facts: IndicatorFacts[],
  groups: IndicatorGroup[],
  opts: { weightWord: string; actualWord: string },
): Paragraph[] {
  const out: Paragraph[] = [];
  grouped(facts).forEach((g1, i) => {
    const items = g1.level2.flatMap((g) => g.items);
    const head = sb().t(`（${cnIndex(i)}）${g1.level1 || "绩效指标"}。`);
    const weights = items.map((f) => f.weight);
    const scores = items.map((f) => f.score);
    if (weights.every((w) => w !== null) && scores.every((x) => x !== null)) {
      const w = weights.reduce((a, b) => a! + b!, 0)!;
      const sc = scores.reduce((a, b) => a! + b!, 0)!;
      head.t(`该类指标共${items.length}项，${opts.weightWord}合计${fmt.score(w)}，得分合计${fmt.score(sc)}。`);
      for (const f of items) head.ref(addr(f.ind.weight)).ref(addr(f.ind.score));
    }
    const sentences: Sentence[] = [head.done()];
    for (const g2 of g1.level2) {
      if (g2.name && g2.name !== g1.level1) sentences.push(plain(`${g2.name}：`));
      for (const f of g2.items) sentences.push(...indicatorSentence(f, opts));
    }
    out.push(para(...sentences));
  });
  void groups;
  return out;
}

/** Points lost, for the conclusion: "“X”扣2分、“Y”扣0.17分". */
export function lostList(facts: IndicatorFacts[]): { text: string; cells: string[] } {
  const lost = facts.filter((f) => f.lost > 0);
  return {
    text: lost.map((f) => `“${f.name}”扣${fmt.score(f.lost)}`).join("、"),
    cells: lost.flatMap((f) => [addr(f.ind.weight), addr(f.ind.score)].filter((c): c is string => !!c)),
  };
}
