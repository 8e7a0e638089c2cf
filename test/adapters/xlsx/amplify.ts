/**
 * Workbooks that cost far more to read than their size says, made here and small on disk: a part that inflates to
 * gigabytes while its directory entry declares a few KB (one flushed deflate block repeated), a workbook.xml naming
 * one sheet thousands of times, millions of cells in a few hundred KB, merges over a million cells.
 */
import { deflateRawSync } from "zlib";
import { strFromU8, strToU8, unzipSync } from "fflate";
import { crc32 } from "../../../src/adapters/xlsx/zip";

/** One zip entry as it goes in the archive: its stored (or deflated) bytes and what the directory declares. */
export interface RawEntry {
  data: Uint8Array;
  method: 0 | 8;
  /** The size the directory declares (a bomb lies here). */
  size: number;
  crc: number;
}

export type PackageFiles = Record<string, Uint8Array | string | RawEntry>;

const isRaw = (v: Uint8Array | string | RawEntry): v is RawEntry => typeof v === "object" && "method" in v;

/** The parts of a workbook file, as bytes. */
export function filesOf(bytes: Uint8Array): Record<string, Uint8Array> {
  const files = unzipSync(bytes);
  for (const k of Object.keys(files)) if (k.endsWith("/")) delete files[k];
  return files;
}

export const text = (b: Uint8Array): string => strFromU8(b);

/** A zip of the files (text and bytes deflated honestly, raw entries as they are), in the order given. */
export function zipOf(files: PackageFiles): Uint8Array {
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, v] of Object.entries(files)) {
    let e: RawEntry;
    if (isRaw(v)) e = v;
    else {
      const content = typeof v === "string" ? strToU8(v) : v;
      e = { data: new Uint8Array(deflateRawSync(content)), method: 8, size: content.length, crc: crc32(content) };
    }
    const n = strToU8(name);
    const local = new Uint8Array(30 + n.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true);
    lv.setUint16(8, e.method, true);
    lv.setUint32(14, e.crc, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.size, true);
    lv.setUint16(26, n.length, true);
    local.set(n, 30);
    const cd = new Uint8Array(46 + n.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, e.method, true);
    cv.setUint32(16, e.crc, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.size, true);
    cv.setUint16(28, n.length, true);
    cv.setUint32(42, offset, true);
    cd.set(n, 46);
    locals.push(local, e.data);
    central.push(cd);
    offset += local.length + e.data.length;
  }
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, central.length, true);
  ev.setUint16(10, central.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let o = 0;
  for (const p of [...locals, ...central, end]) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Writes bits least significant first, as deflate does. */
class Bits {
  private bytes: number[] = [];
  private cur = 0;
  private n = 0;
  /** Bits written so far. */
  count = 0;
  write(value: number, count: number): void {
    for (let i = 0; i < count; i++) this.bit((value >>> i) & 1);
  }
  /** A Huffman code: its bits most significant first. */
  code(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.bit((value >>> i) & 1);
  }
  bit(b: number): void {
    this.count++;
    this.cur |= b << this.n;
    if (++this.n === 8) this.flush();
  }
  get aligned(): boolean {
    return this.n === 0;
  }
  align(): void {
    if (this.n) this.flush();
  }
  private flush(): void {
    this.bytes.push(this.cur);
    this.cur = 0;
    this.n = 0;
  }
  out(): Uint8Array {
    this.align();
    return Uint8Array.from(this.bytes);
  }
}

const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
/** The code-length symbols the bomb's block uses (lengths 0-4 and the repeats), three bits each. */
const CL_SYMBOLS = new Set([0, 1, 2, 3, 4, 16, 17, 18]);

/** A stored deflate block (byte aligned). */
function stored(bits: Bits, data: Uint8Array, final: boolean, into: Uint8Array[]): Bits {
  for (let o = 0; o === 0 || o < data.length; o += 0xffff) {
    const part = data.subarray(o, Math.min(o + 0xffff, data.length));
    const last = final && o + 0xffff >= data.length;
    bits.write(last ? 1 : 0, 1);
    bits.write(0, 2);
    bits.align();
    bits.write(part.length, 16);
    bits.write(~part.length & 0xffff, 16);
    into.push(bits.out(), part.slice());
    bits = new Bits();
  }
  return bits;
}

/**
 * A raw deflate stream that inflates to `head`, then `period` (1 to 4 characters) repeated `repeats` times over, then
 * `tail`. The repeats are one dynamic-Huffman block whose only match (length 258, distance = the period) costs two
 * bits: a GiB of it is about 1 MB of stream, deflate's own ratio limit (1032:1).
 */
export function bombStream(head: string, period: string, bytes: number, tail: string): Uint8Array {
  const p = strToU8(period);
  if (p.length < 1 || p.length > 4) throw new Error("period of 1 to 4 bytes");
  const pairs = Math.max(0, Math.floor((bytes - p.length) / 258));
  const parts: Uint8Array[] = [];
  let bits = stored(new Bits(), strToU8(head), false, parts);
  // the block's codes: length code 285 (258) gets 1 bit, the period's distinct literals and end-of-block share the rest
  const literals = [...new Set(p)];
  const shared = [...literals, 256];
  const lengths = new Map<number, number>([[285, 1]]);
  const spread: Record<number, number[]> = { 2: [2, 2], 3: [2, 3, 3], 4: [3, 3, 3, 3], 5: [3, 3, 3, 4, 4] };
  shared.forEach((s, i) => lengths.set(s, spread[shared.length][i]));
  const litLen = Array.from({ length: 286 }, (_, i) => lengths.get(i) ?? 0);
  const dist = [0, 0, 0, 0];
  dist[p.length - 1] = 1;
  const codes = canonical(litLen);
  const clCode = canonical(Array.from({ length: 19 }, (_, i) => (CL_SYMBOLS.has(i) ? 3 : 0)));
  const header = (into: Bits, odd: boolean) => {
    into.write(0, 1);
    into.write(2, 2);
    into.write(286 - 257, 5);
    into.write(4 - 1, 5);
    into.write(18 - 4, 4);
    for (const s of CL_ORDER.slice(0, 18)) into.write(CL_SYMBOLS.has(s) ? 3 : 0, 3);
    const all = [...litLen, ...dist];
    // `odd` spends the first zero as a code of its own: the header changes parity, so the two-bit matches that follow
    // meet a byte boundary
    let single = odd;
    for (let i = 0; i < all.length;) {
      if (all[i] === 0 && !single) {
        let run = 0;
        while (i + run < all.length && all[i + run] === 0 && run < 138) run++;
        if (run >= 11) {
          into.code(clCode[18], 3);
          into.write(run - 11, 7);
          i += run;
          continue;
        }
        if (run >= 3) {
          into.code(clCode[17], 3);
          into.write(run - 3, 3);
          i += run;
          continue;
        }
      }
      if (all[i] === 0) single = false;
      into.code(clCode[all[i]], 3);
      i++;
    }
    for (const b of p) into.code(codes[b], litLen[b]);
  };
  const probe = new Bits();
  header(probe, false);
  header(bits, (bits.count + probe.count) % 2 === 1);
  // each match is the bits 0 (length 258) and 0 (the one distance): four to a byte once aligned
  let left = pairs;
  while (left > 0 && !bits.aligned) {
    bits.write(0, 2);
    left--;
  }
  const zeros = Math.floor(left / 4);
  if (zeros > 0) {
    parts.push(bits.out(), new Uint8Array(zeros));
    bits = new Bits();
  }
  for (let i = zeros * 4; i < left; i++) bits.write(0, 2);
  bits.code(codes[256], litLen[256]);
  stored(bits, strToU8(tail), true, parts);
  const out = new Uint8Array(parts.reduce((n, x) => n + x.length, 0));
  let o = 0;
  for (const x of parts) {
    out.set(x, o);
    o += x.length;
  }
  return out;
}

/** Canonical Huffman codes of the lengths (deflate's rule). */
function canonical(lengths: number[]): number[] {
  const max = Math.max(...lengths);
  const count = new Array<number>(max + 1).fill(0);
  for (const l of lengths) if (l) count[l]++;
  const next = new Array<number>(max + 2).fill(0);
  let code = 0;
  for (let b = 1; b <= max; b++) {
    code = (code + count[b - 1]) << 1;
    next[b] = code;
  }
  return lengths.map((l) => (l ? next[l]++ : 0));
}

/** What `bombStream(head, period, bytes, tail)` inflates to, in bytes. */
export function bombSize(head: string, period: string, bytes: number, tail: string): number {
  const p = strToU8(period).length;
  return strToU8(head).length + p + 258 * Math.max(0, Math.floor((bytes - p) / 258)) + strToU8(tail).length;
}

/** A bomb entry: inflates to about `bytes` while the directory declares `declared` bytes. */
export function bombEntry(head: string, period: string, bytes: number, tail: string, declared = 2048): RawEntry {
  return { data: bombStream(head, period, bytes, tail), method: 8, size: declared, crc: 0 };
}

export const GiB = 1024 * 1024 * 1024;

const SHEET_NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** The head and tail of a worksheet around a sheetData that the bomb's filler fills. */
export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${SHEET_NS}><sheetData>`;
export const SHEET_TAIL = "</sheetData></worksheet>";

/** workbook.xml listing the sheet of relationship `rid` `n` times (each a distinct name). */
export function sheetListedTimes(workbookXml: string, rid: string, n: number): string {
  const sheets = Array.from({ length: n }, (_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="${rid}"/>`).join("");
  return workbookXml.replace(/<sheets>[\s\S]*<\/sheets>/, `<sheets>${sheets}</sheets>`);
}

/** workbook.xml and its relationships naming one part `n` times, each through a relationship of its own. */
export function sheetRelatedTimes(workbookXml: string, relsXml: string, target: string, n: number): { workbook: string; rels: string } {
  const type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
  const rels = Array.from({ length: n }, (_, i) => `<Relationship Id="rX${i + 1}" Type="${type}" Target="${target}"/>`).join("");
  const sheets = Array.from({ length: n }, (_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rX${i + 1}"/>`).join("");
  return {
    workbook: workbookXml.replace(/<sheets>[\s\S]*<\/sheets>/, `<sheets>${sheets}</sheets>`),
    rels: relsXml.replace("</Relationships>", `${rels}</Relationships>`),
  };
}

/**
 * A sheet's XML with `cells` numeric cells added below its last row (rows of `perRow` cells, addressed), deflated as
 * it is produced; returns the deflated entry (the file stays a few hundred KB).
 */
export function withCellsBelow(sheetXml: string, cells: number, perRow = 100, startRow = 1001): RawEntry {
  const at = sheetXml.indexOf("</sheetData>");
  const head = sheetXml.slice(0, at);
  const tail = sheetXml.slice(at);
  const chunks: Buffer[] = [];
  const rows: string[] = [];
  let r = startRow;
  let left = cells;
  while (left > 0) {
    const k = Math.min(perRow, left);
    let s = `<row r="${r}">`;
    for (let c = 0; c < k; c++) s += `<c><v>${c}</v></c>`;
    rows.push(s + "</row>");
    left -= k;
    r++;
  }
  const body = head + rows.join("") + tail;
  const bytes = strToU8(body);
  chunks.push(deflateRawSync(bytes, { level: 9 }));
  return { data: new Uint8Array(chunks[0]), method: 8, size: bytes.length, crc: crc32(bytes) };
}

/** A sheet's XML with merges added (`mergeCells` made or extended). */
export function withMerges(sheetXml: string, refs: string[]): string {
  const cells = refs.map((r) => `<mergeCell ref="${r}"/>`).join("");
  if (/<mergeCells\b/.test(sheetXml)) {
    return sheetXml.replace(/<mergeCells\b[^>]*>/, "<mergeCells>").replace("</mergeCells>", `${cells}</mergeCells>`);
  }
  return sheetXml.replace("</sheetData>", `</sheetData><mergeCells>${cells}</mergeCells>`);
}
