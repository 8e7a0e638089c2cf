/**
 * XML helpers. A part held whole in the shape spreadsheet writers give is read by parseWhole (a lean reader giving
 * saxes's events); anything else, and a large part as it streams, by saxes (a conforming, non-validating SAX parser;
 * measured against sax and ExcelJS's own path, see README). The surgical writer edits small elements as text: their attributes are
 * read here and written back escaped.
 */
import { SaxesParser } from "saxes";
import type { ZipArchive } from "./zip";
import { corruptError } from "./messages";
import { xmlText } from "../../core/text";

export type Attributes = Record<string, string>;

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes the five XML entities and character references. */
export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITY[e],
  );
}

/** Text for an XML part: escaped, and without the characters XML 1.0 forbids (a part written must parse). */
export function escapeText(s: string): string {
  return xmlText(s).replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

/** An attribute value for an XML part: escaped, and without the characters XML 1.0 forbids. */
export function escapeAttr(s: string): string {
  return xmlText(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * One attribute of a start tag as written: its qualified name, its value as written (entities not decoded), and the
 * offsets in the tag of the whitespace before it, of its value's first character and of the character after its
 * closing quote.
 */
interface AttributeSpan {
  name: string;
  raw: string;
  start: number;
  valueStart: number;
  end: number;
}

const isSpace = (c: string) => c === " " || c === "\t" || c === "\n" || c === "\r";

/**
 * The attributes of a start tag's text, read as XML reads them: a quoted value may hold `>`, `/`, `=` or what looks
 * like another attribute. Stops at the end of the tag; a tag that is not well formed yields what came before the fault.
 */
function attributeSpans(tag: string): AttributeSpan[] {
  const out: AttributeSpan[] = [];
  let i = 1;
  while (i < tag.length && !isSpace(tag[i]) && tag[i] !== ">" && tag[i] !== "/") i++;
  for (;;) {
    const start = i;
    while (i < tag.length && isSpace(tag[i])) i++;
    if (i >= tag.length || tag[i] === ">" || tag[i] === "/" || tag[i] === "?") return out;
    const nameStart = i;
    while (i < tag.length && tag[i] !== "=" && !isSpace(tag[i]) && tag[i] !== ">") i++;
    const name = tag.slice(nameStart, i);
    while (i < tag.length && isSpace(tag[i])) i++;
    if (tag[i] !== "=") return out;
    i++;
    while (i < tag.length && isSpace(tag[i])) i++;
    const q = tag[i];
    if (q !== '"' && q !== "'") return out;
    const close = tag.indexOf(q, i + 1);
    if (close < 0) return out;
    out.push({ name, raw: tag.slice(i + 1, close), start, valueStart: i + 1, end: close + 1 });
    i = close + 1;
  }
}

/** The attributes of one start tag's text ("<c r=\"A1\" s='3'>"), entities decoded. */
export function attributesOf(tag: string): Attributes {
  const out: Attributes = {};
  for (const a of attributeSpans(tag)) out[a.name] = decodeEntities(a.raw);
  return out;
}

/** Sets (or adds) one attribute in a start tag's text, leaving the rest of the tag as written. */
export function setAttribute(tag: string, name: string, value: string): string {
  const a = attributeSpans(tag).find((x) => x.name === name);
  if (a) return `${tag.slice(0, a.valueStart - 1)}"${escapeAttr(value)}"${tag.slice(a.end)}`;
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end).replace(/\s+$/, "")} ${name}="${escapeAttr(value)}"${tag.slice(end)}`;
}

/** Removes one attribute from a start tag's text. */
export function removeAttribute(tag: string, name: string): string {
  const a = attributeSpans(tag).find((x) => x.name === name);
  return a ? tag.slice(0, a.start) + tag.slice(a.end) : tag;
}

/** What a piece of XML text is (XmlScanner). */
export type XmlTokenKind = "open" | "empty" | "close" | "text" | "other";

/**
 * A tokenizer over XML text held whole, for the surgical writer: start tags (`open`, `empty` when self-closing), end
 * tags and text, with their offsets; comments, CDATA sections, processing instructions and a DOCTYPE (with its
 * internal subset) are `other` and never read as markup. A quoted attribute value may hold `>`. The text has passed
 * the reader's parser (saxes) before: a fault here throws the adapter's "damaged file" error all the same.
 */
export class XmlScanner {
  kind: XmlTokenKind = "other";
  /** Offsets of the token in the text: [start, end). */
  start = 0;
  end = 0;
  /** The qualified name of a tag ("x:c"), "" for other tokens. */
  name = "";
  private at: number;

  constructor(
    readonly xml: string,
    from = 0,
    private readonly to = xml.length,
    private readonly part = "xml",
  ) {
    this.at = from;
  }

  /** The local name of the current tag. */
  get localName(): string {
    return local(this.name);
  }

  /** The current token's text. */
  get text(): string {
    return this.xml.slice(this.start, this.end);
  }

  /** Moves to the next token; false at the end. */
  next(): boolean {
    const xml = this.xml;
    const i = this.at;
    if (i >= this.to) return false;
    this.start = i;
    this.name = "";
    if (xml.charCodeAt(i) !== 60 /* < */) {
      const lt = xml.indexOf("<", i);
      this.kind = "text";
      this.end = lt < 0 || lt > this.to ? this.to : lt;
    } else if (xml.startsWith("<!--", i)) {
      this.kind = "other";
      this.end = this.until("-->", i + 4);
    } else if (xml.startsWith("<![CDATA[", i)) {
      this.kind = "other";
      this.end = this.until("]]>", i + 9);
    } else if (xml.startsWith("<?", i)) {
      this.kind = "other";
      this.end = this.until("?>", i + 2);
    } else if (xml.startsWith("<!", i)) {
      this.kind = "other";
      this.end = this.declarationEnd(i + 2);
    } else if (xml.startsWith("</", i)) {
      this.kind = "close";
      this.end = this.until(">", i + 2);
      this.name = xml.slice(i + 2, this.end - 1).trim();
    } else {
      let j = i + 1;
      while (j < xml.length && !isSpace(xml[j]) && xml[j] !== ">" && xml[j] !== "/") j++;
      this.name = xml.slice(i + 1, j);
      for (;;) {
        while (j < xml.length && isSpace(xml[j])) j++;
        const c = xml[j];
        if (c === ">") {
          this.kind = "open";
          this.end = j + 1;
          break;
        }
        if (c === "/" && xml[j + 1] === ">") {
          this.kind = "empty";
          this.end = j + 2;
          break;
        }
        const eq = xml.indexOf("=", j);
        if (eq < 0) this.fault();
        let k = eq + 1;
        while (k < xml.length && isSpace(xml[k])) k++;
        const q = xml[k];
        if (q !== '"' && q !== "'") this.fault();
        const close = xml.indexOf(q, k + 1);
        if (close < 0) this.fault();
        j = close + 1;
      }
      if (!this.name) this.fault();
    }
    if (this.end > this.to) this.fault();
    this.at = this.end;
    return true;
  }

  private until(close: string, from: number): number {
    const e = this.xml.indexOf(close, from);
    if (e < 0) this.fault();
    return e + close.length;
  }

  /** The end of `<!DOCTYPE …>` or another declaration: quoted strings and an internal subset `[…]` skipped. */
  private declarationEnd(from: number): number {
    const xml = this.xml;
    let depth = 0;
    for (let j = from; j < xml.length; j++) {
      const c = xml[j];
      if (c === '"' || c === "'") {
        const e = xml.indexOf(c, j + 1);
        if (e < 0) break;
        j = e;
      } else if (c === "<" && xml.startsWith("<!--", j)) {
        const e = xml.indexOf("-->", j + 4);
        if (e < 0) break;
        j = e + 2;
      } else if (c === "[") depth++;
      else if (c === "]") depth--;
      else if (c === ">" && depth <= 0) return j + 1;
    }
    return this.fault();
  }

  private fault(): never {
    throw corruptError(`${this.part}: not well-formed near offset ${this.at}`);
  }
}

/**
 * The first start tag (or empty element) with this local name outside comments, CDATA and processing instructions:
 * its offsets and text, or null.
 */
export function findElement(
  xml: string,
  localName: string,
): { start: number; end: number; tag: string; name: string; empty: boolean } | null {
  const s = new XmlScanner(xml);
  while (s.next()) {
    if ((s.kind === "open" || s.kind === "empty") && s.localName === localName)
      return { start: s.start, end: s.end, tag: s.text, name: s.name, empty: s.kind === "empty" };
  }
  return null;
}

/** The tag's length up to and including the `>` that ends its start tag (a `>` inside a quoted value is not it). */
export function startTagEnd(xml: string, from = 0): number {
  const s = new XmlScanner(xml, from);
  while (s.next()) if (s.kind === "open" || s.kind === "empty") return s.end;
  return xml.length;
}

/**
 * The text with its XML declaration saying UTF-8 (what every written part is encoded in): a part read as UTF-16, or
 * declared in another encoding the reader took as UTF-8, must not be written back claiming what it no longer is.
 */
export function declaredUtf8(xml: string): string {
  const m = /^(\uFEFF?)<\?xml\b[^?]*\?>/.exec(xml);
  if (!m) return xml;
  const decl = m[0];
  const enc = /(\sencoding\s*=\s*)(["'])([^"']*)\2/.exec(decl);
  if (!enc || /^utf-?8$/i.test(enc[3])) return xml;
  return decl.replace(enc[0], `${enc[1]}"UTF-8"`) + xml.slice(decl.length);
}

/** The local name of a qualified name ("x:c" → "c"): files written by some tools prefix SpreadsheetML. */
export function local(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

export interface SaxHandlers {
  open?(name: string, attrs: Attributes, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** Thrown by a handler to end a parse early (the caller catches it). */
export class StopParse extends Error {
  constructor() {
    super("stop");
  }
}

/** A saxes parser fed chunk by chunk; an error thrown by a handler comes out of write() as it was thrown. */
export class ChunkParser {
  private readonly parser = new SaxesParser({ position: false });
  private thrown: unknown = null;

  constructor(h: SaxHandlers) {
    const guard =
      <A extends unknown[]>(fn: (...a: A) => void) =>
      (...a: A) => {
        try {
          fn(...a);
        } catch (e) {
          this.thrown = e;
          throw e;
        }
      };
    // the handlers are called as methods (a class's, perhaps)
    if (h.open) {
      this.parser.on(
        "opentag",
        guard((t) => h.open!(local(t.name), t.attributes as Attributes, t.isSelfClosing)),
      );
    }
    if (h.close) {
      this.parser.on(
        "closetag",
        guard((t) => h.close!(local(t.name))),
      );
    }
    if (h.text) {
      const text = guard((t: string) => h.text!(t));
      this.parser.on("text", text);
      this.parser.on("cdata", text);
    }
  }

  private run(fn: () => void, part: string): void {
    try {
      fn();
    } catch (e) {
      const cause = this.thrown ?? e;
      if (cause instanceof StopParse || (cause instanceof Error && cause.name === "UserError")) throw cause;
      throw corruptError(`${part}: ${cause instanceof Error ? cause.message.split("\n")[0] : String(cause)}`);
    }
  }

  write(text: string, part: string): void {
    this.run(() => this.parser.write(text), part);
  }

  close(part: string): void {
    this.run(() => this.parser.close(), part);
  }
}

/**
 * Streams a part of the package through saxes: the inflated chunks are decoded and fed as they come, so the part's
 * text is never held whole. Element names reach the handlers without their prefix. Returns false when a handler
 * stopped the parse (StopParse).
 */
export function parsePart(zip: ZipArchive, part: string, h: SaxHandlers, maxBytes?: number): boolean {
  const parser = new ChunkParser(h);
  const decoder = new TextDecoder("utf-8");
  try {
    zip.stream(part, (chunk) => parser.write(decoder.decode(chunk, { stream: true }), part), maxBytes);
    parser.write(decoder.decode(), part);
    parser.close(part);
  } catch (e) {
    if (e instanceof StopParse) return false;
    throw e;
  }
  return true;
}

/** Thrown inside parseWhole (and sheetScan.ts) where the text leaves the shape it reads. */
export class Unusual extends Error {
  constructor() {
    super("unusual");
  }
}

/** Characters XML 1.0 forbids, and the text a CDATA section ends with (outside one, not well-formed). */
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|\]\]>/;
const DECLARATION =
  /^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])1\.0\1(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(?:yes|no)\3)?[ \t\n]*\?>/;
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/y;

export const isXmlSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/** A character XML 1.0 allows (a character reference must name one). */
const isXmlChar = (c: number) =>
  c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

/** Text with its references decoded; Unusual for a reference XML does not define. */
export function decodeStrict(s: string): string {
  let out = "";
  let from = 0;
  for (let i = s.indexOf("&"); i >= 0; i = s.indexOf("&", from)) {
    REFERENCE.lastIndex = i;
    const m = REFERENCE.exec(s);
    if (!m) throw new Unusual();
    let ch: string;
    if (m[1]) ch = ENTITY[m[1]];
    else {
      const code = m[2] !== undefined ? parseInt(m[2], 10) : parseInt(m[3], 16);
      if (!isXmlChar(code)) throw new Unusual();
      ch = String.fromCodePoint(code);
    }
    out += s.slice(from, i) + ch;
    from = i + m[0].length;
  }
  return out + s.slice(from);
}

/** Where the colon of the name nameEnd last read is (-1: none), so that its local name needs no second look. */
let nameColon = -1;

/** Where the colon of the name nameEnd last read is (-1: none). */
export const lastNameColon = (): number => nameColon;

/**
 * The end of an ASCII XML name starting at `i` (one colon at most, not first or last); Unusual for any other. The
 * lexing parseWhole and the sheet scanner (sheetScan.ts) share: this, wholeText, rootStart and valueEnd.
 */
export function nameEnd(xml: string, i: number): number {
  let c = xml.charCodeAt(i);
  if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f)) throw new Unusual();
  let colon = -1;
  for (;;) {
    c = xml.charCodeAt(++i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d || c === 0x2e)
      continue;
    if (c === 0x3a) {
      if (colon >= 0) throw new Unusual();
      colon = i;
      continue;
    }
    if (c >= 0x80 || colon === i - 1) throw new Unusual();
    nameColon = colon;
    return i;
  }
}

/** A part's text as parseWhole reads it: line ends normalised; Unusual for a forbidden character or "]]>". */
export function wholeText(text: string): string {
  if (FORBIDDEN.test(text)) throw new Unusual();
  return text.indexOf("\r") >= 0 ? text.replace(/\r\n?/g, "\n") : text;
}

/** Where the root may start: after the XML declaration, if there is one (Unusual for one not well formed). */
export function rootStart(xml: string): number {
  if (!xml.startsWith("<?")) return 0;
  const d = DECLARATION.exec(xml);
  if (!d) throw new Unusual();
  return d[0].length;
}

/** Whether the attribute value valueEnd last read holds a reference (&). */
let valueAmp = false;

/** Whether the attribute value valueEnd last read holds a reference (&). */
export const lastValueAmp = (): boolean => valueAmp;

/**
 * The closing quote of the attribute value whose opening quote is at `k`; Unusual for no quote there, none closing it,
 * or a "<", tab or line end inside (saxes normalises those).
 */
export function valueEnd(xml: string, k: number): number {
  const q = xml.charCodeAt(k);
  if (q !== 0x22 && q !== 0x27) throw new Unusual();
  const ve = xml.indexOf(q === 0x22 ? '"' : "'", k + 1);
  if (ve < 0) throw new Unusual();
  let amp = false;
  for (let p = k + 1; p < ve; p++) {
    const v = xml.charCodeAt(p);
    if (v === 0x3c || v === 0x09 || v === 0x0a) throw new Unusual();
    if (v === 0x26) amp = true;
  }
  valueAmp = amp;
  return ve;
}

/**
 * Names read before (up to 32 characters), by their first two characters and length: a name read again is the same
 * (internalized) string, so the handlers' comparisons and the attributes' keys cost no new string each time. A name
 * found here is compared with the text whole before it is taken.
 */
const NAMES = new Map<number, string>();

/** The name xml[from, to) (an ASCII XML name, as nameEnd read it), the one read before when it is the same. */
function nameAt(xml: string, from: number, to: number): string {
  const len = to - from;
  if (len > 32) return xml.slice(from, to);
  const key = (((xml.charCodeAt(from) & 0x7f) << 7) | (len > 1 ? xml.charCodeAt(from + 1) & 0x7f : 0)) * 64 + len;
  const known = NAMES.get(key);
  if (known !== undefined && known.length === len && xml.startsWith(known, from)) return known;
  // the internalized string (a property key's), kept for the next time
  const name = Object.keys({ [xml.slice(from, to)]: 0 })[0];
  if (NAMES.size >= 4096) NAMES.clear();
  NAMES.set(key, name);
  return name;
}

/** What a tag without attributes is given (frozen: shared by every such tag; no handler changes attributes). */
const NO_ATTRIBUTES: Attributes = Object.freeze({}) as Attributes;

/**
 * A lean reader for a part's XML held whole, in the shape spreadsheet writers give it: a declaration, one root,
 * elements with ASCII names, quoted attributes, text with the five entities and character references. It calls the
 * handlers as ChunkParser (saxes) does — element names without their prefix, a self-closing element opened and
 * closed, text with its references decoded and its line ends normalised. Anything else (a comment, CDATA, a processing
 * instruction, a DOCTYPE, a forbidden character, an unknown entity, a name outside ASCII, a tag not well formed or not
 * closed, an attribute twice, a tab or line end inside an attribute value) ends it with false, perhaps after some
 * handlers have been called: the caller then undoes what they did and reads the part with saxes, which decides.
 * What a handler throws comes out as it was thrown.
 */
export function parseWhole(text: string, h: SaxHandlers): boolean {
  return readsWhole(readWhole, text, h);
}

/** `read` of the text into the handlers, true; false when it stopped at what it does not read (Unusual). */
export function readsWhole<H>(read: (text: string, h: H) => void, text: string, h: H): boolean {
  try {
    read(text, h);
    return true;
  } catch (e) {
    if (e instanceof Unusual) return false;
    throw e;
  }
}

function readWhole(text: string, h: SaxHandlers): void {
  const xml = wholeText(text);
  const n = xml.length;
  let i = rootStart(xml);
  // the open elements' qualified names (an end tag must repeat it) and local names (what the handlers get)
  const stack: string[] = [];
  const locals: string[] = [];
  let rooted = false;
  // the handlers are called as methods (a class's, perhaps), each known once to be there or not
  const hasOpen = h.open !== undefined;
  const hasClose = h.close !== undefined;
  const hasText = h.text !== undefined;
  while (i < n) {
    if (xml.charCodeAt(i) !== 0x3c) {
      let j = xml.indexOf("<", i);
      if (j < 0) j = n;
      if (stack.length === 0) {
        // outside the root: blanks only
        for (let k = i; k < j; k++) if (!isXmlSpace(xml.charCodeAt(k))) throw new Unusual();
      } else if (hasText) {
        const raw = xml.slice(i, j);
        h.text!(raw.indexOf("&") >= 0 ? decodeStrict(raw) : raw);
      } else {
        const amp = xml.indexOf("&", i);
        if (amp >= 0 && amp < j) decodeStrict(xml.slice(i, j));
      }
      i = j;
      continue;
    }
    const c1 = xml.charCodeAt(i + 1);
    if (c1 === 0x2f) {
      // an end tag: the name of the element it closes, no other
      const e = nameEnd(xml, i + 2);
      const top = stack.length - 1;
      if (top < 0) throw new Unusual();
      const name = stack[top];
      let k = e;
      while (isXmlSpace(xml.charCodeAt(k))) k++;
      if (xml.charCodeAt(k) !== 0x3e || e - i - 2 !== name.length || !xml.startsWith(name, i + 2)) throw new Unusual();
      stack.pop();
      const ln = locals.pop()!;
      i = k + 1;
      if (hasClose) h.close!(ln);
      continue;
    }
    if (c1 === 0x21 || c1 === 0x3f || (rooted && stack.length === 0)) throw new Unusual();
    const e = nameEnd(xml, i + 1);
    const colon = nameColon;
    const name = nameAt(xml, i + 1, e);
    const ln = colon < 0 ? name : nameAt(xml, colon + 1, e);
    let attrs = NO_ATTRIBUTES;
    let k = e;
    let selfClosing = false;
    for (;;) {
      const ws = k;
      while (isXmlSpace(xml.charCodeAt(k))) k++;
      const c = xml.charCodeAt(k);
      if (c === 0x3e) break;
      if (c === 0x2f) {
        if (xml.charCodeAt(k + 1) !== 0x3e) throw new Unusual();
        selfClosing = true;
        k++;
        break;
      }
      if (ws === k) throw new Unusual();
      const ae = nameEnd(xml, k);
      const an = nameAt(xml, k, ae);
      k = ae;
      while (isXmlSpace(xml.charCodeAt(k))) k++;
      if (xml.charCodeAt(k) !== 0x3d) throw new Unusual();
      k++;
      while (isXmlSpace(xml.charCodeAt(k))) k++;
      const ve = valueEnd(xml, k);
      const amp = valueAmp;
      // an attribute twice, or one named as a property every object has ("constructor", "__proto__"): saxes reads it
      if (attrs === NO_ATTRIBUTES) attrs = {};
      if (attrs[an] !== undefined || an === "__proto__") throw new Unusual();
      const raw = xml.slice(k + 1, ve);
      attrs[an] = amp ? decodeStrict(raw) : raw;
      k = ve + 1;
    }
    i = k + 1;
    rooted = true;
    if (!selfClosing) {
      stack.push(name);
      locals.push(ln);
    }
    if (hasOpen) h.open!(ln, attrs, selfClosing);
    if (selfClosing && hasClose) h.close!(ln);
  }
  if (!rooted || stack.length > 0) throw new Unusual();
}
