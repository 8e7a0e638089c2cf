/**
 * The report writes money in the unit the table uses: 永德's table (test/data/real, "项目资金(元)") is in 元, so its
 * report says 387664.62元, not 387664.62万元; a table in 万元 (or naming none) keeps 万元.
 */
import path from "node:path";
import { buildNarrative, sectionLines, statedAnalysis } from "../../src/core/narrative";
import { workbook } from "../compare/helpers";
import { fixturePath } from "../support/fixtures";
import { REAL_DIR } from "../support/realCorpus";

const text = (file: string) => {
  const wb = workbook(file);
  const t = wb.tables[0];
  const n = buildNarrative(statedAnalysis(t));
  return { t, n, text: n.sections.flatMap(sectionLines).join("\n") };
};

test("a table in 元: recognised as such, its money written in 元 (sentences, quotes, table caption)", () => {
  const { t, n, text: all } = text(path.join(REAL_DIR, "project-yunnan-yongde-nutrition-2022.xlsx"));
  expect(t.table.moneyUnit).toBe("元");
  expect(all).toContain("387664.62元");
  expect(all).not.toMatch(/\d万元/);
  const tables = n.sections.flatMap((s) => s.paragraphs.flatMap((p) => (p.table ? [p.table] : [])));
  expect(tables.find((x) => x.id === "funds")?.unit).toBe("元");
  const quotes = n.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.flatMap((x) => x.quotes ?? [])));
  expect(quotes.some((q) => q.value === "387664.62元")).toBe(true);
});

test("a table in 万元 keeps 万元", () => {
  const { t, text: all } = text(fixturePath("project-medical-aid-2020"));
  expect(t.table.moneyUnit).toBeUndefined();
  expect(all).toContain("3416.022万元");
});
