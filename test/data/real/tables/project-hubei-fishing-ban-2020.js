/**
 * 农业工作科 (项目实施单位 农业科) 渔业成品油价格改革补贴, 2020年度长江禁捕项目自评表, 主管部门 区市场监督管理局.
 * Source: https://1wenmi.com/doc/330418.html (search corpus `pages`, 《2020年度长江禁捕项目自评表 单位名称 农业工作科
 * 填报日期.docx》; query 长江禁捕 项目支出绩效自评表 预算执行情况(20分) 预算数 执行数 执行率 得分). The page names
 * no place; the form is the 湖北 财政项目绩效自评表 of 襄阳 (项目类别 部门预算/市直专项/市对下转移支付, 预算执行情况
 * (万元)(20分), 得分(20分*执行率)), hence 湖北.
 * - funds: 年度财政资金总额 1.56 | 1.56 | 1 | 20 — the 执行率 written as a bare 1 (100%); the 20 points of the rate
 *   stand only in the block's label.
 * FUNDS-ONLY FRAGMENT: the stored OCR text of the indicator block is broken beyond reading ("度效标O0B年绩目1分EB",
 * "补贴渔船数6620", "满意度90%290%40"): only the header lines and the funds block are transcribed.
 */
module.exports = {
  name: "project-hubei-fishing-ban-2020",
  sheet: "Sheet1",
  widths: [16, 14, 14, 14, 16],
  cells: [
    ["A1:E1", "2020年度长江禁捕项目自评表"],
    ["A2:C2", "单位名称:农业工作科"],
    ["D2:E2", "填报日期:"],
    ["A3", "项目名称"],
    ["B3:E3", "渔业成品油价格改革补贴"],
    ["A4", "主管部门"],
    ["B4", "区市场监督管理局"],
    ["C4", "项目实施单位"],
    ["D4:E4", "农业科"],
    ["A5", "项目类别"],
    ["B5:E5", "1、部门预算项目0 2、市直专项口 3、市对下转移支付项目0"],
    ["A6", "项目属性"],
    ["B6:E6", "1、持续性项目 2、新增性项目0"],
    ["A7", "项目类型"],
    ["B7:E7", "1、常年性项目 2、延续性项目口 3、一次性项目0"],
    ["A8", "预算执行情况(万元)(20分)"],
    ["B8", "预算数(A)"],
    ["C8", "执行数(B)"],
    ["D8", "执行率(B/A)"],
    ["E8", "得分(20分*执行率)"],
    ["A9", "年度财政资金总额"],
    ["B9", 1.56],
    ["C9", 1.56],
    ["D9", 1],
    ["E9", 20],
  ],
};
