/**
 * The names the shells give the files they hand back: a filled copy, a marked copy, a report. An .xlsm stays an
 * .xlsm (the package keeps its macros and its content type); a legacy format (.xls, .et, .ods, HTML, CSV) becomes an
 * .xlsx; no name given → 自评表. And the report a batch looks for beside a workbook.
 */

function base(fileName: string | null): string {
  // an .xls, .et, .ods, HTML or CSV is saved as a new .xlsx
  return (fileName ?? "自评表").replace(/\.(xlsx|xlsm|xls|et|ods|html?|csv)$/i, "");
}

function extension(fileName: string | null): string {
  return /\.xlsm$/i.test(fileName ?? "") ? ".xlsm" : ".xlsx";
}

/** The report that goes with a workbook in a batch: the .docx of the same name (单位A.xlsx → 单位A.docx). */
export function pairedReportName(workbookName: string): string {
  return workbookName.replace(/\.(xlsx|xlsm|xls|et|ods|csv)$/i, "") + ".docx";
}

/** 原名（已填充）.xlsx — the page's 下载 after a fill, the Word pane's filled workbook. */
export function filledFileName(fileName: string | null): string {
  return `${base(fileName)}（已填充）${extension(fileName)}`;
}

/** 原名（已标注）.xlsx — the page's 下载 after 标注问题. */
export function markedFileName(fileName: string | null): string {
  return `${base(fileName)}（已标注）${extension(fileName)}`;
}

/** 原名-自评报告.docx (characters no file system takes become "_"). */
export function reportFileName(fileName: string | null): string {
  return `${base(fileName).replace(/[\\/:*?"<>|]/g, "_")}-自评报告.docx`;
}
