/** NUMBER_AS_TEXT (SPEC §2.4, §4): a number stored as text (spaces, full-width characters) in a numeric cell. */
import type { NumberCell } from "../model";
import { type RuleContext } from "./context";

export function checkNumbersAsText(ctx: RuleContext, cells: (NumberCell | null)[]): void {
  const seen = new Set<string>();
  for (const c of cells) {
    if (!c || !c.numberAsText || c.formula || seen.has(c.ref.address)) continue;
    seen.add(c.ref.address);
    ctx.report(
      "NUMBER_AS_TEXT",
      "warning",
      c.ref.address,
      `数字以文本形式存储（${JSON.stringify(c.raw)}），Excel、WPS 与 LibreOffice 对其运算结果不一致，应转为数值 ${c.value}（被公式引用时，填充会自动转换）。`,
      `A number stored as text (${JSON.stringify(c.raw)}); spreadsheets disagree on arithmetic over it. It should be the number ${c.value} (the fill converts it where a formula reads it).`,
    );
  }
}
