/**
 * npm run bench (batch part): 200 workbooks (the fixtures copied, every 10th one broken — truncated or random bytes)
 * checked as `jixiao check <folder>` does (src/cli/pool.ts: worker threads, results in order), with 1 and with 2
 * workers, side by side with a bare library doing the same reading (ExcelJS loading each file, one thread).
 * Prints milliseconds, files per second, the ratio to the bare library, and the 2-worker speed-up.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { checkFiles, type BatchFile } from "../src/cli/pool";
import "../src/cli/batchWorker"; // emitted beside pool.js so that the pool finds its worker script

const FIXTURES =
  process.env.JIXIAO_FIXTURES ??
  [path.resolve(process.cwd(), "../shared/fixtures"), path.resolve(process.cwd(), "test/data/fixtures")].find((d) => fs.existsSync(d)) ??
  "test/data/fixtures";

function makeFolder(n: number): { dir: string; files: BatchFile[]; broken: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-bench-batch-"));
  const sources = fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".xlsx")).sort().map((f) => fs.readFileSync(path.join(FIXTURES, f)));
  const files: BatchFile[] = [];
  let broken = 0;
  for (let i = 0; i < n; i++) {
    const src = sources[i % sources.length];
    let bytes: Uint8Array = src;
    if (i % 10 === 9) {
      broken++;
      bytes = i % 20 === 9 ? src.subarray(0, Math.floor(src.length * 0.6)) : Uint8Array.from({ length: 3000 }, (_, k) => (k * 131 + i) & 255);
    }
    const sub = path.join(dir, `单位${String(Math.floor(i / 20)).padStart(2, "0")}`);
    fs.mkdirSync(sub, { recursive: true });
    const file = path.join(sub, `自评表-${String(i).padStart(3, "0")}.xlsx`);
    fs.writeFileSync(file, bytes);
    files.push({ path: file, display: path.relative(dir, file) });
  }
  return { dir, files, broken };
}

async function bare(files: BatchFile[]): Promise<number> {
  const t = Date.now();
  for (const f of files) {
    try {
      await new ExcelJS.Workbook().xlsx.readFile(f.path);
    } catch {
      /* a broken file costs its failed read, as in the batch */
    }
  }
  return Date.now() - t;
}

export async function benchBatch(n = 200): Promise<void> {
  const { dir, files, broken } = makeFolder(n);
  try {
    const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
    console.log(`\nBatch: ${n} workbooks (${broken} broken), ${cores} core(s)`);
    await checkFiles(files.slice(0, 10), { profile: "default", workers: 1 }); // warm-up
    const lib = await bare(files);
    const timed = async (workers: number) => {
      const t = Date.now();
      const { results, workers: used } = await checkFiles(files, { profile: "default", workers });
      const ms = Date.now() - t;
      const unreadable = results.filter((r) => !r.ok).length;
      if (results.length !== n || unreadable !== broken) throw new Error(`batch lost files: ${results.length}/${n}, ${unreadable}/${broken} unreadable`);
      return { ms, used };
    };
    const one = await timed(1);
    const two = await timed(2);
    const row = (label: string, ms: number) =>
      console.log(`  ${label.padEnd(34)} ${String(ms).padStart(7)} ms  ${((n / ms) * 1000).toFixed(1).padStart(6)} files/s  ${(ms / lib).toFixed(2)}× bare`);
    row("bare ExcelJS load, 1 thread", lib);
    row(`jixiao check, 1 worker`, one.ms);
    row(`jixiao check, ${two.used} workers`, two.ms);
    console.log(`  speed-up 2 workers vs 1: ${(one.ms / two.ms).toFixed(2)}× (every file listed, ${broken} unreadable rows)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchBatch(Number(process.argv[2] ?? 200)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
