/**
 * The 自评报告 in the open Word document (Office.js, WordApi 1.4).
 *
 * - write(narrative, link): appends the report at the end of the document: a title paragraph, then each section as a
 *   rich-text content control tagged `jixiao:<section>` (title = its heading) holding the heading (Heading 2) and its
 *   paragraphs; placeholders 【请补充：……】 are highlighted yellow. 2 syncs.
 * - The link (source file name, sheet, fingerprint, time, the quoted numbers and a hash of each section's text) is
 *   stored in a CUSTOM XML PART (document.customXmlParts, namespace urn:jixiao:report-link:1) — the same XML that
 *   `jixiao report` puts in its .docx, so a report written by the CLI can be refreshed here. Custom XML parts travel
 *   with the file (unlike add-in settings, which are per add-in) and are invisible to the person.
 * - refresh(narrative): rewrites ONLY the content controls whose text the new data changes, keeps everything outside
 *   them, and returns the numbers that changed since the last write/refresh (compared cell by cell). A section the
 *   person edited inside its control is not overwritten unless `force` — it is reported instead.
 *   Unchanged data: 2 syncs and nothing written. Changed data: 3 syncs.
 */
import { UserError } from "../../core/errors";
import {
  diffQuotes,
  LINK_NAMESPACE,
  linkedTable,
  linkXml,
  parseLinkXml,
  quotesOf,
  sectionLines,
  sectionTextHash,
  type LinkedTable,
  type Narrative,
  type QuoteChange,
  type ReportLink,
  type Section,
  type SectionId,
} from "../../core/narrative";
import type { WContentControl, WContentControlCollection, WCustomXmlPartScopedCollection, WordContext, WordRun, WParagraph } from "./api";

export const TAG_PREFIX = "jixiao:";

export function sectionTag(id: SectionId): string {
  return `${TAG_PREFIX}${id}`;
}

export interface RefreshResult {
  /** Numbers that changed since the report was written or last refreshed, by cell. */
  changes: QuoteChange[];
  /** Sections whose content controls were rewritten. */
  rewritten: SectionId[];
  /** Sections the person edited inside their control, left alone (rewritten when `force`). */
  edited: SectionId[];
  /** Sections whose content control is no longer in the document. */
  missing: SectionId[];
  /** The link as stored after the refresh. */
  link: ReportLink;
}

export interface StoredLink {
  link: ReportLink;
  /** Which table of the link this document's report is (0 for a report written from the pane). */
  table: LinkedTable;
}

function noReport(): UserError {
  return new UserError(
    "文档中没有由本工具写入的报告，请先点击“写入报告”。",
    "This document has no report written by this tool; use “Write report” first.",
    "no-report",
  );
}

/** Which table of a (possibly multi-table) link the narrative refreshes: same sheet and kind, else the first. */
function tableIndex(link: ReportLink, n: Narrative): number {
  const i = link.tables.findIndex((t) => t.sheet === n.sheet && t.kind === n.kind);
  if (i >= 0) return i;
  const j = link.tables.findIndex((t) => t.kind === n.kind);
  if (j >= 0) return j;
  throw new UserError(
    `文档中的报告对应“${link.tables.map((t) => t.sheet).join("、")}”，与所选表格（${n.sheet}）类型不同，无法刷新。`,
    `The report in this document belongs to "${link.tables.map((t) => t.sheet).join(", ")}", a different kind of table than the one chosen (${n.sheet}); it cannot be refreshed.`,
    "link-mismatch",
  );
}

/** Writes a section's heading and paragraphs into a content control that already holds one (empty) paragraph. */
function fillParagraph(p: WParagraph, sentences: Section["paragraphs"][number]["sentences"]): void {
  for (const s of sentences) {
    const r = p.insertText(s.text, "End");
    // Inserted text takes the formatting before it: set the highlight both ways.
    r.font.highlightColor = s.placeholder ? "Yellow" : null;
  }
}

export class WordReport {
  constructor(private readonly run: WordRun) {}

  /** Appends the report and stores the link. Refuses when the document already holds one (use refresh). */
  async write(n: Narrative, info: { fileName: string; generatedAt: string }): Promise<ReportLink> {
    return this.run(async (ctx) => {
      const parts = ctx.document.customXmlParts.getByNamespace(LINK_NAMESPACE);
      parts.load("items");
      await ctx.sync();
      if (parts.items.length > 0)
        throw new UserError(
          "文档中已有本工具写入的报告，请使用“刷新”更新其中的数字。",
          "This document already holds a report written by this tool; use “Refresh” to update its numbers.",
          "report-exists",
        );
      const body = ctx.document.body;
      const title = body.insertParagraph(n.title, "End");
      title.styleBuiltIn = "Title";
      title.font.highlightColor = null;
      for (const s of n.sections) {
        const head = body.insertParagraph(s.title, "End");
        head.styleBuiltIn = "Heading2";
        head.font.highlightColor = null;
        let last = head;
        for (const p of s.paragraphs) {
          const para = body.insertParagraph("", "End");
          para.styleBuiltIn = "Normal";
          fillParagraph(para, p.sentences);
          last = para;
        }
        const cc = head.getRange("Whole").expandTo(last.getRange("Whole")).insertContentControl();
        cc.tag = sectionTag(s.id);
        cc.title = s.title;
        cc.appearance = "BoundingBox";
      }
      const link: ReportLink = { fileName: info.fileName, generatedAt: info.generatedAt, tables: [linkedTable(n)] };
      ctx.document.customXmlParts.add(linkXml(link));
      await ctx.sync();
      return link;
    });
  }

  /** The stored link, or null when the document has none. 2 syncs. */
  async readLink(): Promise<ReportLink | null> {
    return this.run(async (ctx) => {
      const parts = ctx.document.customXmlParts.getByNamespace(LINK_NAMESPACE);
      parts.load("items");
      await ctx.sync();
      if (!parts.items.length) return null;
      const xml = parts.items[0].getXml();
      await ctx.sync();
      return parseLinkXml(xml.value);
    });
  }

  /** Replaces the sections the new data changes; see the module comment. */
  async refresh(n: Narrative, opts: { now?: string; force?: boolean; fileName?: string } = {}): Promise<RefreshResult> {
    return this.run(async (ctx) => {
      // 1: the link part and every section's content controls (with their text, to see what the person changed).
      const parts: WCustomXmlPartScopedCollection = ctx.document.customXmlParts.getByNamespace(LINK_NAMESPACE);
      parts.load("items");
      const controls = new Map<SectionId, WContentControlCollection>();
      for (const s of n.sections) {
        const c = ctx.document.contentControls.getByTag(sectionTag(s.id));
        c.load("items/text,items/tag");
        controls.set(s.id, c);
      }
      await ctx.sync();
      if (!parts.items.length) throw noReport();
      // 2: the link's XML.
      const xmlResult = parts.items[0].getXml();
      await ctx.sync();
      const link = parseLinkXml(xmlResult.value);
      if (!link || !link.tables.length) throw noReport();
      const index = tableIndex(link, n);
      const old = link.tables[index];
      const fresh = linkedTable(n);
      const changes = diffQuotes(old.quotes, quotesOf(n));

      const rewritten: SectionId[] = [];
      const edited: SectionId[] = [];
      const missing: SectionId[] = [];
      const oldHash = new Map(old.sections.map((s) => [s.id, s.hash]));
      // Which content control of a tag belongs to this table: those of earlier tables with the same section come first.
      const occurrence = (id: SectionId) => link.tables.slice(0, index).filter((t) => t.sections.some((x) => x.id === id)).length;
      const keep: typeof fresh.sections = [];
      for (const s of n.sections) {
        const newHash = fresh.sections.find((x) => x.id === s.id)!.hash;
        const before = oldHash.get(s.id) ?? null;
        const cc: WContentControl | undefined = controls.get(s.id)!.items[occurrence(s.id)];
        if (!cc) {
          missing.push(s.id);
          keep.push({ id: s.id, hash: before ?? "" });
          continue;
        }
        const current = sectionTextHash(cc.text);
        const personEdited = before !== null && current !== before;
        // Already showing the new text, or the data does not change this section: nothing to write (edits stay).
        if (current === newHash || before === newHash) {
          keep.push({ id: s.id, hash: before === newHash ? before : newHash });
          continue;
        }
        if (personEdited && !opts.force) {
          edited.push(s.id);
          keep.push({ id: s.id, hash: before! });
          continue;
        }
        this.rewrite(cc, s);
        rewritten.push(s.id);
        keep.push({ id: s.id, hash: newHash });
      }

      const nothingNew = changes.length === 0 && rewritten.length === 0 && old.fingerprint === fresh.fingerprint;
      if (nothingNew) return { changes, rewritten, edited, missing, link };

      // 3: the rewritten sections and the new link, in one batch.
      const tables = link.tables.slice();
      // A section left alone still shows the old numbers: keep its old quotes so the next refresh reports them.
      const stale = new Set<SectionId>([...edited, ...missing]);
      const quotes = [...fresh.quotes.filter((q) => !stale.has(q.section)), ...old.quotes.filter((q) => stale.has(q.section))];
      tables[index] = { ...fresh, sections: keep, quotes };
      const next: ReportLink = { fileName: opts.fileName ?? link.fileName, generatedAt: opts.now ?? new Date().toISOString(), tables };
      parts.items[0].setXml(linkXml(next));
      await ctx.sync();
      return { changes, rewritten, edited, missing, link: next };
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
  return <T>(batch: (context: WordContext) => Promise<T>) =>
    Word.run((context) => batch(context as unknown as WordContext)) as Promise<T>;
}
