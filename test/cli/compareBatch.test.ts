/** Batch: `jixiao check <folder>` pairs each workbook with the report of the same name; the 问题清单 gains its rows. */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { fixturePath } from "../support/fixtures";
import { run, tempDir } from "./run";

async function reportDocx(lines: string[]): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }] });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

test("单位A.xlsx + 单位A.docx compared; 单位B without a report as before; an unreadable 单位C.docx is a row", async () => {
  const dir = tempDir();
  const sub = path.join(dir, "收到");
  fs.mkdirSync(sub);
  fs.writeFileSync(path.join(sub, "单位A.xlsx"), fs.readFileSync(fixturePath("project-medical-aid-2020")));
  fs.writeFileSync(path.join(sub, "单位A.docx"), await reportDocx(["全年执行3416万元，预算执行率为99.15%，自评总分98分。"]));
  fs.writeFileSync(path.join(sub, "单位B.xlsx"), fs.readFileSync(fixturePath("department-overall-2020")));
  fs.writeFileSync(path.join(sub, "单位C.xlsx"), fs.readFileSync(fixturePath("project-insurance-subsidy-2020")));
  fs.writeFileSync(path.join(sub, "单位C.docx"), "不是文档");

  const text = await run(["check", "收到", "--workers", "1"], dir);
  expect(text.stdout).toContain(`对照报告 ${path.join("收到", "单位A.docx")}：1 处与自评表不一致，2 处一致`);
  expect(text.stdout).toContain(`对照报告 ${path.join("收到", "单位C.docx")}：无法读取`);

  const j = JSON.parse((await run(["check", "收到", "--json", "--workers", "1", "--report", "问题清单.xlsx"], dir)).stdout);
  const [a, b, c] = j.files;
  expect(a.report).toEqual({ file: path.join("收到", "单位A.docx"), ok: true, figures: 3, differ: 1, agree: 2 });
  expect(a.findings.filter((f: any) => f.code === "REPORT_FIGURE_MISMATCH").map((f: any) => f.cell)).toEqual(["E6"]);
  expect(b.report).toBeUndefined();
  expect(c.report.ok).toBe(false);

  // workbooks named one by one (no folder listed): each still finds the report beside it
  const named = JSON.parse(
    (await run(["check", path.join("收到", "单位A.xlsx"), path.join("收到", "单位B.xlsx"), "--json", "--workers", "1"], dir)).stdout,
  );
  expect(named.files.map((f: any) => f.report)).toEqual([a.report, undefined]);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, "问题清单.xlsx"));
  const rows: string[][] = [];
  wb.getWorksheet("问题清单")!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
  expect(rows.some((r) => r.includes("REPORT_FIGURE_MISMATCH") && r.includes("E6") && r.some((x) => x.includes("3416万元")))).toBe(true);
  expect(rows.some((r) => r.includes("FILE_UNREADABLE") && r.some((x) => x.endsWith("单位C.docx")))).toBe(true);
});
