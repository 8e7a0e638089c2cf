/**
 * WpsSpreadsheetHost.readSheets over the fake ET: the cost of a read follows the content (a stray value at
 * XFD1048576 costs a few cells, not 17 billion), formats and merges are read where they differ, error values,
 * dates and text that looks like numbers come back as the .xlsx reader gives them, in both builds.
 */
import { analyzeWorkbook } from "../../../src/core";
import { isUserError } from "../../../src/core/errors";
import type { SheetSnapshot } from "../../../src/core/snapshot";
import { WpsSpreadsheetHost } from "../../../src/adapters/wps/WpsSpreadsheetHost";
import { EtWorkbookModel, FakeEt } from "../../fakes/fakeEt";
import { belowItself, besideItself, shifted, unmergeAndFill, withFarValue } from "../../support/variants";
import { FIXTURE_NAMES, comparable, etFixture, fresh, modelFromSnapshots } from "./etFixture";

jest.setTimeout(120_000);

function json<T>(x: T): T {
  return JSON.parse(JSON.stringify(x));
}

const PROJECT = FIXTURE_NAMES.find((n) => n.startsWith("project-")) as string;

async function firstSheet(name = PROJECT): Promise<SheetSnapshot> {
  const { fileSnapshots } = await etFixture(name);
  return fileSnapshots.find((s) => analyzeWorkbook([s]).sheets[0].tables.length > 0) as SheetSnapshot;
}

function hostOver(snaps: SheetSnapshot[], options: ConstructorParameters<typeof FakeEt>[1] = {}) {
  const fake = new FakeEt(modelFromSnapshots("变体.xlsx", snaps), options);
  return { fake, host: new WpsSpreadsheetHost(fake.Application) };
}

describe("cost follows the content", () => {
  test.each(["property", "method"] as const)(
    "a stray value at XFD1048576 (%s build): read through SpecialCells areas, a few cells",
    async (members) => {
      const far = withFarValue(await firstSheet());
      const { fake, host } = hostOver([far], { members });
      const snaps = await host.readSheets("all");
      expect(comparable(snaps)).toEqual(comparable([far]));
      expect(host.lastStats?.viaAreas).toBe(1);
      expect(host.lastStats?.clipped).toEqual([]);
      expect(fake.stats.largestRead).toBeLessThanOrEqual(20_000);
      expect(fake.stats.cellsRead).toBeLessThan(5_000);
      expect(json(analyzeWorkbook(snaps))).toEqual(json(analyzeWorkbook([far])));
    },
  );

  test("a cell that only carries a format far away widens the used range, not the read", async () => {
    const sheet = await firstSheet();
    const { fake, host } = hostOver([sheet]);
    fake.sheet(sheet.name).set(1_048_576, 16_384, { numberFormat: "0.00" });
    const snaps = await host.readSheets("active");
    expect(comparable(snaps)).toEqual(comparable([sheet]));
    expect(fake.stats.cellsRead).toBeLessThan(5_000);
  });

  test("a build without SpecialCells reads the used range's top-left part only, and says which sheet", async () => {
    const sheet = await firstSheet();
    const far = withFarValue(sheet);
    const { fake, host } = hostOver([far], { specialCells: false });
    const snaps = await host.readSheets("all");
    expect(host.lastStats?.clipped).toEqual([sheet.name]);
    expect(comparable(snaps)).toEqual(comparable([sheet])); // the table is there, the far value is not
    expect(fake.stats.largestRead).toBeLessThanOrEqual(20_000);
    expect(fake.stats.cellsRead).toBeLessThanOrEqual(1_100_000);
  });

  test("a long sheet is read in blocks no larger than blockCells", async () => {
    const wb = new EtWorkbookModel("长表.xlsx");
    const s = wb.addSheet("明细");
    for (let r = 1; r <= 3000; r++) s.set(r, 1, { value: r }).set(r, 2, { value: `第${r}行` });
    const fake = new FakeEt(wb);
    const host = new WpsSpreadsheetHost(fake.Application, { limits: { blockCells: 1000 } });
    const [snap] = await host.readSheets("active");
    expect(comparable([snap])[0].cells).toHaveLength(6000);
    expect(host.lastStats?.blockReads).toBe(6);
    expect(fake.stats.largestRead).toBe(1000);
  });
});

describe("what comes back", () => {
  function mixed(): EtWorkbookModel {
    const wb = new EtWorkbookModel("混合.xlsx");
    const s = wb.addSheet("表1");
    s.setA1("B2", { value: "\u30003386.925" });
    s.setA1("C2", { value: 0.9915, numberFormat: "0.00%" });
    s.setA1("D2", { value: 44197, numberFormat: "yyyy/m/d" });
    s.setA1("E2", { value: { error: "#DIV/0!" }, formula: "=E3/E4" });
    s.setA1("F2", { value: { error: "#REF!" } });
    s.setA1("G2", { value: true });
    s.setA1("H2", { value: "=不是公式" });
    s.setA1("B3", { value: -2146826281 }); // a real number that happens to equal #DIV/0!'s code
    s.setA1("C3", { value: 12, formula: "=SUM(C4:C5)", numberFormat: "0.00" });
    s.setA1("C4", { value: 5, numberFormat: "0.00" });
    s.setA1("C5", { value: 7 });
    s.setA1("A6", { value: "一级指标" }).merge("A6:A9");
    s.setA1("B6", { value: "产出指标" }).merge("B6:C6");
    wb.addSheet("空表");
    const hidden = wb.addSheet("隐藏");
    hidden.visible = 0;
    hidden.setA1("A1", { value: "隐藏的数据" });
    return wb;
  }

  test.each([
    ["property", "code"],
    ["method", "code"],
    ["method", "text"],
  ] as const)("values, formulas, formats, errors, merges (%s build, errors as %s)", async (members, errors) => {
    const fake = new FakeEt(mixed(), { members, errors });
    const host = new WpsSpreadsheetHost(fake.Application);
    const progress: [number, number, string | undefined][] = [];
    const snaps = await host.readSheets("all", (d, n, l) => progress.push([d, n, l]));
    expect(snaps.map((s) => s.name)).toEqual(["表1", "空表", "隐藏"]);
    expect(progress).toEqual([
      [0, 3, undefined],
      [1, 3, "表1"],
      [2, 3, "空表"],
      [3, 3, "隐藏"],
    ]);
    const [t] = comparable(snaps);
    const at = (row: number, col: number) => t.cells.find((c) => c.row === row && c.col === col);
    expect(at(2, 2)).toEqual({ row: 2, col: 2, value: "\u30003386.925", formula: null, numberFormat: null });
    expect(at(2, 3)).toMatchObject({ value: 0.9915, numberFormat: "0.00%" });
    expect(at(2, 4)).toMatchObject({ value: 44197, numberFormat: "yyyy/m/d" });
    expect(at(2, 5)).toMatchObject({ value: "#DIV/0!", formula: "=E3/E4" });
    expect(at(2, 6)).toMatchObject({ value: "#REF!", formula: null });
    expect(at(2, 7)).toMatchObject({ value: true });
    expect(at(2, 8)).toMatchObject({ value: "=不是公式", formula: null });
    expect(at(3, 2)).toMatchObject({ value: errors === "code" ? -2146826281 : -2146826281 });
    expect(at(3, 3)).toMatchObject({ value: 12, formula: "=SUM(C4:C5)", numberFormat: "0.00" });
    expect(at(4, 3)).toMatchObject({ value: 5, numberFormat: "0.00" });
    expect(at(5, 3)).toMatchObject({ value: 7, numberFormat: null });
    expect(t.merges).toEqual([
      { top: 6, left: 1, bottom: 9, right: 1 },
      { top: 6, left: 2, bottom: 6, right: 3 },
    ]);
    expect(comparable(snaps)[1].cells).toEqual([]);
    expect(comparable(snaps)[2].cells).toEqual([{ row: 1, col: 1, value: "隐藏的数据", formula: null, numberFormat: null }]);
  });

  test("scope active reads the active sheet only; the undo sheet is never read", async () => {
    const wb = mixed();
    wb.active = 2;
    const undo = wb.addSheet("jixiao_undo");
    undo.visible = 2;
    undo.setA1("A1", { value: "jixiao-undo-1" });
    const host = new WpsSpreadsheetHost(new FakeEt(wb).Application);
    expect((await host.readSheets("active")).map((s) => s.name)).toEqual(["隐藏"]);
    expect((await host.readSheets("all")).map((s) => s.name)).toEqual(["表1", "空表", "隐藏"]);
  });

  test("no workbook open: a clear message in Chinese and English", async () => {
    const host = new WpsSpreadsheetHost(new FakeEt(null).Application);
    const e = await host.readSheets("all").catch((x) => x);
    expect(isUserError(e)).toBe(true);
    expect(e.code).toBe("no-workbook");
    expect(e.zh).toContain("没有打开的工作簿");
    expect(host.displayName).toBe("当前工作簿 / Current workbook");
  });

  test("the workbook's own name is shown", () => {
    expect(new WpsSpreadsheetHost(new FakeEt(mixed()).Application).displayName).toBe("混合.xlsx");
  });
});

describe("SPEC §2.6 variants read through the host analyse as the file path does", () => {
  const VARIANTS: [string, (s: SheetSnapshot) => SheetSnapshot][] = [
    ["moved down and right", (s) => shifted(s, 7, 3)],
    ["beside itself", (s) => besideItself(s)],
    ["below itself", (s) => belowItself(s)],
    ["merges undone and filled", (s) => unmergeAndFill(s)],
  ];
  test.each(FIXTURE_NAMES.flatMap((n) => VARIANTS.map(([v, f]) => [n, v, f] as const)))("%s, %s", async (name, _v, make) => {
    const { fileSnapshots } = await etFixture(name);
    const snaps = fileSnapshots.map(make);
    const fake = fresh(modelFromSnapshots(`${name}.xlsx`, snaps), { members: "method" });
    const read = await new WpsSpreadsheetHost(fake.Application).readSheets("all");
    expect(comparable(read)).toEqual(comparable(snaps));
    expect(json(analyzeWorkbook(read))).toEqual(json(analyzeWorkbook(snaps)));
  });
});
