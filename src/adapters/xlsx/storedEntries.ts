/**
 * The input's own zip entries for the parts marking changes, kept in our marks record (markParts.ts `stored`) so
 * that clearing, which gives each part back as it was, writes it back as the input stored it — compressed bytes,
 * headers and all — and mark then clear gives the input byte for byte, whatever tool compressed it. An entry is put
 * back only when it holds exactly the part's new content (ZipArchive.rewrite checks CRC, size and bytes). At most
 * STORED_MAX characters of entries (base64) are kept; past that, a part cleared is the same content deflated anew.
 */
import { recordFromXml, recordToXml } from "./markParts";
import type { ZipArchive } from "./zip";

/** Characters of base64 the record may hold for the entries kept. */
export const STORED_MAX = 4 * 1024 * 1024;

const RECORD_PART = /^\/?customXml\/[^/]+\.xml$/i;
const norm = (part: string) => part.replace(/^\//, "").toLowerCase();

/**
 * Before a marking write: reads the entries our record kept (given back, to put back on the parts cleared) and, when
 * the record is written, adds to it the input's entries of the parts this write changes (updating `texts`).
 */
export function keepStored(
  zip: ZipArchive,
  texts: Map<string, string>,
  remove: Set<string>,
  encode: (part: string, text: string) => Uint8Array,
): Map<string, Uint8Array> {
  const kept = new Map<string, string>();
  let written: { part: string; rec: NonNullable<ReturnType<typeof recordFromXml>> } | null = null;
  for (const part of [...texts.keys(), ...remove]) {
    if (!RECORD_PART.test(part)) continue;
    if (zip.has(part)) {
      const was = recordFromXml(zip.text(part));
      for (const [k, v] of Object.entries(was?.stored ?? {})) if (typeof v === "string") kept.set(norm(k), v);
    }
    const text = texts.get(part);
    const rec = text === undefined ? null : recordFromXml(text);
    if (rec) written = { part, rec };
  }
  if (written) {
    const stored: Record<string, string> = {};
    let size = 0;
    for (const [k, v] of kept) {
      stored[k] = v;
      size += v.length;
    }
    for (const [part, text] of texts) {
      const k = norm(part);
      if (part === written.part || k in stored || !zip.has(part) || zip.holds(part, encode(part, text))) continue;
      const blob = zip.storedEntry(part);
      if (!blob || size + Math.ceil(blob.length / 3) * 4 > STORED_MAX) continue;
      stored[k] = toBase64(blob);
      size += stored[k].length;
    }
    if (Object.keys(stored).length) written.rec.stored = stored;
    else delete written.rec.stored;
    texts.set(written.part, recordToXml(written.rec));
  }
  const out = new Map<string, Uint8Array>();
  for (const [k, v] of kept) {
    const blob = fromBase64(v);
    if (blob) out.set(k, blob);
  }
  return out;
}

function toBase64(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(t: string): Uint8Array | null {
  try {
    const s = atob(t);
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}
