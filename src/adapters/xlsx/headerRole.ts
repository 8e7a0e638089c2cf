/**
 * The cheap pre-filter of the reader: can a row be where a table starts? Every table the engine recognises starts at
 * a header row that names 一级指标 (a 自评表 or a scorecard) or 项目名称 (a summary) — src/core/recognize/index.ts.
 * A row is put to the engine's own header tests only when one of its texts holds 级 or 目, so a 200,000-row 明细
 * sheet costs one character scan per text cell. A sheet with no such row holds no table and need not be kept.
 */
import { headerKey } from "../../core/text";
import { H, isIndicatorHeader, isScorecardHeader, levelOf, summaryColumns, type IndexedCell } from "../../core/recognize";

export function mayHoldHeader(text: string): boolean {
  return text.length <= 60 && (text.includes("级") || text.includes("目"));
}

/**
 * Whether a text can be the cell the engine knows a header row by: 一级指标 or a 一级 of a scorecard, 三级指标 or
 * 指标名称 (a flat indicator header), 项目名称 (a summary). Every row couldBeHeaderRow accepts holds one, so a sheet
 * past its head need only be looked at again where such a text appears — 上级转移支付 or 项目编码 never make it.
 * Each holds 级, 目 or 指.
 */
export function canAnchorHeader(text: string): boolean {
  if (!(text.includes("级") || text.includes("目") || text.includes("指"))) return false;
  const k = headerKey(text);
  return H.level1(k) || H.level3(k) || H.projectName(k) || levelOf(k) === 1;
}

/** Whether a row (its text cells) could be a table's header row: a superset of the engine's anchors. */
export function couldBeHeaderRow(row: number, texts: { col: number; text: string }[]): boolean {
  if (!texts.some((t) => mayHoldHeader(t.text)) || !texts.some((t) => canAnchorHeader(t.text))) return false;
  // a loop, not texts.map: optimised code's map makes a holey array, whose new map would deoptimise the engine's
  // header tests the first time one came by
  const cells: IndexedCell[] = [];
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    cells.push({ row, col: t.col, key: headerKey(t.text), raw: t.text, text: t.text });
  }
  if (isIndicatorHeader(cells) || isScorecardHeader(cells)) return true;
  // a band of columns may leave out the 一级指标 that stops a row from being a summary header
  return summaryColumns(cells.filter((c) => !H.level1(c.key))) !== null;
}
