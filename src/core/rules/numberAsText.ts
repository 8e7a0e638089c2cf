/**
 * NUMBER_AS_TEXT (SPEC §2.4, §4): a number stored as text (spaces, full-width characters) in a numeric cell. The
 * finding says what will happen to that cell: converted by the fill (a formula the fill writes reads it, SPEC §5), or
 * left as it is by the fill (nothing reads it) — then only 转为数字 converts it. Never a promise the fill does not keep.
 */
import type { Finding } from "../findings";
import type { NumberCell } from "../model";
import type { FillPlan } from "../plan";
import { type RuleContext } from "./context";

export function checkNumbersAsText(ctx: RuleContext, cells: (NumberCell | null)[]): void {
  const seen = new Set<string>();
  for (const c of cells) {
    if (!c || !c.numberAsText || c.formula || seen.has(c.ref.address)) continue;
    seen.add(c.ref.address);
    const [message, messageEn] = numberAsTextWords(c, false);
    ctx.report("NUMBER_AS_TEXT", "info", c.ref.address, message, messageEn);
  }
}

function numberAsTextWords(c: NumberCell, converted: boolean): [string, string] {
  const raw = String(c.raw).trim();
  return converted
    ? [
        `文本形式的数字「${raw}」，应为数值 ${c.value}。填充的公式读取此单元格，填充时将其转为数值。`,
        `Number stored as text "${raw}"; it should be the number ${c.value}. A formula the fill writes reads it: the fill converts it.`,
      ]
    : [
        `文本形式的数字「${raw}」，应为数值 ${c.value}。填充不改动此单元格（没有填充的公式读取它），可用“转为数字”转换。`,
        `Number stored as text "${raw}"; it should be the number ${c.value}. The fill leaves it as it is (no formula it writes reads it); use Convert to number.`,
      ];
}

/** The table's NUMBER_AS_TEXT findings worded by what the built plan does to each cell. */
export function settleNumbersAsText(findings: Finding[], plan: FillPlan, cells: (NumberCell | null)[]): Finding[] {
  const converted = new Set(plan.changes.filter((c) => c.kind === "number").map((c) => c.cell.toUpperCase()));
  const byAddress = new Map<string, NumberCell>();
  for (const c of cells) if (c) byAddress.set(c.ref.address.toUpperCase(), c);
  return findings.map((f) => {
    if (f.code !== "NUMBER_AS_TEXT" || !f.cell) return f;
    const cell = byAddress.get(f.cell.toUpperCase());
    if (!cell) return f;
    const [message, messageEn] = numberAsTextWords(cell, converted.has(f.cell.toUpperCase()));
    return { ...f, message, messageEn };
  });
}
