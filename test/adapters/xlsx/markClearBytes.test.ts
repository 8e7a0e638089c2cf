/**
 * 标注 then 清除标注 gives back the input byte for byte — not only the same parts, the same file: every entry the
 * commands did not change is copied as stored (headers, data descriptors, the archive comment), and the entries of
 * the parts marking changed are kept in our record and put back when clearing gives those parts back as they were,
 * whatever tool compressed the input (Excel, LibreOffice, another zip writer). A part whose content differs is never
 * given a kept entry.
 */
import * as fs from "fs";
import * as path from "path";
import { unzipSync } from "fflate";
import { run, tempDir } from "../../cli/run";
import { FIXTURE_NAMES, fixtureBytes } from "./badInputs";
import { REAL_DIR } from "../../support/realCorpus";
import { readEntries, writeZip } from "../../fuzz/zip";
import { ZipArchive } from "../../../src/adapters/xlsx/zip";

let dir: string;
beforeAll(() => (dir = tempDir("jixiao-markclear-")));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
let n = 0;

/** Marks `input` (asserting the mark changed it), then clears the marked file, in a folder of its own; the results. */
async function markThenClear(input: Uint8Array, times = 1): Promise<{ marked: Uint8Array; cleared: Uint8Array }> {
  const sub = path.join(dir, String(n++));
  fs.mkdirSync(sub);
  fs.writeFileSync(path.join(sub, "m0.xlsx"), input);
  for (let i = 0; i < times; i++) {
    const r = await run(["mark", `m${i}.xlsx`, "-o", `m${i + 1}.xlsx`, "--json"], sub);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  }
  const marked = new Uint8Array(fs.readFileSync(path.join(sub, `m${times}.xlsx`)));
  const c = await run(["mark", "--clear", `m${times}.xlsx`, "-o", "mc.xlsx", "--json"], sub);
  expect(c.code).toBe(0);
  return { marked, cleared: new Uint8Array(fs.readFileSync(path.join(sub, "mc.xlsx"))) };
}

const REAL = ["project-hubei-fishing-ban-2020", "department-chongqing-media-2021", "project-sichuan-daying-cost-2023"].filter((f) =>
  fs.existsSync(path.join(REAL_DIR, `${f}.xlsx`)),
);

test.each([
  ...FIXTURE_NAMES.map((f) => [f, () => fixtureBytes(f)] as const),
  ...REAL.map((f) => [`real/${f}`, () => new Uint8Array(fs.readFileSync(path.join(REAL_DIR, `${f}.xlsx`)))] as const),
])("%s: mark then clear = the input, byte for byte", async (_name, bytes) => {
  const input = bytes();
  const { marked, cleared } = await markThenClear(input);
  // (a workbook with nothing to mark is given back as it is)
  if (!_name.startsWith("summary")) expect(same(marked, input)).toBe(false);
  expect(same(cleared, input)).toBe(true);
});

test("mark twice then clear = the input", async () => {
  const input = fixtureBytes(FIXTURE_NAMES[0]);
  const { cleared } = await markThenClear(input, 2);
  expect(same(cleared, input)).toBe(true);
});

test("an odd container: data descriptors, stored parts, a sheet with a byte-order mark, an archive comment", async () => {
  const entries = readEntries(fixtureBytes(FIXTURE_NAMES[0])).map((e, i) => {
    if (/^xl\/worksheets\/sheet1\.xml$/.test(e.name)) {
      const bom = new Uint8Array(e.data.length + 3);
      bom.set([0xef, 0xbb, 0xbf]);
      bom.set(e.data, 3);
      return { name: e.name, data: bom, descriptor: true };
    }
    if (e.name === "xl/styles.xml") return { name: e.name, data: e.data, method: 0 as const };
    return i % 2 ? { name: e.name, data: e.data, descriptor: true } : e;
  });
  const input = writeZip(entries, { comment: "made by another tool ✓" });
  const { marked, cleared } = await markThenClear(input);
  // the marked file's sheet keeps its byte-order mark too
  expect([...unzipSync(marked)["xl/worksheets/sheet1.xml"].subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(same(cleared, input)).toBe(true);
});

test("a kept entry is put back only on the content it holds", () => {
  const input = fixtureBytes(FIXTURE_NAMES[0]);
  const zip = ZipArchive.open(input);
  const name = "xl/styles.xml";
  const kept = zip.storedEntry(name)!;
  const content = unzipSync(input)[name];
  const other = content.slice();
  other[other.length - 2] ^= 0x01;
  const parts = (out: Uint8Array) => unzipSync(out)[name];
  // the same content from elsewhere: the kept entry as it was (the output is the input again)
  expect(same(zip.rewrite({ replace: new Map([[name, content]]), remove: new Set(), stored: new Map([[name, kept]]) }), input)).toBe(true);
  // other content: deflated anew, never the kept entry
  const out = zip.rewrite({ replace: new Map([[name, other]]), remove: new Set(), stored: new Map([[name, kept]]) });
  expect(same(parts(out), other)).toBe(true);
  // a damaged kept entry is not used
  const bad = kept.slice();
  bad[bad.length - 5] ^= 0xff;
  const out2 = zip.rewrite({ replace: new Map([[name, other]]), remove: new Set(), stored: new Map([[name, bad]]) });
  expect(same(parts(out2), other)).toBe(true);
});

test("a part stored twice: the copy read is marked, the other stays; clear gives the input back", async () => {
  const entries = readEntries(fixtureBytes(FIXTURE_NAMES[0]));
  const sheet = entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
  const stale = {
    name: sheet.name,
    data: new TextEncoder().encode(new TextDecoder().decode(sheet.data).replace("<sheetData>", "<sheetData> ")),
  };
  const input = writeZip([stale, ...entries]);
  const { marked, cleared } = await markThenClear(input);
  expect(same(marked, input)).toBe(false);
  expect(same(cleared, input)).toBe(true);
});

test("a data-descriptor flag with no descriptor after the data: the entries that follow are copied whole", () => {
  const input = writeZip(readEntries(fixtureBytes(FIXTURE_NAMES[0])));
  const b = Buffer.from(input);
  // set bit 3 in every central directory record (the local headers and data stay as they are)
  for (let p = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0; p = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4))
    b.writeUInt16LE(b.readUInt16LE(p + 8) | 8, p + 8);
  const zip = ZipArchive.open(new Uint8Array(b));
  const out = zip.rewrite({ replace: new Map(), remove: new Set() });
  expect(same(out, new Uint8Array(b))).toBe(true);
});
