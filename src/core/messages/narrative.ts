/**
 * The 自评报告's wording (keys `report.*` in the catalogue): the sections' headings, what a person is asked to supply
 * (【请补充：…】) and the sentences the report says as they are. The report is written in Chinese whatever the
 * interface's language, so each entry's English is its Chinese; src/core/narrative says them through t().
 */
import type { Message } from "./template";

export const REPORT = {
  // ── the sections' headings, by kind of table ──
  "heading.department.spending": { zh: "二、部门整体支出情况", en: "二、部门整体支出情况" },
  "heading.department.overview": { zh: "一、部门概况", en: "一、部门概况" },
  "heading.department.goals": { zh: "三、绩效目标完成情况", en: "三、绩效目标完成情况" },
  "heading.department.problems": { zh: "四、存在的主要问题", en: "四、存在的主要问题" },
  "heading.department.measures": { zh: "五、改进措施", en: "五、改进措施" },
  "heading.department.grade": { zh: "六、绩效评价等级", en: "六、绩效评价等级" },
  "heading.project.basic": { zh: "一、项目基本情况", en: "一、项目基本情况" },
  "heading.project.goals": { zh: "二、绩效目标完成情况", en: "二、绩效目标完成情况" },
  "heading.project.conclusion": { zh: "三、综合评价结论", en: "三、综合评价结论" },
  "heading.project.deviation": { zh: "四、偏离绩效目标的原因和改进措施", en: "四、偏离绩效目标的原因和改进措施" },
  "heading.project.application": { zh: "五、绩效自评结果应用和公开情况", en: "五、绩效自评结果应用和公开情况" },
  "heading.scorecard.overview": { zh: "一、评价指标体系", en: "一、评价指标体系" },
  "heading.scorecard.scores": { zh: "二、各项指标得分情况", en: "二、各项指标得分情况" },
  "heading.scorecard.deductions": { zh: "三、扣分情况及原因", en: "三、扣分情况及原因" },
  "heading.scorecard.conclusion": { zh: "四、评价结论", en: "四、评价结论" },
  "heading.summary.overview": { zh: "一、总体情况", en: "一、总体情况" },
  "heading.summary.projects": { zh: "二、各项目自评情况", en: "二、各项目自评情况" },
  "heading.summary.grade": { zh: "三、评价等级分布", en: "三、评价等级分布" },
  // ── what a person is asked to supply: 【请补充：…】 ──
  ask: { zh: "【请补充：{what}】", en: "【请补充：{what}】" },
  "ask.departmentName": { zh: "部门（单位）名称", en: "部门（单位）名称" },
  "ask.departmentDuties": { zh: "部门职能职责、机构设置及人员编制情况", en: "部门职能职责、机构设置及人员编制情况" },
  "ask.departmentGoal": { zh: "年初设定的年度总体目标", en: "年初设定的年度总体目标" },
  "ask.departmentGoalDone": { zh: "年度总体目标的全年完成情况", en: "年度总体目标的全年完成情况" },
  "ask.departmentTargetsDone": { zh: "各项分解目标的完成情况", en: "各项分解目标的完成情况" },
  "ask.otherProblems": { zh: "存在的其他主要问题", en: "存在的其他主要问题" },
  "ask.departmentMeasures": { zh: "针对上述问题的改进措施及下一步工作打算", en: "针对上述问题的改进措施及下一步工作打算" },
  "ask.grade": { zh: "评价等级", en: "评价等级" },
  "ask.totalAndGrade": { zh: "绩效自评总分及评价等级", en: "绩效自评总分及评价等级" },
  "ask.projectName": { zh: "项目名称", en: "项目名称" },
  "ask.department": { zh: "主管部门", en: "主管部门" },
  "ask.implementer": { zh: "实施单位", en: "实施单位" },
  "ask.projectBasis": { zh: "项目立项依据、主要内容及实施情况", en: "项目立项依据、主要内容及实施情况" },
  "ask.projectGoal": { zh: "项目年度总体目标", en: "项目年度总体目标" },
  "ask.budget": { zh: "全年预算数", en: "全年预算数" },
  "ask.executed": { zh: "全年执行数", en: "全年执行数" },
  "ask.rateEmpty": { zh: "执行率（表中为空）", en: "执行率（表中为空）" },
  "ask.projectFunds": { zh: "项目年度资金总额、全年预算数、全年执行数及执行率", en: "项目年度资金总额、全年预算数、全年执行数及执行率" },
  "ask.projectGoalDone": { zh: "年度总体目标完成情况", en: "年度总体目标完成情况" },
  "ask.indicatorsDone": { zh: "各项绩效指标的完成情况", en: "各项绩效指标的完成情况" },
  "ask.budgetShortfall": { zh: "预算未全部执行的原因及改进措施", en: "预算未全部执行的原因及改进措施" },
  "ask.nextSteps": { zh: "下一步改进措施", en: "下一步改进措施" },
  "ask.resultUse": {
    zh: "绩效自评结果应用情况（如用于预算安排、政策调整、改进管理）",
    en: "绩效自评结果应用情况（如用于预算安排、政策调整、改进管理）",
  },
  "ask.publicity": { zh: "自评结果公开情况（公开时间、方式）", en: "自评结果公开情况（公开时间、方式）" },
  "ask.scorecardScores": { zh: "各项指标的分值及得分", en: "各项指标的分值及得分" },
  "ask.deductions": { zh: "扣分情况及原因", en: "扣分情况及原因" },
  "ask.deductionMeasures": { zh: "针对扣分事项的改进措施", en: "针对扣分事项的改进措施" },
  "ask.evaluationTotalAndGrade": { zh: "绩效评价总分及评价等级", en: "绩效评价总分及评价等级" },
  "ask.projectsDone": { zh: "各项目的自评情况", en: "各项目的自评情况" },
  "ask.projectGrades": { zh: "各项目评价等级", en: "各项目评价等级" },
  "ask.summaryResultUse": { zh: "自评结果应用及公开情况", en: "自评结果应用及公开情况" },
  "ask.notFull": { zh: "“{name}”未达到满分的原因", en: "“{name}”未达到满分的原因" },
  "ask.notFullWithMeasures": { zh: "“{name}”未达到满分的原因及改进措施", en: "“{name}”未达到满分的原因及改进措施" },
  "ask.situation": { zh: "{heading}情况", en: "{heading}情况" },
  "ask.templateRows": { zh: "表中留空的模板指标（第{rows}行）的内容及评分", en: "表中留空的模板指标（第{rows}行）的内容及评分" },
  "ask.scoreOf": { zh: "“{name}”的得分", en: "“{name}”的得分" },
  "ask.deductionOf": { zh: "“{name}”的扣分原因", en: "“{name}”的扣分原因" },
  "ask.budgetShortfallOf": { zh: "“{name}”预算未全部执行的原因", en: "“{name}”预算未全部执行的原因" },
  // ── the words sentences are built of ──
  "word.theProject": { zh: "该项目", en: "该项目" },
  "word.year": { zh: "{year}年度", en: "{year}年度" },
  "word.indicators": { zh: "绩效指标", en: "绩效指标" },
  // ── sentences that quote cells: each {name} is a value or a cell the report cites ──
  "s.totalIs": { zh: "经自评，{subject}{year}绩效自评总分为{total}", en: "经自评，{subject}{year}绩效自评总分为{total}" },
  "s.gradeIs": { zh: "，评价等级为“{grade}”", en: "，评价等级为“{grade}”" },
  "s.among": { zh: "其中，{pieces}。", en: "其中，{pieces}。" },
  "s.budgetScorePiece": { zh: "预算执行率得分{score}{weight}", en: "预算执行率得分{score}{weight}" },
  "s.weightAside": { zh: "（分值{weight}）", en: "（分值{weight}）" },
  "s.groupScorePiece": { zh: "{group}得分{score}（分值{weight}）", en: "{group}得分{score}（分值{weight}）" },
  "s.deductions": { zh: "扣分情况：{list}。", en: "扣分情况：{list}。" },
  "s.budgetLost": { zh: "预算执行率扣{score}", en: "预算执行率扣{score}" },
  "s.rateIs": { zh: "预算执行率为{rate}，", en: "预算执行率为{rate}，" },
  "s.budgetScoreBelow": { zh: "执行率得分{score}，低于分值{weight}。", en: "执行率得分{score}，低于分值{weight}。" },
  "s.indicatorScore": { zh: "“{name}”指标得分{score}", en: "“{name}”指标得分{score}" },
  "s.belowWeight": { zh: "，低于分值{weight}", en: "，低于分值{weight}" },
  "s.deviationReason": { zh: "。偏差原因及改进措施：{reason}", en: "。偏差原因及改进措施：{reason}" },
  "s.indicatorNote": { zh: "“{name}”指标：{reason}", en: "“{name}”指标：{reason}" },
  "label.score": { zh: "“{name}”得分", en: "“{name}”得分" },
  "label.weight": { zh: "“{name}”分值", en: "“{name}”分值" },
  // ── sentences said as they are ──
  "line.departmentTable": {
    zh: "各项分解目标的年度指标值、全年完成值及得分见下表。",
    en: "各项分解目标的年度指标值、全年完成值及得分见下表。",
  },
  "line.departmentAllDone": { zh: "对照自评表，各项分解目标均已完成。", en: "对照自评表，各项分解目标均已完成。" },
  "line.noBudget": { zh: "全年预算数为0，无法计算执行率。", en: "全年预算数为0，无法计算执行率。" },
  "line.projectFundsHeading": { zh: "（二）项目资金情况。", en: "（二）项目资金情况。" },
  "line.projectTable": { zh: "各项指标的年度指标值、实际完成值及得分见下表。", en: "各项指标的年度指标值、实际完成值及得分见下表。" },
  "line.allFull": { zh: "各项指标均获满分。", en: "各项指标均获满分。" },
  "line.noDeviation": { zh: "各项绩效指标均已完成，未出现偏离绩效目标的情况。", en: "各项绩效指标均已完成，未出现偏离绩效目标的情况。" },
  "line.scorecardTable": { zh: "各级指标的分值及得分见下表。", en: "各级指标的分值及得分见下表。" },
  "line.noDeductions": { zh: "各项指标均获满分，无扣分。", en: "各项指标均获满分，无扣分。" },
} as const satisfies Record<string, Message>;

/** The names of what a report asks a person to supply (`report.ask.<name>`). */
export type AskName = keyof typeof REPORT extends infer K ? (K extends `ask.${infer N}` ? N : never) : never;

/** A sentence of the report (`report.s.<name>`) whose `{name}`s are values or cells the sentence quotes. */
export type SentenceName = keyof typeof REPORT extends infer K ? (K extends `s.${infer N}` ? N : never) : never;

/** The Chinese template of a sentence, for a writer that fills its `{name}`s with quoted cells. */
export function reportTemplate(name: SentenceName): string {
  return REPORT[`s.${name}`].zh;
}
