/**
 * The spreadsheet pane's state machine (src/taskpane/spreadsheet/state.ts): one stage at a time — idle, analysed, a
 * fill preview, a marks preview, the report waiting for a choice — and what each step leaves on screen.
 */
import { initialState, paneReducer, type PaneAction, type PaneState } from "../../src/taskpane/spreadsheet/state";
import { fillFrom, markFrom, planCheck } from "../../src/app/commands";
import { tableReports } from "../../src/app/commands/report";
import type { SpreadsheetHost } from "../../src/host/host";
import { fixtureNames, fixtureSnapshots } from "../support/fixtures";

const run = (s: PaneState, ...actions: PaneAction[]) => actions.reduce(paneReducer, s);
const host = { kind: "file", displayName: "t.xlsx", fileName: "t.xlsx" } as unknown as SpreadsheetHost;

test("idle → analysed → fill preview → written (back to analysed, undo offered, the notice in the preview's place)", async () => {
  const checked = planCheck(await fixtureSnapshots(fixtureNames()[0]), { profile: "default" });
  let s = initialState(host, "file", null);
  expect(s.stage.kind).toBe("idle");
  expect(s.allSheets).toBe(true);
  s = run(s, { type: "checked", checked });
  expect(s.stage.kind).toBe("analysed");
  expect(s.checked?.snapshots.length).toBeGreaterThan(0);

  const proposal = fillFrom(checked);
  s = run(s, { type: "select", key: "0:1", tableIndex: 0, cell: "B2" }, { type: "fill-preview", proposal, groups: [] });
  expect(s.stage).toEqual({ kind: "fill-preview", proposal, groups: [] });
  expect(s.selected).toBe("0:1");
  // the preview's chosen plan: the same plan again changes nothing (the preview reports it from an effect)
  const chosen = run(s, { type: "chosen", plan: proposal.plan });
  expect(run(chosen, { type: "chosen", plan: proposal.plan })).toBe(chosen);

  s = run(s, { type: "written", notice: { intent: "success", text: "ok", focus: true } });
  expect(s.stage.kind).toBe("analysed");
  expect(s.canUndo).toBe(true);
  expect(s.notice?.text).toBe("ok");
  // a new check starts the list unselected and keeps the stage
  s = run(s, { type: "checked", checked });
  expect(s.selected).toBeNull();
  expect(s.stage.kind).toBe("analysed");
});

test("one stage at a time: a marks preview replaces the fill preview, the report's choice replaces both; back settles", async () => {
  const checked = planCheck(await fixtureSnapshots(fixtureNames()[0]), { profile: "default" });
  let s = run(initialState(host, "excel", null), { type: "checked", checked });
  expect(s.allSheets).toBe(false);
  s = run(s, { type: "fill-preview", proposal: fillFrom(checked), groups: [] });
  s = run(s, { type: "mark-preview", proposal: markFrom(checked, { lang: "zh" }) });
  expect(s.stage.kind).toBe("mark-preview");
  s = run(s, { type: "marks-written", marked: true, notice: { intent: "success", text: "marked" } });
  expect(s).toMatchObject({ stage: { kind: "analysed" }, marked: true, canUndo: true, markNotice: { text: "marked" } });
  const reports = tableReports(checked.analysis.sheets);
  s = run(s, { type: "report-choice", reports });
  expect(s.stage).toEqual({ kind: "report-choice", reports });
  s = run(s, { type: "back" });
  expect(s.stage.kind).toBe("analysed");
  s = run(s, { type: "undone", canUndo: false, notice: { intent: "success", text: "undone" } });
  expect(s).toMatchObject({ canUndo: false, markNotice: null, notice: { text: "undone" } });
});

test("a file opened anew forgets the last workbook's check, previews and marks", async () => {
  const checked = planCheck(await fixtureSnapshots(fixtureNames()[0]), { profile: "default" });
  let s = run(initialState(null, "file", null), { type: "opened", host }, { type: "checked", checked });
  s = run(s, { type: "marks-written", marked: true, notice: { intent: "success", text: "m" } });
  s = run(s, { type: "opened", host });
  expect(s).toMatchObject({ host, checked: null, stage: { kind: "idle" }, canUndo: false, marked: false, markNotice: null });
});
