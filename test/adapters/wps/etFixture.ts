/**
 * Test helper: a shared fixture as the fake ET holds it, built from what the .xlsx reader (the CLI / FileHost path)
 * reads of the same file — so reading it back through WpsSpreadsheetHost must give the same snapshot, findings and
 * plan. Error values become ET error cells, "no format" becomes ET's "General".
 */
import * as fs from "fs";
import { loadXlsx } from "../../../src/adapters/xlsx";
import { isErrorValue, snapshotCells, type SheetSnapshot, type SnapshotCell } from "../../../src/core/snapshot";
import { EtWorkbookModel, FakeEt, type FakeEtOptions, workbookFromJson, workbookToJson } from "../../fakes/fakeEt";
import { fixtureNames, fixturePath } from "../../support/fixtures";
import { REAL_DIR, scorecardNames } from "../../support/scorecards";
import * as path from "path";

export const FIXTURE_NAMES = fixtureNames();
/** The scorecards (评分表) kept under test/data/real: read the same way. */
export const SCORECARD_NAMES = scorecardNames();

function pathOf(name: string): string {
  return SCORECARD_NAMES.includes(name) ? path.join(REAL_DIR, `${name}.xlsx`) : fixturePath(name);
}

export interface EtFixture {
  /** What the file path reads. */
  fileSnapshots: SheetSnapshot[];
  /** The same workbook in the fake's model (clone it per test with `fresh`). */
  model: EtWorkbookModel;
}

const cache = new Map<string, EtFixture>();

export function modelFromSnapshots(name: string, snaps: SheetSnapshot[]): EtWorkbookModel {
  const wb = new EtWorkbookModel(name);
  for (const snap of snaps) {
    const s = wb.addSheet(snap.name);
    for (const c of snapshotCells(snap)) {
      s.set(c.row, c.col, {
        value: isErrorValue(c.value) ? { error: c.value } : c.value,
        formula: c.formula ?? null,
        numberFormat: c.numberFormat ?? "General",
      });
    }
    s.merges = (snap.merges ?? []).map((m) => ({ ...m }));
  }
  return wb;
}

export async function etFixture(name: string): Promise<EtFixture> {
  const known = cache.get(name);
  if (known) return known;
  const book = await loadXlsx(new Uint8Array(fs.readFileSync(pathOf(name))));
  const fileSnapshots = book.snapshots();
  const fx = { fileSnapshots, model: modelFromSnapshots(`${name}.xlsx`, fileSnapshots) };
  cache.set(name, fx);
  return fx;
}

/** A fresh fake over a copy of the model. */
export function fresh(model: EtWorkbookModel, options: FakeEtOptions = {}): FakeEt {
  return new FakeEt(workbookFromJson(workbookToJson(model)), options);
}

/** Cells of snapshots in a comparable order (row, then column), numberFormat null where none. */
export function comparable(snaps: SheetSnapshot[]): { name: string; cells: SnapshotCell[]; merges: unknown }[] {
  return snaps.map((s) => ({
    name: s.name,
    cells: snapshotCells(s)
      .map((c) => ({ row: c.row, col: c.col, value: c.value, formula: c.formula ?? null, numberFormat: c.numberFormat ?? null }))
      .sort((a, b) => a.row - b.row || a.col - b.col),
    merges: [...(s.merges ?? [])].sort((a, b) => a.top - b.top || a.left - b.left),
  }));
}

/** Everything every sheet of a fake holds, for before/after comparisons (the undo sheet left out). */
export function dumpCells(fake: FakeEt): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of fake.workbook?.sheets ?? []) {
    if (s.name === "jixiao_undo") continue;
    for (const [k, c] of s.cells) out[`${s.name}#${k}`] = { ...c };
    out[`${s.name}#merges`] = s.merges.map((m) => ({ ...m }));
    out[`${s.name}#protected`] = s.protected;
  }
  out["#sheets"] = (fake.workbook?.sheets ?? []).map((s) => s.name).filter((n) => n !== "jixiao_undo");
  return out;
}
