/**
 * A fill plan applied to a snapshot, in memory: what the sheet holds after the fill (formula cells show the
 * value the engine expects). Used to preview, to test idempotence, and by hosts that keep no spreadsheet engine.
 */
import type { FillPlan } from "./plan";
import { Grid, snapshotCells, type SheetSnapshot, type SnapshotCell } from "./snapshot";
import { parseA1 } from "./address";

export function applyPlanToSnapshot(snapshot: SheetSnapshot, plan: FillPlan): SheetSnapshot {
  const changes = plan.changes.filter((c) => c.sheet === snapshot.name);
  if (!changes.length) return snapshot;
  const grid = new Grid(snapshot);
  const byKey = new Map<string, SnapshotCell>();
  for (const c of snapshotCells(snapshot)) byKey.set(`${c.row}:${c.col}`, { ...c });
  for (const ch of changes) {
    const { row, col } = parseA1(ch.cell);
    const key = `${row}:${col}`;
    const cell = byKey.get(key) ?? { row, col, value: null, formula: null, numberFormat: grid.numberFormat(row, col) };
    if (ch.after.formula !== undefined) {
      cell.formula = ch.after.formula;
      cell.value = ch.expected === null ? "" : ch.expected;
    } else if (ch.after.value !== undefined) {
      cell.formula = null;
      cell.value = ch.after.value;
    }
    if (ch.after.numberFormat !== undefined) cell.numberFormat = ch.after.numberFormat;
    byKey.set(key, cell);
  }
  return { name: snapshot.name, merges: snapshot.merges, cells: [...byKey.values()] };
}
