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
