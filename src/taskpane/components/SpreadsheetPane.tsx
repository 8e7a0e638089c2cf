/**
 * The spreadsheet pane: 检查, 填充公式 (preview → 应用), 撤销, 采纳建议, 标注问题 / 清除标注 (preview → 应用, where
 * the host can mark), and in the standalone page the file picker and 下载 (the marked copy after 标注问题). It talks to
 * the workbook only through SpreadsheetHost and MarkingHost (ExcelHost in Excel, FileHost standalone).
 */
import * as React from "react";
import { Button, Caption1, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import {
  ArrowDownload20Regular,
  ArrowUndo20Regular,
  Calculator20Regular,
  DocumentText20Regular,
  Eraser20Regular,
  Flag20Regular,
  TableSearch20Regular,
} from "@fluentui/react-icons";
import type { CellMark, MarkPlan } from "../../core/marks";
import { clearWorkbookMarks, countMarks, markWorkbook, markedFileName, marking, planMarks, previewClear } from "../../app/marks";
import { MarksPanel } from "./MarksPanel";
import type { TableAnalysis, WorkbookAnalysis } from "../../core/analysis";
import type { Finding } from "../../core/findings";
import type { FillPlan } from "../../core/plan";
import type { ProfileId } from "../../core/profiles";
import type { UserError } from "../../core/errors";
import type { SpreadsheetHost } from "../../host/host";
import { adoptSuggestion, allTables, check, combinedPlan, filledFileName } from "../../app/workflow";
import { figuresDiffer, prepareReports, writeReportFile, type ReportFileOptions, type TableReport } from "../../app/report";
import { ReportDifferences } from "./ReportDifferences";
import type { ReportFileWriter } from "../../host/document";
import type { LastCommand } from "../../app/settings";
import { fmtTime } from "../format";
import { useLang } from "./context";
import { useRunner } from "./useRunner";
import { BusyIndicator, ErrorBar, NoticeBar } from "./Messages";
import { Results, findingKey, type ListPlace, type Resolved } from "./Results";
import { parseA1 } from "../../core/address";
import { groupChanges, type ChangeGroup, type FindingFix } from "../../core/choose";
import { Preview } from "./Preview";
import { FilePicker } from "./FilePicker";
import { SheetView } from "./SheetView";
import { BatchPanel, type IssueListWriter } from "./BatchPanel";
import type { SheetSnapshot } from "../../core/snapshot";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    position: "sticky",
    top: 0,
    zIndex: 1,
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  tbButton: { minWidth: "auto", paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
  sheetView: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    position: "sticky",
    top: "49px",
    zIndex: 1,
    paddingBottom: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  tableChooser: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  empty: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalL,
    color: tokens.colorNeutralForeground3,
    textAlign: "center",
  },
});

export interface SpreadsheetPaneProps {
  mode: "excel" | "file";
  /** Excel: the ExcelHost. Standalone: null until a file is opened. */
  host: SpreadsheetHost | null;
  /** Standalone: opens a chosen file (FileHost.open). */
  openFile?(file: File): Promise<SpreadsheetHost>;
  /** 生成报告: writes the reports as a .docx (the docx adapter, through the document port); no button without it. */
  reportWriter?: ReportFileWriter;
  /** Standalone: writes the batch's 问题清单.xlsx. */
  issueList?: IssueListWriter;
  profile: ProfileId;
  lastCommand?: LastCommand | null;
  startupError?: UserError | null;
  /** Standalone: make the downloaded bytes a file on the person's computer. */
  saveBytes?(bytes: Uint8Array, name: string, mime?: string): void;
}

interface Notice {
  intent: "success" | "info" | "warning";
  text: string;
  /** Take the focus (the control the person used has gone). */
  focus?: boolean;
}

export function SpreadsheetPane(props: SpreadsheetPaneProps): JSX.Element {
  const styles = useStyles();
  const { lang, t } = useLang();
  const runner = useRunner();
  const [host, setHost] = React.useState<SpreadsheetHost | null>(props.host);
  const [fileLabel, setFileLabel] = React.useState<string | null>(null);
  const [analysis, setAnalysis] = React.useState<WorkbookAnalysis | null>(null);
  const [preview, setPreview] = React.useState<{ plan: FillPlan; groups: ChangeGroup[] } | null>(null);
  const [resolved, setResolved] = React.useState<Resolved | null>(null);
  // the sheet view (standalone page): the sheets as read, the table shown, the cell selected, the cells 应用 would write
  const [snapshots, setSnapshots] = React.useState<SheetSnapshot[] | null>(null);
  const [viewTable, setViewTable] = React.useState(0);
  const [viewCell, setViewCell] = React.useState<string | null>(null);
  const [planned, setPlanned] = React.useState<FillPlan | null>(null);
  const [canUndo, setCanUndo] = React.useState(false);
  const [selected, setSelected] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  // 生成报告 waiting for the person's choice: the table's figures differ from the rule's
  const [reportWait, setReportWait] = React.useState<TableReport[] | null>(null);
  const [allSheets, setAllSheets] = React.useState(props.mode === "file");
  const [lastCommand, setLastCommand] = React.useState<LastCommand | null>(props.lastCommand ?? null);
  // 标注问题 / 清除标注: the preview, the notice that replaces it after 应用 (where the preview was), and whether the
  // workbook as it stands carries marks written here (下载 then names the copy 已标注)
  const [markPreview, setMarkPreview] = React.useState<{ kind: "mark" | "clear"; marks: CellMark[]; plan?: MarkPlan } | null>(null);
  const [markNotice, setMarkNotice] = React.useState<Notice | null>(null);
  const [marked, setMarked] = React.useState(false);
  const markButton = React.useRef<HTMLButtonElement>(null);
  const clearButton = React.useRef<HTMLButtonElement>(null);
  const markApply = React.useRef<HTMLButtonElement>(null);
  const marker = host ? marking(host) : null;
  const scope = props.mode === "file" || allSheets ? "all" : "active";

  // An undo stored by an earlier session (ExcelHost keeps it in the workbook) is offered at once.
  React.useEffect(() => {
    let live = true;
    if (host) {
      host.canUndo().then(
        (v) => live && setCanUndo(v),
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [host]);

  // A new marks preview takes the focus on its 应用 (the list above it is one Tab back) — once the work that made it
  // is done and its buttons are enabled.
  const focusMarkApply = React.useRef(false);
  React.useEffect(() => {
    if (markPreview) focusMarkApply.current = true;
  }, [markPreview]);
  React.useEffect(() => {
    if (markPreview && !runner.running && focusMarkApply.current) {
      focusMarkApply.current = false;
      markApply.current?.focus();
    }
  });

  const analyseRef = React.useRef<(() => void) | null>(null);
  const firstProfile = React.useRef(props.profile);
  // A different scoring profile changes scores and findings: check again with it.
  React.useEffect(() => {
    if (props.profile === firstProfile.current) return;
    firstProfile.current = props.profile;
    analyseRef.current?.();
  }, [props.profile]);

  const analyse = React.useCallback(
    async (h: SpreadsheetHost, progress: (d: number, n: number) => void) => {
      const a = await check(h, {
        profile: props.profile,
        scope,
        onProgress: progress,
        onSnapshots: props.mode === "file" ? setSnapshots : undefined,
      });
      setAnalysis(a);
      setSelected(null);
      setResolved(null);
      setViewCell(null);
      setViewTable((i) => (i < allTables(a).length ? i : 0));
      return a;
    },
    [props.profile, props.mode, scope],
  );

  const onFile = (file: File) =>
    runner.run(t("opening"), async (progress) => {
      if (!props.openFile) return;
      setNotice(null);
      setPreview(null);
      setMarkPreview(null);
      setMarkNotice(null);
      setAnalysis(null);
      const opened = await props.openFile(file);
      setHost(opened);
      setCanUndo(false);
      setMarked(false);
      const snaps = await opened.readSheets("all");
      setFileLabel(t("opened", { name: opened.displayName, sheets: snaps.length }));
      await analyse(opened, progress);
    });

  const onCheck = () =>
    runner.run(t("analysing"), async (progress) => {
      if (!host) return;
      setNotice(null);
      setPreview(null);
      await analyse(host, progress);
    });

  analyseRef.current = analysis && host ? () => void onCheck() : null;

  /** 填充公式: the preview of the plan; `withPreview` is a notice shown beside it (先填充再生成 says what comes next). */
  const onFill = (withPreview?: Notice) =>
    runner.run(t("analysing"), async (progress) => {
      if (!host) return;
      setNotice(null);
      setMarkPreview(null);
      setMarkNotice(null);
      const a = await analyse(host, progress);
      const plan = combinedPlan(a);
      if (plan.changes.length === 0) {
        setPreview(null);
        setNotice({ intent: "info", text: t("nothingToFill") });
      } else {
        setPreview({ plan, groups: groupChanges(allTables(a), plan) });
        if (withPreview) setNotice(withPreview);
      }
    });

  const onApply = (chosen: FillPlan) =>
    runner.run(t("applying"), async (progress) => {
      if (!host || !preview || chosen.changes.length === 0) return;
      await host.applyPlan(chosen);
      const n = chosen.changes.length;
      setPreview(null);
      setCanUndo(true);
      await analyse(host, progress);
      // the preview has gone: the notice stands where it was and takes the focus
      setNotice({ intent: "success", text: t("applied", { n }), focus: true });
    });

  const onUndo = () =>
    runner.run(t("undoing"), async (progress) => {
      if (!host) return;
      await host.undo();
      setPreview(null);
      setMarkPreview(null);
      setMarkNotice(null);
      setCanUndo(await host.canUndo());
      if (analysis) await analyse(host, progress);
      setNotice({ intent: "success", text: t("undone") });
    });

  // An action on a finding: its outcome is shown where the finding was, and takes the focus there.
  const onAdopt = (table: TableAnalysis, finding: Finding, place: ListPlace) =>
    runner.run(t("applying"), async (progress) => {
      if (!host) return;
      setNotice(null);
      const plan = await adoptSuggestion(host, table, finding);
      setPreview(null);
      setCanUndo(true);
      await analyse(host, progress);
      setResolved({ ...place, text: t("adopted", { cell: plan.changes.map((c) => c.cell).join("、") }) });
    });

  const onFix = (_table: TableAnalysis, fix: FindingFix, place: ListPlace) =>
    runner.run(t("applying"), async (progress) => {
      if (!host) return;
      setNotice(null);
      await host.applyPlan(fix.plan);
      setPreview(null);
      setCanUndo(true);
      await analyse(host, progress);
      setResolved({ ...place, text: t("numberFixed", { n: fix.plan.changes.length }) });
    });

  const onSelect = (finding: Finding, key: string) => {
    setSelected(key);
    const tableIndex = Number(key.split(":")[0]);
    if (Number.isInteger(tableIndex)) setViewTable(tableIndex);
    setViewCell(finding.cell);
    if (!host || !finding.cell) return;
    host.selectCell(finding.sheet, finding.cell).catch(() => {
      /* selecting is a convenience; a sheet that vanished meanwhile is not worth an error bar */
    });
  };

  const onDownload = () =>
    runner.run(t("saving"), async () => {
      if (!host || !host.save) return;
      const bytes = await host.save();
      const name = marked ? markedFileName(host.fileName) : filledFileName(host.fileName);
      (props.saveBytes ?? downloadBytes)(bytes, name);
      setNotice({ intent: "success", text: t("downloaded", { name }) });
    });

  // 标注问题: check, then the preview of the marks (the cells, their colour and severity, how many); 应用 writes them.
  const onMarkPreview = () =>
    runner.run(t("marks.planning"), async (progress) => {
      if (!host || !marker) return;
      setNotice(null);
      setMarkNotice(null);
      setPreview(null);
      const a = await analyse(host, progress);
      const plan = planMarks(a, lang);
      if (plan.marks.length === 0) {
        setMarkPreview(null);
        setMarkNotice({ intent: "info", text: t("marks.nothingToMark") });
      } else setMarkPreview({ kind: "mark", marks: plan.marks, plan });
    });

  // 清除标注: the preview lists the marks this add-in left in the workbook.
  const onClearPreview = () =>
    runner.run(t("marks.reading"), async () => {
      if (!host || !marker) return;
      setNotice(null);
      setMarkNotice(null);
      setPreview(null);
      const marks = await previewClear(host);
      if (marks.length === 0) {
        setMarkPreview(null);
        setMarkNotice({ intent: "info", text: t("marks.nothingToClear") });
      } else setMarkPreview({ kind: "clear", marks });
    });

  const onMarkApply = () =>
    runner.run(markPreview?.kind === "clear" ? t("marks.clearing") : t("marks.marking"), async () => {
      if (!host || !markPreview) return;
      if (markPreview.kind === "mark" && markPreview.plan) {
        await markWorkbook(host, markPreview.plan);
        const c = countMarks(markPreview.marks);
        setMarked(true);
        const text = t("marks.marked", { n: markPreview.marks.length, errors: c.error, warnings: c.warning });
        setMarkNotice({ intent: "success", text: props.mode === "file" ? `${text}${t("marks.markedDownload")}` : text, focus: true });
      } else {
        const n = await clearWorkbookMarks(host);
        setMarked(false);
        setMarkNotice({ intent: "success", text: t("marks.cleared", { n }), focus: true });
      }
      setMarkPreview(null);
      setCanUndo(true);
    });

  const onMarkCancel = () => {
    const from = markPreview?.kind === "clear" ? clearButton : markButton;
    setMarkPreview(null);
    // back where the person was
    from.current?.focus();
  };

  const onMarkGoTo = (m: CellMark) => {
    if (!host) return;
    if (props.mode === "file") {
      const i = tables.findIndex((tb) => tb.sheet === m.sheet && inBounds(tb, m.cell));
      if (i >= 0) setViewTable(i);
      setViewCell(m.cell);
    }
    host.selectCell(m.sheet, m.cell).catch(() => {
      /* a convenience, as onSelect */
    });
  };

  // 生成报告: where the table's figures differ from the rule's, nothing is written until the person chooses
  // 先填充再生成 or 按表中数字生成 (the same rule as the CLI's wait / --fill / --as-is).
  const onReport = (chosen?: TableReport[]) =>
    runner.run(t("writingReport"), async (progress) => {
      if (!host || !props.reportWriter) return;
      setNotice(null);
      const options: ReportFileOptions = { profile: props.profile, scope, onProgress: progress };
      const reports = chosen ?? (await prepareReports(host, options));
      if (!chosen && figuresDiffer(reports)) {
        setReportWait(reports);
        return;
      }
      setReportWait(null);
      const { name, bytes } = await writeReportFile(host, props.reportWriter, { ...options, reports });
      (props.saveBytes ?? downloadBytes)(bytes, name, DOCX_MIME);
      setNotice({ intent: "success", text: t("reportWritten", { name }), focus: Boolean(chosen) });
    });

  const onReportFillFirst = () => {
    setReportWait(null);
    onFill({ intent: "info", text: t("reportFillFirstNotice") });
  };

  /** A cell clicked in the sheet view: the first finding there is selected (and shown in the list). */
  const onCellSelect = (cell: string) => {
    setViewCell(cell);
    const table = analysis ? allTables(analysis)[viewTable] : undefined;
    const i = table ? table.findings.findIndex((f) => f.cell === cell) : -1;
    if (!table || i < 0) {
      setSelected(null);
      return;
    }
    const key = findingKey(viewTable, i);
    setSelected(key);
    document.querySelector(`[data-finding-key="${key}"]`)?.scrollIntoView({ block: "nearest" });
  };

  const tables = analysis ? allTables(analysis) : [];
  const shownTable = props.mode === "file" ? tables[viewTable] : undefined;
  const shownSnapshot = shownTable && snapshots ? snapshots.find((s) => s.name === shownTable.sheet) : undefined;
  const plannedCells = React.useMemo(() => {
    const out = new Set<string>();
    const source = preview ? planned : null;
    for (const c of source?.changes ?? []) if (shownTable && c.sheet === shownTable.sheet) out.add(c.cell.toUpperCase());
    return out;
  }, [preview, planned, shownTable]);

  const error = runner.error ?? props.startupError ?? null;
  const noHost = host === null;
  const busy = runner.running;

  return (
    <div className={styles.root}>
      {props.mode === "file" ? <FilePicker current={fileLabel} disabled={busy} onFile={onFile} /> : null}
      {props.mode === "file" && props.openFile && props.issueList ? (
        <details>
          <summary>{t("batchTitle")}</summary>
          <BatchPanel
            openFile={props.openFile}
            issueList={props.issueList}
            profile={props.profile}
            disabled={busy}
            saveBytes={props.saveBytes ?? downloadBytes}
          />
        </details>
      ) : null}

      <div className={styles.toolbar} role="toolbar" aria-label={t("appName")}>
        <Button
          className={styles.tbButton}
          appearance="primary"
          icon={<TableSearch20Regular />}
          aria-label={t("name.check")}
          disabled={noHost || busy}
          onClick={onCheck}
        >
          {t("check")}
        </Button>
        <Button
          className={styles.tbButton}
          icon={<Calculator20Regular />}
          aria-label={t("name.fill")}
          disabled={noHost || busy}
          onClick={() => onFill()}
        >
          {t("fill")}
        </Button>
        <Button
          className={styles.tbButton}
          icon={<ArrowUndo20Regular />}
          aria-label={t("name.undo")}
          disabled={noHost || busy || !canUndo}
          onClick={onUndo}
        >
          {t("undo")}
        </Button>
        {marker ? (
          <>
            <Button
              ref={markButton}
              className={styles.tbButton}
              icon={<Flag20Regular />}
              aria-label={t("name.mark")}
              disabled={busy}
              onClick={onMarkPreview}
            >
              {t("marks.mark")}
            </Button>
            <Button
              ref={clearButton}
              className={styles.tbButton}
              appearance="subtle"
              icon={<Eraser20Regular />}
              aria-label={t("name.clearMarks")}
              disabled={busy}
              onClick={onClearPreview}
            >
              {t("marks.clear")}
            </Button>
          </>
        ) : null}
        {props.mode === "file" ? (
          <Button
            className={styles.tbButton}
            icon={<ArrowDownload20Regular />}
            aria-label={t("name.download")}
            disabled={noHost || busy || !host?.save}
            onClick={onDownload}
          >
            {t("download")}
          </Button>
        ) : null}
        {props.reportWriter ? (
          <Button
            className={styles.tbButton}
            appearance="subtle"
            icon={<DocumentText20Regular />}
            disabled={noHost || busy || !analysis || allTables(analysis).length === 0}
            onClick={() => onReport()}
          >
            {t("report")}
          </Button>
        ) : null}
        {props.mode === "excel" ? (
          <Switch checked={allSheets} disabled={busy} onChange={(_, d) => setAllSheets(d.checked)} label={t("allSheets")} />
        ) : null}
      </div>

      <BusyIndicator busy={runner.busy} />
      <ErrorBar error={error} onDismiss={runner.clearError} />
      <NoticeBar intent={notice?.intent ?? "info"} text={notice?.text ?? null} focus={notice?.focus} onDismiss={() => setNotice(null)} />
      {lastCommand ? (
        <NoticeBar
          intent={lastCommand.ok ? "info" : "warning"}
          testId="last-command"
          text={t("lastCommand", { when: fmtTime(lastCommand.at, lang), text: lang === "zh" ? lastCommand.zh : lastCommand.en })}
          onDismiss={() => setLastCommand(null)}
        />
      ) : null}

      {reportWait ? (
        <ReportDifferences
          reports={reportWait}
          disabled={busy}
          onFillFirst={onReportFillFirst}
          onAsIs={() => onReport(reportWait)}
          onCancel={() => setReportWait(null)}
        />
      ) : null}

      {markPreview ? (
        <MarksPanel
          ref={markApply}
          kind={markPreview.kind}
          marks={markPreview.marks}
          disabled={busy}
          onApply={onMarkApply}
          onCancel={onMarkCancel}
          onGoTo={onMarkGoTo}
        />
      ) : (
        <NoticeBar
          intent={markNotice?.intent ?? "info"}
          text={markNotice?.text ?? null}
          focus={markNotice?.focus}
          testId="marks-notice"
          onDismiss={() => setMarkNotice(null)}
        />
      )}

      {preview ? (
        <Preview
          plan={preview.plan}
          groups={preview.groups}
          disabled={busy}
          onApply={onApply}
          onCancel={() => setPreview(null)}
          onChosenChange={setPlanned}
          onFocusChange={(c) => {
            const i = tables.findIndex((tb) => tb.sheet === c.sheet && inBounds(tb, c.cell));
            if (i >= 0) setViewTable(i);
            setViewCell(c.cell);
          }}
        />
      ) : null}

      {shownTable && shownSnapshot ? (
        <div className={styles.sheetView}>
          {tables.length > 1 ? (
            <label className={styles.tableChooser}>
              <Caption1>{t("sheetViewTable")}</Caption1>
              <select value={viewTable} onChange={(e) => setViewTable(Number(e.target.value))} data-testid="sheet-view-table">
                {tables.map((tb, i) => (
                  <option key={i} value={i}>
                    {tb.sheet} · {tb.name ?? tb.table.title ?? t("unnamed")}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <SheetView
            table={shownTable}
            snapshot={shownSnapshot}
            selectedCell={viewCell}
            planned={plannedCells}
            onCellSelect={onCellSelect}
          />
        </div>
      ) : null}

      {analysis ? (
        <Results
          analysis={analysis}
          selected={selected}
          disabled={busy}
          onSelect={onSelect}
          onAdopt={onAdopt}
          onFix={onFix}
          resolved={resolved}
        />
      ) : (
        <div className={styles.empty}>
          <Text>{noHost && props.mode === "file" ? t("noFileYet") : t("resultsTitle")}</Text>
          <Caption1>{noHost && props.mode === "file" ? t("chooseFirst") : t("noResultsYet")}</Caption1>
        </div>
      )}
    </div>
  );
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Offers bytes as a download (Blob + object URL); nothing leaves the computer. */
export function downloadBytes(bytes: Uint8Array, name: string, mime: string = XLSX_MIME): void {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

function inBounds(t: TableAnalysis, cell: string): boolean {
  const { row, col } = parseA1(cell);
  const b = t.table.bounds;
  return row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
}
