/**
 * `npm run package -- --url …` (issue 19), run ONCE here into a temporary folder and checked part by part:
 *  - release/office: the manifest names the address, no localhost, <Version> from package.json, valid against the
 *    Office manifest schemas; oldwebview.js parses as ES5 and is the first script of taskpane.html and commands.html,
 *    and in an old webview's user agent (Trident, EdgeHTML) it puts the notice in the pane (run in a vm);
 *  - release/wps: the add-in folder WPS expects (manifest.xml, ribbon.xml, index.html, main.js, assets), the .7z
 *    holding it, install-wps.sh / uninstall-wps.sh run in a temporary HOME (exactly our folder and publish.xml
 *    entries added, then removed; other add-ins' entries and folders kept);
 *  - release/standalone/jixiao.html opened from file:// in Chromium checks a fixture (in its workbook worker) and
 *    writes its report (the report's command, a lazy chunk elsewhere, is folded into the one file) with no request off
 *    file:/data:/blob:;
 *  - release/cli/jixiao-<version>.tgz: laid out as `npm install -g` lays it out, `jixiao check` runs from outside the
 *    repository; with process.arch faked to loong64 and @resvg/resvg-js unloadable, `check` and `report --fill` exit 0
 *    and the report has its chart (resvg-wasm); with no Chinese font the report says it left the chart out.
 * The package step uses --prebuilt (dist/, dist-standalone/, dist-wps/: npm test builds them before jest; built here
 * when missing).
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import * as acorn from "acorn";
import { chromium } from "playwright-core";
import { unzipSync } from "fflate";
import { CHROMIUM, CHROMIUM_ARGS } from "../support/chromium";
import { ensureWpsBuilt } from "../support/wpsBuild";
import { FIXTURE_DIR } from "../support/fixtures";
import { SaxesParser } from "saxes";
import { path7za } from "7zip-bin";
import { OLD_WEBVIEW_MESSAGES } from "../../src/core/messages";

jest.setTimeout(900_000);

const ROOT = path.resolve(__dirname, "..", "..");
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
const VERSION = PKG.version;
const URL_BASE = "https://addins.finance.example.gov.cn/jixiao";
const PRELOAD = path.join(__dirname, "loong64-preload.js");

let work: string;
let out: string;
let packageLog = "";

function ensureBuilt(): void {
  const missing =
    !fs.existsSync(path.join(ROOT, "dist", "oldwebview.js")) || !fs.existsSync(path.join(ROOT, "dist-standalone", "taskpane.html"));
  if (missing) {
    const webpack = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
    const r = spawnSync(process.execPath, [webpack, "--mode", "production"], { cwd: ROOT, encoding: "utf8", timeout: 1_200_000 });
    if (r.status !== 0) throw new Error(`webpack build failed:\n${r.stdout}\n${r.stderr}`);
  }
  ensureWpsBuilt();
  if (!fs.existsSync(path.join(ROOT, "dist-wps", "manifest.xml")))
    throw new Error("dist-wps/ predates manifest.xml: run npm run build:wps");
}

beforeAll(() => {
  ensureBuilt();
  work = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-release-"));
  out = path.join(work, "release");
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/package.js"), "--url", `${URL_BASE}/`, "--out", out, "--prebuilt"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 900_000,
  });
  packageLog = `${r.stdout}${r.stderr}`;
  if (r.status !== 0) throw new Error(`npm run package failed (${r.status}):\n${packageLog}`);
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const read = (...p: string[]) => fs.readFileSync(path.join(out, ...p), "utf8");

/** Throws unless the file is well-formed XML (saxes, a conforming parser). */
function wellFormed(file: string): void {
  const parser = new SaxesParser();
  parser.on("error", (e) => {
    throw new Error(`${file}: ${e.message}`);
  });
  parser.write(fs.readFileSync(file, "utf8")).close();
}

describe("release/office", () => {
  test("manifest.xml names the address, no localhost anywhere, <Version> from package.json, AppDomain the origin", () => {
    const xml = read("office", "manifest.xml");
    expect(xml).not.toMatch(/localhost/i);
    expect(xml).toContain(`<SourceLocation DefaultValue="${URL_BASE}/taskpane.html" />`);
    expect(xml).toContain(`<bt:Url id="Commands.Url" DefaultValue="${URL_BASE}/commands.html" />`);
    expect(xml).toContain("<AppDomain>https://addins.finance.example.gov.cn</AppDomain>");
    expect(xml).toContain(`<Version>${VERSION}.0</Version>`);
    const urls = [...xml.matchAll(/https:\/\/[^"<\s]+/g)]
      .map((m) => m[0])
      .filter((u) => !u.startsWith("https://addins.finance.example.gov.cn"));
    expect(urls).toEqual([]);
    // every file the manifest names is in the folder
    for (const m of xml.matchAll(new RegExp(`"${URL_BASE.replace(/[.]/g, "\\.")}/([\\w./-]+)"`, "g")))
      expect({ file: m[1], there: fs.existsSync(path.join(out, "office", m[1])) }).toEqual({ file: m[1], there: true });
    expect(read("office", "DEPLOY.md")).toContain(URL_BASE);
    const reg = fs.readFileSync(path.join(out, "office", "trusted-catalog.reg"));
    expect([...reg.subarray(0, 2)]).toEqual([0xff, 0xfe]); // UTF-16LE, as regedit writes
    const regText = reg.toString("utf16le");
    expect(regText).toMatch(/^\ufeffWindows Registry Editor Version 5\.00\r\n/);
    const key = regText.match(/WEF\\TrustedCatalogs\\(\{[0-9A-F-]{36}\})\]/);
    expect(key).not.toBeNull();
    expect(regText).toContain(`"Id"="${key![1]}"`);
    expect(regText).toContain('"Url"="\\\\\\\\fileserver\\\\jixiao"');
    expect(regText).toContain('"Flags"=dword:00000001');
  });

  const XSD = [path.join(ROOT, "test/manifest/xsd"), path.join(ROOT, "test/data/manifest-xsd"), "/work/shared/manifest-xsd"]
    .map((d) => path.join(d, "OfficeAppManifestV1_1.xsd"))
    .find((f) => fs.existsSync(f));
  (XSD ? test : test.skip)("manifest.xml is valid against the Office add-in manifest schemas (xmllint, offline)", () => {
    const r = spawnSync("xmllint", ["--noout", "--nonet", "--schema", XSD as string, path.join(out, "office", "manifest.xml")], {
      encoding: "utf8",
    });
    if (r.error) throw new Error(`xmllint: ${r.error.message} — install libxml2-utils (npm test does, as root)`);
    expect({ status: r.status, stderr: r.stderr.trim() }).toEqual({
      status: 0,
      stderr: `${path.join(out, "office", "manifest.xml")} validates`,
    });
  });

  test("oldwebview.js parses as ES5 and is the first script of taskpane.html and commands.html", () => {
    const js = read("office", "oldwebview.js");
    expect(() => acorn.parse(js, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    for (const page of ["taskpane.html", "commands.html"]) {
      const html = read("office", page);
      const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=("([^"]*)"|([^\s>]+))/g)].map((m) => m[2] ?? m[3]);
      expect({ page, first: scripts[0] }).toEqual({ page, first: "oldwebview.js" });
      expect(html.indexOf("oldwebview.js")).toBeLessThan(html.indexOf("office.js"));
    }
  });

  /** Runs oldwebview.js against a minimal DOM with the given user agent; returns the text put in the pane. */
  function runOldWebview(userAgent: string): string | null {
    const js = read("office", "oldwebview.js");
    type El = { tag: string; children: El[]; text: string; attrs: Record<string, string>; style: Record<string, string> };
    const el = (tag: string): El & Record<string, any> => {
      const e: El & Record<string, any> = { tag, children: [], text: "", attrs: {}, style: {} };
      e.appendChild = (c: El) => void e.children.push(c);
      e.removeChild = (c: El) => void e.children.splice(e.children.indexOf(c), 1);
      e.setAttribute = (k: string, v: string) => void (e.attrs[k] = v);
      Object.defineProperty(e, "firstChild", { get: () => e.children[0] ?? null });
      return e;
    };
    const container = el("div");
    container.appendChild(el("div")); // "正在加载…"
    const document = {
      readyState: "complete",
      body: el("body"),
      getElementById: (id: string) => (id === "container" ? container : null),
      createElement: el,
      createTextNode: (t: string) => ({ tag: "#text", children: [], text: t, attrs: {}, style: {} }),
    };
    const window: Record<string, unknown> = { navigator: { userAgent }, location: { href: "https://x/taskpane.html" } };
    vm.runInNewContext(js, { window, document, navigator: window.navigator });
    const textOf = (e: El): string => e.text + e.children.map(textOf).join("");
    const box = container.children[0];
    return box && box.attrs["data-testid"] === "old-webview" ? textOf(box) : null;
  }

  test("in IE11 (Trident) and the first Edge (EdgeHTML) the pane says what to use instead, in Chinese and English; elsewhere nothing", () => {
    const ie11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko";
    const edge =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041";
    const webview2 =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0";
    for (const ua of [ie11, edge]) {
      const text = runOldWebview(ua)!;
      expect(text).toContain(OLD_WEBVIEW_MESSAGES.zh.title);
      expect(text).toContain(OLD_WEBVIEW_MESSAGES.en.title);
      for (const o of [...OLD_WEBVIEW_MESSAGES.zh.options, ...OLD_WEBVIEW_MESSAGES.en.options]) expect(text).toContain(o);
      expect(text).toMatch(/WPS/);
      expect(text).toMatch(/jixiao\.html/);
      expect(text).toMatch(/Microsoft 365/);
    }
    expect(runOldWebview(webview2)).toBeNull();
  });
});

describe("release/wps", () => {
  const folder = `jixiao_${VERSION}`;

  test("the add-in folder WPS expects, and the .7z archive holding it", () => {
    for (const f of ["manifest.xml", "ribbon.xml", "index.html", "main.js", "assets/icon-32.png", "assets/ribbon-check.svg"])
      expect({ f, there: fs.existsSync(path.join(out, "wps", folder, f)) }).toEqual({ f, there: true });
    const manifest = read("wps", folder, "manifest.xml");
    wellFormed(path.join(out, "wps", folder, "manifest.xml"));
    expect(manifest).toMatch(/<JsPlugin>[\s\S]*<Name>jixiao<\/Name>/);
    for (const f of [
      "install-wps.sh",
      "uninstall-wps.sh",
      "install-wps.ps1",
      "uninstall-wps.ps1",
      "jsplugins.xml",
      "oem.ini",
      "INSTALL.md",
    ])
      expect({ f, there: fs.existsSync(path.join(out, "wps", f)) }).toEqual({ f, there: true });
    wellFormed(path.join(out, "wps", "jsplugins.xml"));
    const ini = read("wps", "oem.ini");
    expect(ini).toMatch(/\[Support\]\r\nJsApiPlugin=true/);
    expect(ini).toMatch(/\[Server\]\r\nJSPluginsServer=https:\/\/addins\.finance\.example\.gov\.cn\/jixiao\/wps\/jsplugins\.xml/);
    expect(ini).not.toMatch(/\[Setup\]/);
    // the archive: the folder's files at its root
    const list = execFileSync(path7za, ["l", "-slt", path.join(out, "wps", `${folder}.7z`)], { encoding: "utf8" });
    const files = [...list.matchAll(/^Path = (.+)$/gm)].map((m) => m[1]).slice(1);
    for (const f of ["manifest.xml", "ribbon.xml", "index.html", "main.js", path.join("assets", "icon-32.png")]) expect(files).toContain(f);
  });

  test("install-wps.sh / uninstall-wps.sh in a temporary HOME: exactly our folder and publish.xml entries, others kept", () => {
    const home = path.join(work, "home");
    const jsaddons = path.join(home, ".local/share/Kingsoft/wps/jsaddons");
    fs.mkdirSync(path.join(jsaddons, "OAAssist_1.2.0"), { recursive: true });
    fs.writeFileSync(path.join(jsaddons, "OAAssist_1.2.0", "ribbon.xml"), "<customUI/>");
    fs.mkdirSync(path.join(jsaddons, "jixiao_0.0.9"), { recursive: true }); // an older version of ours
    fs.writeFileSync(path.join(jsaddons, "jixiao_0.0.9", "main.js"), "");
    const others = [
      '  <jspluginonline name="WpsOAAssist" url="http://oa.example/WpsOAAssist/" type="wps" enable="true"/>',
      '  <jsplugin name="OAAssist" type="et" url="file:///x/OAAssist_1.2.0/" version="1.2.0" enable="enable_dev"/>',
      '  <jsplugin name="jixiaoplus" type="et" url="file:///x/jixiaoplus_1.0/" version="1.0"/>',
    ];
    const before = `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n${others[0]}\n  <jsplugin name="jixiao" type="et" url="file:///old/jixiao_0.0.9/" version="0.0.9"/>\n${others[1]}\n${others[2]}\n</jsplugins>\n`;
    fs.writeFileSync(path.join(jsaddons, "publish.xml"), before);
    const env = { ...process.env, HOME: home };
    delete (env as Record<string, string | undefined>).WPS_JSADDONS;

    const inst = spawnSync("sh", [path.join(out, "wps", "install-wps.sh")], { cwd: work, env, encoding: "utf8" });
    expect({ status: inst.status, stderr: inst.stderr }).toEqual({ status: 0, stderr: "" });
    expect(fs.readdirSync(jsaddons).sort()).toEqual(["OAAssist_1.2.0", folder, "publish.xml", "publish.xml.before-jixiao"].sort());
    // our folder is the release's folder, file for file
    const list = (d: string): string[] =>
      fs
        .readdirSync(d, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? list(path.join(d, e.name)).map((x) => `${e.name}/${x}`) : [e.name]));
    expect(list(path.join(jsaddons, folder)).sort()).toEqual(list(path.join(out, "wps", folder)).sort());
    const publish = fs.readFileSync(path.join(jsaddons, "publish.xml"), "utf8");
    wellFormed(path.join(jsaddons, "publish.xml"));
    const url = `file://${jsaddons}/${folder}/`;
    const ours = ["et", "wps"].map(
      (t) => `  <jsplugin name="jixiao" type="${t}" url="${url}" version="${VERSION}" enable="enable_dev" install="null"/>`,
    );
    expect(publish).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n${others.join("\n")}\n${ours.join("\n")}\n</jsplugins>\n`);
    expect(fs.readFileSync(path.join(jsaddons, "publish.xml.before-jixiao"), "utf8")).toBe(before);

    // installing again changes nothing
    expect(spawnSync("sh", [path.join(out, "wps", "install-wps.sh")], { cwd: work, env }).status).toBe(0);
    expect(fs.readFileSync(path.join(jsaddons, "publish.xml"), "utf8")).toBe(publish);

    const un = spawnSync("sh", [path.join(out, "wps", "uninstall-wps.sh")], { cwd: work, env, encoding: "utf8" });
    expect({ status: un.status, stderr: un.stderr }).toEqual({ status: 0, stderr: "" });
    expect(fs.readdirSync(jsaddons).sort()).toEqual(["OAAssist_1.2.0", "publish.xml"]);
    expect(fs.readFileSync(path.join(jsaddons, "publish.xml"), "utf8")).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n${others.join("\n")}\n</jsplugins>\n`,
    );
  });

  test("install-wps.sh into a jsaddons folder with no publish.xml creates one holding only our two entries", () => {
    const home = path.join(work, "home2");
    fs.mkdirSync(home);
    const r = spawnSync("sh", [path.join(out, "wps", "install-wps.sh")], {
      cwd: work,
      env: { ...process.env, HOME: home },
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    const publish = fs.readFileSync(path.join(home, ".local/share/Kingsoft/wps/jsaddons/publish.xml"), "utf8");
    expect([...publish.matchAll(/<jsplugin name="jixiao" type="(\w+)"/g)].map((m) => m[1])).toEqual(["et", "wps"]);
    wellFormed(path.join(home, ".local/share/Kingsoft/wps/jsaddons/publish.xml"));
  });
});

describe("release/standalone", () => {
  test("jixiao.html opened from file:// in Chromium checks a fixture and writes its report; no request leaves file:/data:/blob:", async () => {
    const page = path.join(out, "standalone", "jixiao.html");
    expect(fs.readdirSync(path.join(out, "standalone")).sort()).toEqual(["README.txt", "jixiao.html"]);
    const html = fs.readFileSync(page, "utf8");
    expect(html).not.toMatch(/<script\b[^>]*\bsrc=/);
    expect(html).not.toMatch(/office\.js/);
    // one inline script, ES2019 (older Chromium in 信创 browsers), as the WPS build
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline).toHaveLength(1);
    expect(() => acorn.parse(inline[0], { ecmaVersion: 2019, sourceType: "script" })).not.toThrow();
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 420, height: 900 }, acceptDownloads: true });
      const requests: string[] = [];
      const foreign: string[] = [];
      await context.route("**/*", (route) => {
        const u = route.request().url();
        requests.push(u);
        if (/^(file|data|blob):/.test(u)) return route.continue();
        foreign.push(u);
        return route.abort("blockedbyclient");
      });
      const tab = await context.newPage();
      // the file is read and checked in the page's workbook worker (a blob: worker: it starts from file:// too)
      await tab.addInitScript(() => {
        const w = window as unknown as { workersStarted: number; Worker: typeof Worker };
        w.workersStarted = 0;
        const Original = w.Worker;
        w.Worker = class extends Original {
          constructor(url: string | URL, options?: WorkerOptions) {
            super(url, options);
            w.workersStarted += 1;
          }
        };
      });
      const errors: string[] = [];
      tab.on("pageerror", (e) => errors.push(e.message));
      tab.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      await tab.goto(`file://${page}`);
      await tab.getByRole("button", { name: "检查", exact: true }).waitFor({ timeout: 120_000 });
      const fixture = path.join(FIXTURE_DIR, "project-medical-aid-2020.xlsx");
      const oracle = JSON.parse(fs.readFileSync(fixture.replace(/\.xlsx$/, ".expected.json"), "utf8")) as {
        sheets: { findings: { code: string; cell?: string }[] }[];
      };
      await tab.getByLabel("选择工作簿 (.xlsx)").setInputFiles(fixture);
      await tab.getByRole("button", { name: "检查", exact: true }).click();
      await tab.locator("[data-testid=finding]").first().waitFor({ timeout: 120_000 });
      const shown = await tab.$$eval("[data-testid=finding]", (els) =>
        els.map((e) => `${e.getAttribute("data-code")}@${e.getAttribute("data-cell")}`),
      );
      for (const f of oracle.sheets.flatMap((s) => s.findings))
        expect(shown.some((s) => s.startsWith(`${f.code}@${f.cell ?? ""}`))).toBe(true);
      expect(await tab.evaluate(() => (window as unknown as { workersStarted: number }).workersStarted)).toBeGreaterThan(0);
      // 生成报告: the report's command and the .docx writer load from the file itself (no chunk to fetch from file://);
      // this table's figures differ from the rule's, so the choice comes first, then the report is downloaded
      await tab.getByRole("button", { name: "生成报告", exact: true }).click();
      await tab.getByTestId("report-differences").waitFor({ timeout: 120_000 });
      const [download] = await Promise.all([
        tab.waitForEvent("download", { timeout: 120_000 }),
        tab.getByRole("button", { name: "按表中数字生成" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/自评报告\.docx$/);
      const docx = await download.path();
      expect(docx && fs.statSync(docx).size).toBeGreaterThan(5000);
      await expect(tab.getByTestId("error-bar").count()).resolves.toBe(0);
      expect(foreign).toEqual([]);
      expect(requests.every((u) => /^(file|data|blob):/.test(u))).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe("release/cli", () => {
  const tgz = () => path.join(out, "cli", `jixiao-${VERSION}.tgz`);
  let prefix: string;
  let bin: string;
  let outside: string;

  /**
   * The tarball installed as `npm install -g --prefix <prefix> ./jixiao-<version>.tgz` lays it out: the package in
   * <prefix>/lib/node_modules/jixiao, the command a link in <prefix>/bin. There is no registry here, so its declared
   * dependencies come from this project's node_modules through NODE_PATH (the test below checks that every package
   * the installed code requires is declared, so a real install fetches them all).
   */
  beforeAll(() => {
    prefix = path.join(work, "prefix");
    const pkgDir = path.join(prefix, "lib/node_modules/jixiao");
    fs.mkdirSync(pkgDir, { recursive: true });
    execFileSync("tar", ["xzf", tgz(), "-C", pkgDir, "--strip-components=1"]);
    fs.mkdirSync(path.join(prefix, "bin"));
    bin = path.join(prefix, "bin", "jixiao");
    fs.symlinkSync("../lib/node_modules/jixiao/bin/jixiao.js", bin);
    outside = path.join(work, "desk");
    fs.mkdirSync(outside);
    for (const f of ["project-medical-aid-2020.xlsx", "department-overall-2020.xlsx"])
      fs.writeFileSync(path.join(outside, f), fs.readFileSync(path.join(FIXTURE_DIR, f))); // a copy of our own: shared/ is read-only in CI
  });

  const env = (extra: Record<string, string> = {}) => ({
    ...process.env,
    NODE_PATH: path.join(ROOT, "node_modules"),
    PATH: `${path.join(prefix, "bin")}${path.delimiter}${process.env.PATH}`,
    ...extra,
  });
  const jixiao = (args: string[], extra: Record<string, string> = {}, node: string[] = []) =>
    spawnSync(process.execPath, [...node, bin, ...args], { cwd: outside, env: env(extra), encoding: "utf8", timeout: 300_000 });

  test("the tarball: bin/ and lib/ only, its dependencies exactly what the compiled code requires, resvg-js optional", () => {
    const files = execFileSync("tar", ["tzf", tgz()], { encoding: "utf8" }).trim().split("\n");
    expect(files.filter((f) => !/^package\/(bin|lib)\//.test(f)).sort()).toEqual(["package/README.md", "package/package.json"]);
    expect(files).toContain("package/bin/jixiao.js");
    expect(files).toContain("package/lib/cli/main.js");
    const manifest = JSON.parse(execFileSync("tar", ["xzf", tgz(), "-O", "package/package.json"], { encoding: "utf8" }));
    expect(manifest.bin).toEqual({ jixiao: "bin/jixiao.js" });
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.optionalDependencies).toEqual({ "@resvg/resvg-js": expect.any(String) });
    expect(Object.keys(manifest.dependencies)).toContain("@resvg/resvg-wasm");
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS script (no typings)
    const { requiredPackages } = require(path.join(ROOT, "scripts/package.js")) as { requiredPackages(d: string): string[] };
    const required = requiredPackages(path.join(prefix, "lib/node_modules/jixiao/lib"));
    expect(required.sort()).toEqual([...Object.keys(manifest.dependencies), ...Object.keys(manifest.optionalDependencies)].sort());
  });

  test("`jixiao check` runs from outside the repository", () => {
    const r = jixiao(["check", "project-medical-aid-2020.xlsx", "--json"]);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: "" });
    const json = JSON.parse(r.stdout);
    expect(json.sheets.some((s: { kind: string | null }) => s.kind === "project")).toBe(true);
    // the installed copy ran, in a folder outside the repository
    expect(path.relative(ROOT, outside).startsWith("..")).toBe(true);
    expect(fs.realpathSync(bin)).toBe(path.join(fs.realpathSync(prefix), "lib/node_modules/jixiao/bin/jixiao.js"));
  });

  test("on loong64 (process.arch faked, @resvg/resvg-js unloadable): check and report --fill exit 0, the chart drawn by resvg-wasm", () => {
    const check = jixiao(["check", "department-overall-2020.xlsx"], {}, ["-r", PRELOAD]);
    expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: "" });
    const report = jixiao(["report", "department-overall-2020.xlsx", "-o", "报告.docx", "--fill"], {}, ["-r", PRELOAD]);
    expect({ status: report.status, stderr: report.stderr }).toEqual({ status: 0, stderr: "" });
    const docx = unzipSync(new Uint8Array(fs.readFileSync(path.join(outside, "报告.docx"))));
    const pictures = Object.keys(docx).filter((f) => /^word\/media\/.+\.png$/.test(f));
    expect(pictures.length).toBeGreaterThan(0);
    expect([...docx[pictures[0]].subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    // the preload really hides resvg-js: requiring it throws in such a process
    const probe = spawnSync(
      process.execPath,
      ["-r", PRELOAD, "-e", "try{require('@resvg/resvg-js');process.exit(0)}catch{process.exit(7)}"],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    expect(probe.status).toBe(7);
  });

  test("with no Chinese font for resvg-wasm the report is written without the chart, and says so once", () => {
    fs.writeFileSync(path.join(outside, "无字体.xlsx"), fs.readFileSync(path.join(FIXTURE_DIR, "project-medical-aid-2020.xlsx")));
    const r = jixiao(["report", "无字体.xlsx", "-o", "无图.docx", "--fill"], { JIXIAO_CHART_FONT: "" }, ["-r", PRELOAD]);
    expect(r.status).toBe(0);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^提示：本机没有可用的中文字体，报告中未插入图表/)]);
    const docx = unzipSync(new Uint8Array(fs.readFileSync(path.join(outside, "无图.docx"))));
    expect(Object.keys(docx).filter((f) => f.startsWith("word/media/"))).toEqual([]);
  });
});
