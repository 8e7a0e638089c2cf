/**
 * How the report reads beside a published one (issue 22): table header cells never break inside a word (each header
 * line fits its column: a 五号 character 210 twips, plus the cell margins), on every fixture's tables; an --as-is
 * report says at its top which figures differ from the rules.
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { loadXlsx } from "../../src/adapters/xlsx";
import { buildReportDocxFromNarratives, headerLines } from "../../src/adapters/docx";
import { analyzeWorkbook, applyPlanToSnapshot } from "../../src/core";
import { buildNarrative, statedAnalysis } from "../../src/core/narrative";
import { printedWidth } from "../../src/core/narrative/layout";
import { fixtureNames, fixturePath } from "../support/fixtures";
import { run, tempDir } from "../cli/run";

async function documentXml(name: string): Promise<string> {
  const snaps = (await loadXlsx(new Uint8Array(fs.readFileSync(fixturePath(name))))).snapshots();
  const before = analyzeWorkbook(snaps).sheets.flatMap((s) => s.tables);
  const filled = snaps.map((s) => before.reduce((acc, t) => applyPlanToSnapshot(acc, t.plan), s));
  const narratives = analyzeWorkbook(filled)
    .sheets.flatMap((s) => s.tables)
    .map((t) => buildNarrative(statedAnalysis(t)));
  const docx = await buildReportDocxFromNarratives(narratives, { fileName: `${name}.xlsx`, generatedAt: "2021-04-02T02:00:00Z" });
  return (await JSZip.loadAsync(docx)).file("word/document.xml")!.async("string");
}

test("headers break between words: 年初预算数 → 年初 / 预算数, 一级指标 whole", () => {
  expect(headerLines("一级指标", false)).toEqual(["一级指标"]);
  expect(headerLines("年初预算数", true)).toEqual(["年初", "预算数"]);
  expect(headerLines("执行率", true)).toEqual(["执行率"]);
});

test.each(fixtureNames())("%s: every header line fits its column (no 一级指/标)", async (name) => {
  const xml = await documentXml(name);
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]);
  expect(tables.length).toBeGreaterThan(0);
  for (const tbl of tables) {
    const cols = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
    const headerRow = /<w:tr>(?:(?!<\/w:tr>)[\s\S])*?<w:tblHeader\/>[\s\S]*?<\/w:tr>/.exec(tbl)![0];
    const cells = [...headerRow.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => m[1]);
    expect(cells.length).toBe(cols.length);
    cells.forEach((cell, i) => {
      const lines = cell
        .split(/<w:br\/>/)
        .map((part) => [...part.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
        .filter((l) => l.length > 0);
      for (const line of lines) {
        expect({ line, fits: printedWidth(line) * 210 + 120 <= cols[i] }).toEqual({ line, fits: true });
      }
    });
  }
});

test("an --as-is report says at its top, in a marked note, which figures differ from the rules (a --fill one does not)", async () => {
  const dir = tempDir();
  try {
    fs.copyFileSync(fixturePath("project-medical-aid-2020"), path.join(dir, "t.xlsx"));
    const r = await run(["report", "t.xlsx", "-o", "asis.docx", "--as-is"], dir);
    expect(r.code).toBe(0);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(path.join(dir, "asis.docx")))).file("word/document.xml")!.async("string");
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const texts = paragraphs.map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));
    const at = texts.findIndex((t) => t.startsWith("【说明："));
    expect(at).toBeGreaterThanOrEqual(0);
    // before every section's body: only the title lines and the first heading stand above it
    expect(texts.slice(0, at).filter((t) => t.length > 0).length).toBeLessThanOrEqual(4);
    expect(texts[at]).toContain("执行率（G6）：表中99.15%，按规则100.86%");
    expect(paragraphs[at]).toMatch(/<w:highlight w:val="yellow"\/>/);
    const filled = await run(["report", "t.xlsx", "-o", "filled.docx", "--fill"], dir);
    expect({ code: filled.code, err: filled.stderr }).toEqual({ code: 0, err: "" });
    const xml2 = await (await JSZip.loadAsync(fs.readFileSync(path.join(dir, "filled.docx")))).file("word/document.xml")!.async("string");
    expect(xml2).not.toContain("【说明：");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test.each(fixtureNames())("%s: an opening paragraph, and no count said twice or of one ('1项全部完成')", async (name) => {
  const snaps = (await loadXlsx(new Uint8Array(fs.readFileSync(fixturePath(name))))).snapshots();
  for (const t of analyzeWorkbook(snaps).sheets.flatMap((s) => s.tables)) {
    const n = buildNarrative(statedAnalysis(t));
    const opening = (n.opening ?? []).map((s) => s.text).join("");
    expect(opening).toMatch(/^根据.+要求，.+绩效自评。现将.+如下：$/);
    const text = n.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.map((x) => x.text))).join("");
    expect(text).not.toMatch(/(^|[^\d.])1项全部完成/);
    expect(text).not.toMatch(/”\d+个/); // "评价等级为“优”8个"
  }
  const xml = await documentXml(name);
  expect(xml).toContain("现将");
});
