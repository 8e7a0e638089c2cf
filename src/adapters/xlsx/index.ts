/**
 * .xlsx and .xlsm files, the same code in Node and in the browser (no fs/path here: see ./node.ts):
 * sniff (clear messages for what is not a workbook) → open the package (zip.ts, opc.ts) → read each worksheet
 * sparsely and in bounded memory (read.ts, limits.ts) → take a fill plan into an overlay with undo (book.ts) →
 * write back the file read with only the planned cells changed (sheetEdit.ts, styles.ts; SPEC §5.1).
 */
import { isUserError } from "../../core/errors";
import { sniff, sniffError, toBytes } from "./sniff";
import { corruptError } from "./messages";
import { ZipArchive } from "./zip";
import { PackageBook, type XlsxBook } from "./book";
import { REL, relationshipsOf } from "./opc";

export { sniff } from "./sniff";
export type { SniffResult } from "./sniff";
export type { XlsxBook } from "./book";
export { LIMITS } from "./limits";

/**
 * Reads .xlsx bytes: every worksheet is read now, so a file past a limit, damaged, empty, encrypted, old-format or
 * not a workbook at all fails here with a UserError (zh + en), never later.
 */
export async function loadXlsx(data: ArrayBuffer | Uint8Array): Promise<XlsxBook> {
  return loadXlsxSync(data);
}

/**
 * Whether a zip that has no xl/workbook.xml is a workbook all the same: its _rels/.rels names the workbook part under
 * another name (OPC allows any; a generator's own, e.g. xl/book.xml), and that part holds a <workbook>.
 */
export function workbookElsewhere(bytes: Uint8Array): boolean {
  const s = sniff(bytes);
  if (s.kind !== "zip-other" || s.what !== "zip") return false;
  try {
    const zip = ZipArchive.open(bytes);
    const part = relationshipsOf(zip, "").find((r) => REL.officeDocument.test(r.type))?.part;
    return !!part && zip.has(part) && /^(?:\uFEFF)?(?:<\?[^>]*\?>)?\s*<(?:[\w.-]+:)?workbook[\s>]/.test(zip.text(part).slice(0, 4096));
  } catch {
    return false;
  }
}

export function loadXlsxSync(data: ArrayBuffer | Uint8Array): XlsxBook {
  const bytes = toBytes(data);
  const bad = sniffError(sniff(bytes));
  if (bad && !workbookElsewhere(bytes)) throw bad;
  try {
    const book = new PackageBook(ZipArchive.open(bytes));
    book.readAll();
    return book;
  } catch (e) {
    if (isUserError(e)) throw e;
    throw corruptError(e instanceof Error ? e.message : String(e));
  }
}
