/**
 * `jixiao mark <in.xlsx> -o <out.xlsx> [--lang en] [--include-info] [--json] [--profile …]`: 标注问题 — each finding
 * written onto its cell as a note (author 绩效自评助手) with a fill colour by severity; the marks are listed (the
 * preview) and a new file is written. Marks this add-in left before are replaced, so the file shows the current
 * findings. `jixiao mark --clear <in.xlsx> -o <out.xlsx>`: 清除标注 — takes exactly those marks away (a person's
 * notes and every other style stay) and lists what it removed. Output rules as for `fill` (resolveOutput).
 */
import type { CellMark } from "../core/marks";
import type { Severity } from "../core/findings";
import { checkAndMark, clearWorkbookMarks, countMarks, previewClear } from "../app/marks";
import type { ParsedArgs } from "./args";
import { userError, type Lang } from "../core/messages";
import { EXIT_OK, writeOutputFile, type CliIO } from "./io";
import { resolveOutput } from "./fill";
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
}

const SEVERITY_TEXT: Record<Severity, { zh: string; en: string }> = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
  info: { zh: "提示", en: "note" },
};

function markLines(marks: readonly CellMark[], lang: Lang): string[] {
  const at = marks.map((m) => `${m.sheet}!${m.cell}`);
  const atWidth = Math.max(4, ...at.map(displayWidth));
  const sevWidth = Math.max(...marks.map((m) => displayWidth(SEVERITY_TEXT[m.severity][lang])));
  return marks.map((m, i) => `  ${pad(at[i], atWidth)}  ${pad(SEVERITY_TEXT[m.severity][lang], sevWidth)}  ${oneLine(m.codes.join(", "))}`);
}

export function markText(json: MarkJson, lang: Lang): string {
  const zh = lang === "zh";
  const marks = json.marks.map((m) => ({ ...m, codes: m.codes as CellMark["codes"], fill: "" }));
  const lines = [zh ? `文件：${json.file} → ${json.output}` : `File: ${json.file} → ${json.output}`, ""];
  if (json.action === "clear") {
    if (marks.length === 0)
      lines.push(zh ? "工作簿中没有本助手的标注，未做修改。" : "The workbook holds no marks of this add-in; nothing changed.");
    else {
      lines.push(zh ? `清除 ${marks.length} 个单元格的标注：` : `Marks removed from ${marks.length} cell(s):`);
      lines.push(...markLines(marks, lang));
    }
    lines.push(
      "",
      zh
        ? `已写入 ${json.output}。单元格的值、公式与他人批注均未改动。`
        : `Wrote ${json.output}. No value, formula or person's note was changed.`,
    );
    return lines.join("\n") + "\n";
  }
  const c = countMarks(marks);
  if (marks.length === 0) lines.push(zh ? "没有需要标注的单元格。" : "There is no cell to mark.");
  else {
    lines.push(
      zh
        ? `标注 ${marks.length} 个单元格（错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}）：`
        : `${marks.length} cell(s) marked (${c.error} error(s), ${c.warning} warning(s), ${c.info} note(s)):`,
    );
    lines.push(...markLines(marks, lang));
  }
  if (json.removed > 0)
    lines.push("", zh ? `原有的 ${json.removed} 处本助手标注已替换。` : `${json.removed} earlier mark(s) of this add-in were replaced.`);
  lines.push(
    "",
    zh
      ? `已写入 ${json.output}。批注作者为“绩效自评助手”；用 jixiao mark --clear 可清除这些标注。`
      : `Wrote ${json.output}. The notes' author is 绩效自评助手; jixiao mark --clear takes the marks away again.`,
  );
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
  const earlier = await previewClear(host);
  let written: CellMark[];
  if (args.clear) {
    await clearWorkbookMarks(host);
    written = earlier;
  } else {
    if (earlier.length > 0) await clearWorkbookMarks(host);
    written = (await checkAndMark(host, { profile, scope: "all", lang: args.lang, includeInfo: args.includeInfo })).plan.marks;
  }
  await writeOutputFile(output, await host.save(), { modeOf: input });
  const json: MarkJson = {
    file,
    output: outputArg,
    action: args.clear ? "clear" : "mark",
    removed: earlier.length,
    marks: written.map((m) => ({ sheet: m.sheet, cell: m.cell, severity: m.severity, codes: [...m.codes], note: m.note })),
  };
  io.stdout(args.json ? JSON.stringify(json, null, 2) + "\n" : markText(json, args.lang));
  return EXIT_OK;
}
