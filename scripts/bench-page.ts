/**
 * The page's figure of `npm run bench` (run after it, as npm's postbench): the longest task on the standalone page's
 * thread (a PerformanceObserver("longtask") in Debian's Chromium, the BUILT dist/ served from 127.0.0.1) from
 * choosing a file until its results are shown — for the 14 MB workbook of bench-big.ts (a table beside a 200,000-row
 * 明细 sheet) and for each fixture. Goal: ≤ 200 ms (the page never freezes; the workbook worker does the work).
 * Needs dist/ (npm run build); without it the figure is skipped with a note.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser } from "playwright-core";
import { makeBigWorkbook } from "./bench-big";
import { CHROMIUM, CHROMIUM_ARGS } from "../test/support/chromium";

const GOAL_MS = 200;
const ROOT = process.cwd();

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS script (no typings), beside the sources
const { serveStatic } = require(path.join(ROOT, "scripts", "static-server.js")) as {
  serveStatic(root: string, o?: { host?: string; port?: number }): Promise<{ url: string; close(): Promise<void> }>;
};
const DIST = path.join(ROOT, "dist");

function fixtureFiles(): string[] {
  const dir = [path.resolve(ROOT, "../shared/fixtures"), path.resolve(ROOT, "test/data/fixtures")].find((d) => fs.existsSync(d));
  if (!dir) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => path.join(dir, f));
}

/** The longest task (ms) and the time to the results (ms) for one file, in a fresh page. */
async function measure(browser: Browser, url: string, file: string): Promise<{ longest: number; ms: number }> {
  const page = await browser.newPage({ viewport: { width: 360, height: 900 }, locale: "zh-CN" });
  try {
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(e.duration);
      }).observe({ type: "longtask", buffered: true });
    });
    await page.goto(url);
    await page.getByRole("button", { name: "检查", exact: true }).waitFor();
    await page.waitForTimeout(500);
    await page.evaluate(() => void ((window as unknown as { longTasks: number[] }).longTasks = []));
    const t = Date.now();
    await page.getByLabel("选择工作簿 (.xlsx)").setInputFiles(file);
    await page.getByTestId("results").waitFor({ timeout: 600_000 });
    const ms = Date.now() - t;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    return { longest: Math.max(0, ...tasks), ms };
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  console.log(`\n8. 页面最长任务 / the page's longest task while opening and checking a file (Chromium, goal ≤ ${GOAL_MS} ms)`);
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    console.log("   skipped: dist/ is not built (npm run build) / 未构建 dist/，跳过");
    return;
  }
  const fixtures = fixtureFiles();
  const project = fixtures.find((f) => /medical/.test(f)) ?? fixtures[0];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-bench-page-"));
  const server = await serveStatic(DIST, { host: "127.0.0.1", port: 0 });
  let browser: Browser | null = null;
  try {
    const big = path.join(dir, "big.xlsx");
    await makeBigWorkbook(project, big);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const url = `${server.url.replace(/\/$/, "")}/taskpane.html`;
    const verdict = (ms: number) => (ms <= GOAL_MS ? "met / 达标" : "NOT met / 未达标");
    const b = await measure(browser, url, big);
    const mb = (fs.statSync(big).size / 1024 / 1024).toFixed(1);
    console.log(
      `   ${mb} MB workbook (明细 200,000 rows): longest task ${b.longest.toFixed(0)} ms (${verdict(b.longest)}), results after ${b.ms} ms`,
    );
    let worst = 0;
    for (const f of fixtures) {
      const r = await measure(browser, url, f);
      worst = Math.max(worst, r.longest);
      console.log(`   ${path.basename(f).padEnd(42)} longest task ${r.longest.toFixed(0).padStart(4)} ms, results after ${r.ms} ms`);
    }
    console.log(`   fixtures: longest task ${worst.toFixed(0)} ms (${verdict(worst)})`);
  } finally {
    await browser?.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
