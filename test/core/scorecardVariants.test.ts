/**
 * The scorecard fixtures under the SPEC §2.6 variants (test/support/variants.ts): merges undone with the value
 * repeated in every formerly merged cell (WPS 拆分并填充内容), a stray value far away, a second copy beside or below,
 * the table moved. Each must read as the original: the same units, groups, findings and fill at the moved cells.
 */
import fc from "fast-check";
import { a1, analyzeSheet, parseA1, type ScorecardTable, type SheetSnapshot, type TableAnalysis } from "../../src/core";
import { belowItself, besideItself, shifted, unmergeAndFill, withFarValue } from "../support/variants";
import { scorecardNames, scorecardSnapshots } from "../support/scorecards";

function signature(t: TableAnalysis, move: (row: number, col: number) => [number, number] = (r, c) => [r, c]) {
  const at = (cell: string | null | undefined) => {
    if (!cell) return "-";
    const { row, col } = parseA1(cell);
    return a1(...move(row, col));
  };
  const s = t.table as ScorecardTable;
  return {
    kind: t.kind,
    total: t.evaluation.total,
    weightSum: t.evaluation.weightSum,
    units: s.items.map((i) => `${i.path.join("/")} ${at(i.weight?.ref.address)} ${at(i.score?.ref.address)}`),
    groups: (t.evaluation.scorecard?.groups ?? []).map((g) => `${g.level} ${g.name} ${g.weight} ${g.score}`),
    findings: t.findings.map((f) => `${f.code}@${at(f.cell)}`).sort(),
    changes: t.plan.changes.map((c) => `${at(c.cell)} ${c.kind} ${c.expected}`).sort(),
  };
}

const tablesOf = (snaps: SheetSnapshot[]) => snaps.flatMap((s) => analyzeSheet(s).tables);

describe.each(scorecardNames())("%s: the variants read as the original", (name) => {
  let base: SheetSnapshot[];
  let plain: TableAnalysis[];
  beforeAll(async () => {
    base = await scorecardSnapshots(name);
    plain = tablesOf(base);
    expect(plain.map((t) => t.kind)).toEqual(base.map(() => "scorecard"));
  });

  test("merges undone with the value repeated in every formerly merged cell (the 可选项 block still one unit)", () => {
    const t = tablesOf(base.map(unmergeAndFill));
    expect(t.map((x) => signature(x))).toEqual(plain.map((x) => signature(x)));
  });

  test("a stray value far away", () => {
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 1_048_576 }), fc.integer({ min: 12, max: 16_384 }), (row, col) => {
        expect(tablesOf(base.map((s) => withFarValue(s, row, col, 7))).map((x) => signature(x))).toEqual(plain.map((x) => signature(x)));
      }),
      { numRuns: 10 },
    );
  });

  test("moved anywhere on the sheet", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 30 }), (dr, dc) => {
        const t = tablesOf(base.map((s) => shifted(s, dr, dc)));
        expect(t.map((x) => signature(x, (r, c) => [r - dr, c - dc]))).toEqual(plain.map((x) => signature(x)));
      }),
      { numRuns: 8 },
    );
  });

  test("a second copy beside the first, and one below it", () => {
    for (const s of base) {
      const own = plain.filter((p) => p.sheet === s.name);
      const right = Math.max(...own.map((p) => p.table.bounds.right), ...(s.merges ?? []).map((m) => m.right));
      const bottom = Math.max(...own.map((p) => p.table.bounds.bottom), ...(s.merges ?? []).map((m) => m.bottom));
      const beside = analyzeSheet(besideItself(s, 2)).tables;
      expect(beside.map((t) => t.kind)).toEqual([...own, ...own].map((t) => t.kind));
      const dx = beside[own.length].table.bounds.left - own[0].table.bounds.left;
      expect(dx).toBeGreaterThan(right - own[0].table.bounds.left);
      beside.slice(own.length).forEach((t, k) => expect(signature(t, (r, c) => [r, c - dx])).toEqual(signature(own[k])));
      const below = analyzeSheet(belowItself(s, 3)).tables;
      expect(below.map((t) => t.kind)).toEqual([...own, ...own].map((t) => t.kind));
      const dy = bottom + 3;
      below.slice(own.length).forEach((t, k) => expect(signature(t, (r, c) => [r - dy, c])).toEqual(signature(own[k])));
    }
  });
});
