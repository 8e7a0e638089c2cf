/**
 * One fuzz case through every command, in-process (src/cli/main.ts `main`), in a temporary folder, and the
 * properties each must keep: exit 0 or a clear exit 2 (never 1, never a stack trace, never 内部错误); within the
 * time bound; the input never written; JSON output that parses; every written part parses; nothing outside the
 * plan changes; fill twice = fill once; mark changes no value or formula; mark then clear = the input, byte for byte.
 * Returns the violations found (empty: the case passes) — no jest here, so scripts/fuzz.ts runs it too.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { changedCells, newDuplicates, partsOf, readCells, unparsedWrittenParts, type CellMap } from "./oracle";

export interface Violation {
  command: string;
  property: string;
  detail: string;
}

export interface CaseOptions {
  /** Also `report --as-is` (a .docx: slower). */
  report?: boolean;
  /** Also `report --fill` on a copy of the input. */
  reportFill?: boolean;
  /**
   * Per-command time bound, ms (default 10 s), on the command's own CPU time (every thread of this process): on a
   * shared machine its wall time also counts other processes' turns. A wall time past three times the bound is a hang.
   */
  timeLimitMs?: number;
}

export interface CaseResult {
  violations: Violation[];
  /** Exit code of each command run. */
  exits: Record<string, number>;
  /** Milliseconds of each command run. */
  times: Record<string, number>;
  /** Outputs kept for a LibreOffice look (paths inside `dir`), when the caller keeps the folder. */
  outputs: string[];
  dir: string;
}

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  /** CPU time of this process while the command ran (user + system, all threads), ms. */
  cpuMs: number;
}

async function cli(argv: string[], cwd: string): Promise<Ran> {
  let stdout = "";
  let stderr = "";
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, env: {} });
  const c = process.cpuUsage(c0);
  return { code, stdout, stderr, ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
}

const STACK = /\bat .+:\d+:\d+|\n\s+at /;
/** What a terminal acts on rather than shows: C0 but tab and line feed, DEL, C1, bidi overrides and isolates. */
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

function safeParts(bytes: Uint8Array): Record<string, Uint8Array> | null {
  try {
    return partsOf(bytes);
  } catch {
    return null;
  }
}
function safeCells(parts: Record<string, Uint8Array> | null): Map<string, CellMap> | null {
  if (!parts) return null;
  try {
    return readCells(parts);
  } catch {
    return null;
  }
}

/** The cells a fill's JSON says it planned, by sheet. */
function planned(json: unknown): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const sheets = (json as { sheets?: { sheet: string; changes: { cell: string }[] }[] }).sheets ?? [];
  for (const s of sheets) {
    const set = out.get(s.sheet) ?? new Set<string>();
    for (const c of s.changes) set.add(c.cell);
    out.set(s.sheet, set);
  }
  return out;
}

/**
 * Where the cases run: JIXIAO_FUZZ_TMP, else /dev/shm where there is one (the commands fsync every file they write,
 * which memory makes free), else the system's temporary folder.
 */
function tempRoot(): string {
  const given = process.env.JIXIAO_FUZZ_TMP;
  if (given) return given;
  try {
    fs.accessSync("/dev/shm", fs.constants.W_OK);
    return "/dev/shm";
  } catch {
    return os.tmpdir();
  }
}

export async function runCase(input: Uint8Array, opts: CaseOptions = {}, keep = false): Promise<CaseResult> {
  const limit = opts.timeLimitMs ?? 10_000;
  const dir = fs.mkdtempSync(path.join(tempRoot(), "jixiao-fuzz-"));
  const violations: Violation[] = [];
  const exits: Record<string, number> = {};
  const times: Record<string, number> = {};
  const outputs: string[] = [];
  const at = (f: string) => path.join(dir, f);
  fs.writeFileSync(at("in.xlsx"), input);
  const inParts = safeParts(input);
  const inCells = safeCells(inParts);
  const say = (command: string, property: string, detail: string) => violations.push({ command, property, detail: detail.slice(0, 400) });

  /** Runs one command and checks what every command must keep; returns the parsed JSON on exit 0. */
  const step = async (name: string, argv: string[], out: string | null, ok: number[] = [0, 2], watch = "in.xlsx"): Promise<unknown> => {
    const before = fs.readFileSync(at(watch));
    const r = await cli(argv, dir);
    exits[name] = r.code;
    times[name] = Math.round(r.ms);
    if (!ok.includes(r.code)) say(name, "exit", `exit ${r.code}: ${r.stderr.trim()}`);
    if (/内部错误|internal error/.test(r.stderr + r.stdout)) say(name, "internal-error", r.stderr.trim());
    if (STACK.test(r.stderr) || STACK.test(r.stdout)) say(name, "stack-trace", r.stderr.trim());
    if (r.cpuMs > limit || r.ms > 3 * limit) say(name, "time", `${Math.round(r.cpuMs)} ms CPU, ${Math.round(r.ms)} ms wall`);
    if (!same(before, fs.readFileSync(at(watch)))) say(name, "input-written", `${watch} changed`);
    if (r.code === 2) {
      const line = r.stderr.replace(/\n$/, "");
      if (line.includes("\n") || !/[\u4e00-\u9fff]/.test(line) || !/ \/ .*[A-Za-z]{3}/.test(line))
        say(name, "message", JSON.stringify(r.stderr));
      if (out && fs.existsSync(at(out))) say(name, "written-on-failure", out);
    }
    if (r.code !== 0) return null;
    if (out && !fs.existsSync(at(out))) say(name, "no-output", out);
    try {
      return JSON.parse(r.stdout);
    } catch (e) {
      say(name, "json", `${String(e)}: ${r.stdout.slice(0, 200)}`);
      return null;
    }
  };

  /** The written file: its parts parse, and its cells against the input's outside `allowed`. */
  const written = (name: string, file: string, base: Map<string, CellMap> | null, allowed?: Map<string, Set<string>>) => {
    const bytes = fs.readFileSync(at(file));
    const parts = safeParts(bytes);
    if (!parts) {
      // a damaged part the command did not read is passed through as it was: only a readable input must give a readable output
      if (inParts) say(name, "output-zip", `${file} is not a readable zip`);
      return null;
    }
    for (const bad of unparsedWrittenParts(inParts, parts)) say(name, "part-parses", bad);
    const cells = safeCells(parts);
    if (base && cells) {
      const diffs = changedCells(base, cells, allowed ?? new Map());
      if (diffs.length) say(name, "outside-plan", `${diffs.length} cells: ${diffs.slice(0, 3).join("; ")}`);
      const dups = newDuplicates(base, cells);
      if (dups.length) say(name, "duplicate-cells", dups.slice(0, 5).join(", "));
    }
    outputs.push(file);
    return cells;
  };

  try {
    await step("check", ["check", "in.xlsx", "--json"], null);
    // the same as text, as a terminal shows it: the workbook's text only escaped
    const before = fs.readFileSync(at("in.xlsx"));
    const text = await cli(["check", "in.xlsx"], dir);
    exits["check (text)"] = text.code;
    times["check (text)"] = Math.round(text.ms);
    if (text.code !== exits.check) say("check (text)", "exit", `exit ${text.code}, with --json ${exits.check}: ${text.stderr.trim()}`);
    const unsafe = TERMINAL_UNSAFE.exec(text.stdout + text.stderr);
    if (unsafe) say("check (text)", "terminal", `U+${unsafe[0].charCodeAt(0).toString(16).padStart(4, "0")} reaches the terminal`);
    if (!same(before, fs.readFileSync(at("in.xlsx")))) say("check (text)", "input-written", "in.xlsx changed");

    let f1: Map<string, CellMap> | null = null;
    const fill1 = await step("fill", ["fill", "in.xlsx", "-o", "f1.xlsx", "--json"], "f1.xlsx");
    if (fill1) {
      f1 = written("fill", "f1.xlsx", inCells, planned(fill1));
      const fill2 = (await step("fill again", ["fill", "f1.xlsx", "-o", "f2.xlsx", "--json"], "f2.xlsx", [0], "f1.xlsx")) as {
        changed?: number;
      } | null;
      if (fill2) {
        if (fill2.changed !== 0)
          say(
            "fill again",
            "fill-twice",
            `the second fill changed ${fill2.changed} cells: ${JSON.stringify(planned(fill2) ? [...planned(fill2)].map(([s, c]) => [s, [...c]]) : [])}`.slice(
              0,
              300,
            ),
          );
        const f2 = written("fill again", "f2.xlsx", f1, new Map());
        if (f1 && f2) {
          const diffs = changedCells(f1, f2);
          if (diffs.length) say("fill again", "fill-twice", diffs.slice(0, 3).join("; "));
        }
      }
    }

    const mark = await step("mark", ["mark", "in.xlsx", "-o", "m.xlsx", "--json"], "m.xlsx");
    if (mark) {
      written("mark", "m.xlsx", inCells);
      const cleared = await step("mark, clear", ["mark", "--clear", "m.xlsx", "-o", "mc.xlsx", "--json"], "mc.xlsx", [0], "m.xlsx");
      if (cleared && !same(fs.readFileSync(at("mc.xlsx")), input)) {
        written("mark, clear", "mc.xlsx", inCells);
        const parts = safeParts(fs.readFileSync(at("mc.xlsx")));
        const differ =
          parts && inParts
            ? Object.keys({ ...parts, ...inParts }).filter((k) => !parts[k] || !inParts[k] || !same(parts[k], inParts[k]))
            : null;
        if (differ?.length === 0)
          say("mark, clear", "mark-clear-bytes", "the same parts, but not the input's bytes (the container differs)");
        else
          say("mark, clear", "mark-clear-identity", `not the input: parts differing: ${differ ? differ.join(", ") : "(unreadable zip)"}`);
      }
    }

    if (await step("clear", ["mark", "--clear", "in.xlsx", "-o", "c.xlsx", "--json"], "c.xlsx")) written("clear", "c.xlsx", inCells);

    if (opts.report) {
      if (await step("report", ["report", "in.xlsx", "-o", "r.docx", "--as-is", "--json"], "r.docx")) {
        const parts = safeParts(fs.readFileSync(at("r.docx")));
        if (!parts) say("report", "output-zip", "r.docx is not a readable zip");
        else for (const bad of unparsedWrittenParts(null, parts)) say("report", "part-parses", bad);
      }
    }
    if (opts.reportFill) {
      // report --fill fills the workbook (today in place: the watched input is reported written) and must fill it as fill does
      fs.writeFileSync(at("rf.xlsx"), input);
      const earlier = new Set(fs.readdirSync(dir));
      const r = await step("report --fill", ["report", "rf.xlsx", "-o", "rf.docx", "--fill", "--json"], "rf.docx", [0, 2], "rf.xlsx");
      if (r) {
        const parts = safeParts(fs.readFileSync(at("rf.docx")));
        if (!parts) say("report --fill", "output-zip", "rf.docx is not a readable zip");
        else for (const bad of unparsedWrittenParts(null, parts)) say("report --fill", "part-parses", bad);
        const filled = [
          ...fs.readdirSync(dir).filter((f) => !earlier.has(f) && f.endsWith(".xlsx")),
          ...(same(input, fs.readFileSync(at("rf.xlsx"))) ? [] : ["rf.xlsx"]),
        ];
        for (const f of filled) {
          const cells = written("report --fill", f, null);
          const diffs = cells && f1 ? changedCells(f1, cells) : [];
          if (diffs.length) say("report --fill", "fills-as-fill", `${f}: ${diffs.slice(0, 3).join("; ")}`);
        }
      }
    }
  } catch (e) {
    say("harness", "exception", e instanceof Error ? `${e.message} ${e.stack?.split("\n").slice(1, 3).join(" ")}` : String(e));
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
  return { violations, exits, times, outputs, dir };
}
