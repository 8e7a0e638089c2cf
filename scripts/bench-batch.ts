/**
 * npm run bench (batch part, issue 13): 200 workbooks as a 财政局 receives them — each a unit's file of 2 to 5 sheets
 * (the shared fixtures' and the corpus tables, their sheets combined with ExcelJS), every 10th one broken (truncated
 * or random bytes) — checked as `jixiao check <folder>` does (src/cli/pool.ts), with 1 and with 2 lanes (the main
 * thread, plus a worker thread), beside a bare library doing the same reading (ExcelJS loading each file, one thread).
 *
 * Each measurement runs in a fresh Node process, as the command does: cold JIT, its own worker start-up (a run that
 * reuses a warmed-up main thread flatters 1 lane). The three run in turn, `repeats` times (default 3); medians are
 * printed, with each run's figures and the load average. The 1- and 2-lane runs must give the same JSON.
 * Then the whole commands, start to exit: `node bin/jixiao.js check --json <folder>` (the compiled lib/: start-up,
 * module loading, the JSON written) beside a node script that only loads SheetJS and reads the same files — wall time
 * and the process's CPU; the command's files must be the lanes' JSON.
 *
 * `node bench-batch.js [files=200] [repeats=3]`; a child is `node bench-batch.js --child bare|<lanes> <folder>`.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { checkFiles, type BatchFile } from "../src/cli/pool";
import { collectFiles } from "../src/cli/batch";
import { threadCpuMs } from "../src/cli/batchQueue";
import "../src/cli/batchWorker"; // emitted beside pool.js so that the pool finds its worker script

const ROOT = process.cwd();
const SOURCES = [
  process.env.JIXIAO_FIXTURES ??
    [path.resolve(ROOT, "../shared/fixtures"), path.resolve(ROOT, "test/data/fixtures")].find((d) => fs.existsSync(d)),
  path.resolve(ROOT, "test/data/real"),
].filter((d): d is string => !!d && fs.existsSync(d));

/** Distinct unit workbooks: book k holds 2 + k % 4 tables taken in turn from the fixtures and the corpus. */
async function unitBooks(count: number): Promise<Uint8Array[]> {
  const sheets: ExcelJS.Worksheet[] = [];
  for (const dir of SOURCES) {
    for (const f of fs
      .readdirSync(dir)
      .filter((n) => n.endsWith(".xlsx"))
      .sort()) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, f));
      sheets.push(...wb.worksheets);
    }
  }
  if (sheets.length === 0) throw new Error(`no tables under ${SOURCES.join(", ")}`);
  const books: Uint8Array[] = [];
  let next = 0;
  for (let k = 0; k < count; k++) {
    const out = new ExcelJS.Workbook();
    for (let j = 0; j < 2 + (k % 4); j++) {
      const src = sheets[next++ % sheets.length];
      const ws = out.addWorksheet(`${j + 1}-${src.name}`.slice(0, 31));
      ws.model = { ...src.model, name: ws.name };
    }
    books.push(new Uint8Array(await out.xlsx.writeBuffer()));
  }
  return books;
}

export async function makeFolder(n: number): Promise<{ dir: string; broken: number; sheets: number; bytes: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-bench-batch-"));
  const books = await unitBooks(20);
  let broken = 0;
  let sheets = 0;
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const src = books[i % books.length];
    let data = src;
    if (i % 10 === 9) {
      broken++;
      data =
        i % 20 === 9 ? src.subarray(0, Math.floor(src.length * 0.6)) : Uint8Array.from({ length: 3000 }, (_, k) => (k * 131 + i) & 255);
    } else sheets += 2 + ((i % books.length) % 4);
    const sub = path.join(dir, `单位${String(Math.floor(i / 20)).padStart(2, "0")}`);
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `自评表-${String(i).padStart(3, "0")}.xlsx`), data);
    bytes += data.length;
  }
  return { dir, broken, sheets, bytes };
}

interface ChildResult {
  ms: number;
  files: number;
  unreadable: number;
  /** sha256 of the results' JSON (the lanes must agree). */
  digest: string;
  /** CPU the child used while measured, all its threads (ms). */
  cpuMs: number;
  /** Files each lane checked. */
  filesPerLane: number[];
  /** CPU time of each lane's thread (ms; Linux), null where unknown. */
  cpuMsPerLane: (number | null)[];
}

interface Measured extends ChildResult {
  /** Share of the machine (all cores) that other processes used while this child ran, 0–1. */
  others: number;
}

/** One measurement, in this (fresh) process. */
async function child(mode: string, dir: string): Promise<ChildResult> {
  const { files } = collectFiles([dir], dir);
  const cpuAtStart = cpuMs();
  if (mode === "bare" || mode === "sheetjs") {
    const t = performance.now();
    const cpu0 = threadCpuMs();
    let unreadable = 0;
    for (const f of files) {
      try {
        if (mode === "sheetjs") XLSX.read(fs.readFileSync(f.path), { type: "buffer", dense: true });
        else await new ExcelJS.Workbook().xlsx.readFile(f.path);
      } catch {
        unreadable++; // a broken file costs its failed read, as in the batch
      }
    }
    const cpu1 = threadCpuMs();
    const lane = cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null;
    return {
      ms: performance.now() - t,
      files: files.length,
      unreadable,
      digest: "",
      cpuMs: cpuMs() - cpuAtStart,
      filesPerLane: [files.length],
      cpuMsPerLane: [lane],
    };
  }
  const t = performance.now();
  const { results, filesPerLane, cpuMsPerLane } = await checkFiles(files satisfies BatchFile[], {
    profile: "default",
    workers: Number(mode),
  });
  const ms = performance.now() - t;
  const digest = createHash("sha256").update(JSON.stringify(results)).digest("hex");
  return {
    ms,
    files: results.length,
    unreadable: results.filter((r) => !r.ok).length,
    digest,
    cpuMs: cpuMs() - cpuAtStart,
    filesPerLane,
    cpuMsPerLane,
  };
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Busy and total CPU time of the machine so far, all cores (ms). */
function machineTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const c of os.cpus()) {
    const t = c.times.user + c.times.nice + c.times.sys + c.times.irq;
    busy += t;
    total += t + c.times.idle;
  }
  return { busy, total };
}

/** CPU time of this process's finished children so far (ms; Linux: cutime + cstime), null elsewhere. */
function childrenCpuMs(): number | null {
  try {
    const stat = fs.readFileSync("/proc/self/stat", "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(f[13]) + Number(f[14])) * 1000) / 100; // cutime + cstime, in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

interface WholeRun {
  ms: number;
  /** CPU of the whole process, all its threads (ms), null where unknown. */
  cpuMs: number | null;
  /** sha256 of the files' JSON (the command's only). */
  digest: string;
}

/**
 * A whole command, start to exit: "cli" is `node bin/jixiao.js check --json .` in the folder (as a person types it),
 * "sheetjs" a node script that loads SheetJS and reads the files of `list` (a JSON file of paths) one after another.
 */
function runWhole(kind: "cli" | "sheetjs", dir: string, list: string): WholeRun {
  const args =
    kind === "cli"
      ? [path.join(ROOT, "bin", "jixiao.js"), "check", "--json", "."]
      : [
          "-e",
          `const fs = require("fs"); const XLSX = require(${JSON.stringify(require.resolve("@e965/xlsx"))});` +
            `for (const f of JSON.parse(fs.readFileSync(${JSON.stringify(list)}, "utf8"))) {` +
            `try { XLSX.read(fs.readFileSync(f), { type: "buffer", dense: true }); } catch {} }`,
        ];
  const cpu0 = childrenCpuMs();
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: dir, encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = performance.now() - t;
  const cpu1 = childrenCpuMs();
  if (kind === "cli" ? r.status !== 2 || r.stderr !== "" : r.status !== 0) {
    throw new Error(`whole ${kind} run failed (exit ${r.status}): ${r.stderr}`);
  }
  const digest =
    kind === "cli"
      ? createHash("sha256")
          .update(JSON.stringify((JSON.parse(r.stdout) as { files: unknown }).files))
          .digest("hex")
      : "";
  return { ms, cpuMs: cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null, digest };
}

function runChild(mode: string, dir: string): Measured {
  const before = machineTimes();
  const r = spawnSync(process.execPath, [__filename, "--child", mode, dir], { encoding: "utf8" });
  const after = machineTimes();
  if (r.status !== 0) throw new Error(`bench child ${mode} failed: ${r.stderr}`);
  const child = JSON.parse(r.stdout) as ChildResult;
  const total = after.total - before.total;
  // the child's start-up is outside child.cpuMs: counted as others' here, a slight overstatement of the load
  return { ...child, others: total > 0 ? Math.max(0, after.busy - before.busy - child.cpuMs) / total : 0 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function benchBatch(n = 200, repeats = 3): Promise<void> {
  const { dir, broken, sheets, bytes } = await makeFolder(n);
  try {
    const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
    const load = () => os.loadavg()[0].toFixed(2);
    console.log(
      `\nBatch: ${n} workbooks (${broken} broken; ${sheets} tables in the others, 2–5 per file; ${(bytes / 1024 / 1024).toFixed(1)} MB), ${cores} core(s), load ${load()}`,
    );
    const modes = ["bare", "sheetjs", "1", "2"] as const;
    const runs: Record<(typeof modes)[number], Measured[]> = { bare: [], sheetjs: [], 1: [], 2: [] };
    const built = fs.existsSync(path.join(ROOT, "lib", "cli", "main.js"));
    const list = path.join(dir, ".files.json"); // hidden: not a row of the command's list
    fs.writeFileSync(list, JSON.stringify(collectFiles([dir], dir).files.map((f) => f.path)));
    const whole: Record<"cli" | "sheetjs", WholeRun[]> = { cli: [], sheetjs: [] };
    for (let k = 0; k < repeats; k++) {
      for (const m of modes) runs[m].push(runChild(m, dir));
      if (built) for (const w of ["sheetjs", "cli"] as const) whole[w].push(runWhole(w, dir, list));
    }
    for (const m of ["1", "2"] as const) {
      for (const r of runs[m]) {
        if (r.files !== n || r.unreadable !== broken)
          throw new Error(`batch lost files: ${r.files}/${n}, ${r.unreadable}/${broken} unreadable`);
        if (r.digest !== runs["1"][0].digest) throw new Error("2 lanes gave another answer than 1");
      }
    }
    const lib = median(runs.bare.map((r) => r.ms));
    const sheetjs = median(runs.sheetjs.map((r) => r.ms));
    const row = (label: string, rs: Measured[]) => {
      const ms = median(rs.map((r) => r.ms));
      const each = rs.map((r) => `${Math.round(r.ms)}${r.filesPerLane.length > 1 ? ` [${r.filesPerLane.join("+")}]` : ""}`).join(", ");
      console.log(
        `  ${label.padEnd(30)} ${String(Math.round(ms)).padStart(6)} ms  ${((n / ms) * 1000).toFixed(1).padStart(6)} files/s  ${(ms / lib).toFixed(2)}× ExcelJS  ${(sheetjs / ms).toFixed(2)}× SheetJS's files/s  (runs: ${each})`,
      );
      return ms;
    };
    row("bare ExcelJS load, 1 thread", runs.bare);
    row("bare SheetJS read (dense), 1 th.", runs.sheetjs);
    const one = row("jixiao check, 1 lane", runs["1"]);
    const two = row("jixiao check, 2 lanes", runs["2"]);
    // CPU time does not grow when other processes take the cores: the busiest lane's CPU is what the batch would take
    // on free cores (the garbage collector's and compiler's helper threads aside, counted in "all threads")
    const busiest = (r: Measured) => Math.max(...r.cpuMsPerLane.map((c) => c ?? NaN));
    const cpuLine = (label: string, rs: Measured[]) => {
      const lanes = rs[0].cpuMsPerLane.map((_, i) => Math.round(median(rs.map((r) => r.cpuMsPerLane[i] ?? NaN))));
      console.log(
        `  CPU ${label.padEnd(9)} per lane ${lanes.join(" + ")} ms (busiest ${Math.round(median(rs.map(busiest)))}), all threads ${Math.round(median(rs.map((r) => r.cpuMs)))} ms`,
      );
      return median(rs.map(busiest));
    };
    const cpuSheetjs = median(runs.sheetjs.map((r) => r.cpuMs));
    cpuLine("SheetJS:", runs.sheetjs);
    const cpu1 = cpuLine("1 lane:", runs["1"]);
    const cpu2 = cpuLine("2 lanes:", runs["2"]);
    if (Number.isFinite(cpu1) && Number.isFinite(cpu2)) {
      console.log(`  on free cores the busiest lane bounds the time: 2 lanes ≈ ${(cpu2 / cpu1).toFixed(2)} of 1 lane (CPU-time estimate)`);
    }
    const others = median(
      Object.values(runs)
        .flat()
        .map((r) => r.others),
    );
    console.log(
      `  2 lanes / 1 lane: ${(two / one).toFixed(2)} (speed-up ${(one / two).toFixed(2)}×; same JSON, every file listed, ${broken} unreadable rows)`,
    );
    const best = Math.min(one, two);
    const cpuCheck = median(runs["1"].map((r) => r.cpuMs));
    console.log(
      `  CPU, all threads, 1 lane ÷ the SheetJS loop: ${(cpuCheck / cpuSheetjs).toFixed(2)} (what the files/s ratio is on a quiet machine; goal ≤ 1.0)`,
    );
    console.log(
      `  check files/s ÷ SheetJS loop files/s: ${(sheetjs / best).toFixed(2)} (goal ≥ 1.0: ${sheetjs / best >= 1 ? "met / 达标" : "NOT met / 未达标"})`,
    );
    if (built) {
      for (const r of whole.cli) if (r.digest !== runs["1"][0].digest) throw new Error("the command gave another answer than the lanes");
      const wholeMs = (rs: WholeRun[]) => median(rs.map((r) => r.ms));
      const wholeCpu = (rs: WholeRun[]) => median(rs.map((r) => r.cpuMs ?? NaN));
      const [cliMs, sjMs] = [wholeMs(whole.cli), wholeMs(whole.sheetjs)];
      const each = (rs: WholeRun[]) => rs.map((r) => Math.round(r.ms)).join(", ");
      console.log(
        `  whole command, start to exit: jixiao check --json <folder> ${Math.round(cliMs)} ms (${((n / cliMs) * 1000).toFixed(1)} files/s; runs: ${each(whole.cli)}), ` +
          `a SheetJS script ${Math.round(sjMs)} ms (${((n / sjMs) * 1000).toFixed(1)} files/s; runs: ${each(whole.sheetjs)})`,
      );
      console.log(
        `  whole command ÷ SheetJS script: files/s ${(sjMs / cliMs).toFixed(2)}, CPU of the process ${(wholeCpu(whole.cli) / wholeCpu(whole.sheetjs)).toFixed(2)} ` +
          `(${Math.round(wholeCpu(whole.cli))} vs ${Math.round(wholeCpu(whole.sheetjs))} ms; same files as the lanes' JSON)`,
      );
    } else console.log("  whole command: not measured (lib/ not built: npm run build:cli)");
    console.log(
      `  other processes used ${Math.round(others * 100)} % of the ${cores} cores during the runs (median; 0 % = a quiet machine); load now ${load()}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const job =
    argv[0] === "--child"
      ? child(argv[1], argv[2]).then((r) => console.log(JSON.stringify(r)))
      : benchBatch(Number(argv[0] ?? 200), Number(argv[1] ?? 3));
  job.catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
