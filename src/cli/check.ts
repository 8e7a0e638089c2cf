/** `jixiao check <file.xlsx> [--json] [--profile …] [--lang zh|en]`: per table its kind, name, 总分, 等级 and findings. */
import * as fs from "fs";
import * as path from "path";
import { runBatchCheck } from "./batch";
import { getProfile, sortFindings, type Finding, type SheetAnalysis, type TableAnalysis, type WorkbookAnalysis } from "../core";
import type { CliIO } from "./io";
import { EXIT_OK } from "./io";
import type { ParsedArgs } from "./args";
import { userError } from "../core/messages";
import { analyseFile, checkProfile } from "./workbook";
import { tablePlans } from "../app/workflow";
import { num, oneLine, pad } from "./format";

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

const KIND_ZH = { project: "项目支出绩效自评表", department: "部门整体支出绩效自评表", summary: "项目支出绩效自评情况汇总表", scorecard: "绩效评价指标体系评分表" };
const KIND_EN = { project: "project self-evaluation table", department: "department self-evaluation table", summary: "summary of project self-evaluations", scorecard: "performance evaluation scorecard" };
const SEVERITY_ZH = { error: "错误", warning: "警告", info: "提示" };
const SEVERITY_EN = { error: "error  ", warning: "warning", info: "info   " };

function statedTotal(t: TableAnalysis): number | null {
  if (t.table.kind === "summary") return null;
  const c = t.table.total;
  if (c && !c.empty) return c.value;
  // a scorecard's 总分 may be written inside a text ("自评得分：98")
  return t.table.kind === "scorecard" ? (t.table.totalInText?.value ?? null) : null;
}

function findingJson(f: Finding): CheckFindingJson {
  const j: CheckFindingJson = { code: f.code, severity: f.severity, cell: f.cell, message: f.message, messageEn: f.messageEn };
  if (f.suggestion) j.suggestion = { ...f.suggestion };
  return j;
}

function counts(findings: Finding[]) {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** How many cells the fill writes for each table (its part of the app's combined plan). */
function fillCounts(analysis: WorkbookAnalysis): Map<TableAnalysis, number> {
  return new Map(tablePlans(analysis).map((p) => [p.table, p.changes.length]));
}

export function checkJson(file: string, analysis: WorkbookAnalysis): CheckJson {
  const toFill = fillCounts(analysis);
  const sheets: CheckSheetJson[] = [];
  for (const s of analysis.sheets) {
    if (s.tables.length === 0) {
      sheets.push({
        sheet: s.sheet,
        kind: null,
        reason: s.reason ?? "未识别到绩效自评表",
        reasonEn: s.reasonEn ?? "No self-evaluation table recognised",
        name: null,
        total: null,
        statedTotal: null,
        grade: null,
        weightSum: null,
        counts: { error: 0, warning: 0, info: 0 },
        fillChanges: 0,
        findings: [],
      });
      continue;
    }
    for (const t of s.tables) {
      const findings = sortFindings(t.findings);
      sheets.push({
        sheet: s.sheet,
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
        findings: findings.map(findingJson),
      });
    }
  }
  return { file, profile: analysis.profile, sheets };
}

function sheetHeading(s: SheetAnalysis, lang: "zh" | "en"): string {
  return lang === "zh" ? `工作表「${s.sheet}」` : `Sheet "${s.sheet}"`;
}

/** The human-readable report: one block per table, findings aligned (severity, code, cell, message). */
export function checkText(file: string, analysis: WorkbookAnalysis, lang: "zh" | "en" = "zh"): string {
  const zh = lang === "zh";
  const profile = getProfile(analysis.profile);
  const lines: string[] = [];
  lines.push(zh ? `文件：${file}` : `File: ${file}`);
  lines.push(zh ? `评分规则：${profile.name}` : `Scoring rules: ${profile.nameEn}`);
  const all = analysis.sheets.flatMap((s) => s.tables.flatMap((t) => t.findings));
  const codeWidth = Math.max(4, ...all.map((f) => f.code.length));
  const cellWidth = Math.max(4, ...all.map((f) => (f.cell ?? "—").length));
  const toFill = fillCounts(analysis);
  let tables = 0;
  for (const s of analysis.sheets) {
    lines.push("");
    if (s.tables.length === 0) {
      const reason = zh ? s.reason ?? "未识别到绩效自评表" : s.reasonEn ?? "no self-evaluation table recognised";
      lines.push(`${sheetHeading(s, lang)}${zh ? "：未识别到绩效自评表 —— " : ": no table recognised — "}${oneLine(reason)}`);
      continue;
    }
    for (const t of s.tables) {
      tables++;
      const kind = zh ? KIND_ZH[t.kind] : KIND_EN[t.kind];
      lines.push(`${sheetHeading(s, lang)} ${kind}${t.name ? ` · ${oneLine(t.name)}` : ""}`);
      const e = t.evaluation;
      const facts: string[] = [];
      if (t.kind !== "summary") {
        const stated = statedTotal(t);
        const total = e.total === null ? "—" : num(e.total);
        const statedNote =
          stated !== null && e.total !== null && Math.abs(stated - e.total) > 0.005
            ? zh
              ? `（表中填写 ${num(stated)}）`
              : ` (the table states ${num(stated)})`
            : "";
        facts.push(zh ? `总分 ${total}${statedNote}` : `total ${total}${statedNote}`);
        facts.push(zh ? `等级 ${e.grade ?? "—"}` : `grade ${e.grade ?? "—"}`);
      }
      const c = counts(t.findings);
      facts.push(
        zh
          ? `${c.error} 个错误、${c.warning} 个警告、${c.info} 条提示`
          : `${c.error} error(s), ${c.warning} warning(s), ${c.info} note(s)`,
      );
      lines.push(`  ${facts.join(" · ")}`);
      for (const f of sortFindings(t.findings)) {
        const sev = zh ? SEVERITY_ZH[f.severity] : SEVERITY_EN[f.severity];
        const msg = oneLine(zh ? f.message : f.messageEn);
        lines.push(`  ${sev}  ${pad(f.code, codeWidth)}  ${pad(f.cell ?? "—", cellWidth)}  ${msg}`);
      }
      const n = toFill.get(t) ?? 0;
      if (n > 0) {
        lines.push(
          zh
            ? `  可自动填充 ${n} 处公式/数值：jixiao fill ${quote(file)} -o <输出.xlsx>`
            : `  ${n} cell(s) can be filled: jixiao fill ${quote(file)} -o <out.xlsx>`,
        );
      }
    }
  }
  lines.push("");
  if (tables === 0) lines.push(zh ? "未在任何工作表中识别到绩效自评表。" : "No self-evaluation table was recognised on any sheet.");
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
    throw args.positionals.length === 0
      ? userError("usage-check-file")
      : userError("usage-check-one");
  }
  if (args.output) throw userError("usage-check-output");
  const profile = checkProfile(args.profile);
  const file = args.positionals[0];
  const { analysis } = await analyseFile(path.resolve(io.cwd ?? process.cwd(), file), profile);
  io.stdout(args.json ? JSON.stringify(checkJson(file, analysis), null, 2) + "\n" : checkText(file, analysis, args.lang));
  return EXIT_OK;
}
