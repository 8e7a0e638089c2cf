/**
 * The report over the shared fixtures, read through the xlsx adapter and the real engine.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { loadXlsx } from "../../src/adapters/xlsx";
import { analyzeWorkbook, type TableAnalysis } from "../../src/core";
import { buildNarrative, narrativeText, quotesOf, sectionParagraphs, type Narrative } from "../../src/core/narrative";
import { FIXTURE_DIR } from "../support/fixtures";
import { inOrder } from "./models";

const DIR = FIXTURE_DIR;

export async function fixtureTables(name: string): Promise<TableAnalysis[]> {
  const book = await loadXlsx(readFileSync(join(DIR, `${name}.xlsx`)));
  return analyzeWorkbook(book.snapshots()).sheets.flatMap((s) => s.tables);
}

function placeholders(n: Narrative): string[] {
  return n.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.filter((x) => x.placeholder).map((x) => x.text)));
}

const have = existsSync(join(DIR, "project-medical-aid-2020.xlsx"));
const d = have ? describe : describe.skip;

d("reports over the shared fixtures", () => {
  test("medical aid: 3386.925万元, 3416.022万元, 100.86%, 10分, 98分, 优", async () => {
    const [t] = await fixtureTables("project-medical-aid-2020");
    const n = buildNarrative(t);
    const text = narrativeText(n);
    expect(n.sections.map((s) => s.id)).toEqual(["basic", "goals", "conclusion", "deviation", "application"]);
    inOrder(text, [
      "一、项目基本情况",
      "城乡困难居民医疗救助",
      "浏阳市医疗保障局",
      "年初预算数3386.925万元",
      "全年预算数3386.925万元",
      "全年执行数3416.022万元",
      "执行率100.86%",
      "分值10分，得分10分",
      "二、绩效目标完成情况",
      "45000人次",
      "45469人次",
      "得分13分（分值15分），扣2分",
      "三、综合评价结论",
      "总分为98分",
      "“优”",
      "四、偏离绩效目标的原因和改进措施",
      "实际发生医疗费用人次比预算人次多，加强预算",
      "五、绩效自评结果应用和公开情况",
      "【请补充：",
    ]);
    // The table's own mistakes are not repeated: the inverted rate, the 9.9, the 97.9.
    expect(text).not.toMatch(/99\.15%|得分9\.9分|97\.9分/);
    expect(placeholders(n).length).toBeGreaterThanOrEqual(3);
    expect(quotesOf(n)).toContainEqual({ section: "basic", cell: "G6", label: "执行率", value: "100.86%" });
    expect(quotesOf(n)).toContainEqual({ section: "conclusion", cell: "H23", label: "总分", value: "98分" });
  });

  test("insurance subsidy: 98.88%, 9.89分, 14.83分, 99.72分", async () => {
    const [t] = await fixtureTables("project-insurance-subsidy-2020");
    const n = buildNarrative(t);
    const text = narrativeText(n);
    inOrder(text, [
      "613.075万元",
      "606.225万元",
      "执行率98.88%",
      "得分9.89分",
      "24523人",
      "24249人",
      "得分14.83分",
      "总分为99.72分",
      "“优”",
    ]);
    expect(text).not.toContain("101.13%");
    expect(sectionParagraphs(n, "deviation").join("")).toContain("执行率得分9.89分，低于分值10分");
  });

  test("department: 资金来源 / 资金结构 rows with shares and rates, 95.94分", async () => {
    const [t] = await fixtureTables("department-overall-2020");
    const n = buildNarrative(t);
    expect(n.sections.map((s) => s.id)).toEqual(["overview", "spending", "goals", "problems", "measures", "grade"]);
    const text = narrativeText(n);
    inOrder(text, [
      "浏阳市医疗保障局",
      "财政拨款全年预算数4982.25万元，全年执行数7687.56万元，执行率154.30%，占资金来源执行总额的93.13%",
      "其他资金全年预算数0万元，全年执行数567万元，年初未安排预算，无执行率，占资金来源执行总额的6.87%",
      "基本支出全年预算数551.93万元，全年执行数608.81万元，执行率110.31%，占资金结构执行总额的7.38%",
      "项目支出全年预算数4300.32万元，全年执行数7645.75万元，执行率177.79%，占资金结构执行总额的92.62%",
      "【请核实：资金来源合计",
      "得分2.12分（权重3分）",
      "得分2.82分（权重4分）",
      "未对上级补助资金进行预算",
      "总分为95.94分，评价等级为“优”",
    ]);
    // Neither the inverted published rates nor the published 97.94.
    expect(text).not.toMatch(/64\.81%|90\.66%|56\.25%|97\.94/);
    expect(sectionParagraphs(n, "measures").join("")).toMatch(/^【请补充：/);
  });

  test("summary: eight projects, the mid-year one named, totals", async () => {
    const [t] = await fixtureTables("summary-projects-2020");
    const n = buildNarrative(t);
    const text = narrativeText(n);
    inOrder(text, [
      "共对8个项目",
      "年初预算数156.96万元",
      "全年预算数166.96万元",
      "全年执行数166.96万元",
      "（年中追加）”年初未安排预算",
      "各项目的预算执行及自评情况见下表",
      "8个项目评价等级均为“优”",
    ]);
    const table = n.sections.flatMap((s) => s.paragraphs).find((p) => p.table?.id === "projects")!.table!;
    expect(table.rows.map((r) => r[1])).toContain("城镇居民医疗保险经费");
    expect(table.rows).toHaveLength(9);
  });

  test("special retirees: filled scores, the kept 18 of 20, shortfall without a reason → placeholder", async () => {
    const [t] = await fixtureTables("project-special-retirees-2020");
    const n = buildNarrative(t);
    const text = narrativeText(n);
    inOrder(text, [
      "全年执行数133万元",
      "执行率88.67%",
      "得分8.87分",
      "≥500人",
      "499人",
      "完成率99.80%",
      "得分9.98分",
      "得分18分（分值20分）",
      "总分为96.85分",
      "“优”",
    ]);
    const dev = sectionParagraphs(n, "deviation").join("");
    expect(dev).toContain("【请补充：“保障特困企业退休职工人数”未达到满分的原因及改进措施】");
  });

  test("every fixture: no NaN/undefined/null, quotes cite cells inside the table", async () => {
    for (const f of [
      "project-medical-aid-2020",
      "project-insurance-subsidy-2020",
      "department-overall-2020",
      "summary-projects-2020",
      "project-special-retirees-2020",
    ]) {
      for (const t of await fixtureTables(f)) {
        const n = buildNarrative(t);
        expect(narrativeText(n)).not.toMatch(/undefined|null|NaN|Infinity/);
        const b = t.table.bounds;
        for (const q of quotesOf(n)) {
          const m = /^([A-Z]+)(\d+)$/.exec(q.cell)!;
          const row = Number(m[2]);
          expect(row).toBeGreaterThanOrEqual(b.top);
          expect(row).toBeLessThanOrEqual(b.bottom);
        }
      }
    }
  });
});
