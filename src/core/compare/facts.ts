/**
 * What a table can confirm: its figures as named things ("entities": a fund row, an indicator, a group, the table as a
 * whole) each with its measures (全年预算数, 执行率, 得分 …). A figure of the report is tied to one measure of one entity
 * by the words around it (tie.ts); sums and shares the table holds the parts of are measures too.
 */
import type { TableAnalysis } from "../analysis";
import type { FundRow, NumberCell, Quantity, Table } from "../model";
import { compareFigures, statedNumber } from "../narrative/figures";
import { cleanText, fundLabel } from "../narrative/sentence";
import { decimalsOf } from "../narrative/format";
import { parseQuantity } from "../quantity";
import { grade as gradeOf, gradeWord } from "../rules/grade";
import { snapshotCells, type SheetSnapshot } from "../snapshot";
import { squeeze } from "../text";

export type Measure =
  | "initial"
  | "budget"
  | "executed"
  | "rate"
  | "share"
  | "budgetShare"
  | "weight"
  | "weightSum"
  | "weightParts"
  | "lostParts"
  | "score"
  | "lost"
  | "total"
  | "grade"
  | "actual"
  | "target";

export type FactKind = "money" | "rate" | "score" | "grade" | "quantity";

/** One figure the table holds (or adds up from figures it holds). */
export interface Fact {
  sheet: string;
  /** The cell (A1) it stands in, or of its first part for a sum or a share; null when none. */
  cell: string | null;
  /** What it is, in Chinese ("其他资金全年执行数"). */
  label: string;
  kind: FactKind;
  /** The table's figure as it stands: a number (money in the table's unit, rates as fractions), a 等级, or null. */
  value: number | string | null;
  /** The rule's figure where the table's own cell breaks a rule, else null. */
  computed: number | string | null;
  /** Decimals the table wrote money with (the precision a report must keep). */
  decimals: number;
  /** For an indicator's value: the quantity as the table writes it. */
  quantity?: Quantity;
}

export interface Entity {
  /** Stable key within the comparison (debugging, tests). */
  key: string;
  /** The words a report names it by, longest first. */
  names: string[];
  facts: Partial<Record<Measure, Fact>>;
  /** A name that is also a measure ("预算执行率"): yields to another name written just before it. */
  weak?: boolean;
}

export interface TableFacts {
  table: TableAnalysis;
  /** The unit the table's money is in. */
  moneyUnit: "万元" | "元";
  entities: Entity[];
  /** What an unnamed money figure or 执行率 speaks of (the project's 年度资金总额, the department's totals). */
  defaults: Entity[];
  /** The table as a whole: 总分, 等级. */
  overall: Entity;
}

/** A 等级 as written ("优秀" → 优), or null: the rules' reading of it. */
export { gradeWord };

/** "（单位：元）", "项目资金\n(元)": the table's money unit, read from the text inside and just above its bounds. */
export function moneyUnitOf(snapshot: SheetSnapshot | null | undefined, t: Table): "万元" | "元" {
  if (!snapshot) return "万元";
  const { top, left, bottom, right } = t.bounds;
  const re = /[（(]\s*(万?元)\s*[）)]|单位[:：]\s*(万?元)/;
  let seen: "万元" | "元" | null = null;
  for (const cell of snapshotCells(snapshot)) {
    if (cell.row < top - 3 || cell.row > bottom || cell.row > top + 60 || cell.col < left || cell.col > right) continue;
    const v = cell.value;
    if (typeof v !== "string" || !v.includes("元")) continue;
    const m = re.exec(squeeze(v));
    if (m) {
      const u = (m[1] ?? m[2]) as "万元" | "元";
      if (u === "元") return "元";
      seen = u;
    }
  }
  return seen ?? "万元";
}

/** Name variants a report uses: quotes and spaces gone, the label's own "（50分）" and numbering dropped. */
function baseName(s: string): string {
  return cleanText(s)
    .replace(/[“”"'‘’\s]/g, "")
    .replace(/[（(]\s*\d+(\.\d+)?\s*分?\s*[）)]$/, "")
    .replace(/^[（(]?[一二三四五六七八九十\d]+[）)、.．]/, "")
    .replace(/^指标\d+[:：]/, "")
    .replace(/[:：]$/, "");
}

const moneyNumber = (c: NumberCell | null | undefined): number | null => statedNumber(c);

export function buildFacts(t: TableAnalysis, moneyUnit: "万元" | "元" = "万元"): TableFacts {
  const table = t.table;
  const sheet = t.sheet;
  const rule = new Map<string, number | null>();
  for (const d of compareFigures(t)) rule.set(d.cell, d.ruleValue);
  for (const f of t.findings) if (f.suggestion && !rule.has(f.suggestion.cell)) rule.set(f.suggestion.cell, f.suggestion.value);

  const cellFact = (
    cell: NumberCell | null | undefined,
    label: string,
    kind: FactKind,
    derived: number | null = null,
  ): Fact | undefined => {
    if (!cell && derived === null) return undefined;
    const stated = cell ? statedNumber(cell) : null;
    const fromRule = cell ? rule.get(cell.ref.address) : undefined;
    const value = stated ?? (cell && !cell.empty && !cell.formula ? null : (fromRule ?? derived));
    if (kind === "rate" && cell && fromRule !== undefined && fromRule !== null && stated !== null && Math.abs(fromRule - stated) <= 0.0001)
      return { sheet, cell: cell.ref.address, label, kind, value: stated, computed: null, decimals: 2 };
    if (value === null) return undefined;
    const computed = fromRule !== undefined && fromRule !== null && fromRule !== value ? fromRule : null;
    const decimals = cell && Number.isFinite(cell.decimals) && cell.decimals >= 0 ? Math.min(cell.decimals, 6) : decimalsOf(value);
    return { sheet, cell: cell?.ref.address ?? null, label, kind, value, computed, decimals };
  };
  const sumFact = (cells: (NumberCell | null)[], label: string): Fact | undefined => {
    const vals = cells.map(moneyNumber);
    if (!cells.length || vals.some((v) => v === null)) return undefined;
    const decimals = Math.max(0, ...cells.map((c) => (c && c.decimals >= 0 ? Math.min(c.decimals, 6) : 2)));
    const value = vals.reduce((a: number, b) => a + (b as number), 0);
    return { sheet, cell: cells[0]?.ref.address ?? null, label, kind: "money", value, computed: null, decimals };
  };
  const rateOf = (budget: number | null | undefined, executed: number | null | undefined) =>
    budget !== null && budget !== undefined && executed !== null && executed !== undefined && budget > 0 ? executed / budget : null;

  const entities: Entity[] = [];
  const defaults: Entity[] = [];
  const fundEntity = (f: FundRow, key: string, names: string[], rateCell?: NumberCell | null): Entity => {
    const name = names[0];
    const rateCellUsed = rateCell !== undefined ? rateCell : f.rate;
    const derivedRate = rateOf(moneyNumber(f.budget) ?? moneyNumber(f.initial), moneyNumber(f.executed));
    const facts: Entity["facts"] = {
      initial: cellFact(f.initial, `${name}年初预算数`, "money"),
      budget: cellFact(f.budget, `${name}全年预算数`, "money"),
      executed: cellFact(f.executed, `${name}全年执行数`, "money"),
      rate: rateCellUsed
        ? cellFact(rateCellUsed, `${name}执行率`, "rate", derivedRate)
        : derivedRate !== null
          ? derivedFact(f.executed, `${name}执行率`, "rate", derivedRate)
          : undefined,
    };
    return { key, names, facts };
  };
  const derivedFact = (cell: NumberCell | null | undefined, label: string, kind: FactKind, value: number): Fact => ({
    sheet,
    cell: cell?.ref.address ?? null,
    label,
    kind,
    value,
    computed: null,
    decimals: decimalsOf(value),
  });

  /** Names of the fund rows: the label, and a shorter form where it is unique ("当年财政拨款" → "财政拨款"). */
  const fundNames = (label: string): string[] => {
    const n = baseName(fundLabel(label));
    const out = [n];
    const short = n.replace(/^(其中|当年|本年|上年)?/, (m) => (m === "上年" ? "上年" : ""));
    if (short !== n) out.push(short);
    if (/结转/.test(n)) out.push("上年结转");
    if (/^年度资金总额$/.test(n)) out.push("资金总额", "项目资金", "项目总资金", "总资金");
    return [...new Set(out)].filter((x) => x.length >= 2);
  };

  // groups of shares: every fund row's part of its group's executed (and budget) total
  const shares = (rows: FundRow[], ents: Entity[], base: string) => {
    const exec = rows.map((r) => moneyNumber(r.executed));
    const bud = rows.map((r) => moneyNumber(r.budget));
    const te = exec.every((v) => v !== null) ? exec.reduce((a: number, b) => a + (b as number), 0) : null;
    const tb = bud.every((v) => v !== null) ? bud.reduce((a: number, b) => a + (b as number), 0) : null;
    ents.forEach((e, i) => {
      if (te && exec[i] !== null)
        e.facts.share = derivedFact(rows[i].executed, `${e.names[0]}占${base}执行总额的比例`, "rate", (exec[i] as number) / te);
      if (tb && bud[i] !== null)
        e.facts.budgetShare = derivedFact(rows[i].budget, `${e.names[0]}占${base}预算总额的比例`, "rate", (bud[i] as number) / tb);
    });
  };

  const overall: Entity = { key: "overall", names: ["自评总分", "总得分", "综合得分", "合计得分", "总分"], facts: {} };

  /** Indicators and their groups (project and department tables). */
  const indicatorEntities = (tt: Extract<Table, { kind: "project" | "department" }>) => {
    const names = new Map<string, number>();
    const count = (n: string) => names.set(n, (names.get(n) ?? 0) + 1);
    const nameSets = tt.indicators.map((i) => {
      const n = baseName(i.name);
      const parts = n.split(/[，,、；;]/).filter((p) => p.length >= 4 && p !== n);
      // "报销比例" for "城乡困难人员住院报销比例": the last words, where they are words (no punctuation)
      const suffixes = n.length > 5 ? [n.slice(-4), n.slice(-5)].filter((x) => /^[\u4e00-\u9fff]+$/.test(x)) : [];
      return { n, extra: [...parts, ...suffixes] };
    });
    for (const s of nameSets) new Set([s.n, ...s.extra]).forEach(count);
    const groupNames = new Set(tt.groups.map((g) => baseName(g.name)));
    tt.indicators.forEach((ind, k) => {
      const { n, extra } = nameSets[k];
      if (!n) return;
      const list = [
        n,
        ...extra.filter(
          (x) =>
            !/[\d%％]|执行率|预算|执行数|得分|分值|权重|总分|完成率/.test(x) &&
            names.get(x) === 1 &&
            !groupNames.has(x) &&
            !nameSets.some((o) => o.n === x && o !== nameSets[k]),
        ),
      ];
      const ev = t.evaluation.indicators.find((e) => e.row === ind.row);
      const weight = statedNumber(ind.weight);
      const score = cellFact(ind.score, `“${n}”得分`, "score", ev?.score ?? null);
      const facts: Entity["facts"] = { weight: cellFact(ind.weight, `“${n}”分值`, "score"), score };
      if (score && weight !== null && typeof score.value === "number")
        facts.lost = derivedFact(ind.score, `“${n}”扣分`, "score", Math.max(0, weight - score.value));
      const q = (cell: typeof ind.actualCell, qq: Quantity | null, label: string): Fact | undefined =>
        cell && qq && qq.value !== null
          ? { sheet, cell: cell.ref.address, label, kind: "quantity", value: qq.value, computed: null, decimals: 0, quantity: qq }
          : undefined;
      facts.actual = q(ind.actualCell, ind.actual ?? (ind.actualCell ? parseQuantity(ind.actualCell.text) : null), `“${n}”实际完成值`);
      if (!tt.weightsInTargetColumn) facts.target = q(ind.targetCell, ind.target, `“${n}”年度指标值`);
      entities.push({ key: `${sheet}!indicator:${ind.row}`, names: [...new Set(list)], facts });
    });
    const seen = new Set<string>();
    for (const g of tt.groups) {
      const n = baseName(g.name);
      if (!n || seen.has(`${g.level}:${n}:${g.parent ?? ""}`)) continue;
      seen.add(`${g.level}:${n}:${g.parent ?? ""}`);
      const inds = tt.indicators.filter((i) => g.rows.includes(i.row));
      const scores = inds.map((i) => statedNumber(i.score));
      const weights = inds.map((i) => statedNumber(i.weight));
      const partSum = weights.every((w) => w !== null) ? weights.reduce((a: number, b) => a + (b as number), 0) : g.actualWeight;
      const weight = g.declaredWeight ?? partSum;
      const facts: Entity["facts"] = {
        weight: {
          sheet,
          cell: g.declaredCell?.address ?? inds[0]?.weight?.ref.address ?? null,
          label: `${n}分值`,
          kind: "score",
          value: weight,
          computed: null,
          decimals: 2,
        },
      };
      if (g.declaredWeight !== null && Math.abs(g.declaredWeight - partSum) > 0.005)
        facts.weightSum = derivedFact(inds[0]?.weight, `${n}各指标分值之和`, "score", partSum);
      if (inds.length && scores.every((s) => s !== null)) {
        const sum = scores.reduce((a: number, b) => a + (b as number), 0);
        facts.score = derivedFact(inds[0].score, `${n}得分合计`, "score", sum);
        facts.lost = derivedFact(inds[0].score, `${n}扣分`, "score", Math.max(0, weight - sum));
        if (facts.weightSum)
          facts.lostParts = derivedFact(inds[0].score, `${n}扣分（按各指标分值之和）`, "score", Math.max(0, partSum - sum));
      }
      entities.push({ key: `${sheet}!group:${g.level}:${n}`, names: [n], facts });
    }
    // all indicators as one group, as a report names them when the table has no 一级 ("绩效指标共14项 … 得分合计30分")
    // the indicators no 一级 names, else all of them
    const unnamed = tt.indicators.filter((i) => !baseName(i.level1));
    const pool = unnamed.length ? unnamed : tt.indicators;
    const allW = pool.map((i) => statedNumber(i.weight));
    const allS = pool.map((i) => statedNumber(i.score));
    const wSum = allW.every((w) => w !== null) ? allW.reduce((a: number, b) => a + (b as number), 0) : null;
    if (pool.length && ![...seen].some((k) => k.startsWith("1:绩效指标:"))) {
      const facts: Entity["facts"] = {};
      const declared = tt.indicatorsDeclared;
      if (declared)
        facts.weight = {
          sheet,
          cell: declared.cell.address,
          label: `${baseName(declared.name)}分值`,
          kind: "score",
          value: declared.weight,
          computed: null,
          decimals: 2,
        };
      if (wSum !== null) facts[declared ? "weightSum" : "weight"] = derivedFact(pool[0].weight, "绩效指标分值合计", "score", wSum);
      if (allS.every((x) => x !== null)) {
        const sum = allS.reduce((a: number, b) => a + (b as number), 0);
        facts.score = derivedFact(pool[0].score, "绩效指标得分合计", "score", sum);
        const w = declared?.weight ?? wSum;
        if (w !== null) facts.lost = derivedFact(pool[0].score, "绩效指标扣分", "score", Math.max(0, w - sum));
      }
      const names = [...new Set(["绩效指标", ...(declared ? [baseName(declared.name)] : [])])];
      entities.push({ key: `${sheet}!indicators`, names, facts });
    }
    overall.facts.total = cellFact(tt.total, "总分", "score", t.evaluation.total);
    overall.facts.weight = cellFact(tt.totalWeight, "总分分值", "score", t.evaluation.weightSum || null);
    const tw = overall.facts.weight?.value;
    if (typeof tw === "number" && t.evaluation.weightSum && Math.abs(tw - t.evaluation.weightSum) > 0.005)
      overall.facts.weightSum = derivedFact(tt.totalWeight, "各项分值之和", "score", t.evaluation.weightSum);
    if (wSum !== null && typeof tw === "number" && Math.abs(tw - wSum) > 0.005 && Math.abs((t.evaluation.weightSum ?? 0) - wSum) > 0.005)
      overall.facts.weightParts = derivedFact(tt.totalWeight, "各指标分值之和", "score", wSum);
  };

  switch (table.kind) {
    case "project": {
      if (table.fundTotal) {
        const e = fundEntity(table.fundTotal, `${sheet}!fundTotal`, fundNames(table.fundTotal.label), table.rate ?? table.fundTotal.rate);
        for (const col of ["initial", "budget", "executed"] as const) {
          const parts = table.fundParts.map((p) => p[col]);
          const f = e.facts[col];
          const sum = sumFact(parts, "");
          if (f && sum && typeof sum.value === "number" && typeof f.value === "number" && Math.abs(sum.value - f.value) > 0.005)
            f.computed = sum.value;
        }
        entities.push(e);
        defaults.push(e);
        const parts = table.fundParts.map((p, i) => fundEntity(p, `${sheet}!fund:${i}`, fundNames(p.label)));
        entities.push(...parts);
        shares(table.fundParts, parts, "资金来源");
      }
      const rateInd: Entity = { key: `${sheet}!budgetRate`, names: ["预算执行率"], facts: {}, weak: true };
      const derivedRate = table.fundTotal
        ? rateOf(moneyNumber(table.fundTotal.budget) ?? moneyNumber(table.fundTotal.initial), moneyNumber(table.fundTotal.executed))
        : null;
      rateInd.facts.rate = table.rate ? cellFact(table.rate, "预算执行率", "rate", derivedRate) : undefined;
      rateInd.facts.actual = rateInd.facts.rate;
      rateInd.facts.weight = cellFact(table.budgetWeight, "预算执行率分值", "score");
      rateInd.facts.score = cellFact(table.budgetScore, "预算执行率得分", "score", t.evaluation.budgetScore);
      const w = statedNumber(table.budgetWeight);
      const s = rateInd.facts.score?.value;
      if (w !== null && typeof s === "number")
        rateInd.facts.lost = derivedFact(table.budgetScore, "预算执行率扣分", "score", Math.max(0, w - s));
      entities.push(rateInd);
      indicatorEntities(table);
      break;
    }
    case "department": {
      const src = table.fundSources.map((f, i) => fundEntity(f, `${sheet}!source:${i}`, fundNames(f.label)));
      const str = table.fundStructure.map((f, i) => fundEntity(f, `${sheet}!structure:${i}`, fundNames(f.label)));
      entities.push(...src, ...str);
      shares(table.fundSources, src, "资金来源");
      shares(table.fundStructure, str, "资金结构");
      const total = (rows: FundRow[], key: string, names: string[], label: string): Entity | null => {
        if (!rows.length) return null;
        const facts: Entity["facts"] = {
          budget: sumFact(
            rows.map((r) => r.budget),
            `${label}全年预算数合计`,
          ),
          executed: sumFact(
            rows.map((r) => r.executed),
            `${label}全年执行数合计`,
          ),
          initial: sumFact(
            rows.map((r) => r.initial),
            `${label}年初预算数合计`,
          ),
        };
        const b = facts.budget?.value;
        const x = facts.executed?.value;
        if (typeof b === "number" && typeof x === "number" && b > 0)
          facts.rate = derivedFact(rows[0].executed, `${label}总体执行率`, "rate", x / b);
        const e: Entity = { key, names, facts };
        entities.push(e);
        defaults.push(e);
        return e;
      };
      total(table.fundSources, `${sheet}!sources`, ["资金来源合计", "收入合计", "资金来源", "总收入", "收入"], "资金来源");
      total(table.fundStructure, `${sheet}!structure`, ["资金结构合计", "支出合计", "资金结构", "总支出"], "资金结构");
      if (table.budgetRow) {
        const e = fundEntity(table.budgetRow.fund, `${sheet}!budgetRow`, [...fundNames(table.budgetRow.fund.label), "部门预算"]);
        e.facts.weight = cellFact(table.budgetRow.weight, "预算执行率分值", "score");
        e.facts.score = cellFact(table.budgetRow.score, "预算执行率得分", "score");
        entities.push(e);
        defaults.push(e);
      }
      indicatorEntities(table);
      break;
    }
    case "summary": {
      table.rows.forEach((r, i) => {
        const n = baseName(r.name.text);
        const e = fundEntity(
          { label: n, labelCell: r.name, initial: r.initial, budget: r.budget, executed: r.executed, rate: r.rate },
          `${sheet}!row:${i}`,
          [n],
        );
        e.facts.score = cellFact(r.score, `“${n}”自评得分`, "score");
        const g = r.grade ? gradeWord(r.grade.text) : null;
        if (g && r.grade)
          e.facts.grade = {
            sheet,
            cell: r.grade.ref.address,
            label: `“${n}”评价等级`,
            kind: "grade",
            value: g,
            computed: null,
            decimals: 0,
          };
        entities.push(e);
      });
      if (table.totalRow) {
        const tr = table.totalRow;
        const e = fundEntity(
          { label: "合计", labelCell: tr.name, initial: tr.initial, budget: tr.budget, executed: tr.executed, rate: tr.rate },
          `${sheet}!total`,
          ["合计", "总计"],
        );
        const ev = t.evaluation.funds.find((f) => f.label === "合计");
        for (const col of ["initial", "budget", "executed"] as const) {
          const f = e.facts[col];
          const v = ev?.[col];
          if (f && typeof v === "number" && typeof f.value === "number" && Math.abs(v - f.value) > 0.005 && f.computed === null)
            f.computed = v;
        }
        entities.push(e);
        defaults.push(e);
      }
      break;
    }
    case "scorecard": {
      const ev = t.evaluation.scorecard;
      table.groups.forEach((g, i) => {
        const n = baseName(g.name);
        const gev = ev?.groups.find((x) => x.group === i);
        const weight = g.declaredWeight ?? gev?.weight ?? null;
        const facts: Entity["facts"] = {};
        if (weight !== null)
          facts.weight = {
            sheet,
            cell: g.declaredCell?.address ?? g.weightCell?.ref.address ?? null,
            label: `${n}分值`,
            kind: "score",
            value: weight,
            computed: null,
            decimals: 2,
          };
        facts.score = cellFact(g.scoreCell, `${n}得分`, "score", gev?.score ?? null);
        if (!g.scoreCell && facts.score) facts.score.cell = table.items[g.items[0]]?.score?.ref.address ?? null;
        const s = facts.score?.value;
        if (weight !== null && typeof s === "number") facts.lost = derivedFact(g.scoreCell, `${n}扣分`, "score", Math.max(0, weight - s));
        entities.push({ key: `${sheet}!sgroup:${i}`, names: [n], facts });
      });
      table.items.forEach((it, i) => {
        const n = baseName(it.name);
        const facts: Entity["facts"] = {
          weight: cellFact(it.weight, `“${n}”分值`, "score", it.labelWeight),
          score: cellFact(it.score, `“${n}”得分`, "score"),
        };
        const w = facts.weight?.value;
        const s = facts.score?.value;
        if (typeof w === "number" && typeof s === "number") facts.lost = derivedFact(it.score, `“${n}”扣分`, "score", Math.max(0, w - s));
        entities.push({ key: `${sheet}!item:${i}`, names: [n], facts });
      });
      const stated = table.total ? cellFact(table.total, "总分", "score", t.evaluation.total) : undefined;
      overall.facts.total =
        stated ??
        (table.totalInText
          ? derivedFact(null, "总分", "score", table.totalInText.value)
          : t.evaluation.total !== null
            ? derivedFact(null, "总分", "score", t.evaluation.total)
            : undefined);
      if (table.totalInText && overall.facts.total) overall.facts.total.cell = table.totalInText.cell.ref.address;
      overall.facts.weight = cellFact(table.totalWeight, "合计分值", "score", t.evaluation.weightSum || null);
      break;
    }
  }

  if (table.kind !== "summary") {
    const tot = overall.facts.total;
    const gradeCell = "grade" in table ? table.grade : null;
    const statedG = gradeCell ? gradeWord(gradeCell.text) : null;
    const totalValue = typeof tot?.value === "number" ? tot.value : null;
    const ruleTotal = typeof tot?.computed === "number" ? tot.computed : totalValue;
    const g = statedG ?? (totalValue !== null ? gradeOf(totalValue) : null);
    if (g) {
      const due = ruleTotal !== null ? gradeOf(ruleTotal) : null;
      overall.facts.grade = {
        sheet,
        cell: statedG && gradeCell ? gradeCell.ref.address : (tot?.cell ?? null),
        label: "评价等级",
        kind: "grade",
        value: g,
        computed: due && due !== g ? due : null,
        decimals: 0,
      };
    }
    const w = overall.facts.weight?.value;
    if (typeof w === "number" && totalValue !== null)
      overall.facts.lost = derivedFact(null, "总扣分", "score", Math.max(0, w - totalValue));
    if (tot) entities.push(overall);
  }
  // drop measures the table does not hold
  for (const e of entities) for (const k of Object.keys(e.facts) as Measure[]) if (!e.facts[k]) delete e.facts[k];
  return { table: t, moneyUnit, entities, defaults, overall };
}
