/**
 * The `jixiao` command line. `main(argv, io)` returns the exit code and never throws:
 *   0 done (with or without findings) · 1 unexpected internal error · 2 bad input (usage, missing path, not an .xlsx,
 *   empty, truncated, password-protected, old .xls …) — one line in Chinese and English on stderr, nothing written.
 * Stack traces only with JIXIAO_DEBUG=1.
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs, type ParsedArgs } from "./args";
import { userError } from "../core/messages";
import { EXIT_OK, failure, safeIO, type CliIO } from "./io";
import { tierUpLater } from "./tierUp";

export function version(): string {
  for (const p of [path.join(__dirname, "..", "..", "package.json"), path.join(__dirname, "..", "package.json")]) {
    try {
      const pkg = JSON.parse(fs.readFileSync(p, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "jixiao" && pkg.version) return pkg.version;
    } catch {
      /* try the next */
    }
  }
  return "0.0.0";
}

export const HELP = `jixiao ${"{version}"} — 绩效自评助手：识别、检查、填充绩效自评表，生成自评报告
                     (recognise, check and fill budget performance self-evaluation tables; write the report)

用法 Usage:
  jixiao check <文件.xlsx|.xls|.et|.ods|.html|.csv> [--json] [--profile <规则>] [--lang zh|en]
      检查每张自评表：类型、名称、总分、等级和发现的问题（错误在前）。
      Check every table: kind, name, total, grade and findings (errors first).
  jixiao check <文件或目录>… [--report 问题清单.xlsx] [--json] [--fail-on error|warning] [--workers N]
      批量检查（目录递归，其中每个文件都列为一行：各格式的工作簿逐个检查，其他文件列为“无法读取”并说明原因；多线程），
      问题清单写入 .xlsx。
      Batch: folders searched recursively, every file a row (workbooks in any format read are checked, anything
      else is listed as unreadable with its reason), checked in worker threads; the issue list as .xlsx.
  jixiao fill <输入.xlsx> -o <输出.xlsx> [--json] [--profile <规则>]
      填充执行率、得分、总分等公式，把文本数字转为数值，写入新文件并列出每处修改。
      Fill the derived cells with formulas, write a new file and list every change.
      不会覆盖输入文件，除非加 --in-place。 The input is never overwritten unless --in-place is given.
      输入为 .xls/.et/.ods/.html/.csv 时，结果另存为 .xlsx（-o 须以 .xlsx 结尾，不能 --in-place）。
      An .xls/.et/.ods/.html/.csv input is saved as a new .xlsx (-o must end in .xlsx; no --in-place).
  jixiao mark <输入.xlsx> -o <输出.xlsx> [--lang zh|en] [--include-info] [--json] [--profile <规则>]
      标注问题：把每条问题写成所在单元格的批注（作者“绩效自评助手”），并按严重程度填充底色（错误红、警告黄、
      提示蓝）；列出每处标注，写入新文件。值与公式不变；他人的批注保留（该单元格只加底色）。
      Mark each finding on its cell: a note (author 绩效自评助手) and a fill by severity; list the marks and
      write a new file. No value or formula changes; a person's note stays (that cell gets the fill only).
  jixiao mark --clear <输入.xlsx> -o <输出.xlsx>
      清除标注：只移除本助手的批注和底色，恢复单元格原有格式。 Remove exactly this add-in's marks.
  jixiao report <输入.xlsx> [--sheet <工作表>] -o <报告.docx> [--fill | --as-is]
      生成自评报告（Word）。表中数字与规则不符时不写报告、列出不同之处并以退出码 4 结束，须选 --fill（先按规则填充
      工作簿，另存为“原名（已填充）.xlsx”或 --filled 指定的文件；加 --in-place 才覆盖原文件）或 --as-is（按表中数字）；
      详见 jixiao report --help。
      Write the self-evaluation report (.docx). Where the table's figures break a rule nothing is written, the
      differences are listed and the exit code is 4: choose --fill (fill the workbook first, saved as
      "<name>（已填充）.xlsx" or --filled <path>; the input only with --in-place) or --as-is.
  jixiao compare <自评表.xlsx> <自评报告.docx> [--sheet <工作表>] [--json] [--fail-on error] [--lang zh|en]
      对照报告：找出报告中的金额、执行率、得分、总分、等级和指标值，按上下文对应到自评表的单元格，列出与表中
      不一致之处（REPORT_FIGURE_MISMATCH）；无法确定对应的数字不比对。批量检查时，与工作簿同名的 .docx
      （单位A.xlsx + 单位A.docx）一并对照，问题清单中增加这些行。
      Compare a person's report with its table: every figure it states (money, rates, scores, 总分, 等级,
      indicator values) tied to its cell by the words around it; each one that differs is listed. In a batch,
      the .docx named like a workbook is compared with it and the issue list gains these rows.

选项 Options:
  --json            输出 JSON（供脚本使用） / machine-readable output
  --profile <规则>  评分规则 scoring rules: default（财预〔2020〕10号）| jiangxi（江西，执行率分档）|
                    hubei（湖北，执行率 20 分）| reverse-linear（反向指标线性扣分）
  --lang zh|en      文字输出的语言 / language of the text output (default zh)
  -o, --output      输出文件 / output file
  --in-place        fill、mark、report --fill：覆盖输入文件 / fill, mark, report --fill: overwrite the input file
  --clear           mark：清除本助手的标注 / mark: remove this add-in's marks
  --include-info    mark：“提示”级问题也标注 / mark: mark notes (info findings) too
  --report <文件>   check：问题清单（问题清单、文件汇总两个工作表）/ check: the issue list workbook
  --fail-on <级别>  check、compare：存在该级别或更严重的问题（或文件无法读取）时退出码为 3 / exit 3 on findings at that level
  --workers <N>     check：并行线程数（默认为 CPU 核数减一，至少 1）/ threads (default: the CPU cores − 1, at least 1)
  -h, --help        显示帮助 / show this help
  -V, --version     显示版本 / show the version

退出码 Exit codes: 0 完成（无论有无问题） done, findings or not · 2 输入有误（用法、文件不存在、不是 .xlsx、
  空文件、文件损坏、受密码保护、旧版 .xls；批量时：有文件无法读取） bad input (batch: a file could not be read) ·
  3 check、compare --fail-on：存在该级别的问题 findings at the --fail-on level ·
  4 report：表中数字与规则不符，未写入（加 --fill 或 --as-is）figures differ, nothing written · 1 内部错误 internal error (JIXIAO_DEBUG=1 prints the stack)
`;

async function dispatch(args: ParsedArgs, argv: string[], io: CliIO): Promise<number> {
  if (args.command === "report") {
    // Everything after the word "report" goes to the report command as it was typed.
    const { runReport } = await import("./report");
    return runReport(argv.slice(argv.indexOf("report") + 1), io);
  }
  if (args.help || args.command === "help") {
    io.stdout(HELP.replace("{version}", version()));
    return EXIT_OK;
  }
  if (args.version) {
    io.stdout(`${version()}\n`);
    return EXIT_OK;
  }
  // Each command is loaded when named: `check` never loads the report's charts, Word writer or ExcelJS.
  switch (args.command) {
    case "check":
      return (await import("./check")).runCheck(args, io);
    case "fill":
      return (await import("./fill")).runFill(args, io);
    case "mark":
      return (await import("./mark")).runMark(args, io);
    case "compare":
      return (await import("./compare")).runCompare(args, io);
    case null:
      throw userError("usage-no-command");
    default:
      throw userError("usage-unknown-command", { command: args.command });
  }
}

export async function main(argv: string[], given: CliIO): Promise<number> {
  const io = safeIO(given);
  tierUpLater();
  try {
    // `report` parses its own options.
    const first = argv.find((a) => !a.startsWith("-"));
    const args = first === "report" ? { ...parseArgs([]), command: "report" } : parseArgs(argv);
    return await dispatch(args, argv, io);
  } catch (e) {
    return failure(e, io);
  }
}
