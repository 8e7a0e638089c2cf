/**
 * The pane's components rendered to HTML (react-dom/server, node): what a person and a screen reader get —
 * the five command names, the file input's label, the tables and findings of a real analysis, the preview of a
 * real plan, English when asked, and the error boundary instead of a blank pane.
 */
import * as fs from "fs";
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FileHost } from "../../src/adapters/xlsx/FileHost";
import { analyzeWorkbook } from "../../src/core";
import type { WorkbookAnalysis } from "../../src/core/analysis";
import { App } from "../../src/taskpane/components/App";
import { LangContext } from "../../src/taskpane/components/context";
import { Results } from "../../src/taskpane/results/Results";
import { Preview } from "../../src/taskpane/fill/Preview";
import { ErrorBoundary } from "../../src/taskpane/components/ErrorBoundary";
import { translator, type Lang } from "../../src/core/messages";
import { allTables, combinedPlan } from "../../src/app/commands";
import { groupChanges } from "../../src/core/choose";
import { UserError } from "../../src/core/errors";
import { FIXTURE_DIR } from "../support/fixtures";

const FIXTURES = FIXTURE_DIR;

function wrap(lang: Lang, node: React.ReactNode): string {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={{ lang, t: translator(lang) }}>{node}</LangContext.Provider>
    </FluentProvider>,
  );
}

/** Accessible names of the <button>s in the markup: aria-label, else the text. */
function buttonNames(html: string): string[] {
  const out: string[] = [];
  const re = /<button\b([^>]*)>([\s\S]*?)<\/button>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    const label = /aria-label="([^"]*)"/.exec(m[1]);
    out.push(label ? label[1] : m[2].replace(/<[^>]+>/g, "").trim());
  }
  return out;
}

async function analysisOf(name: string): Promise<WorkbookAnalysis> {
  const host = await FileHost.open(`${name}.xlsx`, new Uint8Array(fs.readFileSync(`${FIXTURES}/${name}.xlsx`)));
  return analyzeWorkbook(await host.readSheets("all"));
}

const noop = () => undefined;

describe("standalone page (no Office)", () => {
  const mode = {
    kind: "file" as const,
    openFile: async () => Promise.reject(new Error("not in this test")),
    issueList: async () => new Uint8Array(),
  };

  test("Chinese: the file input is labelled and the commands carry their exact names", () => {
    const html = renderToStaticMarkup(<App mode={mode} browserLanguage="zh-CN" />);
    expect(html).toContain('aria-label="选择工作簿 (.xlsx)（也可 .xls/.et/.ods/.html/.csv）"');
    expect(html).toMatch(/<input[^>]*type="file"[^>]*accept="[^"]*\.xlsx/);
    // the legacy formats too (src/adapters/legacy), in the single file picker and the batch's
    for (const ext of [".xls", ".et", ".ods", ".htm", ".html", ".csv"]) {
      expect(html).toMatch(new RegExp(`<input[^>]*type="file"[^>]*accept="[^"]*\\${ext}[,"]`));
    }
    const names = buttonNames(html);
    for (const n of ["检查", "填充公式", "撤销", "下载"]) expect(names).toContain(n);
    expect(html).toContain("绩效自评助手");
    expect(html).toContain("不会上传");
    // 批量检查: several files at once, same list as the CLI's --report
    expect(html).toMatch(
      /<input[^>]*type="file"[^>]*multiple=""[^>]*aria-label="批量检查多个工作簿"|<input[^>]*aria-label="批量检查多个工作簿"[^>]*multiple/,
    );
    // Nothing to act on yet: the commands are disabled.
    expect(html).toMatch(/<button[^>]*aria-label="检查"[^>]*disabled/);
  });

  test("English browser: English text, the same accessible names", () => {
    const html = renderToStaticMarkup(<App mode={mode} browserLanguage="en-US" />);
    expect(html).toContain("Choose workbook (.xlsx/.xls/.et/.ods)");
    expect(html).toContain(">Check<");
    expect(html).toContain(">Fill formulas<");
    const names = buttonNames(html);
    for (const n of ["检查", "填充公式", "撤销", "下载"]) expect(names).toContain(n);
    expect(html).not.toContain("识别绩效自评表，检查规则");
  });

  test("a failed start shows the bilingual error, not a blank pane", () => {
    const html = renderToStaticMarkup(
      <App
        mode={{
          kind: "failed",
          error: new UserError("此加载项需要 Excel 2016 或更高版本。", "This add-in needs Excel 2016 or later.", "x"),
        }}
        browserLanguage="zh-CN"
      />,
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain("此加载项需要 Excel 2016 或更高版本。");
    expect(html).toContain("This add-in needs Excel 2016 or later.");
  });

  test("Word: the Word pane is rendered in the chosen language", () => {
    const html = renderToStaticMarkup(
      <App mode={{ kind: "word", render: (lang) => <p data-lang={lang}>word pane</p> }} officeLanguage="en-GB" />,
    );
    expect(html).toContain('data-lang="en"');
  });
});

describe("results of a real analysis", () => {
  test("project table: kind, name, funds, total and grade, findings with cell and code, 采纳建议", async () => {
    const analysis = await analysisOf("project-medical-aid-2020");
    const html = wrap("zh", <Results analysis={analysis} selected={null} disabled={false} onSelect={noop} onAdopt={noop} />);
    expect(html).toContain("项目支出绩效自评表");
    expect(html).toContain("城乡困难居民医疗救助");
    expect(html).toContain("预算数");
    expect(html).toContain("100.86%");
    expect(html).toMatch(/data-testid="total"[^>]*>98</);
    expect(html).toContain(">优<");
    for (const [code, cell] of [
      ["RATE_INVERTED", "G6"],
      ["BUDGET_SCORE_MISMATCH", "H6"],
      ["TOTAL_MISMATCH", "H23"],
    ]) {
      expect(html).toMatch(new RegExp(`data-code="${code}" data-cell="${cell}"`));
    }
    // The six numbers stored as text are one group with one action, each cell still reachable.
    expect(html).toMatch(/data-testid="finding-fix" data-code="NUMBER_AS_TEXT" data-count="6"/);
    const fixCells = [...html.matchAll(/data-testid="fix-cell" data-cell="([A-Z]+\d+)"/g)].map((m) => m[1]);
    expect(fixCells).toEqual(analysis.sheets[0].tables[0].findings.filter((f) => f.code === "NUMBER_AS_TEXT").map((f) => f.cell));
    expect(buttonNames(html)).toContain("6 处文本数字 → 转为数字");
    // … and each stays a finding element of its own, inside the group
    const group = html.slice(html.indexOf('data-testid="finding-fix"'));
    const inGroup = [
      ...group.matchAll(/data-testid="finding" data-finding-key="[^"]*" data-code="NUMBER_AS_TEXT" data-cell="([A-Z]+\d+)"/g),
    ].map((m) => m[1]);
    expect(inGroup).toEqual(fixCells);
    expect([...html.matchAll(/data-code="NUMBER_AS_TEXT" data-cell="/g)]).toHaveLength(6);
    // Errors come before warnings, warnings before notes.
    const order = [...html.matchAll(/data-severity="(\w+)"/g)].map((m) => m[1]);
    const rank = { error: 0, warning: 1, info: 2 } as Record<string, number>;
    expect(order.map((s) => rank[s])).toEqual([...order.map((s) => rank[s])].sort());
    expect(html).toContain("采纳建议");
  });

  test("what could not be read (TABLE_PARTIAL, CELL_ERROR) is its own section, before the errors", async () => {
    const analysis = await analysisOf("project-medical-aid-2020");
    const t = analysis.sheets[0].tables[0];
    t.findings = [
      ...t.findings,
      {
        code: "CELL_ERROR",
        severity: "error",
        sheet: t.sheet,
        cell: "E6",
        key: "CELL_ERROR",
        params: { error: "#REF!" },
        message: "单元格为错误值 #REF!",
        messageEn: "#REF!",
      },
      {
        code: "TABLE_PARTIAL",
        severity: "warning",
        sheet: t.sheet,
        cell: "A12",
        key: "TABLE_PARTIAL",
        params: { why: { key: "noIndicatorRows", params: {} } },
        message: "绩效指标部分无法读取",
        messageEn: "indicators not read",
      },
    ];
    const html = wrap("zh", <Results analysis={analysis} selected={null} disabled={false} onSelect={noop} onAdopt={noop} />);
    const sections = [...html.matchAll(/data-testid="finding-section" data-section="(\w+)"/g)].map((m) => m[1]);
    expect(sections).toEqual(["unread", "error", "warning", "info"]);
    const unread = html.slice(html.indexOf('data-section="unread"'), html.indexOf('data-section="error"'));
    expect([...unread.matchAll(/data-code="(\w+)"/g)].map((m) => m[1]).sort()).toEqual(["CELL_ERROR", "TABLE_PARTIAL"]);
    expect(unread).toContain("未能完整读取（2）");
    const rest = html.slice(html.indexOf('data-section="error"'));
    expect(rest).not.toMatch(/data-code="(CELL_ERROR|TABLE_PARTIAL)"/);
  });

  test("a sheet without a table shows the engine's reason; English messages in English", async () => {
    const analysis: WorkbookAnalysis = {
      profile: "default",
      sheets: [
        { sheet: "填表说明", tables: [], reason: { key: "missingHeaders", params: { indicators: ["level1"], summary: ["projectName"] } } },
      ],
    };
    const zh = wrap("zh", <Results analysis={analysis} selected={null} disabled={false} onSelect={noop} onAdopt={noop} />);
    expect(zh).toContain("工作表「填表说明」未识别到自评表");
    expect(zh).toContain("缺少指标表头 「一级指标」，也缺少汇总表表头 「项目名称」");
    const en = wrap("en", <Results analysis={analysis} selected={null} disabled={false} onSelect={noop} onAdopt={noop} />);
    expect(en).toContain("missing indicator headers 一级指标 (level-1 indicator) and summary headers 项目名称 (project name)");
    const real = await analysisOf("department-overall-2020");
    const enReal = wrap("en", <Results analysis={real} selected={null} disabled={false} onSelect={noop} onAdopt={noop} />);
    const f = real.sheets[0].tables[0].findings[0];
    expect(enReal).toContain(f.messageEn.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"));
  });
});

describe("fill preview of a real plan", () => {
  test("every change is listed with its cell, before → after and reason, and 应用 is there", async () => {
    const analysis = await analysisOf("project-special-retirees-2020");
    const plan = combinedPlan(analysis);
    const groups = groupChanges(allTables(analysis), plan);
    const html = wrap("zh", <Preview plan={plan} groups={groups} disabled={false} onApply={noop} onCancel={noop} />);
    const items = [...html.matchAll(/data-testid="change" data-cell="([A-Z]+\d+)"/g)].map((m) => m[1]);
    // grouped by reason: 执行率, 得分, 总分; every change once, each with its own checkbox, all chosen at first
    expect(items).toEqual(groups.flatMap((g) => g.changes.map((c) => c.cell)));
    expect([...items].sort()).toEqual(plan.changes.map((c) => c.cell).sort());
    expect([...html.matchAll(/data-testid="change-group" data-group="(\w+)"/g)].map((m) => m[1])).toEqual(["rate", "score", "total"]);
    expect(html.match(/data-testid="change-checkbox"/g)).toHaveLength(plan.changes.length);
    expect(html).not.toContain('data-chosen="false"');
    for (const label of ["执行率", "得分", "总分与合计", "全部更改"]) expect(html).toContain(label);
    expect(html).toContain(`填充预览：${plan.changes.length} 处更改`);
    for (const c of plan.changes)
      expect(html).toContain(c.reason.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"));
    expect(buttonNames(html)).toEqual(expect.arrayContaining(["应用", "取消"]));
    const g6 = plan.changes.find((c) => c.cell === "G6")!;
    expect(html).toContain(g6.after.formula!.replace(/"/g, "&quot;"));
  });

  test("a change into a cell whose role was inferred (湖北: 预算执行率 as an indicator row) carries the 位置推断 badge", () => {
    const rows: (string | number | null)[][] = [
      ["项目支出绩效自评表"],
      ["项目名称", null, "市民中心运行维护费"],
      ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "年度资金总额", 150, 150, 125.25, 100, null, null],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      [null, "产出指标", "数量指标", "预算执行率", "100%", "83.5%", 20, null],
      [null, "产出指标", "质量指标", "办结率", "100%", "100%", 50, 50],
      [null, "效益指标", "社会效益指标", "运行正常率", "100%", "100%", 20, 20],
      [null, "满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 10],
    ];
    const w = Math.max(...rows.map((r) => r.length));
    const values = rows.map((r) => [...r, ...new Array(w - r.length).fill(null)]);
    const analysis = analyzeWorkbook([{ name: "表", origin: { row: 1, col: 1 }, values, merges: null }]);
    const plan = combinedPlan(analysis);
    const html = wrap(
      "zh",
      <Preview plan={plan} groups={groupChanges(allTables(analysis), plan)} disabled={false} onApply={noop} onCancel={noop} />,
    );
    const inferred = plan.changes.filter((c) => c.inferred).map((c) => c.cell);
    expect(inferred.sort()).toEqual(["H4", "H6"]);
    expect(html.match(/data-testid="inferred-role"/g)).toHaveLength(2);
    expect(html).toContain("位置推断");
  });
});

describe("error boundary", () => {
  test("a component that throws while rendering leaves a message and a reload button", () => {
    function Broken(): JSX.Element {
      throw new Error("render failed");
    }
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    // Server rendering does not run error boundaries; their fallback is what getDerivedStateFromError selects.
    expect(ErrorBoundary.getDerivedStateFromError()).toEqual({ failed: true });
    const b = new ErrorBoundary({ lang: "zh", children: <Broken /> });
    b.state = { failed: true };
    const html = wrap("zh", b.render());
    expect(html).toContain("界面出现错误");
    expect(html).toContain("工作簿未被修改");
    expect(html).toContain("The workbook was not changed");
    expect(buttonNames(html)).toContain("重新加载");
    spy.mockRestore();
  });
});
