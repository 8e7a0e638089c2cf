/** Fingerprint and quote lists of a narrative; the diff of two. */
import { hash53 } from "./hash";
import type { Narrative, QuoteChange, SectionId } from "./types";

/** The canonical content of a narrative: every sentence with the cells it quotes. */
function canonical(n: Narrative): string {
  return JSON.stringify([
    n.kind,
    n.sheet,
    n.title,
    n.sections.map((s) => [
      s.id,
      s.paragraphs.map((p) => [...p.sentences.map((x) => [x.text, x.cells]), ...(p.table ? [p.table.header, p.table.rows] : [])]),
    ]),
  ]);
}

/** A stable hash of everything the narrative says and the cells it cites (14 hex digits). */
export function narrativeFingerprint(n: Narrative): string {
  return hash53(canonical(n));
}

/** Flat list of quotes per section, keyed by cell and label. */
export function quotesOf(n: Narrative): { section: SectionId; cell: string; label: string; value: string }[] {
  const out: { section: SectionId; cell: string; label: string; value: string }[] = [];
  for (const s of n.sections)
    for (const p of s.paragraphs) {
      for (const x of p.sentences) for (const q of x.quotes ?? []) out.push({ section: s.id, ...q });
      for (const q of p.table?.quotes ?? []) out.push({ section: s.id, ...q });
    }
  return out;
}

/**
 * Numbers that changed between two narratives of the same table, compared cell by cell (and label, since a
 * cell may be quoted under two names). Each cell/label pair is reported once, in the order of the new report.
 */
export function diffQuotes(
  before: { section: SectionId; cell: string; label: string; value: string }[],
  after: { section: SectionId; cell: string; label: string; value: string }[],
): QuoteChange[] {
  const key = (q: { cell: string; label: string }) => `${q.cell}\u0000${q.label}`;
  const old = new Map<string, (typeof before)[number]>();
  for (const q of before) if (!old.has(key(q))) old.set(key(q), q);
  const seen = new Set<string>();
  const out: QuoteChange[] = [];
  for (const q of after) {
    const k = key(q);
    if (seen.has(k)) continue;
    seen.add(k);
    const o = old.get(k);
    if (!o) out.push({ section: q.section, cell: q.cell, label: q.label, before: null, after: q.value });
    else if (o.value !== q.value) out.push({ section: q.section, cell: q.cell, label: q.label, before: o.value, after: q.value });
  }
  for (const [k, o] of old) if (!seen.has(k)) out.push({ section: o.section, cell: o.cell, label: o.label, before: o.value, after: null });
  return out;
}

export function diffNarratives(before: Narrative, after: Narrative): QuoteChange[] {
  return diffQuotes(quotesOf(before), quotesOf(after));
}
