import type { AnalyzeOptions, SheetAnalysis, TableAnalysis, WorkbookAnalysis } from "./analysis";
import type { Finding } from "./findings";
import type { FillPlan } from "./plan";
import type { SheetSnapshot } from "./snapshot";

// Placeholder while the engine is written in this session; replaced by the real pipeline.
export function analyzeSheet(_snapshot: SheetSnapshot, _options: AnalyzeOptions = {}): SheetAnalysis {
  throw new Error("engine not yet implemented");
}

export function analyzeWorkbook(snapshots: SheetSnapshot[], options: AnalyzeOptions = {}): WorkbookAnalysis {
  return { profile: options.profile ?? "default", sheets: snapshots.map((s) => analyzeSheet(s, options)) };
}

export function suggestionPlan(_table: TableAnalysis, _finding: Finding): FillPlan {
  throw new Error("engine not yet implemented");
}
