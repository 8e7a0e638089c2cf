/**
 * 大英县 (the page of 大英县司法局's 2023 tables), 部门预算项目支出绩效自评表（2023年度）, 四川省遂宁市大英县 — the end of
 * the table that stands before project-sichuan-daying-anke-2023 on the same page.
 * Source: https://dyxrmt.cn/article-157795-21.html (search corpus `pages`; query 部门预算项目支出绩效自评表
 * 预算执行情况(10分) 总额 其中:财政资金 年初预算 调整后预算数 预算执行数 预算执行率 权重 得分). The 四川
 * 预算管理一体化 layout (as 青神):
 * - the excerpt starts at the 绩效指标(90分) header: the table's title, 项目名称, 主管部门 and its 预算执行情况(10分)
 *   block are not in the stored text and are not invented here;
 * - one indicator: 产出指标 | 经济成本指标 | 成本控制数 | ≤ | 30 | 万元 | 完成 | 90 | 90 — the 完成值 is the word 完成;
 * - 合计 | 100 under 权重 (the 10 of the cut 预算执行情况 included), its 得分 left empty;
 * - 评价结论, 存在问题 (无), 改进措施 (无), 项目负责人:查小兵, 财务负责人:唐勇 as published.
 * INDICATORS-ONLY FRAGMENT (the page starts inside the table).
 */
module.exports = {
  name: "project-sichuan-daying-cost-2023",
  sheet: "项目支出绩效自评表",
  widths: [12, 14, 14, 22, 8, 8, 8, 10, 8, 8, 20],
  cells: [
    ["A1:A2", "绩效指标(90分)"],
    ["B1", "一级指标"],
    ["C1", "二级指标"],
    ["D1", "三级指标"],
    ["E1", "指标性质"],
    ["F1", "指标值"],
    ["G1", "度量单位"],
    ["H1", "完成值"],
    ["I1", "权重"],
    ["J1", "得分"],
    ["K1", "未完成原因分析"],
    ["B2", "产出指标"],
    ["C2", "经济成本指标"],
    ["D2", "成本控制数"],
    ["E2", "≤"],
    ["F2", 30],
    ["G2", "万元"],
    ["H2", "完成"],
    ["I2", 90],
    ["J2", 90],
    ["A3:H3", "合计"],
    ["I3", 100],
    ["A4", "评价结论"],
    ["B4:K4", "根据财政局资金下达的管理办法,将资金支付给项目施工方。"],
    ["A5", "存在问题"],
    ["B5:K5", "无"],
    ["A6", "改进措施"],
    ["B6:K6", "无"],
    ["A7:E7", "项目负责人:查小兵"],
    ["F7:K7", "财务负责人:唐勇"],
  ],
};
