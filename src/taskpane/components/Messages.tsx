/** Progress and message bars shared by both pane modes. */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Dismiss20Regular } from "@fluentui/react-icons";
import type { UserError } from "../../core/errors";
import type { BusyState } from "./useRunner";
import { useLang } from "./context";

const useStyles = makeStyles({
  busy: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
  },
  secondary: { color: tokens.colorNeutralForeground3, marginTop: tokens.spacingVerticalXXS },
});

export function BusyIndicator(props: { busy: BusyState | null }): JSX.Element | null {
  const styles = useStyles();
  if (!props.busy) return null;
  const { label, fraction } = props.busy;
  return (
    <div className={styles.busy} role="status" aria-live="polite" data-testid="busy">
      <Spinner size="tiny" label={label} labelPosition="after" />
      <ProgressBar value={fraction ?? undefined} thickness="medium" aria-label={label} />
    </div>
  );
}

export function ErrorBar(props: { error: UserError | null; onDismiss: () => void }): JSX.Element | null {
  const styles = useStyles();
  const { lang, t } = useLang();
  if (!props.error) return null;
  const primary = lang === "zh" ? props.error.zh : props.error.en;
  const secondary = lang === "zh" ? props.error.en : props.error.zh;
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-testid="error-bar">
      <MessageBarBody>
        <MessageBarTitle>{t("errorTitle")}</MessageBarTitle>
        {primary}
        <div className={styles.secondary}>{secondary}</div>
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button aria-label={t("dismiss")} appearance="transparent" icon={<Dismiss20Regular />} onClick={props.onDismiss} />
        }
      />
    </MessageBar>
  );
}

export function NoticeBar(props: {
  intent: "success" | "info" | "warning";
  text: string | null;
  onDismiss?: () => void;
  testId?: string;
  /** Take the focus when shown (the control the person used is gone, e.g. the preview after 应用). */
  focus?: boolean;
  /** What the person can do next, as buttons inside the notice (after a fill: 下载, 生成报告). */
  actions?: React.ReactNode;
}): JSX.Element | null {
  const { t } = useLang();
  const ref = React.useRef<HTMLDivElement>(null);
  // where the eye is: a new notice comes into view (below the sticky toolbar), and takes the focus when asked
  React.useEffect(() => {
    if (!props.text) return;
    ref.current?.scrollIntoView?.({ block: "nearest" });
    if (props.focus) ref.current?.focus({ preventScroll: true });
  }, [props.focus, props.text]);
  if (!props.text) return null;
  return (
    <MessageBar
      ref={ref}
      intent={props.intent}
      layout="multiline"
      data-testid={props.testId ?? "notice"}
      tabIndex={props.focus ? -1 : undefined}
      role={props.focus ? "status" : undefined}
      style={{ scrollMarginTop: "64px" }}
      // Escape closes a notice the focus is in (as it closes the preview)
      onKeyDown={(e: React.KeyboardEvent) => {
        if (e.key === "Escape" && props.onDismiss) {
          e.preventDefault();
          props.onDismiss();
        }
      }}
    >
      <MessageBarBody>
        {props.text}
        {props.actions ? <div style={{ display: "flex", flexWrap: "wrap", gap: "8px", marginTop: "6px" }}>{props.actions}</div> : null}
      </MessageBarBody>
      {props.onDismiss ? (
        <MessageBarActions
          containerAction={
            <Button aria-label={t("dismiss")} appearance="transparent" icon={<Dismiss20Regular />} onClick={props.onDismiss} />
          }
        />
      ) : null}
    </MessageBar>
  );
}
