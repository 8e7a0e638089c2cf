/**
 * The shared read → analyse → apply path (pane and ribbon commands), and the ribbon commands themselves over
 * ExcelHost on the strict fake Excel (test/fakes) loaded with the shared fixtures.
 */
import { ExcelHost, type ExcelRun } from "../../src/adapters/excel";
import { UserError } from "../../src/core/errors";
import type { WorkbookAnalysis } from "../../src/core/analysis";
import type { FillPlan } from "../../src/core/plan";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { runCheckCommand, runFillCommand } from "../../src/commands/commands";
import { loadLastCommand, saveProfile, type KeyValueStore } from "../../src/app/settings";
import { combinedPlan, describeCheck, fill, summarize, check } from "../../src/app/commands";
import { toUserError } from "../../src/core/messages";
import { FakeExcel } from "../fakes/fakeExcel";
import { FIXTURE_NAMES, fixtureToFake } from "../adapters/excel/fixtureFake";
import { idleSpreadsheetHost } from "../support/stubHosts";

class MemoryStore implements KeyValueStore {
  map = new Map<string, string>();
  getItem(k: string) {
    return this.map.has(k) ? this.map.get(k)! : null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
}

function hostOf(fake: FakeExcel): ExcelHost {
  return new ExcelHost(fake.run as unknown as ExcelRun, fake.isSetSupported);
}

describe("toUserError", () => {
  test("passes UserErrors through and wraps anything else without a stack trace", () => {
    const u = new UserError("甲", "A", "x");
    expect(toUserError(u)).toBe(u);
    const e = new TypeError("Cannot read properties of undefined (reading 'x')\n    at foo (bar.js:1:1)");
    const w = toUserError(e);
    expect(w.code).toBe("unexpected");
    expect(w.zh).toContain("处理时出错");
    expect(w.zh).not.toContain("bar.js");
    expect(w.en).toContain("Something went wrong");
    expect(toUserError(undefined).zh).toContain("未被修改");
  });
});

describe("combinedPlan", () => {
  test("keeps sheet order and writes a cell two tables touch once", () => {
    const ch = (sheet: string, cell: string) => ({
      sheet,
      cell,
      kind: "formula" as const,
      before: { value: null, formula: null, numberFormat: null },
      after: { formula: "=1" },
      expected: 1,
      reason: "",
      reasonEn: "",
    });
    const a = {
      profile: "default",
      sheets: [
        {
          sheet: "A",
          reason: null,
          tables: [{ plan: { changes: [ch("A", "B2"), ch("A", "C3")] } }, { plan: { changes: [ch("A", "b2")] } }],
        },
        { sheet: "B", reason: null, tables: [{ plan: { changes: [ch("B", "B2")] } }] },
      ],
    } as unknown as WorkbookAnalysis;
    expect(combinedPlan(a).changes.map((c) => `${c.sheet}!${c.cell}`)).toEqual(["A!B2", "A!C3", "B!B2"]);
  });
});

describe("check / fill through a host", () => {
  test("an empty workbook is a UserError, not an exception from the engine", async () => {
    const host = idleSpreadsheetHost({ kind: "file", displayName: "x" });
    await expect(check(host, { profile: "default", scope: "all" })).rejects.toMatchObject({ code: "no-sheets" });
  });

  test("a sheet with no table: no plan, nothing written", async () => {
    const snap: SheetSnapshot = { name: "填表说明", origin: { row: 1, col: 1 }, values: [["请按要求填写"]], merges: null };
    const applied: FillPlan[] = [];
    const host = idleSpreadsheetHost({
      kind: "file",
      displayName: "x",
      readSheets: async () => [snap],
      applyPlan: async (p) => void applied.push(p),
    });
    const { analysis, plan } = await fill(host, { profile: "default", scope: "all" });
    expect(analysis.sheets[0].tables).toHaveLength(0);
    expect(analysis.sheets[0].reason).toBeTruthy();
    expect(plan.changes).toHaveLength(0);
    expect(applied).toHaveLength(0);
    expect(describeCheck(summarize(analysis)).zh).toBe("未识别到绩效自评表。");
  });
});

describe.each(FIXTURE_NAMES)("ribbon commands over ExcelHost + fake Excel · %s", (name) => {
  test("检查 selects the first cell at fault and leaves a summary; 填充公式 writes the plan, undoable", async () => {
    const { fake } = await fixtureToFake(name);
    const store = new MemoryStore();
    saveProfile("default", store);
    const before = JSON.stringify(fake.sheets.map((s) => [...s.cells.entries()]));

    await runCheckCommand({ host: () => hostOf(fake), store, now: () => 1_700_000_000_000 });
    const last = loadLastCommand(store)!;
    expect(last.command).toBe("check");
    expect(last.at).toBe(1_700_000_000_000);
    expect(last.zh).toMatch(/识别到 \d+ 张自评表/);
    const { analysis } = await check(hostOf(fake), { profile: "default", scope: "active" });
    const s = summarize(analysis);
    expect(last.ok).toBe(s.bySeverity.error === 0);
    if (s.firstCell) {
      expect(fake.selection?.address.replace(/^.*!/, "").replace(/\$/g, "")).toBe(s.firstCell.cell);
    }
    // 检查 wrote nothing.
    expect(JSON.stringify(fake.sheets.map((x) => [...x.cells.entries()]))).toBe(before);

    const plan = combinedPlan(analysis);
    await runFillCommand({ host: () => hostOf(fake), store });
    const filled = loadLastCommand(store)!;
    expect(filled.command).toBe("fill");
    expect(filled.ok).toBe(true);
    expect(filled.zh).toContain(`已写入 ${plan.changes.length} 处`);
    for (const c of plan.changes) {
      if (c.after.formula) expect(fake.sheet(c.sheet)!.getA1(c.cell).formula).toBe(c.after.formula);
    }
    // The undo record lives in the workbook: a new ExcelHost (the pane, later) can take the fill back.
    const pane = hostOf(fake);
    expect(await pane.canUndo()).toBe(true);
    await pane.undo();
    expect(JSON.stringify(fake.sheets.map((x) => [...x.cells.entries()]))).toBe(before);
  });
});

test("a failing command stores the reason in both languages instead of throwing", async () => {
  const store = new MemoryStore();
  const fake = new FakeExcel();
  fake.addSheet("Sheet1");
  fake.enterCellEditMode();
  await expect(runFillCommand({ host: () => hostOf(fake), store })).resolves.toBeUndefined();
  const last = loadLastCommand(store)!;
  expect(last.ok).toBe(false);
  expect(last.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(last.en).toMatch(/[a-z]/i);
  await expect(
    runCheckCommand({
      host: () => {
        throw new Error("boom");
      },
      store,
    }),
  ).resolves.toBeUndefined();
  expect(loadLastCommand(store)).toMatchObject({ command: "check", ok: false });
});
