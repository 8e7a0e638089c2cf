/**
 * The fill on workbooks made by writers other than ExcelJS — hand-written OOXML parts (test/adapters/xlsx/corpus.ts) and
 * LibreOffice converting a flat ODS written here — with charts, images, comments, data validation, conditional
 * formats, defined names, password protection, macros, custom properties and customXml. After `jixiao fill`:
 * every part but the changed sheet, styles, workbook, its relationships, content types and calcChain is byte-identical,
 * the changed sheet differs only in the planned cells, and LibreOffice opens the output and computes the table.
 */
import * as fs from "fs";
import * as path from "path";
import { strFromU8 } from "fflate";
import { recalcXlsx, sofficeConvert } from "../../support/libreoffice";
import { run, tempDir, expectOneLineZhEn } from "../../cli/run";
import { handWrittenWorkbook } from "./corpus";
import { fodsWorkbook } from "./fods";
import { cellsOf, partsOf } from "./parts";

jest.setTimeout(400_000);

let dir: string;
beforeAll(() => (dir = tempDir("jixiao-corpus-")));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const MAY_CHANGE = /^(xl\/styles\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|\[Content_Types\]\.xml|xl\/calcChain\.xml)$/;

interface FillJson {
  sheets: { sheet: string; changes: { cell: string; expected: number | string | null }[] }[];
}

/** Fills `input` with the CLI and checks the parts; returns the output's path and the fill's JSON. */
async function fillAndCompare(input: string, output: string, tableSheetPart: string): Promise<{ json: FillJson; out: string }> {
  const r = await run(["fill", input, "-o", output, "--json"], dir);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout) as FillJson;
  const planned = json.sheets.flatMap((s) => s.changes.map((c) => c.cell));
  expect(planned.length).toBeGreaterThan(0);
  const a = await partsOf(new Uint8Array(fs.readFileSync(input)));
  const b = await partsOf(new Uint8Array(fs.readFileSync(output)));
  for (const [name, bytes] of a) {
    if (name === tableSheetPart || MAY_CHANGE.test(name)) continue;
    const same = b.has(name) && Buffer.compare(Buffer.from(b.get(name)!), Buffer.from(bytes)) === 0;
    expect({ name, same }).toEqual({ name, same: true });
  }
  expect([...b.keys()].filter((k) => !a.has(k))).toEqual([]);
  const ca = cellsOf(strFromU8(a.get(tableSheetPart)!));
  const cb = cellsOf(strFromU8(b.get(tableSheetPart)!));
  const differing = [...new Set([...ca.cells.keys(), ...cb.cells.keys()])].filter((k) => ca.cells.get(k) !== cb.cells.get(k));
  expect(differing.sort()).toEqual([...new Set(planned)].sort());
  expect(cb.outside).toBe(ca.outside);
  // calcChain goes, with its relationship and content type; recalculation on load is asked for
  expect(b.has("xl/calcChain.xml")).toBe(false);
  expect(strFromU8(b.get("xl/_rels/workbook.xml.rels")!)).not.toContain("calcChain");
  expect(strFromU8(b.get("[Content_Types].xml")!)).not.toContain("calcChain");
  expect(strFromU8(b.get("xl/workbook.xml")!)).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  return { json, out: output };
}

describe("hand-written OOXML: chart, image, comments (absolute target), validation, conditional format, names, SHA-512 protection, macros, custom properties, customXml", () => {
  it("fill keeps every other part byte for byte, the .xlsm stays macro-enabled, and LibreOffice computes the filled table", async () => {
    const input = path.join(dir, "corpus.xlsm");
    fs.writeFileSync(input, handWrittenWorkbook());
    const { json, out } = await fillAndCompare(input, path.join(dir, "corpus-filled.xlsm"), "xl/worksheets/sheet1.xml");
    const parts = await partsOf(new Uint8Array(fs.readFileSync(out)));
    expect(strFromU8(parts.get("[Content_Types].xml")!)).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    expect(parts.has("xl/vbaProject.bin")).toBe(true);
    expect(strFromU8(parts.get("xl/workbook.xml")!)).toContain('<definedName name="执行率目标">0.9</definedName>');
    const total = json.sheets[0].changes.find((c) => c.cell === "H23");
    const lo = await recalcXlsx(new Uint8Array(fs.readFileSync(out)), { keepCachedResults: true });
    expect(lo.sheetNames()).toEqual(["附件3-1", "说明"]);
    expect(lo.value("附件3-1", "G6")).toBeCloseTo(3416.022 / 3386.925, 6);
    if (total && typeof total.expected === "number") expect(lo.value("附件3-1", "H23")).toBeCloseTo(total.expected, 6);
    // fill twice = fill once
    const again = await run(["fill", out, "-o", path.join(dir, "again.xlsm"), "--json"], dir);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as FillJson).sheets.flatMap((s) => s.changes)).toEqual([]);
    expect(Buffer.compare(fs.readFileSync(path.join(dir, "again.xlsm")), fs.readFileSync(out))).toBe(0);
  });

  it('a table sheet protected with a legacy password (sheet="true", as LibreOffice writes it): nothing written, exit 2, the cells named', async () => {
    const input = path.join(dir, "protected.xlsx");
    fs.writeFileSync(input, handWrittenWorkbook({ protectTable: true }));
    const output = path.join(dir, "protected-out.xlsx");
    const r = await run(["fill", input, "-o", output], dir);
    expect(r.code).toBe(2);
    expectOneLineZhEn(r.stderr);
    expect(r.stderr).toContain("受保护");
    expect(r.stderr).toContain("附件3-1!G6");
    expect(fs.existsSync(output)).toBe(false);
  });
});

describe("LibreOffice-written .xlsx (from a flat ODS written here): image, comment, validation, named range, protected sheet, custom property", () => {
  it("fill keeps every other part byte for byte and LibreOffice opens the output", async () => {
    const fods = path.join(dir, "lo-corpus.fods");
    fs.writeFileSync(fods, fodsWorkbook());
    const xlsx = await sofficeConvert(fods, "xlsx:Calc MS Excel 2007 XML", dir);
    const parts = await partsOf(new Uint8Array(fs.readFileSync(xlsx)));
    const names = [...parts.keys()];
    expect(names.some((n) => n.startsWith("xl/media/"))).toBe(true);
    expect(names.some((n) => /comments/.test(n))).toBe(true);
    expect(strFromU8(parts.get("docProps/custom.xml") ?? new Uint8Array())).toContain("密级");
    const { json, out } = await fillAndCompare(xlsx, path.join(dir, "lo-filled.xlsx"), "xl/worksheets/sheet1.xml");
    expect(json.sheets[0].changes.length).toBeGreaterThan(0);
    const lo = await recalcXlsx(new Uint8Array(fs.readFileSync(out)), { keepCachedResults: true });
    expect(lo.sheetNames().length).toBe(2);
    const total = json.sheets[0].changes.find((c) => typeof c.expected === "number" && /^H\d+$/.test(c.cell) && c.cell !== "H6");
    if (total) expect(lo.value(json.sheets[0].sheet, total.cell)).toBeCloseTo(total.expected as number, 6);
  });
});
