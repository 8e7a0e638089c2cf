/** The installed command: `node bin/jixiao.js` over the compiled lib/ (built here if missing or older than src/). */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { FIXTURES, randomBytes } from "../adapters/xlsx/badInputs";
import { tempDir } from "./run";

jest.setTimeout(180_000);

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "jixiao.js");

function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

beforeAll(() => {
  const built = path.join(ROOT, "lib", "cli", "main.js");
  const srcTime = Math.max(...["src/cli", "src/core", "src/adapters/xlsx"].map((d) => newest(path.join(ROOT, d))));
  if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < srcTime) {
    execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"], {
      cwd: ROOT,
      stdio: "pipe",
    });
  }
});

function jixiao(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, JIXIAO_DEBUG: "" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("bin/jixiao.js", () => {
  let dir: string;
  beforeAll(() => (dir = tempDir()));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("check prints the report and exits 0; --json parses", () => {
    const r = jixiao(["check", path.join(FIXTURES, "project-insurance-subsidy-2020.xlsx")], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("RATE_INVERTED");
    expect(r.stdout).toContain("总分");
    const j = jixiao(["check", path.join(FIXTURES, "project-insurance-subsidy-2020.xlsx"), "--json"], dir);
    expect(j.code).toBe(0);
    expect(JSON.parse(j.stdout).sheets[0].kind).toBe("project");
  });

  it("fill writes the output and exits 0", () => {
    const r = jixiao(["fill", path.join(FIXTURES, "summary-projects-2020.xlsx"), "-o", "out.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(fs.statSync(path.join(dir, "out.xlsx")).size).toBeGreaterThan(1000);
  });

  it("bad input: exit 2, exactly one stderr line in Chinese and English, no stack, nothing written", () => {
    fs.writeFileSync(path.join(dir, "noise.xlsx"), randomBytes(2048));
    const r = jixiao(["fill", "noise.xlsx", "-o", "noise-out.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/[\u4e00-\u9fff].* \/ .*[A-Za-z]/);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    expect(fs.existsSync(path.join(dir, "noise-out.xlsx"))).toBe(false);
    const missing = jixiao(["check", "missing.xlsx"], dir);
    expect(missing.code).toBe(2);
    const usage = jixiao([], dir);
    expect(usage.code).toBe(2);
  });

  it("--version and --help", () => {
    expect(jixiao(["--version"], dir).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(jixiao(["--help"], dir).code).toBe(0);
  });

  it("check and the batch worker load no report, chart, Word or ExcelJS module, nor fflate (zlib inflates)", () => {
    const heavy = /node_modules[\\/](echarts|docx|jszip|exceljs|@resvg|zrender)[\\/]/;
    const fflate = /node_modules[\\/]fflate[\\/]/;
    const probe = (script: string) => {
      const r = spawnSync(process.execPath, ["-e", script], { cwd: dir, encoding: "utf8" });
      expect(r.status).toBe(0);
      return JSON.parse(r.stdout.slice(r.stdout.lastIndexOf("\n[") + 1)) as string[];
    };
    const main = JSON.stringify(path.join(ROOT, "lib", "cli", "main.js"));
    const file = JSON.stringify(path.join(FIXTURES, "project-insurance-subsidy-2020.xlsx"));
    const io = "{ stdout: (t) => process.stdout.write(t), stderr: () => {}, cwd: process.cwd(), env: {} }";
    const checked = probe(
      `require(${main}).main(["check", ${file}, "--json"], ${io}).then((code) => {` +
        `if (code !== 0) process.exit(9); process.stdout.write("\\n" + JSON.stringify(Object.keys(require.cache))); })`,
    );
    expect(checked.some((m) => /batchQueue/.test(m))).toBe(true); // the probe saw the modules check loads
    expect(checked.filter((m) => heavy.test(m))).toEqual([]);
    expect(checked.filter((m) => fflate.test(m))).toEqual([]);
    // nor the report's narrative or the report comparison, for workbooks without a report beside them
    const reportOnly = /[\\/](core[\\/]narrative[\\/]index|app[\\/]commands[\\/](report|compare))\.js$/;
    expect(checked.filter((m) => reportOnly.test(m))).toEqual([]);
    const worker = probe(
      `require(${JSON.stringify(path.join(ROOT, "lib", "cli", "batchWorker.js"))});` +
        `process.stdout.write("\\n" + JSON.stringify(Object.keys(require.cache)))`,
    );
    expect(worker.some((m) => /FileHost/.test(m))).toBe(true);
    expect(worker.filter((m) => heavy.test(m))).toEqual([]);
    expect(worker.filter((m) => fflate.test(m))).toEqual([]);
    expect(worker.filter((m) => reportOnly.test(m))).toEqual([]);
    // the report still loads them when asked for
    const report = probe(
      `require(${JSON.stringify(path.join(ROOT, "lib", "cli", "report.js"))});` +
        `process.stdout.write("\\n" + JSON.stringify(Object.keys(require.cache)))`,
    );
    expect(report.filter((m) => heavy.test(m)).length).toBeGreaterThan(0);
  });

  it("every command raises V8's interrupt budget once, unless node was started with one of its own", () => {
    // a preloaded hook tells each V8 flag the process sets at run time
    const hook = path.join(dir, "flags.js");
    fs.writeFileSync(
      hook,
      'const v8 = require("v8"); const set = v8.setFlagsFromString;' +
        'v8.setFlagsFromString = (f) => { require("fs").writeSync(2, "FLAG " + f + "\\n"); return set(f); };',
    );
    const flags = (nodeArgs: string[], args: string[]) => {
      const r = spawnSync(process.execPath, [...nodeArgs, "--require", hook, BIN, ...args], { cwd: dir, encoding: "utf8" });
      return r.stderr.split("\n").filter((l) => l.startsWith("FLAG "));
    };
    const medical = path.join(FIXTURES, "project-medical-aid-2020.xlsx");
    expect(flags([], ["check", medical])).toEqual(["FLAG --interrupt-budget=500000"]);
    // a folder (the batch sets it too, before its lanes start): still once
    const folder = path.join(dir, "folder");
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, "a.xlsx"), fs.readFileSync(medical));
    fs.writeFileSync(path.join(folder, "b.xlsx"), fs.readFileSync(medical));
    expect(flags([], ["check", folder, "--json"])).toEqual(["FLAG --interrupt-budget=500000"]);
    expect(flags(["--interrupt-budget=200000"], ["check", medical])).toEqual([]);
  });
});
