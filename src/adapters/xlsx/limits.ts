/**
 * What reading one workbook may cost, checked before and while each part is inflated and parsed. Past a bound the
 * file is refused with one sentence in Chinese and English naming the bound (CLI exit 2, the page shows it),
 * never an out-of-memory abort. The bounds sit far above any real 自评表 workbook (the bench's 14 MB workbook
 * with a 200,000-row 明细 sheet uses a fraction of each).
 */
import { UserError } from "../../core/errors";

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
  const at = where ? `（${where}）` : "";
  const atEn = where ? ` (${where})` : "";
  switch (which) {
    case "partBytes":
      return new UserError(
        `工作簿过大：一个部件${at}解压后超过 ${MB(LIMITS.partBytes)} 的上限，未读取、未写入任何内容。`,
        `The workbook is too large: one part${atEn} expands beyond the ${MB(LIMITS.partBytes)} limit; nothing was read or written.`,
        "limit",
      );
    case "totalBytes":
      return new UserError(
        `工作簿过大：解压后的内容超过 ${MB(LIMITS.totalBytes)} 的上限，未读取、未写入任何内容。`,
        `The workbook is too large: its content expands beyond the ${MB(LIMITS.totalBytes)} limit; nothing was read or written.`,
        "limit",
      );
    case "cells":
      return new UserError(
        `工作簿过大：有内容的单元格超过 ${LIMITS.cells.toLocaleString("en")} 个的上限${at}，未读取、未写入任何内容。`,
        `The workbook is too large: more than ${LIMITS.cells.toLocaleString("en")} cells hold something${atEn}; nothing was read or written.`,
        "limit",
      );
    case "stringChars":
      return new UserError(
        `单元格文字超过 ${LIMITS.stringChars} 个字符的上限${at}（Excel 本身的上限），未读取、未写入任何内容。`,
        `A cell's text is longer than the ${LIMITS.stringChars}-character limit${atEn} (Excel's own limit); nothing was read or written.`,
        "limit",
      );
    case "parts":
      return new UserError(
        `工作簿的部件超过 ${LIMITS.parts} 个的上限，未读取、未写入任何内容。`,
        `The workbook has more than ${LIMITS.parts} parts; nothing was read or written.`,
        "limit",
      );
    case "declared":
      return new UserError(
        `工作簿的一个部件${at}解压后超过它声明的大小（疑似“压缩炸弹”），已停止读取，未写入任何内容。`,
        `One part of the workbook${atEn} expands beyond the size it declares (a likely zip bomb); reading stopped at that limit and nothing was written.`,
        "limit",
      );
    case "zip64":
      return new UserError(
        "工作簿过大（ZIP64 格式，超过 4 GB 或 65535 个部件），未读取、未写入任何内容。",
        "The workbook is too large (ZIP64: over 4 GB or 65,535 parts); nothing was read or written.",
        "limit",
      );
  }
}
