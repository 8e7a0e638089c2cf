/** `jixiao compare`: the table and a report typed in Word; text, --json, --fail-on, --lang en, bad input. */
import * as fs from "fs";
import * as path from "path";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { fixturePath } from "../support/fixtures";
import { expectOneLineZhEn, run, tempDir } from "./run";

async function reportDocx(lines: string[]): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }] });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

const REPORT = [
  "城乡困难居民医疗救助项目2020年度绩效自评报告",
  "2020年年初预算3386.925万元，全年执行3416万元，预算执行率为99.15%。",
  "平均实际报销比例达90.7%，项目自评总分98分，自评等级为优。",
];

describe("jixiao compare", () => {
  const dir = tempDir();
  beforeAll(async () => {
    fs.copyFileSync(fixturePath("project-medical-aid-2020"), path.join(dir, "单位A.xlsx"));
    fs.writeFileSync(path.join(dir, "单位A.docx"), await reportDocx(REPORT));
  });

  test("lists each differing figure with its cell; exit 0, or 3 with --fail-on error", async () => {
    const r = await run(["compare", "单位A.xlsx", "单位A.docx"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("1 处与自评表不一致");
    expect(r.stdout).toContain("✗ 附件3-1!E6  报告写“3416万元”（年度资金总额全年执行数），表中E6为3416.022万元");
    expect((await run(["compare", "单位A.xlsx", "单位A.docx", "--fail-on", "error"], dir)).code).toBe(3);
    const en = await run(["compare", "单位A.docx", "单位A.xlsx", "--lang", "en"], dir);
    expect(en.stdout).toContain("1 differ from the table");
    expect(en.stdout).toContain("the table has 3416.022万元 in E6");
  });

  test("--json: table, report, figures (text, stated, cell, tableValue, computedValue, match), findings", async () => {
    const r = await run(["compare", "单位A.xlsx", "单位A.docx", "--json"], dir);
    const j = JSON.parse(r.stdout);
    expect(j.table).toBe("单位A.xlsx");
    expect(j.report).toBe("单位A.docx");
    expect(j.figures.map((f: any) => [f.stated, f.cell, f.match])).toEqual([
      ["3386.925万元", "C6", true],
      ["3416万元", "E6", false],
      ["99.15%", "G6", true],
      ["90.7%", "F15", true],
      ["98分", "H23", true],
      ["优", "H23", true],
    ]);
    expect(j.figures[2]).toMatchObject({ tableValue: "99.15%", computedValue: "100.86%" });
    expect(j.findings).toEqual([
      {
        code: "REPORT_FIGURE_MISMATCH",
        severity: "error",
        sheet: "附件3-1",
        cell: "E6",
        message: expect.stringContaining("3416万元"),
        messageEn: expect.stringContaining("3416.022"),
        text: REPORT[1],
        stated: "3416万元",
      },
    ]);
  });

  test("bad input: one line in Chinese and English, exit 2", async () => {
    const usage = await run(["compare", "单位A.xlsx"], dir);
    expect(usage.code).toBe(2);
    expectOneLineZhEn(usage.stderr);
    const notDocx = await run(["compare", "单位A.xlsx", "单位A.xlsx"], dir);
    expect(notDocx.code).toBe(2);
    expect(notDocx.stderr).toContain("不是 Word 文档");
    const missing = await run(["compare", "单位A.xlsx", "无.docx"], dir);
    expect(missing.code).toBe(2);
    expectOneLineZhEn(missing.stderr);
  });
});
