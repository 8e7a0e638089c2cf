/**
 * What the CLI writes from a legacy file: a new .xlsx only. `fill x.xls -o y.xlsx` works and says so; `-o y.xls`
 * and `--in-place` are refused with one line in Chinese and English, nothing written, the original untouched; `mark`
 * alike. The fill itself is proved against the oracles in converted.test.ts.
 */
import * as fs from "fs";
import * as path from "path";
import { expectOneLineZhEn, listFiles, run, tempDir } from "../../cli/run";
import { sniff } from "../../../src/adapters/xlsx/sniff";
import { genuineXls } from "./hostile";

let dir: string;
let original: Buffer;
beforeAll(() => {
  dir = tempDir("jixiao-legacy-cli-");
  fs.writeFileSync(path.join(dir, "表.xls"), genuineXls());
  original = fs.readFileSync(path.join(dir, "表.xls"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("fill 表.xls -o 新.xlsx writes an .xlsx and says the original was an .xls (zh and en)", async () => {
  const r = await run(["fill", "表.xls", "-o", "新.xlsx"], dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("原文件为 .xls，填充结果另存为 .xlsx。");
  expect(sniff(new Uint8Array(fs.readFileSync(path.join(dir, "新.xlsx")))).kind).toBe("xlsx");
  const en = await run(["fill", "表.xls", "-o", "new.xlsx", "--lang", "en"], dir);
  expect(en.stdout).toContain("The original is .xls; the filled result is saved as a new .xlsx.");
  expect(fs.readFileSync(path.join(dir, "表.xls")).equals(original)).toBe(true);
});

test.each([
  [["fill", "表.xls", "-o", "新.xls"], /只能另存为 \.xlsx.*表\.xlsx.*can only be saved as \.xlsx/],
  [["fill", "表.xls", "--in-place"], /不能覆盖.*never overwritten/],
  [["mark", "表.xls", "-o", "标注.xls"], /只能另存为 \.xlsx/],
  [["mark", "表.xls", "--in-place"], /不能覆盖/],
])("%j is refused, nothing written", async (argv, message) => {
  const before = listFiles(dir);
  const r = await run(argv, dir);
  expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: "" });
  expectOneLineZhEn(r.stderr);
  expect(r.stderr).toMatch(message);
  expect(listFiles(dir)).toEqual(before);
  expect(fs.readFileSync(path.join(dir, "表.xls")).equals(original)).toBe(true);
});

test("mark 表.xls -o 标注.xlsx --json: the note says the marked result is a new .xlsx", async () => {
  const r = await run(["mark", "表.xls", "-o", "标注.xlsx", "--json"], dir);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).note).toBe("原文件为 .xls，标注结果另存为 .xlsx。");
});
