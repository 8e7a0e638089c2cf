/**
 * 生成报告 on a table whose figures differ from the rule's: before anything is written the pane
 * lists each differing figure — where it is, what the table says, what the rule says — and lets the person choose
 * 先填充再生成 (open the fill preview) or 按表中数字生成 (the report states the table's own figures). Nothing is
 * written until one is chosen; the first button takes the focus, Escape cancels.
 */
import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { TableReport } from "../../app/commands/report";
import { useLang } from "../components/context";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorPaletteYellowBorder2}`,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ReportDifferencesProps {
  /** The reports waiting (the spreadsheet pane's TableReports, the Word pane's chosen table): only their differences are read. */
  reports: Pick<TableReport, "differences">[];
  disabled: boolean;
  onFillFirst(): void;
  onAsIs(): void;
  onCancel(): void;
}

export function ReportDifferences(props: ReportDifferencesProps): JSX.Element {
  const styles = useStyles();
  const { t } = useLang();
  const first = React.useRef<HTMLButtonElement>(null);
  // the panel appears while the check that found the differences is still finishing (its buttons disabled):
  // the first choice takes the focus once, as soon as it can
  const focused = React.useRef(false);
  React.useEffect(() => {
    if (props.disabled || focused.current) return;
    focused.current = true;
    first.current?.focus();
  }, [props.disabled]);
  const differences = props.reports.flatMap((r) => r.differences);
  const labelId = "report-differences-label";
  return (
    <div
      className={styles.root}
      role="alertdialog"
      aria-labelledby={labelId}
      data-testid="report-differences"
      onKeyDown={(e) => {
        if (e.key === "Escape") props.onCancel();
      }}
    >
      <Text weight="semibold" id={labelId}>
        {t("reportDiffers", { n: differences.length })}
      </Text>
      <ul className={styles.list}>
        {differences.map((d) => (
          <li key={`${d.sheet}!${d.cell}`} data-testid="report-difference" data-cell={d.cell}>
            {d.label}（{d.sheet}!{d.cell}）：{d.stated} → {d.rule}
          </li>
        ))}
      </ul>
      <Text size={200}>{t("reportDiffersHint")}</Text>
      <div className={styles.buttons}>
        <Button ref={first} appearance="primary" disabled={props.disabled} onClick={props.onFillFirst}>
          {t("reportFillFirst")}
        </Button>
        <Button disabled={props.disabled} onClick={props.onAsIs}>
          {t("reportAsIs")}
        </Button>
        <Button appearance="subtle" disabled={props.disabled} onClick={props.onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </div>
  );
}
