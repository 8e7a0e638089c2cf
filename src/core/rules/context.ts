/** What a rule has at hand while it checks a table: where to report findings and where to plan changes. */
import type { Finding, FindingCode, Severity, Suggestion } from "../findings";
import type { NumberCell, TableBase } from "../model";
import type { Profile } from "../profiles";
import { PlanBuilder } from "../fill";

export class RuleContext {
  readonly findings: Finding[] = [];
  readonly plan: PlanBuilder;

  constructor(
    readonly table: TableBase,
    readonly profile: Profile,
    /** Derived cells whose role was inferred (src/core/roles.ts): the fill suggests over a person's entry there. */
    inferred: ReadonlySet<string> = new Set(),
  ) {
    this.plan = new PlanBuilder(table.sheet, table.bounds, inferred);
  }

  report(code: FindingCode, severity: Severity, cell: string | null, message: string, messageEn: string, suggestion?: Suggestion): void {
    this.findings.push({ code, severity, sheet: this.table.sheet, cell, message, messageEn, ...(suggestion ? { suggestion } : {}) });
  }

  /** MISSING_VALUE for an empty required cell. */
  missing(cell: NumberCell | { ref: { address: string } } | null, what: string, whatEn: string): void {
    if (!cell) return;
    this.report("MISSING_VALUE", "warning", cell.ref.address, `${what}为空。`, `${whatEn} is empty.`);
  }
}

/** Numbers as a person writes them in a message: 97.9, 3386.925, 100. */
export function fmt(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toFixed(6)));
}

/** A rate as 0.00%: 1.008591 → "100.86%". */
export function pct(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  return `${(n * 100).toFixed(2)}%`;
}
