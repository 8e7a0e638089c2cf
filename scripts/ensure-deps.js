#!/usr/bin/env node
/**
 * Runs before `npm start` (prestart) and `npm test` (pretest), so that the README's two commands work on a fresh
 * clone with nothing typed before them. Plain Node, no dependency (it runs when node_modules is not there yet).
 *
 * 1. node_modules: missing, or stale against package-lock.json (a locked package absent or at another version than
 *    npm's own record of the install, node_modules/.package-lock.json) → `npm ci`. A node_modules that is a symbolic
 *    link (a shared install, e.g. a git worktree's) is never reinstalled from here: it is only reported.
 * 2. With --test, the programs the tests drive: LibreOffice (soffice), Chromium (/usr/bin/chromium), pdftoppm,
 *    xmllint (the manifest and ribbon checks) and a Chinese font. Missing ones are installed with apt-get when run as root on Debian/Ubuntu (as .ci/run does);
 *    otherwise one line names the packages to install and the command fails.
 *
 *   node scripts/ensure-deps.js [--test] [--check]     --check: only say what would be done (exit 1 when something would)
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/**
 * Whether node_modules under `root` matches package-lock.json: { fresh, reason, linked }.
 * Compares each locked package (node_modules/… entries) with npm's record of what it installed; optional packages
 * (platform binaries that npm skips on other CPUs) may be absent. Falls back to each package's own package.json when
 * npm's record is missing (an install by another tool).
 */
function depsState(root = ROOT) {
  const nm = path.join(root, "node_modules");
  let linked = false;
  try {
    linked = fs.lstatSync(nm).isSymbolicLink();
  } catch {
    return { fresh: false, linked: false, reason: "node_modules 不存在 / node_modules is missing" };
  }
  const lock = readJson(path.join(root, "package-lock.json"));
  if (!lock || !lock.packages) return { fresh: true, linked, reason: "no package-lock.json to compare with" };
  const installed = readJson(path.join(nm, ".package-lock.json"));
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key.startsWith("node_modules/") || entry.link) continue;
    const record = installed && installed.packages ? installed.packages[key] : undefined;
    let version = record ? record.version : undefined;
    if (!record) {
      const own = readJson(path.join(root, key, "package.json"));
      version = own ? own.version : undefined;
    }
    if (version === undefined) {
      if (entry.optional || entry.devOptional) continue;
      return { fresh: false, linked, reason: `${key.slice("node_modules/".length)} 未安装 / is not installed` };
    }
    if (entry.version && version !== entry.version) {
      return {
        fresh: false,
        linked,
        reason: `${key.slice("node_modules/".length)} ${version} ≠ package-lock.json ${entry.version}`,
      };
    }
  }
  return { fresh: true, linked, reason: "node_modules matches package-lock.json" };
}

function onPath(cmd, env = process.env) {
  for (const dir of (env.PATH || "").split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* not here */
    }
  }
  return null;
}

const CJK_FONTS = [
  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
];

/** The Debian packages of the programs the tests need that are missing here. */
function missingTestTools(env = process.env, exists = fs.existsSync) {
  const need = [];
  if (!(env.SOFFICE && exists(env.SOFFICE)) && !onPath("soffice", env) && !onPath("libreoffice", env))
    need.push("libreoffice-calc-nogui", "libreoffice-writer-nogui");
  if (!exists("/usr/bin/chromium")) need.push("chromium");
  if (!onPath("pdftoppm", env)) need.push("poppler-utils");
  if (!onPath("xmllint", env)) need.push("libxml2-utils");
  if (!CJK_FONTS.some((f) => exists(f))) need.push("fonts-noto-cjk");
  return need;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
  return r.status === 0;
}

function main(argv) {
  const test = argv.includes("--test");
  const checkOnly = argv.includes("--check");
  let pending = false;

  const deps = depsState(ROOT);
  if (!deps.fresh) {
    if (deps.linked) {
      console.warn(`node_modules 是链接，不在此重新安装（${deps.reason}）/ node_modules is a link: not reinstalled here (${deps.reason})`);
    } else if (checkOnly) {
      console.log(`would run npm ci: ${deps.reason}`);
      pending = true;
    } else {
      console.log(`安装依赖 / installing dependencies: npm ci (${deps.reason})`);
      if (!run(process.platform === "win32" ? "npm.cmd" : "npm", ["ci", "--no-audit", "--no-fund"])) return 1;
    }
  }

  if (test) {
    const need = missingTestTools();
    if (need.length) {
      const root = typeof process.getuid === "function" && process.getuid() === 0;
      const apt = onPath("apt-get");
      if (checkOnly) {
        console.log(`would install: ${need.join(" ")}`);
        pending = true;
      } else if (root && apt) {
        console.log(`安装测试所需程序 / installing what the tests need: apt-get install ${need.join(" ")}`);
        const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
        const ok =
          spawnSync("apt-get", ["update"], { stdio: "inherit", env }).status === 0 &&
          spawnSync("apt-get", ["install", "-y", "--no-install-recommends", ...need], { stdio: "inherit", env }).status === 0;
        if (!ok) return 1;
      } else {
        console.error(
          `测试需要 LibreOffice、Chromium 等，请先安装 / the tests need these packages: sudo apt-get install ${need.join(" ")}`,
        );
        return 1;
      }
    }
  }
  return pending ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { depsState, missingTestTools };
