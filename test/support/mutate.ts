/**
 * Mutations of a fixture sheet for the property tests: rows inserted above, the table moved right, merges dropped,
 * headers respelled with spaces and line breaks, numbers turned into text, cells blanked, bystander cells around —
 * and the properties every fixture must keep under them (test/core/properties.test.ts, scorecardProperties.test.ts).
 */
import fc from "fast-check";
import { analyzeWorkbook, applyPlanToSnapshot, parseA1, type CellValue, type SheetSnapshot } from "../../src/core";
import { toDense } from "./dense";

export interface Mutation {
  rowsAbove: number;
  colsLeft: number;
  dropMerges: boolean;
  respell: number[];
  toText: number[];
  blank: number[];
  bystanders: boolean;
}

const HEADER = /指标|预算数|执行数|执行率|分值|得分|权重|完成值|总分|合计|名称|资金/;

export function mutate(sheet: SheetSnapshot, m: Mutation): { snapshot: SheetSnapshot; bystanders: Set<string> } {
  const s = toDense(sheet);
  const values: CellValue[][] = s.values.map((r) => [...r]);
  const formulas = s.formulas?.map((r) => [...r]);
  const cells: [number, number][] = [];
  values.forEach((r, i) => r.forEach((v, j) => v !== null && cells.push([i, j])));
  const pick = (k: number) => cells[k % cells.length];

  for (const k of m.respell) {
    const [i, j] = pick(k);
    const v = values[i][j];
    if (typeof v === "string" && HEADER.test(v)) {
      const chars = [...v];
      const at = 1 + (k % Math.max(1, chars.length - 1));
      chars.splice(at, 0, ["\n", "  ", "\u3000", "\n\n"][k % 4]);
      values[i][j] = chars.join("");
    }
  }
  for (const k of m.toText) {
    const [i, j] = pick(k);
    const v = values[i][j];
    if (typeof v === "number" && !formulas?.[i]?.[j])
      values[i][j] = ["\u3000", " ", "", "\u3000\n"][k % 4] + String(v) + ["", "\u3000", " "][k % 3];
  }
  for (const k of m.blank) {
    const [i, j] = pick(k);
    values[i][j] = null;
    if (formulas?.[i]) formulas[i][j] = null;
  }

  const origin = { row: s.origin.row + m.rowsAbove, col: s.origin.col + m.colsLeft };
  const merges = m.dropMerges
    ? null
    : (s.merges ?? []).map((x) => ({
        top: x.top + m.rowsAbove,
        bottom: x.bottom + m.rowsAbove,
        left: x.left + m.colsLeft,
        right: x.right + m.colsLeft,
      }));
  const bystanders = new Set<string>();
  let snapshot: SheetSnapshot = { ...s, origin, values, formulas, numberFormats: s.numberFormats?.map((r) => [...r]), merges };
  if (m.bystanders) {
    // a note above-left and numbers to the right and below: cells that belong to no table
    const width = Math.max(...values.map((r) => r.length));
    const h = values.length;
    const top = 1;
    const left = 1;
    const bottom = origin.row + h + 2;
    const right = origin.col + width + 2;
    const grid: CellValue[][] = Array.from({ length: bottom - top + 1 }, () => new Array<CellValue>(right - left + 1).fill(null));
    const fgrid: (string | null)[][] = grid.map((r) => r.map(() => null));
    values.forEach((r, i) => r.forEach((v, j) => (grid[origin.row + i - top][origin.col + j - left] = v)));
    formulas?.forEach((r, i) => r.forEach((f, j) => (fgrid[origin.row + i - top][origin.col + j - left] = f)));
    const put = (row: number, col: number, v: CellValue) => {
      if (grid[row - top][col - left] !== null) return;
      grid[row - top][col - left] = v;
      bystanders.add(`${row},${col}`);
    };
    put(bottom, origin.col, 123.45);
    put(bottom, origin.col + 1, "备注：本表数据来源于财务系统");
    put(origin.row + 2, right, 42);
    put(origin.row + Math.floor(h / 2), right, "　99.5");
    snapshot = { ...snapshot, origin: { row: top, col: left }, values: grid, formulas: fgrid, numberFormats: undefined };
  }
  return { snapshot, bystanders };
}

export const mutation = fc.record<Mutation>({
  rowsAbove: fc.integer({ min: 0, max: 6 }),
  colsLeft: fc.integer({ min: 0, max: 4 }),
  dropMerges: fc.boolean(),
  respell: fc.array(fc.nat(), { maxLength: 12 }),
  toText: fc.array(fc.nat(), { maxLength: 12 }),
  blank: fc.array(fc.nat(), { maxLength: 4 }),
  bystanders: fc.boolean(),
});

/** The mutation properties for one workbook's sheets; call inside a describe. */
export function mutationProperties(load: () => Promise<SheetSnapshot[]>): void {
  let base: SheetSnapshot[];
  beforeAll(async () => {
    base = await load();
  });

  test("no exception, nothing written outside a table, fill twice = fill once", () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const mutated = base.map((s) => mutate(s, m));
        const snaps = mutated.map((x) => x.snapshot);
        const first = analyzeWorkbook(snaps);
        first.sheets.forEach((sheet, k) => {
          for (const t of sheet.tables) {
            for (const ch of t.plan.changes) {
              const { row, col } = parseA1(ch.cell);
              const b = t.table.bounds;
              expect(row >= b.top && row <= b.bottom && col >= b.left && col <= b.right).toBe(true);
              expect(mutated[k].bystanders.has(`${row},${col}`)).toBe(false);
            }
          }
        });
        const changes = { changes: first.sheets.flatMap((x) => x.tables.flatMap((t) => t.plan.changes)) };
        const second = analyzeWorkbook(snaps.map((s) => applyPlanToSnapshot(s, changes)));
        expect(second.sheets.flatMap((x) => x.tables.flatMap((t) => t.plan.changes.map((c) => `${c.cell} ${c.kind}`)))).toEqual([]);
      }),
      { numRuns: 60, seed: 20261123 },
    );
  });

  test("moved, merges dropped and headers respelled: the same table, the same derived values", () => {
    const plain = analyzeWorkbook(base).sheets.flatMap((s) => s.tables);
    fc.assert(
      fc.property(
        fc.record({
          rowsAbove: fc.integer({ min: 0, max: 5 }),
          colsLeft: fc.integer({ min: 0, max: 3 }),
          dropMerges: fc.boolean(),
          respell: fc.array(fc.nat(), { maxLength: 20 }),
        }),
        (m) => {
          const moved = analyzeWorkbook(
            base.map((s) => mutate(s, { ...m, toText: [], blank: [], bystanders: false }).snapshot),
          ).sheets.flatMap((s) => s.tables);
          expect(moved.map((t) => t.kind)).toEqual(plain.map((t) => t.kind));
          moved.forEach((t, k) => {
            expect(t.evaluation.total).toEqual(plain[k].evaluation.total);
            expect(t.evaluation.executionRate).toEqual(plain[k].evaluation.executionRate);
            expect(t.findings.map((f) => f.code).sort()).toEqual(plain[k].findings.map((f) => f.code).sort());
            expect(t.plan.changes.length).toBe(plain[k].plan.changes.length);
          });
        },
      ),
      { numRuns: 40, seed: 7 },
    );
  });
}
