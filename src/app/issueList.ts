/**
 * 问题清单.xlsx: the batch's findings as a workbook to send back — sheet 问题清单 (a row per finding: file, sheet,
 * cell, severity, code, message, suggestion) and sheet 文件汇总 (a row per table: kind, 总分, 等级, counts), each with
 * a frozen bold header and an autofilter. A new workbook, so ExcelJS writes it (no input to keep byte for byte). It
 * is built on the app floor, where the batch results and their rows are.
 */
import ExcelJS from "exceljs";
import { translator, type Lang } from "../core/messages";
import { issueRows, severityWord, summaryRows, type BatchFileResult } from "./commands/batch";

const FILL: Record<string, string> = { error: "FFFDE7E9", warning: "FFFFF4CE", info: "FFF3F2F1" };

function header(ws: ExcelJS.Worksheet, titles: string[], widths: number[]): void {
  ws.columns = titles.map((t, i) => ({ header: t, width: widths[i] }));
  const row = ws.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: "middle" };
  row.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE1DFDD" } };
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1 }];
}

/** The list as .xlsx bytes. */
export async function buildIssueList(results: readonly BatchFileResult[], lang: Lang = "zh"): Promise<Uint8Array> {
  const t = translator(lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao";
  wb.created = new Date(0); // no clock in the file: the same batch gives the same bytes' content

  const list = wb.addWorksheet(t("issues.sheet"));
  const listColumns = (["file", "sheetName", "cell", "severity", "code", "message", "suggestion"] as const).map((k) => t(`issues.${k}`));
  header(list, listColumns, [36, 16, 9, 8, 26, 70, 18]);
  for (const r of issueRows(results, lang)) {
    const row = list.addRow([r.file, r.sheet, r.cell, severityWord(r.severity, lang), r.code, r.message, r.suggestion]);
    row.getCell(4).fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILL[r.severity] } };
    row.getCell(6).alignment = { wrapText: true, vertical: "top" };
  }
  list.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, list.rowCount), column: 7 } };

  const sum = wb.addWorksheet(t("issues.summarySheet"));
  const sumColumns = (
    ["file", "status", "sheetName", "kind", "name", "total", "grade", "errors", "warnings", "notes", "fillable"] as const
  ).map((k) => t(`issues.${k}`));
  header(sum, sumColumns, [36, 12, 16, 22, 30, 8, 6, 6, 6, 6, 7]);
  for (const r of summaryRows(results)) {
    sum.addRow([
      r.file,
      t(`issues.status.${r.status}`),
      r.sheet,
      r.kind ? t(`issues.kind.${r.kind}`) : "",
      r.name,
      r.total,
      r.grade,
      r.errors,
      r.warnings,
      r.infos,
      r.fillChanges,
    ]);
  }
  sum.getColumn(6).numFmt = "0.00";
  sum.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, sum.rowCount), column: 11 } };

  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
