/**
 * A workbook without a styles part (xl/styles.xml missing: a dangling relationship, or none at all): fill writes
 * the number formats it plans into a styles part it creates (with its relationship and content type when they are
 * not there), so the second fill finds them and plans nothing — fill twice = fill once — and LibreOffice opens the
 * result with the formats shown. Mark adds no fill to such a workbook (only notes), and clear gives it back.
 */
import * as fs from "fs";
import * as path from "path";
import { unzipSync } from "fflate";
import { run, tempDir } from "../../cli/run";
import { fixtureBytes } from "./badInputs";
import { readEntries, writeZip } from "../../fuzz/zip";
import { recalcXlsx } from "../../support/libreoffice";

jest.setTimeout(180_000);

const MEDICAL = "project-medical-aid-2020";
let dir: string;
beforeAll(() => (dir = tempDir("jixiao-nostyles-")));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const dec = new TextDecoder();
const enc = new TextEncoder();

/** The fixture without xl/styles.xml (nor cell formats); `all` also drops its relationship and content type. */
function withoutStyles(all: boolean): Uint8Array {
  const entries = readEntries(fixtureBytes(MEDICAL))
    .filter((e) => e.name !== "xl/styles.xml")
    .map((e) => {
      // a workbook written without styles: its cells name no format (one that did would be refused as damaged)
      if (/^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))
        return { name: e.name, data: enc.encode(dec.decode(e.data).replace(/ s="\d+"/g, "")) };
      if (!all) return e;
      if (e.name === "xl/_rels/workbook.xml.rels")
        return { name: e.name, data: enc.encode(dec.decode(e.data).replace(/<Relationship [^>]*\/styles"[^>]*\/>/, "")) };
      if (e.name === "[Content_Types].xml")
        return { name: e.name, data: enc.encode(dec.decode(e.data).replace(/<Override [^>]*\/xl\/styles\.xml"[^>]*\/>/, "")) };
      return e;
    });
  return writeZip(entries);
}

test.each([
  ["its relationship left dangling", false],
  ["no relationship or content type", true],
])("no styles part (%s): fill writes its formats, fill again changes nothing", async (_what, all) => {
  const sub = path.join(dir, all ? "all" : "part");
  fs.mkdirSync(sub);
  const input = withoutStyles(all);
  expect(unzipSync(input)["xl/styles.xml"]).toBeUndefined();
  fs.writeFileSync(path.join(sub, "in.xlsx"), input);
  const f1 = await run(["fill", "in.xlsx", "-o", "f1.xlsx", "--json"], sub);
  expect(f1.stderr).toBe("");
  expect(f1.code).toBe(0);
  const formats = (JSON.parse(f1.stdout) as { sheets: { changes: { after: { numberFormat?: string | null } }[] }[] }).sheets
    .flatMap((s) => s.changes)
    .filter((c) => c.after.numberFormat);
  expect(formats.length).toBeGreaterThan(0);

  const parts = unzipSync(new Uint8Array(fs.readFileSync(path.join(sub, "f1.xlsx"))));
  const styles = dec.decode(parts["xl/styles.xml"]);
  expect(styles).toMatch(/<cellXfs count="[2-9]\d*">/);
  expect(dec.decode(parts["xl/_rels/workbook.xml.rels"]).match(/\/styles"/g)).toHaveLength(1);
  expect(dec.decode(parts["[Content_Types].xml"]).match(/\/xl\/styles\.xml"/g)).toHaveLength(1);
  expect(dec.decode(parts["xl/worksheets/sheet1.xml"])).toMatch(/<c r="[A-Z]+\d+" s="[1-9]/);

  const f2 = await run(["fill", "f1.xlsx", "-o", "f2.xlsx", "--json"], sub);
  expect(f2.code).toBe(0);
  expect((JSON.parse(f2.stdout) as { changed: number }).changed).toBe(0);

  if (all) {
    // LibreOffice opens it and shows the planned formats
    const lo = await recalcXlsx(path.join(sub, "f1.xlsx"), { keepCachedResults: true });
    const shown = lo.workbook.worksheets.flatMap((ws) => {
      const out: string[] = [];
      ws.eachRow((row) => row.eachCell((c) => void (c.numFmt && c.numFmt !== "General" && out.push(c.numFmt))));
      return out;
    });
    expect(shown.length).toBeGreaterThan(0);
  }
});

test("no styles part: mark then clear gives the input back", async () => {
  const sub = path.join(dir, "mark");
  fs.mkdirSync(sub);
  const input = withoutStyles(true);
  fs.writeFileSync(path.join(sub, "in.xlsx"), input);
  expect((await run(["mark", "in.xlsx", "-o", "m.xlsx", "--json"], sub)).code).toBe(0);
  expect(unzipSync(new Uint8Array(fs.readFileSync(path.join(sub, "m.xlsx"))))["xl/styles.xml"]).toBeUndefined();
  expect((await run(["mark", "--clear", "m.xlsx", "-o", "mc.xlsx", "--json"], sub)).code).toBe(0);
  expect(Buffer.compare(fs.readFileSync(path.join(sub, "mc.xlsx")), Buffer.from(input))).toBe(0);
});
