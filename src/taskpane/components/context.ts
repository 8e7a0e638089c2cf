import * as React from "react";
import { STRINGS, type Lang, type Strings } from "../../core/messages";

export interface LangContextValue {
  lang: Lang;
  t: Strings;
}

export const LangContext = React.createContext<LangContextValue>({ lang: "zh", t: STRINGS.zh });

export function useLang(): LangContextValue {
  return React.useContext(LangContext);
}
