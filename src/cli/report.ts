/**
 * `jixiao report <in.xlsx> [--sheet NAME] -o <out.docx> [--fill | --as-is] [--json] [--profile …] [--lang zh|en]`
 *
 * Reads the workbook and writes one 自评报告 per recognised table into a .docx (tables, a chart, sections in content
 * controls tagged jixiao:<section>, a 落款, page numbers; the link to the workbook in a custom XML part). The report
 * states the table's own figures: where the table breaks a rule (an inverted 执行率, a 9.9 where the rule
 * gives 10, an empty 总分) the command writes nothing, lists each differing figure and exits 4, until the person says
 * which figures to state — `--fill`: fill the workbook first, saved as a new file (`--filled <path>`, by default
 * 原名（已填充）.xlsx beside the input; the input itself only with `--in-place`), then write the report from it;
 * `--as-is`: state the table's figures as they stand. Nothing is written to the input unless --in-place was asked.
 *
 * Wired from src/cli/main.ts: `report` and everything after it goes to runReport(argv, io) unparsed.
 * Returns the exit code and never throws: 0 written · 4 figures differ (nothing written) · 2 bad input (nothing
 * written) · 1 internal error.
 */
import * as fs from "fs";
import * as path from "path";
import { t, translator, userError, type Lang } from "../core/messages";
import { buildReportDocxFromNarratives } from "../adapters/docx";
import { chartBackend, renderChartPng } from "../adapters/chart/node";
import type { ChartRenderer } from "../adapters/chart/svg";
import { writeOutputFile as writeFileAtomic } from "./io";
import { differenceLine, narrativeFingerprint, type FigureDifference } from "../core/narrative";
import { fill } from "../app/commands";
import { figuresDiffer, prepareReports, writeReportFile, type TableReport } from "../app/commands/report";
import type { ReportFileWriter } from "../host/document";
import { parseArgs, type ParsedArgs } from "./args";
import { legacyOutput, samePath } from "./fill";
import { filledFileName } from "../app/fileNames";
import { isLegacyFileName } from "../core/workbookNames";
import { EXIT_FIGURES_DIFFER, EXIT_OK, failure, type CliIO } from "./io";
import { oneLine } from "./format";
import { checkProfile, openFile } from "./workbook";

export const REPORT_HELP = `jixiao report <输入.xlsx> [--sheet <工作表>] -o <报告.docx> [--fill [--filled <文件.xlsx> | --in-place] | --as-is] [--json] [--profile <规则>] [--lang zh|en]
  为每张识别出的绩效自评表生成自评报告（Word .docx：表格、图表、落款、页码）；无法从表格得出的内容以【请补充：……】标出。
  Writes the self-evaluation report (.docx: tables, a chart, signature, page numbers) for every recognised table;
  what the table cannot say is left as a marked placeholder 【请补充：……】.
  --sheet <工作表>  只写这张工作表上的表 / only the tables on this sheet
  -o, --output      报告文件（.docx），必填 / the report file (.docx), required
  报告引用表格自身的数字。表中数字与规则不符（执行率、得分、总分等）时不写报告，列出每处不同并以退出码 4 结束，
  须选择其一 / The report states the table's own figures. Where they break a rule nothing is written: each differing
  figure is listed and the exit code is 4, until you choose:
  --fill            先填充再生成：按规则填充工作簿并另存（不改动原文件），再按填充后的表写报告
                    fill the workbook first, saved as a new file (the input is not changed), then write the report from it
  --filled <文件>   --fill 的填充结果保存到这里（默认：输入文件旁的“原名（已填充）.xlsx”）
                    where --fill saves the filled workbook (default: "<name>（已填充）.xlsx" beside the input)
  --in-place        --fill 时覆盖输入文件（同 jixiao fill --in-place） / with --fill, overwrite the input instead
  --as-is           按表中现有数字生成 / write the table's figures as they stand
  退出码 / exit codes: 0 已写入 written · 4 数字与规则不符，未写入 figures differ, nothing written · 2 输入有误 bad input · 1 内部错误 internal error
`;

/**
 * The .docx writer with the charts drawn by resvg (Node: resvg-js, else resvg-wasm, loaded on the first chart); counts
 * the charts that could not be drawn here, so that the command says once why the report has none.
 */
function docxWithCharts(): { writer: ReportFileWriter; leftOut: () => number } {
  let leftOut = 0;
  const renderChart: ChartRenderer = async (chart) => {
    const image = await renderChartPng(chart);
    if (!image) leftOut++;
    return image;
  };
  return {
    writer: { build: (narratives, source) => buildReportDocxFromNarratives(narratives, source, { renderChart }) },
    leftOut: () => leftOut,
  };
}

export interface ReportTableJson {
  sheet: string;
  /** "stated": the table's figures (they agree with the rules, or --as-is); "filled": written after --fill. */
  figures: "stated" | "filled";
  /** Figures the table states differently from the rule (empty after --fill; listed for --as-is). */
  differences: { cell: string; label: string; stated: string; rule: string }[];
  kind: string;
  title: string;
  fingerprint: string;
  sections: string[];
  placeholders: string[];
  issues: { code: string; cell: string | null; message: string; messageEn: string }[];
}

export interface ReportJson {
  file: string;
  /** null when nothing was written (exit 4). */
  output: string | null;
  /** The filled workbook --fill wrote (the input itself with --in-place); null when nothing was filled. */
  filled: string | null;
  /** Characters of the table's text that XML cannot hold, left out of the report (0 when none). */
  removedCharacters: number;
  /** True when the command waits for --fill or --as-is (exit 4). */
  waiting: boolean;
  generatedAt: string;
  tables: ReportTableJson[];
}

const diffJson = (d: FigureDifference) => ({ cell: d.cell, label: d.label, stated: d.stated, rule: d.rule });

function describe(r: TableReport, figures: "stated" | "filled"): ReportTableJson {
  const n = r.narrative;
  return {
    sheet: r.table.sheet,
    figures,
    differences: r.differences.map(diffJson),
    kind: r.table.kind,
    title: n.title,
    fingerprint: narrativeFingerprint(n),
    sections: n.sections.map((s) => s.id),
    placeholders: n.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.filter((x) => x.placeholder).map((x) => x.text))),
    issues: r.issues.map((f) => ({ code: f.code, cell: f.cell, message: f.message, messageEn: f.messageEn })),
  };
}

function textSummary(r: ReportJson, lang: Lang): string {
  const zh = lang === "zh";
  const say = translator(lang);
  const lines: string[] = [];
  lines.push(say("cli.reportWritten", { output: String(r.output), reports: r.tables.length, file: r.file }));
  if (r.removedCharacters > 0) lines.push(say("cli.reportXmlCharsRemoved", { count: r.removedCharacters }));
  for (const t of r.tables) {
    lines.push("");
    lines.push(`[${t.sheet}] ${t.title}`);
    lines.push(say("cli.reportSections", { sections: t.sections.length, placeholders: t.placeholders.length }));
    if (t.figures === "filled")
      lines.push(
        r.filled === r.file
          ? say("cli.reportFilledInPlace", { file: r.file })
          : say("cli.reportFilledFirst", { file: r.file, filled: String(r.filled) }),
      );
    if (t.differences.length) {
      lines.push(say("cli.reportAsIs", { differences: t.differences.length }));
      for (const d of t.differences) lines.push(`    ${d.cell}  ${d.label}：${d.stated} → ${d.rule}`);
    }
    if (t.issues.length) {
      lines.push(say("cli.reportStillErrors", { errors: t.issues.length }));
      for (const i of t.issues) lines.push(`    ${i.code}  ${i.cell ?? "—"}  ${oneLine(zh ? i.message : i.messageEn)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** What the command says when it waits: each table's differing figures and the two ways on. */
function waitingText(file: string, waits: TableReport[], lang: Lang): string {
  const say = translator(lang);
  const lines: string[] = [say("cli.reportWaiting", { file })];
  for (const r of waits) {
    lines.push("");
    lines.push(`[${r.sheet}] ${r.narrative.title}`);
    for (const d of r.differences) lines.push(`  ${differenceLine(d, lang)}`);
  }
  lines.push("");
  lines.push(say("cli.reportChoose"));
  return `${lines.join("\n")}\n`;
}

/**
 * Where `--fill` saves the filled workbook: `--filled <path>`, the input with `--in-place`, else 原名（已填充）.xlsx beside
 * the input; `shown` is the name the output gives it (as typed, or the default's path). Null without --fill.
 */
function filledTarget(args: ParsedArgs, input: string, output: string, cwd: string): { path: string; shown: string } | null {
  if (!args.fill) {
    if (args.filled !== null || args.inPlace) throw userError("usage-report-filled-needs-fill");
    return null;
  }
  if (args.filled !== null && args.inPlace) throw userError("usage-report-filled-or-in-place");
  const file = args.positionals[0];
  if (args.inPlace) {
    if (isLegacyFileName(file)) legacyOutput(file, null, true);
    return { path: input, shown: file };
  }
  if (args.filled !== null) {
    const p = path.resolve(cwd, args.filled);
    if (samePath(p, input) || p === input || p === output) throw userError("usage-report-filled-same");
    if (!/\.(xlsx|xlsm)$/i.test(args.filled)) throw userError("usage-report-filled-xlsx", { file: args.filled });
    return { path: p, shown: args.filled };
  }
  const name = filledFileName(path.basename(file));
  return { path: path.join(path.dirname(input), name), shown: path.join(path.dirname(file), name) };
}

export async function runReport(argv: string[], io: CliIO): Promise<number> {
  try {
    const args = parseArgs(["report", ...argv]);
    if (args.help) {
      io.stdout(REPORT_HELP);
      return EXIT_OK;
    }
    if (args.positionals.length === 0) throw userError("usage-report-input");
    if (args.positionals.length > 1) throw userError("usage-report-one-input", { files: args.positionals });
    if (!args.output) throw userError("usage-report-output");
    if (!/\.docx$/i.test(args.output)) throw userError("usage-report-docx", { file: args.output });
    const profile = checkProfile(args.profile);
    const cwd = io.cwd ?? process.cwd();
    const input = path.resolve(cwd, args.positionals[0]);
    const output = path.resolve(cwd, args.output);
    if (input === output) throw userError("usage-report-same");

    if (args.fill && args.asIs) throw userError("usage-fill-or-as-is");
    const filledPath = filledTarget(args, input, output, cwd);
    // an output that cannot be written is said before anything else (before the figures are compared)
    if (!fs.existsSync(path.dirname(output)) || !fs.statSync(path.dirname(output)).isDirectory())
      throw userError("output-no-folder", { dir: path.dirname(output) });

    let host = await openFile(input);
    const first = await prepareReports(host, { profile, scope: "all", sheet: args.sheet });
    let figures: "stated" | "filled" = "stated";
    let filledShown: string | null = null;
    if (figuresDiffer(first)) {
      if (!args.fill && !args.asIs) {
        const json: ReportJson = {
          file: args.positionals[0],
          output: null,
          filled: null,
          removedCharacters: 0,
          waiting: true,
          generatedAt: new Date().toISOString(),
          tables: first.map((r) => describe(r, "stated")),
        };
        io.stdout(
          args.json
            ? `${JSON.stringify(json, null, 2)}\n`
            : waitingText(
                args.positionals[0],
                first.filter((r) => r.differences.length),
                args.lang,
              ),
        );
        return EXIT_FIGURES_DIFFER;
      }
      if (args.fill && filledPath) {
        // 先填充再生成: the workbook filled as `jixiao fill` fills it, saved apart (the input only with --in-place),
        // then the report from the file as written
        await fill(host, { profile, scope: "all" });
        if (host.savedAsXlsxFrom !== null && filledPath.path === input) legacyOutput(args.positionals[0], null, true);
        await writeFileAtomic(filledPath.path, await host.save(), { modeOf: input });
        host = await openFile(filledPath.path);
        figures = "filled";
        filledShown = filledPath.shown;
      }
    }
    // the workbook as first read is written from the reports already made; a filled one is read and checked anew
    const charts = docxWithCharts();
    const { bytes, reports, generatedAt, removedCharacters } = await writeReportFile(host, charts.writer, {
      profile,
      scope: "all",
      sheet: args.sheet,
      reports: figures === "stated" ? first : undefined,
    });
    await writeFileAtomic(output, bytes);

    const json: ReportJson = {
      file: args.positionals[0],
      output: args.output,
      filled: filledShown,
      removedCharacters,
      waiting: false,
      generatedAt,
      tables: reports.map((r) => describe(r, figures)),
    };
    io.stdout(args.json ? `${JSON.stringify(json, null, 2)}\n` : textSummary(json, args.lang));
    if (charts.leftOut() > 0) {
      const backend = await chartBackend();
      io.stderr(`${t("cli.chartLeftOut", { reason: backend.kind === "none" ? backend.reason : "no-renderer" }, args.lang)}\n`);
    }
    return EXIT_OK;
  } catch (e) {
    return failure(e, io);
  }
}
