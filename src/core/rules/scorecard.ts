/**
 * Rules of the 绩效评价指标体系评分表 (scorecard), SPEC §2.5, with the codes of SPEC §4:
 * - every 得分 in [0, 分值] (SCORE_EXCEEDS_WEIGHT);
 * - a 一级/二级 分值 equals the sum of its children's, and so does a 得分 subtotal the table states
 *   (WEIGHT_GROUP_MISMATCH);
 * - all 分值 add to 100 (WEIGHT_TOTAL_NOT_100);
 * - 总分 = the sum of the units' 得分 (TOTAL_MISMATCH); a stated 等级 matches it (GRADE_MISMATCH, rules/grade.ts);
 * - a unit scored below its 分值 needs a 扣分原因 (DEVIATION_REASON_MISSING);
 * - a cell read here holding an error value: nothing computed from it (its CELL_ERROR, like the TABLE_PARTIAL of a
 *   group holding only template placeholders, is reported with every table's in rules/tableParts.ts).
 * Unit scores are a person's judgement and are never written. Subtotal cells and the 总分 are arithmetic: the fill
 * writes =ROUND(SUM(…),2) there (a 预算执行率 unit stays a score like any other: no 执行率 formula in a scorecard).
 */
import type { Evaluation, IndicatorEvaluation, ScorecardGroupEvaluation, ScorecardItemEvaluation } from "../analysis";
import type { NumberCell, ScorecardTable } from "../model";
import { totalFormula } from "../formulas";
import { round2 } from "../text";
import { fmt, type RuleContext } from "./context";
import { checkGrade, grade } from "./grade";
import { checkNumbersAsText } from "./numberAsText";
import { scoreRefs } from "./total";

const TOL = 0.005;
/** A derived cell the fill may write: empty, a number (or a number as text), a formula or an error value — never a text. */
const writable = (c: NumberCell): boolean => c.empty || c.value !== null || !!c.formula || c.error !== null;
function sum(xs: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return Number(s.toFixed(6));
}
/** A reason that says nothing ("无", "/", "—") is no reason. */
const EMPTY_REASON = /^[无\/—\-－\s]*$/;

export function checkScorecard(ctx: RuleContext, t: ScorecardTable): Evaluation {
  // ── units: 分值 and 得分 as read ───────────────────────────────────────────────────────────────────────
  const items: ScorecardItemEvaluation[] = [];
  for (let i = 0; i < t.items.length; i++) {
    const it = t.items[i];
    const label = itemLabel(t, i);
    let weight: number | null = null;
    if (it.weight && !it.weight.empty) {
      if (it.weight.error === null) {
        weight = it.weight.value;
        if (weight === null) ctx.missing(it.weight, "MISSING_VALUE.weightNotNumber", { label });
      }
    } else if (it.labelWeight !== null) {
      weight = it.labelWeight;
    } else if (it.weight) {
      ctx.missing(it.weight, "MISSING_VALUE.weight", { label });
    }
    let score: number | null = null;
    if (it.score && !it.score.empty && it.score.error === null) score = it.score.value;
    if (score !== null && weight !== null && (score > weight + TOL || score < 0)) {
      if (score < 0) ctx.report("SCORE_EXCEEDS_WEIGHT.negative", "error", it.score!.ref.address, { label, score: fmt(score) });
      else ctx.report("SCORE_EXCEEDS_WEIGHT", "error", it.score!.ref.address, { label, score: fmt(score), weight: fmt(weight) });
    }
    const lost = score !== null && weight !== null ? Math.max(0, Number((weight - score).toFixed(6))) : 0;
    if (lost > TOL && EMPTY_REASON.test(it.reasonCell?.text ?? "")) {
      ctx.report("DEVIATION_REASON_MISSING.scorecard", "warning", it.reasonCell?.ref.address ?? it.score?.ref.address ?? null, {
        label,
        score: fmt(score),
        weight: fmt(weight),
        lost: fmt(lost),
        column: t.hasReasonColumn,
      });
    }
    items.push({ item: i, weight, score, lost });
  }

  // unscored units: a blank form gets one finding, a partly scored one a finding per empty 得分
  const withScoreCell: number[] = [];
  for (let i = 0; i < t.items.length; i++) if (t.items[i].score) withScoreCell.push(i);
  const scores: number[] = [];
  for (let i = 0; i < items.length; i++) if (items[i].score !== null) scores.push(items[i].score!);
  if (scores.length === 0 && withScoreCell.length) {
    ctx.missing(t.items[withScoreCell[0]].score, "MISSING_VALUE.scorecardScores", {});
  } else {
    for (let k = 0; k < withScoreCell.length; k++) {
      const i = withScoreCell[k];
      const it = t.items[i];
      if (items[i].score === null && it.score!.empty) ctx.missing(it.score, "MISSING_VALUE.score", { label: itemLabel(t, i) });
    }
  }

  // ── groups: declared 分值 and stated 得分 subtotals against their children ────────────────────────────────────
  const effWeight = new Map<number, number | null>();
  const weightOf = (gi: number): number | null => {
    if (effWeight.has(gi)) return effWeight.get(gi)!;
    const g = t.groups[gi];
    // the children's 分值, then those of the units directly below
    const known: number[] = [];
    for (let k = 0; k < g.children.length; k++) {
      const w = weightOf(g.children[k]);
      if (w !== null) known.push(w);
    }
    const own = direct(t, gi);
    for (let k = 0; k < own.length; k++) {
      const w = items[own[k]].weight;
      if (w !== null) known.push(w);
    }
    const children = known.length ? sum(known) : null;
    const w = g.declaredWeight ?? children;
    effWeight.set(gi, w);
    if (g.declaredWeight !== null && children !== null && Math.abs(children - g.declaredWeight) > TOL) {
      ctx.report("WEIGHT_GROUP_MISMATCH.scorecard", "error", g.declaredCell?.address ?? g.labelCell.ref.address, {
        level: g.level,
        name: g.name,
        declared: fmt(g.declaredWeight),
        actual: fmt(children),
      });
    }
    return w;
  };

  const groups: ScorecardGroupEvaluation[] = [];
  for (let gi = 0; gi < t.groups.length; gi++) {
    const g = t.groups[gi];
    const weight = weightOf(gi);
    const score = groupScore(t, items, gi);
    let statedScore: number | null = null;
    const cell = g.scoreCell;
    if (cell && !cell.empty && cell.error === null) {
      if (cell.value !== null) {
        statedScore = cell.value;
        if (score !== null && Math.abs(cell.value - score) > TOL) {
          ctx.report("WEIGHT_GROUP_MISMATCH.subtotal", "error", cell.ref.address, {
            level: g.level,
            name: g.name,
            stated: fmt(cell.value),
            sum: fmt(score),
          });
        }
      }
    }
    if (cell && writable(cell)) {
      const refs = refsOf(t, gi);
      for (let k = 0; k < refs.length; k++) ctx.plan.numberFromText(refs[k]);
      if (refs.length) {
        ctx.plan.formula(cell, totalFormula(scoreRefs(refs)), score ?? 0, { key: "groupSubtotal", params: { name: g.name } });
      }
    }
    const lost = weight !== null && score !== null ? Math.max(0, round2(weight - score)) : 0;
    groups.push({ group: gi, level: g.level, name: g.name, weight, score, statedScore, lost });
  }

  // ── totals ─────────────────────────────────────────────────────────────────────────────────────────────
  // 分值: every unit's, plus the declared 分值 of a group that has no unit to carry it (a template placeholder)
  const weights: number[] = [];
  for (let i = 0; i < items.length; i++) if (items[i].weight !== null) weights.push(items[i].weight!);
  for (let gi = 0; gi < t.groups.length; gi++) {
    if (emptyTop(t, gi) && groups[gi].weight !== null) weights.push(groups[gi].weight!);
  }
  const weightSum = sum(weights);
  if (t.items.length && Math.abs(weightSum - 100) > TOL) {
    ctx.report("WEIGHT_TOTAL_NOT_100.scorecard", "error", t.totalWeight?.ref.address ?? null, { total: fmt(weightSum) });
  } else if (t.totalWeight && !t.totalWeight.empty && t.totalWeight.value !== null && Math.abs(t.totalWeight.value - weightSum) > TOL) {
    ctx.report("WEIGHT_TOTAL_NOT_100.stated", "error", t.totalWeight.ref.address, {
      stated: fmt(t.totalWeight.value),
      sum: fmt(weightSum),
    });
  }

  const total = scores.length ? round2(sum(scores)) : null;
  let stated: { value: number; at: string } | null = null;
  if (t.total && !t.total.empty) {
    if (t.total.error === null && t.total.value !== null) stated = { value: t.total.value, at: t.total.ref.address };
  } else if (t.totalInText) {
    stated = { value: t.totalInText.value, at: t.totalInText.cell.ref.address };
  }
  if (stated && total !== null && Math.abs(stated.value - total) > TOL) {
    ctx.report("TOTAL_MISMATCH.scorecard", "error", stated.at, { stated: fmt(stated.value), total: fmt(total) });
  }
  if (t.total && writable(t.total)) {
    // the 一级 groups' subtotal cells (or their units), then the units outside every group
    const all: NumberCell[] = [];
    const grouped = new Set<number>();
    for (let gi = 0; gi < t.groups.length; gi++) {
      const g = t.groups[gi];
      for (let k = 0; k < g.items.length; k++) grouped.add(g.items[k]);
      if (g.parent !== null) continue;
      if (g.scoreCell && writable(g.scoreCell)) all.push(g.scoreCell);
      else {
        const below = refsOf(t, gi);
        for (let k = 0; k < below.length; k++) all.push(below[k]);
      }
    }
    for (let i = 0; i < t.items.length; i++) {
      const c = t.items[i].score;
      if (!grouped.has(i) && c) all.push(c);
    }
    const refs = dedupe(all);
    for (let k = 0; k < refs.length; k++) ctx.plan.numberFromText(refs[k]);
    if (refs.length) ctx.plan.formula(t.total, totalFormula(scoreRefs(refs)), total ?? 0, { key: "scorecardTotal", params: {} });
  }
  checkGrade(ctx, t.grade, total, "");
  const asText: (NumberCell | null)[] = [];
  for (let i = 0; i < t.items.length; i++) asText.push(t.items[i].weight, t.items[i].score);
  for (let gi = 0; gi < t.groups.length; gi++) asText.push(t.groups[gi].weightCell);
  asText.push(t.totalWeight);
  checkNumbersAsText(ctx, asText);

  const indicators: IndicatorEvaluation[] = [];
  for (let i = 0; i < t.items.length; i++) {
    indicators.push({
      row: t.items[i].row,
      ruleScore: null,
      score: items[i].score,
      source: items[i].score !== null ? "entered" : "none",
      explanation: null,
      band: null,
      lost: items[i].lost,
    });
  }
  return {
    executionRate: null,
    budgetScore: null,
    budgetWeight: null,
    indicators,
    weightSum,
    total,
    grade: total !== null ? grade(total) : null,
    funds: [],
    scorecard: { groups, items },
  };
}

function itemLabel(t: ScorecardTable, i: number): string {
  const it = t.items[i];
  if (it.name) return it.name;
  let path = "";
  for (let k = 0; k < it.path.length; k++) if (it.path[k]) path = path ? `${path}/${it.path[k]}` : it.path[k];
  return path || `第${it.row}行`;
}

/** The units directly below a group: its own, less those of its sub-groups. */
function direct(t: ScorecardTable, gi: number): number[] {
  const g = t.groups[gi];
  const below = new Set<number>();
  for (let k = 0; k < g.children.length; k++) {
    const its = t.groups[g.children[k]].items;
    for (let j = 0; j < its.length; j++) below.add(its[j]);
  }
  const out: number[] = [];
  for (let k = 0; k < g.items.length; k++) if (!below.has(g.items[k])) out.push(g.items[k]);
  return out;
}

function groupScore(t: ScorecardTable, items: readonly ScorecardItemEvaluation[], gi: number): number | null {
  const its = t.groups[gi].items;
  const xs: number[] = [];
  for (let k = 0; k < its.length; k++) {
    const s = items[its[k]].score;
    if (s !== null) xs.push(s);
  }
  return xs.length ? round2(sum(xs)) : null;
}

/** The cells a group's 得分 is the sum of: sub-groups' subtotal cells where they have one, else their units. */
function refsOf(t: ScorecardTable, gi: number): NumberCell[] {
  const g = t.groups[gi];
  const out: NumberCell[] = [];
  for (let k = 0; k < g.children.length; k++) {
    const cg = t.groups[g.children[k]];
    if (cg.scoreCell && writable(cg.scoreCell)) out.push(cg.scoreCell);
    else {
      const below = refsOf(t, g.children[k]);
      for (let j = 0; j < below.length; j++) out.push(below[j]);
    }
  }
  const own = direct(t, gi);
  for (let k = 0; k < own.length; k++) if (t.items[own[k]].score) out.push(t.items[own[k]].score!);
  return dedupe(out);
}

/** A group with no unit below it whose parent has some (or that is a 一级): template placeholders only. */
function emptyTop(t: ScorecardTable, gi: number): boolean {
  const g = t.groups[gi];
  return g.items.length === 0 && (g.parent === null || t.groups[g.parent].items.length > 0);
}

function dedupe(cells: NumberCell[]): NumberCell[] {
  const seen = new Set<string>();
  const out: NumberCell[] = [];
  for (let i = 0; i < cells.length; i++) {
    if (seen.has(cells[i].ref.address)) continue;
    seen.add(cells[i].ref.address);
    out.push(cells[i]);
  }
  return out;
}
