/**
 * Characters XML 1.0 forbids never reach a written part. Workbooks made here from a fixture carry, in the table's
 * text, an ESC with a terminal colour sequence, a NUL, an SOH (Excel's `_x001B_` escapes), U+FFFF, a lone surrogate
 * and a raw U+FFFE: `report --fill` ends 0 (never "内部错误"), every part of the .docx parses (document, core
 * properties, the custom XML link) and the output says how many characters were left out; `mark` writes comments
 * and VML that parse; the xlsx escapes drop what the writer must not write.
 */
import * as fs from "fs";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { run, tempDir } from "../cli/run";
import { fixtureBytes } from "../adapters/xlsx/badInputs";
import { editPart } from "../adapters/xlsx/hostile";
import { escapeAttr, escapeText } from "../../src/adapters/xlsx/xml";
import { withoutXmlForbidden, xmlText } from "../../src/core/text";

jest.setTimeout(300_000);

let dir: string;
beforeAll(() => (dir = tempDir("jixiao-xmlchars-")));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The parts of a package that do not parse as XML (name: error). */
function unparsable(file: string): string[] {
  const out: string[] = [];
  for (const [part, data] of Object.entries(unzipSync(new Uint8Array(fs.readFileSync(file))))) {
    if (!/\.(xml|rels|vml)$/.test(part)) continue;
    const p = new SaxesParser();
    try {
      p.on("error", (e) => {
        throw e;
      });
      p.write(strFromU8(data)).close();
    } catch (e) {
      out.push(`${part}: ${String(e)}`);
    }
  }
  return out;
}

/** The medical fixture with `bad` inside 医疗 in every shared string (its name, its indicators), its 总分 off by one. */
function hostile(name: string, bad: string): string {
  const file = path.join(dir, name);
  const withText = editPart(fixtureBytes("project-medical-aid-2020"), "xl/sharedStrings.xml", (x) => x.replace(/医疗/g, `医${bad}疗`));
  fs.writeFileSync(
    file,
    editPart(withText, "xl/worksheets/sheet1.xml", (x) => x.replace("<v>98</v>", "<v>97</v>")),
  );
  return file;
}

const CASES: [string, string][] = [
  ["ESC and a colour sequence", "_x001B_[31m"],
  ["NUL", "_x0000_"],
  ["SOH", "_x0001_"],
  ["U+FFFF", "_xFFFF_"],
  ["a lone surrogate", "_xD800_"],
];

describe("text XML cannot hold", () => {
  it.each(CASES)("%s in the table's text: report --fill ends 0, every part parses, the output says so", async (label, bad) => {
    const input = hostile(`${label}.xlsx`, bad);
    const out = path.join(dir, `${label}.docx`);
    const r = await run(["report", input, "-o", out, "--fill"], dir);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(unparsable(out)).toEqual([]);
    expect(r.stdout).toMatch(/表格文字中有 \d+ 个 XML 文档不能容纳的字符/);
    const json = await run(["report", input, "-o", out, "--fill", "--json"], dir);
    expect((JSON.parse(json.stdout) as { removedCharacters: number }).removedCharacters).toBeGreaterThan(0);
    const filled = path.join(dir, `${label}（已填充）.xlsx`);
    expect(unparsable(filled)).toEqual([]);
  });

  it("a raw U+FFFE in a cell is refused when read (the reader's parser), never written into a report", async () => {
    const input = hostile("fffe.xlsx", "\uFFFE");
    const r = await run(["report", input, "-o", "fffe.docx", "--fill"], dir);
    expect(r.code).toBe(2);
    expect(fs.existsSync(path.join(dir, "fffe.docx"))).toBe(false);
  });

  it("mark writes notes from text with control characters: comments and VML parse", async () => {
    const input = hostile("mark.xlsx", "_x001B_[2J_x0001__xFFFF_");
    const out = path.join(dir, "marked.xlsx");
    const r = await run(["mark", input, "-o", out], dir);
    expect(r.code).toBe(0);
    const parts = Object.keys(unzipSync(new Uint8Array(fs.readFileSync(out))));
    expect(parts.some((p) => /comments/.test(p))).toBe(true);
    expect(unparsable(out)).toEqual([]);
  });

  it("the escapes and the cleaner drop exactly what XML 1.0 forbids", () => {
    const all = "a\u0000b\u0008\t\n\r\u000b\u001fc\ufffe\uffffd\ud800e\udc00f\ud83d\ude00g\u0085\u202e";
    expect(xmlText(all)).toBe("ab\t\n\rcdef\ud83d\ude00g\u0085\u202e");
    expect(escapeText("<\u001b>")).toBe("&lt;&gt;");
    expect(escapeAttr('"\u0000\ud800')).toBe("&quot;");
    const { value, removed } = withoutXmlForbidden({ a: ["x\u001by", { b: "\uffff" }], n: 3, d: null });
    expect(value).toEqual({ a: ["xy", { b: "" }], n: 3, d: null });
    expect(removed).toBe(2);
  });
});
