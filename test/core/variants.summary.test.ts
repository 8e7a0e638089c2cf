/**
 * 项目支出绩效自评情况汇总表 / 自评结果汇总表 as departments publish them (SPEC §2.3, §2.6): the 合计 row above the
 * projects, a header over two rows (资金情况 merged over 年初预算数 | 全年预算数 | 全年执行数), 小计 rows under
 * category lines ("一、本级项目"), rates as text — built cell by cell and moved around, to hold for the kind of
 * layout, not for one file's addresses.
 */
import { analyzeSheet, type CellValue, type DenseSheetSnapshot, type TableAnalysis } from "../../src/core";
import type { SummaryTable } from "../../src/core/model";
import { a1 } from "../../src/core/address";

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
function sheet(rows: CellValue[][], origin = { row: 1, col: 1 }, merges: Merge[] = []): DenseSheetSnapshot {
  const w = Math.max(...rows.map((r) => r.length));
  const shifted = merges.map((m) => ({
    top: m.top + origin.row - 1,
    bottom: m.bottom + origin.row - 1,
    left: m.left + origin.col - 1,
    right: m.right + origin.col - 1,
  }));
  return {
    name: "汇总表",
    origin,
    values: rows.map((r) => [...r, ...new Array(w - r.length).fill(null)]),
    merges: shifted.length ? shifted : null,
  };
}
const codes = (t: TableAnalysis) => t.findings.map((f) => `${f.code}@${f.cell}`);
const ORIGINS = [
  { row: 1, col: 1 },
  { row: 5, col: 3 },
];

describe("合计 above the projects", () => {
  const rows: CellValue[][] = [
    ["2021年度项目支出绩效自评结果汇总表"],
    ["序号", "项目名称", "年初预算数", "全年预算数", "全年执行数", "执行率", "自评得分"],
    ["合计", null, 60, 70, 63, null, null],
    [1, "办公楼维修", 20, 20, 18, "90.00%", 95],
    [2, "信息化运维", 40, 40, 40, "100.00%", 98],
    [3, "应急物资储备（年中追加）", 0, 10, 5, "50.00%", 70],
  ];
  for (const origin of ORIGINS) {
    const at = (r: number, c: number) => a1(origin.row + r - 1, origin.col + c - 1);
    test(`at ${at(1, 1)}: the projects below it are read, the 合计 is their sum`, () => {
      const t = analyzeSheet(sheet(rows, origin)).tables[0];
      const s = t.table as SummaryTable;
      expect(t.kind).toBe("summary");
      expect(s.rows.map((r) => r.name.text)).toEqual(["办公楼维修", "信息化运维", "应急物资储备（年中追加）"]);
      expect(s.totalRow?.row).toBe(origin.row + 2);
      expect(s.partial).toEqual([]);
      // 20 + 40 + 0 = 60, 20 + 40 + 10 = 70, 18 + 40 + 5 = 63: the 合计 agrees
      expect(codes(t).filter((c) => c.startsWith("FUNDS_SUBTOTAL_MISMATCH"))).toEqual([]);
      const sum = t.plan.changes.find((c) => c.cell === at(3, 5));
      expect(sum?.after.formula).toBe(`=SUM(${at(4, 5)}:${at(6, 5)})`);
      expect(t.evaluation.funds.find((f) => f.label === "合计")?.rate).toBeCloseTo(63 / 70, 10);
    });
  }

  test("a 合计 that disagrees is reported at its cell", () => {
    const bad = rows.map((r) => [...r]);
    bad[2][4] = 68;
    const t = analyzeSheet(sheet(bad)).tables[0];
    expect(codes(t)).toContain("FUNDS_SUBTOTAL_MISMATCH@E3");
  });
});

describe("a header over two rows: 资金情况（万元） merged over the money columns", () => {
  const rows: CellValue[][] = [
    ["序号", "项目名称", "资金情况（万元）", null, null, "执行率", "自评得分", "评价等级"],
    [null, null, "年初预算数", "全年预算数", "全年执行数", null, null, null],
    [1, "城乡居民医疗救助", 300, 320, 316.8, "99.00%", 98, "优"],
    [2, "特困人员参保资助", 100, 100, 80, "80.00%", 85, "良"],
    ["合计", null, 400, 420, 396.8, "94.48%", null, null],
  ];
  const merges: Merge[] = [
    { top: 1, left: 1, bottom: 2, right: 1 },
    { top: 1, left: 2, bottom: 2, right: 2 },
    { top: 1, left: 3, bottom: 1, right: 5 },
    { top: 1, left: 6, bottom: 2, right: 6 },
    { top: 1, left: 7, bottom: 2, right: 7 },
    { top: 1, left: 8, bottom: 2, right: 8 },
  ];
  for (const origin of ORIGINS) {
    const at = (r: number, c: number) => a1(origin.row + r - 1, origin.col + c - 1);
    test(`at ${at(1, 1)}, merged: the money columns are read from the lower row`, () => {
      const t = analyzeSheet(sheet(rows, origin, merges)).tables[0];
      const s = t.table as SummaryTable;
      expect(t.kind).toBe("summary");
      expect(s.rows.map((r) => r.name.text)).toEqual(["城乡居民医疗救助", "特困人员参保资助"]);
      expect(s.rows[0].budget?.ref.address).toBe(at(3, 4));
      expect(s.rows[0].initial?.ref.address).toBe(at(3, 3));
      expect(s.rows[1].grade?.text).toBe("良");
      expect(t.evaluation.funds.map((f) => f.rate)).toEqual([0.99, 0.8, 396.8 / 420]);
      expect(codes(t).filter((c) => /RATE|FUNDS/.test(c))).toEqual([]);
    });
  }

  test("merges undone, labels repeated: the same", () => {
    const filled = rows.map((r) => [...r]);
    filled[0] = ["序号", "项目名称", "资金情况（万元）", "资金情况（万元）", "资金情况（万元）", "执行率", "自评得分", "评价等级"];
    filled[1] = ["序号", "项目名称", "年初预算数", "全年预算数", "全年执行数", "执行率", "自评得分", "评价等级"];
    const t = analyzeSheet(sheet(filled)).tables[0];
    const s = t.table as SummaryTable;
    expect(s.rows.map((r) => r.name.text)).toEqual(["城乡居民医疗救助", "特困人员参保资助"]);
    expect(s.rows[0].budget?.ref.address).toBe("D3");
  });
});

describe("category lines (一、本级项目) and 小计 rows", () => {
  const rows: CellValue[][] = [
    ["序号", "项目名称", "全年预算数", "全年执行数", "执行率", "自评得分"],
    ["一", "本级项目", null, null, null, null],
    [1, "办公楼维修", 20, 18, "90.00%", 95],
    [2, "信息化运维", 40, 40, "100.00%", 98],
    [null, "小计", 60, 58, "96.67%", null],
    ["二", "对下转移支付项目", null, null, null, null],
    [3, "乡镇卫生院补助", 100, 100, "100.00%", 100],
    [null, "小计", 100, 100, "100.00%", null],
    ["合计", null, 160, 158, "98.75%", null],
  ];
  test("category lines and 小计 are not projects: the 合计 counts each project once", () => {
    const t = analyzeSheet(sheet(rows)).tables[0];
    const s = t.table as SummaryTable;
    expect(s.rows.map((r) => r.name.text)).toEqual(["办公楼维修", "信息化运维", "乡镇卫生院补助"]);
    expect(s.subtotals?.map((x) => [x.row.row, x.parts])).toEqual([
      [5, [0, 1]],
      [8, [2]],
    ]);
    expect(codes(t).filter((c) => /FUNDS|RATE_MISMATCH/.test(c))).toEqual([]);
    expect(t.evaluation.funds.find((f) => f.label === "合计")?.rate).toBeCloseTo(158 / 160, 10);
    // the 小计 and 合计 cells get SUM formulas over their projects only
    const f = (cell: string) => t.plan.changes.find((c) => c.cell === cell)?.after.formula;
    expect(f("C5")).toBe("=SUM(C3:C4)");
    expect(f("C8")).toBe("=SUM(C7)");
    expect(f("C9")).toBe("=SUM(C3:C4,C7)");
  });

  test("a 小计 that disagrees with its projects is reported at its cell", () => {
    const bad = rows.map((r) => [...r]);
    bad[4][3] = 55;
    const t = analyzeSheet(sheet(bad)).tables[0];
    expect(codes(t)).toContain("FUNDS_SUBTOTAL_MISMATCH@D5");
    expect(codes(t)).not.toContain("FUNDS_SUBTOTAL_MISMATCH@D9");
  });
});
