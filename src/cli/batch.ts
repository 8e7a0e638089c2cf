/**
 * `jixiao check <文件或目录>… [--report 问题清单.xlsx] [--json] [--fail-on error|warning] [--workers N]`:
 * every file under the paths (directories recursively; a workbook in any format src/adapters/legacy reads is checked,
 * anything else listed as unreadable with its reason) checked across worker threads, progress on a terminal,
 * one line per file (or JSON for all), and the 问题清单 workbook. A file that cannot be read is a row, not the end.
 * Exit: 3 when --fail-on finds a finding at that severity or above (an unreadable file counts as an error);
 * else 2 when a file could not be read; else 0.
 */
import * as fs from "fs";
import * as path from "path";
import { batchTotals, failOnTriggered, unreadableResult, type BatchFileResult } from "../app/commands/batch";
import { pairedReportName } from "../app/fileNames";
import type { UserError } from "../core/errors";
import { writeOutputFile as writeFileAtomic } from "./io";
import { EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, type CliIO } from "./io";
import type { ParsedArgs } from "./args";
import { translator, compareMessage, userError, type Lang } from "../core/messages";
import { checkProfile } from "./workbook";
import { checkFiles, defaultWorkers, type BatchFile } from "./pool";
import { oneLine } from "./format";
import { formatNumber } from "../core/numbers";

/** A path the person named that is not there: a row of the list, like an unreadable file. */
interface Missing {
  display: string;
  why: UserError;
}

/** Files under the paths: files as named, directories walked (sorted, hidden folders skipped); duplicates once. */
export function collectFiles(paths: readonly string[], cwd: string): { files: BatchFile[]; missing: Missing[] } {
  const files: BatchFile[] = [];
  const missing: Missing[] = [];
  const seen = new Set<string>();
  /** Every entry's name in each directory walked: where a workbook's report of the same name can be, without a stat. */
  const listed = new Map<string, Set<string>>();
  const add = (abs: string) => {
    const real = fs.realpathSync(abs);
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ path: abs, display: path.relative(cwd, abs) || path.basename(abs) });
  };
  const walk = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    listed.set(dir, new Set(entries.map((e) => e.name)));
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.name.startsWith(".")) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      // every file is a row: a workbook in any format read is checked, anything else is listed as unreadable
      else if ((e.isFile() || e.isSymbolicLink()) && !e.name.startsWith("~$")) add(p);
    }
  };
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      missing.push({ display: p, why: userError("path-missing", { path: p }) });
      continue;
    }
    if (st.isDirectory()) walk(abs);
    else add(abs); // a file named explicitly is checked whatever its name (the reader says if it is no workbook)
  }
  // a report beside its workbook (单位A.xlsx + 单位A.docx) is that workbook's row, compared with it, not a row of its own;
  // each workbook's report is found here once (in a folder walked, only a name listed there needs a look) — no lane asks
  const paired = new Set<string>();
  for (const f of files) {
    const dir = path.dirname(f.path);
    const name = pairedReportName(path.basename(f.path));
    const docx = path.join(dir, name);
    if (!/\.docx$/i.test(f.path)) paired.add(docx);
    f.report = listed.get(dir)?.has(name) === false ? null : fs.existsSync(docx) ? docx : null;
  }
  return { files: files.filter((f) => !paired.has(f.path)), missing };
}

function fileLine(r: BatchFileResult, lang: Lang): string {
  const say = translator(lang);
  if (!r.ok) return say("cli.batchUnreadable", { file: r.file, why: oneLine(r.error[lang]) });
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of r.findings) c[f.severity]++;
  const mark = c.error ? "✗" : c.warning ? "!" : "✓";
  if (r.tables.length === 0) return say("cli.batchNoTable", { file: r.file });
  const totals = r.tables
    .filter((t) => t.kind !== "summary")
    .map((t) => say("cli.batchTotal", { total: t.total === null ? "—" : formatNumber(t.total), grade: t.grade ?? "" }).trim());
  const counts = say("cli.batchCounts", { errors: c.error, warnings: c.warning, notes: c.info });
  const line = say("cli.batchFile", {
    mark,
    file: r.file,
    tables: r.tables.length,
    counts,
    totals: totals.length ? ` · ${totals.join("，")}` : "",
  });
  const rep = r.report;
  if (!rep) return line;
  const note = rep.ok
    ? compareMessage("batch-report", { file: rep.file, differ: rep.differ, agree: rep.agree })
    : compareMessage("batch-report-unreadable", { file: rep.file, why: oneLine(rep.error[lang]) });
  return `${line}\n${note[lang]}`;
}

export async function runBatchCheck(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positionals.length === 0) {
    throw userError("usage-batch-paths");
  }
  if (args.output) throw userError("usage-batch-output");
  const profile = checkProfile(args.profile);
  const cwd = io.cwd ?? process.cwd();
  if (args.report && !/\.xlsx$/i.test(args.report)) {
    throw userError("usage-batch-report", { file: args.report });
  }
  const { files, missing } = collectFiles(args.positionals, cwd);
  if (files.length === 0 && missing.length === 0) {
    throw userError("no-files");
  }
  const tty = !!io.stderrIsTTY && !args.json;
  const control = (t: string) => (io.stderrControl ?? io.stderr)(t);
  let lastDraw = 0;
  const progress = (done: number, total: number, file: string) => {
    if (!tty) return;
    const now = Date.now();
    if (done < total && now - lastDraw < 100) return;
    lastDraw = now;
    const width = 24;
    const filled = Math.round((done / total) * width);
    const name = file.length > 40 ? `…${file.slice(-39)}` : file;
    // the bar's own control sequence as it is, the file's name as text (escaped like all workbook-derived text)
    control("\r\x1b[K");
    io.stderr(`[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${name}`);
  };
  const started = Date.now();
  const { results: checked, workers } = await checkFiles(files, {
    profile,
    workers: args.workers ?? defaultWorkers(files.length),
    onProgress: progress,
  });
  if (tty) control("\r\x1b[K");
  const results: BatchFileResult[] = [...missing.map((m) => unreadableResult(m.display, m.why)), ...checked];
  const totals = batchTotals(results);
  const failed = failOnTriggered(results, args.failOn);
  const code = failed ? EXIT_FINDINGS : totals.unreadable > 0 ? EXIT_BAD_INPUT : EXIT_OK;

  let reportPath: string | null = null;
  if (args.report) {
    reportPath = path.resolve(cwd, args.report);
    // loaded only for --report: the list is written with ExcelJS, ~600 modules a plain check need not load
    const { buildIssueList } = await import("../app/issueList");
    await writeFileAtomic(reportPath, await buildIssueList(results, args.lang));
  }
  const seconds = (Date.now() - started) / 1000;
  if (args.json) {
    (io.stdoutJson ?? io.stdout)(
      JSON.stringify({ profile, failOn: args.failOn, exitCode: code, totals, report: args.report, files: results }, null, 2) + "\n",
    );
    return code;
  }
  const lines = results.map((r) => fileLine(r, args.lang));
  const b = totals.bySeverity;
  lines.push("");
  const say = translator(args.lang);
  lines.push(
    say("cli.batchSummary", {
      files: totals.files,
      unreadable: totals.unreadable,
      tables: totals.tables,
      errors: b.error,
      warnings: b.warning,
      notes: b.info,
      seconds: seconds.toFixed(1),
      workers,
    }),
  );
  if (reportPath) lines.push(say("cli.batchReportWritten", { file: String(args.report) }));
  if (failed) lines.push(say("cli.batchFailOn", { failOn: String(args.failOn) }));
  io.stdout(lines.join("\n") + "\n");
  return code;
}
