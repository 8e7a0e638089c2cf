/**
 * The WPS ribbon callbacks over the fake ET / WPS 文字: every callback is synchronous (never an async function,
 * never a Promise returned — async callbacks broke the ribbon in some WPS 12.1 builds), 检查 selects the first cell
 * at fault and says what it found, 填充公式 writes only after the person confirmed the listed cells, 撤销 takes it
 * back, 任务窗格 creates the pane once and then toggles it; a callback never throws.
 */
import { createRibbon, CONTROL, PANE_KEY, type Ribbon } from "../../src/wps/ribbon";
import { folderOf, isPane } from "../../src/wps/page";
import type { KeyValueStore } from "../../src/app/settings";
import { loadLastCommand } from "../../src/app/settings";
import { FakeEt, type MemberStyle } from "../fakes/fakeEt";
import { FakeWpsWriter, WriterDocModel } from "../fakes/fakeWpsWriter";
import { FIXTURE_NAMES, dumpCells, etFixture, fresh, modelFromSnapshots } from "../adapters/wps/etFixture";
import { realSnapshots } from "../support/realCorpus";

jest.setTimeout(120_000);

function memoryStore(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

function ribbonOver(app: object, answer = true) {
  const alerts: string[] = [];
  const confirms: string[] = [];
  const store = memoryStore();
  const ribbon = createRibbon({
    win: { Application: app, navigator: { language: "zh-CN" } },
    alert: (m) => void alerts.push(m),
    confirm: (m) => {
      confirms.push(m);
      return answer;
    },
    paneUrl: () => "file:///jsaddons/jixiao_0.1.0/index.html#pane",
    store,
    now: () => 1_700_000_000_000,
  });
  return { ribbon, alerts, confirms, store };
}

/** Calls a callback and proves it answered synchronously. */
function sync<T>(f: () => T): T {
  const v = f();
  expect(v && typeof (v as { then?: unknown }).then === "function").toBeFalsy();
  return v;
}

const click = (ribbon: Ribbon, id: string, members: MemberStyle = "property") =>
  sync(() => ribbon.OnAction(members === "method" ? { Id: () => id } : { Id: id }));

const PROJECT = FIXTURE_NAMES.find((n) => n.startsWith("project-")) as string;

test("every callback is a plain (not async) function", () => {
  const { ribbon } = ribbonOver(new FakeEt(null).Application);
  for (const [name, f] of Object.entries(ribbon)) {
    expect({ name, kind: (f as () => unknown).constructor.name }).toEqual({ name, kind: "Function" });
  }
  expect(sync(() => ribbon.OnAddinLoad({}))).toBe(true);
});

describe.each(["property", "method"] as MemberStyle[])("in WPS 表格 (%s build)", (members) => {
  test("检查: the first cell at fault is selected; the finding summary shown and kept for the pane", async () => {
    const { model } = await etFixture(PROJECT);
    const fake = fresh(model, { members });
    const { ribbon, alerts, store } = ribbonOver(fake.Application);
    expect(click(ribbon, CONTROL.check, members)).toBe(true);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(/识别到 1 张自评表：错误 \d+ 项/);
    const last = loadLastCommand(store);
    expect(last?.command).toBe("check");
    // the project fixture has findings at cells: the first one is selected and named
    expect(fake.selection).not.toBeNull();
    expect(alerts[0]).toContain(`已选中第一处问题：${fake.selection!.sheet}!${fake.selection!.address}`);
    expect(fake.workbook!.sheets[fake.workbook!.active].name).toBe(fake.selection!.sheet);
  });

  test("填充公式: nothing written when the person cancels; written after OK; 撤销 restores", async () => {
    const { model } = await etFixture(PROJECT);
    const fake = fresh(model, { members });
    const before = dumpCells(fake);
    const cancel = ribbonOver(fake.Application, false);
    click(cancel.ribbon, CONTROL.fill, members);
    expect(cancel.confirms).toHaveLength(1);
    expect(cancel.confirms[0]).toMatch(/^将写入 \d+ 处公式与得分（可撤销）：/);
    expect(cancel.confirms[0]).toMatch(/![A-Z]+\d+ {2}=/);
    expect(dumpCells(fake)).toEqual(before);
    expect(cancel.alerts).toEqual([]);

    const ok = ribbonOver(fake.Application, true);
    click(ok.ribbon, CONTROL.fill, members);
    expect(dumpCells(fake)).not.toEqual(before);
    expect(ok.alerts[0]).toMatch(/已写入 \d+ 处/);
    expect(loadLastCommand(ok.store)?.command).toBe("fill");

    click(ok.ribbon, CONTROL.undo, members);
    expect(ok.alerts[1]).toContain("已撤销");
    expect(dumpCells(fake)).toEqual(before);
    click(ok.ribbon, CONTROL.undo, members);
    expect(ok.alerts[2]).toContain("没有可撤销的填写");
  });

  test("任务窗格: created once at the pane's address, then shown and hidden", () => {
    const fake = new FakeEt(null, { members });
    const { ribbon } = ribbonOver(fake.Application);
    click(ribbon, CONTROL.pane, members);
    expect(fake.taskPanes).toEqual([
      { id: "pane-1", url: "file:///jsaddons/jixiao_0.1.0/index.html#pane", visible: true, dockPosition: 2 },
    ]);
    expect(fake.pluginStorage.get(PANE_KEY)).toBe("pane-1");
    click(ribbon, CONTROL.pane, members);
    expect(fake.taskPanes[0].visible).toBe(false);
    click(ribbon, CONTROL.pane, members);
    expect(fake.taskPanes).toHaveLength(1);
    expect(fake.taskPanes[0].visible).toBe(true);
  });

  test("no workbook open, or a failure inside: a message, never an exception", () => {
    const { ribbon, alerts } = ribbonOver(new FakeEt(null, { members }).Application);
    expect(click(ribbon, CONTROL.check, members)).toBe(true);
    expect(alerts[0]).toContain("没有打开的工作簿");
    const broken = ribbonOver({
      ActiveWorkbook: {
        get Worksheets(): never {
          throw new Error("坏了");
        },
        Name: "x",
        ActiveSheet: null,
      },
    });
    expect(click(broken.ribbon, CONTROL.fill)).toBe(true);
    expect(broken.alerts).toHaveLength(1);
  });

  test("buttons shown: all four in WPS 表格", () => {
    const { ribbon } = ribbonOver(new FakeEt(null, { members }).Application);
    for (const id of Object.values(CONTROL)) expect(sync(() => ribbon.OnGetVisible({ Id: id }))).toBe(true);
    expect(sync(() => ribbon.GetImage({ Id: CONTROL.fill }))).toBe("assets/ribbon-fill.svg");
  });
});

/**
 * 鄂州 (湖北 layout): the 执行率得分 H13 is a 预算执行率 indicator row's 得分 and the 总分 H6 stands in the 年度资金总额
 * row — roles inferred, not read from a header. Over the typed 18 and 98 the fill only suggests; into an emptied
 * H13 it writes, and the preview says which is which with the 位置推断 mark, as the pane and the CLI do.
 */
test("填充公式's preview marks inferred-role cells (位置推断): written only while empty, otherwise listed as suggestions", async () => {
  const EZHOU = "project-hubei-ezhou-civic-centre-2021";
  const model = modelFromSnapshots(`${EZHOU}.xlsx`, await realSnapshots(EZHOU));

  const typed = fresh(model);
  const asTyped = ribbonOver(typed.Application, true);
  click(asTyped.ribbon, CONTROL.fill);
  expect(asTyped.confirms).toHaveLength(1);
  const [written, held] = asTyped.confirms[0].split(/\n\n建议/);
  expect(held).toBeDefined();
  expect(held).toMatch(/^（不写入，共 2 处［位置推断］/);
  expect(held).toMatch(/!H13 {2}=IF\(G6="","",ROUND\(MIN\(G13,G13\*G6\),2\)\)/);
  expect(held).toMatch(/!H6 {2}=ROUND\(SUM\(/);
  expect(written).not.toMatch(/!H13 |!H6 /);
  expect(written).not.toContain("位置推断");
  // the typed scores stay
  expect(typed.workbook?.sheet("Sheet1")?.get(13, 8).value).toBe(18);
  expect(typed.workbook?.sheet("Sheet1")?.get(6, 8).value).toBe(98);

  const emptied = fresh(model);
  emptied.workbook?.sheet("Sheet1")?.set(13, 8, { value: null, formula: null });
  const asEmptied = ribbonOver(emptied.Application, true);
  click(asEmptied.ribbon, CONTROL.fill);
  const line = asEmptied.confirms[0].split("\n").find((l) => /!H13 {2}/.test(l));
  expect(line).toMatch(/［位置推断：原为空］$/);
  expect(asEmptied.confirms[0].split(/\n\n建议/)[1]).toMatch(/^（不写入，共 1 处［位置推断］/);
  expect(emptied.workbook?.sheet("Sheet1")?.get(13, 8).formula).toBe('=IF(G6="","",ROUND(MIN(G13,G13*G6),2))');
});

test("in WPS 文字 only 任务窗格 shows; the spreadsheet buttons explain themselves", () => {
  const fake = new FakeWpsWriter(new WriterDocModel("报告.docx"));
  const { ribbon, alerts } = ribbonOver(fake.Application);
  expect(ribbon.OnGetVisible({ Id: CONTROL.pane })).toBe(true);
  expect(ribbon.OnGetVisible({ Id: CONTROL.check })).toBe(false);
  expect(click(ribbon, CONTROL.check)).toBe(true);
  expect(alerts[0]).toContain("WPS 表格");
});

test("the entry page: its folder, and whether it is the pane", () => {
  expect(folderOf("file:///C:/Users/a/AppData/Roaming/kingsoft/wps/jsaddons/jixiao_0.1.0/index.html#pane")).toBe(
    "file:///C:/Users/a/AppData/Roaming/kingsoft/wps/jsaddons/jixiao_0.1.0/",
  );
  expect(folderOf("http://intranet/addins/jixiao/index.html?x=1")).toBe("http://intranet/addins/jixiao/");
  expect(isPane({ hash: "#pane", search: "" })).toBe(true);
  expect(isPane({ hash: "", search: "?pane=1" })).toBe(true);
  expect(isPane({ hash: "", search: "" })).toBe(false);
});
