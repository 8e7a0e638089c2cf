/**
 * The marks preview (标注问题 / 清除标注) rendered to HTML: the cells of a real plan with their sheet, colour and
 * severity, the count by severity, 应用 and 取消 — in Chinese and in English; and the pane shows the two commands
 * only where the host can mark.
 */
import * as fs from "fs";
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FileHost } from "../../src/adapters/xlsx/FileHost";
import { analyzeWorkbook } from "../../src/core";
import { markPlan, type CellMark } from "../../src/core/marks";
import { translator, type Lang } from "../../src/core/messages";
import { LangContext } from "../../src/taskpane/components/context";
import { MARK_ROWS_SHOWN, MarksPanel } from "../../src/taskpane/marks/MarksPanel";
import { SpreadsheetPane } from "../../src/taskpane/spreadsheet/SpreadsheetPane";
import { FIXTURE_DIR, fixtureNames } from "../support/fixtures";
import { idleMarkingHost, idleSpreadsheetHost } from "../support/stubHosts";

function wrap(lang: Lang, node: React.ReactNode): string {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={{ lang, t: translator(lang) }}>{node}</LangContext.Provider>
    </FluentProvider>,
  );
}

async function marksOf(name: string): Promise<CellMark[]> {
  const host = await FileHost.open(`${name}.xlsx`, new Uint8Array(fs.readFileSync(`${FIXTURE_DIR}/${name}.xlsx`)));
  return markPlan(analyzeWorkbook(await host.readSheets("all"))).marks;
}

const noop = () => undefined;

describe("MarksPanel", () => {
  test("标注预览 of a real plan: every cell with its sheet, colour and severity; counts; 应用 and 取消", async () => {
    let marks: CellMark[] = [];
    for (const n of fixtureNames()) {
      marks = await marksOf(n);
      if (marks.length > 1) break;
    }
    expect(marks.length).toBeGreaterThan(1);
    const html = wrap("zh", <MarksPanel kind="mark" marks={marks} onApply={noop} onCancel={noop} />);
    expect(html).toContain(`标注预览：${marks.length} 个单元格`);
    expect((html.match(/data-testid="mark-row"/g) ?? []).length).toBe(Math.min(marks.length, MARK_ROWS_SHOWN));
    for (const m of marks.slice(0, MARK_ROWS_SHOWN)) {
      expect(html).toContain(`定位到 ${m.sheet}!${m.cell}`);
      expect(html).toContain(`data-fill="${m.fill}"`);
    }
    const errors = marks.filter((m) => m.severity === "error").length;
    if (errors) expect(html).toContain(`错误 ${errors}`);
    expect(html).toMatch(
      /<button[^>]*aria-label="应用"[^>]*data-testid="marks-apply"|<button[^>]*data-testid="marks-apply"[^>]*aria-label="应用"/,
    );
    expect(html).toContain(">取消<");
    expect(html).not.toContain("[RATE_"); // codes are in the note, not in the row text
  });

  test("English: English text, the same accessible name for 应用; 清除 preview says what it keeps", async () => {
    const marks: CellMark[] = [
      {
        sheet: "附件1",
        cell: "F6",
        severity: "warning",
        codes: ["RATE_MISMATCH"],
        note: "绩效自评助手\n[Warning] Rate differs [RATE_MISMATCH]",
        fill: "FFEB9C",
      },
    ];
    const html = wrap("en", <MarksPanel kind="clear" marks={marks} onApply={noop} onCancel={noop} />);
    expect(html).toContain("Clear preview: marks on 1 cell");
    expect(html).toContain("1 warning");
    expect(html).toContain("Other notes and formats stay");
    expect(html).toContain('aria-label="应用"');
    expect(html).toContain("Rate differs");
  });

  test("more rows than shown are counted, not dropped silently", () => {
    const many: CellMark[] = Array.from({ length: MARK_ROWS_SHOWN + 7 }, (_, i) => ({
      sheet: "S",
      cell: `A${i + 1}`,
      severity: "error",
      codes: ["SCORE_MISMATCH"],
      note: "绩效自评助手\n【错误】x [SCORE_MISMATCH]",
      fill: "FFC7CE",
    }));
    const html = wrap("zh", <MarksPanel kind="mark" marks={many} onApply={noop} onCancel={noop} />);
    expect(html).toContain("另有 7 个单元格未列出");
  });
});

describe("SpreadsheetPane", () => {
  const base = idleSpreadsheetHost();
  const marking = idleMarkingHost();

  test("标注问题 and 清除标注 only where the host can mark", () => {
    const without = wrap("zh", <SpreadsheetPane mode="excel" host={base} profile="default" />);
    expect(without).not.toContain('aria-label="标注问题"');
    const withMarks = wrap("zh", <SpreadsheetPane mode="excel" host={marking} profile="default" />);
    expect(withMarks).toContain('aria-label="标注问题"');
    expect(withMarks).toContain('aria-label="清除标注"');
  });
});
