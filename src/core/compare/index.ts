/**
 * A person's 自评报告 against its 自评表 (SPEC §6.1). Every figure the report states — money, 执行率 and shares,
 * scores, 总分, 等级, an indicator's value — is tied to the table figure it speaks of by the words around it: the
 * thing it names last in its sentence (a fund row, an indicator, a group, the table as a whole; facts.ts) and the
 * measure word nearest before it (年初预算, 全年执行, 执行率, 得分, 分值 …). A figure that cannot be tied with
 * confidence is "not compared", never a mismatch; a differing one is REPORT_FIGURE_MISMATCH with the table's cell.
 * Pure: the report comes in as text blocks (adapters/docx/read.ts reads a .docx into them).
 */
import type { TableAnalysis } from "../analysis";
import type { Finding } from "../findings";
import { findingMessage } from "../messages";
import { fixed, formatRate, roundTo, trimmed } from "../numbers";
import { parseQuantity } from "../quantity";
import { buildFacts, gradeWord, type Entity, type Fact, type Measure, type TableFacts } from "./facts";
import { findFigures, fold, sentences, singleFigure, type Folded, type RawFigure } from "./text";
import type { FigureKind, ReportBlock, ReportFigure } from "./types";

export * from "./types";
export { buildFacts, moneyUnitOf, gradeWord, type TableFacts, type Entity, type Fact, type Measure } from "./facts";

export interface CompareInput {
  analysis: TableAnalysis;
  /** The unit of the table's money ("万元" unless the table says 元; moneyUnitOf reads it from the sheet). */
  moneyUnit?: "万元" | "元";
}

export interface CompareResult {
  figures: ReportFigure[];
  /** One REPORT_FIGURE_MISMATCH (error) per differing figure. */
  findings: ReportFinding[];
}

/** A finding of the comparison: the public finding with the figure and its sentence. */
export interface ReportFinding extends Finding {
  text: string;
  stated: string;
  /** Index into CompareResult.figures. */
  figure: number;
}

/** Measure words, longest first within each; the last one before a figure says what the figure is. */
const MEASURES: [string, Measure | "completion" | "count"][] = [
  ["调整后预算数", "budget"],
  ["调整后预算", "budget"],
  ["年初预算数", "initial"],
  ["年初预算", "initial"],
  ["全年预算数", "budget"],
  ["全年预算", "budget"],
  ["预算执行率", "rate"],
  ["资金执行率", "rate"],
  ["预算执行数", "executed"],
  ["全年执行数", "executed"],
  ["实际执行数", "executed"],
  ["实际支出", "executed"],
  ["执行金额", "executed"],
  ["支出金额", "executed"],
  ["支出数", "executed"],
  ["执行数", "executed"],
  ["执行率", "rate"],
  ["支出率", "rate"],
  ["预算数", "budget"],
  ["预算金额", "budget"],
  ["预算资金", "budget"],
  ["批复预算", "budget"],
  ["安排预算", "budget"],
  ["预算", "budget"],
  ["已支付", "executed"],
  ["支付", "executed"],
  ["拨付", "executed"],
  ["执行", "executed"],
  ["完成率", "completion"],
  ["得分率", "completion"],
  ["实际完成值", "actual"],
  ["全年完成值", "actual"],
  ["实际完成", "actual"],
  ["完成值", "actual"],
  ["实际值", "actual"],
  ["年度指标值", "target"],
  ["指标值", "target"],
  ["目标值", "target"],
  ["年度目标", "target"],
  ["目标", "target"],
  ["计划", "target"],
  ["实际", "actual"],
  ["达到", "actual"],
  ["完成", "actual"],
  ["达", "actual"],
  ["总分值", "weight"],
  ["分值", "weight"],
  ["权重", "weight"],
  ["满分", "weight"],
  ["综合自评得分", "total"],
  ["自评得分", "total"],
  ["评价得分", "total"],
  ["综合得分", "total"],
  ["综合评分", "total"],
  ["得分", "score"],
  ["扣减", "lost"],
  ["扣分", "lost"],
  ["扣除", "lost"],
  ["扣", "lost"],
  ["共", "count"],
];
const MEASURE_WORDS = MEASURES.map(([w]) => w).sort((a, b) => b.length - a.length);
const MEASURE_OF = new Map(MEASURES);

/** Which measures a figure of each kind can be. */
const MEASURES_FOR: Record<RawFigure["kind"], Measure[]> = {
  money: ["initial", "budget", "executed", "actual", "target"],
  percent: ["rate", "share", "budgetShare", "actual", "target"],
  score: ["weight", "score", "lost", "total"],
  grade: ["grade"],
  unit: ["actual", "target"],
};

interface Mention {
  start: number;
  end: number;
  entities: Entity[];
  weak: boolean;
}

interface Names {
  /** Every name, longest first, with the entities it names. */
  list: { name: string; entities: Entity[] }[];
  units: string[];
}

function namesOf(all: TableFacts[]): Names {
  const byName = new Map<string, Entity[]>();
  const units = new Set<string>();
  for (const tf of all)
    for (const e of tf.entities) {
      for (const n of e.names) if (n.length >= 2) byName.set(n, [...(byName.get(n) ?? []), e]);
      for (const f of [e.facts.actual, e.facts.target]) {
        const u = f?.quantity?.unitWritten;
        if (u && u !== "%" && !/^(万元|元|亿元|分)$/.test(u)) units.add(u);
      }
    }
  return {
    list: [...byName].map(([name, entities]) => ({ name, entities })).sort((a, b) => b.name.length - a.name.length),
    units: [...units].sort((a, b) => b.length - a.length),
  };
}

function mentionsIn(text: string, names: Names): Mention[] {
  const taken = new Uint8Array(text.length);
  const out: Mention[] = [];
  for (const { name, entities } of names.list) {
    let i = text.indexOf(name);
    while (i >= 0) {
      let free = true;
      for (let k = i; k < i + name.length; k++) if (taken[k]) free = false;
      if (free) {
        taken.fill(1, i, i + name.length);
        out.push({ start: i, end: i + name.length, entities, weak: entities.every((e) => e.weak) });
      }
      i = text.indexOf(name, i + 1);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Spans inside brackets that close before `at` and do not hold it: what they name does not carry on. */
function closedBrackets(text: string, from: number, at: number): [number, number][] {
  const out: [number, number][] = [];
  const open: number[] = [];
  for (let i = from; i < at; i++) {
    const c = text[i];
    if (c === "（" || c === "(") open.push(i);
    else if ((c === "）" || c === ")") && open.length) {
      const s = open.pop() as number;
      if (!open.length) out.push([s, i + 1]);
    }
  }
  return out;
}

const inside = (spans: [number, number][], i: number) => spans.some(([s, e]) => i >= s && i < e);

/** The measure words in text[from, to) outside the given spans, in order. */
function measuresIn(
  text: string,
  from: number,
  to: number,
  skip: [number, number][],
): { at: number; measure: Measure | "completion" | "count" }[] {
  const out: { at: number; measure: Measure | "completion" | "count" }[] = [];
  let i = from;
  while (i < to) {
    if (inside(skip, i)) {
      i++;
      continue;
    }
    const w = MEASURE_WORDS.find((x) => text.startsWith(x, i) && i + x.length <= to);
    if (w) {
      out.push({ at: i, measure: MEASURE_OF.get(w) as Measure });
      i += w.length;
    } else i++;
  }
  return out;
}

type TieMeasure = Measure | "completion" | "count";

/** Per figure of a sentence: what it names (null: nothing; []: not to be compared) and its measure word. */
interface Tie {
  entities: (Entity[] | null)[];
  measures: (TieMeasure | null)[];
}

/** Writes a fact's value as a report would. */
function writeFact(f: Fact, v: number | string | null, unit: "万元" | "元"): string | null {
  if (v === null) return null;
  if (typeof v === "string") return v;
  switch (f.kind) {
    case "money":
      return `${fixed(v, f.decimals)}${unit}`;
    case "rate":
      return formatRate(v);
    case "score":
      return `${trimmed(v, 2)}分`;
    case "quantity":
      return f.quantity?.text ?? trimmed(v, 6);
    default:
      return String(v);
  }
}

const MONEY_SCALE: Record<string, number> = { 亿元: 1e8, 万元: 1e4, 元: 1 };

/** Does the stated figure agree with the fact? null when they cannot be compared (other units, other kinds). */
function agrees(raw: RawFigure, statedText: string, f: Fact, unit: "万元" | "元"): boolean | null {
  const v = f.value;
  if (v === null) return null;
  if (raw.kind === "grade") return f.kind === "grade" ? gradeWord(raw.unit) === v : null;
  if (typeof v !== "number" || raw.number === null) return null;
  switch (f.kind) {
    case "money": {
      if (raw.kind !== "money") return null;
      const stated = (raw.number * MONEY_SCALE[raw.unit]) / MONEY_SCALE[unit];
      // equal at the table's precision: the table's figure as it shows, the report's exactly (60 is not 60.41, 19.8 not 20)
      return Math.abs(stated - roundTo(v, f.decimals)) <= 1e-9 * Math.max(1, Math.abs(v));
    }
    case "rate":
      if (raw.kind !== "percent") return null;
      return Math.abs(raw.number / 100 - v) <= 0.0001 + 1e-12;
    case "score":
      if (raw.kind !== "score") return null;
      return Math.abs(raw.number - v) <= 0.005 + 1e-9;
    case "quantity": {
      const q = f.quantity;
      if (!q || q.value === null || q.written === null) return null;
      const s = parseQuantity(statedText);
      if (s.value === null) return null;
      if ((q.unit ?? null) !== (s.unit ?? null)) return null;
      if (q.unit === "%") return Math.abs(s.value - q.value) <= 0.0001 + 1e-12;
      const scale = q.written !== 0 ? q.value / q.written : 1;
      const dec = (String(q.written).split(".")[1] ?? "").length;
      return Math.abs(s.value - q.value) <= 0.5 * 10 ** -dec * Math.abs(scale) + 1e-9;
    }
    default:
      return null;
  }
}

interface Context {
  facts: TableFacts[];
  names: Names;
  unitOf: Map<Entity, "万元" | "元">;
  factTable: Map<Fact, TableFacts>;
}

/** Candidate facts of a figure from its entities and measure. */
function candidates(raw: RawFigure, ents: Entity[] | null, measure: Measure | "completion" | "count" | null, ctx: Context): Fact[] {
  if (measure === "completion" || measure === "count") return [];
  const allowed = MEASURES_FOR[raw.kind];
  let es = ents;
  if (!es) {
    // nothing named: a 等级, "满分100分", or money and 执行率 with their measure word speak of the table as a whole
    if (raw.kind === "grade") es = ctx.facts.map((t) => t.overall);
    else if (raw.kind === "score" && (measure === "weight" || measure === "total")) es = ctx.facts.map((t) => t.overall);
    else if ((raw.kind === "money" || raw.kind === "percent") && measure) es = ctx.facts.flatMap((t) => t.defaults);
    else return [];
  }
  let ms: Measure[];
  if (measure && allowed.includes(measure)) ms = [measure];
  else if (measure && (raw.kind === "money" || raw.kind === "percent") && ["score", "weight", "lost"].includes(measure)) return [];
  else if (measure && raw.kind === "score" && !["weight", "score", "lost"].includes(measure)) return [];
  else
    ms =
      raw.kind === "money"
        ? ["initial", "budget", "executed", "actual", "target"]
        : raw.kind === "percent"
          ? ["rate", "actual", "target"]
          : raw.kind === "score"
            ? ["total", "score"]
            : raw.kind === "grade"
              ? ["grade"]
              : ["actual", "target"];
  // an indicator's value: the measure words of money stand for its actual
  const out: Fact[] = [];
  for (const e of es) {
    const withSum: Measure[] = ms.includes("weight")
      ? [...ms, "weightSum", "weightParts"]
      : ms.includes("lost")
        ? [...ms, "lostParts"]
        : ms;
    let found: Fact[] = withSum.map((m) => e.facts[m]).filter((f): f is Fact => !!f);
    if (!found.length && raw.kind === "score" && measure === "score" && e.facts.total) found = [e.facts.total];
    if (!found.length && raw.kind === "score" && measure === "total" && e.facts.score) found = [e.facts.score];
    if (!found.length && raw.kind === "score" && !measure && e.facts.score) found = [e.facts.score];
    out.push(...found);
  }
  return [...new Set(out)];
}

function sentenceTies(text: string, from: number, to: number, figs: RawFigure[], ctx: Context): Tie {
  const all = mentionsIn(text.slice(from, to), ctx.names).map((m) => ({ ...m, start: m.start + from, end: m.end + from }));
  const tie: Tie = { entities: [], measures: [] };
  let prevEnd = from;
  // 分别: "财政拨款和其他资金执行数分别为100万元和20万元" — the k-th figure is the k-th thing named before it
  let run: { ents: Entity[][]; measures: TieMeasure[]; next: number } | null = null;
  figs.forEach((fig) => {
    const hidden = closedBrackets(text, from, fig.start);
    const mentions = all.filter((m) => m.end <= fig.start && !inside(hidden, m.start));
    if (all.some((m) => fig.start >= m.start && fig.start < m.end)) {
      // a number inside a name ("指标1", "≥95%的…") is no figure of its own
      tie.entities.push([]);
      tie.measures.push(null);
      prevEnd = fig.end;
      return;
    }
    if (fig.kind === "grade") {
      // a 等级 is the table's as a whole
      tie.entities.push(null);
      tie.measures.push("grade");
      prevEnd = fig.end;
      return;
    }
    const local = text.slice(prevEnd, fig.start);
    const fenbie = local.lastIndexOf("分别");
    if (fenbie >= 0) {
      const at = prevEnd + fenbie;
      const ms = measuresIn(text, prevEnd, at, hidden).map((m) => m.measure);
      const es = all.filter((m) => m.start >= prevEnd && m.end <= at && !inside(hidden, m.start)).map((m) => m.entities);
      run = { ents: es, measures: ms, next: 0 };
    }
    if (run && (fenbie >= 0 || /^[和与及、，,]*$/.test(local))) {
      const i = run.next++;
      const carried = mentions.length ? mentions[mentions.length - 1].entities : null;
      const missing = (run.ents.length > 1 && !run.ents[i]) || (run.measures.length > 1 && !run.measures[i]);
      tie.entities.push(missing ? [] : run.ents.length > 1 ? run.ents[i] : (run.ents[0] ?? carried));
      tie.measures.push(missing ? null : run.measures.length > 1 ? run.measures[i] : (run.measures[0] ?? null));
      prevEnd = fig.end;
      return;
    }
    run = null;
    // the thing named: the last one before the figure (before 占 for a share); a weak name right after another
    // name ("当年财政拨款预算执行率") is a measure word there
    const zhan = local.lastIndexOf("占");
    const limit = zhan >= 0 ? prevEnd + zhan : fig.start;
    const listed = (m: Mention) =>
      !m.weak &&
      all.some(
        (o) =>
          o !== m &&
          !o.weak &&
          ((o.start >= m.end && o.start - m.end <= 1 && /^[、和与及,，]?$/.test(text.slice(m.end, o.start))) ||
            (m.start >= o.end && m.start - o.end <= 1 && /^[、和与及,，]?$/.test(text.slice(o.end, m.start)))),
      );
    const named = mentions.filter((m) => m.end <= limit && !(m.weak && m.start < prevEnd) && !listed(m));
    let pick: Mention | null = null;
    for (let i = named.length - 1; i >= 0; i--) {
      const m = named[i];
      const prev = named[i - 1];
      if (m.weak && prev && m.start - prev.end <= 4) continue;
      if (m.weak && raw(fig) !== "score" && named.some((o) => !o.weak)) {
        // a weak name speaks of the table's 执行率 only when nothing else is named
        const last = named.filter((o) => !o.weak).pop() as Mention;
        if (m.start - last.end <= 4) continue;
      }
      pick = m;
      break;
    }
    const skip: [number, number][] = [
      ...hidden,
      ...all.filter((m) => m !== pick || !m.weak).map((m) => [m.start, m.end] as [number, number]),
    ];
    // a weak name passed over is a measure word ("预算执行率")
    const ms = measuresIn(
      text,
      prevEnd,
      fig.start,
      skip.filter(([s]) => !all.some((m) => m.weak && m.start === s && m !== pick)),
    );
    const usable = ms.filter(
      (m) => m.measure === "completion" || m.measure === "count" || MEASURES_FOR[fig.kind].includes(m.measure as Measure),
    );
    let measure = usable.length ? usable[usable.length - 1].measure : null;
    // "产出指标共6项，…，得分合计48分": 共 counts only when right before the number
    if (measure === "count" && !/共$/.test(text.slice(prevEnd, fig.start)))
      measure = usable.length > 1 ? usable[usable.length - 2].measure : null;
    // a name carried over an earlier figure speaks of this one only with a measure word ("，执行率…")
    if (pick && pick.end <= prevEnd && prevEnd > from && !measure && zhan < 0) {
      tie.entities.push([]);
      tie.measures.push(null);
      prevEnd = fig.end;
      return;
    }
    tie.entities.push(pick ? pick.entities : null);
    tie.measures.push(
      zhan >= 0 ? (/预算/.test(local.slice(zhan)) && !/执行|支出/.test(local.slice(zhan)) ? "budgetShare" : "share") : measure,
    );
    prevEnd = fig.end;
  });
  return tie;
}

const raw = (f: RawFigure) => f.kind;

/** The block's cells grouped into the report's tables: each cell's header and row label. */
interface CellContext {
  header: string;
  label: string;
}

function cellContexts(blocks: ReportBlock[]): Map<number, CellContext> {
  const byTable = new Map<number, number[]>();
  blocks.forEach((b, i) => {
    if (b.kind === "cell" && b.table !== undefined) byTable.set(b.table, [...(byTable.get(b.table) ?? []), i]);
  });
  const out = new Map<number, CellContext>();
  const HEADER = /预算|执行|率|比例|比重|分值|权重|得分|分数|指标值|完成值|实际值|等级|金额|资金|支出|收入|合计/;
  for (const idx of byTable.values()) {
    const cells = idx.map((i) => ({ i, b: blocks[i], t: fold(blocks[i].text).text }));
    const isFig = (t: string) => t === "" || singleFigure(t) !== null || gradeWord(t) !== null;
    for (const c of cells) {
      if (!isFig(c.t) || c.t === "") continue;
      const above = cells.filter(
        (o) => o.b.col === c.b.col && (o.b.row ?? 0) < Math.min(c.b.row ?? 0, 3) && !isFig(o.t) && o.t.length <= 16 && HEADER.test(o.t),
      );
      const header = above.length ? above[above.length - 1].t : "";
      const left = cells.filter((o) => o.b.row === c.b.row && (o.b.col ?? 0) < (c.b.col ?? 0) && !isFig(o.t) && o.t.length <= 60);
      out.set(c.i, { header, label: left.map((o) => o.t).join("｜") });
    }
  }
  return out;
}

/** The kind a bare number in a report's table cell has, from its column's header. */
function cellKind(header: string, unit: string, cellText: string): RawFigure["kind"] | null {
  if (gradeWord(cellText)) return /等级|等次|评级/.test(header) ? "grade" : null;
  if (/^(亿元|万元|元)$/.test(unit)) return "money";
  if (unit === "%") return "percent";
  if (unit === "分") return "score";
  if (unit) return "unit";
  if (/指标值|完成值|实际值/.test(header)) return "unit";
  if (/率|比例|比重/.test(header)) return "percent";
  if (/分值|权重|得分|分数|总分/.test(header)) return "score";
  if (/预算|执行|金额|资金|支出|收入/.test(header)) return "money";
  return null;
}

/**
 * Compares a report (its text blocks in document order) with the tables it speaks of. Figures are listed in report
 * order; findings in the same order, one per differing figure.
 */
export function compareReport(blocks: ReportBlock[], tables: CompareInput[]): CompareResult {
  const facts = tables.map((t) => buildFacts(t.analysis, t.moneyUnit ?? "万元"));
  const unitOf = new Map<Entity, "万元" | "元">();
  const factTable = new Map<Fact, TableFacts>();
  for (const tf of facts)
    for (const e of [...tf.entities, tf.overall]) {
      unitOf.set(e, tf.moneyUnit);
      for (const f of Object.values(e.facts)) if (f) factTable.set(f, tf);
    }
  const ctx: Context = { facts, names: namesOf(facts), unitOf, factTable };
  const figures: ReportFigure[] = [];
  const findings: ReportFinding[] = [];
  const cells = cellContexts(blocks);

  const judge = (
    fig: RawFigure,
    statedText: string,
    sentence: string,
    cands: Fact[],
    at: { block: number; start: number; end: number; stated: string },
  ): void => {
    const kind: FigureKind = fig.kind === "percent" ? "rate" : fig.kind === "unit" ? "value" : fig.kind;
    const base = { text: sentence, stated: at.stated, kind, block: at.block, start: at.start, end: at.end };
    const none: ReportFigure = { ...base, label: null, sheet: null, cell: null, tableValue: null, computedValue: null, match: null };
    const judged = cands
      .slice(0, 6)
      .map((f) => ({ f, ok: agrees(fig, statedText, f, factTable.get(f)?.moneyUnit ?? "万元") }))
      .filter((x) => x.ok !== null);
    let chosen: { f: Fact; ok: boolean | null } | null = null;
    if (judged.length === 1) chosen = judged[0];
    else if (judged.length > 1 && judged.length <= 3) {
      // several things it may speak of: it agrees with one of them, or they all hold the same figure
      const good = judged.filter((x) => x.ok);
      if (good.length) chosen = good[0];
      else if (judged.every((x) => x.f.value === judged[0].f.value)) chosen = judged[0];
    }
    if (!chosen) {
      figures.push(none);
      return;
    }
    const f = chosen.f;
    const unit = factTable.get(f)?.moneyUnit ?? "万元";
    const fig2: ReportFigure = {
      ...base,
      label: f.label,
      sheet: f.sheet,
      cell: f.cell,
      tableValue: writeFact(f, f.value, unit),
      computedValue: writeFact(f, f.computed, unit),
      match: chosen.ok,
    };
    figures.push(fig2);
    if (chosen.ok === false) {
      const short = sentence.length > 80 ? `${sentence.slice(0, 78)}…` : sentence;
      const params = {
        stated: at.stated,
        label: f.label,
        cell: f.cell ?? "—",
        table: fig2.tableValue ?? "—",
        computed: fig2.computedValue || null,
        text: short,
      };
      const msg = findingMessage("REPORT_FIGURE_MISMATCH", params);
      findings.push({
        code: "REPORT_FIGURE_MISMATCH",
        severity: "error",
        sheet: f.sheet,
        cell: f.cell,
        key: "REPORT_FIGURE_MISMATCH",
        params,
        message: msg.zh,
        messageEn: msg.en,
        text: sentence,
        stated: at.stated,
        figure: figures.length - 1,
      });
    }
  };

  blocks.forEach((b, bi) => {
    const cell = cells.get(bi);
    if (cell) {
      const folded = fold(b.text);
      const single = singleFigure(folded.text);
      const grade = gradeWord(folded.text);
      const kind = single ? cellKind(cell.header, single.unit, folded.text) : grade ? cellKind(cell.header, "", folded.text) : null;
      if (!kind) return;
      const unit = single
        ? single.unit ||
          (kind === "money"
            ? /[（(]元[）)]/.test(cell.header)
              ? "元"
              : /[（(]万元[）)]/.test(cell.header)
                ? "万元"
                : null
            : kind === "percent"
              ? "%"
              : kind === "score"
                ? "分"
                : "")
        : (grade as string);
      const prefix = `${cell.label}｜${cell.header}：`;
      const text = prefix + folded.text;
      const figStart = prefix.length;
      let number = single ? single.number : null;
      if (kind === "percent" && single && !single.unit && number !== null && number <= 1.5) number = number * 100;
      // a bare money number in a report's table is in the unit of the table it copies
      const rf: RawFigure = {
        start: figStart,
        end: text.length,
        kind,
        number,
        decimals: single?.decimals ?? 0,
        unit: unit ?? "",
        bound: !!single?.bound,
      };
      const tie = sentenceTies(text, 0, text.length, [rf], ctx);
      const ents = tie.entities[0];
      let cands = ents && ents.length === 0 ? [] : candidates(rf, ents, tie.measures[0], ctx);
      if (kind === "money" && unit === null) {
        // no unit written: take each candidate's table unit
        cands = cands.filter((f) => f.kind === "money" || f.kind === "quantity");
        const tu = cands.length ? (factTable.get(cands[0])?.moneyUnit ?? "万元") : "万元";
        rf.unit = tu;
      }
      judge(rf, folded.text, `${cell.label}｜${cell.header}｜${b.text.trim()}`, cands, {
        block: bi,
        start: 0,
        end: b.text.length,
        stated: b.text.trim(),
      });
      return;
    }
    const folded: Folded = fold(b.text);
    const text = folded.text;
    const figs = findFigures(text, ctx.names.units);
    if (!figs.length) return;
    for (const [s, e] of sentences(text)) {
      const inS = figs.filter((f) => f.start >= s && f.end <= e);
      if (!inS.length) continue;
      const tie = sentenceTies(text, s, e, inS, ctx);
      const sentenceText = b.text.slice(folded.map[s], (folded.map[e - 1] ?? b.text.length - 1) + 1).trim();
      inS.forEach((fig, k) => {
        const measure = tie.measures[k];
        const ents = tie.entities[k];
        const cands = ents && ents.length === 0 ? [] : candidates(fig, ents, measure, ctx);
        const start = folded.map[fig.start];
        const end = folded.map[fig.end - 1] + 1;
        const statedRaw = b.text.slice(start, end);
        judge(fig, text.slice(fig.start, fig.end), sentenceText, cands, { block: bi, start, end, stated: statedRaw });
      });
    }
  });
  return { figures, findings };
}

/** "3 处不一致，12 处一致，5 处未比对". */
export function compareCounts(r: CompareResult): { differ: number; agree: number; notCompared: number } {
  return {
    differ: r.figures.filter((f) => f.match === false).length,
    agree: r.figures.filter((f) => f.match === true).length,
    notCompared: r.figures.filter((f) => f.match === null).length,
  };
}
