/**
 * 绩效评价指标体系评分表 (scorecard), SPEC §2.5: a project (or a department) scored on 决策 / 过程 / 产出 / 效益.
 *
 * Layouts seen in published tables, all read by one procedure:
 * - 一级 | 二级 | 三级 (| 四级) | 分值 | 得分, group 分值 in the labels ("项目决策（20分）"), leaves' 分值 in the column;
 * - no 分值 column at all, every level's 分值 in its label ("相关性（5分）") and one 得分 column;
 * - a 分值 column after each level (一级 | 分值 | 二级 | 分值 | 三级 | 分值 | … | 得分);
 * - 评分标准 / 指标解释 columns, a 扣分原因 / 得分说明 / 评价依据 column;
 * - 一级/二级 on rows of their own carrying their 分值 and 得分 (subtotal rows), or 小计 rows after a group;
 * - optional rows (可选项) sharing one merged 分值/得分: one scoring unit;
 * - a 合计/总分 row, or the 总分 written above or below the table ("自评得分：98", "总分 | 98").
 * Rows are read into a tree (a label starts a node at its level; a blank or merged label continues the one above);
 * nodes with children are groups, the others are the scoring units.
 */
import type { CellRef, NumberCell, ScorecardGroup, ScorecardItem, ScorecardTable, TablePartial, TextCell } from "../model";
import { squeeze, tidy, cellText, halfWidth } from "../text";
import { memoize } from "../memo";
import { numberCell, textCell } from "./cells";
import { H, LEVEL_HEADER, LEVEL_SHIFT, rowFlags } from "./headers";
import { boundsOf } from "./bounds";
import { inlineField, labelledField } from "./blocks";
import { anyKey, type IndexedCell, type SheetIndex } from "./sheetIndex";
import type { Grid } from "../snapshot";

/** 一级 → 1 … 四级 → 4, for a header key ("一级指标", "一级", "一级指标名称"). */
export const levelOf = memoize((key: string): number | null => {
  const m = LEVEL_HEADER.exec(key);
  return m ? "一二三四".indexOf(m[1]) + 1 : null;
});

/** The scorecard's own header vocabulary (the shared one lives in headers.ts). */
export const SC = {
  weight: (k: string): boolean => H.weight(k) || /^(?:标准分值?|满分|满分值|分数|权数|指标权重|权重分值|基本分值?|指标分值)$/.test(k),
  score: (k: string): boolean => H.score(k) || /^(?:考评得分|评分结果|得分值|自评得分值|单位自评得分)$/.test(k),
  criteria: (k: string): boolean =>
    /^(?:指标解释|指标说明|指标内涵|指标释义|评分标准|评分要点|评价标准|评价要点|评分细则|计分方法|评分方法|评分办法|评分规则|评价内容|具体指标|考核内容|考核要点|评价指标说明|评分依据说明)/.test(
      k,
    ),
  /** 扣分原因 and its synonyms; the project table's 偏差原因 also matches H.reason, so this is checked first. */
  reason: (k: string): boolean =>
    /扣分|^(?:得分说明|得分情况说明|得分理由|评价依据|评分依据|得分依据|评分说明|评价说明|情况说明|说明|备注)/.test(k) || H.reason(k),
  /** Columns only a scorecard has: they tell it apart from a 自评表 at once. */
  only: (k: string): boolean => SC.criteria(k) || /扣分|^(?:得分说明|得分情况说明|评价依据|评分依据|得分依据)/.test(k),
  total: (k: string): boolean =>
    H.total(k) || /^(?:评价总分|自评总分|总评分|综合得分|综合评分|分值合计|得分总计|总计得分|合计分|总分值)$/.test(k),
  /** "小计", "得分小计", "项目决策小计", "项目决策合计" (a bare 合计 is the table's total). */
  subtotal: (k: string): boolean => /(?:小计|小计得分|得分小计)$|^.+合计$/.test(k),
};

/** 一级 names that only a scorecard uses (a 自评表's 一级 are 产出 / 效益 / 满意度 / 成本). */
const SCORECARD_LEVEL1 = /决策|过程|投入|管理|项目绩效|部门绩效|履职|绩效情况/;

/** Notes and signatures below a table end it. */
const NOTE =
  /^(?:注|说明|备注|填表说明|填报说明|填表人|审核人|单位负责人|负责人|联系人|评价人|评分人|制表人|联系电话|日期)(?:[:：\d\s(（]|$)/;

/** A label with its 分值: "项目决策（20分）", "绩效目标(10)", "项目绩效（特性指标70分）", "相关性(5 分)", "项目决策20分". */
export const parseLabel = memoize((text: string): { name: string; weight: number | null } => {
  const s = halfWidth(squeeze(text));
  const m = /^(.*)\(([^()]*?)(\d+(?:\.\d+)?)分?\)$/.exec(s);
  if (m && m[1] && /^(?:[^()\d]*?)$/.test(m[2]) && !/[%％个人次项天年月万元家户]$/.test(m[2])) {
    const note = m[2].replace(/[:：,，、]$/, "");
    return { name: note ? `${m[1]}（${note}）` : m[1], weight: Number(m[3]) };
  }
  const m2 = /^(.*?[^\d.])(\d+(?:\.\d+)?)分$/.exec(s);
  if (m2 && m2[1]) return { name: m2[1], weight: Number(m2[2]) };
  return { name: tidy(text).replace(/\s+/g, ""), weight: null };
});

export interface ScorecardColumns {
  /** Columns of 一级, 二级, 三级 (, 四级), in order. */
  levels: number[];
  /** A 分值 / 得分 column standing right after a level that is not the deepest: that level's own 分值 / 得分. */
  levelWeight: (number | null)[];
  levelScore: (number | null)[];
  /** The leaves' 分值 and 得分 (also read on a group's own row). */
  weight: number | null;
  score: number | null;
  criteria: number | null;
  reason: number | null;
}

/** The header's cells: its own row, plus vertically merged headers above it and a header-only row below it. */
function headerCells(idx: SheetIndex, headerRow: number): { cells: IndexedCell[]; dataStart: number } {
  const own = idx.row(headerRow).slice();
  const above = idx.row(headerRow - 1);
  for (let i = 0; i < above.length; i++) {
    const c = above[i];
    if (!covers(idx, own, c.col) && idx.bottomOf(c) >= headerRow) own.push(c);
  }
  let dataStart = headerRow + 1;
  const below = idx.row(headerRow + 1);
  if (below.length && allScorecardWords(below)) {
    for (let i = 0; i < below.length; i++) if (!covers(idx, own, below[i].col)) own.push(below[i]);
    dataStart = headerRow + 2;
  }
  own.sort(byCol);
  return { cells: own, dataStart };
}

/** Whether one of the cells spans column `col` (merges included). */
function covers(idx: SheetIndex, cells: readonly IndexedCell[], col: number): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i].col <= col && idx.rightOf(cells[i]) >= col) return true;
  return false;
}

/** Every cell names a scorecard column: a level, 分值, 得分, 评分标准 or 扣分原因. */
function allScorecardWords(cells: readonly IndexedCell[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const k = cells[i].key;
    if (!(levelOf(k) !== null || SC.weight(k) || SC.score(k) || SC.criteria(k) || SC.reason(k))) return false;
  }
  return true;
}

const byCol = (a: { col: number }, b: { col: number }) => a.col - b.col;

/** The cell of a row that starts at column `col`, if any. */
function cellAt(cells: readonly IndexedCell[], col: number): IndexedCell | undefined {
  for (let i = 0; i < cells.length; i++) if (cells[i].col === col) return cells[i];
  return undefined;
}

function allNull(xs: readonly (number | null)[]): boolean {
  for (let i = 0; i < xs.length; i++) if (xs[i] !== null) return false;
  return true;
}

function hasLevel(levels: readonly { level: number }[], level: number): boolean {
  for (let i = 0; i < levels.length; i++) if (levels[i].level === level) return true;
  return false;
}

export function scorecardColumns(cells: IndexedCell[]): ScorecardColumns {
  const levels: { level: number; col: number }[] = [];
  for (let i = 0; i < cells.length; i++) {
    const l = levelOf(cells[i].key);
    if (l !== null && !hasLevel(levels, l)) levels.push({ level: l, col: cells[i].col });
  }
  levels.sort(byCol);
  const cols: ScorecardColumns = {
    levels: [],
    levelWeight: [],
    levelScore: [],
    weight: null,
    score: null,
    criteria: null,
    reason: null,
  };
  for (let i = 0; i < levels.length; i++) {
    cols.levels.push(levels[i].col);
    cols.levelWeight.push(null);
    cols.levelScore.push(null);
  }
  const deepest = levels.length ? levels[levels.length - 1].col : -1;
  for (let ci = 0; ci < cells.length; ci++) {
    const c = cells[ci];
    const k = c.key;
    if (levelOf(k) !== null) continue;
    // the level a column belongs to: the nearest level column on its left
    let at = -1;
    for (let i = 0; i < levels.length; i++) if (levels[i].col < c.col) at = i;
    const leaf = c.col > deepest;
    if (SC.reason(k) && !SC.criteria(k)) {
      if (cols.reason === null && (leaf || levels.length === 0)) cols.reason = c.col;
    } else if (SC.criteria(k)) {
      if (cols.criteria === null) cols.criteria = c.col;
    } else if (SC.weight(k)) {
      if (leaf) cols.weight ??= c.col;
      else if (at >= 0) cols.levelWeight[at] ??= c.col;
    } else if (SC.score(k)) {
      if (leaf) cols.score ??= c.col;
      else if (at >= 0) cols.levelScore[at] ??= c.col;
    }
  }
  return cols;
}

/** A header row a scorecard may start at: at least two level columns and a 得分 or 分值 column. */
export function isScorecardHeader(cells: IndexedCell[]): boolean {
  // the levels named, as bits (一级 the lowest): 一级 and at least one other
  const levels = (rowFlags(cells) >>> LEVEL_SHIFT) & 15;
  if ((levels & 1) === 0 || levels === 1) return false;
  return anyKey(cells, scoreOrWeight);
}

const scoreOrWeight = (k: string): boolean => SC.score(k) || SC.weight(k);

const money = (k: string): boolean =>
  H.fundTotal(k) || H.fundBlock(k) || H.spendingScale(k) || H.fundSource(k) || H.fundStructure(k) || H.budget(k) || H.executed(k);

const targetOrActual = (k: string): boolean => H.target(k) || H.actual(k);

/**
 * A table with indicator levels is a scorecard, not a 自评表, when it has no 年度指标值 / 实际完成值 columns and no
 * 项目资金 block, and either a scorecard-only column (评分标准, 指标解释, 扣分原因, 得分说明, 评价依据) or 一级 names
 * only a scorecard uses (项目决策, 过程管理, 项目管理, 投入, 部门决策, 项目绩效 …).
 */
export function isScorecardLayout(idx: SheetIndex, top: number, headerRow: number, limit: number): boolean {
  const { cells, dataStart } = headerCells(idx, headerRow);
  if (anyKey(cells, targetOrActual)) return false;
  if (idx.find(money, top, headerRow - 1)) return false;
  const cols = scorecardColumns(cells);
  if (cols.levels.length < 2) return false;
  if (cols.score === null && cols.weight === null && allNull(cols.levelScore)) return false;
  if (anyKey(cells, SC.only)) return true;
  const l1 = cols.levels[0];
  for (let r = dataStart; r <= Math.min(limit, dataStart + 120); r++) {
    const c = cellAt(idx.row(r), l1);
    if (c && SCORECARD_LEVEL1.test(squeeze(c.text))) return true;
  }
  return false;
}

interface Node {
  level: number; // 1-based
  label: TextCell | null;
  name: string;
  labelWeight: number | null;
  parent: Node | null;
  children: Node[];
  rows: number[];
  weight: NumberCell | null;
  score: NumberCell | null;
  reason: TextCell | null;
  criteria: TextCell | null;
  /** 分值 / 得分 from the level's own columns or its own row. */
  ownWeight: NumberCell | null;
  ownScore: NumberCell | null;
  /** A 小计 row's cells. */
  subtotalWeight: NumberCell | null;
  subtotalScore: NumberCell | null;
}

const present = (n: NumberCell | null): boolean => !!n && !n.empty;
const valueOf = (n: NumberCell | null): number | null => (n && !n.empty ? n.value : null);
const sameCell = (a: NumberCell | null, b: NumberCell | null) => (a && b ? a.ref.address === b.ref.address : a === b);

/** The node's labels from its 一级 down to itself. */
function pathOf(n: Node): string[] {
  const path: string[] = [];
  for (let p: Node | null = n; p; p = p.parent) path.push(p.name);
  return path.reverse();
}

/** The largest of `m` and the rows. */
function maxRow(m: number, rows: readonly number[]): number {
  for (let i = 0; i < rows.length; i++) if (rows[i] > m) m = rows[i];
  return m;
}

/**
 * A number cell on this row: its own, or the top-left of a merge that covers it — but never a cell of another
 * column (a section label "一、项目决策（20分）" merged across the row is not its 得分).
 */
function num(g: Grid, r: number, c: number | null): NumberCell | null {
  if (c === null) return null;
  const n = numberCell(g, r, c);
  return n.ref.col === c ? n : null;
}

export function recognizeScorecard(idx: SheetIndex, top: number, headerRow: number, limit: number): ScorecardTable {
  const g = idx.grid;
  const { cells, dataStart } = headerCells(idx, headerRow);
  const cols = scorecardColumns(cells);
  const depth = cols.levels.length;
  let firstDataCol = -Infinity;
  for (let i = 0; i < depth; i++) if (cols.levels[i] > firstDataCol) firstDataCol = cols.levels[i];
  const roots: Node[] = [];
  const open: (Node | null)[] = [];
  for (let i = 0; i < depth; i++) open.push(null);
  const placeholderRows: number[] = [];
  let totalRow: number | null = null;
  /** The last 小计 row read: the fill writes there, so the table reaches it. */
  let lastSubtotal = headerRow;
  let lastLeaf: Node | null = null;

  const newNode = (level: number, label: TextCell | null, parent: Node | null): Node => {
    const p = label ? parseLabel(label.text) : { name: "", weight: null };
    const n: Node = {
      level,
      label,
      name: p.name,
      labelWeight: p.weight,
      parent,
      children: [],
      rows: [],
      weight: null,
      score: null,
      reason: null,
      criteria: null,
      ownWeight: null,
      ownScore: null,
      subtotalWeight: null,
      subtotalScore: null,
    };
    if (parent) parent.children.push(n);
    else roots.push(n);
    return n;
  };

  for (let r = dataStart; r <= limit; r++) {
    const rowCells = idx.row(r);
    if (rowCells.length === 0) continue;
    // the label columns: the levels' and the one right after the deepest
    let isTotal = false;
    let sub: IndexedCell | null = null;
    for (let i = 0; i < rowCells.length; i++) {
      const c = rowCells[i];
      if (c.col > firstDataCol + 1) continue;
      if (SC.total(c.key)) isTotal = true;
      else if (sub === null && SC.subtotal(c.key)) sub = c;
    }
    if (isTotal) {
      totalRow = r;
      break;
    }
    if (isScorecardHeader(rowCells)) break;
    if (rowCells[0] && NOTE.test(rowCells[0].text) && rowCells[0].col <= cols.levels[0]) break;

    if (sub) {
      // 小计 closes a group: the one its label names, else the parent of the last unit
      const named = sub.key.replace(/(?:得分)?(?:小计|合计)(?:得分)?$/, "");
      let target: Node | null = null;
      if (named) {
        for (const n of open) if (n && n.name === named) target = n;
      }
      target ??= lastLeaf?.parent ?? null;
      if (target) {
        const w = num(g, r, cols.weight);
        const s = num(g, r, cols.score);
        if (w && w.ref.row === r) target.subtotalWeight = w;
        if (s && s.ref.row === r) target.subtotalScore = s;
        lastSubtotal = r;
      }
      continue;
    }

    // labels this row starts
    const weight = num(g, r, cols.weight);
    const score = num(g, r, cols.score);
    const ownNumbers = (weight && weight.ref.row === r && !weight.empty) || (score && score.ref.row === r && !score.empty);
    let rowNode: Node | null = null;
    let deepest = -1;
    for (let i = 0; i < depth; i++) {
      const own = cellAt(rowCells, cols.levels[i]);
      if (own && own.text !== "") deepest = i;
    }
    let started = false;
    for (let i = 0; i <= deepest; i++) {
      const own = cellAt(rowCells, cols.levels[i]);
      if (!own || own.text === "") continue;
      const label = textCell(g, r, cols.levels[i]);
      const current = open[i];
      // a label repeated down its column (merges undone and filled) continues its group — and a repeated leaf label
      // continues its unit unless the row carries numbers of its own
      const repeated = !started && current && squeeze(current.label?.text ?? "") === squeeze(label.text);
      if (repeated && (i < deepest || !ownNumbers)) continue;
      let parent: Node | null = null;
      for (let j = i - 1; j >= 0 && !parent; j--) parent = open[j];
      open[i] = newNode(i + 1, label, parent);
      for (let j = i + 1; j < depth; j++) open[j] = null;
      started = true;
    }
    if (started) rowNode = open[deepest];

    if (!rowNode) {
      if (!ownNumbers) continue;
      // numbers without a label of their own: a further unit under the deepest open label
      let deepestOpen: Node | null = null;
      for (const n of open) if (n) deepestOpen = n;
      if (!deepestOpen) continue;
      rowNode = newNode(deepestOpen.level, deepestOpen.label, deepestOpen.parent);
    }
    rowNode.rows.push(r);
    rowNode.weight = weight;
    rowNode.score = score;
    rowNode.reason = cols.reason === null ? null : textCell(g, r, cols.reason);
    rowNode.criteria = cols.criteria === null ? null : textCell(g, r, cols.criteria);
    // per-level 分值 / 得分 columns belong to the group open at that level
    for (let i = 0; i < depth; i++) {
      const n = open[i];
      if (!n) continue;
      const w = num(g, r, cols.levelWeight[i]);
      const s = num(g, r, cols.levelScore[i]);
      if (w && w.ref.row === r && !n.ownWeight) n.ownWeight = w;
      if (s && s.ref.row === r && !n.ownScore) n.ownScore = s;
    }
    lastLeaf = rowNode;
  }

  // nodes → groups and scoring units
  const items: ScorecardItem[] = [];
  const groups: ScorecardGroup[] = [];
  let itemsLastRow = headerRow;

  const visit = (n: Node, parentGroup: number | null): void => {
    if (n.children.length === 0) {
      const weighted = present(n.weight) || n.labelWeight !== null;
      if (!weighted && !present(n.score)) {
        for (let i = 0; i < n.rows.length; i++) placeholderRows.push(n.rows[i]);
        return;
      }
      const prev = items[items.length - 1];
      const sameParent = prev && prev.path.slice(0, -1).join("/") === pathOf(n).slice(0, -1).join("/");
      // optional rows sharing one merged 分值 (and 得分): one unit …
      const sharedMerge = !!prev && !!prev.weight && present(n.weight) && sameCell(prev.weight, n.weight) && sameCell(prev.score, n.score);
      // … and the same rows after the merge was undone and its value repeated (可选项 rows with equal 分值 and 得分)
      const repeatedOptional =
        !!prev &&
        /可选/.test(prev.name) &&
        /可选/.test(n.name) &&
        prev.rows[prev.rows.length - 1] + 1 === n.rows[0] &&
        valueOf(prev.weight) !== null &&
        valueOf(prev.weight) === valueOf(n.weight) &&
        valueOf(prev.score) === valueOf(n.score);
      if (prev && sameParent && (sharedMerge || repeatedOptional)) {
        for (let i = 0; i < n.rows.length; i++) prev.rows.push(n.rows[i]);
        prev.name = `${prev.name}、${n.name}`;
        prev.path[prev.path.length - 1] = prev.name;
        if (!prev.reasonCell?.text && n.reason?.text) prev.reasonCell = n.reason;
        itemsLastRow = maxRow(itemsLastRow, n.rows);
        return;
      }
      const path = pathOf(n);
      const idxItem = items.length;
      items.push({
        row: n.rows[0] ?? n.label?.ref.row ?? headerRow,
        rows: n.rows.slice(),
        path,
        level1: path.length > 1 ? path[0] : "",
        level2: path.length > 2 ? path[1] : "",
        name: n.name,
        nameCell: n.label,
        weight: n.weight && (present(n.weight) || n.labelWeight === null) ? n.weight : null,
        labelWeight: n.labelWeight,
        score: n.score,
        reasonCell: n.reason,
        criteriaCell: n.criteria,
      });
      itemsLastRow = maxRow(itemsLastRow, n.rows);
      for (let p = parentGroup; p !== null; p = groups[p].parent) groups[p].items.push(idxItem);
      return;
    }
    const weightCell = n.ownWeight ?? n.subtotalWeight ?? (present(n.weight) ? n.weight : null);
    const scoreCell = n.ownScore ?? n.subtotalScore ?? (n.rows.length && n.score && n.score.ref.row === n.rows[0] ? n.score : null);
    const declared = weightCell && weightCell.value !== null ? weightCell.value : n.labelWeight;
    const declaredCell: CellRef | null =
      weightCell && weightCell.value !== null ? weightCell.ref : n.labelWeight !== null && n.label ? n.label.ref : null;
    const gi = groups.length;
    groups.push({
      level: n.level,
      name: n.name,
      path: pathOf(n),
      labelCell: n.label ?? textCell(g, n.rows[0] ?? headerRow, cols.levels[n.level - 1]),
      declaredWeight: declared,
      declaredCell,
      weightCell,
      scoreCell,
      items: [],
      children: [],
      parent: parentGroup,
    });
    if (parentGroup !== null) groups[parentGroup].children.push(gi);
    itemsLastRow = maxRow(itemsLastRow, n.rows);
    for (let i = 0; i < n.children.length; i++) visit(n.children[i], gi);
  };
  for (const n of roots) visit(n, null);

  let bottom = totalRow ?? Math.max(itemsLastRow, lastSubtotal);
  const totalWeight = totalRow !== null ? num(g, totalRow, cols.weight) : null;
  let total: NumberCell | null = totalRow !== null ? num(g, totalRow, cols.score) : null;
  if (total && totalWeight && total.ref.address === totalWeight.ref.address) total = null;
  let totalInText: ScorecardTable["totalInText"] = null;
  if (totalRow === null || !total) {
    const stated = statedTotal(idx, top, headerRow - 1, bottom + 1, Math.min(limit, bottom + 4));
    if (stated) {
      if ("number" in stated) total = stated.number;
      else totalInText = stated.inText;
      const at = "number" in stated ? stated.number.ref.row : stated.inText.cell.ref.row;
      if (at > bottom) bottom = at;
    }
  }
  const gradeField =
    labelledField(idx, H.grade, top, Math.min(limit, bottom + 4)) ??
    inlineField(idx, /^(?:评价|自评|绩效)?等级[:：]/, top, Math.min(limit, bottom + 4));
  // an 评价等级 row right below the 合计 belongs to the table
  if (gradeField && gradeField.text !== "" && gradeField.ref.row > bottom) bottom = gradeField.ref.row;
  const fieldsTo = headerRow - 1;
  const name =
    labelledField(idx, projectNameLabel, top, fieldsTo) ??
    inlineField(idx, /^(?:项目名称|项目支出名称|单位名称|部门名称|评价项目|项目)[:：]/, top, fieldsTo) ??
    labelledField(idx, H.departmentName, top, fieldsTo);

  // parts that cannot be checked: no 得分 column at all; a group holding only template placeholders
  const partial: TablePartial[] = [];
  if (cols.score === null && allNull(cols.levelScore)) {
    partial.push({
      part: "scoreColumn",
      cell: cells[0] ? textCell(g, cells[0].row, cells[0].col).ref.address : null,
      why: { key: "scorecardNoScore", params: {} },
    });
  }
  for (let i = 0; i < groups.length; i++) {
    const gr = groups[i];
    if (gr.items.length > 0 || (gr.parent !== null && groups[gr.parent].items.length === 0)) continue;
    partial.push({
      part: "indicators",
      cell: gr.labelCell.ref.address,
      why: { key: "placeholderGroup", params: { level: gr.level, name: gr.name, weight: gr.declaredWeight } },
    });
  }

  return {
    kind: "scorecard",
    sheet: g.name,
    bounds: boundsOf(idx, top, bottom),
    title: scorecardTitle(idx, top, fieldsTo),
    partial,
    name: name && name.text !== "" ? name : null,
    levels: depth,
    items,
    groups,
    placeholderRows,
    hasReasonColumn: cols.reason !== null,
    totalWeight,
    total,
    totalInText,
    grade: gradeField && gradeField.text !== "" ? gradeField : null,
  };
}

const projectNameLabel = (k: string): boolean => H.projectName(k) || /^(?:单位名称[/、])?项目(?:支出)?名称$/.test(k) || k === "评价项目";

function scorecardTitle(idx: SheetIndex, from: number, to: number): string | null {
  for (let r = from; r <= to; r++) {
    for (const c of idx.row(r)) if (/评分表|得分表|评价表|指标体系|自评表/.test(c.key)) return c.text;
  }
  return null;
}

const TOTAL_IN_TEXT =
  /^(?:自评|评价|综合|绩效)?(?:总分|得分|总得分|评分|自评得分|综合得分|评价得分|自评总分|总评分)[:：](\d+(?:\.\d+)?)分?$/;
const TOTAL_LABEL = /^(?:自评|评价|综合|绩效)?(?:总分|总得分|自评得分|综合得分|评价得分|自评总分|总评分|综合评分)$/;

/** A 总分 written outside the table body: "自评得分：98" in one cell, or "总分 | 98" in two. */
function statedTotal(
  idx: SheetIndex,
  aboveFrom: number,
  aboveTo: number,
  belowFrom: number,
  belowTo: number,
): { number: NumberCell } | { inText: { cell: TextCell; value: number } } | null {
  const rows: number[] = [];
  for (let r = aboveFrom; r <= aboveTo; r++) rows.push(r);
  for (let r = belowFrom; r <= belowTo; r++) rows.push(r);
  for (const r of rows) {
    for (const c of idx.row(r)) {
      const k = halfWidth(squeeze(cellText(idx.grid.value(c.row, c.col))));
      const m = TOTAL_IN_TEXT.exec(k);
      if (m) return { inText: { cell: textCell(idx.grid, c.row, c.col), value: Number(m[1]) } };
      if (TOTAL_LABEL.test(c.key)) {
        const right = idx.rightOf(c);
        const cells = idx.row(r);
        let next: IndexedCell | null = null;
        for (let i = 0; i < cells.length && !next; i++) if (cells[i].col > right) next = cells[i];
        if (next) {
          const n = numberCell(idx.grid, r, next.col);
          if (n.value !== null || n.formula) return { number: n };
        }
      }
    }
  }
  return null;
}
