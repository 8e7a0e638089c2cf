/** The entries of a findings list: a finding, a group one action fixes, the outcome of the last action in place. */
import * as React from "react";
import { Button, mergeClasses } from "@fluentui/react-components";
import {
  CheckmarkCircle16Filled,
  ErrorCircle16Filled,
  NumberSymbol16Regular,
  Info16Filled,
  Lightbulb16Regular,
  Warning16Filled,
} from "@fluentui/react-icons";
import type { Finding, Severity } from "../../core/findings";
import type { FindingFix } from "../../core/choose";
import { formatNumber } from "../../core/numbers";
import { useLang } from "../components/context";
import { useStyles } from "./styles";
import { findingText } from "../../core/messages";

/** The outcome of the last action, where the person acted; it takes the focus so the keyboard stays there. */
export function ResolvedItem(props: { text: string }): JSX.Element {
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
export function FixItem(props: {
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

export function SeverityIcon(props: { severity: Severity }): JSX.Element {
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

export function FindingItem(props: {
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
  const suggested = f.suggestion ? formatNumber(f.suggestion.value, 4) : null;
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
