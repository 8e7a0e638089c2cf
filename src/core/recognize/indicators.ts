/**
 * The 绩效指标 block shared by project and department tables: 一级/二级/三级 with targets, actuals, weights and
 * scores, read row by row. 一级/二级 cells may be merged vertically, left blank below their first row (merges lost
 * through WPS, LibreOffice or copy-paste), or repeated in every row (merges undone with the value filled in):
 * a blank continues the label above, a repeat is the same label. Template rows ("指标1：", "……", "/") are not
 * indicators.
 */
import type { CellRef, ColumnRole, Indicator, IndicatorGroup, NumberCell, TextCell } from "../model";
import type { Grid } from "../snapshot";
import { parseQuantity } from "../quantity";
import { isBlank, squeeze, halfWidth } from "../text";
import { memoize } from "../memo";
import { labelWeightCell, numberCell, ref, textCell } from "./cells";
import { H, HF, rowFlags, splitWeightLabel, type FlaggedCell } from "./headers";
import { headerBottom, headerTop, indicatorHeaderFlags, isIndicatorHeader, mapIndicatorColumns, type IndicatorColumns } from "./columns";
import { anyKey, type IndexedCell, type SheetIndex } from "./sheetIndex";
import { maxColumn } from "./blocks";

export { isIndicatorHeader, mapIndicatorColumns, headerBottom, headerTop, type IndicatorColumns } from "./columns";

export interface IndicatorBlock {
  indicators: Indicator[];
  groups: IndicatorGroup[];
  /** Row of 总分, or null when the table has none. */
  totalRow: number | null;
  /** Last row the block covers. */
  lastRow: number;
}

interface Label {
  /** Which label this is: a new cell with another name or weight starts a new group, a repeat does not. */
  id: number;
  name: string;
  declared: number | null;
  declaredCell: IndexedCell | null;
}

const NO_LABEL: Label = { id: 0, name: "", declared: null, declaredCell: null };

/** Text a template leaves where an indicator is still to be written: "指标1：", "指标2:/", "……", "/", "—", "无". */
export const isPlaceholderText = memoize((text: string): boolean => {
  const s = halfWidth(squeeze(text)).replace(/^(?:三级)?指标\d*[:：]?/, "");
  return s === "" || /^(?:[…\.。·、]+|\/+|[-—–_]+|无|略|\\|x|X)$/.test(s);
});

/** A row that opens another table: its title, a 项目名称 / 主管部门 / 部门名称 label, or a funds header. */
function opensAnotherTable(cells: readonly FlaggedCell[]): boolean {
  return opensAnotherTableFlags(rowFlags(cells));
}

/** opensAnotherTable, from the row's header words. */
function opensAnotherTableFlags(f: number): boolean {
  if (f & (HF.tableTopLabel | HF.tableTitle)) return true;
  return (f & HF.budget) !== 0 && (f & HF.executed) !== 0;
}

/** "其中桃树种植面积": a breakdown line of the indicator above, not an indicator of its own. */
const isBreakdown = (name: string) => /^其中/.test(name);

/** The columns that make two indicator headers the same header. */
const SAME_HEADER: (keyof IndicatorColumns)[] = ["level1", "level2", "level3", "target", "actual", "weight", "score"];

function sameColumns(a: IndicatorColumns, b: IndicatorColumns): boolean {
  for (let i = 0; i < SAME_HEADER.length; i++) if (a[SAME_HEADER[i]] !== b[SAME_HEADER[i]]) return false;
  return true;
}

/**
 * The indicator block published in parts, each under its own label and its own header row ("年度绩效目标1(40分)" …
 * "年度绩效目标2(40分)", 湖北): a header at `headerRow` repeats the one at `previousHeader` — the same columns — right
 * under a part's label, with indicator rows between them and nothing that ends a table (a 总分 row, another table's
 * title, 项目名称 or funds).
 */
export function continuesIndicatorBlock(idx: SheetIndex, previousHeader: number, headerRow: number): boolean {
  const before = mapIndicatorColumns(idx, headerTop(idx, previousHeader), headerBottom(idx, previousHeader)).cols;
  const now = mapIndicatorColumns(idx, headerTop(idx, headerRow), headerBottom(idx, headerRow)).cols;
  if (!sameColumns(before, now)) return false;
  // a part is announced by its label on the row just above its header; a copy of the table below it is not
  if (!isPartLabel(idx, headerTop(idx, headerRow) - 1, before)) return false;
  let scored = false;
  for (const r of idx.rowsIn(headerBottom(idx, previousHeader) + 1, headerTop(idx, headerRow) - 1)) {
    const cells = idx.row(r);
    if (anyKey(cells, H.total) || opensAnotherTable(cells)) return false;
    if (anyKey(cells, opensFields)) return false;
    if (before.score !== null) {
      for (let i = 0; i < cells.length; i++) if (cells[i].col === before.score && typeof cells[i].raw === "number") scored = true;
    }
  }
  return scored;
}

const opensFields = (k: string): boolean => H.projectName(k) || H.department(k) || H.fundBlock(k) || H.fundTotal(k);

/** The label of a part of the block on a row of its own, just above the part's header: "年度绩效目标2(40分)". */
function isPartLabel(idx: SheetIndex, r: number, cols: IndicatorColumns): boolean {
  const cells = idx.row(r);
  // one label, in one cell or repeated across a merge that was undone
  if (!cells.length) return false;
  for (let i = 0; i < cells.length; i++) if (typeof cells[i].raw !== "string" || cells[i].text !== cells[0].text) return false;
  if (splitWeightLabel(cells[0].text).weight === null) return false;
  const next = idx.rowsIn(r + 1, r + 1)[0];
  if (next !== r + 1 || !isIndicatorHeader(idx.row(next))) return false;
  return sameColumns(mapIndicatorColumns(idx, headerTop(idx, next), headerBottom(idx, next)).cols, cols);
}

/** Reads indicator rows below the header band until 总分 (or the limit). */
export function readIndicatorBlock(idx: SheetIndex, headerBottomRow: number, cols: IndicatorColumns, limit: number): IndicatorBlock {
  const indicators: Indicator[] = [];
  const firstDataCol = firstDataColumn(cols);
  const firstValueCol = firstValueColumn(cols);
  let totalRow: number | null = null;
  let lastRow = headerBottomRow;
  const labels = new LabelReader();
  const groups = new GroupCollector();
  // rows of a repeated header (the block in parts) up to this one are skipped
  let skipTo = 0;

  const rows = idx.rowsIn(headerBottomRow + 1, limit);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    if (r < skipTo) continue;
    const rowCells = idx.row(r);
    const flags = idx.rowFlagsOf(r);
    if (flags & HF.total && isTotalRow(rowCells, cols, firstDataCol, firstValueCol)) {
      totalRow = r;
      lastRow = r;
      break;
    }
    // the block in parts: a part's label and its header repeating this one's columns continue the block
    if (indicators.length > 0) {
      const next = partContinuation(idx, r, flags, cols);
      if (next === PART_LABEL) continue;
      if (next > 0) {
        skipTo = next;
        labels.reset();
        continue;
      }
    }
    // a new header row means a new table: stop here
    if (indicatorHeaderFlags(flags) || startsAnotherTable(rowCells, flags, firstDataCol)) break;

    labels.read(idx, r, cols);
    const indicator = readIndicatorRow(idx, r, cols, labels.l1.name, labels.l2.name);
    if (indicator === null) continue;
    lastRow = r;
    indicators.push(indicator);
    groups.note(labels.l1, labels.l2, r);
  }

  return { indicators, groups: groups.groups, totalRow, lastRow };
}

/** The column right of the last label column (一级, 一级 weight, 二级, 三级), or 0. */
function firstDataColumn(cols: IndicatorColumns): number {
  return maxColumn(maxColumn(maxColumn(maxColumn(0, cols.level1), cols.groupWeight), cols.level2), cols.level3);
}

/** The first of the 分值 and 得分 columns, or null with neither. */
function firstValueColumn(cols: IndicatorColumns): number | null {
  if (cols.weight === null) return cols.score;
  return cols.score !== null && cols.score < cols.weight ? cols.score : cols.weight;
}

/** partContinuation's answer for a part's label row. */
const PART_LABEL = -1;

/**
 * The block in parts (rare): PART_LABEL for a part's label row, the row after the header for a header repeating
 * the block's columns, 0 for any other row.
 */
function partContinuation(idx: SheetIndex, r: number, flags: number, cols: IndicatorColumns): number {
  if (isPartLabel(idx, r, cols)) return PART_LABEL;
  if (!indicatorHeaderFlags(flags)) return 0;
  if (!sameColumns(mapIndicatorColumns(idx, headerTop(idx, r), headerBottom(idx, r)).cols, cols)) return 0;
  return headerBottom(idx, r) + 1;
}

/** The 总分 row: one of its cells is the 总分 label (see isTotalLabel). */
function isTotalRow(rowCells: readonly IndexedCell[], cols: IndicatorColumns, firstDataCol: number, firstValueCol: number | null): boolean {
  for (let k = 0; k < rowCells.length; k++) if (isTotalLabel(rowCells[k], rowCells, cols, firstDataCol, firstValueCol)) return true;
  return false;
}

/**
 * 总分 at the block's left, or further right, just before the 分值/得分 cells, after a note on the same row
 * ("其他需要说明事项 | 无 | 总分 | 100 | 96 | 优", 云南): nothing between the label and the value columns, and no
 * indicator name of the row's own in the 三级 column (a row naming an indicator is that indicator).
 */
function isTotalLabel(
  c: IndexedCell,
  rowCells: readonly IndexedCell[],
  cols: IndicatorColumns,
  firstDataCol: number,
  firstValueCol: number | null,
): boolean {
  if (!H.total(c.key)) return false;
  if (c.col <= firstDataCol + 1) return true;
  if (firstValueCol === null || c.col >= firstValueCol || hasOwnName(rowCells, cols.level3)) return false;
  for (let k = 0; k < rowCells.length; k++) {
    const o = rowCells[k];
    if (o.col > c.col && o.col < firstValueCol) return false;
  }
  return true;
}

/** A 三级 name of the row's own: text in the 三级 column that is not the note to its left repeated (a merge undone). */
function hasOwnName(rowCells: readonly IndexedCell[], level3: number | null): boolean {
  if (level3 === null) return false;
  let name: IndexedCell | null = null;
  let left: IndexedCell | null = null;
  for (let k = 0; k < rowCells.length; k++) {
    const o = rowCells[k];
    if (o.col === level3 && name === null) name = o;
    if (o.col < level3 && (left === null || o.col > left.col)) left = o;
  }
  if (!name) return false;
  return !left || left.text !== name.text;
}

/**
 * Another table starting below (its title, its 项目名称 or 主管部门 field, its funds block or header) ends this
 * block above it — a block with no 总分 row (重庆) has nothing else to end it.
 */
function startsAnotherTable(rowCells: readonly IndexedCell[], flags: number, firstDataCol: number): boolean {
  if (opensAnotherTableFlags(flags)) return true;
  if (!(flags & (HF.projectName | HF.department | HF.fundBlock | HF.fundTotal))) return false;
  for (let k = 0; k < rowCells.length; k++) {
    const c = rowCells[k];
    if (c.col <= firstDataCol + 1 && (H.projectName(c.key) || H.department(c.key) || H.fundBlock(c.key) || H.fundTotal(c.key))) return true;
  }
  return false;
}

/** The 一级/二级 labels in force at a row: a blank continues the label above, a repeat is the same label. */
class LabelReader {
  l1: Label = NO_LABEL;
  l2: Label = NO_LABEL;
  private count = 0;
  private l1Text = "";
  private l2Text = "";

  /** A repeated header (the block in parts): the labels above it end there. */
  reset(): void {
    this.l1 = this.l2 = NO_LABEL;
    this.l1Text = this.l2Text = "";
  }

  read(idx: SheetIndex, r: number, cols: IndicatorColumns): void {
    const c1 = cols.level1 !== null ? idx.at(r, cols.level1) : null;
    // a label repeated down the column (a merge undone) is the same label; any other text starts a new one
    if (c1 && c1.text !== this.l1Text) {
      const s = splitWeightLabel(c1.text);
      this.l1Text = c1.text;
      this.l1 = { id: ++this.count, name: s.name, declared: s.weight, declaredCell: s.weight !== null ? c1 : null };
      this.l2 = NO_LABEL;
      this.l2Text = "";
    }
    const gw = cols.groupWeight !== null ? idx.at(r, cols.groupWeight) : null;
    if (gw) {
      const n = numberCell(idx.grid, r, gw.col);
      // a weight repeated down the column (a merge undone) is the one declared on the group's first row
      const l1 = this.l1;
      if (n.value !== null && (l1.declared !== n.value || !l1.declaredCell))
        this.l1 = { id: l1.id, name: l1.name, declared: n.value, declaredCell: gw };
    }
    const c2 = cols.level2 !== null ? idx.at(r, cols.level2) : null;
    if (c2 && c2.text !== this.l2Text) {
      const s = splitWeightLabel(c2.text);
      this.l2Text = c2.text;
      this.l2 = { id: ++this.count, name: s.name, declared: s.weight, declaredCell: s.weight !== null ? c2 : null };
    }
  }
}

/** The groups of the block's indicators, in the order their first rows come. */
class GroupCollector {
  readonly groups: IndicatorGroup[] = [];
  private readonly byKey = new Map<string, IndicatorGroup>();
  // the group of the previous row's labels: the same label (the same object, under the same parent) is the same group
  private last1: Label | null = null;
  private group1: IndicatorGroup | null = null;
  private last2: Label | null = null;
  private parent2 = "";
  private group2: IndicatorGroup | null = null;

  note(a: Label, b: Label, row: number): void {
    if (this.last1 !== a || this.group1 === null) {
      this.last1 = a;
      this.group1 = this.group(a, 1, null);
    }
    noteRow(this.group1, a, row);
    if (b.name === "") return;
    if (this.last2 !== b || this.parent2 !== a.name || this.group2 === null) {
      this.last2 = b;
      this.parent2 = a.name;
      this.group2 = this.group(b, 2, a.name);
    }
    noteRow(this.group2, b, row);
  }

  private group(label: Label, level: 1 | 2, parent: string | null): IndicatorGroup {
    // one group per label: the same name under another label (two "(50分)" cells whose names were lost) is another group
    const key = label.declaredCell ? `${level}:${label.id}` : `${level}:${parent ?? ""}:${label.name}`;
    let g = this.byKey.get(key);
    if (!g) {
      g = { level, name: label.name, parent, declaredWeight: null, declaredCell: null, rows: [], actualWeight: 0 };
      this.byKey.set(key, g);
      this.groups.push(g);
    }
    return g;
  }
}

function noteRow(g: IndicatorGroup, label: Label, row: number): void {
  if (label.declared !== null && label.declaredCell && g.declaredCell === null) {
    g.declaredWeight = label.declared;
    g.declaredCell = ref(label.declaredCell.row, label.declaredCell.col);
  }
  g.rows.push(row);
}

/**
 * The indicator a data row of the block holds under its 一级/二级 labels; null for a template row (a placeholder name
 * and nothing else of substance), a breakdown line with no numbers, or a row with no data. Kept out of
 * readIndicatorBlock so that function stays small enough to compile quickly.
 */
function readIndicatorRow(idx: SheetIndex, r: number, cols: IndicatorColumns, level1: string, level2: string): Indicator | null {
  const grid = idx.grid;
  const nameCell = cols.level3 !== null ? textCell(grid, r, cols.level3) : null;
  const ownName = nameCell && nameCell.ref.row === r ? nameCell : null;
  const weight = cols.weight !== null ? numberCell(grid, r, cols.weight) : null;
  const score = cols.score !== null ? numberCell(grid, r, cols.score) : null;
  const target = readTarget(idx, r, cols);
  const actualCell = readActual(idx, r, cols, target.unit);
  const hasNumbers = ownNumber(weight, r) || ownNumber(score, r);
  const name = ownName?.text ?? "";
  // template rows: a placeholder name and nothing else of substance
  const placeholderRow =
    (name === "" || isPlaceholderText(name)) &&
    !hasNumbers &&
    (!actualCell || isPlaceholderText(actualCell.text)) &&
    (!target.cell || isPlaceholderText(target.cell.text));
  if (placeholderRow) return null;
  if (isBreakdown(name) && !hasNumbers) return null;
  const hasData = name !== "" || hasNumbers || (actualCell && actualCell.text !== "" && actualCell.ref.row === r);
  if (!hasData) return null;
  return {
    row: r,
    level1,
    level2,
    name,
    nameCell: ownName,
    targetCell: target.cell,
    actualCell,
    weight,
    score,
    reasonCell: cols.reason !== null ? textCell(grid, r, cols.reason) : null,
    target: target.cell && target.cell.text !== "" ? parseQuantity(target.cell.text) : null,
    actual: actualCell && actualCell.text !== "" ? parseQuantity(actualCell.text) : null,
  };
}

/** A number (or a formula, or an error) of the row's own in 分值 or 得分 — not text spread over them by a merge ("无"). */
function ownNumber(c: NumberCell | null, r: number): boolean {
  return !!c && c.ref.row === r && (c.value !== null || !!c.formula || !!c.error);
}

/** 指标性质 words that stand for a sign. */
const NATURE_SIGN: [RegExp, string][] = [
  // halfWidth has already turned ≧ ≦ ﹦ ═ into ≥ ≤ =
  [/^(?:≥|>=|=>|正向|正向指标|不低于|大于等于)$/, "≥"],
  [/^(?:≤|<=|=<|反向|反向指标|不高于|小于等于)$/, "≤"],
  [/^(?:>|大于)$/, ">"],
  [/^(?:<|小于)$/, "<"],
  [/^(?:=|＝|等于)$/, "="],
];

/**
 * The target: its cell, and its text — which, when 年度指标值 is split over 指标性质 | 指标值 | 度量单位, is put
 * back together ("≥" "100" "%" → "≥100%") while the cell stays the number's (formulas read it).
 */
function readTarget(idx: SheetIndex, r: number, cols: IndicatorColumns): { cell: TextCell | null; unit: string | null } {
  if (cols.target === null) return { cell: null, unit: null };
  const raw = textCell(idx.grid, r, cols.target);
  // a number shown with a % format (a table pasted from Word or typed as "100%") is that percentage
  const percent = percentText(idx, raw);
  const cell = percent !== null ? { ...raw, text: percent } : raw;
  if (cols.targetComparator === null && cols.targetUnit === null) return { cell, unit: null };
  return splitTarget(idx, r, cols, cell, percent);
}

/** 年度指标值 split over 指标性质 | 指标值 | 度量单位: the target's text put back together, and its unit. */
function splitTarget(
  idx: SheetIndex,
  r: number,
  cols: IndicatorColumns,
  cell: TextCell,
  percent: string | null,
): { cell: TextCell | null; unit: string | null } {
  const nature = cols.targetComparator !== null ? halfWidth(squeeze(textCell(idx.grid, r, cols.targetComparator).text)) : "";
  let sign = "";
  for (let i = 0; i < NATURE_SIGN.length && !sign; i++) if (NATURE_SIGN[i][0].test(nature)) sign = NATURE_SIGN[i][1];
  const unitText = cols.targetUnit !== null ? squeeze(textCell(idx.grid, r, cols.targetUnit).text) : "";
  const unit = unitText === "" || isPlaceholderText(unitText) ? null : unitText;
  const value = cell.text;
  // 指标性质 saying what kind of indicator it is (定量指标 / 定性指标, 重庆), not a sign or a target
  const kindWord = /^定[量性](?:指标)?$/.test(nature);
  // a qualitative target written in the 指标性质 column ("有效") with no 指标值
  if (value === "" && nature !== "" && !sign && !kindWord && !isPlaceholderText(nature)) return { cell: { ...cell, text: nature }, unit };
  if (value === "" || isPlaceholderText(value)) return { cell, unit };
  if (percent !== null) return { cell: { ...cell, text: `${sign}${percent}` }, unit: unit ?? "%" };
  const numeric = parseQuantity(value).value !== null && parseQuantity(value).unit === null;
  const text = numeric ? `${sign}${value}${unit ?? ""}` : value;
  return { cell: { ...cell, text }, unit };
}

/** "100%" for a number cell shown with a % format; null for any other cell. */
function percentText(idx: SheetIndex, cell: TextCell): string | null {
  const nf = idx.grid.numberFormat(cell.ref.row, cell.ref.col);
  if (typeof cell.raw !== "number" || !nf || !nf.includes("%")) return null;
  return `${Number((cell.raw * 100).toPrecision(12))}%`;
}

/** The actual: a bare number written against a split target is in the target's unit ("98" → "98%"). */
function readActual(idx: SheetIndex, r: number, cols: IndicatorColumns, unit: string | null): TextCell | null {
  if (cols.actual === null) return null;
  const cell = textCell(idx.grid, r, cols.actual);
  const percent = percentText(idx, cell);
  if (percent !== null) return { ...cell, text: percent };
  if (!unit || cell.text === "") return cell;
  const q = parseQuantity(cell.text);
  if (q.value !== null && q.unit === null && q.prefix === "") return { ...cell, text: `${cell.text}${unit}` };
  return cell;
}

/**
 * Some layouts put each indicator's weight in a column not headed 分值 — the 湖南 department table puts it in the
 * column headed 年度指标值. Recognised from the numbers: every value is a bare number (no unit, no %), small, and
 * they add up to the group weights (or near 100).
 */
export function columnHoldsWeights(grid: Grid, indicators: Indicator[], groups: IndicatorGroup[], col: number, budgetWeight = 0): boolean {
  // each indicator's cell in the column, and those that hold something
  const all: TextCell[] = [];
  const cells: TextCell[] = [];
  for (let k = 0; k < indicators.length; k++) {
    const c = textCell(grid, indicators[k].row, col);
    all.push(c);
    if (!isBlank(c.raw)) cells.push(c);
  }
  if (cells.length < 3 || cells.length < indicators.length * 0.8) return false;
  let total = 0;
  for (let k = 0; k < cells.length; k++) {
    const q = parseQuantity(cells[k].text);
    if (q.value === null || q.unit !== null || q.comparator !== null || q.prefix !== "") return false;
    if (q.value < 0 || q.value > 100) return false;
    total += q.value;
  }
  total += budgetWeight;
  const byRow = new Map<number, number>();
  for (let k = 0; k < indicators.length; k++) byRow.set(indicators[k].row, parseQuantity(all[k].text).value ?? 0);
  // groups declaring a weight, and those whose rows add up to it
  let declared = 0;
  let matching = 0;
  for (let k = 0; k < groups.length; k++) {
    const g = groups[k];
    if (g.declaredWeight === null) continue;
    declared++;
    let sum = 0;
    for (let j = 0; j < g.rows.length; j++) sum += byRow.get(g.rows[j]) ?? 0;
    if (Math.abs(sum - g.declaredWeight) < 0.01) matching++;
  }
  return (declared > 0 && matching * 2 >= declared) || (total >= 80 && total <= 120);
}

/**
 * Where the header names no 分值 column: the column that holds the weights, judged by its numbers — the
 * 年度指标值 column (湖南) or a column whose header says nothing. Returns the column and how it was decided.
 */
export function inferWeightColumn(
  idx: SheetIndex,
  indicators: Indicator[],
  groups: IndicatorGroup[],
  cols: IndicatorColumns,
  headerRow: number,
  budgetWeight = 0,
): { col: number; inTarget: boolean; role: ColumnRole } | null {
  if (cols.weight !== null || indicators.length === 0) return null;
  const g = idx.grid;
  if (cols.target !== null && cols.targetComparator === null && columnHoldsWeights(g, indicators, groups, cols.target, budgetWeight)) {
    return {
      col: cols.target,
      inTarget: true,
      role: { role: "weight", col: cols.target, source: "content", header: "年度指标值列为小整数且合计符合权重（湖南式）" },
    };
  }
  const used = new Set<number>();
  const values = Object.values(cols);
  for (let k = 0; k < values.length; k++) if (values[k] !== null) used.add(values[k]!);
  const labelRight = maxColumn(maxColumn(maxColumn(0, cols.level1), cols.level2), cols.level3);
  const candidates = new Set<number>();
  for (let k = 0; k < indicators.length; k++) {
    const cells = idx.row(indicators[k].row);
    for (let j = 0; j < cells.length; j++) if (cells[j].col > labelRight && !used.has(cells[j].col)) candidates.add(cells[j].col);
  }
  const ordered = Array.from(candidates).sort(ascending);
  for (let k = 0; k < ordered.length; k++) {
    const col = ordered[k];
    const header = idx.at(headerRow, col);
    if (header && !isBlank(header.raw) && !/分|权/.test(header.key)) continue; // a column that says it is something else
    if (columnHoldsWeights(g, indicators, groups, col, budgetWeight)) {
      return { col, inTarget: false, role: { role: "weight", col, source: "content", header: "无表头的一列小整数，合计符合权重" } };
    }
  }
  return null;
}

const ascending = (a: number, b: number) => a - b;

/**
 * No 分值 column at all: each indicator's weight written in its 三级 label ("预算执行率（20分）", "国家奖学金人数（5分）")
 * — or, for the only indicator under a 二级 label that carries one, in that label ("预算执行（20分）" over one row; an
 * 一级 label's weight is its group's, never taken for a row's). The indicators with those weights (cells pointing at
 * the labels), or null unless every one has a weight.
 */
export function labelWeights(grid: Grid, indicators: Indicator[], groups: IndicatorGroup[]): Indicator[] | null {
  if (indicators.length === 0) return null;
  const withLabels: Indicator[] = [];
  for (let k = 0; k < indicators.length; k++) {
    const i = indicators[k];
    const own = i.nameCell ? splitWeightLabel(i.nameCell.text).weight : null;
    if (own !== null && i.nameCell) {
      withLabels.push({ ...i, weight: labelWeightCell(grid, i.nameCell.ref.row, i.nameCell.ref.col, own) });
      continue;
    }
    const g = onlyChild(groups, i.row);
    withLabels.push(g ? { ...i, weight: labelWeightCell(grid, g.declaredCell!.row, g.declaredCell!.col, g.declaredWeight!) } : i);
  }
  for (let k = 0; k < withLabels.length; k++) {
    const w = withLabels[k].weight;
    if (w === null || !w.fromLabel) return null;
  }
  return withLabels;
}

/** The 二级 group whose only row is `row`, when its label declares a weight. */
function onlyChild(groups: readonly IndicatorGroup[], row: number): IndicatorGroup | undefined {
  for (let k = 0; k < groups.length; k++) {
    const g = groups[k];
    if (g.level === 2 && g.rows.length === 1 && g.rows[0] === row && g.declaredWeight !== null && g.declaredCell) return g;
  }
  return undefined;
}

/** Fills each group's actualWeight from its indicators' 分值. */
export function withActualWeights(indicators: Indicator[], groups: IndicatorGroup[]): IndicatorGroup[] {
  const w = new Map<number, number>();
  for (const i of indicators) w.set(i.row, i.weight?.value ?? 0);
  const out: IndicatorGroup[] = [];
  for (const g of groups) {
    let sum = 0;
    for (const r of g.rows) sum += w.get(r) ?? 0;
    // the group's fields written out in their order (as group() makes every group), not copied by a spread, whose
    // clone was most of this function's time in a profile
    out.push({
      level: g.level,
      name: g.name,
      parent: g.parent,
      declaredWeight: g.declaredWeight,
      declaredCell: g.declaredCell,
      rows: g.rows,
      actualWeight: Number(sum.toFixed(6)),
    });
  }
  return out;
}

/**
 * A weight declared for a whole block by the label beside its header: "绩效指标(90分)", "年度绩效目标(80分)",
 * "预算执行情况(10分)". Looked for in the header rows, left of the first role column.
 */
export function blockDeclaration(
  idx: SheetIndex,
  top: number,
  bottom: number,
  beforeCol: number,
): { name: string; weight: number; cell: CellRef } | null {
  for (const r of idx.rowsIn(top, bottom)) {
    for (const c of idx.row(r)) {
      if (c.col >= beforeCol || typeof c.raw !== "string") continue;
      const s = splitWeightLabel(c.text);
      if (s.weight !== null && s.name !== "") return { name: s.name, weight: s.weight, cell: ref(c.row, c.col) };
    }
  }
  return null;
}
