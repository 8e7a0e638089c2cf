/**
 * Numbers as a person writes them in a 自评报告: money with the table's own precision, rates as 100.86%,
 * scores as 98分 / 9.89分. Pure; no locale APIs (results must not depend on the machine).
 */
import type { NumberCell } from "../model";

/** ROUND(x, n) as the spreadsheet does it (half away from zero), robust to binary noise. */
export function roundTo(x: number, n: number): number {
  const f = Math.pow(10, n);
  const y = Math.abs(x) * f;
  const r = Math.round(Number(y.toPrecision(15)));
  return (Math.sign(x) || 1) * (r / f);
}

/** Fixed decimals, without "-0". */
function fixed(x: number, n: number): string {
  const s = roundTo(x, n).toFixed(n);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** Up to `max` decimals, trailing zeros dropped: 98 → "98", 9.890 → "9.89". */
export function trimmed(x: number, max = 2): string {
  const s = fixed(x, max);
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

/** Money in 万元 written with `decimals` places (the precision the table used). */
export function money(value: number, decimals: number): string {
  return `${fixed(value, Math.max(0, Math.min(decimals, 6)))}万元`;
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

/** A rate (fraction) as 100.86%. */
export function rate(fraction: number): string {
  return `${fixed(fraction * 100, 2)}%`;
}

/** A score or weight: 98分, 9.89分. */
export function score(x: number): string {
  return `${trimmed(x, 2)}分`;
}
