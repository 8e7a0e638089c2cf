/**
 * The standalone page end to end, in Debian's Chromium, on the BUILT dist/ served from 127.0.0.1:
 * for every shared fixture and the 东川 scorecard — choose the file, 检查 (the oracle's findings are shown), 填充公式 (preview),
 * 应用, 下载 (the downloaded workbook, recalculated by LibreOffice, holds the oracle's derived values),
 * 撤销 (a second download holds exactly what the file held before). No request may leave the page's origin.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { loadXlsx } from "../../src/adapters/xlsx";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { Grid } from "../../src/core/snapshot";
import { parseA1 } from "../../src/core/address";
import { recalcXlsx } from "../support/libreoffice";
import { RESULTS, expectedValues, fixtures, startSession, type Session } from "./helpers";
import { REAL_DIR } from "../support/scorecards";

jest.setTimeout(600_000);

let session: Session;

beforeAll(async () => {
  fs.mkdirSync(RESULTS, { recursive: true });
  session = await startSession("zh-CN");
});

afterAll(async () => {
  await session?.close();
});

async function openPane(): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await session.context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(`${session.origin}/taskpane.html`);
  await page.getByRole("button", { name: "检查", exact: true }).waitFor();
  return { page, pageErrors };
}

async function findingsShown(page: Page): Promise<{ code: string; cell: string; severity: string }[]> {
  return page.$$eval("[data-testid=finding]", (els) =>
    els.map((el) => ({
      code: el.getAttribute("data-code") ?? "",
      cell: el.getAttribute("data-cell") ?? "",
      severity: el.getAttribute("data-severity") ?? "",
    })),
  );
}

async function download(page: Page, into: string): Promise<Uint8Array> {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载", exact: true }).click()]);
  await dl.saveAs(into);
  expect(dl.suggestedFilename()).toMatch(/\.xlsx$/);
  return new Uint8Array(fs.readFileSync(into));
}

function cellOf(snaps: SheetSnapshot[], sheet: string, cell: string): { value: unknown; formula: string | null } {
  const snap = snaps.find((s) => s.name === sheet);
  if (!snap) throw new Error(`sheet ${sheet} missing`);
  const g = new Grid(snap);
  const { row, col } = parseA1(cell);
  return { value: g.value(row, col), formula: g.formula(row, col) };
}

function close(actual: number | string | null, expected: number | string | null, what: string): void {
  if (expected === null) {
    // No value can be computed (a zero budget): the cell must not show a number.
    expect({ what, ok: actual === null || actual === "" || typeof actual === "string" }).toEqual({ what, ok: true });
    return;
  }
  if (typeof expected === "string") {
    expect({ what, actual }).toEqual({ what, actual: expected });
    return;
  }
  expect({ what, type: typeof actual }).toEqual({ what, type: "number" });
  const tol = Math.abs(expected) < 2 ? 1e-4 : 0.005;
  expect({ what, diff: Math.abs((actual as number) - expected) <= tol, actual }).toEqual({ what, diff: true, actual });
}

const PAGE_FIXTURES = [...fixtures(), ...fixtures(REAL_DIR).filter((f) => f.name === "scorecard-dongchuan-2020")];

describe.each(PAGE_FIXTURES.map((f) => [f.name, f] as const))("standalone page · %s", (name, fx) => {
  test("check → findings, fill → preview → apply → download (LibreOffice recalc) → undo restores", async () => {
    const { page, pageErrors } = await openPane();
    const original = await loadXlsx(new Uint8Array(fs.readFileSync(fx.file)));
    const originalSnaps = original.snapshots();

    // Choose the file; then 检查 explicitly.
    await page.getByLabel("选择工作簿 (.xlsx)").setInputFiles(fx.file);
    await page.getByTestId("file-name").waitFor();
    await expect(page.getByTestId("file-name").innerText()).resolves.toContain(path.basename(fx.file));
    await page.getByRole("button", { name: "检查", exact: true }).click();
    await page.getByTestId("results").waitFor();
    await expect(page.getByTestId("error-bar").count()).resolves.toBe(0);

    const shown = await findingsShown(page);
    for (const sheet of fx.sheets) {
      for (const f of sheet.findings) {
        const hit = shown.some((s) => s.code === f.code && (!f.cell || s.cell === f.cell));
        expect({ fixture: name, finding: f.code, cell: f.cell ?? null, shown: hit }).toEqual({
          fixture: name,
          finding: f.code,
          cell: f.cell ?? null,
          shown: true,
        });
      }
    }
    // One card per recognised table, with its kind.
    await expect(page.getByTestId("table-card").count()).resolves.toBeGreaterThanOrEqual(fx.sheets.length);

    // Clicking a finding marks it (selects its cell).
    if (shown.length > 0) {
      const first = page.locator("[data-testid=finding] > button").first();
      await first.click();
      await expect(first.getAttribute("aria-current")).resolves.toBe("true");
    }
    await page.screenshot({ path: path.join(RESULTS, `pane-${name}-check.png`), fullPage: true });

    // 填充公式 → preview with every change.
    await page.getByRole("button", { name: "填充公式", exact: true }).click();
    await page.getByTestId("preview").waitFor();
    const changedCells = await page.$$eval("[data-testid=change]", (els) => els.map((e) => e.getAttribute("data-cell") ?? ""));
    expect(changedCells.length).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(RESULTS, `pane-${name}-preview.png`), fullPage: true });

    // 应用.
    const undo = page.getByRole("button", { name: "撤销", exact: true });
    await expect(undo.isDisabled()).resolves.toBe(true);
    await page.getByRole("button", { name: "应用", exact: true }).click();
    await page.getByTestId("notice").waitFor();
    await expect(page.getByTestId("preview").count()).resolves.toBe(0);
    await expect(undo.isEnabled()).resolves.toBe(true);

    // 下载 → LibreOffice recalculates the filled workbook → the oracle's derived values.
    const filled = await download(page, path.join(RESULTS, `pane-${name}-filled.xlsx`));
    const recalced = await recalcXlsx(filled);
    for (const sheet of fx.sheets) {
      const values = expectedValues(sheet);
      expect(values.length).toBeGreaterThan(0);
      for (const v of values) close(recalced.value(sheet.sheet, v.cell), v.value, `${name} ${sheet.sheet}!${v.cell} ${v.what}`);
    }

    // 撤销 → a second download holds what the file held before, in every cell the fill touched.
    await undo.click();
    await page.getByText(/已撤销/).waitFor();
    await expect(undo.isDisabled()).resolves.toBe(true);
    const restored = await loadXlsx(await download(page, path.join(RESULTS, `pane-${name}-restored.xlsx`)));
    const restoredSnaps = restored.snapshots();
    const sheetsTouched = fx.sheets.map((s) => s.sheet);
    for (const cell of changedCells) {
      for (const sheet of sheetsTouched) {
        const before = cellOf(originalSnaps, sheet, cell);
        const after = cellOf(restoredSnaps, sheet, cell);
        expect({ cell: `${sheet}!${cell}`, ...after }).toEqual({ cell: `${sheet}!${cell}`, ...before });
      }
    }

    expect(pageErrors).toEqual([]);
    expect(session.offOrigin).toEqual([]);
    await page.close();
  });
});

test("the guards are live: the page's CSP stops a fetch elsewhere; the route aborts and records any request that escapes", async () => {
  const page = await session.context.newPage();
  await page.goto(`${session.origin}/taskpane.html`);
  const before = session.offOrigin.length;
  // The pane's Content-Security-Policy (connect-src 'self') refuses before any request is made.
  const outcome = await page.evaluate(() =>
    fetch("https://example.invalid/probe").then(
      () => "reached",
      () => "blocked",
    ),
  );
  expect(outcome).toBe("blocked");
  expect(session.offOrigin.slice(before)).toEqual([]);
  // A request the CSP does not govern (a navigation) reaches the route, which aborts and records it.
  await expect(page.goto("https://example.invalid/escape")).rejects.toThrow();
  expect(session.offOrigin.slice(before)).toEqual(["https://example.invalid/escape"]);
  session.offOrigin.splice(before); // the probes were ours
  await page.close();
});

test("no request left the page's origin (whole session)", () => {
  expect(session.requests.length).toBeGreaterThan(0);
  expect(session.requests.some((u) => u.endsWith("/office.js"))).toBe(true);
  expect(session.requests.some((u) => /\.chunk\.js$/.test(u))).toBe(true); // ExcelJS came lazily, from here
  expect(session.offOrigin).toEqual([]);
});
