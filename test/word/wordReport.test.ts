import fc from "fast-check";
import { WordReport, sectionTag } from "../../src/adapters/word/WordReport";
import { buildNarrative, LINK_NAMESPACE, parseLinkXml, sectionLines, type Narrative } from "../../src/core/narrative";
import { isUserError } from "../../src/core/errors";
import { FakeWord, type PNode } from "../fakes/fakeWord";
import { departmentAnalysis, projectAnalysis } from "../narrative/models";

const INFO = { fileName: "自评表.xlsx", generatedAt: "2021-03-01T00:00:00.000Z" };

function sectionText(n: Narrative, id: string): string {
  return sectionLines(n.sections.find((s) => s.id === id)!).join("\n");
}

function snapshot(fake: FakeWord): unknown {
  return JSON.parse(JSON.stringify({ p: fake.paragraphs, c: [...fake.controls.values()], x: fake.parts }));
}

async function written(n: Narrative = buildNarrative(projectAnalysis())) {
  const fake = new FakeWord(["致：市财政局", ""]);
  const report = new WordReport(fake.run);
  await report.write(n, INFO);
  return { fake, report, n };
}

describe("WordReport.write", () => {
  test("sections as content controls tagged jixiao:<section>, placeholders highlighted, link stored; 2 syncs", async () => {
    const { fake, n } = await written();
    expect(fake.syncs).toBe(2);
    // the title broken as a person breaks it, one Title paragraph per line
    expect(n.titleLines.join("")).toBe(n.title);
    expect(fake.paragraphTexts().slice(0, 2 + n.titleLines.length)).toEqual(["致：市财政局", "", ...n.titleLines]);
    for (const s of n.sections) {
      const ccs = fake.controlsByTag(sectionTag(s.id));
      expect(ccs).toHaveLength(1);
      expect(ccs[0].title).toBe(s.title);
      expect(fake.controlText(sectionTag(s.id))).toBe(sectionText(n, s.id));
      const paras = fake.controlParagraphs(ccs[0]);
      expect(paras.map((p) => p.style)).toEqual(["Heading2", ...s.paragraphs.map(() => "Normal")]);
    }
    const placeholders = n.sections.flatMap((s) =>
      s.paragraphs.flatMap((p) => p.sentences.filter((x) => x.placeholder).map((x) => x.text)),
    );
    expect(fake.highlighted()).toEqual(placeholders);
    const [xml] = fake.partXml(LINK_NAMESPACE);
    const link = parseLinkXml(xml)!;
    expect(link.fileName).toBe(INFO.fileName);
    expect(link.tables[0].sheet).toBe("附件3-1");
    expect(link.tables[0].sections.map((s) => s.id)).toEqual(n.sections.map((s) => s.id));
    expect(link.tables[0].quotes).toContainEqual({ section: "basic", cell: "E6", label: "全年执行数", value: "3416.022万元" });
  });

  test("a second write is refused with a clear message and changes nothing", async () => {
    const { fake, report, n } = await written();
    const before = snapshot(fake);
    const e = await report.write(n, INFO).catch((x) => x);
    expect(isUserError(e)).toBe(true);
    expect(e.code).toBe("report-exists");
    expect(e.zh).toContain("刷新");
    expect(snapshot(fake)).toEqual(before);
  });
});

describe("WordReport.refresh", () => {
  test("unchanged data: nothing written, nothing reported, 2 syncs", async () => {
    const { fake, report } = await written();
    fake.typeParagraph("局领导批示：同意。", "end");
    const before = snapshot(fake);
    fake.syncs = 0;
    const r = await report.refresh(buildNarrative(projectAnalysis()), { now: "2021-04-01T00:00:00.000Z" });
    expect(r.changes).toEqual([]);
    expect(r.rewritten).toEqual([]);
    expect(r.edited).toEqual([]);
    expect(snapshot(fake)).toEqual(before);
    expect(fake.syncs).toBe(2);
  });

  test("a changed number: only the sections quoting it are rewritten, text outside survives, changes reported; 3 syncs", async () => {
    const { fake, report } = await written();
    fake.typeParagraph("（本段为人工补充的项目背景。）", { afterTag: "jixiao:basic" });
    fake.typeParagraph("附件：绩效自评表", "end");
    const goalsBefore = fake.controlParagraphs(fake.controlsByTag("jixiao:goals")[0]).map((p: PNode) => p.id);
    fake.syncs = 0;
    const next = buildNarrative(projectAnalysis({ executed: "\u30003300.5", rate: 3300.5 / 3386.925, budgetScore: 9.74, total: 97.74 }));
    const r = await report.refresh(next, { now: "2021-04-01T00:00:00.000Z" });
    expect(fake.syncs).toBe(3);
    expect(r.changes).toEqual(
      expect.arrayContaining([
        { section: "basic", cell: "E6", label: "全年执行数", before: "3416.022万元", after: "3300.5万元" },
        { section: "basic", cell: "G6", label: "执行率", before: "100.86%", after: "97.45%" },
        { section: "basic", cell: "H6", label: "执行率得分", before: "10分", after: "9.74分" },
        { section: "conclusion", cell: "H23", label: "总分", before: "98分", after: "97.74分" },
      ]),
    );
    expect(r.rewritten).toEqual(["basic", "conclusion", "deviation"]);
    // The goals section did not change: its paragraphs are the very same ones.
    expect(fake.controlParagraphs(fake.controlsByTag("jixiao:goals")[0]).map((p: PNode) => p.id)).toEqual(goalsBefore);
    for (const s of next.sections) expect(fake.controlText(sectionTag(s.id))).toBe(sectionText(next, s.id));
    const texts = fake.paragraphTexts();
    expect(texts[0]).toBe("致：市财政局");
    expect(texts).toContain("（本段为人工补充的项目背景。）");
    expect(texts[texts.length - 1]).toBe("附件：绩效自评表");
    // Still right after the basic section.
    const basicLast = fake.controlParagraphs(fake.controlsByTag("jixiao:basic")[0]).pop()!;
    expect(fake.paragraphs[fake.paragraphs.indexOf(basicLast) + 1].runs[0].text).toBe("（本段为人工补充的项目背景。）");
    // Highlights follow the new text exactly (no highlight leaks into normal sentences).
    const placeholders = next.sections.flatMap((s) =>
      s.paragraphs.flatMap((p) => p.sentences.filter((x) => x.placeholder).map((x) => x.text)),
    );
    expect(fake.highlighted()).toEqual(placeholders);
    // The link now holds the new numbers and time: refreshing again reports nothing.
    const link = parseLinkXml(fake.partXml(LINK_NAMESPACE)[0])!;
    expect(link.generatedAt).toBe("2021-04-01T00:00:00.000Z");
    expect(fake.partXml(LINK_NAMESPACE)).toHaveLength(1);
    const again = await report.refresh(next);
    expect(again.changes).toEqual([]);
    expect(again.rewritten).toEqual([]);
  });

  test("a section the person edited is not overwritten (reported), unless forced", async () => {
    const { fake, report } = await written();
    fake.editInside("jixiao:conclusion", 1, "经自评，该项目总分98分，等级为优。（人工改写）");
    fake.editInside("jixiao:application", 1, "自评结果已于2021年3月在局网站公开。");
    const next = buildNarrative(projectAnalysis({ total: 97.5 }));
    const r = await report.refresh(next);
    expect(r.edited).toEqual(["conclusion"]);
    expect(r.rewritten).toEqual([]);
    expect(r.changes).toContainEqual({ section: "conclusion", cell: "H23", label: "总分", before: "98分", after: "97.5分" });
    expect(fake.controlText("jixiao:conclusion")).toContain("（人工改写）");
    // The application section's data did not change: the person's text stays, and it is not a conflict.
    expect(fake.controlText("jixiao:application")).toContain("局网站公开");
    // The skipped section keeps its old numbers in the link, so the change is still reported next time.
    const r2 = await report.refresh(next);
    expect(r2.changes).toContainEqual({ section: "conclusion", cell: "H23", label: "总分", before: "98分", after: "97.5分" });
    const forced = await report.refresh(next, { force: true });
    expect(forced.rewritten).toEqual(["conclusion"]);
    expect(fake.controlText("jixiao:conclusion")).toBe(sectionText(next, "conclusion"));
    expect(fake.controlText("jixiao:application")).toContain("局网站公开");
  });

  test("a deleted section is reported missing; the rest refreshes", async () => {
    const { fake, report } = await written();
    fake.deleteControl("jixiao:deviation");
    const r = await report.refresh(buildNarrative(projectAnalysis({ total: 97 })));
    expect(r.missing).toEqual(["deviation"]);
    expect(r.rewritten).toContain("conclusion");
    expect(fake.controlsByTag("jixiao:deviation")).toHaveLength(0);
  });

  test("no report in the document, or a different kind of table: clear messages, nothing written", async () => {
    const fake = new FakeWord(["正文"]);
    const report = new WordReport(fake.run);
    const e = await report.refresh(buildNarrative(projectAnalysis())).catch((x) => x);
    expect(isUserError(e) && e.code).toBe("no-report");
    expect(e.en).toMatch(/no report/i);
    expect(await report.readLink()).toBeNull();
    const w = await written();
    const before = snapshot(w.fake);
    const m = await w.report.refresh(buildNarrative(departmentAnalysis())).catch((x) => x);
    expect(isUserError(m) && m.code).toBe("link-mismatch");
    expect(snapshot(w.fake)).toEqual(before);
  });

  test("readLink returns what write stored", async () => {
    const { report } = await written();
    const link = await report.readLink();
    expect(link?.fileName).toBe(INFO.fileName);
    expect(link?.tables[0].title).toBe("城乡困难居民医疗救助项目2020年度绩效自评报告");
  });

  test("property: any sequence of data changes keeps the sections equal to the data and the text outside intact", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ executed: fc.integer({ min: 3000000, max: 3500000 }), total: fc.integer({ min: 6000, max: 10000 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        async (steps) => {
          const { fake, report } = await written(buildNarrative(projectAnalysis({ executed: 3416.022 })));
          fake.typeParagraph("人工段落", { afterTag: "jixiao:goals" });
          let prev = buildNarrative(projectAnalysis({ executed: 3416.022 }));
          for (const s of steps) {
            const t = projectAnalysis({ executed: s.executed / 1000, rate: s.executed / 1000 / 3386.925, total: s.total / 100 });
            const n = buildNarrative(t);
            const r = await report.refresh(n);
            const changedCells = new Set(r.changes.map((c) => c.cell));
            if (prev.sections.some((x) => sectionText(prev, x.id) !== sectionText(n, x.id))) expect(r.rewritten.length).toBeGreaterThan(0);
            else expect(changedCells.size).toBe(0);
            for (const x of n.sections) expect(fake.controlText(sectionTag(x.id))).toBe(sectionText(n, x.id));
            expect(fake.paragraphTexts().filter((p) => p === "人工段落")).toHaveLength(1);
            expect(fake.paragraphTexts()[0]).toBe("致：市财政局");
            prev = n;
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
