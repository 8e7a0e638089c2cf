/**
 * What a command's commit returns, the same for every shell: what happened as a catalogue key with its parameters (or
 * the error), the cell to select, and the record a ribbon command leaves for the pane. Shells only render it: the
 * ribbons say it in a message box or keep it for the pane, the pane shows it in its own words, the CLI prints it.
 */
import type { UserError } from "../../core/errors";
import { NOTICES, render, toUserError, type Lang, type NoticeArgs, type NoticeKey, type Pair, type ParamValue } from "../../core/messages";
import type { ProfileId } from "../../core/profiles";
import type { LastCommand } from "../settings";

export type CommandName = "check" | "fill" | "mark" | "clear" | "undo" | "report";

/** A notice of the catalogue (src/core/messages/notices.ts) and its parameters. */
export interface NoticeMessage {
  key: NoticeKey;
  params: Readonly<Record<string, ParamValue>>;
}

export interface Outcome {
  command: CommandName;
  /** False when the command failed, or (检查) when the workbook holds an error or no table. */
  ok: boolean;
  message: NoticeMessage | { error: UserError };
  /** The cell the shell puts the selection on (检查: the first error, else warning, at a cell). */
  select: { sheet: string; cell: string } | null;
  /** What the pane shows the next time it opens (检查, 填充公式 and 标注问题 keep it). */
  record: LastCommand | null;
}

/** What every command is planned and committed with. */
export interface CommandContext {
  profile: ProfileId;
  /** The person's language (the marks' notes are written in it). */
  lang?: Lang;
  /** Where the person can take a write back: only in the pane (Office ribbon), or on the ribbon too (WPS). */
  undoIn?: "pane" | "ribbon";
  /** The clock the record keeps (ms since the epoch). */
  now?: () => number;
}

/** The notice of `key`, typed as `notice(key, params)` is. */
export function message<K extends NoticeKey>(key: K, ...args: NoticeArgs<K>): NoticeMessage {
  return { key, params: (args[0] ?? {}) as Readonly<Record<string, ParamValue>> };
}

/** The outcome's sentence in both languages. */
export function said(outcome: Pick<Outcome, "message">): Pair {
  const m = outcome.message;
  if ("error" in m) return { zh: m.error.zh, en: m.error.en };
  const entry: Pair = NOTICES[m.key];
  return { zh: render(entry.zh, "zh", m.params), en: render(entry.en, "en", m.params) };
}

const RECORDED: ReadonlySet<CommandName> = new Set(["check", "fill", "mark"]);

/** An outcome, with its record when the command is one the pane reports on. */
export function outcome(
  command: CommandName,
  ok: boolean,
  m: Outcome["message"],
  ctx: Pick<CommandContext, "now">,
  select: Outcome["select"] = null,
): Outcome {
  const text = said({ message: m });
  const record: LastCommand | null = RECORDED.has(command)
    ? { command: command as LastCommand["command"], at: (ctx.now ?? Date.now)(), ok, zh: text.zh, en: text.en }
    : null;
  return { command, ok, message: m, select, record };
}

/** A command that failed: the error as the person reads it (never a stack trace). */
export function failed(command: CommandName, e: unknown, ctx: Pick<CommandContext, "now">): Outcome {
  return outcome(command, false, { error: toUserError(e) }, ctx);
}
