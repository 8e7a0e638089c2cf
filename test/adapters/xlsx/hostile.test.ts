/**
 * Hostile files end in a clear result or a clear exit 2 within seconds, with memory bounded — through the CLI
 * (in-process main) and the same loader the page uses: a far value, a zip that expands past the bound (declared or
 * lying about its size), a million rows, terminal escape sequences in cell text, a 400-digit number, error values.
 */
import * as fs from "fs";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import ExcelJS from "exceljs";
import { loadXlsx, LIMITS } from "../../../src/adapters/xlsx";
import { FileHost } from "../../../src/adapters/xlsx/FileHost";
import { isUserError, type UserError } from "../../../src/core/errors";
import { costOf, expectWithin, run, tempDir, expectOneLineZhEn } from "../../cli/run";
import { fixtureBytes } from "./badInputs";
import { editPart, rowsXml, setCell, streamedWorkbook, uniformRowsXml } from "./hostile";

jest.setTimeout(240_000);

const MEDICAL = "project-medical-aid-2020";
const SHEET1 = "xl/worksheets/sheet1.xml";
let dir: string;
beforeAll(() => (dir = tempDir("jixiao-hostile-")));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function save(name: string, bytes: Uint8Array): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

async function pageError(bytes: Uint8Array): Promise<UserError | null> {
  return FileHost.open("x.xlsx", bytes).then(
    () => null,
    (e: unknown) => (isUserError(e) ? e : Promise.reject(e)),
  );
}

describe("hostile workbooks", () => {
  it("a value at XFD1048576 beside the table: the table is checked, quickly", async () => {
    const far = editPart(fixtureBytes(MEDICAL), SHEET1, (x) =>
      x.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'),
    );
    const file = save("far.xlsx", far);
    const { result, ...cost } = await costOf(() => run(["check", file, "--json"], dir));
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.sheets[0].kind).toBe("project");
    expect(json.sheets[0].total).toBe(98);
    expectWithin(cost, 10_000);
  });

  it("a sheet that expands past the bound — declared, or lying in the zip directory — is exit 2 with one zh/en line, page too", async () => {
    const rows = Math.ceil((LIMITS.partBytes + 1) / 26); // each row is 26 bytes of XML
    for (const lie of [false, true]) {
      const bomb = streamedWorkbook(() => uniformRowsXml(rows), { lieAboutSize: lie });
      expect(bomb.length).toBeLessThan(LIMITS.partBytes / 50);
      const file = save(`bomb-${lie}.xlsx`, bomb);
      const before = process.memoryUsage().rss;
      const { result, ...cost } = await costOf(() => run(["check", file], dir));
      expect(result.code).toBe(2);
      expectOneLineZhEn(result.stderr);
      expect(result.stderr).toMatch(/(上限|声明的大小).*(limit|declares)/);
      expectWithin(cost, lie ? 20_000 : 2_000);
      expect(process.memoryUsage().rss - before).toBeLessThan(LIMITS.partBytes);
      const fill = await run(["fill", file, "-o", path.join(dir, "bomb-out.xlsx")], dir);
      expect(fill.code).toBe(2);
      expect(fs.existsSync(path.join(dir, "bomb-out.xlsx"))).toBe(false);
      expect((await pageError(bomb))?.code).toBe("limit");
    }
  });

  it("a million rows (a 明细 with no table): a clear result, within seconds", async () => {
    const big = streamedWorkbook(() => rowsXml(1_048_576));
    const file = save("million.xlsx", big);
    const { result, ...cost } = await costOf(() => run(["check", file, "--json"], dir));
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.sheets.map((x: { kind: string | null }) => x.kind)).toEqual([null]);
    expectWithin(cost, 20_000);
  });

  it("a large 明细 (over 4 MB of XML) with 项目/级 text past its head is read, not reported as damaged", async () => {
    // past the kept head the reader scans, and a 目 or 级 makes it read the sheet again in full: that restart is
    // thrown from inside the streamed inflate, and must not come out as "the workbook is damaged"
    function* detail(): Iterable<string> {
      let first = true;
      for (const chunk of rowsXml(120_000)) {
        if (first) {
          first = false;
          yield chunk;
          continue;
        }
        yield chunk.replace(
          /<row r="(\d*5000)"><c r="A\1"><v>\d+<\/v><\/c>/g,
          '<row r="$1"><c r="A$1" t="inlineStr"><is><t>项目编码 二级科目</t></is></c>',
        );
      }
    }
    const bytes = streamedWorkbook(detail);
    expect(unzipSync(bytes, { filter: (f) => f.name === SHEET1 })[SHEET1].length).toBeGreaterThan(4 * 1024 * 1024);
    const book = await loadXlsx(bytes);
    const cells = (book.snapshots()[0] as { cells: { row: number; value: unknown }[] }).cells;
    expect(cells.length).toBeGreaterThan(1000); // read; past the head, rows that cannot head a table are not kept
    const result = await run(["check", save("detail.xlsx", bytes), "--json"], dir);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).sheets.map((x: { kind: string | null }) => x.kind)).toEqual([null]);
  });

  it("past a 明细's head: 级/目 text alone keeps only the head; a real table further down is still read in full", async () => {
    const src = new ExcelJS.Workbook();
    await src.xlsx.load(fixtureBytes(MEDICAL) as unknown as ArrayBuffer);
    const table = src.worksheets[0];
    const build = async (withTable: boolean) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("明细");
      ws.addRow(["序号", "资金来源", "金额"]);
      for (let i = 1; i <= 12_000; i++) ws.addRow([i, i % 3 ? "一般公共预算" : "上级转移支付", i * 1.5]);
      if (withTable) {
        const top = ws.rowCount + 3;
        table.eachRow({ includeEmpty: false }, (row, r) =>
          row.eachCell({ includeEmpty: false }, (cell, c) => {
            const v = cell.value;
            ws.getCell(top + r - 1, c).value = v && typeof v === "object" && "result" in v ? (v.result as ExcelJS.CellValue) : v;
          }),
        );
      }
      return new Uint8Array(await wb.xlsx.writeBuffer());
    };
    const plain = (await loadXlsx(await build(false))).snapshots()[0] as { cells: unknown[] };
    expect(plain.cells.length).toBeLessThan(30_000); // the head only, not 36,003 cells
    const withTable = await build(true);
    const json = JSON.parse((await run(["check", save("detail-table.xlsx", withTable), "--json"], dir)).stdout);
    expect(json.sheets.map((x: { kind: string | null }) => x.kind)).toEqual(["project"]);
  });

  it("terminal escape sequences and bidi overrides in cell text: visible escapes in text output, escaped in --json", async () => {
    const hostile = editPart(fixtureBytes(MEDICAL), "xl/sharedStrings.xml", (x) =>
      x.replace("<t>城乡困难居民医疗救助</t>", "<t>_x001B_[31m城乡困难\u202e居民医疗救助_x001B_[0m\u0085</t>"),
    );
    const file = save("escape.xlsx", hostile);
    const text = await run(["check", file], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("\\u{1B}[31m城乡困难\\u{202E}居民医疗救助");
    expect(text.stdout).not.toMatch(/[\u001b\u0085\u202e]/);
    const json = await run(["check", file, "--json"], dir);
    expect(json.stdout).not.toMatch(/[\u001b\u0085\u202e]/);
    expect(json.stdout).toContain("\\u001b[31m");
    expect(json.stdout).toContain("\\u202e");
    expect(JSON.parse(json.stdout).sheets[0].name).toContain("\u001b[31m城乡困难\u202e居民");
  });

  it("a 400-digit number, as text and as a number: never Infinity, in the snapshot or in the filled file", async () => {
    const digits = "9".repeat(400);
    let bytes = editPart(fixtureBytes(MEDICAL), "xl/sharedStrings.xml", (x) => x.replace("\u30003386.925</t>", `${digits}</t>`));
    bytes = editPart(bytes, SHEET1, (x) => setCell(x, "F6", `<c r="F6" s="3"><v>${digits}</v></c>`));
    const book = await loadXlsx(bytes);
    const f6 = (book.snapshots()[0] as { cells: { row: number; col: number; value: unknown }[] }).cells.find(
      (c) => c.row === 6 && c.col === 6,
    );
    expect(f6?.value).toBe(digits);
    const file = save("digits.xlsx", bytes);
    const out = path.join(dir, "digits-out.xlsx");
    const r = await run(["fill", file, "-o", out], dir);
    expect(r.code === 0 || r.code === 2).toBe(true);
    if (r.code === 0) {
      for (const [name, data] of Object.entries(unzipSync(fs.readFileSync(out))))
        expect({ name, inf: strFromU8(data).includes("Infinity") }).toEqual({ name, inf: false });
    } else expectOneLineZhEn(r.stderr);
  });

  it("error values are read as errors: CELL_ERROR, nothing computed from them", async () => {
    const bytes = editPart(fixtureBytes(MEDICAL), SHEET1, (x) => setCell(x, "F6", '<c r="F6" s="3" t="e"><v>#DIV/0!</v></c>'));
    const book = await loadXlsx(bytes);
    const f6 = (book.snapshots()[0] as { cells: { row: number; col: number; value: unknown }[] }).cells.find(
      (c) => c.row === 6 && c.col === 6,
    );
    expect(f6?.value).toBe("#DIV/0!");
    const r = await run(["check", save("error.xlsx", bytes), "--json"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("CELL_ERROR");
  });
});
