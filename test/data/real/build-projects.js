#!/usr/bin/env node
/**
 * Writes the 项目支出绩效自评表 of this corpus (test/data/real/project-*.xlsx) from the transcriptions in
 * tables/project-*.js:
 *   node test/data/real/build-projects.js
 * Each transcription lists the cells as published (merges, text numbers, template rows, slashes, empty cells kept);
 * sources and transcription choices are in README.md and in each table's `notes`. The oracles (*.expected.json) are
 * written by hand from SPEC §3, never by the engine.
 */
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");

const OUT = __dirname;
const WRAP = { wrapText: true, vertical: "middle" };

/**
 * A cell entry: [at, value] or [at, value, numFmt]. `at` is "B6" or a merged range "A5:A9" (the value goes into its
 * first cell). A value {percent: 1} is the number 1 shown with the 0.00% format the published sheet shows.
 */
function writeSheet(wb, table) {
  const ws = wb.addWorksheet(table.sheet);
  for (const [at, value, numFmt] of table.cells) {
    const first = at.split(":")[0];
    if (at.includes(":")) ws.mergeCells(at);
    const c = ws.getCell(first);
    if (value && typeof value === "object" && "percent" in value) {
      c.value = value.percent;
      c.numFmt = value.format || "0.00%";
    } else {
      c.value = value;
      if (numFmt) c.numFmt = numFmt;
    }
    c.alignment = WRAP;
  }
  (table.widths || []).forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

async function build(file) {
  const table = require(path.join(OUT, "tables", file));
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao test corpus";
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = wb.created;
  writeSheet(wb, table);
  await wb.xlsx.writeFile(path.join(OUT, `${table.name}.xlsx`));
  console.log(`wrote ${table.name}.xlsx`);
}

(async () => {
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(path.join(OUT, "tables"))
    .filter((f) => /^project-.*\.js$/.test(f))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .sort();
  for (const f of files) await build(f);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
