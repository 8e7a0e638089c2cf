/**
 * `jixiao fill <in.xlsx> -o <out.xlsx> [--json] [--profile …]`: analyse, apply every table's fill plan, write the
 * result, print the changes (cell, before → after, reason).
 *
 * Output rules: -o is required; the input file is never overwritten unless --in-place is given (then -o may be
 * omitted or name the input). Any other existing output file is replaced. The output is written all at once
 * (temporary file + rename): on any error nothing is written.
 */
import * as fs from "fs";
import * as path from "path";
import type { CellChange, TableAnalysis, WorkbookAnalysis } from "../core";
import { writeOutputFile as writeFileAtomic } from "./io";
import { fill, tablePlans } from "../app/commands";
import type { CliIO } from "./io";
import { EXIT_OK } from "./io";
import type { ParsedArgs } from "./args";
import { noTableText, translator, notice, userError, type Lang } from "../core/messages";
import type { FileHost } from "../adapters/xlsx/FileHost";
import { asXlsxName, extensionOf, isLegacyFileName } from "../core/workbookNames";
import { checkProfile, openFile } from "./workbook";
import { displayWidth, oneLine, pad, showContent } from "./format";
import { formatNumber, formatRate } from "../core/numbers";

export interface FillSheetJson {
  sheet: string;
  kind: "project" | "department" | "summary" | "scorecard" | null;
  name: string | null;
  reason: string | null;
  changes: {
    cell: string;
    kind: string;
    before: CellChange["before"];
    after: CellChange["after"];
    expected: number | string | null;
    reason: string;
    reasonEn: string;
    /** The cell's role was inferred (a row label, a position), not read from a header: written only because empty. */
    inferred?: boolean;
  }[];
  /** Changes not made: a person's entry in a cell whose role was inferred is kept, the rule's value suggested. */
  suggestions: {
    cell: string;
    before: CellChange["before"];
    after: CellChange["after"];
    expected: number | string | null;
    reason: string;
    reasonEn: string;
  }[];
}

export interface FillJson {
  file: string;
  output: string;
  profile: string;
  changed: number;
  sheets: FillSheetJson[];
}

/** What the fill writes for each table: the table's part of the app's combined plan (a shared cell once). */
function plannedChanges(analysis: WorkbookAnalysis): Map<TableAnalysis, CellChange[]> {
  return new Map(tablePlans(analysis).map((p) => [p.table, p.changes]));
}

export function fillJson(file: string, output: string, analysis: WorkbookAnalysis): FillJson {
  const planned = plannedChanges(analysis);
  const sheets: FillSheetJson[] = [];
  for (const s of analysis.sheets) {
    if (s.tables.length === 0) {
      sheets.push({
        sheet: s.sheet,
        kind: null,
        name: null,
        reason: s.reason ? noTableText(translator("zh"), s.reason) : translator("zh")("cli.noTableReason"),
        changes: [],
        suggestions: [],
      });
    }
    for (const t of s.tables) {
      sheets.push({
        sheet: s.sheet,
        kind: t.kind,
        name: t.name,
        reason: null,
        changes: (planned.get(t) ?? []).map((c) => ({
          cell: c.cell,
          kind: c.kind,
          before: c.before,
          after: c.after,
          expected: c.expected,
          reason: c.reason,
          reasonEn: c.reasonEn,
          ...(c.inferred ? { inferred: true } : {}),
        })),
        suggestions: (t.suggested ?? []).map((c) => ({
          cell: c.cell,
          before: c.before,
          after: c.after,
          expected: c.expected,
          reason: c.reason,
          reasonEn: c.reasonEn,
        })),
      });
    }
  }
  return { file, output, profile: analysis.profile, changed: sheets.reduce((n, s) => n + s.changes.length, 0), sheets };
}

function showExpected(c: CellChange): string {
  if (c.expected === null || c.expected === undefined) return "";
  if (typeof c.expected === "number") {
    const pct = (c.after.numberFormat ?? c.before.numberFormat ?? "").includes("%");
    return `= ${pct ? formatRate(c.expected) : formatNumber(c.expected, 4)}`;
  }
  return `= ${JSON.stringify(c.expected)}`;
}

export function fillText(file: string, output: string, analysis: WorkbookAnalysis, lang: Lang = "zh"): string {
  const zh = lang === "zh";
  const say = translator(lang);
  const lines: string[] = [say("cli.fileTo", { file, output })];
  const planned = plannedChanges(analysis);
  const changes = analysis.sheets.flatMap((s) => s.tables.flatMap((t) => planned.get(t) ?? []));
  const cellW = Math.max(4, ...changes.map((c) => c.cell.length));
  const rows = changes.map((c) => {
    const after = c.after.formula ?? showContent(c.after.value ?? null);
    const fmt = c.after.numberFormat ? ` [${c.after.numberFormat}]` : "";
    return `${showContent(c.before.value, c.before.formula)} → ${after}${fmt}`;
  });
  const changeW = Math.min(60, Math.max(10, ...rows.map(displayWidth)));
  const expW = Math.max(0, ...changes.map((c) => displayWidth(showExpected(c))));
  let i = 0;
  for (const s of analysis.sheets) {
    for (const t of s.tables) {
      lines.push("");
      const tableChanges = planned.get(t) ?? [];
      const n = tableChanges.length;
      const name = ` ${say(`cli.fillKind.${t.kind}`)}${t.name ? ` · ${oneLine(t.name)}` : ""}`;
      lines.push(say("cli.sheetChanges", { sheet: s.sheet, name, changes: n }));
      for (const c of tableChanges) {
        const row = rows[i++];
        const inferred = c.inferred ? say("cli.inferredRole") : "";
        lines.push(
          `  ${pad(c.cell, cellW)}  ${pad(row, changeW)}  ${pad(showExpected(c), expW)}  ${oneLine(zh ? c.reason : c.reasonEn)}${inferred}`,
        );
      }
      const held = t.suggested ?? [];
      if (held.length) lines.push(say("cli.suggestionsHeld", { n: held.length }));
      for (const c of held) {
        const row = `${showContent(c.before.value, c.before.formula)} → ${c.after.formula ?? showContent(c.after.value ?? null)}`;
        lines.push(
          `    ${pad(c.cell, cellW)}  ${pad(row, changeW)}  ${pad(showExpected(c), expW)}  ${oneLine(zh ? c.reason : c.reasonEn)}`,
        );
      }
    }
    if (s.tables.length === 0) {
      lines.push("");
      lines.push(say("cli.sheetUntouched", { sheet: s.sheet }));
    }
  }
  lines.push("");
  lines.push(say("cli.wrote", { output, changes: changes.length }));
  return lines.join("\n") + "\n";
}

/** True when the two paths name the same existing file (through links). */
export function samePath(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return false;
  }
}

/**
 * Where a command that writes a workbook (fill, mark) writes it: -o is required (`missingOutput` says how to give
 * it); the input is never overwritten unless --in-place is given (then -o may be omitted or name the input).
 */
export function resolveOutput(
  args: ParsedArgs,
  cwd: string,
  missingOutput: "usage-fill-output" | "usage-mark-output",
): { input: string; output: string; outputArg: string } {
  const file = args.positionals[0];
  const input = path.resolve(cwd, file);
  if (isLegacyFileName(file)) legacyOutput(file, args.output, args.inPlace);
  if (!args.output && !args.inPlace) throw userError(missingOutput);
  const outputArg = args.output ?? file;
  const output = path.resolve(cwd, outputArg);
  if (samePath(input, output) && !args.inPlace) throw userError("usage-fill-same");
  if (args.inPlace && !samePath(input, output)) throw userError("usage-in-place");
  return { input, output, outputArg };
}

/**
 * A workbook read from .xls, .et, .ods, HTML or CSV is never written over: the result is a new .xlsx named with -o.
 * Checked by the input's name before it is read, and by what the bytes were once read (an .xlsx may be named .xls).
 */
export function legacyOutput(file: string, output: string | null, inPlace: boolean): void {
  const ext = extensionOf(file) || ".xls";
  const suggest = asXlsxName(file);
  if (inPlace) throw userError("legacy-in-place", { ext, suggest });
  if (output !== null && !/\.xlsx$/i.test(output)) throw userError("legacy-output-not-xlsx", { ext, suggest });
}

/** The sentence saying that the original was not an .xlsx and the result is a new .xlsx, or null. */
export function savedAsNote(host: FileHost, lang: Lang, what: "saved-as-xlsx" | "marked-as-xlsx" = "saved-as-xlsx"): string | null {
  const ext = host.savedAsXlsxFrom;
  return ext === null ? null : notice(what, { ext })[lang];
}

export async function runFill(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positionals.length !== 1) {
    throw args.positionals.length === 0 ? userError("usage-fill-input") : userError("usage-fill-one");
  }
  const cwd = io.cwd ?? process.cwd();
  const file = args.positionals[0];
  const { input, output, outputArg } = resolveOutput(args, cwd, "usage-fill-output");
  const profile = checkProfile(args.profile);
  const host = await openFile(input);
  if (host.savedAsXlsxFrom !== null) legacyOutput(file, args.inPlace ? null : outputArg, args.inPlace);
  const { analysis } = await fill(host, { profile, scope: "all" });
  await writeFileAtomic(output, await host.save(), { modeOf: input });
  const note = savedAsNote(host, args.lang);
  io.stdout(
    args.json
      ? JSON.stringify({ ...fillJson(file, outputArg, analysis), ...(note ? { note } : {}) }, null, 2) + "\n"
      : fillText(file, outputArg, analysis, args.lang) + (note ? `${note}\n` : ""),
  );
  return EXIT_OK;
}
