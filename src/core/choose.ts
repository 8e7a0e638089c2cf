/**
 * Choosing changes: the fill plan grouped by why each cell changes (执行率, 得分, 总分与合计, 文本数字),
 * a chosen subset turned back into a plan, and the findings that one action fixes (every NUMBER_AS_TEXT of a
 * table → one plan that turns them into numbers). Pure: the pane and the CLI decide what to show and write.
 */
import type { TableAnalysis } from "./analysis";
import type { Finding } from "./findings";
import type { NumberCell, Table } from "./model";
import type { CellChange, FillPlan } from "./plan";
import { PlanBuilder } from "./fill";
import { numberCellsOf } from "./analyze";
import { parseA1, a1 } from "./address";
import { inferredRoles } from "./roles";
import type { Grade } from "./analysis";
import { Grid, type CellValue, type SheetSnapshot } from "./snapshot";
import { planValues } from "./evaluate";
import { grade } from "./rules/grade";

/** Why a cell changes, as the preview groups it. */
export type ChangeGroupId = "rate" | "score" | "total" | "number" | "other";

export const CHANGE_GROUP_ORDER: readonly ChangeGroupId[] = ["rate", "score", "total", "number", "other"];

/** A change's identity in a plan: sheet and cell (a plan writes a cell at most once). */
export function changeKey(c: { sheet: string; cell: string }): string {
  return `${c.sheet}!${c.cell.toUpperCase()}`;
}

export interface ChangeGroup {
  id: ChangeGroupId;
  /** Keys of the group's changes, in plan order. */
  keys: string[];
  changes: CellChange[];
}

/** What role each arithmetic cell plays in a table, by address. */
function roles(t: Table): Map<string, ChangeGroupId> {
  const m = new Map<string, ChangeGroupId>();
  const put = (c: NumberCell | null | undefined, id: ChangeGroupId) => {
    if (c && !m.has(c.ref.address)) m.set(c.ref.address, id);
  };
  switch (t.kind) {
    case "project":
      put(t.rate, "rate");
      for (const f of [t.fundTotal, ...t.fundParts]) put(f?.rate, "rate");
      put(t.budgetScore, "score");
      put(t.rateIndicator?.score, "score");
      for (const i of t.indicators) put(i.score, "score");
      put(t.total, "total");
      put(t.totalWeight, "total");
      break;
    case "department":
      for (const f of [...t.fundSources, ...t.fundStructure]) put(f.rate, "rate");
      for (const i of t.indicators) put(i.score, "score");
      put(t.total, "total");
      put(t.totalWeight, "total");
      break;
    case "summary":
      for (const r of t.rows) put(r.rate, "rate");
      if (t.totalRow) {
        put(t.totalRow.rate, "rate");
        put(t.totalRow.initial, "total");
        put(t.totalRow.budget, "total");
        put(t.totalRow.executed, "total");
      }
      for (const r of t.rows) put(r.score, "score");
      break;
    case "scorecard":
      for (const g of t.groups) {
        put(g.scoreCell, "total");
        put(g.weightCell, "total");
      }
      put(t.total, "total");
      put(t.totalWeight, "total");
      for (const i of t.items) put(i.score, "score");
      break;
  }
  return m;
}

/**
 * The table's arithmetic cells (SPEC §3 "two kinds of derived cell"): 执行率, 执行率得分, 总分, 合计 and subtotals —
 * the cells the fill always writes a formula into. Indicator scores (a person's judgement) and cells whose role was
 * inferred (src/core/roles.ts: written only while empty) are not among them.
 */
export function arithmeticCells(t: Table): Map<string, ChangeGroupId> {
  const judged = new Set<string>();
  if (t.kind === "project" || t.kind === "department") for (const i of t.indicators) if (i.score) judged.add(i.score.ref.address);
  if (t.kind === "summary") for (const r of t.rows) if (r.score) judged.add(r.score.ref.address);
  if (t.kind === "scorecard") {
    for (const i of t.items) if (i.score) judged.add(i.score.ref.address);
    for (const g of t.groups) if (g.weightCell) judged.add(g.weightCell.ref.address);
  }
  // declared weights are the table's own statements, not arithmetic the fill owns
  if (t.kind !== "summary" && t.totalWeight) judged.add(t.totalWeight.ref.address);
  // a cell whose role was inferred (a row label, a position) is the fill's only while empty (SPEC §3)
  for (const cell of inferredRoles(t)) judged.add(cell);
  const out = new Map<string, ChangeGroupId>();
  for (const [cell, id] of roles(t)) if (!judged.has(cell)) out.set(cell, id);
  return out;
}

/** The group a change belongs to: a conversion of text to a number is its own reason; else the cell's role. */
export function changeGroupOf(c: CellChange, rolesBySheet: Map<string, Map<string, ChangeGroupId>>): ChangeGroupId {
  if (c.kind === "number") return "number";
  const role = rolesBySheet.get(c.sheet)?.get(c.cell.toUpperCase());
  if (role) return role;
  return c.kind === "score" ? "score" : "other";
}

/** The plan's changes grouped by reason, in the order 执行率, 得分, 总分与合计, 文本数字, 其他; empty groups left out. */
export function groupChanges(tables: readonly TableAnalysis[], plan: FillPlan): ChangeGroup[] {
  const bySheet = new Map<string, Map<string, ChangeGroupId>>();
  for (const t of tables) {
    const m = bySheet.get(t.sheet) ?? new Map<string, ChangeGroupId>();
    for (const [k, v] of roles(t.table)) if (!m.has(k)) m.set(k, v);
    bySheet.set(t.sheet, m);
  }
  const groups = new Map<ChangeGroupId, ChangeGroup>();
  for (const c of plan.changes) {
    const id = changeGroupOf(c, bySheet);
    const g = groups.get(id) ?? { id, keys: [], changes: [] };
    g.keys.push(changeKey(c));
    g.changes.push(c);
    groups.set(id, g);
  }
  return CHANGE_GROUP_ORDER.filter((id) => groups.has(id)).map((id) => groups.get(id)!);
}

/** Cells a formula refers to on its own sheet (A1 and A1:B9; ranges of more than 10,000 cells are ignored). */
export function formulaRefs(formula: string): string[] {
  const out: string[] = [];
  // strip string literals, then skip references to other sheets ('Sheet'!A1, Sheet!A1)
  const body = formula.replace(/"[^"]*"/g, '""');
  const re = /((?:'[^']*'|[A-Za-z0-9_\u4e00-\u9fff.]+)!)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?(?![A-Za-z0-9_(])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    if (m[1]) continue;
    const before = body[m.index - 1];
    if (before && /[A-Za-z0-9_.]/.test(before)) continue; // part of a longer name
    const start = parseA1(`${m[2]}${m[3]}`);
    if (!m[4]) {
      out.push(a1(start.row, start.col));
      continue;
    }
    const end = parseA1(`${m[4]}${m[5]}`);
    const top = Math.min(start.row, end.row),
      bottom = Math.max(start.row, end.row);
    const left = Math.min(start.col, end.col),
      right = Math.max(start.col, end.col);
    if ((bottom - top + 1) * (right - left + 1) > 10_000) continue;
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) out.push(a1(r, c));
  }
  return out;
}

/** For each formula change, the conversions (text → number) in the same plan that its formula reads. */
export function conversionsRequired(plan: FillPlan): Map<string, string[]> {
  const conversions = new Set(plan.changes.filter((c) => c.kind === "number").map(changeKey));
  const out = new Map<string, string[]>();
  for (const c of plan.changes) {
    if (!c.after.formula) continue;
    const needs = [...new Set(formulaRefs(c.after.formula).map((ref) => changeKey({ sheet: c.sheet, cell: ref })))].filter((k) =>
      conversions.has(k),
    );
    if (needs.length) out.set(changeKey(c), needs);
  }
  return out;
}

export interface Choice {
  /** The plan to write: the chosen changes, in plan order. */
  plan: FillPlan;
  /** Conversions added although not chosen, because a chosen formula reads them (key → the formulas' keys). */
  required: Map<string, string[]>;
}

/**
 * The chosen changes as a plan. A number stored as text that a chosen formula reads is converted with it
 * (SPEC §5: engines disagree on arithmetic over such text), and said so in `required`.
 */
export function chooseChanges(plan: FillPlan, chosen: ReadonlySet<string>): Choice {
  const needs = conversionsRequired(plan);
  const required = new Map<string, string[]>();
  for (const [formulaKey, conv] of needs) {
    if (!chosen.has(formulaKey)) continue;
    for (const k of conv) {
      if (chosen.has(k)) continue;
      required.set(k, [...(required.get(k) ?? []), formulaKey]);
    }
  }
  const changes = plan.changes.filter((c) => chosen.has(changeKey(c)) || required.has(changeKey(c)));
  return { plan: { changes }, required };
}

/** Findings that one action fixes together, and the plan of that action. */
export interface FindingFix {
  code: "NUMBER_AS_TEXT";
  findings: Finding[];
  /** What the one action writes: every such cell becomes the number it spells (same value). */
  plan: FillPlan;
}

/**
 * A table's NUMBER_AS_TEXT findings as one fix: each cell becomes the number it spells (a percentage keeps a
 * 0.00% format). Findings whose cell is no longer a text number are left out; null when none remains.
 */
export function numberAsTextFix(analysis: TableAnalysis): FindingFix | null {
  const findings = analysis.findings.filter((f) => f.code === "NUMBER_AS_TEXT" && f.cell);
  if (findings.length === 0) return null;
  const cells = new Map<string, NumberCell>();
  for (const c of numberCellsOf(analysis.table)) if (c && c.numberAsText && !c.formula) cells.set(c.ref.address, c);
  const plan = new PlanBuilder(analysis.table.sheet, analysis.table.bounds);
  const kept: Finding[] = [];
  for (const f of findings) {
    const cell = cells.get(f.cell!.toUpperCase());
    if (!cell) continue;
    plan.numberFromText(cell);
    kept.push(f);
  }
  const built = plan.build();
  return built.changes.length ? { code: "NUMBER_AS_TEXT", findings: kept, plan: built } : null;
}

/** What a chosen subset of the plan will make the workbook show (the preview recomputed as the choice changes). */
export interface ChoicePreview {
  /** Change key → the value the cell will show once the chosen changes are written (chosen changes only). */
  values: Map<string, CellValue>;
  /** Change key of a chosen formula → the keys of the changes it reads that are not chosen ("H6 依赖 G6"). */
  dependsOn: Map<string, string[]>;
  /** Per table (in the order given): the 总分 its 总分 cell will show and its 等级, null where it shows none. */
  totals: { total: number | null; grade: Grade | null }[];
}

/**
 * The values the chosen changes will show, computed over the sheets as they stand with only those changes made
 * (evaluate.ts): unchecking the 执行率 formula makes the 执行率得分 and the 总分 read the typed rate. A table's 总分
 * is its 总分 cell's value after the choice (the engine's figure where the table has no such cell).
 */
export function previewChoice(
  snapshots: readonly SheetSnapshot[],
  tables: readonly TableAnalysis[],
  plan: FillPlan,
  chosen: FillPlan,
): ChoicePreview {
  const values = new Map<string, CellValue>();
  const after = new Map<string, Map<string, CellValue>>();
  const bySheet = new Map(snapshots.map((s) => [s.name, s]));
  const grids = new Map<string, Grid>();
  const gridOf = (sheet: string) => {
    let g = grids.get(sheet);
    if (!g) grids.set(sheet, (g = new Grid(bySheet.get(sheet)!)));
    return g;
  };
  const changed = new Set(chosen.changes.map((c) => c.sheet));
  for (const s of snapshots) {
    if (!changed.has(s.name)) continue;
    const v = planValues(s, chosen);
    after.set(s.name, v);
    for (const c of chosen.changes) {
      if (c.sheet !== s.name) continue;
      const x = v.get(c.cell.toUpperCase());
      if (x !== undefined) values.set(changeKey(c), x);
    }
  }
  const chosenKeys = new Set(chosen.changes.map(changeKey));
  const left = new Set(plan.changes.map(changeKey).filter((k) => !chosenKeys.has(k)));
  const dependsOn = new Map<string, string[]>();
  for (const c of chosen.changes) {
    if (!c.after.formula) continue;
    const reads = [...new Set(formulaRefs(c.after.formula).map((r) => changeKey({ sheet: c.sheet, cell: r })))].filter((k) => left.has(k));
    if (reads.length) dependsOn.set(changeKey(c), reads);
  }
  const totals = tables.map((t) => {
    const cell = "total" in t.table ? (t.table.total as NumberCell | null) : null;
    if (!cell || !bySheet.has(t.sheet)) return { total: t.evaluation.total, grade: t.evaluation.grade };
    const address = cell.ref.address.toUpperCase();
    const computed = after.get(t.sheet)?.get(address);
    const { row, col } = parseA1(address);
    const v = computed !== undefined ? computed : gridOf(t.sheet).value(row, col);
    const total = typeof v === "number" && Number.isFinite(v) ? v : null;
    return { total, grade: total === null ? null : grade(total) };
  });
  return { values, dependsOn, totals };
}
