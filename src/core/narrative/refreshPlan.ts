/**
 * What 刷新 does to a linked report, decided without touching any document: which sections to rewrite (their
 * numbers changed), which to leave (unchanged, or edited by the person — unless forced), which are missing, the
 * numbers that changed, and the link to store afterwards. Word (content controls) and WPS 文字 (bookmarks) both
 * carry it out; each only reads the sections' current text and writes what this decides.
 */
import type { UserError } from "../errors";
import { userError } from "../messages";
import { diffQuotes, quotesOf } from "./digest";
import { linkedTable, sectionTextHash, type LinkedTable, type ReportLink } from "./link";
import type { Narrative, QuoteChange, SectionId } from "./types";

export interface RefreshResult {
  /** Numbers that changed since the report was written or last refreshed, by cell. */
  changes: QuoteChange[];
  /** Sections whose text was rewritten. */
  rewritten: SectionId[];
  /** Sections the person edited, left alone (rewritten when `force`). */
  edited: SectionId[];
  /** Sections no longer in the document. */
  missing: SectionId[];
  /** The link as stored after the refresh. */
  link: ReportLink;
}

export interface RefreshPlan {
  /** Which table of the link the narrative refreshes. */
  index: number;
  result: RefreshResult;
  /** Nothing to write at all (no section to rewrite, no number changed, same fingerprint): keep the stored link. */
  nothingNew: boolean;
}

export function noReport(): UserError {
  return userError("no-report");
}

export function reportExists(): UserError {
  return userError("report-exists");
}

/** Which table of a (possibly multi-table) link the narrative refreshes: same sheet and kind, else the same kind. */
export function tableIndex(link: ReportLink, n: Narrative): number {
  const i = link.tables.findIndex((t) => t.sheet === n.sheet && t.kind === n.kind);
  if (i >= 0) return i;
  const j = link.tables.findIndex((t) => t.kind === n.kind);
  if (j >= 0) return j;
  throw userError("link-mismatch", { linked: link.tables.map((t) => t.sheet), sheet: n.sheet });
}

/** How many earlier tables of the link also have this section (their sections come first in the document). */
export function occurrenceOf(link: ReportLink, index: number, id: SectionId): number {
  return link.tables.slice(0, index).filter((t) => t.sections.some((x) => x.id === id)).length;
}

/**
 * @param currentText the text a section shows now in the document (its `occurrence`-th instance), or null when the
 *   section is no longer there
 */
export function planRefresh(
  link: ReportLink,
  n: Narrative,
  currentText: (id: SectionId, occurrence: number) => string | null,
  opts: { now?: string; force?: boolean; fileName?: string } = {},
): RefreshPlan {
  if (!link.tables.length) throw noReport();
  const index = tableIndex(link, n);
  const old = link.tables[index];
  const fresh = linkedTable(n);
  const changes = diffQuotes(old.quotes, quotesOf(n));
  const rewritten: SectionId[] = [];
  const edited: SectionId[] = [];
  const missing: SectionId[] = [];
  const oldHash = new Map(old.sections.map((s) => [s.id, s.hash]));
  const keep: LinkedTable["sections"] = [];
  for (const s of n.sections) {
    const newHash = fresh.sections.find((x) => x.id === s.id)!.hash;
    const before = oldHash.get(s.id) ?? null;
    const text = currentText(s.id, occurrenceOf(link, index, s.id));
    if (text === null) {
      missing.push(s.id);
      keep.push({ id: s.id, hash: before ?? "" });
      continue;
    }
    const current = sectionTextHash(text);
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
    rewritten.push(s.id);
    keep.push({ id: s.id, hash: newHash });
  }
  const nothingNew = changes.length === 0 && rewritten.length === 0 && old.fingerprint === fresh.fingerprint;
  if (nothingNew) return { index, nothingNew, result: { changes, rewritten, edited, missing, link } };
  const tables = link.tables.slice();
  // A section left alone still shows the old numbers: keep its old quotes so the next refresh reports them.
  const stale = new Set<SectionId>([...edited, ...missing]);
  const quotes = [...fresh.quotes.filter((q) => !stale.has(q.section)), ...old.quotes.filter((q) => stale.has(q.section))];
  tables[index] = { ...fresh, sections: keep, quotes };
  const next: ReportLink = { fileName: opts.fileName ?? link.fileName, generatedAt: opts.now ?? new Date().toISOString(), tables };
  return { index, nothingNew, result: { changes, rewritten, edited, missing, link: next } };
}
