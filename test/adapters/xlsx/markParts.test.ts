/**
 * The text-level helpers of the marks writer (src/adapters/xlsx/markParts.ts) on the shapes other writers give the
 * parts: prefixed SpreadsheetML, phonetic runs, self-closing lists, VML with form controls, sheets whose root does not
 * bind the relationships namespace, and records that are not ours or are damaged.
 */
import {
  SHAPETYPE,
  editComments,
  editVml,
  isOwnComment,
  legacyDrawingOf,
  markFromNote,
  noteShape,
  noteShapes,
  parseComments,
  recordFromXml,
  recordToXml,
  relativeTarget,
  withLegacyDrawing,
  withoutLegacyDrawing,
  type MarkRecord,
} from "../../../src/adapters/xlsx/markParts";
import { MARK_AUTHOR } from "../../../src/core/marks";

const PREFIXED =
  '<x:comments xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:authors><x:author>审核 &amp; 复核</x:author></x:authors>' +
  '<x:commentList><x:comment ref="B2" authorId="0"><x:text><x:r><x:t>请核对</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ハ</x:t></x:rPh></x:text></x:comment>' +
  '<x:comment ref="D9" authorId="0"><x:text><x:t>第二条</x:t></x:text></x:comment></x:commentList></x:comments>';

describe("comments part", () => {
  it("reads prefixed parts: authors decoded, phonetic runs left out", () => {
    const c = parseComments(PREFIXED);
    expect(c.prefix).toBe("x:");
    expect(c.authors).toEqual(["审核 & 复核"]);
    expect(c.comments.map((x) => [x.row, x.col, x.text])).toEqual([
      [2, 2, "请核对"],
      [9, 4, "第二条"],
    ]);
    expect(c.comments.some((x) => isOwnComment(c, x))).toBe(false);
  });

  it("inserts ours in row order with the part's prefix, adds our author once, and drops it again", () => {
    const c = parseComments(PREFIXED);
    const el = `<x:comment ref="C5" authorId="1"><x:text><x:t>${MARK_AUTHOR}</x:t></x:text></x:comment>`;
    const added = editComments(c, new Set(), [{ row: 5, col: 3, xml: el }], { addAuthor: true });
    expect(added).toContain(`<x:author>审核 &amp; 复核</x:author><x:author>${MARK_AUTHOR}</x:author></x:authors>`);
    expect(added.indexOf('ref="B2"')).toBeLessThan(added.indexOf('ref="C5"'));
    expect(added.indexOf('ref="C5"')).toBeLessThan(added.indexOf('ref="D9"'));
    const again = parseComments(added);
    const ours = again.comments.filter((x) => isOwnComment(again, x));
    expect(ours.map((x) => x.row)).toEqual([5]);
    const back = editComments(again, new Set(ours.map((x) => x.xml)), [], { dropLastAuthor: true });
    expect(back).toBe(PREFIXED);
  });

  it("fills a self-closing comment list", () => {
    const part = parseComments('<comments xmlns="m"><authors/><commentList/></comments>');
    const out = editComments(part, new Set(), [{ row: 1, col: 1, xml: '<comment ref="A1" authorId="0"/>' }], { addAuthor: true });
    expect(out).toBe(
      `<comments xmlns="m"><authors><author>${MARK_AUTHOR}</author></authors><commentList><comment ref="A1" authorId="0"/></commentList></comments>`,
    );
  });
});

describe("VML drawing", () => {
  const BUTTON =
    '<v:shape id="_x0000_s2049" type="#_x0000_t201"><x:ClientData ObjectType="Button"><x:Row>4</x:Row><x:Column>2</x:Column></x:ClientData></v:shape>';
  const vml = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="2"/></o:shapelayout>${BUTTON}</xml>`;

  it("adds note shapes (and the note shape type once), removes only note shapes at the cells named", () => {
    const added = editVml(vml, new Set(), [noteShape(2050, 5, 3), noteShape(2051, 9, 4)]);
    expect(added.split(SHAPETYPE)).toHaveLength(2);
    expect(noteShapes(added).map((s) => [s.row, s.col])).toEqual([
      [5, 3],
      [9, 4],
    ]);
    const removed = editVml(added, new Set(["5:3", "5:3", "4:2"]), []);
    expect(removed).toContain(BUTTON); // a button at 4:2 is not a note: it stays
    expect(noteShapes(removed).map((s) => [s.row, s.col])).toEqual([[9, 4]]);
    expect(editVml(added, new Set(), [noteShape(2052, 1, 1)]).split(SHAPETYPE)).toHaveLength(2);
  });
});

describe("the sheet's <legacyDrawing>", () => {
  it("goes before tableParts/extLst, binds r: when the root does not, and comes out again as written", () => {
    const sheet = '<worksheet xmlns="m"><sheetData/><pageMargins left="1"/><drawing r:id="d"/><tableParts count="1"/><extLst/></worksheet>';
    const out = withLegacyDrawing(sheet, "", "rId7");
    expect(out).toContain(
      '<drawing r:id="d"/><legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId7"/><tableParts',
    );
    const found = legacyDrawingOf(out);
    expect(found?.relId).toBe("rId7");
    expect(withoutLegacyDrawing(out, found!.tag)).toBe(sheet);
    const bound =
      '<x:worksheet xmlns:x="m" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheetData/></x:worksheet>';
    expect(withLegacyDrawing(bound, "x:", "rId1")).toContain('<x:legacyDrawing rel:id="rId1"/></x:worksheet>');
    // legacyDrawingHF is not the notes' drawing
    expect(legacyDrawingOf('<worksheet><legacyDrawingHF r:id="h"/></worksheet>')).toBeNull();
  });
});

describe("record", () => {
  const record: MarkRecord = {
    version: 1,
    cells: [
      {
        sheet: '表 <1> & "2"',
        cell: "G6",
        severity: "error",
        codes: ["RATE_INVERTED"],
        fill: "FFC7CE",
        note: `${MARK_AUTHOR}\n【错误】a < b & c ]]> \uFFFE`,
        written: true,
        style: 2,
        marked: 7,
      },
    ],
    created: { '表 <1> & "2"': { comments: true } },
    styles: { xfs: [7], fills: [4] },
  };

  it("round-trips any text; a damaged or foreign part is not ours", () => {
    expect(recordFromXml(recordToXml(record))).toEqual(record);
    expect(recordFromXml('<undo xmlns="urn:jixiao:undo:1" version="1">{"version":1}</undo>')).toBeNull();
    expect(recordFromXml('<marks xmlns="urn:other">{"version":1,"cells":[],"created":{}}</marks>')).toBeNull();
    expect(recordFromXml(recordToXml(record).replace('"style":2', '"style":"2"'))).toBeNull();
    expect(recordFromXml(recordToXml(record).replace('"cell":"G6"', '"cell":"6G"'))).toBeNull();
    expect(recordFromXml('<marks xmlns="urn:jixiao:marks:1">{not json</marks>')).toBeNull();
  });

  it("a note of ours whose record was lost is read from its lines", () => {
    expect(markFromNote(`${MARK_AUTHOR}\n【警告】x [RATE_OVER_100]\n【错误】y [RATE_INVERTED]`)).toEqual({
      severity: "error",
      codes: ["RATE_OVER_100", "RATE_INVERTED"],
      fill: "FFC7CE",
    });
    expect(markFromNote(`${MARK_AUTHOR}\n[Note] z [NUMBER_AS_TEXT]`).severity).toBe("info");
  });
});

test("relationship targets", () => {
  expect(relativeTarget("xl/worksheets/sheet1.xml", "xl/comments1.xml")).toBe("../comments1.xml");
  expect(relativeTarget("xl/worksheets/sheet1.xml", "xl/drawings/vmlDrawing1.vml")).toBe("../drawings/vmlDrawing1.vml");
  expect(relativeTarget("xl/workbook.xml", "customXml/item2.xml")).toBe("../customXml/item2.xml");
});
