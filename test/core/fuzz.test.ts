/**
 * Random sheets made of the tables' own words, numbers and blanks, anywhere on the grid, merged or not: the engine
 * never throws, never plans a change outside a table it recognised, and filling twice equals filling once.
 */
import fc from "fast-check";
import { analyzeSheet, applyPlanToSnapshot, parseA1, type CellValue, type MergedArea, type SheetSnapshot } from "../../src/core";

const WORDS = [
  "一级指标",
  "二级指标",
  "三级指标",
  "年度指标值",
  "实际完成值",
  "全年完成值",
  "分值",
  "权重",
  "得分",
  "自评得分",
  "偏差原因分析及改进措施",
  "总分",
  "合计",
  "项目名称",
  "主管部门",
  "实施单位",
  "年初预算数",
  "全年预算数",
  "全年执行数",
  "执行率",
  "年度资金总额",
  "其中：当年财政拨款",
  "上年结转资金",
  "其他资金",
  "资金来源：（1）财政拨款",
  "（2）其他资金",
  "资金结构：（1）基本支出",
  "（2）项目支出",
  "整体支出规模",
  "序号",
  "评价等级",
  "产出指标（50分）",
  "数量指标（15）",
  "效益指标",
  "满意度指标",
  "≥95%",
  "≤30天",
  "100%",
  "达成年度指标",
  "预算内",
  "24249人",
  "119.2万人",
  "优",
  "良",
  "　3386.925",
  "99.15%",
  "　\n\n10　",
  "部门（单位）名称",
  "年度总体目标",
  "预期目标",
  "实际完成情况",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 120 }) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 5000, noNaN: true }) },
);

const sheetArb = fc
  .record({
    rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 9 }), { minLength: 1, maxLength: 24 }),
    origin: fc.record({ row: fc.integer({ min: 1, max: 8 }), col: fc.integer({ min: 1, max: 5 }) }),
    merges: fc.array(fc.record({ r: fc.nat(23), c: fc.nat(8), h: fc.integer({ min: 1, max: 4 }), w: fc.integer({ min: 1, max: 3 }) }), {
      maxLength: 5,
    }),
    withMerges: fc.boolean(),
  })
  .map(({ rows, origin, merges, withMerges }): SheetSnapshot => {
    const width = Math.max(...rows.map((r) => r.length));
    const values = rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
    const areas: MergedArea[] = [];
    for (const m of merges) {
      const a = { top: origin.row + (m.r % rows.length), left: origin.col + (m.c % width), bottom: 0, right: 0 };
      a.bottom = Math.min(a.top + m.h - 1, origin.row + rows.length - 1);
      a.right = Math.min(a.left + m.w - 1, origin.col + width - 1);
      if (areas.some((b) => !(a.bottom < b.top || a.top > b.bottom || a.right < b.left || a.left > b.right))) continue;
      areas.push(a);
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++) if (r !== a.top || c !== a.left) values[r - origin.row][c - origin.col] = null;
    }
    return { name: "随机", origin, values, merges: withMerges ? areas : null };
  });

test("random sheets: no exception, changes only inside recognised tables, idempotent", () => {
  fc.assert(
    fc.property(sheetArb, (s) => {
      const a = analyzeSheet(s);
      expect(a.tables.length > 0 || (a.reason !== null && typeof a.reason.key === "string")).toBe(true);
      const changes = a.tables.flatMap((t) => {
        for (const ch of t.plan.changes) {
          const { row, col } = parseA1(ch.cell);
          const b = t.table.bounds;
          expect(row >= b.top && row <= b.bottom && col >= b.left && col <= b.right).toBe(true);
        }
        return t.plan.changes;
      });
      const again = analyzeSheet(applyPlanToSnapshot(s, { changes }));
      expect(again.tables.flatMap((t) => t.plan.changes.map((c) => c.cell))).toEqual([]);
    }),
    { numRuns: 500, seed: 424242 },
  );
});

/** Table skeletons: a fund block and an indicator block with their columns in any order, random contents. */
const QUANTITIES = [
  "≥500人",
  "499人",
  "60万元",
  "60.41万元",
  "100%",
  "≤30天",
  "28天",
  "45天",
  "≥95%",
  "98%",
  ">98%",
  "预算内",
  "达成年度指标",
  "部分达成年度指标并具有一定效果",
  "10个",
  "8个",
  "0",
  "≤0起",
  "1起",
  null,
];
const INDICATOR_COLS = ["二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
const FUND_COLS = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"];

const money = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 5000 }),
  fc.integer({ min: 1, max: 5000 }).map((n) => `\u3000${n}.5`),
);
const tableArb = fc
  .record({
    indicatorCols: fc.shuffledSubarray(INDICATOR_COLS, { minLength: 3 }),
    fundCols: fc.shuffledSubarray(FUND_COLS, { minLength: 2 }),
    fundRows: fc.array(fc.tuple(money, money, money, money, money, money), { minLength: 1, maxLength: 4 }),
    indicators: fc.array(
      fc.record({
        l1: fc.constantFrom("产出指标", "效益指标（30分）", "满意度指标", null),
        l2: fc.constantFrom("数量指标（20）", "质量指标", "时效指标（5）", null),
        target: fc.constantFrom(...QUANTITIES),
        actual: fc.constantFrom(...QUANTITIES),
        weight: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constant("10\u3000"), fc.constant(null)),
        score: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 30 }), fc.double({ min: 0, max: 30, noNaN: true })),
        reason: fc.constantFrom(null, "原因", ""),
      }),
      { minLength: 1, maxLength: 10 },
    ),
    total: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 100 })),
    origin: fc.record({ row: fc.integer({ min: 1, max: 6 }), col: fc.integer({ min: 1, max: 4 }) }),
  })
  .map((t): SheetSnapshot => {
    const rows: CellValue[][] = [["项目支出绩效自评表"], ["项目名称", "随机项目"], [null, ...t.fundCols]];
    t.fundRows.forEach((r, i) =>
      rows.push([["年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"][i], ...r.slice(0, t.fundCols.length)]),
    );
    const cols = ["一级指标", ...t.indicatorCols];
    rows.push(cols);
    for (const ind of t.indicators) {
      const byName: Record<string, CellValue> = {
        一级指标: ind.l1,
        二级指标: ind.l2,
        三级指标: "指标",
        年度指标值: ind.target,
        实际完成值: ind.actual,
        分值: ind.weight,
        得分: ind.score,
        偏差原因分析及改进措施: ind.reason,
      };
      rows.push(cols.map((c) => byName[c] ?? null));
    }
    const totalRow: CellValue[] = cols.map(() => null);
    totalRow[0] = "总分";
    const wi = cols.indexOf("分值");
    const si = cols.indexOf("得分");
    if (wi > 0) totalRow[wi] = 100;
    if (si > 0) totalRow[si] = t.total;
    rows.push(totalRow);
    const width = Math.max(...rows.map((r) => r.length));
    return {
      name: "骨架",
      origin: t.origin,
      values: rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]),
      merges: null,
    };
  });

test("table skeletons with shuffled columns and random contents: no exception, inside the table, idempotent", () => {
  let recognised = 0;
  let changes = 0;
  fc.assert(
    fc.property(tableArb, (s) => {
      const a = analyzeSheet(s);
      if (a.tables.length) recognised++;
      const plan = a.tables.flatMap((t) => {
        for (const ch of t.plan.changes) {
          const { row, col } = parseA1(ch.cell);
          const b = t.table.bounds;
          expect(row >= b.top && row <= b.bottom && col >= b.left && col <= b.right).toBe(true);
          // a score cell a person filled is never planned over
          if (ch.kind === "score") expect(ch.before.value === null || String(ch.before.value).trim() === "").toBe(true);
        }
        return t.plan.changes;
      });
      changes += plan.length;
      const again = analyzeSheet(applyPlanToSnapshot(s, { changes: plan }));
      expect(again.tables.flatMap((t) => t.plan.changes.map((c) => `${c.cell} ${c.kind}`))).toEqual([]);
    }),
    { numRuns: 400, seed: 20261124 },
  );
  // the generator must exercise the engine, or this test proves nothing
  expect(recognised).toBeGreaterThan(300);
  expect(changes).toBeGreaterThan(400);
});
