/**
 * Layouts beyond the fixtures, built cell by cell: the engine must read the layout, not addresses.
 */
import { analyzeSheet, analyzeWorkbook, type CellValue, type DenseSheetSnapshot, type ProfileId } from "../../src/core";
import { noTableMessage } from "../../src/core/messages";

function sheet(name: string, rows: CellValue[][], origin = { row: 1, col: 1 }): DenseSheetSnapshot {
  const w = Math.max(...rows.map((r) => r.length));
  return { name, origin, values: rows.map((r) => [...r, ...new Array(w - r.length).fill(null)]), merges: null };
}

/** A project table with every label repeated (no merges), numbers as numbers, nothing filled. */
function projectRows(
  opts: { name?: string; budget?: number | null; initial?: number; executed?: number; typedRate?: CellValue } = {},
): CellValue[][] {
  return [
    ["项目支出绩效自评表"],
    ["项目名称", null, opts.name ?? "测试项目"],
    ["主管部门", null, "某局", null, null, "实施单位", "某中心"],
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [
      null,
      "年度资金总额",
      opts.initial ?? 100,
      opts.budget === undefined ? 200 : opts.budget,
      opts.executed ?? 150,
      10,
      opts.typedRate ?? null,
      null,
    ],
    [null, "其中：本年财政拨款", 100, 200, 150],
    [null, "上年结转资金", 0, 0, 0],
    [null, "其他资金", 0, 0, 0],
    ["年度总体目标", "预期目标", null, null, null, "实际完成情况"],
    [null, "目标文字", null, null, null, "完成文字"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [null, "产出指标（50分）", "数量指标（30）", "培训人数", "≥1000人次", "1300人次", 20, null, null],
    [null, "产出指标（50分）", "数量指标（30）", "覆盖乡镇", "10个", "8个", 10, null, null],
    [null, "产出指标（50分）", "时效指标（20）", "完成时限", "≤30天", "45天", 20, null, "设备到货延迟"],
    [null, "效益指标（30分）", "社会效益指标（30）", "群众知晓率", "≥90%", "95%", 30, null, null],
    [null, "满意度指标（10分）", "服务对象满意度指标（10）", "满意度", "≥95%", "达成年度指标", 10, 9, null],
    ["总分", null, null, null, null, null, 100, null],
  ];
}

describe("project table, no merges, repeated labels, placed at F4", () => {
  const s = sheet("项目", projectRows(), { row: 4, col: 6 });
  const t = analyzeSheet(s).tables[0];

  test("recognised with the indicator tree and group weights", () => {
    expect(t.kind).toBe("project");
    const p = t.table as any;
    expect(p.name.text).toBe("测试项目");
    expect(p.fundTotal.budget.ref.address).toBe("I8");
    expect(p.indicators.map((i: any) => i.name)).toEqual(["培训人数", "覆盖乡镇", "完成时限", "群众知晓率", "满意度"]);
    expect(p.groups.filter((g: any) => g.level === 1).map((g: any) => [g.name, g.declaredWeight, g.rows.length])).toEqual([
      ["产出指标", 50, 3],
      ["效益指标", 30, 1],
      ["满意度指标", 10, 1],
    ]);
  });

  test("scores by the rules: 正向 exceeded, 正向 short, 反向 over, % target", () => {
    const byRow = Object.fromEntries(t.evaluation.indicators.map((i) => [i.row, i.score]));
    expect(byRow[15]).toBe(20); // 1300 ≥ 1000
    expect(byRow[16]).toBe(8); // 10 × 8/10
    expect(byRow[17]).toBeCloseTo(13.33, 2); // 20 × 30/45
    expect(byRow[18]).toBe(30);
    expect(byRow[19]).toBe(9); // entered, in band [8,10]
    expect(t.evaluation.executionRate).toBeCloseTo(0.75, 6);
    expect(t.evaluation.budgetScore).toBe(7.5);
    expect(t.evaluation.total).toBeCloseTo(7.5 + 20 + 8 + 13.33 + 30 + 9, 2);
    expect(t.evaluation.grade).toBe("良"); // 87.83
  });

  test("findings: reasons missing and suggested, 覆盖乡镇 short without reason", () => {
    const codes = t.findings.map((f) => `${f.code}@${f.cell}`);
    expect(codes).toContain("DEVIATION_REASON_MISSING@M16");
    expect(codes).toContain("DEVIATION_REASON_SUGGESTED@M15"); // 1300/1000 = 130%
    expect(codes).not.toContain("DEVIATION_REASON_MISSING@M17"); // it has a reason
    expect(codes.filter((c) => c.startsWith("WEIGHT_"))).toEqual([]);
  });

  test("the plan writes formulas into the derived cells and scores into empty score cells only", () => {
    const byCell = Object.fromEntries(t.plan.changes.map((c) => [c.cell, c]));
    expect(byCell["L8"].after.formula).toBe('=IFERROR(J8/I8,"")');
    expect(byCell["L8"].after.numberFormat).toBe("0.00%");
    expect(byCell["M8"].after.formula).toBe('=IF(L8="","",ROUND(MIN(K8,K8*L8),2))');
    expect(byCell["M15"].after.value).toBe(20);
    expect(byCell["M19"]).toBeUndefined(); // a person's 9 stays
    expect(byCell["M20"].after.formula).toBe("=ROUND(SUM(M8,M15:M19),2)");
  });
});

describe("execution rate edge cases", () => {
  test("全年预算数 empty: 年初预算数 with a warning", () => {
    const t = analyzeSheet(sheet("s", projectRows({ budget: null }))).tables[0];
    expect(t.evaluation.executionRate).toBeCloseTo(1.5, 6);
    expect(t.findings.some((f) => f.code === "MISSING_VALUE" && f.cell === "D5")).toBe(true);
    expect(t.plan.changes.find((c) => c.cell === "G5")?.after.formula).toBe('=IFERROR(E5/C5,"")');
  });
  test("budget 0 with execution: RATE_NO_BUDGET, no rate", () => {
    const t = analyzeSheet(sheet("s", projectRows({ budget: 0, executed: 5 }))).tables[0];
    expect(t.evaluation.executionRate).toBeNull();
    expect(t.findings.some((f) => f.code === "RATE_NO_BUDGET" && f.cell === "G5")).toBe(true);
  });
  test("a typed rate that is neither right nor inverted: RATE_MISMATCH", () => {
    const t = analyzeSheet(sheet("s", projectRows({ typedRate: "70%" }))).tables[0];
    expect(t.findings.some((f) => f.code === "RATE_MISMATCH" && f.cell === "G5")).toBe(true);
  });
  test("a rate typed as a number with a % format, right: no finding", () => {
    const rows = projectRows({ typedRate: 0.75 });
    const s = sheet("s", rows);
    s.numberFormats = rows.map((r) => r.map(() => null));
    s.numberFormats[4][6] = "0.00%";
    const t = analyzeSheet(s).tables[0];
    expect(t.findings.filter((f) => f.code.startsWith("RATE_"))).toEqual([]);
  });
});

describe("profiles", () => {
  const run = (profile: ProfileId) => analyzeWorkbook([sheet("s", projectRows())], { profile }).sheets[0].tables[0];
  test("江西 scores 执行率 in steps", () => {
    expect(run("jiangxi").evaluation.budgetScore).toBe(0.5 * 10); // 75% → 5
    expect(run("jiangxi").plan.changes.find((c) => c.cell === "H5")?.after.formula).toContain("IF(G5>=1,1,IF(G5>=0.8,0.7");
  });
  test("反向 linear: 分值 × (1 − (actual − target)/target)", () => {
    const e = run("reverse-linear").evaluation.indicators.find((i) => i.row === 14)!;
    expect(e.score).toBeCloseTo(20 * (1 - 15 / 30), 2);
  });
  test("湖北 expects 执行率 20: a 10 is reported as nonstandard", () => {
    expect(run("hubei").findings.some((f) => f.code === "WEIGHT_SPLIT_NONSTANDARD")).toBe(true);
    expect(run("default").findings.some((f) => f.code === "WEIGHT_SPLIT_NONSTANDARD")).toBe(false);
  });
});

describe("department table, standard layout with a 分值 column", () => {
  const rows: CellValue[][] = [
    ["部门整体支出绩效自评表"],
    ["部门（单位）名称", null, "某某局"],
    ["整体支出规模", null, "全年预算数", "全年执行数", "执行率"],
    ["资金来源：（1）财政拨款", null, 1000, 900, null],
    ["（2）其他资金", null, 100, 100, null],
    ["资金结构：（1）基本支出", null, 600, 550, null],
    ["（2）项目支出", null, 500, 450, null],
    ["一级指标", "权重", "二级指标", "三级指标", "年度指标值", "全年完成值", "分值", "自评得分", "偏差及原因分析"],
    ["产出指标", 60, "数量指标（40）", "办件量", "≥500件", "520件", 40, null, null],
    [null, null, "质量指标（20）", "差错率", "≤1%", "2%", 20, null, null],
    ["效益指标", 40, "满意度指标（40）", "满意度", "≥90%", "92%", 40, 40, null],
    ["总分", null, null, null, null, null, 100, null],
  ];
  const t = analyzeSheet(sheet("部门", rows)).tables[0];
  test("recognised, weights from 分值, targets kept", () => {
    expect(t.kind).toBe("department");
    const d = t.table as any;
    expect(d.weightsInTargetColumn).toBe(false);
    expect(d.fundSources.map((f: any) => f.budget.value)).toEqual([1000, 100]);
    expect(d.fundStructure.map((f: any) => f.budget.value)).toEqual([600, 500]);
    expect(d.indicators[1].target.comparator).toBe("<=");
    expect(d.groups.find((g: any) => g.name === "产出指标").declaredWeight).toBe(60);
  });
  test("rates, 反向 score and total", () => {
    expect(t.evaluation.funds.map((f) => f.rate)).toEqual([0.9, 1, 550 / 600, 0.9]);
    expect(t.evaluation.indicators.map((i) => i.score)).toEqual([40, 10, 40]);
    expect(t.evaluation.total).toBe(90);
    expect(t.findings.some((f) => f.code === "DEVIATION_REASON_MISSING" && f.cell === "H10")).toBe(true);
    expect(t.findings.some((f) => f.code === "FUNDS_SUBTOTAL_MISMATCH")).toBe(false);
  });
});

describe("a workbook with two tables on one sheet and a notes sheet", () => {
  const two = sheet("两表", [...projectRows({ name: "甲项目" }), [], [], ...projectRows({ name: "乙项目" })]);
  const notes = sheet("填表说明", [["填表说明"], ["1. 本表金额单位为万元。"], ["2. 执行率保留两位小数。"]]);
  const wb = analyzeWorkbook([notes, two]);
  test("both tables, in order, each with its own cells", () => {
    const ts = wb.sheets[1].tables;
    expect(ts.map((t) => t.name)).toEqual(["甲项目", "乙项目"]);
    expect(ts[1].table.bounds.top).toBeGreaterThan(ts[0].table.bounds.bottom);
    const totals = ts.map((t) => t.plan.changes.find((c) => c.after.formula?.startsWith("=ROUND(SUM("))?.cell);
    expect(totals).toEqual(["H17", "H36"]);
  });
  test("the notes sheet says why it is not a table", () => {
    expect(wb.sheets[0].tables).toEqual([]);
    expect(noTableMessage(wb.sheets[0].reason!).zh).toMatch(/一级指标/);
    expect(noTableMessage(wb.sheets[0].reason!).en).toMatch(/level-1/);
  });
  test("an empty sheet", () => {
    expect(noTableMessage(analyzeSheet(sheet("空", [])).reason!).zh).toBe("工作表为空。");
  });
});
