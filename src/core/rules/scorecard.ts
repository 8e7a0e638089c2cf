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
const sum = (xs: number[]) => Number(xs.reduce((a, b) => a + b, 0).toFixed(6));
/** A reason that says nothing ("无", "/", "—") is no reason. */
const EMPTY_REASON = /^[无\/—\-－\s]*$/;

export function checkScorecard(ctx: RuleContext, t: ScorecardTable): Evaluation {
  const itemLabel = (i: number) => {
    const it = t.items[i];
    return it.name || it.path.filter(Boolean).join("/") || `第${it.row}行`;
  };

  // ── units: 分值 and 得分 as read ───────────────────────────────────────────────────────────────────────
  const items: ScorecardItemEvaluation[] = t.items.map((it, i) => {
    const label = itemLabel(i);
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
    return { item: i, weight, score, lost };
  });

  // unscored units: a blank form gets one finding, a partly scored one a finding per empty 得分
  const withScoreCell = t.items.map((it, i) => ({ it, i })).filter(({ it }) => it.score);
  const scored = items.filter((e) => e.score !== null);
  if (scored.length === 0 && withScoreCell.length) {
    ctx.missing(withScoreCell[0].it.score, "MISSING_VALUE.scorecardScores", {});
  } else {
    for (const { it, i } of withScoreCell) {
      if (items[i].score === null && it.score!.empty) ctx.missing(it.score, "MISSING_VALUE.score", { label: itemLabel(i) });
    }
  }

  // ── groups: declared 分值 and stated 得分 subtotals against their children ────────────────────────────────────
  const direct = (gi: number): number[] => {
    const g = t.groups[gi];
    const below = new Set(g.children.flatMap((c) => t.groups[c].items));
    return g.items.filter((i) => !below.has(i));
  };
  const effWeight = new Map<number, number | null>();
  const weightOf = (gi: number): number | null => {
    if (effWeight.has(gi)) return effWeight.get(gi)!;
    const g = t.groups[gi];
    const parts: (number | null)[] = [...g.children.map(weightOf), ...direct(gi).map((i) => items[i].weight)];
    const known = parts.filter((x): x is number => x !== null);
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
  const groupScore = (gi: number): number | null => {
    const xs = t.groups[gi].items.map((i) => items[i].score).filter((x): x is number => x !== null);
    return xs.length ? round2(sum(xs)) : null;
  };
  /** The cells a group's 得分 is the sum of: sub-groups' subtotal cells where they have one, else their units. */
  const refsOf = (gi: number): NumberCell[] => {
    const g = t.groups[gi];
    const out: NumberCell[] = [];
    for (const c of g.children) {
      const cg = t.groups[c];
      if (cg.scoreCell && writable(cg.scoreCell)) out.push(cg.scoreCell);
      else out.push(...refsOf(c));
    }
    for (const i of direct(gi)) if (t.items[i].score) out.push(t.items[i].score!);
    return dedupe(out);
  };

  /** A group with no unit below it whose parent has some (or that is a 一级): template placeholders only. */
  const emptyTop = (gi: number): boolean => {
    const g = t.groups[gi];
    return g.items.length === 0 && (g.parent === null || t.groups[g.parent].items.length > 0);
  };

  const groups: ScorecardGroupEvaluation[] = t.groups.map((g, gi) => {
    const weight = weightOf(gi);
    const score = groupScore(gi);
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
      const refs = refsOf(gi);
      for (const c of refs) ctx.plan.numberFromText(c);
      if (refs.length) {
        ctx.plan.formula(cell, totalFormula(scoreRefs(refs)), score ?? 0, { key: "groupSubtotal", params: { name: g.name } });
      }
    }
    const lost = weight !== null && score !== null ? Math.max(0, round2(weight - score)) : 0;
    return { group: gi, level: g.level, name: g.name, weight, score, statedScore, lost };
  });

  // ── totals ─────────────────────────────────────────────────────────────────────────────────────────────
  const roots = t.groups.map((g, gi) => ({ g, gi })).filter((x) => x.g.parent === null);
  const grouped = new Set(t.groups.flatMap((g) => g.items));
  const loose = t.items.map((_, i) => i).filter((i) => !grouped.has(i));
  // 分值: every unit's, plus the declared 分值 of a group that has no unit to carry it (a template placeholder)
  const emptyDeclared = t.groups
    .map((_, gi) => gi)
    .filter(emptyTop)
    .map((gi) => groups[gi].weight)
    .filter((w): w is number => w !== null);
  const weightSum = sum([...items.map((e) => e.weight).filter((x): x is number => x !== null), ...emptyDeclared]);
  if (t.items.length && Math.abs(weightSum - 100) > TOL) {
    ctx.report("WEIGHT_TOTAL_NOT_100.scorecard", "error", t.totalWeight?.ref.address ?? null, { total: fmt(weightSum) });
  } else if (t.totalWeight && !t.totalWeight.empty && t.totalWeight.value !== null && Math.abs(t.totalWeight.value - weightSum) > TOL) {
    ctx.report("WEIGHT_TOTAL_NOT_100.stated", "error", t.totalWeight.ref.address, {
      stated: fmt(t.totalWeight.value),
      sum: fmt(weightSum),
    });
  }

  const total = scored.length ? round2(sum(scored.map((e) => e.score as number))) : null;
  const stated = (() => {
    if (t.total && !t.total.empty) {
      return t.total.error === null && t.total.value !== null ? { value: t.total.value, at: t.total.ref.address } : null;
    }
    return t.totalInText ? { value: t.totalInText.value, at: t.totalInText.cell.ref.address } : null;
  })();
  if (stated && total !== null && Math.abs(stated.value - total) > TOL) {
    ctx.report("TOTAL_MISMATCH.scorecard", "error", stated.at, { stated: fmt(stated.value), total: fmt(total) });
  }
  if (t.total && writable(t.total)) {
    const refs = dedupe([
      ...roots.flatMap(({ g, gi }) => (g.scoreCell && writable(g.scoreCell) ? [g.scoreCell] : refsOf(gi))),
      ...loose.map((i) => t.items[i].score).filter((c): c is NumberCell => !!c),
    ]);
    for (const c of refs) ctx.plan.numberFromText(c);
    if (refs.length) ctx.plan.formula(t.total, totalFormula(scoreRefs(refs)), total ?? 0, { key: "scorecardTotal", params: {} });
  }
  checkGrade(ctx, t.grade, total, "");
  checkNumbersAsText(ctx, [...t.items.flatMap((it) => [it.weight, it.score]), ...t.groups.flatMap((g) => [g.weightCell]), t.totalWeight]);

  const indicators: IndicatorEvaluation[] = t.items.map((it, i) => ({
    row: it.row,
    ruleScore: null,
    score: items[i].score,
    source: items[i].score !== null ? "entered" : "none",
    explanation: null,
    band: null,
    lost: items[i].lost,
  }));
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

function dedupe(cells: NumberCell[]): NumberCell[] {
  const seen = new Set<string>();
  return cells.filter((c) => (seen.has(c.ref.address) ? false : (seen.add(c.ref.address), true)));
}
