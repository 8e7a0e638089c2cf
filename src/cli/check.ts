/** `jixiao check <file.xlsx> [--json] [--profile …] [--lang zh|en]`: per table its kind, name, 总分, 等级 and findings. */
import * as fs from "fs";
import * as path from "path";
import { runBatchCheck } from "./batch";
import type { SheetAnalysis, TableAnalysis, WorkbookAnalysis } from "../core/analysis";
import { sortFindings, type Finding } from "../core/findings";
import { getProfile } from "../core/profiles";
import type { CliIO } from "./io";
import { EXIT_OK } from "./io";
import type { ParsedArgs } from "./args";
import { noTableText, t, translator, userError, type Lang } from "../core/messages";
import { analyseFile, checkProfile } from "./workbook";
import { tablePlans } from "../app/commands/tables";
import { oneLine, pad } from "./format";
import { formatNumber } from "../core/numbers";

export interface CheckFindingJson {
  code: string;
  severity: string;
  cell: string | null;
  message: string;
  messageEn: string;
  suggestion?: { cell: string; value: number; formula?: string };
}

export interface CheckSheetJson {
  sheet: string;
  kind: "project" | "department" | "summary" | "scorecard" | null;
  /** Why no table was recognised (null when one was). */
  reason: string | null;
  reasonEn: string | null;
  name: string | null;
  /** 总分 as the rules compute it (after the fill); null where the table has none. */
  total: number | null;
  /** 总分 the table states. */
  statedTotal: number | null;
  grade: string | null;
  weightSum: number | null;
  counts: { error: number; warning: number; info: number };
  /** How many cells `jixiao fill` would change. */
  fillChanges: number;
  findings: CheckFindingJson[];
}

export interface CheckJson {
  file: string;
  profile: string;
  sheets: CheckSheetJson[];
}

function statedTotal(t: TableAnalysis): number | null {
  if (t.table.kind === "summary") return null;
  const c = t.table.total;
  if (c && !c.empty) return c.value;
  // a scorecard's 总分 may be written inside a text ("自评得分：98")
  return t.table.kind === "scorecard" ? (t.table.totalInText?.value ?? null) : null;
}

function findingJson(f: Finding): CheckFindingJson {
  const j: CheckFindingJson = { code: f.code, severity: f.severity, cell: f.cell, message: f.message, messageEn: f.messageEn };
  if (f.suggestion) j.suggestion = suggestionJson(f.suggestion);
  return j;
}

function suggestionJson(s: NonNullable<Finding["suggestion"]>): NonNullable<CheckFindingJson["suggestion"]> {
  return { ...s };
}

function findingsJson(findings: Finding[]): CheckFindingJson[] {
  const out: CheckFindingJson[] = [];
  for (let i = 0; i < findings.length; i++) out.push(findingJson(findings[i]));
  return out;
}

function counts(findings: Finding[]) {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** How many cells the fill writes for each table (its part of the app's combined plan). */
function fillCounts(analysis: WorkbookAnalysis): Map<TableAnalysis, number> {
  const out = new Map<TableAnalysis, number>();
  const plans = tablePlans(analysis);
  for (let i = 0; i < plans.length; i++) out.set(plans[i].table, plans[i].changes.length);
  return out;
}

/** A sheet with no table: why, in both languages. */
function noTableSheetJson(s: SheetAnalysis): CheckSheetJson {
  return {
    sheet: s.sheet,
    kind: null,
    reason: s.reason ? noTableText(translator("zh"), s.reason) : t("cli.noTableReason", "zh"),
    reasonEn: s.reason ? noTableText(translator("en"), s.reason) : t("cli.noTableReason", "en"),
    name: null,
    total: null,
    statedTotal: null,
    grade: null,
    weightSum: null,
    counts: { error: 0, warning: 0, info: 0 },
    fillChanges: 0,
    findings: [],
  };
}

/** One table of a sheet: its kind, name, 总分, 等级, counts and findings. */
function tableSheetJson(sheet: string, t: TableAnalysis, toFill: Map<TableAnalysis, number>): CheckSheetJson {
  const findings = sortFindings(t.findings);
  return {
    sheet,
    kind: t.kind,
    reason: null,
    reasonEn: null,
    name: t.name,
    total: t.evaluation.total,
    statedTotal: statedTotal(t),
    grade: t.evaluation.grade,
    weightSum: t.kind === "summary" ? null : t.evaluation.weightSum,
    counts: counts(findings),
    fillChanges: toFill.get(t) ?? 0,
    findings: findingsJson(findings),
  };
}

export function checkJson(file: string, analysis: WorkbookAnalysis): CheckJson {
  const toFill = fillCounts(analysis);
  const sheets: CheckSheetJson[] = [];
  for (const s of analysis.sheets) {
    if (s.tables.length === 0) sheets.push(noTableSheetJson(s));
    else for (let i = 0; i < s.tables.length; i++) sheets.push(tableSheetJson(s.sheet, s.tables[i], toFill));
  }
  return { file, profile: analysis.profile, sheets };
}

function sheetHeading(s: SheetAnalysis, lang: Lang): string {
  return t("cli.sheet", { sheet: s.sheet }, lang);
}

/** The human-readable report: one block per table, findings aligned (severity, code, cell, message). */
export function checkText(file: string, analysis: WorkbookAnalysis, lang: Lang = "zh"): string {
  const zh = lang === "zh";
  const say = translator(lang);
  const profile = getProfile(analysis.profile);
  const lines: string[] = [];
  lines.push(say("cli.file", { file }));
  lines.push(say("cli.rules", { profile }));
  const all = analysis.sheets.flatMap((s) => s.tables.flatMap((t) => t.findings));
  const codeWidth = Math.max(4, ...all.map((f) => f.code.length));
  const cellWidth = Math.max(4, ...all.map((f) => (f.cell ?? "—").length));
  const toFill = fillCounts(analysis);
  let tables = 0;
  for (const s of analysis.sheets) {
    lines.push("");
    if (s.tables.length === 0) {
      const reason = s.reason ? noTableText(say, s.reason) : say("cli.noTableReason");
      lines.push(say("cli.noTableOn", { heading: sheetHeading(s, lang), reason: oneLine(reason) }));
      continue;
    }
    for (const t of s.tables) {
      tables++;
      const kind = say(`cli.kind.${t.kind}`);
      lines.push(`${sheetHeading(s, lang)} ${kind}${t.name ? ` · ${oneLine(t.name)}` : ""}`);
      const e = t.evaluation;
      const facts: string[] = [];
      if (t.kind !== "summary") {
        const stated = statedTotal(t);
        const total = e.total === null ? "—" : formatNumber(e.total);
        const statedNote =
          stated !== null && e.total !== null && Math.abs(stated - e.total) > 0.005
            ? say("cli.statedTotal", { stated: formatNumber(stated) })
            : "";
        facts.push(say("cli.total", { total, statedNote }));
        facts.push(say("cli.grade", { grade: e.grade ?? "—" }));
      }
      const c = counts(t.findings);
      facts.push(say("cli.counts", { errors: c.error, warnings: c.warning, notes: c.info }));
      lines.push(`  ${facts.join(" · ")}`);
      for (const f of sortFindings(t.findings)) {
        const sev = say(`cli.severity.${f.severity}`);
        const msg = oneLine(zh ? f.message : f.messageEn);
        lines.push(`  ${sev}  ${pad(f.code, codeWidth)}  ${pad(f.cell ?? "—", cellWidth)}  ${msg}`);
      }
      const n = toFill.get(t) ?? 0;
      if (n > 0) {
        lines.push(say("cli.canFill", { cells: n, file: quote(file) }));
      }
    }
  }
  lines.push("");
  if (tables === 0) lines.push(say("cli.noTableAnywhere"));
  return lines.join("\n") + "\n";
}

function quote(p: string): string {
  return /^[\w./\\:-]+$/.test(p) ? p : JSON.stringify(p);
}

/** One file named, no batch option: the detailed report of that file. Anything more: a batch (src/cli/batch.ts). */
function isBatch(args: ParsedArgs, cwd: string): boolean {
  if (args.positionals.length !== 1 || args.report || args.failOn || args.workers) return true;
  try {
    return fs.statSync(path.resolve(cwd, args.positionals[0])).isDirectory();
  } catch {
    return false;
  }
}

export async function runCheck(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positionals.length > 0 && isBatch(args, io.cwd ?? process.cwd())) return runBatchCheck(args, io);
  if (args.positionals.length !== 1) {
    throw args.positionals.length === 0 ? userError("usage-check-file") : userError("usage-check-one");
  }
  if (args.output) throw userError("usage-check-output");
  const profile = checkProfile(args.profile);
  const file = args.positionals[0];
  const { analysis } = await analyseFile(path.resolve(io.cwd ?? process.cwd(), file), profile);
  if (args.json) (io.stdoutJson ?? io.stdout)(JSON.stringify(checkJson(file, analysis), null, 2) + "\n");
  else io.stdout(checkText(file, analysis, args.lang));
  return EXIT_OK;
}
