/**
 * No planned formula reads its own cell. A misread layout — a merge across a summary table's body, the label
 * 年度资金总额 where a department table expects a number — once made fill plan `=IFERROR(A5/A5,"")` over a cell's
 * content (the label case is checked on the plan builder: this department fixture reads such a label as text). The plan now leaves such a formula out and TABLE_PARTIAL (variant selfReference) says so at the cell;
 * checked on hostile workbooks made here from the fixtures and on the plan builder itself.
 */
import * as fs from "fs";
import * as path from "path";
import { run, tempDir } from "./run";
import { fixtureBytes } from "../adapters/xlsx/badInputs";
import { editPart } from "../adapters/xlsx/hostile";
import { PlanBuilder } from "../../src/core/fill";
import { refersToCell } from "../../src/core/formulas";
import type { NumberCell } from "../../src/core/model";

jest.setTimeout(120_000);

const SHEET1 = "xl/worksheets/sheet1.xml";
let dir: string;
beforeAll(() => (dir = tempDir("jixiao-selfref-")));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const withMerge = (ref: string) => (x: string) =>
  x.replace(/<mergeCells count="(\d+)">/, (_, n: string) => `<mergeCells count="${Number(n) + 1}"><mergeCell ref="${ref}"/>`);

/** A cell's content replaced by an inline string. */
const withText = (ref: string, text: string) => (x: string) =>
  x.replace(
    new RegExp(`<c r="${ref}"([^>]*?)(?: t="\\w+")?(?:/>|>[\\s\\S]*?</c>)`),
    `<c r="${ref}"$1 t="inlineStr"><is><t>${text}</t></is></c>`,
  );

const HOSTILE: { name: string; fixture: string; edit: (x: string) => string }[] = [
  { name: "a merge across a summary row's body", fixture: "summary-projects-2020", edit: withMerge("A5:H5") },
  { name: "a merge across a summary row's money columns", fixture: "summary-projects-2020", edit: withMerge("D5:F5") },
  { name: "a merge across the whole summary body", fixture: "summary-projects-2020", edit: withMerge("A4:H11") },
  { name: "a label where a department table expects a number", fixture: "department-overall-2020", edit: withText("D5", "年度资金总额") },
];

interface Planned {
  cell: string;
  after: { formula?: string };
}

/** The cells whose TABLE_PARTIAL says a formula would have read the cell itself, over every variant. */
const saidCircular: string[] = [];

describe("no planned formula refers to its own cell", () => {
  it.each(HOSTILE)("$name: nothing planned or suggested reads its own cell", async ({ name, fixture, edit }) => {
    const input = path.join(dir, `${fixture}-${HOSTILE.findIndex((h) => h.name === name)}.xlsx`);
    fs.writeFileSync(input, editPart(fixtureBytes(fixture), SHEET1, edit));
    const out = path.join(dir, "out.xlsx");
    const fill = await run(["fill", input, "-o", out, "--json"], dir);
    expect(fill.stderr).toBe("");
    const json = JSON.parse(fill.stdout) as { sheets: { changes: Planned[]; suggestions: Planned[] }[] };
    const planned = json.sheets.flatMap((s) => [...s.changes, ...s.suggestions]);
    expect(planned.filter((c) => c.after.formula && refersToCell(c.after.formula, c.cell))).toEqual([]);
    const check = await run(["check", input, "--json"], dir);
    const findings = (
      JSON.parse(check.stdout) as { sheets: { findings: { code: string; cell: string | null; messageEn: string }[] }[] }
    ).sheets
      .flatMap((s) => s.findings)
      .filter((f) => f.code === "TABLE_PARTIAL" && /refer to the cell itself/.test(f.messageEn));
    for (const f of findings) expect(f.cell).toMatch(/^[A-Z]+\d+$/);
    saidCircular.push(...findings.map((f) => `${name}: ${f.cell}`));
  });

  it("the summary merges were such layouts, and the finding said so at the cell", () => {
    expect(saidCircular.filter((c) => c.startsWith("a merge across")).sort()).toEqual([
      "a merge across a summary row's body: A5",
      "a merge across a summary row's money columns: D5",
      "a merge across the whole summary body: A4",
    ]);
  });

  it("the plan builder leaves such a formula out and names it, with the cell", () => {
    const cell = (address: string): NumberCell =>
      ({ ref: { sheet: "S", address }, raw: "年度资金总额", value: null, empty: false }) as unknown as NumberCell;
    const plan = new PlanBuilder("S", { top: 1, left: 1, bottom: 20, right: 10 });
    plan.formula(cell("A5"), '=IFERROR(A5/A5,"")', null, { key: "rate", params: { initial: false } });
    plan.formula(cell("F9"), "=ROUND(SUM(F3:F10),2)", null, { key: "rate", params: { initial: false } });
    plan.formula(cell("G5"), '=IFERROR(F5/D5,"")', null, { key: "rate", params: { initial: false } });
    expect(plan.build().changes.map((c) => c.cell)).toEqual(["G5"]);
    expect(plan.selfReferences()).toEqual([
      { cell: "A5", formula: '=IFERROR(A5/A5,"")' },
      { cell: "F9", formula: "=ROUND(SUM(F3:F10),2)" },
    ]);
  });

  it("reads references as a spreadsheet does: ranges, $ signs; not text in quotes, another sheet or a function name", () => {
    expect(refersToCell("=A5/B5", "A5")).toBe(true);
    expect(refersToCell("=SUM($A$1:$C$9)", "B5")).toBe(true);
    expect(refersToCell("=SUM(C9:A1)", "B5")).toBe(true);
    expect(refersToCell('=IF(B1="A5",1,0)', "A5")).toBe(false);
    expect(refersToCell("=Sheet2!A5", "A5")).toBe(false);
    expect(refersToCell("=LOG10(2)", "G10")).toBe(false);
    expect(refersToCell("=A6/B5", "A5")).toBe(false);
  });
});
