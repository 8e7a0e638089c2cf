/**
 * 鄂州市行政审批局 市民中心运行维护费, 项目支出绩效自评表（2021年度）, 湖北省鄂州市.
 * Source: https://zwfwzx.ezhou.gov.cn/zwgk/fdzdgknr/sgjfxx/202211/t20221108_506320.html (search corpus `pages`,
 * 发文单位 鄂州市行政审批局, 发布日期 2022-11-04). Transcribed as read:
 * - 主管部门 and 实施单位 are empty on the page;
 * - money as text with a 万 unit in a block headed (万元): "150万", "125.25万"; 上年结转资金 / 其他资金 0;
 * - the 年度资金总额 row holds the table's totals, not the execution rate's: 分值 100, 执行率 83.5%, 得分 98;
 *   its 其中 rows carry "—" in 分值 and 得分;
 * - 预算执行率 is an indicator row (湖北 layout) under 产出指标 / 数量指标: 100% | 83.5% | 分值 20 | 得分 18;
 * - every 二级 keeps empty template rows; 时效指标 has no indicator at all;
 * - a 成本指标 written with the unit 万 ("150万" against "150万");
 * - the 年度总体目标 texts are kept as published.
 * The stored page ends inside the 效益指标 block, at "社会效益 指标 | 岗…": the 社会效益 indicator(s), any 满意度
 * block and a 总分 row (if the table has one below) are not in it and are not invented here. What the engine must
 * report on this part is in the oracle's notes (its weights no longer add to 100 and the 98 in the funds row no
 * longer matches the scores read).
 */
const rows = [];
const put = (r, name, target, actual, weight, score) => {
  rows.push([`D${r}`, name]);
  for (const [col, v] of [["E", target], ["F", actual], ["G", weight], ["H", score]]) {
    if (v !== undefined && v !== null) rows.push([`${col}${r}`, v]);
  }
};
rows.push(["B13:B24", "产出指标"]);
rows.push(["C13:C15", "数量指标"]);
put(13, "预算执行率", "100%", "83.5%", 20, 18);
put(14, "预算资金拨款率", "100%", "100%", 10, 10);
rows.push(["C16:C18", "质量指标"]);
put(16, "政务服务工作办结率", "100%", "100%", 10, 10);
put(17, "大厅业务日常考核结果", "100%", "100%", 10, 10);
rows.push(["C19:C21", "时效指标"]);
rows.push(["C22:C24", "成本指标"]);
put(22, "市民中心运行维护费", "150万", "150万", 10, 10);
rows.push(["B25:B27", "效益指标"]);
rows.push(["C25:C27", "经济效益 指标"]);
put(25, "大厅运行正常率", "100%", "100%", 10, 10);

module.exports = {
  name: "project-hubei-ezhou-civic-centre-2021",
  sheet: "Sheet1",
  widths: [6, 16, 12, 22, 10, 10, 8, 8, 24],
  cells: [
    ["A1:I1", "项目支出绩效自评表"],
    ["A2:I2", "( 2021 年度)"],
    ["A3:B3", "项目名称"],
    ["C3:I3", "市民中心运行维护费"],
    ["A4:B4", "主管部门"],
    ["C4:E4", null],
    ["F4", "实施单位"],
    ["G4:I4", null],
    ["A5:A9", "项目资金 (万元)"],
    ["B5", null],
    ["C5", "年初预算数"],
    ["D5", "全年预算数"],
    ["E5", "全年执行数"],
    ["F5", "分值"],
    ["G5", "执行率"],
    ["H5:I5", "得分"],
    ["B6", "年度资金总额"],
    ["C6", "150万"],
    ["D6", "150万"],
    ["E6", "125.25万"],
    ["F6", 100],
    ["G6", "83.5%"],
    ["H6:I6", 98],
    ["B7", "其中:当年财政拨款"],
    ["C7", "150万"],
    ["D7", "150万"],
    ["E7", "125.25万"],
    ["F7", "—"],
    ["H7:I7", "—"],
    ["B8", "上年结转资金"],
    ["C8", 0],
    ["D8", 0],
    ["E8", 0],
    ["F8", "—"],
    ["H8:I8", "—"],
    ["B9", "其他资金"],
    ["C9", 0],
    ["D9", 0],
    ["E9", 0],
    ["F9", "—"],
    ["H9:I9", "—"],
    ["A10:A11", "年度总体目标"],
    ["B10:E10", "预期目标"],
    ["F10:I10", "实际完成情况"],
    ["B11:E11", "为更好的建设行政服务大厅窗口建设和全市行政服务工作的组织协调、业务指导及督办检查;市政务服务大厅及周边设施日常维修升级改造费用。"],
    ["F11:I11", "本年度财政拨款为150万元:执行数为125.25万元,完成预算的83.50%。"],
    ["A12:A27", "绩 效 指 标"],
    ["B12", "一级指标"],
    ["C12", "二级指标"],
    ["D12", "三级指标"],
    ["E12", "年度 指标值"],
    ["F12", "实际 完成值"],
    ["G12", "分值"],
    ["H12", "得分"],
    ["I12", "偏差原因分析及改进措施"],
    ...rows,
  ],
};
