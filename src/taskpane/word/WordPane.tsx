/**
 * The Word side of the task pane: 链接工作簿 (the person chooses the .xlsx; it is read here, in the pane), pick the
 * table if several, 写入报告, 刷新; shows the link stored in the document and the numbers that changed.
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
import { UserError } from "../../core/errors";
import type { ReportLink } from "../../core/narrative";
import { officeWordRun, WordReport, type RefreshResult } from "../../adapters/word/WordReport";
import type { WordRun } from "../../adapters/word/api";
import type { ReportDocumentHost } from "../../host/document";
import {
  asUserError,
  changeLine,
  linkLine,
  preselect,
  readWorkbook,
  refreshSummary,
  type BookLoader,
  type Lang,
  type LinkedWorkbook,
} from "./wordModel";

export interface WordPaneProps {
  /** Display language: Chinese first; English when Office's display language is not Chinese. */
  lang?: Lang;
  /** Word.run (injectable for tests); defaults to Office's. */
  run?: WordRun;
  /** Where the report is written: WPS 文字's host, or (default) Word's through `run`. */
  report?: ReportDocumentHost;
  /** Reads .xlsx bytes (injectable for tests); defaults to the xlsx adapter, loaded lazily. */
  load?: BookLoader;
  profile?: ProfileId;
}

const STR = {
  zh: {
    linked: "文档链接的工作簿",
    noLink: "本文档还没有由本工具写入的报告。",
    readingLink: "正在读取文档……",
    choose: "链接工作簿…",
    chooseAgain: "更换工作簿…",
    chooseLabel: "选择绩效自评表工作簿（.xlsx）",
    stays: "文件只在本机读取，不会上传。",
    pick: "选择要写入报告的表",
    write: "写入报告",
    refresh: "刷新",
    force: "仍然覆盖我修改过的章节",
    reading: "正在读取工作簿……",
    writing: "正在写入报告……",
    refreshing: "正在刷新……",
    written: (n: number) => `已在文档末尾写入报告（${n} 个章节）。黄色标出的【请补充：……】需要您补写。`,
    issues: "表中仍有以下错误；报告已引用按规则更正后的数值，请在 Excel 中修正工作簿：",
    changes: "变化的数字",
    needFile: "请先链接工作簿，再刷新。",
    error: "出错了",
  },
  en: {
    linked: "Workbook linked to this document",
    noLink: "This document has no report written by this tool yet.",
    readingLink: "Reading the document…",
    choose: "Link workbook…",
    chooseAgain: "Change workbook…",
    chooseLabel: "Choose the self-evaluation workbook (.xlsx)",
    stays: "The file is read on this computer only; nothing is uploaded.",
    pick: "Choose the table to report on",
    write: "Write report",
    refresh: "Refresh",
    force: "Overwrite the sections I edited anyway",
    reading: "Reading the workbook…",
    writing: "Writing the report…",
    refreshing: "Refreshing…",
    written: (n: number) => `The report was written at the end of the document (${n} sections). Fill in the highlighted 【请补充：……】.`,
    issues: "The table still has these errors; the report quotes the numbers corrected by the rules. Correct the workbook in Excel:",
    changes: "Numbers that changed",
    needFile: "Link the workbook first, then refresh.",
    error: "Something went wrong",
  },
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  muted: { color: tokens.colorNeutralForeground3 },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Busy = "link" | "read" | "write" | "refresh" | null;

export function WordPane(props: WordPaneProps): JSX.Element {
  const lang: Lang = props.lang ?? "zh";
  const t = STR[lang];
  const styles = useStyles();
  const report = React.useMemo<ReportDocumentHost>(() => props.report ?? new WordReport(props.run ?? officeWordRun()), [props.report, props.run]);
  const input = React.useRef<HTMLInputElement>(null);

  const [link, setLink] = React.useState<ReportLink | null>(null);
  const [book, setBook] = React.useState<LinkedWorkbook | null>(null);
  const [choice, setChoice] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState<Busy>("link");
  const [error, setError] = React.useState<UserError | null>(null);
  const [done, setDone] = React.useState<string | null>(null);
  const [result, setResult] = React.useState<RefreshResult | null>(null);

  const guard = React.useCallback(async (what: Busy, f: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(asUserError(e));
    } finally {
      setBusy(null);
    }
  }, []);

  React.useEffect(() => {
    void guard("link", async () => setLink(await report.readLink()));
  }, [report, guard]);

  const table = book?.tables.find((x) => x.key === choice) ?? null;

  const onFile = (file: File) =>
    guard("read", async () => {
      setDone(null);
      setResult(null);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const b = await readWorkbook(bytes, file.name, { load: props.load, profile: props.profile, lang });
      setBook(b);
      setChoice(preselect(b, link));
    });

  const write = () =>
    guard("write", async () => {
      if (!table || !book) return;
      setResult(null);
      const stored = await report.write(table.narrative, { fileName: book.fileName, generatedAt: new Date().toISOString() });
      setLink(stored);
      setDone(t.written(table.narrative.sections.length));
    });

  const refresh = (force = false) =>
    guard("refresh", async () => {
      if (!table || !book) throw new UserError(STR.zh.needFile, STR.en.needFile, "no-workbook");
      setDone(null);
      const r = await report.refresh(table.narrative, { force, fileName: book.fileName });
      setResult(r);
      setLink(r.link);
    });

  const summary = result && table ? refreshSummary(result, table.narrative, lang) : null;

  return (
    <section className={styles.root} aria-label={lang === "zh" ? "自评报告" : "Self-evaluation report"} data-testid="word-pane">
      <div>
        <Subtitle2 as="h2">{t.linked}</Subtitle2>
        <Body1 as="p" data-testid="link-line">
          {busy === "link" ? t.readingLink : link ? linkLine(link, lang) : t.noLink}
        </Body1>
      </div>

      <div className={styles.row}>
        <input
          ref={input}
          type="file"
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t.chooseLabel}
          className={styles.hidden}
          data-testid="word-file-input"
          disabled={busy !== null}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = "";
            if (f) void onFile(f);
          }}
        />
        <Button appearance={book ? "secondary" : "primary"} onClick={() => input.current?.click()} disabled={busy !== null}>
          {book ? t.chooseAgain : t.choose}
        </Button>
        {book ? <Text weight="semibold" data-testid="word-file-name">{book.fileName}</Text> : null}
      </div>
      <Caption1 className={styles.muted}>{t.stays}</Caption1>

      {book && book.tables.length > 1 ? (
        <RadioGroup aria-label={t.pick} value={choice ?? undefined} onChange={(_e, d) => setChoice(d.value)}>
          {book.tables.map((x) => (
            <Radio key={x.key} value={x.key} label={x.label} />
          ))}
        </RadioGroup>
      ) : book ? (
        <Body1 data-testid="word-table">{book.tables[0].label}</Body1>
      ) : null}

      <div className={styles.row}>
        <Button appearance="primary" disabled={!table || !!link || busy !== null} onClick={() => void write()}>
          {t.write}
        </Button>
        <Button disabled={!table || !link || busy !== null} onClick={() => void refresh(false)}>
          {t.refresh}
        </Button>
        {busy && busy !== "link" ? (
          <Spinner size="tiny" label={busy === "read" ? t.reading : busy === "write" ? t.writing : t.refreshing} />
        ) : null}
      </div>

      {error ? (
        <MessageBar intent="error" data-testid="word-error">
          <MessageBarBody>
            <MessageBarTitle>{t.error}</MessageBarTitle>
            {lang === "zh" ? error.zh : error.en}
          </MessageBarBody>
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
          <Subtitle2 as="h3">{t.changes}</Subtitle2>
          <ul className={styles.list} data-testid="word-changes">
            {result.changes.map((c) => (
              <li key={`${c.cell}|${c.label}`}>{changeLine(c, lang)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {result && result.edited.length ? (
        <Button appearance="secondary" disabled={busy !== null} onClick={() => void refresh(true)}>
          {t.force}
        </Button>
      ) : null}

      {table && table.issues.length ? (
        <>
          <Divider />
          <Caption1>{t.issues}</Caption1>
          <ul className={styles.list} data-testid="word-issues">
            {table.issues.map((f, i) => (
              <li key={i}>
                <Text size={200}>
                  {f.cell ? `${f.cell} ` : ""}
                  {lang === "zh" ? f.message : f.messageEn}
                </Text>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export default WordPane;
