/**
 * Narrative speed: a synthetic 30-indicator project table (the 财预〔2020〕10号 layout, as in the fixtures) goes
 * through the engine once, then buildNarrative + fingerprint are timed (median of 50 runs). Goal < 50 ms.
 * `npm run bench` calls benchNarrative() and benchReport() (the whole report per table, below); run alone: compile
 * with tsc and `node bench-narrative.js [one.xlsx many.xlsx]`.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { analyzeSheet } from "../src/core";
import type { CellValue, SheetSnapshot } from "../src/core/snapshot";
import type { TableAnalysis } from "../src/core/analysis";
import { buildNarrative, fingerprint, narrativeText } from "../src/core/narrative";

/** A project table with `n` indicators: 产出 (quantity, quality, time, cost), 效益, 满意度, weights adding to 100. */
export function syntheticProjectSnapshot(n = 30): SheetSnapshot {
  const rows: CellValue[][] = [];
  const row = (...cells: CellValue[]) => rows.push([...cells, ...Array(9 - cells.length).fill(null)]);
  row("2020年项目支出绩效自评表");
  row(null, null, null, null, null, null, null, null, "单位：万元");
  row("项目名称", null, "合成测试项目");
  row("主管部门", null, "某市医疗保障局", null, null, "实施单位", "某市医疗保障局");
  row("项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分");
  row("项目资金（万元）", "年度资金总额", "\u30001234.567", "\u30001234.567", "\u30001200.123", 10, null, null);
  row("项目资金（万元）", "其中：当年财政拨款", 1234.567, 1234.567, 1200.123);
  row("项目资金（万元）", "上年结转资金", 0, 0, 0);
  row("项目资金（万元）", "其他资金", 0, 0, 0);
  row("年度总体目标", "预期目标", null, null, null, "实际完成情况");
  row("年度总体目标", "完成年度各项任务。", null, null, null, "基本完成年度各项任务。");
  row("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施");
  // 90 points over n indicators: integer weights, remainder on the first ones.
  const base = Math.floor(90 / n);
  let extra = 90 - base * n;
  const groups: [string, string][] = [
    ["产出指标", "数量指标"],
    ["产出指标", "质量指标"],
    ["产出指标", "时效指标"],
    ["产出指标", "成本指标"],
    ["效益指标", "社会效益指标"],
    ["满意度指标", "服务对象满意度指标"],
  ];
  for (let i = 0; i < n; i++) {
    const w = base + (extra-- > 0 ? 1 : 0);
    const [l1, l2] = groups[Math.min(groups.length - 1, Math.floor((i * groups.length) / n))];
    const target = 1000 + i * 37;
    const actual = i % 5 === 0 ? target - 13 : target + i;
    row(
      "绩效指标",
      l1,
      l2,
      `指标${i + 1}`,
      `≥${target}人`,
      `${actual}人`,
      w,
      i % 7 === 0 ? null : w,
      i % 5 === 0 ? "部分对象未按期申报" : null,
    );
  }
  row("总分", null, null, null, null, null, 100, null);
  return { name: "合成", origin: { row: 1, col: 1 }, values: rows, merges: null };
}

export function syntheticAnalysis(n = 30): TableAnalysis {
  const sheet = analyzeSheet(syntheticProjectSnapshot(n));
  const t = sheet.tables[0];
  if (!t) throw new Error(`synthetic table not recognised: ${sheet.reason}`);
  if (t.table.kind !== "project" || t.table.indicators.length !== n)
    throw new Error(`synthetic table read with ${t.table.kind === "project" ? t.table.indicators.length : 0} indicators, expected ${n}`);
  return t;
}

export function benchNarrative(runs = 50): { ms: number; indicators: number; chars: number } {
  const t = syntheticAnalysis(30);
  let chars = 0;
  for (let i = 0; i < 5; i++) chars = narrativeText(buildNarrative(t)).length; // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    buildNarrative(t);
    fingerprint(t);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], indicators: 30, chars };
}

/**
 * The report end to end, each run in a process of its own as a person runs it (`jixiao report … --as-is`: module
 * load, read, check, narrative, charts, .docx), beside a bare docx pack of the same text (read, check, narrative,
 * then each line of the narrative as a plain paragraph, packed by `docx`): wall and CPU time (every thread) per
 * table, medians of `runs`, for a one-table workbook and one of many tables; "each further table" is the difference
 * between the two over the difference in tables. Needs lib/ (npm run build:cli).
 */
const REPORT_CHILD = `
const [mode, file, out, lib] = process.argv.slice(1);
(async () => {
  let tables = 0;
  if (mode === "report") {
    const { runReport } = require(lib + "/cli/report.js");
    let text = "";
    const io = { stdout: (s) => (text += s), stderr: () => {}, cwd: process.cwd(), env: process.env };
    const code = await runReport([file, "-o", out, "--as-is", "--json"], io);
    if (code !== 0) throw new Error("report exit " + code);
    tables = JSON.parse(text).tables.length;
  } else {
    const { openFile } = require(lib + "/cli/workbook.js");
    const { prepareReports } = require(lib + "/app/commands/report.js");
    const { narrativeText } = require(lib + "/core/narrative/index.js");
    const { Document, Packer, Paragraph } = require("docx");
    const reports = await prepareReports(await openFile(file), { profile: "default", scope: "all" });
    tables = reports.length;
    const children = reports.flatMap((r) => narrativeText(r.narrative).split("\\n").map((l) => new Paragraph(l)));
    require("fs").writeFileSync(out, await Packer.toBuffer(new Document({ sections: [{ children }] })));
  }
  const u = process.cpuUsage();
  console.log(JSON.stringify({ tables, wall: performance.now(), cpu: (u.user + u.system) / 1000 }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

interface RunTimes {
  tables: number;
  wall: number;
  cpu: number;
}

function runReportChild(mode: "report" | "bare", file: string, out: string): RunTimes {
  const lib = path.join(process.cwd(), "lib");
  const r = spawnSync(process.execPath, ["-e", REPORT_CHILD, mode, file, out, lib], { cwd: process.cwd(), encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${mode} ${path.basename(file)}: ${r.stderr || r.stdout}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as RunTimes;
}

function medianOf(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Lines for `npm run bench`: `one` a workbook with one table, `many` one with several (paths). */
export function benchReport(one: string, many: string, runs = Number(process.env.BENCH_REPORT_RUNS ?? 3)): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-bench-report-"));
  try {
    const measure = (mode: "report" | "bare", file: string): RunTimes => {
      const xs: RunTimes[] = [];
      // the two modes take turns run by run, so that a busy machine weighs on both alike
      for (let i = 0; i < runs; i++) xs.push(runReportChild(mode, file, path.join(dir, `${mode}-${i}.docx`)));
      return { tables: xs[0].tables, wall: medianOf(xs.map((x) => x.wall)), cpu: medianOf(xs.map((x) => x.cpu)) };
    };
    const rows = [one, many].map((file) => ({ file, report: measure("report", file), bare: measure("bare", file) }));
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const lines = [`   每次一个进程 / each run its own process, median of ${runs}; CPU = every thread of the process`];
    for (const r of rows) {
      const n = r.report.tables;
      lines.push(
        `   ${path.basename(r.file)} (${n} 张表 / tables): report wall ${s(r.report.wall)} CPU ${s(r.report.cpu)} ` +
          `(${s(r.report.cpu / n)} CPU a table) · bare docx pack wall ${s(r.bare.wall)} CPU ${s(r.bare.cpu)}`,
      );
    }
    const [a, b] = rows;
    const extra = b.report.tables - a.report.tables;
    if (extra > 0) {
      const per = (k: "report" | "bare", m: "wall" | "cpu") => (b[k][m] - a[k][m]) / extra;
      lines.push(
        `   each further table / 每多一张表: report wall ${s(per("report", "wall"))} CPU ${s(per("report", "cpu"))} · ` +
          `bare pack wall ${s(per("bare", "wall"))} CPU ${s(per("bare", "cpu"))} (wall ÷ CPU ${(per("report", "wall") / per("report", "cpu")).toFixed(2)})`,
      );
    }
    // the machine's own share: a loop that only computes, run now, has this wall ÷ CPU too (1.0 on an idle machine)
    const loop = spawnSync(
      process.execPath,
      ["-e", "let x=0;for(let i=0;i<2e8;i++)x+=i%7;const u=process.cpuUsage();console.log(performance.now()/((u.user+u.system)/1000))"],
      { encoding: "utf8" },
    );
    lines.push(`   a CPU-only loop at the same time / 同时纯计算的循环: wall ÷ CPU ${Number(loop.stdout.trim()).toFixed(2)}`);
    return lines;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const r = benchNarrative();
  console.log(`narrative + fingerprint, 30 indicators: ${r.ms.toFixed(2)} ms median (goal < 50 ms), ${r.chars} characters`);
  const [one, many] = process.argv.slice(2);
  if (one && many) for (const line of benchReport(one, many)) console.log(line);
}
