/**
 * The narrative 自评报告 (SPEC §6), pure: built from a table's model and its evaluation after the fill.
 */
import type { TableAnalysis } from "../analysis";
import type { Finding } from "../findings";
import { departmentNarrative } from "./department";
import { narrativeFingerprint } from "./digest";
import { projectNarrative } from "./project";
import { scorecardNarrative } from "./scorecard";
import { summaryNarrative } from "./summary";
import type { Narrative, SectionId } from "./types";
import { chineseDate, dateInChina } from "./layout";
import { say } from "./words";

export * from "./types";
export { hash53 } from "./hash";
export * from "./digest";
export * from "./link";
export * from "./refreshPlan";
export * as formatNumbers from "./format";
export * from "./figures";
export { breakTitle, chineseDate, dateInChina, printedWidth, TITLE_LINE_WIDTH } from "./layout";

/** A stable hash of the values the narrative reads from the table (14 hex digits). */
export function fingerprint(t: TableAnalysis): string {
  return narrativeFingerprint(buildNarrative(t));
}

export function buildNarrative(t: TableAnalysis): Narrative {
  const n = withOpening(narrativeOfKind(t));
  const on = t.table.filledOn ?? null;
  return on ? { ...n, signature: { ...n.signature, date: { year: on.year, month: on.month, day: on.day }, dateCell: on.cell } } : n;
}

function narrativeOfKind(t: TableAnalysis): Narrative {
  switch (t.kind) {
    case "project":
      return projectNarrative(t);
    case "department":
      return departmentNarrative(t);
    case "summary":
      return summaryNarrative(t);
    case "scorecard":
      return scorecardNarrative(t);
  }
}

/**
 * The 落款's date in 中文 date form: the table's 填报日期 when it has one, else the day (in China) of `writtenAt`,
 * the time the report is written; null when neither is known (the writer leaves a placeholder).
 */
export function signatureDate(n: Narrative, writtenAt: string): string | null {
  const d = n.signature?.date ?? dateInChina(writtenAt);
  return d ? chineseDate(d) : null;
}

/** Findings of severity error still standing: the pane and the CLI list them next to the report. */
export function reportIssues(t: TableAnalysis): Finding[] {
  return t.findings.filter((f) => f.severity === "error");
}

/** Text of a section's paragraphs, one string per paragraph. */
export function sectionParagraphs(n: Narrative, id: SectionId): string[] {
  const s = n.sections.find((x) => x.id === id);
  return s ? s.paragraphs.map((p) => p.sentences.map((x) => x.text).join("")) : [];
}

/** The whole report as plain text (title, headings, paragraphs). */
export function narrativeText(n: Narrative): string {
  return [n.title, ...n.sections.flatMap((s) => [s.title, ...s.paragraphs.map((p) => p.sentences.map((x) => x.text).join(""))])].join("\n");
}

/**
 * The opening paragraph published reports begin with: by whose rule, who evaluated what, "现将……报告如下：". Its
 * subject and year come from the title, the unit from the 落款 ("本单位" where the table names none). A scorecard's
 * report keeps the outline of its own published examples and has none.
 */
function withOpening(n: Narrative): Narrative {
  if (n.kind === "scorecard") return n;
  const unit = n.signature.unit?.trim() || say("report.word.thisUnit");
  const year = /(\d{4})年度?/.exec(n.title)?.[1] ?? null;
  const yearText = year ? say("report.word.year", { year }) : "";
  const subject = n.title
    .replace(/绩效自评(报告|情况汇总|情况)?$/, "")
    .replace(/\d{4}年度?/g, "")
    .replace(unit, "")
    .trim();
  const text =
    n.kind === "project"
      ? say("report.opening.project", { unit, year: yearText, subject: subject || say("report.word.thisProject") })
      : n.kind === "summary"
        ? say("report.opening.summary", { unit, year: yearText })
        : say("report.opening.department", { unit, year: yearText });
  return { ...n, opening: [{ text, cells: n.signature.cell ? [n.signature.cell] : [] }] };
}
