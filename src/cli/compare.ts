/**
 * `jixiao compare <自评表.xlsx> <自评报告.docx> [--sheet NAME] [--json] [--fail-on error] [--lang en]`: every figure the
 * report states, tied to the table cell it speaks of; each one that differs is a REPORT_FIGURE_MISMATCH (error).
 * Exit codes as `check`: 0 done, 2 bad input, 3 with --fail-on when a figure differs.
 */
import * as path from "path";
import { readDocxFile } from "../adapters/xlsx/node";
import { compareWithReport } from "../app/commands/compare";
import { compareCounts } from "../core/compare";
import { translator, compareMessage, userError } from "../core/messages";
import type { ParsedArgs } from "./args";
import { EXIT_FINDINGS, EXIT_OK, type CliIO } from "./io";
import { oneLine } from "./format";
import { checkProfile, openFile } from "./workbook";

export interface CompareJson {
  table: string;
  report: string;
  figures: {
    text: string;
    stated: string;
    sheet: string | null;
    cell: string | null;
    label: string | null;
    tableValue: string | null;
    computedValue: string | null;
    match: boolean | null;
  }[];
  findings: {
    code: string;
    severity: string;
    sheet: string;
    cell: string | null;
    message: string;
    messageEn: string;
    text: string;
    stated: string;
  }[];
}

export async function runCompare(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positionals.length !== 2) throw userError("usage-compare-files");
  let [table, report] = args.positionals;
  // either order: the workbook and the document are told apart by their names
  if (/\.docx$/i.test(table) && !/\.docx$/i.test(report)) [table, report] = [report, table];
  const profile = checkProfile(args.profile);
  const cwd = io.cwd ?? process.cwd();
  const host = await openFile(path.resolve(cwd, table));
  const blocks = await readDocxFile(path.resolve(cwd, report));
  const r = await compareWithReport(host, blocks, { profile, scope: "all", sheet: args.sheet });
  if (args.json) {
    const json: CompareJson = {
      table,
      report,
      figures: r.figures.map((f) => ({
        text: f.text,
        stated: f.stated,
        sheet: f.sheet,
        cell: f.cell,
        label: f.label,
        tableValue: f.tableValue,
        computedValue: f.computedValue,
        match: f.match,
      })),
      findings: r.findings.map((f) => ({
        code: f.code,
        severity: f.severity,
        sheet: f.sheet,
        cell: f.cell,
        message: f.message,
        messageEn: f.messageEn,
        text: f.text,
        stated: f.stated,
      })),
    };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const s = translator(args.lang);
    const lang = args.lang;
    io.stdout(`${s("cli.file", { file: path.basename(table) })}\n${s("cli.file", { file: path.basename(report) })}\n`);
    const c = compareCounts(r);
    const summary = r.figures.length
      ? compareMessage("summary", { figures: r.figures.length, differ: c.differ, agree: c.agree, notCompared: c.notCompared })
      : compareMessage("no-figures");
    io.stdout(`${summary[lang]}\n`);
    for (const f of r.findings) io.stdout(`  ✗ ${f.sheet}!${f.cell ?? "—"}  ${oneLine(lang === "zh" ? f.message : f.messageEn)}\n`);
  }
  return args.failOn && r.findings.length ? EXIT_FINDINGS : EXIT_OK;
}
