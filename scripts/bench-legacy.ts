/**
 * Section 7 of `npm run bench`: reading a workbook in each legacy format against reading it as .xlsx. Every fixture
 * is converted by LibreOffice (one soffice run per format: .xls, .ods, and the HTML export named .xls); then each
 * file is read (bytes → the snapshots the engine gets: src/adapters/legacy loadWorkbookSync) side by side with its
 * .xlsx (src/adapters/xlsx loadXlsx), median of N runs after a warm-up, all in one run (warm: SheetJS, which only
 * .xls/.et still need, already loaded). Then the cold cost: one fresh Node process per format reads one fixture
 * twice — the first read pays for loading the modules (SheetJS for .xls), the second is warm.
 * Goal: each format's median ≤ 1.5× the .xlsx, warm. Without soffice on the PATH the section says so and is skipped.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadXlsxSync } from "../src/adapters/xlsx";
import { loadWorkbookSync } from "../src/adapters/legacy";
import { sheetJS } from "../src/adapters/legacy/node";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timeMedian(runs: number, fn: () => unknown): number {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    xs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(xs);
}

function soffice(): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const p = path.join(dir, "soffice");
    if (fs.existsSync(p)) return p;
  }
  return null;
}

/**
 * One fresh Node process reads a file twice through loadWorkbookSync: the first read's time includes loading what
 * it needs (SheetJS for .xls), the second is warm. The compiled modules sit beside this script (npm run bench).
 */
function coldRead(file: string, name: string): [number, number] {
  const legacy = JSON.stringify(path.join(__dirname, "../src/adapters/legacy/node"));
  const index = JSON.stringify(path.join(__dirname, "../src/adapters/legacy/index"));
  const code =
    `const fs=require("fs");const b=new Uint8Array(fs.readFileSync(${JSON.stringify(file)}));` +
    `const t0=process.hrtime.bigint();const {sheetJS}=require(${legacy});const {loadWorkbookSync}=require(${index});` +
    `loadWorkbookSync(b,${JSON.stringify(name)},sheetJS).snapshots();const t1=process.hrtime.bigint();` +
    `loadWorkbookSync(b,${JSON.stringify(name)},sheetJS).snapshots();const t2=process.hrtime.bigint();` +
    `process.stdout.write(JSON.stringify([Number(t1-t0)/1e6,Number(t2-t1)/1e6]));`;
  return JSON.parse(execFileSync(process.execPath, ["-e", code], { encoding: "utf8", timeout: 60_000 })) as [number, number];
}

const FORMATS: [string, string, string][] = [
  ["xls", "xls:MS Excel 97", "xls"],
  ["ods", "ods", "ods"],
  ["html.xls", "html:HTML (StarCalc)", "html"],
];

export function benchLegacy(files: string[], runs = Number(process.env.BENCH_LEGACY_RUNS ?? 20)): string[] {
  const bin = soffice();
  if (!bin) return ["   (skipped: LibreOffice soffice not on the PATH / 未找到 soffice，跳过)"];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-bench-legacy-"));
  const lines: string[] = [];
  try {
    const profile = path.join(work, "profile");
    for (const [dir, filter] of FORMATS) {
      const out = path.join(work, dir);
      fs.mkdirSync(out);
      execFileSync(
        bin,
        ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", filter, "--outdir", out, ...files],
        {
          stdio: "ignore",
          timeout: 300_000,
        },
      );
    }
    const header = `   ${"fixture".padEnd(46)} ${"xlsx".padStart(8)}  ${FORMATS.map(([f]) => `${f.padStart(9)} ×`.padEnd(18)).join("")}`;
    lines.push(header);
    const ratios = new Map<string, number[]>(FORMATS.map(([f]) => [f, []]));
    for (const f of files) {
      const base = path.basename(f, ".xlsx");
      const xlsx = new Uint8Array(fs.readFileSync(f));
      loadXlsxSync(xlsx).snapshots(); // warm up
      const tx = timeMedian(runs, () => loadXlsxSync(xlsx).snapshots());
      let row = `   ${base.padEnd(46)} ${tx.toFixed(2).padStart(6)} ms  `;
      for (const [dir, , ext] of FORMATS) {
        const p = path.join(work, dir, `${base}.${ext}`);
        if (!fs.existsSync(p)) {
          row += "—".padEnd(18);
          continue;
        }
        const bytes = new Uint8Array(fs.readFileSync(p));
        const name = dir === "html.xls" ? `${base}.xls` : `${base}.${ext}`;
        loadWorkbookSync(bytes, name, sheetJS).snapshots(); // warm up (SheetJS loaded)
        const t = timeMedian(runs, () => loadWorkbookSync(bytes, name, sheetJS).snapshots());
        ratios.get(dir)!.push(t / tx);
        row += `${t.toFixed(2).padStart(6)} ms ${(t / tx).toFixed(2).padStart(5)}×  `;
      }
      lines.push(row);
    }
    const summary = FORMATS.map(([f]) => {
      const r = ratios.get(f)!;
      const m = median(r);
      return `${f} median ${m.toFixed(2)}× (max ${Math.max(...r).toFixed(2)}×)`;
    });
    const worst = Math.max(...FORMATS.map(([f]) => median(ratios.get(f)!)));
    lines.push(`   warm / 预热后: ${summary.join(" · ")}  (goal ≤ 1.5×: ${worst <= 1.5 ? "met / 达标" : "NOT met / 未达标"})`);
    const sample = files.find((f) => /medical/.test(f)) ?? files[0];
    const base = path.basename(sample, ".xlsx");
    const cold = [
      ["xlsx", sample, `${base}.xlsx`] as const,
      ...FORMATS.map(
        ([dir, , ext]) => [dir, path.join(work, dir, `${base}.${ext}`), dir === "html.xls" ? `${base}.xls` : `${base}.${ext}`] as const,
      ),
    ]
      .filter(([, p]) => fs.existsSync(p))
      .map(([f, p, name]) => {
        const [first, second] = coldRead(p, name);
        return `${f} ${first.toFixed(1)} ms → ${second.toFixed(2)} ms`;
      });
    lines.push(`   cold / 首次 (${base}, fresh process: first read → second): ${cold.join(" · ")}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return lines;
}
