/**
 * The tables of an analysis, the part of the combined fill plan each owns (check, fill, batch and the CLI read them),
 * and the tables a report is written for or compared with (report, compare).
 */
import type { SheetAnalysis, TableAnalysis, WorkbookAnalysis } from "../../core/analysis";
import type { UserError } from "../../core/errors";
import { aside, joined, noTableMessage, userError } from "../../core/messages";
import type { CellChange, FillPlan } from "../../core/plan";

export function allTables(analysis: WorkbookAnalysis): TableAnalysis[] {
  return analysis.sheets.flatMap((s) => s.tables);
}

/** One table and the changes the combined plan writes for it. */
export interface TablePlan {
  table: TableAnalysis;
  changes: CellChange[];
}

/**
 * Each table with the part of the combined plan it owns, in sheet order: a cell that two tables' plans touch is
 * written once, by the first (so what a shell lists is exactly what is written).
 */
export function tablePlans(analysis: WorkbookAnalysis): TablePlan[] {
  const seen = new Set<string>();
  return allTables(analysis).map((table) => {
    const changes: CellChange[] = [];
    for (const c of table.plan.changes) {
      const key = `${c.sheet}!${c.cell.toUpperCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      changes.push(c);
    }
    return { table, changes };
  });
}

/** Every table's plan in one, in sheet order; a cell that two plans touch is written once (the first). */
export function combinedPlan(analysis: WorkbookAnalysis): FillPlan {
  return { changes: tablePlans(analysis).flatMap((t) => t.changes) };
}

/** What choosing a report's tables reads of each sheet. */
export type SheetTables = Pick<SheetAnalysis, "sheet" | "tables" | "reason">;

function noTable(sheets: SheetTables[], fileName?: string): UserError {
  const why = joined(
    sheets.map((s) => {
      const why = s.reason ? noTableMessage(s.reason) : null;
      const note = aside(why?.zh, why?.en);
      return { zh: s.sheet + note.zh, en: s.sheet + note.en };
    }),
  );
  return fileName ? userError("no-table-in-file", { file: fileName, why }) : userError("no-table-in-workbook", { why });
}

/**
 * The tables a report is written for (report.ts) or compared with (compare.ts): every recognised one, or those on
 * `sheet`. Throws UserError when there is none.
 */
export function selectTables(sheets: SheetTables[], sheet: string | null, fileName?: string): TableAnalysis[] {
  if (sheet !== null) {
    const s = sheets.find((x) => x.sheet === sheet) ?? sheets.find((x) => x.sheet.trim() === sheet.trim());
    if (!s) {
      throw userError("no-sheet", { sheet, names: sheets.map((x) => x.sheet) });
    }
    if (!s.tables.length)
      throw s.reason
        ? userError("no-table-on-sheet-because", { sheet: s.sheet, reason: noTableMessage(s.reason) })
        : userError("no-table-on-sheet", { sheet: s.sheet });
    return s.tables;
  }
  const tables = sheets.flatMap((s) => s.tables);
  if (!tables.length) throw noTable(sheets, fileName);
  return tables;
}
