/**
 * How the CLI reaches a workbook: the input file opened as a FileHost (the same SpreadsheetHost the standalone page
 * uses), so `check`, `fill`, `mark` and `report` drive the app's commands (src/app/commands) exactly as the pane does.
 */
import * as path from "path";
import { readWorkbookFile } from "../adapters/legacy/node";
import { FileHost } from "../adapters/xlsx/FileHost";
import { check } from "../app/commands/check";
import type { WorkbookAnalysis } from "../core/analysis";
import { isProfileId, PROFILES, type ProfileId } from "../core/profiles";
import { userError } from "../core/messages";

/** --profile as given (null: not given) → a profile id; an unknown id is a usage error naming the choices. */
export function checkProfile(id: string | null): ProfileId {
  if (id === null) return "default";
  if (isProfileId(id)) return id;
  const ids = Object.keys(PROFILES).join(", ");
  throw userError("usage-profile", { profile: id, ids });
}

/**
 * Opens a workbook file (.xlsx/.xlsm, or .xls/.et/.ods/HTML/CSV through src/adapters/legacy) as a FileHost. Throws
 * UserError for a missing path or a file that cannot be read (not a workbook, password-protected, truncated, past a
 * limit …).
 */
export async function openFile(file: string): Promise<FileHost> {
  return FileHost.fromBook(path.basename(file), await readWorkbookFile(file));
}

export interface AnalysedFile {
  host: FileHost;
  analysis: WorkbookAnalysis;
}

/** Opens a workbook and runs the app's check over every sheet. */
export async function analyseFile(file: string, profile: ProfileId = "default"): Promise<AnalysedFile> {
  const host = await openFile(file);
  const { analysis } = await check(host, { profile, scope: "all" });
  return { host, analysis };
}
