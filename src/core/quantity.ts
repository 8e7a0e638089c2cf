/**
 * Targets and actuals as written: "≥500人", "24249人", "119.2万人", "≤30天", ">98%", "受助对象满意度≥95%",
 * "30天以内", "不低于95%". Qualitative values ("预算内", "达成年度指标") parse with value null.
 */
import type { Quantity } from "./model";
import { halfWidth, squeeze } from "./text";
import { memoize } from "./memo";

type Comparator = NonNullable<Quantity["comparator"]>;

/** Signs and words that open a bound, longest first so "大于等于" wins over "大于". */
const LEADING_WORDS: [string, Comparator][] = [
  ["大于或等于", ">="],
  ["小于或等于", "<="],
  ["大于等于", ">="],
  ["小于等于", "<="],
  ["不低于", ">="],
  ["不少于", ">="],
  ["不小于", ">="],
  ["不超过", "<="],
  ["不高于", "<="],
  ["不大于", "<="],
  ["不多于", "<="],
  ["控制在", "<="],
  ["至少", ">="],
  ["至多", "<="],
  ["大于", ">"],
  ["高于", ">"],
  ["超过", ">"],
  ["多于", ">"],
  ["小于", "<"],
  ["低于", "<"],
  ["少于", "<"],
  ["等于", "="],
  ["达到", "="],
  [">=", ">="],
  ["=>", ">="],
  ["<=", "<="],
  ["=<", "<="],
  ["≥", ">="],
  ["≤", "<="],
  [">", ">"],
  ["<", "<"],
  ["=", "="],
];
const LEADING_MAP = new Map(LEADING_WORDS);
const LEADING = new RegExp(LEADING_WORDS.map(([w]) => w.replace(/[=<>]/g, (c) => `\\${c}`)).join("|"));

const TRAILING: [RegExp, Comparator][] = [
  [/(?:以上|及以上)$/, ">="],
  [/(?:以下|以内|之内|内)$/, "<="],
  // "9月前" (by September), "完成后" — a deadline is a 反向 bound
  [/(?:之前|以前|前)$/, "<="],
  [/(?:之后|以后)$/, ">="],
];

const NUMBER = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/;
const UNIT = /^[^\d\s.,]{0,6}$/;

/** Unit prefixes that scale the number: 119.2万人 = 1192000人, 7100元 = 0.71万元. */
const SCALE: [string, number][] = [
  ["亿", 1e8],
  ["万", 1e4],
  ["千", 1e3],
];

function findComparator(s: string): { comparator: Comparator; at: number; length: number } | null {
  const m = LEADING.exec(s);
  if (!m) return null;
  return { comparator: LEADING_MAP.get(m[0]) as Comparator, at: m.index, length: m[0].length };
}

/** Parsed quantities are shared between equal texts: treat them as read-only. */
export const parseQuantity = memoize(parseQuantityText);

function parseQuantityText(raw: string): Quantity {
  const text = raw.trim();
  let s = halfWidth(squeeze(text));
  const empty: Quantity = { text, comparator: null, value: null, written: null, unit: null, unitWritten: null, prefix: "" };
  const numberMatch = NUMBER.exec(s);
  if (!numberMatch) return { ...empty, prefix: s };

  let comparator: Comparator | null = null;
  let prefix = "";
  const lead = findComparator(s.slice(0, numberMatch.index));
  if (lead) {
    comparator = lead.comparator;
    prefix = s.slice(0, lead.at);
    if (lead.at + lead.length !== numberMatch.index) {
      // words between the sign and the number: not a plain quantity
      return { ...empty, prefix: s };
    }
  } else if (numberMatch.index > 0) {
    prefix = s.slice(0, numberMatch.index);
  }
  s = s.slice(numberMatch.index + numberMatch[0].length);
  for (const [re, c] of TRAILING) {
    if (re.test(s)) {
      if (!comparator) comparator = c;
      s = s.replace(re, "");
      break;
    }
  }
  // words before a bare number ("第3季度") make it text, unless a sign or 以上/以内 shows it is a bound
  if (prefix && !comparator) return { ...empty, prefix: halfWidth(squeeze(text)) };
  if (!UNIT.test(s)) return { ...empty, prefix: halfWidth(squeeze(text)) };

  const written = Number(`${numberMatch[1].replace(/,/g, "")}.${numberMatch[2] ?? "0"}`);
  let value = written;
  let unit: string | null = s === "" ? null : s;
  const unitWritten = unit;
  if (unit === "%") {
    value = Number((written / 100).toPrecision(15));
  } else if (unit) {
    for (const [p, f] of SCALE) {
      if (unit.startsWith(p)) {
        value = Number((written * f).toPrecision(15));
        unit = unit.slice(p.length) || null;
        break;
      }
    }
  }
  return { text, comparator, value, written, unit, unitWritten, prefix };
}

/**
 * Brings two quantities to one unit. A side written without a unit takes the other's
 * (a bare 95 against "≥95%" is read as 95%). Returns null when the units differ.
 */
export function commonUnit(target: Quantity, actual: Quantity): { target: number; actual: number; unit: string | null } | null {
  if (target.value === null || actual.value === null) return null;
  let t = target.value;
  let a = actual.value;
  const tu = target.unit;
  const au = actual.unit;
  if (tu && au && tu !== au) return null;
  if (tu === "%" && !au && a > 1.5) a = a / 100;
  if (au === "%" && !tu && t > 1.5) t = t / 100;
  return { target: t, actual: a, unit: tu ?? au };
}
