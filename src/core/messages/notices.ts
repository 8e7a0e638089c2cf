/**
 * One-line outcomes in both languages (the ribbon's alerts and stored "last command", screen-reader notices): the
 * notices' part of the catalogue, `{name}` for what they name. `notice(key, params)` gives the pair; the shell picks the
 * language.
 */
import type { Pair } from "./lang";
import { sayBoth, type Message, type MessageArgs } from "./template";

export const NOTICES = {
  "no-table": { zh: "未识别到绩效自评表。", en: "No self-evaluation table was recognised." },
  checked: {
    zh: "识别到 {tables} 张自评表：错误 {errors} 项，警告 {warnings} 项，提示 {notes} 项；可填充 {changes} 处。",
    en: "{tables} table(s): {errors} error(s), {warnings} warning(s), {notes} note(s); {changes} cell(s) to fill.",
  },
  "first-selected": { zh: "已选中第一处问题：{cell}。", en: "The first problem is selected: {cell}." },
  "see-pane": { zh: "打开“任务窗格”查看每一项。", en: "Open the task pane to see each finding." },
  "nothing-to-fill": { zh: "没有需要填充的单元格。", en: "Nothing to fill." },
  "filled-pane": {
    zh: "已写入 {cells} 处公式与得分，可在任务窗格中撤销。",
    en: "{cells} cell(s) written; Undo in the task pane takes them back.",
  },
  "filled-ribbon": {
    zh: "已写入 {cells} 处公式与得分，可点“撤销”或在任务窗格中撤销。",
    en: "{cells} cell(s) written; Undo (ribbon or task pane) takes them back.",
  },
  "fill-preview": { zh: "将写入 {cells} 处公式与得分（可撤销）：", en: "{cells} cell(s) will be written (undoable):" },
  "fill-more": { zh: "……另有 {cells} 处", en: "… and {cells} more" },
  "fill-ask": { zh: "确定写入吗？", en: "Write them?" },
  "fill-inferred": { zh: "［位置推断：原为空］", en: " [role inferred: the cell is empty]" },
  "fill-held": {
    zh: "建议（不写入，共 {cells} 处［位置推断］：单元格作用由行标签或位置推断，保留原填写值；可在任务窗格中一键采纳）：",
    en: "Suggested, not written ({cells} [role inferred]: the cell's role was inferred from a row label or position, so the entry is kept; take it in one click in the task pane):",
  },
  "no-fill-to-undo": { zh: "没有可撤销的填写。", en: "There is no fill to undo." },
  undone: { zh: "已撤销上一次填写。", en: "The last fill was undone." },
  "pane-failed": { zh: "无法打开任务窗格：{message}", en: "The task pane could not be opened: {message}" },
  "open-table-first": {
    zh: "请在 WPS 表格中打开自评表后再使用此按钮。",
    en: "Open the self-evaluation table in WPS Spreadsheets to use this button.",
  },
  "saved-as-xlsx": {
    zh: "原文件为 {ext}，填充结果另存为 .xlsx。",
    en: "The original is {ext}; the filled result is saved as a new .xlsx.",
  },
  "marked-as-xlsx": {
    zh: "原文件为 {ext}，标注结果另存为 .xlsx。",
    en: "The original is {ext}; the marked result is saved as a new .xlsx.",
  },
  "marks-xml-removed": {
    zh: "备注引用的表格文字中有 {count} 个 XML 文档不能容纳的字符（控制字符、U+FFFE/U+FFFF 等），已从备注中删去。",
    en: "{count} character(s) of the table's text quoted in the notes cannot be held by an XML document (control characters, U+FFFE/U+FFFF …) and were left out of the notes.",
  },
  "nothing-to-mark": { zh: "没有需要标注的单元格。", en: "There is no cell to mark." },
  marked: {
    zh: "标注 {cells} 个单元格：错误 {errors} 处，警告 {warnings} 处，提示 {notes} 处。",
    en: "{cells} cell(s) marked: {errors} error(s), {warnings} warning(s), {notes} note(s).",
  },
  "marked-pane": {
    zh: "{message}可在任务窗格中撤销或清除标注。",
    en: "{message} Undo or Clear marks in the task pane takes them back.",
  },
  "marked-ribbon": {
    zh: "{message}可点“撤销填写”或在任务窗格中撤销、清除标注。",
    en: "{message} Undo (ribbon or task pane) or Clear marks in the pane takes them back.",
  },
  "mark-preview": {
    zh: "将标注 {cells} 个单元格（错误 {errors}，警告 {warnings}），数值和公式不变：",
    en: "{cells} cell(s) will be marked ({errors} error(s), {warnings} warning(s)); values and formulas stay:",
  },
  "mark-more": { zh: "……另有 {cells} 个", en: "… and {cells} more" },
  "mark-ask": { zh: "确定标注吗？", en: "Mark them?" },
  "no-marks": { zh: "工作簿中没有本助手的标注。", en: "The workbook holds no marks of this add-in." },
  cleared: { zh: "已清除 {cells} 个单元格的标注。", en: "Marks removed from {cells} cell(s)." },
} as const satisfies Record<string, Message>;

export type NoticeKey = keyof typeof NOTICES;
export type NoticeArgs<K extends NoticeKey> = MessageArgs<(typeof NOTICES)[K]>;

/** The notice of `key` in both languages. */
export function notice<K extends NoticeKey>(key: K, ...args: NoticeArgs<K>): Pair {
  return sayBoth(NOTICES[key], ((args as unknown[])[0] ?? {}) as Readonly<Record<string, unknown>>);
}
