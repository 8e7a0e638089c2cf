/**
 * Issue 13 item 1 in Chromium, on the built standalone page: 标注问题 → its preview (the cells, colour and severity,
 * how many) → 应用 (the notice where the preview was, focused) → 下载: the copy holds a note on every planned cell and
 * its colour, and every value and formula as read; 清除标注 → preview of the marks found → 应用 → 下载: no note of
 * ours, every fill as read; 撤销 after marking takes the marks back. The page is driven by the keyboard where a
 * person would use it.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { FileHost } from "../../src/adapters/xlsx/FileHost";
import { loadXlsx } from "../../src/adapters/xlsx";
import { analyzeWorkbook } from "../../src/core";
import { MARK_AUTHOR, markPlan, type CellMark } from "../../src/core/marks";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { snapshotCells } from "../../src/core/snapshot";
import { FIXTURES, RESULTS, startSession, type Session } from "./helpers";

jest.setTimeout(300_000);

let session: Session;
// A table with errors and warnings on many cells (rates, scores, totals, text numbers).
const FILE = path.join(FIXTURES, "project-medical-aid-2020.xlsx");
let planned: CellMark[] = [];

beforeAll(async () => {
  fs.mkdirSync(RESULTS, { recursive: true });
  const host = await FileHost.open(path.basename(FILE), new Uint8Array(fs.readFileSync(FILE)));
  planned = markPlan(analyzeWorkbook(await host.readSheets("all")), { lang: "zh" }).marks;
  session = await startSession("zh-CN");
});

afterAll(async () => {
  await session?.close();
});

async function open(): Promise<{ page: Page; errors: string[] }> {
  const page = await session.context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${session.origin}/taskpane.html`);
  await page.getByLabel("选择工作簿 (.xlsx)").setInputFiles(FILE);
  await page.getByTestId("results").waitFor();
  return { page, errors };
}

/** 下载: where the copy was saved, and the name the page gave it. */
async function download(page: Page, name: string): Promise<{ file: string; suggested: string }> {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载", exact: true }).click()]);
  const into = path.join(RESULTS, name);
  await dl.saveAs(into);
  return { file: into, suggested: dl.suggestedFilename() };
}

/** Every cell's value and formula, by sheet and address. */
async function contents(file: string): Promise<Map<string, string>> {
  const snaps: SheetSnapshot[] = (await loadXlsx(new Uint8Array(fs.readFileSync(file)))).snapshots();
  const out = new Map<string, string>();
  for (const s of snaps)
    for (const c of snapshotCells(s)) out.set(`${s.name}!${c.row},${c.col}`, JSON.stringify([c.value, c.formula ?? null]));
  return out;
}

/** The notes and fills of a file (ExcelJS, independent of the page's writer). */
async function notesAndFills(file: string): Promise<{ notes: Map<string, string>; fills: Map<string, string> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const notes = new Map<string, string>();
  const fills = new Map<string, string>();
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const key = `${ws.name}!${cell.address}`;
        const note = cell.note;
        if (note) {
          const text = typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
          notes.set(key, text);
        }
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        if (fill && fill.type === "pattern" && fill.pattern !== "none") fills.set(key, `${fill.pattern}:${fill.fgColor?.argb ?? ""}`);
      }),
    );
  });
  return { notes, fills };
}

test("标注问题 → preview → 应用 → 下载: a note and a colour on every planned cell, every value and formula as read; 清除标注 gives back the file's fills", async () => {
  expect(planned.length).toBeGreaterThan(3);
  const original = await contents(FILE);
  const originalMarks = await notesAndFills(FILE);
  const { page, errors } = await open();

  // keyboard: 标注问题 is in the toolbar, reached and pressed with the keyboard
  const markButton = page.getByRole("button", { name: "标注问题", exact: true });
  await markButton.focus();
  await page.keyboard.press("Enter");
  const preview = page.getByTestId("marks-preview-mark");
  await preview.waitFor();
  await expect(preview.locator("[data-testid=mark-row]").count()).resolves.toBe(planned.length);
  await expect(preview.innerText()).resolves.toContain(`标注预览：${planned.length} 个单元格`);
  // the preview's 应用 has the focus; 取消 puts it back on 标注问题
  await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe("marks-apply");
  await preview.getByTestId("marks-cancel").click();
  await expect(page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).resolves.toBe("标注问题");
  await page.keyboard.press("Enter");
  await preview.waitFor();
  await page.screenshot({ path: path.join(RESULTS, "marks-preview.png") });
  await page.keyboard.press("Enter"); // 应用 (focused)

  const notice = page.getByTestId("marks-notice");
  await notice.waitFor();
  await expect(notice.innerText()).resolves.toContain(`已标注 ${planned.length} 个单元格`);
  await expect(page.evaluate(() => !!document.activeElement?.closest("[data-testid=marks-notice]"))).resolves.toBe(true);
  await expect(page.getByRole("button", { name: "撤销", exact: true }).isEnabled()).resolves.toBe(true);

  const { file: markedFile, suggested } = await download(page, "marks-marked.xlsx");
  expect(suggested).toBe("project-medical-aid-2020（已标注）.xlsx");
  expect(await contents(markedFile)).toEqual(original); // no value, no formula changed
  const marked = await notesAndFills(markedFile);
  for (const m of planned) {
    const key = `${m.sheet}!${m.cell}`;
    expect({ key, note: marked.notes.get(key)?.replace(/\r\n?/g, "\n") }).toEqual({ key, note: m.note });
    expect({ key, fill: marked.fills.get(key) }).toEqual({ key, fill: `solid:FF${m.fill}` });
  }
  // nothing else got a note or a colour
  for (const [key, note] of marked.notes)
    if (!planned.some((m) => `${m.sheet}!${m.cell}` === key)) expect(originalMarks.notes.get(key)).toBe(note);
  for (const [key, fill] of marked.fills)
    if (!planned.some((m) => `${m.sheet}!${m.cell}` === key)) expect({ key, fill: originalMarks.fills.get(key) }).toEqual({ key, fill });

  // 清除标注: its preview lists the marks found, 应用 removes them
  await page.getByRole("button", { name: "清除标注", exact: true }).click();
  const clear = page.getByTestId("marks-preview-clear");
  await clear.waitFor();
  await expect(clear.locator("[data-testid=mark-row]").count()).resolves.toBe(planned.length);
  await clear.getByTestId("marks-apply").click();
  await expect(notice.innerText()).resolves.toContain(`已清除 ${planned.length} 个单元格的标注`);
  const { file: clearedFile } = await download(page, "marks-cleared.xlsx");
  expect(await contents(clearedFile)).toEqual(original);
  const cleared = await notesAndFills(clearedFile);
  expect([...cleared.notes.values()].filter((n) => n.startsWith(MARK_AUTHOR))).toEqual([]);
  expect(cleared.fills).toEqual(originalMarks.fills);
  expect(errors).toEqual([]);
  expect(session.offOrigin).toEqual([]);
  await page.close();
});

test("撤销 after 标注问题 takes the marks back", async () => {
  const originalMarks = await notesAndFills(FILE);
  const { page, errors } = await open();
  await page.getByRole("button", { name: "标注问题", exact: true }).click();
  await page.getByTestId("marks-preview-mark").getByTestId("marks-apply").click();
  await page.getByTestId("marks-notice").waitFor();
  await page.getByRole("button", { name: "撤销", exact: true }).click();
  await page.getByText(/已撤销/).waitFor();
  const undone = await notesAndFills((await download(page, "marks-undone.xlsx")).file);
  expect([...undone.notes.values()].filter((n) => n.startsWith(MARK_AUTHOR))).toEqual([]);
  expect(undone.fills).toEqual(originalMarks.fills);
  expect(errors).toEqual([]);
  await page.close();
});
