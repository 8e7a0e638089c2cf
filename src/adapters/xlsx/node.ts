/**
 * Node-only file helpers for the xlsx adapter (the CLI, tests, the bench). Not for the browser bundle.
 */
import { promises as fs } from "fs";
import { UserError } from "../../core/errors";
import { loadXlsx, type XlsxBook } from "./index";

/** Reads a file's bytes; a missing path, a folder or an unreadable file is a UserError. */
export async function readInputFile(file: string): Promise<Uint8Array> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      throw new UserError(`找不到文件：${file}`, `File not found: ${file}`, "missing");
    }
    if (code === "EACCES" || code === "EPERM") {
      throw new UserError(`没有权限读取文件：${file}`, `No permission to read the file: ${file}`, "unreadable");
    }
    throw new UserError(`无法读取文件：${file}（${code ?? "?"}）`, `Cannot read the file: ${file} (${code ?? "?"})`, "unreadable");
  }
  if (stat.isDirectory()) {
    throw new UserError(`这是一个文件夹，不是 .xlsx 文件：${file}`, `This is a folder, not an .xlsx file: ${file}`, "not-file");
  }
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`无法读取文件：${file}（${code ?? "?"}）`, `Cannot read the file: ${file} (${code ?? "?"})`, "unreadable");
  }
}

/** Reads and loads an .xlsx file (UserError for every kind of bad input). */
export async function readXlsxFile(file: string): Promise<XlsxBook> {
  return loadXlsx(await readInputFile(file));
}

