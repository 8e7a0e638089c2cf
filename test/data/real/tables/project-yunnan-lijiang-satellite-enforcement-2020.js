/**
 * 丽江市古城区自然资源局 2020年省级自然资源卫片执法补助经费, 2020年度项目支出绩效自评表, 云南省丽江市.
 * Source: http://m.jjiadianqingjie.com.cn/changyong/13241.html (search corpus `pages`; a repost dated 2021-06-28,
 * "来源: 微信公众号 yn2553"). The repost renders the whole page in traditional characters (項目支出績效自評表,
 * 年度資金總額 …), a conversion of the simplified original that a 云南 department would publish and fill; the
 * characters are converted back to simplified here and nothing else is changed. Transcribed as read:
 * - 项目名称 repeats the title ("…补助经费支出绩效自评表");
 * - two-row indicator header: 绩效指标 | 年度指标值 (over 指标性质 | 指标值 | 度量单位) | 实际完成值 | 分值 | 得分 |
 *   偏差原因分析及改进措施, then 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位;
 * - the 等于 sign is the small form "﹦" (U+FE66), not "=";
 * - a money indicator in 元 (72890 元) while the funds block is in 万元 (7.29);
 * - weights and scores written with decimals ("10.00", "9.00") on some rows and without on others (20 / 19);
 * - every indicator meets its target, yet the department took a point or more off each (9 of 10, 19 of 20, 27 of 30)
 *   and wrote no 偏差原因;
 * - the 其中:当年财政拨款 row shows four values, 7.29 | 7.29 | 7.29 | 100%: the 100% is put under 执行率 (分值 empty);
 * - the stored page ends right after the 满意度 row's 分值 "10.00": its 得分, any row below it and the 总分 row are not
 *   in it and are not invented here (the 满意度 得分 is left empty).
 */
// the page writes "10.00", "20.00", "9.00", "19.00", "27.00" on some rows (numbers shown with two decimals), "20" / "19"
// on the 项目验收合格率 row
const TWO = "0.00";
const rows = [];
const put = (r, name, sign, value, unit, actual, weight, score, fmt) => {
  rows.push([`C${r}`, name]);
  for (const [col, v] of [["D", sign], ["E", value], ["F", unit], ["G", actual]]) {
    if (v !== undefined && v !== null) rows.push([`${col}${r}`, v]);
  }
  for (const [col, v] of [["H", weight], ["I", score]]) {
    if (v !== undefined && v !== null) rows.push(fmt ? [`${col}${r}`, v, fmt] : [`${col}${r}`, v]);
  }
};
rows.push(["A13:A15", "产出指标"]);
rows.push(["B13", "数量指标"]);
put(13, "卫片执法补助经费", "﹦", 72890, "元", 72890, 10, 9, TWO);
rows.push(["B14", "质量指标"]);
put(14, "项目验收合格率", "﹦", 100, "%", 100, 20, 19);
rows.push(["B15", "时效指标"]);
put(15, "项目完成及时率", "﹦", 100, "%", 100, 20, 19, TWO);
rows.push(["A16", "效益指标"]);
rows.push(["B16", "社会效益指标"]);
put(16, "违法行为责停率", "≥", 95, "%", 95, 30, 27, TWO);
rows.push(["A17", "满意度指标"]);
rows.push(["B17", "服务对象满意度指标"]);
put(17, "满意度", "≥", 95, "%", 95, 10, null, TWO);

module.exports = {
  name: "project-yunnan-lijiang-satellite-enforcement-2020",
  sheet: "Sheet1",
  widths: [10, 14, 18, 8, 10, 8, 10, 8, 8, 22],
  cells: [
    ["A1:J1", "2020年度项目支出绩效自评表"],
    ["A2:B2", "项目名称"],
    ["C2:J2", "2020年省级自然资源卫片执法补助经费支出绩效自评表"],
    ["A3:B3", "主管部门"],
    ["C3:E3", "丽江市自然资源和规划局"],
    ["F3:G3", "实施单位"],
    ["H3:J3", "丽江市古城区自然资源局"],
    ["A4:A8", "项目资金 (万元)"],
    ["B4", null],
    ["C4", "年初预算数"],
    ["D4", "全年预算数"],
    ["E4", "全年执行数"],
    ["F4", "分值"],
    ["G4", "执行率"],
    ["H4", "得分"],
    ["B5", "年度资金总额"],
    ["C5", 7.29],
    ["D5", 7.29],
    ["E5", 7.29],
    ["F5", 10, TWO],
    ["G5", { percent: 1, format: "0%" }],
    ["H5", 10, TWO],
    ["B6", "其中:当年财政拨款"],
    ["C6", 7.29],
    ["D6", 7.29],
    ["E6", 7.29],
    ["G6", { percent: 1, format: "0%" }],
    ["B7", "上年结转资金"],
    ["B8", "其他资金"],
    ["A9:A10", "年度 总体 目标"],
    ["B9:E9", "预期目标"],
    ["F9:J9", "实际完成情况"],
    ["B10:E10", "自然资源卫片执法补助经费"],
    ["F10:J10", "自然资源卫片执法补助经费"],
    ["A11:C11", "绩效指标"],
    ["D11:F11", "年度指标值"],
    ["G11:G12", "实际完成值"],
    ["H11:H12", "分值"],
    ["I11:I12", "得分"],
    ["J11:J12", "偏差原因分析及改进措施"],
    ["A12", "一级 指标"],
    ["B12", "二级指标"],
    ["C12", "三级指标"],
    ["D12", "指标性质"],
    ["E12", "指标值"],
    ["F12", "度量单位"],
    ...rows,
  ],
};
