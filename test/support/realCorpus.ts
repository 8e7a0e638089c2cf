/** The real corpus (test/data/real) of kind project, department or summary: names and sheet snapshots. */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { worksheetSnapshot } from "../../src/adapters/xlsx/snapshot";
import type { SheetSnapshot } from "../../src/core/snapshot";

export const REAL_DIR = path.resolve(__dirname, "../data/real");
const TABLE_KINDS = new Set(["project", "department", "summary"]);

/** Every corpus table whose oracle's sheets are all of the given kinds (default project, department, summary: not the scorecards). */
export function realTableNames(kinds: ReadonlySet<string> = TABLE_KINDS): string[] {
  return fs
    .readdirSync(REAL_DIR)
    .filter((f) => f.endsWith(".expected.json"))
    .map((f) => f.replace(/\.expected\.json$/, ""))
    .filter((name) => {
      const sheets: { kind: string }[] = JSON.parse(fs.readFileSync(path.join(REAL_DIR, `${name}.expected.json`), "utf8")).sheets;
      return sheets.length > 0 && sheets.every((s) => kinds.has(s.kind));
    })
    .sort();
}

export async function realSnapshots(name: string): Promise<SheetSnapshot[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(REAL_DIR, `${name}.xlsx`));
  return wb.worksheets.map(worksheetSnapshot);
}
