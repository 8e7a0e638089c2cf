import * as fs from "fs";
import * as path from "path";
import { badInputs, FIXTURES, fixtureBytes } from "../adapters/xlsx/badInputs";
import { expectOneLineZhEn, listFiles, run, tempDir } from "./run";

const MEDICAL = path.join(FIXTURES, "project-medical-aid-2020.xlsx");

describe("usage", () => {
  let dir: string;
  beforeAll(() => (dir = tempDir()));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("--help and --version exit 0", async () => {
    const h = await run(["--help"], dir);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain("用法 Usage");
    expect(h.stdout).toContain("jixiao check");
    expect(h.stdout).toContain("--in-place");
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8"));
    const v = await run(["--version"], dir);
    expect(v).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  it.each([
    [[] as string[], "缺少命令"],
    [["frobnicate"], "未知命令"],
    [["check"], "请指定要检查的"],
    [["check", "--bogus", "a.xlsx"], "未知选项"],
    [["check", "a.xlsx", "--profile"], "需要一个值"],
    [["check", MEDICAL, "--profile", "guangdong"], "未知的评分规则"],
    [["check", MEDICAL, "--lang", "fr"], "--lang"],
    [["fill", MEDICAL], "-o"],
    [["fill"], "请指定要填充的"],
    [["fill", MEDICAL, "-o", MEDICAL], "输出文件与输入文件相同"],
  ])("%j → exit 2, one line zh + en", async (argv, zh) => {
    const r = await run(argv, dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expectOneLineZhEn(r.stderr);
    expect(r.stderr).toContain(zh);
    expect(listFiles(dir)).toEqual([]);
  });

  it("refuses to overwrite the input through a relative path too; --in-place allows it explicitly", async () => {
    const d = tempDir();
    fs.writeFileSync(path.join(d, "表.xlsx"), fixtureBytes("project-medical-aid-2020"));
    const before = fs.readFileSync(path.join(d, "表.xlsx"));
    const r = await run(["fill", "表.xlsx", "-o", "./sub/../表.xlsx"], d);
    expect(r.code).toBe(2);
    expect(fs.readFileSync(path.join(d, "表.xlsx")).equals(before)).toBe(true);
    const both = await run(["fill", "表.xlsx", "--in-place", "-o", "other.xlsx"], d);
    expect(both.code).toBe(2);
    const ok = await run(["fill", "表.xlsx", "--in-place"], d);
    expect(ok.code).toBe(0);
    expect(fs.readFileSync(path.join(d, "表.xlsx")).equals(before)).toBe(false);
    expect(listFiles(d)).toEqual(["表.xlsx"]);
    fs.rmSync(d, { recursive: true, force: true });
  });
});

describe("bad input → exit 2, one line in Chinese and English, nothing written", () => {
  let dir: string;
  let cases: { label: string; bytes: Uint8Array; code: string }[];
  beforeAll(async () => {
    dir = tempDir();
    cases = await badInputs();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("check and fill reject every bad file", async () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
    for (const [i, c] of cases.entries()) {
      const name = `bad-${i}.xlsx`;
      fs.writeFileSync(path.join(dir, name), c.bytes);
      for (const argv of [
        ["check", name],
        ["check", name, "--json"],
        ["fill", name, "-o", "out.xlsx"],
      ]) {
        const r = await run(argv, dir);
        expect({ label: c.label, argv, code: r.code, stdout: r.stdout }).toEqual({ label: c.label, argv, code: 2, stdout: "" });
        expectOneLineZhEn(r.stderr);
      }
      expect(fs.existsSync(path.join(dir, "out.xlsx"))).toBe(false);
    }
    expect(listFiles(dir).filter((f) => !f.startsWith("bad-"))).toEqual([]);
  });

  it("names the cause for encrypted, .xls, empty and truncated files", async () => {
    const byCode = async (code: string) => {
      const c = cases.find((x) => x.code === code)!;
      fs.writeFileSync(path.join(dir, "x.xlsx"), c.bytes);
      return (await run(["check", "x.xlsx"], dir)).stderr;
    };
    expect(await byCode("encrypted")).toMatch(/密码.*password/);
    expect(await byCode("xls")).toMatch(/\.xls.*另存为 \.xlsx.*save it as \.xlsx/);
    expect(await byCode("empty")).toMatch(/空的.*empty/);
    expect(await byCode("truncated")).toMatch(/不完整.*incomplete/);
  });

  it("a missing path, a folder and a missing output folder are bad input", async () => {
    const missing = await run(["check", "没有这个文件.xlsx"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("找不到文件");
    expectOneLineZhEn(missing.stderr);
    fs.mkdirSync(path.join(dir, "folder.xlsx"));
    // a folder is a batch (issue 13): one with no workbook in it is bad input, said in one line
    const folder = await run(["check", "folder.xlsx"], dir);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain("没有 .xlsx 或 .xlsm 工作簿");
    // several paths are a batch too: missing ones are rows of the list (exit 2), not the end of it
    const two = await run(["check", "a.xlsx", "b.xlsx"], dir);
    expect(two.code).toBe(2);
    expect(two.stdout).toMatch(/a\.xlsx —— 无法读取：找不到「a\.xlsx」/);
    expect(two.stdout).toMatch(/b\.xlsx —— 无法读取：找不到「b\.xlsx」/);
    const noOutDir = await run(["fill", MEDICAL, "-o", "nope/out.xlsx"], dir);
    expect(noOutDir.code).toBe(2);
    expect(noOutDir.stderr).toContain("输出文件夹不存在");
    expect(fs.existsSync(path.join(dir, "nope"))).toBe(false);
  });
});

describe("report dispatch", () => {
  it("`jixiao report` reaches runReport (src/cli/report.ts) with the arguments after the word report", async () => {
    const dir = tempDir();
    // the medical-aid table states an inverted 执行率: the report waits (exit 4) until --fill or --as-is
    const waits = await run(["report", MEDICAL, "-o", "报告.docx"], dir);
    expect(waits.code).toBe(4);
    expect(waits.stdout).toContain("执行率（G6）：表中99.15%，按规则100.86%");
    expect(fs.existsSync(path.join(dir, "报告.docx"))).toBe(false);
    const r = await run(["report", MEDICAL, "-o", "报告.docx", "--as-is"], dir);
    expect(r.code).toBe(0);
    expect(fs.statSync(path.join(dir, "报告.docx")).size).toBeGreaterThan(2000);
    const bad = await run(["report", "missing.xlsx", "-o", "x.docx"], dir);
    expect(bad.code).toBe(2);
    expectOneLineZhEn(bad.stderr);
    expect(fs.existsSync(path.join(dir, "x.docx"))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
