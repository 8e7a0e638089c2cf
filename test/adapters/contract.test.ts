/**
 * One contract for every spreadsheet host — FileHost over the fixture's .xlsx, ExcelHost over the Office.js fake,
 * WpsSpreadsheetHost over the ET fake in both member styles — instead of a copy per host: a fill is taken back cell
 * for cell; marks change only fills and notes of the marked cells, a person's note and fill are kept, 清除标注 and undo
 * restore exactly, also from a reopened pane; a missing sheet is refused with nothing written. Where a fake lets the
 * test look past the port, it checks every cell; where a host counts its round trips, it holds them to their budget.
 */
import type { CellChange } from "../../src/core/plan";
import { analyzeWorkbook } from "../../src/core";
import { isOwnNote, markPlan, type MarkPlan } from "../../src/core/marks";
import { combinedPlan } from "../../src/app/commands/tables";
import { fixtureNames } from "../support/fixtures";
import { comparable } from "./wps/etFixture";
import { HOSTS, failure, mark, type Host } from "./contract/hosts";

function change(sheet: string, cell: string, after: CellChange["after"]): CellChange {
  return {
    sheet,
    cell,
    kind: "number",
    before: { value: null, formula: null, numberFormat: null },
    after,
    expected: null,
    reason: "测试",
    reasonEn: "test",
  };
}

/** The findings' marks; a table without errors or warnings: its notes (提示), or else one made-up mark. */
async function planFor(host: Host): Promise<MarkPlan> {
  const snaps = await host.readSheets("all");
  const analysis = analyzeWorkbook(snaps);
  let plan = markPlan(analysis);
  if (plan.marks.length === 0) plan = markPlan(analysis, { includeInfo: true });
  if (plan.marks.length === 0) plan = { marks: [mark(snaps[0].name, "B3", "warning")] };
  return plan;
}

const FIXTURE_NAMES = fixtureNames();
const where = (m: { sheet: string; cell: string }) => `${m.sheet}!${m.cell}`;

describe.each(HOSTS.map((h) => [h.name, h] as const))("%s", (_name, hut) => {
  describe.each(FIXTURE_NAMES)("%s", (fixture) => {
    test("fill → undo: every cell as it was", async () => {
      const { host } = await hut.open(fixture);
      const snaps = await host.readSheets("all");
      const before = comparable(snaps);
      let plan = combinedPlan(analyzeWorkbook(snaps));
      if (plan.changes.length === 0) plan = { changes: [change(snaps[0].name, "Z99", { value: 1 })] };
      expect(await host.canUndo()).toBe(false);
      await host.applyPlan(plan);
      expect(comparable(await host.readSheets("all"))).not.toEqual(before);
      expect(await host.canUndo()).toBe(true);
      await host.undo();
      expect(comparable(await host.readSheets("all"))).toEqual(before);
      expect(await host.canUndo()).toBe(false);
    });

    test("mark → read → clear → undo the clear → clear again: only fills and notes of marked cells change", async () => {
      const { host, look, reopen, syncs } = await hut.open(fixture);
      const plan = await planFor(host);
      const values = comparable(await host.readSheets("all"));
      // A person's note on the first marked cell, a person's fill on the second and on a cell nobody marks.
      const first = plan.marks[0];
      const second = plan.marks[1] ?? first;
      look?.annotate(first.sheet, first.cell, "请财务科核对（张三）");
      look?.fillCell(second.sheet, second.cell, "#00B0F0");
      look?.fillCell(...look.elsewhere, "#92D050");
      const before = look?.state();
      const stored = look?.stored();

      await host.applyMarks(plan);
      if (syncs) expect(syncs(host)).toBeLessThanOrEqual(5);
      const after = look?.state();
      if (look && before && after) {
        const marked = new Set(plan.marks.map((m) => `${look.sheetName(m.sheet)}!${m.cell}`));
        // values, formulas and number formats never change
        for (const k of Object.keys(after))
          if (!k.endsWith("@note") && k !== "#sheets") expect(look.content(after[k])).toEqual(look.content(before[k]));
        // nothing but the marked cells changes
        const changed = Object.keys({ ...before, ...after }).filter((k) => after[k] !== before[k]);
        expect(changed.length).toBeGreaterThan(0);
        for (const k of changed) expect(marked.has(look.cellOf(k))).toBe(true);
        expect(after["#sheets"]).toBe(before["#sheets"]);
        for (const m of plan.marks) {
          expect(look.fillOf(m.sheet, m.cell)).toBe(`#${m.fill}`);
          const note = look.noteOf(m.sheet, m.cell);
          if (m === first) expect(note).toEqual({ text: "请财务科核对（张三）", author: "张三" });
          else {
            expect(note?.text).toBe(m.note);
            expect(isOwnNote(note?.text)).toBe(true);
          }
        }
      }
      expect(comparable(await host.readSheets("all"))).toEqual(values);

      // the pane closed and reopened (where the workbook outlives the host): the marks are found and cleared exactly
      const again = reopen ? reopen() : host;
      const read = await again.readMarks();
      if (syncs) expect(syncs(again)).toBeLessThanOrEqual(3);
      expect(read.map(where).sort()).toEqual(plan.marks.map(where).sort());
      for (const m of read) {
        const p = plan.marks.find((x) => x.sheet === m.sheet && x.cell === m.cell)!;
        expect(m.severity).toBe(p.severity);
        expect(m.codes).toEqual(p.codes);
        expect(m.fill).toBe(p.fill);
      }
      expect(await again.clearMarks()).toBe(plan.marks.length);
      if (syncs) expect(syncs(again)).toBeLessThanOrEqual(6);
      if (look) {
        expect(look.state()).toEqual(before); // exactly as before: the person's fill and note too
        expect(look.noLedger()).toBe(true);
      }
      expect(await again.readMarks()).toEqual([]);

      // undo takes back the clear: the marks are there again
      expect(await again.canUndo()).toBe(true);
      await again.undo();
      if (look) expect(look.state()).toEqual(after);
      expect((await again.readMarks()).map(where).sort()).toEqual(plan.marks.map(where).sort());
      expect(await again.canUndo()).toBe(hut.undo === "history");
      // …and clearing again still restores the fills from before the first mark
      expect(await again.clearMarks()).toBe(plan.marks.length);
      if (look) {
        expect(look.state()).toEqual(before);
        expect(look.stored()).toBe((stored as number) + 1); // the clear's undo record
      }
      expect(comparable(await again.readSheets("all"))).toEqual(values);
    });
  });

  test("a missing sheet: the fill and the marks are refused, nothing written", async () => {
    const { host, look } = await hut.open(FIXTURE_NAMES[0]);
    const before = comparable(await host.readSheets("all"));
    const state = look?.state();
    for (const refused of [
      await failure(host.applyPlan({ changes: [change("无此表", "A1", { value: 1 })] })),
      await failure(host.applyMarks({ marks: [mark("无此表", "A1")] })),
    ]) {
      // every host says it the same way: the code scripts match is "sheet-missing"
      expect(refused.code).toBe("sheet-missing");
      expect(refused.zh).toContain("无此表");
    }
    expect(comparable(await host.readSheets("all"))).toEqual(before);
    if (look) expect(look.state()).toEqual(state);
    expect(await host.canUndo()).toBe(false);
  });
});
