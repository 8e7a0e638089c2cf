import * as fs from "fs";
import { promises as fsp } from "fs";
import * as path from "path";
import { isUserError } from "../core/errors";
import { userError } from "../core/messages";
import { oneLine } from "./format";
/**
 * What a CLI command sees of the outside world, so commands run in tests without spawning a process.
 * `main(argv, io)` and `runReport(argv, io)` (src/cli/report.ts) both take this.
 */
export interface CliIO {
  /** Writes text to standard output (no newline added). */
  stdout(text: string): void;
  /** Writes text to standard error (no newline added). */
  stderr(text: string): void;
  /** Directory relative paths are resolved against (default: process.cwd()). */
  cwd?: string;
  /** Environment (JIXIAO_DEBUG=1 prints stacks of internal errors); default process.env. */
  env?: Record<string, string | undefined>;
  /** True when standard error is a terminal (a batch then shows its progress there). */
  stderrIsTTY?: boolean;
  /**
   * Writes this program's own terminal control sequences (a progress bar's carriage return and line clear) to standard
   * error as they are; default stderr. Never workbook text: that goes through stdout/stderr, shown escaped.
   */
  stderrControl?(text: string): void;
  /**
   * Writes a JSON document (JSON.stringify's text) to standard output; default stdout. safeIO escapes it as JSON
   * without parsing it again to tell it from text (a batch's JSON runs to megabytes).
   */
  stdoutJson?(json: string): void;
}

/** The real process's streams. */
export function processIO(): CliIO {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    stderrIsTTY: !!process.stderr.isTTY,
  };
}

/** Exit codes of every jixiao command. */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;
/** check --fail-on: a finding at that severity or above exists (or a file could not be read). */
export const EXIT_FINDINGS = 3;
/** `report`: the table's figures break a rule; nothing written until --fill or --as-is says which figures to state. */
export const EXIT_FIGURES_DIFFER = 4;

/**
 * What the command says when it fails: a UserError is one line in Chinese and English (exit 2); anything else is an
 * internal error in one line (exit 1), with the stack only when JIXIAO_DEBUG=1.
 */
export function failure(e: unknown, io: CliIO): number {
  const env = io.env ?? process.env;
  if (isUserError(e)) {
    io.stderr(`jixiao：${oneLine(e.zh)} / ${oneLine(e.en)}\n`);
    return EXIT_BAD_INPUT;
  }
  const msg = oneLine(e instanceof Error ? e.message : String(e)).slice(0, 200);
  io.stderr(
    `jixiao：内部错误（${msg}），请把文件和这条信息反馈给开发者；设置 JIXIAO_DEBUG=1 可显示详情。 / ` +
      `jixiao: internal error (${msg}); please report it with the file. Set JIXIAO_DEBUG=1 for details.\n`,
  );
  if (env.JIXIAO_DEBUG === "1" && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
  return EXIT_INTERNAL;
}

/**
 * Characters a terminal acts on rather than shows: C0 controls but tab and line feed (a carriage return too: it
 * would let text overwrite its line), DEL, C1 controls, and the bidirectional marks, overrides and isolates (a cell's
 * text must not recolour the terminal, rewrite what a reviewer sees or reorder what follows it).
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Inside JSON strings: the same, and the line separators JavaScript once treated as line ends. */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** Human output: each control character shown as a visible escape, ESC as \u{1B}, U+202E as \u{202E}. */
export function terminalText(text: string): string {
  return text.replace(CONTROL, (c) => `\\u{${c.charCodeAt(0).toString(16).toUpperCase()}}`);
}

/** JSON output (already JSON.stringify'd, which escapes C0): the rest escaped as \uXXXX — the same JSON value. */
export function jsonText(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function looksLikeJson(text: string): boolean {
  const t = text.trim();
  if (!((t.startsWith("{") && t.endsWith("}")) || (t.startsWith("[") && t.endsWith("]")))) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

/**
 * The streams as every command should use them: human text with control characters shown as visible escapes, JSON (a
 * whole document written at once, as --json does) with them escaped as JSON does — the same JSON value. `main` wraps
 * the io it is given with this.
 */
export function safeIO(io: CliIO): CliIO {
  if ((io as { safe?: boolean }).safe) return io;
  return {
    ...io,
    stdout: (t) => io.stdout(looksLikeJson(t) ? jsonText(t) : terminalText(t)),
    stdoutJson: (t) => io.stdout(jsonText(t)),
    stderr: (t) => io.stderr(terminalText(t)),
    stderrControl: (t) => (io.stderrControl ?? io.stderr)(t),
    safe: true,
  } as CliIO;
}

/**
 * Writes an output file all at once and safely:
 * - a symbolic link is written through: its target gets the new content, the link stays;
 * - an existing output that is not a regular file (a folder, a FIFO, a device) or that is read-only is refused (exit 2);
 * - the new file keeps the mode of the file it replaces, or else of `modeOf` (the input), so 0600 stays 0600;
 * - the bytes go to a temporary file next to the target, which is fsynced, then renamed over it (the folder is fsynced
 *   too where the system allows): a failure at any point leaves the old file as it was.
 */
export async function writeOutputFile(file: string, bytes: Uint8Array, opts: { modeOf?: string } = {}): Promise<void> {
  const target = await throughLinks(file);
  const dir = path.dirname(target);
  try {
    const st = await fsp.stat(dir);
    if (!st.isDirectory()) throw new Error("not a directory");
  } catch {
    throw userError("output-no-folder", { dir });
  }
  let mode: number | undefined;
  const existing = await fsp.stat(target).catch(() => null);
  if (existing) {
    if (existing.isDirectory()) throw userError("output-is-folder", { file });
    if (!existing.isFile()) {
      throw userError("output-not-file", { file });
    }
    try {
      await fsp.access(target, fs.constants.W_OK);
    } catch {
      throw userError("output-read-only", { file });
    }
    if ((existing.mode & 0o222) === 0) {
      throw userError("output-read-only", { file });
    }
    mode = existing.mode & 0o7777;
  } else if (opts.modeOf) {
    const input = await fsp.stat(opts.modeOf).catch(() => null);
    if (input?.isFile()) mode = input.mode & 0o7777;
  }
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  let handle: fsp.FileHandle | null = null;
  try {
    handle = await fsp.open(tmp, "wx", mode ?? 0o666);
    await handle.writeFile(bytes);
    if (mode !== undefined) await handle.chmod(mode); // the umask does not narrow a kept mode
    await handle.sync();
    await handle.close();
    handle = null;
    await fsp.rename(tmp, target);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    throw userError("output-write-failed", { file, reason: code ?? "?" });
  }
  try {
    const d = await fsp.open(dir, "r");
    await d.sync().catch(() => undefined);
    await d.close();
  } catch {
    /* some systems cannot open a folder for sync: the rename is still atomic */
  }
}

/** The path a write lands on: symbolic links followed (also a dangling one, to where it points). */
async function throughLinks(file: string): Promise<string> {
  let p = path.resolve(file);
  for (let i = 0; i < 40; i++) {
    const st = await fsp.lstat(p).catch(() => null);
    if (!st || !st.isSymbolicLink()) return p;
    p = path.resolve(path.dirname(p), await fsp.readlink(p));
  }
  throw userError("output-link-loop", { file });
}
