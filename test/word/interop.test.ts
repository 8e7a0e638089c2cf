/** A report written by `jixiao report` (.docx), opened in Word, refreshes from the pane: same tags, same link XML. */
import JSZip from "jszip";
import { buildReportDocx } from "../../src/adapters/docx";
import { WordReport, sectionTag } from "../../src/adapters/word/WordReport";
import { buildNarrative, sectionLines } from "../../src/core/narrative";
import { FakeWord } from "../fakes/fakeWord";
import { departmentAnalysis, projectAnalysis } from "../narrative/models";

function unescape(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Loads a .docx into the fake as Word would show it: paragraphs, content controls (tag, title), custom XML parts. */
async function openInFakeWord(bytes: Uint8Array): Promise<FakeWord> {
  const zip = await JSZip.loadAsync(bytes);
  const doc = await zip.file("word/document.xml")!.async("string");
  const body = doc.slice(doc.indexOf("<w:body>") + 8, doc.lastIndexOf("</w:body>"));
  const fake = new FakeWord();
  const para = (xml: string) => unescape([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));
  const style = (xml: string) => /<w:pStyle w:val="([^"]+)"/.exec(xml)?.[1] ?? "Normal";
  const re = /<w:sdt>([\s\S]*?)<\/w:sdt>|<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    if (m[1] !== undefined) {
      const tag = /<w:tag w:val="([^"]+)"/.exec(m[1])![1];
      const title = unescape(/<w:alias w:val="([^"]+)"/.exec(m[1])![1]);
      const id = fake.nextId++;
      fake.controls.set(id, { id, tag, title, appearance: "BoundingBox" });
      for (const p of m[1].match(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g) ?? [])
        fake.paragraphs.push({ id: fake.nextId++, runs: [{ text: para(p), highlight: null }], style: style(p), cc: id });
    } else {
      fake.paragraphs.push({ id: fake.nextId++, runs: [{ text: para(m[0]), highlight: null }], style: style(m[0]), cc: null });
    }
  }
  for (const f of Object.keys(zip.files).filter((f) => /^customXml\/item\d+\.xml$/.test(f)))
    fake.parts.push({ id: `{${f}}`, xml: await zip.file(f)!.async("string") } as never);
  return fake;
}

test("a two-table .docx from the CLI refreshes in Word: the right controls, nothing else touched", async () => {
  const bytes = await buildReportDocx([projectAnalysis(), departmentAnalysis()], {
    fileName: "all.xlsx",
    generatedAt: "2021-03-01T00:00:00Z",
  });
  const fake = await openInFakeWord(bytes);
  const report = new WordReport(fake.run);
  expect((await report.readLink())?.tables.map((t) => t.sheet)).toEqual(["附件3-1", "附件2"]);

  // Unchanged: nothing to do.
  const before = JSON.stringify(fake.paragraphs);
  const same = await report.refresh(buildNarrative(departmentAnalysis()));
  expect(same.changes).toEqual([]);
  expect(same.rewritten).toEqual([]);
  expect(same.edited).toEqual([]);
  expect(JSON.stringify(fake.paragraphs)).toBe(before);

  // The department's total changes: only its grade section is rewritten, nothing of the project.
  const dept = buildNarrative(departmentAnalysis({ total: 94.5 }));
  const projectGoals = fake.controlText("jixiao:goals", 0);
  const r = await report.refresh(dept);
  expect(r.changes).toEqual([{ section: "grade", cell: "C37", label: "总分", before: "95.94分", after: "94.5分" }]);
  expect(r.rewritten).toEqual(["grade"]);
  expect(fake.controlText(sectionTag("grade"))).toBe(sectionLines(dept.sections.find((s) => s.id === "grade")!).join("\n"));
  // "goals" exists in both reports: the project's (first) control is untouched.
  expect(fake.controlText("jixiao:goals", 0)).toBe(projectGoals);

  // A department indicator score changes: the department's goals control (the second one) is rewritten.
  const t = departmentAnalysis({ total: 94.5 });
  const ev = t.evaluation.indicators.find((i) => i.row === 16)!;
  ev.score = 3.5;
  ev.lost = 0.5;
  const dept2 = buildNarrative(t);
  const r2 = await report.refresh(dept2);
  expect(r2.changes).toContainEqual({ section: "goals", cell: "G16", label: "“结转结余率”得分", before: "4分", after: "3.5分" });
  expect(r2.rewritten).toEqual(["goals", "problems"]);
  expect(fake.controlText("jixiao:goals", 0)).toBe(projectGoals);
  expect(fake.controlText("jixiao:goals", 1)).toBe(sectionLines(dept2.sections.find((s) => s.id === "goals")!).join("\n"));
});
