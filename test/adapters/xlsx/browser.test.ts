/**
 * The xlsx adapter in a browser: bundled with webpack for the web (no Node built-ins), run in headless Chromium —
 * load a fixture, snapshot it, apply a plan, save — the same bytes as in Node; bad bytes give the same UserError.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import { chromium, type Browser } from "playwright-core";
import { fixtureBytes, cfbFile } from "./badInputs";
import { CHROMIUM, CHROMIUM_ARGS } from "../../support/chromium";
import { loadXlsx } from "../../../src/adapters/xlsx";

jest.setTimeout(300_000);

const ROOT = path.join(__dirname, "..", "..", "..");
let dir: string;
let browser: Browser | null = null;
let bundle = "";

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-xlsx-web-"));
  const entry = path.join(dir, "entry.ts");
  fs.writeFileSync(
    entry,
    `import { loadXlsx } from ${JSON.stringify(path.join(ROOT, "src/adapters/xlsx/index.ts"))};\n(window as any).jixiaoXlsx = { loadXlsx };\n`,
  );
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: "web",
    entry,
    output: { path: dir, filename: "bundle.js" },
    // No fallbacks for Node built-ins: the adapter and ExcelJS's browser build must not need any.
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [{ test: /\.ts$/, loader: "ts-loader", options: { transpileOnly: true, configFile: path.join(ROOT, "tsconfig.json") } }],
    },
    performance: { hints: false },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      compiler.close(() => resolve());
    }),
  );
  bundle = fs.readFileSync(path.join(dir, "bundle.js"), "utf8");
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("the bundle uses no Node built-in (fs, path, child_process) from the adapter", () => {
  expect(bundle).not.toMatch(/require\(["'](fs|path|child_process)["']\)/);
  expect(bundle).not.toContain("adapters/xlsx/node");
});

it("loads, snapshots, applies a plan and saves in Chromium; bad bytes give the UserError", async () => {
  const page = await browser!.newPage();
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.setContent("<!doctype html><meta charset=utf-8><title>xlsx</title>");
  await page.addScriptTag({ content: bundle });
  const b64 = Buffer.from(fixtureBytes("project-medical-aid-2020")).toString("base64");
  const enc = Buffer.from(cfbFile(["EncryptionInfo", "EncryptedPackage"])).toString("base64");
  const result = await page.evaluate(
    async ([xlsx, encrypted]) => {
      const bytes = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
      const api = (window as unknown as { jixiaoXlsx: { loadXlsx: (d: ArrayBuffer | Uint8Array) => Promise<any> } }).jixiaoXlsx;
      const book = await api.loadXlsx(bytes(xlsx).buffer);
      const snaps = book.snapshots();
      book.apply({
        changes: [
          {
            sheet: "附件3-1",
            cell: "G6",
            kind: "formula",
            before: { value: "99.15%", formula: null, numberFormat: null },
            after: { formula: "=E6/D6", numberFormat: "0.00%" },
            expected: 1.0086,
            reason: "执行率",
            reasonEn: "rate",
          },
        ],
      });
      const out: Uint8Array = await book.toBuffer();
      const again = await api.loadXlsx(out);
      const g6 = again.snapshots()[0].cells.find((c: { row: number; col: number }) => c.row === 6 && c.col === 7);
      let b64out = "";
      for (let i = 0; i < out.length; i += 0x8000) b64out += String.fromCharCode(...out.subarray(i, i + 0x8000));
      let error: { name: string; code: string; zh: string } | null = null;
      try {
        await api.loadXlsx(bytes(encrypted));
      } catch (e) {
        const u = e as { name: string; code: string; zh: string };
        error = { name: u.name, code: u.code, zh: u.zh };
      }
      return {
        names: snaps.map((s: { name: string }) => s.name),
        rows: Math.max(...snaps[0].cells.map((c: { row: number }) => c.row)),
        outIsBytes: out instanceof Uint8Array,
        outSize: out.length,
        formula: g6.formula,
        numFmt: g6.numberFormat,
        out: btoa(b64out),
        error,
      };
    },
    [b64, enc] as const,
  );
  expect(result.names).toEqual(["附件3-1"]);
  expect(result.rows).toBe(23);
  expect(result.outIsBytes).toBe(true);
  expect(result.outSize).toBeGreaterThan(5000);
  expect(result.formula).toBe("=E6/D6");
  expect(result.numFmt).toBe("0.00%");
  // the same code as in Node: the same bytes
  const node = await loadXlsx(fixtureBytes("project-medical-aid-2020"));
  node.apply({
    changes: [
      {
        sheet: "附件3-1",
        cell: "G6",
        kind: "formula",
        before: { value: "99.15%", formula: null, numberFormat: null },
        after: { formula: "=E6/D6", numberFormat: "0.00%" },
        expected: 1.0086,
        reason: "执行率",
        reasonEn: "rate",
      },
    ],
  });
  expect(Buffer.from(result.out, "base64").equals(Buffer.from(await node.toBuffer()))).toBe(true);
  expect(result.error).toEqual({ name: "UserError", code: "encrypted", zh: expect.stringContaining("密码") });
  expect(requests.filter((u) => !u.startsWith("about:") && !u.startsWith("data:"))).toEqual([]);
  await page.close();
});
