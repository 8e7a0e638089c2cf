/**
 * The 自评报告 as a .docx (the `docx` package), one report per recognised table, in order.
 *
 * Each section is findable again, two ways:
 * - a bookmark named `jixiao_<n>_<section>` (n = the report's number, 1-based) spanning the section, and
 * - a block content control (w:sdt) tagged `jixiao:<section>` and titled with the heading — the same tag the Word
 *   add-in writes, so a report written here can be refreshed in Word. The `docx` package writes no content
 *   controls, so the package is post-processed (opened once in memory with fflate): the paragraphs between a
 *   section's bookmark start and end are wrapped in a w:sdt.
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
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  bookmarkUniqueNumericId,
  type ParagraphChild,
} from "docx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { TableAnalysis } from "../../core/analysis";
import {
  buildNarrative,
  linkedTable,
  signatureDate,
  linkXml,
  printedWidth,
  LINK_NAMESPACE,
  type Narrative,
  type ReportChart,
  type ReportLink,
  type ReportTable,
  type Sentence,
} from "../../core/narrative";
import type { ChartImage, ChartRenderer } from "../chart/svg";
import { userError } from "../../core/messages";

export interface ReportLinkInfo {
  /** Source workbook file name. */
  fileName: string;
  /** ISO time of generation (its day in China dates the 落款 of a table with no 填报日期). */
  generatedAt: string;
}

export interface ReportDocxOptions {
  /**
   * Draws each chart as a picture: src/adapters/chart/node.ts in Node, a canvas in the pane. Without one (or when it
   * returns null) the chart is left out and nothing else changes.
   */
  renderChart?: ChartRenderer;
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

/** Text width of the page in twips: A4 (11906) less the 公文 margins (1588 left, 1474 right). */
const TEXT_WIDTH = 11906 - 1588 - 1474;

const TABLE_FONT = BODY_FONT;
const TABLE_SIZE = 21; // 五号
const CAPTION_SIZE = 24; // 小四
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

/**
 * A header as the lines it is printed on: whole when it is short, else broken between words (年初|预算数, 偏差|原因),
 * never inside one ("一级指/标"). Words: two characters, with a three-character ending (预算数, 指标值, 完成值 …) kept.
 */
export function headerLines(h: string, numeric: boolean): string[] {
  if (h.includes("\n")) return h.split("\n");
  const chars = [...h];
  if (chars.length <= (numeric ? 4 : 6) || /[\u0000-\u00ff]/.test(h)) return [h];
  // a 五-character figure header: two and three (年初 预算数, 全年 执行数, 实际 完成值)
  if (chars.length === 5) return [chars.slice(0, 2).join(""), chars.slice(2).join("")];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += 4) out.push(chars.slice(i, i + 4).join(""));
  if (out.length > 1 && out[out.length - 1].length === 1) out[out.length - 2] += out.pop();
  return out;
}

/**
 * Widths of a table's columns (twips). A figure column is as wide as its longest figure or header line (a 五号
 * character is 210 twips, a digit half that) so "100" or "3386.925" never wraps; a text column is at least as wide as
 * its header's longest line (headers break between words, never inside one); the text columns share what is left by
 * the length of their longest text, capped so that one long sentence does not squeeze the others.
 */
function columnWidths(t: ReportTable): number[] {
  const CHAR = 210;
  const PAD = 160;
  const longest = (i: number) => Math.max(...t.rows.map((r) => printedWidth(r[i] ?? "")));
  const head = (i: number) => Math.max(...headerLines(t.header[i], t.numeric[i]).map(printedWidth));
  const fixed = t.header.map((_, i) =>
    // digits and % in 仿宋/Times run a little wider than half a Chinese character
    t.numeric[i] ? Math.ceil(Math.max(head(i), longest(i) * 1.4) * CHAR) + PAD : 0,
  );
  const rest = TEXT_WIDTH - fixed.reduce((a, b) => a + b, 0);
  const want = t.header.map((_, i) => (t.numeric[i] ? 0 : Math.min(Math.max(longest(i), head(i), 2), 14)));
  const sum = want.reduce((a, b) => a + b, 0) || 1;
  const least = (i: number) => Math.max(3, head(i)) * CHAR + PAD;
  const widths = t.header.map((_, i) => (t.numeric[i] ? fixed[i] : Math.max(least(i), Math.floor((want[i] / sum) * rest))));
  // whatever rounding left over (or took) goes to the widest text column, never below its header
  const widest = widths.indexOf(Math.max(...widths.filter((_, i) => !t.numeric[i]), 0));
  const at = widest >= 0 ? widest : widths.length - 1;
  widths[at] = Math.max(t.numeric[at] ? fixed[at] : least(at), widths[at] + TEXT_WIDTH - widths.reduce((a, b) => a + b, 0));
  return widths;
}

function cellParagraph(text: string, opts: { bold?: boolean; align: (typeof AlignmentType)[keyof typeof AlignmentType] }): Paragraph {
  const lines = text.split("\n");
  return new Paragraph({
    alignment: opts.align,
    spacing: { before: 0, after: 0, line: 300, lineRule: LineRuleType.AUTO },
    children: lines.map(
      (l, i) => new TextRun({ text: l, font: opts.bold ? HEAD_FONT : TABLE_FONT, size: TABLE_SIZE, break: i > 0 ? 1 : undefined }),
    ),
  });
}

/** A real Word table: its header row repeats on every page a long table runs onto; rows do not split. */
function wordTable(t: ReportTable): Table {
  const widths = columnWidths(t);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.header.map(
      (h, i) =>
        new TableCell({
          width: { size: widths[i], type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          children: [cellParagraph(headerLines(h, t.numeric[i]).join("\n"), { bold: true, align: AlignmentType.CENTER })],
        }),
    ),
  });
  const emphasis = new Set(t.emphasis ?? []);
  const rows = t.rows.map(
    (r, ri) =>
      new TableRow({
        cantSplit: true,
        children: t.header.map(
          (_, i) =>
            new TableCell({
              width: { size: widths[i], type: WidthType.DXA },
              verticalAlign: VerticalAlign.CENTER,
              children: [
                cellParagraph(r[i] ?? "", { bold: emphasis.has(ri), align: t.numeric[i] ? AlignmentType.RIGHT : AlignmentType.LEFT }),
              ],
            }),
        ),
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    rows: [header, ...rows],
  });
}

function caption(text: string, keepNext: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext,
    spacing: { before: 120, after: 120 },
    children: [new TextRun({ text, font: HEAD_FONT, size: CAPTION_SIZE })],
  });
}

/** What the writer needs to draw a report: its charts as pictures, numbered tables and figures. */
interface Counters {
  table: number;
  figure: number;
}

type Block = { kind: "p"; options: { children: ParagraphChild[] } & Record<string, unknown> } | { kind: "x"; element: Table | Paragraph };

function bodyRun(x: Sentence): TextRun {
  return x.placeholder || x.note
    ? new TextRun({ text: x.text, font: BODY_FONT, size: 32, highlight: "yellow", bold: x.note })
    : new TextRun({ text: x.text, font: BODY_FONT, size: 32 });
}

async function sectionParagraphs(
  n: Narrative,
  report: number,
  multiple: boolean,
  charts: Map<ReportChart, ChartImage | null>,
  count: Counters,
  date: string | null,
): Promise<(Paragraph | Table)[]> {
  const out: (Paragraph | Table)[] = [];
  const lines = n.titleLines?.length ? n.titleLines : [n.title];
  out.push(
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { after: 240, line: 700, lineRule: LineRuleType.EXACT },
      children: [
        ...(report > 1 && multiple ? [new PageBreak()] : []),
        ...lines.map((l, i) => new TextRun({ text: l, font: TITLE_FONT, size: 44, break: i > 0 ? 1 : undefined })),
      ],
    }),
  );
  if (n.opening?.length)
    out.push(
      new Paragraph({
        indent: { firstLineChars: 200, firstLine: 640 },
        spacing: { line: 560, lineRule: LineRuleType.EXACT },
        children: n.opening.map(bodyRun),
      }),
    );
  for (const s of n.sections) {
    const id = bookmarkUniqueNumericId();
    const name = bookmarkName(report, s.id);
    const blocks: Block[] = [];
    // Tables and figures stand after the section's content control, not in it: Word's 刷新 reads a control's text
    // and compares it with the sentences it wrote — a table inside would make every such section look edited by
    // the person, and it would never be refreshed (see README, Known limits: the tables are not refreshed).
    const extras: Block[] = [];
    blocks.push({
      kind: "p",
      options: {
        heading: HeadingLevel.HEADING_2,
        keepNext: true,
        spacing: { before: 240, after: 120 },
        children: [mark(new BookmarkStart(name, id)), new TextRun({ text: s.title, font: HEAD_FONT, size: 32, bold: false })],
      },
    });
    for (const p of s.paragraphs) {
      if (p.sentences.length)
        blocks.push({
          kind: "p",
          options: {
            indent: { firstLineChars: 200, firstLine: 640 },
            spacing: { line: 560, lineRule: LineRuleType.EXACT },
            children: p.sentences.map(bodyRun),
          },
        });
      if (p.table) {
        count.table += 1;
        extras.push({
          kind: "x",
          element: caption(`表${count.table}　${p.table.caption}${p.table.unit ? `（单位：${p.table.unit}）` : ""}`, true),
        });
        extras.push({ kind: "x", element: wordTable(p.table) });
      }
      if (p.chart) {
        const img = charts.get(p.chart) ?? null;
        if (img) {
          count.figure += 1;
          const width = 576;
          const height = Math.round((img.height / img.width) * width);
          extras.push({
            kind: "x",
            element: new Paragraph({
              alignment: AlignmentType.CENTER,
              keepNext: true,
              spacing: { before: 120 },
              children: [
                new ImageRun({
                  type: "png",
                  data: img.png,
                  transformation: { width, height },
                  altText: { name: `jixiao-chart-${count.figure}`, title: p.chart.caption, description: p.chart.altText },
                }),
              ],
            }),
          });
          extras.push({ kind: "x", element: caption(`图${count.figure}　${p.chart.caption}`, false) });
        }
      }
    }
    // the section's bookmark ends in its last paragraph of sentences; its tables and figures follow it
    const last = blocks[blocks.length - 1];
    if (last.kind === "p" && blocks.length > 1) {
      last.options.children = [...last.options.children, mark(new BookmarkEnd(id))];
      if (extras.length) last.options.keepNext = true;
    } else blocks.push({ kind: "p", options: { children: [mark(new BookmarkEnd(id))] } });
    for (const b of [...blocks, ...extras]) out.push(b.kind === "p" ? new Paragraph(b.options) : b.element);
  }
  out.push(...signatureParagraphs(n, date));
  return out;
}

/** The 落款: the unit, then the date, right-aligned four characters in from the margin; placeholders when unknown. */
function signatureParagraphs(n: Narrative, date: string | null): Paragraph[] {
  const line = (text: string, placeholder: boolean, before: number) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: 4 * 320 },
      spacing: { before, line: 560, lineRule: LineRuleType.EXACT },
      keepNext: before > 0,
      children: [
        placeholder
          ? new TextRun({ text, font: BODY_FONT, size: 32, highlight: "yellow" })
          : new TextRun({ text, font: BODY_FONT, size: 32 }),
      ],
    });
  const unit = n.signature?.unit ?? null;
  return [line(unit ?? "【请补充：单位名称】", !unit, 560 * 2), line(date ?? "【请补充：日期】", !date, 0)];
}

/** Page numbers in the footer, as a 公文 prints them: "— 1 —", a PAGE field Word and LibreOffice fill in. */
function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: { ascii: "宋体", hAnsi: "宋体", eastAsia: "宋体" }, size: 28 }),
        ],
      }),
    ],
  });
}

function xmlEscapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

/** A paragraph of the body: where it is, the bookmarks it starts (name → id, the first of a name) and ends. */
interface BodyParagraph {
  start: number;
  end: number;
  starts: Map<string, string | null>;
  ends: Set<string>;
}

const PARAGRAPH = /<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>|<w:p(?:\s[^>]*)?\/>/g;
const BOOKMARK_START = /<w:bookmarkStart[^>]*\/>/g;
const BOOKMARK_END = /<w:bookmarkEnd[^>]*\/>/g;

/** The body's paragraphs (those inside table cells too), each with the bookmarks it starts and ends: one pass. */
function bodyParagraphs(body: string): BodyParagraph[] {
  const out: BodyParagraph[] = [];
  for (const m of body.matchAll(PARAGRAPH)) {
    const xml = m[0];
    const starts = new Map<string, string | null>();
    const ends = new Set<string>();
    if (xml.includes("<w:bookmark")) {
      for (const tag of xml.matchAll(BOOKMARK_START)) {
        const name = /w:name="([^"]*)"/.exec(tag[0]);
        if (name && !starts.has(name[1])) starts.set(name[1], /w:id="(\d+)"/.exec(tag[0])?.[1] ?? null);
      }
      for (const tag of xml.matchAll(BOOKMARK_END)) {
        const id = /w:id="(\d+)"/.exec(tag[0]);
        if (id) ends.add(id[1]);
      }
    }
    out.push({ start: m.index, end: m.index + xml.length, starts, ends });
  }
  return out;
}

/**
 * Wraps each section (bookmark start … bookmark end) in a block content control tagged jixiao:<section>. The body's
 * paragraphs are found once: the sections follow one another, so each control is cut from the body as it was
 * written (linear in the body's length, whatever the number of reports).
 */
export function wrapSectionsInContentControls(documentXml: string, sections: { name: string; tag: string; title: string }[]): string {
  const bodyStart = documentXml.indexOf("<w:body>");
  const bodyEnd = documentXml.lastIndexOf("</w:body>");
  if (bodyStart < 0 || bodyEnd < 0) throw new Error("document.xml without w:body");
  const head = documentXml.slice(0, bodyStart + "<w:body>".length);
  const body = documentXml.slice(bodyStart + "<w:body>".length, bodyEnd);
  const tail = documentXml.slice(bodyEnd);
  const paras = bodyParagraphs(body);
  const firstWith = new Map<string, number>();
  paras.forEach((p, i) => p.starts.forEach((_, name) => firstWith.has(name) || firstWith.set(name, i)));
  const parts: string[] = [];
  let done = 0;
  let sdtId = 0x4a000000;
  for (const s of sections) {
    const first = firstWith.get(s.name);
    if (first === undefined) throw new Error(`bookmark ${s.name} not found`);
    const id = paras[first].starts.get(s.name);
    let last = first;
    while (last < paras.length && !(id != null && paras[last].ends.has(id))) last++;
    if (last === paras.length) throw new Error(`bookmark end of ${s.name} not found`);
    const from = paras[first].start;
    const to = paras[last].end;
    // a section starting inside one already wrapped cannot be cut from the body as written
    if (from < done) throw new Error(`bookmark ${s.name} overlaps the section before it`);
    sdtId += 1;
    parts.push(
      body.slice(done, from),
      `<w:sdt><w:sdtPr><w:alias w:val="${xmlEscapeAttr(s.title)}"/><w:tag w:val="${xmlEscapeAttr(s.tag)}"/><w:id w:val="${sdtId}"/></w:sdtPr>`,
      `<w:sdtContent>${body.slice(from, to)}</w:sdtContent></w:sdt>`,
    );
    done = to;
  }
  parts.push(body.slice(done));
  return head + parts.join("") + tail;
}

/** A package's parts by path, in the order they are zipped (fflate's zipSync keeps the keys' order). */
export type PackageParts = Record<string, Uint8Array>;

/** Adds the link as a custom XML part: item, properties, relationships, content type. */
export function addCustomXmlPart(parts: PackageParts, xml: string, itemId: string): string {
  let n = 1;
  while (parts[`customXml/item${n}.xml`]) n++;
  const item = `customXml/item${n}.xml`;
  parts[item] = strToU8(xml);
  parts[`customXml/itemProps${n}.xml`] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n` +
      `<ds:datastoreItem ds:itemID="${itemId}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">` +
      `<ds:schemaRefs><ds:schemaRef ds:uri="${LINK_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  parts[`customXml/_rels/item${n}.xml.rels`] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps${n}.xml"/>` +
      `</Relationships>`,
  );
  // Relationship from the main document part.
  const relsPath = "word/_rels/document.xml.rels";
  const rels = parts[relsPath] ? strFromU8(parts[relsPath]) : "";
  const used = new Set([...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
  let r = 1;
  while (used.has(`rId${r}`) || used.has(`rIdJx${r}`)) r++;
  const rel = `<Relationship Id="rIdJx${r}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item${n}.xml"/>`;
  parts[relsPath] = strToU8(rels.replace("</Relationships>", `${rel}</Relationships>`));
  // Content types: the item is application/xml (Default for .xml), the properties have their own type.
  const ctPath = "[Content_Types].xml";
  let ct = parts[ctPath] ? strFromU8(parts[ctPath]) : "";
  if (!/<Default\b[^>]*\bExtension="xml"/i.test(ct))
    ct = ct.replace(/(<Types[^>]*>)/, `$1<Default Extension="xml" ContentType="application/xml"/>`);
  ct = ct.replace(
    "</Types>",
    `<Override PartName="/customXml/itemProps${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>`,
  );
  parts[ctPath] = strToU8(ct);
  return item;
}

/** What docx's Compiler gives for a document: each part's path and content (text, or bytes for pictures). */
type CompiledParts = Map<string, string | ArrayBuffer | ArrayBufferView>;
type DocxCompiler = { compile(file: Document, prettify?: unknown, overrides?: unknown[]): CompiledParts };

/**
 * The document's parts, in the order docx zips them: from docx's Compiler — what `Packer` zips (every part
 * deflated, pictures too) before the package would be opened again to add the content controls and the link —
 * or, where a docx release keeps it elsewhere, unzipped from `Packer`'s file. The same bytes either way.
 */
async function packageParts(doc: Document): Promise<PackageParts> {
  const compiler = (Packer as unknown as { compiler?: Partial<DocxCompiler> }).compiler;
  if (typeof compiler?.compile !== "function") return unzipSync(new Uint8Array(await Packer.toArrayBuffer(doc)));
  const parts: PackageParts = {};
  for (const [path, data] of compiler.compile(doc, undefined, []))
    parts[path] =
      typeof data === "string"
        ? strToU8(data)
        : ArrayBuffer.isView(data)
          ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
          : new Uint8Array(data);
  return parts;
}

/** The package zipped: XML parts deflated, pictures (PNG, JPEG: compressed already) stored as they are. */
function zipParts(parts: PackageParts): Uint8Array {
  const entries: Record<string, Uint8Array | [Uint8Array, { level: 0 | 6 }]> = {};
  for (const [path, data] of Object.entries(parts))
    entries[path] = /\.(png|jpe?g|gif)$/i.test(path) ? [data, { level: 0 }] : [data, { level: 6 }];
  return zipSync(entries);
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
export async function buildReportDocx(tables: TableAnalysis[], link: ReportLinkInfo, options: ReportDocxOptions = {}): Promise<Uint8Array> {
  if (!tables.length) throw userError("no-table-for-report");
  const narratives = narrativesOf(tables);
  return buildReportDocxFromNarratives(narratives, link, options);
}

/** Every chart of the reports drawn once, before the document is put together. */
async function drawCharts(narratives: Narrative[], render: ChartRenderer | undefined): Promise<Map<ReportChart, ChartImage | null>> {
  const out = new Map<ReportChart, ChartImage | null>();
  if (!render) return out;
  for (const n of narratives)
    for (const s of n.sections) for (const p of s.paragraphs) if (p.chart) out.set(p.chart, await render(p.chart));
  return out;
}

export async function buildReportDocxFromNarratives(
  narratives: Narrative[],
  link: ReportLinkInfo,
  options: ReportDocxOptions = {},
): Promise<Uint8Array> {
  const charts = await drawCharts(narratives, options.renderChart);
  const count: Counters = { table: 0, figure: 0 };
  const children: (Paragraph | Table)[] = [];
  for (const [i, n] of narratives.entries())
    children.push(...(await sectionParagraphs(n, i + 1, narratives.length > 1, charts, count, signatureDate(n, link.generatedAt))));
  const doc = new Document({
    creator: "绩效自评助手 jixiao",
    title: narratives.map((n) => n.title).join("；"),
    description: `由 ${link.fileName} 生成 / generated from ${link.fileName}`,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 32 } },
        title: { run: { font: TITLE_FONT, size: 44, color: "000000" } },
        heading2: { run: { font: HEAD_FONT, size: 32, color: "000000", bold: false, italics: false } },
      },
    },
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474, footer: 1247 }, pageNumbers: { start: 1 } } },
        footers: { default: pageFooter() },
        children,
      },
    ],
  });
  const parts = await packageParts(doc);
  const docPath = "word/document.xml";
  const documentXml = strFromU8(parts[docPath]);
  const sections = narratives.flatMap((n, i) =>
    n.sections.map((s) => ({ name: bookmarkName(i + 1, s.id), tag: `${SECTION_TAG_PREFIX}${s.id}`, title: s.title })),
  );
  parts[docPath] = strToU8(wrapSectionsInContentControls(documentXml, sections));
  const reportLink: ReportLink = { fileName: link.fileName, generatedAt: link.generatedAt, tables: narratives.map(linkedTable) };
  addCustomXmlPart(parts, linkXml(reportLink), guidFrom(reportLink.tables.map((t) => t.fingerprint).join("")));
  return zipParts(parts);
}

/** The ReportFileWriter port (src/host/document.ts) over this adapter. */
export const docxReportWriter: ReportFileWriter = { build: buildReportDocxFromNarratives };
