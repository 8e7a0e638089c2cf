/**
 * A fill plan applied to a snapshot, in memory: what the sheet holds after the fill (formula cells show the
 * value the engine expects). Used to preview, to test idempotence, and by hosts that keep no spreadsheet engine.
 */
import type { FillPlan } from "./plan";
import type { CellValue, SheetSnapshot } from "./snapshot";
import { parseA1 } from "./address";

export function applyPlanToSnapshot(snapshot: SheetSnapshot, plan: FillPlan): SheetSnapshot {
  const changes = plan.changes.filter((c) => c.sheet === snapshot.name);
  if (!changes.length) return snapshot;
  let top = snapshot.origin.row;
  let left = snapshot.origin.col;
  let bottom = top + snapshot.values.length - 1;
  let right = left + Math.max(0, ...snapshot.values.map((r) => r.length)) - 1;
  for (const c of changes) {
    const { row, col } = parseA1(c.cell);
    top = Math.min(top, row);
    left = Math.min(left, col);
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  }
  const h = bottom - top + 1;
  const w = right - left + 1;
  const grid = <T,>(src: T[][] | undefined, fill: T): T[][] =>
    Array.from({ length: h }, (_, i) =>
      Array.from({ length: w }, (_, j) => {
        const r = src?.[top + i - snapshot.origin.row];
        const v = r?.[left + j - snapshot.origin.col];
        return v === undefined ? fill : v;
      }),
    );
  const values = grid<CellValue>(snapshot.values, null);
  const formulas = grid<string | null>(snapshot.formulas, null);
  const numberFormats = grid<string | null>(snapshot.numberFormats, null);
  for (const c of changes) {
    const { row, col } = parseA1(c.cell);
    const i = row - top;
    const j = col - left;
    if (c.after.formula !== undefined) {
      formulas[i][j] = c.after.formula;
      values[i][j] = c.expected === null ? "" : c.expected;
    } else if (c.after.value !== undefined) {
      formulas[i][j] = null;
      values[i][j] = c.after.value;
    }
    if (c.after.numberFormat !== undefined) numberFormats[i][j] = c.after.numberFormat;
  }
  return { ...snapshot, origin: { row: top, col: left }, values, formulas, numberFormats };
}
