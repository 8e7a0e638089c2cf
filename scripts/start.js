#!/usr/bin/env node
/**
 * npm start
 *  - Windows/macOS with office-addin-debugging installed: sideload manifest.xml into Excel and start the https dev
 *    server on https://localhost:3000 (office-addin-debugging start).
 *  - Anywhere else (or with --standalone): build dist/ (production) and serve it on http://localhost:3000 — open
 *    http://localhost:3000/taskpane.html and choose an .xlsx file. Nothing is fetched from the network.
 *
 *   npm start [-- --standalone] [-- --no-build] [-- --port 3001]
 */
"use strict";
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { serveStatic } = require("./static-server");

const root = path.resolve(__dirname, "..");
const args = process.argv.slice(2);
const portArg = args.indexOf("--port");
const port = Number(portArg >= 0 ? args[portArg + 1] : process.env.PORT || 3000);

function canSideload() {
  if (args.includes("--standalone")) return false;
  if (process.platform !== "win32" && process.platform !== "darwin") return false;
  try {
    require.resolve("office-addin-debugging/package.json", { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  if (r.status !== 0) process.exit(r.status || 1);
}

if (canSideload()) {
  const app = args.includes("--word") ? "word" : "excel";
  const child = spawn(
    "npx",
    [
      "office-addin-debugging",
      "start",
      "manifest.xml",
      "desktop",
      "--app",
      app,
      "--dev-server",
      "npm run dev-server",
      "--dev-server-port",
      String(port),
    ],
    { cwd: root, stdio: "inherit", shell: process.platform === "win32" },
  );
  child.on("exit", (code) => process.exit(code || 0));
} else {
  if (!args.includes("--no-build") || !fs.existsSync(path.join(root, "dist", "taskpane.html"))) {
    console.log("Building dist/ …");
    run(process.execPath, [require.resolve("webpack-cli/bin/cli.js", { paths: [root] }), "--mode", "production", "--env", "office"]);
  }
  serveStatic(path.join(root, "dist"), { host: "localhost", port }).then(
    (s) => {
      const url = `http://localhost:${s.port}/taskpane.html`;
      console.log("");
      console.log(`绩效自评助手（独立网页）已启动：${url}`);
      console.log(`Standalone page running at ${url}  (Ctrl+C to stop)`);
      console.log("No Excel here: choose an .xlsx file in the page. To sideload into Excel, run npm start on Windows or macOS.");
    },
    (e) => {
      console.error(`Cannot listen on port ${port}: ${e.message}. Try: npm start -- --port 3001`);
      process.exit(1);
    },
  );
}
