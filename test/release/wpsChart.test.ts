/**
 * WPS 文字 reports carry the chart, as Word's do (issue 19): the pane draws it, WPS's FileSystem writes a temporary PNG
 * (InlineShapes.AddPicture takes a file path, and the fake refuses a path that is not in its file system), the picture
 * goes in embedded after the section's table with its caption 图1 under it, and the temporary file is removed.
 * A WPS without FileSystem writes the same report without the chart.
 */
import { WpsDocumentHost } from "../../src/adapters/wps/WpsDocumentHost";
import { buildNarrative, type Narrative } from "../../src/core/narrative";
import type { ChartRenderer } from "../../src/adapters/chart/svg";
import { FakeWpsWriter, PICTURE_MARK, WriterDocModel, type MemberStyle } from "../fakes/fakeWpsWriter";
import { projectAnalysis } from "../narrative/models";

const INFO = { fileName: "自评表.xlsx", generatedAt: "2021-03-01T00:00:00.000Z" };
// a real (tiny) PNG signature and body: the fake checks the signature, the test compares the bytes
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 255, 128, 7]);
const renderChart: ChartRenderer = async () => ({ png: PNG, width: 640, height: 360 });

function charts(n: Narrative) {
  return n.sections.flatMap((s) => s.paragraphs.flatMap((p) => (p.chart ? [p.chart] : [])));
}

describe.each(["property", "method"] as MemberStyle[])("WPS 文字 report chart (%s build)", (members) => {
  test("the chart is written to a temporary PNG, inserted embedded after its table with 图1 under it, and the file removed", async () => {
    const n = buildNarrative(projectAnalysis());
    expect(charts(n).length).toBeGreaterThan(0);
    const doc = new WriterDocModel("自评报告.docx", [""]);
    const fake = new FakeWpsWriter(doc, { members });
    await new WpsDocumentHost(fake.Application, { renderChart }).write(n, INFO);

    expect(doc.pictures).toHaveLength(charts(n).length);
    const pic = doc.pictures[0];
    expect([...pic.bytes]).toEqual([...PNG]);
    expect(pic.source.startsWith(`${FakeWpsWriter.TMP}/`)).toBe(true);
    expect(pic).toMatchObject({ width: 432, height: 243, lockAspectRatio: true });
    expect(pic.alternativeText).toContain(charts(n)[0].caption);
    // the temporary file was written and is gone
    expect(fake.written).toEqual([pic.source]);
    expect([...fake.files.keys()]).toEqual([]);

    const paras = doc.paragraphs();
    const at = paras.findIndex((p) => p.text === PICTURE_MARK);
    expect(at).toBeGreaterThan(0);
    expect(paras[at].alignment).toBe(1);
    expect(paras[at + 1]).toMatchObject({ text: `图1　${charts(n)[0].caption}`, alignment: 1 });
    // after the section's table (its caption 表… comes before the picture), and before the 落款
    const tableCaption = paras.findIndex((p) => p.text.startsWith("表1"));
    expect(tableCaption).toBeGreaterThan(-1);
    expect(tableCaption).toBeLessThan(at);
    expect(doc.tables.every((t) => t.span.end <= doc.pictures[0].span.start || t.span.start > doc.pictures[0].span.start)).toBe(true);
  });

  test("AddPicture is given a file that exists: the fake refuses a path outside its file system", () => {
    const doc = new WriterDocModel("x.docx", [""]);
    const fake = new FakeWpsWriter(doc, { members });
    const doc0 = fake.Application.ActiveDocument as any;
    const d = typeof doc0 === "function" ? doc0() : doc0;
    const shapes = typeof d.InlineShapes === "function" ? d.InlineShapes() : d.InlineShapes;
    expect(() => shapes.AddPicture("/tmp/wps-fake/none.png", false, true)).toThrow(/no such file/);
  });

  test("a WPS without FileSystem: the report is written without the chart, tables and sections as before", async () => {
    const n = buildNarrative(projectAnalysis());
    const without = new WriterDocModel("a.docx", [""]);
    await new WpsDocumentHost(new FakeWpsWriter(without, { members, fileSystem: false }).Application, { renderChart }).write(n, INFO);
    const plain = new WriterDocModel("b.docx", [""]);
    await new WpsDocumentHost(new FakeWpsWriter(plain, { members }).Application).write(n, INFO);
    expect(without.pictures).toEqual([]);
    expect(without.text).toBe(plain.text);
    expect(without.text).not.toContain("图1");
  });
});
