/**
 * 隆阳区土壤肥料工作站 隆阳区2021年中央化肥减量增效示范县项目补助资金, 2022年度项目支出绩效自评表, 云南省保山市
 * 隆阳区 (主管部门 隆阳区农业农村局). Source: https://longyang.gov.cn/info/5311/13352539.htm (search corpus `pages`;
 * query 水土保持监测项目绩效自评表 黄冈市水土保持与农田水利科研所 预算执行情况 总分, rank 8). The 保山 form:
 * - funds: 预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率); 年度财政资金总额
 *   278.4449 | 30.00 | 10.77% | 2.16 — the 20 points only in the block's label;
 * - the check-box lines use the Wingdings letters the page shows (£ for an empty box, R for a ticked one).
 * FUNDS-ONLY FRAGMENT: the indicator block that follows (年度绩效目标 (80分), no 分值 column; sub-items listed under
 * numbered heads "一、示范区建立 … 15.0" with "1、… 5.0" below) is cut in the stored text at its 生态 row: only
 * the header lines and the funds block are transcribed.
 */
module.exports = {
  name: "project-yunnan-longyang-fertiliser-2022",
  sheet: "Sheet1",
  widths: [18, 14, 14, 14, 16],
  cells: [
    ["A1:E1", "2022年度项目支出绩效自评表"],
    ["A2:C2", "单位名称:隆阳区土壤肥料工作站"],
    ["D2:E2", "填报日期:2023年3月20日"],
    ["A3", "项目名称"],
    ["B3:E3", "隆阳区2021年中央化肥减量增效示范县项目补助资金"],
    ["A4", "主管部门"],
    ["B4", "隆阳区农业农村局"],
    ["C4", "项目实施单位"],
    ["D4:E4", "隆阳区土壤肥料工作站"],
    ["A5", "项目类别"],
    ["B5:E5", "1、部门预算项目 £ 2、区直专项 £ 3、上级转移支付项目 R"],
    ["A6", "项目属性"],
    ["B6:E6", "1、持续性项目 £ 2、新增性项目 R"],
    ["A7", "预算执行情况(万元) (20分)"],
    ["B7", "预算数(A)"],
    ["C7", "执行数(B)"],
    ["D7", "执行率(B/A)"],
    ["E7", "得分 (20分*执行率)"],
    ["A8", "年度财政资金总额"],
    ["B8", 278.4449],
    ["C8", 30, "0.00"],
    ["D8", "10.77%"],
    ["E8", 2.16],
  ],
};
