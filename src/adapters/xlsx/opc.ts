/**
 * The package around the sheets (Open Packaging Conventions): content types, relationships, the workbook's sheet list.
 * Relationship targets may be relative ("worksheets/sheet1.xml") or absolute ("/xl/comments1.xml"): both are valid
 * OOXML and both resolve here.
 */
import type { ZipArchive } from "./zip";
import { attributesOf } from "./xml";
import { corruptError } from "./messages";
import { LIMITS, limitError } from "./limits";
import { userError } from "../../core/messages";

export const REL = {
  officeDocument: /\/officeDocument$/,
  worksheet: /\/worksheet$/,
  sharedStrings: /\/sharedStrings$/,
  styles: /\/styles$/,
  calcChain: /\/calcChain$/,
};

export interface Relationship {
  id: string;
  type: string;
  /** The target as written. */
  target: string;
  /** The part it names, resolved ("xl/worksheets/sheet1.xml"), or null for an external target. */
  part: string | null;
}

/** tagsOf's expression for each element name asked for (match with a global expression always starts at 0). */
const TAGS = new Map<string, RegExp>();

/** Every start tag of one element name in a small part's text, whatever its prefix. */
export function tagsOf(xml: string, name: string): string[] {
  let re = TAGS.get(name);
  if (!re) TAGS.set(name, (re = new RegExp(`<(?:[\\w.-]+:)?${name}\\b[^>]*>`, "g")));
  return xml.match(re) ?? [];
}

/** "xl/worksheets/_rels/sheet1.xml.rels" for "xl/worksheets/sheet1.xml". */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Resolves a relationship target against the part that holds the relationship. */
export function resolveTarget(source: string, target: string): string {
  // without a fragment or an escape, the target is what it says
  const t = target.indexOf("#") < 0 && target.indexOf("%") < 0 ? target : decodeURIComponent(target.replace(/#.*$/, ""));
  if (t.startsWith("/")) return normalise(t.slice(1));
  const base = source.includes("/") ? source.slice(0, source.lastIndexOf("/") + 1) : "";
  return normalise(base + t);
}

/** A path with an empty, "." or ".." segment (normalise drops or resolves them). */
const UNNORMALISED = /(?:^|\/)\.{1,2}(?:\/|$)|\/\/|^\/|\/$/;

function normalise(path: string): string {
  if (!UNNORMALISED.test(path)) return path;
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}

/** The relationships of a part ([] when it has none). */
export function relationshipsOf(zip: ZipArchive, source: string): Relationship[] {
  const relsPart = source === "" ? "_rels/.rels" : relsPartOf(source);
  if (!zip.has(relsPart)) return [];
  const tags = tagsOf(zip.text(relsPart), "Relationship");
  const out: Relationship[] = [];
  for (let i = 0; i < tags.length; i++) {
    const a = attributesOf(tags[i]);
    const external = a.TargetMode === "External";
    out.push({ id: a.Id ?? "", type: a.Type ?? "", target: a.Target ?? "", part: external ? null : resolveTarget(source, a.Target ?? "") });
  }
  return out;
}

/** The first relationship of a type whose part is in the package. */
function relationshipTo(zip: ZipArchive, rels: readonly Relationship[], type: RegExp): Relationship | undefined {
  for (let i = 0; i < rels.length; i++) {
    const r = rels[i];
    if (type.test(r.type) && r.part && zip.has(r.part)) return r;
  }
  return undefined;
}

/** A sheet entry's relationship id: its r:id attribute, whatever the prefix. */
function relationshipIdOf(a: Record<string, string>): string {
  const keys = Object.keys(a);
  for (let i = 0; i < keys.length; i++) if (keys[i] === "r:id" || keys[i].endsWith(":id")) return a[keys[i]] ?? "";
  return "";
}

export interface SheetEntry {
  name: string;
  /** The worksheet's part ("xl/worksheets/sheet1.xml"). */
  part: string;
  state: "visible" | "hidden" | "veryHidden";
}

export interface PackageMap {
  workbookPart: string;
  sheets: SheetEntry[];
  sharedStringsPart: string | null;
  stylesPart: string | null;
  calcChainPart: string | null;
  /** The workbook's own relationships. */
  workbookRels: Relationship[];
}

/**
 * Finds the workbook, its worksheets (in workbook order; chart sheets are not worksheets), shared strings and styles.
 * A workbook listing more than LIMITS.sheets sheets, one worksheet part under two sheets, or two sheets of one name
 * (what no spreadsheet writes) is refused.
 */
export function readPackage(zip: ZipArchive): PackageMap {
  const root = relationshipsOf(zip, "");
  let workbookPart: string | null = null;
  for (let i = 0; i < root.length; i++) {
    if (REL.officeDocument.test(root[i].type)) {
      workbookPart = root[i].part;
      break;
    }
  }
  workbookPart ??= zip.has("xl/workbook.xml") ? "xl/workbook.xml" : null;
  if (!workbookPart || !zip.has(workbookPart)) throw corruptError("no workbook part");
  const rels = relationshipsOf(zip, workbookPart);
  const byId = new Map<string, Relationship>();
  for (let i = 0; i < rels.length; i++) byId.set(rels[i].id, rels[i]);
  const xml = zip.text(workbookPart);
  const tags = tagsOf(xml, "sheet");
  // every sheet entry costs a read and an analysis: their number is bounded, and no part is read for two of them
  if (tags.length > LIMITS.sheets) throw limitError("sheets");
  const sheets: SheetEntry[] = [];
  const byPart = new Map<string, SheetEntry>();
  const byName = new Map<string, SheetEntry>();
  for (let i = 0; i < tags.length; i++) {
    const a = attributesOf(tags[i]);
    const rid = relationshipIdOf(a);
    const rel = byId.get(rid);
    if (!rel || !rel.part || !REL.worksheet.test(rel.type) || !zip.has(rel.part)) continue;
    const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
    const entry: SheetEntry = { name: a.name ?? rel.part, part: zip.entry(rel.part)!.name, state };
    const samePart = byPart.get(entry.part);
    if (samePart) throw userError("sheets-same-part", { first: samePart.name, second: entry.name, part: entry.part });
    // sheet names compare without case, as Excel's do
    const sameName = byName.get(entry.name.toLowerCase());
    if (sameName) throw userError("sheets-same-name", { first: sameName.name, second: entry.name });
    byPart.set(entry.part, entry);
    byName.set(entry.name.toLowerCase(), entry);
    sheets.push(entry);
  }
  return {
    workbookPart: zip.entry(workbookPart)!.name,
    sheets,
    sharedStringsPart: partOf(zip, relationshipTo(zip, rels, REL.sharedStrings)),
    stylesPart: partOf(zip, relationshipTo(zip, rels, REL.styles)),
    calcChainPart: partOf(zip, relationshipTo(zip, rels, REL.calcChain)),
    workbookRels: rels,
  };
}

/** The entry name of a relationship's part, as the archive spells it. */
function partOf(zip: ZipArchive, r: Relationship | undefined): string | null {
  return r ? zip.entry(r.part!)!.name : null;
}
