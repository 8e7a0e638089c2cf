/**
 * What 标注问题 marks (issue 13): one mark per cell a finding points at, the worst severity's colour, every finding
 * of the cell in the note, our notes recognisable by their first line — over the real fixtures.
 */
import { analyzeWorkbook, type WorkbookAnalysis } from "../../src/core";
import { MARK_AUTHOR, MARK_FILLS, isOwnNote, markPlan } from "../../src/core/marks";
import { fixtureNames, fixtureSnapshots } from "../support/fixtures";

const analyses = new Map<string, WorkbookAnalysis>();

beforeAll(async () => {
  for (const n of fixtureNames()) analyses.set(n, analyzeWorkbook(await fixtureSnapshots(n)));
});

describe("markPlan", () => {
  test.each(fixtureNames())("%s: every error and warning with a cell is on exactly one mark", (name) => {
    const analysis = analyses.get(name)!;
    const plan = markPlan(analysis);
    const keys = plan.marks.map((m) => `${m.sheet}!${m.cell}`);
    expect(new Set(keys).size).toBe(keys.length);
    const findings = analysis.sheets.flatMap((s) => s.tables.flatMap((t) => t.findings)).filter((f) => f.cell);
    for (const f of findings) {
      const mark = plan.marks.find((m) => m.sheet === f.sheet && m.cell === f.cell!.toUpperCase());
      if (f.severity === "info") continue;
      expect(mark).toBeDefined();
      expect(mark!.codes).toContain(f.code);
      expect(mark!.note).toContain(f.message);
    }
    for (const m of plan.marks) {
      expect(m.severity).not.toBe("info");
      expect(m.fill).toBe(MARK_FILLS[m.severity]);
      expect(isOwnNote(m.note)).toBe(true);
      // the worst severity of the cell's findings decides the colour
      const own = findings.filter((f) => f.sheet === m.sheet && f.cell!.toUpperCase() === m.cell && f.severity !== "info");
      expect(m.severity).toBe(own.some((f) => f.severity === "error") ? "error" : "warning");
    }
  });

  test("info findings are marked only when asked, and notes follow the language", () => {
    const all = [...analyses.values()];
    const withInfo = all.map((a) => markPlan(a, { includeInfo: true, lang: "en" }).marks).flat();
    const infoFindings = all
      .flatMap((a) => a.sheets.flatMap((s) => s.tables.flatMap((t) => t.findings)))
      .filter((f) => f.cell && f.severity === "info");
    if (infoFindings.length > 0) expect(withInfo.some((m) => m.codes.some((c) => infoFindings.some((f) => f.code === c)))).toBe(true);
    for (const m of withInfo) expect(m.note).not.toMatch(/【错误】|【警告】/);
  });

  test("the fixtures, tables as published, give marks to place", () => {
    expect([...analyses.values()].reduce((n, a) => n + markPlan(a).marks.length, 0)).toBeGreaterThan(0);
  });

  test("a person's note is not ours", () => {
    expect(isOwnNote(`${MARK_AUTHOR}\n【错误】x`)).toBe(true);
    expect(isOwnNote("请核实该数字")).toBe(false);
    expect(isOwnNote(`张三：${MARK_AUTHOR}`)).toBe(false);
    expect(isOwnNote(null)).toBe(false);
  });
});
