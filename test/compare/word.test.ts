/**
 * 对照报告 in Word (WordReport over the strict fake of test/fakes/fakeWord.ts): the open document's paragraphs and
 * table cells read in one sync; the tool's own report compares clean; a figure the person typed differently is found
 * and selected in its paragraph or its table cell; the fake refuses what Word refuses (an older WordApi, a range no
 * longer there).
 */
import { WordReport } from "../../src/adapters/word/WordReport";
import { compareAnalysed } from "../../src/app/commands/compare";
import { buildNarrative, statedAnalysis } from "../../src/core/narrative";
import { FakeWord } from "../fakes/fakeWord";
import { fixturePath } from "../support/fixtures";
import { workbook } from "./helpers";

const INFO = { fileName: "自评表.xlsx", generatedAt: "2021-03-15T08:00:00.000Z" };

async function setUp() {
  const wb = workbook(fixturePath("project-medical-aid-2020"));
  const fake = new FakeWord();
  const report = new WordReport(fake.run);
  await report.write(buildNarrative(statedAnalysis(wb.tables[0])), INFO);
  const compare = async () =>
    compareAnalysed([{ sheet: wb.tables[0].sheet, tables: wb.tables, reason: null }], wb.snapshots, await report.readBlocks());
  return { wb, fake, report, compare };
}

test("the report written into Word reads back (paragraphs, headings, cells) in one sync and compares clean", async () => {
  const { fake, report, compare } = await setUp();
  const syncs = fake.syncs;
  const blocks = await report.readBlocks();
  expect(fake.syncs - syncs).toBe(1);
  expect(blocks.filter((b) => b.kind === "heading").map((b) => b.text)).toContain("一、项目基本情况");
  expect(blocks.filter((b) => b.kind === "cell").length).toBe(fake.tables().reduce((n, t) => n + t.values.flat().length, 0));
  const r = await compare();
  expect(r.findings).toEqual([]);
  expect(r.figures.filter((f) => f.match === true).length).toBeGreaterThan(40);
});

test("a figure typed differently: found, and selected in its paragraph; a changed table cell: selected in its cell", async () => {
  const { fake, report, compare } = await setUp();
  fake.typeParagraph("经核实，全年执行3416万元。", "end");
  const funds = fake.paragraphs.find((p) => p.table && p.table.values[0][0] === "资金项目")!.table!;
  funds.values[2][3] = "3461.022";
  const r = await compare();
  expect(r.findings.map((f) => `${f.cell} ${f.stated}`).sort()).toEqual(["E6 3416万元", "E7 3461.022"]);
  const para = r.figures[r.findings.find((f) => f.cell === "E6")!.figure];
  await expect(report.selectFigure(para.block, para.stated)).resolves.toBe(true);
  expect(fake.selection).toEqual({ text: "3416万元", paragraph: fake.paragraphs.length - 1 });
  const cell = r.figures[r.findings.find((f) => f.cell === "E7")!.figure];
  await expect(report.selectFigure(cell.block, cell.stated)).resolves.toBe(true);
  expect(fake.selection).toEqual({ text: "3461.022", cell: { table: 0, row: 2, col: 3 } });
  // the person deleted the sentence meanwhile: nothing to select, no error
  fake.paragraphs.pop();
  await expect(report.selectFigure(para.block, para.stated)).resolves.toBe(false);
});

test("Word without WordApi 1.3 (no body.tables): the fake refuses as Office does", async () => {
  const fake = new FakeWord(["全年执行3416万元。"], { api: 1.2 });
  await expect(new WordReport(fake.run).readBlocks()).rejects.toMatchObject({ code: "ApiNotFound" });
});
