/** What people and scripts read: aligned text (Chinese or English), the JSON of a sheet with no table. */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { FIXTURES } from "../adapters/xlsx/badInputs";
import { displayWidth } from "../../src/cli/format";
import { run, tempDir } from "./run";
import type { CheckJson } from "../../src/cli/check";
import type { FillJson } from "../../src/cli/fill";

const DEPT = path.join(FIXTURES, "department-overall-2020.xlsx");
let dir: string;
beforeAll(() => (dir = tempDir()));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Display column where `needle` starts in `line`. */
const col = (line: string, needle: string) => displayWidth(line.slice(0, line.indexOf(needle)));

it("check text: errors first, codes and cells in aligned columns, 总分 and 等级, the stated total when it differs", async () => {
  const r = await run(["check", DEPT], dir);
  expect(r.code).toBe(0);
  const lines = r.stdout.split("\n");
  expect(r.stdout).toContain("部门整体支出绩效自评表 · 浏阳市医疗保障局");
  expect(r.stdout).toMatch(/总分 95\.94（表中填写 97\.94） · 等级 优/);
  const findingLines = lines.filter((l) => /^  (错误|警告|提示)  /.test(l));
  expect(findingLines.length).toBeGreaterThan(8);
  const sev = findingLines.map((l) => l.slice(2, 4));
  expect(sev.indexOf("警告")).toBeGreaterThan(sev.lastIndexOf("错误"));
  const codeCols = new Set(findingLines.map((l) => col(l, l.match(/[A-Z][A-Z0-9_]{4,}/)![0])));
  expect(codeCols.size).toBe(1);
  // The message starts at the same column on every line (after severity, code and cell).
  const msgCols = new Set(findingLines.map((l) => displayWidth(l.match(/^ {2}\S+ {2}[A-Z][A-Z0-9_]+ +\S+ +/)![0])));
  expect(msgCols.size).toBe(1);
  expect(r.stdout).toContain("TOTAL_MISMATCH");
  expect(r.stdout).toMatch(/C37 +总分 97\.94/);
});

it("check --lang en prints the English messages", async () => {
  const r = await run(["check", DEPT, "--lang", "en"], dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("Scoring rules:");
  const findingLines = r.stdout.split("\n").filter((l) => /^  (error|warning|info)\s/.test(l));
  expect(findingLines.length).toBeGreaterThan(8);
  for (const l of findingLines) expect(l).not.toMatch(/写成了|与规则不符/);
  expect(r.stdout).toMatch(/TOTAL_MISMATCH +C37 +[A-Z][a-z]/);
});

it("a sheet with no table: kind null and the engine's reason, in text and JSON; fill leaves it alone", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(FIXTURES, "summary-projects-2020.xlsx"));
  const notes = wb.addWorksheet("填表说明");
  notes.getCell("B2").value = "1. 金额单位为万元。";
  notes.getCell("B3").value = "2. 执行率保留两位小数。";
  await wb.xlsx.writeFile(path.join(dir, "two-sheets.xlsx"));

  const j = await run(["check", "two-sheets.xlsx", "--json"], dir);
  expect(j.code).toBe(0);
  const json: CheckJson = JSON.parse(j.stdout);
  expect(json.file).toBe("two-sheets.xlsx");
  expect(json.sheets.map((s) => [s.sheet, s.kind])).toEqual([
    ["附表1", "summary"],
    ["填表说明", null],
  ]);
  const none = json.sheets[1];
  expect(typeof none.reason).toBe("string");
  expect(none.reason!.length).toBeGreaterThan(4);
  expect(none.findings).toEqual([]);

  const t = await run(["check", "two-sheets.xlsx"], dir);
  expect(t.stdout).toMatch(/工作表「填表说明」：未识别到绩效自评表 —— \S+/);

  const f = await run(["fill", "two-sheets.xlsx", "-o", "two-filled.xlsx", "--json"], dir);
  expect(f.code).toBe(0);
  const fj: FillJson = JSON.parse(f.stdout);
  expect(fj.sheets.find((s) => s.sheet === "填表说明")).toEqual(expect.objectContaining({ kind: null, changes: [] }));
  const out = new ExcelJS.Workbook();
  await out.xlsx.readFile(path.join(dir, "two-filled.xlsx"));
  expect(out.getWorksheet("填表说明")!.getCell("B3").value).toBe("2. 执行率保留两位小数。");
});

it("fill text lists every change: cell, before → after, the value it will show, the reason", async () => {
  const r = await run(["fill", path.join(FIXTURES, "project-medical-aid-2020.xlsx"), "-o", "m.xlsx"], dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/G6 +"99\.15%" → =IFERROR\(E6\/D6,""\) \[0\.00%\] += 100\.86% +执行率 = 全年执行数 \/ 全年预算数/);
  expect(r.stdout).toMatch(/D6 +"\u30003386\.925" → 3386\.925/);
  expect(r.stdout).toContain("已写入 m.xlsx（共 5 处修改）");
});
