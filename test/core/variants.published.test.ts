/**
 * The variants of issue 21, seen in published tables the engine misread (SPEC §2.6), each built cell by cell:
 * weight and budget headers spelt otherwise, weights only in the row labels, tables published as their funds
 * block only, a 部门整体 table with 年初预算数 only, rates typed as bare percentages, the 湖北 hybrid layout — and
 * the fill's safety rule on them (SPEC §3: a derived cell whose role was inferred keeps a person's entry). Every
 * variant is also read moved, with a far stray value and with a copy below it (the §2.6 properties).
 */
import fc from "fast-check";
import {
  analyzeSheet,
  suggestionPlan,
  type CellValue,
  type DenseSheetSnapshot,
  type SheetSnapshot,
  type TableAnalysis,
} from "../../src/core";
import { belowItself, shifted, signature, unmergeAndFill, withFarValue } from "../support/variants";

function sheet(rows: CellValue[][], name = "表"): DenseSheetSnapshot {
  const w = Math.max(...rows.map((r) => r.length));
  return { name, origin: { row: 1, col: 1 }, values: rows.map((r) => [...r, ...new Array(w - r.length).fill(null)]), merges: null };
}
const codes = (t: TableAnalysis) => t.findings.map((f) => `${f.code}@${f.cell}`);
const change = (t: TableAnalysis, cell: string) => t.plan.changes.find((c) => c.cell === cell);
const only = (rows: CellValue[][]) => {
  const tables = analyzeSheet(sheet(rows)).tables;
  expect(tables).toHaveLength(1);
  return tables[0];
};

/** The SPEC §2.6 properties on one variant: moved, a far stray value, merges undone, a copy below. */
function readsAsItself(rows: CellValue[][]) {
  const base: SheetSnapshot = sheet(rows);
  const plain = analyzeSheet(base).tables.map((t) => signature(t));
  expect(plain.length).toBeGreaterThan(0);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 20 }), (dr, dc) => {
      const moved = analyzeSheet(shifted(base, dr, dc)).tables;
      expect(moved.map((t) => signature(t, (r, c) => [r - dr, c - dc]))).toEqual(plain);
    }),
    { numRuns: 8 },
  );
  expect(analyzeSheet(withFarValue(base, 1_048_576, 16_384, 7)).tables.map((t) => signature(t))).toEqual(plain);
  expect(analyzeSheet(unmergeAndFill(base)).tables.map((t) => signature(t))).toEqual(plain);
  const bottom = rows.length;
  const below = analyzeSheet(belowItself(base, 3)).tables;
  expect(below.length).toBe(plain.length * 2);
  expect(below.slice(plain.length).map((t) => signature(t, (r, c) => [r - bottom - 3, c]))).toEqual(plain);
}

/** A standard project table whose header words the caller picks. */
function projectWords(w: { weight: string; budget: string; rate?: CellValue; score?: CellValue }): CellValue[][] {
  return [
    ["项目支出绩效自评表"],
    ["项目名称", null, "某项目"],
    ["主管部门", null, "某局", null, null, "实施单位", "某中心"],
    ["项目资金（万元）", null, "年初预算数", w.budget, "全年执行数", w.weight, "执行率", "得分"],
    [null, "年度资金总额", 100, 200, 193.7, 10, w.rate ?? null, w.score ?? null],
    [null, "其中：当年财政拨款", 100, 200, 193.7],
    [null, "上年结转资金", 0, 0, 0],
    [null, "其他资金", 0, 0, 0],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", w.weight, "得分", "偏差原因分析及改进措施"],
    [null, "产出指标", "数量指标", "培训人数", "≥1000人次", "1000人次", 50, 50],
    [null, "效益指标", "社会效益指标", "知晓率", "≥90%", "95%", 30, 30],
    [null, "满意度指标", "服务对象满意度指标", "满意度", "≥95%", "96%", 10, 10],
    ["总分", null, null, null, null, null, 100, null],
  ];
}

describe("weight columns headed 分值权重 / 价值 / 权重（分）; 调整预算数 / 调整后预算数 / 预算调整数 as 全年预算数", () => {
  test.each([
    ["分值权重", "调整预算数"],
    ["价值", "调整后预算数"],
    ["权重（分）", "预算调整数"],
  ])("%s and %s", (weight, budget) => {
    const rows = projectWords({ weight, budget });
    const t = only(rows);
    const p = t.table as any;
    expect(t.kind).toBe("project");
    expect(p.fundTotal.budget.ref.address).toBe("D5");
    expect(p.fundTotal.initial.ref.address).toBe("C5");
    expect(t.evaluation.executionRate).toBeCloseTo(193.7 / 200, 10); // against the adjusted budget, not 年初
    expect(t.evaluation.budgetWeight).toBe(10);
    expect(t.evaluation.weightSum).toBe(100);
    expect(change(t, "G5")!.after.formula).toBe('=IFERROR(E5/D5,"")');
    expect(codes(t).filter((c) => c.startsWith("TABLE_PARTIAL") || c.startsWith("WEIGHT"))).toEqual([]);
    readsAsItself(rows);
  });
});

describe("rates typed as bare percentages (96.85, no % sign)", () => {
  test("a bare percentage that agrees is no mismatch; the fill still writes the formula with a 0.00% format", () => {
    const t = only(projectWords({ weight: "分值", budget: "全年预算数", rate: 96.85, score: 9.69 }));
    expect(codes(t).filter((c) => c.startsWith("RATE_"))).toEqual([]);
    expect(change(t, "G5")!.after.numberFormat).toBe("0.00%");
  });

  test("one that does not agree is still RATE_MISMATCH", () => {
    const t = only(projectWords({ weight: "分值", budget: "全年预算数", rate: 90.5 }));
    expect(codes(t)).toContain("RATE_MISMATCH@G5");
  });
});

/** 湖北-style: no 分值 column; the weights stand in the labels only ("预算执行情况（20分）", "国家奖学金人数（20分）"). */
const labelWeights: CellValue[][] = [
  ["项目支出绩效自评表"],
  ["项目名称", "学生资助项目", null, "主管部门", "省教育厅"],
  ["预算执行情况（万元）（20分）", "预算数", "执行数", "执行率", "得分（20分*执行率）"],
  ["年度财政资金总额", 100, 96, "96%", 20],
  ["一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "得分"],
  ["产出指标（40分）", "数量指标", "国家奖学金人数（20分）", "≥10人", "10人", 20],
  [null, "成本指标", "人均资助（20分）", "≤8000元", "8000元", 20],
  ["效益指标（30分）", "社会效益指标", "资金发放率（30分）", "100%", "100%", 30],
  ["满意度指标（10分）", "服务对象满意度指标", "学生满意度（10分）", "≥90%", "95%", null],
  ["总分", null, null, null, null, 100],
];

describe("no 分值 column: the weights in the row labels only", () => {
  const t = only(labelWeights);
  const p = t.table as any;

  test("the 执行率得分 has the 20 points its label gives, and its formula uses the number, not the label", () => {
    expect(t.evaluation.budgetWeight).toBe(20);
    expect(t.evaluation.budgetScore).toBe(19.2); // MIN(20, 20 × 96%)
    expect(codes(t)).toContain("BUDGET_SCORE_MISMATCH@E4");
    expect(change(t, "E4")!.after.formula).toBe('=IF(D4="","",ROUND(MIN(20,20*D4),2))');
  });

  test("each indicator weighs what its label says; weights add to 100, and no TABLE_PARTIAL for a missing 分值 column", () => {
    expect(p.indicators.map((i: any) => i.weight.value)).toEqual([20, 20, 30, 10]);
    expect(t.evaluation.weightSum).toBe(100);
    expect(codes(t).filter((c) => c.startsWith("TABLE_PARTIAL") || c.startsWith("WEIGHT_"))).toEqual(["WEIGHT_SPLIT_NONSTANDARD@null"]);
    // (执行率 20 / 产出 40 / 效益 30 / 满意度 10: the 湖北 split, reported as info) — the empty 满意度 score is filled with a value (its weight stands in a label, no formula can read it)
    const c = change(t, "F9")!;
    expect(c.kind).toBe("score");
    expect(c.after).toEqual({ value: 10 });
    expect(t.evaluation.total).toBeCloseTo(19.2 + 20 + 20 + 30 + 10, 6);
    expect(codes(t)).toContain("TOTAL_MISMATCH@F10");
  });

  test("reads as itself moved, with a far value and with a copy below", () => readsAsItself(labelWeights));
});

/** The page stops after the funds block: 项目 and 部门整体. */
const projectFundsOnly: CellValue[][] = [
  ["项目支出绩效自评表"],
  ["（2022年度）"],
  ["项目名称", null, "委托业务项目"],
  ["主管部门", null, "某镇人民政府", null, null, "实施单位", "某镇人民政府"],
  ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  [null, "年度资金总额", 90, 90, 85, 10, "100%", 10],
  [null, "其中：本年财政拨款", 90, 90, 85],
  [null, "上年结转资金", null, null, null],
  [null, "其他资金", null, null, null],
];

const departmentFundsOnly: CellValue[][] = [
  ["部门整体支出绩效自评表"],
  ["部门（单位）名称", "某镇人民政府"],
  ["整体支出规模（万元）", null, "全年预算数", "全年执行数", "执行率"],
  ["资金来源", "（1）财政拨款", 500, 484.25, 96.85],
  [null, "（2）其他资金", 20, 10, null],
  ["资金结构", "（1）基本支出", 300, 300, 100],
  [null, "（2）项目支出", 220, 194.25, null],
];

describe("a table published as its funds block only", () => {
  test("项目: recognised, its funds checked and filled, TABLE_PARTIAL for the missing indicators instead of 'no table'", () => {
    const t = only(projectFundsOnly);
    expect(t.kind).toBe("project");
    expect(t.name).toBe("委托业务项目");
    expect(t.findings[0].code).toBe("TABLE_PARTIAL");
    expect(t.evaluation.executionRate).toBeCloseTo(85 / 90, 10);
    expect(codes(t)).toEqual(expect.arrayContaining(["RATE_MISMATCH@G6", "BUDGET_SCORE_MISMATCH@H6"])); // 94.44%, stated 100%
    expect(change(t, "G6")!.after.formula).toBe('=IFERROR(E6/D6,"")');
    expect(change(t, "H6")!.after.formula).toBe('=IF(G6="","",ROUND(MIN(F6,F6*G6),2))');
    expect(codes(t).filter((c) => /WEIGHT|TOTAL_MISMATCH|GRADE/.test(c))).toEqual([]);
    expect(t.evaluation.total).toBeNull();
    expect(t.table.bounds.bottom).toBe(9);
  });

  test("部门整体: bare percentages and empty rate cells in the funds rows; the empty ones get their formula", () => {
    const t = only(departmentFundsOnly);
    expect(t.kind).toBe("department");
    expect(t.findings[0].code).toBe("TABLE_PARTIAL");
    expect(codes(t).filter((c) => c.startsWith("RATE_") || c.startsWith("WEIGHT"))).toEqual([]);
    expect(t.plan.changes.map((c) => c.cell).sort()).toEqual(["E4", "E5", "E6", "E7"]);
    expect(t.evaluation.funds.map((f) => f.rate)).toEqual([484.25 / 500, 0.5, 1, 194.25 / 220]);
    expect(t.evaluation.total).toBeNull();
  });

  test("a sheet of something else with 预算数 / 执行数 headers is still no table", () => {
    const tables = analyzeSheet(sheet([["收入支出决算总表"], ["项目", "预算数", "执行数"], ["一般公共预算", 500, 480]])).tables;
    expect(tables).toEqual([]);
  });

  test.each([
    ["项目", projectFundsOnly],
    ["部门整体", departmentFundsOnly],
  ])("%s: reads as itself moved, with a far value and with a copy below", (_, rows) => readsAsItself(rows));
});

/** 贵州 township: a 部门整体 table with 年初预算数 only, no 执行率 column, over a 年度资金总额 label a project would have. */
const guizhouTownship: CellValue[][] = [
  ["2022年度部门整体支出绩效自评表"],
  ["部门名称", "某镇人民政府"],
  ["年度预算资金（万元）", "年初预算数", "全年执行数"],
  ["年度资金总额", 520, 494.25],
  ["资金来源", null, null],
  ["（1）财政拨款", 500, 484.25],
  ["（2）其他资金", 20, 10],
  ["年度总体目标", "年初设定目标", null, "全年完成情况"],
  [null, "保障运转", null, "已完成"],
  ["一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "分值", "得分", "偏差原因分析"],
  ["产出指标", "数量指标", "保障人数", "=42人", "42人", 50, 50],
  ["效益指标", "社会效益指标", "群众满意", "≥90%", "92%", 40, 40],
  ["满意度指标", "服务对象满意度", "满意度", "≥90%", "95%", 10, 10],
  ["总分", null, null, null, null, 100, 100],
];

describe("部门整体 with 年初预算数 only and no 执行率 column (贵州 township)", () => {
  test("is a department table; its rates come from 年初预算数 without a warning per row", () => {
    const t = only(guizhouTownship);
    expect(t.kind).toBe("department");
    const d = t.table as any;
    expect(d.fundSources.map((f: any) => f.label)).toEqual(["（1）财政拨款", "（2）其他资金"]);
    expect(t.evaluation.funds.map((f) => f.rate)).toEqual([484.25 / 500, 0.5]);
    expect(codes(t)).toEqual([]);
    expect(t.evaluation.total).toBe(100);
  });

  test("reads as itself moved, with a far value and with a copy below", () => readsAsItself(guizhouTownship));
});

/** 湖北: 预算执行率 is an indicator row; 总分 sits in the 年度资金总额 row's 得分. */
function hubei(rateScore: CellValue, total: CellValue): CellValue[][] {
  return [
    ["项目支出绩效自评表"],
    ["项目名称", null, "市民中心运行维护费"],
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 150, 150, 125.25, 100, "83.5%", total],
    [null, "其中：当年财政拨款", 150, 150, 125.25, "—", null, "—"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [null, "产出指标", "数量指标", "预算执行率", "100%", "83.5%", 20, rateScore],
    [null, "产出指标", "质量指标", "办结率", "100%", "100%", 50, 50],
    [null, "效益指标", "社会效益指标", "运行正常率", "100%", "100%", 20, 20],
    [null, "满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 10],
  ];
}

describe("the 湖北 layout and the fill's safety rule", () => {
  test("typed 18 and 98 in cells whose role is inferred: kept, and the rule's values are one-click suggestions", () => {
    const t = only(hubei(18, 98));
    expect(change(t, "H7")).toBeUndefined();
    expect(change(t, "H4")).toBeUndefined();
    expect((t.suggested ?? []).map((c) => `${c.cell} ${c.expected}`).sort()).toEqual(["H4 98", "H7 16.7"]);
    const f = t.findings.find((x) => x.code === "BUDGET_SCORE_MISMATCH")!;
    expect(f.suggestion).toEqual({ cell: "H7", value: 16.7, formula: '=IF(G4="","",ROUND(MIN(G7,G7*G4),2))' });
    const taken = suggestionPlan(t, f).changes;
    expect(taken.map((c) => [c.cell, c.after.formula])).toEqual([["H7", '=IF(G4="","",ROUND(MIN(G7,G7*G4),2))']]);
    // the total as the sheet will show it after the fill: the kept 18, not the rule's 16.7
    expect(t.evaluation.total).toBe(98);
    // the 执行率, read from its header, is still replaced by its formula
    expect(change(t, "G4")!.after.formula).toBe('=IFERROR(E4/D4,"")');
  });

  test("left empty, the same cells are written, flagged as inferred in the plan", () => {
    const t = only(hubei(null, null));
    expect(change(t, "H7")!.inferred).toBe(true);
    expect(change(t, "H4")!.inferred).toBe(true);
    expect(change(t, "G4")!.inferred).toBeUndefined();
    expect(t.suggested).toEqual([]);
  });

  test("reads as itself moved, with a far value and with a copy below", () => readsAsItself(hubei(18, 98)));
});

/** A project table whose indicator block is a scorecard (项目决策 / 项目管理 / 项目产出 / 项目效益), 总分 in the header. */
function scorecardBlock(rateScore: CellValue, total: CellValue): CellValue[][] {
  return [
    ["项目支出绩效自评表"],
    ["项目名称", "某项目", null, "自评得分", total],
    ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "执行率"],
    ["年度资金总额", 100, 100, 95, "95%"],
    ["一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因"],
    ["项目决策（20分）", "项目立项（10分）", "立项依据充分性", 5, 5],
    [null, null, "立项程序规范性", 5, 5],
    [null, "绩效目标（10分）", "绩效目标合理性", 10, 10],
    ["项目管理（20分）", "资金管理（20分）", "预算执行率", 10, rateScore],
    [null, null, "资金使用合规性", 10, 10],
    ["项目产出（40分）", "产出数量（20分）", "完成数量", 20, 20],
    [null, "产出质量（20分）", "验收合格率", 20, 20],
    ["项目效益（20分）", "社会效益（20分）", "群众满意度", 20, 18, "个别问题"],
  ];
}

describe("a project table whose indicator block is a scorecard, with its 总分 in the header", () => {
  test("the 预算执行率 row under 项目管理 is the 执行率得分; the header's 自评得分 is the 总分, checked and summed", () => {
    const t = only(scorecardBlock(9.5, 98));
    const p = t.table as any;
    expect(t.kind).toBe("project");
    expect(p.rateIndicator.row).toBe(9);
    expect(t.evaluation.budgetWeight).toBe(10);
    expect(t.evaluation.budgetScore).toBe(9.5); // MIN(10, 10 × 95%)
    expect(p.total.ref.address).toBe("E2");
    expect(t.evaluation.total).toBe(97.5);
    expect(codes(t)).toContain("TOTAL_MISMATCH@E2");
    // a block scored like a scorecard has no 实际完成值 column by design: no TABLE_PARTIAL for it, nor for the 总分
    expect(codes(t).filter((c) => c.startsWith("TABLE_PARTIAL") || c.startsWith("WEIGHT_GROUP"))).toEqual([]);
    expect(change(t, "E2")!.after.formula).toBe("=ROUND(SUM(E6:E13),2)");
  });

  test("a typed 9 in the 预算执行率 row (its role read from a row label) is kept; 9.5 is its suggestion", () => {
    const t = only(scorecardBlock(9, 97));
    expect(change(t, "E9")).toBeUndefined();
    const f = t.findings.find((x) => x.code === "BUDGET_SCORE_MISMATCH")!;
    expect(f.cell).toBe("E9");
    expect(f.suggestion?.value).toBe(9.5);
    expect(t.evaluation.total).toBe(97); // the sheet after the fill: the kept 9
  });

  test("reads as itself moved, with a far value and with a copy below", () => readsAsItself(scorecardBlock(9, 97)));
});
