/**
 * ExcelHost as a MarkingHost (标注问题 / 清除标注) through the strict fake, beyond the host contract
 * (test/adapters/contract.test.ts): undo and a reopened pane restore exactly, a protected sheet writes nothing,
 * threaded comments where notes are missing, the page's marks cleared in Excel, syncs stay bounded.
 */
import { ExcelHost, type ExcelRun } from "../../../src/adapters/excel";
import { FILE_MARKS_NAMESPACE, MARKS_NAMESPACE } from "../../../src/adapters/sheet";
import { UNDO_NAMESPACE } from "../../../src/adapters/sheet";
import { MARK_AUTHOR, MARK_FILLS, type CellMark } from "../../../src/core/marks";
import { isUserError, type UserError } from "../../../src/core/errors";
import { FakeExcel } from "../../fakes/fakeExcel";
import { runMarkCommand } from "../../../src/commands/commands";
import { loadLastCommand, type KeyValueStore } from "../../../src/app/settings";
import { FIXTURE_NAMES, fixtureToFake } from "./fixtureFake";

function hostOf(fake: FakeExcel): ExcelHost {
  return new ExcelHost(fake.run as unknown as ExcelRun, fake.isSetSupported);
}

/** Everything a mark could touch, per sheet and cell, as comparable JSON. */
function state(fake: FakeExcel): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of fake.sheets) {
    for (const [k, c] of s.cells) out[`${s.name}#${k}`] = JSON.stringify(c);
    for (const [k, a] of s.annotations) out[`${s.name}#${k}@note`] = JSON.stringify(a);
  }
  return out;
}

async function failure(p: Promise<unknown>): Promise<UserError> {
  try {
    await p;
  } catch (e) {
    expect(isUserError(e)).toBe(true);
    return e as UserError;
  }
  throw new Error("expected a UserError");
}

// The per-fixture round trip (mark → read → clear → undo, only fills and notes of marked cells change) is the host
// contract, run against every host: test/adapters/contract.test.ts.

function smallFake(): FakeExcel {
  const fake = new FakeExcel();
  fake.excelApi = "1.18";
  const s = fake.addSheet("附件1");
  s.setA1("A1", { value: "项目" }).setA1("B2", { value: 100 }).setA1("C2", { formula: "=B2*2", value: 200, numberFormat: "0.00" });
  s.setA1("D2", { value: "1,000" });
  fake.addSheet("其他").setA1("A1", { value: "别动" });
  return fake;
}

function mark(sheet: string, cell: string, severity: "error" | "warning" = "error"): CellMark {
  return {
    sheet,
    cell,
    severity,
    codes: ["SCORE_MISMATCH"],
    note: `${MARK_AUTHOR}\n【${severity === "error" ? "错误" : "警告"}】分值合计不是 100 [SCORE_MISMATCH]`,
    fill: MARK_FILLS[severity],
  };
}

describe("ExcelHost marks", () => {
  test("undo after marking restores every fill and note exactly, the ledger too", async () => {
    const fake = smallFake();
    const s = fake.sheet("附件1")!;
    s.fillCell("C2", "#FFFF00", "Gray50");
    s.setA1("C2", { fill: { ...s.getA1("C2").fill!, patternColor: "#FF0000", tintAndShade: 0.4 } });
    const before = state(fake);
    const parts = JSON.stringify(fake.customXmlParts);
    const host = hostOf(fake);
    await host.applyMarks({ marks: [mark("附件1", "B2"), mark("附件1", "C2", "warning")] });
    expect(s.getA1("C2").fill).toMatchObject({ color: "#FFEB9C", pattern: "Solid", tintAndShade: 0 });
    expect(s.getA1("C2").formula).toBe("=B2*2");
    await host.undo();
    expect(state(fake)).toEqual(before);
    expect(JSON.stringify(fake.customXmlParts)).toBe(parts);
    expect(await host.readMarks()).toEqual([]);
  });

  test("the pane closed and reopened (a fresh host): the marks are found, cleared exactly, and the clear undone", async () => {
    const fake = smallFake();
    fake.sheet("附件1")!.fillCell("B2", "#00B0F0");
    const before = state(fake);
    await hostOf(fake).applyMarks({ marks: [mark("附件1", "B2"), mark("附件1", "C2", "warning")] });
    const marked = state(fake);
    const reopened = hostOf(fake);
    expect(await reopened.canUndo()).toBe(true);
    expect((await reopened.readMarks()).map((m) => [m.cell, m.severity])).toEqual([
      ["B2", "error"],
      ["C2", "warning"],
    ]);
    expect(await reopened.clearMarks()).toBe(2);
    expect(state(fake)).toEqual(before);
    await hostOf(fake).undo();
    expect(state(fake)).toEqual(marked);
  });

  test("marking a marked cell again keeps the fill from before the first mark for 清除标注", async () => {
    const fake = smallFake();
    fake.sheet("附件1")!.fillCell("B2", "#00B0F0");
    const before = state(fake);
    const host = hostOf(fake);
    await host.applyMarks({ marks: [mark("附件1", "B2", "warning")] });
    await host.applyMarks({ marks: [mark("附件1", "B2", "error")] });
    expect(fake.sheet("附件1")!.getA1("B2").fill?.color).toBe("#FFC7CE");
    expect((await host.readMarks()).map((m) => m.severity)).toEqual(["error"]);
    expect(await host.clearMarks()).toBe(1);
    expect(state(fake)).toEqual(before);
  });

  test("a fill the person gave a marked cell afterwards is kept by 清除标注 (the note still goes)", async () => {
    const fake = smallFake();
    const host = hostOf(fake);
    await host.applyMarks({ marks: [mark("附件1", "B2")] });
    fake.sheet("附件1")!.fillCell("B2", "#92D050");
    await host.clearMarks();
    expect(fake.sheet("附件1")!.getA1("B2").fill?.color).toBe("#92D050");
    expect(fake.sheet("附件1")!.annotation("B2")).toBeUndefined();
  });

  test("a protected sheet: UserError, nothing written (no fill, no note, no record)", async () => {
    const fake = smallFake();
    fake.sheet("其他")!.protected = true;
    const before = state(fake);
    const host = hostOf(fake);
    const e = await failure(host.applyMarks({ marks: [mark("附件1", "B2"), mark("其他", "A1")] }));
    expect(e.code).toBe("protected");
    expect(e.zh).toContain("其他");
    expect(state(fake)).toEqual(before);
    expect(fake.customXmlParts).toHaveLength(0);
  });

  test("clearing marks on a sheet protected since: UserError, nothing removed", async () => {
    const fake = smallFake();
    const host = hostOf(fake);
    await host.applyMarks({ marks: [mark("附件1", "B2")] });
    fake.sheet("附件1")!.protected = true;
    const marked = state(fake);
    expect((await failure(host.clearMarks())).code).toBe("protected");
    expect(state(fake)).toEqual(marked);
  });

  test("a missing sheet or a bad plan: UserError, nothing written", async () => {
    const fake = smallFake();
    const host = hostOf(fake);
    const before = state(fake);
    expect((await failure(host.applyMarks({ marks: [mark("不存在", "B2")] }))).code).toBe("sheet-missing");
    expect((await failure(host.applyMarks({ marks: [{ ...mark("附件1", "B2"), note: "随便写的" }] }))).code).toBe("bad-plan");
    expect((await failure(host.applyMarks({ marks: [{ ...mark("附件1", "B2"), cell: "B2:C3" }] }))).code).toBe("bad-plan");
    expect(state(fake)).toEqual(before);
  });

  test("syncs do not grow with the number of marks", async () => {
    const counts: number[] = [];
    for (const n of [2, 400]) {
      const fake = smallFake();
      fake.sheet("附件1")!.annotate("A1", "一位同事的批注");
      const host = hostOf(fake);
      const marks = Array.from({ length: n }, (_, i) => mark("附件1", `E${i + 1}`));
      await host.applyMarks({ marks });
      counts.push(fake.syncLog.length);
      const syncs = fake.syncCount;
      expect(await host.clearMarks()).toBe(n);
      expect(fake.syncCount - syncs).toBeLessThanOrEqual(6);
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBe(5);
  });

  test("threaded comments where notes are missing (ExcelApi 1.10–1.17); a person's comment is kept", async () => {
    const fake = smallFake();
    fake.excelApi = "1.13";
    fake.sheet("附件1")!.annotate("C2", "这里要改吗？", "comment");
    const before = state(fake);
    const host = hostOf(fake);
    await host.applyMarks({ marks: [mark("附件1", "B2"), mark("附件1", "C2")] });
    expect(fake.sheet("附件1")!.annotation("B2")).toMatchObject({ kind: "comment", author: "李四" });
    expect(fake.sheet("附件1")!.annotation("C2")).toEqual({ kind: "comment", content: "这里要改吗？", author: "张三" });
    expect((await host.readMarks()).map((m) => m.cell)).toEqual(["B2", "C2"]);
    expect(await host.clearMarks()).toBe(2);
    expect(state(fake)).toEqual(before);
  });

  test("with notes, a person's threaded comment on a cell is kept too (a cell holds one or the other)", async () => {
    const fake = smallFake();
    fake.sheet("附件1")!.annotate("C2", "@王五 这里对吗？", "comment");
    const before = state(fake);
    const host = hostOf(fake);
    await host.applyMarks({ marks: [mark("附件1", "B2"), mark("附件1", "C2")] });
    expect(fake.sheet("附件1")!.annotation("C2")).toEqual({ kind: "comment", content: "@王五 这里对吗？", author: "张三" });
    expect(fake.sheet("附件1")!.getA1("C2").fill?.color).toBe(`#${MARK_FILLS.error}`);
    expect(fake.sheet("附件1")!.annotation("B2")).toMatchObject({ kind: "note" });
    expect((await host.readMarks()).map((m) => m.cell)).toEqual(["B2", "C2"]);
    expect(await host.clearMarks()).toBe(2);
    expect(state(fake)).toEqual(before);
  });

  test("below ExcelApi 1.10 marking says it cannot, and writes nothing", async () => {
    const fake = smallFake();
    fake.excelApi = "1.9";
    const before = state(fake);
    const e = await failure(hostOf(fake).applyMarks({ marks: [mark("附件1", "B2")] }));
    expect(e.code).toBe("no-notes");
    expect(e.en).toContain("1.10");
    expect(state(fake)).toEqual(before);
  });

  test("a fill applied after marking is what undo takes back; undo parts never pile up", async () => {
    const fake = smallFake();
    const host = hostOf(fake);
    await host.applyMarks({ marks: [mark("附件1", "B2")] });
    await host.clearMarks();
    await host.applyMarks({ marks: [mark("附件1", "B2")] });
    expect(fake.customXmlParts.filter((p) => p.namespaceUri === UNDO_NAMESPACE)).toHaveLength(1);
    expect(fake.customXmlParts.filter((p) => p.namespaceUri === MARKS_NAMESPACE)).toHaveLength(1);
  });

  test("marks written by the standalone page (notes, mark fills, its record) are found and cleared in Excel", async () => {
    const fake = smallFake();
    const s = fake.sheet("附件1")!;
    const m = mark("附件1", "B2", "warning");
    s.annotate("B2", m.note, "note", "绩效自评助手");
    s.fillCell("B2", `#${m.fill}`);
    s.fillCell("C2", "#00B0F0"); // a person's colour, not a mark's
    fake.customXmlParts.push({
      id: "{FILE}",
      namespaceUri: FILE_MARKS_NAMESPACE,
      xml: `<marks xmlns="${FILE_MARKS_NAMESPACE}" version="1">{}</marks>`,
    });
    const host = hostOf(fake);
    const read = await host.readMarks();
    expect(read).toMatchObject([{ sheet: "附件1", cell: "B2", severity: "warning", codes: ["SCORE_MISMATCH"], fill: m.fill }]);
    expect(await host.clearMarks()).toBe(1);
    expect(s.getA1("B2").fill).toBeUndefined();
    expect(s.annotation("B2")).toBeUndefined();
    expect(s.getA1("C2").fill?.color).toBe("#00B0F0");
    expect(fake.customXmlParts.filter((p) => p.namespaceUri === FILE_MARKS_NAMESPACE)).toHaveLength(0);
  });

  test("ribbon 标注问题: the active sheet's findings marked, the outcome left for the pane; undo takes them back", async () => {
    const { fake } = await fixtureToFake(FIXTURE_NAMES.find((n) => n.startsWith("project"))!);
    fake.excelApi = "1.18";
    const kv = new Map<string, string>();
    const store: KeyValueStore = { getItem: (k) => kv.get(k) ?? null, setItem: (k, v) => void kv.set(k, v) };
    const before = state(fake);
    await runMarkCommand({ host: () => hostOf(fake), store, lang: "en", now: () => 1_700_000_000_000 });
    const last = loadLastCommand(store)!;
    expect(last).toMatchObject({ command: "mark", ok: true, at: 1_700_000_000_000 });
    const n = Number(/标注 (\d+) 个单元格/.exec(last.zh)?.[1]);
    expect(n).toBeGreaterThan(0);
    const marks = await hostOf(fake).readMarks();
    expect(marks).toHaveLength(n);
    expect(marks.some((m) => /\[(Error|Warning)\]/.test(m.note))).toBe(true); // the notes in the asked language
    await hostOf(fake).undo();
    expect(state(fake)).toEqual(before);

    fake.excelApi = "1.9";
    await runMarkCommand({ host: () => hostOf(fake), store });
    expect(loadLastCommand(store)).toMatchObject({ command: "mark", ok: false });
    expect(loadLastCommand(store)!.zh).toContain("ExcelApi 1.10");
  });
});

describe("the fake enforces what Office enforces for marks", () => {
  type Ctx = Excel.RequestContext;
  async function run(fake: FakeExcel, body: (ctx: Ctx) => Promise<void>): Promise<unknown> {
    try {
      await (fake.run as unknown as ExcelRun)(body);
      return null;
    } catch (e) {
      return (e as { code?: string }).code ?? e;
    }
  }

  test("a fill read before load and sync is refused; pattern needs ExcelApi 1.9", async () => {
    const fake = smallFake();
    fake.sheet("附件1")!.fillCell("B2", "#FFC7CE");
    expect(
      await run(fake, async (ctx) => {
        const f = ctx.workbook.worksheets.getItem("附件1").getRange("B2").format.fill;
        f.load("color");
        void f.color; // not synced yet
      }),
    ).toBe("PropertyNotLoaded");
    let color = "";
    await run(fake, async (ctx) => {
      const f = ctx.workbook.worksheets.getItem("附件1").getRange("B2").format.fill;
      f.load("color");
      await ctx.sync();
      color = f.color;
    });
    expect(color).toBe("#FFC7CE");
    fake.excelApi = "1.8";
    expect(
      await run(fake, async (ctx) => {
        ctx.workbook.worksheets.getItem("附件1").getRange("B2").format.fill.load("pattern");
        await ctx.sync();
      }),
    ).toBe("ApiNotFound");
  });

  test("notes need ExcelApi 1.18, one per cell, none on a protected sheet; nothing happens before sync", async () => {
    const fake = smallFake();
    fake.excelApi = "1.17";
    expect(
      await run(fake, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("附件1");
        ws.notes.add(ws.getRange("B2"), "x");
        await ctx.sync();
      }),
    ).toBe("ApiNotFound");
    expect(fake.sheet("附件1")!.annotations.size).toBe(0);
    fake.excelApi = "1.18";
    fake.sheet("附件1")!.annotate("B2", "同事的批注");
    expect(
      await run(fake, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("附件1");
        ws.notes.add(ws.getRange("B2"), "x");
        await ctx.sync();
      }),
    ).toBe("InvalidArgument");
    fake.sheet("附件1")!.protected = true;
    expect(
      await run(fake, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("附件1");
        ws.notes.add(ws.getRange("C3"), "x");
        ws.getRange("C3").format.fill.color = "#FFC7CE";
        await ctx.sync();
      }),
    ).toBe("AccessDenied");
    expect(fake.sheet("附件1")!.annotation("C3")).toBeUndefined();
    expect(fake.sheet("附件1")!.getA1("C3").fill).toBeUndefined();
  });
});
