/**
 * The README's two commands on a fresh clone (issue 19): `npm start` and `npm test` first run scripts/ensure-deps.js
 * (prestart, pretest), plain Node with no dependency, which runs `npm ci` when node_modules is missing or does not
 * match package-lock.json, and (for the tests) installs LibreOffice, Chromium … as root or names the packages.
 * Checked here on small made-up projects; the real fresh clone is rehearsed by the lead.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS script (it must run before node_modules exists)
const { depsState, missingTestTools } = require("../../scripts/ensure-deps.js") as {
  depsState(root: string): { fresh: boolean; linked: boolean; reason: string };
  missingTestTools(env: Record<string, string | undefined>, exists: (f: string) => boolean): string[];
};

const ROOT = path.resolve(__dirname, "..", "..");
let dir: string;

const lock = {
  name: "demo",
  lockfileVersion: 3,
  packages: {
    "": { name: "demo", dependencies: { a: "^1.0.0" } },
    "node_modules/a": { version: "1.2.0" },
    "node_modules/@scope/b": { version: "2.0.0", dev: true },
    "node_modules/native-x64": { version: "3.0.0", optional: true },
  },
};

function project(installed: Record<string, string> | null, record = true): string {
  const root = fs.mkdtempSync(path.join(dir, "p-"));
  fs.writeFileSync(path.join(root, "package-lock.json"), JSON.stringify(lock));
  if (installed) {
    for (const [name, version] of Object.entries(installed)) {
      fs.mkdirSync(path.join(root, "node_modules", name), { recursive: true });
      fs.writeFileSync(path.join(root, "node_modules", name, "package.json"), JSON.stringify({ name, version }));
    }
    fs.mkdirSync(path.join(root, "node_modules"), { recursive: true });
    if (record) {
      const packages = Object.fromEntries(Object.entries(installed).map(([n, v]) => [`node_modules/${n}`, { version: v }]));
      fs.writeFileSync(path.join(root, "node_modules", ".package-lock.json"), JSON.stringify({ packages }));
    }
  }
  return root;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-deps-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("npm start, npm test and npm run package run the check first", () => {
  const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts;
  expect(scripts.prestart).toBe("node scripts/ensure-deps.js");
  expect(scripts.pretest).toBe("node scripts/ensure-deps.js --test");
  expect(scripts.prepackage).toBe("node scripts/ensure-deps.js");
  // it needs nothing from node_modules: only Node's own modules
  const src = fs.readFileSync(path.join(ROOT, "scripts/ensure-deps.js"), "utf8");
  expect([...src.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]).sort()).toEqual(["child_process", "fs", "path"]);
});

test("node_modules missing, a package missing or at another version: stale; as locked (optional ones may be absent): fresh", () => {
  expect(depsState(project(null))).toMatchObject({ fresh: false, reason: expect.stringMatching(/node_modules is missing/) });
  expect(depsState(project({ a: "1.2.0", "@scope/b": "2.0.0" }))).toMatchObject({ fresh: true });
  expect(depsState(project({ a: "1.2.0" }))).toMatchObject({ fresh: false, reason: expect.stringMatching(/@scope\/b/) });
  expect(depsState(project({ a: "1.1.0", "@scope/b": "2.0.0" }))).toMatchObject({
    fresh: false,
    reason: "a 1.1.0 ≠ package-lock.json 1.2.0",
  });
  // without npm's own record, each package's package.json is read
  expect(depsState(project({ a: "1.2.0", "@scope/b": "2.0.0" }, false))).toMatchObject({ fresh: true });
  expect(depsState(project({ a: "1.0.0", "@scope/b": "2.0.0" }, false))).toMatchObject({ fresh: false });
});

test("a fresh clone: the script says it would run npm ci (--check) and exits 1; a linked node_modules is never reinstalled", () => {
  const clone = project(null);
  fs.mkdirSync(path.join(clone, "scripts"));
  fs.copyFileSync(path.join(ROOT, "scripts/ensure-deps.js"), path.join(clone, "scripts/ensure-deps.js"));
  const r = spawnSync(process.execPath, ["scripts/ensure-deps.js", "--check"], { cwd: clone, encoding: "utf8" });
  expect({ status: r.status, out: r.stdout.trim() }).toEqual({
    status: 1,
    out: "would run npm ci: node_modules 不存在 / node_modules is missing",
  });

  const linked = project(null);
  const target = project({ a: "0.9.0" });
  fs.symlinkSync(path.join(target, "node_modules"), path.join(linked, "node_modules"));
  expect(depsState(linked)).toMatchObject({ fresh: false, linked: true });
});

test("the test tools: each missing one named by its Debian package", () => {
  const none = missingTestTools({ PATH: path.join(dir, "empty") }, () => false);
  expect(none).toEqual([
    "libreoffice-calc-nogui",
    "libreoffice-writer-nogui",
    "chromium",
    "poppler-utils",
    "libxml2-utils",
    "fonts-noto-cjk",
  ]);
  const bin = path.join(dir, "bin");
  fs.mkdirSync(bin, { recursive: true });
  for (const tool of ["soffice", "pdftoppm", "xmllint"]) {
    fs.writeFileSync(path.join(bin, tool), "#!/bin/sh\n");
    fs.chmodSync(path.join(bin, tool), 0o755);
  }
  const all = missingTestTools({ PATH: bin }, (f) => f === "/usr/bin/chromium" || f.endsWith("NotoSansCJK-Regular.ttc"));
  expect(all).toEqual([]);
});
