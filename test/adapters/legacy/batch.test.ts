/**
 * A batch over a folder holding every format read — .xlsx, .xls, .et, .ods, an HTML table named .xls, .htm, a GBK
 * .csv — beside a .docx, a PDF, a PNG, a .zip and a corrupt .xls: every file is a row (`jixiao check --json`, the
 * console lines and 问题清单.xlsx); each workbook is checked, each other file listed as unreadable with its reason.
 * The legacy files are written by SheetJS and by hand here (no LibreOffice: test/adapters/legacy/converted.test.ts has it).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { FIXTURE_NAMES, docxLikeZip, fixtureBytes, plainZip } from "../xlsx/badInputs";
import { run, tempDir } from "../../cli/run";
import type { BatchFileResult } from "../../../src/app/commands/batch";
import { genuineOds } from "./hostile";

jest.setTimeout(120_000);

/** 项目名称,全年预算数 / 医疗救助,3386.925 in GBK (what Chinese Windows saves a CSV in). */
const GBK_CSV = new Uint8Array([
  0xcf, 0xee, 0xc4, 0xbf, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xc8, 0xab, 0xc4, 0xea, 0xd4, 0xa4, 0xcb, 0xe3, 0xca, 0xfd, 0x0d, 0x0a, 0xd2, 0xbd,
  0xc1, 0xc6, 0xbe, 0xc8, 0xd6, 0xfa, 0x2c, 0x33, 0x33, 0x38, 0x36, 0x2e, 0x39, 0x32, 0x35, 0x0d, 0x0a,
]);

function asXls(xlsx: Uint8Array, bookType: "biff8" | "ods" | "html"): Uint8Array {
  const wb = XLSX.read(xlsx, { type: "array", cellFormula: true, cellNF: true });
  const out = XLSX.write(wb, { type: "array", bookType });
  return typeof out === "string" ? new TextEncoder().encode(out) : new Uint8Array(out as ArrayBuffer);
}

interface BatchJson {
  exitCode: number;
  totals: { files: number; unreadable: number };
  files: BatchFileResult[];
}

let dir: string;
let json: BatchJson;
let text: string;
const workbooks = ["a.xlsx", "b.xls", "c.et", "d.ods", "e-html.xls", "f.htm", "g.csv"];
const others = ["报告.docx", "扫描件.pdf", "照片.png", "附件.zip", "损坏.xls"];

beforeAll(async () => {
  dir = tempDir("jixiao-legacy-batch-");
  const src = fixtureBytes(FIXTURE_NAMES.find((n) => n.startsWith("project-medical")) ?? FIXTURE_NAMES[0]);
  const files: Record<string, Uint8Array> = {
    "a.xlsx": src,
    "b.xls": asXls(src, "biff8"),
    "c.et": asXls(src, "biff8"), // WPS's .et is a BIFF8 compound file
    "d.ods": genuineOds(),
    "e-html.xls": asXls(src, "html"),
    "f.htm": new TextEncoder().encode(
      "<table><tr><td>项目名称</td><td>全年预算数</td></tr><tr><td>医疗救助</td><td>12.5</td></tr></table>",
    ),
    "g.csv": GBK_CSV,
    "报告.docx": await docxLikeZip(),
    "扫描件.pdf": new TextEncoder().encode("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"),
    "照片.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 0]),
    "附件.zip": await plainZip(),
    "损坏.xls": asXls(src, "biff8").subarray(0, 700),
  };
  fs.mkdirSync(path.join(dir, "收到的"));
  for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, "收到的", name), bytes);
  const r = await run(["check", "收到的", "--json", "--report", "问题清单.xlsx"], dir);
  json = JSON.parse(r.stdout) as BatchJson;
  expect(r.code).toBe(2); // files could not be read
  text = (await run(["check", "收到的"], dir)).stdout;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("--json: every file is a row, the workbooks checked and the rest unreadable with a reason", () => {
  const rows = new Map(json.files.map((f) => [path.basename(f.file), f]));
  expect([...rows.keys()].sort()).toEqual([...workbooks, ...others].sort());
  for (const w of workbooks) expect({ w, ok: rows.get(w)!.ok }).toEqual({ w, ok: true });
  for (const o of others) {
    const r = rows.get(o)!;
    expect({ o, ok: r.ok }).toEqual({ o, ok: false });
    if (!r.ok) {
      expect(r.error.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.error.en).toMatch(/[A-Za-z]{4}/);
    }
  }
  expect(json.totals).toMatchObject({ files: workbooks.length + others.length, unreadable: others.length });
  // the reasons name what each file is
  const why = (n: string) => {
    const r = rows.get(n)!;
    return r.ok ? "" : r.error.zh;
  };
  expect(why("报告.docx")).toMatch(/Word/);
  expect(why("扫描件.pdf")).toMatch(/PDF/);
  expect(why("附件.zip")).toMatch(/压缩包/);
  expect(why("损坏.xls")).toMatch(/损坏|不完整/);
});

test("the .xls, .et and HTML copies of the fixture give the .xlsx's findings", () => {
  const rows = new Map(json.files.map((f) => [path.basename(f.file), f]));
  const findings = (n: string) => {
    const r = rows.get(n)!;
    return r.ok ? r.findings.map((f) => `${f.code}@${f.cell}`) : null;
  };
  expect(findings("a.xlsx")!.length).toBeGreaterThan(0);
  for (const n of ["b.xls", "c.et", "e-html.xls"]) expect({ n, f: findings(n) }).toEqual({ n, f: findings("a.xlsx") });
});

test("the console lists every file, one line each", () => {
  for (const n of [...workbooks, ...others]) expect(text).toContain(n);
  expect(text.match(/—— 无法读取/g)?.length).toBe(others.length);
});

test("问题清单.xlsx has a row for every file that could not be read, with its reason", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, "问题清单.xlsx"));
  const cells = wb.worksheets.flatMap((ws) => {
    const out: string[] = [];
    ws.eachRow((row) => out.push(row.values ? JSON.stringify(row.values) : ""));
    return out;
  });
  for (const n of others) expect(cells.some((c) => c.includes(n) && c.includes("FILE_UNREADABLE"))).toBe(true);
  for (const n of workbooks) expect(cells.some((c) => c.includes(n))).toBe(true);
});

test("a GBK .csv is read as text in GBK: its header names a column", async () => {
  const r = await run(["check", path.join("收到的", "g.csv"), "--json"], dir);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).sheets[0].sheet).toBe("g");
});
