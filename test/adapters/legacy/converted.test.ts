/**
 * Every shared fixture and every table of the real corpus, converted by LibreOffice to .xls (BIFF8) and .ods and
 * exported as an HTML table named .xls (what many systems send): `jixiao check --json` gives the same findings (code
 * and cell) as on the .xlsx; and `jixiao fill` from each .xls writes an .xlsx that LibreOffice recalculates to the
 * oracle (the shared fixture chain, test/support/fixtureChain.ts, over the .xls). LibreOffice runs five times in
 * all: one conversion per format of every file at once, then one recalculation of every filled file at once.
 */
import * as fs from "fs";
import * as path from "path";
import { fixtureChain, type PreparedChain } from "../../support/fixtureChain";
import { FIXTURE_DIR, fixtureNames } from "../../support/fixtures";
import { REAL_DIR, realTableNames } from "../../support/realCorpus";
import { scorecardNames, scorecardOracle } from "../../support/scorecards";
import { recalcMany, sofficeConvertMany } from "../../support/libreoffice";
import { run, tempDir } from "../../cli/run";
import type { CheckJson } from "../../../src/cli/check";
import type { FillJson } from "../../../src/cli/fill";

jest.setTimeout(300_000);

interface Table {
  name: string;
  dir: string;
  /** Has an oracle the fixture chain can fill against (the scorecards with a 总分 to fill, every other table). */
  chain: boolean;
}

const knownFailures = new Set<string>(
  (JSON.parse(fs.readFileSync(path.join(REAL_DIR, "known-failures.json"), "utf8")) as { table: string }[]).map((k) => k.table),
);
const scorecardsFillable = new Set(
  scorecardNames().filter((n) => scorecardOracle(n).sheets.every((s) => typeof s.expect.total === "number")),
);
const TABLES: Table[] = [
  ...fixtureNames().map((name) => ({ name, dir: FIXTURE_DIR, chain: true })),
  ...realTableNames().map((name) => ({ name, dir: REAL_DIR, chain: !knownFailures.has(name) })),
  ...scorecardNames().map((name) => ({ name, dir: REAL_DIR, chain: scorecardsFillable.has(name) })),
];

const FORMATS = ["xls", "ods", "html.xls"] as const;
type Format = (typeof FORMATS)[number];

let work: string;
const converted = new Map<string, string>(); // `${format}:${name}` → path
const findings = new Map<string, string[]>(); // `${format}:${name}` (or xlsx) → code@cell, in order
const prepared = new Map<string, PreparedChain>();

function codes(c: CheckJson): string[] {
  return c.sheets.flatMap((s) => s.findings.map((f) => `${f.code}@${f.cell ?? ""}`));
}

async function checkJson(file: string): Promise<CheckJson> {
  const r = await run(["check", file, "--json"], work);
  if (r.code !== 0) throw new Error(`check ${path.basename(file)} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as CheckJson;
}

beforeAll(async () => {
  work = tempDir("jixiao-legacy-");
  const src = path.join(work, "src");
  fs.mkdirSync(src);
  const inputs = TABLES.map((t) => {
    const p = path.join(src, `${t.name}.xlsx`);
    fs.copyFileSync(path.join(t.dir, `${t.name}.xlsx`), p);
    return p;
  });
  for (const [format, filter, ext] of [
    ["xls", "xls:MS Excel 97", "xls"],
    ["ods", "ods", "ods"],
    ["html.xls", "html:HTML (StarCalc)", "html"],
  ] as const) {
    const out = path.join(work, format);
    fs.mkdirSync(out);
    const files = await sofficeConvertMany(inputs, filter, out, "always", ext);
    files.forEach((f, i) => {
      // the HTML export, named .xls as the systems that send such files name it
      const named = format === "html.xls" ? f.replace(/\.html$/, ".xls") : f;
      if (named !== f) fs.renameSync(f, named);
      converted.set(`${format}:${TABLES[i].name}`, named);
    });
  }
  for (const t of TABLES) {
    findings.set(`xlsx:${t.name}`, codes(await checkJson(path.join(t.dir, `${t.name}.xlsx`))));
    for (const format of FORMATS) findings.set(`${format}:${t.name}`, codes(await checkJson(converted.get(`${format}:${t.name}`)!)));
  }
  // the fill from each .xls, then LibreOffice recalculates every filled file in one run
  const chained = TABLES.filter((t) => t.chain);
  const dirs: string[] = [];
  const partial: Omit<PreparedChain, "recalc">[] = [];
  for (const t of chained) {
    const dir = path.join(work, "chain", t.name);
    fs.mkdirSync(dir, { recursive: true });
    const xls = converted.get(`xls:${t.name}`)!;
    const f = await run(["fill", xls, "-o", "filled.xlsx", "--json"], dir);
    if (f.code !== 0) throw new Error(`fill ${t.name}.xls exited ${f.code}: ${f.stderr}`);
    const c = await run(["check", xls, "--json"], dir);
    dirs.push(dir);
    partial.push({ dir, fill: JSON.parse(f.stdout) as FillJson, check: JSON.parse(c.stdout) as CheckJson });
  }
  const recalcs = await recalcMany(dirs.map((d) => path.join(d, "filled.xlsx")));
  chained.forEach((t, i) => prepared.set(t.name, { ...partial[i], recalc: recalcs[i] }));
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test("the tables: every shared fixture and every real table", () => {
  expect(TABLES.length).toBeGreaterThanOrEqual(20);
  expect(TABLES.filter((t) => t.chain).length).toBeGreaterThanOrEqual(15);
});

describe.each(TABLES.map((t) => t.name))("%s", (name) => {
  test.each(FORMATS)("as %s: the same findings (code and cell) as its .xlsx", (format: Format) => {
    const want = findings.get(`xlsx:${name}`)!;
    expect({ format, findings: findings.get(`${format}:${name}`) }).toEqual({ format, findings: want });
  });
});

describe.each(TABLES.filter((t) => t.chain).map((t) => [t.name, t.dir] as const))("%s.xls: fill → LibreOffice → the oracle", (name, dir) =>
  fixtureChain(dir, name, () => prepared.get(name)!),
);

test("a fill from an .xls says that the result is a new .xlsx", () => {
  const first = [...prepared.values()][0];
  expect(first.fill.output).toBe("filled.xlsx");
  expect((first.fill as FillJson & { note?: string }).note).toBe("原文件为 .xls，填充结果另存为 .xlsx。");
});
