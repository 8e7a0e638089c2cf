/**
 * 对照报告 (standalone page): the person chooses the .docx that goes with the open workbook; every figure the report
 * states is compared with the tables (src/app/commands/compare.ts, fetched with its reader when the first report is
 * chosen: ../parts.ts); the differing ones are listed with their sentence, and selecting one shows its cell in the
 * sheet view. The reading and comparing run as the pane's work, with its progress; what stops them is said here, in
 * both languages. Nothing is uploaded: the .docx is read in this tab.
 */
import * as React from "react";
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentSearch20Regular } from "@fluentui/react-icons";
import type { WorkbookAnalysis } from "../../core/analysis";
import type { UserError } from "../../core/errors";
import type { ReportBlock } from "../../core/compare";
import { compareMessage, toUserError } from "../../core/messages";
import type { SheetSnapshot } from "../../core/snapshot";
import type { ReportComparison } from "../../app/commands/compare";
import { useLang } from "../components/context";
import type { Runner } from "../components/useRunner";
import { compareCommands } from "../parts";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)" },
  list: { margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px", maxHeight: "30vh", overflowY: "auto" },
  item: { listStyle: "none" },
  figure: { textAlign: "start", justifyContent: "flex-start", whiteSpace: "normal", height: "auto", fontWeight: tokens.fontWeightRegular },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  bad: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface ReportComparePanelProps {
  analysis: WorkbookAnalysis;
  snapshots: SheetSnapshot[];
  /** Reads the chosen .docx into text blocks (the page's entry brings the reader). */
  readReport(file: File): Promise<ReportBlock[]>;
  disabled: boolean;
  /** The pane's runner: the comparison is the pane's one piece of work, with its progress. */
  run: Runner["run"];
  /** A differing figure was selected: show its cell. */
  onSelectCell(sheet: string, cell: string): void;
}

/** A report compared: its name, the comparison and its counts. */
interface Compared {
  name: string;
  comparison: ReportComparison;
  counts: { differ: number; agree: number; notCompared: number };
}

export function ReportComparePanel(props: ReportComparePanelProps): JSX.Element {
  const styles = useStyles();
  const { lang, t } = useLang();
  const input = React.useRef<HTMLInputElement>(null);
  const [result, setResult] = React.useState<Compared | null>(null);
  const [error, setError] = React.useState<UserError | null>(null);
  const [selected, setSelected] = React.useState<number | null>(null);

  const onFile = (list: FileList | null) => {
    const file = list?.[0];
    if (!file) return;
    setError(null);
    setSelected(null);
    // the comparison's code and the .docx reader come as the report is read; what fails is said here, beside the button
    return props.run(t("comparing"), async () => {
      try {
        const [{ compareAnalysed, compareCounts }, blocks] = await Promise.all([compareCommands(), props.readReport(file)]);
        const comparison = compareAnalysed(props.analysis.sheets, props.snapshots, blocks);
        setResult({ name: file.name, comparison, counts: compareCounts(comparison) });
      } catch (e) {
        setResult(null);
        setError(toUserError(e));
      }
      if (input.current) input.current.value = "";
    });
  };

  const c = result?.counts ?? null;
  const summary =
    result && c
      ? result.comparison.figures.length
        ? compareMessage("summary", {
            figures: result.comparison.figures.length,
            differ: c.differ,
            agree: c.agree,
            notCompared: c.notCompared,
          })
        : compareMessage("no-figures")
      : null;
  return (
    <div className={styles.root} data-testid="report-compare">
      <Caption1 className={styles.muted}>{t("compareHint")}</Caption1>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        aria-label={t("compareChoose")}
        data-testid="report-compare-file"
        onChange={(e) => void onFile(e.target.files)}
      />
      <Button icon={<DocumentSearch20Regular />} disabled={props.disabled} onClick={() => input.current?.click()}>
        {t("compareChoose")}
      </Button>
      {error ? (
        <div role="alert" data-testid="report-compare-error">
          <Text className={styles.bad}>{lang === "zh" ? error.zh : error.en}</Text>
          <br />
          <Caption1 className={styles.muted}>{lang === "zh" ? error.en : error.zh}</Caption1>
        </div>
      ) : null}
      {result && summary ? (
        <>
          <Text data-testid="report-compare-summary">
            {result.name}：{summary[lang]}
          </Text>
          <ul className={styles.list} aria-label={t("compareTitle")}>
            {result.comparison.findings.map((f, i) => (
              <li key={i} className={styles.item}>
                <Button
                  appearance="subtle"
                  size="small"
                  className={selected === i ? `${styles.figure} ${styles.selected}` : styles.figure}
                  aria-pressed={selected === i}
                  data-testid="report-compare-finding"
                  onClick={() => {
                    setSelected(i);
                    if (f.cell) props.onSelectCell(f.sheet, f.cell);
                  }}
                >
                  <span className={styles.bad}>✗</span>&nbsp;{f.sheet}!{f.cell ?? "—"}&nbsp;{lang === "zh" ? f.message : f.messageEn}
                </Button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
