/**
 * The Word side of the task pane: 链接工作簿 (the person chooses the .xlsx; it is read here, in the pane), pick the
 * table if several, 写入报告, 刷新; shows the link stored in the document and the numbers that changed.
 * One rule with the spreadsheet pane, the ribbon and the CLI: when the table's figures differ from the
 * rule, 写入报告 and 刷新 first list each difference and wait for 先填充再生成 (the linked workbook's copy is filled
 * by the rule, offered for saving, and the report states the filled figures) or 按表中数字生成 (the table's own).
 * Chinese first; English when Office's display language is not Chinese.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Divider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ProfileId } from "../../core/profiles";
import { findingText, translator, userError } from "../../core/messages";
import { differenceLine, type ReportLink } from "../../core/narrative";
import type { RefreshResult } from "../../core/narrative";
import type { ReportDocumentHost, ReportTextHost } from "../../host/document";
import { WordComparePanel } from "./WordComparePanel";
import type { SpreadsheetHost } from "../../host/host";
import { useRunner } from "../components/useRunner";
import { ReportDifferences } from "../report/ReportDifferences";
import { LangContext } from "../components/context";
import { downloadBytes } from "../download";
import {
  changeLine,
  fillLinkedWorkbook,
  linkLine,
  linkWorkbook,
  preselect,
  refreshSummary,
  sameTable,
  type Lang,
  type LinkedWorkbook,
  type OpenWorkbook,
  type TableChoice,
} from "./wordModel";
import { closeHost } from "../file/workerHost";

export interface WordPaneProps {
  /** Display language: Chinese first; English when Office's display language is not Chinese. */
  lang?: Lang;
  /** Where the report is written: the document host port (WordReport in Word, WpsDocumentHost in WPS 文字). */
  report: ReportDocumentHost;
  /** 对照报告: the open document's text (WordReport in Word); no 对照报告 without it. */
  text?: ReportTextHost;
  /** Opens the workbook the person chose as a spreadsheet host: read in a Web Worker, on the page's thread where none starts. */
  openWorkbook: OpenWorkbook;
  profile?: ProfileId;
  /** Makes bytes a file on the person's computer (default: a browser download); the filled workbook of 先填充再生成. */
  saveBytes?(bytes: Uint8Array, name: string): void;
}

/** 写入报告 or 刷新, held while the person chooses which figures the report states. */
type Pending = { action: "write" } | { action: "refresh"; force: boolean };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  muted: { color: tokens.colorNeutralForeground3 },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function WordPane(props: WordPaneProps): JSX.Element {
  const lang: Lang = props.lang ?? "zh";
  const t = translator(lang);
  const styles = useStyles();
  const report = props.report;
  const input = React.useRef<HTMLInputElement>(null);
  const runner = useRunner();
  const { run } = runner;

  const [link, setLink] = React.useState<ReportLink | null>(null);
  const [linkRead, setLinkRead] = React.useState(false);
  const [book, setBook] = React.useState<LinkedWorkbook | null>(null);
  const [host, setHost] = React.useState<SpreadsheetHost | null>(null);
  // the linked workbook's worker ends with the pane
  const hostRef = React.useRef<SpreadsheetHost | null>(null);
  React.useEffect(() => () => closeHost(hostRef.current), []);
  const [pending, setPending] = React.useState<Pending | null>(null);
  const [filledNote, setFilledNote] = React.useState<string | null>(null);
  const [choice, setChoice] = React.useState<string | null>(null);
  const [done, setDone] = React.useState<string | null>(null);
  const [result, setResult] = React.useState<RefreshResult | null>(null);

  React.useEffect(() => {
    void run(t("word.readingLink"), async () => {
      try {
        setLink(await report.readLink());
      } finally {
        setLinkRead(true);
      }
    });
  }, [report, run, t]);

  const table = book?.tables.find((x) => x.key === choice) ?? null;

  const onFile = (file: File) =>
    run(t("word.reading"), async () => {
      setDone(null);
      setResult(null);
      setPending(null);
      setFilledNote(null);
      const { host: opened, book: b } = await linkWorkbook(props.openWorkbook, file, hostRef.current, { profile: props.profile, lang });
      hostRef.current = opened;
      setHost(opened);
      setBook(b);
      setChoice(preselect(b, link));
    });

  // the report's own steps, on the table (and the workbook's name) chosen
  const doWrite = async (x: TableChoice, fileName: string) => {
    setResult(null);
    const stored = await report.write(x.narrative, { fileName, generatedAt: new Date().toISOString() });
    setLink(stored);
    setDone(t("word.written", { sections: x.narrative.sections.length }));
  };
  const doRefresh = async (x: TableChoice, fileName: string, force: boolean) => {
    setDone(null);
    const r = await report.refresh(x.narrative, { force, fileName });
    setResult(r);
    setLink(r.link);
  };
  const perform = (p: Pending, x: TableChoice, fileName: string) =>
    p.action === "write" ? doWrite(x, fileName) : doRefresh(x, fileName, p.force);

  // figures that differ from the rule: nothing is written until the person chooses (the one rule every shell keeps)
  const request = (p: Pending) => {
    if (!table || !book) {
      // the buttons are disabled without a workbook; a refresh asked for anyway says what is missing
      if (p.action === "refresh") void run(t("word.refreshing"), () => Promise.reject(userError("no-workbook")));
      return;
    }
    if (table.differences.length) {
      setDone(null);
      setResult(null);
      setPending(p);
      return;
    }
    void run(p.action === "write" ? t("word.writing") : t("word.refreshing"), () => perform(p, table, book.fileName));
  };
  const write = () => request({ action: "write" });
  const refresh = (force = false) => request({ action: "refresh", force });

  const onAsIs = () => {
    const p = pending;
    setPending(null);
    if (p && table && book)
      void run(p.action === "write" ? t("word.writing") : t("word.refreshing"), () => perform(p, table, book.fileName));
  };
  const onFillFirst = () => {
    const p = pending;
    if (!p || !host || !book) return;
    void run(t("word.filling"), async () => {
      const filled = await fillLinkedWorkbook(host, { profile: props.profile, lang });
      const key = sameTable(filled.book, choice);
      setBook(filled.book);
      setChoice(key);
      setPending(null);
      if (filled.bytes) {
        (props.saveBytes ?? downloadBytes)(filled.bytes, filled.fileName);
        setFilledNote(t("word.filled", { fileName: filled.fileName }));
      }
      const x = filled.book.tables.find((c) => c.key === key)!;
      await perform(p, x, book.fileName);
    });
  };

  const summary = result && table ? refreshSummary(result, table.narrative, lang) : null;

  return (
    <section className={styles.root} aria-label={t("word.region")} data-testid="word-pane">
      <div>
        <Subtitle2 as="h2">{t("word.linked")}</Subtitle2>
        <Body1 as="p" data-testid="link-line">
          {!linkRead ? t("word.readingLink") : link ? linkLine(link, lang) : t("word.noLink")}
        </Body1>
      </div>

      <div className={styles.row}>
        <input
          ref={input}
          type="file"
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t("word.chooseLabel")}
          className={styles.hidden}
          data-testid="word-file-input"
          disabled={runner.running}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = "";
            if (f) void onFile(f);
          }}
        />
        <Button appearance={book ? "secondary" : "primary"} onClick={() => input.current?.click()} disabled={runner.running}>
          {book ? t("word.chooseAgain") : t("word.choose")}
        </Button>
        {book ? (
          <Text weight="semibold" data-testid="word-file-name">
            {book.fileName}
          </Text>
        ) : null}
      </div>
      <Caption1 className={styles.muted}>{t("word.stays")}</Caption1>

      {book && book.tables.length > 1 ? (
        <RadioGroup aria-label={t("word.pick")} value={choice ?? undefined} onChange={(_e, d) => setChoice(d.value)}>
          {book.tables.map((x) => (
            <Radio key={x.key} value={x.key} label={x.label} />
          ))}
        </RadioGroup>
      ) : book ? (
        <Body1 data-testid="word-table">{book.tables[0].label}</Body1>
      ) : null}

      {pending && table ? (
        <LangContext.Provider value={{ lang, t }}>
          <ReportDifferences
            reports={[table]}
            disabled={runner.running}
            onFillFirst={onFillFirst}
            onAsIs={onAsIs}
            onCancel={() => setPending(null)}
          />
        </LangContext.Provider>
      ) : table && table.differences.length ? (
        <MessageBar intent="warning" data-testid="word-differences">
          <MessageBarBody>
            <MessageBarTitle>{t("word.differ")}</MessageBarTitle>
            <ul className={styles.list}>
              {table.differences.map((d) => (
                <li key={d.cell}>
                  <Text size={200}>{differenceLine(d, lang)}</Text>
                </li>
              ))}
            </ul>
            <Text size={200}>{t("word.differHow")}</Text>
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <div className={styles.row}>
        <Button appearance="primary" disabled={!table || !!link || runner.running || !!pending} onClick={write}>
          {t("word.write")}
        </Button>
        <Button disabled={!table || !link || runner.running || !!pending} onClick={() => refresh(false)}>
          {t("word.refresh")}
        </Button>
        {runner.busy && linkRead ? <Spinner size="tiny" label={runner.busy.label} /> : null}
      </div>

      {runner.error ? (
        <MessageBar intent="error" data-testid="word-error">
          <MessageBarBody>
            <MessageBarTitle>{t("word.error")}</MessageBarTitle>
            {lang === "zh" ? runner.error.zh : runner.error.en}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {filledNote ? (
        <MessageBar intent="info" data-testid="word-filled">
          <MessageBarBody>{filledNote}</MessageBarBody>
        </MessageBar>
      ) : null}

      {done ? (
        <MessageBar intent="success" data-testid="word-done">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      ) : null}

      {summary && result ? (
        <MessageBar intent={summary.intent} data-testid="word-refresh">
          <MessageBarBody>
            <MessageBarTitle>{summary.title}</MessageBarTitle>
            {summary.lines.map((l) => (
              <div key={l}>{l}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {result && result.changes.length ? (
        <div>
          <Subtitle2 as="h3">{t("word.changes")}</Subtitle2>
          <ul className={styles.list} data-testid="word-changes">
            {result.changes.map((c) => (
              <li key={`${c.cell}|${c.label}`}>{changeLine(c, lang)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {result && result.edited.length ? (
        <Button appearance="secondary" disabled={runner.running} onClick={() => refresh(true)}>
          {t("word.force")}
        </Button>
      ) : null}

      {table && table.issues.length ? (
        <>
          <Divider />
          <Caption1>{t("word.issues")}</Caption1>
          <ul className={styles.list} data-testid="word-issues">
            {table.issues.map((f, i) => (
              <li key={i}>
                <Text size={200}>
                  {f.cell ? `${f.cell} ` : ""}
                  {findingText(t, f, lang)}
                </Text>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {book && props.text ? (
        <>
          <Divider />
          <WordComparePanel
            lang={lang}
            book={book}
            text={props.text}
            disabled={runner.running}
            run={async (label, action) => void (await run(label, action))}
          />
        </>
      ) : null}
    </section>
  );
}

export default WordPane;
