/**
 * The standalone page's workbook worker: it holds the chosen file as a FileHost and does the heavy work off the
 * page's thread — reading the file, the check (read + the engine), fills, marks, undo and the saved bytes — so the
 * page only renders (workerHost.ts is its other end; workerProtocol.ts the messages). Built by webpack.config.js
 * into one script that the page starts from a blob: URL, which also works from file://.
 */
import { FileHost } from "../../adapters/xlsx/FileHost";
import { planCheck } from "../../app/commands/check";
import { toUserError } from "../../core/messages";
import type { Reply, Request, Stage } from "./workerProtocol";

/** The worker's global scope, as much of it as is used here (the project's types are the page's, not a worker's). */
interface WorkerScope {
  onmessage: ((e: MessageEvent<Request>) => void) | null;
  postMessage(message: Reply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let host: FileHost | null = null;

function opened(): FileHost {
  if (!host) throw new Error("no workbook is open in the worker");
  return host;
}

async function handle(
  req: Request,
  stage: (s: Stage, done: number, total: number) => void,
): Promise<{ value: unknown; transfer?: Transferable[] }> {
  switch (req.op) {
    case "open": {
      stage("reading", 0, 0);
      host = null;
      const h = await FileHost.open(req.args.name, new Uint8Array(req.args.bytes));
      host = h;
      return { value: { displayName: h.displayName, fileName: h.fileName, savedAsXlsxFrom: h.savedAsXlsxFrom } };
    }
    case "check": {
      const snapshots = await opened().readSheets(req.args.scope);
      stage("analysing", 0, snapshots.length);
      return { value: planCheck(snapshots, { profile: req.args.profile }) };
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

// One request at a time, in the order they came (the page's runner sends one piece of work at a time anyway).
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (e) => {
  const req = e.data;
  const stage = (s: Stage, done: number, total: number) => scope.postMessage({ id: req.id, kind: "progress", stage: s, done, total });
  queue = queue.then(async () => {
    try {
      const { value, transfer } = await handle(req, stage);
      scope.postMessage({ id: req.id, kind: "done", value }, transfer ?? []);
    } catch (err) {
      const u = toUserError(err);
      const params = u.params ? JSON.parse(JSON.stringify(u.params)) : undefined;
      scope.postMessage({ id: req.id, kind: "failed", error: { zh: u.zh, en: u.en, code: u.code, key: u.key, params } });
    }
  });
};
