/**
 * Node-only file helpers for the xlsx adapter (the CLI, tests, the bench). Not for the browser bundle.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import type { ReportBlock } from "../../core/compare";
import type { UserError } from "../../core/errors";
import { userError } from "../../core/messages";
import { loadXlsx, loadXlsxSync, type XlsxBook } from "./index";
import { readDocxBlocks } from "./docxText";
import { setFastCodec, type FastCodec } from "./zip";

/**
 * In Node the zip's parts inflate through zlib (native, a few times fflate's speed) and their CRC-32 too, where this
 * Node has zlib.crc32 (20.15 and later); the browser keeps fflate.
 */
const nativeCrc = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
export const NODE_CODEC: FastCodec = {
  inflateRaw(data, max) {
    try {
      // into one buffer a byte larger than the bound (never grown, never joined from pieces): half the memory and time
      const out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, max), chunkSize: Math.max(64, max + 1) });
      return out.length > max ? null : new Uint8Array(out.buffer, out.byteOffset, out.length);
    } catch {
      return null;
    }
  },
  crc32: nativeCrc ? (data, crc) => nativeCrc(data, crc) : undefined,
};
setFastCodec(NODE_CODEC);

function statError(file: string, e: unknown): UserError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") {
    return userError("missing", { file });
  }
  if (code === "EACCES" || code === "EPERM") {
    return userError("read-denied", { file });
  }
  return readError(file, e);
}

function readError(file: string, e: unknown): UserError {
  const code = (e as NodeJS.ErrnoException).code;
  return userError("read-failed", { file, reason: code ?? "?" });
}

function folderError(file: string): UserError {
  return userError("not-file", { file });
}

/**
 * Reads a file's bytes; a missing path, a folder or an unreadable file is a UserError. Read synchronously all the same:
 * one workbook, read whole, costs a few times less CPU without the hops through libuv's thread pool.
 */
export async function readInputFile(file: string): Promise<Uint8Array> {
  return readInputFileSync(file);
}

/** readInputFile, synchronously (a batch's worker threads read and check each file in turn). */
export function readInputFileSync(file: string): Uint8Array {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    throw statError(file, e);
  }
  if (stat.isDirectory()) throw folderError(file);
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch (e) {
    throw readError(file, e);
  }
}

/** Reads and loads an .xlsx file (UserError for every kind of bad input). */
export async function readXlsxFile(file: string): Promise<XlsxBook> {
  return loadXlsx(await readInputFile(file));
}

/** readXlsxFile, synchronously (see readInputFileSync). */
export function readXlsxFileSync(file: string): XlsxBook {
  return loadXlsxSync(readInputFileSync(file));
}

/** Reads a .docx file's text blocks (UserError for a missing path or anything that is not a readable .docx). */
export async function readDocxFile(file: string): Promise<ReportBlock[]> {
  return readDocxBlocks(await readInputFile(file), path.basename(file));
}

/** readDocxFile, synchronously (a batch lane). */
export function readDocxFileSync(file: string): ReportBlock[] {
  return readDocxBlocks(readInputFileSync(file), path.basename(file));
}
