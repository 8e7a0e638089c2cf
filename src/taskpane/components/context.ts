import * as React from "react";
import { translator, type Lang, type Translate } from "../../core/messages";

export interface LangContextValue {
  lang: Lang;
  /** The catalogue in the pane's language: `t("check")`, `t("previewTitle", { n })`. */
  t: Translate;
}

export const LangContext = React.createContext<LangContextValue>({ lang: "zh", t: translator("zh") });

export function useLang(): LangContextValue {
  return React.useContext(LangContext);
}
