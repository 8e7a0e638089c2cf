/** What a rule has at hand while it checks a table: where to report findings and where to plan changes. */
import type { Finding, FindingCode, Severity, Suggestion } from "../findings";
import { findingMessage, type FindingKey, type FindingParams } from "../messages";
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

  /**
   * A finding: its entry in the catalogue (the code, or the code and a variant), its severity and cell, and what the
   * message names; the message itself is the catalogue's, in Chinese and English.
   */
  report<K extends FindingKey>(key: K, severity: Severity, cell: string | null, params: FindingParams<K>, suggestion?: Suggestion): void {
    const code = key.split(".")[0] as FindingCode;
    const { zh, en } = findingMessage(key, params as Readonly<Record<string, unknown>>);
    const finding: Finding = { code, severity, sheet: this.table.sheet, cell, key, params, message: zh, messageEn: en };
    // added last, as a spread of { suggestion } did (no spread of an empty object for every other finding)
    if (suggestion) finding.suggestion = suggestion;
    this.findings.push(finding);
  }

  /** MISSING_VALUE for an empty required cell (`MISSING_VALUE.<what>` says which). */
  missing<K extends FindingKey & `MISSING_VALUE.${string}`>(
    cell: NumberCell | { ref: { address: string } } | null,
    key: K,
    params: FindingParams<K>,
  ): void {
    if (!cell) return;
    this.report(key, "warning", cell.ref.address, params);
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
