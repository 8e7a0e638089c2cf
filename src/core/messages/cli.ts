/**
 * What the jixiao command prints (check, fill, mark and report): the command line's part of the catalogue (keys
 * `cli.*` there), Chinese and English side by side; the command picks one with `--lang`. Column alignment and joining
 * stay in src/cli; every word is here.
 */
import type { Message } from "./template";

export const CLI = {
  file: { zh: "文件：{file}", en: "File: {file}" },
  fileTo: { zh: "文件：{file} → {output}", en: "File: {file} → {output}" },
  rules: {
    zh: ({ profile }: { profile: { name: string; nameEn: string } }) => `评分规则：${profile.name}`,
    en: ({ profile }: { profile: { name: string; nameEn: string } }) => `Scoring rules: ${profile.nameEn}`,
  },
  sheet: { zh: "工作表「{sheet}」", en: 'Sheet "{sheet}"' },
  noTableReason: { zh: "未识别到绩效自评表", en: "no self-evaluation table recognised" },
  noTableOn: { zh: "{heading}：未识别到绩效自评表 —— {reason}", en: "{heading}: no table recognised — {reason}" },
  "kind.project": { zh: "项目支出绩效自评表", en: "project self-evaluation table" },
  "kind.department": { zh: "部门整体支出绩效自评表", en: "department self-evaluation table" },
  "kind.summary": { zh: "项目支出绩效自评情况汇总表", en: "summary of project self-evaluations" },
  "kind.scorecard": { zh: "绩效评价指标体系评分表", en: "performance evaluation scorecard" },
  statedTotal: { zh: "（表中填写 {stated}）", en: " (the table states {stated})" },
  total: { zh: "总分 {total}{statedNote}", en: "total {total}{statedNote}" },
  grade: { zh: "等级 {grade}", en: "grade {grade}" },
  counts: { zh: "{errors} 个错误、{warnings} 个警告、{notes} 条提示", en: "{errors} error(s), {warnings} warning(s), {notes} note(s)" },
  "severity.error": { zh: "错误", en: "error  " },
  "severity.warning": { zh: "警告", en: "warning" },
  "severity.info": { zh: "提示", en: "info   " },
  canFill: {
    zh: "  可自动填充 {cells} 处公式/数值：jixiao fill {file} -o <输出.xlsx>",
    en: "  {cells} cell(s) can be filled: jixiao fill {file} -o <out.xlsx>",
  },
  noTableAnywhere: { zh: "未在任何工作表中识别到绩效自评表。", en: "No self-evaluation table was recognised on any sheet." },
  "fillKind.project": { zh: "项目支出绩效自评表", en: "project table" },
  "fillKind.department": { zh: "部门整体支出绩效自评表", en: "department table" },
  "fillKind.summary": { zh: "项目支出绩效自评情况汇总表", en: "summary table" },
  "fillKind.scorecard": { zh: "绩效评价指标体系评分表", en: "scorecard" },
  sheetChanges: {
    zh: ({ sheet, name, changes }: { sheet: string; name: string; changes: number }) =>
      `工作表「${sheet}」${name}：${changes === 0 ? "无需修改" : `${changes} 处修改`}`,
    en: ({ sheet, name, changes }: { sheet: string; name: string; changes: number }) =>
      `Sheet "${sheet}"${name}: ${changes === 0 ? "nothing to change" : `${changes} change(s)`}`,
  },
  sheetUntouched: { zh: "工作表「{sheet}」：未识别到绩效自评表，未修改。", en: 'Sheet "{sheet}": no table recognised, left as it was.' },
  inferredRole: { zh: "（位置推断：原为空，已填）", en: " (role inferred: the cell was empty)" },
  suggestionsHeld: {
    zh: "  建议（未写入，共 {n} 处：单元格作用由行标签或位置推断，保留原填写值；可在检查结果中一键采纳）：",
    en: "  Suggested, not written ({n}: the cell's role was inferred from a row label or position, so the entry is kept; take it in one click from the check):",
  },
  wrote: {
    zh: "已写入 {output}（共 {changes} 处修改）。每个公式带有计算结果，Excel、WPS 与 LibreOffice 打开时仍会重新计算。",
    en: "Wrote {output} ({changes} change(s)). Each formula carries its computed result; Excel, WPS and LibreOffice compute them again on opening.",
  },
  reportWritten: {
    zh: "已写入报告：{output}（{reports} 份，来自 {file}）",
    en: "Report written: {output} ({reports} report(s), from {file})",
  },
  reportSections: {
    zh: "  章节 {sections} 个；待补充 {placeholders} 处（报告中以黄色【请补充：……】标出）",
    en: "  {sections} sections; {placeholders} placeholder(s) to write (highlighted 【请补充：……】)",
  },
  reportFilledFirst: {
    zh: "  已先按规则填充工作簿，另存为 {filled}（{file} 未改动），报告引用填充后的数字",
    en: "  The workbook was filled first and saved as {filled} ({file} is unchanged); the report states the filled figures",
  },
  reportFilledInPlace: {
    zh: "  已先按规则填充工作簿（{file}，已覆盖原文件），报告引用填充后的数字",
    en: "  The workbook ({file}) was filled first, in place; the report states the filled figures",
  },
  reportXmlCharsRemoved: {
    zh: "  表格文字中有 {count} 个 XML 文档不能容纳的字符（控制字符、U+FFFE/U+FFFF 等），报告中已删去",
    en: "  {count} character(s) of the table's text cannot be held by an XML document (control characters, U+FFFE/U+FFFF …) and were left out of the report",
  },
  reportAsIs: {
    zh: "  按 --as-is 引用了表中现有数字，其中 {differences} 处与规则不符：",
    en: "  --as-is: the report states the table's figures; {differences} differ from the rule:",
  },
  reportStillErrors: {
    zh: "  表中还有 {errors} 个错误（jixiao check 可查看详情）：",
    en: "  The table still has {errors} error(s) (see jixiao check):",
  },
  reportWaiting: {
    zh: "未写入报告：{file} 中有数字与规则不符。报告只引用表格自身的数字，以免报告与表格不一致。",
    en: "No report written: figures in {file} break a rule. A report states the table's own figures, so that report and table agree.",
  },
  reportChoose: {
    zh: "请选择：--fill 先填充再生成（按规则填充工作簿并覆盖原文件，再写报告）；--as-is 按表中现有数字生成。",
    en: "Choose: --fill to fill the workbook in place first, then write the report; --as-is to state the table's figures as they stand.",
  },
  chartLeftOut: {
    zh: ({ reason }: { reason: "no-font" | "no-renderer" }) =>
      reason === "no-font"
        ? "提示：本机没有可用的中文字体，报告中未插入图表（安装 fonts-noto-cjk 或文泉驿字体，或用 JIXIAO_CHART_FONT 指定字体文件后重新生成）。"
        : "提示：本机无法绘制图表（@resvg/resvg-js 与 @resvg/resvg-wasm 均不可用），报告中未插入图表。",
    en: ({ reason }: { reason: "no-font" | "no-renderer" }) =>
      reason === "no-font"
        ? "Note: no Chinese font found on this computer, so the report has no chart (install fonts-noto-cjk or a WenQuanYi font, or name a font file in JIXIAO_CHART_FONT, and write it again)."
        : "Note: no chart renderer works here (neither @resvg/resvg-js nor @resvg/resvg-wasm), so the report has no chart.",
  },
  "markSeverity.error": { zh: "错误", en: "error" },
  "markSeverity.warning": { zh: "警告", en: "warning" },
  "markSeverity.info": { zh: "提示", en: "note" },
  noMarksToClear: { zh: "工作簿中没有本助手的标注，未做修改。", en: "The workbook holds no marks of this add-in; nothing changed." },
  marksCleared: { zh: "清除 {cells} 个单元格的标注：", en: "Marks removed from {cells} cell(s):" },
  clearWrote: {
    zh: "已写入 {output}。单元格的值、公式与他人批注均未改动。",
    en: "Wrote {output}. No value, formula or person's note was changed.",
  },
  nothingToMark: { zh: "没有需要标注的单元格。", en: "There is no cell to mark." },
  marked: {
    zh: "标注 {cells} 个单元格（错误 {errors}，警告 {warnings}，提示 {notes}）：",
    en: "{cells} cell(s) marked ({errors} error(s), {warnings} warning(s), {notes} note(s)):",
  },
  marksXmlCharsRemoved: {
    zh: "备注引用的表格文字中有 {count} 个 XML 文档不能容纳的字符（控制字符、U+FFFE/U+FFFF 等），已从备注中删去。",
    en: "{count} character(s) of the table's text quoted in the notes cannot be held by an XML document (control characters, U+FFFE/U+FFFF …) and were left out of the notes.",
  },
  marksReplaced: { zh: "原有的 {marks} 处本助手标注已替换。", en: "{marks} earlier mark(s) of this add-in were replaced." },
  markWrote: {
    zh: "已写入 {output}。批注作者为“绩效自评助手”；用 jixiao mark --clear 可清除这些标注。",
    en: "Wrote {output}. The notes' author is 绩效自评助手; jixiao mark --clear takes the marks away again.",
  },
  batchUnreadable: { zh: "✗ {file} —— 无法读取：{why}", en: "✗ {file} — unreadable: {why}" },
  batchNoTable: { zh: "· {file} —— 未识别到绩效自评表", en: "· {file} — no table recognised" },
  batchTotal: { zh: "总分 {total} {grade}", en: "total {total} {grade}" },
  batchCounts: { zh: "错误 {errors} · 警告 {warnings} · 提示 {notes}", en: "{errors} error(s) · {warnings} warning(s) · {notes} note(s)" },
  batchFile: { zh: "{mark} {file} —— {tables} 张表 · {counts}{totals}", en: "{mark} {file} —— {tables} table(s) · {counts}{totals}" },
  batchSummary: {
    zh: "共 {files} 个文件（{unreadable} 个无法读取），{tables} 张表：错误 {errors}，警告 {warnings}，提示 {notes}。用时 {seconds} 秒，{workers} 个线程。",
    en: "{files} file(s) ({unreadable} unreadable), {tables} table(s): {errors} error(s), {warnings} warning(s), {notes} note(s). {seconds} s, {workers} thread(s).",
  },
  batchReportWritten: { zh: "问题清单已写入：{file}", en: "Issue list written: {file}" },
  batchFailOn: {
    zh: ({ failOn }: { failOn: string }) => `存在${failOn === "error" ? "错误" : "警告或错误"}（--fail-on ${failOn}），退出码 3。`,
    en: "Findings at --fail-on {failOn} or above: exit code 3.",
  },
} as const satisfies Record<string, Message>;
