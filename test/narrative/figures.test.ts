/**
 * One set of figures (issue 14): the report states the table's own numbers. For an unfilled workbook the stated
 * report quotes every cell as the sheet has it and compareFigures lists each figure the rule would change; for the
 * same workbook after the fill there is no difference and the stated report is the rule's report.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { loadXlsx } from "../../src/adapters/xlsx";
import { analyzeWorkbook, applyPlanToSnapshot, snapshotCells, type SheetSnapshot, type TableAnalysis } from "../../src/core";
import {
  breakTitle,
  buildNarrative,
  chineseDate,
  compareFigures,
  dateInChina,
  differenceLine,
  narrativeText,
  printedWidth,
  quotesOf,
  statedAnalysis,
} from "../../src/core/narrative";
import { FIXTURE_DIR } from "../support/fixtures";

const FIXTURES = [
  "project-medical-aid-2020",
  "project-insurance-subsidy-2020",
  "department-overall-2020",
  "summary-projects-2020",
  "project-special-retirees-2020",
];

async function snapshots(name: string): Promise<SheetSnapshot[]> {
  return (await loadXlsx(readFileSync(join(FIXTURE_DIR, `${name}.xlsx`)))).snapshots();
}

function tablesOf(snaps: SheetSnapshot[]): TableAnalysis[] {
  return analyzeWorkbook(snaps).sheets.flatMap((s) => s.tables);
}

/** The workbook after the fill, in memory: every table's plan applied to its sheet. */
function filled(snaps: SheetSnapshot[]): SheetSnapshot[] {
  const plans = tablesOf(snaps).map((t) => t.plan);
  return snaps.map((s) => plans.reduce((acc, p) => applyPlanToSnapshot(acc, p), s));
}

/** A cell's number as the sheet holds it (text with spaces, "99.15%", a number). */
function cellNumber(snap: SheetSnapshot, address: string): number | null {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]].reduce((a, c) => a * 26 + c.charCodeAt(0) - 64, 0);
  const cell = snapshotCells(snap).find((c) => c.row === Number(m[2]) && c.col === col);
  if (!cell || cell.value === null || cell.value === "") return null;
  if (typeof cell.value === "number") return cell.value;
  const text = String(cell.value).replace(/[\s\u3000,]/g, "");
  const pct = text.endsWith("%");
  const n = Number(pct ? text.slice(0, -1) : text);
  return Number.isFinite(n) ? (pct ? n / 100 : n) : null;
}

/** "100.86%" → 1.0086; "98分" → 98; "3416.022万元" → 3416.022; null for a word (等级). */
function quotedNumber(value: string): { n: number; decimals: number } | null {
  const m = /^(-?\d+(?:\.(\d+))?)(%|分|万元)$/.exec(value);
  if (!m) return null;
  const n = Number(m[1]);
  const decimals = m[2]?.length ?? 0;
  // scores are written to 2 decimals with trailing zeros dropped (98分, 9.89分)
  return m[3] === "%" ? { n: n / 100, decimals: decimals + 2 } : { n, decimals: m[3] === "分" ? 2 : decimals };
}

/** Every number the report quotes from a cell is that cell's number, to the precision the report writes. */
function quotesMatchSheet(
  t: TableAnalysis,
  snap: SheetSnapshot,
  figures: "stated" | "rule" = "stated",
): { cell: string; label: string; quoted: string; sheet: number | null }[] {
  const off: { cell: string; label: string; quoted: string; sheet: number | null }[] = [];
  for (const q of quotesOf(buildNarrative(figures === "stated" ? statedAnalysis(t) : t))) {
    const said = quotedNumber(q.value);
    if (!said) continue;
    const sheet = cellNumber(snap, q.cell);
    if (sheet === null || Math.abs(sheet - said.n) > 0.5 * 10 ** -said.decimals + 1e-9)
      off.push({ cell: q.cell, label: q.label, quoted: q.value, sheet });
  }
  return off;
}

describe("the report's figures are the table's", () => {
  test.each(FIXTURES)("%s: unfilled — every quote is the sheet's number; every other rule figure is listed", async (name) => {
    const snaps = await snapshots(name);
    for (const t of tablesOf(snaps)) {
      const snap = snaps.find((s) => s.name === t.sheet)!;
      const off = quotesMatchSheet(t, snap);
      // A quote that is not the sheet's number can only be a derived figure the sheet leaves empty … and then
      // compareFigures names that very cell.
      const listed = new Set(compareFigures(t).map((d) => d.cell));
      for (const o of off) expect({ ...o, listed: listed.has(o.cell) || o.sheet === null }).toMatchObject({ listed: true });
    }
  });

  test.each(FIXTURES)("%s: filled — no figure differs, and the stated report is the rule's report", async (name) => {
    const snaps = filled(await snapshots(name));
    for (const t of tablesOf(snaps)) {
      expect(compareFigures(t)).toEqual([]);
      expect(
        quotesMatchSheet(
          t,
          snaps.find((s) => s.name === t.sheet)!,
        ),
      ).toEqual([]);
      expect(narrativeText(buildNarrative(statedAnalysis(t)))).toBe(narrativeText(buildNarrative(t)));
    }
  });

  test("medical aid, unfilled: the inverted 99.15% and the 9.9 are stated, and listed against the rule", async () => {
    const snaps = await snapshots("project-medical-aid-2020");
    const [t] = tablesOf(snaps);
    // the rule's report would not agree with this sheet: the checker above sees it
    expect(quotesMatchSheet(t, snaps[0], "rule").map((o) => o.cell)).toEqual(expect.arrayContaining(["G6", "H6"]));
    expect(quotesMatchSheet(t, snaps[0])).toEqual([]);
    const diffs = compareFigures(t);
    expect(diffs.map((d) => differenceLine(d))).toEqual([
      "执行率（G6）：表中99.15%，按规则100.86%",
      "执行率得分（H6）：表中9.9分，按规则10分",
    ]);
    const text = narrativeText(buildNarrative(statedAnalysis(t)));
    expect(text).toContain("执行率99.15%");
    expect(text).toContain("得分9.9分");
    expect(text).not.toContain("执行率100.86%");
    // over-execution is read from the money, whatever the stated rate says
    expect(text).toContain("年度资金总额全年执行数3416.022万元，超出全年预算数3386.925万元。【请补充：年度资金总额超预算执行的原因");
  });

  test("department, unfilled: every inverted rate and the 97.94 are listed", async () => {
    const [t] = tablesOf(await snapshots("department-overall-2020"));
    const cells = compareFigures(t).map((d) => `${d.cell} ${d.stated}→${d.rule}`);
    expect(cells).toEqual(expect.arrayContaining(["G5 64.81%→154.30%", "G7 90.66%→110.31%", "G8 56.25%→177.79%", "C37 97.94分→95.94分"]));
    // the department report asks why each over-executed row went over, as the project report does
    const text = narrativeText(buildNarrative(statedAnalysis(t)));
    for (const row of ["财政拨款", "基本支出", "项目支出"]) expect(text).toContain(`【请补充：${row}超预算执行的原因及预算调整情况】`);
  });

  test("special retirees, unfilled: empty derived cells are listed as empty, and the report leaves them to write", async () => {
    const [t] = tablesOf(await snapshots("project-special-retirees-2020"));
    const d = compareFigures(t);
    expect(d.find((x) => x.cell === "H21")).toMatchObject({ label: "总分", stated: "（空）", rule: "96.85分" });
    const text = narrativeText(buildNarrative(statedAnalysis(t)));
    expect(text).toContain("【请补充：绩效自评总分及评价等级】");
    expect(text).not.toContain("96.85");
  });

  test("a person's own score that differs from the rule is their judgement, not a difference", async () => {
    // medical aid's 13 of 15 for an exceeded target stays: SCORE_MISMATCH suggests, the fill never overwrites it
    const [t] = tablesOf(await snapshots("project-medical-aid-2020"));
    expect(t.findings.some((f) => f.code === "SCORE_MISMATCH" && f.cell === "H13")).toBe(true);
    expect(compareFigures(t).map((d) => d.cell)).not.toContain("H13");
  });
});

describe("title and 落款", () => {
  test("a title breaks between subject, year and kind, never leaving one character", () => {
    expect(breakTitle("城乡困难居民医疗救助项目2020年度绩效自评报告")).toEqual(["城乡困难居民医疗救助项目", "2020年度绩效自评报告"]);
    expect(breakTitle("浏阳市医疗保障局2020年度部门整体支出绩效自评报告")).toEqual([
      "浏阳市医疗保障局2020年度",
      "部门整体支出绩效自评报告",
    ]);
    expect(breakTitle("项目支出绩效自评报告")).toEqual(["项目支出绩效自评报告"]);
    // the line the issue saw: 告 alone on the second line
    for (const title of [
      "中央转移医疗服务与保障能力提升补助资金（年中追加）项目2020年度绩效自评报告",
      "城乡居民基本医疗保险参保缴费财政补助项目2021年度绩效自评报告",
      "某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某",
    ]) {
      const lines = breakTitle(title);
      expect(lines.join("")).toBe(title);
      for (const l of lines) {
        expect(printedWidth(l)).toBeLessThanOrEqual(20);
        expect([...l].length).toBeGreaterThan(1);
        expect(l).not.toMatch(/^[）)，。]/);
      }
    }
  });

  test("the date in 中文 form, in China's calendar day", () => {
    expect(chineseDate({ year: 2021, month: 4, day: 3 })).toBe("2021年4月3日");
    expect(dateInChina("2021-04-02T17:30:00Z")).toEqual({ year: 2021, month: 4, day: 3 });
    expect(dateInChina("not a time")).toBeNull();
  });

  test("the signature names the 实施单位 or 部门 the table gives, or nothing to be filled in", async () => {
    const [p] = tablesOf(await snapshots("project-medical-aid-2020"));
    expect(buildNarrative(p).signature).toEqual({ unit: "浏阳市医疗保障局", cell: "G4" });
    const [d] = tablesOf(await snapshots("department-overall-2020"));
    expect(buildNarrative(d).signature.unit).toBe("浏阳市医疗保障局");
  });
});
