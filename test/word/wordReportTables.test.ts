/**
 * Word's 写入报告 writes what the .docx writer writes: each section's tables (real Word tables, header row repeated
 * across pages) and chart (a PNG picture) after its content control, numbered captions, then the 落款 — and 刷新
 * still takes only the sections whose numbers changed (a table after a control is not an edit of it).
 */
import { WordReport, sectionTag } from "../../src/adapters/word/WordReport";
import { renderChartPng } from "../../src/adapters/chart/node";
import { buildNarrative, type Narrative, type ReportTable } from "../../src/core/narrative";
import * as fs from "fs";
import { FakeWord } from "../fakes/fakeWord";
import { FakeWpsWriter, WriterDocModel } from "../fakes/fakeWpsWriter";
import { WpsDocumentHost } from "../../src/adapters/wps/WpsDocumentHost";
import { FileHost } from "../../src/adapters/xlsx/FileHost";
import { readWorkbook } from "../../src/taskpane/word/wordModel";
import { fixtureNames, fixturePath } from "../support/fixtures";
import { departmentAnalysis, projectAnalysis } from "../narrative/models";

const INFO = { fileName: "自评表.xlsx", generatedAt: "2021-03-01T00:00:00.000Z" };

function reportTables(n: Narrative): ReportTable[] {
  return n.sections.flatMap((s) => s.paragraphs.flatMap((p) => (p.table ? [p.table] : [])));
}

async function written(n: Narrative, renderChart = renderChartPng) {
  const fake = new FakeWord(["致：市财政局", ""]);
  const report = new WordReport(fake.run, { renderChart });
  await report.write(n, INFO);
  return { fake, report };
}

describe.each([
  ["project", () => buildNarrative(projectAnalysis())],
  ["department", () => buildNarrative(departmentAnalysis())],
])("%s report in Word", (_kind, make) => {
  const n = make();
  let fake: FakeWord;
  beforeAll(async () => {
    ({ fake } = await written(n));
  });

  test("every table of the narrative, in order, captioned 表1 …, header row repeated, figures right-aligned, totals bold", () => {
    const expected = reportTables(n);
    expect(expected.length).toBeGreaterThan(0);
    const tables = fake.tables();
    expect(tables).toHaveLength(expected.length);
    tables.forEach((t, i) => {
      const want = expected[i];
      expect(t.before).toBe(`表${i + 1}　${want.caption}${want.unit ? `（单位：${want.unit}）` : ""}`);
      expect(t.values[0]).toEqual(want.header);
      expect(t.values.slice(1)).toEqual(want.rows.map((r) => want.header.map((_, c) => r[c] ?? "")));
      expect(t.headerRowCount).toBe(1);
      expect(t.style).toBe("TableGrid");
      expect(t.boldRows.has(0)).toBe(true);
      for (const r of want.emphasis ?? []) expect(t.boldRows.has(r + 1)).toBe(true);
      want.numeric.forEach((num, c) => {
        if (want.rows.length) expect(t.alignment.get(`1,${c}`)).toBe(num ? "Right" : undefined);
      });
    });
  });

  test("the chart as a PNG picture, 16 cm wide, with its alt text and its caption 图1 under it", () => {
    const charts = n.sections.flatMap((s) => s.paragraphs.flatMap((p) => (p.chart ? [p.chart] : [])));
    expect(charts.length).toBeGreaterThan(0);
    const pics = fake.pictures();
    expect(pics).toHaveLength(charts.length);
    pics.forEach((pic, i) => {
      expect(pic.format).toBe("png");
      expect(pic.width).toBe(432);
      expect(pic.height).toBe(Math.round((340 / 640) * 432));
      expect(pic.altTextTitle).toBe(charts[i].caption);
      expect(pic.altTextDescription).toBe(charts[i].altText);
      expect(pic.after).toBe(`图${i + 1}　${charts[i].caption}`);
    });
  });

  test("tables and pictures stand after their section's control, never inside one; the 落款 closes the report", () => {
    const blocks = fake.blocks();
    for (const b of blocks) if (b.kind !== "p") expect(b.cc).toBeNull();
    // each table comes after the control of the section that holds it, before the next section's
    const order = n.sections.map((s) => fake.controlsByTag(sectionTag(s.id))[0].id);
    let section = -1;
    for (const b of blocks) {
      if (b.cc !== null) section = order.indexOf(b.cc);
      if (b.kind === "t") {
        const owner = n.sections.findIndex((s) => s.paragraphs.some((p) => p.table && b.text.startsWith(p.table.header.join("\t"))));
        expect(section).toBe(owner);
      }
    }
    const tail = blocks.slice(-2);
    expect(tail.map((b) => b.alignment)).toEqual(["Right", "Right"]);
    expect(tail[1].text).toBe("2021年3月1日");
    expect(tail[0].text).toBe(n.signature.unit ?? "【请补充：单位名称】");
  });

  test("only the captions are bold: a bold caption does not pass its bold on to the next section or the 落款", () => {
    expect(fake.boldTexts().every((t) => /^[表图]\d+　/.test(t))).toBe(true);
    expect(fake.boldTexts().length).toBe(fake.tables().length + fake.pictures().length);
  });

  test("still 2 syncs", () => {
    expect(fake.syncs).toBe(2);
  });
});

test("a renderer that cannot draw: the tables without the chart; a table's 填报日期 dates the 落款", async () => {
  const n = buildNarrative(projectAnalysis());
  const dated: Narrative = { ...n, signature: { ...n.signature, date: { year: 2021, month: 4, day: 2 }, dateCell: "H30" } };
  const { fake } = await written(dated, async () => null);
  expect(fake.pictures()).toHaveLength(0);
  expect(fake.tables().length).toBe(reportTables(n).length);
  expect(fake.paragraphTexts().filter((t) => t.startsWith("图"))).toEqual([]);
  expect(fake.blocks().at(-1)!.text).toBe("2021年4月2日");
});

test("刷新 after a write with tables: the sections whose numbers changed are rewritten, none taken for edited", async () => {
  const { fake, report } = await written(buildNarrative(projectAnalysis()));
  const tablesBefore = JSON.stringify(fake.tables().map((t) => t.values));
  const changed = buildNarrative(projectAnalysis({ executed: 3300.5 }));
  const r = await report.refresh(changed, { now: "2021-04-01T00:00:00.000Z" });
  expect(r.edited).toEqual([]);
  expect(r.missing).toEqual([]);
  expect(r.rewritten.length).toBeGreaterThan(0);
  for (const id of r.rewritten)
    expect(fake.controlText(sectionTag(id)).split("\n")[0]).toBe(changed.sections.find((s) => s.id === id)!.title);
  // the tables are left as written (README, Known limits)
  expect(JSON.stringify(fake.tables().map((t) => t.values))).toBe(tablesBefore);
});

describe("every shared fixture's reports, written into Word and into WPS 文字", () => {
  const names = fixtureNames();
  test.each(names)(
    "%s: every table of the narrative becomes a table; the chart a picture (Word); refresh with the same data writes nothing",
    async (name) => {
      const book = await readWorkbook(await FileHost.open(`${name}.xlsx`, new Uint8Array(fs.readFileSync(fixturePath(name)))));
      for (const t of book.tables) {
        const n = t.narrative;
        const want = reportTables(n).map((x) => [x.header, ...x.rows.map((r) => x.header.map((_, i) => r[i] ?? ""))]);
        const charts = n.sections.flatMap((s) => s.paragraphs.filter((p) => p.chart)).length;
        const fake = new FakeWord();
        const report = new WordReport(fake.run, { renderChart: renderChartPng });
        await report.write(n, INFO);
        expect(fake.tables().map((x) => x.values)).toEqual(want);
        expect(fake.pictures()).toHaveLength(charts);
        const again = await report.refresh(n);
        expect([again.rewritten, again.edited, again.missing]).toEqual([[], [], []]);

        const doc = new WriterDocModel("r.docx", [""]);
        await new WpsDocumentHost(new FakeWpsWriter(doc).Application).write(n, INFO);
        expect(doc.tableValues()).toEqual(want);
      }
    },
  );
});
