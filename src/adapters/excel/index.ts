/** The Excel (Office.js) adapter: ExcelHost implements SpreadsheetHost for the task pane and the ribbon commands. */
export { ExcelHost, constantInput } from "./ExcelHost";
export type { ExcelRun, IsSetSupported, ExcelHostOptions, OperationStats } from "./ExcelHost";
export { DEFAULT_READ_LIMITS, planReads, chunksOf, splitGroup } from "./readPlan";
export type { ReadLimits, UsedArea, Chunk, SyncGroup } from "./readPlan";
export { UNDO_NAMESPACE, undoRecordToXml, undoRecordFromXml } from "./undoRecord";
export type { UndoRecord, UndoCell } from "./undoRecord";
export { parseArea, stripSheet, sheetOf, normalizeCell } from "./address";
