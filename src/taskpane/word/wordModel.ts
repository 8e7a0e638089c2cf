/**
 * What the Word pane does, without React: drive the report command over the chosen workbook (readLinkedReports,
 * fillLinkedReports in src/app/commands/report.ts), list its tables with their reports, and put results into words
 * (Chinese or English). Tested in Node; WordPane.tsx only renders it.
 */
import type { ProfileId, TableAnalysis } from "../../core";
import type { SheetAnalysis } from "../../core/analysis";
import type { SheetSnapshot } from "../../core/snapshot";
import { fillLinkedReports, readLinkedReports, type LinkedReports } from "../../app/commands/report";
import { t, translator, type Lang } from "../../core/messages";
import type { SpreadsheetHost } from "../../host/host";
import type { Finding } from "../../core/findings";
import type { FigureDifference, Narrative, QuoteChange, ReportLink, SectionId } from "../../core/narrative";
import type { RefreshResult } from "../../core/narrative";
import { closeHost } from "../file/workerHost";

export type { Lang };

export interface TableChoice {
  key: string;
  sheet: string;
  label: string;
  analysis: TableAnalysis;
  narrative: Narrative;
  /** Figures the table states differently from the rule: the report states the table's, the pane says which differ. */
  differences: FigureDifference[];
  issues: Finding[];
}

export interface LinkedWorkbook {
  fileName: string;
  tables: TableChoice[];
  /** The analysis and the sheets as read, for 对照报告 (the open document against the workbook). */
  sheets: SheetAnalysis[];
  snapshots: SheetSnapshot[];
}

/** Reads the workbook the person linked (any SpreadsheetHost; in the pane the chosen file, held by a worker where one starts). */
export async function readWorkbook(host: SpreadsheetHost, opts: { profile?: ProfileId; lang?: Lang } = {}): Promise<LinkedWorkbook> {
  return linkedWorkbook(await readLinkedReports(host, { profile: opts.profile ?? "default" }), opts.lang ?? "zh");
}

/**
 * Opens the workbook file the person chose as a spreadsheet host: in the pane the standalone page's route
 * (file/workerHost.ts openWorkbookFile) — the file read, checked, filled and saved in a Web Worker, on the page's
 * thread where no worker starts.
 */
export type OpenWorkbook = (file: File) => Promise<SpreadsheetHost>;

/**
 * 链接工作簿: the chosen file opened (`open`) and read by the report command. The workbook it replaces is let go
 * (its worker ended), and so is the new one when it cannot be read; the one linked before stays when this one fails.
 */
export async function linkWorkbook(
  open: OpenWorkbook,
  file: File,
  replaced: SpreadsheetHost | null,
  opts: { profile?: ProfileId; lang?: Lang } = {},
): Promise<{ host: SpreadsheetHost; book: LinkedWorkbook }> {
  const host = await open(file);
  let book: LinkedWorkbook;
  try {
    book = await readWorkbook(host, opts);
  } catch (e) {
    if (host !== replaced) closeHost(host);
    throw e;
  }
  if (replaced && replaced !== host) closeHost(replaced);
  return { host, book };
}

/** The report command's answer, put into the pane's words. */
function linkedWorkbook(linked: LinkedReports, lang: Lang): LinkedWorkbook {
  const { fileName, sheets, snapshots } = linked;
  const tables: TableChoice[] = linked.reports.map((r) => ({
    key: r.key,
    sheet: r.sheet,
    label: `${r.sheet} · ${t(`word.kind.${r.table.kind}`, lang)} · ${r.table.name ?? r.narrative.title}`,
    analysis: r.table,
    narrative: r.narrative,
    differences: r.differences,
    issues: r.issues,
  }));
  return { fileName, tables, sheets, snapshots };
}

/** The table a stored link points at, if the chosen workbook has it. */
export function preselect(book: LinkedWorkbook, link: ReportLink | null): string {
  const linked = link?.tables[0];
  const match = linked ? book.tables.find((t) => t.sheet === linked.sheet && t.analysis.kind === linked.kind) : undefined;
  return (match ?? book.tables[0]).key;
}

export function sectionName(n: Narrative | null, id: SectionId, lang: Lang): string {
  return t(`section.${id}`, { title: n?.sections.find((s) => s.id === id)?.title ?? id }, lang);
}

/** "全年执行数（E6）：3416.022万元 → 3300.5万元". */
export function changeLine(c: QuoteChange, lang: Lang): string {
  return t("word.change", { label: c.label, cell: c.cell, before: c.before, after: c.after }, lang);
}

export function refreshSummary(
  r: RefreshResult,
  n: Narrative,
  lang: Lang,
): { intent: "success" | "info" | "warning"; title: string; lines: string[] } {
  const s = translator(lang);
  const names = (ids: SectionId[]) => s("word.sections", { names: ids.map((id) => sectionName(n, id, lang)) });
  const lines: string[] = [];
  if (r.rewritten.length) lines.push(s("word.updated", { sections: names(r.rewritten) }));
  if (r.edited.length) lines.push(s("word.notOverwritten", { sections: names(r.edited) }));
  if (r.missing.length) lines.push(s("word.missing", { sections: names(r.missing) }));
  if (!r.changes.length && !r.rewritten.length) return { intent: "info", title: s("word.unchanged"), lines };
  const intent = r.edited.length || r.missing.length ? "warning" : "success";
  return { intent, title: s("word.changed", { n: r.changes.length }), lines };
}

export function linkLine(link: ReportLink, lang: Lang): string {
  const first = link.tables[0];
  return t(
    "word.link",
    { file: link.fileName, sheet: first?.sheet ?? "", when: formatTime(link.generatedAt), fingerprint: first?.fingerprint ?? "" },
    lang,
  );
}

/** "2021-04-01 08:00" in local time, or the string as stored when it is not a date. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (x: number) => String(x).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The workbook after 先填充再生成: its tables re-read, and the filled copy to save in place of the chosen file. */
export interface FilledWorkbook {
  book: LinkedWorkbook;
  /** The filled workbook's bytes (null when the host cannot save, which a FileHost always can). */
  bytes: Uint8Array | null;
  /** "<workbook>（已填充）.xlsx". */
  fileName: string;
}

/**
 * 先填充再生成 in Word / WPS 文字: the chosen workbook (a copy in the pane, never the file on disk) is filled by the
 * rule as 填充公式 fills it, then read again, so the report states the rule's figures; the filled copy is handed
 * back for the person to save — the report and the workbook they keep then agree, as the CLI's --fill makes them.
 */
export async function fillLinkedWorkbook(host: SpreadsheetHost, opts: { profile?: ProfileId; lang?: Lang } = {}): Promise<FilledWorkbook> {
  const filled = await fillLinkedReports(host, { profile: opts.profile ?? "default" });
  return { book: linkedWorkbook(filled.linked, opts.lang ?? "zh"), bytes: filled.bytes, fileName: filled.fileName };
}

/** The table of a re-read workbook that stands where `key` stood (same sheet and index), else the first. */
export function sameTable(book: LinkedWorkbook, key: string | null): string {
  return (book.tables.find((t) => t.key === key) ?? book.tables[0]).key;
}
