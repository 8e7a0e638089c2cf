/**
 * Recognition: finds every self-evaluation table on a sheet, wherever it starts, and reads it into the model.
 * A sheet with no table gets the reason: which headers were missing.
 */
import type { Table } from "../model";
import { Grid, type SheetSnapshot } from "../snapshot";
import { H } from "./headers";
import { isIndicatorHeader } from "./indicators";
import { recognizeDepartment } from "./department";
import { recognizeProject } from "./project";
import { recognizeSummary, summaryColumns } from "./summary";
import { SheetIndex } from "./sheetIndex";
import { isScorecardHeader, isScorecardLayout, recognizeScorecard } from "./scorecard";

export interface Recognition {
  tables: Table[];
  reason: string | null;
  reasonEn: string | null;
}

type Anchor = { row: number; kind: "indicators" } | { row: number; kind: "summary" } | { row: number; kind: "scorecard" };

export function recognizeSheet(snapshot: SheetSnapshot): Recognition {
  const grid = new Grid(snapshot);
  const idx = new SheetIndex(grid);
  if (idx.cells.length === 0) {
    return { tables: [], reason: "工作表为空。", reasonEn: "The sheet is empty." };
  }

  const anchors: Anchor[] = [];
  for (const [row, cells] of [...idx.rows.entries()].sort((a, b) => a[0] - b[0])) {
    if (isIndicatorHeader(cells)) anchors.push({ row, kind: "indicators" });
    else if (summaryColumns(cells)) anchors.push({ row, kind: "summary" });
    else if (isScorecardHeader(cells)) anchors.push({ row, kind: "scorecard" });
  }

  const tables: Table[] = [];
  let top = grid.top;
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i];
    if (a.row < top) continue;
    const limit = i + 1 < anchors.length ? anchors[i + 1].row - 1 : grid.bottom;
    let table: Table;
    // 绩效评价指标体系评分表 (SPEC §2.5): told apart from a 自评表 by its columns and 一级 names (recognize/scorecard.ts)
    if (a.kind !== "summary" && isScorecardLayout(idx, top, a.row, limit)) {
      table = recognizeScorecard(idx, top, a.row, limit);
    } else if (a.kind === "scorecard") {
      continue;
    } else if (a.kind === "summary") {
      table = recognizeSummary(idx, top, a.row, summaryColumns(idx.row(a.row))!, limit);
    } else {
      table = isDepartment(idx, top, a.row)
        ? recognizeDepartment(idx, top, a.row, limit)
        : recognizeProject(idx, top, a.row, limit);
    }
    tables.push(table);
    top = table.bounds.bottom + 1;
  }
  if (tables.length) return { tables, reason: null, reasonEn: null };
  return { tables, ...missingReason(idx) };
}

/** A department table has 整体支出规模 / 资金来源 / 资金结构 or 部门名称 above its indicators, or a 权重 group column. */
function isDepartment(idx: SheetIndex, top: number, headerRow: number): boolean {
  if (idx.find(H.fundTotal, top, headerRow - 1)) return false;
  if (idx.find((k) => H.spendingScale(k) || H.fundSource(k) || H.fundStructure(k), top, headerRow - 1)) return true;
  if (idx.find(H.departmentName, top, headerRow - 1)) return true;
  if (idx.find(H.projectName, top, headerRow - 1)) return false;
  const header = idx.row(headerRow);
  const l2 = header.find((c) => H.level2(c.key))?.col ?? Infinity;
  return header.some((c) => c.key === "权重" && c.col < l2);
}

function missingReason(idx: SheetIndex): { reason: string; reasonEn: string } {
  const has = (m: (k: string) => boolean) => idx.cells.some((c) => m(c.key));
  const indicatorHeaders: [string, string, (k: string) => boolean][] = [
    ["一级指标", "一级指标 (level-1 indicator)", H.level1],
    ["二级指标", "二级指标 (level-2 indicator)", H.level2],
    ["三级指标", "三级指标 (level-3 indicator)", H.level3],
  ];
  const summaryHeaders: [string, string, (k: string) => boolean][] = [
    ["项目名称", "项目名称 (project name)", H.projectName],
    ["全年预算数", "全年预算数 (budget)", H.budget],
    ["全年执行数", "全年执行数 (executed)", H.executed],
    ["执行率", "执行率 (execution rate)", H.rate],
  ];
  const missI = indicatorHeaders.filter(([, , m]) => !has(m));
  const missS = summaryHeaders.filter(([, , m]) => !has(m));
  return {
    reason:
      `未识别到绩效自评表：缺少指标表头 ${missI.map((x) => `「${x[0]}」`).join("") || "（表头不在同一行）"}` +
      `，也缺少汇总表表头 ${missS.map((x) => `「${x[0]}」`).join("") || "（表头不在同一行）"}。`,
    reasonEn:
      `No self-evaluation table found: missing indicator headers ${missI.map((x) => x[1]).join(", ") || "(not on one row)"}` +
      ` and summary headers ${missS.map((x) => x[1]).join(", ") || "(not on one row)"}.`,
  };
}
