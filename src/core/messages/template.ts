/**
 * What one entry of the catalogue is: a sentence in Chinese and in English, each either a template with `{name}`s or,
 * where the words depend on the numbers (English plurals, a clause said only sometimes), a function of named
 * parameters. Either way the parameters are typed from the entry itself: a missing or misspelt name is a type error.
 */
import type { Lang, Pair } from "./lang";

/** A parameter of a `{name}` template: the same text in both languages, a number, a text per language, or a list. */
export type ParamValue = string | number | Pair | readonly string[];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry's function names its own parameter type
export type Template = string | ((params: any) => string);

export interface Message {
  readonly zh: Template;
  readonly en: Template;
  /** The stable code of an error (scripts and tests match it; several keys may share one). */
  readonly code?: string;
}

/** The `{name}`s of a template. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** The parameters one side of an entry takes. */
export type TemplateParams<T> = T extends string
  ? { readonly [P in Placeholders<T>]: ParamValue }
  : T extends (params: infer P) => string
    ? P
    : never;

/** The parameters of an entry: what its Chinese and its English take. */
export type MessageParams<M extends Message> = TemplateParams<M["zh"]> & TemplateParams<M["en"]>;

/** No parameters for an entry that names none, its typed parameters otherwise. */
export type MessageArgs<M extends Message> = [keyof MessageParams<M>] extends [never] ? [] : [params: MessageParams<M>];

/** The `{name}`s of a template (for the catalogue's own test). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

function paramText(v: ParamValue, lang: Lang): string {
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return v.join(lang === "zh" ? "、" : ", ");
  return (v as Pair)[lang];
}

/** Each template split once at its `{name}`s: text, name, text, … (a check says thousands of sentences). */
const split = new Map<string, string[]>();

function partsOf(template: string): string[] {
  let parts = split.get(template);
  if (!parts) {
    if (split.size >= 5000) split.clear();
    parts = template.split(/\{(\w+)\}/);
    split.set(template, parts);
  }
  return parts;
}

/** A template with its `{name}`s filled in one language. */
export function render(template: string, lang: Lang, params: Readonly<Record<string, ParamValue>> = {}): string {
  const parts = partsOf(template);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    out += (name in params ? paramText(params[name], lang) : `{${name}}`) + parts[i + 1];
  }
  return out;
}

/** One side of an entry, said in `lang`. */
export function say(message: Message, lang: Lang, params: Readonly<Record<string, unknown>> = {}): string {
  const template = message[lang];
  return typeof template === "string" ? render(template, lang, params as Readonly<Record<string, ParamValue>>) : template(params);
}

/** An entry in both languages. */
export function sayBoth(message: Message, params: Readonly<Record<string, unknown>> = {}): Pair {
  return { zh: say(message, "zh", params), en: say(message, "en", params) };
}
