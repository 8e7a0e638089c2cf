/**
 * 昌宁县供销合作社联合社 昌宁县昌龙鸿运牧业专业合作社生猪养殖场建设项目, 2022年度项目支出绩效自评表 (附件3),
 * 云南省保山市昌宁县 (项目实施单位 昌宁县昌龙鸿运牧业专业合作社). Source: https://yncn.gov.cn/info/5102/8340150.htm
 * (search corpus `pages`; query 2022年度项目支出绩效自评表 县 农业农村局 年度资金总额 执行率 总分). The 保山 form
 * (the 湖北 layout): 预算执行情况(万元)(20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分(20分*执行率):
 * - funds: 年度财政资金总额 50 | 10 | 20 | 4 — the 执行率 typed as the bare number 20 (meaning 20%, no % sign);
 *   the 20 points of the rate stand only in the block's label.
 * FUNDS-ONLY FRAGMENT: the indicator block that follows (年度绩效目标(80分), 一级 | 二级 | 三级 | 年初目标值(A) |
 * 实际完成值(B) | 得分, no 分值 column) is cut in the stored text after its 21st 产出 row (种母猪), before any 效益
 * row: only the header lines and the funds block are transcribed.
 */
module.exports = {
  name: "project-yunnan-changning-pig-farm-2022",
  sheet: "Sheet1",
  widths: [18, 14, 14, 14, 16],
  cells: [
    ["A1:E1", "2022年度项目支出绩效自评表"],
    ["A2:C2", "单位名称:昌宁县供销合作社联合社"],
    ["D2:E2", "填报日期:2023年4月15日"],
    ["A3", "项目名称"],
    ["B3:E3", "昌宁县昌龙鸿运牧业专业合作社生猪养殖场建设项目"],
    ["A4", "主管部门"],
    ["B4", "昌宁县供销合作社联合社"],
    ["C4", "项目实施单位"],
    ["D4:E4", "昌宁县昌龙鸿运牧业专业合作社"],
    ["A5", "项目类别"],
    ["B5:E5", "1、部门预算项目 □ 2、县直专项 ☑ 3、省市对下转移支付项目 □"],
    ["A6", "项目属性"],
    ["B6:E6", "1、持续性项目 ☑ 2、新增性项目 □"],
    ["A7", "预算执行情况(万元)(20分)"],
    ["B7", "预算数(A)"],
    ["C7", "执行数(B)"],
    ["D7", "执行率(B/A)"],
    ["E7", "得分(20分*执行率)"],
    ["A8", "年度财政资金总额"],
    ["B8", 50],
    ["C8", 10],
    ["D8", 20],
    ["E8", 4],
  ],
};
