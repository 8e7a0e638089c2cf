/**
 * `jixiao mark <in.xlsx> -o <out.xlsx> [--lang en] [--include-info] [--json] [--profile …]`: 标注问题 — each finding
 * written onto its cell as a note (author 绩效自评助手) with a fill colour by severity; the marks are listed (the
 * preview) and a new file is written. Marks this add-in left before are replaced, so the file shows the current
 * findings. `jixiao mark --clear <in.xlsx> -o <out.xlsx>`: 清除标注 — takes exactly those marks away (a person's
 * notes and every other style stay) and lists what it removed. Output rules as for `fill` (resolveOutput).
 */
import type { CellMark } from "../core/marks";
import type { Severity } from "../core/findings";
import { checkAndMark, clearWorkbookMarks, countMarks, previewClear } from "../app/commands";
import type { ParsedArgs } from "./args";
import { t, translator, userError, type Lang } from "../core/messages";
import { EXIT_OK, writeOutputFile, type CliIO } from "./io";
import { legacyOutput, resolveOutput, savedAsNote } from "./fill";
import { checkProfile, openFile } from "./workbook";
import { displayWidth, oneLine, pad } from "./format";

export interface MarkJson {
  file: string;
  output: string;
  /** "mark": marks written; "clear": marks removed. */
  action: "mark" | "clear";
  /** Marks of this add-in the input held and that were taken away (replaced by the new ones, or cleared). */
  removed: number;
  marks: { sheet: string; cell: string; severity: Severity; codes: string[]; note: string }[];
  /** Characters XML cannot hold left out of the notes (present only when some were). */
  removedCharacters?: number;
}

function markLines(marks: readonly CellMark[], lang: Lang): string[] {
  const at = marks.map((m) => `${m.sheet}!${m.cell}`);
  const atWidth = Math.max(4, ...at.map(displayWidth));
  const sevWidth = Math.max(...marks.map((m) => displayWidth(t(`cli.markSeverity.${m.severity}`, lang))));
  return marks.map(
    (m, i) => `  ${pad(at[i], atWidth)}  ${pad(t(`cli.markSeverity.${m.severity}`, lang), sevWidth)}  ${oneLine(m.codes.join(", "))}`,
  );
}

export function markText(json: MarkJson, lang: Lang): string {
  const say = translator(lang);
  const marks = json.marks.map((m) => ({ ...m, codes: m.codes as CellMark["codes"], fill: "" }));
  const lines = [say("cli.fileTo", { file: json.file, output: json.output }), ""];
  if (json.action === "clear") {
    if (marks.length === 0) lines.push(say("cli.noMarksToClear"));
    else {
      lines.push(say("cli.marksCleared", { cells: marks.length }));
      lines.push(...markLines(marks, lang));
    }
    lines.push("", say("cli.clearWrote", { output: json.output }));
    return lines.join("\n") + "\n";
  }
  const c = countMarks(marks);
  if (marks.length === 0) lines.push(say("cli.nothingToMark"));
  else {
    lines.push(say("cli.marked", { cells: marks.length, errors: c.error, warnings: c.warning, notes: c.info }));
    lines.push(...markLines(marks, lang));
  }
  if (json.removedCharacters) lines.push("", say("cli.marksXmlCharsRemoved", { count: json.removedCharacters }));
  if (json.removed > 0) lines.push("", say("cli.marksReplaced", { marks: json.removed }));
  lines.push("", say("cli.markWrote", { output: json.output }));
  return lines.join("\n") + "\n";
}

export async function runMark(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positionals.length !== 1) {
    throw args.positionals.length === 0 ? userError("usage-mark-input") : userError("usage-mark-one");
  }
  if (args.clear && args.includeInfo) {
    throw userError("usage-mark-clear-info");
  }
  const cwd = io.cwd ?? process.cwd();
  const file = args.positionals[0];
  const { input, output, outputArg } = resolveOutput(args, cwd, "usage-mark-output");
  const profile = checkProfile(args.profile);
  const host = await openFile(input);
  if (host.savedAsXlsxFrom !== null) legacyOutput(file, args.inPlace ? null : outputArg, args.inPlace);
  const earlier = await previewClear(host);
  let written: CellMark[];
  let removedCharacters = 0;
  if (args.clear) {
    await clearWorkbookMarks(host);
    written = earlier;
  } else {
    if (earlier.length > 0) await clearWorkbookMarks(host);
    const { plan } = await checkAndMark(host, { profile, scope: "all", lang: args.lang, includeInfo: args.includeInfo });
    written = plan.marks;
    removedCharacters = plan.removedCharacters ?? 0;
  }
  await writeOutputFile(output, await host.save(), { modeOf: input });
  const json: MarkJson = {
    file,
    output: outputArg,
    action: args.clear ? "clear" : "mark",
    removed: earlier.length,
    marks: written.map((m) => ({ sheet: m.sheet, cell: m.cell, severity: m.severity, codes: [...m.codes], note: m.note })),
    ...(removedCharacters ? { removedCharacters } : {}),
  };
  const note = savedAsNote(host, args.lang, "marked-as-xlsx");
  io.stdout(
    args.json ? JSON.stringify(note ? { ...json, note } : json, null, 2) + "\n" : markText(json, args.lang) + (note ? `${note}\n` : ""),
  );
  return EXIT_OK;
}
