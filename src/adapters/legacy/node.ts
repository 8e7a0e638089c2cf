/**
 * Node-only: reading a workbook file of any format (index.ts) for the CLI, the batch's worker threads, tests and the
 * bench. SheetJS is required the first time a legacy file needs it (~0.3 s of loading a plain .xlsx check never pays).
 */
import type { XlsxBook } from "../xlsx/book";
import { readInputFile, readInputFileSync } from "../xlsx/node";
import type { SheetJS } from "./sheetjs";
import { loadWorkbookSync } from "./index";

let sheetjs: SheetJS | null = null;

export function sheetJS(): SheetJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use only, synchronously for the batch's lanes
  return (sheetjs ??= require("@e965/xlsx") as SheetJS);
}

/** Reads and loads a workbook file of any readable format (UserError for every kind of bad input). */
export async function readWorkbookFile(file: string): Promise<XlsxBook> {
  return loadWorkbookSync(await readInputFile(file), file, sheetJS);
}

/** readWorkbookFile, synchronously (the batch's lanes). */
export function readWorkbookFileSync(file: string): XlsxBook {
  return loadWorkbookSync(readInputFileSync(file), file, sheetJS);
}
