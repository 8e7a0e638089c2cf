/**
 * The streaming reader sees what ExcelJS sees: on every fixture and real table, its snapshots equal the ExcelJS-based
 * snapshots (test/support) cell for cell — values, formulas (shared ones expanded), number formats, merges.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { loadXlsx } from "../../../src/adapters/xlsx";
import { worksheetSnapshot } from "../../../src/adapters/xlsx/snapshot";
import type { SheetSnapshot, SnapshotCell } from "../../../src/core/snapshot";
import { FIXTURES } from "./badInputs";

const REAL = path.join(__dirname, "..", "..", "data", "real");

function sorted(s: SheetSnapshot) {
  const cells = (s as { cells: SnapshotCell[] }).cells;
  return {
    name: s.name,
    merges: s.merges,
    cells: [...cells]
      .sort((x, y) => x.row - y.row || x.col - y.col)
      .map((c) => ({ ...c, numberFormat: c.numberFormat === "General" ? null : (c.numberFormat ?? null) })),
  };
}

const files = [FIXTURES, REAL].flatMap((dir) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(dir, f)),
);

describe("the streaming reader and ExcelJS agree", () => {
  it.each(files.map((f) => [path.basename(f), f]))("%s", async (_name, file) => {
    const bytes = new Uint8Array(fs.readFileSync(file));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const expected = wb.worksheets.map(worksheetSnapshot).map(sorted);
    const actual = (await loadXlsx(bytes)).snapshots().map(sorted);
    expect(actual).toEqual(expected);
    expect(actual.reduce((n, s) => n + s.cells.length, 0)).toBeGreaterThan(20);
  });
});
