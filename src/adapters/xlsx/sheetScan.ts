/**
 * The worksheet reader's own scanner of a sheet part held whole (read.ts): it reads exactly the XML xml.ts parseWhole
 * reads — and leaves to saxes exactly what parseWhole leaves — but gives the reader only what it acts on: the elements
 * it knows (c, row, mergeCell, v, f, is, rPh, t, by local name, any prefix) with the attributes it uses (r, t, s, ref,
 * si), and text. No attribute object, name string or handler call is made for anything else; every other element and
 * attribute is still read as strictly (names, quoting, references, nesting, an attribute twice).
 */
import {
  decodeStrict,
  isXmlSpace as isSpace,
  lastNameColon,
  nameEnd,
  readsWhole,
  rootStart,
  Unusual,
  wholeText,
  type SaxHandlers,
} from "./xml";

/** The elements the reader acts on (SheetHandlers' tag): OTHER for every other element. */
export const OTHER = 0;
export const C = 1;
export const ROW = 2;
export const MERGE_CELL = 3;
export const V = 4;
export const F = 5;
export const IS = 6;
export const RPH = 7;
export const T = 8;

/** The attributes the reader uses, entities decoded; undefined when the element has none such. */
export interface SheetAttributes {
  r?: string;
  t?: string;
  s?: string;
  ref?: string;
  si?: string;
}

/**
 * What the reader is told: an element it acts on opened (its attributes valid during the call only; given for c, row,
 * mergeCell and f) and closed (a self-closing one is opened and closed), and the text inside the root with its
 * references decoded and line ends normalised — as xml.ts SaxHandlers would be told, other elements left out.
 */
export interface SheetHandlers {
  open(tag: number, a: SheetAttributes, selfClosing: boolean): void;
  close(tag: number): void;
  text(text: string): void;
}

/** The tag of a local name. */
export function sheetTag(name: string): number {
  switch (name) {
    case "c":
      return C;
    case "row":
      return ROW;
    case "mergeCell":
      return MERGE_CELL;
    case "v":
      return V;
    case "f":
      return F;
    case "is":
      return IS;
    case "rPh":
      return RPH;
    case "t":
      return T;
    default:
      return OTHER;
  }
}

/**
 * The same handlers for saxes (xml.ts ChunkParser, parsePart), which reads what the scanner does not; the names it
 * gives are local names already.
 */
export function saxHandlersOf(h: SheetHandlers): SaxHandlers {
  return {
    open(name, attrs, selfClosing) {
      const tag = sheetTag(name);
      if (tag !== OTHER) h.open(tag, attrs, selfClosing);
    },
    close(name) {
      const tag = sheetTag(name);
      if (tag !== OTHER) h.close(tag);
    },
    text: (t) => h.text(t),
  };
}

/**
 * Names every object has (an attribute so named is left to saxes, as parseWhole leaves it), and a bit for each of
 * their lengths (under 32): an attribute's name is compared with them only when its length is one of these.
 */
const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);
let protoLengths = 0;
for (const name of PROTO_NAMES) protoLengths |= name.length < 32 ? 1 << name.length : 0;
const PROTO_LENGTHS = protoLengths;
const protoName = (xml: string, from: number, len: number) =>
  (len >= 32 || ((PROTO_LENGTHS >>> len) & 1) !== 0) && PROTO_NAMES.some((name) => name.length === len && xml.startsWith(name, from));

/** Whether xml[a, a + len) and xml[b, b + len) are the same text. */
function sameAt(xml: string, a: number, b: number, len: number): boolean {
  for (let j = 0; j < len; j++) if (xml.charCodeAt(a + j) !== xml.charCodeAt(b + j)) return false;
  return true;
}

/** The tag of the local name xml[from, to). */
function tagAt(xml: string, from: number, to: number): number {
  const c0 = xml.charCodeAt(from);
  switch (to - from) {
    case 1:
      return c0 === 0x63 ? C : c0 === 0x76 ? V : c0 === 0x66 ? F : c0 === 0x74 ? T : OTHER;
    case 2:
      return c0 === 0x69 && xml.charCodeAt(from + 1) === 0x73 ? IS : OTHER;
    case 3:
      if (c0 !== 0x72) return OTHER;
      if (xml.startsWith("ow", from + 1)) return ROW;
      return xml.startsWith("Ph", from + 1) ? RPH : OTHER;
    case 9:
      return xml.startsWith("mergeCell", from) ? MERGE_CELL : OTHER;
    default:
      return OTHER;
  }
}

const A_R = 1;
const A_T = 2;
const A_S = 3;
const A_SI = 4;
const A_REF = 5;

/** The attribute the reader uses named xml[from, from + len): A_R, A_T, A_S, A_SI, A_REF, or 0 for another. */
function usedAttribute(xml: string, from: number, len: number): number {
  const c0 = xml.charCodeAt(from);
  switch (len) {
    case 1:
      return c0 === 0x72 ? A_R : c0 === 0x74 ? A_T : c0 === 0x73 ? A_S : 0;
    case 2:
      return c0 === 0x73 && xml.charCodeAt(from + 1) === 0x69 ? A_SI : 0;
    case 3:
      return xml.startsWith("ref", from) ? A_REF : 0;
    default:
      return 0;
  }
}

/**
 * Reads a sheet part's XML held whole into the handlers; false when the text is outside what xml.ts parseWhole reads
 * (perhaps after some handlers were called: the caller undoes what they did and reads the part with saxes). What a
 * handler throws comes out as it was thrown.
 */
export function scanSheet(text: string, h: SheetHandlers): boolean {
  return readsWhole(scan, text, h);
}

function scan(text: string, h: SheetHandlers): void {
  const xml = wholeText(text);
  const n = xml.length;
  let i = rootStart(xml);
  // the open elements: where each one's qualified name starts, its length (an end tag must repeat it), its tag
  const nameStarts: number[] = [];
  const nameLengths: number[] = [];
  const tags: number[] = [];
  let depth = 0;
  // the attribute names of the start tag being read (an attribute twice is left to saxes)
  const attrStarts: number[] = [];
  const attrLengths: number[] = [];
  const a: SheetAttributes = { r: undefined, t: undefined, s: undefined, ref: undefined, si: undefined };
  let rooted = false;
  while (i < n) {
    if (xml.charCodeAt(i) !== 0x3c) {
      let j = xml.indexOf("<", i);
      if (j < 0) j = n;
      if (depth === 0) {
        // outside the root: blanks only
        for (let k = i; k < j; k++) if (!isSpace(xml.charCodeAt(k))) throw new Unusual();
      } else {
        const raw = xml.slice(i, j);
        h.text(raw.indexOf("&") >= 0 ? decodeStrict(raw) : raw);
      }
      i = j;
      continue;
    }
    const c1 = xml.charCodeAt(i + 1);
    if (c1 === 0x2f) {
      // an end tag: the name of the element it closes, no other
      const e = nameEnd(xml, i + 2);
      if (depth === 0) throw new Unusual();
      const top = depth - 1;
      const len = nameLengths[top];
      let k = e;
      while (isSpace(xml.charCodeAt(k))) k++;
      if (xml.charCodeAt(k) !== 0x3e || e - i - 2 !== len || !sameAt(xml, i + 2, nameStarts[top], len)) throw new Unusual();
      depth = top;
      i = k + 1;
      const tag = tags[top];
      if (tag !== OTHER) h.close(tag);
      continue;
    }
    if (c1 === 0x21 || c1 === 0x3f || (rooted && depth === 0)) throw new Unusual();
    const e = nameEnd(xml, i + 1);
    const colon = lastNameColon();
    const tag = tagAt(xml, colon < 0 ? i + 1 : colon + 1, e);
    // the attributes the reader uses are kept for c, row, mergeCell and f
    const keep = tag === C || tag === ROW || tag === MERGE_CELL || tag === F;
    if (keep) a.r = a.t = a.s = a.ref = a.si = undefined;
    let attrs = 0;
    let k = e;
    let selfClosing = false;
    for (;;) {
      const ws = k;
      while (isSpace(xml.charCodeAt(k))) k++;
      const c = xml.charCodeAt(k);
      if (c === 0x3e) break;
      if (c === 0x2f) {
        if (xml.charCodeAt(k + 1) !== 0x3e) throw new Unusual();
        selfClosing = true;
        k++;
        break;
      }
      if (ws === k) throw new Unusual();
      const as = k;
      const ae = nameEnd(xml, k);
      const alen = ae - as;
      k = ae;
      while (isSpace(xml.charCodeAt(k))) k++;
      if (xml.charCodeAt(k) !== 0x3d) throw new Unusual();
      k++;
      while (isSpace(xml.charCodeAt(k))) k++;
      // valueEnd's reading, written out here: called, it makes the scan 7 % slower (measured on the 200-sheet workbook)
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
      // an attribute twice, or one named as a property every object has ("constructor", "__proto__"): saxes reads it
      for (let j = 0; j < attrs; j++) if (attrLengths[j] === alen && sameAt(xml, attrStarts[j], as, alen)) throw new Unusual();
      if (protoName(xml, as, alen)) throw new Unusual();
      attrStarts[attrs] = as;
      attrLengths[attrs] = alen;
      attrs++;
      const which = keep ? usedAttribute(xml, as, alen) : 0;
      if (which !== 0) {
        let value = xml.slice(k + 1, ve);
        if (amp) value = decodeStrict(value);
        if (which === A_R) a.r = value;
        else if (which === A_T) a.t = value;
        else if (which === A_S) a.s = value;
        else if (which === A_SI) a.si = value;
        else a.ref = value;
      } else if (amp) decodeStrict(xml.slice(k + 1, ve));
      k = ve + 1;
    }
    if (!selfClosing) {
      nameStarts[depth] = i + 1;
      nameLengths[depth] = e - i - 1;
      tags[depth] = tag;
      depth++;
    }
    i = k + 1;
    rooted = true;
    if (tag !== OTHER) {
      h.open(tag, a, selfClosing);
      if (selfClosing) h.close(tag);
    }
  }
  if (!rooted || depth > 0) throw new Unusual();
}
