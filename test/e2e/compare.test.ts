/**
 * 对照报告 in the standalone page (Chromium): choose the workbook, then the .docx beside it; the differing figure is
 * listed with its sentence, and selecting it highlights its cell in the sheet view. Nothing leaves the page.
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

test("对照报告: the differing figure listed; selecting it highlights its cell", async () => {
  const doc = new Document({
    sections: [
      {
        children: ["2020年年初预算3386.925万元，全年执行3416万元，预算执行率为99.15%。", "项目自评总分98分，自评等级为优。"].map(
          (l) => new Paragraph({ children: [new TextRun(l)] }),
        ),
      },
    ],
  });
  const docx = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-compare-")), "自评报告.docx");
  fs.writeFileSync(docx, new Uint8Array(await Packer.toArrayBuffer(doc)));

  const page = await zh.context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${zh.origin}/taskpane.html`);
  await page.getByLabel("选择工作簿 (.xlsx)").setInputFiles(path.join(FIXTURES, "project-medical-aid-2020.xlsx"));
  await page.getByTestId("results").waitFor();
  await page.getByText("对照报告", { exact: true }).click();
  await page.getByTestId("report-compare-file").setInputFiles(docx);
  const summary = page.getByTestId("report-compare-summary");
  await summary.waitFor();
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
