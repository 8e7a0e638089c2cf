/**
 * The spreadsheet kernel: what the two object-model hosts (ExcelHost over Office.js, WpsSpreadsheetHost over ET)
 * share, with no object model in it — addresses, content areas, cell input, the plan's and the marks' checks, write
 * steps and the restore order, the undo record and the mark ledger. The hosts are drivers over it.
 */
export * from "./address";
export * from "./contentAreas";
export * from "./cellInput";
export * from "./plan";
export * from "./undoRecord";
export * from "./markRecord";
export * from "./marks";
