/**
 * The preview of 标注问题 (the marks a plan would write) and of 清除标注 (the marks the workbook holds): how many
 * cells by severity, then each cell with its sheet, its colour and severity and the finding's first line; 应用 writes,
 * 取消 closes. A row is a button: it selects that cell in the workbook (Excel, WPS). Arrow keys move between rows.
 */
import * as React from "react";
import { Button, Caption1, Card, Subtitle2, makeStyles, tokens, useArrowNavigationGroup } from "@fluentui/react-components";
import { Checkmark20Regular } from "@fluentui/react-icons";
import type { CellMark } from "../../core/marks";
import { countMarks } from "../../app/commands";
import { useLang } from "../components/context";

/** Rows listed at most; the rest are counted (a table with thousands of text numbers stays usable). */
export const MARK_ROWS_SHOWN = 300;

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalS, borderTop: `3px solid ${tokens.colorPaletteRedBorder2}` },
  hint: { color: tokens.colorNeutralForeground3 },
  body: { maxHeight: "46vh", overflowY: "auto" },
  list: { display: "flex", flexDirection: "column", margin: 0, padding: 0 },
  item: { listStyle: "none", borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  row: {
    display: "grid",
    gridTemplateColumns: "auto auto 1fr",
    alignItems: "start",
    columnGap: tokens.spacingHorizontalS,
    width: "100%",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    border: "none",
    background: "none",
    textAlign: "start",
    font: "inherit",
    color: "inherit",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  swatch: {
    display: "inline-flex",
    alignItems: "center",
    gap: "4px",
    padding: "0 6px",
    borderRadius: tokens.borderRadiusSmall,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    fontSize: tokens.fontSizeBase200,
    color: "#201F1E",
    whiteSpace: "nowrap",
  },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
    whiteSpace: "nowrap",
  },
  sheet: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    marginLeft: "4px",
  },
  text: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, minWidth: 0, wordBreak: "break-word" },
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, paddingTop: tokens.spacingVerticalXS },
  count: { color: tokens.colorNeutralForeground3, marginLeft: "auto" },
});

export interface MarksPanelProps {
  kind: "mark" | "clear";
  marks: readonly CellMark[];
  disabled?: boolean;
  onApply(): void;
  onCancel(): void;
  /** A row chosen: show that cell in the workbook. */
  onGoTo?(mark: CellMark): void;
}

/** The note's findings without the author line and the code: what the row shows (the note is what the mark writes). */
export function summary(note: string): string {
  return note
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.replace(/\s*\[[A-Z0-9_]+\]\s*$/, ""))
    .join("；");
}

export const MarksPanel = React.forwardRef<HTMLButtonElement, MarksPanelProps>(function MarksPanel(props, applyRef) {
  const styles = useStyles();
  const { t } = useLang();
  const arrows = useArrowNavigationGroup({ axis: "vertical" });
  const counts = countMarks(props.marks);
  const shown = props.marks.slice(0, MARK_ROWS_SHOWN);
  const titleId = `marks-${props.kind}-title`;
  return (
    <Card className={styles.card} role="region" aria-labelledby={titleId} data-testid={`marks-preview-${props.kind}`}>
      <Subtitle2 id={titleId}>
        {props.kind === "mark" ? t("marks.markTitle", { n: props.marks.length }) : t("marks.clearTitle", { n: props.marks.length })}
        {" · "}
        {t("marks.counts", { errors: counts.error, warnings: counts.warning, infos: counts.info })}
      </Subtitle2>
      <Caption1 className={styles.hint}>{props.kind === "mark" ? t("marks.markHint") : t("marks.clearHint")}</Caption1>
      <div className={styles.body}>
        <ul className={styles.list} {...arrows} aria-label={t("marks.previewLabel")}>
          {shown.map((mark) => (
            <li key={`${mark.sheet}!${mark.cell}`} className={styles.item} data-testid="mark-row">
              <button
                type="button"
                className={styles.row}
                title={t("marks.goTo", { sheet: mark.sheet, cell: mark.cell })}
                disabled={props.disabled}
                onClick={() => props.onGoTo?.(mark)}
              >
                <span className={styles.cell}>
                  {mark.cell}
                  <span className={styles.sheet}>{mark.sheet}</span>
                </span>
                <span className={styles.swatch} style={{ backgroundColor: `#${mark.fill}` }} data-fill={mark.fill}>
                  {t(`marks.severityOne.${mark.severity}`)}
                </span>
                <span className={styles.text}>{summary(mark.note)}</span>
              </button>
            </li>
          ))}
        </ul>
        {props.marks.length > shown.length ? <Caption1>{t("marks.more", { n: props.marks.length - shown.length })}</Caption1> : null}
      </div>
      <div className={styles.actions}>
        <Button
          ref={applyRef}
          appearance="primary"
          icon={<Checkmark20Regular />}
          aria-label={t("name.apply")}
          disabled={props.disabled || props.marks.length === 0}
          onClick={props.onApply}
          data-testid="marks-apply"
        >
          {t("apply")}
        </Button>
        <Button appearance="secondary" disabled={props.disabled} onClick={props.onCancel} data-testid="marks-cancel">
          {t("cancel")}
        </Button>
        <Caption1 className={styles.count}>{props.kind === "mark" ? t("marks.mark") : t("marks.clear")}</Caption1>
      </div>
    </Card>
  );
});
