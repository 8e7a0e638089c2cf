/**
 * Formulas the fill writes (SPEC §5): English function names, only IF, IFERROR, MIN, MAX, ROUND, SUM
 * (VALUE, SUBSTITUTE allowed), relative A1 references into the table so they stay right when a person edits a number.
 */

import { parseA1 } from "./address";
import { memoize } from "./memo";

export const RATE_FORMAT = "0.00%";

/** 执行率 = 全年执行数 / 全年预算数; empty when there is no budget. */
export function rateFormula(executed: string, budget: string): string {
  return `=IFERROR(${executed}/${budget},"")`;
}

/** 执行率得分 = MIN(分值, 分值 × 执行率), rounded to 2 decimals. */
export function budgetScoreFormula(weight: string, rate: string): string {
  return `=IF(${rate}="","",ROUND(MIN(${weight},${weight}*${rate}),2))`;
}

/** 江西: 100% → full, 80–<100% → 70%, 60–<80% → 50%, < 60% → 0 of 分值. */
export function budgetScoreStepsFormula(weight: string, rate: string): string {
  return `=IF(${rate}="","",ROUND(${weight}*IF(${rate}>=1,1,IF(${rate}>=0.8,0.7,IF(${rate}>=0.6,0.5,0))),2))`;
}

/** 正向: full 分值 when actual ≥ target, else 分值 × actual / target. */
export function positiveScoreFormula(weight: string, target: string, actual: string): string {
  return `=ROUND(IF(${actual}>=${target},${weight},${weight}*${actual}/${target}),2)`;
}

/** 反向: full 分值 when actual ≤ target, else 分值 × target / actual. */
export function negativeScoreFormula(weight: string, target: string, actual: string): string {
  return `=ROUND(IF(${actual}<=${target},${weight},${weight}*${target}/${actual}),2)`;
}

/** 反向, linear variant: 分值 × (1 − (actual − target)/target), 0 at twice the target. */
export function negativeLinearScoreFormula(weight: string, target: string, actual: string): string {
  return `=ROUND(IF(${actual}<=${target},${weight},MAX(0,${weight}*(1-(${actual}-${target})/${target}))),2)`;
}

/** 湖南 department rows: weight × 完成值 percentage, capped at the weight. */
export function percentOfWeightFormula(weight: string, actual: string): string {
  return `=ROUND(MIN(${weight},${weight}*${actual}),2)`;
}

/** 总分: the sum of the score cells and ranges, rounded to 2 decimals. */
export function totalFormula(parts: string[]): string {
  return `=ROUND(SUM(${parts.join(",")}),2)`;
}

/** 合计 of a money column. */
export function sumFormula(range: string): string {
  return `=SUM(${range})`;
}

/** Formulas compared as spreadsheets store them: case, spaces and the leading "=" do not matter. */
export function sameFormula(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const norm = (f: string) => f.replace(/^=/, "").replace(/\s+/g, "").replace(/\$/g, "").toUpperCase();
  return norm(a) === norm(b);
}

/** Contiguous runs of rows in one column, as ranges: [13,14,15,18] → ["H13:H15","H18"]. */
export function columnRanges(column: string, rows: number[]): string[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: string[] = [];
  let start = -1,
    prev = -1;
  for (const r of sorted) {
    if (start < 0) start = prev = r;
    else if (r === prev + 1) prev = r;
    else {
      out.push(start === prev ? `${column}${start}` : `${column}${start}:${column}${prev}`);
      start = prev = r;
    }
  }
  if (start >= 0) out.push(start === prev ? `${column}${start}` : `${column}${start}:${column}${prev}`);
  return out;
}

/** A rectangle of cells a formula reads, 1-based and inclusive. */
export interface FormulaRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The cells and ranges a formula reads on its own sheet (a reference to another sheet does not count; text in quotes
 * is not a reference), each as a rectangle.
 */
export function formulaRanges(formula: string): readonly Readonly<FormulaRange>[] {
  return rangesOf(formula);
}

/** Each formula read once: the same formulas are planned and checked on every table of a layout. */
const rangesOf = memoize((formula: string): readonly Readonly<FormulaRange>[] => {
  const out: FormulaRange[] = [];
  const body = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const re = /((?:'[^']*'|[A-Za-z0-9_\u4e00-\u9fff.]+)!)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?(?![A-Za-z0-9_(])/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    if (m[1]) continue;
    const before = body[m.index - 1];
    if (before && /[A-Za-z0-9_.]/.test(before)) continue;
    const s = parseA1(`${m[2]}${m[3]}`.toUpperCase());
    const e = m[4] ? parseA1(`${m[4]}${m[5]}`.toUpperCase()) : s;
    out.push({
      top: Math.min(s.row, e.row),
      bottom: Math.max(s.row, e.row),
      left: Math.min(s.col, e.col),
      right: Math.max(s.col, e.col),
    });
  }
  return out;
});

/**
 * True when the formula reads the cell at `address` on its own sheet — by its address or through a range that holds
 * it. Such a formula written into that cell would be a circular reference.
 */
export function refersToCell(formula: string, address: string): boolean {
  const at = parseA1(address);
  const ranges = rangesOf(formula);
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i];
    if (at.row >= r.top && at.row <= r.bottom && at.col >= r.left && at.col <= r.right) return true;
  }
  return false;
}
