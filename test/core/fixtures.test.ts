/**
 * Every shared fixture against its oracle (*.expected.json): kinds, cell addresses, findings, and the values the
 * derived cells hold after the fill. Also: fill twice = fill once.
 */
import { analyzeWorkbook, applyPlanToSnapshot, snapshotCells, type TableAnalysis } from "../../src/core";
import { fixtureNames, fixtureSnapshots, oracle, type Oracle } from "../support/fixtures";

const names = fixtureNames();

function addr(c: { ref: { address: string } } | null | undefined): string | undefined {
  return c?.ref.address;
}

function planned(t: TableAnalysis, cell: string) {
  return t.plan.changes.find((c) => c.cell === cell);
}

/** The value a cell shows after the fill: the plan's expected value, else what it holds. */
function afterFill(t: TableAnalysis, cell: string, current: number | null | undefined): number | string | null {
  const ch = planned(t, cell);
  if (ch) return ch.expected;
  return current ?? null;
}

describe.each(names)("%s", (name) => {
  const o: Oracle = oracle(name);
  let tables: TableAnalysis[];
  let snapshots: Awaited<ReturnType<typeof fixtureSnapshots>>;

  beforeAll(async () => {
    snapshots = await fixtureSnapshots(name);
    tables = analyzeWorkbook(snapshots).sheets.flatMap((s) => s.tables);
  });

  test.each(o.sheets.map((s) => [s.sheet, s] as const))("sheet %s: kind and cells", (_sheet, exp) => {
    const t = tables.find((x) => x.sheet === exp.sheet)!;
    expect(t).toBeDefined();
    expect(t.kind).toBe(exp.kind);
    const c = exp.cells;
    if (t.table.kind === "project") {
      const p = t.table;
      if (exp.name) expect(p.name?.text).toBe(exp.name);
      expect(addr(p.fundTotal?.initial)).toBe(c.initial);
      expect(addr(p.fundTotal?.budget)).toBe(c.budget);
      expect(addr(p.fundTotal?.executed)).toBe(c.executed);
      expect(addr(p.budgetWeight)).toBe(c.budgetWeight);
      expect(addr(p.rate)).toBe(c.rate);
      expect(addr(p.budgetScore)).toBe(c.budgetScore);
      const rows = [p.fundTotal, ...p.fundParts].map((f) => ({
        initial: addr(f?.initial),
        budget: addr(f?.budget),
        executed: addr(f?.executed),
      }));
      expect(rows).toEqual(c.fundRows);
      expect(addr(p.totalWeight)).toBe(c.totalWeight);
      expect(addr(p.total)).toBe(c.total);
    }
    if (t.table.kind === "department") {
      const d = t.table;
      const rows = [...d.fundSources, ...d.fundStructure].map((f) => ({
        budget: addr(f.budget),
        executed: addr(f.executed),
        rate: addr(f.rate),
      }));
      expect(rows).toEqual(c.fundRows.map((f: any) => ({ budget: f.budget, executed: f.executed, rate: f.rate })));
      expect(addr(d.totalWeight)).toBe(c.totalWeight);
      expect(addr(d.total)).toBe(c.total);
    }
    if (t.table.kind === "project" || t.table.kind === "department") {
      const inds = t.table.indicators;
      expect(inds).toHaveLength(c.indicators.length);
      c.indicators.forEach((e: any, k: number) => {
        const i = inds[k];
        expect(i.level1).toBe(e.level1);
        expect(i.level2).toBe(e.level2);
        expect(i.name).toBe(e.name);
        expect(addr(i.weight)).toBe(e.weight);
        expect(addr(i.score)).toBe(e.score);
        if (e.target !== undefined) expect(i.targetCell?.text).toBe(e.target);
        if (e.actual !== undefined) expect(i.actualCell?.text).toBe(e.actual);
        if (e.weightValue !== undefined) expect(i.weight?.value).toBe(e.weightValue);
        if (e.scoreValue !== undefined && e.scoreValue !== null) {
          expect(afterFill(t, e.score, i.score?.value)).toBeCloseTo(e.scoreValue, 2);
        }
      });
    } else if (t.table.kind === "summary") {
      const s = t.table;
      expect(s.rows.map((r) => ({ name: r.name.text, rate: addr(r.rate) }))).toEqual(c.rows);
      expect([addr(s.totalRow?.initial), addr(s.totalRow?.budget), addr(s.totalRow?.executed)]).toEqual(c.totals);
      expect(addr(s.totalRow?.rate)).toBe(c.rate);
    }
  });

  test.each(o.sheets.map((s) => [s.sheet, s] as const))("sheet %s: values after the fill", (_sheet, exp) => {
    const t = tables.find((x) => x.sheet === exp.sheet)!;
    const e = exp.expect;
    const c = exp.cells;
    if (e.rate !== undefined) {
      expect(t.evaluation.executionRate).toBeCloseTo(e.rate, 5);
      expect(planned(t, c.rate)?.after.formula).toMatch(/^=/);
      expect(planned(t, c.rate)?.expected).toBeCloseTo(e.rate, 5);
    }
    if (e.budgetScore !== undefined) {
      expect(t.evaluation.budgetScore).toBeCloseTo(e.budgetScore, 2);
      expect(afterFill(t, c.budgetScore, null)).toBeCloseTo(e.budgetScore, 2);
    }
    if (e.total !== undefined) {
      expect(t.evaluation.total).toBeCloseTo(e.total, 2);
      expect(planned(t, c.total)?.expected).toBeCloseTo(e.total, 2);
    }
    if (e.grade !== undefined) expect(t.evaluation.grade).toBe(e.grade);
    if (e.weightSum !== undefined) expect(t.evaluation.weightSum).toBeCloseTo(e.weightSum, 6);
    for (const [cell, v] of Object.entries<number>(e.scores ?? {})) {
      const ch = planned(t, cell);
      expect(ch?.kind).toBe("score");
      expect(ch?.expected).toBeCloseTo(v, 2);
    }
    for (const [cell, v] of Object.entries<number>(e.kept ?? {})) {
      expect(planned(t, cell)).toBeUndefined();
      const ev = t.evaluation.indicators.find(
        (i) => (t.table as any).indicators.find((x: any) => x.row === i.row)?.score?.ref.address === cell,
      );
      expect(ev?.score).toBeCloseTo(v, 2);
      expect(ev?.source).toBe("entered");
    }
    if (e.rates) {
      const rateCells: string[] = t.kind === "summary" ? c.rows.map((r: any) => r.rate) : c.fundRows.map((r: any) => r.rate);
      e.rates.forEach((v: number | null, k: number) => {
        const ch = planned(t, rateCells[k]);
        expect(ch?.after.formula).toMatch(/^=IFERROR\(/);
        if (v === null) expect(ch?.expected).toBeNull();
        else expect(ch?.expected).toBeCloseTo(v, 5);
      });
    }
    if (e.totals) {
      e.totals.forEach((v: number, k: number) => {
        const ch = planned(t, c.totals[k]);
        expect(ch?.after.formula).toMatch(/^=SUM\(/);
        expect(ch?.expected).toBeCloseTo(v, 6);
      });
    }
  });

  test.each(o.sheets.map((s) => [s.sheet, s] as const))("sheet %s: findings", (_sheet, exp) => {
    const t = tables.find((x) => x.sheet === exp.sheet)!;
    for (const f of exp.findings) {
      const hit = t.findings.find((x) => x.code === f.code && (f.cell === undefined || x.cell === f.cell));
      if (!hit)
        throw new Error(
          `missing ${f.code} ${f.cell ?? ""} (${f.note ?? ""}); got ${t.findings.map((x) => `${x.code}@${x.cell}`).join(", ")}`,
        );
      expect(hit.message).toMatch(/[\u4e00-\u9fff]/);
      expect(hit.messageEn.length).toBeGreaterThan(0);
    }
  });

  test("fill twice = fill once", () => {
    const first = analyzeWorkbook(snapshots);
    const filled = snapshots.map((s) =>
      applyPlanToSnapshot(s, { changes: first.sheets.flatMap((x) => x.tables.flatMap((t) => t.plan.changes)) }),
    );
    const second = analyzeWorkbook(filled);
    expect(second.sheets.flatMap((x) => x.tables.flatMap((t) => t.plan.changes))).toEqual([]);
  });

  test("fill twice = fill once, when the filled file holds formulas without cached results", () => {
    const first = analyzeWorkbook(snapshots);
    const changes = { changes: first.sheets.flatMap((x) => x.tables.flatMap((t) => t.plan.changes)) };
    const uncached = snapshots.map((s) => {
      const f = applyPlanToSnapshot(s, changes);
      return { ...f, cells: snapshotCells(f).map((c) => (c.formula ? { ...c, value: null } : c)) };
    });
    const second = analyzeWorkbook(uncached);
    expect(second.sheets.flatMap((x) => x.tables.flatMap((t) => t.plan.changes.map((c) => c.cell)))).toEqual([]);
  });
});
