/**
 * Variants of a real table, as other tools and people leave them (SPEC §2.6): merges undone with the value
 * repeated, the table moved, a second table beside it, a far stray value. They work on sparse snapshots.
 */
import {
  isSparse,
  snapshotCells,
  type MergedArea,
  type SheetSnapshot,
  type SnapshotCell,
  type SparseSheetSnapshot,
} from "../../src/core/snapshot";
import { parseA1, a1, type TableAnalysis } from "../../src/core";

function sparse(s: SheetSnapshot): SparseSheetSnapshot {
  return isSparse(s) ? s : { name: s.name, merges: s.merges, cells: snapshotCells(s) };
}

/** What WPS 拆分并填充内容 (or 方方格子 取消合并并填充) leaves: every formerly merged cell holds the value, no merges. */
export function unmergeAndFill(s: SheetSnapshot): SparseSheetSnapshot {
  const sp = sparse(s);
  const byKey = new Map(sp.cells.map((c) => [`${c.row}:${c.col}`, c] as const));
  const out = new Map(byKey);
  for (const m of sp.merges ?? []) {
    const tl = byKey.get(`${m.top}:${m.left}`);
    if (!tl) continue;
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        out.set(`${r}:${c}`, { row: r, col: c, value: tl.value, formula: null, numberFormat: tl.numberFormat ?? null });
      }
  }
  return { name: sp.name, merges: null, cells: [...out.values()] };
}

/** The table moved down and right. */
export function shifted(s: SheetSnapshot, rows: number, cols: number): SparseSheetSnapshot {
  const sp = sparse(s);
  const mv = (m: MergedArea): MergedArea => ({ top: m.top + rows, bottom: m.bottom + rows, left: m.left + cols, right: m.right + cols });
  return {
    name: sp.name,
    merges: sp.merges ? sp.merges.map(mv) : null,
    cells: sp.cells.map((c) => ({
      ...c,
      row: c.row + rows,
      col: c.col + cols,
      formula: c.formula ? shiftFormula(c.formula, rows, cols) : c.formula,
    })),
  };
}

/** A1 references in a formula moved by (rows, cols). */
export function shiftFormula(f: string, rows: number, cols: number): string {
  return f.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)/g, (_, d1: string, letters: string, d2: string, num: string) => {
    let n = 0;
    for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
    n += cols;
    let name = "";
    while (n > 0) {
      const m = (n - 1) % 26;
      name = String.fromCharCode(65 + m) + name;
      n = Math.floor((n - 1) / 26);
    }
    return `${d1}${name}${d2}${Number(num) + rows}`;
  });
}

/** Two copies of the table on one sheet: the second `gap` columns to the right of the first. */
export function besideItself(s: SheetSnapshot, gap = 2): SparseSheetSnapshot {
  const sp = sparse(s);
  const right = Math.max(...sp.cells.map((c) => c.col), ...(sp.merges ?? []).map((m) => m.right));
  const copy = shifted(sp, 0, right + gap);
  return {
    name: sp.name,
    merges: sp.merges ? [...sp.merges, ...(copy.merges ?? [])] : null,
    cells: [...sp.cells, ...copy.cells],
  };
}

/** Two copies of the table on one sheet, the second `gap` rows below the first. */
export function belowItself(s: SheetSnapshot, gap = 3): SparseSheetSnapshot {
  const sp = sparse(s);
  const bottom = Math.max(...sp.cells.map((c) => c.row), ...(sp.merges ?? []).map((m) => m.bottom));
  const copy = shifted(sp, bottom + gap, 0);
  return { name: sp.name, merges: sp.merges ? [...sp.merges, ...(copy.merges ?? [])] : null, cells: [...sp.cells, ...copy.cells] };
}

/** A stray value far away (XFD1048576 by default). */
export function withFarValue(s: SheetSnapshot, row = 1_048_576, col = 16_384, value: SnapshotCell["value"] = "x"): SparseSheetSnapshot {
  const sp = sparse(s);
  return { ...sp, cells: [...sp.cells, { row, col, value, formula: null, numberFormat: null }] };
}

/** Column letters moved right by `by` for every column at or after `from` (inserting columns). */
export function insertColumnsInFormula(f: string, from: number, by: number): string {
  return f.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)/g, (_, d1: string, letters: string, d2: string, num: string) => {
    let n = 0;
    for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
    if (n >= from) n += by;
    let name = "";
    while (n > 0) {
      const m = (n - 1) % 26;
      name = String.fromCharCode(65 + m) + name;
      n = Math.floor((n - 1) / 26);
    }
    return `${d1}${name}${d2}${num}`;
  });
}

/**
 * The 年度指标值 column `col` split into 指标性质 | 指标值 | 度量单位 (四川 and other 2023 layouts): the header cell at
 * `headerRow` becomes three sub-headers, each target below is split where it is a quantity, columns after it move
 * two to the right.
 */
export function splitTargetColumn(
  s: SheetSnapshot,
  col: number,
  headerRow: number,
  rows: Set<number>,
  split: (text: string) => { sign: string; value: number | string; unit: string } | null,
): SparseSheetSnapshot {
  const sp = sparse(s);
  const cells: SnapshotCell[] = [];
  const moveCol = (c: number) => (c > col ? c + 2 : c);
  for (const c of sp.cells) {
    const f = c.formula ? insertColumnsInFormula(c.formula, col + 1, 2) : c.formula;
    if (c.col !== col) {
      cells.push({ ...c, col: moveCol(c.col), formula: f });
      continue;
    }
    if (c.row === headerRow) {
      cells.push({ ...c, col, value: "指标性质" }, { ...c, col: col + 1, value: "指标值" }, { ...c, col: col + 2, value: "度量单位" });
      continue;
    }
    const parts = rows.has(c.row) && typeof c.value === "string" ? split(c.value) : null;
    if (!parts) {
      cells.push({ ...c, col: col + 1, formula: f });
      continue;
    }
    if (parts.sign) cells.push({ row: c.row, col, value: parts.sign });
    cells.push({ row: c.row, col: col + 1, value: parts.value });
    if (parts.unit) cells.push({ row: c.row, col: col + 2, value: parts.unit });
  }
  const merges = sp.merges
    ? sp.merges.map((m) => {
        const left = m.left > col ? m.left + 2 : m.left;
        const right = m.right >= col && m.left <= col ? m.right + 2 : m.right > col ? m.right + 2 : m.right;
        return { ...m, left, right };
      })
    : null;
  return { name: sp.name, merges, cells };
}

/** Template rows ("指标2：", "……") inserted after `row`: every row below moves down by the number inserted. */
export function withTemplateRows(s: SheetSnapshot, row: number, nameCol: number, texts: string[]): SparseSheetSnapshot {
  const sp = sparse(s);
  const by = texts.length;
  const moveRow = (r: number) => (r > row ? r + by : r);
  const shiftRows = (f: string) =>
    f.replace(/(\$?[A-Z]{1,3}\$?)(\d+)/g, (_, colPart: string, num: string) => `${colPart}${moveRow(Number(num))}`);
  const cells: SnapshotCell[] = sp.cells.map((c) => ({ ...c, row: moveRow(c.row), formula: c.formula ? shiftRows(c.formula) : c.formula }));
  texts.forEach((t, i) => cells.push({ row: row + 1 + i, col: nameCol, value: t }));
  const merges = sp.merges
    ? sp.merges.map((m) => ({ ...m, top: moveRow(m.top), bottom: m.bottom > row ? m.bottom + by : m.bottom }))
    : null;
  return { name: sp.name, merges, cells };
}

/** A table's findings, changes and held-back suggestions as comparable strings, with every address moved by `move`. */
export function signature(t: TableAnalysis, move: (row: number, col: number) => [number, number] = (r, c) => [r, c]) {
  const at = (cell: string | null) => {
    if (!cell) return "-";
    const { row, col } = parseA1(cell);
    const [r, c] = move(row, col);
    return a1(r, c);
  };
  return {
    kind: t.kind,
    total: t.evaluation.total,
    rate: t.evaluation.executionRate,
    weightSum: t.evaluation.weightSum,
    findings: t.findings.map((f) => `${f.code}@${at(f.cell)}`).sort(),
    changes: t.plan.changes.map((c) => `${at(c.cell)} ${c.kind} ${c.expected}`).sort(),
    suggested: (t.suggested ?? []).map((c) => `${at(c.cell)} ${c.expected}`).sort(),
  };
}
