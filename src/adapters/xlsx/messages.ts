/** The person-facing errors of the xlsx adapter, by cause (their text lives in src/core/messages). */
import type { UserError } from "../../core/errors";
import { userError } from "../../core/messages";
import type { SniffResult } from "./sniff";

/** The error for a sniffed file that is not a readable .xlsx, or null when it looks like one. */
export function sniffError(s: SniffResult): UserError | null {
  switch (s.kind) {
    case "xlsx":
      return null;
    case "empty":
      return userError("empty");
    case "truncated":
      return userError("truncated");
    case "encrypted":
      return userError("encrypted");
    case "xls":
      return userError("xls");
    case "cfb-other":
      return userError(`not-xlsx-${s.what}`);
    case "zip-other":
      return userError(`not-xlsx-${s.what}`);
    case "other":
      return userError(`not-xlsx-${s.what}`);
  }
}

/** The reader could not read a file that looked like an .xlsx. */
export function corruptError(detail: string): UserError {
  return userError("corrupt", { detail: detail.replace(/\s+/g, " ").trim().slice(0, 120) });
}
