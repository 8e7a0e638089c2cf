/**
 * 部门整体 tables laid out like project tables (重庆 部门整体绩效自评表): a 部门整体 title, 自评总分 as a field in the
 * header, one 部门预算执行情况 row with 执行率权重 / 执行率得分, and a flat indicator list with no 一级/二级 columns —
 * built cell by cell, moved around, to hold for the kind of layout rather than one file's addresses.
 */
import { analyzeSheet, type CellValue, type DenseSheetSnapshot, type TableAnalysis } from "../../src/core";
import type { DepartmentTable } from "../../src/core/model";

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
