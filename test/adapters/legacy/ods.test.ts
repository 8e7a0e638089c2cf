/**
 * The .ods reader (src/adapters/legacy/ods.ts) on small documents made here: what each kind of cell gives — the
 * same as SheetJS's ODS reader gave, so findings stay what they were — number formats from data styles in
 * content.xml and styles.xml, formulas, spans and covered cells, repeats; and hostile documents (repeats, far
 * cells, runaway spaces, a document cut short) refused with a clear message within seconds.
 */
import * as XLSX from "@e965/xlsx";
import { readOdsSheets } from "../../../src/adapters/legacy/ods";
import { snapshotsOf } from "../../../src/adapters/legacy/sheetjs";
import { loadWorkbookSync } from "../../../src/adapters/legacy";
import { sheetJS } from "../../../src/adapters/legacy/node";
import { isUserError, type UserError } from "../../../src/core/errors";
import type { SnapshotCell, SparseSheetSnapshot } from "../../../src/core/snapshot";
import { ods, odsContent } from "./hostile";
import { LIMITS } from "../../../src/adapters/xlsx/limits";
import { costOfSync, expectWithin } from "../../cli/run";

/** The cell bound as the refusal names it. */
const CELL_BOUND = new RegExp(LIMITS.cells.toLocaleString("en"));

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" ' +
  'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"';

/** content.xml with automatic styles: ce1 a percentage (data style in content.xml), ce2 a number style from styles.xml. */
function content(rows: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS} office:version="1.3"><office:automatic-styles>` +
    `<number:percentage-style style:name="N11"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>` +
    `<style:style style:name="ce1" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N11"/>` +
    `<style:style style:name="ce2" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N4"/>` +
    `<style:style style:name="ce3" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:wrap-option="wrap"/></style:style>` +
    `</office:automatic-styles><office:body><office:spreadsheet><table:table table:name="附件1">${rows}</table:table>` +
    `<table:table table:name="空"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>` +
    `</office:spreadsheet></office:body></office:document-content>`
  );
}

const STYLES =
  `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${NS} office:version="1.3"><office:styles>` +
  `<number:number-style style:name="N4"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>` +
  `</office:styles></office:document-styles>`;

const ROWS =
  `<table:table-row><table:table-cell table:number-columns-spanned="2" table:number-rows-spanned="1" office:value-type="string"><text:p>一级 <text:s text:c="2"/>指标</text:p><text:p>第二行</text:p></table:table-cell>` +
  `<table:covered-table-cell><text:p>hidden</text:p></table:covered-table-cell>` +
  `<table:table-cell office:value-type="string"><office:annotation><text:p>批注</text:p></office:annotation><text:p>　3386.925</text:p></table:table-cell></table:table-row>` +
  `<table:table-row><table:table-cell table:style-name="ce1" office:value-type="percentage" office:value="0.9915"><text:p>99.15%</text:p></table:table-cell>` +
  `<table:table-cell table:style-name="ce2" office:value-type="float" office:value="1234.5"><text:p>1,234.50</text:p></table:table-cell>` +
  `<table:table-cell table:formula="of:=SUM([.A2:.B2])" office:value-type="float" office:value="1235.4915"><text:p>1235.49</text:p></table:table-cell>` +
  `<table:table-cell office:value-type="date" office:date-value="2024-03-01"><text:p>2024-03-01</text:p></table:table-cell>` +
  `<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>` +
  `<table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell></table:table-row>` +
  `<table:table-row table:number-rows-repeated="2"><table:table-cell table:style-name="ce3" table:number-columns-repeated="2"/><table:table-cell table:number-columns-repeated="2" office:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell></table:table-row>` +
  `<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>`;

function byRef(s: SparseSheetSnapshot): Record<string, [SnapshotCell["value"], string | null, string | null]> {
  return Object.fromEntries(
    [...s.cells]
      .sort((a, b) => a.row - b.row || a.col - b.col)
      .map((c) => [`${XLSX.utils.encode_col(c.col - 1)}${c.row}`, [c.value, c.formula ?? null, c.numberFormat ?? null]]),
  );
}

function refused(run: () => unknown): UserError {
  try {
    run();
  } catch (e) {
    if (isUserError(e)) return e;
    throw e;
  }
  throw new Error("read without complaint");
}

describe("what each cell gives", () => {
  const file = ods(content(ROWS), STYLES);

  test("values, formulas, formats, spans and repeats", () => {
    const [sheet, empty] = readOdsSheets(file, "t.ods");
    expect(sheet.name).toBe("附件1");
    expect(byRef(sheet)).toEqual({
      A1: ["一级   指标\n第二行", null, null],
      C1: ["　3386.925", null, null],
      A2: [0.9915, null, "0.00%"],
      B2: [1234.5, null, "#,##0.00"],
      C2: [1235.4915, "=SUM(A2:B2)", null],
      D2: [45352, null, "m/d/yy"],
      E2: [true, null, null],
      F2: ["#DIV/0!", "=1/0", null],
      C3: [7, null, null],
      D3: [7, null, null],
      C4: [7, null, null],
      D4: [7, null, null],
    });
    expect(sheet.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
    // a sheet of empty cells repeated to Excel's last row and column is an empty sheet, not 17 billion cells
    expect(empty).toEqual({ name: "空", cells: [], merges: [] });
  });

  test("the same values, formulas and formats as SheetJS's ODS reader gives", () => {
    const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const theirs = snapshotsOf(XLSX.read(file, { type: "array", cellFormula: true, cellNF: true, cellText: false, cellHTML: false }));
    quiet.mockRestore();
    const ours = readOdsSheets(file, "t.ods");
    expect(ours.map((s) => s.name)).toEqual(theirs.map((s) => s.name));
    // but for one thing: SheetJS trims the ideographic space (U+3000) off a text, the .xlsx keeps it and so do we
    expect(byRef(theirs[0]).C1).toEqual(["3386.925", null, null]);
    expect(byRef(ours[0])).toEqual({ ...byRef(theirs[0]), C1: ["　3386.925", null, null] });
  });

  test("a document binding ODF's namespaces to other prefixes reads the same", () => {
    const renamed = content(ROWS)
      .replace(/(<\/?|\s)table:/g, "$1t:")
      .replace(/(<\/?|\s)office:/g, "$1o:")
      .replace(/xmlns:(table|office)=/g, (_, p: string) => `xmlns:${p[0]}=`);
    expect(renamed).toContain("<t:table-cell o:value-type=");
    expect(byRef(readOdsSheets(ods(renamed, STYLES), "t.ods")[0])).toEqual(byRef(readOdsSheets(file, "t.ods")[0]));
  });

  test("read through loadWorkbookSync without SheetJS", () => {
    const book = loadWorkbookSync(file, "t.ods", () => {
      throw new Error("SheetJS asked for");
    });
    expect(book.sheetNames()).toEqual(["附件1", "空"]);
    expect(loadWorkbookSync(file, "t.ods", sheetJS).snapshots()).toHaveLength(2);
  });
});

describe("hostile documents: a clear refusal within seconds", () => {
  const within = (ms: number, run: () => unknown): UserError => {
    const { result: e, ...cost } = costOfSync(() => refused(run));
    expectWithin(cost, ms);
    return e;
  };

  test("empty rows repeated down to the last row, then a cell past it", () => {
    const rows = `<table:table-row table:number-rows-repeated="1048576"><table:table-cell/></table:table-row><table:table-row><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>`;
    const e = within(5000, () => readOdsSheets(ods(odsContent(rows)), "far.ods"));
    expect(`${e.zh} ${e.en}`).toMatch(/1,048,576/);
  });

  test("a value in the last cell costs one cell", () => {
    const rows =
      `<table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>` +
      `<table:table-row><table:table-cell table:number-columns-repeated="16383"/><table:table-cell office:value-type="float" office:value="4242.5"><text:p>4242.5</text:p></table:table-cell></table:table-row>`;
    const { result: sheets, ...cost } = costOfSync(() => readOdsSheets(ods(odsContent(rows)), "far.ods"));
    expectWithin(cost, 5000);
    const [s] = sheets;
    expect(s.cells.map((c) => [c.row, c.col, c.value])).toEqual([[1048576, 16384, 4242.5]]);
  });

  test("a content row repeated past the cell bound (rows × columns counted before anything is written)", () => {
    const rows = `<table:table-row table:number-rows-repeated="400000"><table:table-cell table:number-columns-repeated="20" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>`;
    const e = within(5000, () => readOdsSheets(ods(odsContent(rows)), "rep.ods"));
    expect(`${e.zh} ${e.en}`).toMatch(CELL_BOUND);
  });

  test("a run of a billion spaces (text:s) in one cell", () => {
    const rows = `<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="1000000000"/>b</text:p></table:table-cell></table:table-row>`;
    const e = within(5000, () => readOdsSheets(ods(odsContent(rows)), "sp.ods"));
    expect(`${e.zh} ${e.en}`).toMatch(/32767|32,767/);
  });

  test("a document cut short inside a tag, and a tag that never ends", () => {
    const cut = odsContent(
      `<table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>`,
    );
    for (const text of [
      cut.slice(0, cut.indexOf("<table:table-cell") + 20),
      `${cut.slice(0, cut.indexOf("<table:table-row"))}<table:table-row a="${"x".repeat(3 << 20)}`,
    ]) {
      const e = within(5000, () => loadWorkbookSync(ods(text), "cut.ods", sheetJS));
      expect(e.code).toBe("corrupt");
    }
  });
});
