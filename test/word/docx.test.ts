import JSZip from "jszip";
import { buildReportDocx, wrapSectionsInContentControls } from "../../src/adapters/docx";
import { buildNarrative, parseLinkXml, LINK_NAMESPACE } from "../../src/core/narrative";
import { isUserError } from "../../src/core/errors";
import { departmentAnalysis, projectAnalysis, summaryAnalysis } from "../narrative/models";
import { docxToPdf, pdfText, PDFTOTEXT, SOFFICE } from "./lo";

const LINK = { fileName: "绩效自评表 2020.xlsx", generatedAt: "2021-03-15T08:00:00.000Z" };

async function unzip(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (p: string) => {
    const f = zip.file(p);
    if (!f) throw new Error(`missing ${p}`);
    return f.async("string");
  };
  return { zip, read };
}

function visibleText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join("")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

describe("buildReportDocx", () => {
  const tables = [projectAnalysis(), departmentAnalysis()];
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await buildReportDocx(tables, LINK);
  });

  test("one report per table, each section in a content control tagged jixiao:<section> and a bookmark", async () => {
    const { read } = await unzip(bytes);
    const doc = await read("word/document.xml");
    const tags = [...doc.matchAll(/<w:tag w:val="([^"]+)"\/>/g)].map((m) => m[1]);
    expect(tags).toEqual([
      ...["basic", "goals", "conclusion", "deviation", "application"].map((s) => `jixiao:${s}`),
      ...["overview", "spending", "goals", "problems", "measures", "grade"].map((s) => `jixiao:${s}`),
    ]);
    const marks = [...doc.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g)].map((m) => m[1]);
    expect(marks).toContain("jixiao_1_basic");
    expect(marks).toContain("jixiao_2_grade");
    // Every bookmark is closed, every sdt balanced and never nested.
    const starts = [...doc.matchAll(/<w:bookmarkStart [^>]*w:id="(\d+)"/g)].map((m) => m[1]);
    const ends = [...doc.matchAll(/<w:bookmarkEnd [^>]*w:id="(\d+)"/g)].map((m) => m[1]);
    expect(ends.sort()).toEqual(starts.sort());
    expect(doc.split("<w:sdt>").length).toBe(doc.split("</w:sdt>").length);
    expect(/<w:sdtContent>(?:(?!<\/w:sdtContent>)[\s\S])*<w:sdt>/.test(doc)).toBe(false);
    // Each content control holds its heading and the section's text, in order.
    const sdts = [...doc.matchAll(/<w:sdt>([\s\S]*?)<\/w:sdt>/g)].map((m) => visibleText(m[1]));
    const narratives = tables.map(buildNarrative);
    const sections = narratives.flatMap((n) => n.sections);
    sections.forEach((s, i) => {
      expect(sdts[i].startsWith(s.title)).toBe(true);
      for (const p of s.paragraphs) expect(sdts[i]).toContain(p.sentences.map((x) => x.text).join(""));
    });
    const text = visibleText(doc);
    expect(text.indexOf("3416.022万元")).toBeLessThan(text.indexOf("总分为98分"));
    expect(text.indexOf("总分为98分")).toBeLessThan(text.indexOf("95.94分"));
    // Placeholders are highlighted.
    expect(doc).toMatch(/<w:highlight w:val="yellow"\/><\/w:rPr><w:t[^>]*>【请补充：/);
  });

  test("the link is a custom XML part with properties, relationship and content type", async () => {
    const { read, zip } = await unzip(bytes);
    const item = await read("customXml/item1.xml");
    const link = parseLinkXml(item);
    expect(link).not.toBeNull();
    expect(link!.fileName).toBe(LINK.fileName);
    expect(link!.generatedAt).toBe(LINK.generatedAt);
    expect(link!.tables.map((t) => [t.sheet, t.kind])).toEqual([
      ["附件3-1", "project"],
      ["附件2", "department"],
    ]);
    expect(link!.tables[0].quotes).toContainEqual({ section: "basic", cell: "E6", label: "全年执行数", value: "3416.022万元" });
    expect(link!.tables[0].fingerprint).toMatch(/^[0-9a-f]{14}$/);
    const props = await read("customXml/itemProps1.xml");
    expect(props).toContain(`ds:schemaRef ds:uri="${LINK_NAMESPACE}"`);
    expect(props).toMatch(/ds:itemID="\{[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-8[0-9A-F]{3}-[0-9A-F]{12}\}"/);
    expect(await read("customXml/_rels/item1.xml.rels")).toContain('Target="itemProps1.xml"');
    const rels = await read("word/_rels/document.xml.rels");
    expect(rels).toMatch(/relationships\/customXml" Target="\.\.\/customXml\/item1\.xml"/);
    const ids = [...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const ct = await read("[Content_Types].xml");
    expect(ct).toContain(
      'PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"',
    );
    expect(ct.match(/<Default\b[^>]*Extension="xml"/g)).toHaveLength(1);
    expect(zip.file(/customXml\/item\d+\.xml$/)).toHaveLength(1);
  });

  test("same input, same bytes of content (deterministic link)", async () => {
    const again = await buildReportDocx(tables, LINK);
    const a = await (await unzip(bytes)).read("customXml/item1.xml");
    const b = await (await unzip(again)).read("customXml/item1.xml");
    expect(b).toBe(a);
  });

  test("no table: a Chinese + English message, no file", async () => {
    const e = await buildReportDocx([], LINK).catch((x) => x);
    expect(isUserError(e)).toBe(true);
    expect(e.zh).toContain("没有");
    expect(e.en).toMatch(/no self-evaluation table/i);
  });

  test("XML special characters in names survive", async () => {
    const t = projectAnalysis({ name: 'A&B <项目> "甲"' });
    const b = await buildReportDocx([t], { fileName: "a&b<c>.xlsx", generatedAt: "x" });
    const { read } = await unzip(b);
    expect(visibleText(await read("word/document.xml"))).toContain('A&B <项目> "甲"项目2020年度绩效自评报告');
    expect(parseLinkXml(await read("customXml/item1.xml"))!.fileName).toBe("a&b<c>.xlsx");
  });
});

describe("wrapSectionsInContentControls", () => {
  test("wraps exactly the paragraphs between bookmark start and end", () => {
    const xml =
      "<w:document><w:body><w:p><w:r><w:t>before</w:t></w:r></w:p>" +
      '<w:p><w:bookmarkStart w:id="7" w:name="jixiao_1_basic"/><w:r><w:t>H</w:t></w:r></w:p>' +
      '<w:p><w:pPr/><w:r><w:t>body</w:t></w:r><w:bookmarkEnd w:id="7"/></w:p>' +
      "<w:p><w:r><w:t>after</w:t></w:r></w:p><w:sectPr/></w:body></w:document>";
    const out = wrapSectionsInContentControls(xml, [{ name: "jixiao_1_basic", tag: "jixiao:basic", title: "一、项目基本情况" }]);
    expect(out).toMatch(
      /<w:t>before<\/w:t><\/w:r><\/w:p><w:sdt><w:sdtPr><w:alias w:val="一、项目基本情况"\/><w:tag w:val="jixiao:basic"\/><w:id w:val="\d+"\/><\/w:sdtPr><w:sdtContent><w:p><w:bookmarkStart/,
    );
    expect(out).toMatch(/<w:bookmarkEnd w:id="7"\/><\/w:p><\/w:sdtContent><\/w:sdt><w:p><w:r><w:t>after/);
    expect(() => wrapSectionsInContentControls(xml, [{ name: "nope", tag: "t", title: "t" }])).toThrow(/not found/);
  });

  test("several reports: each section wrapped once, in order, by its own bookmark (a name that starts another is not it)", () => {
    const p = (inner: string) => `<w:p>${inner}</w:p>`;
    const t = (s: string) => `<w:r><w:t>${s}</w:t></w:r>`;
    const body = [
      p(t("title")),
      p(`<w:bookmarkStart w:id="1" w:name="jixiao_1_basic"/>${t("H1")}`),
      p(`${t("b1")}<w:bookmarkEnd w:id="1"/>`),
      `<w:tbl><w:tr><w:tc>${p(t("cell"))}</w:tc></w:tr></w:tbl>`,
      p(`<w:bookmarkStart w:id="12" w:name="jixiao_1_basics"/>${t("H2")}<w:bookmarkEnd w:id="12"/>`),
      p(`<w:bookmarkStart w:id="2" w:name="jixiao_2_basic"/>${t("H3")}`),
      p(t("b3")),
      p(`${t("b3b")}<w:bookmarkEnd w:id="2"/>`),
      p(t("落款")),
    ].join("");
    const xml = `<w:document><w:body>${body}<w:sectPr/></w:body></w:document>`;
    const out = wrapSectionsInContentControls(xml, [
      { name: "jixiao_1_basic", tag: "jixiao:basic", title: "一" },
      { name: "jixiao_1_basics", tag: "jixiao:more", title: "二" },
      { name: "jixiao_2_basic", tag: "jixiao:basic", title: "三" },
    ]);
    const controls = [
      ...out.matchAll(
        /<w:sdt>[\s\S]*?<w:tag w:val="([^"]*)"\/><w:id w:val="(\d+)"\/>[\s\S]*?<w:sdtContent>([\s\S]*?)<\/w:sdtContent><\/w:sdt>/g,
      ),
    ];
    expect(controls.map((m) => m[1])).toEqual(["jixiao:basic", "jixiao:more", "jixiao:basic"]);
    expect(new Set(controls.map((m) => m[2])).size).toBe(3);
    const texts = controls.map((m) => [...m[3].matchAll(/<w:t>([^<]*)/g)].map((x) => x[1]));
    expect(texts).toEqual([["H1", "b1"], ["H2"], ["H3", "b3", "b3b"]]);
    // nothing lost or moved: the text outside the controls is as it was
    expect(out.replace(/<w:sdt><w:sdtPr>[\s\S]*?<\/w:sdtPr><w:sdtContent>|<\/w:sdtContent><\/w:sdt>/g, "")).toBe(xml);
  });
});

const lo = SOFFICE && PDFTOTEXT ? describe : describe.skip;
lo("LibreOffice opens every generated report", () => {
  test("project + department + summary convert to PDF with the numbers in them", async () => {
    const b = await buildReportDocx([projectAnalysis(), departmentAnalysis(), summaryAnalysis()], LINK);
    const pdf = docxToPdf(b, "all");
    const text = pdfText(pdf).replace(/\s+/g, "");
    for (const s of [
      "3386.925万元",
      "3416.022万元",
      "100.86%",
      "98分",
      "95.94分",
      "4982.25万元",
      "【请补充：",
      "一、项目基本情况",
      "六、绩效评价等级",
      "三、评价等级分布",
    ])
      expect(text).toContain(s);
  }, 180_000);
});
