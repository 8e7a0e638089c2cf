/**
 * `jixiao report <in.xlsx> [--sheet NAME] -o <out.docx> [--json] [--profile …] [--lang zh|en]`
 *
 * Reads the workbook, analyses it with the engine (numbers as they stand after the fill), writes one 自评报告 per
 * recognised table into a .docx (sections in content controls tagged jixiao:<section>, the link to the workbook in
 * a custom XML part), and prints what it wrote: per table its title, the placeholders left to write, and the errors
 * the table still holds (the report already quotes the corrected numbers; `jixiao fill` corrects the workbook).
 *
 * Wired from src/cli/main.ts: `report` and everything after it goes to runReport(argv, io) unparsed.
 * Returns the exit code and never throws: 0 written · 2 bad input (nothing written) · 1 internal error.
 */
import * as path from "path";
import { docxReportWriter } from "../adapters/docx";
import { writeOutputFile as writeFileAtomic } from "./io";
import { narrativeFingerprint } from "../core/narrative";
import { writeReportFile, type TableReport } from "../app/report";
import { parseArgs, usageError } from "./args";
import { EXIT_OK, failure, type CliIO } from "./io";
import { oneLine } from "./format";
import { checkProfile, openFile } from "./workbook";

export const REPORT_HELP = `jixiao report <输入.xlsx> [--sheet <工作表>] -o <报告.docx> [--json] [--profile <规则>] [--lang zh|en]
  为每张识别出的绩效自评表生成自评报告（Word .docx），数字取自填充后的表格；无法从表格得出的内容以【请补充：……】标出。
  Writes the self-evaluation report (.docx) for every recognised table, with the numbers as they stand after the
  fill; what the table cannot say is left as a marked placeholder 【请补充：……】.
  --sheet <工作表>  只写这张工作表上的表 / only the tables on this sheet
  -o, --output      报告文件（.docx），必填 / the report file (.docx), required
`;

export interface ReportTableJson {
  sheet: string;
  kind: string;
  title: string;
  fingerprint: string;
  sections: string[];
  placeholders: string[];
  issues: { code: string; cell: string | null; message: string; messageEn: string }[];
}

export interface ReportJson {
  file: string;
  output: string;
  generatedAt: string;
  tables: ReportTableJson[];
}


function describe(r: TableReport): ReportTableJson {
  const n = r.narrative;
  return {
    sheet: r.table.sheet,
    kind: r.table.kind,
    title: n.title,
    fingerprint: narrativeFingerprint(n),
    sections: n.sections.map((s) => s.id),
    placeholders: n.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.filter((x) => x.placeholder).map((x) => x.text))),
    issues: r.issues.map((f) => ({ code: f.code, cell: f.cell, message: f.message, messageEn: f.messageEn })),
  };
}

function textSummary(r: ReportJson, lang: "zh" | "en"): string {
  const zh = lang === "zh";
  const lines: string[] = [];
  lines.push(zh ? `已写入报告：${r.output}（${r.tables.length} 份，来自 ${r.file}）` : `Report written: ${r.output} (${r.tables.length} report(s), from ${r.file})`);
  for (const t of r.tables) {
    lines.push("");
    lines.push(`[${t.sheet}] ${t.title}`);
    lines.push(
      zh
        ? `  章节 ${t.sections.length} 个；待补充 ${t.placeholders.length} 处（报告中以黄色【请补充：……】标出）`
        : `  ${t.sections.length} sections; ${t.placeholders.length} placeholder(s) to write (highlighted 【请补充：……】)`,
    );
    if (t.issues.length) {
      lines.push(
        zh
          ? `  表中有 ${t.issues.length} 个错误；报告已按规则引用更正后的数值，请用 jixiao fill 修正工作簿：`
          : `  The table has ${t.issues.length} error(s); the report quotes the corrected numbers. Run jixiao fill to correct the workbook:`,
      );
      for (const i of t.issues) lines.push(`    ${i.code}  ${i.cell ?? "—"}  ${oneLine(zh ? i.message : i.messageEn)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

export async function runReport(argv: string[], io: CliIO): Promise<number> {
  try {
    const args = parseArgs(["report", ...argv]);
    if (args.help) {
      io.stdout(REPORT_HELP);
      return EXIT_OK;
    }
    if (args.positionals.length === 0) throw usageError("缺少输入文件：jixiao report <输入.xlsx> -o <报告.docx>", "Missing input file: jixiao report <in.xlsx> -o <out.docx>");
    if (args.positionals.length > 1) throw usageError(`只能指定一个输入文件（收到：${args.positionals.join("、")}）`, `Only one input file (got: ${args.positionals.join(", ")})`);
    if (!args.output) throw usageError("缺少输出文件：-o <报告.docx>", "Missing output file: -o <report.docx>");
    if (!/\.docx$/i.test(args.output)) throw usageError(`输出文件须以 .docx 结尾：${args.output}`, `The output file must end in .docx: ${args.output}`);
    const profile = checkProfile(args.profile);
    const cwd = io.cwd ?? process.cwd();
    const input = path.resolve(cwd, args.positionals[0]);
    const output = path.resolve(cwd, args.output);
    if (input === output) throw usageError("输出文件不能与输入文件相同", "The output file cannot be the input file");

    const host = await openFile(input);
    const { bytes, reports, generatedAt } = await writeReportFile(host, docxReportWriter, { profile, scope: "all", sheet: args.sheet });
    await writeFileAtomic(output, bytes);

    const json: ReportJson = { file: args.positionals[0], output: args.output, generatedAt, tables: reports.map(describe) };
    io.stdout(args.json ? `${JSON.stringify(json, null, 2)}\n` : textSummary(json, args.lang));
    return EXIT_OK;
  } catch (e) {
    return failure(e, io);
  }
}
