/**
 * A cell whose format index is not one of the workbook's (s="x", negative, fractional, past the style table) is read
 * as spreadsheets read it (the default format), the same in check, fill, mark, clear and report: a cell the fill
 * writes gets a format of its own; a cell marked keeps its index (its mark is the note alone); the formats the marks
 * add never take an index a cell already names; and mark then clear gives back every part byte for byte.
 */
import * as fs from "fs";
import * as path from "path";
import { unzipSync } from "fflate";
import { run, tempDir } from "../../cli/run";
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

const STYLES = "xl/styles.xml";
const xfCount = (file: string) => Number(/<cellXfs count="(\d+)"/.exec(parts(file)[STYLES].toString("utf8"))?.[1]);
const cellTag = (file: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*>`).exec(parts(file)[SHEET1].toString("utf8"))?.[0] ?? "";

/** mark then clear: exit 0 both, and the cleared file's parts are the input's, byte for byte. */
async function markThenClear(file: string): Promise<string> {
  const marked = path.join(dir, `m-${path.basename(file)}`);
  const cleared = path.join(dir, `mc-${path.basename(file)}`);
  expect((await run(["mark", file, "-o", marked], dir)).code).toBe(0);
  expect(Object.keys(parts(marked))).toContain("xl/comments1.xml");
  expect((await run(["mark", "--clear", marked, "-o", cleared], dir)).code).toBe(0);
  const a = parts(file);
  const b = parts(cleared);
  expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  for (const k of Object.keys(a)) expect({ k, same: a[k].equals(b[k]) }).toEqual({ k, same: true });
  return marked;
}

describe.each(["x", "-1", "1.5", "999"])('s="%s"', (s) => {
  it("on a cell the fill and the marks write (G6, the 执行率): every command answers, and the cell gets a format of its own", async () => {
    const file = withStyle("G6", s);
    const out = path.join(dir, "out.xlsx");
    const out2 = path.join(dir, "out2.xlsx");
    for (const argv of [
      ["check", file],
      ["report", file, "-o", path.join(dir, "r.docx"), "--as-is"],
      ["mark", "--clear", file, "-o", out],
    ])
      expect({ argv: argv[0], code: (await run(argv, dir)).code }).toEqual({ argv: argv[0], code: 0 });
    const fill = await run(["fill", file, "-o", out, "--json"], dir);
    expect(fill.code).toBe(0);
    expect((JSON.parse(fill.stdout) as { sheets: { changes: { cell: string }[] }[] }).sheets[0].changes.map((c) => c.cell)).toContain("G6");
    const written = Number(/ s="(\d+)"/.exec(cellTag(out, "G6"))?.[1]);
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(xfCount(out));
    const again = await run(["fill", out, "-o", out2, "--json"], dir);
    expect((JSON.parse(again.stdout) as { changed: number }).changed).toBe(0);
    // marked: the note, the cell's index as it was; clearing gives back the input
    const marked = await markThenClear(file);
    expect(cellTag(marked, "G6")).toContain(` s="${s}"`);
  });

  it("on a cell nothing writes (A1, the title): mark, then clear, gives back every part byte for byte", async () => {
    await markThenClear(withStyle("A1", s));
  });
});

it("an index just past the style table: the formats the marks add stop below it, so no cell the marks did not touch changes", async () => {
  const read = xfCount(withStyle("A1", "0"));
  for (const past of [read, read + 1]) {
    const file = withStyle("A1", String(past));
    const marked = await markThenClear(file);
    // the formats added take read … past-1 at most: A1 (index past) is not one of them
    expect(xfCount(marked)).toBeLessThanOrEqual(past);
    expect(cellTag(marked, "A1")).toContain(` s="${past}"`);
  }
  // with no such index the marks do add their formats (the test above would otherwise prove nothing)
  expect(xfCount(await markThenClear(withStyle("A1", "9999")))).toBeGreaterThan(read);
});
