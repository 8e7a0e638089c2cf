/**
 * A workbook read from a legacy format (.xls, .et, .ods, an HTML table, a CSV): checked from its snapshots as read;
 * the first change (a fill, marks, saving) turns it into an .xlsx (sheetjs.ts writeXlsx) that the .xlsx book then
 * edits surgically, as it edits any .xlsx. The original file is never written: what is saved is always an .xlsx.
 */
import type { SheetSnapshot, SparseSheetSnapshot } from "../../core/snapshot";
import type { CellChange, FillPlan } from "../../core/plan";
import type { BookMarks, XlsxBook } from "../xlsx/book";
import { loadXlsxSync } from "../xlsx/index";
import { writeXlsx, type SheetJS } from "./sheetjs";
import { forEngine } from "./prefilter";

/** The formats read here, by what the bytes are (not by the file's name). */
export type LegacyFormat = "xls" | "ods" | "html" | "csv";

export class LegacyBook implements XlsxBook {
  private converted: XlsxBook | null = null;
  /** What the engine reads (prefilter.ts); the .xlsx is written from the full sheets. */
  private readonly forEngine: SparseSheetSnapshot[];

  constructor(
    readonly format: LegacyFormat,
    private readonly sheets: SparseSheetSnapshot[],
    /** SheetJS, asked for only when the .xlsx is written (the CLI requires it then; the page has loaded it). */
    private readonly sheetjs: () => SheetJS,
  ) {
    this.forEngine = sheets.map(forEngine);
  }

  /** The .xlsx made from what was read (made once, on the first change). */
  private xlsx(): XlsxBook {
    return (this.converted ??= loadXlsxSync(writeXlsx(this.sheetjs(), this.sheets)));
  }

  sheetNames(): string[] {
    return this.converted ? this.converted.sheetNames() : this.sheets.map((s) => s.name);
  }

  snapshots(): SheetSnapshot[] {
    return this.converted ? this.converted.snapshots() : this.forEngine;
  }

  apply(plan: FillPlan): void {
    this.xlsx().apply(plan);
  }

  restore(changes: CellChange[]): void {
    this.xlsx().restore(changes);
  }

  toBuffer(): Promise<Uint8Array> {
    return this.xlsx().toBuffer();
  }

  bytes(): Uint8Array {
    return this.xlsx().bytes();
  }

  get marks(): BookMarks {
    return this.xlsx().marks;
  }
}

/** True for a book read from a legacy format: what is saved from it is a new .xlsx. */
export function isLegacyBook(book: unknown): book is LegacyBook {
  return book instanceof LegacyBook;
}
