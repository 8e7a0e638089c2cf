/**
 * Property tests over the SPEC §2.6 variants of every fixture: merges undone with values repeated, a far stray
 * value, template rows inserted, the target split over three columns, a second table beside (or below) the first.
 * Each variant must give the same tables, the same derived values and the same findings at the moved cells.
 */
import fc from "fast-check";
import { analyzeSheet, type SheetSnapshot, type TableAnalysis } from "../../src/core";
import { parseQuantity } from "../../src/core/quantity";
import { fixtureNames, fixtureSnapshots } from "../support/fixtures";
import { realSnapshots, realTableNames } from "../support/realCorpus";
import {
  belowItself,
  besideItself,
  shifted,
  signature,
  splitTargetColumn,
  unmergeAndFill,
  withFarValue,
  withTemplateRows,
} from "../support/variants";

const tablesOf = (snaps: SheetSnapshot[]) => snaps.flatMap((s) => analyzeSheet(s).tables);

// The shared fixtures and the real corpus's project, department and summary tables (test/data/real).
const sources: [string, () => Promise<SheetSnapshot[]>][] = [
  ...fixtureNames().map((n): [string, () => Promise<SheetSnapshot[]>] => [n, () => fixtureSnapshots(n)]),
  ...realTableNames().map((n): [string, () => Promise<SheetSnapshot[]>] => [`real/${n}`, () => realSnapshots(n)]),
];

describe.each(sources)("%s: the SPEC §2.6 variants read as the original", (name, load) => {
  let base: SheetSnapshot[];
  let plain: TableAnalysis[];
  beforeAll(async () => {
    base = await load();
    plain = tablesOf(base);
  });

  test("merges undone with the value repeated in every formerly merged cell", () => {
    const t = tablesOf(base.map(unmergeAndFill));
    expect(t.map((x) => signature(x))).toEqual(plain.map((x) => signature(x)));
  });

  test("a stray value far away (anywhere up to XFD1048576)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 1_048_576 }), fc.integer({ min: 1, max: 16_384 }), (row, col) => {
        const t = tablesOf(base.map((s) => withFarValue(s, row, col, 7)));
        expect(t.map((x) => signature(x))).toEqual(plain.map((x) => signature(x)));
      }),
      { numRuns: 20 },
    );
  });

  test("a second copy beside the first, and one below it: both read as the original", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }), (gapCols, gapRows) => {
        for (const s of base) {
          const own = plain.filter((p) => p.sheet === s.name);
          if (!own.length) continue;
          const right = Math.max(...own.map((p) => p.table.bounds.right), ...(s.merges ?? []).map((m) => m.right));
          const bottom = Math.max(...own.map((p) => p.table.bounds.bottom), ...(s.merges ?? []).map((m) => m.bottom));
          const beside = analyzeSheet(besideItself(s, gapCols)).tables;
          expect(beside.length).toBe(own.length * 2);
          const dx = beside[own.length].table.bounds.left - own[0].table.bounds.left;
          expect(dx).toBeGreaterThan(right - own[0].table.bounds.left);
          beside.slice(own.length).forEach((t, k) => expect(signature(t, (r, c) => [r, c - dx])).toEqual(signature(own[k])));
          const below = analyzeSheet(belowItself(s, gapRows)).tables;
          expect(below.length).toBe(own.length * 2);
          const dy = bottom + gapRows;
          below.slice(own.length).forEach((t, k) => expect(signature(t, (r, c) => [r - dy, c])).toEqual(signature(own[k])));
        }
      }),
      { numRuns: 6 },
    );
  });

  test("moved anywhere on the sheet", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 30 }), (dr, dc) => {
        const t = tablesOf(base.map((s) => shifted(s, dr, dc)));
        expect(t.map((x) => signature(x, (r, c) => [r - dr, c - dc]))).toEqual(plain.map((x) => signature(x)));
      }),
      { numRuns: 10 },
    );
  });

  test("template rows inserted after any indicator", () => {
    // (a table published as its funds block only has no indicator to insert after)
    const withIndicators = plain.filter((p) => p.kind !== "summary" && (p.table as { indicators: unknown[] }).indicators.length > 0);
    if (!withIndicators.length) return;
    fc.assert(
      fc.property(fc.nat(), fc.subarray(["指标2：", "……", "/", "指标3："], { minLength: 1 }), (pick, texts) => {
        const t0 = withIndicators[pick % withIndicators.length];
        const tbl = t0.table as { indicators: { row: number; nameCell: { ref: { col: number } } | null }[] };
        const ind = tbl.indicators[pick % tbl.indicators.length];
        if (!ind.nameCell) return;
        const s = base.find((b) => b.name === t0.sheet)!;
        const varied = analyzeSheet(withTemplateRows(s, ind.row, ind.nameCell.ref.col, texts)).tables;
        const own = plain.filter((p) => p.sheet === t0.sheet);
        const by = texts.length;
        expect(varied.map((x) => signature(x, (r, c) => [r > ind.row ? r - by : r, c]))).toEqual(own.map((x) => signature(x)));
      }),
      { numRuns: 15 },
    );
  });

  test("the target split over 指标性质 | 指标值 | 度量单位", () => {
    let tried = 0;
    for (const t0 of plain) {
      if (t0.kind !== "project") continue;
      const p = t0.table as any;
      const target = p.columns.find((c: any) => c.role === "target");
      if (!target || p.weightsInTargetColumn) continue;
      const s = base.find((b) => b.name === t0.sheet)!;
      const headerRow = findHeaderRow(s, target.col, target.header);
      expect(headerRow).not.toBeNull();
      const rows = new Set<number>(p.indicators.map((i: any) => i.row));
      const split = (text: string) => {
        const q = parseQuantity(text);
        if (q.value === null || q.prefix !== "" || q.written === null) return null;
        const signs: Record<string, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=" };
        const sign = q.comparator ? signs[q.comparator] : "";
        return { sign, value: q.written, unit: q.unitWritten ?? "" };
      };
      const varied = analyzeSheet(splitTargetColumn(s, target.col, headerRow!, rows, split)).tables;
      const back = (r: number, c: number): [number, number] => [r, c > target.col + 2 ? c - 2 : c > target.col ? target.col : c];
      const same = varied.find((v) => v.name === t0.name)!;
      const a = signature(same, back);
      const b = signature(t0);
      expect(a.total).toEqual(b.total);
      expect(a.weightSum).toEqual(b.weightSum);
      expect(a.findings).toEqual(b.findings);
      expect(a.changes.map((c) => c.split(" ")[0])).toEqual(b.changes.map((c) => c.split(" ")[0]));
      tried++;
    }
    expect(tried).toBe(
      plain.filter((t) => t.kind === "project" && ((t.table as { indicators?: unknown[] }).indicators?.length ?? 0) > 0).length,
    );
  });
});

function findHeaderRow(s: SheetSnapshot, col: number, header: string): number | null {
  const cells = "cells" in s ? s.cells : [];
  return (
    cells.find((c) => c.col === col && typeof c.value === "string" && c.value.replace(/\s/g, "") === header.replace(/\s/g, ""))?.row ?? null
  );
}
