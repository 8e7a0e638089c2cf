/**
 * The spreadsheet pane as one state machine: where the pane stands (idle, analysed, a fill preview, a marks preview,
 * the report waiting for the person's choice), what the last check found, and what the view shows. Every change goes
 * through `paneReducer`; the commands run in useCommands.ts and dispatch what they proposed or did.
 */
import type { CellMark } from "../../core/marks";
import type { ChangeGroup, ChoicePreview } from "../../core/choose";
import type { FillPlan } from "../../core/plan";
import type { SpreadsheetHost } from "../../host/host";
import type { LastCommand } from "../../app/settings";
import { allTables, type CheckProposal, type FillProposal, type MarkProposal } from "../../app/commands";
import type { TableReport } from "../../app/commands/report";
import type { Resolved } from "../results/model";

export interface Notice {
  intent: "success" | "info" | "warning";
  text: string;
  /** Take the focus (the control the person used has gone). */
  focus?: boolean;
  /** After a fill in the page: offer the filled workbook (下载) beside 生成报告. */
  afterFill?: boolean;
}

/** Where the pane stands: at most one proposal is on show at a time. */
export type Stage =
  | { kind: "idle" }
  | { kind: "analysed" }
  | { kind: "fill-preview"; proposal: FillProposal; groups: ChangeGroup[] }
  | { kind: "mark-preview"; proposal: MarkProposal }
  | { kind: "clear-preview"; marks: CellMark[] }
  | { kind: "report-choice"; reports: TableReport[] };

export interface PaneState {
  host: SpreadsheetHost | null;
  /** The last check: the sheets as read and the analysis. */
  checked: CheckProposal | null;
  stage: Stage;
  canUndo: boolean;
  /** The workbook as it stands carries marks written here (下载 then names the copy 已标注). */
  marked: boolean;
  notice: Notice | null;
  /** The marks' notice stands where the marks preview was. */
  markNotice: Notice | null;
  /** The outcome of an action on a finding, shown where the finding was. */
  resolved: Resolved | null;
  /** The finding selected in the list. */
  selected: string | null;
  /** The sheet view (standalone page): the table shown and the cell selected. */
  viewTable: number;
  viewCell: string | null;
  /** The changes the fill preview would write as chosen (the sheet view highlights them). */
  chosen: FillPlan | null;
  /** What the chosen changes make the tables' 总分 and 等级 (the results show it while the preview is open). */
  choicePreview: ChoicePreview | null;
  allSheets: boolean;
  lastCommand: LastCommand | null;
}

export type PaneAction =
  | { type: "opened"; host: SpreadsheetHost }
  | { type: "checked"; checked: CheckProposal }
  | { type: "can-undo"; canUndo: boolean }
  | { type: "fill-preview"; proposal: FillProposal; groups: ChangeGroup[]; notice?: Notice }
  | { type: "chosen"; plan: FillPlan | null }
  | { type: "choice-preview"; preview: ChoicePreview | null }
  | { type: "written"; notice?: Notice; resolved?: Resolved }
  | { type: "undone"; canUndo: boolean; notice: Notice }
  | { type: "mark-preview"; proposal: MarkProposal }
  | { type: "clear-preview"; marks: CellMark[] }
  | { type: "marks-written"; marked: boolean; notice: Notice }
  | { type: "report-choice"; reports: TableReport[] }
  | { type: "back" }
  | { type: "notice"; notice: Notice | null }
  | { type: "mark-notice"; notice: Notice | null }
  | { type: "select"; key: string | null; tableIndex?: number; cell?: string | null }
  | { type: "view"; tableIndex?: number; cell?: string | null }
  | { type: "all-sheets"; on: boolean }
  | { type: "last-command"; entry: LastCommand | null };

export function initialState(host: SpreadsheetHost | null, mode: "excel" | "file", lastCommand: LastCommand | null): PaneState {
  return {
    host,
    checked: null,
    stage: { kind: "idle" },
    canUndo: false,
    marked: false,
    notice: null,
    markNotice: null,
    resolved: null,
    selected: null,
    viewTable: 0,
    viewCell: null,
    chosen: null,
    choicePreview: null,
    allSheets: mode === "file",
    lastCommand,
  };
}

const settled = (s: PaneState): Stage => (s.checked ? { kind: "analysed" } : { kind: "idle" });

export function paneReducer(s: PaneState, a: PaneAction): PaneState {
  switch (a.type) {
    case "opened":
      return {
        ...s,
        host: a.host,
        checked: null,
        stage: { kind: "idle" },
        canUndo: false,
        marked: false,
        notice: null,
        markNotice: null,
      };
    case "checked": {
      // a new check: the list starts unselected; the view keeps its table where there still is one
      const tables = allTables(a.checked.analysis).length;
      const stage = s.stage.kind === "idle" ? { kind: "analysed" as const } : s.stage;
      return {
        ...s,
        checked: a.checked,
        stage,
        selected: null,
        resolved: null,
        viewCell: null,
        viewTable: s.viewTable < tables ? s.viewTable : 0,
      };
    }
    case "can-undo":
      return { ...s, canUndo: a.canUndo };
    case "fill-preview":
      return { ...s, stage: { kind: "fill-preview", proposal: a.proposal, groups: a.groups }, notice: a.notice ?? null, markNotice: null };
    case "chosen":
      return a.plan === s.chosen ? s : { ...s, chosen: a.plan };
    case "choice-preview":
      return a.preview === s.choicePreview ? s : { ...s, choicePreview: a.preview };
    case "written":
      // a fill, an adopted suggestion, a one-action fix: the preview has gone, the outcome stands in its place
      return { ...s, stage: settled(s), canUndo: true, notice: a.notice ?? null, resolved: a.resolved ?? null };
    case "undone":
      return { ...s, stage: settled(s), canUndo: a.canUndo, notice: a.notice, markNotice: null };
    case "mark-preview":
      return { ...s, stage: { kind: "mark-preview", proposal: a.proposal }, notice: null, markNotice: null };
    case "clear-preview":
      return { ...s, stage: { kind: "clear-preview", marks: a.marks }, notice: null, markNotice: null };
    case "marks-written":
      return { ...s, stage: settled(s), marked: a.marked, markNotice: a.notice, canUndo: true };
    case "report-choice":
      return { ...s, stage: { kind: "report-choice", reports: a.reports }, notice: null };
    case "back":
      return { ...s, stage: settled(s) };
    case "notice":
      return { ...s, notice: a.notice };
    case "mark-notice":
      return {
        ...s,
        markNotice: a.notice,
        stage: s.stage.kind === "mark-preview" || s.stage.kind === "clear-preview" ? settled(s) : s.stage,
      };
    case "select":
      return {
        ...s,
        selected: a.key,
        viewTable: a.tableIndex ?? s.viewTable,
        viewCell: a.cell === undefined ? s.viewCell : a.cell,
      };
    case "view":
      return { ...s, viewTable: a.tableIndex ?? s.viewTable, viewCell: a.cell === undefined ? s.viewCell : a.cell };
    case "all-sheets":
      return { ...s, allSheets: a.on };
    case "last-command":
      return { ...s, lastCommand: a.entry };
  }
}
