/**
 * The one bilingual message module: every text a person reads, Chinese first, English too, one `Lang`.
 *  - lang.ts   — `Lang`, the text `Pair`, how the language is chosen (Office's display language, else the browser's).
 *  - errors.ts — every error by key with its stable code; `userError(key, params)` raises one (parameters typed from
 *                the templates) and `toUserError` is the one normaliser of anything thrown, from any host.
 *  - ui.ts     — every string of the pane, the Word pane and the ribbon; `t(key, lang)` or `STRINGS[lang]`.
 * It lives in core, pure data and functions (no DOM, Office or Node), because core raises errors too (the linked
 * report's refresh); the UI strings sit beside the errors so one place holds every sentence and its translation.
 */
export * from "./lang";
export * from "./errors";
export * from "./notices";
export * from "./cli";
export * from "./ui";
export * from "./compare";
export * from "./oldWebview";
