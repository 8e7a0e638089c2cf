/**
 * `jixiao check` over several files and folders (issue 13): every workbook under a folder tree, broken files as rows,
 * the 问题清单 workbook (rows, summary, frozen header, autofilter), --json for all, --fail-on exit codes, and the
 * compiled command with 1 and 2 worker threads giving the same answer.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { FIXTURE_NAMES, fixtureBytes, randomBytes, truncated } from "../adapters/xlsx/badInputs";
import { run, tempDir } from "./run";
import { issueRows, type BatchFileResult } from "../../src/app/commands";
import { defaultWorkers, FILES_PER_EXTRA_LANE } from "../../src/cli/pool";
import { newQueue, takeNext } from "../../src/cli/batchQueue";

jest.setTimeout(300_000);

const ROOT = path.join(__dirname, "..", "..");

interface BatchJson {
  exitCode: number;
  totals: { files: number; unreadable: number; tables: number; bySeverity: Record<string, number> };
  files: BatchFileResult[];
}

/** A folder tree: fixtures at two depths, a truncated and a random-bytes workbook, a text file and a lock file. */
function tree(): { dir: string; workbooks: string[]; broken: string[] } {
  const dir = tempDir("jixiao-batch-");
  const workbooks: string[] = [];
  const broken: string[] = [];
  fs.mkdirSync(path.join(dir, "单位A", "2020"), { recursive: true });
  fs.mkdirSync(path.join(dir, "单位B"), { recursive: true });
  FIXTURE_NAMES.forEach((n, i) => {
    const rel = i % 2 ? path.join("单位A", "2020", `${n}.xlsx`) : path.join("单位B", `${n}.xlsx`);
    fs.writeFileSync(path.join(dir, rel), fixtureBytes(n));
    workbooks.push(rel);
  });
  fs.writeFileSync(path.join(dir, "单位B", "截断.xlsx"), truncated(fixtureBytes(FIXTURE_NAMES[0])));
  fs.writeFileSync(path.join(dir, "单位A", "乱码.xlsm"), randomBytes(4000));
  broken.push(path.join("单位A", "乱码.xlsm"), path.join("单位B", "截断.xlsx"));
  // not a workbook: a row of the list too (unreadable, with its reason), never skipped silently
  fs.writeFileSync(path.join(dir, "单位B", "说明.txt"), "not a workbook");
  broken.push(path.join("单位B", "说明.txt"));
  fs.writeFileSync(path.join(dir, "单位B", `~$${FIXTURE_NAMES[0]}.xlsx`), "lock");
  return { dir, workbooks, broken };
}

describe("check over a folder tree (in process)", () => {
  let t: ReturnType<typeof tree>;
  let json: BatchJson;
  let code: number;
  beforeAll(async () => {
    t = tree();
    const r = await run(["check", ".", "--json", "--report", "问题清单.xlsx"], t.dir);
    code = r.code;
    expect(r.stderr).toBe("");
    json = JSON.parse(r.stdout) as BatchJson;
  });

  test("every workbook, every broken file and every other file is listed once; lock files are skipped", () => {
    const listed = json.files.map((f) => f.file).sort();
    expect(listed).toEqual([...t.workbooks, ...t.broken].sort());
    const bad = json.files
      .filter((f) => !f.ok)
      .map((f) => f.file)
      .sort();
    expect(bad).toEqual([...t.broken].sort());
    for (const f of json.files) if (!f.ok) expect(f.error.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(json.totals.unreadable).toBe(3);
    // a broken file is bad input (2) — and not the end of the batch
    expect(code).toBe(2);
    expect(json.exitCode).toBe(2);
  });

  test("each file's findings are the single-file check's findings", async () => {
    for (const f of json.files) {
      if (!f.ok) continue;
      const single = await run(["check", f.file, "--json"], t.dir);
      expect(single.code).toBe(0);
      const one = JSON.parse(single.stdout) as { sheets: { findings: { code: string; cell: string | null }[] }[] };
      expect(f.findings.map((x) => `${x.code}@${x.cell}`)).toEqual(one.sheets.flatMap((s) => s.findings.map((x) => `${x.code}@${x.cell}`)));
    }
  });

  test("问题清单.xlsx: a row per finding and per unreadable file, a summary per table, frozen header, autofilter", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(t.dir, "问题清单.xlsx"));
    const list = wb.getWorksheet("问题清单")!;
    const rows = issueRows(json.files);
    expect(list.rowCount).toBe(rows.length + 1);
    expect(list.getRow(1).values).toEqual([undefined, "文件", "工作表", "单元格", "级别", "代码", "问题", "建议"]);
    rows.forEach((r, i) => {
      const v = list.getRow(i + 2).values as unknown[];
      expect(v.slice(1, 6).map((x) => x ?? "")).toEqual([
        r.file,
        r.sheet,
        r.cell,
        { error: "错误", warning: "警告", info: "提示" }[r.severity],
        r.code,
      ]);
    });
    expect(
      rows
        .filter((r) => r.code === "FILE_UNREADABLE")
        .map((r) => r.file)
        .sort(),
    ).toEqual([...t.broken].sort());
    expect(list.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(list.autoFilter).toBeTruthy();
    const sum = wb.getWorksheet("文件汇总")!;
    expect(sum.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sum.autoFilter).toBeTruthy();
    const tables = json.files.reduce((n, f) => n + (f.ok ? Math.max(1, f.tables.length) : 1), 0);
    expect(sum.rowCount).toBe(tables + 1);
    // 总分 and 等级 of the first recognised project table
    const firstOk = json.files.find((f) => f.ok && f.tables.some((x) => x.kind === "project"));
    if (firstOk && firstOk.ok) {
      const tb = firstOk.tables.find((x) => x.kind === "project")!;
      const row = sum.getRows(2, sum.rowCount - 1)!.find((r) => r.getCell(1).value === firstOk.file && r.getCell(3).value === tb.sheet)!;
      expect(row.getCell(6).value).toBeCloseTo(tb.total!, 6);
      expect(row.getCell(7).value).toBe(tb.grade);
      expect(row.getCell(8).value).toBe(tb.counts.error);
    }
  });
});

describe("--fail-on", () => {
  test("exit 3 when a finding at the level or above exists; 0 when none; broken files count as errors", async () => {
    const dir = tempDir("jixiao-failon-");
    const results: { name: string; errors: number; warnings: number }[] = [];
    for (const n of FIXTURE_NAMES) {
      fs.writeFileSync(path.join(dir, `${n}.xlsx`), fixtureBytes(n));
      const r = JSON.parse((await run(["check", `${n}.xlsx`, "--json"], dir)).stdout) as {
        sheets: { counts: { error: number; warning: number } }[];
      };
      results.push({
        name: n,
        errors: r.sheets.reduce((a, s) => a + s.counts.error, 0),
        warnings: r.sheets.reduce((a, s) => a + s.counts.warning, 0),
      });
    }
    for (const r of results) {
      const e = await run(["check", `${r.name}.xlsx`, "--fail-on", "error"], dir);
      expect({ name: r.name, code: e.code }).toEqual({ name: r.name, code: r.errors > 0 ? 3 : 0 });
      const w = await run(["check", `${r.name}.xlsx`, "--fail-on", "warning"], dir);
      expect({ name: r.name, code: w.code }).toEqual({ name: r.name, code: r.errors + r.warnings > 0 ? 3 : 0 });
    }
    // both outcomes are exercised by the fixtures
    expect(results.some((r) => r.errors > 0)).toBe(true);
    expect(results.some((r) => r.errors === 0)).toBe(true);
    fs.writeFileSync(path.join(dir, "坏.xlsx"), randomBytes(100));
    const clean = results.find((r) => r.errors === 0)!;
    expect((await run(["check", `${clean.name}.xlsx`, "坏.xlsx", "--fail-on", "error"], dir)).code).toBe(3);
    expect((await run(["check", `${clean.name}.xlsx`, "坏.xlsx"], dir)).code).toBe(2);
    expect((await run(["check", `${clean.name}.xlsx`, "不存在.xlsx", "--json"], dir)).code).toBe(2);
    const usage = await run(["check", ".", "--fail-on", "fatal"], dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--fail-on/);
  });
});

test("lanes by default: the cores less one, but a worker thread only for every FILES_PER_EXTRA_LANE files", () => {
  const all = defaultWorkers();
  expect(all).toBeGreaterThanOrEqual(1);
  expect(defaultWorkers(1)).toBe(1);
  expect(defaultWorkers(FILES_PER_EXTRA_LANE)).toBe(1);
  expect(defaultWorkers(FILES_PER_EXTRA_LANE + 1)).toBe(Math.min(all, 2));
  expect(defaultWorkers(100_000)).toBe(all);
});

test("with several lanes the biggest files are taken first (none left alone at the end); with one, as listed", () => {
  const dir = tempDir("jixiao-order-");
  const sizes = [10, 3000, 0, 500, 3000, 70];
  const files = sizes.map((n, i) => {
    const p = path.join(dir, `${i}.xlsx`);
    fs.writeFileSync(p, randomBytes(n, i + 1));
    return { path: p, display: `${i}.xlsx` };
  });
  files.push({ path: path.join(dir, "gone.xlsx"), display: "gone.xlsx" }); // cannot be stat'ed: size 0, its lane says why
  const taken = (lanes: number) => {
    const q = newQueue(files, "default", lanes);
    const order: number[] = [];
    for (let i = takeNext(q, 0); i !== null; i = takeNext(q, lanes - 1)) order.push(i);
    return order;
  };
  expect(taken(2)).toEqual([1, 4, 3, 5, 0, 2, 6]);
  expect(taken(3)).toEqual([1, 4, 3, 5, 0, 2, 6]);
  expect(taken(1)).toEqual([0, 1, 2, 3, 4, 5, 6]);
});

describe("the compiled command: worker threads", () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"], {
      cwd: ROOT,
      stdio: "pipe",
    });
  });

  test("1, 2 and 3 lanes print byte-identical JSON, in the same order", () => {
    const t = tree();
    const jixiao = (workers: number) => {
      const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "jixiao.js"), "check", ".", "--json", "--workers", String(workers)], {
        cwd: t.dir,
        encoding: "utf8",
      });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const one = jixiao(1);
    expect(one.code).toBe(2);
    expect((JSON.parse(one.stdout) as BatchJson).totals.unreadable).toBe(3);
    for (const n of [2, 3]) {
      const many = jixiao(n);
      expect(many.code).toBe(2);
      expect(many.stderr).toBe("");
      expect(many.stdout).toBe(one.stdout);
    }
    expect(fs.existsSync(path.join(ROOT, "lib", "cli", "batchWorker.js"))).toBe(true);
  });

  test("worker threads alone (the main thread only collecting) give the main thread's results for 40 files", () => {
    const dir = tempDir("jixiao-lanes-");
    for (let i = 0; i < 40; i++) {
      const name = FIXTURE_NAMES[i % FIXTURE_NAMES.length];
      const bytes = i % 9 === 4 ? truncated(fixtureBytes(name)) : i % 9 === 8 ? randomBytes(2000, i + 1) : fixtureBytes(name);
      fs.writeFileSync(path.join(dir, `${String(i).padStart(2, "0")}-${name}.xlsx`), bytes);
    }
    // the compiled pool (lib/cli), so that its worker script exists; prints results and files per lane
    const script = `
      const { checkFiles } = require(${JSON.stringify(path.join(ROOT, "lib", "cli", "pool.js"))});
      const { collectFiles } = require(${JSON.stringify(path.join(ROOT, "lib", "cli", "batch.js"))});
      const { files } = collectFiles([${JSON.stringify(dir)}], ${JSON.stringify(dir)});
      const [workers, mainLane] = process.argv.slice(1).map(Number);
      checkFiles(files, { profile: "default", workers, mainLane: mainLane === 1 }).then((r) => console.log(JSON.stringify(r)));`;
    const lanes = (workers: number, mainLane: boolean) => {
      const r = spawnSync(process.execPath, ["-e", script, String(workers), mainLane ? "1" : "0"], { encoding: "utf8" });
      expect(r.stderr).toBe("");
      return JSON.parse(r.stdout) as { results: BatchFileResult[]; workers: number; filesPerLane: number[] };
    };
    const main = lanes(1, true);
    expect(main.filesPerLane).toEqual([40]);
    expect(main.results.filter((r) => !r.ok)).toHaveLength(8);
    const threads = lanes(2, false);
    expect(threads.workers).toBe(2);
    expect(threads.filesPerLane.reduce((a, b) => a + b, 0)).toBe(40);
    expect(JSON.stringify(threads.results)).toBe(JSON.stringify(main.results));
    const mixed = lanes(2, true);
    expect(mixed.filesPerLane.reduce((a, b) => a + b, 0)).toBe(40);
    expect(JSON.stringify(mixed.results)).toBe(JSON.stringify(main.results));
  });
});
