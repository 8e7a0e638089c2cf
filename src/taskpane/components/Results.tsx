/**
 * 检查 results: one card per recognised table (kind, name, funds, 总分, 等级) with its findings grouped by
 * severity; sheets with no table show the engine's reason. Clicking a finding selects its cell; a finding with a
 * suggestion offers 采纳建议. The findings list is one arrow-key navigation group.
 */
import * as React from "react";
import {
  Badge,
  Button,
  Caption1,
  Card,
  Subtitle2,
  Text,
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  tokens,
  useArrowNavigationGroup,
} from "@fluentui/react-components";
import {
  CheckmarkCircle16Filled,
  ErrorCircle16Filled,
  NumberSymbol16Regular,
  Info16Filled,
  Lightbulb16Regular,
  Warning16Filled,
} from "@fluentui/react-icons";
import type { SheetAnalysis, TableAnalysis, WorkbookAnalysis } from "../../core/analysis";
import type { Finding, Severity } from "../../core/findings";
import { FIRST_CODES, SEVERITY_ORDER } from "../../core/findings";
import { findingText } from "../../core/messages";
import { numberAsTextFix, type FindingFix } from "../../core/choose";
import { useLang } from "./context";
import { fmtNumber, fmtRate, fmtScore } from "../format";
import { summarize } from "../../app/workflow";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  summary: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  card: { padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalS },
  cardHead: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  titleRow: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  name: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  funds: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: "right",
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground3,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: "nowrap",
  },
  thLabel: { textAlign: "left" },
  td: {
    textAlign: "right",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
  },
  tdLabel: { textAlign: "left", whiteSpace: "normal", maxWidth: "120px", overflow: "hidden", textOverflow: "ellipsis" },
  scoreRow: {
    display: "flex",
    alignItems: "baseline",
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  metric: { display: "flex", flexDirection: "column" },
  metricValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  groupTitle: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    marginTop: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
  },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, margin: 0, padding: 0 },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `3px solid transparent`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  itemError: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  itemWarning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  itemInfo: { borderLeftColor: tokens.colorNeutralStroke1 },
  itemSelected: { backgroundColor: tokens.colorBrandBackground2 },
  findingButton: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    width: "100%",
    textAlign: "left",
    border: "none",
    background: "transparent",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":active": { backgroundColor: tokens.colorSubtleBackgroundPressed },
    ...createFocusOutlineStyle(),
  },
  icon: { flexShrink: 0, marginTop: "2px" },
  iconError: { color: tokens.colorPaletteRedForeground1 },
  iconWarning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  iconInfo: { color: tokens.colorBrandForeground1 },
  findingText: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  meta: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100 },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorBrandForeground1 },
  adopt: { alignSelf: "flex-start", marginLeft: "28px", marginBottom: tokens.spacingVerticalXS },
  ok: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, color: tokens.colorPaletteGreenForeground1 },
  noTable: { padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalXXS },
  fixRow: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXS} 28px`,
  },
  fixCells: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXS} 28px`,
  },
  fixCell: {
    listStyle: "none",
  },
  cellChip: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    background: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusSmall,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorBrandForeground1,
    padding: "0 4px",
    cursor: "pointer",
    ...createFocusOutlineStyle(),
  },
  resolved: {
    listStyle: "none",
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `3px solid ${tokens.colorPaletteGreenBorder2}`,
    backgroundColor: tokens.colorPaletteGreenBackground1,
    color: tokens.colorNeutralForeground1,
    ...createFocusOutlineStyle(),
  },
});

/** Where in the list an action happened: the table's card, and the finding's index in table.findings. */
export interface ListPlace {
  tableIndex: number;
  at: number;
  severity: Severity;
}

/** What an action did, shown in the list where the person acted (and focused there). */
export interface Resolved extends ListPlace {
  text: string;
}

export interface ResultsProps {
  analysis: WorkbookAnalysis;
  selected: string | null;
  disabled: boolean;
  onSelect(finding: Finding, key: string): void;
  onAdopt(table: TableAnalysis, finding: Finding, place: ListPlace): void;
  /** Findings that one action fixes (NUMBER_AS_TEXT): the action's plan. */
  onFix?(table: TableAnalysis, fix: FindingFix, place: ListPlace): void;
  /** The outcome of the last action, shown in place of what it fixed. */
  resolved?: Resolved | null;
}

export function findingKey(tableIndex: number, index: number): string {
  return `${tableIndex}:${index}`;
}

export function Results(props: ResultsProps): JSX.Element {
  const styles = useStyles();
  const { t } = useLang();
  const s = summarize(props.analysis);
  let tableIndex = 0;
  return (
    <section className={styles.root} aria-label={t("resultsTitle")} data-testid="results" data-profile={props.analysis.profile}>
      <div className={styles.summary} aria-live="polite">
        <Subtitle2>{t("tables", { n: s.tables })}</Subtitle2>
        <Badge appearance="filled" color="danger" shape="rounded">
          {t("severity.error")} {s.bySeverity.error}
        </Badge>
        <Badge appearance="filled" color="warning" shape="rounded">
          {t("severity.warning")} {s.bySeverity.warning}
        </Badge>
        <Badge appearance="tint" color="informative" shape="rounded">
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
  const { lang, t } = useLang();
  const reason = lang === "zh" ? props.sheet.reason : (props.sheet.reasonEn ?? props.sheet.reason);
  return (
    <Card className={styles.noTable} appearance="subtle" data-testid="no-table">
      <Text weight="semibold">{t("noTable", { sheet: props.sheet.sheet })}</Text>
      {reason ? <Caption1 className={styles.muted}>{reason}</Caption1> : null}
    </Card>
  );
}

/** What could not be read comes first (TABLE_PARTIAL, CELL_ERROR: a half-read table never looks clean), then by severity. */
type Section = "unread" | Severity;
const SECTIONS: Section[] = ["unread", "error", "warning", "info"];

function TableCard(props: ResultsProps & { table: TableAnalysis; index: number }): JSX.Element {
  const styles = useStyles();
  const { t } = useLang();
  const { table } = props;
  const ev = table.evaluation;
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
                <td className={styles.td}>{fmtNumber(f.budget ?? f.initial)}</td>
                <td className={styles.td}>{fmtNumber(f.executed)}</td>
                <td className={styles.td}>{fmtRate(f.rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {table.kind !== "summary" ? (
        <div className={styles.scoreRow} data-testid="score-row">
          <div className={styles.metric}>
            <Caption1 className={styles.muted}>{t("totalAfter")}</Caption1>
            <span className={styles.metricValue} data-testid="total">
              {fmtScore(ev.total)}
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
              <span className={styles.metricValue}>{fmtRate(ev.executionRate)}</span>
            </div>
          ) : null}
          <Caption1 className={styles.muted} style={{ marginLeft: "auto" }}>
            {t("weightSum", { n: fmtNumber(ev.weightSum, 2) })}
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

/** The outcome of the last action, where the person acted; it takes the focus so the keyboard stays there. */
function ResolvedItem(props: { text: string }): JSX.Element {
  const styles = useStyles();
  const ref = React.useRef<HTMLLIElement>(null);
  React.useEffect(() => {
    ref.current?.focus();
  }, [props.text]);
  return (
    <li ref={ref} className={styles.resolved} tabIndex={-1} role="status" data-testid="resolved-notice">
      <CheckmarkCircle16Filled className={styles.icon} aria-hidden />
      <span>{props.text}</span>
    </li>
  );
}

/** Several findings one action fixes: "6 处文本数字" with one button, and the cells (each selects its cell). */
function FixItem(props: {
  fix: FindingFix;
  disabled: boolean;
  selected: string | null;
  keyOf(f: Finding): string;
  onSelect(f: Finding, key: string): void;
  onFix(): void;
}): JSX.Element {
  const styles = useStyles();
  const { lang, t } = useLang();
  const n = props.fix.findings.length;
  const first = props.fix.findings[0];
  const firstKey = props.keyOf(first);
  const anySelected = props.fix.findings.some((f) => props.keyOf(f) === props.selected);
  return (
    <li
      className={mergeClasses(styles.item, styles.itemInfo, anySelected && styles.itemSelected)}
      data-testid="finding-fix"
      data-code={props.fix.code}
      data-count={n}
      style={{ listStyle: "none" }}
    >
      <button
        type="button"
        className={styles.findingButton}
        onClick={() => props.onSelect(first, firstKey)}
        title={findingText(t, first, lang)}
      >
        <NumberSymbol16Regular className={mergeClasses(styles.icon, styles.iconInfo)} aria-hidden />
        <span className={styles.findingText}>
          <span>{t("numberFixTitle", { n })}</span>
          <span className={styles.meta}>
            <span className={styles.code}>{props.fix.code}</span>
          </span>
        </span>
      </button>
      <ul className={styles.fixCells} aria-label={t("showCells")}>
        {props.fix.findings.map((f) => (
          // each grouped finding stays a finding element of its own (its cell, code and severity), reachable by itself
          <li
            key={f.cell ?? ""}
            className={styles.fixCell}
            data-testid="finding"
            data-finding-key={props.keyOf(f)}
            data-code={f.code}
            data-cell={f.cell ?? ""}
            data-severity={f.severity}
          >
            <button
              type="button"
              className={styles.cellChip}
              data-testid="fix-cell"
              data-cell={f.cell ?? ""}
              aria-current={props.keyOf(f) === props.selected ? "true" : undefined}
              title={findingText(t, f, lang)}
              onClick={() => props.onSelect(f, props.keyOf(f))}
            >
              {f.cell}
            </button>
          </li>
        ))}
      </ul>
      <div className={styles.fixRow}>
        <Button
          size="small"
          appearance="secondary"
          disabled={props.disabled}
          onClick={props.onFix}
          aria-label={t("numberFixName", { n })}
          data-testid="fix-button"
        >
          {t("numberFixAction")}
        </Button>
      </div>
    </li>
  );
}

function SeverityIcon(props: { severity: Severity }): JSX.Element {
  const styles = useStyles();
  switch (props.severity) {
    case "error":
      return <ErrorCircle16Filled className={mergeClasses(styles.icon, styles.iconError)} aria-hidden />;
    case "warning":
      return <Warning16Filled className={mergeClasses(styles.icon, styles.iconWarning)} aria-hidden />;
    default:
      return <Info16Filled className={mergeClasses(styles.icon, styles.iconInfo)} aria-hidden />;
  }
}

function FindingItem(props: {
  findingKey: string;
  finding: Finding;
  selected: boolean;
  disabled: boolean;
  onSelect(): void;
  onAdopt(): void;
}): JSX.Element {
  const styles = useStyles();
  const { lang, t } = useLang();
  const f = props.finding;
  const message = findingText(t, f, lang);
  const sevClass = f.severity === "error" ? styles.itemError : f.severity === "warning" ? styles.itemWarning : styles.itemInfo;
  const suggested = f.suggestion ? fmtNumber(f.suggestion.value, 4) : null;
  return (
    <li
      className={mergeClasses(styles.item, sevClass, props.selected && styles.itemSelected)}
      data-testid="finding"
      data-finding-key={props.findingKey}
      data-code={f.code}
      data-cell={f.cell ?? ""}
      data-severity={f.severity}
      style={{ listStyle: "none" }}
    >
      <button
        type="button"
        className={styles.findingButton}
        onClick={props.onSelect}
        aria-current={props.selected ? "true" : undefined}
        title={f.cell ? `${t("selectCellHint")} ${f.cell}` : undefined}
      >
        <SeverityIcon severity={f.severity} />
        <span className={styles.findingText}>
          <span>{message}</span>
          <span className={styles.meta}>
            <span className={styles.cell}>{f.cell ? `${t("cellLabel")} ${f.cell}` : t("noCell")}</span>
            <span className={styles.code}>{f.code}</span>
          </span>
        </span>
      </button>
      {f.suggestion ? (
        <Button
          className={styles.adopt}
          size="small"
          appearance="secondary"
          icon={<Lightbulb16Regular />}
          disabled={props.disabled}
          onClick={props.onAdopt}
          title={t("adoptHint", { value: suggested ?? "" })}
        >
          {t("adopt")}（{suggested}）
        </Button>
      ) : null}
    </li>
  );
}
