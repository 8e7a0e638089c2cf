/**
 * WpsDocumentHost over the fake WPS 文字: the report written as bookmarked sections, the link kept in document
 * variables, refresh rewriting only the sections whose numbers changed, keeping text outside them and the person's
 * edits (unless forced) — in both builds (members as properties and as methods).
 */
import fc from "fast-check";
import { WpsDocumentHost, bookmarkName, LINK_CHUNK } from "../../../src/adapters/wps/WpsDocumentHost";
import { buildNarrative, parseLinkXml, sectionLines, type Narrative } from "../../../src/core/narrative";
import { isUserError } from "../../../src/core/errors";
import { FakeWpsWriter, WriterDocModel, type MemberStyle } from "../../fakes/fakeWpsWriter";
import { departmentAnalysis, projectAnalysis } from "../../narrative/models";

const INFO = { fileName: "自评表.xlsx", generatedAt: "2021-03-01T00:00:00.000Z" };

function sectionText(n: Narrative, id: string): string {
  return sectionLines(n.sections.find((s) => s.id === id)!).join("\r");
}

/** The highlighted stretches the report should show: placeholder sentences, neighbours in a paragraph joined. */
function placeholders(n: Narrative): string[] {
  const out: string[] = [];
  for (const s of n.sections)
    for (const p of s.paragraphs) {
      let run = "";
      for (const x of p.sentences) {
        if (x.placeholder) run += x.text;
        else if (run) {
          out.push(run);
          run = "";
        }
      }
      if (run) out.push(run);
    }
  return out;
}

function snapshot(doc: WriterDocModel): unknown {
  return JSON.parse(JSON.stringify({ t: doc.text, s: doc.styles, h: doc.highlight, b: [...doc.bookmarks], v: [...doc.variables] }));
}

/** The person types a paragraph (in their own formatting: no highlight) right after a section, or at the end. */
function typeAfter(doc: WriterDocModel, text: string, after: string | "end"): void {
  let at: number;
  let typed: string;
  if (after === "end") {
    at = doc.text.length - 1;
    typed = `\r${text}`;
  } else {
    at = doc.paragraphAt(doc.bookmarks.get(after)!.end).end; // after the section's last paragraph mark
    typed = `${text}\r`;
  }
  const r = doc.replace(at, at, typed);
  for (let i = r.start; i < r.end; i++) doc.highlight[i] = 0;
}

/** The person rewrites the n-th paragraph (0 = heading) inside a section. */
function editInside(doc: WriterDocModel, name: string, paragraph: number, text: string): void {
  const b = doc.bookmarks.get(name)!;
  let at = b.start;
  for (let i = 0; i < paragraph; i++) at = doc.text.indexOf("\r", at) + 1;
  const end = Math.min(doc.text.indexOf("\r", at), b.end);
  doc.replace(at, end, text);
}

function written(members: MemberStyle, n: Narrative = buildNarrative(projectAnalysis())) {
  const doc = new WriterDocModel("自评报告.docx", ["致：市财政局", ""]);
  const fake = new FakeWpsWriter(doc, { members });
  const host = new WpsDocumentHost(fake.Application);
  host.writeSync(n, INFO);
  return { doc, fake, host, n };
}

describe.each(["property", "method"] as MemberStyle[])("WpsDocumentHost (%s build)", (members) => {
  test("write: title, then each section bookmarked jixiao_<section> with heading and paragraphs; placeholders yellow; link in variables", async () => {
    const { doc, n } = written(members);
    const paras = doc.paragraphs();
    // the title broken as a person breaks it: manual line breaks in one Title paragraph
    expect(paras.slice(0, 3).map((p) => p.text)).toEqual(["致：市财政局", "", n.titleLines.join("\v")]);
    expect(paras[2].style).toBe("标题");
    for (const s of n.sections) {
      expect(doc.bookmarkText(bookmarkName(s.id))).toBe(sectionText(n, s.id));
      const at = paras.findIndex((p) => p.text === s.title);
      expect(paras.slice(at, at + 1 + s.paragraphs.length).map((p) => p.style)).toEqual(["标题 2", ...s.paragraphs.map(() => "正文")]);
    }
    expect(paras.flatMap((p) => p.highlighted)).toEqual(placeholders(n));
    const xml = [...Array(Number(doc.variables.get("jixiao_link_count")))]
      .map((_, i) => doc.variables.get(`jixiao_link_${i + 1}`))
      .join("");
    const link = parseLinkXml(xml)!;
    expect(link.fileName).toBe(INFO.fileName);
    expect(link.tables[0].sheet).toBe("附件3-1");
    expect(link.tables[0].quotes).toContainEqual({ section: "basic", cell: "E6", label: "全年执行数", value: "3416.022万元" });
  });

  test("into an empty document the title is the first paragraph", async () => {
    const doc = new WriterDocModel("空.docx");
    const n = buildNarrative(projectAnalysis());
    await new WpsDocumentHost(new FakeWpsWriter(doc, { members }).Application).write(n, INFO);
    expect(doc.paragraphs()[0]).toMatchObject({ text: n.titleLines.join("\v"), style: "标题", alignment: 1 });
    expect(doc.text.endsWith("\r")).toBe(true);
  });

  test("a second write is refused with a clear message and changes nothing", async () => {
    const { doc, host, n } = written(members);
    const before = snapshot(doc);
    const e = await host.write(n, INFO).catch((x) => x);
    expect(isUserError(e) && e.code).toBe("report-exists");
    expect(e.zh).toContain("刷新");
    expect(snapshot(doc)).toEqual(before);
  });

  test("refresh with unchanged data writes nothing", async () => {
    const { doc, host } = written(members);
    typeAfter(doc, "局领导批示：同意。", "end");
    const before = snapshot(doc);
    const r = await host.refresh(buildNarrative(projectAnalysis()), { now: "2021-04-01T00:00:00.000Z" });
    expect([r.changes, r.rewritten, r.edited, r.missing]).toEqual([[], [], [], []]);
    expect(snapshot(doc)).toEqual(before);
  });

  test("a changed number: only the sections quoting it are rewritten; text outside and highlights stay right", async () => {
    const { doc, host } = written(members);
    typeAfter(doc, "（本段为人工补充的项目背景。）", bookmarkName("basic"));
    typeAfter(doc, "附件：绩效自评表", "end");
    const goals = doc.bookmarkText(bookmarkName("goals"));
    const next = buildNarrative(projectAnalysis({ executed: "\u30003300.5", rate: 3300.5 / 3386.925, budgetScore: 9.74, total: 97.74 }));
    const r = await host.refresh(next, { now: "2021-04-01T00:00:00.000Z" });
    expect(r.changes).toEqual(
      expect.arrayContaining([
        { section: "basic", cell: "E6", label: "全年执行数", before: "3416.022万元", after: "3300.5万元" },
        { section: "conclusion", cell: "H23", label: "总分", before: "98分", after: "97.74分" },
      ]),
    );
    expect(r.rewritten).toEqual(["basic", "conclusion", "deviation"]);
    expect(doc.bookmarkText(bookmarkName("goals"))).toBe(goals);
    for (const s of next.sections) expect(doc.bookmarkText(bookmarkName(s.id))).toBe(sectionText(next, s.id));
    const texts = doc.paragraphs().map((p) => p.text);
    expect(texts[0]).toBe("致：市财政局");
    const basicHeading = texts.indexOf(next.sections.find((s) => s.id === "basic")!.title);
    const basicParas = next.sections.find((s) => s.id === "basic")!.paragraphs.length;
    expect(texts[basicHeading + 1 + basicParas]).toBe("（本段为人工补充的项目背景。）");
    expect(texts[texts.length - 1]).toBe("附件：绩效自评表");
    expect(doc.paragraphs().flatMap((p) => p.highlighted)).toEqual(placeholders(next));
    for (const s of next.sections) {
      const at = doc.paragraphs().findIndex((p) => p.text === s.title);
      expect(doc.paragraphs()[at].style).toBe("标题 2");
      expect(doc.paragraphs()[at + 1].style).toBe("正文");
    }
    expect((await host.readLink())?.generatedAt).toBe("2021-04-01T00:00:00.000Z");
    const again = await host.refresh(next);
    expect([again.changes, again.rewritten]).toEqual([[], []]);
  });

  test("a section the person edited is not overwritten (reported), unless forced", async () => {
    const { doc, host } = written(members);
    editInside(doc, bookmarkName("conclusion"), 1, "经自评，该项目总分98分，等级为优。（人工改写）");
    editInside(doc, bookmarkName("application"), 1, "自评结果已于2021年3月在局网站公开。");
    const next = buildNarrative(projectAnalysis({ total: 97.5 }));
    const r = await host.refresh(next);
    expect(r.edited).toEqual(["conclusion"]);
    expect(r.rewritten).toEqual([]);
    expect(doc.bookmarkText(bookmarkName("conclusion"))).toContain("（人工改写）");
    expect(doc.bookmarkText(bookmarkName("application"))).toContain("局网站公开");
    const r2 = await host.refresh(next);
    expect(r2.changes).toContainEqual({ section: "conclusion", cell: "H23", label: "总分", before: "98分", after: "97.5分" });
    const forced = await host.refresh(next, { force: true });
    expect(forced.rewritten).toEqual(["conclusion"]);
    expect(doc.bookmarkText(bookmarkName("conclusion"))).toBe(sectionText(next, "conclusion"));
    expect(doc.bookmarkText(bookmarkName("application"))).toContain("局网站公开");
  });

  test("a deleted section is reported missing; the rest refreshes", async () => {
    const { doc, host } = written(members);
    const b = doc.bookmarks.get(bookmarkName("deviation"))!;
    doc.replace(b.start, b.end, "");
    expect(doc.bookmarks.has(bookmarkName("deviation"))).toBe(false);
    const r = await host.refresh(buildNarrative(projectAnalysis({ total: 97 })));
    expect(r.missing).toEqual(["deviation"]);
    expect(r.rewritten).toContain("conclusion");
  });

  test("no report, no document, or a different kind of table: clear messages, nothing written", async () => {
    const doc = new WriterDocModel("正文.docx", ["正文"]);
    const host = new WpsDocumentHost(new FakeWpsWriter(doc, { members }).Application);
    const e = await host.refresh(buildNarrative(projectAnalysis())).catch((x) => x);
    expect(isUserError(e) && e.code).toBe("no-report");
    expect(await host.readLink()).toBeNull();
    const none = await new WpsDocumentHost(new FakeWpsWriter(null, { members }).Application).readLink().catch((x) => x);
    expect(isUserError(none) && none.code).toBe("no-document");
    const w = written(members);
    const before = snapshot(w.doc);
    const m = await w.host.refresh(buildNarrative(departmentAnalysis())).catch((x) => x);
    expect(isUserError(m) && m.code).toBe("link-mismatch");
    expect(snapshot(w.doc)).toEqual(before);
  });

  test("a long link is kept in several variables and read back whole", async () => {
    const { doc, host, n } = written(members);
    const link = (await host.readLink())!;
    const big = { ...link, fileName: "长".repeat(LINK_CHUNK + 10) + ".xlsx" };
    // refresh with a new file name writes the link again
    await host.refresh(buildNarrative(projectAnalysis({ total: 97 })), { fileName: big.fileName });
    expect(Number(doc.variables.get("jixiao_link_count"))).toBeGreaterThan(1);
    expect((await host.readLink())?.fileName).toBe(big.fileName);
    expect(n.sections.length).toBeGreaterThan(0);
  });
});

test("property: any sequence of data changes keeps the sections equal to the data and the text outside intact", () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ executed: fc.integer({ min: 3000000, max: 3500000 }), total: fc.integer({ min: 6000, max: 10000 }) }), {
        minLength: 1,
        maxLength: 4,
      }),
      fc.constantFrom<MemberStyle>("property", "method"),
      (steps, members) => {
        const { doc, host } = written(members, buildNarrative(projectAnalysis({ executed: 3416.022 })));
        typeAfter(doc, "人工段落", bookmarkName("goals"));
        for (const s of steps) {
          const n = buildNarrative(
            projectAnalysis({ executed: s.executed / 1000, rate: s.executed / 1000 / 3386.925, total: s.total / 100 }),
          );
          host.refreshSync(n);
          for (const x of n.sections) expect(doc.bookmarkText(bookmarkName(x.id))).toBe(sectionText(n, x.id));
          const texts = doc.paragraphs().map((p) => p.text);
          expect(texts.filter((p) => p === "人工段落")).toHaveLength(1);
          expect(texts[0]).toBe("致：市财政局");
          expect(doc.paragraphs().flatMap((p) => p.highlighted)).toEqual(placeholders(n));
        }
      },
    ),
    { numRuns: 25 },
  );
});

describe.each(["property", "method"] as MemberStyle[])("WpsDocumentHost tables and 落款 (%s build)", (members) => {
  test.each([
    ["project", () => buildNarrative(projectAnalysis())],
    ["department", () => buildNarrative(departmentAnalysis())],
  ])(
    "%s: each table after its section's bookmark, captioned 表n, header row repeated and bold, borders; the 落款 right-aligned",
    (_k, make) => {
      const n = make();
      const { doc } = written(members, n);
      const expected = n.sections.flatMap((s) => s.paragraphs.flatMap((p) => (p.table ? [p.table] : [])));
      expect(expected.length).toBeGreaterThan(0);
      expect(doc.tableValues()).toEqual(expected.map((t) => [t.header, ...t.rows.map((r) => t.header.map((_, i) => r[i] ?? ""))]));
      const tables = [...doc.tables].sort((a, b) => a.span.start - b.span.start);
      tables.forEach((t, i) => {
        expect([...t.headingRows]).toEqual([1]);
        expect(t.borders).toBe(true);
        // the caption is the paragraph just before the table, centred
        const before = doc.paragraphAt(t.span.start - 1);
        expect(doc.text.slice(before.start, before.end - 1)).toBe(
          `表${i + 1}　${expected[i].caption}${expected[i].unit ? `（单位：${expected[i].unit}）` : ""}`,
        );
        expect(doc.align[before.end - 1]).toBe(1);
        // the header row bold, the first body row not (unless it is a total)
        const cells = doc.cellSpans(t);
        expect(doc.bold[cells[0][0].start]).toBe(1);
        if (expected[i].rows.length && !(expected[i].emphasis ?? []).includes(0) && cells[1][0].end > cells[1][0].start)
          expect(doc.bold[cells[1][0].start]).toBe(0);
        for (const r of expected[i].emphasis ?? []) expect(doc.bold[cells[r + 1][0].start]).toBe(1);
        // after the section's bookmark, not in it
        for (const s of n.sections) {
          const b = doc.bookmarks.get(bookmarkName(s.id))!;
          expect(t.span.start >= b.end || t.span.end <= b.start).toBe(true);
        }
      });
      const paras = doc.paragraphs();
      const tail = paras.slice(-2);
      expect(tail.map((p) => p.text)).toEqual([n.signature.unit ?? "【请补充：单位名称】", "2021年3月1日"]);
      expect(tail.map((p) => p.alignment)).toEqual([2, 2]);
    },
  );

  test("a refresh after tables: only the changed sections rewritten, none taken for edited, the tables kept", async () => {
    const { doc, host } = written(members);
    const before = JSON.stringify(doc.tableValues());
    const next = buildNarrative(projectAnalysis({ executed: "\u30003300.5", rate: 3300.5 / 3386.925, budgetScore: 9.74, total: 97.74 }));
    const r = await host.refresh(next, { now: "2021-04-01T00:00:00.000Z" });
    expect(r.edited).toEqual([]);
    expect(r.missing).toEqual([]);
    expect(r.rewritten).toContain("basic");
    for (const id of r.rewritten) expect(doc.bookmarkText(bookmarkName(id))).toBe(sectionText(next, id));
    expect(JSON.stringify(doc.tableValues())).toBe(before);
  });
});
