/**
 * The messages between the standalone page and its workbook worker (workbookWorker.ts): the page sends one request
 * at a time with an id; the worker answers it once (a value, or the UserError it raised) and may send progress for
 * it before. Everything here survives structured cloning; file bytes travel as transferred ArrayBuffers.
 */
import type { SheetSnapshot } from "../../core/snapshot";
import type { WorkbookAnalysis } from "../../core/analysis";
import type { FillPlan } from "../../core/plan";
import type { CellMark, MarkPlan } from "../../core/marks";
import type { ProfileId } from "../../core/profiles";
import type { ReadScope } from "../../host/host";

/** What the worker tells the page about a workbook it opened. */
export interface OpenedInfo {
  displayName: string;
  fileName: string | null;
  savedAsXlsxFrom: string | null;
}

/** Each request, by operation: what it carries and what its answer is. */
export interface Ops {
  open: { args: { name: string; bytes: ArrayBuffer }; result: OpenedInfo };
  /** The analysis, and the snapshots of the sheets that hold a table (any other sheet by its name, without cells). */
  check: { args: { scope: ReadScope; profile: ProfileId }; result: { snapshots: SheetSnapshot[]; analysis: WorkbookAnalysis } };
  readSheets: { args: { scope: ReadScope }; result: SheetSnapshot[] };
  applyPlan: { args: { plan: FillPlan }; result: void };
  applyMarks: { args: { plan: MarkPlan }; result: void };
  readMarks: { args: Record<string, never>; result: CellMark[] };
  clearMarks: { args: Record<string, never>; result: number };
  canUndo: { args: Record<string, never>; result: boolean };
  undo: { args: Record<string, never>; result: void };
  selectCell: { args: { sheet: string; address: string }; result: void };
  save: { args: Record<string, never>; result: ArrayBuffer };
}

export type OpName = keyof Ops;

export type Request = { [K in OpName]: { id: number; op: K; args: Ops[K]["args"] } }[OpName];

/** The stages the worker reports while it works; the page words them from the catalogue. */
export type Stage = "reading" | "analysing";

/** A UserError as it crosses to the page (its class does not survive cloning). */
export interface ClonedError {
  zh: string;
  en: string;
  code: string;
  key?: string;
  params?: Record<string, unknown>;
}

export type Reply =
  | { id: number; kind: "progress"; stage: Stage; done: number; total: number }
  | { id: number; kind: "done"; value: unknown }
  | { id: number; kind: "failed"; error: ClonedError };
