/** The reader's error for a file it could not read (its text lives in src/core/messages); sniff.ts says what a file that is not an .xlsx is. */
import type { UserError } from "../../core/errors";
import { userError } from "../../core/messages";

/** The reader could not read a file that looked like an .xlsx. */
export function corruptError(detail: string): UserError {
  return userError("corrupt", { detail: detail.replace(/\s+/g, " ").trim().slice(0, 120) });
}

/** A part whose inflated bytes do not have the CRC-32 the zip directory gives: damaged, refused rather than read. */
export function crcError(part: string): UserError {
  return userError("corrupt-crc", { part: part.replace(/^\//, "") });
}
