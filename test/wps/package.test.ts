/**
 * The folder `npm run build:wps` leaves is a WPS 加载项 as the wpsjs tool lays one out: index.html (entry page and,
 * with #pane, the task pane) loading main.js (the ribbon callbacks), ribbon.xml starting with <customUI (no XML
 * declaration) whose callbacks all exist, a publish page, an offline jsplugins.xml example — and nothing that needs
 * the network: no office.js, no CDN, every script parses as ES2019 (older WPS Chromium), no crypto.randomUUID.
 */
import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";
import * as acorn from "acorn";
import { CONTROL } from "../../src/wps/ribbon";
import { ensureWpsBuilt } from "../support/wpsBuild";

jest.setTimeout(900_000);

let dist: string;
const read = (f: string) => fs.readFileSync(path.join(dist, f), "utf8");
const version = (JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8")) as { version: string }).version;

beforeAll(() => {
  dist = ensureWpsBuilt();
});

test("the files a WPS add-in folder needs", () => {
  for (const f of [
    "index.html",
    "main.js",
    "ribbon.xml",
    "publish.html",
    "publish.js",
    "jsplugins.xml",
    "INSTALL.txt",
    "assets/icon-32.png",
  ]) {
    expect({ f, there: fs.existsSync(path.join(dist, f)) }).toEqual({ f, there: true });
  }
});

test("ribbon.xml starts with <customUI, has no XML declaration, is well-formed, and names only callbacks main.js defines", () => {
  const xml = read("ribbon.xml");
  expect(xml.startsWith("<customUI")).toBe(true);
  expect(xml).not.toContain("<?xml");
  execFileSync("xmllint", ["--noout", path.join(dist, "ribbon.xml")]);
  const callbacks = new Set([...xml.matchAll(/\b(?:onLoad|onAction|getImage|getVisible|getEnabled|getLabel)="([^"]+)"/g)].map((m) => m[1]));
  expect([...callbacks].sort()).toEqual([
    "ribbon.GetImage",
    "ribbon.OnAction",
    "ribbon.OnAddinLoad",
    "ribbon.OnGetEnabled",
    "ribbon.OnGetVisible",
  ]);
  const ids = [...xml.matchAll(/<button id="([^"]+)"/g)].map((m) => m[1]);
  expect(ids.sort()).toEqual(Object.values(CONTROL).sort());
  for (const name of ["check", "fill", "mark", "undo", "pane"])
    expect(fs.existsSync(path.join(dist, `assets/ribbon-${name}.svg`))).toBe(true);
});

test("index.html loads main.js from its own folder and nothing else; no office.js anywhere", () => {
  const html = read("index.html");
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=("([^"]*)"|([^\s>]+))/g)].map((m) => m[2] ?? m[3]);
  expect(scripts).toEqual(["main.js"]);
  expect(html).not.toMatch(/https?:\/\//);
  expect(html).toMatch(/Content-Security-Policy/);
  expect(fs.readdirSync(dist).filter((f) => /office/i.test(f))).toEqual([]);
  for (const f of fs.readdirSync(dist).filter((x) => x.endsWith(".js"))) {
    const src = read(f);
    expect({ f, office: /appsforoffice\.microsoft\.com/.test(src) }).toEqual({ f, office: false });
    expect({ f, randomUUID: /randomUUID/.test(src) }).toEqual({ f, randomUUID: false });
  }
});

test("every script parses as ES2019", () => {
  for (const f of fs.readdirSync(dist).filter((x) => x.endsWith(".js"))) {
    let error: string | null = null;
    try {
      acorn.parse(read(f), { ecmaVersion: 2019, sourceType: "script" });
    } catch (e) {
      error = (e as Error).message;
    }
    expect({ f, error }).toEqual({ f, error: null });
  }
});

test("the publish page and the offline jsplugins.xml example name this add-in and version", () => {
  const js = read("publish.js");
  expect(js).toContain(`var NAME = "jixiao";`);
  expect(js).toContain(`var VERSION = "${version}";`);
  expect(js).toContain("http://127.0.0.1:58890/deployaddons/runParams");
  expect(read("publish.html")).toContain('<script src="publish.js"></script>');
  const plugins = read("jsplugins.xml");
  execFileSync("xmllint", ["--noout", path.join(dist, "jsplugins.xml")]);
  const entries = [...plugins.matchAll(/<jsplugin name="([^"]+)" type="([^"]+)" url="([^"]+)" version="([^"]+)"\/>/g)].map((m) => [
    m[1],
    m[2],
    m[4],
  ]);
  expect(entries).toEqual([
    ["jixiao", "et", version],
    ["jixiao", "wps", version],
  ]);
  expect(plugins).toContain(`jsaddons/jixiao_${version}/`);
  expect(read("INSTALL.txt")).toContain(`jixiao_${version}`);
  expect(read("INSTALL.txt")).not.toMatch(/\{\{/);
});
