/**
 * A fill plan as both object-model hosts write it: checked before anything is touched, the cells to record for undo
 * (each once, in plan order), then the writes of each change and of each restored cell as ordered steps — the order
 * matters where a cell is formatted as Text ("@").
 */
import type { CellChange, FillPlan } from "../../core/plan";
import { isErrorValue } from "../../core/snapshot";
import { quoted, userError } from "../../core/messages";
import { normalizeCell } from "./address";
import { constantInput } from "./cellInput";
import { cellKey } from "./markRecord";
import type { UndoCell } from "./undoRecord";

export type PlannedChange = CellChange & { cell: string };

/** Whether an operation writes (fill, mark, clear) or takes one back (undo): the messages differ. */
export type Purpose = "write" | "undo";

/** Checks the plan before anything is touched: real sheet names, single-cell addresses, formulas that are formulas. */
export function validatePlan(plan: FillPlan, reserved: (sheet: string) => boolean = () => false): PlannedChange[] {
  if (!plan || !Array.isArray(plan.changes)) throw userError("bad-plan");
  return plan.changes.map((c) => {
    const cell = typeof c?.cell === "string" ? normalizeCell(c.cell) : null;
    if (!cell || typeof c.sheet !== "string" || c.sheet.trim() === "" || reserved(c.sheet)) {
      throw userError("bad-plan-address", { cell: `${String(c?.sheet)}!${String(c?.cell)}` });
    }
    const a = c.after ?? {};
    if (a.formula !== undefined && (typeof a.formula !== "string" || !a.formula.startsWith("="))) {
      throw userError("bad-plan-formula", { cell: `${c.sheet}!${cell}` });
    }
    if (a.formula === undefined && a.value !== undefined) constantInput(a.value, a.numberFormat ?? null);
    return { ...c, cell };
  });
}

/** Sheet names once each (case-insensitive), the first spelling kept. */
export function uniqueSheets(names: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const n of names) if (!seen.has(n.toLowerCase())) seen.set(n.toLowerCase(), n);
  return [...seen.values()];
}

/** Every target cell of the plan once, in plan order (what the undo record holds). */
export function targetsOf(changes: readonly PlannedChange[]): { sheet: string; cell: string }[] {
  const targets: { sheet: string; cell: string }[] = [];
  const seen = new Set<string>();
  for (const c of changes) {
    const k = `${c.sheet.toLowerCase()}!${c.cell}`;
    if (seen.has(k)) continue;
    seen.add(k);
    targets.push({ sheet: c.sheet, cell: c.cell });
  }
  return targets;
}

/** Refuses, before anything is written, sheets that are missing or protected (names as the workbook spells them). */
export function refuseSheets(purpose: Purpose, missing: readonly string[], locked: readonly string[] = []): void {
  if (missing.length > 0) throw userError(purpose === "write" ? "sheet-missing" : "sheet-missing-undo", { sheets: quoted([...missing]) });
  if (locked.length > 0) throw userError(purpose === "write" ? "protected" : "protected-undo", { sheets: quoted([...locked]) });
}

/** One write to one cell: its number format, what is typed into it (a formula or a constant), or clearing it. */
export type WriteStep = { set: "format"; format: string } | { set: "input"; input: string | number | boolean } | { set: "clear" };

/** Each cell's number format before the writes (by sheet!cell), as the undo record holds it; the steps keep it current. */
export function formatsBefore(cells: readonly UndoCell[]): Map<string, string | null> {
  return new Map(cells.map((u) => [cellKey(u.sheet, u.cell), u.numberFormat] as const));
}

/** The writes of one change; `formats` (from formatsBefore) follows the number formats written. */
export function changeSteps(c: PlannedChange, formats: Map<string, string | null>): WriteStep[] {
  const a = c.after;
  const k = cellKey(c.sheet, c.cell);
  const steps: WriteStep[] = [];
  if (a.numberFormat !== undefined) {
    steps.push({ set: "format", format: a.numberFormat });
    formats.set(k, a.numberFormat);
  } else if (formats.get(k) === "@" && (a.formula !== undefined || typeof a.value === "number")) {
    // A formula (or number) entered into a Text cell stays text: the cell gets the General format first.
    // Only this planned cell's format changes, and undo puts "@" back.
    steps.push({ set: "format", format: "General" });
    formats.set(k, "General");
  }
  if (a.formula !== undefined) steps.push({ set: "input", input: a.formula });
  else if (a.value === null) steps.push({ set: "clear" });
  else if (a.value !== undefined) steps.push({ set: "input", input: constantInput(a.value, formats.get(k) ?? null) });
  return steps;
}

/**
 * The writes that put a recorded cell back: its number format and its formula or constant. A formula goes in before
 * the format (typed into a Text cell it would stay text), a constant after it (text typed into a Text cell stays
 * text). `typedErrors`: the host can tell an error value from text that looks like one, so it is typed as itself.
 */
export function restoreSteps(u: UndoCell, typedErrors: boolean): WriteStep[] {
  const format: WriteStep = { set: "format", format: u.numberFormat ?? "General" };
  if (u.formula !== null) return [{ set: "input", input: u.formula }, format];
  if (u.value === null) return [format, { set: "clear" }];
  if (typedErrors && isErrorValue(u.value)) return [format, { set: "input", input: u.value as string }];
  return [format, { set: "input", input: constantInput(u.value, format.format) }];
}
