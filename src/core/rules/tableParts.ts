/**
 * TABLE_PARTIAL (SPEC §2.6, §4): a part of a recognised table could not be read — the checks it feeds did not run,
 * so the table must not look clean. CELL_ERROR: a cell a rule reads holds an error value (#DIV/0!, #REF!, …);
 * nothing is computed from it.
 */
import type { NumberCell, TablePartial } from "../model";
import type { RuleContext } from "./context";

export function checkTableParts(ctx: RuleContext, partial: TablePartial[]): void {
  for (const p of partial) ctx.report("TABLE_PARTIAL", "warning", p.cell, { why: p.why });
}

export function checkCellErrors(ctx: RuleContext, cells: (NumberCell | null)[]): void {
  let seen: Set<string> | null = null;
  for (const c of cells) {
    if (!c || !c.error || seen?.has(c.ref.address)) continue;
    (seen ??= new Set()).add(c.ref.address);
    ctx.report("CELL_ERROR", "error", c.ref.address, { error: c.error });
  }
}

/** True when any of the cells holds an error value. */
export function anyError(...cells: (NumberCell | null | undefined)[]): boolean {
  return cells.some((c) => !!c?.error);
}
