/**
 * WpsDocumentHost: the 自评报告 in the open WPS 文字 document, through its synchronous object model (Word's):
 * `ActiveDocument`, `Range(start, end)`, `Range.Text`, `.Style`, `.HighlightColorIndex`, `Bookmarks`, `Variables`.
 *
 * - write(narrative): appends the report at the end of the document: the title (style Title), then each section —
 *   its heading (Heading 2) and paragraphs (Normal) — inside a BOOKMARK named `jixiao_<section>` (WPS has content
 *   controls in some builds only; bookmarks are in all). Placeholders 【请补充：……】 are highlighted yellow.
 *   A section's tables follow its bookmark, as in the .docx and in Word: a centred caption (表1 …) and a real table
 *   (`Document.Tables.Add(range, rows, columns)` as in Word VBA, cells filled through `Cell(r, c).Range.Text`, the
 *   first row a heading row repeated on every page — `Rows.Item(1).HeadingFormat` — bold, borders on, a 合计/总分
 *   row bold). Then the 落款 (unit and date — the table's 填报日期, else today — right-aligned).
 *   The section's chart follows its tables, as in Word: drawn in the pane by the injected ChartRenderer, written as a
 *   temporary PNG through WPS's `Application.FileSystem` (`tmpdir`, `writeAsBinaryString`) — `InlineShapes.AddPicture`
 *   takes a file path, not bytes — then inserted embedded (LinkToFile false, SaveWithDocument true), 16 cm wide,
 *   centred, with its caption (图1 …) under it, and the temporary file removed. A WPS without FileSystem (or where the
 *   file cannot be written) gets the report without the chart; the chart is also in the .docx of 生成报告.
 * - The link (source file name, sheet, fingerprint, time, the quoted numbers and a hash of each section's text) is
 *   the same XML the Word add-in and `jixiao report` keep, stored in DOCUMENT VARIABLES (`jixiao_link_count`,
 *   `jixiao_link_1` …, at most LINK_CHUNK characters each): they travel with the .docx/.wps file and are invisible.
 * - refresh(narrative): reads each bookmarked section's text; core/narrative/refreshPlan.ts decides (the same rule as
 *   in Word) which sections to rewrite — only those whose numbers changed, never one the person edited unless
 *   `force` — and the new link. A rewritten section gets its bookmark again (replacing a bookmark's text removes it).
 *
 * Positions are character offsets; "\r" ends a paragraph. Everything is synchronous; the async methods fit the pane.
 */
import type { UserError } from "../../core/errors";
import { DOING, userError, type Pair } from "../../core/messages";
import { comError } from "./errors";
import {
  linkedTable,
  linkXml,
  parseLinkXml,
  sectionLines,
  signatureDate,
  type Narrative,
  type ReportChart,
  type ReportLink,
  type ReportTable,
  type Section,
  type SectionId,
} from "../../core/narrative";
import { noReport, planRefresh, reportExists, type RefreshResult } from "../../core/narrative";
import type { ReportBlock } from "../../core/compare";
import type { ReportDocumentHost, ReportTextHost } from "../../host/document";
import type { ChartImage, ChartRenderer } from "../chart/svg";
import { drawCharts } from "../chart/draw";
import { call, count, get, getObject, has, put, type ComObject } from "./com";

export const BOOKMARK_PREFIX = "jixiao_";
const LINK_COUNT = "jixiao_link_count";
const LINK_PART = "jixiao_link_";
/** Characters per document variable (WPS/Word allow about 65,000). */
export const LINK_CHUNK = 30_000;

const WD_STYLE_NORMAL = -1;
const WD_STYLE_HEADING_2 = -3;
const WD_STYLE_TITLE = -63;
const WD_YELLOW = 7;
const WD_NO_HIGHLIGHT = 0;
const WD_ALIGN_CENTER = 1;
const WD_ALIGN_RIGHT = 2;

const WRITE = DOING.writeReport;
const READ = DOING.readLink;
const REFRESH = DOING.refreshReport;

export function bookmarkName(id: SectionId): string {
  return `${BOOKMARK_PREFIX}${id}`;
}

function noDocument(): UserError {
  return userError("no-document");
}

/** Every document variable by name (read without provoking an error for a missing one). */
function variables(doc: ComObject): Map<string, ComObject> {
  const vars = getObject(doc, "Variables");
  const out = new Map<string, ComObject>();
  const n = count(vars);
  for (let i = 1; i <= n; i++) {
    const v = call<ComObject>(vars, "Item", i);
    out.set(String(get(v, "Name")), v);
  }
  return out;
}

function readLinkXml(doc: ComObject): string | null {
  const vars = variables(doc);
  const head = vars.get(LINK_COUNT);
  if (!head) return null;
  const n = Number(get(head, "Value"));
  if (!Number.isInteger(n) || n < 1) return null;
  let xml = "";
  for (let i = 1; i <= n; i++) {
    const part = vars.get(`${LINK_PART}${i}`);
    if (!part) return null;
    xml += String(get(part, "Value"));
  }
  return xml;
}

function storeLink(doc: ComObject, link: ReportLink): void {
  const xml = linkXml(link);
  const chunks: string[] = [];
  for (let i = 0; i < xml.length; i += LINK_CHUNK) chunks.push(xml.slice(i, i + LINK_CHUNK));
  const vars = getObject(doc, "Variables");
  const known = variables(doc);
  // drop the old chunks first (a shorter link leaves none behind)
  for (const [name, v] of known) if (name === LINK_COUNT || name.startsWith(LINK_PART)) call(v, "Delete");
  chunks.forEach((c, i) => call(vars, "Add", `${LINK_PART}${i + 1}`, c));
  call(vars, "Add", LINK_COUNT, String(chunks.length));
}

/** The bookmark of a section, or null when the person deleted it. */
function bookmark(doc: ComObject, id: SectionId): ComObject | null {
  const marks = getObject(doc, "Bookmarks");
  if (!call<boolean>(marks, "Exists", bookmarkName(id))) return null;
  return call<ComObject>(marks, "Item", bookmarkName(id));
}

/**
 * Writes a section's lines into `range` (replacing what it held), styles and highlights them, and bookmarks them.
 * The range covers the written text afterwards.
 */
function writeSection(doc: ComObject, range: ComObject, s: Section): void {
  const lines = sectionLines(s);
  put(range, "Text", lines.join("\r"));
  const start = Number(get(range, "Start"));
  formatSection(doc, start, s);
  const end = start + lines.join("\r").length;
  call(getObject(doc, "Bookmarks"), "Add", bookmarkName(s.id), call(doc, "Range", start, end));
}

/** Heading 2 for the heading, Normal for the paragraphs, yellow on the placeholders only. */
function formatSection(doc: ComObject, start: number, s: Section): void {
  const lines = sectionLines(s);
  const total = lines.join("\r").length;
  put(call(doc, "Range", start, start + total), "HighlightColorIndex", WD_NO_HIGHLIGHT);
  put(call(doc, "Range", start, start + lines[0].length), "Style", WD_STYLE_HEADING_2);
  let at = start + lines[0].length + 1;
  for (const p of s.paragraphs) {
    const text = p.sentences.map((x) => x.text).join("");
    put(call(doc, "Range", at, at + text.length), "Style", WD_STYLE_NORMAL);
    let pos = at;
    for (const x of p.sentences) {
      if (x.placeholder && x.text.length > 0) put(call(doc, "Range", pos, pos + x.text.length), "HighlightColorIndex", WD_YELLOW);
      pos += x.text.length;
    }
    at += text.length + 1;
  }
}

/** A report table: caption, then the table put in place of the empty paragraph at `at`; cells filled, header row repeated. */
function insertTable(doc: ComObject, at: number, t: ReportTable): void {
  const rows = [t.header, ...t.rows.map((r) => t.header.map((_, i) => r[i] ?? ""))];
  const table = call<ComObject>(getObject(doc, "Tables"), "Add", call(doc, "Range", at, at), rows.length, t.header.length);
  rows.forEach((r, ri) =>
    r.forEach((text, ci) => {
      if (text) put(getObject(call<ComObject>(table, "Cell", ri + 1, ci + 1), "Range"), "Text", text.replace(/\x07/g, ""));
    }),
  );
  put(getObject(table, "Borders"), "Enable", true);
  const tableRows = getObject(table, "Rows");
  const header = call<ComObject>(tableRows, "Item", 1);
  put(header, "HeadingFormat", true);
  put(getObject(getObject(header, "Range"), "Font"), "Bold", true);
  for (const r of t.emphasis ?? [])
    if (r < t.rows.length) put(getObject(getObject(call<ComObject>(tableRows, "Item", r + 2), "Range"), "Font"), "Bold", true);
}

const tableCaption = (n: number, t: ReportTable) => `表${n}　${t.caption}${t.unit ? `（单位：${t.unit}）` : ""}`;

/** Width a chart is shown at, in points (16 cm — the text width less a margin), as in Word. */
const CHART_POINTS = 432;

/** What a report needs besides WPS: the chart renderer (the pane passes the canvas one). */
export interface WpsDocumentOptions {
  renderChart?: ChartRenderer;
}

/** PNG bytes as the "binary string" FileSystem.writeAsBinaryString takes (one character per byte). */
function binaryString(bytes: Uint8Array): string {
  let s = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return s;
}

/**
 * Writes each chart as a temporary PNG through WPS's FileSystem; returns the path of each one written. A WPS without
 * FileSystem, or one that refuses the write, gives no path for that chart (the report goes without it).
 */
function writeChartFiles(app: unknown, charts: Map<ReportChart, ChartImage>): Map<ReportChart, string> {
  const out = new Map<ReportChart, string>();
  if (!charts.size || !has(app, "FileSystem")) return out;
  const files = getObject(app, "FileSystem");
  let dir: string;
  try {
    dir = String(call(files, "tmpdir")).replace(/[\\/]+$/, "");
  } catch {
    return out;
  }
  const sep = dir.includes("\\") && !dir.includes("/") ? "\\" : "/";
  // unique per write (no crypto.randomUUID: missing in some WPS WebViews)
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  let i = 0;
  for (const [chart, img] of charts) {
    const path = `${dir}${sep}jixiao-chart-${id}-${++i}.png`;
    try {
      call(files, "writeAsBinaryString", path, binaryString(img.png));
      if (has(files, "Exists") && !call<boolean>(files, "Exists", path)) continue;
      out.set(chart, path);
    } catch {
      /* this chart stays out; the report is written without it */
    }
  }
  return out;
}

function removeChartFiles(app: unknown, paths: Iterable<string>): void {
  if (!has(app, "FileSystem")) return;
  const files = getObject(app, "FileSystem");
  for (const path of paths) {
    try {
      call(files, "Remove", path);
    } catch {
      /* a temporary file left behind in the temp folder */
    }
  }
}

/** The chart's picture put in place of the empty paragraph at `at`: embedded, 16 cm wide, centred, with alt text. */
function insertPicture(doc: ComObject, at: number, chart: ReportChart, img: ChartImage, path: string): void {
  const range = call<ComObject>(doc, "Range", at, at);
  put(getObject(range, "ParagraphFormat"), "Alignment", WD_ALIGN_CENTER);
  // FileName, LinkToFile = false, SaveWithDocument = true (the picture is a copy in the document), Range
  const shape = call<ComObject>(getObject(doc, "InlineShapes"), "AddPicture", path, false, true, range);
  put(shape, "LockAspectRatio", true);
  put(shape, "Width", CHART_POINTS);
  put(shape, "Height", Math.round((img.height / img.width) * CHART_POINTS));
  put(shape, "AlternativeText", `${chart.caption}：${chart.altText}`);
}

/** Where a block of the last readBlocks stands: a paragraph (1-based in Document.Paragraphs) or a table cell (1-based). */
type BlockPlace = { kind: "p"; index: number } | { kind: "cell"; table: number; row: number; col: number };

/** A paragraph's or a cell's text without its end marks ("\r", the cell mark "\x07"). */
const bare = (text: string) => text.replace(/[\r\x07]+$/, "");

/** The name of a paragraph's style: WPS hands the name, or a Style object (NameLocal) as Word does. */
function styleName(range: ComObject): string {
  const s = get<unknown>(range, "Style");
  if (typeof s === "string") return s;
  return s && typeof s === "object" && has(s, "NameLocal") ? String(get(s, "NameLocal")) : "";
}

export class WpsDocumentHost implements ReportDocumentHost, ReportTextHost {
  /** Where each block of the last readBlocks stands. */
  private places: BlockPlace[] = [];

  /**
   * @param app the WPS 文字 `Application` (window.Application inside WPS; the fake in tests)
   * @param options the chart renderer (the pane's canvas one); without it the report has no chart
   */
  constructor(
    private readonly app: unknown,
    private readonly options: WpsDocumentOptions = {},
  ) {}

  private document(): ComObject {
    const doc = get<ComObject | null>(this.app, "ActiveDocument");
    if (!doc) throw noDocument();
    return doc;
  }

  private guard<T>(doing: Pair, body: () => T): T {
    try {
      return body();
    } catch (e) {
      throw comError(e, doing);
    }
  }

  /**
   * 对照报告: the document's paragraphs outside tables (a 标题/Heading/Title style makes a heading), then the cells of
   * its tables (Tables.Item(t).Cell(r, c).Range.Text), as WordReport reads them in Word.
   */
  async readBlocks(): Promise<ReportBlock[]> {
    return this.guard(DOING.readReport, () => {
      const doc = this.document();
      const tables = getObject(doc, "Tables");
      const nTables = count(tables);
      const spans: { start: number; end: number }[] = [];
      const cells: { block: ReportBlock; place: BlockPlace }[] = [];
      for (let t = 1; t <= nTables; t++) {
        const table = call<ComObject>(tables, "Item", t);
        const range = getObject(table, "Range");
        spans.push({ start: Number(get(range, "Start")), end: Number(get(range, "End")) });
        const rows = count(getObject(table, "Rows"));
        const cols = count(getObject(table, "Columns"));
        for (let r = 1; r <= rows; r++)
          for (let c = 1; c <= cols; c++) {
            let text: string;
            try {
              text = bare(String(get(getObject(call<ComObject>(table, "Cell", r, c), "Range"), "Text")));
            } catch {
              continue; // a merged cell: Cell(r, c) is not there
            }
            cells.push({
              block: { kind: "cell", text, table: t - 1, row: r - 1, col: c - 1 },
              place: { kind: "cell", table: t, row: r, col: c },
            });
          }
      }
      const blocks: ReportBlock[] = [];
      const places: BlockPlace[] = [];
      const paragraphs = getObject(doc, "Paragraphs");
      const n = count(paragraphs);
      for (let i = 1; i <= n; i++) {
        const range = getObject(call<ComObject>(paragraphs, "Item", i), "Range");
        const start = Number(get(range, "Start"));
        if (spans.some((s) => start >= s.start && start < s.end)) continue; // a cell's paragraph: read as a cell
        const text = bare(String(get(range, "Text")));
        if (!text.trim()) continue;
        blocks.push({ kind: /^(标题|Heading|Title)/i.test(styleName(range)) ? "heading" : "paragraph", text });
        places.push({ kind: "p", index: i });
      }
      for (const c of cells) {
        blocks.push(c.block);
        places.push(c.place);
      }
      this.places = places;
      return blocks;
    });
  }

  /** Selects a figure found by readBlocks in its paragraph or cell (Range(start, end).Select()); false when gone. */
  async selectFigure(block: number, text: string): Promise<boolean> {
    const place = this.places[block];
    if (!place || !text) return false;
    return this.guard(DOING.select, () => {
      const doc = this.document();
      let range: ComObject;
      if (place.kind === "p") {
        const paragraphs = getObject(doc, "Paragraphs");
        if (place.index > count(paragraphs)) return false;
        range = getObject(call<ComObject>(paragraphs, "Item", place.index), "Range");
      } else {
        const tables = getObject(doc, "Tables");
        if (place.table > count(tables)) return false;
        const table = call<ComObject>(tables, "Item", place.table);
        if (place.row > count(getObject(table, "Rows")) || place.col > count(getObject(table, "Columns"))) return false;
        range = getObject(call<ComObject>(table, "Cell", place.row, place.col), "Range");
      }
      const at = String(get(range, "Text")).indexOf(text);
      if (at < 0) return false;
      const start = Number(get(range, "Start")) + at;
      call(call<ComObject>(doc, "Range", start, start + text.length), "Select");
      return true;
    });
  }

  async write(n: Narrative, info: { fileName: string; generatedAt: string }): Promise<ReportLink> {
    return this.writeSync(n, info, await drawCharts(n, this.options.renderChart));
  }

  /** Writes the report; `charts` are the pictures drawn beforehand (none: the report goes without charts). */
  writeSync(n: Narrative, info: { fileName: string; generatedAt: string }, charts: Map<ReportChart, ChartImage> = new Map()): ReportLink {
    let files = new Map<ReportChart, string>();
    try {
      return this.guard(WRITE, () => {
        const doc = this.document();
        if (readLinkXml(doc) !== null) throw reportExists();
        files = writeChartFiles(this.app, charts);
        return this.writeReport(doc, n, info, charts, files);
      });
    } finally {
      removeChartFiles(this.app, files.values());
    }
  }

  private writeReport(
    doc: ComObject,
    n: Narrative,
    info: { fileName: string; generatedAt: string },
    charts: Map<ReportChart, ChartImage>,
    files: Map<ReportChart, string>,
  ): ReportLink {
    const content = getObject(doc, "Content");
    const end = Number(get(content, "End"));
    const empty = String(get(content, "Text")).replace(/\r/g, "") === "";
    // a new paragraph after what the document holds (the report starts on its own line)
    const at = empty ? 0 : end - 1;
    const lead = empty ? "" : "\r";
    const sectionTexts = n.sections.map((s) => sectionLines(s).join("\r"));
    // after each section, in paragraph order: per table a caption line and an empty paragraph the table takes the
    // place of; per chart drawn an empty paragraph the picture goes into and its caption under it (as in Word)
    let tableNo = 0;
    let figureNo = 0;
    type After =
      | { kind: "table"; caption: string; table: ReportTable }
      | { kind: "chart"; caption: string; chart: ReportChart; img: ChartImage; path: string };
    const after = n.sections.map((s) =>
      s.paragraphs.flatMap((p): After[] => {
        const out: After[] = [];
        if (p.table) out.push({ kind: "table", caption: tableCaption(++tableNo, p.table), table: p.table });
        const img = p.chart ? charts.get(p.chart) : undefined;
        const path = p.chart ? files.get(p.chart) : undefined;
        if (p.chart && img && path) out.push({ kind: "chart", caption: `图${++figureNo}　${p.chart.caption}`, chart: p.chart, img, path });
        return out;
      }),
    );
    const unit = n.signature?.unit ?? null;
    const date = signatureDate(n, info.generatedAt);
    const signature = [unit ?? "【请补充：单位名称】", date ?? "【请补充：日期】"];
    const blocks = n.sections.map((_, i) =>
      [sectionTexts[i], ...after[i].flatMap((x) => (x.kind === "table" ? [x.caption, ""] : ["", x.caption]))].join("\r"),
    );
    // the title broken where a person breaks it: its lines joined by manual line breaks ("\v"), one paragraph
    const title = (n.titleLines?.length ? n.titleLines : [n.title]).join("\v");
    const whole = [title, ...blocks, "", ...signature].join("\r");
    const range = call<ComObject>(doc, "Range", at, at);
    put(range, "Text", lead + whole);
    let pos = Number(get(range, "Start")) + lead.length;
    put(call(doc, "Range", pos, pos + whole.length), "HighlightColorIndex", WD_NO_HIGHLIGHT);
    const titleRange = call<ComObject>(doc, "Range", pos, pos + title.length);
    put(titleRange, "Style", WD_STYLE_TITLE);
    put(getObject(titleRange, "ParagraphFormat"), "Alignment", WD_ALIGN_CENTER);
    pos += title.length + 1;
    const placed: { at: number; x: After }[] = [];
    const captionAt = (at: number, text: string) => {
      const caption = call<ComObject>(doc, "Range", at, at + text.length);
      put(caption, "Style", WD_STYLE_NORMAL);
      put(getObject(caption, "ParagraphFormat"), "Alignment", WD_ALIGN_CENTER);
      put(getObject(caption, "Font"), "Bold", true);
    };
    n.sections.forEach((s, i) => {
      formatSection(doc, pos, s);
      call(getObject(doc, "Bookmarks"), "Add", bookmarkName(s.id), call(doc, "Range", pos, pos + sectionTexts[i].length));
      pos += sectionTexts[i].length + 1;
      for (const x of after[i]) {
        if (x.kind === "table") {
          captionAt(pos, x.caption);
          pos += x.caption.length + 1;
          placed.push({ at: pos, x });
          pos += 1;
        } else {
          put(call(doc, "Range", pos, pos), "Style", WD_STYLE_NORMAL);
          placed.push({ at: pos, x });
          pos += 1;
          captionAt(pos, x.caption);
          pos += x.caption.length + 1;
        }
      }
    });
    // the 落款, after an empty line
    put(call(doc, "Range", pos, pos), "Style", WD_STYLE_NORMAL);
    pos += 1;
    signature.forEach((line, i) => {
      const r = call<ComObject>(doc, "Range", pos, pos + line.length);
      put(r, "Style", WD_STYLE_NORMAL);
      put(getObject(r, "ParagraphFormat"), "Alignment", WD_ALIGN_RIGHT);
      if ((i === 0 && !unit) || (i === 1 && !date)) put(r, "HighlightColorIndex", WD_YELLOW);
      pos += line.length + 1;
    });
    // the tables and pictures, last first: each moves everything after it, never what comes before
    for (const { at, x } of placed.reverse()) {
      if (x.kind === "table") insertTable(doc, at, x.table);
      else insertPicture(doc, at, x.chart, x.img, x.path);
    }
    const link: ReportLink = { fileName: info.fileName, generatedAt: info.generatedAt, tables: [linkedTable(n)] };
    storeLink(doc, link);
    return link;
  }

  async readLink(): Promise<ReportLink | null> {
    return this.readLinkSync();
  }

  readLinkSync(): ReportLink | null {
    return this.guard(READ, () => {
      const xml = readLinkXml(this.document());
      return xml === null ? null : parseLinkXml(xml);
    });
  }

  async refresh(n: Narrative, opts: { now?: string; force?: boolean; fileName?: string } = {}): Promise<RefreshResult> {
    return this.refreshSync(n, opts);
  }

  refreshSync(n: Narrative, opts: { now?: string; force?: boolean; fileName?: string } = {}): RefreshResult {
    return this.guard(REFRESH, () => {
      const doc = this.document();
      const xml = readLinkXml(doc);
      const link = xml === null ? null : parseLinkXml(xml);
      if (!link || !link.tables.length) throw noReport();
      // one report per WPS document: bookmark names are unique, so only the first occurrence exists
      const plan = planRefresh(
        link,
        n,
        (id, occurrence) => {
          if (occurrence > 0) return null;
          const b = bookmark(doc, id);
          return b ? String(get(getObject(b, "Range"), "Text")) : null;
        },
        opts,
      );
      if (plan.nothingNew) return plan.result;
      for (const id of plan.result.rewritten) {
        const b = bookmark(doc, id) as ComObject;
        writeSection(doc, getObject(b, "Range"), n.sections.find((x) => x.id === id) as Section);
      }
      storeLink(doc, plan.result.link);
      return plan.result;
    });
  }
}
