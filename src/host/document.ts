/**
 * What the Word side of the pane needs from the document the report lives in: write the report once, read the link
 * it keeps, refresh the sections whose numbers changed. WordReport (Office.js, content controls) and
 * WpsDocumentHost (WPS 文字, bookmarks) implement it.
 */
import type { ReportBlock } from "../core/compare";
import type { Narrative, ReportLink } from "../core/narrative";
import type { RefreshResult } from "../core/narrative";

/** Where a report's workbook came from, as the report's link records it. */
export interface ReportSource {
  fileName: string;
  generatedAt: string;
}

/**
 * Reports as a new .docx file (the CLI's -o file, the spreadsheet pane's 生成报告 download): the docx adapter
 * implements it.
 */
export interface ReportFileWriter {
  build(narratives: Narrative[], source: ReportSource): Promise<Uint8Array>;
}

export interface ReportDocumentHost {
  /** Appends the report and stores the link. Throws UserError "report-exists" when the document already holds one. */
  write(n: Narrative, info: { fileName: string; generatedAt: string }): Promise<ReportLink>;
  /** The stored link, or null when the document has none. */
  readLink(): Promise<ReportLink | null>;
  /** Rewrites the sections the new data changes, keeps the person's edits unless `force`. */
  refresh(n: Narrative, opts?: { now?: string; force?: boolean; fileName?: string }): Promise<RefreshResult>;
}

/**
 * 对照报告 in the open document (Word, WPS 文字): its text as blocks (paragraphs, headings, table cells) and a way to
 * show a figure of it — the comparison itself is the app's (src/app/compare.ts).
 */
export interface ReportTextHost {
  /** The document's paragraphs and the cells of its tables, numbered as selectFigure takes them. */
  readBlocks(): Promise<ReportBlock[]>;
  /** Selects `text` (a figure as written) in block `block` of the last readBlocks; false when it is no longer there. */
  selectFigure(block: number, text: string): Promise<boolean>;
}
