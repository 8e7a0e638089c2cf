/**
 * Node-only file helpers for the xlsx adapter (the CLI, tests, the bench). Not for the browser bundle.
 */
import * as fs from "fs";
import * as path from "path";
import type { ReportBlock } from "../../core/compare";
import type { UserError } from "../../core/errors";
import { userError } from "../../core/messages";
import { loadXlsx, loadXlsxSync, type XlsxBook } from "./index";
import { readDocxBlocks } from "./docxText";

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

/** Reads a file's bytes; a missing path, a folder or an unreadable file is a UserError. */
export async function readInputFile(file: string): Promise<Uint8Array> {
  let stat;
  try {
    stat = await fs.promises.stat(file);
  } catch (e) {
    throw statError(file, e);
  }
  if (stat.isDirectory()) throw folderError(file);
  try {
    return new Uint8Array(await fs.promises.readFile(file));
  } catch (e) {
    throw readError(file, e);
  }
}

/**
 * readInputFile without the thread pool: for a batch's worker threads, where each file is read and checked in turn
 * and an asynchronous read only adds hops through libuv's pool (shared by every thread of the process).
 */
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
