/**
 * The surgical writer reads a worksheet as XML, not as text: hostile sheets made here from a fixture — rows stored in
 * descending order, cells out of column order, comments, CDATA and processing instructions holding markup inside a
 * cell or a row, a raw `>` in attribute values, a namespace prefix on every element, a byte-order mark and a
 * lower-case encoding — are filled (and marked) through the CLI. Every written part parses (saxes), rows and cells
 * come out in the order they were stored in, each once, and LibreOffice computes from each what it computes from the
 * fixture filled.
 */
import * as fs from "fs";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { run, tempDir } from "../../cli/run";
import { fixtureBytes } from "./badInputs";
import { editPart } from "./hostile";
import { recalculated, sofficeConvertMany } from "../../support/libreoffice";
import { SheetXml } from "../../../src/adapters/xlsx/sheetEdit";
import { declaredUtf8, XmlScanner } from "../../../src/adapters/xlsx/xml";

jest.setTimeout(300_000);

const MEDICAL = "project-medical-aid-2020";
const SHEET1 = "xl/worksheets/sheet1.xml";
const SHEET = "附件3-1";

let dir: string;
beforeAll(() => (dir = tempDir("jixiao-writer-tokens-")));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The `<row>` elements of a sheet's XML as written (the fixture has no markup-like text in them). */
function rowsOf(xml: string): { before: string; rows: string[]; after: string } {
  const start = xml.indexOf("<sheetData>") + "<sheetData>".length;
  const end = xml.indexOf("</sheetData>");
  const rows = xml.slice(start, end).match(/<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g) ?? [];
  return { before: xml.slice(0, start), rows, after: xml.slice(end) };
}

const withRows = (xml: string, f: (rows: string[]) => string[]) => {
  const r = rowsOf(xml);
  return r.before + f(r.rows).join("") + r.after;
};

/** Each row's cells reversed. */
function cellsReversed(row: string): string {
  const m = /^(<row\b[^>]*>)([\s\S]*)(<\/row>)$/.exec(row);
  if (!m) return row;
  const cells = m[2].match(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g) ?? [];
  return m[1] + cells.reverse().join("") + m[3];
}

/** Every SpreadsheetML element of the part with the prefix `x:` (the main namespace bound to it). */
function prefixed(xml: string): string {
  return xml
    .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, (all, slash: string, name: string) => `<${slash}x:${name}`)
    .replace(
      ' xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
      ' xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
    );
}

const VARIANTS: Record<string, (xml: string) => string> = {
  "rows in descending order": (x) => withRows(x, (rows) => [...rows].reverse()),
  "cells out of column order": (x) => withRows(x, (rows) => rows.map(cellsReversed)),
  "rows descending, cells reversed, rows without r": (x) =>
    withRows(x, (rows) => rows.map(cellsReversed).reverse()).replace(/<row r="2" /, "<row "),
  "a comment holding </c> and a cell inside cells and rows": (x) =>
    x
      .replace(/(<c r="H23"[^>]*>)/, '<!-- <c r="H23"><v>0</v></c> -->$1<!-- </c> -->')
      .replace(/(<row\b[^>]*>)/g, '$1<!-- </row><c r="A1"/> -->')
      .replace(/(<c r="G\d+"[^>]*>)(<v>)/g, "$1<!--</c>-->$2"),
  "CDATA and processing instructions holding markup": (x) =>
    x.replace(/(<row\b[^>]*>)/g, '$1<?jixiao </c><c r="B2"><v>1</v></c> ?>').replace(/<v>(\d+)<\/v>/g, "<v><![CDATA[$1]]></v>"),
  "a raw > inside attribute values": (x) =>
    x
      .replace("<worksheet ", '<worksheet xmlns:j="urn:jixiao:test" ')
      .replace('mc:Ignorable="x14ac"', 'mc:Ignorable="x14ac j"')
      .replace(/<c r="([A-Z]+\d+)"/g, '<c j:note="a>b r=\'Z9\'/>" r="$1"')
      .replace(/<row r="(\d+)"/g, '<row j:note="> r=\'99\'/>" r="$1"'),
  "every element with a namespace prefix": prefixed,
  "a byte-order mark and encoding='utf-8'": (x) => `\uFEFF${x.replace('encoding="UTF-8"', "encoding='utf-8'")}`,
};

/** Throws unless the text is well-formed XML. */
function parses(xml: string, part: string): void {
  const p = new SaxesParser({ xmlns: true });
  p.on("error", (e) => {
    throw new Error(`${part}: ${e.message}`);
  });
  p.write(xml.replace(/^\uFEFF/, "")).close();
}

/** The sheet's rows and cells in document order, read with saxes: [row, [columns]]. */
function order(xml: string): { rows: number[]; cells: string[][] } {
  const p = new SaxesParser();
  const rows: number[] = [];
  const cells: string[][] = [];
  p.on("opentag", (t) => {
    const name = t.name.replace(/^.*:/, "");
    if (name === "row") {
      rows.push(Number(t.attributes.r));
      cells.push([]);
    } else if (name === "c") cells[cells.length - 1].push(String(t.attributes.r));
  });
  p.write(xml.replace(/^\uFEFF/, "")).close();
  return { rows, cells };
}

const colOf = (ref: string) =>
  ref
    .replace(/\d+/g, "")
    .split("")
    .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** The written sheet keeps the input's rows and cells in the order they were stored in, each cell once. */
function expectStoredOrder(input: string, written: string): void {
  const a = order(input);
  const b = order(written);
  // a row is known by its number, or (a row stored without one) by its first cell's
  const ids = (o: { rows: number[]; cells: string[][] }) =>
    o.rows.map((r, i) => (Number.isNaN(r) ? Number(o.cells[i][0]?.replace(/[A-Z]+/, "")) : r));
  const before = ids(a);
  expect(ids(b).filter((r) => before.includes(r))).toEqual(before);
  const refs = a.cells.flat();
  const out = b.cells.flat();
  expect(new Set(out).size).toBe(out.length);
  expect(out.filter((r) => refs.includes(r))).toEqual(refs);
  for (const ref of out) expect(colOf(ref)).toBeGreaterThan(0);
}

const ADDRESSES = Array.from({ length: 23 }, (_, r) => "ABCDEFGHI".split("").map((c) => `${c}${r + 1}`)).flat();

describe("the surgical writer on hostile sheet XML", () => {
  it("fill writes every variant once, in the order stored, parsable, and LibreOffice computes the fixture's values", async () => {
    const names = Object.keys(VARIANTS);
    const outputs: string[] = [];
    const oracleIn = path.join(dir, "oracle.xlsx");
    fs.writeFileSync(oracleIn, fixtureBytes(MEDICAL));
    const oracle = path.join(dir, "oracle-filled.xlsx");
    expect((await run(["fill", oracleIn, "-o", oracle], dir)).code).toBe(0);
    for (const [i, name] of names.entries()) {
      const input = path.join(dir, `v${i}.xlsx`);
      const bytes = editPart(fixtureBytes(MEDICAL), SHEET1, VARIANTS[name]);
      fs.writeFileSync(input, bytes);
      const out = path.join(dir, `v${i}-filled.xlsx`);
      const r = await run(["fill", input, "-o", out], dir);
      expect({ name, code: r.code, stderr: r.stderr }).toEqual({ name, code: 0, stderr: "" });
      const files = unzipSync(new Uint8Array(fs.readFileSync(out)));
      for (const [part, data] of Object.entries(files)) if (/\.(xml|rels)$/.test(part)) parses(strFromU8(data), `${name}: ${part}`);
      expectStoredOrder(strFromU8(unzipSync(bytes)[SHEET1]).replace(/^\uFEFF/, ""), strFromU8(files[SHEET1]));
      outputs.push(out);
    }
    // one soffice run, recalculating on load (ExcelJS, which strips cached results elsewhere, reads no prefixed part)
    const lo = path.join(dir, "lo");
    fs.mkdirSync(lo);
    const copies = [oracle, ...outputs].map((f, i) => {
      const c = path.join(dir, `lo-in-${i}.xlsx`);
      fs.copyFileSync(f, c);
      return c;
    });
    const [want, ...got] = await Promise.all((await sofficeConvertMany(copies, "xlsx:Calc MS Excel 2007 XML", lo)).map(recalculated));
    expect(want.value(SHEET, "H23")).toBe(98);
    for (const [i, g] of got.entries()) {
      const diff = ADDRESSES.filter((a) => g.value(SHEET, a) !== want.value(SHEET, a)).map(
        (a) => `${a}: ${String(g.value(SHEET, a))} ≠ ${String(want.value(SHEET, a))}`,
      );
      expect({ variant: names[i], diff }).toEqual({ variant: names[i], diff: [] });
    }
  });

  it("mark marks a cell beside a comment that holds a cell: H23 keeps its 97, the comment stays", async () => {
    const input = path.join(dir, "comment.xlsx");
    const variant = VARIANTS["a comment holding </c> and a cell inside cells and rows"];
    // a 总分 of 97 where the scores add to 98: TOTAL_MISMATCH, so mark fills H23
    fs.writeFileSync(
      input,
      editPart(fixtureBytes(MEDICAL), SHEET1, (x) => variant(x.replace("<v>98</v>", "<v>97</v>"))),
    );
    const out = path.join(dir, "comment-marked.xlsx");
    const r = await run(["mark", input, "-o", out], dir);
    expect(r.code).toBe(0);
    const xml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(out)))[SHEET1]);
    parses(xml, SHEET1);
    expect(xml).toContain('<!-- <c r="H23"><v>0</v></c> -->');
    const h23 = /<c r="H23"([^>]*)><!-- <\/c> --><v>97<\/v><\/c>/.exec(xml);
    expect(h23).not.toBeNull();
    expect(h23![1]).not.toBe(' s="3"'); // marked: a style of its own
    expect(r.stdout).toContain("H23");
  });

  it("reads structure only from markup: a > in a value, comments, CDATA, PIs and a DOCTYPE are tokens of their own", () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e "<c>">]><worksheet xmlns:j="urn:j"><sheetData><!-- <row r="9"> -->' +
      '<row r="2" j:x="a>b"><c r="A2" j:y=\'/c>\'><v><![CDATA[<c r="B2">]]></v></c><?pi <c r="C2"/> ?></row></sheetData></worksheet>';
    const s = new XmlScanner(xml);
    const tags: string[] = [];
    while (s.next()) if (s.kind !== "text") tags.push(`${s.kind}:${s.name}`);
    expect(tags).toEqual([
      "other:",
      "other:",
      "open:worksheet",
      "open:sheetData",
      "other:",
      "open:row",
      "open:c",
      "open:v",
      "other:",
      "close:v",
      "close:c",
      "other:",
      "close:row",
      "close:sheetData",
      "close:worksheet",
    ]);
    const sx = new SheetXml(xml);
    expect(sx.cellsOfRow(2).map((c) => c.col)).toEqual([1]);
    expect(sx.cellsOfRow(9)).toEqual([]);
    const written = sx.withCells(new Map([[2, new Map([[2, '<c r="B2"><v>5</v></c>']])]]));
    parses(written.replace(/<!DOCTYPE[^\]]*\]>/, ""), "sheet");
    expect(written).toContain('</c><c r="B2"><v>5</v></c><?pi <c r="C2"/> ?></row>');
  });

  it("a part written back says it is UTF-8, whatever it declared", () => {
    expect(declaredUtf8('<?xml version="1.0" encoding="UTF-16" standalone="yes"?><a/>')).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a/>',
    );
    expect(declaredUtf8("<?xml version='1.0' encoding='utf-8'?><a/>")).toBe("<?xml version='1.0' encoding='utf-8'?><a/>");
    expect(declaredUtf8("<a/>")).toBe("<a/>");
  });
});
