#!/usr/bin/env node
"use strict";
// The `jixiao` command: a shim over lib/cli/main.js (built by `npm run build:cli`, or on `npm ci` by `prepare`).
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && /lib[\\/]cli[\\/]main/.test(String(e.message))) {
    process.stderr.write("jixiao：尚未编译，请先运行 npm run build:cli。 / jixiao: not built yet; run npm run build:cli first.\n");
    process.exit(1);
  }
  throw e;
}
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err && err.code === "EPIPE") process.exit(process.exitCode || 0);
  });
}
const io = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  cwd: process.cwd(),
  env: process.env,
  stderrIsTTY: !!process.stderr.isTTY,
};
cli.main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`jixiao：内部错误 / internal error: ${e && e.message ? e.message : e}\n`);
    process.exitCode = 1;
  },
);
