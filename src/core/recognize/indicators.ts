/**
 * The 绩效指标 block shared by project and department tables: 一级/二级/三级 with targets, actuals,
 * weights and scores, read row by row. 一级/二级 cells may be merged vertically or left blank below
 * their first row (merges lost through WPS, LibreOffice or copy-paste): a blank continues the label above.
 */
import type { Indicator, IndicatorGroup, NumberCell, TextCell } from "../model";
import { parseQuantity } from "../quantity";
import { isBlank } from "../text";
import { numberCell, ref, textCell } from "./cells";
import { H, splitWeightLabel } from "./headers";
import type { IndexedCell, SheetIndex } from "./sheetIndex";

export interface IndicatorColumns {
  level1: number | null;
  /** 权重 column standing before 二级指标: the 一级 group's weight (department layout). */
  groupWeight: number | null;
  level2: number | null;
  level3: number | null;
  target: number | null;
  actual: number | null;
  weight: number | null;
  score: number | null;
  reason: number | null;
}

/** A header row has the indicator columns when it names 一级指标 and 三级指标 (or 二级指标). */
export function isIndicatorHeader(cells: IndexedCell[]): boolean {
  const has = (m: (k: string) => boolean) => cells.some((c) => m(c.key));
  return has(H.level1) && (has(H.level3) || has(H.level2));
}

export function mapIndicatorColumns(cells: IndexedCell[]): IndicatorColumns {
  const cols: IndicatorColumns = {
    level1: null,
    groupWeight: null,
    level2: null,
    level3: null,
    target: null,
    actual: null,
    weight: null,
    score: null,
    reason: null,
  };
  const take = (k: keyof IndicatorColumns, col: number) => {
    if (cols[k] === null) cols[k] = col;
  };
  for (const c of [...cells].sort((a, b) => a.col - b.col)) {
    const k = c.key;
    if (H.level1(k)) take("level1", c.col);
    else if (H.level2(k)) take("level2", c.col);
    else if (H.level3(k)) take("level3", c.col);
    else if (H.target(k)) take("target", c.col);
    else if (H.actual(k)) take("actual", c.col);
    else if (k === "权重" && cols.level2 === null && cols.level3 === null) take("groupWeight", c.col);
    else if (H.weight(k)) take("weight", c.col);
    else if (H.score(k)) take("score", c.col);
    else if (H.reason(k)) take("reason", c.col);
  }
  return cols;
}

export interface IndicatorBlock {
  indicators: Indicator[];
  groups: IndicatorGroup[];
  /** Row of 总分, or null when the table has none. */
  totalRow: number | null;
  /** Last row the block covers. */
  lastRow: number;
}

interface Label {
  name: string;
  declared: number | null;
  declaredCell: IndexedCell | null;
}

/** Reads indicator rows below the header until 总分 (or the limit). */
export function readIndicatorBlock(idx: SheetIndex, headerRow: number, cols: IndicatorColumns, limit: number): IndicatorBlock {
  const grid = idx.grid;
  const indicators: Indicator[] = [];
  const labelCols = [cols.level1, cols.groupWeight, cols.level2, cols.level3].filter((c): c is number => c !== null);
  const firstDataCol = Math.max(...labelCols, 0);
  let totalRow: number | null = null;
  let lastRow = headerRow;
  let l1: Label = { name: "", declared: null, declaredCell: null };
  let l2: Label = { name: "", declared: null, declaredCell: null };

  // groups, in order of appearance
  const groups: IndicatorGroup[] = [];
  const own = (r: number, c: number | null): IndexedCell | null => {
    if (c === null) return null;
    return idx.row(r).find((x) => x.col === c) ?? null;
  };

  for (let r = headerRow + 1; r <= limit; r++) {
    const rowCells = idx.row(r);
    if (rowCells.some((c) => c.col <= firstDataCol + 1 && H.total(c.key))) {
      totalRow = r;
      lastRow = r;
      break;
    }
    if (rowCells.length === 0) continue;
    // a new header row means a new table: stop here
    if (isIndicatorHeader(rowCells)) break;

    const c1 = own(r, cols.level1);
    if (c1 && !grid.isMergeContinuation(r, c1.col)) {
      const s = splitWeightLabel(c1.text);
      l1 = { name: s.name, declared: s.weight, declaredCell: s.weight !== null ? c1 : null };
      l2 = { name: "", declared: null, declaredCell: null };
    }
    const gw = own(r, cols.groupWeight);
    if (gw) {
      const n = numberCell(grid, r, gw.col);
      if (n.value !== null) l1 = { ...l1, declared: n.value, declaredCell: gw };
    }
    const c2 = own(r, cols.level2);
    if (c2) {
      const s = splitWeightLabel(c2.text);
      l2 = { name: s.name, declared: s.weight, declaredCell: s.weight !== null ? c2 : null };
    }

    const nameCell = cols.level3 !== null ? textCell(grid, r, cols.level3) : null;
    const ownName = nameCell && nameCell.ref.row === r ? nameCell : null;
    const at = (c: number | null): TextCell | null => (c === null ? null : textCell(grid, r, c));
    const num = (c: number | null): NumberCell | null => (c === null ? null : numberCell(grid, r, c));
    const weight = num(cols.weight);
    const score = num(cols.score);
    const targetCell = at(cols.target);
    const actualCell = at(cols.actual);
    const hasData =
      (ownName && ownName.text !== "") ||
      (weight && !weight.empty && weight.ref.row === r) ||
      (score && !score.empty && score.ref.row === r) ||
      (actualCell && actualCell.text !== "" && actualCell.ref.row === r);
    if (!hasData) continue;
    lastRow = r;
    indicators.push({
      row: r,
      level1: l1.name,
      level2: l2.name,
      name: ownName ? ownName.text : "",
      nameCell: ownName,
      targetCell,
      actualCell,
      weight,
      score,
      reasonCell: at(cols.reason),
      target: targetCell && targetCell.text !== "" ? parseQuantity(targetCell.text) : null,
      actual: actualCell && actualCell.text !== "" ? parseQuantity(actualCell.text) : null,
    });
    groupNote(l1, l2, r);
  }

  function groupNote(a: Label, b: Label, row: number) {
    let g1 = groups.find((g) => g.level === 1 && g.name === a.name);
    if (!g1) {
      g1 = { level: 1, name: a.name, parent: null, declaredWeight: null, declaredCell: null, rows: [], actualWeight: 0 };
      groups.push(g1);
    }
    if (a.declared !== null && a.declaredCell) {
      g1.declaredWeight = a.declared;
      g1.declaredCell = ref(a.declaredCell.row, a.declaredCell.col);
    }
    g1.rows.push(row);
    if (b.name === "") return;
    let g2 = groups.find((g) => g.level === 2 && g.name === b.name && g.parent === a.name);
    if (!g2) {
      g2 = { level: 2, name: b.name, parent: a.name, declaredWeight: null, declaredCell: null, rows: [], actualWeight: 0 };
      groups.push(g2);
    }
    if (b.declared !== null && b.declaredCell) {
      g2.declaredWeight = b.declared;
      g2.declaredCell = ref(b.declaredCell.row, b.declaredCell.col);
    }
    g2.rows.push(row);
  }

  return { indicators, groups, totalRow, lastRow };
}

/**
 * The 湖南 department layout puts each indicator's weight in the column headed 年度指标值. Recognised from the
 * numbers: every value is a bare number (no unit, no %), small, and they add up to the group weights (or near 100).
 */
export function targetColumnHoldsWeights(indicators: Indicator[], groups: IndicatorGroup[]): boolean {
  const cells = indicators.map((i) => i.targetCell).filter((c): c is TextCell => !!c && !isBlank(c.raw));
  if (cells.length < 3 || cells.length < indicators.length * 0.8) return false;
  const values: number[] = [];
  for (const c of cells) {
    const q = parseQuantity(c.text);
    if (q.value === null || q.unit !== null || q.comparator !== null || q.prefix !== "") return false;
    if (q.value < 0 || q.value > 100) return false;
    values.push(q.value);
  }
  const total = values.reduce((a, b) => a + b, 0);
  const byRow = new Map(indicators.map((i) => [i.row, i.targetCell ? (parseQuantity(i.targetCell.text).value ?? 0) : 0] as const));
  const declared = groups.filter((g) => g.declaredWeight !== null);
  const matching = declared.filter(
    (g) => Math.abs(g.rows.reduce((s, r) => s + (byRow.get(r) ?? 0), 0) - (g.declaredWeight as number)) < 0.01,
  );
  return (declared.length > 0 && matching.length * 2 >= declared.length) || (total >= 80 && total <= 120);
}

/** Fills each group's actualWeight from its indicators' 分值. */
export function withActualWeights(indicators: Indicator[], groups: IndicatorGroup[]): IndicatorGroup[] {
  const w = new Map(indicators.map((i) => [i.row, i.weight?.value ?? 0]));
  return groups.map((g) => ({ ...g, actualWeight: Number(g.rows.reduce((s, r) => s + (w.get(r) ?? 0), 0).toFixed(6)) }));
}
