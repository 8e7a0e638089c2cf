#!/usr/bin/env node
/**
 * Prints the gzip size of the task pane's INITIAL JavaScript: the scripts taskpane.html loads synchronously
 * (or deferred) — not the lazy chunks (ExcelJS, the Excel adapter, the Word pane). office.js is Microsoft's and is
 * reported on its own line. Fails when the pane's own initial JavaScript exceeds the budget (300 KB gzip).
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

function measure(dist) {
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const files = [];
  for (const src of initialScripts(html)) {
    if (/^https?:/i.test(src)) {
      files.push({ src, external: true, bytes: 0, gzip: 0 });
      continue;
    }
    const buf = fs.readFileSync(path.join(dist, src.split("?")[0]));
    files.push({ src, external: false, bytes: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length });
  }
  const isOffice = (f) => /(^|\/)office(\.debug)?\.js$/i.test(f.src);
  const app = files.filter((f) => !isOffice(f));
  const office = files.filter(isOffice);
  const sum = (xs, k) => xs.reduce((s, f) => s + f[k], 0);
  return {
    files,
    appGzip: sum(app, "gzip"),
    appBytes: sum(app, "bytes"),
    officeGzip: sum(office, "gzip"),
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
    console.log("Task pane initial JavaScript (taskpane.html, synchronously loaded):");
    for (const f of r.files) console.log(`  ${f.src.padEnd(40)} ${f.external ? "(external)" : `${kb(f.bytes)} KB, ${kb(f.gzip)} KB gzip`}`);
    console.log(`  pane bundles: ${kb(r.appGzip)} KB gzip (budget ${BUDGET_KB} KB)`);
    if (r.officeGzip) console.log(`  + office.js:  ${kb(r.officeGzip)} KB gzip (Microsoft's loader, served locally)`);
  }
  if (r.appGzip > BUDGET_KB * 1024) {
    console.error(`Task pane initial JavaScript is over budget: ${(r.appGzip / 1024).toFixed(1)} KB gzip > ${BUDGET_KB} KB.`);
    process.exit(1);
  }
}

module.exports = { measure, initialScripts };
