/**
 * What the comparison of a 自评报告 with its 自评表 says (jixiao compare, the page's 对照报告, the Word pane, batch):
 * the comparison's part of the catalogue (keys `compare.*` there), `{name}` for what they name, like the notices.
 */
import type { Pair } from "./lang";
import { sayBoth, type Message, type MessageArgs } from "./template";

export const COMPARE_MESSAGES = {
  "figure-mismatch": {
    zh: "报告写“{stated}”（{label}），表中{cell}为{table}{computed}：{text}",
    en: "The report states “{stated}” ({label}); the table has {table} in {cell}{computed}: {text}",
  },
  computed: { zh: "（按规则应为{value}）", en: " (the rule gives {value})" },
  summary: {
    zh: "报告中 {figures} 个数字：{differ} 处与自评表不一致，{agree} 处一致，{notCompared} 处未比对。",
    en: "{figures} figure(s) in the report: {differ} differ from the table, {agree} agree, {notCompared} not compared.",
  },
  "batch-report": {
    zh: "  对照报告 {file}：{differ} 处与自评表不一致，{agree} 处一致",
    en: "  report {file}: {differ} figure(s) differ from the table, {agree} agree",
  },
  "batch-report-unreadable": { zh: "  对照报告 {file}：无法读取（{why}）", en: "  report {file}: cannot be read ({why})" },
  "no-figures": { zh: "报告中没有可与自评表比对的数字。", en: "The report states no figure the table can confirm." },
  "pair-missing": {
    zh: "未找到与 {file} 同名的自评报告（.docx），未比对。",
    en: "No report (.docx) named like {file} was found; not compared.",
  },
} as const satisfies Record<string, Message>;

export type CompareKey = keyof typeof COMPARE_MESSAGES;
export type CompareArgs<K extends CompareKey> = MessageArgs<(typeof COMPARE_MESSAGES)[K]>;

/** The comparison's message of `key` in both languages. */
export function compareMessage<K extends CompareKey>(key: K, ...args: CompareArgs<K>): Pair {
  return sayBoth(COMPARE_MESSAGES[key], ((args as unknown[])[0] ?? {}) as Readonly<Record<string, unknown>>);
}
