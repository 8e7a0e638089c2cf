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
