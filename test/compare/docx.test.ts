/**
 * The .docx reader of the comparison (src/adapters/docx/read.ts): the reports the tool writes read back and compare
 * clean; a report a person typed in Word (paragraphs and a table) is read with its table's cells; tracked deletions
 * and field codes are not text; what is not a .docx, or a zip that lies about its sizes, is refused in zh + en.
 */
import * as fs from "fs";
import * as path from "path";
import { zipSync, strToU8 } from "fflate";
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { buildReportDocxFromNarratives } from "../../src/adapters/docx";
import { readDocxBlocks } from "../../src/adapters/xlsx/docxText";
import { compareReport } from "../../src/core/compare";
import { isUserError } from "../../src/core/errors";
import { fixtureNames, fixturePath } from "../support/fixtures";
import { REAL_DIR } from "../support/realCorpus";
import { narrativeBlocks, ownNarratives, workbook } from "./helpers";

const LINK = { fileName: "自评表.xlsx", generatedAt: "2021-03-15T08:00:00.000Z" };

const files = [
  ...fixtureNames().map((n) => [n, fixturePath(n)]),
  ...fs
    .readdirSync(REAL_DIR)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => [f.replace(/\.xlsx$/, ""), path.join(REAL_DIR, f)]),
];

test.each(files)("the .docx the tool writes for %s reads back as its narrative and compares as it does", async (_name, file) => {
  const wb = workbook(file);
  const narratives = ownNarratives(wb.tables);
  const bytes = await buildReportDocxFromNarratives(narratives, LINK);
  const blocks = readDocxBlocks(bytes, "自评报告.docx");
  const fromDocx = compareReport(blocks, wb.inputs);
  const fromText = compareReport(narratives.flatMap(narrativeBlocks), wb.inputs);
  const key = (r: typeof fromDocx) =>
    r.figures
      .filter((f) => f.match !== null)
      .map((f) => `${f.cell}:${f.match}`)
      .sort();
  expect(key(fromDocx)).toEqual(key(fromText));
  // every table cell of the report is a cell block with its row and column
  const cells = blocks.filter((b) => b.kind === "cell");
  const tableCells = narratives.flatMap((n) =>
    n.sections.flatMap((s) => s.paragraphs.flatMap((p) => (p.table ? [p.table.header, ...p.table.rows].flat() : []))),
  );
  expect(cells.length).toBe(tableCells.length);
});

async function personDocx(): Promise<Uint8Array> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph({ children: [new TextRun(text)] })] });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [new TextRun("城乡困难居民医疗救助项目2020年度绩效自评报告")],
          }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("一、项目基本情况")] }),
          new Paragraph({
            children: [new TextRun("2020年年初预算3386.925万元，全年执行"), new TextRun("3416万元"), new TextRun("，预算执行率为99.15%。")],
          }),
          new Paragraph({ children: [new TextRun("项目资金情况表（单位：万元）")] }),
          new Table({
            rows: [
              new TableRow({ children: ["资金项目", "年初预算数", "全年预算数", "全年执行数", "执行率"].map(cell) }),
              new TableRow({ children: ["年度资金总额", "3386.925", "3386.925", "3416.022", "99.15%"].map(cell) }),
              new TableRow({ children: ["当年财政拨款", "3386.925", "3386.925", "3461.022", "100.86%"].map(cell) }),
            ],
          }),
          new Paragraph({ children: [new TextRun("经自评，项目自评总分98分，评价等级为优。")] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

test("a report typed in Word: headings, paragraphs split over runs, a table with its cells; each differing figure found", async () => {
  const blocks = readDocxBlocks(await personDocx(), "自评报告.docx");
  expect(blocks[0]).toEqual({ kind: "heading", text: "城乡困难居民医疗救助项目2020年度绩效自评报告" });
  expect(blocks[1]).toEqual({ kind: "heading", text: "一、项目基本情况" });
  expect(blocks[2]).toEqual({ kind: "paragraph", text: "2020年年初预算3386.925万元，全年执行3416万元，预算执行率为99.15%。" });
  expect(blocks.filter((b) => b.kind === "cell")).toHaveLength(15);
  expect(blocks.find((b) => b.text === "3461.022")).toEqual({ kind: "cell", text: "3461.022", table: 0, row: 2, col: 3 });
  const wb = workbook(fixturePath("project-medical-aid-2020"));
  const r = compareReport(blocks, wb.inputs);
  expect(r.findings.map((f) => [f.cell, f.stated])).toEqual([
    ["E6", "3416万元"],
    ["E7", "3461.022"],
  ]);
  expect(r.figures.filter((f) => f.match === true).length).toBeGreaterThanOrEqual(9);
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
function docxOf(body: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    "word/document.xml": strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    ...extra,
  });
}

test("tracked deletions and field codes are not text; a merged cell moves the column on; a nested table is its cell's text", () => {
  const body =
    '<w:p><w:r><w:t>全年执行数</w:t></w:r><w:del><w:r><w:delText>3416.022</w:delText></w:r></w:del><w:ins><w:r><w:t>3416.02</w:t></w:r></w:ins><w:r><w:t xml:space="preserve">万元</w:t></w:r></w:p>' +
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>1</w:t></w:r></w:p>' +
    '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>资金项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>全年执行数</w:t></w:r></w:p></w:tc></w:tr>' +
    "<w:tr><w:tc><w:p><w:r><w:t>年度资金总额</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>3416.022</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
  const blocks = readDocxBlocks(docxOf(body));
  expect(blocks).toEqual([
    { kind: "paragraph", text: "全年执行数3416.02万元" },
    { kind: "paragraph", text: "1" },
    { kind: "cell", text: "资金项目", table: 0, row: 0, col: 0 },
    { kind: "cell", text: "全年执行数", table: 0, row: 0, col: 2 },
    { kind: "cell", text: "年度资金总额\n内", table: 0, row: 1, col: 0 },
    { kind: "cell", text: "", table: 0, row: 1, col: 1 },
    { kind: "cell", text: "3416.022", table: 0, row: 1, col: 2 },
  ]);
});

test("what is not a .docx is refused in Chinese and English; a zip that expands past what it declares stops there", async () => {
  const refuse = (bytes: Uint8Array) => {
    try {
      readDocxBlocks(bytes, "单位A.docx");
    } catch (e) {
      expect(isUserError(e)).toBe(true);
      return e as { key?: string; message: string; messageEn?: string };
    }
    throw new Error("not refused");
  };
  expect(refuse(new Uint8Array()).key).toBe("not-docx");
  expect(refuse(fs.readFileSync(fixturePath("project-medical-aid-2020"))).message).toContain("单位A.docx");
  expect(refuse(strToU8("hello, not a document")).key).toBe("not-docx");
  // a zip bomb: the directory declares 10 bytes, the part inflates to far more
  const bomb = docxOf(`<w:p><w:r><w:t>${"0".repeat(2_000_000)}</w:t></w:r></w:p>`);
  const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
  for (let p = 0; p + 46 < bomb.length; p++) if (view.getUint32(p, true) === 0x02014b50) view.setUint32(p + 24, 10, true);
  expect(refuse(bomb).key).toBe("limit-declared");
  // cut short
  expect(refuse((await personDocx()).slice(0, 500)).key).toBe("not-docx");
});
