/**
 * One number formatter: the pane, the CLI and the report print the same figure, rounded as the spreadsheet rounds. The
 * pane and the CLI call core/numbers.ts (formatNumber, formatRate) themselves; the report's helpers go through it.
 */
import fc from "fast-check";
import { formatNumber, formatRate, roundTo } from "../../src/core/numbers";
import { formatNumbers } from "../../src/core/narrative";

test("0.01005 is 1.01% in the pane, the CLI and the report (toFixed would say 1.00%)", () => {
  expect((0.01005 * 100).toFixed(2)).toBe("1.00"); // the bug this formatter exists for
  expect(formatRate(0.01005)).toBe("1.01%");
  expect(formatNumbers.rate(0.01005)).toBe("1.01%");
});

test("half away from zero, as ROUND does", () => {
  expect(roundTo(2.675, 2)).toBe(2.68);
  expect(roundTo(-2.675, 2)).toBe(-2.68);
  expect(formatNumber(1.005, 2)).toBe("1.01");
  expect(formatNumber(-0.001, 2)).toBe("0");
  expect(formatRate(null)).toBe("—");
  expect(formatRate(1.008591)).toBe("100.86%");
  expect(formatNumber(9.895, 2)).toBe("9.9");
  expect(formatNumber(98)).toBe("98");
});

test("the three shells agree on every rate and number", () => {
  fc.assert(
    fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
      expect(formatNumbers.rate(x)).toBe(formatRate(x));
      expect(formatNumbers.trimmed(x, 2)).toBe(formatNumber(x, 2));
    }),
  );
});
