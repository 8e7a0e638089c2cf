/**
 * The worksheet reader's scanner (sheetScan.ts) against xml.ts parseWhole, whose reading it replaces for sheet parts
 * held whole: it reads exactly what parseWhole reads (the rest goes to saxes), and tells the reader the same — the
 * elements it acts on with their attributes, and the text. Every XML part of the fixtures, the real workbooks and other
 * writers' shapes; corner cases; random texts; and real workbooks whose sheet holds what the scanner must read alike
 * (prefixes, entities and character references, inline and rich strings, every cell type, shared formulas, cells and
 * rows without r, line ends, blanks), read by the scanner and by saxes.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { parseWhole } from "../../../src/adapters/xlsx/xml";
import { C, F, MERGE_CELL, ROW, saxHandlersOf, scanSheet, type SheetHandlers } from "../../../src/adapters/xlsx/sheetScan";
import { ZipArchive } from "../../../src/adapters/xlsx/zip";
import { readPackage } from "../../../src/adapters/xlsx/opc";
import { Styles } from "../../../src/adapters/xlsx/styles";
import { Budget, readSharedStrings, readSheet } from "../../../src/adapters/xlsx/read";
import { loadXlsxSync } from "../../../src/adapters/xlsx";
import { fixtureNames, fixturePath } from "../../support/fixtures";

type Event = ["open", number, Record<string, string | undefined> | null, boolean] | ["close", number] | ["text", string];

/** The events of one reading, text joined (empty text left out); attributes where the reader reads them. */
function recorder(): { h: SheetHandlers; events: Event[] } {
  const events: Event[] = [];
  const h: SheetHandlers = {
    open(tag, a, selfClosing) {
      const kept = tag === C || tag === ROW || tag === MERGE_CELL || tag === F;
      events.push(["open", tag, kept ? { r: a.r, t: a.t, s: a.s, ref: a.ref, si: a.si } : null, selfClosing]);
    },
    close(tag) {
      events.push(["close", tag]);
    },
    text(t) {
      if (t === "") return;
      const last = events[events.length - 1];
      if (last && last[0] === "text") last[1] += t;
      else events.push(["text", t]);
    },
  };
  return { h, events };
}

function byScanner(xml: string): Event[] | "not read" {
  const r = recorder();
  return scanSheet(xml, r.h) ? r.events : "not read";
}

function byParseWhole(xml: string): Event[] | "not read" {
  const r = recorder();
  return parseWhole(xml, saxHandlersOf(r.h)) ? r.events : "not read";
}

const REAL = path.resolve(__dirname, "../../data/real");
const SHAPES = path.resolve(__dirname, "../../fuzz/bases");
const xlsxIn = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(dir, f));

test("every XML part of the fixtures, the real workbooks and other writers' shapes: parseWhole's events", () => {
  const files = [...fixtureNames().map(fixturePath), ...xlsxIn(REAL), ...xlsxIn(SHAPES)];
  let sheets = 0;
  for (const file of files) {
    for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(fs.readFileSync(file))))) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const xml = new TextDecoder().decode(bytes);
      const mine = byScanner(xml);
      expect({ file, name, events: mine }).toEqual({ file, name, events: byParseWhole(xml) });
      if (/worksheets\//.test(name) && mine !== "not read" && mine.some((e) => e[0] === "open" && e[1] === C)) sheets++;
    }
  }
  expect(sheets).toBeGreaterThan(40);
});

test("corner cases: read alike, or left to saxes alike", () => {
  const read = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<x:a xmlns:x="u"><x:c r="A1" t=\'s\'><x:v>1</x:v></x:c></x:a>',
    '<a><c r="&#65;&#x31;" t="inlineStr" x:r="B2"><is><r><t xml:space="preserve"> a &amp; b </t></r><r><t>&#x4E2D;</t></r><rPh><t>x</t></rPh></is></c></a>',
    '<a><row r="3" spans="1:2"><c r="A3" s="2"><f t="shared" si="0" ref="A3:A9">B3&amp;"&lt;"</f><v>1</v></c><c><v> 2 </v></c></row></a>',
    "<a><row>\r\n <c>\r\n<v>1</v>\r</c>\n</row></a>",
    '<a><mergeCells count="1"><mergeCell ref="A1:B&#50;"/></mergeCells></a>',
    '<a><cc r="A1"/><vv>1</vv><ff t="shared" si="1"/><iss/><rowx r="1"/><mergeCells ref="A1:B2"/><ref/><Row r="2"/><C r="A1"/></a>',
    '<a><c r="A1" rr="1" ss="2" tt="3" sii="4" re="5" refs="6"/><c R="A2" T="s" S="1"/></a>',
    '<a><c r="A1" xr:uid="{1}" cm="1" vm="2" ph="1"><v>1</v></c><c\tr="B1"\n/></a>',
    '<x:worksheet xmlns:x="u"><x:sheetData><x:row r="1"><x:c r="A1" t="str"><x:f>1</x:f><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>',
    "\n  <a/>  \n",
  ];
  for (const xml of read) {
    expect({ xml, r: byScanner(xml) }).not.toEqual({ xml, r: "not read" });
    expect({ xml, r: byScanner(xml) }).toEqual({ xml, r: byParseWhole(xml) });
  }
  const left = [
    "<a><!-- x --></a>",
    "<a><c><v><![CDATA[1]]></v></c></a>",
    '<?xml version="1.0"?><?pi x?><a/>',
    '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>',
    "<a><c><v>&nbsp;</v></c></a>",
    '<a><c r="&nbsp;"/></a>',
    '<a><col r="&nbsp;"/></a>',
    "<a>&#0;</a>",
    "<a>&#xD800;</a>",
    "<a>\u0001</a>",
    "<a>\uFFFE</a>",
    "<a>x]]>y</a>",
    '<a><c r="A1" r="A2"/></a>',
    '<a><col min="1" min="2"/></a>',
    '<a><c r="A1" constructor="1"/></a>',
    '<a><c __proto__="1"/></a>',
    '<a><col toString="1"/></a>',
    '<a><c r="A1"t="s"/></a>',
    '<a><c r="A\t1"/></a>',
    '<a><c r="A\n1"/></a>',
    '<a><c r="<"/></a>',
    "<a><c r=A1/></a>",
    "<数据/>",
    "<a><x:c:d/></a>",
    "<a><:c/></a>",
    "<a><c:/></a>",
    "<a><c><v></c></v></a>",
    "<a><x:c></c></a>",
    "<a><c></x:c></a>",
    "<a><c>",
    "<a/><b/>",
    "x<a/>",
    "<a/>x",
    "",
    '<?xml version="1.1"?><a/>',
    "\uFEFF<a/>",
  ];
  for (const xml of left) expect({ xml, r: byScanner(xml) }).toEqual({ xml, r: "not read" });
});

test("random texts from sheet XML's corner cases: read as parseWhole reads them, or left alike", () => {
  const pieces = [
    "<a>",
    "</a>",
    "<x:c",
    "</x:c>",
    "<c",
    "</c>",
    "<row",
    "</row>",
    "<x:row",
    "<v>",
    "</v>",
    "<f",
    "</f>",
    "<is>",
    "</is>",
    "<rPh>",
    "</rPh>",
    "<t",
    "</t>",
    "<mergeCell",
    "<col",
    ">",
    "/>",
    ' r="A1"',
    " r='B2'",
    ' t = "s"',
    ' t="shared"',
    ' si="0"',
    ' ref="A1:B2"',
    ' s="1"',
    's="1"',
    ' x:r="C3"',
    ' r="&#65;1"',
    ' xml:space="preserve"',
    ' a="&amp;&#10;"',
    ' a="&bad;"',
    ' a="x\ty"',
    ' a="<"',
    " a=1",
    " constructor='1'",
    "text",
    "中文",
    " ",
    "\n",
    "\r\n",
    "\r",
    "&amp;",
    "&lt;",
    "&#x41;",
    "&#0;",
    "&",
    "&x;",
    "]]>",
    "<!-- c -->",
    "<![CDATA[d]]>",
    "<?p i?>",
    "\u0001",
    "<数/>",
    "<",
    "=",
    '"',
  ];
  let read = 0;
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), fc.boolean(), (list, wrap) => {
      const xml = wrap ? `<r>${list.join("")}</r>` : list.join("");
      const mine = byScanner(xml);
      const theirs = byParseWhole(xml);
      if (mine !== "not read") read++;
      expect({ xml, events: mine }).toEqual({ xml, events: theirs });
    }),
    { numRuns: 4000 },
  );
  // enough of them are read for the comparison to mean something
  expect(read).toBeGreaterThan(100);
});

const NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** A sheet holding every shape of cell the reader reads, prefixed (`x:`) or not, with CR LF line ends or none. */
function variantSheet(prefix: boolean, crlf: boolean): string {
  const p = prefix ? "x:" : "";
  const nl = crlf ? "\r\n" : "";
  const rows = [
    `<${p}row r="1"><${p}c r="A1" t="inlineStr"><${p}is><${p}r><${p}t xml:space="preserve">项目 &amp; </${p}t></${p}r><${p}r><${p}rPr/><${p}t>&#x540D;&#31216;</${p}t></${p}r><${p}rPh sb="0" eb="1"><${p}t>xiang</${p}t></${p}rPh></${p}is></${p}c>`,
    `<${p}c r="B1" t="s"><${p}v>0</${p}v></${p}c><${p}c r="C1" t="str"><${p}f>"a"&amp;"&lt;b&gt;"</${p}f><${p}v>a&lt;b&gt;</${p}v></${p}c>`,
    `<${p}c r="D1" t="b"><${p}v>1</${p}v></${p}c><${p}c r="E1" t="e"><${p}v>#DIV/0!</${p}v></${p}c><${p}c r="F1" t="d"><${p}v>2020-03-01T00:00:00</${p}v></${p}c></${p}row>${nl}`,
    // a row without r, its cells without r
    `<${p}row><${p}c s="0"><${p}v> 12.5 </${p}v></${p}c><${p}c t="inlineStr"><${p}is><${p}t>_x0041_x</${p}t></${p}is></${p}c><${p}c/><${p}c><${p}v>3</${p}v></${p}c></${p}row>${nl}`,
    // a shared formula, its first cell, a follower and a gap before a cell with r
    `<${p}row r="5" spans="1:4"><${p}c r="A5"><${p}f t="shared" ref="A5:A7" si="0">B5*2</${p}f><${p}v>2</${p}v></${p}c><${p}c r="D5"><${p}v>1e400</${p}v></${p}c><${p}c><${p}v>4</${p}v></${p}c></${p}row>${nl}`,
    `<${p}row r="6"><${p}c r="A6"><${p}f t="shared" si="0"/><${p}v>4</${p}v></${p}c><${p}c r="&#67;6"\r\n t = 'str' ><${p}v>&#x1F600;\r\nx</${p}v></${p}c></${p}row>${nl}`,
    `<${p}row r="8"/>`,
  ];
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${nl}<${p}worksheet ${prefix ? NS : 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'}>` +
    `<${p}dimension ref="A1:F8"/><${p}sheetData>${nl}${rows.join("")}</${p}sheetData>` +
    `<${p}mergeCells count="1"><${p}mergeCell ref="D5:E5"/></${p}mergeCells></${p}worksheet>`
  );
}

/** The fixture with its sheet replaced (its shared strings, styles and workbook as they are). */
function withSheet(xml: string): Uint8Array {
  const files = unzipSync(new Uint8Array(fs.readFileSync(fixturePath("project-medical-aid-2020"))));
  files["xl/worksheets/sheet1.xml"] = strToU8(xml);
  return zipSync(files as Zippable);
}

/** Each sheet read by the scanner and by saxes alone, and whether the scanner read its part itself. */
function readBothWays(bytes: Uint8Array) {
  const zip = ZipArchive.open(bytes);
  const pkg = readPackage(zip);
  const styles = new Styles(pkg.stylesPart ? zip.text(pkg.stylesPart) : null);
  const shared = readSharedStrings(zip, pkg.sharedStringsPart, new Budget());
  return pkg.sheets.map((s) => ({
    name: s.name,
    scanned: scanSheet(zip.text(s.part), recorder().h),
    byScanner: readSheet(zip, s.name, s.part, shared, styles, new Budget()),
    bySaxes: readSheet(zip, s.name, s.part, shared, styles, new Budget(), { saxes: true }),
  }));
}

test("real workbooks: a sheet holding every shape of cell, prefixed or not, read by the scanner as saxes reads it", () => {
  for (const prefix of [false, true])
    for (const crlf of [false, true]) {
      const [sheet] = readBothWays(withSheet(variantSheet(prefix, crlf)));
      expect({ prefix, crlf, scanned: sheet.scanned }).toEqual({ prefix, crlf, scanned: true });
      expect(sheet.byScanner).toEqual(sheet.bySaxes);
      const cells = Object.fromEntries(sheet.byScanner.snapshot.cells.map((c) => [`${c.col},${c.row}`, [c.value, c.formula]]));
      // what each cell must read as (not only alike both ways)
      expect(cells).toEqual({
        "1,1": ["项目 & 名称", null],
        "2,1": [expect.any(String), null],
        "3,1": ["a<b>", '="a"&"<b>"'],
        "4,1": [true, null],
        "5,1": ["#DIV/0!", null],
        "6,1": [43891, null],
        "1,2": [12.5, null],
        "2,2": ["Ax", null],
        "4,2": [3, null],
        "1,5": [2, "=B5*2"],
        "4,5": ["1e400", null],
        "1,6": [4, "=B6*2"],
        "3,6": ["\u{1F600}\nx", null],
      });
      expect(sheet.byScanner.snapshot.merges).toEqual([{ top: 5, left: 4, bottom: 5, right: 5 }]);
    }
});

test("real workbooks and other writers' shapes: every sheet read by the scanner as saxes reads it", () => {
  const files = [...fixtureNames().map(fixturePath), ...xlsxIn(REAL), ...xlsxIn(SHAPES)];
  let scanned = 0;
  for (const file of files) {
    for (const sheet of readBothWays(new Uint8Array(fs.readFileSync(file)))) {
      expect({ file, sheet: sheet.name, read: sheet.byScanner }).toEqual({ file, sheet: sheet.name, read: sheet.bySaxes });
      if (sheet.scanned) scanned++;
    }
  }
  expect(scanned).toBeGreaterThan(40);
});

test("a sheet the scanner does not read (a comment in a cell) is read by saxes all the same", () => {
  const xml = variantSheet(false, false).replace("<v>3</v>", "<v><!-- n -->3</v>");
  const [sheet] = readBothWays(withSheet(xml));
  expect(sheet.scanned).toBe(false);
  const book = loadXlsxSync(withSheet(xml));
  const cells = book.snapshots()[0];
  expect(cells).toBeDefined();
  expect(sheet.byScanner).toEqual(sheet.bySaxes);
  expect(sheet.byScanner.snapshot.cells.find((c) => c.row === 2 && c.col === 4)?.value).toBe(3);
});
