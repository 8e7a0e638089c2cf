/**
 * The unit a table's money is written in: "（单位：元）", "项目资金\n(元)", "金额（万元）" in its title lines or
 * headers. 元 anywhere wins (a table in 元 may still name 万元 in a note); none written is 万元 (SPEC §2). Pure.
 */
import type { Table } from "../model";
import { halfWidth } from "../text";
import type { SheetIndex } from "./sheetIndex";

const UNIT = /\((万?元)\)|单位:(万?元)/;

/** Reads the unit from the rows just above the table down to its bottom (at most 60 rows), within its columns. */
export function readMoneyUnit(idx: SheetIndex, t: Table): "万元" | "元" {
  const { top, left, bottom, right } = t.bounds;
  const rows = idx.rowsIn(top - 3, Math.min(bottom, top + 60));
  for (let i = 0; i < rows.length; i++) {
    const cells = idx.row(rows[i]);
    for (let j = 0; j < cells.length; j++) {
      const c = cells[j];
      // only text names a unit (a number's or a truth value's text has no 元)
      if (c.col < left || c.col > right || typeof c.raw !== "string" || !c.text.includes("元")) continue;
      const m = UNIT.exec(halfWidth(c.text).replace(/\s+/g, ""));
      if (m && (m[1] ?? m[2]) === "元") return "元";
    }
  }
  return "万元";
}
