/**
 * 天长市水利局 水旱灾害防御经费, 项目支出绩效自评表（2022年度）, 安徽省滁州市天长市.
 * Source: search corpus `pages`, page titled 天长市水利局水旱灾害防御股项目支出绩效自评 (published 2023-12-05;
 * the tool gave no address). Transcribed cell by cell as read:
 * - the 年度资金总额 row reads "880 880 880 10 10": five values for six columns; the 执行率 cell is left empty;
 * - the sub rows read "- -" in 分值 and 得分;
 * - 一级 labels read "(50分)", "(30分)" with the name lost (the page shows only blank lines above them);
 * - every 二级 keeps the template rows "指标2:" and "……"; the 生态效益 row reads "指标1:/ / /";
 * - six indicators (工程质量合格, 年度资金支付完成率100%, …) carry 分值 and 得分 but no 年度指标值 or 实际完成值;
 * - the 注 under the table is cut where the stored page is cut ("如有").
 */
const rows = [];
const ind = (r, name, target, actual, weight, score) => {
  rows.push([`D${r}`, name]);
  if (target !== undefined && target !== null) rows.push([`E${r}`, target]);
  if (actual !== undefined && actual !== null) rows.push([`F${r}`, actual]);
  if (weight !== undefined && weight !== null) rows.push([`G${r}`, weight]);
  if (score !== undefined && score !== null) rows.push([`H${r}`, score]);
};
/** A 二级 block of three rows: its indicator, then the template's "指标2:" and "……". */
const block = (r, level2, first) => {
  rows.push([`C${r}:C${r + 2}`, level2]);
  ind(r, ...first);
  rows.push([`D${r + 1}`, "指标2:"]);
  rows.push([`D${r + 2}`, "……"]);
};

block(13, "数量指标", ["指标1:完成中型灌区节水改造项目数量", 1, 1, 10, 10]);
// 数量指标 has two filled indicators: row 14 is the second one, row 15 the "……"
rows.splice(rows.findIndex((c) => c[0] === "D14"), 1);
ind(14, "指标2:完成农业综合水价改革项目", 1, 1, 10, 10);
block(16, "质量指标", ["指标1:工程质量合格", null, null, 10, 10]);
block(19, "时效指标", ["指标1:年度资金支付完成率100%", null, null, 10, 10]);
block(22, "成本指标", ["指标1:资金执行在预算范围内", null, null, 10, 10]);
block(25, "经济效益\n指标", ["指标1:全市安全度汛", null, null, 10, 10]);
block(28, "社会效益\n指标", ["指标1:保护全市人口财产不受损失", null, null, 10, 10]);
block(31, "生态效益\n指标", ["指标1:/", "/", "/", null, null]);
block(34, "可持续影\n响指标", ["指标1:已建工程良性运行", null, null, 10, 10]);
block(37, "服务对象\n满意度指标", ["指标1:服务对象满意度", "90%", "100%", 10, 10]);

module.exports = {
  name: "project-anhui-tianchang-flood-2022",
  sheet: "项目支出绩效自评表",
  widths: [10, 12, 12, 30, 12, 12, 8, 8, 20],
  cells: [
    ["A1:I1", "项目支出绩效自评表"],
    ["A2:I2", "(2022年度)"],
    ["A3:B3", "项目名称"],
    ["C3:I3", "水旱灾害防御经费"],
    ["A4:B4", "主管部门"],
    ["C4:E4", null],
    ["F4", "实施单位"],
    ["G4:I4", "天长市水利局"],
    ["A5:A9", "项目资金\n(万元)"],
    ["C5", "年初预算数"],
    ["D5", "全年预算数(A)"],
    ["E5", "全年执行数(B)"],
    ["F5", "分值"],
    ["G5", "执行率(B/A)"],
    ["H5:I5", "得分"],
    ["B6", "年度资金总额:"],
    ["C6", 880],
    ["D6", 880],
    ["E6", 880],
    ["F6", 10],
    ["H6:I6", 10],
    ["B7", " 其中:本年财政拨款"],
    ["C7", 880],
    ["D7", 880],
    ["E7", 880],
    ["F7", "-"],
    ["H7:I7", "-"],
    ["B8", "   上年结转资金"],
    ["F8", "-"],
    ["H8:I8", "-"],
    ["B9", "      其他资金"],
    ["F9", "-"],
    ["H9:I9", "-"],
    ["A10:A11", "年度总体目标完成情况"],
    ["B10:E10", "预期目标"],
    ["F10:I10", "实际完成情况"],
    ["B11:E11", " 完成年度防汛工作,完成中型灌区节水改造项目和农业综合水价改革项目。"],
    ["F11:I11", " 完成年度目标。"],
    ["A12:A39", "年度绩效指标完成情况"],
    ["B12", "一级\n指标"],
    ["C12", "二级指标"],
    ["D12", "三级指标"],
    ["E12", "年度指标值"],
    ["F12", "实际完成值"],
    ["G12", "分值"],
    ["H12", "得分"],
    ["I12", "偏差原因分析及改进措施"],
    ["B13:B24", "(50分)"],
    ["B25:B36", "(30分)"],
    ["B37:B39", "满意度指标\n(10分)"],
    ...rows,
    ["A40:F40", "总分"],
    ["G40", 100],
    ["H40", 100],
    ["A41:I41", "注:1.一级指标分值统一设置为:产出指标50分、效益指标30分、服务对象满意度指标10分、预算资金执行率10分。如有"],
  ],
};
