/**
 * A fill plan applied to a snapshot, in memory: what the sheet holds after the fill. Each formula written shows the
 * value it computes over the sheet as changed (evaluate.ts; the engine's expectation where it cannot compute it),
 * and a formula cell that reads a written cell shows its new value. Used to preview, to test idempotence, and by
 * hosts that keep no spreadsheet engine.
 */
import type { FillPlan } from "./plan";
import { Grid, snapshotCells, type SheetSnapshot, type SnapshotCell } from "./snapshot";
import { parseA1 } from "./address";
import { planValues } from "./evaluate";

export function applyPlanToSnapshot(snapshot: SheetSnapshot, plan: FillPlan): SheetSnapshot {
  const changes = plan.changes.filter((c) => c.sheet === snapshot.name);
  if (!changes.length) return snapshot;
  const grid = new Grid(snapshot);
  const values = planValues(snapshot, plan);
  const byKey = new Map<string, SnapshotCell>();
  for (const c of snapshotCells(snapshot)) byKey.set(`${c.row}:${c.col}`, { ...c });
  for (const ch of changes) {
    const { row, col } = parseA1(ch.cell);
    const key = `${row}:${col}`;
    const cell = byKey.get(key) ?? { row, col, value: null, formula: null, numberFormat: grid.numberFormat(row, col) };
    if (ch.after.formula !== undefined) {
      cell.formula = ch.after.formula;
      const v = values.get(ch.cell.toUpperCase());
      cell.value = v !== undefined ? v : ch.expected === null ? "" : ch.expected;
    } else if (ch.after.value !== undefined) {
      cell.formula = null;
      cell.value = ch.after.value;
    }
    if (ch.after.numberFormat !== undefined) cell.numberFormat = ch.after.numberFormat;
    byKey.set(key, cell);
  }
  // formula cells outside the plan that read a written cell
  const planned = new Set(changes.map((c) => c.cell.toUpperCase()));
  for (const [address, v] of values) {
    if (planned.has(address)) continue;
    const { row, col } = parseA1(address);
    const cell = byKey.get(`${row}:${col}`);
    if (cell && cell.formula) cell.value = v;
  }
  return { name: snapshot.name, merges: snapshot.merges, cells: [...byKey.values()] };
}
