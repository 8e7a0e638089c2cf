/**
 * The one number formatter: how the pane, the CLI and the 自评报告 write a number, a rate and a score. Rounding is the
 * spreadsheet's (ROUND: half away from zero, robust to binary noise), so all three print the figure Excel and WPS
 * show for the cell: 0.01005 is 1.01% everywhere (JavaScript's toFixed would give 1.00%). Pure; no locale APIs.
 */

/** ROUND(x, n) as the spreadsheet does it (half away from zero), robust to binary noise. */
export function roundTo(x: number, n: number): number {
  const f = Math.pow(10, n);
  const y = Math.abs(x) * f;
  const r = Math.round(Number(y.toPrecision(15)));
  return (Math.sign(x) || 1) * (r / f);
}

/** Exactly `n` decimals, spreadsheet-rounded, without "-0". */
export function fixed(x: number, n: number): string {
  const s = roundTo(x, n).toFixed(n);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** Up to `max` decimals, trailing zeros dropped: 98 → "98", 9.890 → "9.89", 3386.925 → "3386.925". */
export function trimmed(x: number, max = 2): string {
  const s = fixed(x, max);
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

/** A number for a person to read, "—" when there is none: at most `max` decimals, no trailing zeros. */
export function formatNumber(x: number | null | undefined, max = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  return trimmed(x, max);
}

/** A rate (a fraction) as a percentage with two decimals: 1.008591 → "100.86%", 0.01005 → "1.01%"; "—" when none. */
export function formatRate(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return "—";
  return `${fixed(fraction * 100, 2)}%`;
}
