/**
 * Every rule of SPEC §3, one module each, named as the SPEC names it:
 *
 * | SPEC rule              | module                                   |
 * | ---------------------- | ---------------------------------------- |
 * | 执行率                 | executionRate.ts                         |
 * | 执行率得分             | budgetScore.ts                           |
 * | 正向 / 反向 / 等于 / 定性 / units | indicatorScore.ts (+ indicatorChecks.ts) |
 * | 偏差原因               | deviationReason.ts                       |
 * | weights                | weights.ts                               |
 * | 总分                   | total.ts                                 |
 * | 等级                   | grade.ts                                 |
 * | funds                  | funds.ts                                 |
 * | numbers stored as text | numberAsText.ts                          |
 * | TABLE_PARTIAL, CELL_ERROR | tableParts.ts                         |
 * | 评分表 (scorecard, §2.5): 得分 ≤ 分值, group 分值 and 得分 subtotals, 总分, 扣分原因 | scorecard.ts |
 */
export { executionRate, checkExecutionRate } from "./executionRate";
export { budgetScore, checkBudgetScore } from "./budgetScore";
export { scoreIndicator, qualitativeBand, direction, BANDS } from "./indicatorScore";
export { checkIndicator } from "./indicatorChecks";
export { checkDeviationReason, OVERSHOOT_RATIO } from "./deviationReason";
export { checkGroupWeights, checkTotalWeight, checkWeightSplit, checkBlockWeight, blockActualWeight } from "./weights";
export { checkTotal } from "./total";
export { grade, checkGrade } from "./grade";
export { checkSubtotal, checkSplitTotals, FUNDS_TOLERANCE } from "./funds";
export { checkNumbersAsText, settleNumbersAsText } from "./numberAsText";
export { checkScorecard } from "./scorecard";
export { RuleContext } from "./context";
export { checkTableParts, checkCellErrors, anyError } from "./tableParts";
