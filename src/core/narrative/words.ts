/** The report's words: the catalogue said in Chinese (the 自评报告 is written in Chinese whatever the pane's language). */
import { translator, type Translate } from "../messages";

export const say: Translate = translator("zh");
