/** ExcelHost.applyPlan / canUndo / undo / selectCell through the strict fake. */
import fc from "fast-check";
import { ExcelHost, type ExcelRun } from "../../../src/adapters/excel";
import { constantInput } from "../../../src/adapters/sheet";
import { UNDO_NAMESPACE, undoRecordFromXml, undoRecordToXml, type UndoRecord } from "../../../src/adapters/sheet";
import type { CellChange, FillPlan } from "../../../src/core/plan";
import { isUserError, type UserError } from "../../../src/core/errors";
import { FakeExcel, parseTyped, type FakeCell } from "../../fakes/fakeExcel";

function hostOf(fake: FakeExcel): ExcelHost {
  return new ExcelHost(fake.run as unknown as ExcelRun, fake.isSetSupported);
}

function change(sheet: string, cell: string, after: CellChange["after"], kind: CellChange["kind"] = "formula"): CellChange {
  return {
    sheet,
    cell,
    kind,
    before: { value: null, formula: null, numberFormat: null },
    after,
    expected: null,
    reason: "测试",
    reasonEn: "test",
  };
}

/** A table with awkward content: text that looks like numbers, markup characters, a formula, formats. */
function tableFake(): FakeExcel {
  const fake = new FakeExcel();
  const s = fake.addSheet("附件3-1");
  s.setA1("B2", { value: "项目名称" })
    .setA1("D6", { value: 1000 })
    .setA1("E6", { value: "　1008.6　" }) // a number stored as text, with full-width spaces
    .setA1("F6", { value: 0.9915, numberFormat: "0.00%" }) // an upside-down rate typed by hand
    .setA1("G6", { value: "100", numberFormat: "@" }) // text "100" in a Text cell
    .setA1("H6", { value: "<a & b>]]>\"'" })
    .setA1("I6", { formula: "=SUM(D6:E6)", value: 1000, numberFormat: "#,##0.00" })
    .setA1("J6", { value: "TRUE" }) // the text TRUE, not a boolean
    .setA1("K6", { value: "2020年1月" })
    .setA1("L6", { value: true })
    .setA1("M6", { value: "😀 \u000b tab\tnew\nline" });
  fake.addSheet("其他").setA1("A1", { value: "别动" });
  return fake;
}

const PLAN: FillPlan = {
  changes: [
    change("附件3-1", "F6", { formula: "=E6/D6", numberFormat: "0.00%" }),
    change("附件3-1", "E6", { value: 1008.6 }, "number"),
    change("附件3-1", "G6", { value: 10 }, "score"),
    change("附件3-1", "H6", { formula: "=D6*2" }),
    change("附件3-1", "I6", { numberFormat: "0.00" }, "format"),
    change("附件3-1", "J6", { value: "已填" }, "score"),
    change("附件3-1", "K6", { formula: "=1+1" }),
    change("附件3-1", "L6", { value: null }, "score"),
    change("附件3-1", "M6", { value: 3 }, "score"),
    change("附件3-1", "N6", { formula: "=M6", numberFormat: "0.0" }), // an empty cell
  ],
};

/** Every cell's content. A formula cell's value is its computed result, which the fake does not calculate: left out. */
function dump(fake: FakeExcel): Record<string, FakeCell> {
  const out: Record<string, FakeCell> = {};
  for (const s of fake.sheets) {
    for (const [k, c] of s.cells) out[`${s.name}#${k}`] = c.formula !== null ? { ...c, value: "(computed)" } : { ...c };
  }
  return out;
}

async function failure(p: Promise<unknown>): Promise<UserError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!isUserError(e)) throw new Error(`expected a UserError, got ${String(e)}`);
  return e as UserError;
}

describe("applyPlan", () => {
  it("stores the undo record first, then writes every change in ONE sync", async () => {
    const fake = tableFake();
    const host = hostOf(fake);
    const from = fake.syncCount;
    await host.applyPlan(PLAN);
    const log = fake.syncLog.slice(from);
    expect(host.lastStats?.syncs).toBe(4);
    expect(log).toHaveLength(4);
    const writing = log.filter((s) => s.cellsWritten > 0);
    expect(writing).toHaveLength(1);
    expect(log.indexOf(writing[0])).toBe(3); // after the record (3rd sync)
    const s = fake.sheet("附件3-1")!;
    expect(s.getA1("F6")).toEqual({ value: null, formula: "=E6/D6", numberFormat: "0.00%" });
    expect(s.getA1("E6")).toMatchObject({ value: 1008.6, formula: null });
    expect(s.getA1("G6").value).toBe(10);
    expect(s.getA1("H6").formula).toBe("=D6*2");
    expect(s.getA1("I6")).toEqual({ value: 1000, formula: "=SUM(D6:E6)", numberFormat: "0.00" });
    expect(s.getA1("J6").value).toBe("已填");
    expect(s.getA1("L6").value).toBeNull();
    expect(s.getA1("N6")).toEqual({ value: null, formula: "=M6", numberFormat: "0.0" });
    expect(fake.customXmlParts).toHaveLength(1);
    expect(fake.customXmlParts[0].namespaceUri).toBe(UNDO_NAMESPACE);
    expect(await host.canUndo()).toBe(true);
  });

  it("never writes a cell that is not in the plan", async () => {
    const fake = tableFake();
    const before = dump(fake);
    await hostOf(fake).applyPlan(PLAN);
    const after = dump(fake);
    const planned = new Set(PLAN.changes.map((c) => c.cell));
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const k of keys) {
      const [sheet, n] = k.split("#");
      const idx = Number(n);
      const addr = `${String.fromCharCode(65 + (idx % 16384))}${Math.floor(idx / 16384) + 1}`;
      if (sheet === "附件3-1" && planned.has(addr)) continue;
      expect({ k, cell: after[k] }).toEqual({ k, cell: before[k] });
    }
  });

  it("undo restores every cell exactly (formulas, values, text that looks like numbers, formats) and drops the record", async () => {
    const fake = tableFake();
    const before = dump(fake);
    const host = hostOf(fake);
    await host.applyPlan(PLAN);
    expect(dump(fake)).not.toEqual(before);
    const from = fake.syncCount;
    await host.undo();
    expect(fake.syncCount - from).toBe(4); // constant, not per cell
    expect(fake.syncLog.slice(from).filter((s) => s.cellsWritten > 0)).toHaveLength(1);
    expect(dump(fake)).toEqual(before);
    expect(fake.customXmlParts).toHaveLength(0);
    expect(await host.canUndo()).toBe(false);
    await expect(host.undo()).rejects.toMatchObject({ code: "no-undo" });
  });

  it("undo survives a new pane: a new ExcelHost on the same workbook", async () => {
    const fake = tableFake();
    const before = dump(fake);
    await hostOf(fake).applyPlan(PLAN);
    const reopened = hostOf(fake);
    expect(await reopened.canUndo()).toBe(true);
    await reopened.undo();
    expect(dump(fake)).toEqual(before);
  });

  it("a second fill replaces the record: undo goes back to the state after the first fill", async () => {
    const fake = tableFake();
    const host = hostOf(fake);
    await host.applyPlan({ changes: [change("附件3-1", "F6", { formula: "=E6/D6", numberFormat: "0.00%" })] });
    const afterFirst = dump(fake);
    await host.applyPlan({ changes: [change("附件3-1", "F6", { value: 1 }), change("附件3-1", "D6", { value: 2 })] });
    expect(fake.customXmlParts).toHaveLength(1);
    await host.undo();
    expect(dump(fake)).toEqual(afterFirst);
  });

  it("protected sheet → UserError (受保护 / protected), nothing written, no record", async () => {
    const fake = tableFake();
    fake.sheet("附件3-1")!.protected = true;
    const before = dump(fake);
    const e = await failure(hostOf(fake).applyPlan(PLAN));
    expect(e.code).toBe("protected");
    expect(e.zh).toMatch(/受保护/);
    expect(e.en).toMatch(/protected/);
    expect(dump(fake)).toEqual(before);
    expect(fake.customXmlParts).toHaveLength(0);
    expect(fake.syncLog.every((s) => s.cellsWritten === 0)).toBe(true);
  });

  it("cell-edit mode when the write runs → UserError, nothing written, no leftover undo record", async () => {
    const fake = tableFake();
    const before = dump(fake);
    fake.enterCellEditMode({ onSync: fake.syncCount + 4 }); // the write sync
    const host = hostOf(fake);
    const e = await failure(host.applyPlan(PLAN));
    expect(e.code).toBe("cell-edit");
    expect(e.zh).toMatch(/编辑/);
    expect(dump(fake)).toEqual(before);
    expect(fake.customXmlParts).toHaveLength(0);
    expect(await host.canUndo()).toBe(false);
  });

  it("cell-edit mode from the start → UserError, nothing touched", async () => {
    const fake = tableFake();
    const before = dump(fake);
    fake.enterCellEditMode();
    const e = await failure(hostOf(fake).applyPlan(PLAN));
    expect(e.code).toBe("cell-edit");
    expect(dump(fake)).toEqual(before);
    expect(fake.customXmlParts).toHaveLength(0);
  });

  it("an API error part way through the write: the cells already written are put back, the record dropped", async () => {
    const fake = tableFake();
    const before = dump(fake);
    fake.injectError("GeneralException", { onSync: fake.syncCount + 4, afterOps: 5 });
    const e = await failure(hostOf(fake).applyPlan(PLAN));
    expect(e.code).toBe("excel-api");
    expect(e.en).toMatch(/GeneralException/);
    expect(dump(fake)).toEqual(before);
    expect(fake.customXmlParts).toHaveLength(0);
  });

  it("if even the clean-up fails, the record is kept so 撤销 can put things back", async () => {
    const fake = tableFake();
    const before = dump(fake);
    fake.injectError("GeneralException", { onSync: fake.syncCount + 4, afterOps: 5 });
    fake.enterCellEditMode({ onSync: fake.syncCount + 5 });
    const host = hostOf(fake);
    const e = await failure(host.applyPlan(PLAN));
    expect(e.zh).toMatch(/撤销记录已保留/);
    expect(dump(fake)).not.toEqual(before);
    expect(await host.canUndo()).toBe(true);
    await host.undo();
    expect(dump(fake)).toEqual(before);
  });

  it("a plan naming a missing sheet or a bad address → UserError, nothing written", async () => {
    const fake = tableFake();
    const before = dump(fake);
    const e1 = await failure(hostOf(fake).applyPlan({ changes: [...PLAN.changes, change("不存在", "A1", { value: 1 })] }));
    expect(e1.code).toBe("sheet-missing");
    expect(e1.zh).toMatch(/不存在/);
    const e2 = await failure(hostOf(fake).applyPlan({ changes: [change("附件3-1", "A1:B2", { value: 1 })] }));
    expect(e2.code).toBe("bad-plan");
    const e3 = await failure(hostOf(fake).applyPlan({ changes: [change("附件3-1", "A1", { formula: "SUM(A2)" })] }));
    expect(e3.code).toBe("bad-plan");
    expect(dump(fake)).toEqual(before);
    expect(fake.customXmlParts).toHaveLength(0);
  });

  it("a formula planned into a Text (@) cell is entered as a formula, not as text; undo puts the Text format back", async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet("S");
    s.setA1("A1", { value: 4 })
      .setA1("B1", { value: 2 })
      .setA1("C1", { value: "待填", numberFormat: "@" })
      .setA1("D1", { numberFormat: "@" });
    const before = dump(fake);
    const host = hostOf(fake);
    await host.applyPlan({ changes: [change("S", "C1", { formula: "=A1/B1" }), change("S", "D1", { value: 7 }, "score")] });
    expect(s.getA1("C1")).toEqual({ value: null, formula: "=A1/B1", numberFormat: "General" });
    expect(s.getA1("D1")).toEqual({ value: 7, formula: null, numberFormat: "General" });
    await host.undo();
    expect(dump(fake)).toEqual(before);
    expect(s.getA1("C1")).toEqual({ value: "待填", formula: null, numberFormat: "@" });
  });

  it("an empty plan touches nothing", async () => {
    const fake = tableFake();
    const from = fake.syncCount;
    await hostOf(fake).applyPlan({ changes: [] });
    expect(fake.syncCount).toBe(from);
  });

  it("without ExcelApi 1.5 the record lives in the pane: undo works until the pane closes", async () => {
    const fake = tableFake();
    fake.excelApi = "1.4";
    const before = dump(fake);
    const host = hostOf(fake);
    await host.applyPlan(PLAN);
    expect(fake.customXmlParts).toHaveLength(0);
    expect(await host.canUndo()).toBe(true);
    expect(await hostOf(fake).canUndo()).toBe(false);
    await host.undo();
    expect(dump(fake)).toEqual(before);
  });
});

describe("undo refusals", () => {
  it("a sheet protected after the fill → UserError, nothing undone, record kept", async () => {
    const fake = tableFake();
    const host = hostOf(fake);
    await host.applyPlan(PLAN);
    const filled = dump(fake);
    fake.sheet("附件3-1")!.protected = true;
    const e = await failure(host.undo());
    expect(e.code).toBe("protected");
    expect(e.zh).toMatch(/未撤销/);
    expect(dump(fake)).toEqual(filled);
    expect(await host.canUndo()).toBe(true);
  });

  it("a renamed sheet → UserError, nothing changed", async () => {
    const fake = tableFake();
    const host = hostOf(fake);
    await host.applyPlan(PLAN);
    fake.sheet("附件3-1")!.name = "改名了";
    const filled = dump(fake);
    const e = await failure(host.undo());
    expect(e.code).toBe("sheet-missing");
    expect(dump(fake)).toEqual(filled);
  });

  it("a damaged record → UserError, nothing changed", async () => {
    const fake = tableFake();
    fake.customXmlParts.push({ id: "x", namespaceUri: UNDO_NAMESPACE, xml: `<undo xmlns="${UNDO_NAMESPACE}">{"version":1,</undo>` });
    const before = dump(fake);
    const e = await failure(hostOf(fake).undo());
    expect(e.code).toBe("undo-damaged");
    expect(dump(fake)).toEqual(before);
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell in one sync", async () => {
    const fake = tableFake();
    const host = hostOf(fake);
    expect(fake.activeSheet).toBe("附件3-1");
    const from = fake.syncCount;
    await host.selectCell("其他", "$b$7");
    expect(fake.syncCount - from).toBe(1);
    expect(fake.activeSheet).toBe("其他");
    expect(fake.selection).toEqual({ sheet: "其他", address: "B7" });
  });

  it("a missing sheet or a bad address → UserError", async () => {
    const fake = tableFake();
    expect((await failure(hostOf(fake).selectCell("没有", "A1"))).code).toBe("not-found");
    expect((await failure(hostOf(fake).selectCell("其他", "not a cell"))).code).toBe("bad-address");
  });
});

describe("undo record and constants (properties)", () => {
  const cellValue = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string(),
    fc.fullUnicodeString(),
    fc.constantFrom("100", " 1e3", "=A1", "'quoted", "50%", "TRUE", "2020/1/1", "1月1日", "#N/A", "-", "+1", "]]>", "<x>&amp;"),
  );

  it("any record survives XML: the fake's well-formedness check accepts it and it reads back equal", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            sheet: fc.fullUnicodeString({ minLength: 1 }),
            cell: fc.constantFrom("A1", "F6", "XFD1048576"),
            formula: fc.oneof(
              fc.constant(null),
              fc.string().map((s) => `=${s}`),
            ),
            value: cellValue,
            numberFormat: fc.oneof(fc.constant(null), fc.string()),
          }),
          { maxLength: 8 },
        ),
        async (cells) => {
          const record: UndoRecord = { version: 1, id: "id", created: "2026-01-01T00:00:00.000Z", cells };
          const fake = new FakeExcel();
          await fake.run(async (ctx) => {
            ctx.workbook.customXmlParts.add(undoRecordToXml(record));
            await ctx.sync();
          });
          const back = undoRecordFromXml(fake.customXmlParts[0].xml);
          expect(back).toEqual(JSON.parse(JSON.stringify(record)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("a constant written the way ExcelHost writes it is the same constant after Excel parses the input", () => {
    fc.assert(
      fc.property(cellValue, fc.constantFrom("General", "@", "0.00%"), (value, nf) => {
        if (typeof value === "string" && value === "") return; // an empty string is an empty cell
        const typed = parseTyped(constantInput(value, nf), nf);
        expect(typed.formula).toBeNull();
        expect(typed.value).toEqual(Object.is(value, -0) ? 0 : value);
      }),
      { numRuns: 1000 },
    );
  });
});
