/**
 * The fake ET enforces what WPS's object model does — tested here so that the adapter tests mean something.
 */
import { ComError, EtWorkbookModel, FakeEt, HRESULT, type MemberStyle } from "../../fakes/fakeEt";

type Any = any; // the COM-like objects are untyped, as in WPS

function book(): EtWorkbookModel {
  const wb = new EtWorkbookModel("表.xlsx");
  const s = wb.addSheet("附件3-1");
  s.setA1("A1", { value: "项目名称" }).setA1("B2", { value: 12.5 }).setA1("C2", { value: null, formula: "=B2*2" });
  s.setA1("D2", { value: { error: "#DIV/0!" } }).setA1("E2", { value: 0.5, numberFormat: "0.00%" });
  s.merge("A4:B5");
  wb.addSheet("说明");
  return wb;
}

/** Reads a member the way each build needs. */
function read(o: Any, name: string, style: MemberStyle): Any {
  return style === "method" ? o[name]() : o[name];
}

function thrown(f: () => unknown): ComError {
  try {
    f();
  } catch (e) {
    return e as ComError;
  }
  throw new Error("did not throw");
}

describe.each(["property", "method"] as const)("fake ET, %s build", (style) => {
  const make = (opts = {}) => new FakeEt(book(), { members: style, ...opts });

  test("members are properties or zero-argument methods as the build says", () => {
    const fake = make();
    const app: Any = fake.Application;
    if (style === "method") {
      expect(typeof app.ActiveWorkbook).toBe("function");
      expect(() => app.ActiveWorkbook(1)).toThrow(ComError);
    } else expect(typeof app.ActiveWorkbook).toBe("object");
    const wb = read(app, "ActiveWorkbook", style);
    expect(read(wb, "Name", style)).toBe("表.xlsx");
  });

  test("1-based indices; 0, past Count or an unknown name is a COM error", () => {
    const sheets = read(read(make().Application, "ActiveWorkbook", style), "Worksheets", style);
    expect(read(sheets, "Count", style)).toBe(2);
    expect(read(sheets.Item(1), "Name", style)).toBe("附件3-1");
    expect(read(sheets.Item("说明"), "Name", style)).toBe("说明");
    for (const bad of [0, 3, -1, "没有"]) expect(thrown(() => sheets.Item(bad)).number).toBe(HRESULT.BAD_INDEX);
    const ws = sheets.Item(1);
    expect(thrown(() => read(ws, "Cells", style).Item(0, 1)).number).toBe(HRESULT.APP_DEFINED);
    expect(thrown(() => ws.Range("A0")).number).toBe(HRESULT.APP_DEFINED);
    expect(thrown(() => ws.Range("XFE1")).number).toBe(HRESULT.APP_DEFINED);
  });

  test("Value2: a scalar for one cell, a 2-D array (rows of columns) for several; empty is undefined; errors as codes or text", () => {
    const fake = make();
    const ws = read(read(fake.Application, "ActiveWorkbook", style), "ActiveSheet", style);
    expect(read(ws.Range("B2"), "Value2", style)).toBe(12.5);
    expect(read(ws.Range("A1:C2"), "Value2", style)).toEqual([
      ["项目名称", undefined, undefined],
      [undefined, 12.5, undefined], // a formula not yet calculated
    ]);
    expect(read(ws.Range("D2"), "Value2", style)).toBe(-2146826281);
    expect(read(ws.Range("D2"), "Text", style)).toBe("#DIV/0!");
    const text = new FakeEt(book(), { members: style, errors: "text" });
    const ws2 = read(read(text.Application, "ActiveWorkbook", style), "ActiveSheet", style);
    expect(read(ws2.Range("D2"), "Value2", style)).toBe("#DIV/0!");
    expect(read(ws.Range("C2"), "Formula", style)).toBe("=B2*2");
    expect(read(ws.Range("B2:C2"), "Formula", style)).toEqual([["12.5", "=B2*2"]]);
  });

  test("NumberFormat, MergeCells and Locked of a mixed range are null", () => {
    const fake = make();
    const ws = read(read(fake.Application, "ActiveWorkbook", style), "ActiveSheet", style);
    expect(read(ws.Range("E2"), "NumberFormat", style)).toBe("0.00%");
    expect(read(ws.Range("A1:B2"), "NumberFormat", style)).toBe("General");
    expect(read(ws.Range("D2:E2"), "NumberFormat", style)).toBeNull();
    expect(read(ws.Range("A4:B5"), "MergeCells", style)).toBe(true);
    expect(read(ws.Range("A1:B2"), "MergeCells", style)).toBe(false);
    expect(read(ws.Range("A3:B4"), "MergeCells", style)).toBeNull();
    const ma = read(ws.Range("B5"), "MergeArea", style);
    expect([read(ma, "Row", style), read(ma, "Column", style), read(read(ma, "Rows", style), "Count", style)]).toEqual([4, 1, 2]);
    expect(() => read(ws.Range("A1:B1"), "MergeArea", style)).toThrow(ComError);
    const r = ws.Range("B2");
    r.Locked = false;
    expect(read(ws.Range("B2"), "Locked", style)).toBe(false);
    expect(read(ws.Range("B2:C2"), "Locked", style)).toBeNull();
  });

  test("writes parse like typing; protected locked cells refuse; unlocked ones accept", () => {
    const fake = make();
    const ws = read(read(fake.Application, "ActiveWorkbook", style), "ActiveSheet", style);
    const s = fake.sheet("附件3-1");
    ws.Range("F1").Formula = "=SUM(B2:C2)";
    ws.Range("F2").Formula = "12";
    ws.Range("F3").Formula = "'12";
    ws.Range("F4").Value2 = "50%";
    ws.Range("F5").Formula = "TRUE";
    ws.Range("F6").NumberFormat = "@";
    ws.Range("F6").Formula = "=A1";
    expect(s.getA1("F1")).toMatchObject({ formula: "=SUM(B2:C2)", value: null });
    expect(s.getA1("F2").value).toBe(12);
    expect(s.getA1("F3").value).toBe("12");
    expect(s.getA1("F4")).toMatchObject({ value: 0.5, numberFormat: "0%" });
    expect(s.getA1("F5").value).toBe(true);
    expect(s.getA1("F6")).toMatchObject({ value: "=A1", formula: null });
    ws.Range("G1").Locked = false;
    ws.Protect();
    expect(read(ws, "ProtectContents", style)).toBe(true);
    expect(thrown(() => (ws.Range("B2").Formula = "=1")).number).toBe(HRESULT.APP_DEFINED);
    expect(s.getA1("B2").value).toBe(12.5);
    expect(thrown(() => (ws.Range("F7:G7").Value2 = [[1, 2]])).number).toBe(HRESULT.APP_DEFINED);
    ws.Range("G1").Formula = "=B2";
    expect(s.getA1("G1").formula).toBe("=B2");
  });

  test("Select needs the sheet active; Delete needs alerts off; SpecialCells lists areas or says none", () => {
    const fake = make();
    const app: Any = fake.Application;
    const wb = read(app, "ActiveWorkbook", style);
    const other = read(wb, "Worksheets", style).Item("说明");
    expect(thrown(() => other.Range("A1").Select()).number).toBe(HRESULT.APP_DEFINED);
    other.Activate();
    other.Range("A1").Select();
    expect(fake.selection).toEqual({ sheet: "说明", address: "A1" });
    expect(() => other.Delete()).toThrow(ComError);
    app.DisplayAlerts = false;
    other.Delete();
    expect(read(read(wb, "Worksheets", style), "Count", style)).toBe(1);
    const ws = read(wb, "ActiveSheet", style);
    expect(read(ws, "Name", style)).toBe("附件3-1");
    const used = read(ws, "UsedRange", style);
    const constants = used.SpecialCells(2);
    expect(read(read(constants, "Areas", style), "Count", style)).toBeGreaterThan(0);
    expect(read(constants, "Address", style)).toBe("$A$1,$B$2,$D$2:$E$2");
    expect(read(used.SpecialCells(-4123), "Address", style)).toBe("$C$2");
    expect(thrown(() => ws.Range("H1:H9").SpecialCells(2)).number).toBe(HRESULT.APP_DEFINED);
    const old = new FakeEt(book(), { members: style, specialCells: false });
    const ows = read(read(old.Application, "ActiveWorkbook", style), "ActiveSheet", style);
    expect(thrown(() => read(ows, "UsedRange", style).SpecialCells(2)).number).toBe(HRESULT.NOT_IMPLEMENTED);
  });

  test("reading too many cells at once runs out of memory; the stats count what was read", () => {
    const fake = make({ maxCellsPerRead: 1000 });
    const ws = read(read(fake.Application, "ActiveWorkbook", style), "ActiveSheet", style);
    expect(thrown(() => read(ws.Range("A1:Z100"), "Value2", style)).number).toBe(HRESULT.OUT_OF_MEMORY);
    fake.resetStats();
    read(ws.Range("A1:J10"), "Value2", style);
    expect(fake.stats.cellsRead).toBe(100);
  });

  test("task panes and PluginStorage for the ribbon", () => {
    const fake = make();
    const app: Any = fake.Application;
    const pane = app.CreateTaskPane("file:///addin/index.html#pane");
    const id = read(pane, "ID", style);
    pane.Visible = true;
    read(app, "PluginStorage", style).setItem("k", id);
    expect(read(app.GetTaskPane(read(app, "PluginStorage", style).getItem("k")), "Visible", style)).toBe(true);
    expect(fake.taskPanes).toEqual([{ id, url: "file:///addin/index.html#pane", visible: true, dockPosition: 2 }]);
  });
});
