import ExcelJS from "exceljs";
import JSZip from "jszip";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";
import { runReport, type ReportJson } from "../../src/cli/report";
import { parseLinkXml } from "../../src/core/narrative";
import { docxToPdf, pdfText, PDFTOTEXT, SOFFICE } from "./lo";
import { FIXTURE_DIR } from "../support/fixtures";

const FIX = FIXTURE_DIR;
const FIXTURES = [
  "project-medical-aid-2020",
  "project-insurance-subsidy-2020",
  "department-overall-2020",
  "summary-projects-2020",
  "project-special-retirees-2020",
];

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), cwd, env: {} },
    out: () => out.join(""),
    err: () => err.join(""),
  };
}

const dir = mkdtempSync(join(tmpdir(), "jixiao-report-"));

const have = existsSync(join(FIX, "project-medical-aid-2020.xlsx"));
const d = have ? describe : describe.skip;

d("jixiao report", () => {
  test("figures that break a rule: nothing written, each difference listed, exit 4", async () => {
    const c = io(dir);
    const code = await runReport([join(FIX, "project-medical-aid-2020.xlsx"), "-o", "waits.docx"], c.io);
    expect(code).toBe(4);
    expect(c.err()).toBe("");
    expect(c.out()).toContain("执行率（G6）：表中99.15%，按规则100.86%");
    expect(c.out()).toContain("执行率得分（H6）：表中9.9分，按规则10分");
    expect(c.out()).toMatch(/--fill.*--as-is/);
    expect(existsSync(join(dir, "waits.docx"))).toBe(false);
    const j = io(dir);
    expect(await runReport([join(FIX, "project-medical-aid-2020.xlsx"), "-o", "waits.docx", "--json"], j.io)).toBe(4);
    const json = JSON.parse(j.out()) as ReportJson;
    expect(json).toMatchObject({ waiting: true, output: null });
    expect(json.tables[0].differences).toEqual([
      { cell: "G6", label: "执行率", stated: "99.15%", rule: "100.86%" },
      { cell: "H6", label: "执行率得分", stated: "9.9分", rule: "10分" },
    ]);
    expect(await runReport([join(FIX, "project-medical-aid-2020.xlsx"), "-o", "x.docx", "--fill", "--as-is"], io(dir).io)).toBe(2);
  });

  test("--fill saves the filled workbook beside the input (原名（已填充）.xlsx), never over it; the report states the filled figures", async () => {
    const copy = join(dir, "medical-fill.xlsx");
    writeFileSync(copy, readFileSync(join(FIX, "project-medical-aid-2020.xlsx")));
    const before = readFileSync(copy);
    const c = io(dir);
    expect(await runReport([copy, "-o", "filled.docx", "--fill"], c.io)).toBe(0);
    expect(readFileSync(copy).equals(before)).toBe(true);
    const filled = join(dir, "medical-fill（已填充）.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(filled);
    expect(wb.getWorksheet("附件3-1")!.getCell("G6").formula).toMatch(/E6\/D6/);
    const doc = await (await JSZip.loadAsync(readFileSync(join(dir, "filled.docx")))).file("word/document.xml")!.async("string");
    expect(doc).toContain("执行率100.86%");
    expect(doc).not.toContain("99.15%");
    expect(c.out()).toContain("已先按规则填充工作簿");
    expect(c.out()).toContain(`另存为 ${filled}`);
    expect(c.out()).toContain(`${copy} 未改动`);
    // the filled workbook agrees with the rule: its report needs no choice; the input still waits for one
    expect(await runReport([filled, "-o", "again.docx"], io(dir).io)).toBe(0);
    expect(await runReport([copy, "-o", "again.docx"], io(dir).io)).toBe(4);
  });

  test("--fill --filled <path> saves it there (said in --json); --in-place overwrites the input; misuse is exit 2 with nothing written", async () => {
    const copy = join(dir, "medical-filled-to.xlsx");
    writeFileSync(copy, readFileSync(join(FIX, "project-medical-aid-2020.xlsx")));
    const before = readFileSync(copy);
    const j = io(dir);
    expect(await runReport([copy, "-o", "to.docx", "--fill", "--filled", "out/已填充.xlsx", "--json"], j.io)).toBe(2); // no such folder
    expect(existsSync(join(dir, "to.docx"))).toBe(false);
    expect(await runReport([copy, "-o", "to.docx", "--fill", "--filled", "已填充.xlsx", "--json"], j.io)).toBe(0);
    const json = JSON.parse(j.out().slice(j.out().indexOf("{"))) as ReportJson;
    expect(json.filled).toBe("已填充.xlsx");
    expect(readFileSync(copy).equals(before)).toBe(true);
    expect(existsSync(join(dir, "已填充.xlsx"))).toBe(true);
    for (const bad of [
      ["--filled", "x.xlsx"], // without --fill
      ["--in-place"], // without --fill
      ["--fill", "--filled", "x.xlsx", "--in-place"],
      ["--fill", "--filled", copy],
      ["--fill", "--filled", "x.docx"],
    ]) {
      const e = io(dir);
      expect(await runReport([copy, "-o", "bad.docx", ...bad], e.io)).toBe(2);
      expect(e.err()).toMatch(/^jixiao：.+ \/ .+\n$/);
    }
    expect(existsSync(join(dir, "bad.docx"))).toBe(false);
    expect(readFileSync(copy).equals(before)).toBe(true);
    const c = io(dir);
    expect(await runReport([copy, "-o", "inplace.docx", "--fill", "--in-place"], c.io)).toBe(0);
    expect(readFileSync(copy).equals(before)).toBe(false);
    expect(c.out()).toContain("已覆盖原文件");
    expect(await runReport([copy, "-o", "again.docx"], io(dir).io)).toBe(0);
  });

  test("--as-is writes the table's figures; text summary lists them, the placeholders and the table's errors", async () => {
    const c = io(dir);
    const code = await runReport([join(FIX, "project-medical-aid-2020.xlsx"), "-o", "medical.docx", "--as-is"], c.io);
    expect(c.err()).toBe("");
    expect(code).toBe(0);
    const bytes = readFileSync(join(dir, "medical.docx"));
    const zip = await JSZip.loadAsync(bytes);
    const doc = await zip.file("word/document.xml")!.async("string");
    expect([...doc.matchAll(/<w:tag w:val="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "jixiao:basic",
      "jixiao:goals",
      "jixiao:conclusion",
      "jixiao:deviation",
      "jixiao:application",
    ]);
    const link = parseLinkXml(await zip.file("customXml/item1.xml")!.async("string"))!;
    expect(link.fileName).toBe("project-medical-aid-2020.xlsx");
    expect(link.tables.map((t) => t.sheet)).toEqual(["附件3-1"]);
    expect(new Date(link.generatedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(c.out()).toContain("已写入报告");
    expect(c.out()).toMatch(/待补充 \d+ 处/);
    expect(c.out()).toContain("RATE_INVERTED");
    expect(c.out()).toContain("G6  执行率：99.15% → 100.86%");
    expect(doc).toContain("执行率99.15%");
  });

  test("dispatched from main: `jixiao report … --json`", async () => {
    const c = io(dir);
    const code = await main(["report", join(FIX, "department-overall-2020.xlsx"), "-o", "dept.docx", "--json", "--as-is"], c.io);
    expect(code).toBe(0);
    const json = JSON.parse(c.out()) as ReportJson;
    expect(json.tables).toHaveLength(1);
    expect(json.tables[0].kind).toBe("department");
    expect(json.tables[0].sections).toEqual(["overview", "spending", "goals", "problems", "measures", "grade"]);
    expect(json.tables[0].placeholders.length).toBeGreaterThan(0);
    expect(json.tables[0].issues.map((i) => i.code)).toEqual(expect.arrayContaining(["FUNDS_SUBTOTAL_MISMATCH"]));
    expect(json.tables[0].fingerprint).toMatch(/^[0-9a-f]{14}$/);
    expect(json.tables[0].differences.map((d) => d.cell)).toEqual(expect.arrayContaining(["G5", "G7", "G8", "C37"]));
  });

  test("--sheet picks a sheet; an unknown sheet is a clear message and nothing is written", async () => {
    const c = io(dir);
    expect(await runReport([join(FIX, "summary-projects-2020.xlsx"), "--sheet", "附表1", "-o", "s.docx", "--as-is"], c.io)).toBe(0);
    const c2 = io(dir);
    expect(await runReport([join(FIX, "summary-projects-2020.xlsx"), "--sheet", "没有", "-o", "none.docx"], c2.io)).toBe(2);
    expect(c2.err()).toMatch(/找不到工作表“没有”.*附表1.*No sheet named "没有"/);
    expect(existsSync(join(dir, "none.docx"))).toBe(false);
  });

  test("bad input: one Chinese + English line, exit 2, no file", async () => {
    const notXlsx = join(dir, "note.xlsx");
    writeFileSync(notXlsx, "hello, not a workbook");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("填表说明").getCell("A1").value = "请按要求填写。";
    const noTable = join(dir, "notable.xlsx");
    await wb.xlsx.writeFile(noTable);
    const cases: [string[], RegExp][] = [
      [[], /缺少输入文件.*Missing input file/],
      [[join(FIX, "project-medical-aid-2020.xlsx")], /缺少输出文件.*Missing output file/],
      [[join(FIX, "project-medical-aid-2020.xlsx"), "-o", "x.pdf"], /\.docx/],
      [[join(dir, "missing.xlsx"), "-o", "m.docx"], /找不到文件.*File not found/],
      [[notXlsx, "-o", "n.docx"], /jixiao：.+ \/ .+/],
      [[noTable, "-o", "t.docx"], /没有识别到绩效自评表.*No self-evaluation table/],
      [
        [join(FIX, "project-medical-aid-2020.xlsx"), "-o", join(dir, "nofolder", "r.docx")],
        /输出文件夹不存在.*output folder does not exist/,
      ],
      [[join(FIX, "project-medical-aid-2020.xlsx"), "-o", "r.docx", "--profile", "mars"], /未知的评分规则.*Unknown profile/],
    ];
    const before = new Set(readdirSync(dir));
    for (const [argv, re] of cases) {
      const c = io(dir);
      const code = await runReport(argv, c.io);
      expect({ argv, code }).toEqual({ argv, code: 2 });
      expect(c.err()).toMatch(re);
      expect(c.err().trim().split("\n")).toHaveLength(1);
      expect(c.err()).not.toMatch(/\bat .+\.(ts|js):\d+/);
      expect(c.out()).toBe("");
    }
    expect(new Set(readdirSync(dir))).toEqual(before);
  });

  (SOFFICE && PDFTOTEXT ? test : test.skip)(
    "every fixture's report opens in LibreOffice",
    async () => {
      for (const f of FIXTURES) {
        const c = io(dir);
        expect(await runReport([join(FIX, `${f}.xlsx`), "-o", `${f}.docx`, "--as-is"], c.io)).toBe(0);
        const pdf = docxToPdf(readFileSync(join(dir, `${f}.docx`)), f);
        const text = pdfText(pdf).replace(/\s+/g, "");
        expect(text).toContain("自评");
        expect(text).toContain("【请补充：");
      }
    },
    300_000,
  );
});
