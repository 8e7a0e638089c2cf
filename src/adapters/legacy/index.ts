/**
 * Every workbook format people send, read into the snapshots the .xlsx reader makes: the bytes are sniffed (never the
 * name trusted) and routed — an .xlsx/.xlsm to src/adapters/xlsx; an OLE2 compound file holding a Workbook stream
 * (.xls, and WPS's .et) to cfb.ts's checks and then SheetJS; a zip with the OpenDocument spreadsheet mimetype to
 * ods.ts (a bounded unzip and a streaming scan of content.xml); an HTML page to html.ts; other text to csv.ts (UTF-8 or GBK). Anything else is refused
 * with the .xlsx reader's sentence for it (a .docx, a PDF, an image …). Node and the browser: SheetJS is handed in
 * (the page loads it in its own chunk, only when such a file is opened; node.ts requires it).
 */
import { isUserError } from "../../core/errors";
import { userError } from "../../core/messages";
import { sniff, sniffError, toBytes } from "../xlsx/sniff";
import { corruptError } from "../xlsx/messages";
import { loadXlsxSync, workbookElsewhere } from "../xlsx/index";
import type { XlsxBook } from "../xlsx/book";
import { validateCfb } from "./cfb";
import { readBiff, type SheetJS } from "./sheetjs";
import { readOdsSheets } from "./ods";
import { readHtmlTables } from "./html";
import { readCsv } from "./csv";
import { decodeText } from "./text";
import { LegacyBook, type LegacyFormat } from "./book";

export { LegacyBook, isLegacyBook, type LegacyFormat } from "./book";

/** What the bytes are: "xlsx", a legacy format, or null (the .xlsx reader's error says what instead). */
export function workbookFormat(data: ArrayBuffer | Uint8Array): "xlsx" | LegacyFormat | null {
  const s = sniff(toBytes(data));
  switch (s.kind) {
    case "xlsx":
      return "xlsx";
    case "xls":
      return "xls";
    case "zip-other":
      return s.what === "ods" ? "ods" : workbookElsewhere(toBytes(data)) ? "xlsx" : null;
    case "other":
      return s.what === "html" ? "html" : s.what === "text" ? "csv" : null;
    default:
      return null;
  }
}

/** Text is read as a table only from a file named as one (a README.md in a folder of submissions is no table). */
function textName(file: string): boolean {
  return file === "" || /\.(xls|et|html?|csv)$/i.test(file);
}

/** A sheet name from a file name (a CSV's one sheet): at most 31 characters, none of : \ / ? * [ ]. */
function sheetNameOf(file: string): string {
  const base = file.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  return (
    base
      .replace(/[:\\/?*[\]]/g, "")
      .slice(0, 31)
      .trim() || "Sheet1"
  );
}

/**
 * Reads a workbook in any of the formats above. Throws UserError (zh + en) for anything that cannot be read: not a
 * workbook, damaged, past a limit (limits.ts), a compound file whose structure is unsound (cfb.ts).
 * @param loadSheetJS gives SheetJS, called only for .xls/.et and for writing a legacy file's .xlsx copy
 */
export function loadWorkbookSync(data: ArrayBuffer | Uint8Array, file: string, loadSheetJS: () => SheetJS): XlsxBook {
  const bytes = toBytes(data);
  const format = workbookFormat(bytes);
  if (format === "xlsx") return loadXlsxSync(bytes);
  if (format === null || (!textName(file) && (format === "html" || format === "csv"))) {
    const s = sniff(bytes);
    // a compound file whose directory cannot be read at all: say how it is damaged rather than what it is not
    if (s.kind === "cfb-other" && s.what === "cfb") validateCfb(bytes);
    throw sniffError(s) ?? userError("not-xlsx-binary");
  }
  try {
    return new LegacyBook(format, readLegacy(format, bytes, file, loadSheetJS), loadSheetJS);
  } catch (e) {
    if (isUserError(e)) throw e;
    const detail = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ").trim().slice(0, 120);
    if (format === "xls") throw userError("legacy-xls-corrupt", { detail });
    if (format === "ods") throw userError("legacy-ods-corrupt", { detail });
    throw corruptError(detail);
  }
}

function readLegacy(format: LegacyFormat, bytes: Uint8Array, file: string, loadSheetJS: () => SheetJS) {
  switch (format) {
    case "xls": {
      // SheetJS gets the BIFF stream itself: the container is taken apart once, here, where it is checked
      const streams = validateCfb(bytes);
      const book = ["workbook", "book"].map((n) => streams.find((s) => s.name.toLowerCase() === n && s.size > 0)).find((s) => s);
      return readBiff(loadSheetJS(), book ? { stream: book.content() } : { file: bytes });
    }
    case "ods":
      return readOdsSheets(bytes, file);
    case "html": {
      const sheets = readHtmlTables(decodeText(bytes, true, file), file);
      if (sheets.length === 0) throw userError("legacy-html-no-table", { file });
      return sheets;
    }
    case "csv":
      return [readCsv(decodeText(bytes, false, file), sheetNameOf(file), file)];
  }
}

/**
 * loadWorkbookSync with SheetJS loaded first (the page: its own chunk) for every legacy format — also for HTML and
 * CSV, whose .xlsx copy it writes when the page fills or marks them.
 */
export async function loadWorkbook(data: ArrayBuffer | Uint8Array, file: string, loadSheetJS: () => Promise<SheetJS>): Promise<XlsxBook> {
  const format = workbookFormat(data);
  const X = format === "xlsx" || format === null ? null : await loadSheetJS();
  return loadWorkbookSync(data, file, () => X as SheetJS);
}
