/**
 * 表格视图 (standalone page): the recognised table drawn as a grid — its merges, its bounds, row numbers and column
 * letters — with the selected finding's cell highlighted and scrolled into view, arithmetic cells (执行率, 得分, 总分 …)
 * and planned changes marked, and cells with findings marked by severity. Clicking a cell (or Enter on the active
 * cell; arrow keys move it) selects the finding there, as selecting a cell in Excel would.
 */
import * as React from "react";
import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { TableAnalysis } from "../../core/analysis";
import type { Severity } from "../../core/findings";
import { SEVERITY_ORDER } from "../../core/findings";
import { Grid, type SheetSnapshot } from "../../core/snapshot";
import { withComputedValues } from "../../core/evaluate";
import { a1, columnName, parseA1 } from "../../core/address";
import { arithmeticCells } from "../../core/choose";
import { formatNumber, formatRate } from "../../core/numbers";
import { useLang } from "../components/context";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  head: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase100,
  },
  swatch: {
    display: "inline-block",
    width: "10px",
    height: "10px",
    marginRight: "3px",
    verticalAlign: "middle",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  scroller: {
    maxHeight: "34vh",
    overflow: "auto",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    outlineStyle: "none",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase100, lineHeight: "14px", tableLayout: "fixed" },
  corner: { position: "sticky", top: 0, left: 0, zIndex: 3, backgroundColor: tokens.colorNeutralBackground3, minWidth: "28px" },
  colHead: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "1px 2px",
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "1px 3px",
    textAlign: "right",
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "1px 3px",
    maxWidth: "120px",
    minWidth: "24px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    cursor: "default",
    verticalAlign: "top",
  },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  derived: { backgroundColor: tokens.colorPaletteGreenBackground1 },
  planned: { boxShadow: `inset 0 0 0 2px ${tokens.colorPaletteGreenBorder2}` },
  error: { backgroundColor: tokens.colorPaletteRedBackground2, cursor: "pointer" },
  warning: { backgroundColor: tokens.colorPaletteMarigoldBackground2, cursor: "pointer" },
  info: { backgroundColor: tokens.colorPaletteYellowBackground1, cursor: "pointer" },
  active: { outline: `1px dashed ${tokens.colorNeutralStrokeAccessible}`, outlineOffset: "-2px" },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px", fontWeight: tokens.fontWeightSemibold },
});

export interface SheetViewProps {
  table: TableAnalysis;
  snapshot: SheetSnapshot;
  /** A1 address of the selected finding's cell on this sheet, if any. */
  selectedCell: string | null;
  /** Cells the preview will write (chosen changes on this sheet). */
  planned: ReadonlySet<string>;
  /** A cell was chosen (click, or Enter on the active cell). */
  onCellSelect(cell: string): void;
}

function shown(grid: Grid, row: number, col: number): { text: string; numeric: boolean } {
  const v = grid.value(row, col);
  if (v === null || v === "") return { text: "", numeric: false };
  if (typeof v === "number") {
    const nf = grid.numberFormat(row, col) ?? "";
    return { text: nf.includes("%") ? formatRate(v) : formatNumber(v, 4), numeric: true };
  }
  if (typeof v === "boolean") return { text: v ? "TRUE" : "FALSE", numeric: false };
  return { text: v.replace(/\s+/g, " ").trim(), numeric: false };
}

export function SheetView(props: SheetViewProps): JSX.Element {
  const styles = useStyles();
  const { t } = useLang();
  const { table, snapshot } = props;
  // a formula the file carries no result for shows the value it computes (as a spreadsheet would)
  const grid = React.useMemo(() => new Grid(withComputedValues(snapshot)), [snapshot]);
  const b = table.table.bounds;
  const derived = React.useMemo(() => arithmeticCells(table.table), [table]);
  const worst = React.useMemo(() => {
    const m = new Map<string, Severity>();
    for (const f of table.findings) {
      if (!f.cell) continue;
      const prev = m.get(f.cell);
      if (!prev || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[prev]) m.set(f.cell, f.severity);
    }
    return m;
  }, [table]);

  /** The top-left cell of the merge covering a cell (the cell itself when none), clipped to the table. */
  const anchorOf = React.useCallback(
    (row: number, col: number) => {
      const m = grid.merge(row, col);
      return m ? { row: Math.max(m.top, b.top), col: Math.max(m.left, b.left) } : { row, col };
    },
    [grid, b.top, b.left],
  );

  const [active, setActive] = React.useState<string>(() => props.selectedCell ?? a1(b.top, b.left));
  const selected = props.selectedCell ? props.selectedCell.toUpperCase() : null;
  const scroller = React.useRef<HTMLDivElement>(null);
  const idBase = React.useId().replace(/:/g, "");
  const cellId = (addr: string) => `${idBase}-${addr}`;

  // the selected cell becomes the active one and is scrolled into view inside the grid
  React.useEffect(() => {
    if (!selected) return;
    const { row, col } = parseA1(selected);
    const anchor = anchorOf(row, col);
    const addr = a1(anchor.row, anchor.col);
    setActive(addr);
    const el = scroller.current?.querySelector<HTMLElement>(`[data-cell="${addr}"]`);
    if (el && scroller.current) scrollWithin(scroller.current, el);
  }, [selected, anchorOf]);

  const move = (dr: number, dc: number) => {
    const { row, col } = parseA1(active);
    const m = grid.merge(row, col);
    // leave a merge from its far edge
    const r0 = dr > 0 ? (m ? m.bottom : row) + 1 : dr < 0 ? (m ? m.top : row) - 1 : row;
    const c0 = dc > 0 ? (m ? m.right : col) + 1 : dc < 0 ? (m ? m.left : col) - 1 : col;
    const r = Math.min(Math.max(r0, b.top), b.bottom);
    const c = Math.min(Math.max(c0, b.left), b.right);
    const anchor = anchorOf(r, c);
    const addr = a1(anchor.row, anchor.col);
    setActive(addr);
    const el = scroller.current?.querySelector<HTMLElement>(`[data-cell="${addr}"]`);
    if (el && scroller.current) scrollWithin(scroller.current, el);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const keys: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const k = keys[e.key];
    if (k) {
      e.preventDefault();
      move(k[0], k[1]);
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      props.onCellSelect(active);
    } else if (e.key === "Home") {
      e.preventDefault();
      setActive(a1(anchorOf(parseA1(active).row, b.left).row, b.left));
    }
  };

  const cols: number[] = [];
  for (let c = b.left; c <= b.right; c++) cols.push(c);
  const rows: JSX.Element[] = [];
  for (let r = b.top; r <= b.bottom; r++) {
    const tds: JSX.Element[] = [];
    for (let c = b.left; c <= b.right; c++) {
      const m = grid.merge(r, c);
      if (m) {
        // a merge is drawn once, from its top-left cell inside the table
        const top = Math.max(m.top, b.top);
        const left = Math.max(m.left, b.left);
        if (r !== top || c !== left) continue;
      }
      const rowSpan = m ? Math.min(m.bottom, b.bottom) - Math.max(m.top, b.top) + 1 : 1;
      const colSpan = m ? Math.min(m.right, b.right) - Math.max(m.left, b.left) + 1 : 1;
      const addr = a1(r, c);
      const valueAt = m ? { row: m.top, col: m.left } : { row: r, col: c };
      const { text, numeric } = shown(grid, valueAt.row, valueAt.col);
      const sev = worst.get(addr);
      const isDerived = derived.has(addr);
      const isPlanned = props.planned.has(addr);
      const isSelected = selected === addr;
      const formula = grid.formula(valueAt.row, valueAt.col);
      tds.push(
        <td
          key={c}
          id={cellId(addr)}
          role="gridcell"
          rowSpan={rowSpan > 1 ? rowSpan : undefined}
          colSpan={colSpan > 1 ? colSpan : undefined}
          data-cell={addr}
          data-selected={isSelected ? "true" : undefined}
          data-derived={isDerived ? "true" : undefined}
          data-planned={isPlanned ? "true" : undefined}
          data-severity={sev}
          aria-selected={isSelected}
          title={[`${addr}${formula ? ` ${formula}` : ""}`, text].filter(Boolean).join("\n")}
          className={mergeClasses(
            styles.cell,
            numeric && styles.number,
            isDerived && styles.derived,
            sev && styles[sev],
            isPlanned && styles.planned,
            active === addr && styles.active,
            isSelected && styles.selected,
          )}
          onClick={() => {
            setActive(addr);
            props.onCellSelect(addr);
          }}
        >
          {text}
        </td>,
      );
    }
    rows.push(
      <tr key={r} role="row">
        <th className={styles.rowHead} scope="row" role="rowheader">
          {r}
        </th>
        {tds}
      </tr>,
    );
  }

  const name = table.name ?? table.table.title ?? t("unnamed");
  return (
    <section className={styles.root} aria-label={t("sheetViewTitle")} data-testid="sheet-view" data-sheet={table.sheet}>
      <div className={styles.head}>
        <Caption1>
          <strong>{t("sheetViewTitle")}</strong> · {table.sheet}!{a1(b.top, b.left)}:{a1(b.bottom, b.right)} · {name}
        </Caption1>
        <span className={styles.legend} aria-hidden>
          <span>
            <span className={mergeClasses(styles.swatch, styles.derived)} />
            {t("sheetViewDerived")}
          </span>
          <span>
            <span className={mergeClasses(styles.swatch, styles.planned)} />
            {t("sheetViewPlanned")}
          </span>
          <span>
            <span className={mergeClasses(styles.swatch, styles.error)} />
            {t("severity.error")}
          </span>
          <span>
            <span className={mergeClasses(styles.swatch, styles.warning)} />
            {t("severity.warning")}
          </span>
        </span>
      </div>
      <div
        ref={scroller}
        className={styles.scroller}
        role="grid"
        tabIndex={0}
        aria-label={`${t("sheetViewTitle")} ${table.sheet}`}
        aria-activedescendant={cellId(active)}
        aria-rowcount={b.bottom - b.top + 1}
        aria-colcount={b.right - b.left + 1}
        onKeyDown={onKeyDown}
        data-testid="sheet-grid"
      >
        <table className={styles.table} role="presentation">
          <thead>
            <tr role="row">
              <th className={styles.corner} aria-hidden />
              {cols.map((c) => (
                <th key={c} className={styles.colHead} scope="col" role="columnheader">
                  {columnName(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{rows}</tbody>
        </table>
      </div>
    </section>
  );
}

/** Scrolls a scroll container (only it, not the page) so that the element is visible, with a little margin. */
function scrollWithin(container: HTMLElement, el: HTMLElement): void {
  const c = container.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  const margin = 24;
  if (r.top < c.top + margin) container.scrollTop -= c.top + margin - r.top;
  else if (r.bottom > c.bottom - 4) container.scrollTop += r.bottom - c.bottom + 4;
  if (r.left < c.left + margin + 28) container.scrollLeft -= c.left + margin + 28 - r.left;
  else if (r.right > c.right - 4) container.scrollLeft += r.right - c.right + 4;
}
