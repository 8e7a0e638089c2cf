/**
 * The evaluator of the fill's formulas (src/core/evaluate.ts): the spreadsheet semantics the cached values and the
 * preview rely on. LibreOffice's own results for these formulas are checked on every fixture by the CLI chain
 * (test/support/fixtureChain.ts); here, the edge cases one by one.
 */
import { evaluateFormula, planValues, roundHalfAway } from "../../src/core/evaluate";
import { a1 } from "../../src/core/address";
import type { CellValue, SheetSnapshot } from "../../src/core/snapshot";
import type { FillPlan } from "../../src/core/plan";
import * as fs from "fs";
import { loadXlsx } from "../../src/adapters/xlsx";
import { analyzeWorkbook } from "../../src/core";
import { changeKey, chooseChanges, previewChoice } from "../../src/core/choose";
import { fixturePath } from "../support/fixtures";

function reader(cells: Record<string, CellValue>) {
  return (row: number, col: number) => cells[a1(row, col)] ?? null;
}

describe("evaluateFormula", () => {
  const cells = reader({ D6: 3386.925, E6: 3358.1, F6: 10, G6: 0.9915, A1: "abc", B1: "#DIV/0!", C1: " 12 " });
  it.each<[string, CellValue]>([
    ['=IFERROR(E6/D6,"")', 3358.1 / 3386.925],
    ['=IFERROR(E6/Z9,"")', ""],
    ["=E6/Z9", "#DIV/0!"],
    ['=IF(G6="","",ROUND(MIN(F6,F6*G6),2))', 9.92],
    ['=IF(Z1="","",1)', ""],
    ["=ROUND(SUM(F6,G6:G7,A1),2)", 10.99],
    ["=ROUND(2.675,2)", 2.68],
    ["=ROUND(-2.5,0)", -3],
    ["=MIN(A1:A2)", 0],
    ["=MAX(F6,20)", 20],
    ["=2^3^2", 64],
    ["=-2^2", 4],
    ["=1+2*3-4/2", 5],
    ["=50%*F6", 5],
    ['="a"&F6', "a10"],
    ["=F6>=10", true],
    ["=SUM(B1,F6)", "#DIV/0!"],
    ["=IFERROR(B1,7)", 7],
    ["=A1*2", "#VALUE!"],
    ['=VALUE(SUBSTITUTE("1,234",",",""))', 1234],
    ["=Z1", 0],
  ])("%s", (f, want) => {
    const got = evaluateFormula(f, cells);
    if (typeof want === "number") expect(got).toBeCloseTo(want, 10);
    else expect(got).toEqual(want);
  });

  it("gives undefined for what it does not compute (another sheet, an unknown function)", () => {
    expect(evaluateFormula("=Sheet2!A1", cells)).toBeUndefined();
    expect(evaluateFormula("=VLOOKUP(A1,B1:C9,2,0)", cells)).toBeUndefined();
  });

  it("rounds on the decimal a number shows", () => {
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
    expect(roundHalfAway(9.915, 2)).toBe(9.92);
    expect(roundHalfAway(1234.5, -1)).toBe(1230);
  });
});

describe("planValues", () => {
  const snap: SheetSnapshot = {
    name: "S",
    merges: null,
    cells: [
      { row: 6, col: 4, value: 100 },
      { row: 6, col: 5, value: 99.2 },
      { row: 6, col: 6, value: 10 },
      { row: 6, col: 7, value: 1 }, // G6 typed 100%
      { row: 6, col: 8, value: 10, formula: "=ROUND(MIN(F6,F6*G6),2)" },
    ],
  };
  const change = (cell: string, formula: string): FillPlan["changes"][number] => ({
    sheet: "S",
    cell,
    kind: "formula",
    before: { value: null, formula: null, numberFormat: null },
    after: { formula },
    expected: null,
    reason: "",
    reasonEn: "",
  });
  it("computes a written formula from the cells as they stand, and the formulas that read it", () => {
    const v = planValues(snap, { changes: [change("G6", '=IFERROR(E6/D6,"")')] });
    expect(v.get("G6")).toBeCloseTo(0.992, 10);
    expect(v.get("H6")).toBe(9.92); // a formula outside the plan that reads G6
  });
  it("a change left out leaves its cell as it was: the formula reading it uses the typed value", () => {
    const v = planValues(snap, { changes: [change("H6", '=IF(G6="","",ROUND(MIN(F6,F6*G6),2))')] });
    expect(v.get("H6")).toBe(10);
  });
});

describe("previewChoice on the medical-aid fixture", () => {
  it("unchecking the 执行率 G6 recomputes H6 and the 总分 from the typed rate, and names the dependency", async () => {
    const snaps = (await loadXlsx(new Uint8Array(fs.readFileSync(fixturePath("project-medical-aid-2020"))))).snapshots();
    const tables = analyzeWorkbook(snaps).sheets.flatMap((s) => s.tables);
    const plan = { changes: tables.flatMap((t) => t.plan.changes) };
    const all = previewChoice(snaps, tables, plan, plan);
    expect(all.values.get("附件3-1!H6")).toBe(10);
    expect(all.totals[0]).toEqual({ total: 98, grade: "优" });
    const keys = new Set(plan.changes.map(changeKey).filter((k) => k !== "附件3-1!G6"));
    const some = previewChoice(snaps, tables, plan, chooseChanges(plan, keys).plan);
    expect(some.values.get("附件3-1!H6")).toBe(9.92);
    expect(some.values.get("附件3-1!H23")).toBe(97.92);
    expect(some.dependsOn.get("附件3-1!H6")).toEqual(["附件3-1!G6"]);
    expect(some.totals[0]).toEqual({ total: 97.92, grade: "优" });
  });
});
