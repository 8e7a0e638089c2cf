/**
 * The standalone page's workbook worker: it holds the chosen file as a FileHost and does the heavy work off the
 * page's thread — reading the file, the check (read + the engine), fills, marks, undo and the saved bytes — so the
 * page only renders (workerHost.ts is its other end; workerProtocol.ts the messages). Built by webpack.config.js
 * into one script that the page starts from a blob: URL, which also works from file://.
 */
import { FileHost } from "../../adapters/xlsx/FileHost";
import { planCheck } from "../../app/commands/check";
import { toUserError } from "../../core/messages";
import type { SheetSnapshot } from "../../core/snapshot";
import type { Reply, Request, Stage } from "./workerProtocol";

/** The worker's global scope, as much of it as is used here (the project's types are the page's, not a worker's). */
export interface WorkerScope {
  onmessage: ((e: MessageEvent<Request>) => void) | null;
  postMessage(message: Reply, transfer?: Transferable[]): void;
}

/** The workbook this worker holds (one per worker: a file chosen again starts a new worker). */
interface Held {
  host: FileHost | null;
}

async function handle(
  held: Held,
  req: Request,
  stage: (s: Stage, done: number, total: number) => void,
): Promise<{ value: unknown; transfer?: Transferable[] }> {
  const opened = (): FileHost => {
    if (!held.host) throw new Error("no workbook is open in the worker");
    return held.host;
  };
  switch (req.op) {
    case "open": {
      stage("reading", 0, 0);
      held.host = null;
      const h = await FileHost.open(req.args.name, new Uint8Array(req.args.bytes));
      held.host = h;
      return { value: { displayName: h.displayName, fileName: h.fileName, savedAsXlsxFrom: h.savedAsXlsxFrom } };
    }
    case "check": {
      const snapshots = await opened().readSheets(req.args.scope);
      stage("analysing", 0, snapshots.length);
      const checked = planCheck(snapshots, { profile: req.args.profile });
      // the page draws and compares only the sheets that hold a table: a sheet without one (a 200,000-row 明细) is
      // sent by its name alone, so that the page does not spend its time taking it in
      const hasTable = new Set(checked.analysis.sheets.filter((s) => s.tables.length > 0).map((s) => s.sheet));
      const sent = snapshots.map((s): SheetSnapshot => (hasTable.has(s.name) ? s : { name: s.name, merges: s.merges, cells: [] }));
      return { value: { snapshots: sent, analysis: checked.analysis } };
    }
    case "readSheets":
      return { value: await opened().readSheets(req.args.scope) };
    case "applyPlan":
      return { value: await opened().applyPlan(req.args.plan) };
    case "applyMarks":
      return { value: await opened().applyMarks(req.args.plan) };
    case "readMarks":
      return { value: await opened().readMarks() };
    case "clearMarks":
      return { value: await opened().clearMarks() };
    case "canUndo":
      return { value: await opened().canUndo() };
    case "undo":
      return { value: await opened().undo() };
    case "selectCell":
      return { value: await opened().selectCell(req.args.sheet, req.args.address) };
    case "save": {
      const bytes = await opened().save();
      // a buffer of its own, handed over without a copy
      const out = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
      return { value: out, transfer: [out as ArrayBuffer] };
    }
  }
}

/** Answers the page's requests on `scope`, one at a time in the order they came. */
export function serve(scope: WorkerScope): void {
  const held: Held = { host: null };
  let queue: Promise<void> = Promise.resolve();
  scope.onmessage = (e) => {
    const req = e.data;
    const stage = (s: Stage, done: number, total: number) => scope.postMessage({ id: req.id, kind: "progress", stage: s, done, total });
    queue = queue.then(async () => {
      try {
        const { value, transfer } = await handle(held, req, stage);
        scope.postMessage({ id: req.id, kind: "done", value }, transfer ?? []);
      } catch (err) {
        const u = toUserError(err);
        const params = u.params ? (JSON.parse(JSON.stringify(u.params)) as Record<string, unknown>) : undefined;
        scope.postMessage({ id: req.id, kind: "failed", error: { zh: u.zh, en: u.en, code: u.code, key: u.key, params } });
      }
    });
  };
}

// started as a worker (not imported by a test)
const global = globalThis as { importScripts?: unknown };
if (typeof global.importScripts === "function") serve(globalThis as unknown as WorkerScope);
