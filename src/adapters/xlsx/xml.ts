/**
 * XML helpers. Reading a large part streams through saxes (a conforming, non-validating SAX parser; measured against
 * sax and ExcelJS's own path, see README). The surgical writer edits small elements as text: their attributes are
 * read here and written back escaped.
 */
import { SaxesParser } from "saxes";
import type { ZipArchive } from "./zip";
import { corruptError } from "./messages";

export type Attributes = Record<string, string>;

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes the five XML entities and character references. */
export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITY[e],
  );
}

export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

export function escapeAttr(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The attributes of one start tag's text ("<c r=\"A1\" s='3'>"), entities decoded. */
export function attributesOf(tag: string): Attributes {
  const out: Attributes = {};
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  const start = tag.search(/\s/);
  if (start < 0) return out;
  let m: RegExpExecArray | null;
  const body = tag.slice(start);
  while ((m = re.exec(body))) out[m[1]] = decodeEntities(m[3] ?? m[4] ?? "");
  return out;
}

/** Sets (or adds) one attribute in a start tag's text, leaving the rest of the tag as written. */
export function setAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeAttr(value)}"`);
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end).replace(/\s+$/, "")} ${name}="${escapeAttr(value)}"${tag.slice(end)}`;
}

/** Removes one attribute from a start tag's text. */
export function removeAttribute(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`), "");
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
    if (h.open) {
      const open = h.open;
      this.parser.on(
        "opentag",
        guard((t) => open(local(t.name), t.attributes as Attributes, t.isSelfClosing)),
      );
    }
    if (h.close) {
      const close = h.close;
      this.parser.on(
        "closetag",
        guard((t) => close(local(t.name))),
      );
    }
    if (h.text) {
      this.parser.on("text", guard(h.text));
      this.parser.on("cdata", guard(h.text));
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
