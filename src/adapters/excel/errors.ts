/** Office.js errors → UserError (Chinese first, English too, a stable code; never a stack trace). */
import { UserError, isUserError } from "../../core/errors";

/** The `code` of an OfficeExtension.Error (or of anything shaped like one). */
export function officeErrorCode(e: unknown): string | null {
  if (e && typeof e === "object" && "code" in e && typeof (e as { code: unknown }).code === "string") {
    return (e as { code: string }).code;
  }
  return null;
}

export const CELL_EDIT_CODE = "InvalidOperationInCellEditMode";
export const PAYLOAD_CODES = new Set(["ResponsePayloadSizeLimitExceeded", "RequestPayloadSizeLimitExceeded"]);

export function cellEditError(): UserError {
  return new UserError(
    "Excel 正在编辑单元格，无法读取或写入。请先按 Enter 或 Esc 结束编辑，再重试。",
    "Excel is editing a cell, so the workbook cannot be read or changed. Press Enter or Esc to finish editing, then try again.",
    "cell-edit",
  );
}

export function protectedError(sheets: string[]): UserError {
  const list = sheets.map((s) => `“${s}”`).join("、");
  const listEn = sheets.map((s) => `"${s}"`).join(", ");
  return new UserError(
    `工作表${list}受保护，未写入任何单元格。请先撤销工作表保护（审阅 → 撤销工作表保护），再重试。`,
    `The sheet ${listEn} is protected; nothing was written. Unprotect it (Review → Unprotect Sheet) and try again.`,
    "protected",
  );
}

export function missingSheetError(sheets: string[]): UserError {
  const list = sheets.map((s) => `“${s}”`).join("、");
  const listEn = sheets.map((s) => `"${s}"`).join(", ");
  return new UserError(
    `找不到工作表${list}（可能已被重命名或删除），未写入任何单元格。`,
    `The sheet ${listEn} was not found (renamed or deleted?); nothing was written.`,
    "sheet-missing",
  );
}

/** Maps any error from Excel to a UserError; `doing` says what was being done ("读取工作表" / "reading the sheets"). */
export function toUserError(e: unknown, doing: { zh: string; en: string }): UserError {
  if (isUserError(e)) return e as UserError;
  const code = officeErrorCode(e);
  if (code === CELL_EDIT_CODE) return cellEditError();
  if (code === "AccessDenied") {
    return new UserError(
      `${doing.zh}失败：工作表受保护或工作簿为只读，Excel 拒绝了更改。`,
      `${doing.en} failed: the sheet is protected or the workbook is read-only, so Excel refused the change.`,
      "access-denied",
    );
  }
  if (code === "ItemNotFound") {
    return new UserError(
      `${doing.zh}失败：找不到所需的工作表或单元格（可能已被重命名或删除）。`,
      `${doing.en} failed: a sheet or cell it needs was not found (renamed or deleted?).`,
      "not-found",
    );
  }
  if (code !== null && PAYLOAD_CODES.has(code)) {
    return new UserError(
      `${doing.zh}失败：数据量超过 Excel 单次传输的上限（5 MB）。请删除多余的行列或只读取当前工作表。`,
      `${doing.en} failed: the data is larger than Excel can pass in one request (5 MB). Remove unused rows/columns or read only the active sheet.`,
      "too-large",
    );
  }
  const message = e instanceof Error ? e.message : String(e);
  const detail = code ? `${code}: ${message}` : message;
  return new UserError(
    `${doing.zh}失败：Excel 报告错误（${detail}）。请重试；若仍失败，请保存并重新打开工作簿。`,
    `${doing.en} failed: Excel reported an error (${detail}). Try again; if it keeps failing, save and reopen the workbook.`,
    "excel-api",
  );
}
