/**
 * 对照报告: a person's 自评报告 against the workbook's tables (SPEC §6.1) — the step every shell runs (the CLI's
 * `jixiao compare`, batch pairing 单位A.xlsx with 单位A.docx, the page's 对照报告, the Word pane). The report comes as
 * text blocks (a .docx read by the xlsx adapter's docxText, or the open document's paragraphs in Word / WPS 文字).
 */
import type { SheetAnalysis, TableAnalysis, WorkbookAnalysis } from "../../core/analysis";
import { compareReport, moneyUnitOf, type CompareResult, type ReportBlock } from "../../core/compare";
import type { ProfileId } from "../../core/profiles";
import type { SheetSnapshot } from "../../core/snapshot";
import type { ReadScope, SpreadsheetHost } from "../../host/host";
import { selectTables } from "./tables";
import { check } from "./check";

export interface ReportComparison extends CompareResult {
  /** The tables the report was compared with. */
  tables: TableAnalysis[];
}

/** Compares report blocks with the recognised tables (those on `sheet`, or all); throws UserError when there is none. */
export function compareAnalysed(
  sheets: SheetAnalysis[],
  snapshots: readonly SheetSnapshot[],
  blocks: ReportBlock[],
  sheet: string | null = null,
  fileName?: string,
): ReportComparison {
  const tables = selectTables(sheets, sheet, fileName);
  const inputs = tables.map((t) => ({
    analysis: t,
    moneyUnit: moneyUnitOf(
      snapshots.find((s) => s.name === t.sheet),
      t.table,
    ),
  }));
  return { tables, ...compareReport(blocks, inputs) };
}

export interface CompareOptions {
  profile: ProfileId;
  scope: ReadScope;
  sheet?: string | null;
}

/** Reads the workbook through its host, checks it and compares the report with its tables. */
export async function compareWithReport(
  host: SpreadsheetHost,
  blocks: ReportBlock[],
  options: CompareOptions,
): Promise<ReportComparison & { analysis: WorkbookAnalysis }> {
  const { analysis, snapshots } = await check(host, { profile: options.profile, scope: options.scope });
  return { analysis, ...compareAnalysed(analysis.sheets, snapshots, blocks, options.sheet ?? null, host.fileName ?? undefined) };
}

export { pairedReportName } from "../fileNames";
/** "3 处不一致，12 处一致，5 处未比对" (core/compare): with the comparison, for a shell that loads it when asked for. */
export { compareCounts } from "../../core/compare";
