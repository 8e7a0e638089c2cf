/** The tables of an analysis and the part of the combined fill plan each owns (check, fill, batch and the CLI read them). */
import type { TableAnalysis, WorkbookAnalysis } from "../../core/analysis";
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
