/**
 * 填充公式 preview: every change of the plan (cell, before → after, reason) and the 应用 / 取消 buttons.
 */
import * as React from "react";
import { Badge, Button, Caption1, Card, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowRight12Regular, Checkmark20Regular } from "@fluentui/react-icons";
import type { CellContent, FillPlan } from "../../core/plan";
import { BUTTON_NAMES } from "../i18n";
import { useLang } from "./context";
import { fmtAfter, fmtBefore, fmtExpected } from "../format";

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalS, borderTop: `3px solid ${tokens.colorBrandStroke1}` },
  intro: { color: tokens.colorNeutralForeground3 },
  list: { display: "flex", flexDirection: "column", margin: 0, padding: 0, maxHeight: "46vh", overflowY: "auto" },
  item: {
    listStyle: "none",
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  head: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  sheet: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  change: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    wordBreak: "break-all",
  },
  emptyBefore: { color: tokens.colorNeutralForeground4, fontFamily: tokens.fontFamilyBase },
  before: { color: tokens.colorNeutralForeground3, textDecorationLine: "line-through" },
  after: { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorPaletteGreenBackground1, padding: "0 2px", borderRadius: tokens.borderRadiusSmall },
  reason: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, position: "sticky", bottom: 0, paddingTop: tokens.spacingVerticalXS, backgroundColor: tokens.colorNeutralBackground1 },
});

function isEmpty(c: CellContent): boolean {
  return !c.formula && (c.value === null || c.value === "");
}

export interface PreviewProps {
  plan: FillPlan;
  disabled: boolean;
  onApply(): void;
  onCancel(): void;
}

export function Preview(props: PreviewProps): JSX.Element {
  const styles = useStyles();
  const { lang, t } = useLang();
  const n = props.plan.changes.length;
  return (
    <Card className={styles.card} aria-labelledby="preview-title" data-testid="preview">
      <Subtitle2 as="h2" id="preview-title">
        {t.previewTitle(n)}
      </Subtitle2>
      <Caption1 className={styles.intro}>{t.previewIntro}</Caption1>
      <ul className={styles.list} aria-labelledby="preview-title" tabIndex={0}>
        {props.plan.changes.map((c, i) => {
          const expected = fmtExpected(c);
          return (
            <li key={`${c.sheet}!${c.cell}-${i}`} className={styles.item} data-testid="change" data-cell={c.cell}>
              <div className={styles.head}>
                <span className={styles.cell}>{c.cell}</span>
                <span className={styles.sheet}>{c.sheet}</span>
                <Badge size="small" appearance="tint" color={c.kind === "score" ? "warning" : "brand"}>
                  {t.changeKind[c.kind]}
                </Badge>
              </div>
              <div className={styles.change}>
                {isEmpty(c.before) ? (
                  <span className={styles.emptyBefore}>{t.emptyValue}</span>
                ) : (
                  <span className={styles.before}>{fmtBefore(c.before, lang)}</span>
                )}
                <ArrowRight12Regular aria-label={lang === "zh" ? "改为" : "becomes"} />
                <span className={styles.after}>{fmtAfter(c, lang)}</span>
                {expected !== null && expected !== fmtAfter(c, lang) ? <span>= {expected}</span> : null}
              </div>
              <div className={styles.reason}>{lang === "zh" ? c.reason : c.reasonEn || c.reason}</div>
            </li>
          );
        })}
      </ul>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<Checkmark20Regular />}
          aria-label={BUTTON_NAMES.apply}
          disabled={props.disabled}
          onClick={props.onApply}
        >
          {t.apply}
        </Button>
        <Button appearance="secondary" disabled={props.disabled} onClick={props.onCancel}>
          {t.cancel}
        </Button>
      </div>
    </Card>
  );
}
