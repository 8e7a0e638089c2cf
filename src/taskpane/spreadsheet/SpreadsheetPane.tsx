/**
 * The spreadsheet pane's layout: 检查, 填充公式 (preview → 应用), 撤销, 采纳建议, 标注问题 / 清除标注 (preview → 应用, where
 * the host can mark), 生成报告, and in the standalone page the file picker, the batch and 下载. What stands on screen
 * is the reducer's state (state.ts); what the buttons do is useCommands.ts, over the commands of src/app/commands.
 * The pane reaches the workbook only through the ports (ExcelHost in Excel, WpsSpreadsheetHost in WPS, FileHost
 * standalone).
 */
import * as React from "react";
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownload20Regular, DocumentText20Regular } from "@fluentui/react-icons";
import type { ChoicePreview } from "../../core/choose";
import type { FillPlan } from "../../core/plan";
import type { ProfileId } from "../../core/profiles";
import type { UserError } from "../../core/errors";
import type { Progress, SpreadsheetHost } from "../../host/host";
import type { ReportFileWriter } from "../../host/document";
import type { LastCommand } from "../../app/settings";
import { allTables, marking } from "../../app/commands";
import { fmtTime } from "../format";
import { downloadBytes, type SaveBytes } from "../download";
import { useLang } from "../components/context";
import { useRunner } from "../components/useRunner";
import { BusyIndicator, ErrorBar, NoticeBar } from "../components/Messages";
import { Results } from "../results/Results";
import { Preview } from "../fill/Preview";
import { MarksPanel } from "../marks/MarksPanel";
import { ReportDifferences } from "../report/ReportDifferences";
import { SheetView } from "../sheet/SheetView";
import { FilePicker } from "../file/FilePicker";
import { BatchPanel } from "../file/BatchPanel";
import { ReportComparePanel } from "../file/ReportComparePanel";
import type { ReportBlock } from "../../core/compare";
import type { IssueListWriter } from "../file/BatchPanel";
import { initialState, paneReducer } from "./state";
import { inBounds, useCommands } from "./useCommands";
import { Toolbar } from "./Toolbar";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
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
  /** Standalone: opens a chosen file (in a worker: file/workerHost.ts), with progress while it is read. */
  openFile?(file: File, onProgress?: Progress): Promise<SpreadsheetHost>;
  /** 生成报告: writes the reports as a .docx (the docx adapter, through the document port); no button without it. */
  reportWriter?: ReportFileWriter;
  /** Standalone: writes the batch's 问题清单.xlsx. */
  issueList?: IssueListWriter;
  /** Standalone: reads a chosen .docx for 对照报告 (no panel without it). */
  readReport?(file: File): Promise<ReportBlock[]>;
  profile: ProfileId;
  lastCommand?: LastCommand | null;
  startupError?: UserError | null;
  /** Standalone: make the downloaded bytes a file on the person's computer. */
  saveBytes?: SaveBytes;
}

export function SpreadsheetPane(props: SpreadsheetPaneProps): JSX.Element {
  const styles = useStyles();
  const { lang, t } = useLang();
  const runner = useRunner();
  const [state, dispatch] = React.useReducer(paneReducer, null, () => initialState(props.host, props.mode, props.lastCommand ?? null));
  const commands = useCommands(props, state, dispatch, runner);
  const { host, stage, checked } = state;
  const markButton = React.useRef<HTMLButtonElement>(null);
  const clearButton = React.useRef<HTMLButtonElement>(null);
  const markApply = React.useRef<HTMLButtonElement>(null);

  // An undo stored by an earlier session (ExcelHost keeps it in the workbook) is offered at once.
  React.useEffect(() => {
    let live = true;
    if (host) {
      host.canUndo().then(
        (v) => live && dispatch({ type: "can-undo", canUndo: v }),
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [host]);

  // A new marks preview takes the focus on its 应用 (the list above it is one Tab back) — once the work that made it
  // is done and its buttons are enabled.
  const marksShown = stage.kind === "mark-preview" || stage.kind === "clear-preview" ? stage : null;
  const focusMarkApply = React.useRef(false);
  React.useEffect(() => {
    if (marksShown) focusMarkApply.current = true;
  }, [marksShown]);
  React.useEffect(() => {
    if (marksShown && !runner.running && focusMarkApply.current) {
      focusMarkApply.current = false;
      markApply.current?.focus();
    }
  });

  // A different scoring profile changes scores and findings: check again with it (the check of this render, which
  // reads the new profile; kept in a ref from an effect, never assigned during render).
  const recheck = React.useRef<(() => void) | null>(null);
  React.useEffect(() => {
    recheck.current = checked && host ? () => void commands.onCheck() : null;
  });
  const firstProfile = React.useRef(props.profile);
  React.useEffect(() => {
    if (props.profile === firstProfile.current) return;
    firstProfile.current = props.profile;
    recheck.current?.();
  }, [props.profile]);

  const onMarkCancel = () => {
    const from = stage.kind === "clear-preview" ? clearButton : markButton;
    dispatch({ type: "back" });
    // back where the person was
    from.current?.focus();
  };

  const tables = React.useMemo(() => (checked ? allTables(checked.analysis) : []), [checked]);
  // stable: the preview calls them from its effects
  const onChosenChange = React.useCallback((plan: FillPlan) => dispatch({ type: "chosen", plan }), []);
  const onPreviewChange = React.useCallback((preview: ChoicePreview | null) => dispatch({ type: "choice-preview", preview }), []);
  const shownTable = props.mode === "file" ? tables[state.viewTable] : undefined;
  const shownSnapshot = shownTable && checked ? checked.snapshots.find((s) => s.name === shownTable.sheet) : undefined;
  const plannedCells = React.useMemo(() => {
    const out = new Set<string>();
    const source = stage.kind === "fill-preview" ? state.chosen : null;
    for (const c of source?.changes ?? []) if (shownTable && c.sheet === shownTable.sheet) out.add(c.cell.toUpperCase());
    return out;
  }, [stage.kind, state.chosen, shownTable]);

  const error = runner.error ?? props.startupError ?? null;
  const noHost = host === null;
  const busy = runner.running;
  const fileLabel =
    host && checked && props.mode === "file" ? t("opened", { name: host.displayName, sheets: checked.snapshots.length }) : null;

  return (
    <div className={styles.root}>
      {props.mode === "file" ? <FilePicker current={fileLabel} disabled={busy} onFile={commands.onFile} /> : null}
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

      <Toolbar
        mode={props.mode}
        busy={busy}
        noHost={noHost}
        canUndo={state.canUndo}
        canMark={host !== null && marking(host) !== null}
        canSave={Boolean(host?.save)}
        report={{ shown: Boolean(props.reportWriter), enabled: tables.length > 0 }}
        allSheets={state.allSheets}
        markButton={markButton}
        clearButton={clearButton}
        onCheck={() => void commands.onCheck()}
        onFill={() => void commands.onFill()}
        onUndo={() => void commands.onUndo()}
        onMark={() => void commands.onMarkPreview()}
        onClear={() => void commands.onClearPreview()}
        onDownload={() => void commands.onDownload()}
        onReport={() => void commands.onReport()}
        onAllSheets={(on) => dispatch({ type: "all-sheets", on })}
      />

      <BusyIndicator busy={runner.busy} />
      <ErrorBar error={error} onDismiss={runner.clearError} />
      <NoticeBar
        intent={state.notice?.intent ?? "info"}
        text={state.notice?.text ?? null}
        focus={state.notice?.focus}
        onDismiss={() => dispatch({ type: "notice", notice: null })}
        actions={
          state.notice?.afterFill && host?.save ? (
            <>
              <Button
                size="small"
                appearance="primary"
                icon={<ArrowDownload20Regular />}
                disabled={busy}
                onClick={() => void commands.onDownload()}
                data-testid="notice-download"
              >
                {t("downloadFilled")}
              </Button>
              {props.reportWriter ? (
                <Button
                  size="small"
                  icon={<DocumentText20Regular />}
                  disabled={busy}
                  onClick={() => void commands.onReport()}
                  data-testid="notice-report"
                >
                  {t("report")}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      {state.lastCommand ? (
        <NoticeBar
          intent={state.lastCommand.ok ? "info" : "warning"}
          testId="last-command"
          text={t("lastCommand", {
            when: fmtTime(state.lastCommand.at, lang),
            text: lang === "zh" ? state.lastCommand.zh : state.lastCommand.en,
          })}
          onDismiss={() => dispatch({ type: "last-command", entry: null })}
        />
      ) : null}

      {stage.kind === "report-choice" ? (
        <ReportDifferences
          reports={stage.reports}
          disabled={busy}
          onFillFirst={commands.onReportFillFirst}
          onAsIs={() => void commands.onReport(stage.reports)}
          onCancel={() => dispatch({ type: "back" })}
        />
      ) : null}

      {marksShown ? (
        <MarksPanel
          ref={markApply}
          kind={marksShown.kind === "clear-preview" ? "clear" : "mark"}
          marks={marksShown.kind === "clear-preview" ? marksShown.marks : marksShown.proposal.plan.marks}
          disabled={busy}
          onApply={() => void commands.onMarkApply()}
          onCancel={onMarkCancel}
          onGoTo={commands.onMarkGoTo}
        />
      ) : (
        <NoticeBar
          intent={state.markNotice?.intent ?? "info"}
          text={state.markNotice?.text ?? null}
          focus={state.markNotice?.focus}
          testId="marks-notice"
          onDismiss={() => dispatch({ type: "mark-notice", notice: null })}
        />
      )}

      {stage.kind === "fill-preview" ? (
        <Preview
          plan={stage.proposal.plan}
          groups={stage.groups}
          disabled={busy}
          onApply={(chosen) => void commands.onApply(chosen)}
          onCancel={() => dispatch({ type: "back" })}
          onChosenChange={onChosenChange}
          snapshots={checked?.snapshots ?? null}
          tables={tables}
          onPreviewChange={onPreviewChange}
          onFocusChange={commands.onPreviewFocus}
        />
      ) : null}

      {props.mode === "file" && props.readReport && checked ? (
        <details>
          <summary>{t("compareTitle")}</summary>
          <ReportComparePanel
            analysis={checked.analysis}
            snapshots={checked.snapshots}
            readReport={props.readReport}
            disabled={busy}
            run={runner.run}
            onSelectCell={(sheet, cell) => {
              const i = tables.findIndex((tb) => tb.sheet === sheet && inBounds(tb, cell));
              dispatch({ type: "view", tableIndex: i >= 0 ? i : undefined, cell });
            }}
          />
        </details>
      ) : null}

      {shownTable && shownSnapshot ? (
        <div className={styles.sheetView}>
          {tables.length > 1 ? (
            <label className={styles.tableChooser}>
              <Caption1>{t("sheetViewTable")}</Caption1>
              <select
                value={state.viewTable}
                onChange={(e) => dispatch({ type: "view", tableIndex: Number(e.target.value) })}
                data-testid="sheet-view-table"
              >
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
            selectedCell={state.viewCell}
            planned={plannedCells}
            onCellSelect={commands.onCellSelect}
          />
        </div>
      ) : null}

      {checked ? (
        <Results
          analysis={checked.analysis}
          selected={state.selected}
          disabled={busy}
          onSelect={commands.onSelect}
          onAdopt={(table, finding, place) => void commands.onAdopt(table, finding, place)}
          onFix={(table, fix, place) => void commands.onFix(table, fix, place)}
          resolved={state.resolved}
          totalsAfter={stage.kind === "fill-preview" ? state.choicePreview?.totals : null}
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
