/**
 * Numbers as a person writes them in a 自评报告: money with the table's own precision, rates as 100.86%,
 * scores as 98分 / 9.89分. Numbers go through core/numbers.ts (spreadsheet rounding), as in the pane and the CLI.
 */
import type { NumberCell } from "../model";

import { fixed, formatRate, roundTo, trimmed } from "../numbers";

export { roundTo, trimmed };

/** The unit a table's money is in: 万元 unless the table says 元 (Table.moneyUnit). */
export type MoneyUnit = "万元" | "元";

export function moneyUnit(t: { moneyUnit?: "元" }): MoneyUnit {
  return t.moneyUnit ?? "万元";
}

/** Money in the table's unit (万元 unless it says 元) written with `decimals` places (the precision the table used). */
export function money(value: number, decimals: number, unit: MoneyUnit = "万元"): string {
  return `${fixed(value, Math.max(0, Math.min(decimals, 6)))}${unit}`;
}

/** Decimals a money cell was written with; a number read from a formula or a float gets at most 2 … 6. */
export function moneyDecimals(cell: NumberCell | null | undefined): number {
  if (!cell || cell.value === null) return 2;
  if (Number.isFinite(cell.decimals) && cell.decimals >= 0) return Math.min(cell.decimals, 6);
  return decimalsOf(cell.value);
}

/** Decimals needed to write x exactly (at most 6). */
export function decimalsOf(x: number): number {
  for (let n = 0; n <= 6; n++) if (Math.abs(roundTo(x, n) - x) < 1e-9) return n;
  return 6;
}

/** A rate (fraction) as 100.86% (the shared formatter, core/numbers.ts). */
export function rate(fraction: number): string {
  return formatRate(fraction);
}

/** A score or weight: 98分, 9.89分. */
export function score(x: number): string {
  return `${trimmed(x, 2)}分`;
}
