/**
 * Shared by the e2e tests: build dist/ when it is missing, serve it on 127.0.0.1, launch Debian's Chromium with
 * the machine's flags, and record every request that tries to leave the page's origin (and abort it).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { FIXTURE_DIR } from "../support/fixtures";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS script (no typings)
const { serveStatic } = require("../../scripts/static-server.js") as {
  serveStatic(root: string, o?: { host?: string; port?: number }): Promise<{ url: string; close(): Promise<void> }>;
};

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
export const FIXTURES = process.env.JIXIAO_FIXTURES ?? FIXTURE_DIR;
export const RESULTS = path.join(ROOT, "test-results");
import { CHROMIUM, CHROMIUM_ARGS } from "../support/chromium";
export { CHROMIUM, CHROMIUM_ARGS };

/** Builds dist/ (production) unless it is there already; E2E_REBUILD=1 forces a build. */
export function ensureBuilt(): void {
  if (process.env.E2E_REBUILD !== "1" && fs.existsSync(path.join(DIST, "taskpane.html"))) return;
  const webpack = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const r = spawnSync(process.execPath, [webpack, "--mode", "production"], { cwd: ROOT, encoding: "utf8", timeout: 900_000 });
  if (r.status !== 0) throw new Error(`webpack build failed:\n${r.stdout}\n${r.stderr}`);
}

export interface Session {
  origin: string;
  browser: Browser;
  context: BrowserContext;
  /** Every URL the page asked for. */
  requests: string[];
  /** Requests to anywhere but the local server (aborted). */
  offOrigin: string[];
  close(): Promise<void>;
}

export async function startSession(locale = "zh-CN"): Promise<Session> {
  ensureBuilt();
  const server = await serveStatic(DIST, { host: "127.0.0.1", port: 0 });
  const origin = new URL(server.url).origin;
  // Playwright gives the browser a fresh, temporary profile of its own.
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (e) {
    await server.close();
    throw e;
  }
  const context = await browser.newContext({
    locale,
    viewport: { width: 360, height: 900 },
    deviceScaleFactor: 1,
    acceptDownloads: true,
  });
  const requests: string[] = [];
  const offOrigin: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    const local = url.startsWith(`${origin}/`) || url.startsWith("blob:") || url.startsWith("data:");
    if (local) return route.continue();
    if (!offOrigin.includes(url)) offOrigin.push(url);
    return route.abort("blockedbyclient");
  });
  context.on("request", (r) => {
    requests.push(r.url());
    const u = r.url();
    if (!(u.startsWith(`${origin}/`) || u.startsWith("blob:") || u.startsWith("data:")) && !offOrigin.includes(u)) offOrigin.push(u);
  });
  return {
    origin,
    browser,
    context,
    requests,
    offOrigin,
    close: async () => {
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}

/** A new page of the session on the standalone page with a workbook chosen and checked; page errors collected. */
export async function openPage(session: Session, file: string): Promise<{ page: Page; errors: string[] }> {
  const page = await session.context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${session.origin}/taskpane.html`);
  await page.getByLabel("选择工作簿 (.xlsx)").setInputFiles(file);
  await page.getByTestId("results").waitFor();
  return { page, errors };
}

export interface OracleFinding {
  code: string;
  cell?: string;
}

export interface OracleSheet {
  sheet: string;
  kind: string;
  cells: Record<string, unknown>;
  expect: Record<string, unknown>;
  findings: OracleFinding[];
}

export interface Fixture {
  name: string;
  file: string;
  sheets: OracleSheet[];
}

export function fixtures(dir: string = FIXTURES): Fixture[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => {
      const name = f.replace(/\.xlsx$/, "");
      const oracle = JSON.parse(fs.readFileSync(path.join(dir, `${name}.expected.json`), "utf8")) as { sheets: OracleSheet[] };
      return { name, file: path.join(dir, f), sheets: oracle.sheets };
    });
}

/** The cells and values an oracle expects after the fill: [sheet, cell, expected (number | string | null)]. */
export function expectedValues(sheet: OracleSheet): { cell: string; value: number | string | null; what: string }[] {
  const out: { cell: string; value: number | string | null; what: string }[] = [];
  const c = sheet.cells as Record<string, any>;
  const e = sheet.expect as Record<string, any>;
  const put = (cell: unknown, value: unknown, what: string) => {
    if (typeof cell === "string" && (typeof value === "number" || typeof value === "string" || value === null))
      out.push({ cell, value, what });
  };
  if (sheet.kind === "project") {
    put(c.rate, e.rate, "rate");
    put(c.budgetScore, e.budgetScore, "budgetScore");
    put(c.total, e.total, "total");
    for (const [cell, v] of Object.entries(e.scores ?? {})) put(cell, v, `score ${cell}`);
    for (const [cell, v] of Object.entries(e.kept ?? {})) put(cell, v, `kept ${cell}`);
    if (typeof e.quantityScore === "number") {
      const ind = (c.indicators as any[]).find((i) => i.scoreValue === e.quantityScore);
      if (ind) put(ind.score, e.quantityScore, "quantityScore");
    }
  } else if (sheet.kind === "department") {
    (c.fundRows as any[]).forEach((row, i) => put(row.rate, e.rates?.[i] ?? null, `rate ${row.label}`));
    put(c.total, e.total, "total");
    for (const [cell, v] of Object.entries(e.kept ?? {})) put(cell, v, `kept ${cell}`);
  } else if (sheet.kind === "summary") {
    (c.totals as string[]).forEach((cell, i) => put(cell, e.totals?.[i], `total ${cell}`));
    (c.rows as any[]).forEach((row, i) => put(row.rate, e.rates?.[i], `rate ${row.name}`));
  } else if (sheet.kind === "scorecard") {
    put(c.total, e.total, "total");
    for (const [cell, v] of Object.entries(e.subtotals ?? {})) put(cell, v, `subtotal ${cell}`);
    for (const [cell, v] of Object.entries(e.kept ?? {})) put(cell, v, `kept ${cell}`);
  }
  return out;
}
