/**
 * Issue 14, "done when": for every shared fixture and every table of the corpus (test/data/real), the report .docx
 * — written from the filled table, as `jixiao report --fill` writes it — holds real tables with repeated header
 * rows, the chart as a PNG, a footer with a PAGE field and a 落款; no sentence gives an indicator's target as its
 * actual; LibreOffice opens it (PDF) and pdftoppm renders every page. The pages are kept as reference pictures in
 * test/data/report-pages/ (written when JIXIAO_UPDATE_PAGES=1; a person looks at them — they are not compared
 * pixel by pixel, since fonts differ between machines).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { loadXlsx } from "../../src/adapters/xlsx";
import { buildReportDocxFromNarratives } from "../../src/adapters/docx";
import { renderChartPng } from "../../src/adapters/chart/node";
import { analyzeWorkbook, applyPlanToSnapshot, type SheetSnapshot, type TableAnalysis } from "../../src/core";
import { buildNarrative, compareFigures, statedAnalysis, type Narrative } from "../../src/core/narrative";
import { actualRepeatsTarget, indicatorFacts } from "../../src/core/narrative/indicators";
import { FIXTURE_DIR } from "../support/fixtures";
import { sofficeConvert } from "../support/libreoffice";

jest.setTimeout(600_000);

const REAL_DIR = path.resolve(__dirname, "../data/real");
const PAGES_DIR = path.resolve(__dirname, "../data/report-pages");
const UPDATE = process.env.JIXIAO_UPDATE_PAGES === "1";

function workbooks(): { name: string; file: string }[] {
  const shared = fs
    .readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => ({ name: f.replace(/\.xlsx$/, ""), file: path.join(FIXTURE_DIR, f) }));
  const real = fs
    .readdirSync(REAL_DIR)
    .filter((f) => f.endsWith(".xlsx") && fs.existsSync(path.join(REAL_DIR, f.replace(/\.xlsx$/, ".expected.json"))));
  return [...shared, ...real.map((f) => ({ name: f.replace(/\.xlsx$/, ""), file: path.join(REAL_DIR, f) }))].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
}

/** The workbook's tables after the fill (in memory), as the CLI's --fill reads them back. */
async function filledTables(file: string): Promise<TableAnalysis[]> {
  const snaps: SheetSnapshot[] = (await loadXlsx(fs.readFileSync(file))).snapshots();
  const before = analyzeWorkbook(snaps).sheets.flatMap((s) => s.tables);
  const filled = snaps.map((s) => before.reduce((acc, t) => applyPlanToSnapshot(acc, t.plan), s));
  return analyzeWorkbook(filled).sheets.flatMap((s) => s.tables);
}

function sentences(n: Narrative): string[] {
  return n.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.map((x) => x.text)));
}

const xmlText = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");

const books = workbooks();

describe.each(books)("report document: $name", ({ name, file }) => {
  let tables: TableAnalysis[];
  let narratives: Narrative[];
  let docx: Uint8Array;
  let zip: JSZip;
  let documentXml: string;

  beforeAll(async () => {
    tables = await filledTables(file);
    narratives = tables.map((t) => buildNarrative(statedAnalysis(t)));
    docx = await buildReportDocxFromNarratives(
      narratives,
      { fileName: path.basename(file), generatedAt: "2021-04-02T02:00:00Z" },
      { renderChart: renderChartPng },
    );
    zip = await JSZip.loadAsync(docx);
    documentXml = await zip.file("word/document.xml")!.async("string");
  });

  test("the filled table's figures are the report's (nothing left to differ)", () => {
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) expect(compareFigures(t)).toEqual([]);
  });

  test("real tables with header rows repeated across pages, one per table of the narrative", () => {
    const expected = narratives.flatMap((n) => n.sections.flatMap((s) => s.paragraphs.filter((p) => p.table))).length;
    expect(expected).toBeGreaterThan(0);
    const tbls = documentXml.match(/<w:tbl>/g) ?? [];
    expect(tbls).toHaveLength(expected);
    expect((documentXml.match(/<w:tblHeader\/>/g) ?? []).length).toBe(expected);
    for (const n of narratives)
      for (const s of n.sections)
        for (const p of s.paragraphs) if (p.table) for (const h of p.table.header) expect(xmlText(documentXml)).toContain(h);
  });

  test("the chart is a PNG image in the document", async () => {
    const charts = narratives.flatMap((n) => n.sections.flatMap((s) => s.paragraphs.filter((p) => p.chart)));
    // only a blank template (no score, no rate anywhere) has nothing to chart
    if (tables.every((t) => t.evaluation.total === null && t.evaluation.funds.every((f) => f.rate === null))) {
      expect(charts).toHaveLength(0);
      return;
    }
    expect(charts.length).toBeGreaterThan(0);
    const media = Object.keys(zip.files).filter((f) => /^word\/media\/.+\.png$/.test(f));
    expect(media).toHaveLength(charts.length);
    const png = await zip.file(media[0])!.async("uint8array");
    expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
    expect(documentXml).toContain("<pic:pic");
  });

  test("a footer with a PAGE field, and a 落款 with the unit and the date", async () => {
    const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
    expect(footers.length).toBeGreaterThan(0);
    const footer = await zip.file(footers[0])!.async("string");
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(documentXml).toMatch(/<w:footerReference [^>]*w:type="default"/);
    const text = xmlText(documentXml);
    const last = narratives[narratives.length - 1];
    // dated with the table's 填报日期 where it has one, else the day the report is written
    const d = last.signature.date;
    const date = d ? `${d.year}年${d.month}月${d.day}日` : "2021年4月2日";
    expect(text.endsWith(`${last.signature.unit ?? "【请补充：单位名称】"}${date}`)).toBe(true);
  });

  test("no sentence gives an indicator's target as its actual", () => {
    for (const [i, t] of tables.entries()) {
      if (t.table.kind !== "project" && t.table.kind !== "department") continue;
      const same = indicatorFacts(statedAnalysis(t), t.table.indicators).filter(actualRepeatsTarget);
      for (const f of same) for (const s of sentences(narratives[i])) expect(s).not.toContain(`完成值为${f.actual}`);
    }
  });

  test("LibreOffice opens it; every page rendered by pdftoppm (kept as reference pictures)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-report-pages-"));
    try {
      const docxFile = path.join(dir, `${name}.docx`);
      fs.writeFileSync(docxFile, docx);
      const pdf = await sofficeConvert(docxFile, "pdf", dir);
      const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
      const squeezed = text.replace(/\s+/g, "");
      for (const n of narratives) for (const l of n.titleLines) expect(squeezed).toContain(l.replace(/\s+/g, ""));
      expect(squeezed).toContain("表1");
      if (narratives.some((n) => n.sections.some((s) => s.paragraphs.some((p) => p.chart)))) expect(squeezed).toContain("图1");
      expect(squeezed).toContain("—1—");
      execFileSync("pdftoppm", ["-r", "40", "-png", pdf, path.join(dir, "page")]);
      const pages = fs
        .readdirSync(dir)
        .filter((f) => /^page-\d+\.png$/.test(f))
        .sort();
      expect(pages.length).toBeGreaterThan(0);
      // the page numbers in the footer count the pages
      expect(squeezed).toContain(`—${pages.length}—`);
      if (UPDATE) {
        fs.mkdirSync(PAGES_DIR, { recursive: true });
        for (const old of fs.readdirSync(PAGES_DIR).filter((f) => f.startsWith(`${name}-`))) fs.rmSync(path.join(PAGES_DIR, old));
        for (const p of pages) fs.copyFileSync(path.join(dir, p), path.join(PAGES_DIR, `${name}-${p.replace(/^page-0*/, "")}`));
      } else {
        // a reference picture is kept for every table in the corpus
        expect(fs.readdirSync(PAGES_DIR).filter((f) => f.startsWith(`${name}-`)).length).toBeGreaterThan(0);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
