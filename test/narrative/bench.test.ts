import { benchNarrative, syntheticAnalysis } from "../../scripts/bench-narrative";
import { buildNarrative, narrativeText } from "../../src/core/narrative";

test("the synthetic 30-indicator table is read by the engine and its report names every indicator", () => {
  const t = syntheticAnalysis(30);
  const text = narrativeText(buildNarrative(t));
  for (let i = 1; i <= 30; i++) expect(text).toContain(`“指标${i}”`);
  expect(text).toContain("1234.567万元");
});

test("narrative for 30 indicators well under 50 ms", () => {
  const r = benchNarrative(20);
  expect(r.ms).toBeLessThan(50);
});
