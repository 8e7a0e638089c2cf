/**
 * One recognised table's card: kind, name, funds, 总分, 等级, and its findings grouped (what could not be read first,
 * then by severity), one arrow-key navigation group.
 */
import * as React from "react";
import { Badge, Caption1, Card, Subtitle2, Text, mergeClasses, useArrowNavigationGroup } from "@fluentui/react-components";
import { CheckmarkCircle16Filled } from "@fluentui/react-icons";
import type { TableAnalysis } from "../../core/analysis";
import type { Finding, Severity } from "../../core/findings";
import { FIRST_CODES, SEVERITY_ORDER } from "../../core/findings";
import { numberAsTextFix, type FindingFix } from "../../core/choose";
import { formatNumber, formatRate } from "../../core/numbers";
import { useLang } from "../components/context";
import { useStyles } from "./styles";
import { findingKey, type ResultsProps } from "./model";
import { FindingItem, FixItem, ResolvedItem, SeverityIcon } from "./FindingItems";

/** What could not be read comes first (TABLE_PARTIAL, CELL_ERROR: a half-read table never looks clean), then by severity. */
type Section = "unread" | Severity;
const SECTIONS: Section[] = ["unread", "error", "warning", "info"];

export function TableCard(props: ResultsProps & { table: TableAnalysis; index: number }): JSX.Element {
  const styles = useStyles();
  const { t } = useLang();
  const { table } = props;
  const after = props.totalsAfter?.[props.index];
  const ev = after ? { ...table.evaluation, total: after.total, grade: after.grade } : table.evaluation;
  const arrowNav = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  const headingId = `table-${props.index}-title`;
  const indexed = table.findings.map((f, i) => ({ f, key: findingKey(props.index, i) }));
  const sorted = [...indexed].sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity]);
  const fix = React.useMemo(() => numberAsTextFix(table), [table]);
  const fixed = new Set(fix?.findings ?? []);
  const resolvedHere = props.resolved && props.resolved.tableIndex === props.index ? props.resolved : null;
  /** One severity's list: findings, the one-action group at its first finding's place, the last action's outcome. */
  const entriesOf = (section: Section): Entry[] => {
    const sev = section === "unread" ? null : section;
    const out: Entry[] = [];
    let fixAt = -1;
    for (const { f, key } of sorted) {
      const unread = FIRST_CODES.includes(f.code);
      if (section === "unread" ? !unread : unread || f.severity !== sev) continue;
      const i = table.findings.indexOf(f);
      if (fixed.has(f)) {
        if (fixAt < 0) fixAt = i;
        continue;
      }
      out.push({ kind: "finding", f, key, i });
    }
    if (fix && fixAt >= 0) out.push({ kind: "fix", fix, i: fixAt });
    if (resolvedHere && resolvedHere.severity === sev) out.push({ kind: "resolved", text: resolvedHere.text, i: resolvedHere.at - 0.5 });
    return out.sort((a, b) => a.i - b.i);
  };
  const name = table.name ?? table.table.title ?? t("unnamed");
  const gradeColor = ev.grade === "优" ? "success" : ev.grade === "良" ? "brand" : ev.grade === "中" ? "warning" : "danger";

  return (
    <Card className={styles.card} aria-labelledby={headingId} data-testid="table-card">
      <div className={styles.cardHead}>
        <div className={styles.titleRow}>
          <Badge appearance="tint" color="brand" shape="rounded" title={t(`kind.${table.kind}`)}>
            {t(`kindShort.${table.kind}`)}
          </Badge>
          <Subtitle2 as="h3" id={headingId} className={styles.name} title={name}>
            {name}
          </Subtitle2>
        </div>
        <Caption1 className={styles.muted}>
          {t(`kind.${table.kind}`)} · {t("sheetLabel")}「{table.sheet}」
        </Caption1>
      </div>

      {ev.funds.length > 0 ? (
        <table className={styles.funds} aria-label={t("funds")}>
          <thead>
            <tr>
              <th className={mergeClasses(styles.th, styles.thLabel)} scope="col">
                {t("funds")}
              </th>
              <th className={styles.th} scope="col">
                {t("budget")}
              </th>
              <th className={styles.th} scope="col">
                {t("executed")}
              </th>
              <th className={styles.th} scope="col">
                {t("rate")}
              </th>
            </tr>
          </thead>
          <tbody>
            {ev.funds.map((f, i) => (
              <tr key={i}>
                <th className={mergeClasses(styles.td, styles.tdLabel)} scope="row" title={f.label}>
                  {f.label.replace(/^其中[：:]/, "")}
                </th>
                <td className={styles.td}>{formatNumber(f.budget ?? f.initial, 4)}</td>
                <td className={styles.td}>{formatNumber(f.executed, 4)}</td>
                <td className={styles.td}>{formatRate(f.rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {table.kind !== "summary" ? (
        <div className={styles.scoreRow} data-testid="score-row">
          <div className={styles.metric}>
            <Caption1 className={styles.muted}>{after ? t("totalChosen") : t("totalAfter")}</Caption1>
            <span className={styles.metricValue} data-testid="total">
              {formatNumber(ev.total, 2)}
            </span>
          </div>
          <div className={styles.metric}>
            <Caption1 className={styles.muted}>{t("grade")}</Caption1>
            <span className={styles.metricValue}>
              {ev.grade ? (
                <Badge size="large" appearance="filled" color={gradeColor} data-testid="grade">
                  {t(`gradeName.${ev.grade}`)}
                </Badge>
              ) : (
                "—"
              )}
            </span>
          </div>
          {ev.executionRate !== null ? (
            <div className={styles.metric}>
              <Caption1 className={styles.muted}>{t("rate")}</Caption1>
              <span className={styles.metricValue}>{formatRate(ev.executionRate)}</span>
            </div>
          ) : null}
          <Caption1 className={styles.muted} style={{ marginLeft: "auto" }}>
            {t("weightSum", { n: formatNumber(ev.weightSum, 2) })}
          </Caption1>
        </div>
      ) : null}

      {sorted.length === 0 && !resolvedHere ? (
        <div className={styles.ok}>
          <CheckmarkCircle16Filled />
          <Text>{t("noFindings")}</Text>
        </div>
      ) : (
        <div {...arrowNav} data-testid="findings">
          {SECTIONS.map((section) => {
            const entries = entriesOf(section);
            if (entries.length === 0) return null;
            const count = entries.reduce((n, e) => n + (e.kind === "finding" ? 1 : e.kind === "fix" ? e.fix.findings.length : 0), 0);
            const groupId = `table-${props.index}-${section}`;
            return (
              <div key={section} data-testid="finding-section" data-section={section}>
                <div className={styles.groupTitle} id={groupId}>
                  <SeverityIcon severity={section === "unread" ? "warning" : section} />
                  {section === "unread" ? t("unreadTitle") : t(`severity.${section}`)}（{count}）
                </div>
                <ul className={styles.list} aria-labelledby={groupId}>
                  {entries.map((e) =>
                    e.kind === "finding" ? (
                      <FindingItem
                        key={e.key}
                        findingKey={e.key}
                        finding={e.f}
                        selected={props.selected === e.key}
                        disabled={props.disabled}
                        onSelect={() => props.onSelect(e.f, e.key)}
                        onAdopt={() => props.onAdopt(table, e.f, { tableIndex: props.index, at: e.i, severity: e.f.severity })}
                      />
                    ) : e.kind === "fix" ? (
                      <FixItem
                        key={`fix-${e.i}`}
                        fix={e.fix}
                        disabled={props.disabled || !props.onFix}
                        selected={props.selected}
                        keyOf={(f) => findingKey(props.index, table.findings.indexOf(f))}
                        onSelect={props.onSelect}
                        onFix={() =>
                          props.onFix?.(table, e.fix, { tableIndex: props.index, at: e.i, severity: e.fix.findings[0].severity })
                        }
                      />
                    ) : (
                      <ResolvedItem key="resolved" text={e.text} />
                    ),
                  )}
                </ul>
              </div>
            );
          })}
        </div>
      )}
    </Card>
  );
}

type Entry =
  | { kind: "finding"; f: Finding; key: string; i: number }
  | { kind: "fix"; fix: FindingFix; i: number }
  | { kind: "resolved"; text: string; i: number };
