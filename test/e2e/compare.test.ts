/**
 * 对照报告 in the standalone page (Chromium): choose the workbook, then the .docx beside it; the comparison's command is
 * fetched then (not with the page), the differing figure is listed with its sentence, and selecting it highlights its
 * cell in the sheet view; when that command cannot be fetched the panel says so in both languages, and the next try
 * goes on. Nothing leaves the page.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { FIXTURES, RESULTS, startSession, type Session } from "./helpers";

jest.setTimeout(300_000);

let zh: Session;
beforeAll(async () => {
  fs.mkdirSync(RESULTS, { recursive: true });
  zh = await startSession("zh-CN");
});
afterAll(async () => {
  await zh?.close();
});

/** The comparison's own chunk (src/taskpane/parts.ts), content-hashed. */
const COMPARE_CHUNK = /\/compare\.[0-9a-f]+\.chunk\.js$/;

/** A .docx with these paragraphs, in a temporary folder. */
async function reportDocx(lines: string[]): Promise<string> {
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }] });
  const docx = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-compare-")), "自评报告.docx");
  fs.writeFileSync(docx, new Uint8Array(await Packer.toArrayBuffer(doc)));
  return docx;
}

test("对照报告: the differing figure listed; selecting it highlights its cell", async () => {
  const docx = await reportDocx(["2020年年初预算3386.925万元，全年执行3416万元，预算执行率为99.15%。", "项目自评总分98分，自评等级为优。"]);
  const page = await zh.context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`${zh.origin}/taskpane.html`);
  await page.getByLabel("选择工作簿 (.xlsx)").setInputFiles(path.join(FIXTURES, "project-medical-aid-2020.xlsx"));
  await page.getByTestId("results").waitFor();
  await page.getByText("对照报告", { exact: true }).click();
  expect(requests.filter((u) => COMPARE_CHUNK.test(u))).toEqual([]);
  await page.getByTestId("report-compare-file").setInputFiles(docx);
  const summary = page.getByTestId("report-compare-summary");
  await summary.waitFor();
  expect(requests.filter((u) => COMPARE_CHUNK.test(u))).toHaveLength(1);
  await expect(summary.innerText()).resolves.toContain("1 处与自评表不一致");
  const findings = page.getByTestId("report-compare-finding");
  await expect(findings.count()).resolves.toBe(1);
  await expect(findings.first().innerText()).resolves.toContain("3416万元");
  await findings.first().click();
  await page.locator('[data-cell="E6"][data-selected="true"]').waitFor();
  await page.screenshot({ path: path.join(RESULTS, "pane-compare-report.png") });
  expect(errors).toEqual([]);
  expect(zh.offOrigin).toEqual([]);
  await page.close();
});

test("对照报告 when its command cannot be fetched: the panel says so in both languages; the next try goes on", async () => {
  const docx = await reportDocx(["2020年年初预算3386.925万元，全年执行3416万元，预算执行率为99.15%。"]);
  const page = await zh.context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  let refused = 0;
  await page.route(COMPARE_CHUNK, (route) => {
    refused++;
    return route.abort("failed");
  });
  await page.goto(`${zh.origin}/taskpane.html`);
  await page.getByLabel("选择工作簿 (.xlsx)").setInputFiles(path.join(FIXTURES, "project-medical-aid-2020.xlsx"));
  await page.getByTestId("results").waitFor();
  await page.getByText("对照报告", { exact: true }).click();
  await page.getByTestId("report-compare-file").setInputFiles(docx);
  const alert = page.getByTestId("report-compare-error");
  await alert.waitFor();
  const text = await alert.innerText();
  expect(text).toContain("对照报告所需的程序文件未能加载");
  expect(text).toContain("The part of the add-in that compares a report could not be loaded");
  expect(text).not.toMatch(/chunk|https?:|\.js\b/i);
  expect(refused).toBe(1);
  await page.unroute(COMPARE_CHUNK);
  await page.getByTestId("report-compare-file").setInputFiles(docx);
  await expect(page.getByTestId("report-compare-summary").innerText()).resolves.toContain("1 处与自评表不一致");
  await expect(alert.count()).resolves.toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});
