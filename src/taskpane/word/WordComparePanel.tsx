/**
 * 对照报告 in Word: the open document (a report the person wrote, or ours after their edits) against the linked
 * workbook. The document's paragraphs and table cells are read through the ReportTextHost port, compared by the app
 * (src/app/compare.ts), and each differing figure is listed; selecting one selects it in the document.
 */
import * as React from "react";
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { compareAnalysed, type ReportComparison } from "../../app/commands/compare";
import { compareCounts } from "../../core/compare";
import { compareMessage, translator, type Lang } from "../../core/messages";
import type { ReportTextHost } from "../../host/document";
import type { LinkedWorkbook } from "./wordModel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  item: { listStyle: "none" },
  figure: { textAlign: "start", justifyContent: "flex-start", whiteSpace: "normal", height: "auto", fontWeight: tokens.fontWeightRegular },
  muted: { color: tokens.colorNeutralForeground3 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

export interface WordComparePanelProps {
  lang: Lang;
  book: LinkedWorkbook;
  text: ReportTextHost;
  disabled: boolean;
  /** Runs an action with the pane's busy state and error bar. */
  run(label: string, action: () => Promise<void>): Promise<void>;
}

export function WordComparePanel(props: WordComparePanelProps): JSX.Element {
  const styles = useStyles();
  const t = translator(props.lang);
  const [result, setResult] = React.useState<ReportComparison | null>(null);
  const onCompare = () =>
    props.run(t("compareTitle"), async () => {
      const blocks = await props.text.readBlocks();
      setResult(compareAnalysed(props.book.sheets, props.book.snapshots, blocks, null, props.book.fileName));
    });
  const c = result ? compareCounts(result) : null;
  const summary =
    result && c
      ? result.figures.length
        ? compareMessage("summary", { figures: result.figures.length, differ: c.differ, agree: c.agree, notCompared: c.notCompared })
        : compareMessage("no-figures")
      : null;
  return (
    <div className={styles.root} data-testid="word-compare">
      <Button disabled={props.disabled} onClick={() => void onCompare()}>
        {t("compareTitle")}
      </Button>
      {summary ? <Text data-testid="word-compare-summary">{summary[props.lang]}</Text> : null}
      {result && result.findings.length ? (
        <ul className={styles.list} aria-label={t("compareTitle")}>
          {result.findings.map((f, i) => {
            const fig = result.figures[f.figure];
            return (
              <li key={i} className={styles.item}>
                <Button
                  appearance="subtle"
                  size="small"
                  className={styles.figure}
                  data-testid="word-compare-finding"
                  onClick={() => void props.run(t("compareTitle"), async () => void (await props.text.selectFigure(fig.block, fig.stated)))}
                >
                  <span className={styles.bad}>✗</span>&nbsp;{props.lang === "zh" ? f.message : f.messageEn}
                </Button>
              </li>
            );
          })}
        </ul>
      ) : result ? (
        <Caption1 className={styles.muted}>{t("compareHint")}</Caption1>
      ) : null}
    </div>
  );
}
