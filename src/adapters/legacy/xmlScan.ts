/**
 * A forward scan over an XML part for the .ods reader: start tags, end tags and text, delivered as they are found in
 * the inflated chunks (the part is never held whole). It reads what a well-formed document holds — elements,
 * attributes in single or double quotes, character and entity references, comments, CDATA, processing instructions —
 * without validating it; element names reach the handler without their prefix and attributes are parsed only for
 * the elements the handler asks for. Linear in the text: every search starts where the last one ended, and nothing
 * waits for more than one tag's worth of text (a tag longer than MAX_TAG is damage). Measured ~3× faster than saxes
 * on LibreOffice's content.xml (scripts/bench-legacy.ts), which is what brings .ods near the .xlsx reader.
 */
import { decodeEntities, type Attributes } from "../xlsx/xml";
import type { ZipArchive } from "../xlsx/zip";
import { corruptError } from "../xlsx/messages";

export interface ScanHandlers {
  /** Which elements (local names) want their attributes; the others get an empty object. */
  wants(name: string): boolean;
  open(name: string, attrs: Attributes, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

/** A start tag's length at most (attributes included): a real one is a few hundred characters. */
const MAX_TAG = 1 << 20;
const NONE: Attributes = Object.freeze({}) as Attributes;

function parseAttributes(s: string, from: number, to: number): Attributes {
  const out: Attributes = {};
  let i = from;
  while (i < to) {
    const eq = s.indexOf("=", i);
    if (eq < 0 || eq >= to) break;
    const name = s.slice(i, eq).trim();
    let q = eq + 1;
    while (q < to && s.charCodeAt(q) <= 32) q++;
    const quote = s[q];
    if (quote !== '"' && quote !== "'") throw corruptError("attribute value without quotes");
    const end = s.indexOf(quote, q + 1);
    if (end < 0 || end > to) throw corruptError("attribute value not closed");
    if (name) out[name] = decodeEntities(s.slice(q + 1, end));
    i = end + 1;
  }
  return out;
}

/** The ">" ending the tag that starts at `from` (quotes skipped), or -1 when the text so far holds none. */
function tagEnd(s: string, from: number): number {
  let i = from;
  for (;;) {
    const gt = s.indexOf(">", i);
    if (gt < 0) return -1;
    // a ">" inside a quoted value: skip past the quote that encloses it
    let q = -1;
    for (let j = i; j < gt; j++) {
      const c = s.charCodeAt(j);
      if (c === 34 || c === 39) {
        q = j;
        break;
      }
    }
    if (q < 0) return gt;
    const close = s.indexOf(s[q], q + 1);
    if (close < 0) return -1;
    i = close + 1;
  }
}

class Scanner {
  private buf = "";

  constructor(private readonly h: ScanHandlers) {}

  /** Handles every complete item in buf + chunk; what is cut off at the end waits for the next chunk. */
  feed(chunk: string, last: boolean): void {
    const s = this.buf.length > 0 ? this.buf + chunk : chunk;
    const h = this.h;
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf("<", i);
      if (lt < 0) {
        // text running on past this chunk: passed on now, but for a reference it may cut in two
        const amp = last ? -1 : s.lastIndexOf("&");
        const cut = amp >= i && s.indexOf(";", amp) < 0 ? amp : n;
        if (cut > i) h.text(decodeEntities(s.slice(i, cut)));
        i = cut;
        break;
      }
      if (lt > i) h.text(decodeEntities(s.slice(i, lt)));
      i = lt;
      const c = s.charCodeAt(lt + 1);
      if (c === 33 /* ! */) {
        if (s.startsWith("<!--", lt)) {
          const e = s.indexOf("-->", lt + 4);
          if (e < 0) break;
          i = e + 3;
        } else if (s.startsWith("<![CDATA[", lt)) {
          const e = s.indexOf("]]>", lt + 9);
          if (e < 0) break;
          h.text(s.slice(lt + 9, e));
          i = e + 3;
        } else {
          // a document type declaration: skipped (its internal subset, entities included, is not expanded)
          const e = s.indexOf(">", lt);
          if (e < 0) break;
          i = e + 1;
        }
        continue;
      }
      if (c === 63 /* ? */) {
        const e = s.indexOf("?>", lt + 2);
        if (e < 0) break;
        i = e + 2;
        continue;
      }
      if (lt + 1 >= n) break;
      const gt = tagEnd(s, lt + 1);
      if (gt < 0) break;
      i = gt + 1;
      if (c === 47 /* / */) {
        h.close(localName(s.slice(lt + 2, gt).trim()));
        continue;
      }
      const selfClosing = s.charCodeAt(gt - 1) === 47;
      const stop = selfClosing ? gt - 1 : gt;
      let e = lt + 1;
      while (e < stop && s.charCodeAt(e) > 32) e++;
      const name = localName(s.slice(lt + 1, e));
      if (name === "") throw corruptError("element without a name");
      h.open(name, e < stop && h.wants(name) ? parseAttributes(s, e, stop) : NONE, selfClosing);
      if (selfClosing) h.close(name);
    }
    this.buf = i < n ? s.slice(i) : "";
    if (this.buf.length > MAX_TAG) throw corruptError("a tag that never ends");
    if (last && this.buf.length > 0) throw corruptError("the document ends inside a tag");
  }
}

function localName(q: string): string {
  const i = q.indexOf(":");
  return i < 0 ? q : q.slice(i + 1);
}

/** Scans one part of the zip (inflated within the zip reader's bounds), chunk by chunk. */
export function scanPart(zip: ZipArchive, part: string, h: ScanHandlers): void {
  const scanner = new Scanner(h);
  const decoder = new TextDecoder("utf-8");
  zip.stream(part, (chunk) => scanner.feed(decoder.decode(chunk, { stream: true }), false));
  scanner.feed(decoder.decode(), true);
}
