/**
 * Narrative speed: a synthetic 30-indicator project table (the 财预〔2020〕10号 layout, as in the fixtures) goes
 * through the engine once, then buildNarrative + fingerprint are timed (median of 50 runs). Goal < 50 ms.
 * `npm run bench` calls benchNarrative(); run alone: compile with tsc and `node bench-narrative.js`.
 */
import { analyzeSheet } from "../src/core";
import type { CellValue, SheetSnapshot } from "../src/core/snapshot";
import type { TableAnalysis } from "../src/core/analysis";
import { buildNarrative, fingerprint, narrativeText } from "../src/core/narrative";

/** A project table with `n` indicators: 产出 (quantity, quality, time, cost), 效益, 满意度, weights adding to 100. */
export function syntheticProjectSnapshot(n = 30): SheetSnapshot {
  const rows: CellValue[][] = [];
  const row = (...cells: CellValue[]) => rows.push([...cells, ...Array(9 - cells.length).fill(null)]);
  row("2020年项目支出绩效自评表");
  row(null, null, null, null, null, null, null, null, "单位：万元");
  row("项目名称", null, "合成测试项目");
  row("主管部门", null, "某市医疗保障局", null, null, "实施单位", "某市医疗保障局");
  row("项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分");
  row("项目资金（万元）", "年度资金总额", "\u30001234.567", "\u30001234.567", "\u30001200.123", 10, null, null);
  row("项目资金（万元）", "其中：当年财政拨款", 1234.567, 1234.567, 1200.123);
  row("项目资金（万元）", "上年结转资金", 0, 0, 0);
  row("项目资金（万元）", "其他资金", 0, 0, 0);
  row("年度总体目标", "预期目标", null, null, null, "实际完成情况");
  row("年度总体目标", "完成年度各项任务。", null, null, null, "基本完成年度各项任务。");
  row("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施");
  // 90 points over n indicators: integer weights, remainder on the first ones.
  const base = Math.floor(90 / n);
  let extra = 90 - base * n;
  const groups: [string, string][] = [
    ["产出指标", "数量指标"],
    ["产出指标", "质量指标"],
    ["产出指标", "时效指标"],
    ["产出指标", "成本指标"],
    ["效益指标", "社会效益指标"],
    ["满意度指标", "服务对象满意度指标"],
  ];
  for (let i = 0; i < n; i++) {
    const w = base + (extra-- > 0 ? 1 : 0);
    const [l1, l2] = groups[Math.min(groups.length - 1, Math.floor((i * groups.length) / n))];
    const target = 1000 + i * 37;
    const actual = i % 5 === 0 ? target - 13 : target + i;
    row(
      "绩效指标",
      l1,
      l2,
      `指标${i + 1}`,
      `≥${target}人`,
      `${actual}人`,
      w,
      i % 7 === 0 ? null : w,
      i % 5 === 0 ? "部分对象未按期申报" : null,
    );
  }
  row("总分", null, null, null, null, null, 100, null);
  return { name: "合成", origin: { row: 1, col: 1 }, values: rows, merges: null };
}

export function syntheticAnalysis(n = 30): TableAnalysis {
  const sheet = analyzeSheet(syntheticProjectSnapshot(n));
  const t = sheet.tables[0];
  if (!t) throw new Error(`synthetic table not recognised: ${sheet.reason}`);
  if (t.table.kind !== "project" || t.table.indicators.length !== n)
    throw new Error(`synthetic table read with ${t.table.kind === "project" ? t.table.indicators.length : 0} indicators, expected ${n}`);
  return t;
}

export function benchNarrative(runs = 50): { ms: number; indicators: number; chars: number } {
  const t = syntheticAnalysis(30);
  let chars = 0;
  for (let i = 0; i < 5; i++) chars = narrativeText(buildNarrative(t)).length; // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    buildNarrative(t);
    fingerprint(t);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], indicators: 30, chars };
}

if (require.main === module) {
  const r = benchNarrative();
  console.log(`narrative + fingerprint, 30 indicators: ${r.ms.toFixed(2)} ms median (goal < 50 ms), ${r.chars} characters`);
}
