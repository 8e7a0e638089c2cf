/**
 * npm run bench (speed part): jixiao's whole check beside the bare readers, in CPU time (user + system, every thread
 * of the process: the garbage collector's and the compiler's helper threads count), side by side in one run:
 *  - floor: fflate inflating the parts a check needs (workbook, relationships, shared strings, styles, worksheets) and
 *    one pass over their bytes — what no reader of these files can go below;
 *  - SheetJS (@e965/xlsx) reading the workbook in dense mode, nothing more;
 *  - ExcelJS loading the workbook;
 *  - jixiao check: read, snapshots, recognition, rules, fill plan and the JSON `jixiao check --json` prints.
 * For the small set (the real tables and the shared fixtures) and the 200-sheet workbook, in this process, the methods
 * taking turns pass by pass: after warm-up passes (V8's optimising compiler still compiles jixiao's code for about
 * three passes of the 200 sheets, SheetJS's for one), the median of the warm passes, the order of the methods
 * reversed every other pass (a method's pass collects the garbage the one before it left: ExcelJS's is the most, and
 * each contender follows it as often as the other); beside it, the first pass in a fresh process, nothing compiled
 * yet. For the 200,000-row workbook, each run in its own process (median). Also a cold `jixiao check` of a small
 * file (the whole process, start-up included; needs lib/).
 * Goals (issue: speed): check ≤ 1.0× SheetJS on the small set and the 200-sheet workbook; on the 200,000-row
 * workbook ≤ 0.3× SheetJS and ≤ 2× the floor; cold check ≤ 0.35 s CPU.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { unzipSync } from "fflate";
import { analyseFile } from "../src/cli/workbook";
import { checkJson } from "../src/cli/check";

type Method = "floor" | "sheetjs" | "exceljs" | "jixiao";
const METHODS: Method[] = ["floor", "sheetjs", "exceljs", "jixiao"];
const LABEL: Record<Method, string> = {
  floor: "floor: inflate + byte scan",
  sheetjs: "SheetJS read (dense)",
  exceljs: "ExcelJS load",
  jixiao: "jixiao check (whole)",
};

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The parts a check reads: everything under xl/ but pictures, themes, printer settings and the like. */
const NEEDED =
  /^(?:\[Content_Types\]\.xml|_rels\/\.rels|xl\/(?:workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml))$/;

async function run(method: Method, file: string): Promise<number> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  switch (method) {
    case "floor": {
      let lt = 0;
      for (const part of Object.values(unzipSync(bytes, { filter: (f) => NEEDED.test(f.name) })))
        for (let i = 0; i < part.length; i++) if (part[i] === 0x3c) lt++;
      return lt;
    }
    case "sheetjs":
      return XLSX.read(bytes, { type: "array", dense: true }).SheetNames.length;
    case "exceljs": {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      return wb.worksheets.length;
    }
    case "jixiao": {
      const { analysis } = await analyseFile(file);
      return JSON.stringify(checkJson(path.basename(file), analysis)).length;
    }
  }
}

/**
 * The methods take turns pass by pass over the files: `warmUp` passes not measured, then `passes` measured ones
 * (median), the order reversed every other pass.
 */
async function interleaved(files: string[], warmUp: number, passes: number): Promise<Record<Method, number>> {
  const times: Record<Method, number[]> = { floor: [], sheetjs: [], exceljs: [], jixiao: [] };
  const reversed = [...METHODS].reverse();
  for (let p = 0; p < warmUp + passes; p++) {
    for (const m of p % 2 ? reversed : METHODS) {
      const t = cpuMs();
      for (const f of files) await run(m, f);
      if (p >= warmUp) times[m].push(cpuMs() - t);
    }
  }
  return Object.fromEntries(METHODS.map((m) => [m, median(times[m])])) as Record<Method, number>;
}

/**
 * One pass in a fresh process (modules loaded, nothing run yet), the methods taking turns, median of `runs`: what a
 * single check pays, start-up aside (line d has the whole process).
 */
function firstPassLine(files: string[], runs: number): string {
  const ms: Record<Method, number[]> = { floor: [], sheetjs: [], exceljs: [], jixiao: [] };
  for (let k = 0; k < runs; k++) for (const m of METHODS) ms[m].push(inChild(m, files).cpuMs);
  const first = Object.fromEntries(METHODS.map((m) => [m, median(ms[m])])) as Record<Method, number>;
  return `     first pass, fresh process / 新进程首轮 (median of ${runs}): jixiao ${first.jixiao.toFixed(0)} ms, SheetJS ${first.sheetjs.toFixed(0)} ms, ExcelJS ${first.exceljs.toFixed(0)} ms: check/SheetJS ${(first.jixiao / first.sheetjs).toFixed(2)}`;
}

function table(ms: Record<Method, number>, goals: { sheetjs?: number; floor?: number }): string[] {
  const lines = METHODS.map(
    (m) =>
      `     ${LABEL[m].padEnd(28)} ${ms[m].toFixed(0).padStart(7)} ms   ${(ms[m] / ms.sheetjs).toFixed(2).padStart(5)}× SheetJS   ${(ms[m] / ms.floor).toFixed(2).padStart(6)}× floor`,
  );
  const verdict = (r: number, goal: number) => `${r.toFixed(2)} (goal ≤ ${goal}: ${r <= goal ? "met / 达标" : "NOT met / 未达标"})`;
  const g: string[] = [];
  if (goals.sheetjs !== undefined) g.push(`check/SheetJS ${verdict(ms.jixiao / ms.sheetjs, goals.sheetjs)}`);
  if (goals.floor !== undefined) g.push(`check/floor ${verdict(ms.jixiao / ms.floor, goals.floor)}`);
  g.push(`check/ExcelJS ${(ms.jixiao / ms.exceljs).toFixed(2)}`);
  lines.push(`     ${g.join(" · ")}`);
  return lines;
}

/** One method over the files in a fresh process: CPU of the work alone (modules loaded first) and peak memory. */
async function child(method: Method, files: string[]): Promise<void> {
  const t = cpuMs();
  for (const file of files) await run(method, file);
  process.stdout.write(JSON.stringify({ cpuMs: cpuMs() - t, rssMB: process.resourceUsage().maxRSS / 1024 }));
}

function inChild(method: Method, files: string[]): { cpuMs: number; rssMB: number } {
  const r = spawnSync(process.execPath, ["--max-old-space-size=4096", __filename, "--child", method, ...files], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`bench child ${method} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { cpuMs: number; rssMB: number };
}

/**
 * The CPU of whole node processes (start-up, module loading and all), from a preloaded exit hook, median of `runs`:
 * `jixiao check <file>` (null: lib/ not built), and a script that loads SheetJS and reads the file, nothing more.
 */
function coldProcesses(file: string, runs: number): { jixiao: number | null; sheetjs: number } {
  const bin = path.join(process.cwd(), "bin", "jixiao.js");
  const built = fs.existsSync(path.join(process.cwd(), "lib", "cli", "main.js"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-bench-cold-"));
  const hook = path.join(dir, "cpu.js");
  const script = path.join(dir, "sheetjs.js");
  fs.writeFileSync(
    hook,
    'process.on("exit", () => { const u = process.cpuUsage(); require("fs").writeSync(2, "\\nCPU " + (u.user + u.system) / 1000 + "\\n"); });',
  );
  fs.writeFileSync(
    script,
    `const XLSX = require(${JSON.stringify(require.resolve("@e965/xlsx"))});\n` +
      'XLSX.read(new Uint8Array(require("fs").readFileSync(process.argv[2])), { type: "array", dense: true });\n',
  );
  const cpu = (args: string[]): number => {
    const r = spawnSync(process.execPath, ["--require", hook, ...args], { encoding: "utf8" });
    const m = /CPU ([\d.]+)/.exec(r.stderr);
    if (r.status !== 0 || !m) throw new Error(`cold run failed: ${r.stderr}`);
    return Number(m[1]);
  };
  try {
    const jx: number[] = [];
    const sj: number[] = [];
    for (let i = 0; i < runs; i++) {
      if (built) jx.push(cpu([bin, "check", file]));
      sj.push(cpu([script, file]));
    }
    return { jixiao: built ? median(jx) : null, sheetjs: median(sj) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchSpeed(opts: {
  small: string[];
  manySheets: Uint8Array;
  big: string;
  coldFile: string;
  passes?: number;
  warmUp?: number;
  bigRuns?: number;
}): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-speed-"));
  const lines: string[] = [];
  try {
    const passes = opts.passes ?? Number(process.env.BENCH_SPEED_PASSES ?? 9);
    const warmUp = Math.max(1, opts.warmUp ?? Number(process.env.BENCH_SPEED_WARM ?? 3));
    lines.push(`   CPU time (user + system, all threads); load average now ${os.loadavg()[0].toFixed(2)}`);
    lines.push(
      `   a. 小文件 / the small set: ${opts.small.length} workbooks (real tables + shared fixtures), one pass, median of ${passes} after ${warmUp} warm-up`,
    );
    lines.push(...table(await interleaved(opts.small, warmUp, passes), { sheetjs: 1.0 }), firstPassLine(opts.small, 3));

    const many = path.join(dir, "200-sheets.xlsx");
    fs.writeFileSync(many, opts.manySheets);
    lines.push(
      `   b. 200 张表 / the 200-sheet workbook (${(opts.manySheets.length / 1024).toFixed(0)} KiB), median of ${passes} after ${warmUp} warm-up`,
    );
    lines.push(...table(await interleaved([many], warmUp, passes), { sheetjs: 1.0 }), firstPassLine([many], 3));

    const runs = opts.bigRuns ?? Number(process.env.BENCH_BIG_RUNS ?? 3);
    const big: Record<Method, number[]> = { floor: [], sheetjs: [], exceljs: [], jixiao: [] };
    const rss: Record<Method, number[]> = { floor: [], sheetjs: [], exceljs: [], jixiao: [] };
    for (let k = 0; k < runs; k++)
      for (const m of METHODS) {
        const r = inChild(m, [opts.big]);
        big[m].push(r.cpuMs);
        rss[m].push(r.rssMB);
      }
    const mb = fs.statSync(opts.big).size / 1024 / 1024;
    if (runs > 0) {
      lines.push(
        `   c. 大工作簿 / a table beside a 200,000-row 明细 (${mb.toFixed(1)} MB), each run in its own process, median of ${runs}`,
      );
      const bigMs = Object.fromEntries(METHODS.map((m) => [m, median(big[m])])) as Record<Method, number>;
      lines.push(...table(bigMs, { sheetjs: 0.3, floor: 2.0 }));
      lines.push(`     peak memory (max RSS): ${METHODS.map((m) => `${m} ${median(rss[m]).toFixed(0)} MB`).join(" · ")}`);
    } else lines.push(`   c. 大工作簿 / the ${mb.toFixed(1)} MB workbook: skipped (BENCH_BIG_RUNS=0)`);

    const cold = coldProcesses(opts.coldFile, 5);
    const coldMany = coldProcesses(many, 5);
    if (cold.jixiao === null || coldMany.jixiao === null)
      lines.push("   d. 冷启动 / cold check: lib/ not built (npm run build:cli), skipped");
    else
      lines.push(
        `   d. 冷启动 / cold \`jixiao check\`, the whole process, beside a script loading SheetJS and reading the file, median of 5:`,
        `     ${path.basename(opts.coldFile)}: ${cold.jixiao.toFixed(0)} ms CPU (goal ≤ 350: ${cold.jixiao <= 350 ? "met / 达标" : "NOT met / 未达标"}), SheetJS ${cold.sheetjs.toFixed(0)} ms: ${(cold.jixiao / cold.sheetjs).toFixed(2)}`,
        `     the 200-sheet workbook: ${coldMany.jixiao.toFixed(0)} ms CPU, SheetJS ${coldMany.sheetjs.toFixed(0)} ms: ${(coldMany.jixiao / coldMany.sheetjs).toFixed(2)}`,
      );
    return lines;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child") {
  child(process.argv[3] as Method, process.argv.slice(4)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
