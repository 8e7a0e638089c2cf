/**
 * Every error the person can see, by key: the errors' part of the catalogue, Chinese and English side by side, `{name}`
 * for what the message names. `userError(key, params)` raises one; the parameters are typed from the templates
 * themselves (a missing or misspelt name is a type error). `code` is the stable code scripts and tests match (defaults
 * to the key; several keys may share one code, e.g. every "not an .xlsx" cause is `not-xlsx`). `toUserError` turns
 * anything thrown into a UserError; a host first decodes its own errors (src/adapters/excel/errors.ts, wps/errors.ts).
 */
import { UserError, isUserError } from "../errors";
import type { Pair } from "./lang";
import { placeholders, sayBoth, type Message, type MessageArgs, type ParamValue } from "./template";

const SAVE_AS = "请在 Excel 或 WPS 中打开，另存为 .xlsx（Excel 工作簿）后再试。";
const SAVE_AS_EN = "Open it in Excel or WPS, save it as .xlsx (Excel Workbook) and try again.";
const USAGE = "（运行 jixiao --help 查看用法）";
const USAGE_EN = " (run jixiao --help for usage)";

export const ERRORS = {
  // ── any shell ────────────────────────────────────────────────────────────────────────────────────────────────
  unexpected: { zh: "处理时出错：{detail}", en: "Something went wrong: {detail}" },
  "unexpected-blank": { code: "unexpected", zh: "处理时出错，工作簿未被修改。", en: "Something went wrong; the workbook was not changed." },
  "no-sheets": { zh: "工作簿中没有可读取的工作表。", en: "The workbook has no sheet to read." },
  "nothing-to-adopt": { zh: "这条建议已无需写入。", en: "There is nothing left to write for this suggestion." },
  "no-table-in-file": {
    code: "no-table",
    zh: "“{file}”中没有识别到绩效自评表：{why}",
    en: 'No self-evaluation table was recognised in "{file}": {why}',
  },
  "no-table-in-workbook": {
    code: "no-table",
    zh: "工作簿中没有识别到绩效自评表：{why}",
    en: "No self-evaluation table was recognised in the workbook: {why}",
  },
  "no-table-on-sheet": {
    code: "no-table",
    zh: "工作表“{sheet}”上没有识别到绩效自评表",
    en: 'No self-evaluation table was recognised on sheet "{sheet}"',
  },
  "no-table-on-sheet-because": {
    code: "no-table",
    zh: "工作表“{sheet}”上没有识别到绩效自评表：{reason}",
    en: 'No self-evaluation table was recognised on sheet "{sheet}": {reason}',
  },
  "no-sheet": { zh: "找不到工作表“{sheet}”（工作簿中有：{names}）", en: 'No sheet named "{sheet}" (the workbook has: {names})' },
  "no-table-for-report": {
    code: "no-table",
    zh: "没有可写入报告的绩效自评表。",
    en: "There is no self-evaluation table to write a report for.",
  },
  "no-marking": {
    zh: "当前环境不支持在单元格上标注问题；请在问题列表中查看。",
    en: "Marking problems on the cells is not available here; see the list of findings instead.",
  },
  "excel-too-old": {
    zh: "此加载项需要 Excel 2016 或更高版本（ExcelApi 1.5）。",
    en: "This add-in needs Excel 2016 or later (ExcelApi 1.5).",
  },
  "word-too-old": {
    zh: "此加载项需要 Word 2019、Microsoft 365 或更高版本（WordApi 1.4）。",
    en: "This add-in needs Word 2019, Microsoft 365 or later (WordApi 1.4).",
  },

  // ── the linked report (Word, WPS 文字, .docx) ─────────────────────────────────────────────────────────────────
  "no-report": {
    zh: "文档中没有由本工具写入的报告，请先点击“写入报告”。",
    en: "This document has no report written by this tool; use “Write report” first.",
  },
  "report-exists": {
    zh: "文档中已有本工具写入的报告，请使用“刷新”更新其中的数字。",
    en: "This document already holds a report written by this tool; use “Refresh” to update its numbers.",
  },
  "link-mismatch": {
    zh: "文档中的报告对应“{linked}”，与所选表格（{sheet}）类型不同，无法刷新。",
    en: 'The report in this document belongs to "{linked}", a different kind of table than the one chosen ({sheet}); it cannot be refreshed.',
  },
  "no-workbook": { zh: "请先链接工作簿，再刷新。", en: "Link the workbook first, then refresh." },
  "no-document": { zh: "WPS 文字中没有打开的文档。", en: "No document is open in WPS Writer." },

  // ── Office.js (Excel) ────────────────────────────────────────────────────────────────────────────────────────
  "cell-edit": {
    zh: "Excel 正在编辑单元格，无法读取或写入。请先按 Enter 或 Esc 结束编辑，再重试。",
    en: "Excel is editing a cell, so the workbook cannot be read or changed. Press Enter or Esc to finish editing, then try again.",
  },
  protected: {
    zh: "工作表{sheets}受保护，未写入任何单元格。请先撤销工作表保护（审阅 → 撤销工作表保护），再重试。",
    en: "The sheet {sheets} is protected; nothing was written. Unprotect it (Review → Unprotect Sheet) and try again.",
  },
  "sheet-missing": {
    zh: "找不到工作表{sheets}（可能已被重命名或删除），未写入任何单元格。",
    en: "The sheet {sheets} was not found (renamed or deleted?); nothing was written.",
  },
  "access-denied": {
    zh: "{doing}失败：工作表受保护或工作簿为只读，Excel 拒绝了更改。",
    en: "{doing} failed: the sheet is protected or the workbook is read-only, so Excel refused the change.",
  },
  "not-found": {
    zh: "{doing}失败：找不到所需的工作表或单元格（可能已被重命名或删除）。",
    en: "{doing} failed: a sheet or cell it needs was not found (renamed or deleted?).",
  },
  "too-large": {
    zh: "{doing}失败：数据量超过 Excel 单次传输的上限（5 MB）。请删除多余的行列或只读取当前工作表。",
    en: "{doing} failed: the data is larger than Excel can pass in one request (5 MB). Remove unused rows/columns or read only the active sheet.",
  },
  "excel-api": {
    zh: "{doing}失败：Excel 报告错误（{detail}）。请重试；若仍失败，请保存并重新打开工作簿。",
    en: "{doing} failed: Excel reported an error ({detail}). Try again; if it keeps failing, save and reopen the workbook.",
  },

  "sheet-missing-undo": {
    code: "sheet-missing",
    zh: "找不到工作表{sheets}（可能已被重命名或删除），无法撤销，工作簿未改动。",
    en: "The sheet {sheets} was not found (renamed or deleted?); undo is not possible; the workbook was not changed.",
  },
  "protected-undo": {
    code: "protected",
    zh: "工作表{sheets}受保护，未撤销任何单元格。请先撤销工作表保护（审阅 → 撤销工作表保护），再重试。",
    en: "The sheet {sheets} is protected; nothing was undone. Unprotect it (Review → Unprotect Sheet) and try again.",
  },
  "no-excel": {
    zh: "未在 Excel 中运行：找不到 Office.js 的 Excel 接口。",
    en: "Not running inside Excel: Office.js's Excel API is missing.",
  },
  "no-notes": {
    zh: "此版本的 Excel 不支持由加载项添加批注（需要 ExcelApi 1.10 或更高，即 Excel 2019/Microsoft 365），无法标注。问题仍列在任务窗格中。",
    en: "This version of Excel does not let add-ins add notes or comments (ExcelApi 1.10 or later is needed: Excel 2019 or Microsoft 365), so the findings cannot be marked. They are still listed in the task pane.",
  },
  "partial-write-excel": {
    zh: "{message}（部分单元格可能已改动，撤销记录已保留：请结束编辑后点“撤销”恢复原状。）",
    en: "{message} (Some cells may have changed; the undo record was kept: finish editing, then click Undo to restore them.)",
  },

  // ── any spreadsheet host (Excel, WPS 表格) ───────────────────────────────────────────────────────────────────
  "bad-plan": { zh: "填写计划无效。", en: "The fill plan is not valid." },
  "bad-plan-number": { code: "bad-plan", zh: "填写计划含有无效的数字。", en: "The fill plan holds an invalid number." },
  "bad-plan-address": {
    code: "bad-plan",
    zh: "填写计划中的单元格地址无效：{cell}，未写入任何单元格。",
    en: "The fill plan holds an invalid cell address: {cell}; nothing was written.",
  },
  "bad-plan-formula": {
    code: "bad-plan",
    zh: "填写计划中 {cell} 的公式无效，未写入任何单元格。",
    en: "The fill plan's formula for {cell} is not valid; nothing was written.",
  },
  "bad-marks": { code: "bad-plan", zh: "标注计划无效。", en: "The mark plan is not valid." },
  "bad-mark": {
    code: "bad-plan",
    zh: "标注计划中的标注无效：{cell}，未写入任何标注。",
    en: "The mark plan holds an invalid mark: {cell}; nothing was marked.",
  },
  "bad-address": { zh: "单元格地址无效：{address}", en: "Not a valid cell address: {address}" },
  "no-undo": { zh: "没有可撤销的填写。", en: "There is no fill to undo." },
  "undo-damaged": {
    zh: "撤销记录已损坏，无法撤销。工作簿未改动。",
    en: "The undo record is damaged, so the fill cannot be undone. The workbook was not changed.",
  },

  // ── WPS (COM) ────────────────────────────────────────────────────────────────────────────────────────────────
  "wps-api": {
    zh: "{doing}失败：{host} 报告错误（{detail}）。请重试；若仍失败，请保存并重新打开文件。",
    en: "{doing} failed: {host} reported an error ({detail}). Try again; if it keeps failing, save and reopen the file.",
  },

  "no-workbook-open": {
    code: "no-workbook",
    zh: "WPS 表格中没有打开的工作簿。请先打开自评表。",
    en: "No workbook is open in WPS Spreadsheets. Open the self-evaluation table first.",
  },
  "wps-shape": { zh: "WPS 返回的数据格式无法识别。", en: "WPS returned data in a shape this add-in does not understand." },
  "no-active-sheet": { code: "no-sheets", zh: "没有活动的工作表。", en: "There is no active sheet." },
  "wps-locked-write-one": {
    code: "protected",
    zh: "工作表受保护，{cells}已锁定，未写入任何单元格。请先撤销工作表保护（审阅 → 撤销工作表保护），再重试。",
    en: "The sheet is protected and {cells} is locked; nothing was written. Unprotect the sheet (Review → Unprotect Sheet) and try again.",
  },
  "wps-locked-write-many": {
    code: "protected",
    zh: "工作表受保护，{cells}已锁定，未写入任何单元格。请先撤销工作表保护（审阅 → 撤销工作表保护），再重试。",
    en: "The sheet is protected and {cells} are locked; nothing was written. Unprotect the sheet (Review → Unprotect Sheet) and try again.",
  },
  "wps-locked-undo-one": {
    code: "protected",
    zh: "工作表受保护，{cells}已锁定，未撤销任何单元格。请先撤销工作表保护（审阅 → 撤销工作表保护），再重试。",
    en: "The sheet is protected and {cells} is locked; nothing was undone. Unprotect the sheet (Review → Unprotect Sheet) and try again.",
  },
  "wps-locked-undo-many": {
    code: "protected",
    zh: "工作表受保护，{cells}已锁定，未撤销任何单元格。请先撤销工作表保护（审阅 → 撤销工作表保护），再重试。",
    en: "The sheet is protected and {cells} are locked; nothing was undone. Unprotect the sheet (Review → Unprotect Sheet) and try again.",
  },
  "partial-write-wps": {
    zh: "{message}（部分单元格可能已改动，撤销记录已保留：请点“撤销”恢复原状。）",
    en: "{message} (Some cells may have changed; the undo record was kept: click Undo to restore them.)",
  },

  // ── a file that is not a readable .xlsx (sniffed before it is opened) ────────────────────────────────────────
  empty: { zh: "文件是空的（0 字节），不是有效的 .xlsx 工作簿。", en: "The file is empty (0 bytes); it is not a valid .xlsx workbook." },
  truncated: {
    zh: "文件不完整或已损坏（压缩包结构缺失或被截断），无法打开。请重新获取或重新保存该 .xlsx 文件。",
    en: "The file is incomplete or damaged (its zip structure is cut short or broken) and cannot be opened. Get or save the .xlsx file again.",
  },
  encrypted: {
    zh: "该工作簿受密码保护（已加密），无法读取。请在 Excel 或 WPS 中输入密码打开，取消“用密码进行加密”后另存为 .xlsx 再试。",
    en: "The workbook is protected by a password (encrypted) and cannot be read. Open it in Excel or WPS with its password, remove the password, save it as .xlsx and try again.",
  },
  xls: {
    zh: `这是旧版 Excel 97-2003 工作簿（.xls），不能直接读取。${SAVE_AS}`,
    en: `This is an old Excel 97–2003 workbook (.xls), which cannot be read directly. ${SAVE_AS_EN}`,
  },
  "not-xlsx-doc": {
    code: "not-xlsx",
    zh: "这是旧版 Word 文档（.doc），不是 .xlsx 工作簿。",
    en: "This is an old Word document (.doc), not an .xlsx workbook.",
  },
  "not-xlsx-ppt": {
    code: "not-xlsx",
    zh: "这是旧版 PowerPoint 演示文稿（.ppt），不是 .xlsx 工作簿。",
    en: "This is an old PowerPoint presentation (.ppt), not an .xlsx workbook.",
  },
  "not-xlsx-cfb": {
    code: "not-xlsx",
    zh: "这是旧版 Office 文件（OLE 复合文档），不是 .xlsx 工作簿。",
    en: "This is an old-format Office file (OLE compound file), not an .xlsx workbook.",
  },
  "not-xlsx-docx": {
    code: "not-xlsx",
    zh: "这是 Word 文档（.docx），不是 Excel 工作簿（.xlsx）。请选择绩效自评表所在的 .xlsx 文件。",
    en: "This is a Word document (.docx), not an Excel workbook (.xlsx). Choose the .xlsx file that holds the self-evaluation table.",
  },
  "not-xlsx-pptx": {
    code: "not-xlsx",
    zh: "这是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿（.xlsx）。",
    en: "This is a PowerPoint presentation (.pptx), not an Excel workbook (.xlsx).",
  },
  "not-xlsx-ods": {
    code: "not-xlsx",
    zh: `这是 OpenDocument 表格（.ods），不是 .xlsx 工作簿。${SAVE_AS}`,
    en: `This is an OpenDocument spreadsheet (.ods), not an .xlsx workbook. ${SAVE_AS_EN}`,
  },
  "not-xlsx-odf": {
    code: "not-xlsx",
    zh: "这是 OpenDocument 文件，不是 .xlsx 工作簿。",
    en: "This is an OpenDocument file, not an .xlsx workbook.",
  },
  "not-xlsx-xlsb": {
    code: "not-xlsx",
    zh: `这是 Excel 二进制工作簿（.xlsb），暂不支持。${SAVE_AS}`,
    en: `This is an Excel binary workbook (.xlsb), which is not supported. ${SAVE_AS_EN}`,
  },
  "not-xlsx-zip": {
    code: "not-xlsx",
    zh: "这是一个压缩包（.zip），其中没有 Excel 工作簿（缺少 xl/workbook.xml），不是 .xlsx 文件。",
    en: "This is a zip archive with no Excel workbook inside (xl/workbook.xml is missing), not an .xlsx file.",
  },
  "not-xlsx-text": {
    code: "not-xlsx",
    zh: `这不是 .xlsx 工作簿，看起来是文本或 CSV 文件。${SAVE_AS}`,
    en: `This is not an .xlsx workbook; it looks like a text or CSV file. ${SAVE_AS_EN}`,
  },
  "not-xlsx-html": {
    code: "not-xlsx",
    zh: `这不是 .xlsx 工作簿，看起来是网页格式的表格（一些系统导出的“.xls”其实是网页）。${SAVE_AS}`,
    en: `This is not an .xlsx workbook; it looks like a table saved as a web page (some systems export such pages as ".xls"). ${SAVE_AS_EN}`,
  },
  "not-xlsx-xml": {
    code: "not-xlsx",
    zh: `这不是 .xlsx 工作簿，看起来是 XML 格式的表格（如 Excel 2003 XML）。${SAVE_AS}`,
    en: `This is not an .xlsx workbook; it looks like an XML spreadsheet (such as Excel 2003 XML). ${SAVE_AS_EN}`,
  },
  "not-xlsx-pdf": {
    code: "not-xlsx",
    zh: "这是 PDF 文件，不是 .xlsx 工作簿。请选择绩效自评表的 Excel 文件（.xlsx）。",
    en: "This is a PDF file, not an .xlsx workbook. Choose the Excel file (.xlsx) of the self-evaluation table.",
  },
  "not-xlsx-binary": {
    code: "not-xlsx",
    zh: "这不是 .xlsx 工作簿（无法识别的文件格式）。请选择 Excel 工作簿（.xlsx）。",
    en: "This is not an .xlsx workbook (unrecognised file format). Choose an Excel workbook (.xlsx).",
  },
  // ── .xls / .et / .ods / HTML / CSV (src/adapters/legacy) ───────────────────────────────────────────────────
  "legacy-cfb-loop": {
    code: "corrupt",
    zh: "文件已损坏：旧版工作簿（.xls/.et 复合文档）的扇区链首尾相连形成循环，无法读取，未写入任何内容。",
    en: "The file is damaged: a sector chain of the old-format workbook (.xls/.et compound file) loops back on itself; it cannot be read and nothing was written.",
  },
  "legacy-cfb-past-end": {
    code: "corrupt",
    zh: "文件已损坏或不完整：旧版工作簿（.xls/.et 复合文档）的扇区指向文件末尾之外，无法读取，未写入任何内容。",
    en: "The file is damaged or cut short: a sector of the old-format workbook (.xls/.et compound file) lies past the end of the file; it cannot be read and nothing was written.",
  },
  "legacy-cfb-size": {
    code: "corrupt",
    zh: "文件已损坏：旧版工作簿中的数据流“{stream}”声明 {size} 字节，超出它实际占用的扇区，无法读取，未写入任何内容。",
    en: 'The file is damaged: the stream "{stream}" of the old-format workbook declares {size} bytes, more than its sectors hold; it cannot be read and nothing was written.',
  },
  "legacy-cfb-damaged": {
    code: "corrupt",
    zh: "文件已损坏：旧版工作簿（.xls/.et 复合文档）的结构无效（{detail}），无法读取。",
    en: "The file is damaged: the structure of the old-format workbook (.xls/.et compound file) is invalid ({detail}); it cannot be read.",
  },
  "legacy-xls-corrupt": {
    code: "corrupt",
    zh: "这个旧版 Excel 工作簿（.xls/.et）已损坏，无法读取（{detail}）。请在 Excel 或 WPS 中打开（必要时修复），另存为 .xlsx 后再试。",
    en: "This old-format Excel workbook (.xls/.et) is damaged and cannot be read ({detail}). Open it in Excel or WPS (repair it if asked), save it as .xlsx and try again.",
  },
  "legacy-ods-corrupt": {
    code: "corrupt",
    zh: "这个 OpenDocument 表格（.ods）已损坏，无法读取（{detail}）。请在 WPS 或 LibreOffice 中打开，另存为 .xlsx 后再试。",
    en: "This OpenDocument spreadsheet (.ods) is damaged and cannot be read ({detail}). Open it in WPS or LibreOffice, save it as .xlsx and try again.",
  },
  "legacy-html-range": {
    code: "limit",
    zh: "“{where}”中的表格超出工作表的范围（最多 1,048,576 行、16,384 列），已停止读取，未写入任何内容。",
    en: 'The table in "{where}" reaches past the last row or column a sheet can have (1,048,576 rows, 16,384 columns); reading stopped and nothing was written.',
  },
  "legacy-html-no-table": {
    code: "not-xlsx",
    zh: "“{file}”是网页文件，但其中没有表格，不是工作簿。",
    en: '"{file}" is a web page with no table in it, not a workbook.',
  },
  "legacy-output-not-xlsx": {
    code: "usage",
    zh: `原文件为 {ext}，结果只能另存为 .xlsx：请用 -o 指定以 .xlsx 结尾的文件（如 {suggest}）${USAGE}`,
    en: `The input is {ext}; the result can only be saved as .xlsx: give -o a file ending in .xlsx (e.g. {suggest})${USAGE_EN}`,
  },
  "legacy-in-place": {
    code: "usage",
    zh: `原文件为 {ext}，不能覆盖：结果另存为 .xlsx，请用 -o 指定输出文件（如 {suggest}）${USAGE}`,
    en: `The input is {ext} and is never overwritten: the result is saved as .xlsx; name the output with -o (e.g. {suggest})${USAGE_EN}`,
  },
  "not-docx": {
    code: "not-docx",
    zh: "{file} 不是 Word 文档（.docx）：{what}。请在 Word 或 WPS 文字中另存为 .docx 后再试。",
    en: "{file} is not a Word document (.docx): {what}. Save it as .docx in Word or WPS Writer and try again.",
  },
  "docx-damaged": {
    code: "corrupt",
    zh: "Word 文档已损坏，无法读取（{detail}）。请在 Word 或 WPS 文字中打开并另存为 .docx 后再试。",
    en: "The Word document is damaged and cannot be read ({detail}). Open it in Word or WPS Writer, save it as .docx and try again.",
  },
  corrupt: {
    zh: "工作簿已损坏，无法读取（{detail}）。请在 Excel 或 WPS 中打开（必要时修复），另存为 .xlsx 后再试。",
    en: "The workbook is damaged and cannot be read ({detail}). Open it in Excel or WPS (repair it if asked), save it as .xlsx and try again.",
  },
  "corrupt-crc": {
    code: "corrupt",
    zh: "工作簿已损坏：部件“{part}”的内容与它的校验和（CRC-32）不符，数据已被改动或截断，未读取、未写入任何内容。请在 Excel 或 WPS 中打开（必要时修复），另存为 .xlsx 后再试。",
    en: 'The workbook is damaged: the content of the part "{part}" does not match its checksum (CRC-32); its data was altered or cut, and nothing was read or written. Open it in Excel or WPS (repair it if asked), save it as .xlsx and try again.',
  },

  // ── reading limits (src/adapters/xlsx/limits.ts) ─────────────────────────────────────────────────────────────
  "limit-part-bytes": {
    code: "limit",
    zh: "工作簿过大：一个部件{at}解压后超过 {limit} 的上限，未读取、未写入任何内容。",
    en: "The workbook is too large: one part{at} expands beyond the {limit} limit; nothing was read or written.",
  },
  "limit-total-bytes": {
    code: "limit",
    zh: "工作簿过大：解压后的内容超过 {limit} 的上限，未读取、未写入任何内容。",
    en: "The workbook is too large: its content expands beyond the {limit} limit; nothing was read or written.",
  },
  "limit-cells": {
    code: "limit",
    zh: "工作簿过大：有内容的单元格超过 {limit} 个的上限{at}，未读取、未写入任何内容。",
    en: "The workbook is too large: more than {limit} cells hold something{at}; nothing was read or written.",
  },
  "limit-string-chars": {
    code: "limit",
    zh: "单元格文字超过 {limit} 个字符的上限{at}（Excel 本身的上限），未读取、未写入任何内容。",
    en: "A cell's text is longer than the {limit}-character limit{at} (Excel's own limit); nothing was read or written.",
  },
  "limit-parts": {
    code: "limit",
    zh: "工作簿的部件超过 {limit} 个的上限，未读取、未写入任何内容。",
    en: "The workbook has more than {limit} parts; nothing was read or written.",
  },
  "limit-declared": {
    code: "limit",
    zh: "工作簿的一个部件{at}解压后超过它声明的大小（疑似“压缩炸弹”），已停止读取，未写入任何内容。",
    en: "One part of the workbook{at} expands beyond the size it declares (a likely zip bomb); reading stopped at that limit and nothing was written.",
  },
  "limit-ratio": {
    code: "limit",
    zh: "工作簿的一个部件{at}解压后超过压缩大小的 {limit} 倍，超出上限（疑似“压缩炸弹”），已停止读取，未写入任何内容。",
    en: "One part of the workbook{at} expands to more than {limit} times its compressed size, past the limit (a likely zip bomb); reading stopped and nothing was written.",
  },
  "limit-sheets": {
    code: "limit",
    zh: "工作簿列出的工作表超过 {limit} 个的上限，未读取、未写入任何内容。",
    en: "The workbook lists more than {limit} sheets; nothing was read or written.",
  },
  "limit-merges": {
    code: "limit",
    zh: "工作表的合并单元格超过上限{at}（{limit} 个合并区域），未读取、未写入任何内容。",
    en: "A sheet has more merged cells than the limit{at} ({limit} merged areas); nothing was read or written.",
  },
  "sheets-same-part": {
    code: "corrupt",
    zh: "工作簿已损坏：工作表“{first}”和“{second}”指向同一个部件（{part}），电子表格软件不会这样保存。请在 Excel 或 WPS 中打开（必要时修复），另存为 .xlsx 后再试。",
    en: 'The workbook is damaged: sheets "{first}" and "{second}" name the same part ({part}), which no spreadsheet saves. Open it in Excel or WPS (repair it if asked), save it as .xlsx and try again.',
  },
  "sheets-same-name": {
    code: "corrupt",
    zh: "工作簿已损坏：两个工作表同名（“{first}”和“{second}”），电子表格软件不会这样保存。请在 Excel 或 WPS 中打开（必要时修复），另存为 .xlsx 后再试。",
    en: 'The workbook is damaged: two sheets have one name ("{first}" and "{second}"), which no spreadsheet saves. Open it in Excel or WPS (repair it if asked), save it as .xlsx and try again.',
  },
  "cell-stored-twice": {
    code: "corrupt",
    zh: "工作簿已损坏：单元格 {cell} 在文件中存了不止一份，且各份不同，无法确定哪一份是表中的内容（不同的软件显示的可能不同），未写入任何内容。请在 Excel 或 WPS 中打开（必要时修复），核对该单元格后另存为 .xlsx 再试。",
    en: "The workbook is damaged: cell {cell} is stored more than once in the file, and the copies differ, so which one the table holds cannot be told (programs may show different ones); nothing was written. Open it in Excel or WPS (repair it if asked), check that cell, save it as .xlsx and try again.",
  },
  "limit-zip64": {
    code: "limit",
    zh: "工作簿过大（ZIP64 格式，超过 4 GB 或 65535 个部件），未读取、未写入任何内容。",
    en: "The workbook is too large (ZIP64: over 4 GB or 65,535 parts); nothing was read or written.",
  },

  // ── writing an .xlsx in place (src/adapters/xlsx/book.ts) ────────────────────────────────────────────────────
  "cells-locked": {
    code: "protected",
    zh: "工作表受保护，这些单元格已锁定，不能写入：{cells}。请先撤销工作表保护（审阅 → 撤销工作表保护）再填充。未做任何修改。",
    en: "The worksheet is protected and these cells are locked: {cells}. Unprotect the sheet (Review → Unprotect Sheet) and fill again; nothing was changed.",
  },
  "plan-no-sheet": {
    code: "sheet-missing",
    zh: "找不到工作表“{sheet}”，未做任何修改。",
    en: 'Worksheet "{sheet}" was not found; nothing was changed.',
  },
  "plan-bad-address": {
    code: "plan",
    zh: "单元格地址“{cell}”无效，未做任何修改。",
    en: 'Cell address "{cell}" is not valid; nothing was changed.',
  },
  "plan-in-merge": {
    code: "plan",
    zh: "单元格 {cell} 位于合并单元格 {master} 之内，不能单独写入，未做任何修改。",
    en: "Cell {cell} lies inside the merged cell {master} and cannot be written on its own; nothing was changed.",
  },
  "plan-out-of-range": {
    code: "plan",
    zh: "单元格 {cell} 的数值超出范围，不能写入，未做任何修改。",
    en: "The number for cell {cell} is out of range and cannot be written; nothing was changed.",
  },
  "plan-in-array": {
    code: "plan",
    zh: "单元格 {cell} 属于数组公式区域，不能单独写入，未做任何修改。",
    en: "Cell {cell} is part of an array formula and cannot be written on its own; nothing was changed.",
  },

  // ── a part of the pane fetched when first used (src/taskpane/parts.ts) ───────────────────────────────────────
  "report-not-loaded": {
    code: "part-not-loaded",
    zh: "生成报告所需的程序文件未能加载，未做任何更改。加载项的文件可能不完整，或在任务窗格打开后已更新：请关闭并重新打开任务窗格后再试。",
    en: "The part of the add-in that writes the report could not be loaded; nothing was changed. Its files may be incomplete or updated since the pane was opened: close and reopen the pane, then try again.",
  },
  "part-not-loaded": {
    code: "part-not-loaded",
    zh: "加载项的部分程序文件未能加载，未做任何更改。加载项的文件可能不完整，或在任务窗格打开后已更新：请关闭并重新打开任务窗格后再试。",
    en: "A part of the add-in could not be loaded; nothing was changed. Its files may be incomplete or updated since the pane was opened: close and reopen the pane, then try again.",
  },
  "compare-not-loaded": {
    code: "part-not-loaded",
    zh: "对照报告所需的程序文件未能加载。加载项的文件可能不完整，或在任务窗格打开后已更新：请关闭并重新打开任务窗格后再试。",
    en: "The part of the add-in that compares a report could not be loaded. Its files may be incomplete or updated since the pane was opened: close and reopen the pane, then try again.",
  },

  // ── a chosen file (src/adapters/xlsx/FileHost.ts, node.ts) ───────────────────────────────────────────────────
  "file-not-xlsx": {
    code: "not-xlsx",
    zh: "「{file}」不是 .xlsx 工作簿。请在 Excel 或 WPS 中“另存为” .xlsx 后再打开。",
    en: '"{file}" is not an .xlsx workbook. Save it as .xlsx in Excel or WPS, then open it.',
  },
  "empty-file": { zh: "「{file}」是空文件。", en: '"{file}" is empty.' },
  "file-too-large": {
    code: "too-large",
    zh: "文件过大（超过 50 MB），无法在浏览器中处理。",
    en: "The file is larger than 50 MB and cannot be processed in the browser.",
  },
  "worker-lost": {
    code: "worker-lost",
    zh: "页面的后台读取已中断（可能是内存不足），请重新选择文件。",
    en: "The page's background reader stopped (perhaps out of memory); choose the file again.",
  },
  "file-unreadable": {
    code: "unreadable",
    zh: "无法读取「{file}」，它可能已损坏或不是 Excel 工作簿。",
    en: '"{file}" cannot be read; it may be damaged or not an Excel workbook.',
  },
  "write-failed": { zh: "写入工作簿时出错，未做任何更改。", en: "Writing to the workbook failed; nothing was changed." },
  "nothing-to-undo": { zh: "没有可以撤销的写入。", en: "There is nothing to undo." },
  "undo-failed": { zh: "撤销失败，工作簿保持当前内容。", en: "Undo failed; the workbook keeps its current content." },
  "save-failed": { zh: "生成文件时出错。", en: "The file could not be produced." },
  missing: { zh: "找不到文件：{file}", en: "File not found: {file}" },
  "read-denied": { code: "unreadable", zh: "没有权限读取文件：{file}", en: "No permission to read the file: {file}" },
  "read-failed": { code: "unreadable", zh: "无法读取文件：{file}（{reason}）", en: "Cannot read the file: {file} ({reason})" },
  "not-file": { zh: "这是一个文件夹，不是 .xlsx 文件：{file}", en: "This is a folder, not an .xlsx file: {file}" },

  // ── the command line (src/cli) ───────────────────────────────────────────────────────────────────────────────
  "output-no-folder": { code: "output", zh: "输出文件夹不存在：{dir}", en: "The output folder does not exist: {dir}" },
  "output-is-folder": { code: "output", zh: "输出路径是一个文件夹：{file}", en: "The output path is a folder: {file}" },
  "output-not-file": {
    code: "output",
    zh: "输出路径不是普通文件（可能是管道或设备）：{file}，未写入。",
    en: "The output path is not a regular file (perhaps a pipe or a device): {file}; nothing was written.",
  },
  "output-read-only": {
    code: "output",
    zh: "输出文件是只读的：{file}，未写入。",
    en: "The output file is read-only: {file}; nothing was written.",
  },
  "output-write-failed": { code: "output", zh: "无法写入文件：{file}（{reason}）", en: "Cannot write the file: {file} ({reason})" },
  "output-link-loop": { code: "output", zh: "符号链接层数过多：{file}", en: "Too many levels of symbolic links: {file}" },
  "path-missing": { code: "not-found", zh: "找不到「{path}」。", en: '"{path}" does not exist.' },
  "no-files": {
    zh: "所给路径下没有 .xlsx 或 .xlsm 工作簿，也没有其他文件。",
    en: "No .xlsx or .xlsm workbook, nor any other file, under the given paths.",
  },
  "usage-no-command": {
    code: "usage",
    zh: `缺少命令：check、fill、mark 或 report${USAGE}`,
    en: `Missing command: check, fill, mark or report${USAGE_EN}`,
  },
  "usage-unknown-command": {
    code: "usage",
    zh: `未知命令：{command}（可用：check、fill、mark、report）${USAGE}`,
    en: `Unknown command: {command} (use check, fill, mark or report)${USAGE_EN}`,
  },
  "usage-needs-value": { code: "usage", zh: `选项 {option} 需要一个值${USAGE}`, en: `Option {option} needs a value${USAGE_EN}` },
  "usage-lang": { code: "usage", zh: `--lang 只能是 zh 或 en：{value}${USAGE}`, en: `--lang must be zh or en: {value}${USAGE_EN}` },
  "usage-fail-on": {
    code: "usage",
    zh: `--fail-on 只能是 error 或 warning：{value}${USAGE}`,
    en: `--fail-on must be error or warning: {value}${USAGE_EN}`,
  },
  "usage-workers": {
    code: "usage",
    zh: `--workers 应为 1 到 64 的整数：{value}${USAGE}`,
    en: `--workers must be a whole number from 1 to 64: {value}${USAGE_EN}`,
  },
  "usage-unknown-option": { code: "usage", zh: `未知选项：{option}${USAGE}`, en: `Unknown option: {option}${USAGE_EN}` },
  "usage-profile": {
    code: "usage",
    zh: `未知的评分规则 --profile {profile}（可选：{ids}）${USAGE}`,
    en: `Unknown profile --profile {profile} (choose one of: {ids})${USAGE_EN}`,
  },
  "usage-check-file": {
    code: "usage",
    zh: `请指定要检查的 .xlsx 文件：jixiao check <文件.xlsx>${USAGE}`,
    en: `Name the .xlsx file to check: jixiao check <file.xlsx>${USAGE_EN}`,
  },
  "usage-check-one": { code: "usage", zh: `check 一次只检查一个文件${USAGE}`, en: `check takes exactly one file${USAGE_EN}` },
  "usage-check-output": { code: "usage", zh: `check 不写文件，不接受 -o${USAGE}`, en: `check writes no file and takes no -o${USAGE_EN}` },
  "usage-batch-paths": {
    code: "usage",
    zh: `请指定要检查的文件或目录：jixiao check <文件或目录>…${USAGE}`,
    en: `Name the files or folders to check: jixiao check <file or folder>…${USAGE_EN}`,
  },
  "usage-batch-output": {
    code: "usage",
    zh: `check 不写工作簿，不接受 -o（问题清单用 --report）${USAGE}`,
    en: `check writes no workbook and takes no -o (use --report for the list)${USAGE_EN}`,
  },
  "usage-batch-report": {
    code: "usage",
    zh: `--report 应为 .xlsx 文件：{file}${USAGE}`,
    en: `--report must name an .xlsx file: {file}${USAGE_EN}`,
  },
  "usage-compare-files": {
    code: "usage",
    zh: `请指定自评表和自评报告：jixiao compare <自评表.xlsx> <自评报告.docx>${USAGE}`,
    en: `Name the table and the report: jixiao compare <table.xlsx> <report.docx>${USAGE_EN}`,
  },
  "usage-report-input": {
    code: "usage",
    zh: `缺少输入文件：jixiao report <输入.xlsx> -o <报告.docx>${USAGE}`,
    en: `Missing input file: jixiao report <in.xlsx> -o <out.docx>${USAGE_EN}`,
  },
  "usage-report-one-input": {
    code: "usage",
    zh: `只能指定一个输入文件（收到：{files}）${USAGE}`,
    en: `Only one input file (got: {files})${USAGE_EN}`,
  },
  "usage-report-output": {
    code: "usage",
    zh: `缺少输出文件：-o <报告.docx>${USAGE}`,
    en: `Missing output file: -o <report.docx>${USAGE_EN}`,
  },
  "usage-report-docx": {
    code: "usage",
    zh: `输出文件须以 .docx 结尾：{file}${USAGE}`,
    en: `The output file must end in .docx: {file}${USAGE_EN}`,
  },
  "usage-report-same": {
    code: "usage",
    zh: `输出文件不能与输入文件相同${USAGE}`,
    en: `The output file cannot be the input file${USAGE_EN}`,
  },
  "usage-report-filled-needs-fill": {
    code: "usage",
    zh: `--filled 与 --in-place 只用于 --fill（先填充再生成）${USAGE}`,
    en: `--filled and --in-place only go with --fill (fill first, then write the report)${USAGE_EN}`,
  },
  "usage-report-filled-or-in-place": {
    code: "usage",
    zh: `--filled（填充结果另存）与 --in-place（覆盖输入文件）只能选一个${USAGE}`,
    en: `Choose one of --filled (save the filled workbook as a new file) and --in-place (overwrite the input)${USAGE_EN}`,
  },
  "usage-report-filled-same": {
    code: "usage",
    zh: `--filled 不能是输入文件或报告文件；要覆盖输入文件请用 --in-place${USAGE}`,
    en: `--filled cannot name the input or the report; to overwrite the input use --in-place${USAGE_EN}`,
  },
  "usage-report-filled-xlsx": {
    code: "usage",
    zh: `--filled 须以 .xlsx 或 .xlsm 结尾：{file}${USAGE}`,
    en: `--filled must end in .xlsx or .xlsm: {file}${USAGE_EN}`,
  },
  "usage-fill-or-as-is": { code: "usage", zh: `--fill 与 --as-is 只能选一个${USAGE}`, en: `Choose one of --fill and --as-is${USAGE_EN}` },
  "usage-fill-input": {
    code: "usage",
    zh: `请指定要填充的 .xlsx 文件：jixiao fill <输入.xlsx> -o <输出.xlsx>${USAGE}`,
    en: `Name the .xlsx file to fill: jixiao fill <in.xlsx> -o <out.xlsx>${USAGE_EN}`,
  },
  "usage-fill-one": {
    code: "usage",
    zh: `fill 只接受一个输入文件，输出文件请用 -o 指定${USAGE}`,
    en: `fill takes one input file; name the output with -o${USAGE_EN}`,
  },
  "usage-fill-output": {
    code: "usage",
    zh: `请用 -o 指定输出文件：jixiao fill <输入.xlsx> -o <输出.xlsx>${USAGE}`,
    en: `Name the output file with -o: jixiao fill <in.xlsx> -o <out.xlsx>${USAGE_EN}`,
  },
  "usage-fill-same": {
    code: "usage",
    zh: `输出文件与输入文件相同：为防止误覆盖原表，请用 -o 指定另一个文件，或加 --in-place 明确要求覆盖原文件${USAGE}`,
    en: `The output is the input file: to avoid overwriting the original by mistake, name another file with -o, or add --in-place to overwrite it${USAGE_EN}`,
  },
  "usage-mark-input": {
    code: "usage",
    zh: `请指定要标注的 .xlsx 文件：jixiao mark <输入.xlsx> -o <输出.xlsx>${USAGE}`,
    en: `Name the .xlsx file to mark: jixiao mark <in.xlsx> -o <out.xlsx>${USAGE_EN}`,
  },
  "usage-mark-one": {
    code: "usage",
    zh: `mark 只接受一个输入文件，输出文件请用 -o 指定${USAGE}`,
    en: `mark takes one input file; name the output with -o${USAGE_EN}`,
  },
  "usage-mark-output": {
    code: "usage",
    zh: `请用 -o 指定输出文件：jixiao mark <输入.xlsx> -o <输出.xlsx>${USAGE}`,
    en: `Name the output file with -o: jixiao mark <in.xlsx> -o <out.xlsx>${USAGE_EN}`,
  },
  "usage-mark-clear-info": {
    code: "usage",
    zh: `--clear 与 --include-info 不能同时使用${USAGE}`,
    en: `--clear cannot be combined with --include-info${USAGE_EN}`,
  },
  "usage-in-place": {
    code: "usage",
    zh: `--in-place 表示覆盖输入文件，不能同时用 -o 指定其他文件${USAGE}`,
    en: `--in-place overwrites the input file; it cannot be combined with -o naming another file${USAGE_EN}`,
  },
} as const satisfies Record<string, Message>;

export type ErrorKey = keyof typeof ERRORS;
export type ErrorParams<K extends ErrorKey> = MessageArgs<(typeof ERRORS)[K]> extends [infer P] ? P : Record<string, never>;
/** No second argument for a message without parameters, the typed parameters otherwise. */
export type ErrorArgs<K extends ErrorKey> = MessageArgs<(typeof ERRORS)[K]>;

function raise(key: ErrorKey, params: Readonly<Record<string, ParamValue>>): UserError {
  const entry: Message = (ERRORS as Readonly<Record<string, Message>>)[key];
  const { zh, en } = sayBoth(entry, params);
  const e = new UserError(zh, en, entry.code ?? key);
  e.key = key;
  e.params = params;
  return e;
}

/** The message of `key` as a UserError (Chinese and English, the catalogue's code). */
export function userError<K extends ErrorKey>(key: K, ...args: ErrorArgs<K>): UserError {
  return raise(key, ((args as unknown[])[0] ?? {}) as Readonly<Record<string, ParamValue>>);
}

/**
 * The same error said for another occasion (`sheet-missing` met while undoing → `sheet-missing-undo`): the first
 * error's parameters in the other key's words. An error that lacks a parameter the other key names stays as it was.
 */
export function recast(e: UserError, key: ErrorKey): UserError {
  const entry: Message = (ERRORS as Readonly<Record<string, Message>>)[key];
  const params = e.params as Readonly<Record<string, ParamValue>> | undefined;
  if (!params || !placeholders(`${String(entry.zh)}${String(entry.en)}`).every((p) => p in params)) return e;
  return raise(key, params);
}

/**
 * A host error restated with more to say (`{message}` is the first error's text in each language); the code stays the
 * first error's, so scripts still see why it failed.
 */
export function restated(inner: UserError, key: "partial-write-excel" | "partial-write-wps"): UserError {
  const entry: Message = (ERRORS as Readonly<Record<string, Message>>)[key];
  const zh = sayBoth(entry, { message: inner.zh }).zh;
  const en = sayBoth(entry, { message: inner.en }).en;
  return new UserError(zh, en, inner.code);
}

/** What a host call was doing when it failed (the `doing` of toUserError). */
export const DOING = {
  read: { zh: "读取工作表", en: "Reading the sheets" },
  apply: { zh: "写入填写结果", en: "Writing the fill" },
  undo: { zh: "撤销", en: "Undo" },
  check: { zh: "检查撤销记录", en: "Checking for an undo record" },
  select: { zh: "定位单元格", en: "Selecting the cell" },
  mark: { zh: "标注问题", en: "Marking the findings" },
  readMarks: { zh: "查找标注", en: "Finding the marks" },
  clearMarks: { zh: "清除标注", en: "Clearing the marks" },
  writeReport: { zh: "写入报告", en: "Writing the report" },
  readLink: { zh: "读取报告链接", en: "Reading the report's link" },
  refreshReport: { zh: "刷新报告", en: "Refreshing the report" },
  readReport: { zh: "读取报告正文", en: "Reading the report's text" },
} as const satisfies Record<string, Pair>;

// ── parameters that read differently in each language ──────────────────────────────────────────────────────────

/** Names in quotes: “甲”、“乙” / "A", "B". */
export function quoted(names: readonly string[]): Pair {
  return { zh: names.map((s) => `“${s}”`).join("、"), en: names.map((s) => `"${s}"`).join(", ") };
}

/** A remark in brackets after a word — （…） / " (…)" — or nothing when there is none. */
export function aside(zh: string | null | undefined, en: string | null | undefined = zh): Pair {
  return { zh: zh ? `（${zh}）` : "", en: en ? ` (${en})` : "" };
}

/** Locked cells by sheet: “表一”的 A1、B2；… / A1, B2 on "表一"; … */
export function cellsOnSheets(bySheet: ReadonlyMap<string, readonly string[]>): Pair {
  return {
    zh: [...bySheet].map(([s, cs]) => `“${s}”的 ${cs.join("、")}`).join("；"),
    en: [...bySheet].map(([s, cs]) => `${cs.join(", ")} on "${s}"`).join("; "),
  };
}

/** Pairs joined: "；" between Chinese items, "; " between English ones. */
export function joined(items: readonly Pair[]): Pair {
  return { zh: items.map((p) => p.zh).join("；"), en: items.map((p) => p.en).join("; ") };
}

/** At most `max` items, then how many there are in all: "A1、B2 …（共 9 个）" / "A1, B2 … (9 in all)". */
export function someOf(items: readonly string[], max: number): Pair {
  const head = items.slice(0, max);
  const more = items.length > max;
  return {
    zh: head.join("、") + (more ? ` …（共 ${items.length} 个）` : ""),
    en: head.join(", ") + (more ? ` … (${items.length} in all)` : ""),
  };
}

// ── the one normaliser ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * Anything thrown, as a UserError (never a stack trace): a UserError passes through (a host has already decoded its own
 * errors into one); a part of the page or pane whose script could not be fetched (the bundler's ChunkLoadError: the
 * add-in's files incomplete or replaced while the pane was open) is "part-not-loaded"; anything else is "something
 * went wrong" with its first line.
 */
export function toUserError(e: unknown): UserError {
  if (isUserError(e)) return e;
  if (e instanceof Error && e.name === "ChunkLoadError") return userError("part-not-loaded");
  const detail = e instanceof Error ? e.message : typeof e === "string" ? e : "";
  const short = detail.split("\n")[0].slice(0, 200);
  return short ? userError("unexpected", { detail: short }) : userError("unexpected-blank");
}
