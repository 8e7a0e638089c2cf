#!/usr/bin/env node
/**
 * Prints the gzip size of the task pane's INITIAL JavaScript: every script the page loads before it is interactive —
 * the scripts taskpane.html loads synchronously (or deferred) and what office.js itself fetches then (outside Office,
 * the page in a browser: its O15 mapping table, o15apptofilemappingtable.js) — not the lazy chunks (ExcelJS, the
 * Excel adapter, the Word pane, the workbook worker). Fails when that total exceeds the budget (300 KB gzip).
 * test/e2e/pageSpeed.test.ts checks in Chromium that every script the page asked for before it was interactive is
 * counted here.
 *
 *   node scripts/build-size.js [dist] [--json]
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const BUDGET_KB = Number(process.env.PANE_JS_BUDGET_KB || 300);

function initialScripts(html) {
  const out = [];
  const re = /<script\b([^>]*)>/gi;
  let m;
  while ((m = re.exec(html))) {
    const attrs = m[1];
    const src = /\bsrc=("([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
    if (!src) continue;
    if (/\basync\b/i.test(attrs)) continue;
    out.push(src[2] || src[3] || src[4]);
  }
  return out;
}

/** What office.js (served from the add-in's folder) fetches before the page is interactive, beside itself. */
const OFFICE_RUNTIME = ["o15apptofilemappingtable.js"];

function measure(dist) {
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const files = [];
  const scripts = initialScripts(html);
  for (const src of scripts.filter((s) => /(^|\/)office\.js$/i.test(s) && !/^https?:/i.test(s))) {
    for (const f of OFFICE_RUNTIME) scripts.push(src.replace(/office\.js$/i, f));
  }
  for (const src of scripts) {
    if (/^https?:/i.test(src)) {
      files.push({ src, external: true, bytes: 0, gzip: 0 });
      continue;
    }
    const buf = fs.readFileSync(path.join(dist, src.split("?")[0]));
    files.push({ src, external: false, bytes: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length });
  }
  const isOffice = (f) => /(^|\/)(office(\.debug)?|o15apptofilemappingtable)\.js$/i.test(f.src);
  const app = files.filter((f) => !isOffice(f));
  const office = files.filter(isOffice);
  const sum = (xs, k) => xs.reduce((s, f) => s + f[k], 0);
  return {
    files,
    appGzip: sum(app, "gzip"),
    appBytes: sum(app, "bytes"),
    officeGzip: sum(office, "gzip"),
    totalGzip: sum(files, "gzip"),
    budgetKB: BUDGET_KB,
  };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const dist = path.resolve(args.find((a) => !a.startsWith("--")) || "dist");
  const r = measure(dist);
  if (args.includes("--json")) {
    console.log(JSON.stringify(r, null, 2));
  } else {
    const kb = (n) => (n / 1024).toFixed(1);
    console.log("Task pane initial JavaScript (everything loaded before the page is interactive):");
    for (const f of r.files) console.log(`  ${f.src.padEnd(40)} ${f.external ? "(external)" : `${kb(f.bytes)} KB, ${kb(f.gzip)} KB gzip`}`);
    console.log(`  pane bundles: ${kb(r.appGzip)} KB gzip`);
    if (r.officeGzip) console.log(`  office.js and what it fetches: ${kb(r.officeGzip)} KB gzip (Microsoft's loader, served locally)`);
    console.log(`  total: ${kb(r.totalGzip)} KB gzip (budget ${BUDGET_KB} KB)`);
  }
  if (r.totalGzip > BUDGET_KB * 1024) {
    console.error(`Task pane initial JavaScript is over budget: ${(r.totalGzip / 1024).toFixed(1)} KB gzip > ${BUDGET_KB} KB.`);
    process.exit(1);
  }
}

module.exports = { measure, initialScripts };
