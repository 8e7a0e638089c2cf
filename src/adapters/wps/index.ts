/** The WPS adapter: WPS 表格 (ET) and WPS 文字 through the synchronous object model on window.Application. */
export { WpsSpreadsheetHost, DEFAULT_WPS_LIMITS } from "./WpsSpreadsheetHost";
export type { WpsHostOptions, WpsReadLimits, WpsStats } from "./WpsSpreadsheetHost";
export { WpsDocumentHost, bookmarkName, BOOKMARK_PREFIX, LINK_CHUNK } from "./WpsDocumentHost";
export { detectWps, wpsApplication } from "./detect";
export type { WpsEnvironment, WpsKind } from "./detect";
export { UNDO_SHEET } from "./undoSheet";
