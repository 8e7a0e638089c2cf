/**
 * The legacy readers on small inputs made here: what a cell holds (text stays text, marked numbers and formats as the
 * file gives them), where it stands (spans placed as a browser places them), which encoding a text file is in, and
 * that what a fill or mark saves is a new .xlsx holding the same cells.
 */
import * as XLSX from "@e965/xlsx";
import { loadWorkbookSync, workbookFormat } from "../../../src/adapters/legacy";
import { readHtmlTables } from "../../../src/adapters/legacy/html";
import { readCsv } from "../../../src/adapters/legacy/csv";
import { decodeText } from "../../../src/adapters/legacy/text";
import { asXlsxName, isLegacyFileName, isWorkbookFileName } from "../../../src/core/workbookNames";
import { filledFileName, markedFileName } from "../../../src/app/fileNames";
import { sheetJS } from "../../../src/adapters/legacy/node";
import { sniff } from "../../../src/adapters/xlsx/sniff";
import { isSparse, type SheetSnapshot, type SnapshotCell } from "../../../src/core/snapshot";
import { genuineOds, genuineXls } from "./hostile";

const enc = (s: string) => new TextEncoder().encode(s);

function cells(s: SheetSnapshot): Record<string, [SnapshotCell["value"], string | null]> {
  if (!("cells" in s)) throw new Error("dense");
  return Object.fromEntries(s.cells.map((c) => [`${XLSX.utils.encode_col(c.col - 1)}${c.row}`, [c.value, c.numberFormat ?? null]]));
}

describe("HTML tables", () => {
  test("LibreOffice's marks: sdval is a number with sdnum's format; a cell without one is text as written", () => {
    const [s] = readHtmlTables(
      `<table><tr><td sdval="0.9915" sdnum="2052;0;0.00%">99.15%</td><td>\u30003386.925</td><td sdval="10" sdnum="1033;">10</td>` +
        `<td>年度<br>指标值</td><td><font><br></font></td></tr></table>`,
      "t.html",
    );
    expect(cells(s)).toEqual({ A1: [0.9915, "0.00%"], B1: ["\u30003386.925", null], C1: [10, null], D1: ["年度\n指标值", null] });
  });

  test("a page with no type marks is read as a spreadsheet opens it: plain numbers and percentages become numbers", () => {
    const [s] = readHtmlTables(
      `<table><tr><td>12.5</td><td>99.15%</td><td>\u300012</td><td>1,234</td><td>&lt;30天&gt;</td></tr></table>`,
      "t.html",
    );
    expect(cells(s)).toEqual({
      A1: [12.5, null],
      B1: [0.9915, "0.00%"],
      C1: ["\u300012", null],
      D1: ["1,234", null],
      E1: ["<30天>", null],
    });
  });

  test("rowspan and colspan: merges, and the next cells placed beside the spans", () => {
    const [s] = readHtmlTables(
      `<table><tr><td rowspan="2" colspan="2">一级指标</td><td>a</td></tr><tr><td>b</td></tr><tr><td>c</td><td>d</td><td>e</td></tr></table>`,
      "t.html",
    );
    expect(cells(s)).toEqual({
      A1: ["一级指标", null],
      C1: ["a", null],
      C2: ["b", null],
      A3: ["c", null],
      B3: ["d", null],
      C3: ["e", null],
    });
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 2 }]);
  });

  test("each top-level table is a sheet; a table inside a cell is that cell's text; script and style are not text", () => {
    const sheets = readHtmlTables(
      `<style>td{}</style><table><tr><td>x<table><tr><td>in</td></tr></table></td></tr></table><script>1<2</script><table><tr><td>y</td></tr></table>`,
      "t.html",
    );
    expect(sheets.map((s) => s.name)).toEqual(["Sheet1", "Sheet2"]);
    expect(cells(sheets[0]).A1[0]).toMatch(/^x\s*in$/);
    expect(cells(sheets[1])).toEqual({ A1: ["y", null] });
  });

  test("an Excel HTML export names its sheet (x:Name) and marks numbers with x:num", () => {
    const [s] = readHtmlTables(
      `<html xmlns:x="urn:schemas-microsoft-com:office:excel"><x:ExcelWorksheet><x:Name>附件3-1</x:Name></x:ExcelWorksheet>` +
        `<table><tr><td x:num>7</td><td x:str>8</td><td style="mso-number-format:'0\\.00%'" x:num="0.5">50.00%</td></tr></table></html>`,
      "t.xls",
    );
    expect(s.name).toBe("附件3-1");
    expect(cells(s)).toEqual({ A1: [7, null], B1: ["8", null], C1: [0.5, "0.00%"] });
  });
});

describe("text files", () => {
  test("GBK without a BOM (Chinese Windows' ANSI), UTF-8 with and without a BOM, a declared charset", () => {
    const gbk = new Uint8Array([0xcf, 0xee, 0xc4, 0xbf, 0xc3, 0xfb, 0xb3, 0xc6]);
    expect(decodeText(gbk, false, "x.csv")).toBe("项目名称");
    expect(decodeText(enc("项目名称"), false, "x.csv")).toBe("项目名称");
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc("项目")]), false, "x.csv")).toBe("项目");
    const declared = new Uint8Array([...enc('<meta charset="gb2312"><table><tr><td>'), ...gbk, ...enc("</td></tr></table>")]);
    expect(decodeText(declared, true, "x.html")).toContain("项目名称");
  });

  test('CSV: quotes, separators and line breaks inside quotes, "" for a quote, tab-separated files', () => {
    const s = readCsv('项目名称,"说明,含逗号","多\n行",12.5,"99%"\r\n"他说""好""",,3\n', "表", "x.csv");
    expect(cells(s)).toEqual({
      A1: ["项目名称", null],
      B1: ["说明,含逗号", null],
      C1: ["多\n行", null],
      D1: [12.5, null],
      E1: [0.99, "0%"],
      A2: ['他说"好"', null],
      C2: [3, null],
    });
    expect(cells(readCsv("a\tb\n1\t2", "t", "x.tsv"))).toEqual({ A1: ["a", null], B1: ["b", null], A2: [1, null], B2: [2, null] });
  });
});

describe("routing by the bytes", () => {
  test("each format is told by its bytes; text is a table only in a file named as one", () => {
    expect(workbookFormat(genuineXls())).toBe("xls");
    expect(workbookFormat(genuineOds())).toBe("ods");
    expect(workbookFormat(enc("<!DOCTYPE html><table></table>"))).toBe("html");
    expect(workbookFormat(enc("a,b\n1,2\n"))).toBe("csv");
    expect(() => loadWorkbookSync(enc("a,b\n1,2\n"), "说明.md", sheetJS)).toThrow(/文本/);
    expect(loadWorkbookSync(enc("a,b\n1,2\n"), "表.csv", sheetJS).sheetNames()).toEqual(["表"]);
    expect(() => loadWorkbookSync(enc("<html><body>no table</body></html>"), "a.html", sheetJS)).toThrow(/没有表格/);
  });

  test("names: what the page and the batch offer, and what a legacy file is saved as", () => {
    for (const n of ["a.xlsx", "a.XLSM", "a.xls", "a.et", "a.ods", "a.htm", "a.html", "a.csv"]) expect(isWorkbookFileName(n)).toBe(true);
    for (const n of ["a.docx", "a.pdf", "~$a.xlsx", "a"]) expect(isWorkbookFileName(n)).toBe(false);
    expect(isLegacyFileName("a.xls")).toBe(true);
    expect(isLegacyFileName("a.xlsx")).toBe(false);
    expect(asXlsxName("dir/自评表.xls")).toBe("dir/自评表.xlsx");
    expect(filledFileName("自评表.xls")).toBe("自评表（已填充）.xlsx");
    expect(markedFileName("自评表.ods")).toBe("自评表（已标注）.xlsx");
  });
});

describe("the .xlsx a legacy book saves", () => {
  test("an .xls: read as it stands; after a fill, saved as an .xlsx with the same cells and the new one", () => {
    const book = loadWorkbookSync(genuineXls(), "a.xls", sheetJS);
    const before = cells(book.snapshots()[0]);
    expect(before.A1).toEqual(["项目名称", null]);
    expect(before.B3).toEqual([1.5, null]);
    book.apply({
      changes: [
        {
          sheet: "附件1",
          cell: "D2",
          kind: "formula",
          before: { value: null, formula: null, numberFormat: null },
          after: { formula: "=B2*2", numberFormat: "0.00%" },
          expected: 0,
          reason: "",
          reasonEn: "",
        },
      ],
    } as never);
    const saved = book.bytes();
    expect(sniff(saved).kind).toBe("xlsx");
    const again = loadWorkbookSync(saved, "a.xlsx", sheetJS);
    const after = cells(again.snapshots()[0]);
    for (const [k, v] of Object.entries(before)) expect({ k, v: after[k] }).toEqual({ k, v });
    const sheet = again.snapshots()[0];
    const d2 = isSparse(sheet) ? sheet.cells.find((c) => c.row === 2 && c.col === 4) : undefined;
    expect(d2).toMatchObject({ formula: "=B2*2", numberFormat: "0.00%" });
  });
});
