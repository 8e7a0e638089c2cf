/** Small helpers to build sentences that remember the cells they quote. */
import type { NumberCell, TextCell } from "../model";
import type { Paragraph, Quote, Sentence } from "./types";
import { reportTemplate, type AskName, type ParamValue, type SentenceName } from "../messages";
import { say } from "./words";

export class SentenceBuilder {
  private readonly parts: string[] = [];
  private readonly quotes: Quote[] = [];
  private readonly cells: string[] = [];

  /** Plain words. */
  t(text: string): this {
    this.parts.push(text);
    return this;
  }

  /** A value taken from a cell: written into the text and remembered as a quote. */
  q(cell: string | null | undefined, label: string, value: string): this {
    this.parts.push(value);
    if (cell) {
      this.quotes.push({ cell, label, value });
      this.ref(cell);
    }
    return this;
  }

  /** A text cell the sentence repeats (a name, a goal): cited, but not a number to compare. */
  x(cell: TextCell | null | undefined, text?: string): this {
    this.parts.push(text ?? cell?.text ?? "");
    if (cell) this.ref(cell.ref.address);
    return this;
  }

  /** Cite a cell without writing anything (a sum reads several cells). */
  ref(cell: string | null | undefined): this {
    if (cell && !this.cells.includes(cell)) this.cells.push(cell);
    return this;
  }

  /**
   * A sentence of the catalogue (`report.s.<name>`, said in Chinese), its `{name}`s filled in order: a string is
   * written as plain words, a function writes that part itself (a quoted value, a cited cell).
   */
  w(name: SentenceName, parts: Readonly<Record<string, string | ((s: SentenceBuilder) => unknown)>> = {}): this {
    const template = reportTemplate(name);
    let last = 0;
    for (const m of template.matchAll(/\{(\w+)\}/g)) {
      if (m.index! > last) this.t(template.slice(last, m.index));
      const part = parts[m[1]];
      if (typeof part === "function") part(this);
      else this.t(part ?? m[0]);
      last = m.index! + m[0].length;
    }
    if (last < template.length) this.t(template.slice(last));
    return this;
  }

  get empty(): boolean {
    return this.parts.join("") === "";
  }

  done(): Sentence {
    const s: Sentence = { text: this.parts.join(""), cells: [...this.cells] };
    if (this.quotes.length) s.quotes = [...this.quotes];
    return s;
  }
}

export function sb(): SentenceBuilder {
  return new SentenceBuilder();
}

/** A marked placeholder the person must write: 【请补充：……】. */
export function placeholder(what: string): Sentence {
  return { text: say("report.ask", { what }), cells: [], placeholder: true };
}

/** What the person is asked to supply, by its name in the catalogue (`report.ask.<name>`): 【请补充：…】. */
export function ask(name: AskName, params: Readonly<Record<string, ParamValue>> = {}): Sentence {
  return placeholder((say as unknown as (key: string, p: unknown) => string)(`report.ask.${name}`, params));
}

/** A plain sentence with no cells (a subheading, a connective). */
export function plain(text: string): Sentence {
  return { text, cells: [] };
}

export function para(...sentences: (Sentence | null | undefined | false)[]): Paragraph {
  return { sentences: sentences.filter((s): s is Sentence => !!s) };
}

export function addr(cell: { ref: { address: string } } | null | undefined): string | null {
  return cell ? cell.ref.address : null;
}

/** A text cell's content, or "" when absent. */
export function textOf(cell: TextCell | null | undefined): string {
  return cleanText(cell?.text ?? "");
}

/** Trims, drops full-width spaces and line breaks the table used for layout. */
export function cleanText(s: string): string {
  const wide = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F“”‘’…—]/;
  return s
    .replace(/[\s\u3000]+/g, (m, at: number, all: string) => {
      const before = all[at - 1] ?? "";
      const after = all[at + m.length] ?? "";
      return before === "" || after === "" || wide.test(before) || wide.test(after) ? "" : " ";
    })
    .trim();
}

/** "产出指标\n(50分)" → "产出指标"; "数量指标（15）" → "数量指标". */
export function groupName(s: string): string {
  return cleanText(s).replace(/[（(]\s*\d+(?:\.\d+)?\s*分?\s*[）)]$/, "");
}

/** "资金来源：（1）财政拨款" → "财政拨款"; "其中：当年财政拨款" → "当年财政拨款". */
export function fundLabel(s: string): string {
  return cleanText(s)
    .replace(/^(资金来源|资金结构|其中)[:：]/, "")
    .replace(/^[（(]\s*\d+\s*[）)]/, "")
    .replace(/^\d+[.、]/, "");
}

/** The number a cell holds after the fill, or null. */
export function num(cell: NumberCell | null | undefined): number | null {
  return cell && cell.value !== null && Number.isFinite(cell.value) ? cell.value : null;
}

/** "2020年项目支出绩效自评表" → "2020". */
export function yearOf(...texts: (string | null | undefined)[]): string | null {
  for (const t of texts) {
    const m = t ? /(20\d{2}|19\d{2})\s*年/.exec(t) : null;
    if (m) return m[1];
  }
  return null;
}

/** Joins clauses with the Chinese enumeration comma and ends with 。 */
export function sentenceEnd(s: string): string {
  return /[。！？]$/.test(s) ? s : `${s.replace(/[，,；;、\s]+$/, "")}。`;
}
