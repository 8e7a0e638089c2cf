/** One number formatter: the pane, the CLI and the report print the same figure, rounded as the spreadsheet rounds. */
import fc from "fast-check";
import { formatNumber, formatRate, roundTo } from "../../src/core/numbers";
import { fmtNumber, fmtRate, fmtScore } from "../../src/taskpane/format";
import { num, percent } from "../../src/cli/format";
import { formatNumbers } from "../../src/core/narrative";

test("0.01005 is 1.01% in the pane, the CLI and the report (toFixed would say 1.00%)", () => {
  expect((0.01005 * 100).toFixed(2)).toBe("1.00"); // the bug this formatter exists for
  expect(fmtRate(0.01005)).toBe("1.01%");
  expect(percent(0.01005)).toBe("1.01%");
  expect(formatNumbers.rate(0.01005)).toBe("1.01%");
});

test("half away from zero, as ROUND does", () => {
  expect(roundTo(2.675, 2)).toBe(2.68);
  expect(roundTo(-2.675, 2)).toBe(-2.68);
  expect(formatNumber(1.005, 2)).toBe("1.01");
  expect(formatNumber(-0.001, 2)).toBe("0");
  expect(formatRate(null)).toBe("—");
  expect(formatRate(1.008591)).toBe("100.86%");
  expect(fmtScore(9.895)).toBe("9.9");
  expect(num(98)).toBe("98");
});

test("the three shells agree on every rate and number", () => {
  fc.assert(
    fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
      expect(fmtRate(x)).toBe(percent(x));
      expect(formatNumbers.rate(x)).toBe(percent(x));
      expect(fmtNumber(x, 2)).toBe(num(x, 2));
      expect(formatNumbers.trimmed(x, 2)).toBe(num(x, 2));
    }),
  );
});
