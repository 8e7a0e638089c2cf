import * as React from "react";
import { renderToString } from "react-dom/server";
import { readFileSync, existsSync } from "fs";
import { WordPane } from "../../src/taskpane/word/WordPane";
import {
  changeLine,
  fillLinkedWorkbook,
  linkLine,
  preselect,
  readWorkbook,
  refreshSummary,
  sameTable,
} from "../../src/taskpane/word/wordModel";
import { WordReport } from "../../src/adapters/word/WordReport";
import { FileHost } from "../../src/adapters/xlsx/FileHost";
import { isUserError } from "../../src/core/errors";
import ExcelJS from "exceljs";
import { FakeWord } from "../fakes/fakeWord";
import { FIXTURE_DIR } from "../support/fixtures";

const FIX = FIXTURE_DIR;

/** A chosen file opened on this thread (the pane's route where no worker starts). */
const openOnPage = async (f: File) => FileHost.open(f.name, new Uint8Array(await f.arrayBuffer()));

/** The pane's path: the chosen file opened as a FileHost, then read through the spreadsheet port. */
async function link(bytes: Uint8Array, name: string) {
  return readWorkbook(await FileHost.open(name, bytes));
}
const d = existsSync(`${FIX}/project-medical-aid-2020.xlsx`) ? describe : describe.skip;

d("Word pane model", () => {
  test("link a workbook, write, change the workbook, refresh: the changed numbers in words", async () => {
    const bytes = new Uint8Array(readFileSync(`${FIX}/project-medical-aid-2020.xlsx`));
    const book = await link(bytes, "medical.xlsx");
    expect(book.tables).toHaveLength(1);
    expect(book.tables[0].label).toBe("附件3-1 · 项目支出 · 城乡困难居民医疗救助");
    expect(book.tables[0].issues.map((f) => f.code)).toContain("RATE_INVERTED");
    // the report states the table's figures; the pane lists the ones the rule would change, before writing
    expect(book.tables[0].differences.map((x) => `${x.cell} ${x.stated}→${x.rule}`)).toEqual(["G6 99.15%→100.86%", "H6 9.9分→10分"]);
    expect(book.tables[0].narrative.sections[0].paragraphs.flatMap((p) => p.sentences.map((x) => x.text)).join("")).toContain(
      "执行率99.15%",
    );
    const fake = new FakeWord(["正文开头"]);
    const report = new WordReport(fake.run);
    const stored = await report.write(book.tables[0].narrative, { fileName: book.fileName, generatedAt: "2021-03-01T08:00:00.000Z" });
    expect(linkLine(stored, "zh")).toMatch(/^medical\.xlsx · 附件3-1 · 更新于 2021-03-0\d \d\d:\d\d · 指纹 [0-9a-f]{14}$/);
    expect(preselect(book, stored)).toBe(book.tables[0].key);

    // The person changes 全年执行数 in the workbook and links it again.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    wb.worksheets[0].getCell("E6").value = 3300.5;
    const changed = new Uint8Array(await wb.xlsx.writeBuffer());
    const book2 = await link(changed, "medical.xlsx");
    const r = await report.refresh(book2.tables[0].narrative);
    const lines = r.changes.map((c) => changeLine(c, "zh"));
    expect(lines).toContain("全年执行数（E6）：3416.022万元 → 3300.5万元");
    // the sheet's 执行率 is a typed 99.15%: the report states it as the table does, so it does not move …
    expect(lines.filter((l) => l.startsWith("执行率（G6）"))).toEqual([]);
    // … and the over-execution sentence goes, since 3300.5 is within the budget
    expect(lines).toContain("年度资金总额全年执行数（E6）：3416.022万元 → （无）");
    const s = refreshSummary(r, book2.tables[0].narrative, "zh");
    expect(s.intent).toBe("success");
    expect(s.lines[0]).toMatch(/^已更新：一、项目基本情况/);
    expect(refreshSummary(r, book2.tables[0].narrative, "en").lines[0]).toMatch(/^Updated: Basic information/);
    expect(fake.paragraphTexts()[0]).toBe("正文开头");
    const again = await report.refresh(book2.tables[0].narrative);
    expect(refreshSummary(again, book2.tables[0].narrative, "zh").title).toBe("数字没有变化，报告未改动。");
  });

  test("先填充再生成: the linked copy filled by the rule, re-read with no difference left, its bytes to save; refresh states the rule's figures", async () => {
    const bytes = new Uint8Array(readFileSync(`${FIX}/project-medical-aid-2020.xlsx`));
    const host = await FileHost.open("medical.xlsx", bytes);
    const book = await readWorkbook(host);
    expect(book.tables[0].differences.length).toBeGreaterThan(0);
    const fake = new FakeWord();
    const report = new WordReport(fake.run);
    await report.write(book.tables[0].narrative, { fileName: book.fileName, generatedAt: "2021-03-01T08:00:00.000Z" });

    const filled = await fillLinkedWorkbook(host);
    expect(filled.fileName).toBe("medical（已填充）.xlsx");
    const key = sameTable(filled.book, book.tables[0].key);
    const table = filled.book.tables.find((t) => t.key === key)!;
    expect(table.differences).toEqual([]);
    const text = table.narrative.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.map((x) => x.text))).join("");
    expect(text).toContain("执行率100.86%");
    // the bytes handed back are the filled workbook: read again, it agrees with the rule
    const again = await readWorkbook(await FileHost.open(filled.fileName, filled.bytes!));
    expect(again.tables[0].differences).toEqual([]);
    // the refresh from the filled figures: the stated 99.15% → the rule's 100.86%
    const r = await report.refresh(table.narrative);
    expect(r.changes.map((c) => changeLine(c, "zh"))).toContain("执行率（G6）：99.15% → 100.86%");
  });

  test("a workbook without tables: a message naming the sheets, zh + en", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("填表说明").getCell("A1").value = "说明";
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const e = await link(bytes, "x.xlsx").catch((x) => x);
    expect(isUserError(e)).toBe(true);
    expect(e.zh).toContain("填表说明");
    expect(e.en).toMatch(/No self-evaluation table/);
  });

  test("not an xlsx: the adapter's message comes through", async () => {
    const e = await link(new TextEncoder().encode("not a workbook"), "x.xlsx").catch((x) => x);
    expect(isUserError(e)).toBe(true);
  });
});

test("WordPane renders its shell in Chinese and in English", () => {
  const fake = new FakeWord();
  const zh = renderToString(<WordPane lang="zh" report={new WordReport(fake.run)} openWorkbook={openOnPage} />);
  expect(zh).toContain("链接工作簿…");
  expect(zh).toContain("写入报告");
  expect(zh).toContain("刷新");
  expect(zh).toContain("文件只在本机读取");
  const en = renderToString(<WordPane lang="en" report={new WordReport(fake.run)} openWorkbook={openOnPage} />);
  expect(en).toContain("Link workbook…");
  expect(en).toContain("Write report");
});
