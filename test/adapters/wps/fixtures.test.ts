/**
 * Every shared fixture (and every scorecard under test/data/real) through WpsSpreadsheetHost over the fake ET (both builds: members as properties and as
 * methods; error values as COM codes and as text) gives exactly what the file path (the CLI / FileHost, .xlsx read by
 * ExcelJS) gives: the same snapshot cells and merges, the same findings, the same fill plan — then the plan applied
 * through the host writes exactly the plan, and undo from a fresh host (the pane closed and opened again) puts every
 * cell back.
 */
import { analyzeWorkbook } from "../../../src/core";
import type { CellChange } from "../../../src/core/plan";
import { WpsSpreadsheetHost } from "../../../src/adapters/wps/WpsSpreadsheetHost";
import { parseA1 } from "../../../src/core/address";
import { FIXTURE_NAMES, SCORECARD_NAMES, comparable, dumpCells, etFixture, fresh } from "./etFixture";

jest.setTimeout(120_000);

const BUILDS = [
  ["property", "code"],
  ["method", "code"],
  ["property", "text"],
] as const;

function json<T>(x: T): T {
  return JSON.parse(JSON.stringify(x));
}

describe.each([...FIXTURE_NAMES, ...SCORECARD_NAMES])("%s through WpsSpreadsheetHost", (name) => {
  test.each(BUILDS)("members as %s, errors as %s: the file path's snapshot, findings and plan", async (members, errors) => {
    const { fileSnapshots, model } = await etFixture(name);
    const fake = fresh(model, { members, errors });
    const host = new WpsSpreadsheetHost(fake.Application);
    const snaps = await host.readSheets("all");
    expect(comparable(snaps)).toEqual(comparable(fileSnapshots));

    const file = analyzeWorkbook(fileSnapshots);
    const wps = analyzeWorkbook(snaps);
    const tables = (a: typeof file) => a.sheets.flatMap((s) => s.tables);
    expect(tables(file).length).toBeGreaterThan(0);
    expect(json(tables(wps).map((t) => t.findings))).toEqual(json(tables(file).map((t) => t.findings)));
    expect(json(tables(wps).map((t) => t.plan))).toEqual(json(tables(file).map((t) => t.plan)));
    expect(json(wps)).toEqual(json(file));
  });

  test("apply writes exactly the plan (one undo record in the workbook); undo from a fresh host restores every cell", async () => {
    const { model } = await etFixture(name);
    const fake = fresh(model);
    const host = new WpsSpreadsheetHost(fake.Application);
    const analysis = analyzeWorkbook(await host.readSheets("all"));
    const changes: CellChange[] = analysis.sheets.flatMap((s) => s.tables.flatMap((t) => t.plan.changes));
    const before = dumpCells(fake);
    const activeBefore = fake.workbook!.active;
    if (changes.length === 0 && SCORECARD_NAMES.includes(name)) {
      // a template or fragment with nothing to fill: an empty plan writes nothing and leaves no record
      await host.applyPlan({ changes });
      expect(dumpCells(fake)).toEqual(before);
      expect(await host.canUndo()).toBe(false);
      return;
    }
    expect(changes.length).toBeGreaterThan(0);

    await host.applyPlan({ changes });
    expect(host.lastStats?.undoIn).toBe("workbook");
    const undoSheet = fake.workbook!.sheet("jixiao_undo")!;
    expect(undoSheet.visible).toBe(2);
    expect(undoSheet.protected).toBe(true);
    expect(fake.workbook!.active).toBe(activeBefore + 1); // the hidden sheet went in before it; the same sheet is active
    expect(fake.workbook!.sheets[fake.workbook!.active].name).toBe(model.sheets[activeBefore].name);
    expect(fake.screenUpdating).toBe(true);

    const last = new Map<string, CellChange>();
    for (const c of changes) last.set(`${c.sheet}!${c.cell}`, c);
    for (const c of last.values()) {
      const cell = fake.sheet(c.sheet).getA1(c.cell);
      if (c.after.formula !== undefined) expect({ at: c.cell, f: cell.formula }).toEqual({ at: c.cell, f: c.after.formula });
      else if (c.after.value !== undefined)
        expect({ at: c.cell, v: cell.value, f: cell.formula }).toEqual({ at: c.cell, v: c.after.value, f: null });
      const nf = changes.filter((x) => x.sheet === c.sheet && x.cell === c.cell && x.after.numberFormat !== undefined).pop();
      if (nf) expect({ at: c.cell, nf: cell.numberFormat }).toEqual({ at: c.cell, nf: nf.after.numberFormat });
    }
    // nothing outside the plan changed (but the hidden undo sheet was added)
    const after = dumpCells(fake);
    const planned = new Set(
      [...last.values()].map((c) => {
        const { row, col } = parseA1(c.cell);
        return `${fake.sheet(c.sheet).name}#${(row - 1) * 16384 + (col - 1)}`;
      }),
    );
    for (const [k, v] of Object.entries(before)) {
      if (planned.has(k)) continue;
      if (k !== "#sheets") expect({ k, v: after[k] }).toEqual({ k, v });
    }
    expect((after["#sheets"] as string[]).filter((n) => n !== "jixiao_undo")).toEqual(before["#sheets"]);

    // the pane closed and opened again: a new host finds the record in the workbook
    const reopened = new WpsSpreadsheetHost(fake.Application);
    expect(await reopened.canUndo()).toBe(true);
    await reopened.undo();
    expect(dumpCells(fake)).toEqual(before);
    expect(fake.workbook!.sheet("jixiao_undo")).toBeUndefined();
    expect(fake.workbook!.active).toBe(activeBefore);
    expect(await reopened.canUndo()).toBe(false);
    expect(fake.displayAlerts).toBe(true);
  });
});
