/**
 * What the jixiao command prints (check, fill and report), Chinese and English side by side; the command picks one
 * with `--lang`. Column alignment and joining stay in src/cli; every word is here.
 */
import type { TableKind } from "../model";
import type { Severity } from "../findings";
import type { Lang } from "./lang";

export interface CliStrings {
  file: (file: string) => string;
  fileTo: (file: string, output: string) => string;
  rules: (profile: { name: string; nameEn: string }) => string;
  sheet: (sheet: string) => string;
  noTableReason: string;
  noTableOn: (heading: string, reason: string) => string;
  /** check: a table's kind after the sheet. */
  kind: Record<TableKind, string>;
  statedTotal: (stated: string) => string;
  total: (total: string, statedNote: string) => string;
  grade: (grade: string) => string;
  counts: (errors: number, warnings: number, notes: number) => string;
  /** check: the severity column (English padded to one width). */
  severity: Record<Severity, string>;
  canFill: (cells: number, file: string) => string;
  noTableAnywhere: string;
  /** fill: a table's kind after the sheet. */
  fillKind: Record<TableKind, string>;
  sheetChanges: (sheet: string, name: string, changes: number) => string;
  sheetUntouched: (sheet: string) => string;
  /** fill: after a change written into a cell whose role was inferred (a row label, a position), not read from a header. */
  inferredRole: string;
  /** fill: the changes held back over a person's entries where the role was inferred (SPEC §3), then one per line. */
  suggestionsHeld: (n: number) => string;
  wrote: (output: string, changes: number) => string;
  reportWritten: (output: string, reports: number, file: string) => string;
  reportSections: (sections: number, placeholders: number) => string;
  reportFilledFirst: (file: string) => string;
  reportAsIs: (differences: number) => string;
  reportStillErrors: (errors: number) => string;
  reportWaiting: (file: string) => string;
  reportChoose: string;
  /** report: the chart could not be drawn here and was left out (no Chinese font for the WebAssembly renderer, no renderer). */
  chartLeftOut: (reason: "no-font" | "no-renderer") => string;
  /** mark: the severity column. */
  markSeverity: Record<Severity, string>;
  noMarksToClear: string;
  marksCleared: (cells: number) => string;
  clearWrote: (output: string) => string;
  nothingToMark: string;
  marked: (cells: number, errors: number, warnings: number, notes: number) => string;
  marksReplaced: (marks: number) => string;
  markWrote: (output: string) => string;
  /** check over many files: one line per file, then the totals. */
  batchUnreadable: (file: string, why: string) => string;
  batchNoTable: (file: string) => string;
  batchTotal: (total: string, grade: string) => string;
  batchCounts: (errors: number, warnings: number, notes: number) => string;
  batchFile: (mark: string, file: string, tables: number, counts: string, totals: string) => string;
  batchSummary: (
    files: number,
    unreadable: number,
    tables: number,
    errors: number,
    warnings: number,
    notes: number,
    seconds: string,
    workers: number,
  ) => string;
  batchReportWritten: (file: string) => string;
  batchFailOn: (failOn: string) => string;
}

const zh: CliStrings = {
  file: (file) => `文件：${file}`,
  fileTo: (file, output) => `文件：${file} → ${output}`,
  rules: (p) => `评分规则：${p.name}`,
  sheet: (s) => `工作表「${s}」`,
  noTableReason: "未识别到绩效自评表",
  noTableOn: (heading, reason) => `${heading}：未识别到绩效自评表 —— ${reason}`,
  kind: {
    project: "项目支出绩效自评表",
    department: "部门整体支出绩效自评表",
    summary: "项目支出绩效自评情况汇总表",
    scorecard: "绩效评价指标体系评分表",
  },
  statedTotal: (n) => `（表中填写 ${n}）`,
  total: (total, note) => `总分 ${total}${note}`,
  grade: (g) => `等级 ${g}`,
  counts: (e, w, i) => `${e} 个错误、${w} 个警告、${i} 条提示`,
  severity: { error: "错误", warning: "警告", info: "提示" },
  canFill: (n, file) => `  可自动填充 ${n} 处公式/数值：jixiao fill ${file} -o <输出.xlsx>`,
  noTableAnywhere: "未在任何工作表中识别到绩效自评表。",
  fillKind: {
    project: "项目支出绩效自评表",
    department: "部门整体支出绩效自评表",
    summary: "项目支出绩效自评情况汇总表",
    scorecard: "绩效评价指标体系评分表",
  },
  sheetChanges: (s, name, n) => `工作表「${s}」${name}：${n === 0 ? "无需修改" : `${n} 处修改`}`,
  sheetUntouched: (s) => `工作表「${s}」：未识别到绩效自评表，未修改。`,
  inferredRole: "（位置推断：原为空，已填）",
  suggestionsHeld: (n) => `  建议（未写入，共 ${n} 处：单元格作用由行标签或位置推断，保留原填写值；可在检查结果中一键采纳）：`,
  wrote: (output, n) => `已写入 ${output}（共 ${n} 处修改）。每个公式带有计算结果，Excel、WPS 与 LibreOffice 打开时仍会重新计算。`,
  reportWritten: (output, n, file) => `已写入报告：${output}（${n} 份，来自 ${file}）`,
  reportSections: (s, p) => `  章节 ${s} 个；待补充 ${p} 处（报告中以黄色【请补充：……】标出）`,
  reportFilledFirst: (file) => `  已先按规则填充工作簿（${file}），报告引用填充后的数字`,
  reportAsIs: (n) => `  按 --as-is 引用了表中现有数字，其中 ${n} 处与规则不符：`,
  reportStillErrors: (n) => `  表中还有 ${n} 个错误（jixiao check 可查看详情）：`,
  reportWaiting: (file) => `未写入报告：${file} 中有数字与规则不符。报告只引用表格自身的数字，以免报告与表格不一致。`,
  reportChoose: "请选择：--fill 先填充再生成（按规则填充工作簿并覆盖原文件，再写报告）；--as-is 按表中现有数字生成。",
  chartLeftOut: (reason) =>
    reason === "no-font"
      ? "提示：本机没有可用的中文字体，报告中未插入图表（安装 fonts-noto-cjk 或文泉驿字体，或用 JIXIAO_CHART_FONT 指定字体文件后重新生成）。"
      : "提示：本机无法绘制图表（@resvg/resvg-js 与 @resvg/resvg-wasm 均不可用），报告中未插入图表。",
  markSeverity: { error: "错误", warning: "警告", info: "提示" },
  noMarksToClear: "工作簿中没有本助手的标注，未做修改。",
  marksCleared: (n) => `清除 ${n} 个单元格的标注：`,
  clearWrote: (output) => `已写入 ${output}。单元格的值、公式与他人批注均未改动。`,
  nothingToMark: "没有需要标注的单元格。",
  marked: (n, e, w, i) => `标注 ${n} 个单元格（错误 ${e}，警告 ${w}，提示 ${i}）：`,
  marksReplaced: (n) => `原有的 ${n} 处本助手标注已替换。`,
  markWrote: (output) => `已写入 ${output}。批注作者为“绩效自评助手”；用 jixiao mark --clear 可清除这些标注。`,
  batchUnreadable: (file, why) => `✗ ${file} —— 无法读取：${why}`,
  batchNoTable: (file) => `· ${file} —— 未识别到绩效自评表`,
  batchTotal: (total, grade) => `总分 ${total} ${grade}`,
  batchCounts: (e, w, i) => `错误 ${e} · 警告 ${w} · 提示 ${i}`,
  batchFile: (mark, file, n, counts, totals) => `${mark} ${file} —— ${n} 张表 · ${counts}${totals}`,
  batchSummary: (f, u, n, e, w, i, s, workers) =>
    `共 ${f} 个文件（${u} 个无法读取），${n} 张表：错误 ${e}，警告 ${w}，提示 ${i}。用时 ${s} 秒，${workers} 个线程。`,
  batchReportWritten: (file) => `问题清单已写入：${file}`,
  batchFailOn: (failOn) => `存在${failOn === "error" ? "错误" : "警告或错误"}（--fail-on ${failOn}），退出码 3。`,
};

const en: CliStrings = {
  file: (file) => `File: ${file}`,
  fileTo: (file, output) => `File: ${file} → ${output}`,
  rules: (p) => `Scoring rules: ${p.nameEn}`,
  sheet: (s) => `Sheet "${s}"`,
  noTableReason: "no self-evaluation table recognised",
  noTableOn: (heading, reason) => `${heading}: no table recognised — ${reason}`,
  kind: {
    project: "project self-evaluation table",
    department: "department self-evaluation table",
    summary: "summary of project self-evaluations",
    scorecard: "performance evaluation scorecard",
  },
  statedTotal: (n) => ` (the table states ${n})`,
  total: (total, note) => `total ${total}${note}`,
  grade: (g) => `grade ${g}`,
  counts: (e, w, i) => `${e} error(s), ${w} warning(s), ${i} note(s)`,
  severity: { error: "error  ", warning: "warning", info: "info   " },
  canFill: (n, file) => `  ${n} cell(s) can be filled: jixiao fill ${file} -o <out.xlsx>`,
  noTableAnywhere: "No self-evaluation table was recognised on any sheet.",
  fillKind: { project: "project table", department: "department table", summary: "summary table", scorecard: "scorecard" },
  sheetChanges: (s, name, n) => `Sheet "${s}"${name}: ${n === 0 ? "nothing to change" : `${n} change(s)`}`,
  sheetUntouched: (s) => `Sheet "${s}": no table recognised, left as it was.`,
  inferredRole: " (role inferred: the cell was empty)",
  suggestionsHeld: (n) =>
    `  Suggested, not written (${n}: the cell's role was inferred from a row label or position, so the entry is kept; take it in one click from the check):`,
  wrote: (output, n) =>
    `Wrote ${output} (${n} change(s)). Each formula carries its computed result; Excel, WPS and LibreOffice compute them again on opening.`,
  reportWritten: (output, n, file) => `Report written: ${output} (${n} report(s), from ${file})`,
  reportSections: (s, p) => `  ${s} sections; ${p} placeholder(s) to write (highlighted 【请补充：……】)`,
  reportFilledFirst: (file) => `  The workbook (${file}) was filled first; the report states the filled figures`,
  reportAsIs: (n) => `  --as-is: the report states the table's figures; ${n} differ from the rule:`,
  reportStillErrors: (n) => `  The table still has ${n} error(s) (see jixiao check):`,
  reportWaiting: (file) =>
    `No report written: figures in ${file} break a rule. A report states the table's own figures, so that report and table agree.`,
  reportChoose:
    "Choose: --fill to fill the workbook in place first, then write the report; --as-is to state the table's figures as they stand.",
  chartLeftOut: (reason) =>
    reason === "no-font"
      ? "Note: no Chinese font found on this computer, so the report has no chart (install fonts-noto-cjk or a WenQuanYi font, or name a font file in JIXIAO_CHART_FONT, and write it again)."
      : "Note: no chart renderer works here (neither @resvg/resvg-js nor @resvg/resvg-wasm), so the report has no chart.",
  markSeverity: { error: "error", warning: "warning", info: "note" },
  noMarksToClear: "The workbook holds no marks of this add-in; nothing changed.",
  marksCleared: (n) => `Marks removed from ${n} cell(s):`,
  clearWrote: (output) => `Wrote ${output}. No value, formula or person's note was changed.`,
  nothingToMark: "There is no cell to mark.",
  marked: (n, e, w, i) => `${n} cell(s) marked (${e} error(s), ${w} warning(s), ${i} note(s)):`,
  marksReplaced: (n) => `${n} earlier mark(s) of this add-in were replaced.`,
  markWrote: (output) => `Wrote ${output}. The notes' author is 绩效自评助手; jixiao mark --clear takes the marks away again.`,
  batchUnreadable: (file, why) => `✗ ${file} — unreadable: ${why}`,
  batchNoTable: (file) => `· ${file} — no table recognised`,
  batchTotal: (total, grade) => `total ${total} ${grade}`,
  batchCounts: (e, w, i) => `${e} error(s) · ${w} warning(s) · ${i} note(s)`,
  batchFile: (mark, file, n, counts, totals) => `${mark} ${file} —— ${n} table(s) · ${counts}${totals}`,
  batchSummary: (f, u, n, e, w, i, s, workers) =>
    `${f} file(s) (${u} unreadable), ${n} table(s): ${e} error(s), ${w} warning(s), ${i} note(s). ${s} s, ${workers} thread(s).`,
  batchReportWritten: (file) => `Issue list written: ${file}`,
  batchFailOn: (failOn) => `Findings at --fail-on ${failOn} or above: exit code 3.`,
};

export const CLI_STRINGS: Record<Lang, CliStrings> = { zh, en };
