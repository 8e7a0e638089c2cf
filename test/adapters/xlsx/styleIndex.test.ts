/**
 * A cell whose format index is not one of the workbook's (s="x", or past the style table): mark and fill refuse it in
 * one clear line and write nothing — the input neither, in place — instead of marking what clearing cannot take back;
 * the same index on a cell nothing touches leaves mark then clear giving back every part byte for byte.
 */
import * as fs from "fs";
import * as path from "path";
import { unzipSync } from "fflate";
import { run, tempDir, expectOneLineZhEn } from "../../cli/run";
import { fixtureBytes } from "./badInputs";
import { filesOf, text, zipOf } from "./amplify";

jest.setTimeout(120_000);

const SHEET1 = "xl/worksheets/sheet1.xml";
let dir: string;
beforeAll(() => (dir = tempDir("jixiao-style-index-")));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The fixture with cell `ref`'s s attribute set to `s`. */
function withStyle(ref: string, s: string): string {
  const fx = filesOf(fixtureBytes("project-medical-aid-2020"));
  const xml = text(fx[SHEET1]);
  const re = new RegExp(`(<c r="${ref}"[^>]*?\\bs=")[^"]*"`);
  if (!re.test(xml)) throw new Error(`no styled cell ${ref}`);
  const file = path.join(dir, `${ref}-${s}.xlsx`);
  fs.writeFileSync(file, zipOf({ ...fx, [SHEET1]: xml.replace(re, `$1${s}"`) }));
  return file;
}

function parts(file: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const [k, v] of Object.entries(unzipSync(new Uint8Array(fs.readFileSync(file))))) if (!k.endsWith("/")) out[k] = Buffer.from(v);
  return out;
}

describe.each(["x", "-1", "1.5", "999"])('s="%s" on a cell the fill and the marks write (G6, the 执行率)', (s) => {
  it("mark, fill and their --in-place forms: exit 2, one zh/en line naming the cell, nothing written", async () => {
    const file = withStyle("G6", s);
    const before = fs.readFileSync(file);
    const out = path.join(dir, "out.xlsx");
    for (const argv of [
      ["mark", file, "-o", out],
      ["fill", file, "-o", out],
      ["mark", file, "--in-place"],
      ["fill", file, "--in-place"],
    ]) {
      const r = await run(argv, dir);
      expect({ argv: argv.join(" "), code: r.code }).toEqual({ argv: argv.join(" "), code: 2 });
      expectOneLineZhEn(r.stderr);
      expect(r.stderr).toMatch(/G6.*格式编号.*format index/);
      expect(fs.existsSync(out)).toBe(false);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    }
    // check only reads: it still answers
    expect((await run(["check", file], dir)).code).toBe(0);
  });
});

it('s="x" on a cell nothing writes (A1, the title): mark, then clear, gives back every part byte for byte', async () => {
  const file = withStyle("A1", "x");
  const marked = path.join(dir, "marked.xlsx");
  const cleared = path.join(dir, "cleared.xlsx");
  expect((await run(["mark", file, "-o", marked], dir)).code).toBe(0);
  expect(Object.keys(parts(marked))).toContain("xl/comments1.xml");
  expect((await run(["mark", "--clear", marked, "-o", cleared], dir)).code).toBe(0);
  const a = parts(file);
  const b = parts(cleared);
  expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  for (const k of Object.keys(a)) expect({ k, same: a[k].equals(b[k]) }).toEqual({ k, same: true });
});
