/**
 * End to end through the fake Excel: a shared fixture is read by ExcelHost, analysed by the engine, its plan
 * applied through ExcelHost (the fake's cells then hold the plan's formulas, values and formats), then undone.
 */
import * as fs from "fs";
import { ExcelHost, type ExcelRun } from "../../../src/adapters/excel";
import { analyzeWorkbook } from "../../../src/core";
import type { CellChange } from "../../../src/core/plan";
import { FakeExcel, type FakeCell } from "../../fakes/fakeExcel";
import { FIXTURES, FIXTURE_NAMES, fixtureToFake } from "./fixtureFake";

function hostOf(fake: FakeExcel): ExcelHost {
  return new ExcelHost(fake.run as unknown as ExcelRun, fake.isSetSupported);
}

function dump(fake: FakeExcel): Record<string, FakeCell> {
  const out: Record<string, FakeCell> = {};
  for (const s of fake.sheets) {
    for (const [k, c] of s.cells) out[`${s.name}#${k}`] = c.formula !== null ? { ...c, value: "(computed)" } : { ...c };
  }
  return out;
}

describe.each(FIXTURE_NAMES)("%s: read → analyse → apply → undo through ExcelHost", (name) => {
  it("writes exactly the plan, and undo puts the workbook back", async () => {
    const { fake } = await fixtureToFake(name);
    const host = hostOf(fake);
    const snapshots = await host.readSheets("all");
    expect(host.lastStats?.syncs).toBeLessThanOrEqual(3);
    const analysis = analyzeWorkbook(snapshots);
    const tables = analysis.sheets.flatMap((s) => s.tables);
    expect(tables.length).toBeGreaterThan(0);
    const changes: CellChange[] = tables.flatMap((t) => t.plan.changes);
    expect(changes.length).toBeGreaterThan(0);

    const before = dump(fake);
    await host.applyPlan({ changes });
    expect(host.lastStats?.syncs).toBe(4);

    // The last change to each cell decides what it holds.
    const last = new Map<string, CellChange>();
    for (const c of changes) last.set(`${c.sheet}!${c.cell}`, c);
    for (const c of last.values()) {
      const cell = fake.sheet(c.sheet)!.getA1(c.cell);
      if (c.after.formula !== undefined) expect({ at: c.cell, f: cell.formula }).toEqual({ at: c.cell, f: c.after.formula });
      else if (c.after.value !== undefined) {
        expect({ at: c.cell, v: cell.value, f: cell.formula }).toEqual({ at: c.cell, v: c.after.value, f: null });
      }
      const nf = changes.filter((x) => x.sheet === c.sheet && x.cell === c.cell && x.after.numberFormat !== undefined).pop();
      if (nf) expect({ at: c.cell, nf: cell.numberFormat }).toEqual({ at: c.cell, nf: nf.after.numberFormat });
    }

    // Oracle: the cells it names as derived are in the plan (where the table left them for the fill).
    const oracle = JSON.parse(fs.readFileSync(`${FIXTURES}/${name}.expected.json`, "utf8")) as {
      sheets: { sheet: string; cells: Record<string, unknown>; expect?: { scores?: Record<string, number> } }[];
    };
    for (const s of oracle.sheets) {
      for (const addr of Object.keys(s.expect?.scores ?? {})) {
        expect(last.has(`${s.sheet}!${addr}`)).toBe(true);
      }
    }

    // A fresh pane can take it back.
    const reopened = hostOf(fake);
    expect(await reopened.canUndo()).toBe(true);
    await reopened.undo();
    expect(dump(fake)).toEqual(before);
    expect(await reopened.canUndo()).toBe(false);
  });
});
