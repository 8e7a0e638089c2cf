/**
 * Scorecard (绩效评价指标体系评分表) layouts beyond the fixtures, built cell by cell: 小计 rows, a 总分 written above the
 * table, a 四级 column, a per-level 得分 column, a two-row header, labels repeated after merges were undone, error
 * values, numbers stored as text, every finding code of SPEC §2.5 — and the line between a scorecard and a 自评表.
 */
import {
  analyzeSheet,
  applyPlanToSnapshot,
  type CellValue,
  type DenseSheetSnapshot,
  type MergedArea,
  type ScorecardTable,
  type TableAnalysis,
} from "../../src/core";

function sheet(
  name: string,
  rows: CellValue[][],
  opts: { origin?: { row: number; col: number }; merges?: MergedArea[] } = {},
): DenseSheetSnapshot {
  const w = Math.max(...rows.map((r) => r.length));
  return {
    name,
    origin: opts.origin ?? { row: 1, col: 1 },
    values: rows.map((r) => [...r, ...new Array(w - r.length).fill(null)]),
    merges: opts.merges ?? null,
  };
}

const scorecardOf = (t: TableAnalysis) => t.table as ScorecardTable;
const codes = (t: TableAnalysis) => t.findings.map((f) => `${f.code} ${f.cell ?? "—"}`).sort();
const change = (t: TableAnalysis, cell: string) => t.plan.changes.find((c) => c.cell === cell);

/** 一级/二级 on rows of their own, a 小计 row after each 二级, a 合计 row; blank labels continue the one above. */
const subtotalRows: CellValue[][] = [
  ["项目绩效评价评分表"],
  ["一级指标", "二级指标", "三级指标", "分值", "评分标准", "得分", "得分说明"],
  ["决策（15分）", "决策依据（7分）", "立项依据充分性", 4, "符合规划得4分", 4, null],
  [null, null, "立项程序规范性", 3, "程序规范得3分", 2, "论证资料不全"],
  [null, "得分小计", null, 7, null, 9, null],
  [null, "绩效目标（8分）", "绩效目标合理性", 8, null, 8, null],
  [null, "小计", null, 8, null, 8, null],
  ["过程（25分）", "资金管理（25分）", "资金到位率", 10, null, 10, null],
  [null, null, "预算执行率", 15, "执行率×15", 14.5, null],
  [null, "小计", null, 25, null, 24.5, null],
  ["产出与效益（60分）", "产出（60分）", "实际完成率", 60, null, 60, null],
  ["合计", null, null, 100, null, 98, null],
  ["评价等级", "良"],
];

describe("小计 rows, a 合计 row and a stated 等级", () => {
  const t = analyzeSheet(sheet("评分表", subtotalRows)).tables[0];

  test("recognised as a scorecard with its units and groups", () => {
    expect(t.kind).toBe("scorecard");
    const s = scorecardOf(t);
    expect(s.items.map((i) => [i.name, i.weight?.ref.address, i.score?.ref.address])).toEqual([
      ["立项依据充分性", "D3", "F3"],
      ["立项程序规范性", "D4", "F4"],
      ["绩效目标合理性", "D6", "F6"],
      ["资金到位率", "D8", "F8"],
      ["预算执行率", "D9", "F9"],
      ["实际完成率", "D11", "F11"],
    ]);
    expect(s.groups.map((g) => [g.level, g.name, g.declaredWeight, g.scoreCell?.ref.address ?? null])).toEqual([
      [1, "决策", 15, null],
      [2, "决策依据", 7, "F5"],
      [2, "绩效目标", 8, "F7"],
      [1, "过程", 25, null],
      [2, "资金管理", 25, "F10"],
      [1, "产出与效益", 60, null],
      [2, "产出", 60, null],
    ]);
    expect(s.total?.ref.address).toBe("F12");
    expect(s.grade?.ref.address).toBe("B13");
  });

  test("a stated 小计 that is not the sum of its rows, the 总分 and the 等级 are reported", () => {
    expect(codes(t)).toEqual(["DEVIATION_REASON_MISSING G9", "GRADE_MISMATCH B13", "TOTAL_MISMATCH F12", "WEIGHT_GROUP_MISMATCH F5"]);
    expect(t.findings.find((f) => f.code === "WEIGHT_GROUP_MISMATCH")!.message).toContain("得分小计 9 与其下各项得分之和 6");
    expect(t.evaluation.total).toBe(98.5); // 4 + 2 + 8 + 10 + 14.5 + 60
    expect(t.evaluation.grade).toBe("优");
  });

  test("the fill writes SUM formulas into the 小计 cells and the 合计, nothing else", () => {
    expect(t.plan.changes.map((c) => [c.cell, c.after.formula, c.expected])).toEqual([
      ["F5", "=ROUND(SUM(F3:F4),2)", 6],
      ["F7", "=ROUND(SUM(F6),2)", 8],
      ["F10", "=ROUND(SUM(F8:F9),2)", 24.5],
      ["F12", "=ROUND(SUM(F5,F7,F10:F11),2)", 98.5],
    ]);
  });

  test("the 预算执行率 unit stays a score: no 执行率 formula, no rate finding", () => {
    expect(change(t, "F9")).toBeUndefined();
    expect(t.findings.filter((f) => f.code.startsWith("RATE_"))).toEqual([]);
  });
});

describe("a 总分 written above the table", () => {
  const rows = (total: CellValue): CellValue[][] => [
    ["某项目绩效评价评分表"],
    typeof total === "string" ? [total] : ["自评得分", total],
    ["一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因"],
    ["项目决策（40分）", "项目立项（40分）", "立项依据", 20, 20, null],
    [null, null, "立项程序", 20, 18, "无"],
    ["项目绩效（60分）", "项目产出（60分）", "完成数量", 60, 60, null],
  ];

  test("in a cell of its own: checked, and the fill writes its SUM", () => {
    const t = analyzeSheet(sheet("表", rows(97))).tables[0];
    expect(t.kind).toBe("scorecard");
    expect(scorecardOf(t).total?.ref.address).toBe("B2");
    expect(codes(t)).toEqual(["DEVIATION_REASON_MISSING F5", "TOTAL_MISMATCH B2"]);
    expect(change(t, "B2")?.after.formula).toBe("=ROUND(SUM(E4:E6),2)");
    expect(change(t, "B2")?.expected).toBe(98);
  });

  test('inside a text ("自评得分：98分"): checked, never written', () => {
    const ok = analyzeSheet(sheet("表", rows("自评得分：98分"))).tables[0];
    expect(scorecardOf(ok).totalInText).toEqual({
      cell: expect.objectContaining({ ref: expect.objectContaining({ address: "A2" }) }),
      value: 98,
    });
    expect(codes(ok)).toEqual(["DEVIATION_REASON_MISSING F5"]);
    expect(ok.plan.changes).toEqual([]);
    const off = analyzeSheet(sheet("表", rows("总分：99"))).tables[0];
    expect(codes(off)).toContain("TOTAL_MISMATCH A2");
  });
});

describe("a 四级 column and a per-level 分值 and 得分 column", () => {
  const rows: CellValue[][] = [
    ["一级指标", "分值", "得分", "二级指标", "三级指标", "四级指标", "分值", "得分"],
    ["项目决策", 30, 30, "项目立项", "立项依据", "政策依据", 10, 10],
    [null, null, null, null, null, "规划依据", 10, 10],
    [null, null, null, null, "立项程序", "审批程序", 10, 10],
    ["项目绩效", 70, 60, "项目产出", "数量", "完成数量", 35, 30],
    [null, null, null, "项目效益", "社会效益", "受益人数", 35, 35],
  ];
  const merges: MergedArea[] = [
    { top: 2, left: 1, bottom: 4, right: 1 },
    { top: 2, left: 2, bottom: 4, right: 2 },
    { top: 2, left: 3, bottom: 4, right: 3 },
    { top: 2, left: 4, bottom: 4, right: 4 },
    { top: 2, left: 5, bottom: 3, right: 5 },
    { top: 5, left: 1, bottom: 6, right: 1 },
    { top: 5, left: 2, bottom: 6, right: 2 },
    { top: 5, left: 3, bottom: 6, right: 3 },
  ];
  const t = analyzeSheet(sheet("四级", rows, { merges })).tables[0];

  test("four levels; the 一级 分值/得分 columns are the 一级's own cells", () => {
    const s = scorecardOf(t);
    expect(s.levels).toBe(4);
    expect(s.items.map((i) => i.path.join("/"))).toEqual([
      "项目决策/项目立项/立项依据/政策依据",
      "项目决策/项目立项/立项依据/规划依据",
      "项目决策/项目立项/立项程序/审批程序",
      "项目绩效/项目产出/数量/完成数量",
      "项目绩效/项目效益/社会效益/受益人数",
    ]);
    const g1 = s.groups.filter((g) => g.level === 1);
    expect(g1.map((g) => [g.name, g.declaredCell?.address, g.scoreCell?.ref.address])).toEqual([
      ["项目决策", "B2", "C2"],
      ["项目绩效", "B5", "C5"],
    ]);
    expect(s.groups.filter((g) => g.level === 3).map((g) => g.name)).toEqual(["立项依据", "立项程序", "数量", "社会效益"]);
  });

  test("a 一级 得分 cell that is not the sum of its rows is reported and gets its SUM; DEVIATION_REASON_MISSING without a column", () => {
    expect(codes(t)).toEqual(["DEVIATION_REASON_MISSING H5", "WEIGHT_GROUP_MISMATCH C5"]);
    expect(t.findings.find((f) => f.code === "DEVIATION_REASON_MISSING")!.message).toContain("表中没有扣分原因栏");
    // a right subtotal typed as a number still becomes its formula (it is arithmetic)
    expect(change(t, "C2")?.after.formula).toBe("=ROUND(SUM(H2:H4),2)");
    expect(change(t, "C2")?.expected).toBe(30);
    expect(change(t, "C5")?.after.formula).toBe("=ROUND(SUM(H5:H6),2)");
    expect(change(t, "C5")?.expected).toBe(65);
  });
});

describe("a two-row header, the table away from A1, labels repeated down their columns (merges undone and filled)", () => {
  const rows: CellValue[][] = [
    ["评价指标", null, null, "分值", "评分要点", "自评得分", "评价依据"],
    ["一级指标", "二级指标", "三级指标", null, null, null, null],
    ["项目决策（20分）", "决策依据（10分）", "依据充分性", 10, null, 10, "有文件"],
    ["项目决策（20分）", "决策程序（10分）", "程序规范性", 10, null, 10, "有批复"],
    ["项目效益（80分）", "效益（80分）", "经济效益（可选项）", 60, null, 55, "部分达成"],
    ["项目效益（80分）", "效益（80分）", "社会效益（可选项）", 60, null, 55, "部分达成"],
    ["项目效益（80分）", "效益（80分）", "满意度", 20, null, 20, null],
    ["总分", null, null, 100, null, 95, null],
  ];
  const merges: MergedArea[] = [
    { top: 4, left: 3, bottom: 4, right: 5 },
    { top: 4, left: 6, bottom: 5, right: 6 },
    { top: 4, left: 7, bottom: 5, right: 7 },
    { top: 4, left: 8, bottom: 5, right: 8 },
    { top: 4, left: 9, bottom: 5, right: 9 },
  ];
  const t = analyzeSheet(sheet("表", rows, { origin: { row: 4, col: 3 }, merges })).tables[0];

  test("one group per repeated label, the repeated 可选项 rows one unit", () => {
    expect(t.kind).toBe("scorecard");
    const s = scorecardOf(t);
    expect(s.groups.filter((g) => g.level === 1).map((g) => [g.name, g.items.length])).toEqual([
      ["项目决策", 2],
      ["项目效益", 2],
    ]);
    expect(s.items.map((i) => [i.name, i.weight?.ref.address, i.score?.ref.address, i.reasonCell?.ref.address])).toEqual([
      ["依据充分性", "F6", "H6", "I6"],
      ["程序规范性", "F7", "H7", "I7"],
      ["经济效益（可选项）、社会效益（可选项）", "F8", "H8", "I8"],
      ["满意度", "F10", "H10", "I10"],
    ]);
    expect(t.evaluation.weightSum).toBe(100);
    expect(t.evaluation.total).toBe(95);
    expect(codes(t)).toEqual([]);
    expect(t.plan.changes.map((c) => [c.cell, c.after.formula])).toEqual([["H11", "=ROUND(SUM(H6:H8,H10),2)"]]);
  });
});

describe("the rules one by one", () => {
  const base = (over: Record<string, CellValue> = {}): CellValue[][] => {
    const v = (k: string, d: CellValue) => (k in over ? over[k] : d);
    return [
      ["一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因"],
      [v("A2", "项目决策（20分）"), v("B2", "项目立项（20分）"), "立项依据", v("D2", 10), v("E2", 10), null],
      [null, null, "立项程序", 10, v("E3", 10), v("F3", null)],
      [v("A4", "项目管理（30分）"), "资金管理（30分）", "资金使用", 30, v("E4", 30), null],
      ["项目绩效（50分）", "产出（50分）", "完成数量", v("D5", 50), v("E5", 50), null],
      ["合计", null, null, v("D6", 100), v("E6", 100), null],
    ];
  };
  const run = (over: Record<string, CellValue> = {}) => analyzeSheet(sheet("表", base(over))).tables[0];

  test("a clean table: no finding, one formula (the 合计)", () => {
    const t = run();
    expect(codes(t)).toEqual([]);
    expect(t.plan.changes.map((c) => c.cell)).toEqual(["E6"]);
  });

  test("SCORE_EXCEEDS_WEIGHT (over, and below 0)", () => {
    expect(codes(run({ E2: 12, E6: 102 }))).toEqual(["SCORE_EXCEEDS_WEIGHT E2"]);
    expect(codes(run({ E2: -1, E6: 89 }))).toContain("SCORE_EXCEEDS_WEIGHT E2");
  });

  test("WEIGHT_GROUP_MISMATCH on a declared 分值, WEIGHT_TOTAL_NOT_100 when the leaves miss 100", () => {
    expect(codes(run({ A4: "项目管理（25分）" }))).toEqual(["WEIGHT_GROUP_MISMATCH A4"]);
    expect(codes(run({ D5: 45, E5: 45, E6: 95 }))).toEqual(["WEIGHT_GROUP_MISMATCH B5", "WEIGHT_TOTAL_NOT_100 D6"]);
  });

  test("a stated 合计 分值 that is not the sum", () => {
    expect(codes(run({ D6: 90 }))).toEqual(["WEIGHT_TOTAL_NOT_100 D6"]);
  });

  test("TOTAL_MISMATCH", () => {
    const t = run({ E6: 98 });
    expect(codes(t)).toEqual(["TOTAL_MISMATCH E6"]);
    expect(change(t, "E6")?.expected).toBe(100);
  });

  test('DEVIATION_REASON_MISSING: empty or "无"; a written reason satisfies it', () => {
    expect(codes(run({ E3: 8, E6: 98 }))).toEqual(["DEVIATION_REASON_MISSING F3"]);
    expect(codes(run({ E3: 8, E6: 98, F3: "无" }))).toEqual(["DEVIATION_REASON_MISSING F3"]);
    expect(codes(run({ E3: 8, E6: 98, F3: "程序资料不全" }))).toEqual([]);
  });

  test("CELL_ERROR: a unit score holding #DIV/0! is not added; a 合计 holding #REF! gets its formula", () => {
    const t = run({ E3: "#DIV/0!", E6: "#REF!" });
    expect(codes(t)).toEqual(["CELL_ERROR E3", "CELL_ERROR E6"]);
    expect(t.evaluation.total).toBe(90);
    expect(change(t, "E6")?.after.formula).toBe("=ROUND(SUM(E2:E5),2)");
    expect(change(t, "E3")).toBeUndefined();
  });

  test("NUMBER_AS_TEXT: a score stored as text is read, reported and turned into its number by the fill (SUM skips text)", () => {
    const t = run({ E2: "\u300010\u3000" });
    expect(codes(t)).toEqual(["NUMBER_AS_TEXT E2"]);
    expect(change(t, "E2")).toEqual(expect.objectContaining({ kind: "number", after: { value: 10 } }));
    expect(t.evaluation.total).toBe(100);
  });

  test("a blank form: one MISSING_VALUE for the empty 得分 column, no total", () => {
    const t = run({ E2: null, E3: null, E4: null, E5: null, E6: null });
    expect(codes(t)).toEqual(["MISSING_VALUE E2"]);
    expect(t.evaluation.total).toBeNull();
    expect(t.evaluation.grade).toBeNull();
  });

  test("a partly scored form: MISSING_VALUE for each empty 得分", () => {
    expect(codes(run({ E3: null, E6: 90 }))).toEqual(["MISSING_VALUE E3"]);
  });

  test("fill twice = fill once", () => {
    const s = sheet("表", base({ E6: 98, E2: "\u300010" }));
    const t = analyzeSheet(s).tables[0];
    const again = analyzeSheet(applyPlanToSnapshot(s, t.plan)).tables[0];
    expect(again.plan.changes).toEqual([]);
    expect(again.evaluation.total).toBe(100);
  });
});

describe("scorecard or 自评表", () => {
  const selfEval: CellValue[][] = [
    ["项目支出绩效自评表"],
    ["项目名称", "某项目"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标（50分）", "数量指标（50）", "培训人数", "≥100人", "120人", 50, null, null],
    ["效益指标（40分）", "社会效益指标（40）", "知晓率", "≥90%", "95%", 40, null, null],
    ["满意度指标（10分）", "服务对象满意度指标（10）", "满意度", "≥90%", "95%", 10, null, null],
    ["总分", null, null, null, null, 100, null],
  ];
  const card: CellValue[][] = [
    ["一级指标", "二级指标", "三级指标", "分值", "得分"],
    ["项目决策（20分）", "项目立项（20分）", "立项依据", 20, 20],
    ["项目管理（20分）", "资金管理（20分）", "预算执行率", 20, 18],
    ["项目绩效（60分）", "项目产出（60分）", "完成数量", 60, 60],
    ["总分", null, null, 100, 98],
  ];

  test("a 自评表 (年度指标值, 实际完成值) is never a scorecard, even with scorecard words in its 一级", () => {
    expect(analyzeSheet(sheet("自评", selfEval)).tables.map((t) => t.kind)).toEqual(["project"]);
    const renamed = selfEval.map((r, i) => (i === 3 ? ["项目决策（50分）", ...r.slice(1)] : r));
    expect(analyzeSheet(sheet("自评", renamed)).tables.map((t) => t.kind)).toEqual(["project"]);
  });

  test("a scorecard without any scorecard-only column is told apart by its 一级 names", () => {
    const t = analyzeSheet(sheet("评分", card)).tables[0];
    expect(t.kind).toBe("scorecard");
    expect(codes(t)).toEqual(["DEVIATION_REASON_MISSING E3"]);
    expect(t.plan.changes.map((c) => c.cell)).toEqual(["E5"]);
  });

  test("the same columns with 自评表 一级 names (产出/效益/满意度) stay a project table", () => {
    const rows = card.map((r, i) =>
      i === 1
        ? ["产出指标（20分）", ...r.slice(1)]
        : i === 2
          ? ["效益指标（20分）", ...r.slice(1)]
          : i === 3
            ? ["满意度指标（60分）", ...r.slice(1)]
            : r,
    );
    expect(analyzeSheet(sheet("表", rows)).tables.map((t) => t.kind)).not.toContain("scorecard");
  });

  test("a 自评表 and a scorecard on one sheet, one under the other", () => {
    const rows = [...selfEval, [], [], ["绩效评价指标体系评分表"], ...card];
    const ts = analyzeSheet(sheet("两表", rows)).tables;
    expect(ts.map((t) => t.kind)).toEqual(["project", "scorecard"]);
    expect(scorecardOf(ts[1]).items).toHaveLength(3);
    // the project's fill never reaches into the scorecard, nor the other way round
    const cardTop = scorecardOf(ts[1]).bounds.top;
    expect(ts[0].plan.changes.every((c) => Number(c.cell.replace(/^[A-Z]+/, "")) < cardTop)).toBe(true);
  });
});

describe('section rows ("一、项目决策（20分）" merged across the table), a "/" subtotal, notes below', () => {
  const rows: CellValue[][] = [
    ["一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因"],
    ["一、项目决策（20分）"],
    [null, "立项（20分）", "立项依据", 20, 20, null],
    ["二、项目绩效（80分）"],
    [null, "产出（80分）", "完成数量", 80, 76, "个别任务延期"],
    [null, "小计", null, 80, "/", null],
    ["合计", null, null, 100, 96, null],
    ["注：本表由项目单位填写。"],
    ["说明书编制质量", null, null, 5, 5],
  ];
  const merges: MergedArea[] = [
    { top: 2, left: 1, bottom: 2, right: 6 },
    { top: 4, left: 1, bottom: 4, right: 6 },
  ];
  const t = analyzeSheet(sheet("表", rows, { merges })).tables[0];

  test('a section label is its 一级 (with its 分值), never a score cell; a "/" subtotal is neither read nor written', () => {
    const s = scorecardOf(t);
    expect(s.groups.filter((g) => g.level === 1).map((g) => [g.name, g.declaredWeight, g.scoreCell?.ref.address ?? null])).toEqual([
      ["一、项目决策", 20, null],
      ["二、项目绩效", 80, null],
    ]);
    expect(s.groups.find((g) => g.name === "产出")!.scoreCell?.ref.address).toBe("E6");
    expect(codes(t)).toEqual([]);
    expect(t.plan.changes.map((c) => [c.cell, c.after.formula])).toEqual([["E7", "=ROUND(SUM(E3,E5),2)"]]);
    expect(t.plan.changes.some((c) => c.cell === "A2" || c.cell === "A4" || c.cell === "E6")).toBe(false);
  });

  test("the table ends at its 合计; the note and what follows it are not indicators", () => {
    const s = scorecardOf(t);
    expect(s.items.map((i) => i.name)).toEqual(["立项依据", "完成数量"]);
    expect(s.bounds.bottom).toBe(7);
  });
});

test("a 小计 as the table's last row is inside the table: the fill writes its SUM", () => {
  const rows: CellValue[][] = [
    ["一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因"],
    ["项目决策（100分）", "立项（100分）", "立项依据", 60, 60, null],
    [null, null, "立项程序", 40, 40, null],
    [null, "小计", null, 100, 90, null],
  ];
  const t = analyzeSheet(sheet("表", rows)).tables[0];
  expect(t.table.bounds.bottom).toBe(4);
  expect(codes(t)).toEqual(["WEIGHT_GROUP_MISMATCH E4"]);
  expect(t.plan.changes.map((c) => [c.cell, c.after.formula, c.expected])).toEqual([["E4", "=ROUND(SUM(E2:E3),2)", 100]]);
});
