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
 *   No chart: WPS's `InlineShapes.AddPicture` takes a file path, and the pane has no file it can write offline
 *   (README, Known limits); the chart is in the .docx of 生成报告.
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
  type ReportLink,
  type ReportTable,
  type Section,
  type SectionId,
} from "../../core/narrative";
import { noReport, planRefresh, reportExists, type RefreshResult } from "../../core/narrative";
import type { ReportDocumentHost } from "../../host/document";
import { call, count, get, getObject, put, type ComObject } from "./com";

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

export class WpsDocumentHost implements ReportDocumentHost {
  /** @param app the WPS 文字 `Application` (window.Application inside WPS; the fake in tests) */
  constructor(private readonly app: unknown) {}

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

  async write(n: Narrative, info: { fileName: string; generatedAt: string }): Promise<ReportLink> {
    return this.writeSync(n, info);
  }

  writeSync(n: Narrative, info: { fileName: string; generatedAt: string }): ReportLink {
    return this.guard(WRITE, () => {
      const doc = this.document();
      if (readLinkXml(doc) !== null) throw reportExists();
      const content = getObject(doc, "Content");
      const end = Number(get(content, "End"));
      const empty = String(get(content, "Text")).replace(/\r/g, "") === "";
      // a new paragraph after what the document holds (the report starts on its own line)
      const at = empty ? 0 : end - 1;
      const lead = empty ? "" : "\r";
      const sectionTexts = n.sections.map((s) => sectionLines(s).join("\r"));
      // after each section: per table a caption line and an empty paragraph the table takes the place of
      let tableNo = 0;
      const after = n.sections.map((s) =>
        s.paragraphs.flatMap((p) => (p.table ? [{ caption: tableCaption(++tableNo, p.table), table: p.table }] : [])),
      );
      const unit = n.signature?.unit ?? null;
      const date = signatureDate(n, info.generatedAt);
      const signature = [unit ?? "【请补充：单位名称】", date ?? "【请补充：日期】"];
      const blocks = n.sections.map((_, i) => [sectionTexts[i], ...after[i].flatMap((x) => [x.caption, ""])].join("\r"));
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
      const tableAt: { at: number; table: ReportTable }[] = [];
      n.sections.forEach((s, i) => {
        formatSection(doc, pos, s);
        call(getObject(doc, "Bookmarks"), "Add", bookmarkName(s.id), call(doc, "Range", pos, pos + sectionTexts[i].length));
        pos += sectionTexts[i].length + 1;
        for (const x of after[i]) {
          const caption = call<ComObject>(doc, "Range", pos, pos + x.caption.length);
          put(caption, "Style", WD_STYLE_NORMAL);
          put(getObject(caption, "ParagraphFormat"), "Alignment", WD_ALIGN_CENTER);
          put(getObject(caption, "Font"), "Bold", true);
          pos += x.caption.length + 1;
          tableAt.push({ at: pos, table: x.table });
          pos += 1;
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
      // the tables, last first: a table moves everything after it, never what comes before
      for (const x of tableAt.reverse()) insertTable(doc, x.at, x.table);
      const link: ReportLink = { fileName: info.fileName, generatedAt: info.generatedAt, tables: [linkedTable(n)] };
      storeLink(doc, link);
      return link;
    });
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
