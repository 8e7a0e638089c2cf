/**
 * Which derived cells had their role inferred rather than read from a recognised header of the table's own kind
 * (SPEC §3 "Two kinds of derived cell"): the fill writes them only while empty, and over a person's entry only
 * suggests. What the recogniser itself marked (TableBase.inferred) plus what the structure shows:
 * - project: the 执行率得分 of a 预算执行率 indicator row (湖北 layout, a row label) or of any row other than the
 *   年度资金总额 row; a 总分 standing in the 年度资金总额 row (hybrid) or above the indicator block (a header field);
 * - department and scorecard: a 总分 written as a field above the indicators ("自评总分 | 97.6", "自评得分 | 98").
 */
import type { Table } from "./model";

export function inferredRoles(t: Table): Set<string> {
  const out = new Set<string>(t.inferred ?? []);
  switch (t.kind) {
    case "project": {
      const fundRow = t.fundTotal?.labelCell.ref.row ?? null;
      if (t.budgetScore && (t.rateIndicator || fundRow === null || t.budgetScore.ref.row !== fundRow)) out.add(t.budgetScore.ref.address);
      if (t.total) {
        const firstIndicator = Math.min(...t.indicators.map((i) => i.row), t.rateIndicator?.row ?? Infinity);
        if (t.total.ref.row === fundRow || t.total.ref.row < firstIndicator) out.add(t.total.ref.address);
      }
      break;
    }
    case "department": {
      const firstIndicator = Math.min(...t.indicators.map((i) => i.row));
      if (t.total && t.total.ref.row < firstIndicator) out.add(t.total.ref.address);
      break;
    }
    case "scorecard": {
      const firstItem = Math.min(...t.items.map((i) => i.row));
      if (t.total && t.total.ref.row < firstItem) out.add(t.total.ref.address);
      break;
    }
    case "summary":
      break;
  }
  return out;
}
