/** Reports as text blocks for the comparison tests: the tool's own narrative, and reports written by hand. */
import * as fs from "fs";
import { analyzeWorkbook } from "../../src/core/analyze";
import type { TableAnalysis } from "../../src/core/analysis";
import { moneyUnitOf, type CompareInput, type ReportBlock } from "../../src/core/compare";
import { buildNarrative, statedAnalysis, type Narrative } from "../../src/core/narrative";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { loadXlsxSync } from "../../src/adapters/xlsx";

export function workbook(file: string): { snapshots: SheetSnapshot[]; tables: TableAnalysis[]; inputs: CompareInput[] } {
  const snapshots = loadXlsxSync(fs.readFileSync(file)).snapshots();
  const tables = analyzeWorkbook(snapshots).sheets.flatMap((s) => s.tables);
  const inputs = tables.map((t) => ({
    analysis: t,
    moneyUnit: moneyUnitOf(
      snapshots.find((s) => s.name === t.sheet),
      t.table,
    ),
  }));
  return { snapshots, tables, inputs };
}

/** The blocks a .docx of this narrative reads as: title, headings, paragraphs, each table's caption and cells. */
export function narrativeBlocks(n: Narrative): ReportBlock[] {
  const out: ReportBlock[] = n.titleLines.map((text) => ({ kind: "heading" as const, text }));
  let table = 0;
  for (const s of n.sections) {
    out.push({ kind: "heading", text: s.title });
    for (const p of s.paragraphs) {
      out.push({ kind: "paragraph", text: p.sentences.map((x) => x.text).join("") });
      if (p.table) {
        out.push({ kind: "paragraph", text: `表${table + 1} ${p.table.caption}${p.table.unit ? `（单位：${p.table.unit}）` : ""}` });
        [p.table.header, ...p.table.rows].forEach((r, row) => r.forEach((text, col) => out.push({ kind: "cell", text, table, row, col })));
        table++;
      }
    }
  }
  return out;
}

export function ownNarratives(tables: TableAnalysis[]): Narrative[] {
  return tables.map((t) => buildNarrative(statedAnalysis(t)));
}

/** Paragraphs from text, one block per line (blank lines skipped). */
export function textBlocks(text: string): ReportBlock[] {
  return text
    .split(/\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => ({ kind: /^[一二三四五六七八九十]+、/.test(l) ? ("heading" as const) : ("paragraph" as const), text: l }));
}
