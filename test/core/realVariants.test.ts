/**
 * The SPEC §2.6 variant properties (test/support/variantProperties.ts) on the real corpus's 项目支出, 部门整体 and 汇总
 * tables (test/data/real/*.expected.json of those kinds): merges undone and filled, a far stray value, a second copy
 * beside and below, moved, template rows inserted, the target split — each read as the published table.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { worksheetSnapshot } from "../../src/adapters/xlsx/snapshot";
import { variantProperties } from "../support/variantProperties";

const REAL_DIR = path.resolve(__dirname, "../data/real");
const KINDS = new Set(["project", "department", "summary"]);
const names = fs
  .readdirSync(REAL_DIR)
  .filter((f) => f.endsWith(".expected.json"))
  .map((f) => f.replace(/\.expected\.json$/, ""))
  .filter((n) => {
    const kinds: string[] = JSON.parse(fs.readFileSync(path.join(REAL_DIR, `${n}.expected.json`), "utf8")).sheets.map((s: { kind: string }) => s.kind);
    return kinds.length > 0 && kinds.every((k) => KINDS.has(k));
  })
  .sort();

async function snapshots(name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(REAL_DIR, `${name}.xlsx`));
  return wb.worksheets.map(worksheetSnapshot);
}

test("the corpus has 部门整体 tables among its variants", () => {
  expect(names.some((n) => n.startsWith("department-"))).toBe(true);
});

describe.each(names)("%s: the SPEC §2.6 variants read as the published table", (name) => variantProperties(() => snapshots(name)));
