/**
 * Office.js errors in the person's words: an OfficeExtension.Error carries a string `code`; each code this add-in can
 * say something useful about becomes a catalogue key with its parameters, anything else `excel-api` with the code and
 * Excel's own message. A UserError (raised on purpose) passes through.
 */
import { isUserError, type UserError } from "../../core/errors";
import { userError, type Pair } from "../../core/messages";

export const CELL_EDIT_CODE = "InvalidOperationInCellEditMode";
export const PAYLOAD_CODES: ReadonlySet<string> = new Set(["ResponsePayloadSizeLimitExceeded", "RequestPayloadSizeLimitExceeded"]);

/** The `code` of an OfficeExtension.Error (or of anything shaped like one). */
export function officeErrorCode(e: unknown): string | null {
  if (e && typeof e === "object" && "code" in e && typeof (e as { code: unknown }).code === "string") return (e as { code: string }).code;
  return null;
}

/** What failed while `doing` (读取工作表 / Reading the sheets …), as a UserError. */
export function officeError(e: unknown, doing: Pair): UserError {
  if (isUserError(e)) return e;
  const code = officeErrorCode(e);
  if (code === CELL_EDIT_CODE) return userError("cell-edit");
  if (code === "AccessDenied") return userError("access-denied", { doing });
  if (code === "ItemNotFound") return userError("not-found", { doing });
  if (code !== null && PAYLOAD_CODES.has(code)) return userError("too-large", { doing });
  const message = e instanceof Error ? e.message : String(e);
  return userError("excel-api", { doing, detail: code ? `${code}: ${message}` : message });
}
