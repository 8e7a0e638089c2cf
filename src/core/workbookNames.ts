/**
 * Which file names the page and the CLI offer to read, by extension (the bytes decide what a file really is: see
 * src/adapters/legacy/index.ts). Tiny and dependency-free: the pane's file picker and drop zone import it in their initial chunk.
 */

/** Workbook formats read: .xlsx/.xlsm, and the legacy ones read through src/adapters/legacy. */
export const WORKBOOK_EXTENSIONS = ["xlsx", "xlsm", "xls", "et", "ods", "htm", "html", "csv"] as const;

/** The `accept` attribute of a file input for these. */
export const WORKBOOK_ACCEPT = [
  ...WORKBOOK_EXTENSIONS.map((e) => `.${e}`),
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-excel",
  "application/vnd.oasis.opendocument.spreadsheet",
  "text/csv",
].join(",");

/** The extension of a file name, lower case, with its dot ("" when none). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}

/** A name with one of the workbook extensions (an Office lock file ~$name.xlsx is not one). */
export function isWorkbookFileName(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return !base.startsWith("~$") && (WORKBOOK_EXTENSIONS as readonly string[]).includes(extensionOf(base).slice(1));
}

/** A name whose extension says the result cannot be written back into it (only .xlsx/.xlsm can). */
export function isLegacyFileName(name: string): boolean {
  return isWorkbookFileName(name) && !/\.(xlsx|xlsm)$/i.test(name);
}

/** The name with its workbook extension replaced by .xlsx (自评表.xls → 自评表.xlsx). */
export function asXlsxName(name: string): string {
  return /\.xlsx$/i.test(name) ? name : name.replace(/\.(xls|et|ods|html?|csv|tsv|txt)$/i, "") + ".xlsx";
}
