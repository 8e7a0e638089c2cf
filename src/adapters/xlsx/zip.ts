/**
 * The zip container of an .xlsx, read from its central directory (the local headers may use data descriptors) and
 * written back with every untouched entry's compressed bytes copied as they were. Inflating and deflating is fflate's
 * (measured faster and smaller than JSZip: see README); in Node, parts that declare up to 128 MB inflate whole through
 * zlib (FastCodec, registered by node.ts), never producing more than they declare, which the ratio bounds. Otherwise
 * inflating streams and is bounded on the bytes it actually produces — never the sizes the directory declares — and on
 * the compression ratio, so a zip that expands far beyond what it declares is refused within a step of ~17 MB, in memory
 * and time alike. A part that breaks a bound inflating whole is inflated again streaming, and refused as there.
 * fflate (./flate) is loaded the first time it is needed, so a check in Node, all zlib, never loads it.
 */
import type * as Flate from "./flate";
import { LIMITS, limitError } from "./limits";
import { corruptError, crcError } from "./messages";

let flateModule: typeof Flate | null = null;

/** fflate's inflating and deflating (./flate), loaded when first used: the same module in a bundle, never a second copy. */
function flate(): typeof Flate {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (flateModule ??= require("./flate") as typeof Flate);
}

export interface ZipEntry {
  /** Entry name as stored ("xl/workbook.xml"). */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  /** The size the directory declares (inflating never trusts it). */
  readonly size: number;
  /** Offset of the compressed data in the archive. */
  readonly dataOffset: number;
  readonly time: number;
  readonly date: number;
  readonly externalAttrs: number;
  readonly versionMadeBy: number;
  /** Where the entry's local header starts, and its central directory record (offset, length) as stored. */
  readonly localOffset?: number;
  readonly central?: readonly [number, number];
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);

const UTF8 = new TextDecoder("utf-8");
const UTF8_ENCODER = new TextEncoder();

/**
 * An entry name's bytes as text (UTF-8): an ASCII name of up to 256 bytes, what writers give, character by character
 * (the same text, without a decoder's call); any other through TextDecoder.
 */
export function entryName(b: Uint8Array, from: number, to: number): string {
  if (to - from <= 256) {
    let ascii = true;
    for (let i = from; i < to; i++)
      if (b[i] >= 0x80) {
        ascii = false;
        break;
      }
    if (ascii) return String.fromCharCode.apply(null, b.subarray(from, to) as unknown as number[]);
  }
  return UTF8.decode(b.subarray(from, to));
}
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

/**
 * Compressed bytes inflated per step: one step yields at most deflate's ratio limit (1032:1) times this, ~17 MB, before
 * the bounds are checked again. Parts no larger are inflated in one call.
 */
const STEP = 1 << 14;

/**
 * With a host's codec, parts declaring up to this many bytes (past LIMITS.ratioFrom, within the ratio) inflate whole,
 * bounded on the bytes produced by the size they declare; larger ones stream. Handed to the sink SLICE bytes at a time.
 */
const FAST_WHOLE = 128 * 1024 * 1024;
const SLICE = 1 << 18;

/**
 * What a host may offer in place of fflate (Node's zlib, registered by node.ts): inflating raw deflate data whole,
 * null when it would produce more than `max` bytes (or is not valid deflate data: fflate then says why), and CRC-32.
 * Used only for parts that declare at most FAST_WHOLE bytes (and, past LIMITS.ratioFrom, within the ratio), so a
 * part that breaks a bound is inflated again by the streaming path, which refuses it exactly as before.
 */
export interface FastCodec {
  inflateRaw(data: Uint8Array, max: number): Uint8Array | null;
  crc32?(data: Uint8Array, crc: number): number;
}

let fast: FastCodec | null = null;

/** Registers (or, with null, removes) the host's faster codec. */
export function setFastCodec(codec: FastCodec | null): void {
  fast = codec;
}

export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();
  private byLowerName: Map<string, ZipEntry> | null = null;
  /** Bytes inflated so far, by part (the most read of it), and their sum. */
  private readonly inflatedOf = new Map<string, number>();
  private inflated = 0;
  /** The encoding each XML part was read in. */
  private readonly encodings = new Map<string, TextEncoding>();

  private constructor(
    readonly bytes: Uint8Array,
    readonly entries: ZipEntry[],
  ) {
    for (const e of entries) this.byName.set(e.name, e);
  }

  /** Reads the central directory. Throws UserError for a damaged or zip64 archive. */
  static open(bytes: Uint8Array): ZipArchive {
    const b = bytes;
    const eocd = endOfCentralDirectory(b);
    if (eocd < 0) throw corruptError("no zip end record");
    const count = u16(b, eocd + 10);
    const cdOffset = u32(b, eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff) {
      throw limitError("zip64");
    }
    if (count > LIMITS.parts) throw limitError("parts");
    const entries: ZipEntry[] = [];
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw corruptError("zip directory damaged");
      const nameLen = u16(b, p + 28);
      const extraLen = u16(b, p + 30);
      const commentLen = u16(b, p + 32);
      const local = u32(b, p + 42);
      if (local + 30 > b.length || u32(b, local) !== 0x04034b50) throw corruptError("zip entry damaged");
      const compressedSize = u32(b, p + 20);
      const dataOffset = local + 30 + u16(b, local + 26) + u16(b, local + 28);
      if (dataOffset + compressedSize > b.length) throw corruptError("zip entry cut short");
      entries.push({
        name: entryName(b, p + 46, p + 46 + nameLen),
        versionMadeBy: u16(b, p + 4),
        flags: u16(b, p + 8),
        method: u16(b, p + 10),
        time: u16(b, p + 12),
        date: u16(b, p + 14),
        crc: u32(b, p + 16),
        compressedSize,
        size: u32(b, p + 24),
        externalAttrs: u32(b, p + 38),
        dataOffset,
        localOffset: local,
        central: [p, 46 + nameLen + extraLen + commentLen],
      });
      p += 46 + nameLen + extraLen + commentLen;
    }
    const archive = new ZipArchive(bytes, entries);
    const commentLen = Math.min(u16(b, eocd + 20), b.length - eocd - 22);
    archive.comment = b.subarray(eocd + 22, eocd + 22 + commentLen);
    return archive;
  }

  /** The archive's comment (after the end record), written back as it was. */
  private comment: Uint8Array = new Uint8Array(0);

  /**
   * An entry as stored — its local header, compressed bytes and data descriptor (`local`), and its central directory
   * record (`central`) — when they are where the directory says; null for an entry that is not (then written anew).
   */
  private stored(e: ZipEntry): { local: Uint8Array; central: Uint8Array } | null {
    const b = this.bytes;
    if (e.localOffset === undefined || !e.central) return null;
    let end = e.dataOffset + e.compressedSize;
    if (e.flags & 0x0008 && end + 12 <= b.length) {
      // the data descriptor, when there is one: CRC and sizes, with or without its signature
      if (end + 16 <= b.length && u32(b, end) === 0x08074b50 && u32(b, end + 4) === e.crc) end += 16;
      else if (u32(b, end) === e.crc) end += 12;
    }
    const [cdAt, cdLen] = e.central;
    if (end > b.length || cdAt + cdLen > b.length) return null;
    return { local: b.subarray(e.localOffset, end), central: b.subarray(cdAt, cdAt + cdLen) };
  }

  /**
   * An entry as stored, in one blob (central record length, central record, local bytes), for a writer to put back
   * later (the marks' record keeps those of the parts marking changes, so clearing gives back the input's bytes).
   */
  storedEntry(name: string): Uint8Array | undefined {
    const e = this.entry(name);
    const s = e && this.stored(e);
    if (!s) return undefined;
    const out = new Uint8Array(4 + s.central.length + s.local.length);
    new DataView(out.buffer).setUint32(0, s.central.length, true);
    out.set(s.central, 4);
    out.set(s.local, 4 + s.central.length);
    return out;
  }

  /** Whether an entry (or the entry of a part name) holds exactly `content`: its CRC and size, then its bytes inflated. */
  holds(entry: ZipEntry | string, content: Uint8Array): boolean {
    const e = typeof entry === "string" ? this.entry(entry) : entry;
    if (!e || e.size !== content.length || e.crc !== crc32(content)) return false;
    return inflatesTo(e.method, this.bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize), content);
  }

  /** The entry of a part name ("/xl/workbook.xml" or "xl/workbook.xml"; OPC names compare without case). */
  entry(name: string): ZipEntry | undefined {
    const n = name.replace(/^\//, "");
    const exact = this.byName.get(n);
    if (exact) return exact;
    if (!this.byLowerName) {
      this.byLowerName = new Map();
      for (const e of this.entries) if (!this.byLowerName.has(e.name.toLowerCase())) this.byLowerName.set(e.name.toLowerCase(), e);
    }
    return this.byLowerName.get(n.toLowerCase());
  }

  has(name: string): boolean {
    return this.entry(name) !== undefined;
  }

  /**
   * Streams an entry's content in chunks to `sink`. Whatever the directory declares, inflating stops with a limit
   * error as soon as the bytes actually produced pass `maxBytes`, pass the size the entry declares (an honest entry
   * never does), expand past LIMITS.ratio times the compressed bytes consumed (once past LIMITS.ratioFrom), or bring
   * the archive's distinct inflated bytes past LIMITS.totalBytes. Returns the number of bytes produced.
   */
  stream(name: string, sink: (chunk: Uint8Array) => void, maxBytes: number = LIMITS.partBytes): number {
    const e = this.entry(name);
    if (!e) throw corruptError(`missing part ${name}`);
    if (!TEXT_PART.test(e.name)) return this.inflate(e, name, sink, maxBytes);
    // an XML part may be UTF-16 (OPC allows it): its readers get UTF-8 all the same, and it is written back as it was
    let decoder: InstanceType<typeof TextDecoder> | null | undefined;
    const total = this.inflate(
      e,
      name,
      (chunk) => {
        if (decoder === undefined) {
          const enc = encodingOf(chunk);
          this.encodings.set(e.name, enc);
          decoder = enc.kind === "utf-8" ? null : new TextDecoder(enc.kind);
        }
        if (!decoder) return sink(chunk);
        const t = decoder.decode(chunk, { stream: true });
        if (t) sink(UTF8_ENCODER.encode(t));
      },
      maxBytes,
    );
    if (decoder) {
      const t = decoder.decode();
      if (t) sink(UTF8_ENCODER.encode(t));
    }
    return total;
  }

  private inflate(e: ZipEntry, name: string, sink: (chunk: Uint8Array) => void, maxBytes: number): number {
    if (e.size > maxBytes) throw limitError("partBytes", name);
    const data = this.bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    if (e.method === 0) {
      if (data.length > maxBytes) throw limitError("partBytes", name);
      this.charge(e.name, data.length);
      if (crc32(data) !== e.crc) throw crcError(name);
      sink(data);
      return data.length;
    }
    if (e.method !== 8) throw corruptError(`unsupported compression ${e.method} in ${name}`);
    // the directory itself may say the part is a bomb: refused before inflating a byte
    if (e.size > LIMITS.ratioFrom && e.size > LIMITS.ratio * Math.max(1, data.length)) throw limitError("ratio", name);
    if (fast && e.size <= LIMITS.ratioFrom) {
      // whole, when it inflates to no more than it declares (never past the ratio's threshold)
      const out = fast.inflateRaw(data, Math.min(maxBytes, e.size));
      if (out) {
        this.charge(e.name, out.length);
        sink(out);
        if (crc32(out) !== e.crc) throw crcError(name);
        return out.length;
      }
    } else if (fast && e.size <= FAST_WHOLE && this.inflated - (this.inflatedOf.get(e.name) ?? 0) + e.size <= LIMITS.totalBytes) {
      // a larger part whole too, into at most the size it declares — which the ratio, checked above, already bounds —
      // and only when the archive's total stays within its bound; the sink gets it in slices, as if streamed
      const out = fast.inflateRaw(data, e.size);
      if (out) {
        this.charge(e.name, out.length);
        for (let o = 0; o < out.length; o += SLICE) sink(out.subarray(o, Math.min(o + SLICE, out.length)));
        if (crc32(out) !== e.crc) throw crcError(name);
        return out.length;
      }
    }
    // an entry never honestly expands past the size the directory declares: a bomb that lies stops there
    const bound = Math.min(maxBytes, e.size);
    let total = 0;
    /** Why inflating stopped: a limit passed, or what the sink threw (the reader stopping on purpose, a limit). */
    let stop: { error: unknown } | null = null;
    let consumed = 0;
    // the CRC-32 the directory gives is checked on the bytes inflated: a damaged part is refused, never read
    let crc = 0;
    const take = (chunk: Uint8Array) => {
      if (stop) return;
      total += chunk.length;
      crc = crc32(chunk, crc);
      if (total > bound) {
        stop = { error: limitError(total > maxBytes ? "partBytes" : "declared", name) };
        return;
      }
      if (total > LIMITS.ratioFrom && total > LIMITS.ratio * Math.max(1, consumed)) {
        stop = { error: limitError("ratio", name) };
        return;
      }
      try {
        this.charge(e.name, total);
        sink(chunk);
      } catch (error) {
        stop = { error };
      }
    };
    if (data.length <= STEP) {
      // a small part in one go: at most deflate's ratio (1032:1) times STEP, ~17 MB, whatever it declares
      let out: Uint8Array | null = null;
      if (e.size <= LIMITS.ratioFrom) {
        // into a buffer of the size declared, and a byte more to see a part that passes it: never grown and copied
        try {
          const o = flate().inflateSync(data, { out: new Uint8Array(e.size + 1) });
          if (o.length <= e.size) out = o;
        } catch {
          // the plain call below says why
        }
      }
      try {
        out ??= flate().inflateSync(data);
      } catch (err) {
        throw corruptError(`${name}: ${err instanceof Error ? err.message : String(err)}`);
      }
      consumed = data.length;
      take(out);
      if (stop) throw (stop as { error: unknown }).error;
      if (crc !== e.crc) throw crcError(name);
      return total;
    }
    const inflater = new (flate().Inflate)(take);
    try {
      for (let o = 0; o < data.length && !stop; o += STEP) {
        consumed = Math.min(o + STEP, data.length);
        inflater.push(data.subarray(o, consumed), consumed >= data.length);
      }
    } catch (err) {
      if (stop) throw (stop as { error: unknown }).error;
      throw corruptError(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (stop) throw (stop as { error: unknown }).error;
    if (crc !== e.crc) throw crcError(name);
    return total;
  }

  /** Counts bytes inflated, each part once however often it is read: past LIMITS.totalBytes, a limit error. */
  private charge(name: string, total: number): void {
    const before = this.inflatedOf.get(name) ?? 0;
    if (total <= before) return;
    this.inflatedOf.set(name, total);
    this.inflated += total - before;
    if (this.inflated > LIMITS.totalBytes) throw limitError("totalBytes");
  }

  /** An entry's whole content (an XML part's as UTF-8, whatever its encoding). */
  read(name: string, maxBytes: number = LIMITS.partBytes): Uint8Array {
    const chunks: Uint8Array[] = [];
    let total = 0;
    this.stream(
      name,
      (c) => {
        chunks.push(c.slice());
        total += c.length;
      },
      maxBytes,
    );
    if (chunks.length === 1) return chunks[0];
    const out = new Uint8Array(total);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }

  /** An entry's content as text (UTF-8 or, for an XML part, UTF-16; a byte-order mark is dropped). */
  text(name: string, maxBytes?: number): string {
    const e = this.entry(name);
    let whole: Uint8Array | null = null;
    const chunks: Uint8Array[] = [];
    let total = 0;
    this.stream(
      name,
      (c) => {
        // the part in one chunk of the size it declares (nothing but a refusal can follow it): decoded as it is
        if (total === 0 && whole === null && c.length === e?.size) whole = c;
        else {
          if (whole !== null) chunks.push(whole.slice());
          whole = null;
          chunks.push(c.slice());
        }
        total += c.length;
      },
      maxBytes,
    );
    if (whole !== null) return UTF8.decode(whole);
    const out = new Uint8Array(total);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
    return UTF8.decode(out);
  }

  /** Text for a part, encoded as the part was when read (UTF-16 stays UTF-16, a byte-order mark stays); else UTF-8. */
  encodeText(name: string, text: string): Uint8Array {
    const e = this.entry(name);
    const enc = (e && this.encodings.get(e.name)) ?? { kind: "utf-8", bom: false };
    if (enc.kind === "utf-8" || !e) return encodeAs(text, enc);
    // a UTF-16 part declares the encoding it was read with again (the writers declare UTF-8 for what they write)
    const was = DECLARED.exec(this.text(e.name))?.[3];
    const now = DECLARED.exec(text);
    const declared = was !== undefined && now && now[3] !== was ? text.replace(now[0], `${now[1]}${now[2]}${was}${now[2]}`) : text;
    return encodeAs(declared, enc);
  }

  /**
   * A new archive: every entry in its original order, with the replaced ones deflated anew, the removed ones left
   * out and the added ones at the end. Untouched entries keep their compressed bytes, CRC and timestamps.
   */
  rewrite(changes: { replace: Map<string, Uint8Array>; remove: Set<string>; stored?: Map<string, Uint8Array> }): Uint8Array {
    const parts: Uint8Array[] = [];
    const central: Uint8Array[] = [];
    let offset = 0;
    const encoder = new TextEncoder();
    /** An entry as it was stored (local bytes as they are, its central record pointing at where they now are). */
    const copy = (s: { local: Uint8Array; central: Uint8Array }) => {
      const cd = s.central.slice();
      new DataView(cd.buffer).setUint32(42, offset, true);
      parts.push(s.local);
      central.push(cd);
      offset += s.local.length;
    };
    const emit = (name: string, e: Omit<ZipEntry, "name" | "dataOffset">, data: Uint8Array) => {
      const nameBytes = encoder.encode(name);
      // bit 3 (data descriptor) is cleared: sizes and CRC go in the local header; bit 11 marks UTF-8 names
      const flags = (e.flags & ~0x0008) | 0x0800;
      const local = new Uint8Array(30 + nameBytes.length);
      const lv = new DataView(local.buffer);
      lv.setUint32(0, 0x04034b50, true);
      lv.setUint16(4, 20, true);
      lv.setUint16(6, flags, true);
      lv.setUint16(8, e.method, true);
      lv.setUint16(10, e.time, true);
      lv.setUint16(12, e.date, true);
      lv.setUint32(14, e.crc, true);
      lv.setUint32(18, e.compressedSize, true);
      lv.setUint32(22, e.size, true);
      lv.setUint16(26, nameBytes.length, true);
      lv.setUint16(28, 0, true);
      local.set(nameBytes, 30);
      const cd = new Uint8Array(46 + nameBytes.length);
      const cv = new DataView(cd.buffer);
      cv.setUint32(0, 0x02014b50, true);
      cv.setUint16(4, e.versionMadeBy || 20, true);
      cv.setUint16(6, 20, true);
      cv.setUint16(8, flags, true);
      cv.setUint16(10, e.method, true);
      cv.setUint16(12, e.time, true);
      cv.setUint16(14, e.date, true);
      cv.setUint32(16, e.crc, true);
      cv.setUint32(20, e.compressedSize, true);
      cv.setUint32(24, e.size, true);
      cv.setUint16(28, nameBytes.length, true);
      cv.setUint32(38, e.externalAttrs, true);
      cv.setUint32(42, offset, true);
      cd.set(nameBytes, 46);
      parts.push(local, data);
      central.push(cd);
      offset += local.length + data.length;
    };
    const replaced = new Set<string>();
    const fresh = (name: string, content: Uint8Array, like?: ZipEntry) => {
      const deflated = flate().deflateSync(content, { level: 6 });
      emit(
        name,
        {
          method: 8,
          flags: like ? like.flags & 0x0800 : 0,
          crc: crc32(content),
          compressedSize: deflated.length,
          size: content.length,
          time: like?.time ?? 0,
          date: like?.date ?? 0x21, // 1980-01-01
          externalAttrs: like?.externalAttrs ?? 0,
          versionMadeBy: like?.versionMadeBy ?? 20,
        },
        deflated,
      );
    };
    const key = (n: string) => n.replace(/^\//, "").toLowerCase();
    const replace = new Map([...changes.replace].map(([k, v]) => [key(k), { name: k.replace(/^\//, ""), v }]));
    const remove = new Set([...changes.remove].map(key));
    const kept = new Map([...(changes.stored ?? [])].map(([k, v]) => [key(k), v]));
    // a part stored twice: the entry the reader read is replaced, the other copy stays as it was
    const targets = new Set([...replace.values()].map((r) => this.entry(r.name)));
    for (const e of this.entries) {
      const k = key(e.name);
      if (remove.has(k)) continue;
      const r = targets.has(e) ? replace.get(k) : undefined;
      const was = this.stored(e);
      if (replace.has(k)) replaced.add(k);
      if (r) {
        // content that is what the entry holds, or what an entry kept from before held: those bytes, as they were
        const same = was && this.holds(e, r.v) ? was : storedHolding(kept.get(k), r.v);
        if (same) copy(same);
        else fresh(e.name, r.v, e);
      } else if (was) {
        copy(was);
      } else {
        emit(e.name, e, this.bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize));
      }
    }
    for (const [k, r] of replace) if (!replaced.has(k)) fresh(r.name, r.v);
    const cdSize = central.reduce((n, c) => n + c.length, 0);
    const end = new Uint8Array(22 + this.comment.length);
    const ev = new DataView(end.buffer);
    ev.setUint32(0, 0x06054b50, true);
    ev.setUint16(8, central.length, true);
    ev.setUint16(10, central.length, true);
    ev.setUint32(12, cdSize, true);
    ev.setUint32(16, offset, true);
    ev.setUint16(20, this.comment.length, true);
    end.set(this.comment, 22);
    const out = new Uint8Array(offset + cdSize + end.length);
    let o = 0;
    for (const p of [...parts, ...central, end]) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }
}

/** Whether a stored entry's bytes (method 0 or 8) inflate to exactly `content`. */
function inflatesTo(method: number, data: Uint8Array, content: Uint8Array): boolean {
  if (method === 0) return data.length === content.length && data.every((v, i) => v === content[i]);
  if (method !== 8) return false;
  try {
    // one byte more than expected: an entry that inflates past `content` is not it
    const out = flate().inflateSync(data, { out: new Uint8Array(content.length + 1) });
    return out.length === content.length && out.every((v, i) => v === content[i]);
  } catch {
    return false;
  }
}

/**
 * A blob of ZipArchive.storedEntry, when it is a well-formed entry holding exactly `content` (CRC, size and inflated
 * bytes alike); otherwise null.
 */
function storedHolding(blob: Uint8Array | undefined, content: Uint8Array): { local: Uint8Array; central: Uint8Array } | null {
  if (!blob || blob.length < 4 + 46 + 30) return null;
  const cdLen = u32(blob, 0);
  if (cdLen < 46 || 4 + cdLen + 30 > blob.length) return null;
  const cd = blob.subarray(4, 4 + cdLen);
  const local = blob.subarray(4 + cdLen);
  if (u32(cd, 0) !== 0x02014b50 || u32(local, 0) !== 0x04034b50) return null;
  if (u32(cd, 16) !== crc32(content) || u32(cd, 24) !== content.length) return null;
  const dataAt = 30 + u16(local, 26) + u16(local, 28);
  const compressed = u32(cd, 20);
  if (dataAt + compressed > local.length) return null;
  if (!inflatesTo(u16(cd, 10), local.subarray(dataAt, dataAt + compressed), content)) return null;
  return { local, central: cd };
}

/** Parts that hold XML by their name: read as text in the encoding they start with. */
const TEXT_PART = /\.(?:xml|rels|vml)$/i;

/** How an XML part's text is encoded: UTF-16 when it starts so (a byte-order mark, or "<" as two bytes), else UTF-8. */
export interface TextEncoding {
  kind: "utf-8" | "utf-16le" | "utf-16be";
  bom: boolean;
}

function encodingOf(b: Uint8Array): TextEncoding {
  if (b.length >= 2) {
    if (b[0] === 0xff && b[1] === 0xfe) return { kind: "utf-16le", bom: true };
    if (b[0] === 0xfe && b[1] === 0xff) return { kind: "utf-16be", bom: true };
    if (b[0] === 0x3c && b[1] === 0x00) return { kind: "utf-16le", bom: false };
    if (b[0] === 0x00 && b[1] === 0x3c) return { kind: "utf-16be", bom: false };
  }
  return { kind: "utf-8", bom: b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf };
}

/** The encoding an XML declaration names: [whole, up to the value, quote, value]. */
const DECLARED = /^(\uFEFF?<\?xml\b[^?]*?\sencoding\s*=\s*)(["'])([^"']*)\2/;

/** Text as bytes in an encoding read: UTF-16 (either order) or UTF-8, with a byte-order mark if it had one. */
function encodeAs(text: string, enc: TextEncoding): Uint8Array {
  if (enc.kind === "utf-8") {
    const body = new TextEncoder().encode(text);
    if (!enc.bom) return body;
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf], 0);
    out.set(body, 3);
    return out;
  }
  const t = enc.bom ? "\ufeff" + text : text;
  const out = new Uint8Array(t.length * 2);
  const [lo, hi] = enc.kind === "utf-16le" ? [0, 1] : [1, 0];
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    out[2 * i + lo] = c & 0xff;
    out[2 * i + hi] = c >>> 8;
  }
  return out;
}

/**
 * CRC-32 tables for slicing by 8: table k (at k * 256) gives the CRC of a byte followed by k zero bytes, so that eight
 * bytes are taken per step (the browser has no native CRC; this is several times faster than a byte a step).
 */
let CRC_TABLES: Uint32Array | null = null;

function crcTables(): Uint32Array {
  const t = new Uint32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let k = 1; k < 8; k++)
    for (let n = 0; n < 256; n++) {
      const prev = t[(k - 1) * 256 + n];
      t[k * 256 + n] = (prev >>> 8) ^ t[prev & 0xff];
    }
  return t;
}

/** CRC-32 (zip's) of `data`, or of what came before it (whose CRC is `crc`) followed by it. */
export function crc32(data: Uint8Array, crc = 0): number {
  if (fast?.crc32) return fast.crc32(data, crc);
  const t = (CRC_TABLES ??= crcTables());
  let c = (crc ^ 0xffffffff) >>> 0;
  const n = data.length;
  let i = 0;
  for (const end = n - 7; i < end; i += 8) {
    const a = c ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
    c =
      t[1792 + (a & 0xff)] ^
      t[1536 + ((a >>> 8) & 0xff)] ^
      t[1280 + ((a >>> 16) & 0xff)] ^
      t[1024 + (a >>> 24)] ^
      t[768 + data[i + 4]] ^
      t[512 + data[i + 5]] ^
      t[256 + data[i + 6]] ^
      t[data[i + 7]];
  }
  for (; i < n; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Where the end-of-central-directory record starts (22 bytes + a comment of at most 65535, searched from the end),
 * or -1 when there is none.
 */
export function endOfCentralDirectory(b: Uint8Array): number {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= min; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) return i;
  }
  return -1;
}
