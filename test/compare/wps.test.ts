/**
 * 对照报告 in WPS 文字 (WpsDocumentHost over the strict fake of test/fakes/fakeWpsWriter.ts), as word.test.ts does it
 * in Word: the open document's paragraphs and table cells read through Document.Paragraphs and Tables; the tool's own
 * report compares clean; a figure the person typed differently is found and selected (Range(start, end).Select()) in
 * its paragraph or its table cell; the fake refuses what WPS refuses (0-based items, ranges outside the document).
 */
import { WpsDocumentHost } from "../../src/adapters/wps/WpsDocumentHost";
import { compareAnalysed } from "../../src/app/commands/compare";
import { buildNarrative, statedAnalysis } from "../../src/core/narrative";
import { FakeWpsWriter, WriterDocModel, type MemberStyle } from "../fakes/fakeWpsWriter";
import { fixturePath } from "../support/fixtures";
import { workbook } from "./helpers";

const INFO = { fileName: "自评表.xlsx", generatedAt: "2021-03-15T08:00:00.000Z" };

async function setUp(members: MemberStyle = "property") {
  const wb = workbook(fixturePath("project-medical-aid-2020"));
  const doc = new WriterDocModel("自评报告.docx");
  const fake = new FakeWpsWriter(doc, { members });
  const report = new WpsDocumentHost(fake.Application);
  await report.write(buildNarrative(statedAnalysis(wb.tables[0])), INFO);
  const compare = async () =>
    compareAnalysed([{ sheet: wb.tables[0].sheet, tables: wb.tables, reason: null }], wb.snapshots, await report.readBlocks());
  return { wb, doc, fake, report, compare };
}

/** The selected text of the fake document. */
const selected = (doc: WriterDocModel) => (doc.selection ? doc.text.slice(doc.selection.start, doc.selection.end) : null);

test.each<MemberStyle>(["property", "method"])(
  "the report written into WPS 文字 reads back and compares clean (members as %s)",
  async (m) => {
    const { doc, report, compare } = await setUp(m);
    const blocks = await report.readBlocks();
    expect(blocks.filter((b) => b.kind === "heading").map((b) => b.text)).toContain("一、项目基本情况");
    const cells = doc.tableValues();
    expect(blocks.filter((b) => b.kind === "cell").map((b) => b.text)).toEqual(cells.flat(2));
    const funds = blocks.find((b) => b.kind === "cell" && b.text === "资金项目")!;
    expect(cells[funds.table!][funds.row!][funds.col!]).toBe("资金项目");
    // no paragraph carries a cell's text or an end mark
    expect(blocks.some((b) => /[\r\x07]/.test(b.text))).toBe(false);
    const r = await compare();
    expect(r.findings).toEqual([]);
    expect(r.figures.filter((f) => f.match === true).length).toBeGreaterThan(40);
  },
);

test("a figure typed differently: found, and selected in its paragraph; a changed table cell: selected in its cell", async () => {
  const { doc, report, compare } = await setUp();
  // the person types a sentence at the end and changes the funds table's 全年执行数 of the 财政拨款 row
  const end = doc.text.length - 1;
  doc.replace(end, end, "\r经核实，全年执行3416万元。");
  const values = doc.tableValues();
  const fundsAt = values.findIndex((t) => t[0][0] === "资金项目");
  const funds = [...doc.tables].sort((a, b) => a.span.start - b.span.start)[fundsAt];
  const cell = doc.cellSpans(funds)[2][3];
  doc.replace(cell.start, cell.end, "3461.022", undefined, funds);
  const r = await compare();
  expect(r.findings.map((f) => `${f.cell} ${f.stated}`).sort()).toEqual(["E6 3416万元", "E7 3461.022"]);

  const para = r.figures[r.findings.find((f) => f.cell === "E6")!.figure];
  await expect(report.selectFigure(para.block, para.stated)).resolves.toBe(true);
  expect(selected(doc)).toBe("3416万元");
  expect(doc.paragraphAt(doc.selection!.start).start).toBe(doc.text.lastIndexOf("\r", doc.text.length - 2) + 1);

  const inCell = r.figures[r.findings.find((f) => f.cell === "E7")!.figure];
  await expect(report.selectFigure(inCell.block, inCell.stated)).resolves.toBe(true);
  expect(selected(doc)).toBe("3461.022");
  const now = doc.cellSpans(funds)[2][3];
  expect(doc.selection).toEqual({ start: now.start, end: now.end });

  // the person deleted the sentence meanwhile: nothing to select, no error
  const last = doc.text.lastIndexOf("\r", doc.text.length - 2);
  doc.replace(last, doc.text.length - 1, "");
  doc.selection = null;
  await expect(report.selectFigure(para.block, para.stated)).resolves.toBe(false);
  expect(doc.selection).toBeNull();
});

test("the fake enforces what WPS enforces: 1-based paragraphs, ranges within the document", () => {
  const doc = new WriterDocModel("a.docx", ["第一段", "第二段"]);
  const app = new FakeWpsWriter(doc).Application as { ActiveDocument: Record<string, any> };
  const d = app.ActiveDocument;
  expect(d.Paragraphs.Count).toBe(2);
  expect(d.Paragraphs.Item(2).Range.Text).toBe("第二段\r");
  expect(() => d.Paragraphs.Item(0)).toThrow(/no paragraph 0/);
  expect(() => d.Paragraphs.Item(3)).toThrow(/no paragraph 3/);
  expect(() => d.Range(0, doc.text.length + 1).Select()).toThrow(/outside the document/);
  d.Range(4, 7).Select();
  expect(selected(doc)).toBe("第二段");
});

test("no document open: readBlocks says so", async () => {
  const host = new WpsDocumentHost(new FakeWpsWriter(null).Application);
  await expect(host.readBlocks()).rejects.toMatchObject({ code: "no-document" });
});
