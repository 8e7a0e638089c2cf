/**
 * 批量检查 (standalone page): several chosen workbooks checked one after another in this tab (nothing is uploaded),
 * a line per file (unreadable files included), and 问题清单.xlsx to download — the same list as `jixiao check --report`.
 */
import { WORKBOOK_ACCEPT } from "../../core/workbookNames";
import * as React from "react";
import type { Lang } from "../../core/messages";
import { Button, Caption1, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownload20Regular, DocumentMultiple20Regular } from "@fluentui/react-icons";
import { batchTotals, checkFile, runBatch, unreadableResult, type BatchFileResult } from "../../app/commands";
import type { ProfileId } from "../../core/profiles";
import type { SpreadsheetHost } from "../../host/host";
import { useLang } from "../components/context";
import { XLSX_MIME } from "../download";
import { closeHost } from "./workerHost";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)" },
  list: { margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px", maxHeight: "30vh", overflowY: "auto" },
  item: { listStyle: "none", fontSize: tokens.fontSizeBase200, display: "flex", gap: tokens.spacingHorizontalS },
  bad: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Writes 问题清单.xlsx from the batch's results (src/app/issueList, brought by the page's entry). */
export type IssueListWriter = (results: readonly BatchFileResult[], lang: Lang) => Promise<Uint8Array>;

export interface BatchPanelProps {
  openFile(file: File): Promise<SpreadsheetHost>;
  issueList: IssueListWriter;
  profile: ProfileId;
  disabled: boolean;
  saveBytes(bytes: Uint8Array, name: string, mime?: string): void;
}

export function BatchPanel(props: BatchPanelProps): JSX.Element {
  const styles = useStyles();
  const { lang, t } = useLang();
  const input = React.useRef<HTMLInputElement>(null);
  const [results, setResults] = React.useState<BatchFileResult[] | null>(null);
  const [progress, setProgress] = React.useState<{ done: number; total: number } | null>(null);
  const zh = lang === "zh";

  const onFiles = async (list: FileList | null) => {
    const files = [...(list ?? [])]; // every chosen file is listed: one that is no workbook becomes an unreadable row
    if (files.length === 0) return;
    const byName = new Map(files.map((f, i) => [`${i}:${f.name}`, f]));
    setResults(null);
    setProgress({ done: 0, total: files.length });
    const out = await runBatch(
      [...byName.keys()],
      async (key) => {
        const f = byName.get(key)!;
        try {
          const host = await props.openFile(f);
          try {
            return await checkFile(f.name, host, props.profile);
          } finally {
            closeHost(host);
          }
        } catch (e) {
          return unreadableResult(f.name, e);
        }
      },
      { concurrency: 1, onProgress: (done, total) => setProgress({ done, total }) },
    );
    setProgress(null);
    setResults(out);
    if (input.current) input.current.value = "";
  };

  const onDownload = async () => {
    if (!results) return;
    props.saveBytes(await props.issueList(results, lang), t("batchFileName"), XLSX_MIME);
  };

  const totals = results ? batchTotals(results) : null;
  return (
    <section className={styles.root} aria-label={t("batchTitle")} data-testid="batch">
      <div className={styles.row}>
        <input
          ref={input}
          id="batch-files"
          className={styles.hidden}
          type="file"
          multiple
          accept={WORKBOOK_ACCEPT}
          aria-label={t("batchChoose")}
          onChange={(e) => void onFiles(e.target.files)}
          disabled={props.disabled || progress !== null}
        />
        <Button icon={<DocumentMultiple20Regular />} disabled={props.disabled || progress !== null} onClick={() => input.current?.click()}>
          {t("batchChoose")}
        </Button>
        {results ? (
          <Button icon={<ArrowDownload20Regular />} appearance="primary" onClick={() => void onDownload()} data-testid="batch-download">
            {t("batchDownload")}
          </Button>
        ) : null}
      </div>
      <Caption1 className={styles.muted}>{t("batchHint")}</Caption1>
      {progress ? <ProgressBar value={progress.total ? progress.done / progress.total : undefined} aria-label={t("batchTitle")} /> : null}
      {totals ? (
        <Text aria-live="polite" data-testid="batch-summary">
          {t("batchSummary", {
            files: totals.files,
            unreadable: totals.unreadable,
            e: totals.bySeverity.error,
            w: totals.bySeverity.warning,
            i: totals.bySeverity.info,
          })}
        </Text>
      ) : null}
      {results ? (
        <ul className={styles.list}>
          {results.map((r, i) => (
            <li key={i} className={styles.item} data-testid="batch-file" data-ok={r.ok ? "true" : "false"}>
              <span>{r.file}</span>
              {r.ok ? (
                <span className={styles.muted}>
                  {t("batchCounts", {
                    tables: r.tables.length,
                    e: r.findings.filter((f) => f.severity === "error").length,
                    w: r.findings.filter((f) => f.severity === "warning").length,
                  })}
                </span>
              ) : (
                <span className={styles.bad}>{zh ? r.error.zh : r.error.en}</span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
