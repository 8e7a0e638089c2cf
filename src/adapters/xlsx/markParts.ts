/**
 * The package parts 标注问题 touches in an .xlsx, as text: the legacy comments part (notes), the VML
 * drawing that shows them, relationships, content types, and our record. Each helper edits only what it must; the
 * rest of each part stays as written. VML is edited as text on purpose: the VML Excel writes is not always
 * well-formed XML.
 *
 * The record is a custom XML part (customXml/itemN.xml, related from the workbook) in our own namespace, its root
 * holding JSON escaped for XML:
 *   <marks xmlns="urn:jixiao:marks:1" version="1">{"version":1,"cells":[…],"created":{…}}</marks>
 * Per marked cell: the style index (`s`) the cell had before its fill (`style`) and the one the mark gave it
 * (`marked`), whether the file had no `<c>` for it (`absent`), whether our note was written (a person's note keeps
 * the cell), and the mark itself. `created` names what the marks created per sheet (comments part, VML part, the
 * sheet's relationships part, `<legacyDrawing>`, the note author), so 清除标注 removes only parts it created once
 * they are empty; `styles` the cell formats and fills the marks added, dropped from the styles part on clear when
 * they are its last ones and no cell uses them.
 */
import type { FindingCode, Severity } from "../../core/findings";
import { MARK_AUTHOR, MARK_FILLS, isOwnNote } from "../../core/marks";
import { attributesOf, decodeEntities, escapeAttr, escapeText } from "./xml";
import { parseRef, refOf } from "./cellRef";
import { tagsOf } from "./opc";

export const MARKS_NAMESPACE = "urn:jixiao:marks:1";
export const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_TYPE = {
  comments: `${NS_R}/comments`,
  vmlDrawing: `${NS_R}/vmlDrawing`,
  customXml: `${NS_R}/customXml`,
};
export const CONTENT_TYPE = {
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  xml: "application/xml",
};

/** What the marks created in one sheet (removed on clear once empty). */
export interface SheetCreated {
  comments?: true;
  /** The note shape type added to a drawing that had none. */
  shapetype?: true;
  vml?: true;
  rels?: true;
  legacyDrawing?: true;
  author?: true;
}

export interface RecordCell {
  sheet: string;
  cell: string;
  severity: Severity;
  codes: FindingCode[];
  fill: string;
  note: string;
  /** Whether our note is in the comments part (false where a person's note holds the cell). */
  written: boolean;
  /** The cell's style index before the mark, and with it. */
  style: number;
  marked: number;
  /** The file had no `<c>` for the cell: clearing removes the one the mark added. */
  absent?: true;
  /** The row's start tag before that `<c>` was added (its spans hint is given back on clear). */
  rowTag?: string;
  /**
   * The start tag of the cell stored right after the `<c>` the mark added, when it had no r (the mark wrote its r out
   * so its place stays; clearing gives the tag back).
   */
  nextTag?: string;
  /** The sheet had no `<row>` for the cell either: clearing takes the row the mark added away (nextTag: the row after it). */
  newRow?: true;
}

export interface MarkRecord {
  version: 1;
  cells: RecordCell[];
  created: Record<string, SheetCreated>;
  /** Cell formats (cellXfs indices) and fills the marks added to the styles part: dropped on clear once unused. */
  styles?: { xfs: number[]; fills: number[] };
  /**
   * The input's own zip entries (base64 of ZipArchive.storedEntry) of the parts marking changed, by part name: clearing
   * puts back an entry as it was stored when it gives the part back as it was, so mark then clear = the input's bytes.
   */
  stored?: Record<string, string>;
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];

export function recordToXml(record: MarkRecord): string {
  const json = JSON.stringify(record).replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<marks xmlns="${MARKS_NAMESPACE}" version="1">${escapeText(json)}</marks>`;
}

/** Reads our record; null when the part is not ours or is damaged (then ignored, never half-used). */
export function recordFromXml(xml: string): MarkRecord | null {
  const body = xml.replace(/^\uFEFF?\s*<\?xml[^?]*\?>/, "").trim();
  const m = /^<([A-Za-z_][\w.-]*:)?marks\b([^>]*)>([\s\S]*)<\/\1?marks\s*>$/.exec(body);
  if (!m || !m[2].includes(MARKS_NAMESPACE)) return null;
  const text = m[3].replace(/<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)/g, (_a, cdata: string | undefined, plain: string | undefined) =>
    cdata !== undefined ? cdata : decodeEntities(plain ?? ""),
  );
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const r = parsed as Partial<MarkRecord> | null;
  if (!r || r.version !== 1 || !Array.isArray(r.cells) || !r.created || typeof r.created !== "object") return null;
  for (const c of r.cells as Partial<RecordCell>[]) {
    if (!c || typeof c.sheet !== "string" || typeof c.cell !== "string" || !parseRef(c.cell)) return null;
    if (!SEVERITIES.includes(c.severity as Severity) || !Array.isArray(c.codes) || typeof c.note !== "string") return null;
    if (typeof c.style !== "number" || typeof c.marked !== "number" || typeof c.fill !== "string") return null;
  }
  return r as MarkRecord;
}

// ---------------------------------------------------------------- comments part

export interface CommentEntry {
  row: number;
  col: number;
  authorId: number;
  /** The element as written. */
  xml: string;
  /** Its text (every run, phonetic runs left out). */
  text: string;
}

export interface CommentsXml {
  xml: string;
  prefix: string;
  authors: string[];
  comments: CommentEntry[];
}

export function parseComments(xml: string): CommentsXml {
  const prefix = /<([\w.-]+:)?comments\b/.exec(xml)?.[1] ?? "";
  const authorsBody = new RegExp(`<${prefix}authors\\b[^>]*>([\\s\\S]*?)</${prefix}authors>`).exec(xml)?.[1] ?? "";
  const authors = (authorsBody.match(new RegExp(`<${prefix}author\\b[^>]*?(?:/>|>[\\s\\S]*?</${prefix}author>)`, "g")) ?? []).map((a) =>
    a.endsWith("/>") ? "" : decodeEntities(a.replace(/^<[^>]*>/, "").replace(/<\/[^>]*>$/, "")),
  );
  const comments: CommentEntry[] = [];
  for (const c of xml.match(new RegExp(`<${prefix}comment\\b[^>]*?(?:/>|>[\\s\\S]*?</${prefix}comment>)`, "g")) ?? []) {
    const a = attributesOf(c.slice(0, c.indexOf(">") + 1));
    const pos = parseRef(a.ref ?? "");
    if (!pos) continue;
    const visible = c.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, "");
    const text = (visible.match(/<(?:[\w.-]+:)?t\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?t>)/g) ?? [])
      .map((t) => (t.endsWith("/>") ? "" : decodeEntities(t.replace(/^<[^>]*>/, "").replace(/<\/[^>]*>$/, ""))))
      .join("");
    comments.push({ row: pos.row, col: pos.col, authorId: Number(a.authorId ?? 0), xml: c, text });
  }
  return { xml, prefix, authors, comments };
}

/** Whether a comment is one of ours: our author, or our first line. */
export function isOwnComment(part: CommentsXml, c: CommentEntry): boolean {
  return part.authors[c.authorId] === MARK_AUTHOR || isOwnNote(c.text);
}

/** Text an XML part may hold: characters XML 1.0 forbids are dropped. */
function xmlSafe(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
}

/** Our comment element: the author line in bold, then the findings, in the size Excel gives notes. */
export function commentElement(prefix: string, row: number, col: number, authorId: number, note: string): string {
  const p = prefix;
  const nl = note.indexOf("\n");
  const first = nl < 0 ? note : note.slice(0, nl);
  const rest = nl < 0 ? "" : note.slice(nl);
  const run = (bold: boolean, text: string) =>
    `<${p}r><${p}rPr>${bold ? `<${p}b/>` : ""}<${p}sz val="9"/><${p}color indexed="81"/></${p}rPr><${p}t xml:space="preserve">${escapeText(xmlSafe(text))}</${p}t></${p}r>`;
  return `<${p}comment ref="${refOf(row, col)}" authorId="${authorId}" shapeId="0"><${p}text>${run(true, first)}${rest ? run(false, rest) : ""}</${p}text></${p}comment>`;
}

export function newCommentsXml(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>`;
}

/**
 * The comments part with `remove` (elements as written) taken out, `add` (row, col, element) put in row-then-column
 * order among the comments that stay, our author appended when asked (`addAuthor`) or the last author dropped
 * (`dropLastAuthor`). Every other byte stays.
 */
export function editComments(
  part: CommentsXml,
  remove: Set<string>,
  add: { row: number; col: number; xml: string }[],
  authors: { addAuthor?: boolean; dropLastAuthor?: boolean },
): string {
  const p = part.prefix;
  let xml = part.xml;
  if (authors.addAuthor) {
    const el = `<${p}author>${escapeText(MARK_AUTHOR)}</${p}author>`;
    const selfClosing = new RegExp(`<${p}authors\\b[^>]*?/>`).exec(xml);
    if (selfClosing)
      xml = xml.slice(0, selfClosing.index) + `<${p}authors>${el}</${p}authors>` + xml.slice(selfClosing.index + selfClosing[0].length);
    else {
      const close = xml.indexOf(`</${p}authors>`);
      if (close >= 0) xml = xml.slice(0, close) + el + xml.slice(close);
      else {
        const root = new RegExp(`<${p}comments\\b[^>]*>`).exec(xml)!;
        xml = xml.slice(0, root.index + root[0].length) + `<${p}authors>${el}</${p}authors>` + xml.slice(root.index + root[0].length);
      }
    }
  }
  if (authors.dropLastAuthor) {
    const close = xml.indexOf(`</${p}authors>`);
    const open = xml.lastIndexOf(`<${p}author>`, close);
    if (open >= 0 && close > open) xml = xml.slice(0, open) + xml.slice(xml.indexOf(`</${p}author>`, open) + `</${p}author>`.length);
  }
  for (const r of remove) {
    const at = xml.indexOf(r);
    if (at >= 0) xml = xml.slice(0, at) + xml.slice(at + r.length);
  }
  if (add.length === 0) return xml;
  const selfList = new RegExp(`<${p}commentList\\b[^>]*?/>`).exec(xml);
  if (selfList) xml = xml.slice(0, selfList.index) + `<${p}commentList></${p}commentList>` + xml.slice(selfList.index + selfList[0].length);
  if (xml.indexOf(`</${p}commentList>`) < 0) {
    const close = xml.lastIndexOf(`</${p}comments>`);
    xml = xml.slice(0, close) + `<${p}commentList></${p}commentList>` + xml.slice(close);
  }
  const staying = part.comments.filter((c) => !remove.has(c.xml));
  for (const a of [...add].sort((x, y) => x.row - y.row || x.col - y.col)) {
    const next = staying.find((c) => c.row > a.row || (c.row === a.row && c.col > a.col));
    const at = next ? xml.indexOf(next.xml) : -1;
    const pos = at >= 0 ? at : xml.indexOf(`</${p}commentList>`);
    xml = xml.slice(0, pos) + a.xml + xml.slice(pos);
  }
  return xml;
}

// ---------------------------------------------------------------- VML

const SHAPE = /<v:shape\b[\s\S]*?<\/v:shape>/g;

/** The note shapes of a VML part: each shape's text and the (1-based) cell it belongs to. */
export function noteShapes(vml: string): { xml: string; row: number; col: number }[] {
  const out: { xml: string; row: number; col: number }[] = [];
  for (const s of vml.match(SHAPE) ?? []) {
    if (!/ObjectType\s*=\s*["']Note["']/.test(s)) continue;
    const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(s);
    const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(s);
    if (row && col) out.push({ xml: s, row: Number(row[1]) + 1, col: Number(col[1]) + 1 });
  }
  return out;
}

export function shapeCount(vml: string): number {
  return (vml.match(SHAPE) ?? []).length;
}

/** The highest shape number in a VML part ("_x0000_s1025" → 1025), and its idmap blocks. */
export function vmlIds(vml: string): { maxShape: number; blocks: number[] } {
  let maxShape = 0;
  for (const m of vml.matchAll(/_x0000_s(\d+)/g)) maxShape = Math.max(maxShape, Number(m[1]));
  const blocks: number[] = [];
  for (const m of vml.matchAll(/<o:idmap\b[^>]*\bdata\s*=\s*["']([\d,\s]+)["']/g)) {
    for (const d of m[1].split(",")) if (d.trim()) blocks.push(Number(d.trim()));
  }
  return { maxShape, blocks };
}

export const SHAPETYPE = `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;

export function newVml(block: number): string {
  return (
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${SHAPETYPE}</xml>`
  );
}

/** A hidden note shape for the cell (row, col), as Excel writes them. */
export function noteShape(id: number, row: number, col: number): string {
  const r0 = row - 1;
  const c0 = col - 1;
  const anchor = `${c0 + 1}, 15, ${Math.max(r0 - 1, 0)}, 10, ${c0 + 4}, 15, ${r0 + 5}, 4`;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:0;margin-top:0;width:240pt;height:96pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
    `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${r0}</x:Row><x:Column>${c0}</x:Column></x:ClientData></v:shape>`
  );
}

/** Whether a VML part defines the note shape type. */
export function hasNoteShapetype(vml: string): boolean {
  return /<v:shapetype\b[^>]*\bid\s*=\s*["']_x0000_t202["']/.test(vml);
}

/** The VML part with the note shapes of `removeCells` ("row:col") taken out and `add` shapes appended. */
export function editVml(vml: string, removeCells: Set<string>, add: string[]): string {
  let xml = vml;
  for (const s of noteShapes(vml)) {
    if (!removeCells.has(`${s.row}:${s.col}`)) continue;
    const at = xml.indexOf(s.xml);
    if (at >= 0) xml = xml.slice(0, at) + xml.slice(at + s.xml.length);
  }
  if (add.length === 0) return xml;
  const type = hasNoteShapetype(xml) ? "" : SHAPETYPE;
  const close = xml.lastIndexOf("</xml>");
  const at = close >= 0 ? close : xml.length;
  return xml.slice(0, at) + type + add.join("") + xml.slice(at);
}

// ---------------------------------------------------------------- relationships and content types

export function newRelsXml(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
}

/** A relationship id the part does not use yet. */
export function freeRelId(rels: string): string {
  const used = new Set(tagsOf(rels, "Relationship").map((t) => attributesOf(t).Id));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

export function addRelationship(rels: string, id: string, type: string, target: string): string {
  const el = `<Relationship Id="${escapeAttr(id)}" Type="${type}" Target="${escapeAttr(target)}"/>`;
  const self = /<Relationships\b[^>]*?\/>/.exec(rels);
  if (self)
    return rels.slice(0, self.index) + self[0].replace(/\s*\/>$/, ">") + el + "</Relationships>" + rels.slice(self.index + self[0].length);
  const close = rels.lastIndexOf("</Relationships>");
  return rels.slice(0, close) + el + rels.slice(close);
}

export function removeRelationship(rels: string, id: string): string {
  const tag = tagsOf(rels, "Relationship").find((t) => attributesOf(t).Id === id);
  if (!tag) return rels;
  const at = rels.indexOf(tag);
  let end = at + tag.length;
  if (!tag.endsWith("/>")) end = rels.indexOf("</Relationship>", at) + "</Relationship>".length;
  return rels.slice(0, at) + rels.slice(end);
}

export function relationshipCount(rels: string): number {
  return tagsOf(rels, "Relationship").length;
}

/** A target for `part` written from `source`: relative when both live under the same top folder, else absolute. */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  if (from.length === 0) return part;
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...Array(from.length - i).fill(".."), ...to.slice(i)].join("/");
}

export function hasDefault(ct: string, ext: string): boolean {
  return tagsOf(ct, "Default").some((t) => attributesOf(t).Extension?.toLowerCase() === ext);
}

export function addOverride(ct: string, part: string, type: string): string {
  const close = ct.lastIndexOf("</Types>");
  return ct.slice(0, close) + `<Override PartName="/${escapeAttr(part)}" ContentType="${type}"/>` + ct.slice(close);
}

export function removeOverride(ct: string, part: string): string {
  const tag = tagsOf(ct, "Override").find((t) => attributesOf(t).PartName?.replace(/^\//, "").toLowerCase() === part.toLowerCase());
  return tag ? ct.replace(tag, "") : ct;
}

/** A part name `${stem}${n}${ext}` not taken (case-insensitive). */
export function freePartName(taken: (name: string) => boolean, stem: string, ext: string): string {
  let n = 1;
  while (taken(`${stem}${n}${ext}`)) n++;
  return `${stem}${n}${ext}`;
}

// ---------------------------------------------------------------- the sheet's <legacyDrawing>

/** Elements that follow legacyDrawing in CT_Worksheet: a new one goes before the first of these. */
const AFTER_LEGACY = ["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

export function legacyDrawingOf(sheetXml: string): { tag: string; relId: string } | null {
  const m = /<(?:[\w.-]+:)?legacyDrawing\b[^>]*>/.exec(sheetXml);
  if (!m) return null;
  const a = attributesOf(m[0]);
  const rid = Object.entries(a).find(([k]) => k === "r:id" || /:id$/.test(k))?.[1];
  return rid ? { tag: m[0], relId: rid } : null;
}

/** The sheet with `<legacyDrawing r:id="…"/>` added where the schema puts it. */
export function withLegacyDrawing(sheetXml: string, prefix: string, relId: string): string {
  const root = /<(?:[\w.-]+:)?worksheet\b[^>]*>/.exec(sheetXml);
  const rootAttrs = root ? attributesOf(root[0]) : {};
  const bound = Object.entries(rootAttrs)
    .find(([k, v]) => k.startsWith("xmlns:") && v === NS_R)?.[0]
    .slice(6);
  const el = bound ? `<${prefix}legacyDrawing ${bound}:id="${relId}"/>` : `<${prefix}legacyDrawing xmlns:r="${NS_R}" r:id="${relId}"/>`;
  let at = -1;
  for (const name of AFTER_LEGACY) {
    const m = new RegExp(`<${prefix}${name}\\b`).exec(sheetXml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = sheetXml.lastIndexOf(`</${prefix}worksheet>`);
  return sheetXml.slice(0, at) + el + sheetXml.slice(at);
}

export function withoutLegacyDrawing(sheetXml: string, tag: string): string {
  return sheetXml.replace(tag, "");
}

// ---------------------------------------------------------------- reading a mark back

/** Severity and codes of a note of ours whose record was lost: read from its lines. */
export function markFromNote(note: string): { severity: Severity; codes: FindingCode[]; fill: string } {
  const lines = note.split(/\r?\n/).slice(1);
  const severity: Severity = lines.some((l) => /^(【错误】|\[Error\])/.test(l))
    ? "error"
    : lines.some((l) => /^(【警告】|\[Warning\])/.test(l))
      ? "warning"
      : lines.length && lines.every((l) => /^(【提示】|\[Note\])/.test(l))
        ? "info"
        : "warning";
  const codes = lines.map((l) => /\[([A-Z][A-Z0-9_]*)\]\s*$/.exec(l)?.[1]).filter((c): c is string => !!c) as FindingCode[];
  return { severity, codes: [...new Set(codes)], fill: MARK_FILLS[severity] };
}
