import { isUserError } from "../core/errors";
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
}

/** The real process's streams. */
export function processIO(): CliIO {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
  };
}

/** Exit codes of every jixiao command. */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;
/** `report`: the table's figures break a rule; nothing written until --fill or --as-is says which figures to state. */
export const EXIT_FIGURES_DIFFER = 3;

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
