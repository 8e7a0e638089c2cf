/**
 * The Office ribbon shell (ExecuteFunction, no task pane needed): each button drives one command of src/app/commands
 * over ExcelHost and keeps its Outcome's record for the pane, which shows it the next time it opens.
 *  - 检查 (checkWorkbook): the active sheet checked, the first cell at fault selected;
 *  - 填充公式 (fillFormulas): the active sheet's fill plan written (撤销 in the pane takes it back);
 *  - 标注问题 (markFindings): the active sheet's findings marked on their cells (撤销 and 清除标注 in the pane).
 */
import { ExcelHost } from "../adapters/excel/ExcelHost";
import type { SpreadsheetHost } from "../host/host";
import { check, commitCheck } from "../app/commands/check";
import { fill } from "../app/commands/fill";
import { checkAndMark } from "../app/commands/mark";
import { failed, type CommandContext, type CommandName, type Outcome } from "../app/commands/outcome";
import { loadProfile, saveLastCommand, type KeyValueStore } from "../app/settings";
import { detectLang, type Lang } from "../core/messages";

export interface CommandDeps {
  host(): SpreadsheetHost;
  store?: KeyValueStore | null;
  now?(): number;
}

/** Runs one command and keeps its outcome for the pane. Never throws: a failure is an outcome too. */
async function run(deps: CommandDeps, command: CommandName, go: (host: SpreadsheetHost, ctx: CommandContext) => Promise<Outcome>) {
  const ctx: CommandContext = { profile: loadProfile(deps.store), undoIn: "pane", now: deps.now };
  let done: Outcome;
  try {
    done = await go(deps.host(), ctx);
  } catch (e) {
    done = failed(command, e, ctx);
  }
  if (done.record) saveLastCommand(done.record, deps.store);
}

/** 检查 from the ribbon. */
export function runCheckCommand(deps: CommandDeps): Promise<void> {
  return run(deps, "check", async (host, ctx) => commitCheck(host, await check(host, { ...ctx, scope: "active" }), ctx));
}

/** 填充公式 from the ribbon: the whole plan, undoable from the pane. */
export function runFillCommand(deps: CommandDeps): Promise<void> {
  return run(deps, "fill", async (host, ctx) => (await fill(host, { ...ctx, scope: "active" })).outcome);
}

/** 标注问题 from the ribbon: the active sheet's findings marked on their cells, undoable from the pane. */
export function runMarkCommand(deps: CommandDeps & { lang?: Lang }): Promise<void> {
  return run(deps, "mark", async (host, ctx) => (await checkAndMark(host, { ...ctx, lang: deps.lang ?? "zh", scope: "active" })).outcome);
}

const deps: CommandDeps = { host: () => new ExcelHost() };

async function markFindings(event: Office.AddinCommands.Event): Promise<void> {
  let lang: Lang = "zh";
  try {
    lang = detectLang("auto", Office.context.displayLanguage);
  } catch {
    /* Chinese when Office does not say */
  }
  await runMarkCommand({ ...deps, lang });
  event.completed();
}

async function checkWorkbook(event: Office.AddinCommands.Event): Promise<void> {
  await runCheckCommand(deps);
  event.completed();
}

async function fillFormulas(event: Office.AddinCommands.Event): Promise<void> {
  await runFillCommand(deps);
  event.completed();
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    Office.actions.associate("checkWorkbook", checkWorkbook);
    Office.actions.associate("fillFormulas", fillFormulas);
    Office.actions.associate("markFindings", markFindings);
  });
}
