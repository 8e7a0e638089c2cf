/**
 * WpsSpreadsheetHost as a MarkingHost over the fake ET, beyond the host contract (test/adapters/contract.test.ts,
 * which runs both member styles of WPS builds): comments (Range.AddComment / Comment) and fills (Range.Interior)
 * restored exactly by undo, a protected sheet refused with nothing written, a workbook that refuses the record
 * keeping it in memory, and the ribbon's 标注问题.
 */
import { WpsSpreadsheetHost } from "../../../src/adapters/wps/WpsSpreadsheetHost";
import { MARKS_SHEET, UNDO_SHEET } from "../../../src/adapters/wps/undoSheet";
import { MARK_FILLS } from "../../../src/core/marks";
import { EtWorkbookModel, FakeEt, bgrOf } from "../../fakes/fakeEt";
import { FIXTURE_NAMES, etFixture, fresh } from "./etFixture";
import { failure, mark } from "../contract/hosts";
import { CONTROL, createRibbon } from "../../../src/wps/ribbon";
import { loadLastCommand } from "../../../src/app/settings";

/** Everything a mark could touch (cells with their fills, comments), the add-in's own sheets left out. */
function state(fake: FakeEt): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of fake.workbook?.sheets ?? []) {
    if (s.name === UNDO_SHEET || s.name === MARKS_SHEET) continue;
    for (const [k, c] of s.cells) out[`${s.name}#${k}`] = JSON.stringify(c);
    for (const [k, c] of s.comments) out[`${s.name}#${k}@comment`] = JSON.stringify(c);
  }
  out["#sheets"] = JSON.stringify((fake.workbook?.sheets ?? []).map((s) => s.name).filter((n) => n !== UNDO_SHEET && n !== MARKS_SHEET));
  return out;
}

// The per-fixture round trip (mark → read → clear → undo in both member styles, only fills and comments of marked
// cells change) is the host contract, run against every host: test/adapters/contract.test.ts.

function book(): EtWorkbookModel {
  const wb = new EtWorkbookModel("自评表.xlsx");
  const s = wb.addSheet("附件1");
  s.setA1("B2", { value: 100 }).setA1("C2", { formula: "=B2*2", value: 200, numberFormat: "0.00" });
  wb.addSheet("其他").setA1("A1", { value: "别动" });
  return wb;
}

describe("WpsSpreadsheetHost marks", () => {
  test("undo right after marking restores fills (pattern, tint) and comments exactly", async () => {
    const fake = new FakeEt(book());
    fake
      .sheet("附件1")
      .setA1("C2", { interior: { color: bgrOf("#FFFF00"), pattern: -4125, patternColor: bgrOf("#FF0000"), tintAndShade: 0.4 } });
    const before = state(fake);
    const host = new WpsSpreadsheetHost(fake.Application);
    await host.applyMarks({ marks: [mark("附件1", "B2"), mark("附件1", "C2", "warning")] });
    expect(fake.sheet("附件1").getA1("C2").interior).toMatchObject({ color: bgrOf(MARK_FILLS.warning), pattern: 1, tintAndShade: 0 });
    expect(fake.sheet("附件1").getA1("C2").formula).toBe("=B2*2");
    expect(await host.canUndo()).toBe(true);
    await host.undo();
    expect(state(fake)).toEqual(before);
    expect(await host.readMarks()).toEqual([]);
    expect(fake.workbook!.sheets.map((s) => s.name)).toEqual(["附件1", "其他"]);
  });

  test("a protected sheet: UserError, nothing written", async () => {
    const fake = new FakeEt(book());
    fake.sheet("其他").protected = true;
    const before = state(fake);
    const e = await failure(new WpsSpreadsheetHost(fake.Application).applyMarks({ marks: [mark("附件1", "B2"), mark("其他", "A1")] }));
    expect(e.code).toBe("protected");
    expect(state(fake)).toEqual(before);
    expect(fake.workbook!.sheets.map((s) => s.name)).toEqual(["附件1", "其他"]);
  });

  test("a fill the person gave a marked cell since is kept by 清除标注; the comment goes", async () => {
    const fake = new FakeEt(book());
    const host = new WpsSpreadsheetHost(fake.Application);
    await host.applyMarks({ marks: [mark("附件1", "B2")] });
    fake.sheet("附件1").fillCell("B2", "#92D050");
    expect(await host.clearMarks()).toBe(1);
    expect(fake.sheet("附件1").getA1("B2").interior?.color).toBe(bgrOf("#92D050"));
    expect(fake.sheet("附件1").comment("B2")).toBeUndefined();
  });

  test("a workbook whose structure is protected keeps the record and ledger in memory: mark, clear, undo still work", async () => {
    const wb = book();
    wb.protectStructure = true;
    const fake = new FakeEt(wb);
    fake.sheet("附件1").fillCell("B2", "#00B0F0");
    const before = state(fake);
    const host = new WpsSpreadsheetHost(fake.Application);
    await host.applyMarks({ marks: [mark("附件1", "B2")] });
    const after = state(fake);
    expect(await host.clearMarks()).toBe(1);
    expect(state(fake)).toEqual(before);
    await host.undo();
    expect(state(fake)).toEqual(after);
  });

  test("a bad plan or a missing sheet: UserError, nothing written", async () => {
    const fake = new FakeEt(book());
    const host = new WpsSpreadsheetHost(fake.Application);
    const before = state(fake);
    expect((await failure(host.applyMarks({ marks: [mark("不存在", "B2")] }))).code).toBe("sheet-missing");
    expect((await failure(host.applyMarks({ marks: [{ ...mark("附件1", "B2"), note: "随便" }] }))).code).toBe("bad-plan");
    expect((await failure(host.applyMarks({ marks: [mark(UNDO_SHEET, "A1")] }))).code).toBe("bad-plan");
    expect(state(fake)).toEqual(before);
  });
});

describe("WPS ribbon 标注问题", () => {
  function ribbonOver(fake: FakeEt, answer: boolean) {
    const kv = new Map<string, string>();
    const store = { getItem: (k: string) => kv.get(k) ?? null, setItem: (k: string, v: string) => void kv.set(k, v) };
    const alerts: string[] = [];
    const confirms: string[] = [];
    const ribbon = createRibbon({
      win: { Application: fake.Application, navigator: { language: "zh-CN" } },
      alert: (m) => void alerts.push(m),
      confirm: (m) => {
        confirms.push(m);
        return answer;
      },
      paneUrl: () => "file:///jsaddons/jixiao/index.html#pane",
      store,
      now: () => 1_700_000_000_000,
    });
    return { ribbon, alerts, confirms, store };
  }

  test("lists the cells first; 取消 writes nothing; OK marks them (synchronously), 撤销填写 takes them back", async () => {
    const { model } = await etFixture(FIXTURE_NAMES.find((n) => n.startsWith("project"))!);
    const fake = fresh(model);
    const before = state(fake);
    const no = ribbonOver(fake, false);
    expect(no.ribbon.OnAction({ Id: CONTROL.mark })).toBe(true);
    expect(no.confirms[0]).toMatch(/^将标注 \d+ 个单元格/);
    expect(state(fake)).toEqual(before);

    const ok = ribbonOver(fake, true);
    const result = ok.ribbon.OnAction({ Id: CONTROL.mark });
    expect(result).toBe(true); // a plain value, not a Promise: WPS ribbons need synchronous callbacks
    const n = Number(/^将标注 (\d+) 个单元格/.exec(ok.confirms[0])![1]);
    const marks = await new WpsSpreadsheetHost(fake.Application).readMarks();
    expect(marks).toHaveLength(n);
    expect(loadLastCommand(ok.store)).toMatchObject({ command: "mark", ok: true });
    expect(ok.alerts[0]).toContain(`标注 ${n} 个单元格`);
    expect(ok.ribbon.GetImage({ Id: CONTROL.mark })).toBe("assets/ribbon-mark.svg");
    ok.ribbon.OnAction({ Id: CONTROL.undo });
    expect(state(fake)).toEqual(before);
  });
});
