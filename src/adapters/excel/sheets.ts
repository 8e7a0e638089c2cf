/** The named sheets of a batch, loaded with their names and protection, and what the sync found. */

/** Queues each named sheet (a null object when it is missing) with its name and protection, by lower-case name. */
export function queueSheets(wb: Excel.Workbook, names: readonly string[]): Map<string, Excel.Worksheet> {
  const sheets = new Map<string, Excel.Worksheet>();
  for (const name of names) {
    const ws = wb.worksheets.getItemOrNullObject(name);
    ws.load("name");
    ws.protection.load("protected");
    sheets.set(name.toLowerCase(), ws);
  }
  return sheets;
}

/** After the sync of queueSheets: the named sheets that do not exist. */
export function missingSheets(sheets: Map<string, Excel.Worksheet>, names: readonly string[]): string[] {
  return names.filter((n) => (sheets.get(n.toLowerCase()) as Excel.Worksheet).isNullObject);
}

/** After the sync: the named sheets that are protected (nothing may be written on them). */
export function protectedSheets(sheets: Map<string, Excel.Worksheet>, names: readonly string[]): string[] {
  return names.filter((n) => (sheets.get(n.toLowerCase()) as Excel.Worksheet).protection.protected);
}
