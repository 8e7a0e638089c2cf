import { benchNarrative, syntheticAnalysis } from "../../scripts/bench-narrative";
import { buildNarrative, narrativeText } from "../../src/core/narrative";

test("the synthetic 30-indicator table is read by the engine and its report lists every indicator", () => {
  const t = syntheticAnalysis(30);
  const n = buildNarrative(t);
  const table = n.sections.flatMap((s) => s.paragraphs).find((p) => p.table?.id === "indicators")!.table!;
  for (let i = 1; i <= 30; i++) expect(table.rows.map((r) => r[2])).toContain(`指标${i}`);
  const text = narrativeText(n);
  // the one indicator below its target has a sentence; the 29 others only their group's count
  expect(text).toContain("“指标1”年度指标值为≥1000人，实际完成值为987人，完成率98.70%");
  expect(text).not.toContain("“指标2”");
  expect(text).toContain("1234.567万元");
});

test("narrative for 30 indicators well under 50 ms", () => {
  const r = benchNarrative(20);
  expect(r.ms).toBeLessThan(50);
});
