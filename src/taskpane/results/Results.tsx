/**
 * 检查 results: one card per recognised table (kind, name, funds, 总分, 等级) with its findings grouped by
 * severity; sheets with no table show the engine's reason. Clicking a finding selects its cell; a finding with a
 * suggestion offers 采纳建议. The findings list is one arrow-key navigation group.
 */
import * as React from "react";
import { Badge, Caption1, Card, Subtitle2, Text } from "@fluentui/react-components";
import type { SheetAnalysis } from "../../core/analysis";
import { useLang } from "../components/context";
import { summarize } from "../../app/commands";
import { noTableText } from "../../core/messages";
import { useStyles } from "./styles";
import { TableCard } from "./TableCard";
import type { ResultsProps } from "./model";

export { findingKey, type ListPlace, type Resolved, type ResultsProps } from "./model";

export function Results(props: ResultsProps): JSX.Element {
  const styles = useStyles();
  const { t } = useLang();
  const s = summarize(props.analysis);
  let tableIndex = 0;
  return (
    <section className={styles.root} aria-label={t("resultsTitle")} data-testid="results" data-profile={props.analysis.profile}>
      <div className={styles.summary} aria-live="polite">
        <Subtitle2>{t("tables", { n: s.tables })}</Subtitle2>
        {/* a zero count is no alarm: shown quietly, never in red */}
        <Badge
          appearance={s.bySeverity.error ? "filled" : "outline"}
          color={s.bySeverity.error ? "danger" : "subtle"}
          shape="rounded"
          data-testid="count-error"
        >
          {t("severity.error")} {s.bySeverity.error}
        </Badge>
        <Badge
          appearance={s.bySeverity.warning ? "filled" : "outline"}
          color={s.bySeverity.warning ? "warning" : "subtle"}
          shape="rounded"
          data-testid="count-warning"
        >
          {t("severity.warning")} {s.bySeverity.warning}
        </Badge>
        <Badge appearance={s.bySeverity.info ? "tint" : "outline"} color={s.bySeverity.info ? "informative" : "subtle"} shape="rounded">
          {t("severity.info")} {s.bySeverity.info}
        </Badge>
      </div>
      {props.analysis.sheets.map((sheet) =>
        sheet.tables.length === 0 ? (
          <NoTable key={`s-${sheet.sheet}`} sheet={sheet} />
        ) : (
          sheet.tables.map((table) => {
            const i = tableIndex++;
            return <TableCard key={`t-${i}`} index={i} table={table} {...props} />;
          })
        ),
      )}
    </section>
  );
}

function NoTable(props: { sheet: SheetAnalysis }): JSX.Element {
  const styles = useStyles();
  const { t } = useLang();
  const reason = props.sheet.reason ? noTableText(t, props.sheet.reason) : null;
  return (
    <Card className={styles.noTable} appearance="subtle" data-testid="no-table">
      <Text weight="semibold">{t("noTable", { sheet: props.sheet.sheet })}</Text>
      {reason ? <Caption1 className={styles.muted}>{reason}</Caption1> : null}
    </Card>
  );
}
