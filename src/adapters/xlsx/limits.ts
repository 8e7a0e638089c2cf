/**
 * What reading one workbook may cost, checked before and while each part is inflated and parsed. Past a bound the
 * file is refused with one sentence in Chinese and English naming the bound (CLI exit 2, the page shows it),
 * never an out-of-memory abort. The bounds sit far above any real 自评表 workbook (the bench's 14 MB workbook
 * with a 200,000-row 明细 sheet uses a fraction of each).
 */
import type { UserError } from "../../core/errors";
import { aside, userError } from "../../core/messages";

export const LIMITS = {
  /** Bytes one part (a sheet's XML, the shared strings) may expand to. */
  partBytes: 256 * 1024 * 1024,
  /** Bytes all the parts read may expand to together. */
  totalBytes: 1024 * 1024 * 1024,
  /** Cells (holding something) the whole workbook may have. */
  cells: 5_000_000,
  /** Characters in one cell's text: Excel's own limit. */
  stringChars: 32_767,
  /** Entries in the zip. */
  parts: 20_000,
};

export type LimitName = "partBytes" | "totalBytes" | "cells" | "stringChars" | "parts" | "zip64" | "declared";

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export function limitError(which: LimitName, where?: string): UserError {
  const at = aside(where);
  switch (which) {
    case "partBytes":
      return userError("limit-part-bytes", { at, limit: MB(LIMITS.partBytes) });
    case "totalBytes":
      return userError("limit-total-bytes", { limit: MB(LIMITS.totalBytes) });
    case "cells":
      return userError("limit-cells", { at, limit: LIMITS.cells.toLocaleString("en") });
    case "stringChars":
      return userError("limit-string-chars", { at, limit: LIMITS.stringChars });
    case "parts":
      return userError("limit-parts", { limit: LIMITS.parts });
    case "declared":
      return userError("limit-declared", { at });
    case "zip64":
      return userError("limit-zip64");
  }
}
