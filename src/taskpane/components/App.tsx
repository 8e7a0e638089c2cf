/**
 * The task pane's frame: Fluent provider, language, header with 设置, error boundary, and the content for
 * the host — Excel (ExcelHost), Word (WordPane) or the standalone page (file picker + FileHost).
 */
import * as React from "react";
import { Button, Caption1, FluentProvider, Title3, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { Settings20Regular } from "@fluentui/react-icons";
import type { ProfileId } from "../../core/profiles";
import type { UserError } from "../../core/errors";
import { detectLang, translator, type Lang } from "../../core/messages";
import { loadLangChoice, loadProfile, saveLangChoice, saveProfile, type LastCommand } from "../../app/settings";
import { LangContext } from "./context";
import { ErrorBoundary } from "./ErrorBoundary";
import { SettingsPanel } from "./SettingsPanel";
import type { IssueListWriter } from "../file/BatchPanel";
import { SpreadsheetPane } from "../spreadsheet/SpreadsheetPane";
import type { ReportBlock } from "../../core/compare";
import type { Progress, SpreadsheetHost } from "../../host/host";
import type { ReportFileWriter } from "../../host/document";
import { ErrorBar } from "./Messages";

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  page: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    maxWidth: "720px",
    margin: "0 auto",
    boxSizing: "border-box",
  },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
  logo: { width: "32px", height: "32px", flexShrink: 0 },
  titles: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  subtitle: { color: tokens.colorNeutralForeground3, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
});

export type PaneMode =
  | { kind: "excel"; host: SpreadsheetHost; startupError?: UserError | null; reportWriter?: ReportFileWriter }
  | { kind: "word"; render: (lang: Lang) => React.ReactNode }
  | {
      kind: "file";
      /** Opens a chosen file; progress while it is read (the standalone page reads it in a worker). */
      openFile: (file: File, onProgress?: Progress) => Promise<SpreadsheetHost>;
      reportWriter?: ReportFileWriter;
      /** Writes the batch's 问题清单.xlsx (the entry brings the xlsx adapter). */
      issueList?: IssueListWriter;
      /** Reads a .docx for 对照报告 (the entry brings the reader). */
      readReport?: (file: File) => Promise<ReportBlock[]>;
    }
  | { kind: "failed"; error: UserError };

export interface AppProps {
  mode: PaneMode;
  /** Office.context.displayLanguage, when inside Office. */
  officeLanguage?: string | null;
  browserLanguage?: string | null;
  lastCommand?: LastCommand | null;
  /** Replaces the browser download (tests). */
  saveBytes?(bytes: Uint8Array, name: string, mime?: string): void;
  /** Every catalogue entry said as its key (the pseudo-locale test finds text that bypasses the catalogue). */
  pseudo?: boolean;
}

export function App(props: AppProps): JSX.Element {
  const styles = useStyles();
  const [langChoice, setLangChoice] = React.useState<Lang | "auto">(() => loadLangChoice());
  const [profile, setProfile] = React.useState<ProfileId>(() => loadProfile());
  const [showSettings, setShowSettings] = React.useState(false);
  const lang = detectLang(langChoice, props.officeLanguage, props.browserLanguage);
  const t = translator(props.pseudo ? "pseudo" : lang);

  React.useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.title = t("appName");
  }, [lang, t]);

  const mode = props.mode;
  const subtitle = mode.kind === "excel" ? (mode.host.fileName ?? t("tagline")) : t("tagline");

  return (
    <FluentProvider theme={webLightTheme} className={styles.provider} lang={lang === "zh" ? "zh-CN" : "en"}>
      <LangContext.Provider value={{ lang, t }}>
        <ErrorBoundary lang={lang}>
          <main className={styles.page}>
            <header className={styles.header}>
              <img className={styles.logo} src="assets/icon-32.png" alt="" />
              <div className={styles.titles}>
                <Title3 as="h1">{t("appName")}</Title3>
                <Caption1 className={styles.subtitle} title={subtitle}>
                  {subtitle}
                </Caption1>
              </div>
              {mode.kind !== "word" ? (
                <Button
                  appearance="subtle"
                  icon={<Settings20Regular />}
                  aria-label={t("settings")}
                  aria-expanded={showSettings}
                  aria-controls="settings-panel"
                  title={t("settings")}
                  onClick={() => setShowSettings((v) => !v)}
                />
              ) : null}
            </header>

            {showSettings && mode.kind !== "word" ? (
              <SettingsPanel
                id="settings-panel"
                profile={profile}
                langChoice={langChoice}
                disabled={false}
                onProfile={(id) => {
                  setProfile(id);
                  saveProfile(id);
                }}
                onLang={(c) => {
                  setLangChoice(c);
                  saveLangChoice(c);
                }}
              />
            ) : null}

            {mode.kind === "excel" ? (
              <SpreadsheetPane
                mode="excel"
                host={mode.host}
                profile={profile}
                lastCommand={props.lastCommand}
                startupError={mode.startupError ?? null}
                reportWriter={mode.reportWriter}
              />
            ) : mode.kind === "file" ? (
              <SpreadsheetPane
                mode="file"
                host={null}
                openFile={mode.openFile}
                profile={profile}
                saveBytes={props.saveBytes}
                reportWriter={mode.reportWriter}
                issueList={mode.issueList}
                readReport={mode.readReport}
              />
            ) : mode.kind === "word" ? (
              mode.render(lang)
            ) : (
              <ErrorBar error={mode.error} onDismiss={() => undefined} />
            )}
          </main>
        </ErrorBoundary>
      </LangContext.Provider>
    </FluentProvider>
  );
}
