/**
 * The link between a report and its workbook, stored in the document as a custom XML part
 * (customXml/itemN.xml in a .docx; Word's document.customXmlParts in the add-in): the same XML both ways,
 * so a report written by `jixiao report` can be refreshed from Word.
 *
 * <link xmlns="urn:jixiao:report-link:1" version="1" fileName="…" generatedAt="…">
 *   <table index="1" sheet="附件3-1" kind="project" title="…" fingerprint="…">
 *     <section id="basic" hash="…"/>
 *     <quote section="basic" cell="E6" label="全年执行数" value="3416.022万元"/>
 *   </table>
 * </link>
 *
 * Pure string code (no DOMParser: it runs in the CLI, the pane and tests alike); it reads only what it writes.
 */
import type { TableKind } from "../model";
import type { Narrative, SectionId } from "./types";
import { narrativeFingerprint, quotesOf } from "./digest";
import { hash53 } from "./hash";

export const LINK_NAMESPACE = "urn:jixiao:report-link:1";

export interface LinkedQuote {
  section: SectionId;
  cell: string;
  label: string;
  value: string;
}

/** What a section said when it was written: a hash of its text (whitespace ignored), to tell whether the data
 *  changed it and whether the person edited it since. */
export interface LinkedSection {
  id: SectionId;
  hash: string;
}

export interface LinkedTable {
  sections: LinkedSection[];
  sheet: string;
  kind: TableKind;
  title: string;
  fingerprint: string;
  quotes: LinkedQuote[];
}

export interface ReportLink {
  /** Source workbook file name (no path). */
  fileName: string;
  /** ISO time the report was written or last refreshed. */
  generatedAt: string;
  tables: LinkedTable[];
}

/** Hash of a section's text as a document shows it: heading and paragraphs, whitespace and line breaks ignored. */
export function sectionTextHash(text: string): string {
  return hash53(text.replace(/[\s\u3000\u200b]+/g, ""));
}

/** The text a section is written as (heading, then each paragraph). */
export function sectionLines(section: Narrative["sections"][number]): string[] {
  return [section.title, ...section.paragraphs.map((p) => p.sentences.map((x) => x.text).join(""))];
}

export function linkedTable(n: Narrative): LinkedTable {
  return {
    sheet: n.sheet,
    kind: n.kind,
    title: n.title,
    fingerprint: narrativeFingerprint(n),
    sections: n.sections.map((s) => ({ id: s.id, hash: sectionTextHash(sectionLines(s).join("")) })),
    quotes: quotesOf(n),
  };
}

function esc(s: string): string {
  return (
    s
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/\r/g, "&#13;")
      .replace(/\n/g, "&#10;")
      .replace(/\t/g, "&#9;")
      // Characters XML 1.0 cannot hold at all.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
  );
}

function unesc(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e === "amp") return "&";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

export function linkXml(link: ReportLink): string {
  const lines = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`,
    `<link xmlns="${LINK_NAMESPACE}" version="1" fileName="${esc(link.fileName)}" generatedAt="${esc(link.generatedAt)}">`,
  ];
  link.tables.forEach((t, i) => {
    lines.push(
      `<table index="${i + 1}" sheet="${esc(t.sheet)}" kind="${t.kind}" title="${esc(t.title)}" fingerprint="${esc(t.fingerprint)}">`,
    );
    for (const s of t.sections) lines.push(`<section id="${s.id}" hash="${esc(s.hash)}"/>`);
    for (const q of t.quotes)
      lines.push(`<quote section="${q.section}" cell="${esc(q.cell)}" label="${esc(q.label)}" value="${esc(q.value)}"/>`);
    lines.push(`</table>`);
  });
  lines.push(`</link>`);
  return lines.join("\n");
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([A-Za-z_][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) out[m[1]] = unesc(m[3] ?? m[4] ?? "");
  return out;
}

/** Reads a link written by linkXml (Word may re-serialise it: prefixes, quotes and spacing are tolerated). Null when it is not one. */
export function parseLinkXml(xml: string): ReportLink | null {
  const root = /<(?:[\w.-]+:)?link\b([^>]*)>/.exec(xml);
  if (!root || !root[1].includes(LINK_NAMESPACE)) return null;
  const ra = attrs(root[1]);
  const tables: LinkedTable[] = [];
  const tableRe = /<(?:[\w.-]+:)?table\b([^>]*?)(\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?table>)/g;
  let m: RegExpExecArray | null;
  while ((m = tableRe.exec(xml))) {
    const ta = attrs(m[1]);
    const quotes: LinkedQuote[] = [];
    const quoteRe = /<(?:[\w.-]+:)?quote\b([^>]*?)\/?>/g;
    let q: RegExpExecArray | null;
    while ((q = quoteRe.exec(m[3] ?? ""))) {
      const qa = attrs(q[1]);
      quotes.push({ section: qa.section as SectionId, cell: qa.cell ?? "", label: qa.label ?? "", value: qa.value ?? "" });
    }
    const sections: LinkedSection[] = [];
    const sectionRe = /<(?:[\w.-]+:)?section\b([^>]*?)\/?>/g;
    let sm: RegExpExecArray | null;
    while ((sm = sectionRe.exec(m[3] ?? ""))) {
      const sa = attrs(sm[1]);
      sections.push({ id: sa.id as SectionId, hash: sa.hash ?? "" });
    }
    tables.push({
      sheet: ta.sheet ?? "",
      kind: (ta.kind as TableKind) ?? "project",
      title: ta.title ?? "",
      fingerprint: ta.fingerprint ?? "",
      sections,
      quotes,
    });
  }
  return { fileName: ra.fileName ?? "", generatedAt: ra.generatedAt ?? "", tables };
}
