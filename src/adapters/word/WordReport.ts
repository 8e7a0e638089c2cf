/**
 * The 自评报告 in the open Word document (Office.js, WordApi 1.4).
 *
 * - write(narrative, link): appends the report at the end of the document: the title (a Title paragraph per line of
 *   titleLines), then each section as a
 *   rich-text content control tagged `jixiao:<section>` (title = its heading) holding the heading (Heading 2) and its
 *   paragraphs; placeholders 【请补充：……】 are highlighted yellow. A section's tables (资金情况, 绩效指标完成情况 …)
 *   and chart follow its content control, as in the .docx the CLI writes: a caption (表1 …), a real Word table
 *   (insertTable, its header row repeated on every page — headerRowCount — bold; figures right-aligned; a 合计/总分
 *   row bold), and the chart as a PNG picture (insertInlinePictureFromBase64) over its caption (图1 …). Then the
 *   落款: the unit and the date (the table's 填报日期, else today), right-aligned. 2 syncs.
 *   The charts are drawn before the batch by the injected ChartRenderer (a canvas in the pane); without one, or
 *   when it cannot draw, the report has its tables and no chart.
 * - The link (source file name, sheet, fingerprint, time, the quoted numbers and a hash of each section's text) is
 *   stored in a CUSTOM XML PART (document.customXmlParts, namespace urn:jixiao:report-link:1) — the same XML that
 *   `jixiao report` puts in its .docx, so a report written by the CLI can be refreshed here. Custom XML parts travel
 *   with the file (unlike add-in settings, which are per add-in) and are invisible to the person.
 * - refresh(narrative): rewrites ONLY the content controls whose text the new data changes (decided by
 *   core/narrative/refreshPlan.ts, shared with WPS 文字), keeps everything outside them, and returns the numbers that changed since the last write/refresh (compared cell by cell). A section the
 *   person edited inside its control is not overwritten unless `force` — it is reported instead.
 *   Unchanged data: 2 syncs and nothing written. Changed data: 3 syncs.
 */
import {
  LINK_NAMESPACE,
  linkedTable,
  linkXml,
  parseLinkXml,
  sectionLines,
  type Narrative,
  type ReportLink,
  type Section,
  type SectionId,
  type LinkedTable,
} from "../../core/narrative";
import { noReport, occurrenceOf, planRefresh, reportExists, type RefreshResult } from "../../core/narrative";
import { signatureDate, type ReportChart, type ReportTable } from "../../core/narrative";
import type {
  WBody,
  WContentControl,
  WContentControlCollection,
  WCustomXmlPartScopedCollection,
  WordContext,
  WordRun,
  WParagraph,
} from "./api";
import { toBase64, type ChartImage, type ChartRenderer } from "../chart/svg";
import { drawCharts } from "../chart/draw";
import type { ReportBlock } from "../../core/compare";
import type { ReportTextHost } from "../../host/document";

export type { RefreshResult };

/** Where a block of readBlocks stands: a paragraph outside tables (by its index among them) or a table cell. */
type BlockPlace = { kind: "p"; index: number } | { kind: "cell"; table: number; row: number; col: number };

export const TAG_PREFIX = "jixiao:";

export function sectionTag(id: SectionId): string {
  return `${TAG_PREFIX}${id}`;
}

export interface StoredLink {
  link: ReportLink;
  /** Which table of the link this document's report is (0 for a report written from the pane). */
  table: LinkedTable;
}

/** Width a chart is shown at in the document, in points (16 cm — the text width less a margin). */
const CHART_POINTS = 432;

/** What a report needs besides Word: the chart renderer (the pane passes the canvas one). */
export interface WordReportOptions {
  renderChart?: ChartRenderer;
}

/** Numbers the tables and figures of one report (表1, 图1 …). */
interface Counters {
  table: number;
  figure: number;
}

/** Queues a caption paragraph, centred. */
function caption(body: WBody, text: string): void {
  const p = body.insertParagraph(text, "End");
  p.styleBuiltIn = "Normal";
  p.alignment = "Centered";
  p.font.highlightColor = null;
  p.font.bold = true;
}

/** Queues a report table: caption, then a Word table whose header row repeats on every page. */
function insertTable(body: WBody, t: ReportTable, count: Counters): void {
  count.table += 1;
  caption(body, `表${count.table}　${t.caption}${t.unit ? `（单位：${t.unit}）` : ""}`);
  const width = t.header.length;
  const values = [t.header, ...t.rows.map((r) => t.header.map((_, i) => r[i] ?? ""))];
  const table = body.insertTable(values.length, width, "End", values);
  table.styleBuiltIn = "TableGrid";
  table.headerRowCount = 1;
  table.getCell(0, 0).parentRow.font.bold = true;
  for (let c = 0; c < width; c++) table.getCell(0, c).horizontalAlignment = "Centered";
  for (let r = 0; r < t.rows.length; r++)
    for (let c = 0; c < width; c++) if (t.numeric[c]) table.getCell(r + 1, c).horizontalAlignment = "Right";
  for (const r of t.emphasis ?? []) if (r < t.rows.length) table.getCell(r + 1, 0).parentRow.font.bold = true;
}

/** Queues a chart: the picture, centred, and its caption under it. */
function insertChart(body: WBody, chart: ReportChart, img: ChartImage, count: Counters): void {
  count.figure += 1;
  const p = body.insertParagraph("", "End");
  p.styleBuiltIn = "Normal";
  p.alignment = "Centered";
  const pic = p.insertInlinePictureFromBase64(toBase64(img.png), "End");
  pic.lockAspectRatio = true;
  pic.width = CHART_POINTS;
  pic.height = Math.round((img.height / img.width) * CHART_POINTS);
  pic.altTextTitle = chart.caption;
  pic.altTextDescription = chart.altText;
  caption(body, `图${count.figure}　${chart.caption}`);
}

/** Queues the 落款: the unit, then the date, right-aligned; a yellow placeholder where the table does not say. */
function insertSignature(body: WBody, n: Narrative, writtenAt: string): void {
  const lines: [string, boolean][] = [];
  const unit = n.signature?.unit ?? null;
  const date = signatureDate(n, writtenAt);
  lines.push(["", false]);
  lines.push([unit ?? "【请补充：单位名称】", !unit]);
  lines.push([date ?? "【请补充：日期】", !date]);
  for (const [text, placeholder] of lines) {
    const p = body.insertParagraph("", "End");
    p.styleBuiltIn = "Normal";
    p.font.bold = false;
    p.alignment = text ? "Right" : "Left";
    if (text) p.insertText(text, "End").font.highlightColor = placeholder ? "Yellow" : null;
  }
}

/** Writes a section's heading and paragraphs into a content control that already holds one (empty) paragraph. */
function fillParagraph(p: WParagraph, sentences: Section["paragraphs"][number]["sentences"]): void {
  for (const s of sentences) {
    const r = p.insertText(s.text, "End");
    // Inserted text takes the formatting before it: set the highlight both ways.
    r.font.highlightColor = s.placeholder ? "Yellow" : null;
  }
}

/*
 * Two Office.js lint rules misread this class, so they are off for it:
 * - no-navigational-load: `load("items")` on a scoped collection (getByNamespace, getByTag) is how its members are
 *   enumerated; the rule takes "items" for a navigation property of a single object;
 * - load-object-before-read: it asks for a load of "items/length" after `load("items")`, and of `.value` on the
 *   ClientResult that getXml() returns, which has nothing to load.
 * The sync rules stay on (every read here follows a context.sync()), as does no-context-sync-in-loop.
 */
/* eslint-disable office-addins/no-navigational-load, office-addins/load-object-before-read -- see above */
export class WordReport implements ReportTextHost {
  /** Where each block of the last readBlocks stands. */
  private places: BlockPlace[] = [];

  constructor(
    private readonly run: WordRun,
    private readonly options: WordReportOptions = {},
  ) {}

  /**
   * 对照报告: the document's paragraphs outside tables (a Heading or Title style makes a heading), then the cells of
   * its tables. One sync.
   */
  async readBlocks(): Promise<ReportBlock[]> {
    return this.run(async (context) => {
      const paragraphs = context.document.body.paragraphs.load("items/text,items/styleBuiltIn,items/tableNestingLevel");
      const tables = context.document.body.tables.load("items/values");
      await context.sync();
      const blocks: ReportBlock[] = [];
      const places: BlockPlace[] = [];
      let index = 0;
      for (const p of paragraphs.items) {
        if (p.tableNestingLevel > 0) continue;
        const i = index++;
        if (!p.text.trim()) continue;
        blocks.push({ kind: /^(Heading|Title)/i.test(p.styleBuiltIn) ? "heading" : "paragraph", text: p.text });
        places.push({ kind: "p", index: i });
      }
      tables.items.forEach((t, table) =>
        t.values.forEach((r, row) =>
          r.forEach((text, col) => {
            blocks.push({ kind: "cell", text, table, row, col });
            places.push({ kind: "cell", table, row, col });
          }),
        ),
      );
      this.places = places;
      return blocks;
    });
  }

  /** Selects a figure found by readBlocks in its paragraph or cell. Two syncs. */
  async selectFigure(block: number, text: string): Promise<boolean> {
    const place = this.places[block];
    if (!place) return false;
    return this.run(async (context) => {
      let found;
      if (place.kind === "p") {
        const paragraphs = context.document.body.paragraphs.load("items/tableNestingLevel");
        await context.sync();
        const p = paragraphs.items.filter((x) => x.tableNestingLevel === 0)[place.index];
        if (!p) return false;
        found = p.search(text, { matchCase: true }).load("items");
      } else {
        const tables = context.document.body.tables.load("items");
        await context.sync();
        const t = tables.items[place.table];
        if (!t) return false;
        found = t.getCell(place.row, place.col).body.search(text, { matchCase: true }).load("items");
      }
      await context.sync();
      const first = found.items[0];
      if (!first) return false;
      first.select("Select");
      await context.sync();
      return true;
    });
  }

  /** Appends the report and stores the link. Refuses when the document already holds one (use refresh). */
  async write(n: Narrative, info: { fileName: string; generatedAt: string }): Promise<ReportLink> {
    const charts = await drawCharts(n, this.options.renderChart);
    return this.run(async (context) => {
      const parts = context.document.customXmlParts.getByNamespace(LINK_NAMESPACE);
      parts.load("items");
      await context.sync();
      if (parts.items.length > 0) throw reportExists();
      const body = context.document.body;
      // the title broken where a person breaks it (between subject, year and kind of report; never a lone character)
      for (const line of n.titleLines?.length ? n.titleLines : [n.title]) {
        const title = body.insertParagraph(line, "End");
        title.styleBuiltIn = "Title";
        title.alignment = "Centered";
        title.font.highlightColor = null;
      }
      const count: Counters = { table: 0, figure: 0 };
      for (const s of n.sections) {
        const head = body.insertParagraph(s.title, "End");
        head.styleBuiltIn = "Heading2";
        head.font.highlightColor = null;
        // a new paragraph takes the formatting of the one before: a bold caption must not make the text bold
        head.font.bold = false;
        let last = head;
        for (const p of s.paragraphs) {
          const para = body.insertParagraph("", "End");
          para.styleBuiltIn = "Normal";
          para.font.bold = false;
          fillParagraph(para, p.sentences);
          last = para;
        }
        const cc = head.getRange("Whole").expandTo(last.getRange("Whole")).insertContentControl();
        cc.tag = sectionTag(s.id);
        cc.title = s.title;
        cc.appearance = "BoundingBox";
        // the section's tables and charts follow its control: 刷新 compares a control's text with the sentences
        for (const p of s.paragraphs) {
          if (p.table) insertTable(body, p.table, count);
          const img = p.chart ? charts.get(p.chart) : undefined;
          if (p.chart && img) insertChart(body, p.chart, img, count);
        }
      }
      insertSignature(body, n, info.generatedAt);
      const link: ReportLink = { fileName: info.fileName, generatedAt: info.generatedAt, tables: [linkedTable(n)] };
      context.document.customXmlParts.add(linkXml(link));
      await context.sync();
      return link;
    });
  }

  /** The stored link, or null when the document has none. 2 syncs. */
  async readLink(): Promise<ReportLink | null> {
    return this.run(async (context) => {
      const parts = context.document.customXmlParts.getByNamespace(LINK_NAMESPACE);
      parts.load("items");
      await context.sync();
      if (!parts.items.length) return null;
      const xml = parts.items[0].getXml();
      await context.sync();
      return parseLinkXml(xml.value);
    });
  }

  /** Replaces the sections the new data changes; see the module comment. */
  async refresh(n: Narrative, opts: { now?: string; force?: boolean; fileName?: string } = {}): Promise<RefreshResult> {
    return this.run(async (context) => {
      // 1: the link part and every section's content controls (with their text, to see what the person changed).
      const parts: WCustomXmlPartScopedCollection = context.document.customXmlParts.getByNamespace(LINK_NAMESPACE);
      parts.load("items");
      const controls = new Map<SectionId, WContentControlCollection>();
      for (const s of n.sections) {
        const c = context.document.contentControls.getByTag(sectionTag(s.id));
        c.load("items/text,items/tag");
        controls.set(s.id, c);
      }
      await context.sync();
      if (!parts.items.length) throw noReport();
      // 2: the link's XML.
      const xmlResult = parts.items[0].getXml();
      await context.sync();
      const link = parseLinkXml(xmlResult.value);
      if (!link || !link.tables.length) throw noReport();
      const plan = planRefresh(link, n, (id, occurrence) => controls.get(id)?.items[occurrence]?.text ?? null, opts);
      if (plan.nothingNew) return plan.result;
      // 3: the rewritten sections and the new link, in one batch.
      for (const id of plan.result.rewritten) {
        const s = n.sections.find((x) => x.id === id)!;
        this.rewrite(controls.get(id)!.items[occurrenceOf(link, plan.index, id)], s);
      }
      parts.items[0].setXml(linkXml(plan.result.link));
      await context.sync();
      return plan.result;
    });
  }

  /** Queues the replacement of one content control's content with the section (no sync). */
  private rewrite(cc: WContentControl, s: Section): void {
    const lines = sectionLines(s);
    const head = cc.insertText(lines[0], "Replace");
    head.font.highlightColor = null;
    const first = cc.paragraphs.getFirst();
    first.styleBuiltIn = "Heading2";
    for (const p of s.paragraphs) {
      const para = cc.insertParagraph("", "End");
      para.styleBuiltIn = "Normal";
      fillParagraph(para, p.sentences);
    }
  }
}

/** The real Word.run, for the add-in. */
export function officeWordRun(): WordRun {
  return <T>(batch: (context: WordContext) => Promise<T>) => Word.run((context) => batch(context as unknown as WordContext)) as Promise<T>;
}
