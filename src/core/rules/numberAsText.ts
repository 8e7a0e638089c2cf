/**
 * NUMBER_AS_TEXT (SPEC §2.4, §4): a number stored as text (spaces, full-width characters) in a numeric cell. The
 * finding says what will happen to that cell: converted by the fill (a formula the fill writes reads it, SPEC §5), or
 * left as it is by the fill (nothing reads it) — then only 转为数字 converts it. Never a promise the fill does not keep.
 */
import type { Finding } from "../findings";
import type { NumberCell } from "../model";
import type { FillPlan } from "../plan";
import { type RuleContext } from "./context";
import { findingMessage } from "../messages";

export function checkNumbersAsText(ctx: RuleContext, cells: (NumberCell | null)[]): void {
  let seen: Set<string> | null = null;
  for (const c of cells) {
    if (!c || !c.numberAsText || c.formula || seen?.has(c.ref.address)) continue;
    (seen ??= new Set()).add(c.ref.address);
    ctx.report("NUMBER_AS_TEXT", "info", c.ref.address, { raw: String(c.raw).trim(), value: String(c.value) });
  }
}

/** The table's NUMBER_AS_TEXT findings worded by what the built plan does to each cell. */
export function settleNumbersAsText(findings: Finding[], plan: FillPlan, cells: (NumberCell | null)[]): Finding[] {
  for (let i = 0; i < findings.length; i++) {
    if (findings[i].code === "NUMBER_AS_TEXT" && findings[i].cell) return wordNumbersAsText(findings, plan, cells);
  }
  return findings;
}

/** NUMBER_AS_TEXT.converted where the plan converts the cell, NUMBER_AS_TEXT where it leaves it as it is. */
function wordNumbersAsText(findings: Finding[], plan: FillPlan, cells: (NumberCell | null)[]): Finding[] {
  const converted = new Set(plan.changes.filter((c) => c.kind === "number").map((c) => c.cell.toUpperCase()));
  const byAddress = new Map<string, NumberCell>();
  for (const c of cells) if (c) byAddress.set(c.ref.address.toUpperCase(), c);
  // a loop, not map: optimised code's map makes a holey array, a new map for the code that reads the findings
  const out: Finding[] = [];
  for (const f of findings) {
    const cell = f.code === "NUMBER_AS_TEXT" && f.cell ? byAddress.get(f.cell.toUpperCase()) : undefined;
    if (!cell || !f.cell) {
      out.push(f);
      continue;
    }
    const key = converted.has(f.cell.toUpperCase()) ? "NUMBER_AS_TEXT.converted" : "NUMBER_AS_TEXT";
    const params = { raw: String(cell.raw).trim(), value: String(cell.value) };
    const { zh, en } = findingMessage(key, params);
    out.push({ ...f, key, params, message: zh, messageEn: en });
  }
  return out;
}
