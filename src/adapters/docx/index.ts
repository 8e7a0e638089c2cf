/**
 * The 自评报告 as a .docx (the `docx` package), one report per recognised table, in order.
 *
 * Each section is findable again, two ways:
 * - a bookmark named `jixiao_<n>_<section>` (n = the report's number, 1-based) spanning the section, and
 * - a block content control (w:sdt) tagged `jixiao:<section>` and titled with the heading — the same tag the Word
 *   add-in writes, so a report written here can be refreshed in Word. The `docx` package writes no content
 *   controls, so the package is post-processed with JSZip: the paragraphs between a section's bookmark start and
 *   end are wrapped in a w:sdt.
 * The link to the workbook (file name, sheets, fingerprints, quoted numbers, time) is a custom XML part
 * (customXml/itemN.xml + itemPropsN.xml + their relationships + content type), in the format of
 * src/core/narrative/link.ts.
 *
 * Works in Node and in the browser (no fs here).
 */
import type { ReportFileWriter } from "../../host/document";
import {
  AlignmentType,
  BookmarkEnd,
  BookmarkStart,
  Document,
  HeadingLevel,
  Packer,
  PageBreak,
  Paragraph,
  TextRun,
  bookmarkUniqueNumericId,
  type ParagraphChild,
} from "docx";
import JSZip from "jszip";
import type { TableAnalysis } from "../../core/analysis";
import { buildNarrative, linkedTable, linkXml, LINK_NAMESPACE, type Narrative, type ReportLink } from "../../core/narrative";
import { UserError } from "../../core/errors";

export interface ReportLinkInfo {
  /** Source workbook file name. */
  fileName: string;
  /** ISO time of generation. */
  generatedAt: string;
}

const BODY_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "仿宋_GB2312", cs: "Times New Roman" };
const HEAD_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "黑体", cs: "Times New Roman" };
const TITLE_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "方正小标宋简体", cs: "Times New Roman" };

/** Bookmark name of a section (Word: letters, digits, _; ≤ 40 characters; starts with a letter). */
export function bookmarkName(report: number, section: string): string {
  return `jixiao_${report}_${section}`.slice(0, 40);
}

export const SECTION_TAG_PREFIX = "jixiao:";

/** A bookmark across paragraphs: docx writes BookmarkStart/End as paragraph children (its typings lag behind). */
const mark = (x: BookmarkStart | BookmarkEnd): ParagraphChild => x as unknown as ParagraphChild;

function sectionParagraphs(n: Narrative, report: number, multiple: boolean): Paragraph[] {
  const out: Paragraph[] = [];
  out.push(
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [...(report > 1 && multiple ? [new PageBreak()] : []), new TextRun({ text: n.title, font: TITLE_FONT, size: 40 })],
    }),
  );
  for (const s of n.sections) {
    const id = bookmarkUniqueNumericId();
    const name = bookmarkName(report, s.id);
    const paras: Paragraph[] = [];
    paras.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        spacing: { before: 240, after: 120 },
        children: [mark(new BookmarkStart(name, id)), new TextRun({ text: s.title, font: HEAD_FONT, size: 32, bold: false })],
      }),
    );
    const body = s.paragraphs.filter((p) => p.sentences.length);
    body.forEach((p, i) => {
      const runs = p.sentences.map((x) =>
        x.placeholder
          ? new TextRun({ text: x.text, font: BODY_FONT, size: 32, highlight: "yellow" })
          : new TextRun({ text: x.text, font: BODY_FONT, size: 32 }),
      );
      const last = i === body.length - 1;
      paras.push(
        new Paragraph({
          indent: { firstLineChars: 200, firstLine: 640 },
          spacing: { line: 560, lineRule: "exact" as never },
          children: last ? [...runs, mark(new BookmarkEnd(id))] : runs,
        }),
      );
    });
    if (!body.length) {
      // A heading alone still closes its bookmark.
      paras.push(new Paragraph({ children: [mark(new BookmarkEnd(id))] }));
    }
    out.push(...paras);
  }
  return out;
}

function xmlEscapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

/** Wraps each section (bookmark start … bookmark end) in a block content control tagged jixiao:<section>. */
export function wrapSectionsInContentControls(documentXml: string, sections: { name: string; tag: string; title: string }[]): string {
  const bodyStart = documentXml.indexOf("<w:body>");
  const bodyEnd = documentXml.lastIndexOf("</w:body>");
  if (bodyStart < 0 || bodyEnd < 0) throw new Error("document.xml without w:body");
  const head = documentXml.slice(0, bodyStart + "<w:body>".length);
  let body = documentXml.slice(bodyStart + "<w:body>".length, bodyEnd);
  const tail = documentXml.slice(bodyEnd);
  let sdtId = 0x4a000000;
  for (const s of sections) {
    const paraRe = /<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>|<w:p(?:\s[^>]*)?\/>/g;
    const paras: { start: number; end: number; xml: string }[] = [];
    let m: RegExpExecArray | null;
    while ((m = paraRe.exec(body))) paras.push({ start: m.index, end: m.index + m[0].length, xml: m[0] });
    const startRe = new RegExp(`<w:bookmarkStart[^>]*w:name="${s.name}"[^>]*/>`);
    const first = paras.findIndex((p) => startRe.test(p.xml));
    if (first < 0) throw new Error(`bookmark ${s.name} not found`);
    const idMatch = /w:id="(\d+)"/.exec(startRe.exec(paras[first].xml)![0]);
    const endRe = new RegExp(`<w:bookmarkEnd[^>]*w:id="${idMatch![1]}"[^>]*/>`);
    const last = paras.findIndex((p, i) => i >= first && endRe.test(p.xml));
    if (last < 0) throw new Error(`bookmark end of ${s.name} not found`);
    const from = paras[first].start;
    const to = paras[last].end;
    sdtId += 1;
    const sdt =
      `<w:sdt><w:sdtPr><w:alias w:val="${xmlEscapeAttr(s.title)}"/><w:tag w:val="${xmlEscapeAttr(s.tag)}"/><w:id w:val="${sdtId}"/></w:sdtPr>` +
      `<w:sdtContent>${body.slice(from, to)}</w:sdtContent></w:sdt>`;
    body = body.slice(0, from) + sdt + body.slice(to);
  }
  return head + body + tail;
}

/** Adds the link as a custom XML part: item, properties, relationships, content type. */
export async function addCustomXmlPart(zip: JSZip, xml: string, itemId: string): Promise<string> {
  let n = 1;
  while (zip.file(`customXml/item${n}.xml`)) n++;
  const item = `customXml/item${n}.xml`;
  zip.file(item, xml);
  zip.file(
    `customXml/itemProps${n}.xml`,
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n` +
      `<ds:datastoreItem ds:itemID="${itemId}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">` +
      `<ds:schemaRefs><ds:schemaRef ds:uri="${LINK_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  zip.file(
    `customXml/_rels/item${n}.xml.rels`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps${n}.xml"/>` +
      `</Relationships>`,
  );
  // Relationship from the main document part.
  const relsPath = "word/_rels/document.xml.rels";
  const rels = (await zip.file(relsPath)?.async("string")) ?? "";
  const used = new Set([...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
  let r = 1;
  while (used.has(`rId${r}`) || used.has(`rIdJx${r}`)) r++;
  const rel = `<Relationship Id="rIdJx${r}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item${n}.xml"/>`;
  zip.file(relsPath, rels.replace("</Relationships>", `${rel}</Relationships>`));
  // Content types: the item is application/xml (Default for .xml), the properties have their own type.
  const ctPath = "[Content_Types].xml";
  let ct = (await zip.file(ctPath)?.async("string")) ?? "";
  if (!/<Default\b[^>]*\bExtension="xml"/i.test(ct)) ct = ct.replace(/(<Types[^>]*>)/, `$1<Default Extension="xml" ContentType="application/xml"/>`);
  ct = ct.replace(
    "</Types>",
    `<Override PartName="/customXml/itemProps${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>`,
  );
  zip.file(ctPath, ct);
  return item;
}

/** A GUID from a fingerprint (deterministic: the same tables give the same item id). */
function guidFrom(hex: string): string {
  const h = (hex + "0".repeat(32)).slice(0, 32).toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}}`;
}

/** The narratives the .docx holds, for callers that want them too (the CLI prints a summary). */
export function narrativesOf(tables: TableAnalysis[]): Narrative[] {
  return tables.map(buildNarrative);
}

/** One report per table, in order; sections in content controls and bookmarks; the link in a custom XML part. */
export async function buildReportDocx(tables: TableAnalysis[], link: ReportLinkInfo): Promise<Uint8Array> {
  if (!tables.length)
    throw new UserError("没有可写入报告的绩效自评表。", "There is no self-evaluation table to write a report for.", "no-table");
  const narratives = narrativesOf(tables);
  return buildReportDocxFromNarratives(narratives, link);
}

export async function buildReportDocxFromNarratives(narratives: Narrative[], link: ReportLinkInfo): Promise<Uint8Array> {
  const children = narratives.flatMap((n, i) => sectionParagraphs(n, i + 1, narratives.length > 1));
  const doc = new Document({
    creator: "绩效自评助手 jixiao",
    title: narratives.map((n) => n.title).join("；"),
    description: `由 ${link.fileName} 生成 / generated from ${link.fileName}`,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 32 } },
        title: { run: { font: TITLE_FONT, size: 40, color: "000000" } },
        heading2: { run: { font: HEAD_FONT, size: 32, color: "000000", bold: false, italics: false } },
      },
    },
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        children,
      },
    ],
  });
  const packed = new Uint8Array(await Packer.toArrayBuffer(doc));
  const zip = await JSZip.loadAsync(packed);
  const docPath = "word/document.xml";
  const documentXml = await zip.file(docPath)!.async("string");
  const sections = narratives.flatMap((n, i) =>
    n.sections.map((s) => ({ name: bookmarkName(i + 1, s.id), tag: `${SECTION_TAG_PREFIX}${s.id}`, title: s.title })),
  );
  zip.file(docPath, wrapSectionsInContentControls(documentXml, sections));
  const reportLink: ReportLink = { fileName: link.fileName, generatedAt: link.generatedAt, tables: narratives.map(linkedTable) };
  await addCustomXmlPart(zip, linkXml(reportLink), guidFrom(reportLink.tables.map((t) => t.fingerprint).join("")));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The ReportFileWriter port (src/host/document.ts) over this adapter. */
export const docxReportWriter: ReportFileWriter = { build: buildReportDocxFromNarratives };
