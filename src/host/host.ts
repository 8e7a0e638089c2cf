/**
 * What the task pane needs from wherever the workbook lives. The pane talks to this interface only:
 * ExcelHost (Office.js), WpsSpreadsheetHost (WPS 表格) and FileHost (an .xlsx in the page or the CLI) implement it.
 */
import type { SheetSnapshot } from "../core/snapshot";
import type { FillPlan } from "../core/plan";
import type { CellMark, MarkPlan } from "../core/marks";
import type { WorkbookAnalysis } from "../core/analysis";
import type { ProfileId } from "../core/profiles";

export type ReadScope = "active" | "all";

export interface Progress {
  (done: number, total: number, label?: string): void;
}

export interface SpreadsheetHost {
  readonly kind: "excel" | "wps" | "file";
  /** A name to show: the file name, or the workbook's. */
  readonly displayName: string;
  /** The workbook's file name when the host knows it (report file names, the report's link); null when not. */
  readonly fileName: string | null;
  /** Reads the active sheet, or every sheet, into snapshots. Throws UserError on a problem. */
  readSheets(scope: ReadScope, onProgress?: Progress): Promise<SheetSnapshot[]>;
  /** Stores what the cells held (for undo), then writes the plan — all or nothing. Throws UserError. */
  applyPlan(plan: FillPlan): Promise<void>;
  /** Whether an applied fill can be taken back (survives closing the pane in Excel). */
  canUndo(): Promise<boolean>;
  /** Restores exactly what the last applied plan replaced. Throws UserError. */
  undo(): Promise<void>;
  /** Selects a cell so the person sees it. */
  selectCell(sheet: string, address: string): Promise<void>;
  /** The workbook as .xlsx bytes (file host), for 下载. */
  save?(): Promise<Uint8Array>;
}

/**
 * The same workbook reached synchronously (WPS 表格: its object model is synchronous, and its ribbon callbacks must
 * return at once). The WPS ribbon commits a command's proposal through these; the pane uses the async port.
 */
export interface SyncSpreadsheetHost {
  readSheetsSync(scope: ReadScope, onProgress?: Progress): SheetSnapshot[];
  applyPlanSync(plan: FillPlan): void;
  applyMarksSync(plan: MarkPlan): void;
  selectCellSync(sheet: string, address: string): void;
  canUndoSync(): boolean;
  undoSync(): void;
}

/**
 * 标注问题 / 清除标注 where the host can mark cells. Marks are notes and fill colours only — never a
 * value or a formula — and each is undoable through SpreadsheetHost.undo() like a fill (the host keeps one undo
 * history for fills, marks and clears).
 */
export interface MarkingHost {
  /**
   * Writes each mark: the note (a cell that already holds a person's note keeps it; ours is not written there) and
   * the fill colour, recording what each cell's fill was so 清除标注 and undo restore it exactly. Throws UserError
   * and writes nothing on a problem (a protected sheet, a missing sheet).
   */
  applyMarks(plan: MarkPlan): Promise<void>;
  /** The marks this add-in left in the workbook (what 清除标注 would remove: its preview). */
  readMarks(): Promise<CellMark[]>;
  /** Removes exactly this add-in's marks, putting each cell's fill back as it was. Returns how many cells. */
  clearMarks(): Promise<number>;
}

/**
 * A host that reads and runs the engine in one step somewhere else (the standalone page's workbook worker), so the
 * page's thread only renders. The analysis is the engine's over the sheets as read, exactly as a check would make it
 * from readSheets; the snapshots returned hold every sheet that has a table (another may come without its cells).
 */
export interface AnalysingHost {
  readAndAnalyse(
    scope: ReadScope,
    profile: ProfileId,
    onProgress?: Progress,
  ): Promise<{ snapshots: SheetSnapshot[]; analysis: WorkbookAnalysis }>;
}
