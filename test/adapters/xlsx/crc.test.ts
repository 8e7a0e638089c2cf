/**
 * Every part read is checked against the CRC-32 its zip directory gives: a flipped byte in styles.xml (stored, so it
 * still reads as XML) or in a deflated sheet is refused by every command in one clear line (exit 2), nothing written —
 * never read and written back damaged. An undamaged zip of the same parts is read as before.
 */
import * as fs from "fs";
import * as path from "path";
import { ZipArchive, crc32 } from "../../../src/adapters/xlsx/zip";
import { isUserError } from "../../../src/core/errors";
import { readEntries, writeZip } from "../../fuzz/zip";
import { run, tempDir, expectOneLineZhEn, listFiles } from "../../cli/run";
import { fixturePath } from "../../support/fixtures";

const MEDICAL = "project-medical-aid-2020";
let dir: string;
beforeAll(() => (dir = tempDir("jixiao-crc-")));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The fixture with styles.xml stored (not deflated), and where its `<cellXfs` starts in the file. */
function storedStyles(): { bytes: Uint8Array; at: number } {
  const entries = readEntries(new Uint8Array(fs.readFileSync(fixturePath(MEDICAL)))).map((e) =>
    e.name === "xl/styles.xml" ? { name: e.name, data: e.data, method: 0 as const } : e,
  );
  const bytes = writeZip(entries);
  const at = Buffer.from(bytes).indexOf("<cellXfs");
  expect(at).toBeGreaterThan(0);
  return { bytes, at };
}

test("crc32 runs on in pieces as in one", () => {
  const data = new TextEncoder().encode("绩效自评 performance self-evaluation ".repeat(50));
  expect(crc32(data.subarray(77), crc32(data.subarray(0, 77)))).toBe(crc32(data));
  expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
});

test("an undamaged stored styles part reads; one flipped byte in it is refused with its name", () => {
  const { bytes, at } = storedStyles();
  expect(ZipArchive.open(bytes).text("xl/styles.xml")).toContain("<cellXfs");
  const bad = bytes.slice();
  bad[at + 1] ^= 0x20; // <cellXfs → <CellXfs: still XML, not the bytes the directory's CRC was taken of
  let caught: unknown;
  try {
    ZipArchive.open(bad).text("xl/styles.xml");
  } catch (e) {
    caught = e;
  }
  expect(isUserError(caught)).toBe(true);
  expect(String((caught as Error).message)).toMatch(/xl\/styles\.xml.*CRC-32/);
});

test.each([["check"], ["fill"], ["mark"], ["mark --clear"]])("%s refuses a damaged part (exit 2, nothing written)", async (command) => {
  const { bytes, at } = storedStyles();
  const bad = bytes.slice();
  bad[at + 1] ^= 0x20;
  const sub = path.join(dir, command.replace(/\W+/g, "-"));
  fs.mkdirSync(sub);
  fs.writeFileSync(path.join(sub, "in.xlsx"), bad);
  const argv = command.split(" ");
  const r = await run([...argv, "in.xlsx", ...(argv[0] === "check" ? [] : ["-o", "out.xlsx"])], sub);
  expect(r.code).toBe(2);
  expectOneLineZhEn(r.stderr);
  expect(r.stderr).toContain("xl/styles.xml");
  expect(r.stderr).toContain("CRC-32");
  expect(listFiles(sub)).toEqual(["in.xlsx"]);
  expect(Buffer.compare(fs.readFileSync(path.join(sub, "in.xlsx")), Buffer.from(bad))).toBe(0);
});

test("a deflated sheet whose directory CRC is wrong is refused; the fixture as it is reads", async () => {
  const good = new Uint8Array(fs.readFileSync(fixturePath(MEDICAL)));
  const zip = ZipArchive.open(good);
  const sheet = zip.entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
  expect(zip.text(sheet.name)).toContain("<sheetData");
  // the central directory record of the sheet: its CRC field is 16 bytes in
  const name = Buffer.from(sheet.name);
  const b = Buffer.from(good);
  let p = b.lastIndexOf(name);
  expect(b.readUInt32LE(p - 46)).toBe(0x02014b50);
  p -= 46;
  b.writeUInt32LE((b.readUInt32LE(p + 16) ^ 1) >>> 0, p + 16);
  fs.writeFileSync(path.join(dir, "sheet-crc.xlsx"), b);
  const r = await run(["fill", "sheet-crc.xlsx", "-o", "sheet-crc-out.xlsx"], dir);
  expect(r.code).toBe(2);
  expectOneLineZhEn(r.stderr);
  expect(r.stderr).toContain("xl/worksheets/sheet1.xml");
  expect(fs.existsSync(path.join(dir, "sheet-crc-out.xlsx"))).toBe(false);
});
