/**
 * The WPS ribbon's callbacks (ribbon.xml names them `ribbon.OnAddinLoad`, `ribbon.OnAction`, …).
 *
 * Every callback is SYNCHRONOUS and returns its value directly: async callbacks (a returned Promise) broke the
 * ribbon in some WPS 12.1 builds. That is possible because the WPS object model is synchronous and so is the engine:
 * 检查 and 填充公式 run read → analyse → (confirm) → write inside the click, through the `…Sync` methods of
 * WpsSpreadsheetHost, the same code the pane runs. A callback never throws: a problem becomes a message box.
 *
 * Buttons (WPS 表格): 检查 (select the first cell at fault, say what was found), 填充公式 (list what will be written,
 * write it after OK, undoable), 标注问题 (list the cells to mark, mark them after OK: comments and colours, undoable),
 * 撤销, 任务窗格. WPS 文字: 任务窗格 (写入报告 / 刷新 happen there).
 * The outcome of 检查 / 填充公式 is also kept for the pane, which shows it the next time it opens.
 */
import { analyse, combinedPlan, describeCheck, summarize } from "../../app/workflow";
import { countMarks, describeMarks, planMarks } from "../../app/marks";
import { loadLangChoice, loadProfile, saveLastCommand, type KeyValueStore } from "../../app/settings";
import { detectLang, notice, toUserError, type Lang } from "../../core/messages";
import { call, get, has, put } from "./com";
import { detectWps } from "./detect";
import { WpsSpreadsheetHost } from "./WpsSpreadsheetHost";

export const CONTROL = {
  check: "jixiaoCheck",
  fill: "jixiaoFill",
  mark: "jixiaoMark",
  undo: "jixiaoUndo",
  pane: "jixiaoPane",
} as const;

/** Where the pane's id is remembered between clicks (WPS's PluginStorage lives as long as the application). */
export const PANE_KEY = "jixiao.taskpane";
/** At most this many planned cells are listed in the confirmation before 填充公式 writes. */
const LISTED = 12;

export interface RibbonDeps {
  /** The page's window (its Application is WPS's object model). */
  win: unknown;
  /** Message boxes: synchronous, as window.alert / window.confirm are. */
  alert(message: string): void;
  confirm(message: string): boolean;
  /** The pane's address (index.html#pane beside this page). */
  paneUrl(): string;
  store?: KeyValueStore | null;
  now?(): number;
}

export interface Ribbon {
  OnAddinLoad(ribbonUI: unknown): boolean;
  OnAction(control: unknown): boolean;
  OnGetVisible(control: unknown): boolean;
  OnGetEnabled(control: unknown): boolean;
  GetImage(control: unknown): string;
}

function controlId(control: unknown): string {
  try {
    const id = get<unknown>(control, "Id");
    return typeof id === "string" ? id : String(id ?? "");
  } catch {
    return "";
  }
}

export function createRibbon(deps: RibbonDeps): Ribbon {
  const now = deps.now ?? Date.now;
  const store = deps.store;
  const lang = (): Lang => {
    const nav = (deps.win as { navigator?: { language?: string } } | null)?.navigator?.language ?? null;
    return detectLang(loadLangChoice(store ?? undefined), null, nav);
  };
  const say = (zh: string, en: string) => deps.alert(lang() === "zh" ? `${zh}\n\n${en}` : `${en}\n\n${zh}`);
  const wps = () => detectWps(deps.win);
  const host = () => {
    const env = wps();
    if (!env || env.kind !== "et") return null;
    return new WpsSpreadsheetHost(env.app);
  };
  const profile = () => loadProfile(store ?? undefined);

  function check(h: WpsSpreadsheetHost): void {
    try {
      const analysis = analyse(h.readSheetsSync("active"), profile());
      const summary = summarize(analysis);
      const text = describeCheck(summary);
      if (summary.firstCell) {
        try {
          h.selectCellSync(summary.firstCell.sheet, summary.firstCell.cell);
        } catch {
          /* selecting is a convenience */
        }
      }
      const ok = summary.tables > 0 && summary.bySeverity.error === 0;
      saveLastCommand({ command: "check", at: now(), ok, ...text }, store ?? undefined);
      const where = summary.firstCell
        ? notice("first-selected", { cell: `${summary.firstCell.sheet}!${summary.firstCell.cell}` })
        : { zh: "", en: "" };
      const see = notice("see-pane");
      say(`${text.zh}${where.zh}\n${see.zh}`, `${text.en} ${where.en}\n${see.en}`);
    } catch (e) {
      const err = toUserError(e);
      saveLastCommand({ command: "check", at: now(), ok: false, zh: err.zh, en: err.en }, store ?? undefined);
      say(err.zh, err.en);
    }
  }

  function fill(h: WpsSpreadsheetHost): void {
    try {
      const analysis = analyse(h.readSheetsSync("active"), profile());
      const plan = combinedPlan(analysis);
      const n = plan.changes.length;
      if (n === 0) {
        const none = notice("nothing-to-fill");
        saveLastCommand({ command: "fill", at: now(), ok: true, ...none }, store ?? undefined);
        say(none.zh, none.en);
        return;
      }
      // Nothing is written without a preview: the cells, what goes in, why — then OK or Cancel.
      const lines = plan.changes
        .slice(0, LISTED)
        .map(
          (c) =>
            `${c.sheet}!${c.cell}  ${c.after.formula ?? (c.after.value === undefined ? (c.after.numberFormat ?? "") : String(c.after.value))}  （${lang() === "zh" ? c.reason : c.reasonEn}）`,
        );
      const more = n > LISTED ? notice("fill-more", { cells: n - LISTED })[lang()] : "";
      const head = notice("fill-preview", { cells: n })[lang()];
      const ask = notice("fill-ask")[lang()];
      const message = [head, ...lines, ...(more ? [more] : []), "", ask].join("\n");
      if (!deps.confirm(message)) return;
      h.applyPlanSync(plan);
      const done = notice("filled-ribbon", { cells: n });
      saveLastCommand({ command: "fill", at: now(), ok: true, ...done }, store ?? undefined);
      say(done.zh, done.en);
    } catch (e) {
      const err = toUserError(e);
      saveLastCommand({ command: "fill", at: now(), ok: false, zh: err.zh, en: err.en }, store ?? undefined);
      say(err.zh, err.en);
    }
  }

  /** 标注问题: the cells to mark listed first (as 填充公式 lists its changes), then comments and colours after OK. */
  function mark(h: WpsSpreadsheetHost): void {
    try {
      const analysis = analyse(h.readSheetsSync("active"), profile());
      const plan = planMarks(analysis, lang());
      const n = plan.marks.length;
      if (n === 0) {
        const none = describeMarks([]);
        saveLastCommand({ command: "mark", at: now(), ok: true, ...none }, store ?? undefined);
        say(none.zh, none.en);
        return;
      }
      const zh = lang() === "zh";
      const c = countMarks(plan.marks);
      const head = zh
        ? `将标注 ${n} 个单元格（错误 ${c.error}，警告 ${c.warning}），数值和公式不变：`
        : `${n} cell(s) will be marked (${c.error} error(s), ${c.warning} warning(s)); values and formulas stay:`;
      const lines = plan.marks.slice(0, LISTED).map((m) => `${m.sheet}!${m.cell}  ${m.note.split(/\r?\n/)[1] ?? ""}`);
      const more = n > LISTED ? (zh ? `……另有 ${n - LISTED} 个` : `… and ${n - LISTED} more`) : "";
      if (!deps.confirm([head, ...lines, ...(more ? [more] : []), "", zh ? "确定标注吗？" : "Mark them?"].join("\n"))) return;
      h.applyMarksSync(plan);
      const text = describeMarks(plan.marks);
      const done = {
        zh: `${text.zh}可点“撤销填写”或在任务窗格中撤销、清除标注。`,
        en: `${text.en} Undo (ribbon or task pane) or Clear marks in the pane takes them back.`,
      };
      saveLastCommand({ command: "mark", at: now(), ok: true, ...done }, store ?? undefined);
      say(done.zh, done.en);
    } catch (e) {
      const err = toUserError(e);
      saveLastCommand({ command: "mark", at: now(), ok: false, zh: err.zh, en: err.en }, store ?? undefined);
      say(err.zh, err.en);
    }
  }

  function undo(h: WpsSpreadsheetHost): void {
    try {
      if (!h.canUndoSync()) {
        say(notice("no-fill-to-undo").zh, notice("no-fill-to-undo").en);
        return;
      }
      h.undoSync();
      say(notice("undone").zh, notice("undone").en);
    } catch (e) {
      const err = toUserError(e);
      say(err.zh, err.en);
    }
  }

  /** Shows the pane, or hides it when it is showing (one pane per window, remembered in PluginStorage). */
  function togglePane(): void {
    try {
      const env = wps();
      if (!env) throw new Error("WPS Application not found");
      const app = env.app;
      const storage = has(app, "PluginStorage") ? get<object>(app, "PluginStorage") : null;
      const known = storage ? call<unknown>(storage, "getItem", PANE_KEY) : undefined;
      const existing = known ? call<object | null>(app, "GetTaskPane", known) : null;
      if (existing) {
        put(existing, "Visible", !get<boolean>(existing, "Visible"));
        return;
      }
      const pane = call<object>(app, "CreateTaskPane", deps.paneUrl());
      put(pane, "Visible", true);
      if (storage) call(storage, "setItem", PANE_KEY, get(pane, "ID"));
    } catch (e) {
      const err = toUserError(e);
      const failed = notice("pane-failed", { message: err });
      say(failed.zh, failed.en);
    }
  }

  return {
    OnAddinLoad(_ribbonUI: unknown): boolean {
      return true;
    },
    OnAction(control: unknown): boolean {
      const id = controlId(control);
      if (id === CONTROL.pane) {
        togglePane();
        return true;
      }
      const h = host();
      if (!h) {
        const first = notice("open-table-first");
        say(first.zh, first.en);
        return true;
      }
      if (id === CONTROL.check) check(h);
      else if (id === CONTROL.fill) fill(h);
      else if (id === CONTROL.mark) mark(h);
      else if (id === CONTROL.undo) undo(h);
      return true;
    },
    OnGetVisible(control: unknown): boolean {
      const id = controlId(control);
      if (id === CONTROL.pane) return true;
      return wps()?.kind === "et";
    },
    OnGetEnabled(_control: unknown): boolean {
      return true;
    },
    GetImage(control: unknown): string {
      const id = controlId(control);
      const name =
        id === CONTROL.check
          ? "check"
          : id === CONTROL.fill
            ? "fill"
            : id === CONTROL.mark
              ? "mark"
              : id === CONTROL.undo
                ? "undo"
                : "pane";
      return `assets/ribbon-${name}.svg`;
    },
  };
}
