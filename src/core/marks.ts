/**
 * Marks (标注问题): each finding written onto its cell as a note with the message and a fill colour by
 * severity, so the person who fixes the table sees the problems where they are. This module decides WHAT is marked;
 * the hosts (Excel, WPS, the .xlsx writer) decide how, keep a record of what each cell looked like before, and
 * remove exactly their own marks on 清除标注. A mark never changes a value or a formula.
 */
import type { WorkbookAnalysis } from "./analysis";
import { findingText, translator, type Lang } from "./messages";
import type { Finding, FindingCode, Severity } from "./findings";
import { SEVERITY_ORDER, sortFindings } from "./findings";
import { xmlText } from "./text";

/** The author every host writes on its notes, and the first line of each note: how 清除标注 knows its own. */
export const MARK_AUTHOR = "绩效自评助手";

/**
 * Fill colours by severity (RGB hex, no '#'): Excel's own 差/适中 cell-style fills, and a pale blue for 提示.
 * Light enough that the cell's text stays legible, distinct in grey-scale print (error darkest).
 */
export const MARK_FILLS: Record<Severity, string> = {
  error: "FFC7CE",
  warning: "FFEB9C",
  info: "DDEBF7",
};

/** One marked cell: every finding that points at it, the worst severity deciding the colour. */
export interface CellMark {
  sheet: string;
  /** A1 address, upper case. */
  cell: string;
  severity: Severity;
  codes: FindingCode[];
  /** The note's text: MARK_AUTHOR on the first line, then one line per finding (severity, message, code). */
  note: string;
  /** RGB hex fill, from MARK_FILLS. */
  fill: string;
}

export interface MarkPlan {
  marks: CellMark[];
  /**
   * Characters XML cannot hold (control characters, U+FFFE/U+FFFF — from the workbook's own text quoted in a finding)
   * left out of the notes, so every host writes the same note and a note written to a file parses; said in the output.
   */
  removedCharacters?: number;
}

export interface MarkOptions {
  /** The notes' language: Chinese first, English where Office's display language is not Chinese. */
  lang?: Lang;
  /** Whether 提示 (info) findings are marked too. Default false: a reviewer's marks are for what needs fixing. */
  includeInfo?: boolean;
}

function line(f: Finding, lang: Lang): string {
  const say = translator(lang);
  return say("note.line", {
    label: say(`note.severity.${f.severity}`),
    text: findingText(say, f, lang),
    suggestion: f.suggestion ? say("note.suggestion", { value: f.suggestion.value }) : "",
    code: f.code,
  });
}

/**
 * The marks for a workbook's findings: one per cell that a finding points at (findings without a cell are not
 * marked), in sheet order, then the order the findings are listed in. A cell two tables report on is marked once.
 */
export function markPlan(analysis: WorkbookAnalysis, options: MarkOptions = {}): MarkPlan {
  const lang = options.lang ?? "zh";
  const byCell = new Map<string, { sheet: string; cell: string; findings: Finding[] }>();
  for (const sheet of analysis.sheets) {
    for (const table of sheet.tables) {
      for (const f of sortFindings(table.findings)) {
        if (!f.cell) continue;
        if (f.severity === "info" && !options.includeInfo) continue;
        const cell = f.cell.toUpperCase();
        const key = `${f.sheet}!${cell}`;
        const entry = byCell.get(key) ?? { sheet: f.sheet, cell, findings: [] };
        if (!entry.findings.some((g) => g.code === f.code && g.message === f.message)) entry.findings.push(f);
        byCell.set(key, entry);
      }
    }
  }
  const marks: CellMark[] = [];
  let removedCharacters = 0;
  for (const { sheet, cell, findings } of byCell.values()) {
    const severity = findings.reduce<Severity>(
      (worst, f) => (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[worst] ? f.severity : worst),
      "info",
    );
    marks.push({
      sheet,
      cell,
      severity,
      codes: [...new Set(findings.map((f) => f.code))],
      note: [
        MARK_AUTHOR,
        ...findings.map((f) => {
          const said = line(f, lang);
          const kept = xmlText(said);
          removedCharacters += said.length - kept.length;
          return kept;
        }),
      ].join("\n"),
      fill: MARK_FILLS[severity],
    });
  }
  return removedCharacters > 0 ? { marks, removedCharacters } : { marks };
}

/** Whether a note's text is one of ours (its first line is MARK_AUTHOR): what 清除标注 may remove. */
export function isOwnNote(text: string | null | undefined): boolean {
  return typeof text === "string" && text.split(/\r?\n/, 1)[0].trim() === MARK_AUTHOR;
}
