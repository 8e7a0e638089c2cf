/**
 * The one catalogue: every sentence a person reads, by key, addressed by `t(key, params, lang)`. Its parts live in
 * files of their own — the interface (./ui.ts, keys as they are), the command line (`cli.*`), the notices
 * (`notice.*`), the errors (`error.*`), the findings (`finding.*`), recognition (`recognize.*`, `partial.*`), how a score was
 * reached (`explain.*`), the report's wording (`report.*`) — and are joined here into one object; a key
 * belongs to one part only (the catalogue's test checks that no part shadows another).
 *
 * `translator(locale)` binds the language once (the pane's `t`, the CLI's `say`); the locale "pseudo" says every entry
 * as `⟦key⟧`, so a rendering that shows any other word shows text that bypassed the catalogue (test/pane/pseudo).
 */
import type { Lang } from "./lang";
import { UI } from "./ui";
import { CLI } from "./cli";
import { NOTICES } from "./notices";
import { ERRORS } from "./errors";
import { CHANGES, FINDINGS } from "./findingMessages";
import { COMPARE_MESSAGES } from "./compare";
import { PARTIAL, RECOGNITION, type NoTableReason } from "./recognition";
import { EXPLAIN } from "./scoring";
import { REPORT } from "./narrative";
import { say, type Message, type MessageParams } from "./template";

type Prefixed<P extends string, T> = { readonly [K in keyof T & string as `${P}${K}`]: T[K] };

function prefixed<P extends string, T extends Record<string, Message>>(prefix: P, part: T): Prefixed<P, T> {
  return Object.fromEntries(Object.entries(part).map(([k, v]) => [`${prefix}${k}`, v])) as Prefixed<P, T>;
}

/** The parts, each under its prefix (the catalogue's test counts them). */
export const CATALOGUE_PARTS = [
  UI,
  prefixed("cli.", CLI),
  prefixed("notice.", NOTICES),
  prefixed("error.", ERRORS),
  prefixed("finding.", FINDINGS),
  prefixed("change.", CHANGES),
  prefixed("compare.", COMPARE_MESSAGES),
  prefixed("recognize.", RECOGNITION),
  prefixed("partial.", PARTIAL),
  prefixed("explain.", EXPLAIN),
  prefixed("report.", REPORT),
] as const;

export const CATALOGUE = {
  ...UI,
  ...prefixed("cli.", CLI),
  ...prefixed("notice.", NOTICES),
  ...prefixed("error.", ERRORS),
  ...prefixed("finding.", FINDINGS),
  ...prefixed("change.", CHANGES),
  ...prefixed("compare.", COMPARE_MESSAGES),
  ...prefixed("recognize.", RECOGNITION),
  ...prefixed("partial.", PARTIAL),
  ...prefixed("explain.", EXPLAIN),
  ...prefixed("report.", REPORT),
};

const ENTRIES: Readonly<Record<string, Message>> = CATALOGUE;

export type Catalogue = typeof CATALOGUE;

// the parameters, part by part (computed over the joined catalogue, TypeScript gives up on the union)
type PartParams<T, P extends string> = { [K in keyof T & string as `${P}${K}`]: T[K] extends Message ? MessageParams<T[K]> : never };
type ParamsMap = PartParams<typeof UI, ""> &
  PartParams<typeof CLI, "cli."> &
  PartParams<typeof NOTICES, "notice."> &
  PartParams<typeof ERRORS, "error."> &
  PartParams<typeof FINDINGS, "finding."> &
  PartParams<typeof CHANGES, "change."> &
  PartParams<typeof COMPARE_MESSAGES, "compare."> &
  PartParams<typeof RECOGNITION, "recognize."> &
  PartParams<typeof PARTIAL, "partial."> &
  PartParams<typeof EXPLAIN, "explain."> &
  PartParams<typeof REPORT, "report.">;

export type MessageKey = keyof ParamsMap & keyof Catalogue;
/** The parameters the entry `K` takes. */
export type Params<K extends MessageKey> = ParamsMap[K];
/** Nothing for an entry without parameters, its typed parameters otherwise. */
export type Args<K extends MessageKey> = [keyof ParamsMap[K]] extends [never] ? [] : [params: ParamsMap[K]];

/** The entry `key` said in `lang`: `t("check", "zh")`, `t("previewTitle", { n: 3 }, "en")`. */
export function t<K extends MessageKey>(key: K, ...rest: [...Args<K>, Lang]): string {
  const r = rest as unknown[];
  const lang = r[r.length - 1] as Lang;
  const params = (r.length > 1 ? r[0] : {}) as Readonly<Record<string, unknown>>;
  return say(ENTRIES[key], lang, params);
}

/** The catalogue in one language: `tr("check")`, `tr("previewTitle", { n: 3 })`. */
export type Translate = <K extends MessageKey>(key: K, ...args: Args<K>) => string;

/** A language to render in: Chinese, English, or the pseudo-locale of the tests (every entry as `⟦key⟧`). */
export type Locale = Lang | "pseudo";

/** The pseudo-locale's rendering of an entry. */
export function pseudo(key: string): string {
  return `⟦${key}⟧`;
}

/** The catalogue bound to one locale. */
export function translator(locale: Locale): Translate {
  let bound = BOUND.get(locale);
  if (!bound) BOUND.set(locale, (bound = bind(locale)));
  return bound;
}

// one function per locale, so that a pane's `t` is the same from one render to the next
const BOUND = new Map<Locale, Translate>();

function bind(locale: Locale): Translate {
  if (locale === "pseudo") return ((key: MessageKey) => pseudo(key)) as unknown as Translate;
  return ((key: MessageKey, params?: Readonly<Record<string, unknown>>) => say(ENTRIES[key], locale, params ?? {})) as unknown as Translate;
}

/** Whether `key` names an entry (keys built at run time: a finding's code and variant). */
export function hasKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(CATALOGUE, key);
}

/** What a shell needs of a finding to say it. */
export interface Said {
  readonly key?: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly message: string;
  readonly messageEn: string;
}

/** A change's reason through `t`: from its catalogue entry where it has one, else the text it carries. */
export function changeText(
  t: Translate,
  c: { readonly why?: { readonly key: string; readonly params: unknown }; readonly reason: string; readonly reasonEn: string },
  lang: Lang,
): string {
  if (c.why && hasKey(`change.${c.why.key}`))
    return (t as unknown as (k: string, p: unknown) => string)(`change.${c.why.key}`, c.why.params);
  return lang === "zh" ? c.reason : c.reasonEn || c.reason;
}

/** Why a sheet holds no table, through `t`. */
export function noTableText(t: Translate, reason: NoTableReason): string {
  return (t as unknown as (k: string, p: unknown) => string)(`recognize.${reason.key}`, reason.params);
}

/** A finding's message through `t`: from its catalogue entry where it has one, else the text it carries. */
export function findingText(t: Translate, f: Said, lang: Lang): string {
  const key = f.key ? `finding.${f.key}` : null;
  if (key && hasKey(key)) return (t as unknown as (k: string, p: unknown) => string)(key, f.params ?? {});
  return lang === "zh" ? f.message : f.messageEn || f.message;
}
