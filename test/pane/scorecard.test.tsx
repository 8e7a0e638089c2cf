/**
 * A scorecard (绩效评价指标体系评分表) in the pane: its kind and name, 总分 and 等级, its findings at their cells, and
 * the fill preview of its subtotal and 总分 formulas (rendered to HTML with the pane's own components).
 */
import * as fs from "fs";
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FileHost } from "../../src/adapters/xlsx/FileHost";
import { analyzeWorkbook } from "../../src/core";
import { LangContext } from "../../src/taskpane/components/context";
import { Results } from "../../src/taskpane/results/Results";
import { Preview } from "../../src/taskpane/fill/Preview";
import { translator, type Lang } from "../../src/core/messages";
import { combinedPlan } from "../../src/app/commands";
import { scorecardPath } from "../support/scorecards";

const noop = () => undefined;

function wrap(lang: Lang, node: React.ReactNode): string {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={{ lang, t: translator(lang) }}>{node}</LangContext.Provider>
    </FluentProvider>,
  );
}

async function analysisOf(name: string) {
  const host = await FileHost.open(`${name}.xlsx`, new Uint8Array(fs.readFileSync(scorecardPath(name))));
  return analyzeWorkbook(await host.readSheets("all"));
}

test("东川: kind 评分表, name, 总分 99, 优; the preview lists the SUM formulas and nothing else", async () => {
  const analysis = await analysisOf("scorecard-dongchuan-2020");
  const html = wrap("zh", <Results analysis={analysis} selected={null} disabled={false} onSelect={noop} onAdopt={noop} />);
  expect(html).toContain("绩效评价指标体系评分表");
  expect(html).toContain(">评分表<");
  expect(html).toContain("离休干部医疗费");
  expect(html).toMatch(/data-testid="total"[^>]*>99</);
  expect(html).toContain(">优<");
  const plan = combinedPlan(analysis);
  const preview = wrap("zh", <Preview plan={plan} disabled={false} onApply={noop} onCancel={noop} />);
  const cells = [...preview.matchAll(/data-testid="change" data-cell="([A-Z]+\d+)"/g)].map((m) => m[1]);
  expect(cells.sort()).toEqual(["F11", "F12", "F15", "F19", "F25", "F26", "F35", "F4", "F43", "F5", "F8"]);
  expect(preview).toContain("总分 = 各项得分之和");
});

test("四川: the deductions without a reason are listed at their cells, in English too", async () => {
  const analysis = await analysisOf("scorecard-sichuan-project-2017");
  const zh = wrap("zh", <Results analysis={analysis} selected={null} disabled={false} onSelect={noop} onAdopt={noop} />);
  for (const cell of ["E9", "E11"]) expect(zh).toMatch(new RegExp(`data-code="DEVIATION_REASON_MISSING" data-cell="${cell}"`));
  const en = wrap("en", <Results analysis={analysis} selected={null} disabled={false} onSelect={noop} onAdopt={noop} />);
  expect(en).toContain("Performance evaluation scorecard");
  expect(en).toContain("the reason for the deduction is required");
});
