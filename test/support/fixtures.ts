import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { worksheetSnapshot } from "../../src/adapters/xlsx/snapshot";
import type { SheetSnapshot } from "../../src/core/snapshot";

/**
 * The shared fixtures folder (../shared/fixtures beside the checkout, so new shared fixtures are tested as they
 * arrive), or the project's own copy under test/data/fixtures.
 */
export const FIXTURE_DIR = [path.resolve(__dirname, "../../../shared/fixtures"), path.resolve(__dirname, "../data/fixtures")].find((d) =>
  fs.existsSync(d),
) as string;

export function fixtureNames(): string[] {
  return fs
    .readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => f.replace(/\.xlsx$/, ""))
    .sort();
}

export interface Oracle {
  sheets: {
    sheet: string;
    kind: "project" | "department" | "summary";
    name?: string;
    cells: Record<string, any>;
    expect: Record<string, any>;
    findings: { code: string; cell?: string; note?: string }[];
  }[];
}

export function oracle(name: string): Oracle {
  return JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, `${name}.expected.json`), "utf8"));
}

export function fixturePath(name: string): string {
  return path.join(FIXTURE_DIR, `${name}.xlsx`);
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export async function fixtureSnapshots(name: string): Promise<SheetSnapshot[]> {
  const wb = await loadWorkbook(fixturePath(name));
  return wb.worksheets.map(worksheetSnapshot);
}
