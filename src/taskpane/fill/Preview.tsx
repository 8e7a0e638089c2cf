/**
 * 填充公式 preview: the plan's changes grouped by reason (执行率, 得分, 总分与合计, 文本数字), a checkbox per change,
 * per group and for all; 应用 writes the chosen ones. A text number that a chosen formula reads is converted with it
 * (shown checked and locked, with a lock and the formula's cell). Every value shown is what the chosen changes make
 * the cell show (core previewChoice): unchecking the 执行率 formula recomputes the 执行率得分 that reads it, and the
 * formula says which unchosen change it reads. Arrow keys move between the checkboxes; Space toggles; Escape closes.
 * It comes into view with the focus on its first checkbox; the list takes the pane's height (no inner scroll box).
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
import { ArrowRight12Regular, Checkmark20Regular, LockClosed12Regular } from "@fluentui/react-icons";
import type { CellContent, CellChange, FillPlan } from "../../core/plan";
import type { TableAnalysis } from "../../core/analysis";
import type { SheetSnapshot } from "../../core/snapshot";
import { changeKey, chooseChanges, groupChanges, previewChoice, type ChangeGroup, type ChoicePreview } from "../../core/choose";
import { useLang } from "../components/context";
import { fmtAfter, fmtBefore, fmtExpected } from "../format";
import { changeText } from "../../core/messages";

const useStyles = makeStyles({
  card: {
    padding: tokens.spacingHorizontalM,
    gap: tokens.spacingVerticalS,
    borderTop: `3px solid ${tokens.colorBrandStroke1}`,
    // below the pane's sticky toolbar when scrolled into view
    scrollMarginTop: "64px",
    overflow: "visible",
  },
  intro: { color: tokens.colorNeutralForeground3 },
  // the list takes the pane's height: the page scrolls, the group heads and the 应用 row stay in sight (sticky)
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  groupHead: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    position: "sticky",
    top: "49px",
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
  locked: { backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium },
  lock: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
  depends: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200 },
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

const cellOf = (k: string) => k.slice(k.lastIndexOf("!") + 1);

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
  /** The sheets as read and their tables: the values shown are computed from the chosen changes over them. */
  snapshots?: readonly SheetSnapshot[] | null;
  tables?: readonly TableAnalysis[];
  /** What the chosen changes make the workbook show, whenever the choice changes (the table cards' 总分 and 等级). */
  onPreviewChange?(preview: ChoicePreview | null): void;
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
  const { snapshots, tables } = props;
  const computed = React.useMemo(
    () => (snapshots ? previewChoice(snapshots, tables ?? [], props.plan, choice.plan) : null),
    [snapshots, tables, props.plan, choice],
  );
  const onPreviewChange = props.onPreviewChange;
  React.useEffect(() => onPreviewChange?.(computed), [computed, onPreviewChange]);
  React.useEffect(() => () => onPreviewChange?.(null), [onPreviewChange]);
  // chosen formulas that read a change left out: "H6 依赖 G6"
  const readBy = React.useMemo(() => {
    const m = new Map<string, string[]>();
    for (const [k, reads] of computed?.dependsOn ?? []) for (const r of reads) m.set(r, [...(m.get(r) ?? []), k]);
    return m;
  }, [computed]);
  // where the eye is: the preview comes into view and takes the focus (its first checkbox) once its controls are
  // enabled (the work that made it may still be finishing)
  const cardRef = React.useRef<HTMLDivElement>(null);
  const focusPending = React.useRef(true);
  React.useEffect(() => {
    focusPending.current = true;
    cardRef.current?.scrollIntoView?.({ block: "start" });
  }, [props.plan]);
  React.useEffect(() => {
    const card = cardRef.current;
    if (!card || props.disabled || !focusPending.current) return;
    focusPending.current = false;
    card.scrollIntoView?.({ block: "start" });
    card.querySelector<HTMLInputElement>("input[type=checkbox]:not(:disabled)")?.focus({ preventScroll: true });
  });
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "Escape" && !props.disabled) {
      e.preventDefault();
      props.onCancel();
    }
  };

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
    <Card ref={cardRef} className={styles.card} aria-labelledby="preview-title" data-testid="preview" onKeyDown={onKeyDown}>
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
                  const value = computed?.values.get(key);
                  const expected = on ? fmtExpected(c, value) : null;
                  const reads = on ? computed?.dependsOn.get(key) : undefined;
                  const readers = on ? undefined : readBy.get(key);
                  const after = fmtAfter(c, lang, t);
                  const labelId = `change-${key.replace(/[^A-Za-z0-9]/g, "_")}-${i}-${g.id}`;
                  return (
                    <li
                      key={key}
                      className={requiredBy ? `${styles.item} ${styles.locked}` : styles.item}
                      data-testid="change"
                      data-locked={requiredBy ? "true" : undefined}
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
                        aria-describedby={requiredBy ? `${labelId}-locked` : undefined}
                        data-testid="change-checkbox"
                      />
                      {requiredBy ? <LockClosed12Regular className={styles.lock} aria-hidden style={{ marginTop: "10px" }} /> : null}
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
                          {c.inferred ? (
                            <Badge
                              size="small"
                              appearance="outline"
                              color="informative"
                              title={t("inferredRoleHint")}
                              data-testid="inferred-role"
                            >
                              {t("inferredRole")}
                            </Badge>
                          ) : null}
                        </div>
                        <div className={styles.change}>
                          {isEmpty(c.before) ? (
                            <span className={styles.emptyBefore}>{t("emptyValue")}</span>
                          ) : (
                            <span className={styles.before}>{fmtBefore(c.before, lang, t)}</span>
                          )}
                          <ArrowRight12Regular aria-label={t("becomes")} />
                          <span className={styles.after}>{after}</span>
                          {expected !== null && expected !== after ? <span data-testid="change-value">= {expected}</span> : null}
                        </div>
                        <div className={styles.reason}>{changeText(t, c, lang)}</div>
                        {requiredBy ? (
                          <div className={styles.required} data-testid="required-by" id={`${labelId}-locked`}>
                            {t("requiredBy", { cells: requiredBy.map(cellOf).join("、") })}
                          </div>
                        ) : null}
                        {reads ? (
                          <div className={styles.depends} data-testid="depends-on">
                            {t("dependsOn", { cell: c.cell, reads: reads.map(cellOf).join("、") })}
                          </div>
                        ) : null}
                        {readers ? (
                          <div className={styles.depends} data-testid="read-by">
                            {t("readByChosen", { cells: readers.map(cellOf).join("、"), cell: c.cell })}
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
