/**
 * The WPS ribbon's callbacks (ribbon.xml names them `ribbon.OnAddinLoad`, `ribbon.OnAction`, …).
 *
 * Every callback is SYNCHRONOUS and returns its value directly: async callbacks (a returned Promise) broke the
 * ribbon in some WPS 12.1 builds. That is possible because the WPS object model is synchronous and so is the engine:
 * each button runs a command of src/app/commands — read → plan → (confirm) → commit inside the click — through the
 * synchronous port of WpsSpreadsheetHost: the same plans and outcomes as the pane and the Office ribbon. A callback
 * never throws: a problem becomes a message box.
 *
 * Buttons (WPS 表格): 检查 (select the first cell at fault, say what was found), 填充公式 (list what will be written,
 * write it after OK, undoable), 标注问题 (list the cells to mark, mark them after OK: comments and colours, undoable),
 * 撤销, 任务窗格. WPS 文字: 任务窗格 (写入报告 / 刷新 happen there).
 * The outcome of 检查 / 填充公式 is also kept for the pane, which shows it the next time it opens.
 */
import { commitCheckSync, planCheck } from "../app/commands/check";
import { commitFillSync, fillFrom } from "../app/commands/fill";
import { commitMarkSync, countMarks, markFrom } from "../app/commands/mark";
import { undoSync } from "../app/commands/undo";
import { failed, said, type CommandContext, type CommandName, type Outcome } from "../app/commands/outcome";
import { loadLangChoice, loadProfile, saveLastCommand, type KeyValueStore } from "../app/settings";
import { detectLang, notice, toUserError, type Lang } from "../core/messages";
import type { CellChange } from "../core/plan";
import { call, get, has, put } from "../adapters/wps/com";
import { detectWps } from "../adapters/wps/detect";
import { WpsSpreadsheetHost } from "../adapters/wps/WpsSpreadsheetHost";

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

  const ctx = (): CommandContext => ({ profile: profile(), lang: lang(), undoIn: "ribbon", now });

  /** Runs one command: its outcome kept for the pane (where it keeps one) and said; a failure said the same way. */
  function run(command: CommandName, go: (c: CommandContext) => Outcome | null): void {
    const c = ctx();
    let done: Outcome | null;
    try {
      done = go(c);
    } catch (e) {
      done = failed(command, e, c);
    }
    if (!done) return; // the person said no
    if (done.record) saveLastCommand(done.record, store ?? undefined);
    const t = said(done);
    if (command === "check" && !("error" in done.message)) {
      const where = done.select ? notice("first-selected", { cell: `${done.select.sheet}!${done.select.cell}` }) : { zh: "", en: "" };
      const see = notice("see-pane");
      say(`${t.zh}${where.zh}\n${see.zh}`, `${t.en} ${where.en}\n${see.en}`);
    } else say(t.zh, t.en);
  }

  /** The active sheet read and checked (the proposal every button starts from). */
  const checked = (h: WpsSpreadsheetHost, c: CommandContext) => planCheck(h.readSheetsSync("active"), c);

  function check(h: WpsSpreadsheetHost): void {
    run("check", (c) => commitCheckSync(h, checked(h, c), c));
  }

  /** 填充公式: nothing is written without a preview — the cells, what goes in, why — then OK or Cancel. */
  function fill(h: WpsSpreadsheetHost): void {
    run("fill", (c) => {
      const proposal = fillFrom(checked(h, c));
      const n = proposal.plan.changes.length;
      if (n > 0) {
        const l = lang();
        const what = (ch: CellChange) =>
          `${ch.sheet}!${ch.cell}  ${ch.after.formula ?? (ch.after.value === undefined ? (ch.after.numberFormat ?? "") : String(ch.after.value))}  （${l === "zh" ? ch.reason : ch.reasonEn}）`;
        // a cell whose role was inferred (a row label, a position) is written only while empty: the preview says so
        const lines = proposal.plan.changes.slice(0, LISTED).map((ch) => `${what(ch)}${ch.inferred ? notice("fill-inferred")[l] : ""}`);
        const more = n > LISTED ? notice("fill-more", { cells: n - LISTED })[l] : "";
        // … and over a person's entry it is only suggested: listed apart, not written
        const held = (proposal.analysis?.sheets ?? []).flatMap((s) => s.tables.flatMap((t) => t.suggested ?? []));
        const suggested = held.length ? ["", notice("fill-held", { cells: held.length })[l], ...held.slice(0, LISTED).map(what)] : [];
        const message = [
          notice("fill-preview", { cells: n })[l],
          ...lines,
          ...(more ? [more] : []),
          ...suggested,
          "",
          notice("fill-ask")[l],
        ].join("\n");
        if (!deps.confirm(message)) return null;
      }
      return commitFillSync(h, proposal, c);
    });
  }

  /** 标注问题: the cells to mark listed first (as 填充公式 lists its changes), then comments and colours after OK. */
  function mark(h: WpsSpreadsheetHost): void {
    run("mark", (c) => {
      const proposal = markFrom(checked(h, c), c);
      const n = proposal.plan.marks.length;
      if (n > 0) {
        const l = lang();
        const counts = countMarks(proposal.plan.marks);
        const head = notice("mark-preview", { cells: n, errors: counts.error, warnings: counts.warning })[l];
        const lines = proposal.plan.marks.slice(0, LISTED).map((m) => `${m.sheet}!${m.cell}  ${m.note.split(/\r?\n/)[1] ?? ""}`);
        const more = n > LISTED ? notice("mark-more", { cells: n - LISTED })[l] : "";
        if (!deps.confirm([head, ...lines, ...(more ? [more] : []), "", notice("mark-ask")[l]].join("\n"))) return null;
      }
      return commitMarkSync(h, proposal, c);
    });
  }

  function undo(h: WpsSpreadsheetHost): void {
    run("undo", (c) => undoSync(h, c));
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
