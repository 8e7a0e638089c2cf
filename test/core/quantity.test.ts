import { parseQuantity, commonUnit } from "../../src/core/quantity";

describe("parseQuantity", () => {
  const cases: [string, Partial<ReturnType<typeof parseQuantity>>][] = [
    ["≥500人", { comparator: ">=", value: 500, unit: "人" }],
    ["24249人", { comparator: null, value: 24249, unit: "人" }],
    ["119.2万人", { value: 1192000, unit: "人", unitWritten: "万人", written: 119.2 }],
    ["7100元", { value: 7100, unit: "元" }],
    ["0.71万元", { value: 7100, unit: "元" }],
    ["≤30天", { comparator: "<=", value: 30, unit: "天" }],
    [">98%", { comparator: ">", value: 0.98, unit: "%" }],
    ["99.15%", { value: 0.9915, unit: "%" }],
    ["受助对象满意度≥95%", { comparator: ">=", value: 0.95, prefix: "受助对象满意度" }],
    ["30天以内", { comparator: "<=", value: 30, unit: "天" }],
    ["不低于95%", { comparator: ">=", value: 0.95 }],
    ["＞９８％", { comparator: ">", value: 0.98 }],
    ["45000人次", { value: 45000, unit: "人次" }],
    ["预算内", { value: null }],
    ["达成年度指标", { value: null }],
    ["第3季度", { value: null }],
    ["对象界定准确，应助尽助，参保率", { value: null }],
    ["　\n\n10　", { value: 10, unit: null }],
  ];
  test.each(cases)("%s", (text, expected) => {
    const q = parseQuantity(text);
    for (const [k, v] of Object.entries(expected)) expect((q as unknown as Record<string, unknown>)[k]).toEqual(v);
  });

  test("units must agree; 万 converts", () => {
    expect(commonUnit(parseQuantity("≥500人"), parseQuantity("499人"))).toEqual({ target: 500, actual: 499, unit: "人" });
    expect(commonUnit(parseQuantity("100万人"), parseQuantity("1192000人"))?.target).toBe(1000000);
    expect(commonUnit(parseQuantity("45000人次"), parseQuantity("45000人"))).toBeNull();
    expect(commonUnit(parseQuantity("≥95%"), parseQuantity("98"))?.actual).toBeCloseTo(0.98);
  });
});

import { round2 } from "../../src/core/text";

describe("round2 rounds as ROUND(x,2) does", () => {
  test.each([
    [1.005, 1.01],
    [2.675, 2.68],
    [9.885, 9.89],
    [2.1171, 2.12],
    [14.8327, 14.83],
    [9.98, 9.98],
    [-1.005, -1.01],
    [0.1 + 0.2, 0.3],
    [1.004999, 1.0],
  ])("%p → %p", (x, y) => expect(round2(x)).toBe(y));
});
