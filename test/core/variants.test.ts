/**
 * The variants of SPEC §2.6, each built cell by cell the way published tables show them: the engine must read the
 * kind of variation, not one file's addresses.
 */
import { analyzeSheet, type CellValue, type DenseSheetSnapshot, type TableAnalysis } from "../../src/core";

function sheet(rows: CellValue[][], origin = { row: 1, col: 1 }, name = "表"): DenseSheetSnapshot {
  const w = Math.max(...rows.map((r) => r.length));
  return { name, origin, values: rows.map((r) => [...r, ...new Array(w - r.length).fill(null)]), merges: null };
}
const codes = (t: TableAnalysis) => t.findings.map((f) => `${f.code}@${f.cell}`);
const change = (t: TableAnalysis, cell: string) => t.plan.changes.find((c) => c.cell === cell);

/** 四川 2023 layout: 年度指标值 split over 指标性质 | 指标值 | 度量单位, fund rows 总额 / 其中:财政资金 / 财政专户管理资金 / 单位资金. */
function splitTargetRows(actuals: CellValue[] = [100, 98]): CellValue[][] {
  return [
    ["部门预算项目支出绩效自评表(2023年度)"],
    ["项目名称", "工资性支出"],
    ["主管部门", "某县发展和改革局本级", null, null, "实施单位 (盖章)", "某县发展和改革局"],
    ["预算执行情况(10分)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"],
    ["总额", 238.93, 251.89, 240.5, "100.00%", 10, null, null],
    ["其中:财政资金", 238.93, 251.89, 240.5, "100.00%", "/", "/"],
    ["财政专户管理资金", 0, 0, 0, "0.00%", "/", "/"],
    ["单位资金", 0, 0, 0, "0.00%", "/", "/"],
    ["其他资金", null, null, null, null, "/", "/"],
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"],
    ["产出指标", "数量指标", "发放(缴纳)覆盖率", "=", 100, "%", actuals[0], 60, null, null],
    ["效益指标", "社会效益指标", "足额保障率(参保率)", "≥", 100, "%", actuals[1], 30, null, null],
    ["合计", null, null, null, null, null, null, 100, null],
  ];
}

describe("年度指标值 split over 指标性质 | 指标值 | 度量单位 (四川)", () => {
  const t = analyzeSheet(sheet(splitTargetRows())).tables[0];
  const p = t.table as any;

  test("the target is put back together and the weights are read from 权重", () => {
    expect(t.kind).toBe("project");
    expect(p.indicators.map((i: any) => i.targetCell.text)).toEqual(["=100%", "≥100%"]);
    expect(p.indicators.map((i: any) => i.actualCell.text)).toEqual(["100%", "98%"]);
    expect(p.columns.find((c: any) => c.role === "targetComparator").col).toBe(4);
    expect(p.columns.find((c: any) => c.role === "targetUnit").col).toBe(6);
    expect(t.evaluation.weightSum).toBe(100);
  });

  test("scores by the rules, with formulas over the number cells", () => {
    const scores = t.evaluation.indicators.map((i) => i.score);
    expect(scores).toEqual([60, 29.4]); // 30 × 98/100
    expect(change(t, "I12")!.after.formula).toBe("=ROUND(IF(G12>=E12,H12,H12*G12/E12),2)");
    expect(t.evaluation.executionRate).toBeCloseTo(240.5 / 251.89, 8);
    expect(t.evaluation.total).toBeCloseTo(Math.min(10, 10 * (240.5 / 251.89)) + 60 + 29.4, 1);
  });

  test("the fund rows 总额 / 财政资金 / 财政专户管理资金 / 单位资金 are read, and the stated 100.00% is wrong", () => {
    expect(p.fundTotal.budget.ref.address).toBe("C5");
    expect(p.fundParts.map((f: any) => f.label)).toEqual(["其中:财政资金", "财政专户管理资金", "单位资金", "其他资金"]);
    expect(codes(t)).toContain("RATE_MISMATCH@E5");
    expect(codes(t).filter((c) => c.startsWith("TABLE_PARTIAL"))).toEqual([]);
  });

  test("blank actuals are reported missing, not scored", () => {
    const blank = analyzeSheet(sheet(splitTargetRows([null, null]))).tables[0];
    expect(codes(blank)).toEqual(expect.arrayContaining(["MISSING_VALUE@G11", "MISSING_VALUE@G12"]));
    expect(blank.evaluation.weightSum).toBe(100);
  });
});

/** A standard project table whose indicator block the caller gives (rows 11+), 总分 at the end. */
function projectWith(
  indicatorRows: CellValue[][],
  fund: { weight?: CellValue; score?: CellValue; rate?: CellValue } = {},
  total: CellValue[] = [],
): CellValue[][] {
  return [
    ["项目支出绩效自评表"],
    ["项目名称", null, "某项目"],
    ["主管部门", null, "某局", null, null, "实施单位", "某中心"],
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 100, 200, 196, fund.weight ?? 10, fund.rate ?? null, fund.score ?? null],
    [null, "其中：当年财政拨款", 100, 200, 196],
    [null, "上年结转资金", 0, 0, 0],
    [null, "其他资金", 0, 0, 0],
    ["年度总体目标", "预期目标", null, null, null, "实际完成情况"],
    [null, "目标", null, null, null, "完成"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ...indicatorRows,
    ["总分", null, null, null, null, null, ...total],
  ];
}

describe("预算执行率 as an indicator row (湖北 and others)", () => {
  const rows = (rateWeight: number) => [
    [null, "产出指标", "数量指标", "培训人数", "≥1000人次", "1000人次", 40, null],
    [null, "产出指标", "成本指标", "预算执行率", "100%", "98%", rateWeight, null],
    [null, "效益指标", "社会效益指标", "知晓率", "≥90%", "95%", 30, null],
    [null, "满意度指标", "服务对象满意度指标", "满意度", "≥95%", "96%", 10, null],
  ];

  test("with 100 written into the 年度资金总额 row's 分值: weights add to 100, not 190", () => {
    const t = analyzeSheet(sheet(projectWith(rows(20), { weight: 100 }, [100, null]))).tables[0];
    const p = t.table as any;
    expect(p.rateIndicator.row).toBe(13);
    expect(p.indicators.map((i: any) => i.name)).toEqual(["培训人数", "知晓率", "满意度"]);
    expect(t.evaluation.weightSum).toBe(100);
    expect(t.evaluation.budgetWeight).toBe(20);
    expect(t.evaluation.budgetScore).toBe(19.6); // MIN(20, 20 × 196/200)
    expect(codes(t).filter((c) => c.startsWith("WEIGHT_TOTAL"))).toEqual([]);
    expect(change(t, "H13")!.after.formula).toBe('=IF(G5="","",ROUND(MIN(G13,G13*G5),2))');
    expect(t.evaluation.total).toBeCloseTo(40 + 19.6 + 30 + 10, 6);
    // the indicator's own 分值 sits in its group: 产出指标 weighs 60
    expect(p.groups.find((g: any) => g.level === 1 && g.name === "产出指标").actualWeight).toBe(60);
  });

  test("with the same 10 written twice (fund row and indicator row): counted once", () => {
    const t = analyzeSheet(
      sheet(
        projectWith(
          [...rows(10).slice(0, 3), [null, "满意度指标", "服务对象满意度指标", "满意度", "≥95%", "96%", 20, null]],
          { weight: 10 },
          [100, null],
        ),
      ),
    ).tables[0];
    expect(t.evaluation.weightSum).toBe(100);
    expect(t.evaluation.budgetScore).toBe(9.8);
  });
});

describe("template rows left in", () => {
  const t = analyzeSheet(
    sheet(
      projectWith(
        [
          [null, "产出指标", "数量指标", "培训人数", "≥1000人次", "1000人次", 50, null],
          [null, "产出指标", "数量指标", "指标2：", null, null, null, null],
          [null, "产出指标", "质量指标", "指标1：", "/", "/", null, null],
          [null, "产出指标", "……", "……", null, null, null, null],
          [null, "效益指标", "社会效益指标", "知晓率", "≥90%", "95%", 30, null],
          [null, "满意度指标", "服务对象满意度指标", "满意度", "≥95%", "96%", 10, null],
        ],
        {},
        [100, null],
      ),
    ),
  ).tables[0];
  test("are not indicators and give no finding", () => {
    expect((t.table as any).indicators.map((i: any) => i.name)).toEqual(["培训人数", "知晓率", "满意度"]);
    expect(t.findings.filter((f) => f.code === "MISSING_VALUE")).toEqual([]);
    expect(t.evaluation.weightSum).toBe(100);
  });
});

describe("满意度 as an 二级 group under 效益 (2020 template)", () => {
  test("counts as 满意度 in the 一级 split: 10/50/30/10 is standard", () => {
    const t = analyzeSheet(
      sheet(
        projectWith(
          [
            [null, "产出指标", "数量指标", "培训人数", "≥1000人次", "1000人次", 50, null],
            [null, "效益指标", "社会效益指标", "知晓率", "≥90%", "95%", 30, null],
            [null, "效益指标", "服务对象满意度指标", "满意度", "≥95%", "96%", 10, null],
          ],
          {},
          [100, null],
        ),
      ),
    ).tables[0];
    expect(t.findings.filter((f) => f.code === "WEIGHT_SPLIT_NONSTANDARD")).toEqual([]);
  });
});

describe("a 年度资金总额 row left at 0 while its 其中 row holds the money (安徽 棠溪镇 2022, as published)", () => {
  test("each column's FUNDS_SUBTOTAL_MISMATCH; no rate is made up from 0/0, so the stated 总分 no longer adds up", () => {
    const rows = projectWith(
      [
        [null, "产出指标(50分)", "数量指标", "基建工程委托业务项目数量", "≥50个", 50, 50, 50],
        [null, "效益指标(30分)", "社会效益指标", "对维护基建市场公平的影响程度", "效果明显", "达成预期指标", 30, 30],
        [null, "满意度指标(10分)", "满意度指标", "公众满意度", "≥90%", "95%", 10, 10],
      ],
      {},
      [100, 100],
    );
    rows[4] = [null, "年度资金总额:", 0, 0, 0, 10, 0, 0];
    rows[5] = [null, "其中:本年财政拨款", 90, 89.974, 89.974];
    rows[6] = [null, "上年结转资金"];
    rows[7] = [null, "其他资金"];
    const t = analyzeSheet(sheet(rows)).tables[0];
    expect(codes(t)).toEqual(
      expect.arrayContaining([
        "FUNDS_SUBTOTAL_MISMATCH@C5",
        "FUNDS_SUBTOTAL_MISMATCH@D5",
        "FUNDS_SUBTOTAL_MISMATCH@E5",
        "TOTAL_MISMATCH@H15",
      ]),
    );
    expect(codes(t).filter((c) => /^RATE_/.test(c))).toEqual([]);
    expect(change(t, "G5")?.expected ?? null).toBeNull();
  });
});

describe("money as text with units and separators", () => {
  test('"1,234.50", "12.3万元" and "7100元" are numbers in 万元, converted by the fill', () => {
    const rows = projectWith([[null, "产出指标", "数量指标", "培训人数", "≥1000人次", "1000人次", 90, null]], {}, [100, null]);
    rows[4] = [null, "年度资金总额", "1,234.50", "12.3万元", "7100元", 10, null, null];
    const t = analyzeSheet(sheet(rows)).tables[0];
    const p = t.table as any;
    expect([p.fundTotal.initial.value, p.fundTotal.budget.value, p.fundTotal.executed.value]).toEqual([1234.5, 12.3, 0.71]);
    expect(t.evaluation.executionRate).toBeCloseTo(0.71 / 12.3, 10);
    expect(change(t, "D5")!.after.value).toBe(12.3);
    expect(codes(t)).toContain("NUMBER_AS_TEXT@D5");
  });
});

describe("error values", () => {
  test("#REF! in 全年预算数 and #DIV/0! in 执行率: CELL_ERROR first, no rate computed, nothing invented", () => {
    const rows = projectWith([[null, "产出指标", "数量指标", "培训人数", "≥1000人次", "1000人次", 90, null]], { rate: "#DIV/0!" }, [
      100,
      null,
    ]);
    rows[4][3] = "#REF!";
    const t = analyzeSheet(sheet(rows)).tables[0];
    expect(t.findings[0].code).toBe("CELL_ERROR");
    expect(codes(t)).toEqual(expect.arrayContaining(["CELL_ERROR@D5", "CELL_ERROR@G5"]));
    expect(t.evaluation.executionRate).toBeNull();
    expect(t.evaluation.budgetScore).toBeNull();
    expect(codes(t).filter((c) => /^RATE_|MISSING_VALUE@D5/.test(c))).toEqual([]);
  });
  test("#N/A in a score: CELL_ERROR, and no MISSING_VALUE", () => {
    const t = analyzeSheet(
      sheet(projectWith([[null, "产出指标", "数量指标", "培训人数", "≥1000人次", "1000人次", 90, "#N/A"]], {}, [100, null])),
    ).tables[0];
    expect(codes(t)).toContain("CELL_ERROR@H12");
    expect(codes(t).filter((c) => c.startsWith("MISSING_VALUE@H12"))).toEqual([]);
  });
});

describe("TABLE_PARTIAL: what the layout has but could not be read is said, first", () => {
  test("no funds block at all", () => {
    const rows = projectWith([[null, "产出指标", "数量指标", "培训人数", "≥1000人次", "1000人次", 90, null]], {}, [100, null]).filter(
      (_, i) => i < 3 || i > 7,
    );
    const t = analyzeSheet(sheet(rows)).tables[0];
    expect(t.findings[0].code).toBe("TABLE_PARTIAL");
    expect(t.findings[0].message).toMatch(/项目资金/);
  });
  test("an indicator block with no 分值 column and numbers that are not weights", () => {
    const rows = projectWith(
      [
        [null, "产出指标", "数量指标", "培训人数", "≥1000人次", "1000人次", null, 88],
        [null, "效益指标", "社会效益指标", "知晓率", "≥90%", "95%", null, 70],
      ],
      {},
      [null, null],
    );
    rows[10] = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "备注", "得分", "偏差原因分析及改进措施"];
    const t = analyzeSheet(sheet(rows)).tables[0];
    expect(codes(t)).toContain("TABLE_PARTIAL@D11");
    expect(t.findings.find((f) => f.code === "TABLE_PARTIAL")!.message).toMatch(/分值/);
  });
  test("a table with no 总分 row", () => {
    const rows = projectWith([[null, "产出指标", "数量指标", "培训人数", "≥1000人次", "1000人次", 90, null]]).slice(0, -1);
    const t = analyzeSheet(sheet(rows)).tables[0];
    expect(t.findings.some((f) => f.code === "TABLE_PARTIAL" && /总分/.test(f.message))).toBe(true);
  });
  test("a 总分 written after a note on the same row, just before its 分值 and 得分 (云南: 其他需要说明事项 | 无 | 总分 | 100 | 96)", () => {
    const rows = projectWith([
      [null, "产出指标", "数量指标", "培训人数", "≥1000人次", "1000人次", 80, 80],
      [null, "满意度指标", "服务对象满意度指标", "满意度", "≥95%", "90%", 10, 9],
    ]).slice(0, -1);
    rows.push(["其他需要说明事项", "无", null, null, null, "总分", 100, 96, "优"]);
    const t = analyzeSheet(sheet(rows)).tables[0];
    // the note row is the 总分 row, not an indicator weighing 100: weights add to 100, no TABLE_PARTIAL
    expect(t.findings.filter((f) => f.code === "TABLE_PARTIAL" || f.code === "WEIGHT_TOTAL_NOT_100")).toEqual([]);
    expect(t.table.kind === "project" && [t.table.totalWeight?.value, t.table.total?.value]).toEqual([100, 96]);
  });
  test("the same, with the note's merge undone and its text repeated up to the 总分 label", () => {
    const rows = projectWith([
      [null, "产出指标", "数量指标", "培训人数", "≥1000人次", "1000人次", 80, 80],
      [null, "满意度指标", "服务对象满意度指标", "满意度", "≥95%", "90%", 10, 9],
    ]).slice(0, -1);
    rows.push(["其他需要说明事项", "无", "无", "无", "无", "总分", 100, 96, "优"]);
    const t = analyzeSheet(sheet(rows)).tables[0];
    expect(t.findings.filter((f) => f.code === "TABLE_PARTIAL" || f.code === "WEIGHT_TOTAL_NOT_100")).toEqual([]);
    expect(t.table.kind === "project" && [t.table.totalWeight?.value, t.table.total?.value]).toEqual([100, 96]);
  });
  test("a table with no 总分 row and a second table right below it: the first ends where the second begins", () => {
    const first = projectWith([[null, "产出指标", "数量指标", "培训人数", "≥1000人次", "1000人次", 90, 90]]).slice(0, -1);
    const second = projectWith([[null, "产出指标", "数量指标", "培训人数", "≥1000人次", "1000人次", 90, 90]], {}, [100, null]);
    const tables = analyzeSheet(sheet([...first, [], ...second])).tables;
    expect(tables.map((t) => t.evaluation.executionRate)).toEqual([0.98, 0.98]);
    expect(tables[1].findings.filter((f) => f.code === "TABLE_PARTIAL")).toEqual([]);
  });
  test('"合计" in an indicator row of its own (here its 实际完成值) does not make it a 总分 row', () => {
    const rows = projectWith([[null, "产出指标", "数量指标", "培训人数", "≥1000人次", "合计", 90, null]], {}, [100, null]);
    const t = analyzeSheet(sheet(rows)).tables[0];
    expect(t.table.kind === "project" && t.table.indicators.map((i) => i.name)).toEqual(["培训人数"]);
  });
  test("a complete table has none", () => {
    const t = analyzeSheet(
      sheet(projectWith([[null, "产出指标", "数量指标", "培训人数", "≥1000人次", "1000人次", 90, null]], {}, [100, null])),
    ).tables[0];
    expect(t.findings.filter((f) => f.code === "TABLE_PARTIAL")).toEqual([]);
  });
});

describe("a 分值 column the header does not name", () => {
  test("is found by its numbers, and the decision is in the model", () => {
    const rows = projectWith(
      [
        [null, "产出指标", "数量指标", "培训人数", "≥1000人次", "1000人次", 50, null],
        [null, "效益指标", "社会效益指标", "知晓率", "≥90%", "95%", 30, null],
        [null, "满意度指标", "服务对象满意度指标", "满意度", "≥95%", "96%", 10, null],
      ],
      {},
      [100, null],
    );
    rows[10][6] = null; // the 分值 header cell left empty
    const t = analyzeSheet(sheet(rows)).tables[0];
    const p = t.table as any;
    expect(p.columns.find((c: any) => c.role === "weight")).toMatchObject({ col: 7, source: "content" });
    expect(t.evaluation.weightSum).toBe(100);
  });
});

describe("two different tables side by side", () => {
  test("each is read in its own columns", () => {
    const a = projectWith([[null, "产出指标", "数量指标", "培训人数", "≥1000人次", "1000人次", 90, null]], {}, [100, null]);
    const b = projectWith([[null, "产出指标", "数量指标", "覆盖乡镇", "10个", "8个", 90, null]], {}, [100, null]);
    b[1][2] = "另一项目";
    const rows = a.map((r, i) => [...r, ...new Array(10 - r.length).fill(null), null, ...b[i]]);
    const ts = analyzeSheet(sheet(rows)).tables;
    expect(ts.map((t) => t.name)).toEqual(["某项目", "另一项目"]);
    expect(ts[1].table.bounds.left).toBeGreaterThan(10);
    expect(ts[1].evaluation.indicators[0].score).toBe(72); // 90 × 8/10
    for (const t of ts) for (const c of t.plan.changes) expect(c.cell).toMatch(t === ts[0] ? /^[A-J]\d+$/ : /^[L-U]\d+$/);
  });
});

describe("年度指标值 over two header rows (merged, or the merge undone and filled)", () => {
  const top: CellValue[] = [
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    null,
    null,
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ];
  const sub: CellValue[] = [null, null, null, "指标性质", "指标值", "度量单位", null, null, null, null];
  const data: CellValue[][] = [
    ["产出指标（50分）", "数量指标", "救助人次", "≥", 500, "人次", 499, 50, null, null],
    ["效益指标（40分）", "社会效益指标", "报销比例", "≥", 90, "%", 91, 40, null, null],
    ["满意度指标（10分）", "服务对象满意度指标", "满意度", "≥", 95, "%", 96, 10, null, null],
    ["总分", null, null, null, null, null, null, 100, null, null],
  ];
  const check = (t: TableAnalysis) => {
    const p = t.table as any;
    expect(p.indicators.map((i: any) => i.targetCell?.text)).toEqual(["≥500人次", "≥90%", "≥95%"]);
    expect(t.evaluation.indicators.map((i) => i.score)).toEqual([49.9, 40, 10]);
    expect(codes(t)).toContain("DEVIATION_REASON_MISSING@I3");
    expect(t.findings.filter((f) => f.code === "TABLE_PARTIAL").map((f) => f.message)).toEqual([expect.stringMatching(/项目资金/)]);
  };
  test("merged", () => {
    const s = sheet([top, sub, ...data]);
    s.merges = [{ top: 1, left: 4, bottom: 1, right: 6 }, ...[1, 2, 3, 7, 8, 9, 10].map((c) => ({ top: 1, left: c, bottom: 2, right: c }))];
    const t = analyzeSheet(s).tables[0];
    check(t);
  });
  test("merges undone, values repeated", () => {
    const filledTop = top.map((v, i) => (v === null && i >= 3 && i <= 5 ? "年度指标值" : v));
    const filledSub = sub.map((v, i) => (v === null ? filledTop[i] : v));
    check(analyzeSheet(sheet([filledTop, filledSub, ...data])).tables[0]);
  });
});

describe("more published quirks", () => {
  test("a header over two rows with 年度指标值/实际完成值/分值/得分 on the UPPER row (云南)", () => {
    const rows: CellValue[][] = [
      ["绩效指标", null, null, "年度指标值", null, null, "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ["一级\n指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", null, null, null, null],
      ["产出指标", "数量指标", "卫片执法补助经费", "﹦", 72890, "元", 72890, 60, 59, null],
      ["效益指标", "社会效益指标", "违法行为责停率", "≥", 95, "%", 95, 30, 27, null],
      ["满意度指标", "服务对象满意度指标", "满意度", "═", 100, "%", "100%", 10, 10, null],
      ["总分", null, null, null, null, null, null, 100, 96, null],
    ];
    const t = analyzeSheet(sheet(rows)).tables[0];
    expect(t.evaluation.weightSum).toBe(100);
    expect(codes(t)).toEqual(expect.arrayContaining(["SCORE_MISMATCH@I3", "SCORE_MISMATCH@I4", "DEVIATION_REASON_MISSING@I4"]));
    expect(codes(t)).not.toContain("SCORE_MISMATCH@I5");
  });

  test('a 一级 label whose name was lost ("(50分)", "(30分)") gives one group per label, and the 二级 says what it is', () => {
    const t = analyzeSheet(
      sheet(
        projectWith(
          [
            [null, "\n\n(50分)", "数量指标", "指标1:完成项目", "1个", "1个", 50, null],
            [null, null, null, "指标2:", null, null, null, null],
            [null, "\n\n(30分)", "社会效益指标", "指标1:全市安全度汛", "安全", "安全", 30, 30],
            [null, null, "生态效益指标", "指标1:/", "/", "/", null, null],
            [null, "满意度指标\n(10分)", "服务对象满意度指标", "满意度", "90%", "100%", 10, null],
          ],
          {},
          [100, null],
        ),
      ),
    ).tables[0];
    expect(codes(t).filter((c) => /WEIGHT_|MISSING_VALUE/.test(c))).toEqual([]);
  });

  test('"9月前" against "7月": a deadline met, not a unit mismatch', () => {
    const t = analyzeSheet(sheet(projectWith([[null, "产出指标", "时效指标", "验收时间", "9月前", "7月", 90, null]], {}, [100, null])))
      .tables[0];
    expect(codes(t).filter((c) => c.startsWith("UNIT_MISMATCH"))).toEqual([]);
    expect(t.evaluation.indicators[0].score).toBe(90);
  });

  test('breakdown rows ("其中桃树种植面积") and text merged over 分值/得分 ("无") are not indicators', () => {
    const t = analyzeSheet(
      sheet(
        projectWith(
          [
            [null, "产出指标", "数量指标", "★种植面积", "29.5亩", "29.5亩", 50, 50],
            [null, "产出指标", "数量指标", "其中桃树种植面积", "1.5亩", "1.5亩", null, null],
            [null, "效益指标", "社会效益指标", "受益人口", "90人", "90人", 40, 40],
            ["其他需要说明事项", null, "无", "无", "无", "无", "无", "无"],
          ],
          {},
          [100, 100],
        ),
      ),
    ).tables[0];
    expect((t.table as any).indicators.map((i: any) => i.name)).toEqual(["★种植面积", "受益人口"]);
    expect(codes(t).filter((c) => c.startsWith("MISSING_VALUE"))).toEqual([]);
  });

  test("a block label's declared weight is checked: 年度绩效目标(80分) over 产出(60分) + 效益(40分)", () => {
    const rows = projectWith(
      [
        [null, "产出指标(60分)", "数量指标", "服务外包", 20000, 23333, 60, null],
        [null, "效益指标(40分)", "社会效益指标", "走出去", "是", "有利于", 40, 40],
      ],
      {},
      [100, null],
    );
    rows[10][0] = "年度绩效目标(80分)";
    const t = analyzeSheet(sheet(rows)).tables[0];
    expect(codes(t)).toContain("WEIGHT_GROUP_MISMATCH@A11");
  });

  test("no 分值 column at all: TABLE_PARTIAL, and no weight rule runs on weights taken as 0", () => {
    const rows = projectWith([[null, "产出指标(60分)", "数量指标", "服务外包", 20000, 23333, null, 60]], {}, [null, 60]);
    rows[10] = ["绩效指标", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", null, "得分"];
    const t = analyzeSheet(sheet(rows)).tables[0];
    expect(t.findings[0].code).toBe("TABLE_PARTIAL");
    expect(codes(t).filter((c) => c.startsWith("WEIGHT_"))).toEqual([]);
  });
});

describe("the indicator block published in parts, each under its own label and header (湖北: 年度绩效目标1 / 年度绩效目标2)", () => {
  const header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"];
  const rows: CellValue[][] = [
    ["项目支出绩效自评表"],
    ["项目名称", "某项目"],
    ["项目资金（万元）", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", 100, 100, 10, "100%", 10],
    ["年度绩效目标1(40分)"],
    header,
    ["产出指标", "数量指标", "指标A", "≥10个", "10个", 20, 20],
    ["效益指标", "社会效益指标", "指标B", "≥90%", "90%", 20, 20],
    ["年度绩效目标2(50分)"],
    header,
    ["产出指标", "质量指标", "指标C", "≥100%", "100%", 25, 25],
    ["满意度指标", "服务对象满意度指标", "指标D", "≥90%", "80%", 25, null],
    ["总分", null, null, null, null, 100, 95],
  ];

  test("is one table: every part's indicators, one 总分 over them all", () => {
    const tables = analyzeSheet(sheet(rows)).tables;
    expect(tables).toHaveLength(1);
    const t = tables[0];
    expect((t.table as any).indicators.map((i: any) => i.name)).toEqual(["指标A", "指标B", "指标C", "指标D"]);
    expect((t.table as any).indicators.map((i: any) => i.level1)).toEqual(["产出指标", "效益指标", "产出指标", "满意度指标"]);
    expect(t.evaluation.weightSum).toBe(100);
    // 指标D: 25 × 80/90 = 22.22, written into its empty 得分; 总分 = 10 + 20 + 20 + 25 + 22.22
    expect(change(t, "G12")!.after.value).toBe(22.22);
    expect(change(t, "G13")!.after.formula).toBe("=ROUND(SUM(F4,G7:G8,G11:G12),2)");
    expect(t.evaluation.total).toBeCloseTo(97.22, 2);
    expect(codes(t)).toContain("TOTAL_MISMATCH@G13");
    expect(codes(t).filter((c) => c.startsWith("TABLE_PARTIAL"))).toEqual([]);
  });

  test("a second table under the first, with its own 项目名称 and funds, is still a table of its own", () => {
    const second = rows.map((r) => r.map((v) => (v === "某项目" ? "另一项目" : v)));
    const both = analyzeSheet(sheet([...rows.slice(0, -1), ...second])).tables;
    expect(both.map((t) => t.name)).toEqual(["某项目", "另一项目"]);
  });
});
