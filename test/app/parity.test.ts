/**
 * One floor for every shell: for every fixture, the CLI (`jixiao fill --json`, a FileHost over the file on disk),
 * the standalone pane (FileHost.open over the file's bytes, as the page's file picker does) and the pane in Excel
 * (ExcelHost over the strict fake Excel loaded with the same workbook) produce the same plan — the same cells, in
 * the same order, with the same formulas, values and formats. All three run src/app's check/combinedPlan; they
 * differ in how the workbook is read, which is exactly what this test holds to one result.
 */
import * as fs from "fs";
import * as path from "path";
import { ExcelHost, type ExcelRun } from "../../src/adapters/excel";
import { FileHost } from "../../src/adapters/xlsx/FileHost";
import { check, combinedPlan } from "../../src/app/commands";
import type { CellChange } from "../../src/core/plan";
import type { FillJson } from "../../src/cli/fill";
import { FIXTURE_DIR, fixtureNames } from "../support/fixtures";
import { fixtureToFake } from "../adapters/excel/fixtureFake";
import { run, tempDir } from "../cli/run";

const REAL_DIR = path.resolve(__dirname, "../data/real");
const FILES: [string, string][] = [
  ...fixtureNames().map((n): [string, string] => [n, path.join(FIXTURE_DIR, `${n}.xlsx`)]),
  ...fs
    .readdirSync(REAL_DIR)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f): [string, string] => [f.replace(/\.xlsx$/, ""), path.join(REAL_DIR, f)]),
];

interface PlannedCell {
  at: string;
  kind: string;
  formula: string | null;
  value: unknown;
  numberFormat: string | null;
}

function planned(sheet: string, c: Pick<CellChange, "cell" | "kind" | "after">): PlannedCell {
  return {
    at: `${sheet}!${c.cell}`,
    kind: c.kind,
    formula: c.after.formula ?? null,
    value: c.after.value ?? null,
    numberFormat: c.after.numberFormat ?? null,
  };
}

async function cliPlan(file: string): Promise<PlannedCell[]> {
  const dir = tempDir();
  const r = await run(["fill", file, "-o", path.join(dir, "out.xlsx"), "--json"], dir);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout) as FillJson;
  return json.sheets.flatMap((s) => s.changes.map((c) => planned(s.sheet, c as Pick<CellChange, "cell" | "kind" | "after">)));
}

async function standalonePanePlan(file: string): Promise<PlannedCell[]> {
  const host = await FileHost.open(path.basename(file), new Uint8Array(fs.readFileSync(file)));
  const { analysis } = await check(host, { profile: "default", scope: "all" });
  return combinedPlan(analysis).changes.map((c) => planned(c.sheet, c));
}

describe.each(FILES)("%s", (name, file) => {
  test("the CLI and the standalone pane plan the same cells", async () => {
    const cli = await cliPlan(file);
    // the shared fixtures all have something to fill; some published scorecards are complete as they stand
    if (file.startsWith(FIXTURE_DIR)) expect(cli.length).toBeGreaterThan(0);
    expect(await standalonePanePlan(file)).toEqual(cli);
  });

  if (file.startsWith(FIXTURE_DIR)) {
    test("the CLI and the pane in Excel plan the same cells", async () => {
      const { fake } = await fixtureToFake(name);
      const host = new ExcelHost(fake.run as unknown as ExcelRun, fake.isSetSupported);
      const { analysis } = await check(host, { profile: "default", scope: "all" });
      const excel = combinedPlan(analysis).changes.map((c) => planned(c.sheet, c));
      expect(excel).toEqual(await cliPlan(file));
    });
  }
});
