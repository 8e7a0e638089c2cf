/**
 * The 评分表 report (SPEC §2.5, §6) from the scorecard fixtures: by 一级 and 二级 their 满分 and 得分 in the
 * published reports' words, every deduction with its reason (or a marked placeholder), 总分 and 等级; each number
 * quoted with its cell, so a refresh in Word rewrites only the sections whose numbers changed.
 */
import { analyzeWorkbook, type ScorecardTable, type SheetSnapshot, type TableAnalysis } from "../../src/core";
import { buildNarrative, diffNarratives, fingerprint, narrativeText, quotesOf, sectionParagraphs } from "../../src/core/narrative";
import { WordReport } from "../../src/adapters/word/WordReport";
import { isSparse } from "../../src/core/snapshot";
import { parseA1 } from "../../src/core/address";
import { FakeWord } from "../fakes/fakeWord";
import { scorecardNames, scorecardOracle, scorecardSnapshots } from "../support/scorecards";

async function analysed(name: string, edit?: (s: SheetSnapshot) => SheetSnapshot): Promise<TableAnalysis> {
  const snaps = await scorecardSnapshots(name);
  return analyzeWorkbook(edit ? snaps.map(edit) : snaps).sheets.flatMap((s) => s.tables)[0];
}

/** The snapshot with cells set to new values (a person changing the workbook). */
function withCells(values: Record<string, number | string | null>) {
  return (s: SheetSnapshot): SheetSnapshot => {
    if (!isSparse(s)) throw new Error("expected a sparse snapshot");
    const cells = s.cells.map((c) => ({ ...c }));
    for (const [a1, v] of Object.entries(values)) {
      const { row, col } = parseA1(a1);
      const c = cells.find((x) => x.row === row && x.col === col);
      if (c) c.value = v;
      else cells.push({ row, col, value: v });
    }
    return { ...s, cells };
  };
}

describe("东川 (3 一级, 7 二级, 29 三级; 99, 优)", () => {
  let t: TableAnalysis;
  beforeAll(async () => {
    t = await analysed("scorecard-dongchuan-2020");
    expect(narrativeText(buildNarrative(t)).length).toBeGreaterThan(0);
  });

  test("sections and title", () => {
    const n = buildNarrative(t);
    expect(n.kind).toBe("scorecard");
    expect(n.title).toBe("离休干部医疗费项目2020年度绩效评价评分情况");
    expect(n.sections.map((s) => [s.id, s.title])).toEqual([
      ["overview", "一、评价指标体系"],
      ["scores", "二、各项指标得分情况"],
      ["deductions", "三、扣分情况及原因"],
      ["conclusion", "四、评价结论"],
    ]);
  });

  test("the counts, and per 一级 and 二级 their 满分 and 得分 in the published report's words", () => {
    expect(sectionParagraphs(buildNarrative(t), "overview")[0]).toBe(
      "本次评价采用的指标体系包括“项目决策”“项目管理”“项目绩效”3个一级指标、7个二级指标、29个三级指标，满分100分。",
    );
    expect(sectionParagraphs(buildNarrative(t), "scores")).toEqual([
      "（一）项目决策。一级指标项目决策包含项目立项、项目目标2个二级指标，项目决策满分20分，经评分本项得分20分。（1）二级指标“项目立项”满分8分，评价得分8分。（2）二级指标“项目目标”满分12分，评价得分12分。",
      "（二）项目管理。一级指标项目管理包含投入管理、财务管理、项目实施3个二级指标，项目管理满分20分，经评分本项得分19分。（1）二级指标“投入管理”满分4分，评价得分3分。（2）二级指标“财务管理”满分6分，评价得分6分。（3）二级指标“项目实施”满分10分，评价得分10分。",
      "（三）项目绩效。一级指标项目绩效包含项目产出、项目效益2个二级指标，项目绩效满分60分，经评分本项得分60分。（1）二级指标“项目产出”满分30分，评价得分30分。（2）二级指标“项目效益”满分30分，评价得分30分。",
      "各级指标的分值及得分见下表。",
    ]);
  });

  test("the deduction with its reason, then 总分 and 等级", () => {
    expect(sectionParagraphs(buildNarrative(t), "deductions")).toEqual([
      "“预算编制合理性”（项目管理—投入管理）满分2分，得分1分，扣1分。扣分原因：预算编制合理性不够充分。【请补充：针对扣分事项的改进措施】",
    ]);
    expect(sectionParagraphs(buildNarrative(t), "conclusion")).toEqual([
      "经评分，离休干部医疗费项目2020年度绩效评价总分为99分，评价等级为“优”。",
    ]);
  });

  test("every number is quoted with the cell it comes from", () => {
    const q = quotesOf(buildNarrative(t));
    expect(q).toContainEqual({ section: "scores", cell: "E4", label: "“项目决策”满分", value: "20分" });
    expect(q).toContainEqual({ section: "scores", cell: "F11", label: "“项目管理”得分", value: "19分" });
    expect(q).toContainEqual({ section: "scores", cell: "F12", label: "“投入管理”得分", value: "3分" });
    expect(q).toContainEqual({ section: "deductions", cell: "F13", label: "“预算编制合理性”得分", value: "1分" });
    expect(q).toContainEqual({ section: "conclusion", cell: "F43", label: "总分", value: "99分" });
    expect(q).toContainEqual({ section: "conclusion", cell: "B44", label: "等级", value: "优" });
    const bounds = (t.table as ScorecardTable).bounds;
    for (const x of q) {
      const { row, col } = parseA1(x.cell);
      expect({ x, inside: row >= bounds.top && row <= bounds.bottom && col >= bounds.left && col <= bounds.right }).toEqual({
        x,
        inside: true,
      });
    }
  });

  test("a changed score changes the fingerprint and exactly the quotes it feeds", async () => {
    const after = await analysed("scorecard-dongchuan-2020", withCells({ F13: 2, G13: null }));
    expect(fingerprint(after)).not.toBe(fingerprint(t));
    const changes = diffNarratives(buildNarrative(t), buildNarrative(after));
    expect(changes).toEqual(
      expect.arrayContaining([
        { section: "scores", cell: "F11", label: "“项目管理”得分", before: "19分", after: "20分" },
        { section: "scores", cell: "F12", label: "“投入管理”得分", before: "3分", after: "4分" },
        { section: "conclusion", cell: "F43", label: "总分", before: "99分", after: "100分" },
      ]),
    );
    expect(sectionParagraphs(buildNarrative(after), "deductions")).toEqual(["各项指标均获满分，无扣分。"]);
  });

  test("refreshed in Word: only the sections whose numbers changed are rewritten", async () => {
    const fake = new FakeWord(["致：区财政局", ""]);
    const report = new WordReport(fake.run);
    await report.write(buildNarrative(t), { fileName: "评分表.xlsx", generatedAt: "2021-03-01T00:00:00.000Z" });
    const after = await analysed("scorecard-dongchuan-2020", withCells({ F13: 2, G13: null }));
    const r = await report.refresh(buildNarrative(after), { now: "2021-04-01T00:00:00.000Z" });
    expect(r.rewritten).toEqual(["scores", "deductions", "conclusion"]);
    expect(fake.controlText("jixiao:conclusion")).toContain("总分为100分");
    expect(r.edited).toEqual([]);
  });
});

describe("四川 2017 (no 扣分原因 column, a shared 可选项 unit, the 总分 left empty)", () => {
  test("deductions without a reason get a marked placeholder; the optional block is one unit", async () => {
    const t = await analysed("scorecard-sichuan-project-2017");
    const n = buildNarrative(t);
    expect(sectionParagraphs(n, "overview")[0]).toBe(
      "本次评价采用的指标体系包括“项目决策”“项目管理”“项目绩效（特性指标）”3个一级指标、6个二级指标、13个三级指标，满分100分。",
    );
    expect(sectionParagraphs(n, "deductions")).toEqual([
      "“执行规范”（项目管理—项目执行）满分3分，得分2分，扣1分。【请补充：“执行规范”的扣分原因】“完成质量”（项目绩效（特性指标）—项目完成）满分5分，得分4分，扣1分。【请补充：“完成质量”的扣分原因】【请补充：针对扣分事项的改进措施】",
    ]);
    // the 总分 cell is empty in the table: the sentence quotes the sum the fill writes there
    expect(quotesOf(n)).toContainEqual({ section: "conclusion", cell: "E21", label: "总分", value: "98分" });
  });
});

describe("a blank form (达州 template)", () => {
  test("the 满分 from the labels, every 得分 a placeholder, nothing invented", async () => {
    const t = await analysed("scorecard-dazhou-department-template");
    const n = buildNarrative(t);
    expect(n.title).toBe("部门整体支出绩效评价评分情况");
    const scores = sectionParagraphs(n, "scores").join("");
    expect(scores).toContain(
      "（一）部门决策。一级指标部门决策包含目标任务、预算编制2个二级指标，部门决策满分25分。【请补充：“部门决策”的得分】",
    );
    expect(scores).not.toMatch(/得分\d/);
    expect(sectionParagraphs(n, "conclusion")).toEqual(["【请补充：绩效评价总分及评价等级】"]);
    expect(sectionParagraphs(n, "overview")[0]).toContain("【请补充：表中留空的模板指标（第23行）的内容及评分】");
  });
});

describe.each(scorecardNames())("%s", (name) => {
  test("the report names every 一级 and 二级 with its 满分, and every deduction", async () => {
    const t = await analysed(name);
    const n = buildNarrative(t);
    const text = narrativeText(n);
    const o = scorecardOracle(name).sheets[0];
    for (const g of o.cells.groups) {
      if (g.level > 2 || g.weight === null) continue;
      const said = g.level === 1 ? `${g.name.replace(/（.*）$/, "")}` : `二级指标“${g.name}”满分${g.weight}分`;
      expect({ group: g.name, found: text.includes(said) }).toEqual({ group: g.name, found: true });
    }
    const lost = o.cells.indicators.filter((i) => i.scoreValue !== null && i.weightValue !== null && i.scoreValue < i.weightValue);
    for (const i of lost) expect(sectionParagraphs(n, "deductions").join("")).toContain(`“${i.name}”`);
  });
});
