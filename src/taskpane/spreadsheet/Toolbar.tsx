/** The spreadsheet pane's toolbar: one button per command, each enabled when its command can run. */
import * as React from "react";
import { Button, Switch, makeStyles, tokens } from "@fluentui/react-components";
import {
  ArrowDownload20Regular,
  ArrowUndo20Regular,
  Calculator20Regular,
  DocumentText20Regular,
  Eraser20Regular,
  Flag20Regular,
  TableSearch20Regular,
} from "@fluentui/react-icons";
import { useLang } from "../components/context";

const useStyles = makeStyles({
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
});

export interface ToolbarProps {
  mode: "excel" | "file";
  busy: boolean;
  noHost: boolean;
  canUndo: boolean;
  /** The host can mark cells (标注问题 / 清除标注 are shown). */
  canMark: boolean;
  canSave: boolean;
  /** 生成报告 is shown (a report writer is there) and enabled (a check found a table). */
  report: { shown: boolean; enabled: boolean };
  allSheets: boolean;
  markButton: React.RefObject<HTMLButtonElement>;
  clearButton: React.RefObject<HTMLButtonElement>;
  onCheck(): void;
  onFill(): void;
  onUndo(): void;
  onMark(): void;
  onClear(): void;
  onDownload(): void;
  onReport(): void;
  onAllSheets(on: boolean): void;
}

export function Toolbar(props: ToolbarProps): JSX.Element {
  const styles = useStyles();
  const { t } = useLang();
  const { busy, noHost } = props;
  return (
    <div className={styles.toolbar} role="toolbar" aria-label={t("appName")}>
      <Button
        className={styles.tbButton}
        appearance="primary"
        icon={<TableSearch20Regular />}
        aria-label={t("name.check")}
        disabled={noHost || busy}
        onClick={props.onCheck}
      >
        {t("check")}
      </Button>
      <Button
        className={styles.tbButton}
        icon={<Calculator20Regular />}
        aria-label={t("name.fill")}
        disabled={noHost || busy}
        onClick={props.onFill}
      >
        {t("fill")}
      </Button>
      <Button
        className={styles.tbButton}
        icon={<ArrowUndo20Regular />}
        aria-label={t("name.undo")}
        disabled={noHost || busy || !props.canUndo}
        onClick={props.onUndo}
      >
        {t("undo")}
      </Button>
      {props.canMark ? (
        <>
          <Button
            ref={props.markButton}
            className={styles.tbButton}
            icon={<Flag20Regular />}
            aria-label={t("name.mark")}
            disabled={busy}
            onClick={props.onMark}
          >
            {t("marks.mark")}
          </Button>
          <Button
            ref={props.clearButton}
            className={styles.tbButton}
            appearance="subtle"
            icon={<Eraser20Regular />}
            aria-label={t("name.clearMarks")}
            disabled={busy}
            onClick={props.onClear}
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
          disabled={noHost || busy || !props.canSave}
          onClick={props.onDownload}
        >
          {t("download")}
        </Button>
      ) : null}
      {props.report.shown ? (
        <Button
          className={styles.tbButton}
          appearance="subtle"
          icon={<DocumentText20Regular />}
          disabled={noHost || busy || !props.report.enabled}
          onClick={props.onReport}
        >
          {t("report")}
        </Button>
      ) : null}
      {props.mode === "excel" ? (
        <Switch checked={props.allSheets} disabled={busy} onChange={(_, d) => props.onAllSheets(d.checked)} label={t("allSheets")} />
      ) : null}
    </div>
  );
}
