/**
 * Hand-made table analyses (what the engine returns after the fill), used until/besides the real engine.
 * Built from the fixtures' published figures.
 */
import { parseA1 } from "../../src/core/address";
import type { Evaluation, IndicatorEvaluation, TableAnalysis } from "../../src/core/analysis";
import type {
  CellRef,
  DepartmentTable,
  FundRow,
  Indicator,
  IndicatorGroup,
  NumberCell,
  ProjectTable,
  SummaryRow,
  SummaryTable,
  TextCell,
} from "../../src/core/model";
import type { CellValue } from "../../src/core/snapshot";

export function ref(address: string): CellRef {
  const { row, col } = parseA1(address);
  return { address, row, col };
}

export function nc(address: string, raw: CellValue, opts: Partial<NumberCell> = {}): NumberCell {
  const text = typeof raw === "string" ? raw.replace(/[\s\u3000]/g, "") : null;
  const percent = text !== null && text.endsWith("%");
  const value =
    raw === null || text === "" ? null : typeof raw === "number" ? raw : Number(percent ? text!.slice(0, -1) : text) / (percent ? 100 : 1);
  const written = typeof raw === "number" ? String(raw) : (text ?? "").replace("%", "");
  const decimals = written.includes(".") ? written.split(".")[1].length : 0;
  return {
    ref: ref(address),
    raw,
    value: value !== null && Number.isFinite(value) ? value : null,
    numberAsText: typeof raw === "string" && value !== null,
    empty: raw === null || text === "",
    formula: null,
    numberFormat: null,
    decimals,
    percent,
    error: null,
    ...opts,
  };
}

export function tc(address: string, text: string | null): TextCell {
  return { ref: ref(address), raw: text, text: (text ?? "").trim() };
}

function fund(
  label: string,
  labelCell: string,
  cells: { initial?: [string, CellValue]; budget?: [string, CellValue]; executed?: [string, CellValue]; rate?: [string, CellValue] },
): FundRow {
  return {
    label,
    labelCell: tc(labelCell, label),
    initial: cells.initial ? nc(...cells.initial) : null,
    budget: cells.budget ? nc(...cells.budget) : null,
    executed: cells.executed ? nc(...cells.executed) : null,
    rate: cells.rate ? nc(...cells.rate) : null,
  };
}

export interface IndSpec {
  row: number;
  level1: string;
  level2: string;
  name: string;
  target: string | null;
  actual: string | null;
  weight: CellValue;
  score: CellValue;
  reason?: string;
  /** Score after the fill, when the fill computes it. */
  computed?: { score: number; explanation: string };
}

/** Indicator columns: name, target, actual, weight, score, reason. */
export function indicators(specs: IndSpec[], cols: string[]): { indicators: Indicator[]; evals: IndicatorEvaluation[] } {
  const [n, t, a, w, s, r] = cols;
  const out: Indicator[] = [];
  const evals: IndicatorEvaluation[] = [];
  for (const x of specs) {
    const weight = nc(`${w}${x.row}`, x.weight);
    const score = nc(`${s}${x.row}`, x.score);
    out.push({
      row: x.row,
      level1: x.level1,
      level2: x.level2,
      name: x.name,
      nameCell: tc(`${n}${x.row}`, x.name),
      targetCell: x.target === null ? null : tc(`${t}${x.row}`, x.target),
      actualCell: x.actual === null ? null : tc(`${a}${x.row}`, x.actual),
      weight,
      score,
      reasonCell: tc(`${r}${x.row}`, x.reason ?? ""),
      target: null,
      actual: null,
    });
    const sc = x.computed ? x.computed.score : score.value;
    evals.push({
      row: x.row,
      ruleScore: x.computed ? x.computed.score : sc,
      score: sc,
      source: x.computed ? "computed" : sc === null ? "none" : "entered",
      explanation: x.computed?.explanation ?? null,
      band: null,
      lost: sc !== null && weight.value !== null ? Math.round((weight.value - sc) * 100) / 100 : 0,
    });
  }
  return { indicators: out, evals };
}

function groupsOf(inds: Indicator[]): IndicatorGroup[] {
  const groups: IndicatorGroup[] = [];
  for (const i of inds) {
    for (const [level, name, parent] of [
      [1, i.level1, null],
      [2, i.level2, i.level1],
    ] as const) {
      let g = groups.find((x) => x.level === level && x.name === name);
      if (!g) groups.push((g = { level, name, parent, declaredWeight: null, declaredCell: null, rows: [], actualWeight: 0 }));
      g.rows.push(i.row);
    }
  }
  return groups;
}

export const MEDICAL_AID_INDICATORS: IndSpec[] = [
  {
    row: 13,
    level1: "产出指标",
    level2: "数量指标",
    name: "对符合政策规定的所有对象",
    target: "45000人次",
    actual: "45469人次",
    weight: 15,
    score: 13,
    reason: "实际发生医疗费用人次比预算人次多，加强预算",
  },
  { row: 14, level1: "产出指标", level2: "质量指标", name: "救助率", target: "100%", actual: "100%", weight: 10, score: 10 },
  { row: 15, level1: "产出指标", level2: "质量指标", name: "报销比例", target: "89%", actual: "90.7%", weight: 10, score: 10 },
  { row: 16, level1: "产出指标", level2: "时效指标", name: "资金审批时效", target: "≤30天", actual: "≤30天", weight: 2, score: 2 },
  { row: 17, level1: "产出指标", level2: "时效指标", name: "资金结算及时率", target: "一个月内", actual: "一个月内", weight: 3, score: 3 },
  {
    row: 18,
    level1: "产出指标",
    level2: "成本指标",
    name: "控制在年度预算内",
    target: "控制在年度预算内",
    actual: "预算内",
    weight: 10,
    score: 10,
  },
  {
    row: 19,
    level1: "效益指标",
    level2: "社会效益指标",
    name: "保障困难群众基本医疗需求，缓解其医疗费用负担，维护社会稳定",
    target: "保障困难群众基本医疗需求，缓解其医疗费用负担，维护社会稳定",
    actual: "保障了困难群众基本医疗需求，缓解了其医疗费用负担，维护了社会稳定",
    weight: 10,
    score: 10,
  },
  {
    row: 20,
    level1: "效益指标",
    level2: "生态效益指标",
    name: "缓解困难群众“因病致贫、因病返贫”现象发生",
    target: "缓解困难群众“因病致贫、因病返贫”现象发生",
    actual: "缓解了困难群众“因病致贫、因病返贫”现象发生",
    weight: 10,
    score: 10,
  },
  {
    row: 21,
    level1: "效益指标",
    level2: "可持续影响指标",
    name: "体现政策导向，增强获得感",
    target: "体现政策导向，增强获得感",
    actual: "体现了政策导向，增强了困难群众的获得感",
    weight: 10,
    score: 10,
  },
  {
    row: 22,
    level1: "效益指标",
    level2: "服务对象满意度指标",
    name: "受助对象满意度",
    target: "≥95%",
    actual: "≥95%",
    weight: 10,
    score: 10,
  },
];

export interface ProjectSpec {
  sheet?: string;
  title?: string | null;
  name?: string | null;
  department?: string | null;
  implementer?: string | null;
  initial?: CellValue;
  budget?: CellValue;
  executed?: CellValue;
  /** Rate after the fill (fraction). */
  rate?: number | null;
  budgetWeight?: number;
  budgetScore?: number | null;
  total?: number | null;
  grade?: "优" | "良" | "中" | "差" | null;
  goalExpected?: string | null;
  goalActual?: string | null;
  indicators?: IndSpec[];
  parts?: { label: string; budget: CellValue; executed: CellValue; initial?: CellValue }[];
}

/** The medical-aid project table after the fill (rate 100.86%, 执行率得分 10, 总分 98, 优), overridable. */
export function projectAnalysis(spec: ProjectSpec = {}): TableAnalysis {
  const sheet = spec.sheet ?? "附件3-1";
  const { indicators: inds, evals } = indicators(spec.indicators ?? MEDICAL_AID_INDICATORS, ["D", "E", "F", "G", "H", "I"]);
  const total = fund("年度资金总额", "B6", {
    initial: ["C6", spec.initial !== undefined ? spec.initial : "\u30003386.925"],
    budget: ["D6", spec.budget !== undefined ? spec.budget : "\u30003386.925"],
    executed: ["E6", spec.executed !== undefined ? spec.executed : "\u30003416.022"],
    rate: ["G6", "99.15%"],
  });
  const partSpecs = spec.parts ?? [
    { label: "其中：当年财政拨款", initial: "\u30003386.925", budget: "\u30003386.925", executed: "\u30003416.022" },
    { label: "上年结转资金", initial: 0, budget: 0, executed: 0 },
    { label: "其他资金", initial: 0, budget: 0, executed: 0 },
  ];
  const parts = partSpecs.map((p, i) =>
    fund(p.label, `B${7 + i}`, {
      initial: [`C${7 + i}`, p.initial ?? null],
      budget: [`D${7 + i}`, p.budget],
      executed: [`E${7 + i}`, p.executed],
    }),
  );
  const totalRow = 13 + inds.length;
  const table: ProjectTable = {
    kind: "project",
    sheet,
    partial: [],
    columns: [],
    weightsInTargetColumn: false,
    rateIndicator: null,
    indicatorsDeclared: null,
    fundsDeclared: null,
    bounds: { top: 1, left: 1, bottom: totalRow, right: 9 },
    title: spec.title !== undefined ? spec.title : "2020年项目支出绩效自评表",
    name: spec.name === null ? null : tc("C3", spec.name ?? "城乡困难居民医疗救助"),
    department: spec.department === null ? null : tc("C4", spec.department ?? "浏阳市医疗保障局"),
    implementer: spec.implementer === null ? null : tc("G4", spec.implementer ?? "浏阳市医疗保障局"),
    fundTotal: total,
    fundParts: parts,
    budgetWeight: nc("F6", spec.budgetWeight ?? 10),
    rate: nc("G6", "99.15%"),
    budgetScore: nc("H6", 9.9),
    goals: {
      expected:
        spec.goalExpected === null
          ? null
          : tc("B11", spec.goalExpected ?? "通过各级财政安排资金，对城乡困难对象医疗费用给予适当补助，以保障救助对象基本医疗需求"),
      actual:
        spec.goalActual === null
          ? null
          : tc("F11", spec.goalActual ?? "对符合政策规定的困难对象应救尽救，有效缓解了困难群众的医疗负担，保障了其基本医疗需求和权益"),
    },
    indicators: inds,
    groups: groupsOf(inds),
    totalWeight: nc(`G${totalRow}`, 100),
    total: nc(`H${totalRow}`, 98),
    grade: null,
  };
  const evaluation: Evaluation = {
    executionRate: spec.rate !== undefined ? spec.rate : 3416.022 / 3386.925,
    budgetScore: spec.budgetScore !== undefined ? spec.budgetScore : 10,
    budgetWeight: spec.budgetWeight ?? 10,
    indicators: evals,
    weightSum: 100,
    total: spec.total !== undefined ? spec.total : 98,
    grade: spec.grade !== undefined ? spec.grade : "优",
    funds: [],
  };
  return { sheet, kind: "project", table, name: table.name?.text ?? null, findings: [], plan: { changes: [] }, evaluation };
}

/** The 湖南 department table after the fill (总分 95.94, 优), abridged to a few indicators unless `full`. */
export function departmentAnalysis(opts: { total?: number } = {}): TableAnalysis {
  const sheet = "附件2";
  const specs: IndSpec[] = [
    {
      row: 14,
      level1: "投入管理\n指  标",
      level2: "预算编审管理（3）",
      name: "编审合规性、细化、量化",
      target: null,
      actual: "70.57%",
      weight: 3,
      score: 2.12,
      reason: "未对上级补助资金进行预算\u3000",
    },
    {
      row: 15,
      level1: "投入管理\n指  标",
      level2: "预算执行管理（4）",
      name: "预算完成率",
      target: null,
      actual: "70.57%",
      weight: 4,
      score: 2.82,
      reason: "未对上级补助资金进行预算\u3000",
    },
    {
      row: 16,
      level1: "投入管理\n指  标",
      level2: "部门结转结余资金管理（4）",
      name: "结转结余率",
      target: null,
      actual: "100%",
      weight: 4,
      score: 4,
    },
    {
      row: 22,
      level1: "产出指标",
      level2: "数量指标（6）",
      name: "城乡居民医疗保险参保人数",
      target: null,
      actual: "119.2万人",
      weight: 2,
      score: 2,
    },
    {
      row: 33,
      level1: "效益指标\n\n",
      level2: "社会效益指标（10）",
      name: "保障贫困人员医疗待遇，维护社会稳定，规范定点医药机构行为，维护基金安全、降低基金运行风险。",
      target: null,
      actual: ">98%",
      weight: "\u3000\n\n10\u3000",
      score: 10,
    },
  ];
  const { indicators: inds, evals } = indicators(specs, ["D", "E", "F", "E", "G", "H"]);
  const rows: [string, string, number | string, number | string][] = [
    ["资金来源：（1）财政拨款", "5", 4982.25, 7687.56],
    ["（2）其他资金", "6", 0, "\u3000567"],
    ["资金结构：（1）基本支出", "7", "\u3000551.93", "\u3000608.81"],
    ["（2）项目支出", "8", "\u30004300.32", "\u30007645.75"],
  ];
  const funds = rows.map(([label, r, b, e]) =>
    fund(label, `B${r}`, { budget: [`D${r}`, b], executed: [`F${r}`, e], rate: [`G${r}`, null] }),
  );
  const table: DepartmentTable = {
    kind: "department",
    sheet,
    partial: [],
    columns: [],
    indicatorsDeclared: null,
    bounds: { top: 1, left: 1, bottom: 37, right: 8 },
    title: "2020年部门整体支出绩效自评表",
    name: tc("C3", "浏阳市医疗保障局\u3000"),
    fundSources: funds.slice(0, 2),
    fundStructure: funds.slice(2),
    goals: {
      expected: tc("B10", "完成上级医保部门、市委市政府部署的各项业务工作，保障民生工作稳步推进，大力提高民众满意率。"),
      actual: tc("E10", "1.居民医保参保率达100%。2.建档立卡贫困户参保率100%。"),
    },
    indicators: inds,
    groups: groupsOf(inds),
    weightsInTargetColumn: true,
    totalWeight: nc("B37", 100),
    total: nc("C37", 97.94),
    grade: null,
  };
  const rate = (b: number, e: number) => (b === 0 ? null : e / b);
  const evaluation: Evaluation = {
    executionRate: null,
    budgetScore: null,
    budgetWeight: null,
    indicators: evals,
    weightSum: 98,
    total: opts.total ?? 95.94,
    grade: "优",
    funds: [
      { label: "资金来源：（1）财政拨款", initial: null, budget: 4982.25, executed: 7687.56, rate: rate(4982.25, 7687.56) },
      { label: "（2）其他资金", initial: null, budget: 0, executed: 567, rate: null },
      { label: "资金结构：（1）基本支出", initial: null, budget: 551.93, executed: 608.81, rate: rate(551.93, 608.81) },
      { label: "（2）项目支出", initial: null, budget: 4300.32, executed: 7645.75, rate: rate(4300.32, 7645.75) },
    ],
  };
  return { sheet, kind: "department", table, name: "浏阳市医疗保障局", findings: [], plan: { changes: [] }, evaluation };
}

export function summaryAnalysis(): TableAnalysis {
  const sheet = "汇总";
  const mk = (r: number, name: string, initial: CellValue, budget: number, executed: number, score: number, grade: string): SummaryRow => ({
    row: r,
    seq: tc(`A${r}`, String(r - 4)),
    name: tc(`B${r}`, name),
    initial: nc(`C${r}`, initial),
    budget: nc(`D${r}`, budget),
    executed: nc(`E${r}`, executed),
    rate: nc(`F${r}`, null),
    score: nc(`G${r}`, score),
    grade: tc(`H${r}`, grade),
  });
  const rows = [mk(5, "城乡困难居民医疗救助", 3386.925, 3386.925, 3416.022, 98, "优"), mk(6, "新增项目", null, 50, 40, 85.5, "良")];
  const table: SummaryTable = {
    kind: "summary",
    sheet,
    partial: [],
    bounds: { top: 1, left: 1, bottom: 7, right: 8 },
    title: "2020年部门项目支出绩效自评情况汇总表",
    unit: tc("A2", "浏阳市医疗保障局"),
    rows,
    totalRow: { ...mk(7, "合计", 3386.925, 3436.925, 3456.022, 0, ""), score: null, grade: null },
  };
  const evaluation: Evaluation = {
    executionRate: null,
    budgetScore: null,
    budgetWeight: null,
    indicators: [],
    weightSum: 0,
    total: null,
    grade: null,
    funds: [],
  };
  return { sheet, kind: "summary", table, name: null, findings: [], plan: { changes: [] }, evaluation };
}

/** Asserts the needles appear in this order in the text. */
export function inOrder(text: string, needles: string[]): void {
  let at = 0;
  for (const n of needles) {
    const i = text.indexOf(n, at);
    if (i < 0) throw new Error(`"${n}" not found after position ${at} in:\n${text}`);
    at = i + n.length;
  }
}
