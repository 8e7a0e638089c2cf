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
  /** Bytes all the parts read may expand to together (each part counted once, however often it is read). */
  totalBytes: 1024 * 1024 * 1024,
  /**
   * How many times its compressed size a part may expand to, once past `ratioFrom` bytes. Deflate's own limit is
   * 1032; real sheet XML stays under 50 (empty formatted rows written by LibreOffice: 44), a zip bomb sits near 1000.
   */
  ratio: 200,
  ratioFrom: 8 * 1024 * 1024,
  /**
   * Cells (holding something) kept of the whole workbook: every one costs memory and the engine's time on every route
   * (check, fill, mark, clear). A sheet that could hold a table is kept whole; the others only their head (read.ts).
   */
  cells: 1_000_000,
  /** Cells a sheet's rows past its head may hold, scanned for a header row without being kept. */
  scannedCells: 5_000_000,
  /** Sheets the workbook may list. */
  sheets: 1000,
  /** Merged areas one sheet may have. */
  merges: 100_000,
  /** Characters in one cell's text: Excel's own limit. */
  stringChars: 32_767,
  /** Entries in the zip. */
  parts: 20_000,
};

export type LimitName =
  "partBytes" | "totalBytes" | "cells" | "stringChars" | "parts" | "zip64" | "declared" | "ratio" | "sheets" | "merges";

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
    case "sheets":
      return userError("limit-sheets", { limit: LIMITS.sheets });
    case "merges":
      return userError("limit-merges", { at, limit: LIMITS.merges.toLocaleString("en") });
    case "ratio":
      return userError("limit-ratio", { at, limit: LIMITS.ratio });
    case "zip64":
      return userError("limit-zip64");
  }
}
