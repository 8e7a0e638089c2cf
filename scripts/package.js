#!/usr/bin/env node
/**
 * npm run package -- --url https://addins.example.gov.cn/jixiao [--share \\fileserver\jixiao] [--out release] [--prebuilt]
 *
 * Writes the release for the desks where the add-in is used (release/ is git-ignored):
 *   release/office/      the Office add-in built for that address: webpack with that public URL, manifest.xml naming
 *                        it (no localhost; <Version> from package.json), DEPLOY.md for IT, the TrustedCatalogs .reg
 *   release/wps/         the WPS 加载项: jixiao_<version>/ (manifest.xml, ribbon.xml, index.html, main.js, assets …),
 *                        jixiao_<version>.7z (offline archive), install-wps.sh / uninstall-wps.sh (统信 UOS, 麒麟),
 *                        install-wps.ps1 / uninstall-wps.ps1 (Windows), jsplugins.xml + oem.ini (server mode), INSTALL.md
 *   release/standalone/  jixiao.html: the page in one file, opened with a double-click (file://, no server)
 *   release/cli/         jixiao-<version>.tgz: `npm install -g ./jixiao-<version>.tgz` gives the `jixiao` command
 *
 * --prebuilt takes the builds from dist/, dist-standalone/ and dist-wps/ (npm run build and build:wps, which npm test
 * runs first) instead of running webpack again: dist/ loads every chunk and asset relative to its page, so it works
 * from any address and only the manifest names the address (without --prebuilt webpack is run with the address as
 * its public path). The CLI is always compiled here.
 * --only office,wps,standalone,cli builds a part of it.
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const crypto = require("crypto");

const ROOT = path.resolve(__dirname, "..");
const PKG = require(path.join(ROOT, "package.json"));
const NAME = "jixiao";
const VERSION = PKG.version;
const FOLDER = `${NAME}_${VERSION}`;
const TEMPLATES = path.join(__dirname, "release");

function usage(message) {
  if (message) console.error(message);
  console.error(
    "用法 / usage: npm run package -- --url https://<内网地址>/jixiao [--share \\\\文件服务器\\共享] [--out release] [--prebuilt]",
  );
  process.exit(2);
}

function parse(argv) {
  const o = { url: null, share: "\\\\fileserver\\jixiao", out: path.join(ROOT, "release"), prebuilt: false, only: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a}: 缺少值 / missing value`);
      return argv[++i];
    };
    if (a === "--url") o.url = value();
    else if (a === "--share") o.share = value();
    else if (a === "--out") o.out = path.resolve(value());
    else if (a === "--prebuilt") o.prebuilt = true;
    else if (a === "--only") o.only = value().split(",");
    else if (a === "--help" || a === "-h") usage();
    else usage(`未知参数 / unknown argument: ${a}`);
  }
  const needsUrl = !o.only || o.only.includes("office");
  if (needsUrl) {
    if (!o.url) usage("需要 --url（加载项所在的 https 地址）/ --url (the https address the add-in is served from) is required");
    let u;
    try {
      u = new URL(o.url);
    } catch {
      usage(`--url 不是网址 / not a URL: ${o.url}`);
    }
    if (u.protocol !== "https:") usage(`--url 必须是 https:// 地址（Office 只从 https 加载加载项）/ must be https://: ${o.url}`);
    if (/^(localhost|127\.|\[::1\])/i.test(u.hostname)) usage(`--url 不能是本机地址 / must not be localhost: ${o.url}`);
    o.url = o.url.replace(/\/+$/, "");
  }
  return o;
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: opts.quiet ? "pipe" : "inherit", encoding: "utf8", ...opts });
  if (r.status !== 0) {
    if (opts.quiet) process.stderr.write(`${r.stdout || ""}${r.stderr || ""}`);
    throw new Error(`${path.basename(cmd)} ${args.join(" ")} → exit ${r.status}${r.error ? ` (${r.error.message})` : ""}`);
  }
  return r;
}

function webpack(args) {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  run(process.execPath, [cli, "--mode", "production", ...args], { quiet: true });
}

function copyDir(from, to) {
  fs.cpSync(from, to, { recursive: true });
}

function fill(text, vars) {
  return text.replace(/\{\{([A-Z_]+)\}\}/g, (m, k) => {
    if (!(k in vars)) throw new Error(`template variable {{${k}}} has no value`);
    return vars[k];
  });
}

function template(name, vars) {
  return fill(fs.readFileSync(path.join(TEMPLATES, name), "utf8"), vars);
}

/** The GUID of the TrustedCatalogs key: stable for a share, so installing twice does not add a second catalog. */
function catalogGuid(share) {
  const h = crypto.createHash("sha1").update(`jixiao-catalog:${share.toLowerCase()}`).digest("hex");
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}}`.toUpperCase();
}

/** manifest.xml for the address: every localhost URL replaced, the AppDomain the origin, <Version> from package.json. */
function releaseManifest(source, url) {
  const origin = new URL(url).origin;
  const version4 = `${VERSION.split("-")[0]}.0`.split(".").slice(0, 4).join(".");
  let xml = source.replace(/<!--[\s\S]*?-->\s*/, (comment) =>
    comment.includes("localhost")
      ? `<!--\n  绩效自评助手 (jixiao) ${VERSION}, built by "npm run package" for ${url}/ and served from there (see DEPLOY.md).\n${comment
          .split("\n")
          .filter((l) => !/localhost|For deployment|^<!--|^-->/.test(l))
          .join("\n")}\n-->\n`
      : comment,
  );
  xml = xml.replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`);
  xml = xml.replace(/https:\/\/localhost:3000/g, url);
  xml = xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${version4}</Version>`);
  if (/localhost/i.test(xml)) throw new Error("manifest.xml still names localhost after the rewrite");
  for (const c of xml.match(/<!--[\s\S]*?-->/g) ?? [])
    if (c.slice(4, -3).includes("--")) throw new Error("manifest.xml: a comment holds --");
  return xml;
}

function office(o) {
  const dir = path.join(o.out, "office");
  fs.rmSync(dir, { recursive: true, force: true });
  if (o.prebuilt) {
    const dist = path.join(ROOT, "dist");
    if (!fs.existsSync(path.join(dist, "taskpane.html")) || !fs.existsSync(path.join(dist, "oldwebview.js")))
      throw new Error("--prebuilt: dist/ is missing or older than this script; run npm run build first");
    copyDir(dist, dir);
  } else {
    webpack(["--env", `publicUrl=${o.url}/`, "--env", `outDir=${dir}`]);
  }
  const manifest = releaseManifest(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"), o.url);
  fs.writeFileSync(path.join(dir, "manifest.xml"), manifest);
  const guid = catalogGuid(o.share);
  const regShare = o.share.replace(/\\/g, "\\\\");
  const vars = { URL: o.url, ORIGIN: new URL(o.url).origin, VERSION, SHARE: o.share, GUID: guid, REG_SHARE: regShare };
  fs.writeFileSync(path.join(dir, "DEPLOY.md"), template("DEPLOY.md", vars));
  // as regedit writes .reg files (version 5.00): UTF-16LE with a BOM, CRLF — a share path in Chinese stays intact
  const reg = `\ufeff${template("trusted-catalog.reg", vars).replace(/\n/g, "\r\n")}`;
  fs.writeFileSync(path.join(dir, "trusted-catalog.reg"), Buffer.from(reg, "utf16le"));
  return dir;
}

function sevenZip() {
  const { path7za } = require("7zip-bin");
  if (!fs.existsSync(path7za)) throw new Error(`7zip-bin has no 7za for ${process.platform}/${process.arch}: ${path7za}`);
  try {
    fs.chmodSync(path7za, 0o755);
  } catch {
    /* read-only install: used as it is */
  }
  return path7za;
}

function wps(o) {
  const dir = path.join(o.out, "wps");
  fs.rmSync(dir, { recursive: true, force: true });
  const addin = path.join(dir, FOLDER);
  if (o.prebuilt) {
    const dist = path.join(ROOT, "dist-wps");
    if (!fs.existsSync(path.join(dist, "main.js")) || !fs.existsSync(path.join(dist, "manifest.xml")))
      throw new Error("--prebuilt: dist-wps/ is missing or older than this script; run npm run build:wps first");
    copyDir(dist, addin);
  } else {
    webpack(["--config", "webpack.wps.config.js", "--env", `outDir=${addin}`]);
  }
  // the offline archive: the folder's files at its root, as wpsjs build packs an offline add-in
  run(sevenZip(), ["a", "-t7z", "-mx=9", "-bd", path.join(dir, `${FOLDER}.7z`), "."], { cwd: addin, quiet: true });
  const url = o.url ? `${o.url}/wps` : "https://addins.example/jixiao/wps";
  const vars = { NAME, VERSION, FOLDER, SERVER: url };
  for (const f of [
    "install-wps.sh",
    "uninstall-wps.sh",
    "install-wps.ps1",
    "uninstall-wps.ps1",
    "jsplugins.xml",
    "oem.ini",
    "INSTALL.md",
  ]) {
    let text = template(`wps/${f}`, vars);
    if (f.endsWith(".ps1")) text = `\ufeff${text.replace(/\r?\n/g, "\r\n")}`; // Windows PowerShell 5.1 reads a BOM-less file as ANSI
    if (f === "oem.ini") text = text.replace(/\r?\n/g, "\r\n");
    fs.writeFileSync(path.join(dir, f), text, { mode: f.endsWith(".sh") ? 0o755 : 0o644 });
  }
  return dir;
}

/** The page alone, in one HTML file: the single bundle inlined, the logo as a data: URL, nothing fetched. */
function standalone(o) {
  const dir = path.join(o.out, "standalone");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const prebuilt = path.join(ROOT, "dist-standalone");
  const tmp = o.prebuilt ? null : fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-standalone-"));
  const from = tmp ?? prebuilt;
  try {
    if (tmp) webpack(["--env", "standalone", "--env", `outDir=${tmp}`]);
    else if (!fs.existsSync(path.join(prebuilt, "taskpane.html")))
      throw new Error("--prebuilt: dist-standalone/ is missing; run npm run build first (it builds the standalone page too)");
    const html = fs.readFileSync(path.join(from, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=(?:"([^"]+)"|([^\s>"]+))[^>]*><\/script>/g)];
    if (scripts.length !== 1) throw new Error(`standalone build: one script expected, found ${scripts.length}`);
    const emitted = fs.readdirSync(from).filter((f) => f.endsWith(".js"));
    if (emitted.length !== 1) throw new Error(`standalone build: one bundle expected, found ${emitted.join(", ")}`);
    const icon = `data:image/png;base64,${fs.readFileSync(path.join(ROOT, "assets/icon-32.png")).toString("base64")}`;
    let js = fs.readFileSync(path.join(from, scripts[0][1] ?? scripts[0][2]), "utf8");
    js = js.split('"assets/icon-32.png"').join(JSON.stringify(icon));
    // an inline script ends at the first "</script"; "<!--" could start the HTML parser's escaped state
    js = js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\u0021--");
    if (/assets\/icon/.test(js)) throw new Error("standalone build: the pane still names a file in assets/");
    const page = html
      .replace(scripts[0][0], () => `<script>\n${js}\n</script>`)
      .replace("<title>绩效自评助手</title>", () => `<title>绩效自评助手</title>\n    <link rel="icon" type="image/png" href="${icon}" />`);
    fs.writeFileSync(path.join(dir, "jixiao.html"), page);
    fs.writeFileSync(path.join(dir, "README.txt"), template("standalone-README.txt", { VERSION }).replace(/\r?\n/g, "\r\n"));
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
  return dir;
}

/** Bare package names the compiled CLI requires (node: builtins left out). */
function requiredPackages(libDir) {
  const found = new Set();
  const builtins = new Set(require("module").builtinModules);
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".js")) {
        for (const m of fs.readFileSync(p, "utf8").matchAll(/require\("([^".][^"]*)"\)/g)) {
          const spec = m[1].replace(/^node:/, "");
          const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
          if (!builtins.has(name) && !builtins.has(spec)) found.add(name);
        }
      }
    }
  };
  walk(libDir);
  return [...found].sort();
}

function cli(o) {
  const dir = path.join(o.out, "cli");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-cli-"));
  try {
    const tsc = require.resolve("typescript/bin/tsc", { paths: [ROOT] });
    run(process.execPath, [tsc, "-p", "tsconfig.cli.json", "--outDir", path.join(stage, "lib")], { quiet: true });
    fs.mkdirSync(path.join(stage, "bin"));
    fs.copyFileSync(path.join(ROOT, "bin/jixiao.js"), path.join(stage, "bin/jixiao.js"));
    fs.chmodSync(path.join(stage, "bin/jixiao.js"), 0o755);
    const dependencies = {};
    const optionalDependencies = {};
    for (const name of requiredPackages(path.join(stage, "lib"))) {
      if (PKG.optionalDependencies && PKG.optionalDependencies[name]) optionalDependencies[name] = PKG.optionalDependencies[name];
      else if (PKG.dependencies && PKG.dependencies[name]) dependencies[name] = PKG.dependencies[name];
      else throw new Error(`the CLI requires ${name}, which package.json does not list as a dependency`);
    }
    const manifest = {
      name: NAME,
      version: VERSION,
      description: PKG.description,
      license: PKG.license,
      bin: { jixiao: "bin/jixiao.js" },
      main: "lib/cli/main.js",
      files: ["bin/", "lib/", "README.md"],
      engines: PKG.engines,
      dependencies,
      ...(Object.keys(optionalDependencies).length ? { optionalDependencies } : {}),
    };
    fs.writeFileSync(path.join(stage, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.writeFileSync(path.join(stage, "README.md"), template("cli-README.md", { VERSION }));
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    run(npm, ["pack", "--silent", "--pack-destination", dir], { cwd: stage, quiet: true, shell: process.platform === "win32" });
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
  const tgz = path.join(dir, `${NAME}-${VERSION}.tgz`);
  if (!fs.existsSync(tgz)) throw new Error(`npm pack did not write ${tgz}`);
  return tgz;
}

function main() {
  const o = parse(process.argv.slice(2));
  const parts = { office, wps, standalone, cli };
  const chosen = o.only ?? Object.keys(parts);
  for (const p of chosen) if (!parts[p]) usage(`--only: ${p}?`);
  fs.mkdirSync(o.out, { recursive: true });
  const started = Date.now();
  for (const p of chosen) {
    const t = Date.now();
    const where = parts[p](o);
    console.log(`✓ ${p.padEnd(10)} ${path.relative(ROOT, where) || where}  (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  }
  console.log(
    `发布文件已写入 / release written: ${path.relative(ROOT, o.out) || o.out}  (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    console.error(`npm run package: ${e && e.message ? e.message : e}`);
    process.exit(1);
  }
}

module.exports = { releaseManifest, catalogGuid, requiredPackages };
