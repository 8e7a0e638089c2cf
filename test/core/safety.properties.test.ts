/**
 * The fill's safety rule (SPEC §3 "Two kinds of derived cell"), as a property over every real table and shared
 * fixture: a value a person typed into any cell whose role was not read from a recognised header of the table's own
 * kind — a derived cell whose role was inferred (a row label, a position, a hybrid layout: src/core/roles.ts) or an
 * indicator score (a person's judgement) — survives `fill` unchanged. Where the rule disagrees, the change is
 * offered as a suggestion the person takes in one click (suggestionPlan), never written by the fill itself.
 */
import fc from "fast-check";
import {
  analyzeSheet,
  applyPlanToSnapshot,
  suggestionPlan,
  snapshotCells,
  parseA1,
  type SheetSnapshot,
  type TableAnalysis,
} from "../../src/core";
import { inferredRoles } from "../../src/core/roles";
import { fixtureNames, fixtureSnapshots } from "../support/fixtures";
import { realSnapshots, realTableNames } from "../support/realCorpus";

const ALL_KINDS = new Set(["project", "department", "summary", "scorecard"]);

/** The snapshot with `value` typed into `cell` (any formula there removed). */
function typed(s: SheetSnapshot, cell: string, value: number): SheetSnapshot {
  const { row, col } = parseA1(cell);
  const cells = snapshotCells(s).filter((c) => !(c.row === row && c.col === col));
  cells.push({ row, col, value, formula: null, numberFormat: null });
  return { name: s.name, merges: s.merges, cells };
}

/** Cells whose role was not read from a header: inferred derived cells and indicator scores. */
function notFromHeader(t: TableAnalysis): string[] {
  const out = new Set(inferredRoles(t.table));
  const tbl = t.table;
  if (tbl.kind === "project" || tbl.kind === "department") for (const i of tbl.indicators) if (i.score) out.add(i.score.ref.address);
  if (tbl.kind === "scorecard") for (const i of tbl.items) if (i.score) out.add(i.score.ref.address);
  return [...out];
}

const sources: [string, () => Promise<SheetSnapshot[]>][] = [
  ...fixtureNames().map((n): [string, () => Promise<SheetSnapshot[]>] => [n, () => fixtureSnapshots(n)]),
  ...realTableNames(ALL_KINDS).map((n): [string, () => Promise<SheetSnapshot[]>] => [`real/${n}`, () => realSnapshots(n)]),
];

let inferredSeen = 0;

describe.each(sources)("%s: a typed value where the role was not read from a header survives the fill", (name, load) => {
  let base: SheetSnapshot[];
  let targets: { sheet: SheetSnapshot; cell: string; inferred: boolean }[];
  beforeAll(async () => {
    base = await load();
    targets = [];
    for (const s of base) {
      for (const t of analyzeSheet(s).tables) {
        const inferred = inferredRoles(t.table);
        inferredSeen += inferred.size;
        for (const cell of notFromHeader(t)) targets.push({ sheet: s, cell, inferred: inferred.has(cell) });
      }
    }
  });

  test("any such cell, any typed score", () => {
    if (!targets.length) return;
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 10_000 }), (pick, hundredths) => {
        const { sheet, cell, inferred } = targets[pick % targets.length];
        const value = hundredths / 100;
        const varied = typed(sheet, cell, value);
        const tables = analyzeSheet(varied).tables;
        // nothing in any plan writes over it …
        for (const t of tables) expect(t.plan.changes.filter((c) => c.cell === cell && c.kind !== "format")).toEqual([]);
        let after = varied;
        for (const t of tables) after = applyPlanToSnapshot(after, t.plan);
        const { row, col } = parseA1(cell);
        expect(snapshotCells(after).find((c) => c.row === row && c.col === col)?.value).toBe(value);
        // … and where the rule disagrees over an inferred role, the finding at the cell offers its value in one click
        if (inferred) {
          for (const t of tables) {
            const held = (t.suggested ?? []).find((c) => c.cell === cell);
            if (!held || typeof held.expected !== "number" || Math.abs(held.expected - value) <= 0.005) continue;
            const f = t.findings.find((x) => x.cell === cell && x.suggestion?.cell === cell);
            expect(f).toBeDefined();
            expect(suggestionPlan(t, f!).changes.map((c) => c.cell)).toEqual([cell]);
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});

afterAll(() => {
  // the corpus holds inferred roles (湖北 预算执行率 row, 总分 in the funds row, 总分 as a header field)
  expect(inferredSeen).toBeGreaterThan(0);
});
