/** The person-facing messages of the xlsx adapter (Chinese first, English too), by cause. */
import { UserError } from "../../core/errors";
import type { SniffResult } from "./sniff";

const SAVE_AS = "请在 Excel 或 WPS 中打开，另存为 .xlsx（Excel 工作簿）后再试。";
const SAVE_AS_EN = "Open it in Excel or WPS, save it as .xlsx (Excel Workbook) and try again.";

/** The error for a sniffed file that is not a readable .xlsx, or null when it looks like one. */
export function sniffError(s: SniffResult): UserError | null {
  switch (s.kind) {
    case "xlsx":
      return null;
    case "empty":
      return new UserError(
        "文件是空的（0 字节），不是有效的 .xlsx 工作簿。",
        "The file is empty (0 bytes); it is not a valid .xlsx workbook.",
        "empty",
      );
    case "truncated":
      return new UserError(
        "文件不完整或已损坏（压缩包结构缺失或被截断），无法打开。请重新获取或重新保存该 .xlsx 文件。",
        "The file is incomplete or damaged (its zip structure is cut short or broken) and cannot be opened. Get or save the .xlsx file again.",
        "truncated",
      );
    case "encrypted":
      return new UserError(
        "该工作簿受密码保护（已加密），无法读取。请在 Excel 或 WPS 中输入密码打开，取消“用密码进行加密”后另存为 .xlsx 再试。",
        "The workbook is protected by a password (encrypted) and cannot be read. Open it in Excel or WPS with its password, remove the password, save it as .xlsx and try again.",
        "encrypted",
      );
    case "xls":
      return new UserError(
        `这是旧版 Excel 97-2003 工作簿（.xls），不能直接读取。${SAVE_AS}`,
        `This is an old Excel 97–2003 workbook (.xls), which cannot be read directly. ${SAVE_AS_EN}`,
        "xls",
      );
    case "cfb-other": {
      const zh = { doc: "旧版 Word 文档（.doc）", ppt: "旧版 PowerPoint 演示文稿（.ppt）", cfb: "旧版 Office 文件（OLE 复合文档）" }[s.what];
      const en = { doc: "an old Word document (.doc)", ppt: "an old PowerPoint presentation (.ppt)", cfb: "an old-format Office file (OLE compound file)" }[s.what];
      return new UserError(`这是${zh}，不是 .xlsx 工作簿。`, `This is ${en}, not an .xlsx workbook.`, "not-xlsx");
    }
    case "zip-other": {
      const zh = {
        docx: "这是 Word 文档（.docx），不是 Excel 工作簿（.xlsx）。请选择绩效自评表所在的 .xlsx 文件。",
        pptx: "这是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿（.xlsx）。",
        ods: `这是 OpenDocument 表格（.ods），不是 .xlsx 工作簿。${SAVE_AS}`,
        odf: "这是 OpenDocument 文件，不是 .xlsx 工作簿。",
        xlsb: `这是 Excel 二进制工作簿（.xlsb），暂不支持。${SAVE_AS}`,
        zip: "这是一个压缩包（.zip），其中没有 Excel 工作簿（缺少 xl/workbook.xml），不是 .xlsx 文件。",
      }[s.what];
      const en = {
        docx: "This is a Word document (.docx), not an Excel workbook (.xlsx). Choose the .xlsx file that holds the self-evaluation table.",
        pptx: "This is a PowerPoint presentation (.pptx), not an Excel workbook (.xlsx).",
        ods: `This is an OpenDocument spreadsheet (.ods), not an .xlsx workbook. ${SAVE_AS_EN}`,
        odf: "This is an OpenDocument file, not an .xlsx workbook.",
        xlsb: `This is an Excel binary workbook (.xlsb), which is not supported. ${SAVE_AS_EN}`,
        zip: "This is a zip archive with no Excel workbook inside (xl/workbook.xml is missing), not an .xlsx file.",
      }[s.what];
      return new UserError(zh, en, "not-xlsx");
    }
    case "other": {
      const zh = {
        text: `这不是 .xlsx 工作簿，看起来是文本或 CSV 文件。${SAVE_AS}`,
        html: `这不是 .xlsx 工作簿，看起来是网页格式的表格（一些系统导出的“.xls”其实是网页）。${SAVE_AS}`,
        xml: `这不是 .xlsx 工作簿，看起来是 XML 格式的表格（如 Excel 2003 XML）。${SAVE_AS}`,
        pdf: "这是 PDF 文件，不是 .xlsx 工作簿。请选择绩效自评表的 Excel 文件（.xlsx）。",
        binary: "这不是 .xlsx 工作簿（无法识别的文件格式）。请选择 Excel 工作簿（.xlsx）。",
      }[s.what];
      const en = {
        text: `This is not an .xlsx workbook; it looks like a text or CSV file. ${SAVE_AS_EN}`,
        html: `This is not an .xlsx workbook; it looks like a table saved as a web page (some systems export such pages as ".xls"). ${SAVE_AS_EN}`,
        xml: `This is not an .xlsx workbook; it looks like an XML spreadsheet (such as Excel 2003 XML). ${SAVE_AS_EN}`,
        pdf: "This is a PDF file, not an .xlsx workbook. Choose the Excel file (.xlsx) of the self-evaluation table.",
        binary: "This is not an .xlsx workbook (unrecognised file format). Choose an Excel workbook (.xlsx).",
      }[s.what];
      return new UserError(zh, en, "not-xlsx");
    }
  }
}

/** ExcelJS could not read a file that looked like an .xlsx. */
export function corruptError(detail: string): UserError {
  const d = detail.replace(/\s+/g, " ").trim().slice(0, 120);
  return new UserError(
    `工作簿已损坏，无法读取（${d}）。请在 Excel 或 WPS 中打开（必要时修复），另存为 .xlsx 后再试。`,
    `The workbook is damaged and cannot be read (${d}). Open it in Excel or WPS (repair it if asked), save it as .xlsx and try again.`,
    "corrupt",
  );
}
