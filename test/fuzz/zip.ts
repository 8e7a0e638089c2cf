/**
 * A zip writer for the fuzzer that can build what an attacker or an odd tool builds: stored or deflated entries,
 * sizes in a trailing data descriptor, zip64 extra fields, duplicate and traversal names, a comment after the
 * central directory — and a reader (fflate) for the entries of a workbook as given.
 */
import { deflateSync, unzipSync } from "fflate";

export interface Entry {
  name: string;
  data: Uint8Array;
  /** 0 stored, 8 deflated (default 8). */
  method?: 0 | 8;
  /** Sizes and CRC after the data (flag bit 3), zero in the local header. */
  descriptor?: boolean;
  /** Sizes and offset in a zip64 extra field, 0xFFFFFFFF in the headers. */
  zip64?: boolean;
  /** The entry's bytes as the file had them (compressed by whatever made the file), kept while `data` is unchanged. */
  raw?: { method: number; body: Uint8Array; data: Uint8Array };
}

/**
 * The entries of a zip, in stored order (duplicates merged by fflate: the last one wins), each with its compressed
 * bytes as found, so a part the fuzzer leaves alone is written as the tool that made the file compressed it.
 */
export function readEntries(bytes: Uint8Array): Entry[] {
  const files = unzipSync(bytes);
  const raw = rawEntries(bytes);
  return Object.keys(files).map((name) => {
    const r = raw.get(name);
    return { name, data: files[name], ...(r ? { raw: { ...r, data: files[name] } } : {}) };
  });
}

/** Each entry's method and compressed bytes, from the central directory (an empty map when it cannot be read). */
function rawEntries(b: Uint8Array): Map<string, { method: number; body: Uint8Array }> {
  const out = new Map<string, { method: number; body: Uint8Array }>();
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let end = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65557); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return out;
  let p = dv.getUint32(end + 16, true);
  const n = dv.getUint16(end + 10, true);
  for (let k = 0; k < n && p + 46 <= b.length && dv.getUint32(p, true) === 0x02014b50; k++) {
    const method = dv.getUint16(p + 10, true);
    const csize = dv.getUint32(p + 20, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extra = dv.getUint16(p + 30, true);
    const comment = dv.getUint16(p + 32, true);
    const local = dv.getUint32(p + 42, true);
    const name = new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen));
    const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    if (csize !== 0xffffffff && start + csize <= b.length) out.set(name, { method, body: b.subarray(start, start + csize) });
    p += 46 + nameLen + extra + comment;
  }
  return out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

class Out {
  private readonly chunks: Uint8Array[] = [];
  length = 0;
  bytes(b: Uint8Array): void {
    this.chunks.push(b);
    this.length += b.length;
  }
  u16(v: number): void {
    this.bytes(Uint8Array.of(v & 0xff, (v >>> 8) & 0xff));
  }
  u32(v: number): void {
    this.bytes(Uint8Array.of(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff));
  }
  u64(v: number): void {
    this.u32(v >>> 0);
    this.u32(Math.floor(v / 0x100000000));
  }
  done(): Uint8Array {
    const r = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      r.set(c, at);
      at += c.length;
    }
    return r;
  }
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** A zip of these entries, in this order, exactly as described (no name is checked or deduplicated). */
export function writeZip(entries: Entry[], opts: { comment?: string; prefix?: Uint8Array } = {}): Uint8Array {
  const out = new Out();
  if (opts.prefix) out.bytes(opts.prefix);
  const central: { e: Entry; crc: number; csize: number; offset: number; name: Uint8Array; method: number }[] = [];
  for (const e of entries) {
    const keep =
      e.raw && e.raw.data === e.data && (e.method === undefined || e.method === e.raw.method) && (e.raw.method === 0 || e.raw.method === 8);
    const method = keep && e.raw ? (e.raw.method as 0 | 8) : (e.method ?? 8);
    const body = keep && e.raw ? e.raw.body : method === 8 ? deflateSync(e.data) : e.data;
    const crc = crc32(e.data);
    const name = utf8(e.name);
    const offset = out.length;
    const flags = (e.descriptor ? 8 : 0) | 0x800;
    out.u32(0x04034b50);
    out.u16(e.zip64 ? 45 : 20);
    out.u16(flags);
    out.u16(method);
    out.u16(0);
    out.u16(0x21);
    const hideSizes = !!e.descriptor;
    out.u32(hideSizes ? 0 : crc);
    out.u32(e.zip64 ? 0xffffffff : hideSizes ? 0 : body.length);
    out.u32(e.zip64 ? 0xffffffff : hideSizes ? 0 : e.data.length);
    out.u16(name.length);
    out.u16(e.zip64 ? 20 : 0);
    out.bytes(name);
    if (e.zip64) {
      out.u16(1);
      out.u16(16);
      out.u64(hideSizes ? 0 : e.data.length);
      out.u64(hideSizes ? 0 : body.length);
    }
    out.bytes(body);
    if (e.descriptor) {
      out.u32(0x08074b50);
      out.u32(crc);
      if (e.zip64) {
        out.u64(body.length);
        out.u64(e.data.length);
      } else {
        out.u32(body.length);
        out.u32(e.data.length);
      }
    }
    central.push({ e, crc, csize: body.length, offset, name, method });
  }
  const cdStart = out.length;
  for (const { e, crc, csize, offset, name, method } of central) {
    out.u32(0x02014b50);
    out.u16(e.zip64 ? 45 : 20);
    out.u16(e.zip64 ? 45 : 20);
    out.u16((e.descriptor ? 8 : 0) | 0x800);
    out.u16(method);
    out.u16(0);
    out.u16(0x21);
    out.u32(crc);
    out.u32(e.zip64 ? 0xffffffff : csize);
    out.u32(e.zip64 ? 0xffffffff : e.data.length);
    out.u16(name.length);
    out.u16(e.zip64 ? 28 : 0);
    out.u16(0);
    out.u16(0);
    out.u16(0);
    out.u32(0);
    out.u32(e.zip64 ? 0xffffffff : offset);
    out.bytes(name);
    if (e.zip64) {
      out.u16(1);
      out.u16(24);
      out.u64(e.data.length);
      out.u64(csize);
      out.u64(offset);
    }
  }
  const cdSize = out.length - cdStart;
  if (entries.some((e) => e.zip64)) {
    // the zip64 end of central directory record and its locator
    const at = out.length;
    out.u32(0x06064b50);
    out.u64(44);
    out.u16(45);
    out.u16(45);
    out.u32(0);
    out.u32(0);
    out.u64(central.length);
    out.u64(central.length);
    out.u64(cdSize);
    out.u64(cdStart);
    out.u32(0x07064b50);
    out.u32(0);
    out.u64(at);
    out.u32(1);
  }
  const comment = utf8(opts.comment ?? "");
  out.u32(0x06054b50);
  out.u16(0);
  out.u16(0);
  out.u16(central.length);
  out.u16(central.length);
  out.u32(cdSize);
  out.u32(cdStart);
  out.u16(comment.length);
  out.bytes(comment);
  return out.done();
}

/**
 * A compound-file (OLE2) container as an encrypted .xlsx or an old .xls arrives: the header of a CFB with
 * 512-byte sectors, a FAT sector and a directory naming the streams, padded with the workbook's own bytes.
 */
export function compoundFile(streams: string[], filler: Uint8Array): Uint8Array {
  const sector = 512;
  const b = new Uint8Array(sector * 4);
  const dv = new DataView(b.buffer);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  dv.setUint16(24, 0x003e, true);
  dv.setUint16(26, 3, true);
  dv.setUint16(28, 0xfffe, true);
  dv.setUint16(30, 9, true);
  dv.setUint16(32, 6, true);
  dv.setUint32(44, 1, true);
  dv.setUint32(48, 1, true);
  dv.setUint32(56, 4096, true);
  dv.setUint32(60, 0xfffffffe, true);
  dv.setUint32(68, 0xfffffffe, true);
  dv.setUint32(76, 0, true);
  for (let i = 1; i < 109; i++) dv.setUint32(76 + 4 * i, 0xffffffff, true);
  // sector 0: the FAT (itself, the directory, the filler)
  const fat = sector;
  for (let i = 0; i < 128; i++) dv.setUint32(fat + 4 * i, 0xffffffff, true);
  dv.setUint32(fat, 0xfffffffd, true);
  dv.setUint32(fat + 4, 0xfffffffe, true);
  dv.setUint32(fat + 8, 0xfffffffe, true);
  // sector 1: the directory
  const dir = sector * 2;
  const names = ["Root Entry", ...streams].slice(0, 4);
  names.forEach((n, k) => {
    const at = dir + 128 * k;
    for (let i = 0; i < n.length && i < 31; i++) dv.setUint16(at + 2 * i, n.charCodeAt(i), true);
    dv.setUint16(at + 64, 2 * (Math.min(n.length, 31) + 1), true);
    b[at + 66] = k === 0 ? 5 : 2;
    dv.setUint32(at + 68, 0xffffffff, true);
    dv.setUint32(at + 72, k + 1 < names.length ? k + 1 : 0xffffffff, true);
    dv.setUint32(at + 76, k === 0 && names.length > 1 ? 1 : 0xffffffff, true);
    dv.setUint32(at + 116, k === 0 ? 0xfffffffe : 2, true);
    dv.setUint32(at + 120, k === 0 ? 0 : Math.min(filler.length, sector), true);
  });
  b.set(filler.subarray(0, sector), sector * 3);
  return b;
}
