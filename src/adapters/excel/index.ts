/** The Excel (Office.js) adapter: ExcelHost implements SpreadsheetHost for the task pane and the ribbon commands. */
export { ExcelHost } from "./ExcelHost";
export type { ExcelRun, IsSetSupported, ExcelHostOptions, OperationStats } from "./ExcelHost";
export { DEFAULT_READ_LIMITS, planReads, chunksOf, splitGroup } from "./readPlan";
export type { ReadLimits, UsedArea, Chunk, SyncGroup } from "./readPlan";
