/**
 * The command floor (src/app/commands): each command's plan is pure over what was read, and its commit returns one
 * Outcome — the same through the async port (the pane, the Office ribbon, the CLI) and the synchronous one (the WPS
 * ribbon). A memory host stands for both ports over the shared fixtures and records what is written.
 */
import type { FillPlan } from "../../src/core/plan";
import type { MarkPlan } from "../../src/core/marks";
import type { SheetSnapshot } from "../../src/core/snapshot";
import type { ReadScope, SpreadsheetHost, SyncSpreadsheetHost } from "../../src/host/host";
import { notice, userError } from "../../src/core/messages";
import {
  checkOutcome,
  commitCheck,
  commitCheckSync,
  commitFill,
  commitFillSync,
  commitMark,
  commitMarkSync,
  commitUndo,
  failed,
  fillFrom,
  markFrom,
  planCheck,
  planFill,
  planMark,
  said,
  summarize,
  undoSync,
} from "../../src/app/commands";
import { fixtureNames, fixtureSnapshots } from "../support/fixtures";

class MemoryHost implements SpreadsheetHost, SyncSpreadsheetHost {
  readonly kind = "file" as const;
  readonly displayName = "t.xlsx";
  readonly fileName = "t.xlsx";
  plans: FillPlan[] = [];
  marks: MarkPlan[] = [];
  selected: string[] = [];
  undone = 0;
  constructor(private readonly sheets: SheetSnapshot[]) {}
  readSheetsSync(_scope: ReadScope): SheetSnapshot[] {
    return this.sheets;
  }
  async readSheets(scope: ReadScope): Promise<SheetSnapshot[]> {
    return this.readSheetsSync(scope);
  }
  applyPlanSync(plan: FillPlan): void {
    this.plans.push(plan);
  }
  async applyPlan(plan: FillPlan): Promise<void> {
    this.applyPlanSync(plan);
  }
  applyMarksSync(plan: MarkPlan): void {
    this.marks.push(plan);
  }
  async applyMarks(plan: MarkPlan): Promise<void> {
    this.applyMarksSync(plan);
  }
  async readMarks() {
    return this.marks.flatMap((p) => p.marks);
  }
  async clearMarks() {
    return 0;
  }
  selectCellSync(sheet: string, address: string): void {
    this.selected.push(`${sheet}!${address}`);
  }
  async selectCell(sheet: string, address: string): Promise<void> {
    this.selectCellSync(sheet, address);
  }
  canUndoSync(): boolean {
    return this.plans.length + this.marks.length > this.undone;
  }
  async canUndo(): Promise<boolean> {
    return this.canUndoSync();
  }
  undoSync(): void {
    this.undone++;
  }
  async undo(): Promise<void> {
    this.undoSync();
  }
}

const NAMES = fixtureNames().slice(0, 4);
const now = () => 1_700_000_000_000;
const ctx = { profile: "default" as const, lang: "zh" as const, now };

test("a check of no sheet is the no-sheets error; a failure is an outcome with the error's words and its record", () => {
  expect(() => planCheck([], ctx)).toThrow(expect.objectContaining({ code: "no-sheets" }));
  const o = failed("fill", userError("no-sheets"), ctx);
  expect(o.ok).toBe(false);
  expect(said(o)).toEqual({ zh: userError("no-sheets").zh, en: userError("no-sheets").en });
  expect(o.record).toEqual({ command: "fill", at: now(), ok: false, ...said(o) });
});

test.each(NAMES)("%s: check, fill and mark commit the same outcome through the async and the sync port", async (name) => {
  const sheets = await fixtureSnapshots(name);
  const checked = planCheck(sheets, ctx);
  const summary = summarize(checked.analysis);

  const a = new MemoryHost(sheets);
  const s = new MemoryHost(sheets);
  const viaAsync = await commitCheck(a, checked, ctx);
  const viaSync = commitCheckSync(s, checked, ctx);
  expect(viaSync).toEqual(viaAsync);
  expect(viaAsync).toEqual(checkOutcome(checked, ctx));
  expect(viaAsync.select).toEqual(summary.firstCell);
  expect(a.selected).toEqual(summary.firstCell ? [`${summary.firstCell.sheet}!${summary.firstCell.cell}`] : []);
  expect(viaAsync.ok).toBe(summary.tables > 0 && summary.bySeverity.error === 0);
  expect(viaAsync.record).toEqual({ command: "check", at: now(), ok: viaAsync.ok, ...said(viaAsync) });

  // the plan from the sheets is the plan from the check's proposal: plan is pure over what was read
  const fill = planFill(sheets, ctx);
  expect(fill.plan).toEqual(fillFrom(checked).plan);
  const filled = await commitFill(a, fill, { ...ctx, undoIn: "pane" });
  const filledSync = commitFillSync(s, fill, { ...ctx, undoIn: "ribbon" });
  const cells = fill.plan.changes.length;
  expect(a.plans).toEqual(cells > 0 ? [fill.plan] : []);
  expect(s.plans).toEqual(a.plans);
  expect(said(filled)).toEqual(cells > 0 ? notice("filled-pane", { cells }) : notice("nothing-to-fill"));
  expect(said(filledSync)).toEqual(cells > 0 ? notice("filled-ribbon", { cells }) : notice("nothing-to-fill"));

  const mark = planMark(sheets, ctx);
  expect(mark.plan).toEqual(markFrom(checked, ctx).plan);
  const marked = await commitMark(a, mark, ctx);
  const markedSync = commitMarkSync(s, mark, { ...ctx, undoIn: "ribbon" });
  expect(s.marks).toEqual(a.marks);
  expect(marked.message).toEqual(
    mark.plan.marks.length > 0 ? expect.objectContaining({ key: "marked-pane" }) : { key: "nothing-to-mark", params: {} },
  );
  expect(markedSync.message).toEqual(
    mark.plan.marks.length > 0 ? expect.objectContaining({ key: "marked-ribbon" }) : { key: "nothing-to-mark", params: {} },
  );
});

test("undo: nothing to take back says so and writes nothing; else it undoes once; undo keeps no record", async () => {
  const host = new MemoryHost(await fixtureSnapshots(NAMES[0]));
  const none = undoSync(host, ctx);
  expect(said(none)).toEqual(notice("no-fill-to-undo"));
  expect(none.ok).toBe(false);
  expect(host.undone).toBe(0);
  host.applyPlanSync({ changes: [] });
  const done = await commitUndo(host, { canUndo: await host.canUndo() }, ctx);
  expect(said(done)).toEqual(notice("undone"));
  expect(host.undone).toBe(1);
  expect(done.record).toBeNull();
});
