/**
 * Fill twice = fill once when a summary's 合计 holds an error value or a text: the first fill writes the 合计's SUM
 * and the 合计 row's 执行率 together (the rate is judged on the SUM the fill writes, not on the error the cell showed),
 * so the second fill finds nothing to do and the first preview was all there is. Real .xlsx files, through the CLI.
 */
import * as fs from "fs";
import * as path from "path";
import { run, tempDir } from "./run";
import { fixtureBytes } from "../adapters/xlsx/badInputs";
import { editPart } from "../adapters/xlsx/hostile";

jest.setTimeout(120_000);

const SHEET1 = "xl/worksheets/sheet1.xml";
let dir: string;
beforeAll(() => (dir = tempDir("jixiao-errtotal-")));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A cell's value replaced by an error value (t="e") or an inline text. */
const withValue = (ref: string, v: string) => (x: string) => {
  const body = v.startsWith("#") ? ` t="e"><v>${v}</v></c>` : ` t="inlineStr"><is><t>${v}</t></is></c>`;
  const out = x.replace(new RegExp(`<c r="${ref}"([^>]*?)(?: t="\\w+")?(?:/>|>[\\s\\S]*?</c>)`), `<c r="${ref}"$1${body}`);
  expect(out).not.toBe(x);
  return out;
};

interface Fill {
  changed: number;
  sheets: { changes: { cell: string; after: { formula?: string } }[] }[];
}
const cells = (j: Fill) => j.sheets.flatMap((s) => s.changes.map((c) => c.cell)).sort();

// the summary fixture's 合计 row is 12: C 年初预算数, D 全年预算数, E 全年执行数, F 执行率
const CASES: [string, string][] = [
  ["E12", "#REF!"],
  ["D12", "#DIV/0!"],
  ["E12", "#VALUE!"],
  ["D12", "#N/A"],
  ["E12", "见附件"],
];

it.each(CASES)("合计 %s holding %s: the first fill plans the SUM and the row's 执行率, the second nothing", async (ref, v) => {
  const input = path.join(dir, `in-${ref}-${CASES.findIndex((c) => c[1] === v)}.xlsx`);
  fs.writeFileSync(input, editPart(fixtureBytes("summary-projects-2020"), SHEET1, withValue(ref, v)));
  const f1 = path.join(dir, "f1.xlsx");
  const f2 = path.join(dir, "f2.xlsx");
  const first = await run(["fill", input, "-o", f1, "--json"], dir);
  expect(first.code).toBe(0);
  const planned = JSON.parse(first.stdout) as Fill;
  expect(cells(planned)).toEqual(expect.arrayContaining([ref, "F12"]));
  expect(planned.sheets.flatMap((s) => s.changes).find((c) => c.cell === "F12")?.after.formula).toBe('=IFERROR(E12/D12,"")');
  const second = await run(["fill", f1, "-o", f2, "--json"], dir);
  expect(second.code).toBe(0);
  const again = JSON.parse(second.stdout) as Fill;
  expect({ changed: again.changed, cells: cells(again) }).toEqual({ changed: 0, cells: [] });
});
