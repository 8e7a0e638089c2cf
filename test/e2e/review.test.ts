/**
 * Issue 13 in Chromium, on the built standalone page: the sheet view (a finding click highlights its cell and
 * scrolls it into view; a cell click selects its finding; arrow keys and Enter do the same), choosing changes
 * (an unchecked change leaves its cell as it was in the download, the checked ones are written), and the one
 * action for six numbers stored as text (its notice where the group was, focused).
 */
import * as fs from "fs";
import * as path from "path";
import type { Locator, Page } from "playwright-core";
import { loadXlsx } from "../../src/adapters/xlsx";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { Grid } from "../../src/core/snapshot";
import { parseA1 } from "../../src/core/address";
import { FIXTURES, RESULTS, openPage, startSession, type Session } from "./helpers";

jest.setTimeout(300_000);

let session: Session;
const FILE = path.join(FIXTURES, "project-medical-aid-2020.xlsx");

beforeAll(async () => {
  fs.mkdirSync(RESULTS, { recursive: true });
  session = await startSession("zh-CN");
});

afterAll(async () => {
  await session?.close();
});

const openWith = (file: string) => openPage(session, file);

async function download(page: Page, name: string): Promise<SheetSnapshot[]> {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载", exact: true }).click()]);
  const into = path.join(RESULTS, name);
  await dl.saveAs(into);
  return (await loadXlsx(new Uint8Array(fs.readFileSync(into)))).snapshots();
}

function cellOf(snaps: SheetSnapshot[], sheet: string, cell: string): { value: unknown; formula: string | null } {
  const g = new Grid(snaps.find((s) => s.name === sheet)!);
  const { row, col } = parseA1(cell);
  return { value: g.value(row, col), formula: g.formula(row, col) };
}

/** True when the element lies inside the visible part of the sheet view's scroll box. */
async function visibleInGrid(page: Page, cell: Locator): Promise<boolean> {
  const box = await page.getByTestId("sheet-grid").boundingBox();
  const c = await cell.boundingBox();
  if (!box || !c) return false;
  return c.y >= box.y - 1 && c.y + c.height <= box.y + box.height + 1 && c.x >= box.x - 1 && c.x < box.x + box.width;
}

test("sheet view: a finding click highlights its cell and scrolls it into view; a cell click selects its finding; keyboard too", async () => {
  const { page, errors } = await openWith(FILE);
  const view = page.getByTestId("sheet-view");
  await view.waitFor();
  // the table's bounds drawn with its merges: the 项目名称 label row has merged cells
  await expect(view.locator("td[colspan]").count()).resolves.toBeGreaterThan(0);
  // arithmetic cells are marked
  await expect(view.locator('td[data-cell="G6"]').getAttribute("data-derived")).resolves.toBe("true");

  // a finding far down the table: its cell becomes the selected one, inside the visible part of the grid
  const total = page.locator('[data-testid=finding][data-code="TOTAL_MISMATCH"] > button').first();
  const totalCell = (await page.locator('[data-testid=finding][data-code="TOTAL_MISMATCH"]').first().getAttribute("data-cell"))!;
  await total.click();
  const td = view.locator(`td[data-cell="${totalCell}"]`);
  await expect(td.getAttribute("data-selected")).resolves.toBe("true");
  await expect(view.locator("td[data-selected=true]").count()).resolves.toBe(1);
  await page.waitForTimeout(100);
  expect(await visibleInGrid(page, td)).toBe(true);
  await page.screenshot({ path: path.join(RESULTS, "sheet-view-total.png") });

  // then one near the top: the grid scrolls back
  await page.locator('[data-testid=finding][data-code="RATE_INVERTED"] > button').first().click();
  const g6 = view.locator('td[data-cell="G6"]');
  await expect(g6.getAttribute("data-selected")).resolves.toBe("true");
  await page.waitForTimeout(100);
  expect(await visibleInGrid(page, g6)).toBe(true);
  await expect(td.getAttribute("data-selected")).resolves.toBeNull();

  // clicking a cell with a finding selects that finding in the list
  await td.click();
  await expect(page.locator(`[data-testid=finding][data-cell="${totalCell}"] > button[aria-current=true]`).count()).resolves.toBe(1);

  // keyboard: the grid takes focus, arrow keys move the active cell, Enter selects the finding there
  await page.getByTestId("sheet-grid").focus();
  await page.locator('[data-testid=finding][data-code="RATE_INVERTED"] > button').first().click();
  await page.getByTestId("sheet-grid").focus();
  await page.keyboard.press("ArrowRight"); // G6 → H6 (BUDGET_SCORE_MISMATCH)
  await page.keyboard.press("Enter");
  await expect(view.locator('td[data-cell="H6"]').getAttribute("data-selected")).resolves.toBe("true");
  await expect(page.locator('[data-testid=finding][data-cell="H6"] > button[aria-current=true]').count()).resolves.toBeGreaterThan(0);
  expect(errors).toEqual([]);
  expect(session.offOrigin).toEqual([]);
  await page.close();
});

test("choosing changes: an unchecked change leaves its cell as it was in the download; the chosen ones are written", async () => {
  const original = (await loadXlsx(new Uint8Array(fs.readFileSync(FILE)))).snapshots();
  const { page, errors } = await openWith(FILE);
  const sheet = (await page.getByTestId("sheet-view").getAttribute("data-sheet"))!;
  await page.getByRole("button", { name: "填充公式", exact: true }).click();
  const preview = page.getByTestId("preview");
  await preview.waitFor();
  const groups = await preview.locator("[data-testid=change-group]").evaluateAll((els) => els.map((e) => e.getAttribute("data-group")));
  expect(groups).toEqual(["rate", "score", "total", "number"]);
  const cells = await preview.locator("[data-testid=change]").evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")!));

  // uncheck the 总分 group (its one change) with the keyboard: focus its checkbox, Space
  const totalGroup = preview.locator('[data-testid=change-group][data-group="total"]');
  const totalCell = (await totalGroup.locator("[data-testid=change]").first().getAttribute("data-cell"))!;
  await totalGroup.locator("input[type=checkbox]").first().focus();
  await page.keyboard.press("Space");
  await expect(totalGroup.locator("[data-testid=change]").first().getAttribute("data-chosen")).resolves.toBe("false");
  // the sheet view marks only what will be written
  const view = page.getByTestId("sheet-view");
  // (the view re-renders as a transition: wait for it rather than read it in the same turn)
  await view.locator(`td[data-cell="${totalCell}"]:not([data-planned])`).waitFor({ timeout: 10_000 });
  await expect(view.locator('td[data-cell="G6"]').getAttribute("data-planned")).resolves.toBe("true");

  // unchecking a text number that the rate formula reads is not possible: it stays checked, locked, and says why
  const numberGroup = preview.locator('[data-testid=change-group][data-group="number"]');
  await numberGroup.locator("input[type=checkbox]").first().click(); // the group checkbox
  await expect(numberGroup.locator("[data-testid=required-by]").count()).resolves.toBe(2);
  await expect(numberGroup.locator('[data-testid=change][data-chosen="true"]').count()).resolves.toBe(2);

  const apply = page.getByRole("button", { name: "应用", exact: true });
  await expect(apply.innerText()).resolves.toContain(String(cells.length - 1));
  await apply.click();
  const notice = page.getByTestId("notice");
  await notice.waitFor();
  await expect(notice.innerText()).resolves.toContain(`${cells.length - 1}`);
  // the preview has gone; its notice took the focus
  await expect(page.evaluate(() => !!document.activeElement?.closest("[data-testid=notice]"))).resolves.toBe(true);

  const after = await download(page, "review-chosen.xlsx");
  expect(cellOf(after, sheet, totalCell)).toEqual(cellOf(original, sheet, totalCell));
  for (const cell of cells.filter((c) => c !== totalCell)) {
    const now = cellOf(after, sheet, cell);
    const before = cellOf(original, sheet, cell);
    expect({ cell, changed: JSON.stringify(now) !== JSON.stringify(before) }).toEqual({ cell, changed: true });
  }
  expect(cellOf(after, sheet, "G6").formula).toMatch(/^=.*E6.*D6|^=.*D6.*E6/);
  expect(errors).toEqual([]);
  await page.close();
});

test("six numbers stored as text: one group, one button; the outcome stands where the group was, focused; undo restores", async () => {
  const original = (await loadXlsx(new Uint8Array(fs.readFileSync(FILE)))).snapshots();
  const { page, errors } = await openWith(FILE);
  const sheet = (await page.getByTestId("sheet-view").getAttribute("data-sheet"))!;
  const group = page.getByTestId("finding-fix");
  await expect(group.getAttribute("data-count")).resolves.toBe("6");
  const cells = await group.locator("[data-testid=fix-cell]").evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")!));
  expect(cells).toHaveLength(6);
  // a cell chip selects its cell in the sheet view
  await group.locator(`[data-testid=fix-cell][data-cell="${cells[2]}"]`).click();
  await expect(page.getByTestId("sheet-view").locator(`td[data-cell="${cells[2]}"]`).getAttribute("data-selected")).resolves.toBe("true");

  await page.getByRole("button", { name: "6 处文本数字 → 转为数字" }).click();
  const resolved = page.getByTestId("resolved-notice");
  await resolved.waitFor();
  await expect(resolved.innerText()).resolves.toContain("6");
  await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe("resolved-notice");
  await expect(page.getByTestId("finding-fix").count()).resolves.toBe(0);
  // the notice stands in the info list of the table, where the group was
  await expect(page.locator("[data-testid=findings] [data-testid=resolved-notice]").count()).resolves.toBe(1);

  const after = await download(page, "review-numbers.xlsx");
  for (const cell of cells) {
    const was = cellOf(original, sheet, cell).value as string;
    const now = cellOf(after, sheet, cell);
    expect(typeof was).toBe("string");
    expect(now.formula).toBeNull();
    expect(now.value).toBe(Number(was.replace(/[\s\u3000]/g, "")));
  }
  await page.getByRole("button", { name: "撤销", exact: true }).click();
  await page.getByText(/已撤销/).waitFor();
  const undone = await download(page, "review-numbers-undone.xlsx");
  for (const cell of cells) expect(cellOf(undone, sheet, cell)).toEqual(cellOf(original, sheet, cell));
  expect(errors).toEqual([]);
  await page.close();
});
