/**
 * The commands 标注问题 / 清除标注 (src/app/commands/mark.ts, clear.ts): which hosts can mark, the preview, the writes,
 * and the bilingual error when a host cannot mark. The hosts are in-memory fakes over a fixture's sheets; the real
 * writers are tested with their adapters (test/adapters/xlsx/marks.test.ts).
 */
import { isUserError } from "../../src/core/errors";
import { MARK_AUTHOR, isOwnNote } from "../../src/core/marks";
import type { CellMark, MarkPlan } from "../../src/core/marks";
import type { FillPlan } from "../../src/core/plan";
import type { SheetSnapshot } from "../../src/core/snapshot";
import type { MarkingHost, SpreadsheetHost } from "../../src/host/host";
import {
  checkAndMark,
  clearWorkbookMarks,
  describeClear,
  describeMarks,
  commitMark,
  marking,
  planMarks,
  previewClear,
} from "../../src/app/commands";
import { check } from "../../src/app/commands";
import { markedFileName } from "../../src/app/fileNames";
import { fixtureNames, fixtureSnapshots } from "../support/fixtures";

class PlainHost implements SpreadsheetHost {
  readonly kind = "file" as const;
  readonly displayName = "t.xlsx";
  readonly fileName = "t.xlsx";
  constructor(private readonly sheets: SheetSnapshot[]) {}
  async readSheets(): Promise<SheetSnapshot[]> {
    return this.sheets;
  }
  async applyPlan(_plan: FillPlan): Promise<void> {}
  async canUndo(): Promise<boolean> {
    return false;
  }
  async undo(): Promise<void> {}
  async selectCell(): Promise<void> {}
}

class MarkingFake extends PlainHost implements MarkingHost {
  applied: MarkPlan[] = [];
  marks: CellMark[] = [];
  async applyMarks(plan: MarkPlan): Promise<void> {
    this.applied.push(plan);
    this.marks.push(...plan.marks);
  }
  async readMarks(): Promise<CellMark[]> {
    return [...this.marks];
  }
  async clearMarks(): Promise<number> {
    const n = this.marks.length;
    this.marks = [];
    return n;
  }
}

const NAMES = fixtureNames();

let marked = 0;
afterAll(() => {
  // the fixtures do have findings on cells: the per-fixture test below compared something
  expect(marked).toBeGreaterThan(0);
});

test("marking() tells a marking host from one without the ability", async () => {
  const sheets = await fixtureSnapshots(NAMES[0]);
  expect(marking(new PlainHost(sheets))).toBeNull();
  const fake = new MarkingFake(sheets);
  expect(marking(fake)).toBe(fake);
});

test("a host that cannot mark gets a bilingual UserError, and nothing is written", async () => {
  const host = new PlainHost(await fixtureSnapshots(NAMES[0]));
  for (const call of [() => commitMark(host, { plan: { marks: [] } }), () => previewClear(host), () => clearWorkbookMarks(host)]) {
    const err = await call().then(
      () => null,
      (e: unknown) => e,
    );
    expect(isUserError(err)).toBe(true);
    if (isUserError(err)) {
      expect(err.code).toBe("no-marking");
      expect(err.zh).toMatch(/标注/);
      expect(err.en).toMatch(/Marking/);
    }
  }
});

test.each(NAMES)("%s: the plan marks exactly the cells the findings point at, in the chosen language", async (name) => {
  const host = new MarkingFake(await fixtureSnapshots(name));
  const { analysis } = await check(host, { profile: "default", scope: "all" });
  const zh = planMarks(analysis, "zh");
  const en = planMarks(analysis, "en");
  const withInfo = planMarks(analysis, "zh", { includeInfo: true });
  const pointed = new Set(
    analysis.sheets
      .flatMap((s) => s.tables)
      .flatMap((t) => t.findings)
      .filter((f) => f.cell && f.severity !== "info")
      .map((f) => `${f.sheet}!${f.cell?.toUpperCase()}`),
  );
  expect(new Set(zh.marks.map((m) => `${m.sheet}!${m.cell}`))).toEqual(pointed);
  expect(en.marks.map((m) => m.cell)).toEqual(zh.marks.map((m) => m.cell));
  expect(withInfo.marks.length).toBeGreaterThanOrEqual(zh.marks.length);
  for (const m of [...zh.marks, ...en.marks]) expect(isOwnNote(m.note)).toBe(true);
  for (const m of zh.marks) expect(m.note.split("\n")[0]).toBe(MARK_AUTHOR);
  marked += withInfo.marks.length;
});

test("commitMark writes the plan once; an empty plan writes nothing; clear is previewed then done", async () => {
  const host = new MarkingFake(await fixtureSnapshots(NAMES[0]));
  await commitMark(host, { plan: { marks: [] } });
  expect(host.applied).toHaveLength(0);
  const { plan } = await checkAndMark(host, { profile: "default", scope: "all", lang: "zh", includeInfo: true });
  expect(plan.marks.length).toBeGreaterThan(0);
  expect(host.applied).toEqual([plan]);
  const preview = await previewClear(host);
  expect(preview).toEqual(plan.marks);
  expect(await clearWorkbookMarks(host)).toBe(plan.marks.length);
  expect(await previewClear(host)).toEqual([]);
});

test("checkAndMark refuses before reading when the host cannot mark", async () => {
  let reads = 0;
  const host = new PlainHost([]);
  host.readSheets = async () => {
    reads += 1;
    return [];
  };
  await expect(checkAndMark(host, { profile: "default", scope: "all", lang: "en" })).rejects.toMatchObject({ code: "no-marking" });
  expect(reads).toBe(0);
});

test("the notices and the marked copy's name", () => {
  const mark = (severity: CellMark["severity"]): CellMark => ({
    sheet: "S",
    cell: "A1",
    severity,
    codes: [],
    note: MARK_AUTHOR,
    fill: "FFFFFF",
  });
  expect(describeMarks([mark("error"), mark("error"), mark("warning")])).toEqual({
    zh: "标注 3 个单元格：错误 2 处，警告 1 处，提示 0 处。",
    en: "3 cell(s) marked: 2 error(s), 1 warning(s), 0 note(s).",
  });
  expect(describeMarks([]).en).toBe("There is no cell to mark.");
  expect(describeClear(0).zh).toBe("工作簿中没有本助手的标注。");
  expect(describeClear(4).en).toBe("Marks removed from 4 cell(s).");
  expect(markedFileName("a.b.xlsx")).toBe("a.b（已标注）.xlsx");
  expect(markedFileName("宏.XLSM")).toBe("宏（已标注）.xlsm");
  expect(markedFileName(null)).toBe("自评表（已标注）.xlsx");
});
