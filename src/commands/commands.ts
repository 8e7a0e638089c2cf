/**
 * Ribbon commands (ExecuteFunction, no task pane needed):
 *  - 检查 (checkWorkbook): analyse the active sheet, select the first cell at fault, and leave a summary that the
 *    pane shows the next time it opens;
 *  - 填充公式 (fillFormulas): analyse and write the fill plan through ExcelHost, which keeps the undo record in
 *    the workbook (撤销 in the pane takes it back);
 *  - 标注问题 (markFindings): analyse the active sheet and mark its findings on the cells (notes and colours, see
 *    src/app/marks.ts); 撤销 and 清除标注 in the pane take them back.
 * Both go through the same read → analyse → apply path as the pane, the WPS ribbon and the CLI (src/app/workflow.ts).
 */
import { ExcelHost } from "../adapters/excel/ExcelHost";
import type { SpreadsheetHost } from "../host/host";
import { check, describeCheck, fill, summarize } from "../app/workflow";
import { toUserError } from "../core/messages";
import { loadProfile, saveLastCommand, type KeyValueStore } from "../app/settings";
import { checkAndMark, describeMarks } from "../app/marks";
import { detectLang, type Lang } from "../core/messages";

export interface CommandDeps {
  host(): SpreadsheetHost;
  store?: KeyValueStore | null;
  now?(): number;
}

/** 检查 from the ribbon. Never throws: the outcome is stored for the pane. */
export async function runCheckCommand(deps: CommandDeps): Promise<void> {
  const now = deps.now ?? Date.now;
  try {
    const host = deps.host();
    const analysis = await check(host, { profile: loadProfile(deps.store), scope: "active" });
    const summary = summarize(analysis);
    const text = describeCheck(summary);
    if (summary.firstCell) {
      await host.selectCell(summary.firstCell.sheet, summary.firstCell.cell).catch(() => undefined);
    }
    const ok = summary.tables > 0 && summary.bySeverity.error === 0;
    saveLastCommand({ command: "check", at: now(), ok, ...text }, deps.store);
  } catch (e) {
    const err = toUserError(e);
    saveLastCommand({ command: "check", at: now(), ok: false, zh: err.zh, en: err.en }, deps.store);
  }
}

/** 填充公式 from the ribbon: the whole plan, undoable from the pane. Never throws. */
export async function runFillCommand(deps: CommandDeps): Promise<void> {
  const now = deps.now ?? Date.now;
  try {
    const host = deps.host();
    const { plan } = await fill(host, { profile: loadProfile(deps.store), scope: "active" });
    const n = plan.changes.length;
    saveLastCommand(
      n > 0
        ? { command: "fill", at: now(), ok: true, zh: `已写入 ${n} 处公式与得分，可在任务窗格中撤销。`, en: `${n} cell(s) written; Undo in the task pane takes them back.` }
        : { command: "fill", at: now(), ok: true, zh: "没有需要填充的单元格。", en: "Nothing to fill." },
      deps.store,
    );
  } catch (e) {
    const err = toUserError(e);
    saveLastCommand({ command: "fill", at: now(), ok: false, zh: err.zh, en: err.en }, deps.store);
  }
}

/** 标注问题 from the ribbon: the active sheet's findings marked on their cells, undoable from the pane. Never throws. */
export async function runMarkCommand(deps: CommandDeps & { lang?: Lang }): Promise<void> {
  const now = deps.now ?? Date.now;
  try {
    const host = deps.host();
    const { plan } = await checkAndMark(host, { profile: loadProfile(deps.store), scope: "active", lang: deps.lang ?? "zh" });
    const text = describeMarks(plan.marks);
    saveLastCommand(
      plan.marks.length > 0
        ? { command: "mark", at: now(), ok: true, zh: `${text.zh}可在任务窗格中撤销或清除标注。`, en: `${text.en} Undo or Clear marks in the task pane takes them back.` }
        : { command: "mark", at: now(), ok: true, ...text },
      deps.store,
    );
  } catch (e) {
    const err = toUserError(e);
    saveLastCommand({ command: "mark", at: now(), ok: false, zh: err.zh, en: err.en }, deps.store);
  }
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
