/**
 * The big-workbook figures of `npm run bench` (issue 9), each case in a fresh node process so its peak memory
 * (max RSS) is its own:
 *  - a 14 MB workbook whose 明细 sheet has 200,000 rows beside a project table: (a) a bare ExcelJS load,
 *    (b) jixiao's check (read + snapshots + analyse); goal (b) ≤ 0.8× the time and ≤ 0.5× the memory of (a);
 *  - the libraries the reader was chosen among, on the same file: fflate (the page's inflater) vs JSZip inflating
 *    every part, beside the reader's own zip in Node (zlib through NODE_CODEC, CRC checked), saxes vs sax parsing the
 *    明细 sheet's XML.
 * Run as `node bench-big.js --child <case> <file>` a child does one case and prints {ms, rssMB, …} as JSON.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { unzipSync, strFromU8 } from "fflate";
import { SaxesParser } from "saxes";
import { loadXlsx } from "../src/adapters/xlsx";
import "../src/adapters/xlsx/node"; // the Node codec (zlib), as the CLI reads
import { ZipArchive } from "../src/adapters/xlsx/zip";
import { analyzeWorkbook } from "../src/core";

export const DETAIL_ROWS = Number(process.env.BENCH_DETAIL_ROWS ?? 200_000);

/** The workbook: a copy of the fixture's project table, then a 明细 sheet of DETAIL_ROWS rows (ExcelJS's streaming writer). */
export async function makeBigWorkbook(fixture: string, file: string): Promise<void> {
  const src = new ExcelJS.Workbook();
  await src.xlsx.readFile(fixture);
  const table = src.worksheets[0];
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet(table.name);
  for (const m of (table.model as unknown as { merges: string[] }).merges ?? []) ws.mergeCells(m);
  table.eachRow({ includeEmpty: true }, (row, r) => {
    const out = ws.getRow(r);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      out.getCell(c).value = cell.value;
      out.getCell(c).style = cell.style;
    });
    out.commit();
  });
  ws.commit();
  const detail = wb.addWorksheet("明细");
  detail.addRow(["序号", "日期", "凭证号", "项目编码", "摘要", "科目", "资金来源", "收款单位", "金额（元）", "经办人", "备注"]).commit();
  const people = ["张三", "李四", "王五", "赵六"];
  const subjects = ["医疗救助支出", "办公费", "差旅费", "专用材料费"];
  const sources = ["一般公共预算", "政府性基金预算", "上级转移支付"];
  const towns = ["城关", "东山", "西河", "南塘", "北岭", "新桥", "古镇", "白沙", "青石", "石门", "柳林", "永安"];
  for (let i = 1; i <= DETAIL_ROWS; i++) {
    detail
      .addRow([
        i,
        43831 + (i % 366),
        `记-${String(i).padStart(6, "0")}`,
        `XM2020-${String((i * 37) % 5000).padStart(4, "0")}`,
        `第${i}笔 救助款发放`,
        subjects[i % 4],
        sources[i % 3],
        `${towns[i % 12]}镇${((i * 13) % 40) + 1}村`,
        Math.round(((i * 7919) % 100000) * 1.37) / 100,
        people[i % 4],
        i % 10 === 0 ? "已复核" : null,
      ])
      .commit();
  }
  detail.commit();
  await wb.commit();
}

type Result = { ms: number; rssMB: number; [k: string]: unknown };

async function child(kind: string, file: string): Promise<void> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const t = process.hrtime.bigint();
  const extra: Record<string, unknown> = {};
  if (kind === "exceljs") {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    extra.sheets = wb.worksheets.length;
  } else if (kind === "jixiao") {
    const book = await loadXlsx(bytes);
    const a = analyzeWorkbook(book.snapshots());
    extra.tables = a.sheets.reduce((n, s) => n + s.tables.length, 0);
  } else if (kind === "fflate") {
    const parts = unzipSync(bytes);
    extra.bytes = Object.values(parts).reduce((n, p) => n + p.length, 0);
  } else if (kind === "zlib") {
    const zip = ZipArchive.open(bytes);
    let n = 0;
    for (const e of zip.entries) if (!e.name.endsWith("/")) n += zip.read(e.name).length;
    extra.bytes = n;
  } else if (kind === "jszip") {
    const zip = await JSZip.loadAsync(bytes);
    let n = 0;
    for (const f of Object.values(zip.files)) if (!f.dir) n += (await f.async("uint8array")).length;
    extra.bytes = n;
  } else if (kind === "saxes" || kind === "sax") {
    const xml = strFromU8(unzipSync(bytes, { filter: (f) => f.name === "xl/worksheets/sheet2.xml" })["xl/worksheets/sheet2.xml"]);
    const t2 = process.hrtime.bigint();
    let cells = 0;
    if (kind === "saxes") {
      const p = new SaxesParser({ position: false });
      p.on("opentag", (tag) => void (tag.name === "c" && cells++));
      p.write(xml).close();
    } else {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- sax is the comparison library, loaded only for this run
      const sax = require("sax") as {
        parser: (strict: boolean) => { onopentag: (t: { name: string }) => void; write: (s: string) => { close: () => void } };
      };
      const p = sax.parser(true);
      p.onopentag = (tag) => void (tag.name === "c" && cells++);
      p.write(xml).close();
    }
    extra.cells = cells;
    extra.parseMs = Number(process.hrtime.bigint() - t2) / 1e6;
  }
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  process.stdout.write(JSON.stringify({ ms, rssMB: process.resourceUsage().maxRSS / 1024, ...extra }));
}

function measure(kind: string, file: string): Result {
  const r = spawnSync(process.execPath, ["--max-old-space-size=4096", __filename, "--child", kind, file], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`bench child ${kind} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Result;
}

/** Median by time of `runs` child runs (memory of the same run). */
function measureMedian(kind: string, file: string, runs: number): Result {
  const xs = Array.from({ length: runs }, () => measure(kind, file)).sort((a, b) => a.ms - b.ms);
  return xs[Math.floor(xs.length / 2)];
}

/** `made`: the workbook makeBigWorkbook already wrote (kept); else one is made here and removed after. */
export async function benchBig(fixture: string, made?: string): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-big-"));
  const file = made ?? path.join(dir, "big.xlsx");
  try {
    if (!made) await makeBigWorkbook(fixture, file);
    const runs = Number(process.env.BENCH_BIG_RUNS ?? 3);
    const mb = fs.statSync(file).size / 1024 / 1024;
    if (!(runs > 0)) return [`   ${mb.toFixed(1)} MB: skipped (BENCH_BIG_RUNS=${process.env.BENCH_BIG_RUNS})`];
    const a = measureMedian("exceljs", file, runs);
    const b = measureMedian("jixiao", file, runs);
    const rt = b.ms / a.ms;
    const rm = b.rssMB / a.rssMB;
    const lines = [
      `   ${mb.toFixed(1)} MB, 明细 ${DETAIL_ROWS.toLocaleString("en")} rows + a project table; median of ${runs} runs, each in its own process (peak memory = max RSS)`,
      `   (a) ExcelJS 读取 / bare ExcelJS load:              ${a.ms.toFixed(0).padStart(6)} ms  ${a.rssMB.toFixed(0).padStart(5)} MB`,
      `   (b) jixiao 检查 / check (read+snapshot+analyze):   ${b.ms.toFixed(0).padStart(6)} ms  ${b.rssMB.toFixed(0).padStart(5)} MB  (${b.tables} table)`,
      `   比值 / ratio (b)/(a): time ${rt.toFixed(2)} (goal ≤ 0.8: ${rt <= 0.8 ? "met / 达标" : "NOT met / 未达标"}), memory ${rm.toFixed(2)} (goal ≤ 0.5: ${rm <= 0.5 ? "met / 达标" : "NOT met / 未达标"})`,
    ];
    const ff = measure("fflate", file);
    const jz = measure("jszip", file);
    const zl = measure("zlib", file);
    const sx = measure("saxes", file);
    const sa = measure("sax", file);
    lines.push(
      `   库的选择 / choosing the libraries (same file, one run each):`,
      `     inflate every part: fflate ${ff.ms.toFixed(0)} ms ${ff.rssMB.toFixed(0)} MB · JSZip ${jz.ms.toFixed(0)} ms ${jz.rssMB.toFixed(0)} MB  (fflate/JSZip time ${(ff.ms / jz.ms).toFixed(2)})`,
      `     the reader's zip in Node (zlib, CRC checked): ${zl.ms.toFixed(0)} ms ${zl.rssMB.toFixed(0)} MB  (zlib/fflate time ${(zl.ms / ff.ms).toFixed(2)})`,
      `     parse the 明细 sheet XML (${sx.cells} cells): saxes ${(sx.parseMs as number).toFixed(0)} ms · sax ${(sa.parseMs as number).toFixed(0)} ms  (saxes/sax ${((sx.parseMs as number) / (sa.parseMs as number)).toFixed(2)})`,
    );
    return lines;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child") {
  child(process.argv[3], process.argv[4]).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
