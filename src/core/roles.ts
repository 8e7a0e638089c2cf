/**
 * Which derived cells had their role inferred rather than read from a recognised header of the table's own kind
 * (SPEC §3 "Two kinds of derived cell"): the fill writes them only while empty, and over a person's entry only
 * suggests. What the recogniser itself marked (TableBase.inferred) plus what the structure shows:
 * - project: the 执行率得分 of a 预算执行率 indicator row (湖北 layout, a row label) or of any row other than the
 *   年度资金总额 row; a 总分 standing in the 年度资金总额 row's 得分 (湖北 hybrid: a position, not a 总分 row).
 * A 总分 written as a labelled field above a table ("自评总分 | 97.6") is read from its label, not inferred.
 */
import type { Table } from "./model";

export function inferredRoles(t: Table): Set<string> {
  const out = new Set<string>(t.inferred ?? []);
  switch (t.kind) {
    case "project": {
      const fundRow = t.fundTotal?.labelCell.ref.row ?? null;
      if (t.budgetScore && (t.rateIndicator || fundRow === null || t.budgetScore.ref.row !== fundRow)) out.add(t.budgetScore.ref.address);
      if (t.total && t.total.ref.row === fundRow) out.add(t.total.ref.address);
      break;
    }
    case "department":
    case "scorecard":
      // a 总分 field above the table ("自评总分 | 97.6", "自评得分 | 98") is named by its own label: read, not inferred
      break;
    case "summary":
      break;
  }
  return out;
}
