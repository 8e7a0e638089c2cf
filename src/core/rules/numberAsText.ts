/** NUMBER_AS_TEXT (SPEC §2.4, §4): a number stored as text (spaces, full-width characters) in a numeric cell. */
import type { NumberCell } from "../model";
import { type RuleContext } from "./context";

export function checkNumbersAsText(ctx: RuleContext, cells: (NumberCell | null)[]): void {
  const seen = new Set<string>();
  for (const c of cells) {
    if (!c || !c.numberAsText || c.formula || seen.has(c.ref.address)) continue;
    seen.add(c.ref.address);
    ctx.report("NUMBER_AS_TEXT", "info", c.ref.address, { raw: String(c.raw).trim(), value: String(c.value) });
  }
}
