/**
 * Characters XML cannot hold (a control character, U+FFFE) in the table's text that a finding quotes: 标注问题 leaves
 * them out of the notes — every host writes the same note, and the comments part written parses — and says so, as
 * report does: in the CLI's text and JSON, and in the outcome the pane and the ribbons show.
 */
import * as fs from "fs";
import * as path from "path";
import { unzipSync, strFromU8 } from "fflate";
import { run, tempDir } from "./run";
import { fixtureBytes } from "../adapters/xlsx/badInputs";
import { editPart } from "../adapters/xlsx/hostile";
import { markOutcome, said } from "../../src/app/commands";

jest.setTimeout(120_000);

const NAME = "对符合政策规定的所有对象";
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
let dir: string;
let input: string;
beforeAll(() => {
  dir = tempDir("jixiao-mark-xml-");
  input = path.join(dir, "in.xlsx");
  // the indicator's name with SOH and U+FFFE in it, as Excel escapes them in a shared string
  const edited = editPart(fixtureBytes("project-medical-aid-2020"), "xl/sharedStrings.xml", (x) => {
    expect(x).toContain(`<t>${NAME}</t>`);
    return x.replace(`<t>${NAME}</t>`, `<t>对符合_x0001_政策_xFFFE_规定的所有对象</t>`);
  });
  fs.writeFileSync(input, edited);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface MarkJson {
  marks: { cell: string; note: string }[];
  removedCharacters?: number;
}

it("mark --json: the notes hold none of them, and how many were left out is given", async () => {
  const r = await run(["mark", input, "-o", path.join(dir, "m.xlsx"), "--json"], dir);
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout) as MarkJson;
  const quoting = json.marks.filter((m) => m.note.includes(NAME));
  expect(quoting.length).toBeGreaterThan(0);
  expect(json.marks.filter((m) => FORBIDDEN.test(m.note))).toEqual([]);
  // two characters in each quotation of the name
  const quotations = json.marks.reduce((n, m) => n + m.note.split(NAME).length - 1, 0);
  expect(json.removedCharacters).toBe(2 * quotations);
  // the comments part written: the notes as listed, nothing XML forbids
  const comments = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(path.join(dir, "m.xlsx"))))["xl/comments1.xml"]);
  expect(comments).toContain(NAME);
  expect(FORBIDDEN.test(comments)).toBe(false);
});

it("mark (text): one line says it, in Chinese and in English", async () => {
  const zh = await run(["mark", input, "-o", path.join(dir, "m-zh.xlsx")], dir);
  expect(zh.code).toBe(0);
  expect(zh.stdout).toMatch(/备注引用的表格文字中有 \d+ 个 XML 文档不能容纳的字符/);
  const en = await run(["mark", input, "-o", path.join(dir, "m-en.xlsx"), "--lang", "en"], dir);
  expect(en.stdout).toMatch(/\d+ character\(s\) of the table's text quoted in the notes cannot be held by an XML document/);
});

it("a clean workbook: nothing said, no removedCharacters in the JSON", async () => {
  const clean = path.join(dir, "clean.xlsx");
  fs.writeFileSync(clean, fixtureBytes("project-medical-aid-2020"));
  const r = await run(["mark", clean, "-o", path.join(dir, "mc.xlsx"), "--json"], dir);
  expect(JSON.parse(r.stdout)).not.toHaveProperty("removedCharacters");
  const text = await run(["mark", clean, "-o", path.join(dir, "mc2.xlsx")], dir);
  expect(text.stdout).not.toMatch(/XML/);
});

it("the outcome the pane and the ribbons show says it too", () => {
  const mark = { sheet: "S", cell: "A1", severity: "error" as const, codes: [], note: "绩效自评助手\nx", fill: "FFC7CE" };
  const withRemoved = said(markOutcome({ plan: { marks: [mark], removedCharacters: 3 } }, { undoIn: "pane" }));
  expect(withRemoved.zh).toContain("3 个 XML 文档不能容纳的字符");
  expect(withRemoved.en).toContain("3 character(s) of the table's text quoted in the notes");
  const without = said(markOutcome({ plan: { marks: [mark] } }, { undoIn: "pane" }));
  expect(without.zh).not.toContain("XML");
});
