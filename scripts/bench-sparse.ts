/**
 * Sparse reading (issue 8): a 37-row table checked alone and with one value at XFD1048576 (which makes the used
 * range 17 billion cells), each in a fresh node process, time (median) and peak memory (max RSS) side by side.
 * Goal: the far value costs no more than 1.3× the table alone, in time and in memory.
 * Run as `node bench-sparse.js --child <file> <runs>` it checks one file and prints {ms, rssMB} as JSON.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { loadXlsx } from "../src/adapters/xlsx";
import { analyzeWorkbook } from "../src/core";

async function child(file: string, runs: number): Promise<void> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const times: number[] = [];
  let tables = 0;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const book = await loadXlsx(bytes);
    const a = analyzeWorkbook(book.snapshots());
    tables = a.sheets.reduce((n, s) => n + s.tables.length, 0);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  const rssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms: times[Math.floor(times.length / 2)], rssMB, tables }));
}

function measure(file: string, runs: number): { ms: number; rssMB: number; tables: number } {
  const r = spawnSync(process.execPath, [__filename, "--child", file, String(runs)], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

export async function benchSparse(fixture: string): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-sparse-"));
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fixture);
    const alone = path.join(dir, "alone.xlsx");
    await wb.xlsx.writeFile(alone);
    wb.worksheets[0].getCell("XFD1048576").value = "x";
    const far = path.join(dir, "far.xlsx");
    await wb.xlsx.writeFile(far);
    const runs = Number(process.env.BENCH_SPARSE_RUNS ?? 7);
    const a = measure(alone, runs);
    const b = measure(far, runs);
    const rt = b.ms / a.ms;
    const rm = b.rssMB / a.rssMB;
    const ok = (x: number) => (x <= 1.3 ? "met / 达标" : "NOT met / 未达标");
    return [
      `   ${path.basename(fixture)} (${a.tables} table), median of ${runs} checks, peak memory (max RSS) of the whole process:`,
      `   (a) 表格本身 / the table alone:            ${a.ms.toFixed(1).padStart(7)} ms  ${a.rssMB.toFixed(0).padStart(5)} MB`,
      `   (b) 另有 XFD1048576 一个值 / + far value:   ${b.ms.toFixed(1).padStart(7)} ms  ${b.rssMB.toFixed(0).padStart(5)} MB  (${b.tables} table)`,
      `   比值 / ratio (b)/(a): time ${rt.toFixed(2)} (${ok(rt)}), memory ${rm.toFixed(2)} (${ok(rm)}); goal ≤ 1.3`,
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child") {
  child(process.argv[3], Number(process.argv[4] ?? 5)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
