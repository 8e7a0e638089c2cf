/**
 * The fill plan (SPEC §3, §5): arithmetic cells always get their formula; indicator scores are written only
 * into empty cells; numbers stored as text that a formula reads become numbers. Nothing outside the table.
 * The safety rule: a derived cell whose role was inferred (TableBase.inferred: a row label, a position, a hybrid
 * layout) is written only while empty; over a person's entry the change is held back as a suggestion.
 */
import type { NumberCell, TableBase, TextCell } from "./model";
import type { CellChange, CellContent, ChangeKind, FillPlan } from "./plan";
import { refersToCell, sameFormula } from "./formulas";
import { parseA1 } from "./address";
import { changeMessage, type ChangeReason } from "./messages";

export function contentOf(cell: NumberCell | TextCell): CellContent {
  const n = cell as NumberCell;
  return { value: cell.raw, formula: n.formula ?? null, numberFormat: n.numberFormat ?? null };
}

export class PlanBuilder {
  private readonly byCell = new Map<string, CellChange>();
  private readonly held = new Map<string, CellChange>();
  private readonly circular = new Map<string, string>();

  constructor(
    readonly sheet: string,
    readonly bounds: TableBase["bounds"],
    /** Derived cells whose role was inferred, not read from a header (A1). */
    readonly inferred: ReadonlySet<string> = new Set(),
  ) {}

  /** True when the fill leaves this cell as the person wrote it: its role is inferred and it is not empty. */
  holds(cell: NumberCell | null | undefined): boolean {
    return !!cell && this.inferred.has(cell.ref.address) && (!cell.empty || !!cell.formula);
  }

  /**
   * True (and remembered) when a formula would read its own cell: a layout misread — a merge across the body, a label
   * where a number belongs — makes a rule name the cell it writes as its input. Such a formula is never planned.
   */
  private selfReferent(cell: NumberCell, formula: string | undefined): boolean {
    if (!formula || !refersToCell(formula, cell.ref.address)) return false;
    if (!this.circular.has(cell.ref.address)) this.circular.set(cell.ref.address, formula);
    return true;
  }

  /** Plans one change; false when it is left out (its own cell, outside the table, or the cell already planned). */
  private push(
    cell: NumberCell,
    kind: ChangeKind,
    after: CellChange["after"],
    expected: CellChange["expected"],
    why: ChangeReason,
  ): boolean {
    if (this.selfReferent(cell, after.formula)) return false;
    const { row, col } = parseA1(cell.ref.address);
    const b = this.bounds;
    if (row < b.top || row > b.bottom || col < b.left || col > b.right) return false; // never outside the table
    const previous = this.byCell.get(cell.ref.address);
    if (previous && previous.kind !== "number") return false; // first writer wins; a conversion yields to a formula
    this.byCell.set(cell.ref.address, this.change(cell, kind, after, expected, why));
    return true;
  }

  private change(
    cell: NumberCell,
    kind: ChangeKind,
    after: CellChange["after"],
    expected: CellChange["expected"],
    why: ChangeReason,
  ): CellChange {
    const inferred = this.inferred.has(cell.ref.address);
    const said = changeMessage(why);
    const change: CellChange = {
      sheet: this.sheet,
      cell: cell.ref.address,
      kind,
      before: contentOf(cell),
      after,
      expected,
      why,
      reason: said.zh,
      reasonEn: said.en,
    };
    // added last, as a spread of { inferred } did (no spread of an empty object for every other change)
    if (inferred) change.inferred = inferred;
    return change;
  }

  /**
   * An arithmetic cell: its formula, replacing whatever was typed (and its number format, if given). True when the
   * cell holds this formula after the fill (it held it already, or the fill writes it): a rule reading the cell then
   * reads the formula's value, the same before the fill and after it; false when the cell keeps what it holds.
   */
  formula(cell: NumberCell | null, formula: string, expected: number | string | null, why: ChangeReason, numberFormat?: string): boolean {
    if (!cell) return false;
    if (sameFormula(cell.formula, formula)) {
      if (numberFormat && cell.numberFormat !== numberFormat) {
        this.push(cell, "format", { numberFormat }, expected, why);
      }
      return true;
    }
    const after = numberFormat ? { formula, numberFormat } : { formula };
    if (this.selfReferent(cell, formula)) return false;
    if (this.holds(cell)) {
      // a person's entry in a cell whose role was inferred: kept, the formula only suggested (SPEC §3)
      const { row, col } = parseA1(cell.ref.address);
      const b = this.bounds;
      if (row < b.top || row > b.bottom || col < b.left || col > b.right || this.held.has(cell.ref.address)) return false;
      this.held.set(cell.ref.address, this.change(cell, "formula", after, expected, why));
      return false;
    }
    return this.push(cell, "formula", after, expected, why) || this.byCell.get(cell.ref.address)?.after.formula === formula;
  }

  /** A number stored as text that a formula reads: the number it spells, same value. */
  numberFromText(cell: NumberCell | null): void {
    if (!cell || !cell.numberAsText || cell.value === null || cell.formula) return;
    if (this.byCell.has(cell.ref.address)) return;
    this.push(cell, "number", cell.percent ? { value: cell.value, numberFormat: "0.00%" } : { value: cell.value }, cell.value, {
      key: "numberFromText",
      params: { raw: JSON.stringify(cell.raw), value: String(cell.value) },
    });
  }

  /** An indicator score: only into an empty cell; a formula where the inputs are plain numbers. */
  score(cell: NumberCell | null, value: number, formula: string | null, why: ChangeReason): void {
    if (!cell || !cell.empty) return;
    this.push(cell, "score", formula ? { formula } : { value }, value, why);
  }

  /** One change, for a suggestion the person accepts (writes over their entry, by their choice). */
  accept(cell: NumberCell, value: number, formula: string | null, why: ChangeReason): void {
    this.push(cell, "score", formula ? { formula } : { value }, value, why);
  }

  build(): FillPlan {
    return { changes: [...this.byCell.values()] };
  }

  /** Formulas left out because they would read their own cell: the cell (A1) and the formula, for TABLE_PARTIAL. */
  selfReferences(): { cell: string; formula: string }[] {
    const out: { cell: string; formula: string }[] = [];
    for (const [cell, formula] of this.circular) out.push({ cell, formula });
    return out;
  }

  /** The changes held back over a person's entries (inferred roles): suggestions, never written by the fill. */
  suggestions(): CellChange[] {
    return [...this.held.values()];
  }
}
