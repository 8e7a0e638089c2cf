/** Moved to src/core/messages (the one message module); this re-export only lets branches begun before the move merge. */
export { type Lang, langFromTag, detectLang, bilingual } from "../core/messages/lang";
