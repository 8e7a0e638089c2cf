/** ExcelHost.readSheets through the strict fake: exact snapshots, ≤ 3 syncs, chunking, limits, merges. */
import { ExcelHost, type ExcelRun } from "../../../src/adapters/excel";
import { DEFAULT_READ_LIMITS, planReads } from "../../../src/adapters/excel/readPlan";
import { isUserError } from "../../../src/core/errors";
import { analyzeSheet } from "../../../src/core";
import { FakeExcel, MAX_COLS, MAX_ROWS } from "../../fakes/fakeExcel";
import { FIXTURE_NAMES, fixtureToFake, sortMerges } from "./fixtureFake";
import { toDense } from "../../support/dense";
import type { DenseSheetSnapshot } from "../../../src/core/snapshot";

/** ExcelHost whose snapshots these tests read as rectangles (a sheet read as one used range is dense anyway). */
class DenseHost extends ExcelHost {
  override async readSheets(...args: Parameters<ExcelHost["readSheets"]>): Promise<DenseSheetSnapshot[]> {
    return (await super.readSheets(...args)).map(toDense);
  }
}

function hostOf(fake: FakeExcel, opts: ConstructorParameters<typeof ExcelHost>[2] = {}): DenseHost {
  return new DenseHost(fake.run as unknown as ExcelRun, fake.isSetSupported, opts);
}

/** Syncs made by what `f` does. */
async function syncsOf<T>(fake: FakeExcel, f: () => Promise<T>): Promise<{ result: T; syncs: number; from: number }> {
  const from = fake.syncCount;
  const result = await f();
  return { result, syncs: fake.syncCount - from, from };
}

describe("readSheets over the shared fixtures", () => {
  it.each(FIXTURE_NAMES)("%s: the active sheet reads exactly (values, formulas, formats, merges, origin) in 2 syncs", async (name) => {
    const { fake, expected } = await fixtureToFake(name);
    const host = hostOf(fake);
    const { result, syncs } = await syncsOf(fake, () => host.readSheets("active"));
    expect(syncs).toBe(2);
    expect(host.lastStats?.syncs).toBe(2);
    expect(result).toHaveLength(1);
    const [snap] = result;
    const want = expected[0];
    expect(snap.name).toBe(want.name);
    expect(snap.origin).toEqual(want.origin);
    expect(snap.values).toEqual(want.values);
    expect(snap.formulas).toEqual(want.formulas);
    expect(snap.numberFormats).toEqual(want.numberFormats);
    expect(sortMerges(snap.merges)).toEqual(sortMerges(want.merges));
    expect((snap.merges ?? []).length).toBeGreaterThan(0);
    expect(host.displayName).toBe(`${name}.xlsx`);
  });

  it("merges from a quoted, sheet-qualified address ('附件3-1'!A5:A9) are parsed 1-based", async () => {
    const { fake } = await fixtureToFake("project-medical-aid-2020");
    const sheet = fake.sheets[0];
    expect(sheet.name).toBe("附件3-1");
    sheet.merges = [{ top: 5, left: 1, bottom: 9, right: 1 }];
    const [snap] = await hostOf(fake).readSheets("active");
    expect(snap.merges).toEqual([{ top: 5, left: 1, bottom: 9, right: 1 }]);
  });

  it("merges are null where ExcelApi 1.13 is missing (the engine then continues labels over blanks)", async () => {
    const { fake, expected } = await fixtureToFake("department-overall-2020");
    fake.excelApi = "1.12";
    const [snap] = await hostOf(fake).readSheets("active");
    expect(snap.merges).toBeNull();
    expect(snap.values).toEqual(expected[0].values);
  });

  it("measured payload per cell stays under the planner's estimate", async () => {
    const perCell: number[] = [];
    for (const name of FIXTURE_NAMES) {
      const { fake } = await fixtureToFake(name);
      fake.excelApi = "1.12"; // no merged areas: cell data only
      const { from } = await syncsOf(fake, () => hostOf(fake).readSheets("active"));
      const data = fake.syncLog.slice(from).filter((s) => s.cellsRead > 0);
      expect(data).toHaveLength(1);
      perCell.push(data[0].responseBytes / data[0].cellsRead);
    }
    console.log(`bytes per cell (values+formulas+numberFormat) on the fixtures: ${perCell.map((x) => x.toFixed(1)).join(", ")}`);
    for (const x of perCell) expect(x).toBeLessThan(DEFAULT_READ_LIMITS.bytesPerCell);
  });
});

describe("readSheets: all sheets, progress, empty sheets", () => {
  it("reads every sheet in 3 syncs and reports progress per sheet", async () => {
    const fake = new FakeExcel();
    await fixtureToFake("project-medical-aid-2020", fake);
    const extra = fake.addSheet("附表 2");
    extra.setA1("C3", { value: "合计" }).setA1("D3", { value: 12.5, numberFormat: "0.00" }).setA1("E3", { formula: "=D3*2", value: 25 });
    fake.addSheet("空白");
    const progress: [number, number, string | undefined][] = [];
    const host = hostOf(fake);
    const { result, syncs } = await syncsOf(fake, () => host.readSheets("all", (d, t, l) => progress.push([d, t, l])));
    expect(syncs).toBe(3);
    expect(result.map((s) => s.name)).toEqual(["附件3-1", "附表 2", "空白"]);
    expect(result[1]).toEqual({
      name: "附表 2",
      origin: { row: 3, col: 3 },
      values: [["合计", 12.5, 25]],
      formulas: [[null, null, "=D3*2"]],
      numberFormats: [["General", "0.00", "General"]],
      merges: [],
    });
    expect(result[2]).toEqual({ name: "空白", origin: { row: 1, col: 1 }, values: [], formulas: [], numberFormats: [], merges: [] });
    expect(progress[0]).toEqual([0, 3, undefined]);
    expect(progress.slice(1).map((p) => p[0])).toEqual([1, 2, 3]);
    expect(new Set(progress.slice(1).map((p) => p[2]))).toEqual(new Set(["附件3-1", "附表 2", "空白"]));
  });

  it("a text constant that starts with '=' is not taken for a formula; errors come through as text", async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet("S");
    s.setA1("A1", { value: "=不是公式" }).setA1("B1", { formula: "=1/0", value: "#DIV/0!" }).setA1("C1", { value: true });
    const [snap] = await hostOf(fake).readSheets("active");
    expect(snap.values).toEqual([["=不是公式", "#DIV/0!", true]]);
    expect(snap.formulas).toEqual([[null, "=1/0", null]]);
  });
});

describe("readSheets: size and sync budget", () => {
  function bigSheet(fake: FakeExcel, rows: number, cols: number): void {
    const s = fake.addSheet("Big");
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= cols; c++) {
        if (c === 1) s.set(r, c, { value: `项目${r}` });
        else if (c === cols) s.set(r, c, { formula: `=B${r}*2`, value: r * 2, numberFormat: "0.00" });
        else s.set(r, c, { value: r + c / 10 });
      }
    }
  }

  it("a 10,000-row sheet: ≤ 3 syncs, chunked in row blocks inside one data sync, under 5 MB, exact", async () => {
    const fake = new FakeExcel();
    bigSheet(fake, 10_000, 8);
    const host = hostOf(fake);
    const { result, syncs, from } = await syncsOf(fake, () => host.readSheets("all"));
    expect(syncs).toBeLessThanOrEqual(3);
    const data = fake.syncLog.slice(from).filter((s) => s.cellsRead > 0);
    expect(data).toHaveLength(1); // every block in one sync
    expect(data[0].rangeReads).toBeGreaterThanOrEqual(4); // 80,000 cells in blocks of ≤ 25,000
    expect(host.lastStats?.rangeReads).toBe(data[0].rangeReads);
    expect(data[0].responseBytes).toBeLessThan(fake.limits.maxResponseBytes);
    const [snap] = result;
    expect(snap.values).toHaveLength(10_000);
    expect(snap.values[9_999]).toEqual(["项目10000", 10000.2, 10000.3, 10000.4, 10000.5, 10000.6, 10000.7, 20000]);
    expect(snap.formulas?.[4_999][7]).toBe("=B5000*2");
    expect(snap.numberFormats?.[0][7]).toBe("0.00");
  });

  it("a cell formatted at XFD1048576 does not make it read a million rows", async () => {
    const { fake, expected } = await fixtureToFake("project-special-retirees-2020");
    fake.sheets[0].formatCell(MAX_ROWS, MAX_COLS, "0.00%");
    const host = hostOf(fake);
    const { result, syncs, from } = await syncsOf(fake, () => host.readSheets("all"));
    expect(syncs).toBeLessThanOrEqual(3);
    const cellsRead = fake.syncLog.slice(from).reduce((n, s) => n + s.cellsRead, 0);
    const w = expected[0];
    expect(cellsRead).toBe(w.values.length * w.values[0].length);
    expect(cellsRead).toBeLessThan(1000);
    expect(result[0].values).toEqual(w.values);
  });

  describe("a VALUE far away (XFD1048576) makes the used range 17 billion cells", () => {
    it.each(FIXTURE_NAMES)("%s: read through the content areas, the same table, cost within 1.3× of the table alone", async (name) => {
      const alone = await fixtureToFake(name);
      const base = hostOf(alone.fake);
      const { from: f0 } = await syncsOf(alone.fake, () => base.readSheets("active"));
      const aloneCells = alone.fake.syncLog.slice(f0).reduce((n, x) => n + x.cellsRead, 0);
      const aloneBytes = alone.fake.syncLog.slice(f0).reduce((n, x) => n + x.responseBytes, 0);

      const { fake } = await fixtureToFake(name);
      fake.sheets[0].set(MAX_ROWS, MAX_COLS, { value: "x" });
      const host = new ExcelHost(fake.run as unknown as ExcelRun, fake.isSetSupported);
      const { result, syncs, from } = await syncsOf(fake, () => host.readSheets("active"));
      expect(syncs).toBe(4); // used range, content-area count, their addresses, the cells
      const cells = fake.syncLog.slice(from).reduce((n, x) => n + x.cellsRead, 0);
      const bytes = fake.syncLog.slice(from).reduce((n, x) => n + x.responseBytes, 0);
      expect(cells).toBeLessThanOrEqual(aloneCells * 1.3 + 1);
      expect(bytes).toBeLessThanOrEqual(aloneBytes * 1.3 + 200);
      const [snap] = result;
      expect("cells" in snap).toBe(true);
      const far = (snap as { cells: { row: number; col: number; value: unknown }[] }).cells.find((c) => c.row === MAX_ROWS);
      expect(far).toMatchObject({ col: MAX_COLS, value: "x" });
      const plain = analyzeSheet(toDense((await base.readSheets("active"))[0])).tables;
      const withFar = analyzeSheet(snap).tables;
      expect(withFar.map((t) => t.findings.map((f) => `${f.code}@${f.cell}`))).toEqual(
        plain.map((t) => t.findings.map((f) => `${f.code}@${f.cell}`)),
      );
      expect(withFar.map((t) => t.plan.changes.map((c) => c.cell))).toEqual(plain.map((t) => t.plan.changes.map((c) => c.cell)));
    });

    it("without ExcelApi 1.9 the top-left million cells are read (bounded), never the whole used range", async () => {
      const { fake } = await fixtureToFake("project-medical-aid-2020");
      fake.excelApi = "1.8";
      fake.sheets[0].set(MAX_ROWS, MAX_COLS, { value: "x" });
      const { result, from } = await syncsOf(fake, () => hostOf(fake).readSheets("active"));
      const cells = fake.syncLog.slice(from).reduce((n, x) => n + x.cellsRead, 0);
      expect(cells).toBeLessThanOrEqual(1_000_000);
      expect(analyzeSheet(result[0]).tables.map((t) => t.kind)).toEqual(["project"]);
    });
  });

  it("sheets whose content passes one sync's budget: blocks spread over syncs, each under 5 MB", async () => {
    const fake = new FakeExcel();
    bigSheet(fake, 30_000, 6); // 180,000 cells ≈ 8.6 MB estimated → 3 data syncs
    fake.addSheet("小表").setA1("A1", { value: 1 });
    const host = hostOf(fake);
    const { result, syncs, from } = await syncsOf(fake, () => host.readSheets("all"));
    const planned = planReads(
      [
        { sheet: 0, top: 1, left: 1, rows: 30_000, cols: 6 },
        { sheet: 1, top: 1, left: 1, rows: 1, cols: 1 },
      ],
      true,
    );
    expect(syncs).toBe(2 + planned.length);
    expect(planned.length).toBeGreaterThan(1);
    for (const s of fake.syncLog.slice(from)) {
      expect(s.ok).toBe(true);
      expect(s.responseBytes).toBeLessThanOrEqual(DEFAULT_READ_LIMITS.syncBudgetBytes);
    }
    expect(result[0].values[29_999][0]).toBe("项目30000");
    expect(result[1].values).toEqual([[1]]);
  });

  it("text-heavy cells beyond the estimate: Excel refuses the response, the read splits and still completes", async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet("长文本");
    const text = "绩效目标完成情况良好。".repeat(80); // ~2.6 KB a cell, far over the 48-byte estimate
    for (let r = 1; r <= 3000; r++) s.set(r, 1, { value: `${r}:${text}` });
    const host = hostOf(fake);
    const { result, from } = await syncsOf(fake, () => host.readSheets("active"));
    const log = fake.syncLog.slice(from);
    expect(log.some((x) => !x.ok)).toBe(true); // at least one refusal…
    expect(host.lastStats?.retries).toBeGreaterThan(0);
    for (const x of log.filter((y) => y.ok)) expect(x.responseBytes).toBeLessThanOrEqual(fake.limits.maxResponseBytes);
    expect(result[0].values).toHaveLength(3000);
    expect(result[0].values[2999][0]).toBe(`3000:${text}`);
  });

  it("a single row larger than Excel's limit: a clear UserError (zh + en), no stack trace", async () => {
    const fake = new FakeExcel();
    fake.limits.maxResponseBytes = 200_000;
    const s = fake.addSheet("S");
    for (let c = 1; c <= 40; c++) s.set(1, c, { value: "很长".repeat(1000) });
    const err = await hostOf(fake)
      .readSheets("active")
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isUserError(err)).toBe(true);
    expect((err as { code: string }).code).toBe("too-large");
    expect((err as { zh: string }).zh).toMatch(/5 MB/);
  });

  it("more than 512 merged areas: Excel refuses them, the cells are still read and merges are null", async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet("S");
    for (let r = 1; r <= 600; r++) {
      s.set(r * 2 - 1, 1, { value: `标签${r}` });
      s.merges.push({ top: r * 2 - 1, left: 1, bottom: r * 2, right: 1 });
    }
    const host = hostOf(fake);
    const [snap] = await host.readSheets("active");
    expect(snap.merges).toBeNull();
    expect(snap.values[1198][0]).toBe("标签600");
    expect(host.lastStats?.syncs).toBe(3);
  });
});

describe("readSheets: errors", () => {
  it("cell-edit mode → UserError with a zh/en message", async () => {
    const { fake } = await fixtureToFake("summary-projects-2020");
    fake.enterCellEditMode();
    const err = await hostOf(fake)
      .readSheets("active")
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isUserError(err)).toBe(true);
    expect((err as { code: string }).code).toBe("cell-edit");
    expect((err as { zh: string }).zh).toMatch(/编辑/);
    expect((err as { en: string }).en).toMatch(/editing a cell/);
  });

  it("any other API error → UserError naming Excel's code", async () => {
    const { fake } = await fixtureToFake("summary-projects-2020");
    fake.injectError("GeneralException", { onSync: fake.syncCount + 1 });
    const err = await hostOf(fake)
      .readSheets("active")
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isUserError(err)).toBe(true);
    expect((err as { code: string }).code).toBe("excel-api");
    expect((err as { en: string }).en).toMatch(/GeneralException/);
  });

  it("outside Excel (no Office.js) → UserError, not a ReferenceError", async () => {
    const err = await new ExcelHost().readSheets("active").then(
      () => null,
      (e: unknown) => e,
    );
    expect(isUserError(err)).toBe(true);
    expect((err as { code: string }).code).toBe("no-excel");
  });
});
