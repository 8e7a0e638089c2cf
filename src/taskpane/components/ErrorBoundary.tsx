/**
 * Last line of defence: a rendering error shows a bilingual message and a reload button, never a blank pane.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { translator, type Lang } from "../../core/messages";

interface Props {
  lang: Lang;
  children: React.ReactNode;
}

interface State {
  failed: boolean;
}

export class ErrorBoundary extends React.Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(): void {
    /* nothing is logged remotely; the message below is all the person needs */
  }

  override render(): React.ReactNode {
    if (!this.state.failed) return this.props.children;
    const t = translator(this.props.lang);
    const other = translator(this.props.lang === "zh" ? "en" : "zh");
    return (
      <div style={{ padding: 16 }} role="alert">
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("crashTitle")}</MessageBarTitle>
            {t("crashBody")}
            <div style={{ opacity: 0.8, marginTop: 4 }}>{other("crashBody")}</div>
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => window.location.reload()}>
              {t("reload")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      </div>
    );
  }
}
