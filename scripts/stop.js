#!/usr/bin/env node
/**
 * npm stop: removes the sideload `npm start` made (office-addin-debugging stop manifest.xml: Office's registration of
 * the development manifest, and the dev server it started). Where nothing can have been sideloaded (no Office dev
 * tools: Linux, or the optional dependency not installed) it says so and does nothing.
 */
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");

const root = path.resolve(__dirname, "..");
let cli;
try {
  const pkgFile = require.resolve("office-addin-debugging/package.json", { paths: [root] });
  const bin = require(pkgFile).bin;
  cli = path.join(path.dirname(pkgFile), typeof bin === "string" ? bin : bin["office-addin-debugging"]);
} catch {
  cli = null;
}
if (!cli || (process.platform !== "win32" && process.platform !== "darwin")) {
  console.log("没有旁加载的加载项需要移除（本机没有 Office 开发工具）。/ Nothing sideloaded here (no Office dev tools on this machine).");
  process.exit(0);
}
const r = spawnSync(process.execPath, [cli, "stop", "manifest.xml"], { cwd: root, stdio: "inherit" });
process.exit(r.status === null ? 1 : r.status);
