#!/usr/bin/env node
/**
 * npm run demo: check, fill and report on the bundled samples (samples/*.xlsx) into out/.
 *   out/<name>.check.json   `jixiao check --json`
 *   out/<name>.check.txt    `jixiao check` (what a person reads)
 *   out/<name>.fill.json    the changes `jixiao fill` made
 *   out/<name>-filled.xlsx  the filled workbook
 *   out/<name>.docx         `jixiao report` (the 自评报告) of the filled workbook, whose figures follow the rules
 *                           (a report of the unfilled sample would wait for --fill or --as-is: exit 4)
 * Runs the compiled CLI (lib/, built by `npm run build:cli`, which `npm run demo` does first).
 */
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const SAMPLES = path.join(ROOT, "samples");
const OUT = path.join(ROOT, "out");

async function jixiao(argv) {
  const { main } = require(path.join(ROOT, "lib", "cli", "main.js"));
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd: ROOT,
    env: process.env,
  });
  return { code, stdout, stderr };
}

async function step(label, argv, onOk) {
  const r = await jixiao(argv);
  if (r.code !== 0) {
    process.stderr.write(`✗ ${label}: exit ${r.code}\n${r.stderr}`);
    return false;
  }
  await onOk(r);
  return true;
}

(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  const samples = fs
    .readdirSync(SAMPLES)
    .filter((f) => f.endsWith(".xlsx"))
    .sort();
  let failures = 0;
  const written = [];
  for (const file of samples) {
    const name = file.replace(/\.xlsx$/, "");
    const input = path.join("samples", file);
    const out = (suffix) => path.join("out", `${name}${suffix}`);
    console.log(`\n━━ ${input} ━━`);
    const ok = [
      await step("check", ["check", input], async (r) => {
        fs.writeFileSync(path.join(ROOT, out(".check.txt")), r.stdout);
        process.stdout.write(r.stdout);
        written.push(out(".check.txt"));
      }),
      await step("check --json", ["check", input, "--json"], async (r) => {
        fs.writeFileSync(path.join(ROOT, out(".check.json")), r.stdout);
        written.push(out(".check.json"));
      }),
      await step("fill", ["fill", input, "-o", out("-filled.xlsx"), "--json"], async (r) => {
        fs.writeFileSync(path.join(ROOT, out(".fill.json")), r.stdout);
        const j = JSON.parse(r.stdout);
        console.log(`fill: ${j.changed} 处修改 / change(s) → ${out("-filled.xlsx")}`);
        written.push(out("-filled.xlsx"), out(".fill.json"));
      }),
      await step("report", ["report", out("-filled.xlsx"), "-o", out(".docx")], async (r) => {
        console.log(r.stdout.split("\n")[0]);
        written.push(out(".docx"));
      }),
    ];
    failures += ok.filter((x) => !x).length;
  }
  console.log(`\n写入 / wrote ${written.length} file(s) in out/:`);
  for (const w of written) console.log(`  ${w}`);
  process.exitCode = failures ? 1 : 0;
})().catch((e) => {
  process.stderr.write(`demo failed: ${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 1;
});
