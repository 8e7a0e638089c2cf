/** The two languages of every message, and how the one to show first is chosen. */
export type Lang = "zh" | "en";

/** A text in both languages. */
export interface Pair {
  readonly zh: string;
  readonly en: string;
}

/** Chinese for any zh-* tag (zh-CN, zh-TW, zh-Hans …) and when nothing is known; English otherwise. */
export function langFromTag(tag: string | null | undefined): Lang {
  if (!tag) return "zh";
  return /^zh\b/i.test(tag.trim()) ? "zh" : "en";
}

/** Chooses the language: an explicit choice, else Office's display language, else the browser's. */
export function detectLang(choice: Lang | "auto", officeLanguage?: string | null, browserLanguage?: string | null): Lang {
  if (choice === "zh" || choice === "en") return choice;
  if (officeLanguage) return langFromTag(officeLanguage);
  return langFromTag(browserLanguage);
}

/** Both languages of a bilingual message, the chosen one first. */
export function bilingual(lang: Lang, zhText: string, enText: string): { primary: string; secondary: string } {
  return lang === "zh" ? { primary: zhText, secondary: enText } : { primary: enText, secondary: zhText };
}
