/**
 * 填充公式 preview: the plan's changes grouped by reason (执行率, 得分, 总分与合计, 文本数字), a checkbox per change,
 * per group and for all; 应用 writes the chosen ones. A text number that a chosen formula reads is converted with it
 * (shown checked and locked, with the formula's cell). Arrow keys move between the checkboxes; Space toggles.
 */
import * as React from "react";
import {
  Badge,
  Button,
  Caption1,
  Card,
  Checkbox,
  Subtitle2,
  makeStyles,
  tokens,
  useArrowNavigationGroup,
} from "@fluentui/react-components";
import { ArrowRight12Regular, Checkmark20Regular } from "@fluentui/react-icons";
import type { CellContent, CellChange, FillPlan } from "../../core/plan";
import { changeKey, chooseChanges, groupChanges, type ChangeGroup } from "../../core/choose";
import { changeText } from "../../core/messages";
import { useLang } from "./context";
import { fmtAfter, fmtBefore, fmtExpected } from "../format";

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalS, borderTop: `3px solid ${tokens.colorBrandStroke1}` },
  intro: { color: tokens.colorNeutralForeground3 },
  body: { display: "flex", flexDirection: "column", maxHeight: "46vh", overflowY: "auto", gap: tokens.spacingVerticalXS },
  groupHead: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  groupCount: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    marginLeft: "auto",
    paddingRight: tokens.spacingHorizontalS,
  },
  list: { display: "flex", flexDirection: "column", margin: 0, padding: 0 },
  item: {
    listStyle: "none",
    display: "flex",
    alignItems: "flex-start",
    gap: "2px",
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  itemText: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0, paddingTop: "6px" },
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
  after: {
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorPaletteGreenBackground1,
    padding: "0 2px",
    borderRadius: tokens.borderRadiusSmall,
  },
  unchosen: { opacity: 0.55 },
  reason: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  required: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200 },
  actions: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    position: "sticky",
    bottom: 0,
    paddingTop: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  count: { color: tokens.colorNeutralForeground3, marginLeft: "auto" },
});

function isEmpty(c: CellContent): boolean {
  return !c.formula && (c.value === null || c.value === "");
}

export interface PreviewProps {
  plan: FillPlan;
  /** The plan's changes grouped by reason (groupChanges over the analysed tables); by kind when omitted. */
  groups?: ChangeGroup[];
  disabled: boolean;
  /** Called with the chosen changes (and the conversions their formulas need). */
  onApply(chosen: FillPlan): void;
  onCancel(): void;
  /** A change's cell was focused or clicked (the sheet view shows it). */
  onFocusChange?(change: CellChange): void;
  /** What 应用 would write now, whenever the choice changes (the sheet view marks those cells). */
  onChosenChange?(chosen: FillPlan): void;
}

type Tri = boolean | "mixed";

function tri(chosen: number, total: number): Tri {
  return chosen === 0 ? false : chosen === total ? true : "mixed";
}

export function Preview(props: PreviewProps): JSX.Element {
  const styles = useStyles();
  const { lang, t } = useLang();
  const groups = React.useMemo(() => props.groups ?? groupChanges([], props.plan), [props.groups, props.plan]);
  const allKeys = React.useMemo(() => props.plan.changes.map(changeKey), [props.plan]);
  const [chosen, setChosen] = React.useState<Set<string>>(() => new Set(allKeys));
  // a new plan starts fully chosen
  React.useEffect(() => setChosen(new Set(allKeys)), [allKeys]);
  const choice = React.useMemo(() => chooseChanges(props.plan, chosen), [props.plan, chosen]);
  const writes = choice.plan.changes.length;
  const onChosenChange = props.onChosenChange;
  React.useEffect(() => onChosenChange?.(choice.plan), [choice, onChosenChange]);
  const arrowNav = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });

  const set = (keys: string[], on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      for (const k of keys) {
        if (on) next.add(k);
        else next.delete(k);
      }
      return next;
    });

  const n = props.plan.changes.length;
  const shown = (k: string) => chosen.has(k) || choice.required.has(k);
  return (
    <Card className={styles.card} aria-labelledby="preview-title" data-testid="preview">
      <Subtitle2 as="h2" id="preview-title">
        {t("previewTitle", { n })}
      </Subtitle2>
      <Caption1 className={styles.intro}>{t("previewIntro")}</Caption1>
      <div {...arrowNav} className={styles.body} role="group" aria-labelledby="preview-title" data-testid="preview-body">
        <Checkbox
          checked={tri(allKeys.filter(shown).length, n)}
          onChange={(_, d) => set(allKeys, d.checked === true)}
          label={`${t("chooseAll")}（${t("groupCount", { chosen: allKeys.filter(shown).length, total: n })}）`}
          data-testid="choose-all"
          disabled={props.disabled}
        />
        {groups.map((g) => {
          const groupChosen = g.keys.filter(shown).length;
          const headId = `change-group-${g.id}`;
          return (
            <section key={g.id} aria-labelledby={headId} data-testid="change-group" data-group={g.id}>
              <div className={styles.groupHead}>
                <Checkbox
                  id={headId}
                  checked={tri(groupChosen, g.keys.length)}
                  onChange={(_, d) => set(g.keys, d.checked === true)}
                  label={<strong>{t(`changeGroup.${g.id}`)}</strong>}
                  disabled={props.disabled}
                  data-testid="group-checkbox"
                />
                <span className={styles.groupCount}>{t("groupCount", { chosen: groupChosen, total: g.keys.length })}</span>
              </div>
              <ul className={styles.list}>
                {g.changes.map((c, i) => {
                  const key = g.keys[i];
                  const requiredBy = choice.required.get(key);
                  const on = chosen.has(key) || !!requiredBy;
                  const expected = fmtExpected(c);
                  const after = fmtAfter(c, lang, t);
                  const labelId = `change-${key.replace(/[^A-Za-z0-9]/g, "_")}-${i}-${g.id}`;
                  return (
                    <li
                      key={key}
                      className={styles.item}
                      data-testid="change"
                      data-cell={c.cell}
                      data-sheet={c.sheet}
                      data-chosen={on ? "true" : "false"}
                    >
                      <Checkbox
                        checked={on}
                        disabled={props.disabled || !!requiredBy}
                        onChange={(_, d) => set([key], d.checked === true)}
                        onFocus={() => props.onFocusChange?.(c)}
                        aria-labelledby={labelId}
                        data-testid="change-checkbox"
                      />
                      <div
                        className={on ? styles.itemText : `${styles.itemText} ${styles.unchosen}`}
                        id={labelId}
                        onClick={() => props.onFocusChange?.(c)}
                      >
                        <div className={styles.head}>
                          <span className={styles.cell}>{c.cell}</span>
                          <span className={styles.sheet}>{c.sheet}</span>
                          <Badge size="small" appearance="tint" color={c.kind === "score" ? "warning" : "brand"}>
                            {t(`changeKind.${c.kind}`)}
                          </Badge>
                        </div>
                        <div className={styles.change}>
                          {isEmpty(c.before) ? (
                            <span className={styles.emptyBefore}>{t("emptyValue")}</span>
                          ) : (
                            <span className={styles.before}>{fmtBefore(c.before, lang, t)}</span>
                          )}
                          <ArrowRight12Regular aria-label={t("becomes")} />
                          <span className={styles.after}>{after}</span>
                          {expected !== null && expected !== after ? <span>= {expected}</span> : null}
                        </div>
                        <div className={styles.reason}>{changeText(t, c, lang)}</div>
                        {requiredBy ? (
                          <div className={styles.required} data-testid="required-by">
                            {t("requiredBy", { cells: requiredBy.map((k) => k.slice(k.lastIndexOf("!") + 1)).join("、") })}
                          </div>
                        ) : null}
                      </div>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </div>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<Checkmark20Regular />}
          aria-label={t("name.apply")}
          disabled={props.disabled || writes === 0}
          onClick={() => props.onApply(choice.plan)}
          data-testid="apply"
        >
          {writes === n ? t("apply") : t("applyChosen", { n: writes })}
        </Button>
        <Button appearance="secondary" disabled={props.disabled} onClick={props.onCancel}>
          {t("cancel")}
        </Button>
        <Caption1 className={styles.count} aria-live="polite" data-testid="chosen-count">
          {writes === 0 ? t("nothingChosen") : t("chosenCount", { chosen: writes, total: n })}
        </Caption1>
      </div>
    </Card>
  );
}
