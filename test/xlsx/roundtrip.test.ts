/**
 * What ExcelJS keeps on a read → write round trip of the shared fixtures: merges, cell styles,
 * column widths, row heights, values — checked both through ExcelJS's model and in the raw sheet XML.
 */
import { loadXlsx } from "../../src/adapters/xlsx";
import { FIXTURE_NAMES, fixtureBytes } from "./badInputs";
import { dumpWorkbook, partXml, readBook } from "./dump";

const mergeRefs = (xml: string) => [...xml.matchAll(/<mergeCell ref="([^"]+)"/g)].map((m) => m[1]).sort();
const cols = (xml: string) => [...xml.matchAll(/<col [^>]*>/g)].map((m) => m[0]).sort();
const rowHeights = (xml: string) =>
  [...xml.matchAll(/<row r="(\d+)"[^>]*?(?: ht="([\d.]+)")?[^>]*>/g)].map((m) => `${m[1]}:${m[2] ?? ""}`);
const pageSetup = (xml: string): Record<string, string> =>
  Object.fromEntries([...(/<pageSetup([^>]*)>/.exec(xml)?.[1] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
/** Page-setup attributes ExcelJS adds on save (all meaning "the default"): noted, allowed. */
const PAGE_SETUP_ADDED = { firstPageNumber: "1", useFirstPageNumber: "1", copies: "1" };

describe.each(FIXTURE_NAMES)("round trip of %s", (name) => {
  let original: Uint8Array;
  let written: Uint8Array;

  beforeAll(async () => {
    original = fixtureBytes(name);
    const book = await loadXlsx(original);
    written = await book.toBuffer();
  });

  it("keeps every cell's value and style, merges, column widths and row heights (ExcelJS model)", async () => {
    const a = dumpWorkbook(await readBook(original));
    const b = dumpWorkbook(await readBook(written));
    expect(b).toEqual(a);
    expect(Object.keys(a[0].cells).length).toBeGreaterThan(50);
    expect(a[0].merges.length).toBeGreaterThan(3);
  });

  it("keeps merges, <col> widths, row heights and page setup in the raw sheet XML", async () => {
    const x1 = await partXml(original, "xl/worksheets/sheet1.xml");
    const x2 = await partXml(written, "xl/worksheets/sheet1.xml");
    expect(mergeRefs(x2)).toEqual(mergeRefs(x1));
    expect(cols(x2)).toEqual(cols(x1));
    expect(rowHeights(x2)).toEqual(rowHeights(x1));
    // Every page-setup attribute is kept; ExcelJS adds first page number 1 and 1 copy (the defaults).
    const p1 = pageSetup(x1);
    expect(Object.keys(p1).length).toBeGreaterThan(3);
    expect(pageSetup(x2)).toEqual({ ...PAGE_SETUP_ADDED, ...p1 });
  });

  it("keeps the snapshot the engine reads", async () => {
    const s1 = (await loadXlsx(original)).snapshots();
    const s2 = (await loadXlsx(written)).snapshots();
    expect(s2).toEqual(s1);
  });
});
