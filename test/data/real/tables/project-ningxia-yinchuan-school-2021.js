/**
 * 银川市第六中学 初中公用经费, 银川市本级部门项目支出绩效自评表（2021年）, 宁夏回族自治区银川市 (主管部门 银川市教育局).
 * Source: https://m.yzwku.com/doc/476505.html (search corpus `pages`, 《银川市本级部门项目支出绩效自评表.docx》; query
 * 银川市 项目支出绩效自评表 义务教育 初中公用经费 2021年度 年初预算数 全年预算数 全年执行数). A project table whose
 * indicator block is a scorecard:
 * - 自评得分 98 stands in the header, beside 财政审核评分 (left empty);
 * - funds: 年度资金总额 with 年初预算数 | 调整预算数(A) | 全年执行数(B) | 执行率(B/A) — 64.8 | 64.8 | 64.8 | 100% —
 *   and no 分值 or 得分 there;
 * - indicators under 一级 项目决策(10分) / 项目管理(25分) / 项目产出(30分) / 项目效益(35分), 二级 with their own
 *   weights in the labels (数量指标(10分) …), columns 参考分值 | 指标值(A) | 全年实际值(B) | 得分 | 未完成原因分析及改进措施;
 * - 预算执行率 is a 项目管理 / 投入管理 row: 10 | — | 100% | 9 (the rule gives 10);
 * - template rows "指标1:" / "指标2:" left in; "—" (and once "-") as the 指标值 of the 决策/管理 rows.
 * The stored text is an OCR of the document: its letters are kept as read ("项Fl资金(万兀)" is written 项目资金(万元),
 * "顼目产出" 项目产出, "考值参分" 参考分值, "指标L" 指标1 — header words only), and two numbers the OCR broke are
 * read as the page shows them: the 保障人数 得分 "IO" as 10, the 绿化、水电费等成本 指标值 "M.8万元" as 14.8万元 (its
 * 全年实际值). The 年度总体目标完成情况 text is unreadable ("公,4") and left empty.
 * The stored text ends inside the 服务对象满意度指标(10分) row ("学生和老…"): that row (under 项目效益) and anything
 * below are not transcribed.
 */
const rows = [];
const ind = (r, name, weight, target, actual, score) => {
  rows.push([`C${r}`, name]);
  for (const [col, v] of [["D", weight], ["E", target], ["F", actual], ["G", score]]) if (v !== null && v !== undefined) rows.push([`${col}${r}`, v]);
};
rows.push(["A9:A12", "项目决策(10分)"]);
rows.push(["B9", "项目目标"]);
ind(9, "完整性", 4, "—", "目标明确、内容细化、目标量化", 4);
rows.push(["B10:B12", "项目立项"]);
ind(10, "相关性", 2, "—", "按照学校管理标准对学校进行管理", 2);
ind(11, "可行性", 2, "—", "实际工作需求", 2);
ind(12, "适当性", 2, "—", "有资金测算标准", 2);
rows.push(["A13:A16", "项目管理(25分)"]);
rows.push(["B13", "投入管理"]);
ind(13, "预算执行率", 10, "—", "100%", 9);
rows.push(["B14", "财务管理"]);
ind(14, "财务管理制度有效性", 7, "—", "财务制度健全,严格执行制度,会计核算规范", 7);
rows.push(["B15:B16", "项目实施"]);
ind(15, "绩效监控有效性", 2, "—", "持续有效", 2);
ind(16, "管理制度有效性", 6, "-", "严格执行相关管理制度", 6);
rows.push(["A17:A25", "项目产出(30分)"]);
rows.push(["B17:B18", "数量指标(10分)"]);
ind(17, "保障人数", 10, "2370人", "2370人", 10);
ind(18, "指标2:");
rows.push(["B19:B20", "质量指标(5分)"]);
ind(19, "公用经费标准", 5, "符合相关文件要求", "符合相关文件要求", 5);
ind(20, "指标2:");
rows.push(["B21:B22", "时效指标(5分)"]);
ind(21, "公用经费完成时间", 5, "2021年12月完成", "2021年12月完成", 4);
ind(22, "指标2:");
rows.push(["B23:B25", "成本指标(10分)"]);
ind(23, "办公所需成本", 4, "15万元", "15万元", 4);
ind(24, "维修(维护)所需成本", 3, "35万元", "35万元", 3);
ind(25, "绿化、水电费等成本", 3, "14.8万元", "14.8万元", 3);
rows.push(["A26:A32", "项目效益(35分)"]);
rows.push(["B26:B27", "经济效益指标"]);
ind(26, "指标1:");
ind(27, "指标2:");
rows.push(["B28", "社会效益指标"]);
ind(28, "效果显著", 15, "改善学校的办学条件", "改善学校的办学条件", 13);
rows.push(["B29:B30", "生态效益指标"]);
ind(29, "指标1:");
ind(30, "指标2:");
rows.push(["B31:B32", "可持续影响指标"]);
ind(31, "使学生和老师行个更好的学习和工作环境,做到", 10, "社会认可的办学环境.", "社会认可的办学环境.", 8);
ind(32, "指标2:");

module.exports = {
  name: "project-ningxia-yinchuan-school-2021",
  sheet: "Sheet1",
  widths: [16, 16, 30, 8, 20, 22, 8, 20],
  cells: [
    ["A1:H1", "银川市本级部门项目支出绩效自评表(2021年)"],
    ["A2", "项目名称"],
    ["B2:H2", "初中公用经费"],
    ["A3", "主管部门"],
    ["B3:C3", "银川市教育局"],
    ["D3:E3", "实施单位"],
    ["F3:H3", "银川市第六中学"],
    ["A4", "自评得分"],
    ["B4:C4", 98],
    ["D4:E4", "财政审核评分"],
    ["F4:H4", null],
    ["A5:A6", "项目资金(万元)"],
    ["C5", "年初预算数"],
    ["D5", "调整预算数(A)"],
    ["E5", "全年执行数(B)"],
    ["F5", "执行率(B/A)"],
    ["B6", "年度资金总额"],
    ["C6", 64.8],
    ["D6", 64.8],
    ["E6", 64.8],
    ["F6", "100%"],
    ["A7", "年度总体目标"],
    ["B7", "年初设定目标"],
    ["C7:D7", "保障学校正常工作运行"],
    ["E7", "年度总体目标完成情况"],
    ["F7:H7", null],
    ["A8", "一级指标"],
    ["B8", "二级指标"],
    ["C8", "三级指标"],
    ["D8", "参考分值"],
    ["E8", "指标值(A)"],
    ["F8", "全年实际值(B)"],
    ["G8", "得分"],
    ["H8", "未完成原因分析及改进措施"],
    ...rows,
  ],
};
