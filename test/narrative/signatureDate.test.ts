/**
 * The 落款's date (issue 14): the table's 填报日期 when its header or footer lines carry one — as text in the label's
 * cell, or a date (text or a spreadsheet serial) in the cell to its right — else the day the report is written, in
 * 中文 date form (2021年3月5日, no leading zeros). A date inside an indicator's text is not a 填报日期.
 */
import { analyzeSheet, type CellValue, type DenseSheetSnapshot } from "../../src/core";
import { buildNarrative, signatureDate } from "../../src/core/narrative";
import { parseDateText } from "../../src/core/recognize/filledOn";

function sheet(rows: CellValue[][]): DenseSheetSnapshot {
  const w = Math.max(...rows.map((r) => r.length));
  return { name: "项目", origin: { row: 1, col: 1 }, values: rows.map((r) => [...r, ...new Array(w - r.length).fill(null)]), merges: null };
}

function project(above: CellValue[][], below: CellValue[][], goal = "目标文字"): CellValue[][] {
  return [
    ["项目支出绩效自评表"],
    ...above,
    ["项目名称", null, "测试项目"],
    ["主管部门", null, "某局", null, null, "实施单位", "某中心"],
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 100, 200, 150, 10, 0.75, 7.5],
    ["年度总体目标", "预期目标", null, null, null, "实际完成情况"],
    [null, goal, null, null, null, "完成文字"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [null, "产出指标", "数量指标", "培训人数", "≥1000人次", "1300人次", 50, 50, null],
    [null, "效益指标", "社会效益指标", "群众知晓率", "≥90%", "95%", 40, 40, null],
    ["总分", null, null, null, null, null, 100, 97.5],
    ...below,
  ];
}

const WRITTEN = "2026-12-02T20:30:00Z"; // 2026-12-03 in China

function narrativeOf(rows: CellValue[][]) {
  const t = analyzeSheet(sheet(rows)).tables;
  expect(t).toHaveLength(1);
  return buildNarrative(t[0]);
}

test("填报日期 in a footer line, in the label's own cell", () => {
  const n = narrativeOf(project([], [["填表人：张三", null, null, null, "填报日期：2021年3月5日"]]));
  expect(n.signature.date).toEqual({ year: 2021, month: 3, day: 5 });
  expect(n.signature.dateCell).toBe("E12");
  expect(signatureDate(n, WRITTEN)).toBe("2021年3月5日");
});

test("填报日期 above the table, the date a spreadsheet serial in the next cell", () => {
  // 44287 = 2021-04-01
  const n = narrativeOf(project([["填报单位：某局", null, null, null, "填报日期", 44287]], []));
  expect(signatureDate(n, WRITTEN)).toBe("2021年4月1日");
  expect(n.signature.dateCell).toBe("F2");
});

test("full-width digits and dashes: 填表日期：２０２１-０３-１５", () => {
  const n = narrativeOf(project([], [["填表日期：２０２１-０３-１５"]]));
  expect(signatureDate(n, WRITTEN)).toBe("2021年3月15日");
});

test("no 填报日期: the day the report is written (in China); a date in a goal's text is not one", () => {
  const n = narrativeOf(project([], [], "截止日期2021年12月31日前完成培训"));
  expect(n.signature.date ?? null).toBeNull();
  expect(signatureDate(n, WRITTEN)).toBe("2026年12月3日");
  expect(signatureDate(n, "not a time")).toBeNull();
});

test("dates that do not exist are not dates", () => {
  expect(parseDateText("2021年2月29日")).toBeNull();
  expect(parseDateText("2020年2月29日")).toEqual({ year: 2020, month: 2, day: 29 });
  expect(parseDateText("2021.13.1")).toBeNull();
  expect(parseDateText("2021/4/30")).toEqual({ year: 2021, month: 4, day: 30 });
});
