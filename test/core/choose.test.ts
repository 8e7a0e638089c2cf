/**
 * Choosing changes (issue 13): the plan grouped by reason, a chosen subset as a plan (with the conversions a chosen
 * formula needs), and NUMBER_AS_TEXT findings fixed by one action — over the real fixtures.
 */
import fc from "fast-check";
import { analyzeWorkbook, applyPlanToSnapshot, Grid, type SheetSnapshot, type TableAnalysis } from "../../src/core";
import { changeKey, chooseChanges, formulaRefs, groupChanges, numberAsTextFix, conversionsRequired } from "../../src/core/choose";
import { parseA1 } from "../../src/core/address";
import { fixtureNames, fixtureSnapshots } from "../support/fixtures";

const loaded = new Map<string, { snapshots: SheetSnapshot[]; tables: TableAnalysis[] }>();

beforeAll(async () => {
  for (const n of fixtureNames()) {
    const snapshots = await fixtureSnapshots(n);
    loaded.set(n, { snapshots, tables: analyzeWorkbook(snapshots).sheets.flatMap((s) => s.tables) });
  }
});

function only(name: string): TableAnalysis {
  const t = loaded.get(name)!.tables;
  expect(t).toHaveLength(1);
  return t[0];
}

describe("formulaRefs", () => {
  test("single cells, ranges, absolute references; strings and other sheets ignored", () => {
    expect(formulaRefs('=IFERROR(ROUND(E6/D6,4),"")')).toEqual(["E6", "D6"]);
    expect(formulaRefs("=ROUND(SUM($H$13:H15,H6),2)")).toEqual(["H13", "H14", "H15", "H6"]);
    expect(formulaRefs("=SUM('其他 表'!A1:A3,Sheet2!B2,C2)")).toEqual(["C2"]);
    expect(formulaRefs('=IF(A1="B2",1,0)')).toEqual(["A1"]);
    expect(formulaRefs("=LOG10(A1)")).toEqual(["A1"]);
  });
});

describe("groupChanges", () => {
  test.each(fixtureNames())("%s: every change in exactly one group, groups in the fixed order", (name) => {
    for (const t of loaded.get(name)!.tables) {
      const groups = groupChanges([t], t.plan);
      const keys = groups.flatMap((g) => g.keys);
      expect(new Set(keys).size).toBe(keys.length);
      expect([...keys].sort()).toEqual(t.plan.changes.map(changeKey).sort());
      const order = ["rate", "score", "total", "number", "other"];
      const ids = groups.map((g) => g.id);
      expect(ids).toEqual([...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
      for (const g of groups) {
        expect(g.changes.length).toBeGreaterThan(0);
        for (const c of g.changes) {
          if (c.kind === "number") expect(g.id).toBe("number");
        }
      }
    }
  });

  test("a project table: 执行率 G6, 执行率得分 H6, 总分, and the text numbers the rate reads", () => {
    const t = only("project-medical-aid-2020");
    const groups = Object.fromEntries(groupChanges([t], t.plan).map((g) => [g.id, g.changes.map((c) => c.cell)]));
    const p = t.table.kind === "project" ? t.table : null;
    expect(groups.rate).toEqual([p!.rate!.ref.address]);
    expect(groups.score).toContain(p!.budgetScore!.ref.address);
    expect(groups.total).toEqual([p!.total!.ref.address]);
    expect(groups.number.sort()).toEqual([p!.fundTotal!.budget!.ref.address, p!.fundTotal!.executed!.ref.address].sort());
    expect(groups.other).toBeUndefined();
  });

  test("a summary: rates and 合计 apart; empty indicator scores of a project under 得分", () => {
    const s = only("summary-projects-2020");
    const g = groupChanges([s], s.plan);
    expect(g.map((x) => x.id)).toEqual(["rate", "total"]);
    const r = only("project-special-retirees-2020");
    const scores = groupChanges([r], r.plan).find((x) => x.id === "score")!;
    expect(scores.changes.filter((c) => c.kind === "score").length).toBeGreaterThan(0);
  });
});

describe("chooseChanges", () => {
  test("choosing the rate alone brings the conversions its formula reads, and says so", () => {
    const t = only("project-medical-aid-2020");
    const rate = t.plan.changes.find(
      (c) => c.kind === "formula" && /E\d+\/D\d+|D\d+/.test(c.after.formula ?? "") && c.cell.startsWith("G"),
    )!;
    const { plan, required } = chooseChanges(t.plan, new Set([changeKey(rate)]));
    const conv = t.plan.changes.filter((c) => c.kind === "number").map(changeKey);
    expect(conv.length).toBe(2);
    expect(plan.changes.map(changeKey).sort()).toEqual([changeKey(rate), ...conv].sort());
    for (const k of conv) expect(required.get(k)).toEqual([changeKey(rate)]);
  });

  test("nothing chosen → nothing written; everything chosen → the whole plan, nothing 'required'", () => {
    const t = only("department-overall-2020");
    expect(chooseChanges(t.plan, new Set()).plan.changes).toEqual([]);
    const all = chooseChanges(t.plan, new Set(t.plan.changes.map(changeKey)));
    expect(all.plan.changes).toEqual(t.plan.changes);
    expect(all.required.size).toBe(0);
    expect(conversionsRequired(t.plan).size).toBeGreaterThan(0);
  });

  test.each(fixtureNames())("%s: any subset written leaves every other cell as it was", (name) => {
    const { snapshots, tables } = loaded.get(name)!;
    const plan = { changes: tables.flatMap((t) => t.plan.changes) };
    if (plan.changes.length === 0) return;
    const keys = plan.changes.map(changeKey);
    fc.assert(
      fc.property(fc.subarray(keys), (chosenKeys) => {
        const { plan: chosen, required } = chooseChanges(plan, new Set(chosenKeys));
        const written = new Set(chosen.changes.map(changeKey));
        for (const k of written) expect(chosenKeys.includes(k) || required.has(k)).toBe(true);
        for (const s of snapshots) {
          const before = new Grid(s);
          const after = new Grid(applyPlanToSnapshot(s, chosen));
          for (const c of plan.changes.filter((x) => x.sheet === s.name)) {
            const { row, col } = parseA1(c.cell);
            if (written.has(changeKey(c))) continue;
            expect(after.value(row, col)).toEqual(before.value(row, col));
            expect(after.formula(row, col)).toEqual(before.formula(row, col));
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe("numberAsTextFix", () => {
  test("the six text numbers of the 医疗救助 table: one plan, same values, and afterwards no NUMBER_AS_TEXT", () => {
    const t = only("project-medical-aid-2020");
    const fix = numberAsTextFix(t)!;
    const found = t.findings.filter((f) => f.code === "NUMBER_AS_TEXT").map((f) => f.cell);
    expect(found).toHaveLength(6);
    expect(fix.findings.map((f) => f.cell)).toEqual(found);
    expect(fix.plan.changes.map((c) => c.cell).sort()).toEqual([...found].sort());
    for (const c of fix.plan.changes) {
      expect(c.kind).toBe("number");
      expect(typeof c.after.value).toBe("number");
      expect(Number(String(c.before.value).replace(/[\s\u3000]/g, ""))).toBeCloseTo(c.after.value as number, 9);
    }
    const snaps = loaded.get("project-medical-aid-2020")!.snapshots.map((s) => applyPlanToSnapshot(s, fix.plan));
    const again = analyzeWorkbook(snaps).sheets.flatMap((s) => s.tables)[0];
    expect(again.findings.filter((f) => f.code === "NUMBER_AS_TEXT")).toEqual([]);
    const codes = (ts: TableAnalysis) => ts.findings.filter((f) => f.code !== "NUMBER_AS_TEXT").map((f) => `${f.code}@${f.cell}`);
    expect(codes(again)).toEqual(codes(t));
  });

  test("a table without text numbers has no such fix", () => {
    expect(numberAsTextFix(only("project-special-retirees-2020"))).toBeNull();
  });
});
