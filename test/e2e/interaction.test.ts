/**
 * The standalone page in Chromium beyond the happy path: English browsers, a file that is not a workbook,
 * keyboard-only use, 采纳建议 with undo, 生成报告 (its command fetched only when asked for; the differing figures
 * first; the .docx holds tables and the chart rasterised in the page, and LibreOffice opens it; a part that cannot be
 * fetched is said in both languages), and the settings (profile remembered across reloads).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { sofficeConvert } from "../support/libreoffice";
import { FIXTURES, RESULTS, startSession, type Session } from "./helpers";

jest.setTimeout(300_000);

let zh: Session;
let en: Session;

beforeAll(async () => {
  fs.mkdirSync(RESULTS, { recursive: true });
  zh = await startSession("zh-CN");
  en = await startSession("en-US");
});

afterAll(async () => {
  await zh?.close();
  await en?.close();
});

/** The report command's own chunk (src/taskpane/parts.ts), content-hashed. */
const REPORT_CHUNK = /\/report\.[0-9a-f]+\.chunk\.js$/;

async function open(session: Session): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await session.context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`${session.origin}/taskpane.html`);
  await page.getByRole("button", { name: "检查", exact: true }).waitFor();
  return { page, errors, requests };
}

test("English browser: English UI, the same accessible names, a bad file gives a bilingual message", async () => {
  const { page, errors } = await open(en);
  await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
  await expect(page.getByRole("button", { name: "检查", exact: true }).innerText()).resolves.toBe("Check");
  await expect(page.getByRole("button", { name: "填充公式", exact: true }).innerText()).resolves.toBe("Fill formulas");

  const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-bad-")), "notes.xlsx");
  fs.writeFileSync(bad, "这不是工作簿 / not a workbook\n");
  await page.getByLabel("选择工作簿 (.xlsx)", { exact: false }).setInputFiles(bad);
  const bar = page.getByTestId("error-bar");
  await bar.waitFor();
  const text = await bar.innerText();
  expect(text).toMatch(/[\u4e00-\u9fff]/); // the Chinese sentence …
  expect(text).toMatch(/[A-Za-z]{4,}/); // … and the English one
  expect(text).not.toMatch(/at \w+ \(|TypeError|stack/i);
  // The pane is still usable: the commands are there, disabled (no workbook).
  await expect(page.getByRole("button", { name: "检查", exact: true }).isDisabled()).resolves.toBe(true);
  await page.screenshot({ path: path.join(RESULTS, "pane-bad-file-en.png") });
  expect(errors).toEqual([]);
  expect(en.offOrigin).toEqual([]);
  await page.close();
});

test("keyboard only: Tab reaches 检查, Enter runs it, arrow keys walk the findings, Enter selects one", async () => {
  const { page, errors } = await open(zh);
  await page.getByLabel("选择工作簿 (.xlsx)").setInputFiles(path.join(FIXTURES, "project-medical-aid-2020.xlsx"));
  await page.getByTestId("results").waitFor();

  await page.locator("body").focus();
  let reached = false;
  for (let i = 0; i < 15 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = (await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))) === "检查";
  }
  expect(reached).toBe(true);
  await page.keyboard.press("Enter");
  await page.getByTestId("results").waitFor();

  const first = page.locator("[data-testid=finding] > button").first();
  await first.focus();
  const firstText = await first.innerText();
  await page.keyboard.press("ArrowDown");
  const now = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? "");
  expect(now).not.toBe(firstText);
  expect(now.length).toBeGreaterThan(0);
  const focusedInFindings = await page.evaluate(() => !!document.activeElement?.closest("[data-testid=findings]"));
  expect(focusedInFindings).toBe(true);
  await page.keyboard.press("Enter");
  await expect(page.locator("[data-testid=finding] > button[aria-current=true]").count()).resolves.toBe(1);
  expect(errors).toEqual([]);
  await page.close();
});

test("采纳建议 writes the suggested value (undoable) and the finding goes away", async () => {
  const { page, errors } = await open(zh);
  await page.getByLabel("选择工作簿 (.xlsx)").setInputFiles(path.join(FIXTURES, "project-medical-aid-2020.xlsx"));
  await page.getByTestId("results").waitFor();
  const adopt = page.getByRole("button", { name: /^采纳建议/ }).first();
  const item = page.locator("[data-testid=finding]", { has: adopt }).first();
  const cell = await item.getAttribute("data-cell");
  const code = await item.getAttribute("data-code");
  await adopt.click();
  await page.getByText(/已采纳建议/).waitFor();
  await expect(page.locator(`[data-testid=finding][data-code="${code}"][data-cell="${cell}"]`).count()).resolves.toBe(0);
  const undo = page.getByRole("button", { name: "撤销", exact: true });
  await expect(undo.isEnabled()).resolves.toBe(true);
  await undo.click();
  await page.getByText(/已撤销/).waitFor();
  await expect(page.locator(`[data-testid=finding][data-code="${code}"][data-cell="${cell}"]`).count()).resolves.toBe(1);
  expect(errors).toEqual([]);
  await page.close();
});

test("生成报告 on an unfilled table: the differing figures first, nothing written until 按表中数字生成 or 先填充再生成", async () => {
  const { page, errors, requests } = await open(zh);
  await page.getByLabel("选择工作簿 (.xlsx)").setInputFiles(path.join(FIXTURES, "project-medical-aid-2020.xlsx"));
  await page.getByTestId("results").waitFor();
  // opening and checking never fetched the report's command: it comes with the first 生成报告, once
  expect(requests.filter((u) => REPORT_CHUNK.test(u))).toEqual([]);
  let downloads = 0;
  page.on("download", () => downloads++);
  const report = page.getByRole("button", { name: "生成报告", exact: true });
  await report.click();
  const wait = page.getByTestId("report-differences");
  await wait.waitFor();
  expect(requests.filter((u) => REPORT_CHUNK.test(u))).toHaveLength(1);
  // the inverted 执行率 of this table (G6: 99.15% stated, 100.86% by the rule) is listed at its cell
  const cells = await page.getByTestId("report-difference").evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")));
  expect(cells).toContain("G6");
  await expect(page.getByTestId("report-difference").first().innerText()).resolves.toMatch(/→/);
  // the first choice has the focus; nothing was written yet
  await expect(page.evaluate(() => document.activeElement?.textContent ?? "")).resolves.toBe("先填充再生成");
  expect(downloads).toBe(0);
  // Escape cancels without writing
  await page.keyboard.press("Escape");
  await expect(wait.count()).resolves.toBe(0);
  expect(downloads).toBe(0);
  // 按表中数字生成 writes the report from the table's figures
  await report.click();
  await wait.waitFor();
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "按表中数字生成" }).click()]);
  expect(dl.suggestedFilename()).toMatch(/自评报告\.docx$/);
  await expect(wait.count()).resolves.toBe(0);
  // the downloaded .docx holds real Word tables (header row repeated) and the chart, rasterised in the page as PNG
  const docxFile = path.join(RESULTS, "pane-report-as-is.docx");
  await dl.saveAs(docxFile);
  const zip = await JSZip.loadAsync(fs.readFileSync(docxFile));
  const documentXml = await zip.file("word/document.xml")!.async("string");
  expect((documentXml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(2);
  expect(documentXml).toContain("<w:tblHeader/>");
  expect(documentXml).toMatch(/<w:drawing>[\s\S]*jixiao-chart-1/);
  const media = zip.file(/^word\/media\/.+\.png$/);
  expect(media).toHaveLength(1);
  const png = await media[0].async("uint8array");
  expect(Buffer.from(png.subarray(0, 8)).toString("hex")).toBe("89504e470d0a1a0a");
  // drawn at twice its shown size (1280 × 680), not blank: many colours in a black-and-white chart's antialiasing
  expect(Buffer.from(png.subarray(16, 24)).readUInt32BE(0)).toBe(1280);
  expect(png.length).toBeGreaterThan(8000);
  // LibreOffice opens it: the PDF holds the table caption and the figure caption
  const pdf = await sofficeConvert(docxFile, "pdf", fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-pane-docx-")));
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
  expect(text).toContain("表1");
  expect(text).toContain("图1");
  // 先填充再生成 opens the fill preview and says what comes next; still nothing written
  await report.click();
  await wait.waitFor();
  await page.getByRole("button", { name: "先填充再生成" }).click();
  await page.getByTestId("preview").waitFor();
  await page.getByText(/然后再点“生成报告”/).waitFor();
  expect(downloads).toBe(1);
  expect(errors).toEqual([]);
  await page.close();
});

test("生成报告 when its command cannot be fetched: the catalogue's sentence in both languages; once it can, it goes on", async () => {
  const { page, errors } = await open(zh);
  let refused = 0;
  await page.route(REPORT_CHUNK, (route) => {
    refused++;
    return route.abort("failed");
  });
  await page.getByLabel("选择工作簿 (.xlsx)").setInputFiles(path.join(FIXTURES, "project-medical-aid-2020.xlsx"));
  await page.getByTestId("results").waitFor();
  const report = page.getByRole("button", { name: "生成报告", exact: true });
  await report.click();
  const bar = page.getByTestId("error-bar");
  await bar.waitFor();
  const text = await bar.innerText();
  expect(text).toContain("生成报告所需的程序文件未能加载");
  expect(text).toContain("The part of the add-in that writes the report could not be loaded");
  expect(text).not.toMatch(/chunk|https?:|\.js\b|\bat\b.*:\d+/i);
  expect(refused).toBe(1);
  await expect(page.getByTestId("report-differences").count()).resolves.toBe(0);
  // the pane is usable again, and once the file can be fetched the same button goes on
  await page.unroute(REPORT_CHUNK);
  await report.click();
  await page.getByTestId("report-differences").waitFor();
  await expect(page.getByTestId("error-bar").count()).resolves.toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});

test("settings: the scoring profile is remembered across reloads and re-checks the open workbook", async () => {
  const { page, errors } = await open(zh);
  await page.getByLabel("选择工作簿 (.xlsx)").setInputFiles(path.join(FIXTURES, "project-insurance-subsidy-2020.xlsx"));
  await page.getByTestId("results").waitFor();
  await page.getByRole("button", { name: "设置" }).click();
  const select = page.getByTestId("profile-select");
  await expect(page.getByTestId("results").getAttribute("data-profile")).resolves.toBe("default");
  await select.selectOption("hubei");
  await page.locator("[data-testid=results][data-profile=hubei]").waitFor();
  await page.screenshot({ path: path.join(RESULTS, "pane-settings.png") });
  await page.reload();
  await page.getByRole("button", { name: "设置" }).click();
  await expect(page.getByTestId("profile-select").inputValue()).resolves.toBe("hubei");
  await page.getByTestId("profile-select").selectOption("default");
  expect(errors).toEqual([]);
  expect(zh.offOrigin).toEqual([]);
  await page.close();
});
