#!/usr/bin/env node
/**
 * Writes the 部门整体 and 汇总 corpus workbooks of this folder (and 部门整体 tables in the scorecard layout,
 * tables/scorecard-*.js) from the transcriptions in ./tables:
 *   node test/data/real/build-departments.js
 * Each table is written as published (its mistakes, merges, spellings and empty cells kept); what the stored copy
 * did not show is left empty and said in the definition's comment. Oracles (*.expected.json) are written by hand.
 */
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");

const OUT = __dirname;
const WRAP = { wrapText: true, vertical: "middle" };

async function write(def) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao test corpus";
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet(def.sheet);
  for (const [at, v] of def.cells) {
    if (at.includes(":")) ws.mergeCells(at);
    const c = ws.getCell(at.split(":")[0]);
    if (v !== null && typeof v === "object" && !(v instanceof Date)) {
      c.value = v.value;
      if (v.numFmt) c.numFmt = v.numFmt;
    } else c.value = v;
    c.alignment = WRAP;
  }
  (def.widths || []).forEach((w, i) => (ws.getColumn(i + 1).width = w));
  await wb.xlsx.writeFile(path.join(OUT, `${def.name}.xlsx`));
  console.log(`wrote ${def.name}.xlsx`);
}

(async () => {
  const dir = path.join(__dirname, "tables");
  for (const f of fs.readdirSync(dir).filter((n) => /^(?:department|summary|scorecard)-.*\.js$/.test(n)).sort()) await write(require(path.join(dir, f)));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
