/** Runs the CLI in-process (main(argv, io)) with captured output, in a temporary working directory. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(argv: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd,
    env,
  });
  return { code, stdout, stderr };
}

export function tempDir(prefix = "jixiao-cli-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Files in a directory (names), to prove nothing was written. */
export function listFiles(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

/** A one-line message in Chinese and English, no stack trace. */
export function expectOneLineZhEn(stderr: string): void {
  expect(stderr.endsWith("\n")).toBe(true);
  const body = stderr.slice(0, -1);
  expect(body).not.toContain("\n");
  expect(body).toMatch(/[\u4e00-\u9fff]/);
  expect(body).toMatch(/ \/ .*[A-Za-z]{3}/);
  expect(body).not.toMatch(/\bat .+:\d+:\d+/);
}

/** What a piece of work cost: its own CPU time (user + system, every thread of this process) and its wall time, ms. */
export interface Cost {
  cpuMs: number;
  wallMs: number;
}

export async function costOf<T>(fn: () => Promise<T>): Promise<{ result: T } & Cost> {
  const t = performance.now();
  const c0 = process.cpuUsage();
  const result = await fn();
  const c = process.cpuUsage(c0);
  return { result, cpuMs: (c.user + c.system) / 1000, wallMs: performance.now() - t };
}

/**
 * A time bound that a shared machine's load does not break: the work's own CPU time under `ms`, and its wall time
 * under three times that (past it, the work hung or waited on nothing).
 */
export function expectWithin(cost: Cost, ms: number): void {
  expect(cost.cpuMs).toBeLessThan(ms);
  expect(cost.wallMs).toBeLessThan(3 * ms);
}

/** costOf for work that does not wait. */
export function costOfSync<T>(fn: () => T): { result: T } & Cost {
  const t = performance.now();
  const c0 = process.cpuUsage();
  const result = fn();
  const c = process.cpuUsage(c0);
  return { result, cpuMs: (c.user + c.system) / 1000, wallMs: performance.now() - t };
}
