/**
 * Error values and text where a number belongs, one cell at a time: every number inside every recognised table of
 * the shared fixtures and the real corpus replaced by one of #REF!, #DIV/0!, #VALUE!, #N/A or a sentence (in turn),
 * and every cell the fill writes (a 合计, a 执行率, a 总分) by each of them. The fill plans nothing it did not plan the
 * first time (fill twice = fill once), so the first preview is all there is.
 */
import { analyzeWorkbook, applyPlanToSnapshot, snapshotCells, a1, type SheetSnapshot } from "../../src/core";
import { fixtureNames, fixtureSnapshots } from "../support/fixtures";
import { realSnapshots, realTableNames } from "../support/realCorpus";

const VARIANTS = ["#REF!", "#DIV/0!", "#VALUE!", "#N/A", "见附件"];

/** The sheet with one cell's value replaced (its formula dropped): a sparse copy. */
function withValue(s: SheetSnapshot, row: number, col: number, value: string): SheetSnapshot {
  const cells = snapshotCells(s).map((c) => (c.row === row && c.col === col ? { ...c, value, formula: null } : c));
  return { name: s.name, merges: s.merges, cells };
}

/** The cells the second fill plans over the first fill's result (empty: the fill is idempotent). */
function secondFill(snaps: SheetSnapshot[]): string[] {
  const first = analyzeWorkbook(snaps);
  const changes = { changes: first.sheets.flatMap((x) => x.tables.flatMap((t) => t.plan.changes)) };
  const second = analyzeWorkbook(snaps.map((s) => applyPlanToSnapshot(s, changes)));
  return second.sheets.flatMap((x) => x.tables.flatMap((t) => t.plan.changes.map((c) => `${t.sheet}!${c.cell} ${c.kind}`)));
}

/** Every number inside a recognised table, as [sheet index, row, column, whether the fill writes it]. */
function numbersInTables(snaps: SheetSnapshot[]): [number, number, number, boolean][] {
  const a = analyzeWorkbook(snaps);
  const out: [number, number, number, boolean][] = [];
  snaps.forEach((s, k) => {
    const tables = a.sheets[k]?.tables ?? [];
    const written = new Set(tables.flatMap((t) => t.plan.changes.map((c) => c.cell)));
    for (const c of snapshotCells(s)) {
      if (typeof c.value !== "number") continue;
      const b = tables.find((t) => {
        const x = t.table.bounds;
        return c.row >= x.top && c.row <= x.bottom && c.col >= x.left && c.col <= x.right;
      });
      if (b) out.push([k, c.row, c.col, written.has(a1(c.row, c.col))]);
    }
  });
  return out;
}

const workbooks: [string, () => Promise<SheetSnapshot[]>][] = [
  ...fixtureNames().map((n): [string, () => Promise<SheetSnapshot[]>] => [`fixtures/${n}`, () => fixtureSnapshots(n)]),
  // the real corpus but the scorecard template, which holds no number
  ...realTableNames(new Set(["project", "department", "summary", "scorecard"]))
    .filter((n) => !n.endsWith("-template"))
    .map((n): [string, () => Promise<SheetSnapshot[]>] => [`real/${n}`, () => realSnapshots(n)]),
];

test.each(workbooks)("%s: an error value or a text in any number of a table, fill twice = fill once", async (_name, load) => {
  const snaps = await load();
  const cells = numbersInTables(snaps);
  expect(cells.length).toBeGreaterThan(0);
  const failures: string[] = [];
  cells.forEach(([k, row, col, written], n) => {
    for (const v of written ? VARIANTS : [VARIANTS[n % VARIANTS.length]]) {
      const mutated = snaps.map((s, i) => (i === k ? withValue(s, row, col, v) : s));
      const again = secondFill(mutated);
      if (again.length) failures.push(`${a1(row, col)}=${v}: ${again.join(", ")}`);
    }
  });
  expect(failures).toEqual([]);
});
