/**
 * The pseudo-locale: the pane rendered with every catalogue entry said as `⟦key⟧`. Whatever a person could read that
 * is neither such a mark nor the workbook's own content (sheet and table names, cell values, addresses, formulas, the
 * notes a mark plan will write, the finding codes of the public contract) bypassed the catalogue: the test names it.
 * Read are the text nodes and the attributes a person or a screen reader meets (aria-label, title, placeholder, alt).
 */
import * as fs from "fs";
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FileHost } from "../../src/adapters/xlsx/FileHost";
import { analyzeWorkbook, FINDING_CODES } from "../../src/core";
import type { WorkbookAnalysis } from "../../src/core/analysis";
import { snapshotCells, type SheetSnapshot } from "../../src/core/snapshot";
import { markPlan } from "../../src/core/marks";
import { translator } from "../../src/core/messages";
import { App } from "../../src/taskpane/components/App";
import { LangContext } from "../../src/taskpane/components/context";
import { Results } from "../../src/taskpane/results/Results";
import { Preview } from "../../src/taskpane/fill/Preview";
import { MarksPanel, summary } from "../../src/taskpane/marks/MarksPanel";
import { SpreadsheetPane } from "../../src/taskpane/spreadsheet/SpreadsheetPane";
import { allTables, combinedPlan } from "../../src/app/commands";
import { groupChanges } from "../../src/core/choose";
import { FIXTURE_DIR } from "../support/fixtures";
import { idleMarkingHost } from "../support/stubHosts";

function pseudo(node: React.ReactNode): string {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={{ lang: "zh", t: translator("pseudo") }}>{node}</LangContext.Provider>
    </FluentProvider>,
  );
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", nbsp: " " };
const decode = (s: string) => s.replace(/&(#?\w+);/g, (w, e: string) => ENTITIES[e] ?? w);

/** What a person or a screen reader meets in the markup: text nodes and the readable attributes. */
export function readable(html: string): string[] {
  const out: string[] = [];
  const body = html.replace(/<(style|script)\b[\s\S]*?<\/\1>/g, "");
  for (const m of body.matchAll(/\s(aria-label|title|placeholder|alt|aria-description|aria-valuetext)="([^"]*)"/g)) out.push(decode(m[2]));
  for (const m of body.replace(/<[^>]*>/g, "\u0000").split("\u0000")) if (m.trim()) out.push(decode(m));
  return out;
}

/** The readable texts that are neither catalogue marks nor the workbook's content. */
export function stray(html: string, data: readonly string[]): string[] {
  const known = [...new Set(data.map((d) => d.trim()).filter((d) => d.length > 0))].sort((a, b) => b.length - a.length);
  return readable(html).filter((text) => {
    let rest = text.replace(/⟦[^⟧]*⟧/g, " ");
    for (const d of known) if (rest.includes(d)) rest = rest.split(d).join(" ");
    rest = rest.replace(/\b[A-Z]{1,3}\d{1,7}\b/g, " ");
    return /[\u3400-\u9fff]|[A-Za-z]{2,}/.test(rest);
  });
}

function contentOf(sheets: readonly SheetSnapshot[]): string[] {
  const out: string[] = [];
  for (const s of sheets) {
    out.push(s.name);
    for (const c of snapshotCells(s)) if (c.value !== null && c.value !== undefined) out.push(String(c.value));
  }
  return out;
}

async function open(name: string): Promise<{ sheets: SheetSnapshot[]; analysis: WorkbookAnalysis }> {
  const host = await FileHost.open(`${name}.xlsx`, new Uint8Array(fs.readFileSync(`${FIXTURE_DIR}/${name}.xlsx`)));
  const sheets = await host.readSheets("all");
  return { sheets, analysis: analyzeWorkbook(sheets) };
}

const noop = () => undefined;

describe("the pseudo-locale finds text that bypasses the catalogue", () => {
  test("the detector itself: a mark passes, a stray word fails, the workbook's content passes", () => {
    expect(stray('<p>⟦check⟧</p><b title="⟦x⟧">12.5%</b>', [])).toEqual([]);
    expect(stray('<p>⟦check⟧ 检查</p><i aria-label="Undo"></i>', [])).toEqual(["Undo", "⟦check⟧ 检查"]);
    expect(stray("<p>附件3-1 · ⟦kind.project⟧ · A12</p>", ["附件3-1"])).toEqual([]);
  });

  test("the standalone page before a file is chosen", () => {
    const mode = { kind: "file" as const, openFile: async () => Promise.reject(new Error("no")), issueList: async () => new Uint8Array() };
    const html = renderToStaticMarkup(<App mode={mode} browserLanguage="zh-CN" pseudo />);
    expect(html.includes("⟦appName⟧")).toBe(true);
    expect(stray(html, [])).toEqual([]);
  });

  test("the spreadsheet pane in Excel (the commands, the marks)", () => {
    const host = idleMarkingHost();
    const html = pseudo(<SpreadsheetPane mode="excel" host={host} profile="default" />);
    expect(stray(html, ["Book1"])).toEqual([]);
  });

  test.each(["project-medical-aid-2020", "department-overall-2020", "summary-projects-2020"])(
    "%s: the results, the fill preview and the marks preview",
    async (name) => {
      const { sheets, analysis } = await open(name);
      const plan = combinedPlan(analysis);
      const marks = markPlan(analysis).marks;
      const data = [
        ...contentOf(sheets),
        ...allTables(analysis).map((t) => t.name ?? ""),
        // the fund rows' labels as written, shown without their "其中："
        ...allTables(analysis).flatMap((t) => t.evaluation.funds.map((f) => f.label.replace(/^其中[：:]/, ""))),
        ...plan.changes.flatMap((c) => [c.after.formula ?? "", c.after.numberFormat ?? "", c.before.numberFormat ?? ""]),
        // what a mark will write into the workbook (the note, said when the plan was made), as the row shows it
        ...marks.map((m) => summary(m.note)),
        ...FINDING_CODES,
      ];
      const results = pseudo(<Results analysis={analysis} selected={null} disabled={false} onSelect={noop} onAdopt={noop} />);
      if (allTables(analysis).some((t) => t.findings.length)) expect(results.includes("⟦finding.")).toBe(true);
      expect(stray(results, data)).toEqual([]);
      const preview = pseudo(
        <Preview plan={plan} groups={groupChanges(allTables(analysis), plan)} disabled={false} onApply={noop} onCancel={noop} />,
      );
      expect(stray(preview, data)).toEqual([]);
      const marksPanel = pseudo(<MarksPanel kind="mark" marks={marks} onApply={noop} onCancel={noop} />);
      expect(stray(marksPanel, data)).toEqual([]);
    },
  );
});
