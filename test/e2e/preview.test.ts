/**
 * What the page shows is what the file holds (Chromium, the built standalone page): scrolled to the bottom, 填充公式
 * brings the preview on screen with the focus inside it; unchecking the 执行率 change recomputes the 执行率得分 and the
 * 总分 that read it (and says so); after 应用 the sheet view shows the computed numbers, the findings are the file's
 * as written, the notice offers the filled workbook; the downloaded file, recalculated by LibreOffice, shows exactly
 * what the preview said.
 */
import * as fs from "fs";
import * as path from "path";
import { recalcXlsx } from "../support/libreoffice";
import { FIXTURES, RESULTS, openPage, startSession, type Session } from "./helpers";

jest.setTimeout(300_000);

let session: Session;
const FILE = path.join(FIXTURES, "project-medical-aid-2020.xlsx");
const SHEET = "附件3-1";

beforeAll(async () => {
  fs.mkdirSync(RESULTS, { recursive: true });
  session = await startSession("zh-CN");
});

afterAll(async () => {
  await session?.close();
});

const openWith = (file: string) => openPage(session, file);

const num = (s: string) => Number(/-?\d+(?:\.\d+)?/.exec(s.replace(/,/g, ""))?.[0] ?? NaN);

test("uncheck the 执行率 change: the preview's dependent values, the card and the downloaded file (LibreOffice) agree", async () => {
  const { page, errors } = await openWith(FILE);
  // no alarm for a count of zero: no red badge reads "错误 0"
  const errorBadge = page.getByTestId("count-error");
  if ((await errorBadge.innerText()).trim().endsWith(" 0")) {
    await expect(errorBadge.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.not.toMatch(
      /rgb\(\s*(19\d|2\d\d),\s*\d{1,2},/,
    );
  }

  // scrolled to the bottom, 填充公式 puts the preview on screen and the focus inside it
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.getByRole("button", { name: "填充公式", exact: true }).click();
  const preview = page.getByTestId("preview");
  await preview.waitFor();
  await page.waitForTimeout(300);
  const box = await preview.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeLessThan(viewport.height - 100);
  await expect(page.evaluate(() => !!document.activeElement?.closest("[data-testid=preview]"))).resolves.toBe(true);
  // the change list is not an inner scroll box: it takes the pane's height
  await expect(page.getByTestId("preview-body").evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).resolves.toBe(true);
  // locked conversions look locked and say why
  for (const locked of await preview.locator("[data-testid=change][data-locked=true]").all()) {
    await expect(locked.locator("svg").count()).resolves.toBeGreaterThan(0);
    await expect(locked.getByTestId("required-by").innerText()).resolves.toMatch(/已锁定/);
  }

  // all chosen: H6 = 10, 总分 98
  const h6 = preview.locator("[data-testid=change][data-cell=H6]");
  await expect(h6.getByTestId("change-value").innerText()).resolves.toMatch(/= 10$/);
  const total = page.getByTestId("total").first();
  await expect(total.innerText()).resolves.toBe("98");

  // uncheck G6 (the 执行率 formula): H6 reads the typed 99.15% → 9.92; 总分 97.92; the card says so
  await preview.locator("[data-testid=change][data-cell=G6] input[type=checkbox]").click();
  await expect(preview.locator("[data-testid=change][data-cell=G6]").getAttribute("data-chosen")).resolves.toBe("false");
  const h6Value = num(await h6.getByTestId("change-value").innerText());
  expect(h6Value).toBeCloseTo(9.92, 5);
  await expect(h6.getByTestId("depends-on").innerText()).resolves.toMatch(/H6 依赖 G6/);
  const h23Value = num(await preview.locator("[data-testid=change][data-cell=H23]").getByTestId("change-value").innerText());
  expect(h23Value).toBeCloseTo(97.92, 5);
  await expect(total.innerText()).resolves.toBe("97.92");

  // Escape closes the preview; 填充公式 opens it again with everything chosen
  await page.keyboard.press("Escape");
  await expect(preview.count()).resolves.toBe(0);
  await page.getByRole("button", { name: "填充公式", exact: true }).click();
  await preview.waitFor();
  await preview.locator("[data-testid=change][data-cell=G6] input[type=checkbox]").click();
  await page.getByTestId("apply").click();

  // after 应用: the notice (focused) offers the filled workbook and the report
  const notice = page.getByTestId("notice");
  await notice.getByText(/已写入/).waitFor();
  await expect(page.evaluate(() => !!document.activeElement?.closest("[data-testid=notice]"))).resolves.toBe(true);
  await expect(notice.getByTestId("notice-report").count()).resolves.toBe(1);
  // the sheet view shows the computed numbers of the formulas just written
  const view = page.getByTestId("sheet-view");
  await expect(view.locator('td[data-cell="H6"]').innerText()).resolves.toBe("9.92");
  await expect(view.locator('td[data-cell="H23"]').innerText()).resolves.toBe("97.92");
  // the findings are the file's as written: the 执行率 G6 still differs from the rule, and so does H6 that reads it
  await expect(page.locator('[data-testid=finding][data-cell="G6"]').count()).resolves.toBeGreaterThan(0);
  await expect(page.locator('[data-testid=finding][data-code="BUDGET_SCORE_MISMATCH"][data-cell="H6"]').count()).resolves.toBe(1);

  // the downloaded file, recalculated from scratch by LibreOffice, holds what the preview showed
  const [dl] = await Promise.all([page.waitForEvent("download"), notice.getByTestId("notice-download").click()]);
  const into = path.join(RESULTS, "preview-unchecked-rate.xlsx");
  await dl.saveAs(into);
  const lo = await recalcXlsx(into);
  expect(lo.value(SHEET, "H6")).toBeCloseTo(h6Value, 5);
  expect(lo.value(SHEET, "H23")).toBeCloseTo(h23Value, 5);
  expect(lo.value(SHEET, "G6")).toBe("99.15%"); // left as it was
  // Escape closes the notice the focus is in
  await page.getByTestId("notice").getByRole("button").last().focus();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("notice").count()).resolves.toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});
