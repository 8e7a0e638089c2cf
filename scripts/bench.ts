/**
 * npm run bench — speed figures:
 *  1. the engine per sheet: analyzeSheet on each shared fixture's snapshot, median of N runs;
 *  2. a generated 200-sheet workbook (tables copied from the fixtures with varied amounts and scores, plus some
 *     sheets that are not tables), timed as (a) a bare ExcelJS load and (b) the full check (load + snapshot +
 *     analyze), median of a few runs, and the ratio b/a (goal ≤ 1.0);
 *  3. sparse reading: a table alone and with one value at XFD1048576, time and peak memory side by side (goal ≤ 1.3×);
 *  4. if scripts/bench-narrative.ts exists: its benchNarrative() figure (goal < 50 ms);
 *  5. a 200,000-row 明细 sheet beside a project table: bare ExcelJS load vs jixiao's check, each in its own process
 *     (goal ≤ 0.8× the time, ≤ 0.5× the peak memory), and the fflate/JSZip, saxes/sax measurements (bench-big.ts);
 *  6. 对照报告: a 30-page report read and compared with its table (goal < 1 s; bench-compare.ts).
 *  7. reading each fixture converted by LibreOffice to .xls, .ods and HTML-named-.xls, beside its .xlsx (goal ≤ 1.5×,
 *     bench-legacy.ts).
 *  8. the whole check beside SheetJS (dense), ExcelJS and the floor (inflate + a byte scan), in CPU time: the small set,
 *     the 200-sheet workbook, the 200,000-row workbook, a cold `jixiao check` (bench-speed.ts). BENCH_ONLY=speed runs
 *     only this part (and the batch figures after it).
 * Compiled by `npm run bench` with tsc into a temporary folder and run with node.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { loadXlsx } from "../src/adapters/xlsx";
import { analyzeSheet, analyzeWorkbook } from "../src/core";
import { benchSparse } from "./bench-sparse";
import { benchBig, makeBigWorkbook } from "./bench-big";
import { benchSpeed } from "./bench-speed";
import { benchCompare } from "./bench-compare";
import { benchLegacy } from "./bench-legacy";

const FIXTURES =
  process.env.JIXIAO_FIXTURES ??
  [path.resolve(process.cwd(), "../shared/fixtures"), path.resolve(process.cwd(), "test/data/fixtures")].find((d) => fs.existsSync(d)) ??
  "test/data/fixtures";

export function fixtureFiles(): string[] {
  const dirs = [FIXTURES, path.join(process.cwd(), "samples")];
  for (const d of dirs) {
    if (fs.existsSync(d)) {
      const files = fs
        .readdirSync(d)
        .filter((f) => f.endsWith(".xlsx"))
        .map((f) => path.join(d, f));
      if (files.length) return files.sort();
    }
  }
  throw new Error(`no fixture workbooks found in ${dirs.join(" or ")}`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function time<T>(fn: () => Promise<T> | T): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function timeMedian(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) xs.push(await time(fn));
  return median(xs);
}

/** Deterministic pseudo-random numbers. */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

export async function generateWorkbook(files: string[], sheets: number): Promise<Uint8Array> {
  const sources: ExcelJS.Worksheet[] = [];
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    sources.push(...wb.worksheets);
  }
  const out = new ExcelJS.Workbook();
  const rand = rng(2020);
  for (let i = 0; i < sheets; i++) {
    if (i % 10 === 9) {
      const ws = out.addWorksheet(`填表说明${i + 1}`);
      ws.getCell("A1").value = "填表说明";
      for (let r = 2; r < 12; r++) ws.getCell(`A${r}`).value = `${r - 1}. 金额单位为万元，执行率保留两位小数。`;
      continue;
    }
    const src = sources[i % sources.length];
    const ws = out.addWorksheet(`${src.name}-${i + 1}`);
    const model = JSON.parse(JSON.stringify(src.model));
    model.name = ws.name;
    ws.model = model;
    // Vary amounts (larger numbers) and person-entered scores a little, so sheets differ.
    const factor = 0.5 + rand();
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v = cell.value;
        if (typeof v === "number" && v > 100) cell.value = Math.round(v * factor * 1000) / 1000;
        else if (typeof v === "string" && /^\u3000?\d+(\.\d+)?$/.test(v) && Number(v.trim()) > 100) {
          cell.value = `\u3000${(Math.round(Number(v.replace(/\u3000/g, "")) * factor * 1000) / 1000).toString()}`;
        }
      }),
    );
  }
  return new Uint8Array((await out.xlsx.writeBuffer()) as ArrayBuffer);
}

async function main() {
  const files = fixtureFiles();
  console.log(`jixiao bench — node ${process.version}, ${files.length} fixture workbooks\n`);
  const project = files.find((f) => /medical/.test(f)) ?? files[0];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-bench-"));
  const big = path.join(work, "big.xlsx");
  try {
    await makeBigWorkbook(project, big);
    if (process.env.BENCH_ONLY !== "speed") await sections(files, big);
    console.log(`\n8. 速度对比 / whole check beside SheetJS, ExcelJS and the floor (bench-speed.ts)`);
    const real = path.join(process.cwd(), "test", "data", "real");
    const small = [
      ...(fs.existsSync(real)
        ? fs
            .readdirSync(real)
            .filter((f) => f.endsWith(".xlsx"))
            .map((f) => path.join(real, f))
        : []),
      ...files,
    ];
    const manySheets = await generateWorkbook(files, Number(process.env.BENCH_SHEETS ?? 200));
    for (const line of await benchSpeed({ small, manySheets, big, coldFile: project })) console.log(line);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function sections(files: string[], big: string) {
  const RUNS = Number(process.env.BENCH_RUNS ?? 50);

  console.log(`1. 引擎每张表耗时 / engine time per sheet (analyzeSheet, median of ${RUNS} runs)`);
  for (const f of files) {
    const book = await loadXlsx(new Uint8Array(fs.readFileSync(f)));
    for (const snap of book.snapshots()) {
      analyzeSheet(snap); // warm up
      const ms = await timeMedian(RUNS, () => analyzeSheet(snap));
      const kinds =
        analyzeSheet(snap)
          .tables.map((t) => t.kind)
          .join(",") || "no table";
      console.log(`   ${path.basename(f).padEnd(42)} ${snap.name.padEnd(8)} ${kinds.padEnd(10)} ${ms.toFixed(3)} ms`);
    }
  }

  const SHEETS = Number(process.env.BENCH_SHEETS ?? 200);
  const WB_RUNS = Number(process.env.BENCH_WB_RUNS ?? 5);
  const bytes = await generateWorkbook(files, SHEETS);
  console.log(`\n2. ${SHEETS} 张表的工作簿 / generated ${SHEETS}-sheet workbook: ${(bytes.length / 1024).toFixed(0)} KiB`);
  // Warm up both paths once.
  await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
  let tables = 0;
  let findings = 0;
  {
    const book = await loadXlsx(bytes);
    const a = analyzeWorkbook(book.snapshots());
    for (const s of a.sheets)
      for (const t of s.tables) {
        tables++;
        findings += t.findings.length;
      }
  }
  const loads: number[] = [];
  const checks: number[] = [];
  const snapshotsMs: number[] = [];
  const analyzeMs: number[] = [];
  for (let i = 0; i < WB_RUNS; i++) {
    loads.push(await time(() => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer)));
    checks.push(
      await time(async () => {
        const book = await loadXlsx(bytes);
        let snaps: ReturnType<typeof book.snapshots> = [];
        snapshotsMs.push(await time(() => (snaps = book.snapshots())));
        analyzeMs.push(await time(() => analyzeWorkbook(snaps)));
      }),
    );
  }
  const load = median(loads);
  const check = median(checks);
  console.log(`   识别 / recognised: ${tables} tables, ${findings} findings`);
  console.log(`   (a) ExcelJS 读取 / bare ExcelJS load:           ${load.toFixed(0)} ms (median of ${WB_RUNS})`);
  console.log(`   (b) 完整检查 / full check (load+snapshot+analyze): ${check.toFixed(0)} ms (median of ${WB_RUNS})`);
  console.log(`       of which snapshots ${median(snapshotsMs).toFixed(0)} ms, analyze ${median(analyzeMs).toFixed(0)} ms`);
  const ratio = check / load;
  console.log(`   比值 / ratio (b)/(a) = ${ratio.toFixed(3)}  (goal ≤ 1.0: ${ratio <= 1.0 ? "met / 达标" : "NOT met / 未达标"})`);

  const department = files.find((f) => /department/.test(f)) ?? files[0];
  console.log(`\n3. 稀疏读取 / sparse reading: a table alone and with one value at XFD1048576`);
  for (const line of await benchSparse(department)) console.log(line);

  const narrative = path.join(__dirname, "bench-narrative.js");
  if (fs.existsSync(narrative)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional module, looked for at run time
    const mod = require(narrative) as {
      benchNarrative?: () => { ms: number } | Promise<{ ms: number }>;
      benchReport?: (one: string, many: string) => string[];
    };
    if (mod.benchNarrative) {
      const r = await mod.benchNarrative();
      console.log(`\n4. 报告文字 / narrative for a 30-indicator table: ${r.ms.toFixed(2)} ms (goal < 50 ms)`);
    }
    if (mod.benchReport) {
      // a workbook of 10 sheets (9 tables copied from the fixtures, one 填表说明) beside the one-table fixture
      const many = path.join(os.tmpdir(), `jixiao-bench-report-${process.pid}.xlsx`);
      fs.writeFileSync(many, await generateWorkbook(files, 10));
      try {
        console.log(`   报告 / the whole report (jixiao report --as-is) per table, beside a bare docx pack of the same text`);
        for (const line of mod.benchReport(files.find((f) => /medical/.test(f)) ?? files[0], many)) console.log(line);
      } finally {
        fs.rmSync(many, { force: true });
      }
    }
  }

  const project = files.find((f) => /medical/.test(f)) ?? files[0];
  console.log(`\n5. 大工作簿 / a large workbook: 200,000-row 明细 sheet beside a project table`);
  for (const line of await benchBig(project, big)) console.log(line);

  console.log(`\n6. 对照报告 / a 30-page report compared with its table (readDocxBlocks + compareReport)`);
  for (const line of await benchCompare()) console.log(line);

  console.log(`\n7. 旧格式读取 / legacy formats: reading each fixture as .xls, .ods, HTML (.xls) beside its .xlsx (median, ms)`);
  for (const line of benchLegacy(files)) console.log(line);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
