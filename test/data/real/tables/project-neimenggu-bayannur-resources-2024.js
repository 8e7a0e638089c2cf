/**
 * 巴彦淖尔市自然资源局甘其毛都口岸分局 自然资源业务支出项目, 项目支出绩效自评表（2024年度）, 内蒙古自治区巴彦淖尔市,
 * from its 2024年度决算公开报告. Source: http://zrzy.bynr.gov.cn/zwgk/czyjs/202509/t20250924_714315.html (search
 * corpus `pages`). Transcribed as read:
 * - the funds block has no 上年结转资金 row: 年度资金总额 | 其中:财政拨款 | 其他资金;
 * - 年初预算数 0 on every row (the money came in the year: 全年预算数 2.38 = 0.58 + 1.8);
 * - the rate column is headed 执行率(%) and holds whole numbers: 100 on the total row, 100 on 财政拨款, and 0 on
 *   其他资金 although that row spent 1.8 of 1.8;
 * - "——" in the 分值 and 得分 cells of the 其中 rows;
 * - the indicator block names the direction twice, in 指标性质 (正向) and 指标方向 (大于等于 / 小于等于 / 等于), with the
 *   unit after the actual (年度指标值 | 实际完成值 | 计量单位); one row reads 正向 with 小于等于;
 * - the indicators keep their template numbering and carry the unit in the name ("指标1:租车次数(次)");
 * - the 一级指标 cell of the 产出 rows is empty on the page (its label is not in the stored text).
 * The stored page ends inside the 时效指标 row ("时效指标 | 指标…"): the rest of the indicators and the 总分 row are
 * not in it and are not invented here.
 */
const rows = [];
const put = (r, name, nature, direction, target, actual, unit, weight, score) => {
  rows.push([`D${r}`, name]);
  for (const [col, v] of [["E", nature], ["F", direction], ["G", target], ["H", actual], ["I", unit], ["J", weight], ["K", score]]) {
    if (v !== undefined && v !== null) rows.push([`${col}${r}`, v]);
  }
};
rows.push(["B11:B14", null]);
rows.push(["C11:C12", "数量指标"]);
put(11, "指标1:租车次数(次)", "正向", "大于等于", 1, 1, "次", 8, 8);
put(12, "指标2:宣传美工制作个数(个)", "正向", "小于等于", 1, 1, "个", 7, 7);
rows.push(["C13:C14", "质量指标"]);
put(13, "指标1:租车达标率", "正向", "等于", 100, 100, "%", 8, 8);
put(14, "指标2:宣传合格率", "正向", "等于", 100, 100, "%", 7, 7);

module.exports = {
  name: "project-neimenggu-bayannur-resources-2024",
  sheet: "Sheet1",
  widths: [8, 10, 12, 26, 8, 10, 10, 10, 8, 6, 6, 20],
  cells: [
    ["A1:L1", "项目支出绩效自评表 (2024年度)"],
    ["A2:B2", "项目名称"],
    ["C2:L2", "内蒙古自治区巴彦淖尔市自然资源局甘其毛都口岸分局自然资源业务支出项目"],
    ["A3:B3", "主管部门"],
    ["C3:F3", "内蒙古自治区巴彦淖尔市自然资源局(部门)"],
    ["G3:H3", "实施单位"],
    ["I3:L3", "内蒙古自治区巴彦淖尔市自然资源局甘其毛都口岸分局"],
    ["A4:A7", "项目资金 (万元)"],
    ["B4", null],
    ["C4", "年初预算数"],
    ["D4", "全年预算数"],
    ["E4", "全年执行数"],
    ["F4", "分值"],
    ["G4", "执行率(%)"],
    ["H4", "得分"],
    ["B5", "年度资金总额"],
    ["C5", 0],
    ["D5", 2.38],
    ["E5", 2.38],
    ["F5", 10],
    ["G5", 100],
    ["H5", 10],
    ["B6", "其中:财政拨款"],
    ["C6", 0],
    ["D6", 0.58],
    ["E6", 0.58],
    ["F6", "——"],
    ["G6", 100],
    ["H6", "——"],
    ["B7", "其他资金"],
    ["C7", 0],
    ["D7", 1.8],
    ["E7", 1.8],
    ["F7", "——"],
    ["G7", 0],
    ["H7", "——"],
    ["A8:A9", "年度总体目标"],
    ["B8:F8", "预期目标"],
    ["G8:L8", "实际完成情况"],
    ["B9:F9", "目标1:通过开展自然调查,全面查清全市资源利用状况,实现资源信息的社会化服务,实现资源宏观调控及资源管理的需要."],
    [
      "G9:L9",
      "负责编制辖区内国土空间规划并监督实施,落实辖区内自然资源调查监测评价工作;承担辖区内国土空间生态修复工作,负责组织实施最严格的耕地保护制度;负责辖区内地质勘查协调、监督管理和行业规范执行监督;负责矿产资源管理工作;负责辖区内测绘地理信息管理工作,推动自然资源领域科技发展。",
    ],
    ["A10:A14", "绩效指标"],
    ["B10", "一级指标"],
    ["C10", "二级指标"],
    ["D10", "三级指标"],
    ["E10", "指标性质"],
    ["F10", "指标方向"],
    ["G10", "年度指标值"],
    ["H10", "实际完成值"],
    ["I10", "计量单位"],
    ["J10", "分值"],
    ["K10", "得分"],
    ["L10", "偏差原因分析及改进措施"],
    ...rows,
  ],
};
