/**
 * What the spreadsheet pane's buttons do: each drives a command of src/app/commands over the host (plan → the
 * proposal on show → commit) and dispatches what it proposed or did to the pane's reducer (state.ts). One piece of
 * work at a time (useRunner); a thrown error becomes the pane's error bar. 生成报告's command is fetched the first
 * time it is asked for (../parts.ts).
 */
import * as React from "react";
import type { CellMark } from "../../core/marks";
import type { TableAnalysis } from "../../core/analysis";
import type { Finding } from "../../core/findings";
import type { FillPlan } from "../../core/plan";
import type { ProfileId } from "../../core/profiles";
import { groupChanges, type FindingFix } from "../../core/choose";
import { parseA1 } from "../../core/address";
import type { Progress, SpreadsheetHost } from "../../host/host";
import type { ReportFileWriter } from "../../host/document";
import {
  allTables,
  check,
  commitClear,
  commitFill,
  commitMark,
  commitUndo,
  countMarks,
  fillFrom,
  marking,
  markFrom,
  planAdopt,
  previewClear,
} from "../../app/commands";
import type { ReportFileOptions, TableReport } from "../../app/commands/report";
import { filledFileName, markedFileName } from "../../app/fileNames";
import { notice as noticeText } from "../../core/messages";
import { DOCX_MIME, downloadBytes, type SaveBytes } from "../download";
import { useLang } from "../components/context";
import type { Runner } from "../components/useRunner";
import { findingKey, type ListPlace } from "../results/model";
import type { Notice, PaneAction, PaneState } from "./state";
import { closeHost } from "../file/workerHost";
import { reportCommands } from "../parts";

export interface CommandProps {
  mode: "excel" | "file";
  profile: ProfileId;
  openFile?(file: File, onProgress?: Progress): Promise<SpreadsheetHost>;
  reportWriter?: ReportFileWriter;
  saveBytes?: SaveBytes;
}

export function inBounds(t: TableAnalysis, cell: string): boolean {
  const { row, col } = parseA1(cell);
  const b = t.table.bounds;
  return row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
}

export function useCommands(props: CommandProps, state: PaneState, dispatch: React.Dispatch<PaneAction>, runner: Runner) {
  const { lang, t } = useLang();
  const { host } = state;
  const scope = props.mode === "file" || state.allSheets ? "all" : "active";
  const save = props.saveBytes ?? downloadBytes;
  const tables = state.checked ? allTables(state.checked.analysis) : [];

  /**
   * 检查 over the host as it stands; the proposal (sheets and analysis) goes to the reducer. `last`: nothing is
   * dispatched after it, so the results are rendered as a transition, in slices that leave the page responsive.
   */
  const analyse = async (h: SpreadsheetHost, progress: (d: number, n: number) => void, last = false) => {
    const checked = await check(h, { profile: props.profile, scope, onProgress: progress });
    if (last) React.startTransition(() => dispatch({ type: "checked", checked }));
    else dispatch({ type: "checked", checked });
    return checked;
  };

  // A big file takes a while: first reading it (the file's name and size), then checking it, each with its label.
  const onFile = (file: File) =>
    runner.run(t("opening"), async (progress) => {
      if (!props.openFile) return;
      const reading = t("readingFile", { name: file.name, size: (file.size / 1048576).toFixed(1) });
      const opened = await props.openFile(file, (d, n) => progress(d, n, reading));
      closeHost(host);
      dispatch({ type: "opened", host: opened });
      await analyse(opened, (d, n) => progress(d, n, t("analysing")), true);
    });

  const onCheck = () =>
    runner.run(t("analysing"), async (progress) => {
      if (!host) return;
      dispatch({ type: "notice", notice: null });
      dispatch({ type: "back" });
      await analyse(host, progress, true);
    });

  /** 填充公式: the preview of the plan; `withPreview` is a notice shown beside it (先填充再生成 says what comes next). */
  const onFill = (withPreview?: Notice) =>
    runner.run(t("analysing"), async (progress) => {
      if (!host) return;
      dispatch({ type: "notice", notice: null });
      dispatch({ type: "back" });
      dispatch({ type: "mark-notice", notice: null });
      const checked = await analyse(host, progress);
      const proposal = fillFrom(checked);
      if (proposal.plan.changes.length === 0) {
        dispatch({ type: "notice", notice: { intent: "info", text: t("nothingToFill") } });
      } else {
        const groups = groupChanges(allTables(checked.analysis), proposal.plan);
        dispatch({ type: "fill-preview", proposal, groups, notice: withPreview });
      }
    });

  const onApply = (chosen: FillPlan) =>
    runner.run(t("applying"), async (progress) => {
      if (!host || state.stage.kind !== "fill-preview" || chosen.changes.length === 0) return;
      await commitFill(host, { ...state.stage.proposal, plan: chosen });
      // the preview has gone: the notice stands where it was and takes the focus
      const notice = {
        intent: "success" as const,
        text: t("applied", { n: chosen.changes.length }),
        focus: true,
        afterFill: props.mode === "file",
      };
      dispatch({ type: "written", notice });
      await analyse(host, progress);
    });

  const onUndo = () =>
    runner.run(t("undoing"), async (progress) => {
      if (!host) return;
      await commitUndo(host, { canUndo: true });
      dispatch({ type: "undone", canUndo: await host.canUndo(), notice: { intent: "success", text: t("undone") } });
      if (state.checked) await analyse(host, progress);
    });

  // An action on a finding: its outcome is shown where the finding was, and takes the focus there.
  const onAdopt = (table: TableAnalysis, finding: Finding, place: ListPlace) =>
    runner.run(t("applying"), async (progress) => {
      if (!host) return;
      dispatch({ type: "notice", notice: null });
      const proposal = planAdopt(table, finding);
      await commitFill(host, proposal);
      await analyse(host, progress);
      dispatch({
        type: "written",
        resolved: { ...place, text: t("adopted", { cell: proposal.plan.changes.map((c) => c.cell).join("、") }) },
      });
    });

  const onFix = (_table: TableAnalysis, fix: FindingFix, place: ListPlace) =>
    runner.run(t("applying"), async (progress) => {
      if (!host) return;
      dispatch({ type: "notice", notice: null });
      await commitFill(host, { analysis: null, plan: fix.plan });
      await analyse(host, progress);
      dispatch({ type: "written", resolved: { ...place, text: t("numberFixed", { n: fix.plan.changes.length }) } });
    });

  const onSelect = (finding: Finding, key: string) => {
    const tableIndex = Number(key.split(":")[0]);
    dispatch({ type: "select", key, tableIndex: Number.isInteger(tableIndex) ? tableIndex : undefined, cell: finding.cell });
    if (!host || !finding.cell) return;
    host.selectCell(finding.sheet, finding.cell).catch(() => {
      /* selecting is a convenience; a sheet that vanished meanwhile is not worth an error bar */
    });
  };

  const onDownload = () =>
    runner.run(t("saving"), async () => {
      if (!host || !host.save) return;
      const bytes = await host.save();
      const name = state.marked ? markedFileName(host.fileName) : filledFileName(host.fileName);
      save(bytes, name);
      // an .xls (.et, .ods, HTML, CSV) is never written over: the download is a new .xlsx, and the notice says so
      const from = (host as { savedAsXlsxFrom?: string | null }).savedAsXlsxFrom ?? null;
      const savedAs = from ? ` ${noticeText(state.marked ? "marked-as-xlsx" : "saved-as-xlsx", { ext: from })[lang]}` : "";
      dispatch({ type: "notice", notice: { intent: "success", text: t("downloaded", { name }) + savedAs } });
    });

  // 标注问题: check, then the preview of the marks (the cells, their colour and severity, how many); 应用 writes them.
  const onMarkPreview = () =>
    runner.run(t("marks.planning"), async (progress) => {
      if (!host || !marking(host)) return;
      dispatch({ type: "back" });
      dispatch({ type: "notice", notice: null });
      dispatch({ type: "mark-notice", notice: null });
      const proposal = markFrom(await analyse(host, progress), { lang });
      if (proposal.plan.marks.length === 0) dispatch({ type: "mark-notice", notice: { intent: "info", text: t("marks.nothingToMark") } });
      else dispatch({ type: "mark-preview", proposal });
    });

  // 清除标注: the preview lists the marks this add-in left in the workbook.
  const onClearPreview = () =>
    runner.run(t("marks.reading"), async () => {
      if (!host || !marking(host)) return;
      dispatch({ type: "back" });
      dispatch({ type: "notice", notice: null });
      dispatch({ type: "mark-notice", notice: null });
      const marks = await previewClear(host);
      if (marks.length === 0) dispatch({ type: "mark-notice", notice: { intent: "info", text: t("marks.nothingToClear") } });
      else dispatch({ type: "clear-preview", marks });
    });

  const onMarkApply = () =>
    runner.run(state.stage.kind === "clear-preview" ? t("marks.clearing") : t("marks.marking"), async () => {
      if (!host) return;
      if (state.stage.kind === "mark-preview") {
        const { marks, removedCharacters } = state.stage.proposal.plan;
        await commitMark(host, state.stage.proposal);
        const c = countMarks(marks);
        const removed = removedCharacters ? ` ${noticeText("marks-xml-removed", { count: removedCharacters })[lang]}` : "";
        const text = t("marks.marked", { n: marks.length, errors: c.error, warnings: c.warning }) + removed;
        const shown = props.mode === "file" ? `${text}${t("marks.markedDownload")}` : text;
        dispatch({ type: "marks-written", marked: true, notice: { intent: "success", text: shown, focus: true } });
      } else if (state.stage.kind === "clear-preview") {
        const { cells } = await commitClear(host);
        dispatch({
          type: "marks-written",
          marked: false,
          notice: { intent: "success", text: t("marks.cleared", { n: cells }), focus: true },
        });
      }
    });

  const onMarkGoTo = (m: CellMark) => {
    if (!host) return;
    if (props.mode === "file") {
      const i = tables.findIndex((tb) => tb.sheet === m.sheet && inBounds(tb, m.cell));
      dispatch({ type: "view", tableIndex: i >= 0 ? i : undefined, cell: m.cell });
    }
    host.selectCell(m.sheet, m.cell).catch(() => {
      /* a convenience, as onSelect */
    });
  };

  // 生成报告: where the table's figures differ from the rule's, nothing is written until the person chooses
  // 先填充再生成 or 按表中数字生成 (the same rule as the CLI's wait / --fill / --as-is). The report command is fetched
  // the first time (../parts.ts), inside the work, so the pane's progress shows while it comes.
  const onReport = (chosen?: TableReport[]) =>
    runner.run(t("writingReport"), async (progress) => {
      if (!host || !props.reportWriter) return;
      dispatch({ type: "notice", notice: null });
      const { figuresDiffer, prepareReports, writeReportFile } = await reportCommands();
      const options: ReportFileOptions = { profile: props.profile, scope, onProgress: progress };
      const reports = chosen ?? (await prepareReports(host, options));
      if (!chosen && figuresDiffer(reports)) {
        dispatch({ type: "report-choice", reports });
        return;
      }
      dispatch({ type: "back" });
      const { name, bytes } = await writeReportFile(host, props.reportWriter, { ...options, reports });
      save(bytes, name, DOCX_MIME);
      dispatch({ type: "notice", notice: { intent: "success", text: t("reportWritten", { name }), focus: Boolean(chosen) } });
    });

  const onReportFillFirst = () => {
    dispatch({ type: "back" });
    void onFill({ intent: "info", text: t("reportFillFirstNotice") });
  };

  /** A cell clicked in the sheet view: the first finding there is selected (and shown in the list). */
  const onCellSelect = (cell: string) => {
    const table = tables[state.viewTable];
    const i = table ? table.findings.findIndex((f) => f.cell === cell) : -1;
    if (!table || i < 0) {
      dispatch({ type: "select", key: null, cell });
      return;
    }
    const key = findingKey(state.viewTable, i);
    dispatch({ type: "select", key, cell });
    document.querySelector(`[data-finding-key="${key}"]`)?.scrollIntoView({ block: "nearest" });
  };

  /** A change focused in the fill preview: the sheet view shows its table and cell. */
  const onPreviewFocus = (c: { sheet: string; cell: string }) => {
    const i = tables.findIndex((tb) => tb.sheet === c.sheet && inBounds(tb, c.cell));
    dispatch({ type: "view", tableIndex: i >= 0 ? i : undefined, cell: c.cell });
  };

  return {
    onFile,
    onCheck,
    onFill,
    onApply,
    onUndo,
    onAdopt,
    onFix,
    onSelect,
    onDownload,
    onMarkPreview,
    onClearPreview,
    onMarkApply,
    onMarkGoTo,
    onReport,
    onReportFillFirst,
    onCellSelect,
    onPreviewFocus,
  };
}

export type PaneCommands = ReturnType<typeof useCommands>;
