/**
 * WpsSpreadsheetHost.applyPlan / undo / selectCell over the fake ET: all or nothing, locked cells on protected
 * sheets refused before anything is written, the undo record kept in the workbook (a very hidden, protected sheet)
 * and read back by a fresh host, text that looks like a number put back as text, and a failing write undone.
 */
import { isUserError } from "../../../src/core/errors";
import type { CellChange, FillPlan } from "../../../src/core/plan";
import { WpsSpreadsheetHost } from "../../../src/adapters/wps/WpsSpreadsheetHost";
import { CHUNK } from "../../../src/adapters/wps/undoSheet";
import { EtWorkbookModel, FakeEt, type MemberStyle } from "../../fakes/fakeEt";
import { dumpCells } from "./etFixture";

function change(cell: string, after: CellChange["after"], sheet = "附件3-1"): CellChange {
  return {
    sheet,
    cell,
    kind: after.formula ? "formula" : "number",
    before: { value: null, formula: null, numberFormat: null },
    after,
    expected: null,
    reason: "测试",
    reasonEn: "test",
  };
}

function book(): EtWorkbookModel {
  const wb = new EtWorkbookModel("自评表.xlsx");
  const s = wb.addSheet("附件3-1");
  s.setA1("D6", { value: 3386.925 }).setA1("E6", { value: 3416.022 });
  s.setA1("G6", { value: 1.05 }); // a typed rate
  s.setA1("H6", { value: "12", numberFormat: "@" }); // text in a Text cell
  s.setA1("H7", { value: "2020-1-1" }); // text that Excel would turn into a date
  s.setA1("H8", { value: "\u3000 12.5" });
  s.setA1("H9", { value: { error: "#N/A" } });
  wb.addSheet("说明").setA1("A1", { value: "填表说明" });
  return wb;
}

const PLAN: FillPlan = {
  changes: [
    change("G6", { formula: '=IFERROR(E6/D6,"")', numberFormat: "0.00%" }),
    change("H6", { formula: "=ROUND(G6*10,2)" }),
    change("H7", { formula: "=1+1" }),
    change("H8", { value: 12.5 }),
    change("H9", { formula: "=D6" }),
    change("H10", { value: "达成" }),
  ],
};

async function rejected(p: Promise<unknown>): Promise<{ code: string; zh: string; en: string }> {
  const e = await p.then(
    () => null,
    (x) => x,
  );
  expect(isUserError(e)).toBe(true);
  return e;
}

describe.each(["property", "method"] as MemberStyle[])("apply and undo (%s build)", (members) => {
  test("writes the plan; a fresh host undoes it exactly, text stays text, the Text format comes back", async () => {
    const fake = new FakeEt(book(), { members });
    const before = dumpCells(fake);
    const host = new WpsSpreadsheetHost(fake.Application);
    await host.applyPlan(PLAN);
    const s = fake.sheet("附件3-1");
    expect(s.getA1("G6")).toMatchObject({ formula: '=IFERROR(E6/D6,"")', numberFormat: "0.00%" });
    expect(s.getA1("H6")).toMatchObject({ formula: "=ROUND(G6*10,2)", numberFormat: "General" });
    expect(s.getA1("H8")).toMatchObject({ value: 12.5, formula: null });
    expect(s.getA1("H10")).toMatchObject({ value: "达成", formula: null });
    expect(fake.workbook!.sheets[fake.workbook!.active].name).toBe("附件3-1");
    const again = new WpsSpreadsheetHost(fake.Application);
    expect(await again.canUndo()).toBe(true);
    await again.undo();
    expect(dumpCells(fake)).toEqual(before);
    expect(s.getA1("H6")).toMatchObject({ value: "12", numberFormat: "@" });
    expect(s.getA1("H7").value).toBe("2020-1-1");
    expect(s.getA1("H9").value).toEqual({ error: "#N/A" });
    expect(await again.canUndo()).toBe(false);
    const e = await rejected(again.undo());
    expect(e.code).toBe("no-undo");
  });

  test("a locked cell on a protected sheet: refused before anything is written, the cells named", async () => {
    const wb = book();
    wb.sheet("附件3-1")!.protected = true;
    const fake = new FakeEt(wb, { members });
    const before = dumpCells(fake);
    const e = await rejected(new WpsSpreadsheetHost(fake.Application).applyPlan(PLAN));
    expect(e.code).toBe("protected");
    expect(e.zh).toContain("G6");
    expect(e.zh).toContain("未写入任何单元格");
    expect(e.en).toContain("nothing was written");
    expect(dumpCells(fake)).toEqual(before);
    expect(fake.workbook!.sheet("jixiao_undo")).toBeUndefined();
  });

  test("a protected sheet whose target cells are unlocked is written and undone; it stays protected", async () => {
    const wb = book();
    const s = wb.sheet("附件3-1")!;
    for (const c of PLAN.changes) s.setA1(c.cell, { locked: false });
    s.protected = true;
    const fake = new FakeEt(wb, { members });
    const before = dumpCells(fake);
    const host = new WpsSpreadsheetHost(fake.Application);
    await host.applyPlan(PLAN);
    expect(s.getA1("G6").formula).toBe('=IFERROR(E6/D6,"")');
    await host.undo();
    expect(dumpCells(fake)).toEqual(before);
    expect(s.protected).toBe(true);
  });

  test("a write that fails halfway: the cells written are put back, no record is left, a clear message", async () => {
    // how many cell writes the whole apply makes (the undo record's, then the plan's)
    const twin = new FakeEt(book(), { members });
    await new WpsSpreadsheetHost(twin.Application).applyPlan(PLAN);
    const total = twin.stats.cellsWritten;
    const fake = new FakeEt(book(), { members });
    const before = dumpCells(fake);
    const host = new WpsSpreadsheetHost(fake.Application);
    // fail three writes before the end: in the middle of the plan's writes
    fake.failAfterWrites = total - 3;
    const e = await rejected(host.applyPlan(PLAN));
    expect(e.code).toBe("wps-api");
    expect(e.zh).toContain("写入填写结果失败");
    expect(dumpCells(fake)).toEqual(before);
    expect(fake.workbook!.sheet("jixiao_undo")).toBeUndefined();
    expect(await host.canUndo()).toBe(false);
    expect(fake.screenUpdating).toBe(true);
  });

  test("the workbook's structure is protected: the record stays in memory while the pane is open", async () => {
    const wb = book();
    wb.protectStructure = true;
    const fake = new FakeEt(wb, { members });
    const before = dumpCells(fake);
    const host = new WpsSpreadsheetHost(fake.Application);
    await host.applyPlan(PLAN);
    expect(host.lastStats?.undoIn).toBe("memory");
    expect(await new WpsSpreadsheetHost(fake.Application).canUndo()).toBe(false);
    expect(await host.canUndo()).toBe(true);
    await host.undo();
    expect(dumpCells(fake)).toEqual(before);
  });

  test("a second fill replaces the record: undo takes back the second", async () => {
    const fake = new FakeEt(book(), { members });
    const host = new WpsSpreadsheetHost(fake.Application);
    await host.applyPlan({ changes: [change("G6", { formula: "=1" })] });
    const afterFirst = dumpCells(fake);
    await host.applyPlan({ changes: [change("G6", { formula: "=2" }), change("I1", { value: "x" })] });
    await host.undo();
    expect(dumpCells(fake)).toEqual(afterFirst);
    expect(await host.canUndo()).toBe(false);
  });

  test("a long record is kept in several chunks", async () => {
    const wb = book();
    const long = "长".repeat(CHUNK * 2 + 17);
    wb.sheet("附件3-1")!.setA1("J1", { value: long });
    const fake = new FakeEt(wb, { members });
    const before = dumpCells(fake);
    await new WpsSpreadsheetHost(fake.Application).applyPlan({ changes: [change("J1", { formula: "=1" })] });
    expect(fake.workbook!.sheet("jixiao_undo")!.getA1("A2").value).toBe("~3");
    await new WpsSpreadsheetHost(fake.Application).undo();
    expect(dumpCells(fake)).toEqual(before);
  });

  test("a damaged record is refused, the workbook untouched", async () => {
    const fake = new FakeEt(book(), { members });
    await new WpsSpreadsheetHost(fake.Application).applyPlan(PLAN);
    fake.workbook!.sheet("jixiao_undo")!.setA1("A3", { value: "~{broken" });
    const after = dumpCells(fake);
    const e = await rejected(new WpsSpreadsheetHost(fake.Application).undo());
    expect(e.code).toBe("undo-damaged");
    expect(dumpCells(fake)).toEqual(after);
  });

  test("a plan naming a missing sheet, a bad address or the undo sheet is refused; nothing written", async () => {
    const fake = new FakeEt(book(), { members });
    const before = dumpCells(fake);
    const host = new WpsSpreadsheetHost(fake.Application);
    expect((await rejected(host.applyPlan({ changes: [change("A1", { value: 1 }, "不存在")] }))).code).toBe("sheet-missing");
    expect((await rejected(host.applyPlan({ changes: [change("A1:B2", { value: 1 })] }))).code).toBe("bad-plan");
    expect((await rejected(host.applyPlan({ changes: [change("A1", { formula: "SUM(A1)" })] }))).code).toBe("bad-plan");
    expect((await rejected(host.applyPlan({ changes: [change("A1", { value: 1 }, "jixiao_undo")] }))).code).toBe("bad-plan");
    expect(dumpCells(fake)).toEqual(before);
  });

  test("selectCell activates the sheet and selects the cell", async () => {
    const fake = new FakeEt(book(), { members });
    const host = new WpsSpreadsheetHost(fake.Application);
    await host.selectCell("说明", "$A$1");
    expect(fake.selection).toEqual({ sheet: "说明", address: "A1" });
    expect(fake.workbook!.sheets[fake.workbook!.active].name).toBe("说明");
    expect((await rejected(host.selectCell("说明", "not a cell"))).code).toBe("bad-address");
    expect((await rejected(host.selectCell("不存在", "A1"))).code).toBe("sheet-missing");
  });
});

test("no crypto.randomUUID needed (some WPS WebViews lack it)", async () => {
  const c = globalThis.crypto as { randomUUID?: unknown } | undefined;
  const saved = c?.randomUUID;
  if (c) Object.defineProperty(c, "randomUUID", { value: undefined, configurable: true, writable: true });
  try {
    const fake = new FakeEt(book());
    const host = new WpsSpreadsheetHost(fake.Application);
    await host.applyPlan(PLAN);
    await host.applyPlan({ changes: [change("G6", { formula: "=3" })] });
    expect(await host.canUndo()).toBe(true);
  } finally {
    if (c) Object.defineProperty(c, "randomUUID", { value: saved, configurable: true, writable: true });
  }
});
