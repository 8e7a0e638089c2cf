/**
 * The one message module: every text a person reads, Chinese first, English too, one `Lang`, one catalogue.
 *  - lang.ts      — `Lang`, the text `Pair`, how the language is chosen (Office's display language, else the browser's).
 *  - template.ts  — what an entry is (a `{name}` template or a function of named parameters, typed either way).
 *  - catalogue.ts — the parts joined into one catalogue, `t(key, params, lang)`, `translator(locale)`, the pseudo-locale.
 *  - ui.ts, cli.ts, notices.ts, errors.ts, findingMessages.ts, recognition.ts, compare.ts — the parts; `userError(key, params)` raises an error
 *    and `notice(key, params)` gives a notice in both languages, over the same entries.
 * It lives in core, pure data and functions (no DOM, Office or Node), because core says things too (findings, the
 * linked report's refresh).
 */
export * from "./lang";
export * from "./template";
export * from "./errors";
export * from "./notices";
export * from "./catalogue";
export { changeMessage, findingMessage, type ChangeReason, type FindingKey, type FindingParams } from "./findingMessages";
export * from "./compare";
export {
  explanationMessage,
  explanationText,
  fundSumText,
  sumLabel,
  type FundColumn,
  type FundSum,
  type ScoreExplanation,
} from "./scoring";
export {
  noTableMessage,
  partialText,
  type NoTableReason,
  type PartialReason,
  type IndicatorHeader,
  type SummaryHeader,
} from "./recognition";
export * from "./oldWebview";
export { reportTemplate, type AskName, type SentenceName } from "./narrative";
