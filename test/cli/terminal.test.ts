/**
 * Workbook text reaches a terminal only escaped: a table whose name and indicators carry an ESC sequence (clear the
 * screen, recolour), a carriage return, a C1 control and bidi overrides and isolates is checked, filled, marked and
 * reported; the human output shows each such character as a visible escape (\u{1B}, \u{202E}) and holds none of them
 * raw, while `--json` stays exact JSON with the very strings of the workbook.
 */
import * as fs from "fs";
import * as path from "path";
import { run, tempDir } from "./run";
import { fixtureBytes } from "../adapters/xlsx/badInputs";
import { editPart } from "../adapters/xlsx/hostile";

jest.setTimeout(120_000);

let dir: string;
let input: string;
/** What 医疗 becomes in the shared strings: written as Excel writes controls (_xHHHH_) and as raw characters. */
const HOSTILE_XML = "医_x001B_[2J_x001B_[31m_x000D_\u0085\u202e\u2066疗";
const HOSTILE = "医\u001b[2J\u001b[31m\r\u0085\u202e\u2066疗";
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

beforeAll(() => {
  dir = tempDir("jixiao-terminal-");
  input = path.join(dir, "hostile.xlsx");
  fs.writeFileSync(
    input,
    editPart(
      editPart(fixtureBytes("project-medical-aid-2020"), "xl/sharedStrings.xml", (x) => x.replace(/医疗/g, HOSTILE_XML)),
      "xl/worksheets/sheet1.xml",
      (x) => x.replace("<v>98</v>", "<v>97</v>"),
    ),
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Each command, and whether its human output names the table (mark only counts what it marked). */
const COMMANDS: [string[], boolean][] = [
  [["check", "hostile.xlsx"], true],
  [["fill", "hostile.xlsx", "-o", "filled.xlsx"], true],
  [["mark", "hostile.xlsx", "-o", "marked.xlsx"], false],
  [["report", "hostile.xlsx", "-o", "r.docx", "--as-is"], true],
];

describe("workbook text on a terminal", () => {
  it.each(COMMANDS)("%j: control and bidi characters shown as visible escapes, none raw", async (argv, namesTable) => {
    const r = await run(argv, dir);
    expect(r.code).toBe(0);
    expect(RAW.test(r.stdout)).toBe(false);
    expect(RAW.test(r.stderr)).toBe(false);
    if (!namesTable) return;
    // (the table's name is read without its line breaks: the carriage return is not part of it)
    expect(r.stdout).toMatch(/医\\u\{1B\}\[2J\\u\{1B\}\[31m(\\u\{D\})?\\u\{85\}\\u\{202E\}\\u\{2066\}疗/);
  });

  it("--json is exact JSON holding the workbook's own strings", async () => {
    const r = await run(["check", "hostile.xlsx", "--json"], dir);
    expect(r.code).toBe(0);
    expect(RAW.test(r.stdout)).toBe(false);
    const json = JSON.parse(r.stdout) as { sheets: { name: string | null }[] };
    expect(json.sheets[0].name?.replace("\r", "")).toContain(HOSTILE.replace("\r", ""));
    expect(json.sheets[0].name).toContain("\u001b[2J\u001b[31m");
  });
});
