/** The fake must enforce what Office enforces; otherwise ExcelHost's tests would prove nothing. */
import { FakeExcel, FakeOfficeError, MAX_COLS, MAX_ROWS, parseTyped } from "../../fakes/fakeExcel";

function code(e: unknown): string | undefined {
  return e instanceof FakeOfficeError ? e.code : undefined;
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

describe("fake Excel: load before read", () => {
  it("throws PropertyNotLoaded for a property read before load and sync, and delivers it after", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S").setA1("B2", { value: 5 });
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("B2");
      expect(() => r.values).toThrow(/not available/);
      r.load("values");
      // loaded but not yet synced: still unavailable
      let caught: unknown;
      try {
        void r.values;
      } catch (e) {
        caught = e;
      }
      expect(code(caught)).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect(r.values).toEqual([[5]]);
      // a property that was not in the load list stays unavailable
      expect(() => r.formulas).toThrow(/not available/);
      expect(() => r.address).toThrow(/not available/);
    });
  });

  it("guards isNullObject, collection items, ClientResult values and nested protection", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S");
    await fake.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem("S").getUsedRangeOrNullObject(true);
      expect(() => used.isNullObject).toThrow(/isNullObject/);
      const sheets = ctx.workbook.worksheets;
      expect(() => sheets.items).toThrow(/items/);
      const count = ctx.workbook.customXmlParts.getByNamespace("urn:x").getCount();
      expect(() => count.value).toThrow(/value/);
      const ws = sheets.getItem("S");
      expect(() => ws.protection.protected).toThrow(/protected/);
      used.load("address");
      sheets.load("items/name");
      ws.protection.load("protected");
      await ctx.sync();
      expect(used.isNullObject).toBe(true);
      expect(() => used.address).toThrow(/null object/);
      expect(sheets.items.map((s) => s.name)).toEqual(["S"]);
      expect(() => sheets.items[0].position).toThrow(/not available/);
      expect(count.value).toBe(0);
      expect(ws.protection.protected).toBe(false);
    });
  });
});

describe("fake Excel: queued operations", () => {
  it("applies writes only at sync, in order, and counts syncs", async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet("S");
    const before = fake.syncCount;
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1");
      r.numberFormat = [["0.00%"]];
      r.formulas = [["=B1/C1"]];
      expect(s.getA1("A1").formula).toBeNull();
      await ctx.sync();
      expect(s.getA1("A1")).toEqual({ value: null, formula: "=B1/C1", numberFormat: "0.00%" });
    });
    expect(fake.syncCount - before).toBe(1);
    // Excel.run syncs what is left queued when the batch returns
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A2").formulas = [[7]];
    });
    expect(fake.syncCount - before).toBe(2);
    expect(s.getA1("A2").value).toBe(7);
  });

  it("rejects a sync that uses a missing sheet, and writes into a protected sheet", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S").protected = true;
    const e1 = await rejection(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Nope").load("name");
        await ctx.sync();
      }),
    );
    expect(code(e1)).toBe("ItemNotFound");
    const e2 = await rejection(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1").formulas = [[1]];
        await ctx.sync();
      }),
    );
    expect(code(e2)).toBe("AccessDenied");
    expect(fake.sheet("S")!.getA1("A1").value).toBeNull();
  });

  it("injects errors: cell-edit mode on the next sync, and a batch that fails part way", async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet("S");
    fake.enterCellEditMode();
    const e = await rejection(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1").formulas = [[1]];
        await ctx.sync();
      }),
    );
    expect(code(e)).toBe("InvalidOperationInCellEditMode");
    expect(s.getA1("A1").value).toBeNull();
    fake.injectError("GeneralException", { afterOps: 1 });
    await rejection(
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("S");
        ws.getRange("A1").formulas = [[1]];
        ws.getRange("A2").formulas = [[2]];
        await ctx.sync();
      }),
    );
    expect(s.getA1("A1").value).toBe(1); // ran before the failure, not rolled back (as in Office)
    expect(s.getA1("A2").value).toBeNull();
  });
});

describe("fake Excel: used range and limits", () => {
  it("ignores format-only cells for the values-only used range; the format at XFD1048576 is really there", async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet("S");
    s.setA1("B2", { value: "x" }).setA1("C4", { value: 1 });
    s.formatCell(MAX_ROWS, MAX_COLS, "0.00");
    expect(s.get(MAX_ROWS, MAX_COLS).numberFormat).toBe("0.00");
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      const v = ws.getUsedRangeOrNullObject(true);
      const all = ws.getUsedRangeOrNullObject(false);
      v.load("address,rowCount,columnCount");
      all.load("address,rowCount,columnCount");
      await ctx.sync();
      expect(v.address).toBe("S!B2:C4");
      expect(all.address).toBe("S!B2:XFD1048576");
      expect(all.rowCount).toBe(MAX_ROWS - 1);
    });
  });

  it("refuses a sync that would return more than 5,000,000 cells, before building anything", async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet("S");
    s.setA1("A1", { value: 1 });
    s.formatCell(MAX_ROWS, MAX_COLS, "0.00");
    const t0 = Date.now();
    const e = await rejection(
      fake.run(async (ctx) => {
        const all = ctx.workbook.worksheets.getItem("S").getUsedRangeOrNullObject(false);
        all.load("values");
        await ctx.sync();
      }),
    );
    expect(code(e)).toBe("ResponsePayloadSizeLimitExceeded");
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(fake.syncLog[fake.syncLog.length - 1].ok).toBe(false);
  });

  it("refuses a sync whose response passes 5 MB, counting every range of the sync together", async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet("S");
    const text = "绩".repeat(1000); // ~3 KB a cell in UTF-8
    for (let r = 1; r <= 1000; r++) s.set(r, 1, { value: text });
    // two halves of ~1.5 MB values each fit alone
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:A500");
      r.load("values");
      await ctx.sync();
    });
    // …but the values + formulas of both halves in one sync (~6 MB) do not
    const e = await rejection(
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("S");
        ws.getRange("A1:A500").load("values,formulas");
        ws.getRange("A501:A1000").load("values,formulas");
        await ctx.sync();
      }),
    );
    expect(code(e)).toBe("ResponsePayloadSizeLimitExceeded");
  });
});

describe("fake Excel: custom XML parts and typing", () => {
  it("stores well-formed parts by namespace and rejects unescaped text or bad characters", async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      ctx.workbook.customXmlParts.add(`<r xmlns="urn:a">x &amp; y</r>`);
      await ctx.sync();
    });
    expect(fake.customXmlParts).toHaveLength(1);
    expect(fake.customXmlParts[0].namespaceUri).toBe("urn:a");
    for (const bad of [`<r xmlns="urn:a">x & y</r>`, `<r xmlns="urn:a">a < b</r>`, `<r xmlns="urn:a">\u0001</r>`, `not xml`]) {
      const e = await rejection(
        fake.run(async (ctx) => {
          ctx.workbook.customXmlParts.add(bad);
          await ctx.sync();
        }),
      );
      expect(code(e)).toBe("InvalidArgument");
    }
    expect(fake.customXmlParts).toHaveLength(1);
  });

  it("parses written input as typing does", () => {
    expect(parseTyped("=A1", "General")).toEqual({ value: null, formula: "=A1" });
    expect(parseTyped("100", "General")).toEqual({ value: 100, formula: null });
    expect(parseTyped("'100", "General")).toEqual({ value: "100", formula: null });
    expect(parseTyped("100", "@")).toEqual({ value: "100", formula: null });
    expect(parseTyped("TRUE", "General")).toEqual({ value: true, formula: null });
    expect(parseTyped("项目", "General")).toEqual({ value: "项目", formula: null });
    expect(parseTyped("", "General")).toEqual({ value: null, formula: null });
  });

  it("selects only on the active sheet", async () => {
    const fake = new FakeExcel();
    fake.addSheet("A");
    fake.addSheet("B");
    const e = await rejection(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("B").getRange("C3").select();
        await ctx.sync();
      }),
    );
    expect(code(e)).toBe("InvalidSelection");
  });
});
