/** Shared by the CLI commands (and src/cli/report.ts): read an .xlsx file and analyse every sheet. */
import { readXlsxFile } from "../adapters/xlsx/node";
import type { XlsxBook } from "../adapters/xlsx";
import { analyzeWorkbook, PROFILES, type ProfileId, type WorkbookAnalysis } from "../core";
import { usageError } from "./args";

export function checkProfile(id: string | null): ProfileId {
  if (id === null) return "default";
  if (Object.prototype.hasOwnProperty.call(PROFILES, id)) return id as ProfileId;
  const ids = Object.keys(PROFILES).join(", ");
  throw usageError(`未知的评分规则 --profile ${id}（可选：${ids}）`, `Unknown profile --profile ${id} (choose one of: ${ids})`);
}

export interface AnalysedFile {
  book: XlsxBook;
  analysis: WorkbookAnalysis;
}

/** Reads and analyses a workbook. Throws UserError for a missing path or a file that is not a readable .xlsx. */
export async function analyseFile(file: string, profile: ProfileId = "default"): Promise<AnalysedFile> {
  const book = await readXlsxFile(file);
  const analysis = analyzeWorkbook(book.snapshots(), { profile });
  return { book, analysis };
}
