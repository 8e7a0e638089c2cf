/**
 * SpreadsheetHost over an .xlsx file: the standalone page's uploaded file and the CLI's input file. The workbook
 * lives in memory only; undo is a stack of the plans applied; save() returns the bytes (下载, or the CLI's -o file).
 * Nothing is uploaded.
 *
 * The rest of the xlsx adapter (fflate, saxes) is imported lazily so that it is not part of the pane's initial JavaScript.
 * Undo restores each cell from the book's own history (book.ts): apply then undo gives back the input byte for byte.
 */
import type { SheetSnapshot } from "../../core/snapshot";
import type { CellChange, FillPlan } from "../../core/plan";
import { isUserError } from "../../core/errors";
import { userError } from "../../core/messages";
import type { MarkingHost, Progress, ReadScope, SpreadsheetHost } from "../../host/host";
import type { CellMark, MarkPlan } from "../../core/marks";
import { extensionOf, isWorkbookFileName } from "../../core/workbookNames";

/** What FileHost needs from the xlsx adapter's XlsxBook. */
export interface XlsxBookLike {
  snapshots(): SheetSnapshot[];
  apply(plan: FillPlan): void;
  restore(changes: CellChange[]): void;
  toBuffer(): Promise<Uint8Array>;
  /** Notes and fills on cells (the xlsx adapter's books have them; a book without cannot mark). */
  readonly marks?: BookMarksLike;
  /** What the file was read from when not an .xlsx (src/adapters/legacy): what is saved is then a new .xlsx. */
  readonly format?: string;
}

/** What FileHost needs from a book's marks (book.ts BookMarks); the snapshot is opaque. */
export interface BookMarksLike {
  apply(plan: MarkPlan): void;
  read(): CellMark[];
  clear(): number;
  snapshot(): unknown;
  restore(snapshot: never): void;
}

/** One step of the undo history: a fill (what its cells held) or a mark/clear (the marks before it). */
type UndoStep = { kind: "fill"; changes: CellChange[] } | { kind: "marks"; before: unknown };

export type XlsxLoader = (data: ArrayBuffer | Uint8Array, name: string) => Promise<XlsxBookLike>;

/** 50 MB: far beyond any 自评表, small enough for a browser tab. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const loadPackage: XlsxLoader = async (data, name) => {
  const adapter = await import(/* webpackChunkName: "xlsx" */ "../legacy/index");
  // SheetJS only for .xls/.et/.ods, in a chunk of its own
  return adapter.loadWorkbook(data, name, () => import(/* webpackChunkName: "sheetjs" */ "@e965/xlsx"));
};

function byteLength(data: ArrayBuffer | Uint8Array): number {
  return data.byteLength;
}

export class FileHost implements SpreadsheetHost, MarkingHost {
  readonly kind = "file" as const;
  private readonly undoStack: UndoStep[] = [];
  private selected: { sheet: string; address: string } | null = null;

  private constructor(
    readonly displayName: string,
    private readonly book: XlsxBookLike,
  ) {}

  /**
   * Opens a workbook from its bytes. Throws UserError (zh/en) for anything that is not a readable .xlsx.
   * @param loader replaces the package reader (tests)
   */
  static async open(name: string, data: ArrayBuffer | Uint8Array, loader: XlsxLoader = loadPackage): Promise<FileHost> {
    if (!isWorkbookFileName(name)) {
      throw userError("file-not-xlsx", { file: name });
    }
    if (byteLength(data) === 0) {
      throw userError("empty-file", { file: name });
    }
    if (byteLength(data) > MAX_FILE_BYTES) {
      throw userError("file-too-large");
    }
    let book: XlsxBookLike;
    try {
      book = await loader(data, name);
    } catch (e) {
      if (isUserError(e)) throw e;
      throw userError("file-unreadable", { file: name });
    }
    return new FileHost(name, book);
  }

  get fileName(): string {
    return this.displayName;
  }

  /** A workbook already loaded (the CLI reads files with the xlsx adapter's own checks of the bytes). */
  static fromBook(name: string, book: XlsxBookLike): FileHost {
    return new FileHost(name, book);
  }

  /** A file has no active sheet: both scopes read every sheet. */
  async readSheets(_scope: ReadScope, onProgress?: Progress): Promise<SheetSnapshot[]> {
    const snaps = this.book.snapshots();
    onProgress?.(snaps.length, snaps.length);
    return snaps;
  }

  async applyPlan(plan: FillPlan): Promise<void> {
    if (plan.changes.length === 0) return;
    try {
      this.book.apply(plan);
    } catch (e) {
      // All or nothing: put back whatever part of the plan was written before the failure.
      try {
        this.book.restore([...plan.changes].reverse());
      } catch {
        /* restoring what was never written can fail too; the error below is what matters */
      }
      if (isUserError(e)) throw e;
      throw userError("write-failed");
    }
    this.undoStack.push({ kind: "fill", changes: plan.changes.map((c) => ({ ...c })) });
  }

  private bookMarks(): BookMarksLike {
    if (!this.book.marks) {
      throw userError("no-marking");
    }
    return this.book.marks;
  }

  /** 标注问题: notes and fills, all or nothing, undoable (one history with fills and clears). */
  async applyMarks(plan: MarkPlan): Promise<void> {
    if (plan.marks.length === 0) return;
    const marks = this.bookMarks();
    const before = marks.snapshot();
    try {
      marks.apply(plan);
    } catch (e) {
      marks.restore(before as never);
      if (isUserError(e)) throw e;
      throw userError("write-failed");
    }
    this.undoStack.push({ kind: "marks", before });
  }

  async readMarks(): Promise<CellMark[]> {
    return this.bookMarks().read();
  }

  /** 清除标注: removes exactly this add-in's marks (undoable). Returns how many cells were marked. */
  async clearMarks(): Promise<number> {
    const marks = this.bookMarks();
    const before = marks.snapshot();
    const n = marks.clear();
    if (n > 0) this.undoStack.push({ kind: "marks", before });
    return n;
  }

  async canUndo(): Promise<boolean> {
    return this.undoStack.length > 0;
  }

  async undo(): Promise<void> {
    const step = this.undoStack.pop();
    if (!step) {
      throw userError("nothing-to-undo");
    }
    try {
      // Last written, first restored: a cell written twice ends with what it held first.
      if (step.kind === "fill") this.book.restore([...step.changes].reverse());
      else this.bookMarks().restore(step.before as never);
    } catch (e) {
      this.undoStack.push(step);
      if (isUserError(e)) throw e;
      throw userError("undo-failed");
    }
  }

  /** The file is not on screen: remember the cell so the pane can mark it. */
  async selectCell(sheet: string, address: string): Promise<void> {
    this.selected = { sheet, address };
  }

  get selection(): { sheet: string; address: string } | null {
    return this.selected;
  }

  async save(): Promise<Uint8Array> {
    try {
      return await this.book.toBuffer();
    } catch (e) {
      if (isUserError(e)) throw e;
      throw userError("save-failed");
    }
  }

  /**
   * The original's extension (".xls") when the file was not an .xlsx: fill and mark then save a new .xlsx (its name
   * ends in .xlsx, the original is never written). Null for an .xlsx/.xlsm.
   */
  get savedAsXlsxFrom(): string | null {
    const f = this.book.format;
    if (f === undefined || f === "xlsx") return null;
    return extensionOf(this.displayName) || `.${f}`;
  }
}
