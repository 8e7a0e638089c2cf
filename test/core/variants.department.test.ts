/**
 * 部门整体 tables laid out like project tables (重庆 部门整体绩效自评表): a 部门整体 title, 自评总分 as a field in the
 * header, one 部门预算执行情况 row with 执行率权重 / 执行率得分, and a flat indicator list with no 一级/二级 columns —
 * built cell by cell, moved around, to hold for the kind of layout rather than one file's addresses.
 */
import { analyzeSheet, type CellValue, type DenseSheetSnapshot, type TableAnalysis } from "../../src/core";
import type { DepartmentTable } from "../../src/core/model";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { belowItself, besideItself, shifted, signature, unmergeAndFill, withFarValue } from "../support/variants";

type Fmt = string | null;
function sheet(rows: CellValue[][], formats: Fmt[][], origin = { row: 1, col: 1 }): DenseSheetSnapshot {
  const w = Math.max(...rows.map((r) => r.length));
  const pad = <T>(r: T[], fill: T) => [...r, ...new Array<T>(w - r.length).fill(fill)];
  return {
    name: "表",
    origin,
    values: rows.map((r) => pad(r, null)),
    numberFormats: rows.map((_, i) => pad(formats[i] ?? [], null)),
    merges: null,
  };
}
const codes = (t: TableAnalysis) => t.findings.map((f) => `${f.code}@${f.cell}`);
const P = "0%";

/** rows: [name, unit, nature, target, actual, weight, score]; money: [budget, executed] or nulls. */
function chongqing(opts: { money?: [number | null, number | null]; rate?: number; total?: number | null; nature?: boolean } = {}) {
  const [budget, executed] = opts.money ?? [100, 76];
  const rate = opts.rate ?? 0.76;
  const values: CellValue[][] = [
    ["部门整体绩效自评表"],
    ["主管部门", "某区融媒体中心", null, "自评总分（分）", opts.total === undefined ? 15.6 : opts.total],
    ["部门预算执行情况（万元）", "年初预算数", "全年（调整）预算数", "全年执行数", "执行率（%）", "执行率权重", "执行率得分（分）"],
    [null, 0, budget, executed, rate, 10, 7.6],
    ["当年绩效目标", "年初绩效目标", "全年（调整）绩效目标", "全年目标实际完成情况"],
    [null, "无", "保障中心正常运转", "较好地完成了履职任务"],
    ["绩效指标", "指标名称", "计量单位", "指标性质", "年初指标值", "全年完成值", "得分系数（%）", "指标权重（分）", "指标得分（分）"],
    [null, "预算完成率", "%", opts.nature === false ? null : "定量指标", 0.7, 0.76, 1, 2, 2],
    [null, "政府采购执行率", "%", opts.nature === false ? null : "定量指标", 1, 0.7274, 1, 2, 2],
    [null, "“三公”经费变动率", "%", opts.nature === false ? null : "定量指标", null, null, 1, 2, 2],
    [null, "管理制度健全性", null, opts.nature === false ? null : "定性指标", "高", "高", 1, 2, 2],
  ];
  const formats: Fmt[][] = values.map(() => []);
  formats[3] = [null, null, null, null, P];
  for (const r of [7, 8, 9]) formats[r] = [null, null, null, null, P, P, P];
  formats[10] = [null, null, null, null, null, null, P];
  return { values, formats };
}

describe("部门整体 laid out like a project table (重庆)", () => {
  for (const origin of [
    { row: 1, col: 1 },
    { row: 7, col: 4 },
  ]) {
    describe(`at row ${origin.row}, column ${origin.col}`, () => {
      const { values, formats } = chongqing();
      const t = analyzeSheet(sheet(values, formats, origin)).tables[0];
      const d = t.table as DepartmentTable;
      const at = (r: number, c: number) => `${String.fromCharCode(64 + origin.col + c - 1)}${origin.row + r - 1}`;

      test("is a department table: flat indicator list, budget row, 自评总分 field", () => {
        expect(t.kind).toBe("department");
        expect(d.indicators.map((i) => i.name)).toEqual(["预算完成率", "政府采购执行率", "“三公”经费变动率", "管理制度健全性"]);
        expect(d.indicators.map((i) => i.level1)).toEqual(["", "", "", ""]);
        expect(d.budgetRow?.fund.budget?.ref.address).toBe(at(4, 3));
        expect(d.budgetRow?.weight?.value).toBe(10);
        expect(d.total?.ref.address).toBe(at(2, 5));
        expect(d.partial).toEqual([]);
      });

      test("a %-formatted target is a percentage, and 定量指标 / 定性指标 are neither signs nor targets", () => {
        expect(d.indicators.map((i) => i.targetCell?.text ?? "")).toEqual(["70%", "100%", "", "高"]);
        expect(d.indicators.map((i) => i.actualCell?.text ?? "")).toEqual(["76%", "72.74%", "", "高"]);
      });

      test("the rules: rate, its score, weights with the rate's, the total with the rate's score", () => {
        expect(t.evaluation.executionRate).toBeCloseTo(0.76, 10);
        expect(t.evaluation.budgetScore).toBe(7.6);
        expect(t.evaluation.weightSum).toBe(18);
        expect(t.evaluation.indicators.map((e) => e.ruleScore)).toEqual([2, 1.45, null, null]);
        // 7.6 + 2 + 2 + 2 + 2 = 15.6 as the field says: the person’s 2 for 政府采购执行率 is kept, the rule’s 1.45 suggested
        expect(codes(t)).not.toContain(`TOTAL_MISMATCH@${at(2, 5)}`);
        expect(codes(t)).toEqual(
          expect.arrayContaining([`SCORE_MISMATCH@${at(9, 9)}`, `MISSING_VALUE@${at(10, 6)}`, "WEIGHT_TOTAL_NOT_100@null"]),
        );
        const formulas = t.plan.changes.filter((c) => c.after.formula).map((c) => c.cell);
        expect(formulas).toEqual(expect.arrayContaining([at(4, 5), at(4, 7), at(2, 5)]));
      });
    });
  }

  test("a total field that disagrees is TOTAL_MISMATCH there", () => {
    const { values, formats } = chongqing({ total: 97.6 });
    const t = analyzeSheet(sheet(values, formats)).tables[0];
    expect(codes(t)).toContain("TOTAL_MISMATCH@E2");
  });

  test("a rate typed with no money beside it: MISSING_VALUE, the figure kept, its score from it", () => {
    const { values, formats } = chongqing({ money: [null, null] });
    const t = analyzeSheet(sheet(values, formats)).tables[0];
    expect(codes(t)).toContain("MISSING_VALUE@C4");
    expect(t.plan.changes.find((c) => c.cell === "E4")).toBeUndefined();
    expect(t.plan.changes.find((c) => c.cell === "G4")?.after.formula).toMatch(/F4/);
  });

  test("without 指标性质 the same table reads the same", () => {
    const { values, formats } = chongqing({ nature: false });
    const t = analyzeSheet(sheet(values, formats)).tables[0];
    expect(t.kind).toBe("department");
    expect(t.evaluation.indicators.map((e) => e.ruleScore)).toEqual([2, 1.45, null, null]);
  });
});

describe("部门整体 laid out like a project table with no 执行率权重 column: the rate's weight in the block's label", () => {
  test("部门预算执行情况（万元）（20分）: the 执行率得分 has 20 points, not 10", () => {
    const { values, formats } = chongqing();
    values[2] = ["部门预算执行情况（万元）（20分）", "年初预算数", "全年（调整）预算数", "全年执行数", "执行率（%）", "执行率得分（分）"];
    values[3] = [null, 0, 100, 76, 0.76, 15.2];
    const t = analyzeSheet(sheet(values, formats)).tables[0];
    const d = t.table as DepartmentTable;
    expect(t.kind).toBe("department");
    expect(d.budgetRow?.weight?.value).toBe(20);
    expect(d.budgetRow?.weight?.ref.address).toBe("A3");
    expect(t.evaluation.budgetScore).toBe(15.2); // MIN(20, 20 × 76%)
    expect(codes(t).filter((c) => c.startsWith("BUDGET_SCORE"))).toEqual([]);
    expect(t.plan.changes.find((c) => c.cell === "F4")?.after.formula).toBe('=IF(E4="","",ROUND(MIN(20,20*E4),2))');
  });
});

describe("a flat indicator header is not taken where it is not one", () => {
  test("a scorecard's 三级指标 | 分值 | 评分标准 | 得分 (no target, no actual) is not a flat indicator list", () => {
    const values: CellValue[][] = [
      ["三级指标", "分值", "评分标准", "得分"],
      ["预算执行率", 10, "按比例", 9],
    ];
    const r = analyzeSheet(sheet(values, [])).tables;
    expect(r.every((t) => t.kind !== "department" && t.kind !== "project")).toBe(true);
  });
});

/**
 * A 部门整体 table with no 分值 column: every weight is in a row label — "预算执行率（20分）" as an indicator row, the
 * 三级 labels "服务人次（30分）", and one 二级 label over a single row ("预算执行（20分）"). The weights are read
 * from the labels (and point at them), so 预算执行率 has 20 points, not 10; the SPEC §2.6 variants read the same.
 */
describe("部门整体 with the weights only in the row labels, no 分值 column", () => {
  const rows: CellValue[][] = [
    ["2022年部门整体支出绩效自评表"],
    ["部门（单位）名称", null, "某县政务服务管理局"],
    ["整体支出规模（万元）", null, null, "全年预算数", "全年执行数", "执行率"],
    [null, "资金来源：（1）财政拨款", null, 1000, 950, "95%"],
    [null, "（2）其他资金", null, 0, 0, null],
    [null, "资金结构：（1）基本支出", null, 600, 600, "100%"],
    [null, "（2）项目支出", null, 400, 350, "87.5%"],
    ["年度总体目标", "年初设定目标", null, null, "全年完成情况"],
    [null, "保障运转，提升服务", null, null, "已完成"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "自评得分", "偏差及原因分析"],
    ["投入管理指标（20分）", "预算执行（20分）", "预算执行率", "100%", "95%", 19, "项目支出未全部支付"],
    ["产出指标（50分）", "数量指标（30分）", "服务人次（30分）", "≥1000人次", "1200人次", 30, null],
    [null, "质量指标（20分）", "办结率（20分）", "100%", "90%", 20, null],
    ["效益指标（20分）", "社会效益指标（20分）", "群众办事便利度提升（20分）", "明显提升", "明显提升", 20, null],
    ["满意度指标（10分）", "服务对象满意度指标（10分）", "群众满意度（10分）", "≥90%", "95%", 10, null],
    ["总分", null, null, null, null, 99, null],
  ];
  const merges = [
    { top: 1, left: 1, bottom: 1, right: 7 },
    { top: 2, left: 1, bottom: 2, right: 2 },
    { top: 2, left: 3, bottom: 2, right: 7 },
    { top: 3, left: 1, bottom: 7, right: 1 },
    { top: 8, left: 1, bottom: 9, right: 1 },
    { top: 12, left: 1, bottom: 13, right: 1 },
    { top: 16, left: 1, bottom: 16, right: 5 },
  ];
  const base: SheetSnapshot = { ...sheet(rows, []), merges };
  const t = analyzeSheet(base).tables[0];

  test("the weights come from the labels: 100 in all, 预算执行率 20", () => {
    expect(t.kind).toBe("department");
    const d = t.table as DepartmentTable;
    expect(d.indicators.map((i) => [i.weight?.value, i.weight?.ref.address])).toEqual([
      [20, "B11"],
      [30, "C12"],
      [20, "C13"],
      [20, "C14"],
      [10, "C15"],
    ]);
    expect(t.evaluation.weightSum).toBe(100);
    // 预算执行率 95% of 100% → 19 of 20 (with its reason); 办结率 90% of 100% → 18, not the typed 20
    expect(t.evaluation.indicators.map((e) => e.ruleScore)).toEqual([19, 30, 18, null, 10]);
    expect(codes(t)).toContain("SCORE_MISMATCH@F13");
    expect(codes(t).filter((c) => c.startsWith("TABLE_PARTIAL") || c.startsWith("WEIGHT_"))).toEqual([]);
  });

  test("the SPEC §2.6 variants (merges undone, moved, a far value, a copy beside and below) read as the original", () => {
    const same = (s: SheetSnapshot, move: (r: number, c: number) => [number, number] = (r, c) => [r, c]) =>
      analyzeSheet(s).tables.map((x) => signature(x, move));
    expect(same(unmergeAndFill(base))).toEqual([signature(t)]);
    expect(same(shifted(base, 40, 6), (r, c) => [r - 40, c - 6])).toEqual([signature(t)]);
    expect(same(withFarValue(base, 1_048_576, 16_384, 7))).toEqual([signature(t)]);
    const beside = analyzeSheet(besideItself(base, 2)).tables;
    expect(beside.map((x) => signature(x, (r, c) => [r, c > 7 ? c - 9 : c]))).toEqual([signature(t), signature(t)]);
    const below = analyzeSheet(belowItself(base, 3)).tables;
    expect(below.map((x) => signature(x, (r, c) => [r > 16 ? r - 19 : r, c]))).toEqual([signature(t), signature(t)]);
  });
});
