/**
 * The undo record both object-model hosts keep IN the workbook (Excel: a custom XML part; WPS: a very hidden sheet),
 * so 撤销 works after the pane was closed, the file saved and reopened. In Excel, one part per applied plan, in our
 * own namespace; its root element holds the record as JSON text, escaped for XML:
 *   <undo xmlns="urn:jixiao:undo:1" version="1">{"version":1,"id":"…","created":"…","cells":[…]}</undo>
 * JSON.stringify already escapes control characters, quotes, backslashes and lone surrogates; what XML 1.0 still
 * forbids (U+FFFE, U+FFFF) is written as a JSON \u escape, then &, < and > become entities. So any cell text —
 * "<a & b>", "]]>", newlines, emoji, 全角空格 — survives the round trip.
 */
import type { CellValue } from "../../core/snapshot";
import { isLedgerEntry, isMarkUndoCell, type LedgerEntry, type MarkUndoCell } from "./markRecord";

export const UNDO_NAMESPACE = "urn:jixiao:undo:1";

export interface UndoCell {
  sheet: string;
  /** A1 address of one cell. */
  cell: string;
  /** Formula with a leading "=", or null for a constant (or an empty cell). */
  formula: string | null;
  /** The constant the cell held (null: empty). For a formula cell, its last result (informative only). */
  value: CellValue;
  numberFormat: string | null;
}

export interface UndoRecord {
  version: 1;
  /** Unique per apply; orders records when more than one is found. */
  id: string;
  /** ISO time of the apply. */
  created: string;
  cells: UndoCell[];
  /** What the record takes back: a fill (the default, `cells`), or a mark or a clear (`marks`, `ledger`). */
  kind?: "fill" | "mark" | "clear";
  /** Mark or clear: each touched cell's fill and own note before. */
  marks?: MarkUndoCell[];
  /** Mark or clear: the mark ledger before (undo puts it back). */
  ledger?: LedgerEntry[];
}

function escapeXmlText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function unescapeXmlText(s: string): string {
  return s.replace(/&(#x[0-9A-Fa-f]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "amp") return "&";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    const code = e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

export function undoRecordToXml(record: UndoRecord): string {
  const json = JSON.stringify(record).replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  return `<undo xmlns="${UNDO_NAMESPACE}" version="1">${escapeXmlText(json)}</undo>`;
}

function isCellValue(v: unknown): v is CellValue {
  return v === null || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));
}

/** Reads a record back; null when the XML is not one of ours or is damaged (it is then ignored, never half-used). */
export function undoRecordFromXml(xml: string): UndoRecord | null {
  const body = xml.replace(/^\s*<\?xml[^?]*\?>/, "").trim();
  const m = /^<([A-Za-z_][\w.-]*:)?undo\b[^>]*>([\s\S]*)<\/\1?undo\s*>$/.exec(body);
  if (!m) return null;
  // Excel may hand the text back in CDATA sections; join them with the escaped text.
  const text = m[2].replace(/<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)/g, (_all, cdata: string | undefined, plain: string | undefined) =>
    cdata !== undefined ? cdata : unescapeXmlText(plain ?? ""),
  );
  return undoRecordFromJson(text);
}

/** Reads a record from its JSON text (the XML part's content, or where another host keeps it); null when damaged. */
export function undoRecordFromJson(text: string): UndoRecord | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object") return null;
  const r = parsed as Partial<UndoRecord>;
  if (r.version !== 1 || typeof r.id !== "string" || typeof r.created !== "string" || !Array.isArray(r.cells)) return null;
  for (const c of r.cells as unknown[]) {
    if (!c || typeof c !== "object") return null;
    const u = c as Partial<UndoCell>;
    if (typeof u.sheet !== "string" || typeof u.cell !== "string") return null;
    if (!(u.formula === null || typeof u.formula === "string")) return null;
    if (!isCellValue(u.value)) return null;
    if (!(u.numberFormat === null || typeof u.numberFormat === "string")) return null;
  }
  if (r.kind !== undefined && r.kind !== "fill" && r.kind !== "mark" && r.kind !== "clear") return null;
  if (r.marks !== undefined && !(Array.isArray(r.marks) && r.marks.every(isMarkUndoCell))) return null;
  if (r.ledger !== undefined && !(Array.isArray(r.ledger) && r.ledger.every(isLedgerEntry))) return null;
  return r as UndoRecord;
}

/** Any JSON as the text of a one-element XML part in `namespace` (escaped as the undo record is). */
export function jsonToXml(root: string, namespace: string, json: string): string {
  const safe = json.replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  return `<${root} xmlns="${namespace}" version="1">${escapeXmlText(safe)}</${root}>`;
}

/** The JSON text of a part written by jsonToXml (CDATA or escaped text); null when the root does not match. */
export function jsonFromXml(root: string, xml: string): string | null {
  const body = xml.replace(/^\s*<\?xml[^?]*\?>/, "").trim();
  const m = new RegExp(`^<([A-Za-z_][\\w.-]*:)?${root}\\b[^>]*>([\\s\\S]*)</\\1?${root}\\s*>$`).exec(body);
  if (!m) return null;
  return m[2].replace(/<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)/g, (_all, cdata: string | undefined, plain: string | undefined) =>
    cdata !== undefined ? cdata : unescapeXmlText(plain ?? ""),
  );
}

/** The most recent of several records (by creation time, then id). */
export function newestRecord(records: UndoRecord[]): UndoRecord | null {
  let best: UndoRecord | null = null;
  for (const r of records) {
    if (!best || r.created > best.created || (r.created === best.created && r.id > best.id)) best = r;
  }
  return best;
}

/** A unique id without crypto.randomUUID (missing in some WPS WebViews), rising with the real clock. */
export function recordId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}${Math.random().toString(36).slice(2, 6)}`;
}

/** A new record, created `now`: of a fill (`cells`), or of a mark or a clear (`marks`, and the ledger before). */
export function newRecord(
  now: () => Date,
  what: { cells: UndoCell[] } | { kind: "mark" | "clear"; marks: MarkUndoCell[]; ledger: LedgerEntry[] },
): UndoRecord {
  const head = { version: 1 as const, id: recordId(), created: now().toISOString() };
  return "cells" in what ? { ...head, cells: what.cells } : { ...head, cells: [], ...what };
}
