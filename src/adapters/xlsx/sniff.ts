/**
 * Tells what a file is from its bytes, before the reader sees it, so bad input gets a clear message:
 * an .xlsx is a zip holding xl/workbook.xml; an encrypted .xlsx and an old .xls are OLE2 compound files (CFB).
 * Pure byte inspection (works in Node and in the browser), and the error that says what a file that is not an
 * .xlsx is.
 */

import type { UserError } from "../../core/errors";
import { userError } from "../../core/messages";
import { endOfCentralDirectory, entryName } from "./zip";

export type SniffResult =
  | { kind: "xlsx" }
  | { kind: "empty" }
  /** A zip whose end record is missing or whose directory points past the end: cut short or damaged. */
  | { kind: "truncated" }
  /** A valid zip that is not a workbook: what it seems to be instead. */
  | { kind: "zip-other"; what: "docx" | "pptx" | "ods" | "odf" | "xlsb" | "zip" }
  /** CFB container holding EncryptionInfo / EncryptedPackage: an Office file protected by a password. */
  | { kind: "encrypted" }
  /** CFB container holding a Workbook / Book stream: Excel 97–2003 .xls. */
  | { kind: "xls" }
  /** Some other CFB file (.doc, .ppt, .msg …). */
  | { kind: "cfb-other"; what: "doc" | "ppt" | "cfb" }
  /** Not a zip and not a CFB file. */
  | { kind: "other"; what: "text" | "html" | "xml" | "pdf" | "binary" };

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}

function startsWith(b: Uint8Array, sig: number[]): boolean {
  if (b.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[i] !== sig[i]) return false;
  return true;
}

export function sniff(data: ArrayBuffer | Uint8Array): SniffResult {
  const b = toBytes(data);
  if (b.length === 0) return { kind: "empty" };
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) return sniffZip(b);
  if (startsWith(b, CFB_MAGIC)) return sniffCfb(b);
  if (b.length < 8 && startsWith(b, [0x50, 0x4b])) return { kind: "truncated" };
  return { kind: "other", what: guessOther(b) };
}

function guessOther(b: Uint8Array): "text" | "html" | "xml" | "pdf" | "binary" {
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46])) return "pdf";
  const head = new TextDecoder("utf-8", { fatal: false }).decode(b.subarray(0, Math.min(b.length, 512))).replace(/^\uFEFF/, "");
  const lower = head.trimStart().toLowerCase();
  if (lower.startsWith("<?xml")) return lower.includes("<html") ? "html" : "xml";
  if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.startsWith("<table")) return "html";
  // Text: no NUL bytes and few control characters in the first 512 bytes.
  const sample = b.subarray(0, Math.min(b.length, 512));
  let control = 0;
  for (const x of sample) {
    if (x === 0) return "binary";
    if (x < 9 || (x > 13 && x < 32)) control++;
  }
  return control <= sample.length / 20 ? "text" : "binary";
}

/** Reads the zip's central directory (names only), without inflating anything. */
export function zipEntryNames(b: Uint8Array): string[] | null {
  const eocd = endOfCentralDirectory(b);
  if (eocd < 0) return null;
  const count = u16(b, eocd + 10);
  const cdSize = u32(b, eocd + 12);
  const cdOffset = u32(b, eocd + 16);
  if (cdOffset === 0xffffffff || count === 0xffff) return []; // zip64: not checked further
  if (cdOffset + cdSize > eocd) return null;
  const names: string[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || u32(b, p) !== 0x02014b50) return null;
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const localOffset = u32(b, p + 42);
    if (localOffset + 30 > cdOffset || u32(b, localOffset) !== 0x04034b50) return null;
    names.push(entryName(b, p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

function sniffZip(b: Uint8Array): SniffResult {
  const names = zipEntryNames(b);
  if (names === null) return { kind: "truncated" };
  if (names.length === 0 && b.length > 22) return { kind: "xlsx" }; // zip64: let the reader decide
  // the names without a leading "/"
  const set = new Set<string>();
  for (let i = 0; i < names.length; i++) set.add(names[i].charCodeAt(0) === 0x2f ? names[i].slice(1) : names[i]);
  if (set.has("xl/workbook.xml")) return { kind: "xlsx" };
  if (set.has("xl/workbook.bin")) return { kind: "zip-other", what: "xlsb" };
  if (set.has("word/document.xml")) return { kind: "zip-other", what: "docx" };
  if (set.has("ppt/presentation.xml")) return { kind: "zip-other", what: "pptx" };
  if (set.has("content.xml") && set.has("mimetype")) {
    const mt = new TextDecoder().decode(b.subarray(38, 38 + 60));
    return { kind: "zip-other", what: mt.includes("spreadsheet") ? "ods" : "odf" };
  }
  return { kind: "zip-other", what: "zip" };
}

/** Names of the entries in a CFB (OLE2) container's directory, or null when it cannot be read. */
export function cfbEntryNames(b: Uint8Array): string[] | null {
  if (b.length < 512) return null;
  const shift = u16(b, 0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectorOffset = (id: number) => (id + 1) * sectorSize;
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const id = u32(b, 0x4c + i * 4);
    if (id >= 0xfffffffa) break;
    fatSectors.push(id);
  }
  // Further DIFAT sectors (very large files).
  let difat = u32(b, 0x44);
  let guard = 0;
  while (difat < 0xfffffffa && guard++ < 1000) {
    const o = sectorOffset(difat);
    if (o + sectorSize > b.length) return null;
    for (let i = 0; i < sectorSize / 4 - 1; i++) {
      const id = u32(b, o + i * 4);
      if (id < 0xfffffffa) fatSectors.push(id);
    }
    difat = u32(b, o + sectorSize - 4);
  }
  const next = (id: number): number | null => {
    const perSector = sectorSize / 4;
    const fs = fatSectors[Math.floor(id / perSector)];
    if (fs === undefined) return null;
    const o = sectorOffset(fs) + (id % perSector) * 4;
    if (o + 4 > b.length) return null;
    return u32(b, o);
  };
  const names: string[] = [];
  let dir = u32(b, 0x30);
  guard = 0;
  while (dir < 0xfffffffa) {
    if (guard++ > 100000) return null;
    const o = sectorOffset(dir);
    if (o + sectorSize > b.length) return null;
    for (let e = 0; e < sectorSize / 128; e++) {
      const eo = o + e * 128;
      const len = u16(b, eo + 0x40);
      const type = b[eo + 0x42];
      if (type === 0 || len < 2 || len > 64) continue;
      let name = "";
      for (let k = 0; k < len - 2; k += 2) name += String.fromCharCode(u16(b, eo + k));
      names.push(name);
    }
    const n = next(dir);
    if (n === null) return null;
    dir = n;
  }
  return names;
}

/** UTF-16LE search, for CFB files too damaged for the directory to be read. */
function containsUtf16(b: Uint8Array, text: string): boolean {
  const pat: number[] = [];
  for (const ch of text) pat.push(ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8);
  outer: for (let i = 0; i + pat.length <= b.length; i++) {
    for (let k = 0; k < pat.length; k++) if (b[i + k] !== pat[k]) continue outer;
    return true;
  }
  return false;
}

function sniffCfb(b: Uint8Array): SniffResult {
  const names = cfbEntryNames(b);
  if (hasStream(b, names, "EncryptionInfo") || hasStream(b, names, "EncryptedPackage")) return { kind: "encrypted" };
  if (hasStream(b, names, "Workbook") || hasStream(b, names, "Book")) return { kind: "xls" };
  if (hasStream(b, names, "WordDocument")) return { kind: "cfb-other", what: "doc" };
  if (hasStream(b, names, "PowerPoint Document")) return { kind: "cfb-other", what: "ppt" };
  return { kind: "cfb-other", what: "cfb" };
}

/** A stream of the compound file by its name (any case), or, with no directory read, the name anywhere in it. */
function hasStream(b: Uint8Array, names: string[] | null, n: string): boolean {
  if (!names) return containsUtf16(b, n);
  for (let i = 0; i < names.length; i++) if (names[i].toLowerCase() === n.toLowerCase()) return true;
  return false;
}

/** The error for a sniffed file that is not a readable .xlsx, or null when it looks like one. */
export function sniffError(s: SniffResult): UserError | null {
  switch (s.kind) {
    case "xlsx":
      return null;
    case "empty":
      return userError("empty");
    case "truncated":
      return userError("truncated");
    case "encrypted":
      return userError("encrypted");
    case "xls":
      return userError("xls");
    case "cfb-other":
      return userError(`not-xlsx-${s.what}`);
    case "zip-other":
      return userError(`not-xlsx-${s.what}`);
    case "other":
      return userError(`not-xlsx-${s.what}`);
  }
}
