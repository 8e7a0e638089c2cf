/**
 * The report's text prepared for reading figures: folded (full-width digits and signs to ASCII, spaces and quote
 * marks dropped) with a map back to the text as written, cut into sentences, and the figures in it found.
 */

/** A text folded for matching, with the index in the original of every folded character. */
export interface Folded {
  text: string;
  /** map[i]: index in the original text of folded character i. */
  map: number[];
}

const DROP = /[\s\u3000\u00a0\u200b\ufeff“”"‘’'「」『』]/;
const SIGNS: Record<string, string> = { "％": "%", "．": ".", "＜": "<", "＞": ">", "＝": "=", "≧": "≥", "≦": "≤", "﹪": "%" };

export function fold(s: string): Folded {
  let text = "";
  const map: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (DROP.test(ch)) continue;
    const code = ch.charCodeAt(0);
    let out = ch;
    if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a))
      out = String.fromCharCode(code - 0xfee0);
    else if (SIGNS[ch]) out = SIGNS[ch];
    text += out;
    map.push(i);
  }
  return { text, map };
}

/** Sentence spans [start, end) of a folded text: cut after 。！？；; and line ends. */
export function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if ("。！？；;!?\n".includes(text[i])) {
      if (i + 1 > start) out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

export type RawKind = "money" | "percent" | "score" | "grade" | "unit";

/** A figure found in folded text. */
export interface RawFigure {
  start: number;
  end: number;
  kind: RawKind;
  /** The number as written (no unit); null for a 等级. */
  number: number | null;
  /** Decimals written. */
  decimals: number;
  /** "万元", "元", "亿元", "%", "分", an indicator's unit, or the 等级 ("优"). */
  unit: string;
  /** A comparison written just before it (≥, 不低于 …). */
  bound: boolean;
}

const NUMBER = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/g;
const NOT_SCORE_AFTER = /^分(?:之|别|析|类|管|批|期|配|布|项|钟|局|行|队|会|解|散|担|摊|成|段|级|值|数|为)/;
const BOUND_BEFORE = /(≥|≤|>|<|=|>=|<=|不低于|不少于|不超过|不高于|不大于|大于|小于|高于|低于|超过|以上|以内)$/;

/**
 * The figures of a folded text: money (亿元, 万元, 元), percentages, scores (分), numbers with one of the table's
 * indicator units (`units`, longest first). Numbers with other words after them (years, counts of 项) are no figures.
 */
export function findFigures(text: string, units: string[]): RawFigure[] {
  const out: RawFigure[] = [];
  NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(text))) {
    const start = m.index;
    const before = text[start - 1] ?? "";
    if (/[\dA-Za-z._/-]/.test(before)) continue;
    const number = Number(`${m[1].replace(/,/g, "")}.${m[2] ?? "0"}`);
    const decimals = m[2]?.length ?? 0;
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 8);
    if (/^[.\d]/.test(rest)) continue;
    let unit: string | null = null;
    let kind: RawKind = "unit";
    const money = /^(亿元|万元|元)/.exec(rest);
    if (money) {
      unit = money[1];
      kind = "money";
    } else if (rest.startsWith("%")) {
      unit = "%";
      kind = "percent";
    } else if (rest.startsWith("个百分点")) {
      continue;
    } else if (rest.startsWith("分") && !NOT_SCORE_AFTER.test(rest)) {
      unit = "分";
      kind = "score";
    } else {
      unit = units.find((u) => rest.startsWith(u)) ?? null;
    }
    if (!unit) continue;
    // a year ("2021年", "2020年度") is no figure, whatever units the table's indicators use
    if (/^年/.test(unit) && Number.isInteger(number) && number >= 1900 && number <= 2100) continue;
    const end = m.index + m[0].length + unit.length;
    out.push({ start, end, kind, number, decimals, unit, bound: BOUND_BEFORE.test(text.slice(Math.max(0, start - 3), start)) });
  }
  GRADE.lastIndex = 0;
  while ((m = GRADE.exec(text))) {
    const word = m[2];
    const start = m.index + m[0].length - word.length;
    out.push({ start, end: start + word.length, kind: "grade", number: null, decimals: 0, unit: word, bound: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

const GRADE = /(等级|等次|评级|评定为|评价为|评为|定为|结果为)[为是:：]?(优秀|良好|中等|不合格|合格|较差|优|良|中|差)(?![质化势先惠])/g;

/** A cell that is one figure and nothing else: "3386.925", "99.15%", "≥95%", "45000人次", "优". */
export function singleFigure(text: string): { number: number | null; decimals: number; unit: string; bound: boolean } | null {
  const m = /^(≥|≤|>=|<=|>|<|=)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?([^\d]{0,6})$/.exec(text);
  if (!m) return null;
  const unit = m[4];
  if (/[，。；,;:：]/.test(unit)) return null;
  return { number: Number(`${m[2].replace(/,/g, "")}.${m[3] ?? "0"}`), decimals: m[3]?.length ?? 0, unit, bound: !!m[1] };
}
