/**
 * The scorecard fixtures (test/data/real/scorecard-*, real published 绩效评价指标体系评分表 and one constructed around
 * the 东川 figures) against their hand-written oracles: kind, the indicator tree with its cells, group 满分/得分,
 * findings, the fill plan (subtotals and 总分 as SUM formulas, unit scores never written), fill twice = fill once.
 * And the other way round: no shared fixture (a 自评表, a 部门整体表, a 汇总表) is taken for a scorecard.
 */
import { analyzeWorkbook, applyPlanToSnapshot, type ScorecardTable, type TableAnalysis } from "../../src/core";
import { fixtureNames, fixtureSnapshots, oracle } from "../support/fixtures";
import { scorecardNames, scorecardOracle, scorecardSnapshots } from "../support/scorecards";

const names = scorecardNames();

test("there are scorecard fixtures: at least 3 from published tables and the 东川 one", () => {
  expect(names.filter((n) => !/dongchuan/.test(n)).length).toBeGreaterThanOrEqual(3);
  expect(names).toContain("scorecard-dongchuan-2020");
});

describe.each(names)("%s", (name) => {
  const o = scorecardOracle(name);
  let tables: TableAnalysis[];
  let snapshots: Awaited<ReturnType<typeof scorecardSnapshots>>;

  beforeAll(async () => {
    snapshots = await scorecardSnapshots(name);
    tables = analyzeWorkbook(snapshots).sheets.flatMap((s) => s.tables);
  });

  test.each(o.sheets.map((s) => [s.sheet, s] as const))("sheet %s: kind, units, groups", (_s, exp) => {
    const t = tables.find((x) => x.sheet === exp.sheet)!;
    expect(t.kind).toBe("scorecard");
    const sc = t.table as ScorecardTable;
    if (exp.name) expect(sc.name?.text).toBe(exp.name);
    expect(sc.total?.ref.address ?? null).toBe(exp.cells.total);
    if (exp.cells.totalWeight !== undefined) expect(sc.totalWeight?.ref.address ?? null).toBe(exp.cells.totalWeight);
    if (exp.cells.grade) expect(sc.grade?.ref.address).toBe(exp.cells.grade);
    const got = sc.items.map((it, i) => ({
      row: it.row,
      level1: it.level1,
      level2: it.level2,
      name: it.name,
      weight: it.weight?.ref.address ?? null,
      score: it.score?.ref.address ?? null,
      weightValue: t.evaluation.scorecard!.items[i].weight,
      scoreValue: t.evaluation.scorecard!.items[i].score,
    }));
    expect(got).toEqual(exp.cells.indicators);
    const groups = sc.groups.map((g, gi) => {
      const e = t.evaluation.scorecard!.groups[gi];
      const out: Record<string, unknown> = { level: g.level, name: g.name, declared: g.declaredCell?.address ?? null };
      if (g.weightCell) out.weightCell = g.weightCell.ref.address;
      if (g.scoreCell) out.scoreCell = g.scoreCell.ref.address;
      out.weight = e.weight;
      out.score = e.score;
      return out;
    });
    expect(groups).toEqual(exp.cells.groups);
    if (exp.cells.placeholderRows) expect(sc.placeholderRows).toEqual(exp.cells.placeholderRows);
    if (exp.expect.hasReasonColumn !== undefined) expect(sc.hasReasonColumn).toBe(exp.expect.hasReasonColumn);
  });

  test.each(o.sheets.map((s) => [s.sheet, s] as const))("sheet %s: findings, totals and the fill plan", (_s, exp) => {
    const t = tables.find((x) => x.sheet === exp.sheet)!;
    for (const want of exp.findings) {
      const found = t.findings.some((f) => f.code === want.code && (!want.cell || f.cell === want.cell));
      expect({ want, found }).toEqual({ want, found: true });
    }
    if (exp.expect.total !== undefined) expect(t.evaluation.total).toBe(exp.expect.total);
    if (exp.expect.grade !== undefined) expect(t.evaluation.grade).toBe(exp.expect.grade);
    if (exp.expect.weightSum !== undefined) expect(t.evaluation.weightSum).toBe(exp.expect.weightSum);
    if (exp.expect.fillChanges !== undefined) expect(t.plan.changes).toHaveLength(exp.expect.fillChanges);
    const change = (cell: string) => t.plan.changes.find((c) => c.cell === cell);
    if (exp.cells.total && typeof exp.expect.total === "number") {
      const ch = change(exp.cells.total)!;
      expect(ch.after.formula).toMatch(/^=ROUND\(SUM\(.+\),2\)$/);
      expect(ch.expected).toBe(exp.expect.total);
    }
    for (const [cell, v] of Object.entries(exp.expect.subtotals ?? {})) {
      const ch = change(cell);
      expect({ cell, formula: ch?.after.formula?.startsWith("=ROUND(SUM(") }).toEqual({ cell, formula: true });
      expect({ cell, expected: ch?.expected }).toEqual({ cell, expected: v });
    }
    // unit scores are a person's judgement: never in the plan, whatever they are
    const unitCells = new Set(exp.cells.indicators.map((i) => i.score).filter(Boolean));
    expect(t.plan.changes.filter((c) => unitCells.has(c.cell) && c.kind !== "number")).toEqual([]);
    for (const cell of Object.keys(exp.expect.kept ?? {})) expect(change(cell)).toBeUndefined();
    // only SUM formulas, nothing like an 执行率
    for (const c of t.plan.changes)
      if (c.after.formula) expect(c.after.formula).toMatch(/^=ROUND\(SUM\([A-Z]+\d+(?::[A-Z]+\d+)?(?:,[A-Z]+\d+(?::[A-Z]+\d+)?)*\),2\)$/);
  });

  test("fill twice = fill once", () => {
    const filled = snapshots.map((s) => applyPlanToSnapshot(s, { changes: tables.flatMap((t) => t.plan.changes) }));
    const again = analyzeWorkbook(filled).sheets.flatMap((s) => s.tables);
    expect(again.flatMap((t) => t.plan.changes.map((c) => `${c.cell} ${c.after.formula ?? c.after.value}`))).toEqual([]);
    expect(again.map((t) => [t.kind, t.evaluation.total])).toEqual(tables.map((t) => [t.kind, t.evaluation.total]));
  });
});

describe("no shared fixture is a scorecard", () => {
  test.each(fixtureNames())("%s keeps its kinds", async (name) => {
    const kinds = analyzeWorkbook(await fixtureSnapshots(name)).sheets.flatMap((s) => s.tables.map((t) => t.kind));
    expect(kinds).not.toContain("scorecard");
    expect(kinds).toEqual(oracle(name).sheets.map((s) => s.kind));
  });
});
