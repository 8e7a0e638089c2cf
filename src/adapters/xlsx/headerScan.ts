/**
 * The reader's byte scan of a worksheet past its head (read.ts): does any cell there hold a text that can anchor a
 * header row (headerRole.ts canAnchorHeader)? Only then can a row there head a table, and only then is the sheet
 * parsed again. The scan never decodes or parses the XML: it looks at the inflated bytes for
 *  - a shared-string cell (t="s") whose index names such a text — each shared string is judged once per workbook;
 *  - 级, 目 or 指 written in the sheet itself (an inline string, a formula's cached text): that cell alone is decoded
 *    and judged.
 * Whatever it cannot see whole (a cell cut by the end of the part, an escaped character) counts as found: the parse
 * that follows decides.
 */
import { canAnchorHeader, mayHoldHeader } from "./headerRole";

/** The roles of a shared string: it may be a header's text (HINT), it can anchor a header row (ANCHOR). */
export const HINT = 1;
export const ANCHOR = 2;
const KNOWN = 4;

/** Each shared string's roles, judged on first use. */
export class SharedRoles {
  private readonly roles: Uint8Array;
  constructor(private readonly shared: readonly string[]) {
    this.roles = new Uint8Array(shared.length);
  }
  of(index: number): number {
    let r = this.roles[index];
    if (r === undefined) return 0;
    if (r === 0) {
      const s = this.shared[index];
      r = KNOWN | (mayHoldHeader(s) ? HINT : 0) | (canAnchorHeader(s) ? ANCHOR : 0);
      this.roles[index] = r;
    }
    return r;
  }
}

const rolesOf = new WeakMap<readonly string[], SharedRoles>();

/** The roles of a workbook's shared strings (one judgement per string, whichever sheet asks). */
export function sharedRoles(shared: readonly string[]): SharedRoles {
  let r = rolesOf.get(shared);
  if (!r) rolesOf.set(shared, (r = new SharedRoles(shared)));
  return r;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
/** Carried over to the next chunk at most: a cell longer than this is taken as found when cut. */
const MAX_CARRY = 1 << 20;

function isNameByte(b: number): boolean {
  return (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) || b === 0x2d || b === 0x2e || b === 0x5f;
}

/** The tag starting at `p` (a "<"): its local name (prefix dropped), whether it closes ("</c>"), where its name ends. */
function tagAt(buf: Uint8Array, p: number): { name: string; closing: boolean; end: number } {
  let q = p + 1;
  const closing = buf[q] === SLASH;
  if (closing) q++;
  let from = q;
  while (q < buf.length && (isNameByte(buf[q]) || buf[q] === COLON)) {
    if (buf[q] === COLON) from = q + 1;
    q++;
  }
  return { name: q - from <= 8 ? String.fromCharCode(...buf.subarray(from, q)) : "", closing, end: q };
}

/** Whether a cell's open tag (`<c …>`, not self-closing) starts at `p`; null when the tag is cut by the buffer's end. */
function cellOpensAt(buf: Uint8Array, p: number): boolean | null {
  const t = tagAt(buf, p);
  if (t.closing || t.name !== "c") return false;
  const after = buf[t.end];
  if (after === undefined) return null;
  if (!(after === 0x20 || after === GT || after === SLASH || after === 0x09 || after === 0x0a || after === 0x0d)) return false;
  let q = t.end;
  while (q < buf.length && buf[q] !== GT) q++;
  if (q >= buf.length) return null;
  return buf[q - 1] !== SLASH;
}

const latin1 = (buf: Uint8Array, from: number, to: number): string =>
  to - from > 4096 ? "" : String.fromCharCode(...buf.subarray(from, to));
const SHARED_TYPE = /\st\s*=\s*["']s["']/;
const CELL = /^<((?:[\w.-]+:)?)c\b([^>]*)>([\s\S]*?)<\/\1c\s*>/;
const PHONETIC = /<((?:[\w.-]+:)?)rPh\b[\s\S]*?<\/\1rPh>/g;
const RUN_TEXT = /<((?:[\w.-]+:)?)t\b[^>]*>([^<]*)<\/\1t>/g;
const VALUE = /<((?:[\w.-]+:)?)v\b[^>]*>([^<]*)<\/\1v>/;
const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unentity(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, (_, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : NAMED[e],
  );
}

/** Feeds a worksheet part's bytes chunk by chunk; `found` once a cell past the head can anchor a header row. */
export class HeaderScan {
  found = false;
  /** The last cell of the chunk before, when the chunk cut it (a cell whole is never seen twice). */
  private carry: Uint8Array | null = null;
  private readonly decoder = new TextDecoder("utf-8");

  constructor(private readonly roles: SharedRoles) {}

  /** The end of what came before the first chunk fed, which may start inside a cell (a copy: it is kept). */
  carryFrom(before: Uint8Array): void {
    // from its first cell's start: the cells before were parsed whole; a cell cut by the parse's end is seen again
    for (let p = before.indexOf(LT); p >= 0; p = before.indexOf(LT, p + 1)) {
      const t = tagAt(before, p);
      if (t.name === "c" && !t.closing) {
        this.carry = before.subarray(p);
        return;
      }
    }
    this.carry = before;
  }

  /** Scans the next chunk; true once an anchor is found (the caller stops reading). */
  feed(chunk: Uint8Array): boolean {
    if (this.found) return true;
    let buf = chunk;
    if (this.carry) {
      buf = new Uint8Array(this.carry.length + chunk.length);
      buf.set(this.carry);
      buf.set(chunk, this.carry.length);
    }
    const n = buf.length;
    for (let i = 0; i < n; i++) {
      const b = buf[i];
      if (b === GT) {
        // ">" closing "<v>" or "<x:v>", then the digits of a shared string's index and "<"
        if (buf[i - 1] !== 0x76) continue;
        const before = buf[i - 2];
        if (before !== LT && before !== COLON) continue;
        let j = i + 1;
        let c = buf[j];
        if (!(c >= 0x30 && c <= 0x39)) continue;
        let k = 0;
        while (c >= 0x30 && c <= 0x39 && k < 0x7fffffff) {
          k = k * 10 + c - 0x30;
          c = buf[++j];
        }
        if (c !== LT || (this.roles.of(k) & ANCHOR) === 0) continue;
        if (this.sharedCellAt(buf, i)) return (this.found = true);
        i = j;
      } else if (b === 0xe7 || b === 0xe6) {
        const b1 = buf[i + 1];
        const b2 = buf[i + 2];
        // 级 E7 BA A7 · 目 E7 9B AE · 指 E6 8C 87
        const hit =
          (b === 0xe7 && ((b1 === 0xba && b2 === 0xa7) || (b1 === 0x9b && b2 === 0xae))) || (b === 0xe6 && b1 === 0x8c && b2 === 0x87);
        if (!hit) continue;
        const end = this.textHit(buf, i);
        if (end === true) return (this.found = true);
        if (end > i) i = end;
      }
    }
    this.carry = this.tail(buf);
    return false;
  }

  /** The part has ended: a cell still open at its end is taken as it is (nothing more comes). */
  end(): boolean {
    return this.found;
  }

  /**
   * What the next chunk must see again: from the start of the last cell when the chunk cuts it, or from a tag the chunk
   * cuts between cells; else nothing (a whole cell is never seen twice).
   */
  private tail(buf: Uint8Array): Uint8Array | null {
    const n = buf.length;
    const floor = Math.max(0, n - MAX_CARRY);
    let cut = -1;
    for (let p = n - 1; p >= floor; p--) {
      if (buf[p] !== LT) continue;
      const t = tagAt(buf, p);
      if (cut < 0 && buf.indexOf(GT, t.end) < 0) {
        cut = p; // the last tag, cut: whatever it is, the cell around it (if any) decides
        continue;
      }
      if (t.name === "c" && !t.closing) {
        if (cellOpensAt(buf, p) !== false) return buf.slice(p);
        break;
      }
      if (t.name === "c" || t.name === "row" || t.name === "sheetData") break;
    }
    return cut >= 0 ? buf.slice(cut) : null;
  }

  /** The "<v>" ending at `gt` belongs to a cell of type "s" (its open tag just before, blanks between). */
  private sharedCellAt(buf: Uint8Array, gt: number): boolean {
    let p = gt - 1;
    while (p >= 0 && buf[p] !== LT) p--;
    let q = p - 1;
    while (q >= 0 && (buf[q] === 0x20 || buf[q] === 0x0a || buf[q] === 0x0d || buf[q] === 0x09)) q--;
    if (q < 0) return true;
    if (buf[q] !== GT) return false;
    let s = q - 1;
    while (s >= 0 && buf[s] !== LT && q - s < 4096) s--;
    if (s < 0 || buf[s] !== LT) return true;
    return cellOpensAt(buf, s) !== false && SHARED_TYPE.test(latin1(buf, s, q));
  }

  /**
   * 级/目/指 at `at`: the cell around it decoded and judged. True: it can anchor a header, or cannot be seen whole;
   * else the index to go on from — past the cell, or `at` when the text is in no cell's value, or the cell is cut by
   * the chunk's end (the next chunk then sees it whole: the carry starts at that cell).
   */
  private textHit(buf: Uint8Array, at: number): number | true {
    let s = at - 1;
    for (; s >= 0; s--) {
      if (buf[s] !== LT) continue;
      const t = tagAt(buf, s);
      if (t.name === "row" || t.name === "sheetData" || (t.name === "c" && t.closing)) return at; // between cells
      if (t.name !== "c") continue;
      const open = cellOpensAt(buf, s);
      if (open === false) return at; // a self-closing cell before it: not a cell's text
      break;
    }
    if (s < 0) return true;
    const limit = Math.min(buf.length, s + MAX_CARRY);
    let e = at;
    for (; e < limit; e++) if (buf[e] === LT && buf[e + 1] === SLASH && tagAt(buf, e).name === "c") break;
    if (e >= limit) return limit === buf.length ? at : true;
    const close = tagAt(buf, e).end;
    if (close >= buf.length) return at; // "</c" cut before its ">": seen again whole
    const m = CELL.exec(this.decoder.decode(buf.subarray(s, close + 1)));
    if (!m) return true;
    if (SHARED_TYPE.test(m[2])) return e;
    let value: string;
    const body = m[3];
    if (/<(?:[\w.-]+:)?is\b/.test(body)) {
      value = "";
      for (const r of body.replace(PHONETIC, "").matchAll(RUN_TEXT)) value += r[2];
    } else value = VALUE.exec(body)?.[2] ?? "";
    value = unentity(value);
    return value.includes("_x") || canAnchorHeader(value) ? true : e;
  }
}
