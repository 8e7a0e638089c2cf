/**
 * In Node the zip's parts inflate through zlib (node.ts registers it), elsewhere through fflate: both give the same
 * bytes for every part of every fixture, and the bounds hold alike — a part lying about its size stops at what it
 * declares, a damaged part is refused by its CRC-32, a part that is not deflate data is called damaged.
 */
import * as fs from "fs";
import { deflateRawSync } from "zlib";
import { unzipSync } from "fflate";
import { ZipArchive, crc32, setFastCodec } from "../../../src/adapters/xlsx/zip";
import { NODE_CODEC } from "../../../src/adapters/xlsx/node";
import { isUserError } from "../../../src/core/errors";
import { fixtureNames, fixturePath } from "../../support/fixtures";
import { crc32 as referenceCrc } from "../../fuzz/zip";
import { GiB, SHEET_HEAD, SHEET_TAIL, bombEntry, zipOf } from "./amplify";

/** Every part of the archive, inflated with zlib (fast) or fflate alone. */
function partsOf(bytes: Uint8Array, fast: boolean): Record<string, Uint8Array> {
  setFastCodec(fast ? NODE_CODEC : null);
  try {
    const zip = ZipArchive.open(bytes);
    return Object.fromEntries(zip.entries.map((e) => [e.name, zip.read(e.name)]));
  } finally {
    setFastCodec(NODE_CODEC);
  }
}

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return null;
}

test("zlib and fflate inflate every part of every fixture to the same bytes", () => {
  const names = fixtureNames();
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) {
    const bytes = new Uint8Array(fs.readFileSync(fixturePath(name)));
    const fast = partsOf(bytes, true);
    const slow = partsOf(bytes, false);
    const plain = unzipSync(bytes);
    expect(Object.keys(fast).sort()).toEqual(Object.keys(plain).sort());
    for (const part of Object.keys(plain)) {
      expect({ part, same: Buffer.from(fast[part]).equals(Buffer.from(slow[part])) }).toEqual({ part, same: true });
      expect({ part, same: Buffer.from(fast[part]).equals(Buffer.from(plain[part])) }).toEqual({ part, same: true });
    }
  }
});

test("with zlib, a part lying about its size stops at what it declares; a flipped CRC and junk are refused", () => {
  setFastCodec(NODE_CODEC);
  const zip = ZipArchive.open(zipOf({ "a.xml": bombEntry(SHEET_HEAD, " ", GiB, SHEET_TAIL) }));
  let n = 0;
  const err = errorOf(() => zip.stream("a.xml", (c) => (n += c.length)));
  expect(isUserError(err) && (err as { key?: string }).key).toBe("limit-declared");
  expect(n).toBeLessThanOrEqual(2048);

  const xml = new TextEncoder().encode(`${SHEET_HEAD}<row r="1"><c r="A1"><v>1</v></c></row>${SHEET_TAIL}`);
  const good = ZipArchive.open(zipOf({ "a.xml": xml }));
  expect(new TextDecoder().decode(good.read("a.xml"))).toContain("<v>1</v>");
  const data = new Uint8Array(deflateRawSync(xml));
  const bad = ZipArchive.open(zipOf({ "a.xml": { data, method: 8, size: xml.length, crc: crc32(xml) ^ 1 } }));
  expect(String((errorOf(() => bad.read("a.xml")) as Error).message)).toMatch(/CRC-32/);
  const junk = ZipArchive.open(zipOf({ "a.xml": { data: new Uint8Array([0xff, 0xff, 0xff, 0xff]), method: 8, size: 100, crc: 0 } }));
  expect(isUserError(errorOf(() => junk.read("a.xml")))).toBe(true);
});

test("with zlib, a part past 8 MB inflates whole into what it declares, reaches the reader in slices, and a lie is refused as with fflate", () => {
  // rows of varied cells: ~20 MB that deflate only a few times, well within the ratio
  const rows: string[] = [];
  for (let r = 1, length = 0; length < 20 * 1024 * 1024; r++) {
    const row = `<row r="${r}"><c r="A${r}"><v>${(r * 7919) % 100003}</v></c><c r="B${r}" t="inlineStr"><is><t>x${r.toString(36)}</t></is></c></row>`;
    rows.push(row);
    length += row.length;
  }
  const xml = new TextEncoder().encode(`${SHEET_HEAD}${rows.join("")}${SHEET_TAIL}`);
  const data = new Uint8Array(deflateRawSync(xml));
  const calls: number[] = [];
  setFastCodec({ ...NODE_CODEC, inflateRaw: (d, max) => (calls.push(max), NODE_CODEC.inflateRaw(d, max)) });
  try {
    const honest = ZipArchive.open(zipOf({ "a.xml": { data, method: 8, size: xml.length, crc: crc32(xml) } }));
    const sizes: number[] = [];
    const parts: Uint8Array[] = [];
    honest.stream("a.xml", (c) => (sizes.push(c.length), parts.push(c.slice())));
    const got = Buffer.concat(parts);
    expect(got.equals(Buffer.from(xml))).toBe(true);
    expect(calls).toEqual([xml.length]);
    expect(sizes.length).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1 << 18);

    // declaring less than it holds (still within the ratio): zlib stops at the declared size, fflate streams and refuses
    const declared = xml.length - 1024 * 1024;
    const lying = ZipArchive.open(zipOf({ "a.xml": { data, method: 8, size: declared, crc: crc32(xml) } }));
    let n = 0;
    const err = errorOf(() => lying.stream("a.xml", (c) => (n += c.length)));
    expect(isUserError(err) && (err as { key?: string }).key).toBe("limit-declared");
    expect(n).toBeLessThanOrEqual(declared);
    setFastCodec(null);
    let m = 0;
    const slow = errorOf(() =>
      ZipArchive.open(zipOf({ "a.xml": { data, method: 8, size: declared, crc: crc32(xml) } })).stream("a.xml", (c) => (m += c.length)),
    );
    expect((slow as Error).message).toBe((err as Error).message);
    expect(m).toBe(n);
  } finally {
    setFastCodec(NODE_CODEC);
  }
});

test("the browser's CRC-32 (no native one, eight bytes a step) gives a byte-a-step CRC's for every length, offset and split", () => {
  const bytes = new Uint8Array(300);
  let x = 2463534242;
  for (let i = 0; i < bytes.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  const cases: [number, number, number][] = [];
  for (let len = 0; len <= 40; len++) for (const from of [0, 1, 3, 7]) cases.push([from, len, len >> 1]);
  cases.push([0, 300, 0], [5, 295, 133], [0, 300, 299]);
  setFastCodec(null);
  try {
    for (const [from, len, cut] of cases) {
      const d = bytes.subarray(from, from + len);
      const whole = referenceCrc(d);
      expect({ from, len, crc: crc32(d) }).toEqual({ from, len, crc: whole });
      expect({ from, len, cut, crc: crc32(d.subarray(cut), crc32(d.subarray(0, cut))) }).toEqual({ from, len, cut, crc: whole });
    }
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  } finally {
    setFastCodec(NODE_CODEC);
  }
});
