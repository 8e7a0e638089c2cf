/**
 * 廊坊市食品工程学校 办公宿舍楼、食堂及餐厅暖通改造经费, 项目支出绩效自评表（2019年度）, 河北省廊坊市.
 * Source: http://www.lfsp.cn/newsinfo/1158053.html (search corpus `pages`), titled "办公宿舍楼、食堂及餐厅暖通改造经费
 * 绩效自评表(修改)". Transcribed as read:
 * - the year line reads "2019年度)" (its opening bracket lost);
 * - 年度资金总额 43.2 | 43.2 | 37.24 | 10 | 86% | 9 (执行率 as the text "86%"; 37.24/43.2 is 86.20%);
 * - 年度总体目标 holds two numbers, 43.2 (预期目标) and 37.24 (实际完成情况), not sentences;
 * - every 二级 keeps the template rows "指标2" / "……" (the labels run into the names: "指标1工程完工率");
 * - 效益指标 appears twice as a 一级 block (经济/社会/生态, then 可持续影响 on its own);
 * - 偏差原因 reads "0" on three rows;
 * - the stored page ends at the 满意度 block's "指标2" row: the template's last "……" row and the 总分 row are not
 *   in it and are not invented here (every fund row and every indicator was read).
 * The first column of the indicator block shows no label on the page; it is left empty (merged).
 */
const rows = [];
const put = (r, name, target, actual, weight, score, reason) => {
  rows.push([`D${r}`, name]);
  for (const [col, v] of [["E", target], ["F", actual], ["G", weight], ["H", score], ["I", reason]]) {
    if (v !== undefined && v !== null) rows.push([`${col}${r}`, v]);
  }
};
const REASON = "已完工,剩余3%尾款未付,且最高限价低于预算金额。提高预算准确度。";
rows.push(["B14:B25", "产出指标"]);
rows.push(["C14:C16", "数量指标"]);
put(14, "指标1工程资金金额", 43.2, 37.24, 10, 9, REASON);
put(15, "指标2");
put(16, "……");
rows.push(["C17:C19", "质量指标"]);
put(17, "指标1工程完工率", 100, 100, 10, 10);
put(18, "指标2工程验收合格率", 100, 100, 10, 10);
put(19, "……");
rows.push(["C20:C22", "时效指标"]);
put(20, "指标1项目完成及时率", 100, 100, 10, 10);
put(21, "指标2");
put(22, "……");
rows.push(["C23:C25", "成本指标"]);
put(23, "指标1成本控制率", 100, 100, 10, 10);
put(24, "指标2");
put(25, "……");
rows.push(["B26:B34", "效益指标"]);
rows.push(["C26:C28", "经济效益\n指标"]);
put(26, "指标1安全率", 100, 100, 10, 10, 0);
put(27, "指标2");
put(28, "……");
rows.push(["C29:C31", "社会效益\n指标"]);
put(29, "指标1学校发展能力", 100, 100, 10, 10, 0);
put(30, "指标2");
put(31, "……");
rows.push(["C32:C34", "生态效益\n指标"]);
put(32, "指标1");
put(33, "指标2");
put(34, "……");
rows.push(["B35:B37", "效益指标"]);
rows.push(["C35:C37", "可持续影响\n指标"]);
put(35, "指标1长期使用性", 100, 100, 10, 10);
put(36, "指标2");
put(37, "……");
rows.push(["B38:B39", "满意度\n指标"]);
rows.push(["C38:C39", "服务对象满意度指标"]);
put(38, "指标1学生满意度", 100, 100, 10, 10, 0);
put(39, "指标2");

module.exports = {
  name: "project-hebei-langfang-heating-2019",
  sheet: "Sheet1",
  widths: [6, 12, 12, 24, 10, 10, 8, 8, 28],
  cells: [
    ["A1:I1", "附件1"],
    ["A2:I2", "项目支出绩效自评表"],
    ["A3:I3", "2019年度)"],
    ["A4:B4", "项目名称"],
    ["C4:I4", "办公宿舍楼、食堂及餐厅暖通改造经费"],
    ["A5:B5", "主管部门"],
    ["C5:E5", "廊坊市发改委"],
    ["F5", "实施单位"],
    ["G5:I5", "廊坊市食品工程学校"],
    ["A6:A10", "项目资金\n(万元)"],
    ["B6", " "],
    ["C6", "年初\n预算数"],
    ["D6", "全年\n预算数"],
    ["E6", "全年\n执行数"],
    ["F6", "分值"],
    ["G6", "执行率"],
    ["H6:I6", "得分"],
    ["B7", "年度资金总额"],
    ["C7", 43.2],
    ["D7", 43.2],
    ["E7", 37.24],
    ["F7", 10],
    ["G7", "86%"],
    ["H7:I7", 9],
    ["B8", "其中:当年财政拨款"],
    ["C8", 43.2],
    ["D8", 43.2],
    ["E8", 37.24],
    ["F8", " "],
    ["B9", "      上年结转资金"],
    ["C9", " "],
    ["D9", " "],
    ["E9", " "],
    ["F9", " "],
    ["B10", "  其他资金"],
    ["C10", " "],
    ["D10", " "],
    ["E10", " "],
    ["F10", " "],
    ["A11:A12", "年度总体目标"],
    ["B11:E11", "预期目标"],
    ["F11:I11", "实际完成情况"],
    ["B12:E12", 43.2],
    ["F12:I12", 37.24],
    ["A13:A39", null],
    ["B13", "一级指标"],
    ["C13", "二级指标"],
    ["D13", "三级指标"],
    ["E13", "年度\n指标值"],
    ["F13", "实际\n完成值"],
    ["G13", "分值"],
    ["H13", "得分"],
    ["I13", "偏差原因分析及改进措施"],
    ...rows,
  ],
};
