/**
 * The commands the pane fetches when they are first asked for, not with its first script: 生成报告 (the report
 * command, src/app/commands/report.ts, with the narrative of src/core/narrative) and 对照报告 (the comparison,
 * compare.ts, with src/core/compare) — together a third of the pane's script, which checking and filling never use.
 * Each is a chunk of its own, fetched from beside the pane's script (the add-in's folder in Office and WPS: no CDN, no
 * network beyond it); the standalone page folds every chunk into its one file. As the CLI loads a command when it is
 * named (src/cli/main.ts), the pane loads these inside the work that needs them, so the pane's progress shows while
 * they come. A chunk that cannot be fetched — the add-in's files incomplete, or replaced by a newer version while the
 * pane was open — is the catalogue's sentence in both languages, never a stack trace.
 */
import { userError } from "../core/messages";

export type ReportCommands = typeof import("../app/commands/report");
export type CompareCommands = typeof import("../app/commands/compare");

/** What the person is told when a part of the pane cannot be fetched. */
export type PartNotLoaded = "report-not-loaded" | "compare-not-loaded";

/** webpack's error for a chunk whose script did not load (a missing file, a refused or failed request). */
export function isChunkLoadError(e: unknown): boolean {
  return e instanceof Error && e.name === "ChunkLoadError";
}

/** A part of the pane, loaded by `load`; a chunk that did not load becomes `notLoaded`, any other error passes. */
export async function loadPart<T>(load: () => Promise<T>, notLoaded: PartNotLoaded): Promise<T> {
  try {
    return await load();
  } catch (e) {
    throw isChunkLoadError(e) ? userError(notLoaded) : e;
  }
}

/** 生成报告: the report command (prepareReports, figuresDiffer, writeReportFile …). */
export function reportCommands(): Promise<ReportCommands> {
  return loadPart(() => import(/* webpackChunkName: "report" */ "../app/commands/report"), "report-not-loaded");
}

/** 对照报告: the comparison of a report with the tables (compareAnalysed, compareCounts). */
export function compareCommands(): Promise<CompareCommands> {
  return loadPart(() => import(/* webpackChunkName: "compare" */ "../app/commands/compare"), "compare-not-loaded");
}
