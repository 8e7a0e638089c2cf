/**
 * Every string the pane (spreadsheet and Word) and the ribbon commands show, Chinese first, English second.
 * The language is Chinese unless Office's display language (or, standalone, the browser's) is not Chinese;
 * the person can override it in 设置.
 *
 * The five main buttons keep their Chinese accessible names in both languages (检查, 填充公式, 应用, 撤销, 下载),
 * so scripts and assistive technology find them the same way; in English the visible text is English.
 */
import type { TableKind } from "../model";
import type { Severity } from "../findings";
import type { Grade } from "../analysis";
import type { ChangeGroupId } from "../choose";
import type { Lang } from "./lang";

/** Fixed accessible names of the main commands. */
export const BUTTON_NAMES = {
  check: "检查",
  fill: "填充公式",
  apply: "应用",
  undo: "撤销",
  download: "下载",
  mark: "标注问题",
  clearMarks: "清除标注",
} as const;

export interface Strings {
  appName: string;
  tagline: string;
  // commands
  check: string;
  fill: string;
  apply: string;
  cancel: string;
  undo: string;
  download: string;
  adopt: string;
  adoptHint: (value: string) => string;
  report: string;
  writingReport: string;
  reportWritten: (name: string) => string;
  /** 生成报告 on a table whose figures differ from the rule's: the choice before anything is written. */
  reportDiffers: (n: number) => string;
  reportDiffersHint: string;
  reportFillFirst: string;
  reportAsIs: string;
  reportFillFirstNotice: string;
  // file
  chooseFile: string;
  chooseFileLabel: string;
  changeFile: string;
  dropHint: string;
  fileStaysHere: string;
  noFileYet: string;
  chooseFirst: string;
  opened: (name: string, sheets: number) => string;
  // scope
  allSheets: string;
  activeSheetOnly: string;
  // progress
  working: string;
  reading: string;
  analysing: string;
  applying: string;
  undoing: string;
  saving: string;
  opening: string;
  // results
  resultsTitle: string;
  noResultsYet: string;
  tables: (n: number) => string;
  noTable: (sheet: string) => string;
  sheetLabel: string;
  kind: Record<TableKind, string>;
  kindShort: Record<TableKind, string>;
  unnamed: string;
  budget: string;
  executed: string;
  rate: string;
  total: string;
  totalAfter: string;
  rateAfter: string;
  grade: string;
  gradeName: Record<Grade, string>;
  weightSum: (n: string) => string;
  funds: string;
  severity: Record<Severity, string>;
  noFindings: string;
  findingsTitle: (n: number) => string;
  cellLabel: string;
  noCell: string;
  selectCellHint: string;
  // preview
  previewTitle: (n: number) => string;
  previewIntro: string;
  nothingToFill: string;
  emptyValue: string;
  /** After a value the fill writes with a new number format. */
  withFormat: (format: string) => string;
  /** The arrow between a cell's value now and the value the fill writes (screen readers). */
  becomes: string;
  changeKind: Record<"formula" | "score" | "number" | "format", string>;
  changeGroup: Record<ChangeGroupId, string>;
  chooseAll: string;
  chosenCount: (chosen: number, total: number) => string;
  groupCount: (chosen: number, total: number) => string;
  requiredBy: (cells: string) => string;
  applyChosen: (n: number) => string;
  nothingChosen: string;
  // one action for several findings
  numberFixTitle: (n: number) => string;
  numberFixAction: string;
  numberFixName: (n: number) => string;
  numberFixed: (n: number) => string;
  showCells: string;
  // sheet view
  sheetViewTitle: string;
  sheetViewDerived: string;
  sheetViewPlanned: string;
  sheetViewTable: string;
  unreadTitle: string;
  batchTitle: string;
  batchChoose: string;
  batchHint: string;
  batchDownload: string;
  /** The issue list's file name. */
  batchFileName: string;
  batchSummary: (files: number, unreadable: number, e: number, w: number, i: number) => string;
  batchCounts: (tables: number, e: number, w: number) => string;
  // notices
  applied: (n: number) => string;
  undone: string;
  adopted: (cell: string) => string;
  downloaded: (name: string) => string;
  lastCommand: (when: string, text: string) => string;
  // settings
  settings: string;
  profile: string;
  profileHint: string;
  language: string;
  languageAuto: string;
  // errors
  errorTitle: string;
  dismiss: string;
  crashTitle: string;
  crashBody: string;
  reload: string;
  needExcelApi: string;
  unexpected: (detail: string) => string;
  notXlsx: string;
  fileTooLarge: string;
  readFailed: string;
  /** The Word pane (linking a workbook, writing and refreshing the report). */
  word: WordStrings;
  /** 标注问题 / 清除标注. */
  marks: MarkStrings;
}

export interface MarkStrings {
  mark: string;
  clear: string;
  planning: string;
  reading: string;
  marking: string;
  clearing: string;
  /** Preview headings: how many cells, by severity. */
  markTitle: (n: number) => string;
  clearTitle: (n: number) => string;
  counts: (errors: number, warnings: number, infos: number) => string;
  markHint: string;
  clearHint: string;
  sheet: string;
  cell: string;
  colour: string;
  finding: string;
  /** More rows than the preview lists. */
  more: (n: number) => string;
  /** A row of the preview: select that cell in the workbook. */
  goTo: (sheet: string, cell: string) => string;
  nothingToMark: string;
  nothingToClear: string;
  marked: (n: number, errors: number, warnings: number) => string;
  markedDownload: string;
  cleared: (n: number) => string;
  previewLabel: string;
  /** One mark's severity (the colour swatch). */
  severityOne: Record<Severity, string>;
}

export interface WordStrings {
  linked: string;
  noLink: string;
  readingLink: string;
  choose: string;
  chooseAgain: string;
  chooseLabel: string;
  stays: string;
  pick: string;
  write: string;
  refresh: string;
  force: string;
  reading: string;
  writing: string;
  refreshing: string;
  written: (sections: number) => string;
  issues: string;
  differ: string;
  differHow: string;
  changes: string;
  error: string;
  /** The pane's landmark name. */
  region: string;
  /** A table in the list of tables to report on. */
  kind: Record<TableKind, string>;
  /** "全年执行数（E6）：3416.022万元 → 3300.5万元". */
  change: (label: string, cell: string, before: string | null, after: string | null) => string;
  /** Sections named in a refresh summary, joined. */
  sections: (names: readonly string[]) => string;
  updated: (sections: string) => string;
  notOverwritten: (sections: string) => string;
  missing: (sections: string) => string;
  unchanged: string;
  changed: (n: number) => string;
  link: (file: string, sheet: string, when: string, fingerprint: string) => string;
  filling: string;
  filled: (fileName: string) => string;
}

const zh: Strings = {
  appName: "绩效自评助手",
  tagline: "识别绩效自评表，检查规则，填充公式",
  check: "检查",
  fill: "填充公式",
  apply: "应用",
  cancel: "取消",
  undo: "撤销",
  download: "下载",
  adopt: "采纳建议",
  adoptHint: (v) => `写入建议值 ${v}（可撤销）`,
  report: "生成报告",
  writingReport: "正在撰写自评报告…",
  reportWritten: (n) => `已生成自评报告 ${n}（仅保存在本机）。`,
  reportDiffers: (n) => `表中有 ${n} 处数字与评分规则不一致，报告将与表格不符：`,
  reportDiffersHint: "建议先填充公式、核对后再生成报告；也可以按表中现有数字生成。",
  reportFillFirst: "先填充再生成",
  reportAsIs: "按表中数字生成",
  reportFillFirstNotice: "请在下方预览中选择并应用更改，然后再点“生成报告”。",
  chooseFile: "选择工作簿 (.xlsx)",
  chooseFileLabel: "选择工作簿 (.xlsx)",
  changeFile: "更换文件",
  dropHint: "或将 .xlsx 文件拖到此处",
  fileStaysHere: "文件只在本机浏览器中处理，不会上传。",
  noFileYet: "尚未打开工作簿",
  chooseFirst: "选择一个 .xlsx 工作簿，即可识别自评表、检查规则并填充公式。",
  opened: (name, n) => `${name} · ${n} 个工作表`,
  allSheets: "检查全部工作表",
  activeSheetOnly: "仅当前工作表",
  working: "正在处理…",
  reading: "正在读取工作表…",
  analysing: "正在检查…",
  applying: "正在写入…",
  undoing: "正在撤销…",
  saving: "正在生成文件…",
  opening: "正在打开工作簿…",
  resultsTitle: "检查结果",
  noResultsYet: "点击“检查”识别自评表并核对执行率、得分、权重与总分。",
  tables: (n) => `识别到 ${n} 张自评表`,
  noTable: (s) => `工作表「${s}」未识别到自评表`,
  sheetLabel: "工作表",
  kind: {
    project: "项目支出绩效自评表",
    department: "部门整体支出绩效自评表",
    summary: "项目支出绩效自评汇总表",
    scorecard: "绩效评价指标体系评分表",
  },
  kindShort: { project: "项目", department: "部门整体", summary: "汇总表", scorecard: "评分表" },
  unnamed: "（未填写名称）",
  budget: "预算数",
  executed: "执行数",
  rate: "执行率",
  total: "总分",
  totalAfter: "填充后总分",
  rateAfter: "执行率",
  grade: "等级",
  gradeName: { 优: "优", 良: "良", 中: "中", 差: "差" },
  weightSum: (n) => `分值合计 ${n}`,
  funds: "资金（万元）",
  severity: { error: "错误", warning: "警告", info: "提示" },
  noFindings: "未发现问题。",
  findingsTitle: (n) => `发现 ${n} 项`,
  cellLabel: "单元格",
  noCell: "整表",
  selectCellHint: "定位到单元格",
  previewTitle: (n) => `填充预览：${n} 处更改`,
  previewIntro: "以下单元格将被写入。确认后点击“应用”；应用后可随时“撤销”。",
  nothingToFill: "没有需要填充的单元格：公式与得分均已就绪。",
  emptyValue: "（空）",
  withFormat: (f) => `（格式 ${f}）`,
  becomes: "改为",
  changeKind: { formula: "公式", score: "得分", number: "文本转数字", format: "格式" },
  changeGroup: { rate: "执行率", score: "得分", total: "总分与合计", number: "文本数字转为数值", other: "其他" },
  chooseAll: "全部更改",
  chosenCount: (c, n) => `已选 ${c} / ${n} 处`,
  groupCount: (c, n) => `${c}/${n}`,
  requiredBy: (cells) => `${cells} 的公式读取此单元格，随之转换`,
  applyChosen: (n) => `应用（${n}）`,
  nothingChosen: "未选择任何更改。",
  numberFixTitle: (n) => `${n} 处文本数字`,
  numberFixAction: "转为数字",
  numberFixName: (n) => `${n} 处文本数字 → 转为数字`,
  numberFixed: (n) => `已将 ${n} 处文本数字转为数值，可撤销。`,
  showCells: "单元格",
  sheetViewTitle: "表格视图",
  sheetViewDerived: "计算单元格",
  sheetViewPlanned: "将写入",
  sheetViewTable: "显示的表",
  unreadTitle: "未能完整读取",
  batchTitle: "批量检查",
  batchChoose: "批量检查多个工作簿",
  batchHint: "一次选择多个 .xlsx / .xlsm 文件，逐个检查后可下载问题清单；文件不会上传。",
  batchDownload: "下载问题清单",
  batchFileName: "问题清单.xlsx",
  batchSummary: (f, u, e, w, i) => `共 ${f} 个文件（${u} 个无法读取）：错误 ${e}，警告 ${w}，提示 ${i}。`,
  batchCounts: (n, e, w) => `${n} 张表 · 错误 ${e} · 警告 ${w}`,
  applied: (n) => `已写入 ${n} 处更改，可撤销。`,
  undone: "已撤销上次写入，单元格已恢复原样。",
  adopted: (c) => `已采纳建议，写入 ${c}，可撤销。`,
  downloaded: (n) => `已生成 ${n}（仅保存在本机）。`,
  lastCommand: (w, t) => `功能区命令（${w}）：${t}`,
  settings: "设置",
  profile: "计分规则",
  profileHint: "各省执行率与反向指标的计分方法不同，请选择本地区适用的规则。",
  language: "界面语言",
  languageAuto: "自动",
  errorTitle: "操作未完成",
  dismiss: "关闭",
  crashTitle: "界面出现错误",
  crashBody: "工作簿未被修改。请重新加载任务窗格后重试。",
  reload: "重新加载",
  needExcelApi: "此功能需要 Excel 2016 或更高版本（ExcelApi 1.5）。",
  unexpected: (d) => `处理时出错：${d}`,
  notXlsx: "请选择 .xlsx 格式的 Excel 工作簿。",
  fileTooLarge: "文件过大（超过 50 MB），无法在浏览器中处理。",
  readFailed: "无法读取此文件，它可能已损坏或不是 Excel 工作簿。",
  word: {
    linked: "文档链接的工作簿",
    noLink: "本文档还没有由本工具写入的报告。",
    readingLink: "正在读取文档……",
    choose: "链接工作簿…",
    chooseAgain: "更换工作簿…",
    chooseLabel: "选择绩效自评表工作簿（.xlsx）",
    stays: "文件只在本机读取，不会上传。",
    pick: "选择要写入报告的表",
    write: "写入报告",
    refresh: "刷新",
    force: "仍然覆盖我修改过的章节",
    reading: "正在读取工作簿……",
    writing: "正在写入报告……",
    refreshing: "正在刷新……",
    written: (n) => `已在文档末尾写入报告（${n} 个章节）。黄色标出的【请补充：……】需要您补写。`,
    issues: "表中仍有以下错误（报告引用表中现有数字），请在 Excel 中修正工作簿：",
    differ: "表中以下数字与规则不符，报告将照录表中数字：",
    differHow: "写入报告或刷新时，可选择“先填充再生成”（按规则填充所链接工作簿的副本并下载）或“按表中数字生成”。",
    changes: "变化的数字",
    error: "出错了",
    region: "自评报告",
    kind: { project: "项目支出", department: "部门整体", summary: "汇总表", scorecard: "评分表" },
    change: (label, cell, before, after) => `${label}（${cell}）：${before ?? "（无）"} → ${after ?? "（无）"}`,
    sections: (names) => names.join("、"),
    updated: (s) => `已更新：${s}`,
    notOverwritten: (s) => `未覆盖（您在其中做过修改）：${s}`,
    missing: (s) => `文档中找不到：${s}`,
    unchanged: "数字没有变化，报告未改动。",
    changed: (n) => `${n} 处数字有变化`,
    link: (file, sheet, when, fp) => `${file} · ${sheet} · 更新于 ${when} · 指纹 ${fp}`,
    filling: "正在按规则填充工作簿……",
    filled: (name) => `已按规则填充所链接工作簿的副本并下载为“${name}”，报告引用填充后的数字。请用它替换原工作簿，使报告与表格一致。`,
  },
  marks: {
    mark: "标注问题",
    clear: "清除标注",
    planning: "正在检查并准备标注……",
    reading: "正在查找本助手的标注……",
    marking: "正在标注……",
    clearing: "正在清除标注……",
    markTitle: (n) => `标注预览：${n} 个单元格`,
    clearTitle: (n) => `清除预览：${n} 个单元格的标注`,
    counts: (e, w, i) => [e ? `错误 ${e}` : "", w ? `警告 ${w}` : "", i ? `提示 ${i}` : ""].filter(Boolean).join("，"),
    markHint: "每个单元格加一条批注（问题说明）并按严重程度填充底色；数值和公式不变。已有他人批注的单元格保留原批注，只加底色。",
    clearHint: "只移除本助手加的批注和底色，单元格恢复标注前的底色；他人的批注和格式不动。",
    sheet: "工作表",
    cell: "单元格",
    colour: "颜色",
    finding: "问题",
    more: (n) => `另有 ${n} 个单元格未列出。`,
    goTo: (sheet, cell) => `定位到 ${sheet}!${cell}`,
    nothingToMark: "没有需要标注的问题（错误或警告）。",
    nothingToClear: "工作簿中没有本助手的标注。",
    marked: (n, e, w) => `已标注 ${n} 个单元格（错误 ${e}，警告 ${w}），可撤销。`,
    markedDownload: "点“下载”保存已标注的副本。",
    cleared: (n) => `已清除 ${n} 个单元格的标注，底色已恢复，可撤销。`,
    previewLabel: "标注预览",
    severityOne: { error: "错误", warning: "警告", info: "提示" },
  },
};

const en: Strings = {
  appName: "Performance Self-Evaluation Assistant",
  tagline: "Recognise self-evaluation tables, check the rules, fill the formulas",
  check: "Check",
  fill: "Fill formulas",
  apply: "Apply",
  cancel: "Cancel",
  undo: "Undo",
  download: "Download",
  adopt: "Accept suggestion",
  adoptHint: (v) => `Write the suggested value ${v} (undoable)`,
  report: "Write report",
  writingReport: "Writing the self-evaluation report…",
  reportWritten: (n) => `Report ${n} saved on this computer.`,
  reportDiffers: (n) => `${n} figure(s) in the table differ from the scoring rule, so the report would not match the table:`,
  reportDiffersHint: "Fill the formulas and check them first, or write the report from the table's figures as they stand.",
  reportFillFirst: "Fill first",
  reportAsIs: "Use the table's figures",
  reportFillFirstNotice: "Choose and apply the changes in the preview below, then press Write report again.",
  chooseFile: "Choose workbook (.xlsx)",
  chooseFileLabel: "选择工作簿 (.xlsx) Choose workbook",
  changeFile: "Change file",
  dropHint: "or drop an .xlsx file here",
  fileStaysHere: "The file is processed in this browser only; nothing is uploaded.",
  noFileYet: "No workbook open",
  chooseFirst: "Choose an .xlsx workbook to recognise its tables, check the rules and fill the formulas.",
  opened: (name, n) => `${name} · ${n} sheet${n === 1 ? "" : "s"}`,
  allSheets: "Check every sheet",
  activeSheetOnly: "Active sheet only",
  working: "Working…",
  reading: "Reading sheets…",
  analysing: "Checking…",
  applying: "Writing…",
  undoing: "Undoing…",
  saving: "Preparing the file…",
  opening: "Opening the workbook…",
  resultsTitle: "Results",
  noResultsYet: "Choose Check to recognise the tables and verify rates, scores, weights and totals.",
  tables: (n) => `${n} table${n === 1 ? "" : "s"} recognised`,
  noTable: (s) => `No self-evaluation table on sheet "${s}"`,
  sheetLabel: "Sheet",
  kind: {
    project: "Project expenditure self-evaluation",
    department: "Department expenditure self-evaluation",
    summary: "Project self-evaluation summary",
    scorecard: "Performance evaluation scorecard",
  },
  kindShort: { project: "Project", department: "Department", summary: "Summary", scorecard: "Scorecard" },
  unnamed: "(no name)",
  budget: "Budget",
  executed: "Executed",
  rate: "Rate",
  total: "Total",
  totalAfter: "Total after fill",
  rateAfter: "Rate",
  grade: "Grade",
  gradeName: { 优: "优 Excellent", 良: "良 Good", 中: "中 Fair", 差: "差 Poor" },
  weightSum: (n) => `Weights add to ${n}`,
  funds: "Funds (10k yuan)",
  severity: { error: "Errors", warning: "Warnings", info: "Notes" },
  noFindings: "No problems found.",
  findingsTitle: (n) => `${n} finding${n === 1 ? "" : "s"}`,
  cellLabel: "Cell",
  noCell: "Table",
  selectCellHint: "Go to cell",
  previewTitle: (n) => `Fill preview: ${n} change${n === 1 ? "" : "s"}`,
  previewIntro: "These cells will be written. Choose Apply to write them; Undo takes them back.",
  nothingToFill: "Nothing to fill: formulas and scores are already in place.",
  emptyValue: "(empty)",
  withFormat: (f) => ` (format ${f})`,
  becomes: "becomes",
  changeKind: { formula: "Formula", score: "Score", number: "Text → number", format: "Format" },
  changeGroup: {
    rate: "Execution rates",
    score: "Scores",
    total: "Totals and subtotals",
    number: "Numbers stored as text",
    other: "Other",
  },
  chooseAll: "All changes",
  chosenCount: (c, n) => `${c} of ${n} chosen`,
  groupCount: (c, n) => `${c}/${n}`,
  requiredBy: (cells) => `Read by the formula in ${cells}; converted with it`,
  applyChosen: (n) => `Apply (${n})`,
  nothingChosen: "No change chosen.",
  numberFixTitle: (n) => `${n} number${n === 1 ? "" : "s"} stored as text`,
  numberFixAction: "Convert to numbers",
  numberFixName: (n) => `${n} 处文本数字 → 转为数字`,
  numberFixed: (n) => `${n} number${n === 1 ? "" : "s"} stored as text converted. You can undo.`,
  showCells: "Cells",
  sheetViewTitle: "Sheet view",
  sheetViewDerived: "Calculated",
  sheetViewPlanned: "To be written",
  sheetViewTable: "Table shown",
  unreadTitle: "Not fully read",
  batchTitle: "Batch check",
  batchChoose: "Check several workbooks",
  batchHint: "Choose several .xlsx / .xlsm files; each is checked here and the issue list can be downloaded. Nothing is uploaded.",
  batchDownload: "Download issue list",
  batchFileName: "issues.xlsx",
  batchSummary: (f, u, e, w, i) => `${f} file(s) (${u} unreadable): ${e} error(s), ${w} warning(s), ${i} note(s).`,
  batchCounts: (n, e, w) => `${n} table(s) · ${e} error(s) · ${w} warning(s)`,
  applied: (n) => `${n} change${n === 1 ? "" : "s"} written. You can undo.`,
  undone: "The last fill was undone; the cells hold what they held before.",
  adopted: (c) => `Suggestion written to ${c}. You can undo.`,
  downloaded: (n) => `${n} saved on this computer.`,
  lastCommand: (w, t) => `Ribbon command (${w}): ${t}`,
  settings: "Settings",
  profile: "Scoring rules",
  profileHint: "Provinces score the execution rate and negative indicators differently; choose the rules that apply.",
  language: "Language",
  languageAuto: "Automatic",
  errorTitle: "Not completed",
  dismiss: "Dismiss",
  crashTitle: "The pane ran into an error",
  crashBody: "The workbook was not changed. Reload the pane and try again.",
  reload: "Reload",
  needExcelApi: "This needs Excel 2016 or later (ExcelApi 1.5).",
  unexpected: (d) => `Something went wrong: ${d}`,
  notXlsx: "Choose an Excel workbook in .xlsx format.",
  fileTooLarge: "The file is larger than 50 MB and cannot be processed in the browser.",
  readFailed: "This file cannot be read; it may be damaged or not an Excel workbook.",
  word: {
    linked: "Workbook linked to this document",
    noLink: "This document has no report written by this tool yet.",
    readingLink: "Reading the document…",
    choose: "Link workbook…",
    chooseAgain: "Change workbook…",
    chooseLabel: "Choose the self-evaluation workbook (.xlsx)",
    stays: "The file is read on this computer only; nothing is uploaded.",
    pick: "Choose the table to report on",
    write: "Write report",
    refresh: "Refresh",
    force: "Overwrite the sections I edited anyway",
    reading: "Reading the workbook…",
    writing: "Writing the report…",
    refreshing: "Refreshing…",
    written: (n) => `The report was written at the end of the document (${n} sections). Fill in the highlighted 【请补充：……】.`,
    issues: "The table still has these errors (the report states the table's figures). Correct the workbook in Excel:",
    differ: "These figures differ from the rules; the report will state the table's figures:",
    differHow:
      "When you write or refresh the report you can choose Fill first (a copy of the linked workbook is filled by the rules and downloaded) or Use the table's figures.",
    changes: "Numbers that changed",
    error: "Something went wrong",
    region: "Self-evaluation report",
    kind: { project: "project", department: "department", summary: "summary", scorecard: "scorecard" },
    change: (label, cell, before, after) => `${label} (${cell}): ${before ?? "(none)"} → ${after ?? "(none)"}`,
    sections: (names) => names.join(", "),
    updated: (s) => `Updated: ${s}`,
    notOverwritten: (s) => `Not overwritten (you edited them): ${s}`,
    missing: (s) => `Missing from the document: ${s}`,
    unchanged: "No number changed; the report was left as it was.",
    changed: (n) => `${n} number(s) changed`,
    link: (file, sheet, when, fp) => `${file} · ${sheet} · updated ${when} · fingerprint ${fp}`,
    filling: "Filling the workbook by the rules…",
    filled: (name) =>
      `A copy of the linked workbook was filled by the rules and downloaded as "${name}"; the report states the filled figures. Replace the original workbook with it so that report and table agree.`,
  },
  marks: {
    mark: "Mark findings",
    clear: "Clear marks",
    planning: "Checking and preparing the marks…",
    reading: "Looking for this add-in's marks…",
    marking: "Marking…",
    clearing: "Clearing the marks…",
    markTitle: (n) => `Marks preview: ${n} cell${n === 1 ? "" : "s"}`,
    clearTitle: (n) => `Clear preview: marks on ${n} cell${n === 1 ? "" : "s"}`,
    counts: (e, w, i) =>
      [e ? `${e} error${e === 1 ? "" : "s"}` : "", w ? `${w} warning${w === 1 ? "" : "s"}` : "", i ? `${i} note${i === 1 ? "" : "s"}` : ""]
        .filter(Boolean)
        .join(", "),
    markHint:
      "Each cell gets a note with the finding and a fill colour by severity; values and formulas do not change. A cell that already has someone's note keeps it and only gets the colour.",
    clearHint:
      "Only this add-in's notes and colours are removed; each cell gets back the fill it had before. Other notes and formats stay.",
    sheet: "Sheet",
    cell: "Cell",
    colour: "Colour",
    finding: "Finding",
    more: (n) => `${n} more cell${n === 1 ? "" : "s"} not listed.`,
    goTo: (sheet, cell) => `Go to ${sheet}!${cell}`,
    nothingToMark: "Nothing to mark: no errors or warnings.",
    nothingToClear: "The workbook holds no marks of this add-in.",
    marked: (n, e, w) =>
      `${n} cell${n === 1 ? "" : "s"} marked (${e} error${e === 1 ? "" : "s"}, ${w} warning${w === 1 ? "" : "s"}); you can undo it.`,
    markedDownload: "Press Download to save the marked copy.",
    cleared: (n) => `Marks removed from ${n} cell${n === 1 ? "" : "s"}, fills restored; you can undo it.`,
    previewLabel: "Marks preview",
    severityOne: { error: "Error", warning: "Warning", info: "Note" },
  },
};

export const STRINGS: Record<Lang, Strings> = { zh, en };

/** One string (or string-making function, or group) of the interface in one language: `t("check", lang)`. */
export function t<K extends keyof Strings>(key: K, lang: Lang): Strings[K] {
  return STRINGS[lang][key];
}
