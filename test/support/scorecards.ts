/** The scorecard fixtures (绩效评价指标体系评分表) under test/data/real, with their hand-written oracles. */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { worksheetSnapshot } from "../../src/adapters/xlsx/snapshot";
import type { SheetSnapshot } from "../../src/core/snapshot";

export const REAL_DIR = path.resolve(__dirname, "../data/real");

export function scorecardNames(): string[] {
  return fs
    .readdirSync(REAL_DIR)
    .filter((f) => /^scorecard-.*\.xlsx$/.test(f))
    .map((f) => f.replace(/\.xlsx$/, ""))
    .sort();
}

export interface ScorecardOracleIndicator {
  row: number;
  level1: string;
  level2: string;
  name: string;
  weight: string | null;
  score: string | null;
  weightValue: number | null;
  scoreValue: number | null;
}

export interface ScorecardOracleGroup {
  level: number;
  name: string;
  declared: string | null;
  weightCell?: string;
  scoreCell?: string;
  weight: number | null;
  score: number | null;
}

export interface ScorecardOracle {
  source: string;
  notes: string;
  sheets: {
    sheet: string;
    kind: "scorecard";
    name?: string;
    cells: {
      total: string | null;
      totalWeight?: string | null;
      grade?: string;
      indicators: ScorecardOracleIndicator[];
      groups: ScorecardOracleGroup[];
      placeholderRows?: number[];
    };
    expect: {
      total?: number | null;
      grade?: string | null;
      weightSum?: number;
      subtotals?: Record<string, number>;
      kept?: Record<string, number>;
      fillChanges?: number;
      hasReasonColumn?: boolean;
    };
    findings: { code: string; cell?: string | null }[];
  }[];
}

export function scorecardOracle(name: string): ScorecardOracle {
  return JSON.parse(fs.readFileSync(path.join(REAL_DIR, `${name}.expected.json`), "utf8"));
}

export function scorecardPath(name: string): string {
  return path.join(REAL_DIR, `${name}.xlsx`);
}

export async function scorecardSnapshots(name: string): Promise<SheetSnapshot[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(scorecardPath(name));
  return wb.worksheets.map(worksheetSnapshot);
}
