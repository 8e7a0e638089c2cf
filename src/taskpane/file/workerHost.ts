/**
 * The standalone page's workbook, held by a Web Worker (workbookWorker.ts): the chosen file's bytes are handed to the
 * worker (transferred, not copied), which reads and checks it and keeps it for fills, marks, undo and 下载; the page
 * gets snapshots, analyses and progress back and only renders. WorkerFileHost is the same SpreadsheetHost and
 * MarkingHost as FileHost (which the entry hands over for opening on the page's thread), and an AnalysingHost (a check is one request). Where no worker can be started (no Worker,
 * a policy that refuses it, a build without the worker) the file is opened on the page's thread as before.
 *
 * The worker is one script built by webpack.config.js and started from a blob: URL, so the page opened from disk
 * (file://, release/standalone) has it too.
 */
import { UserError } from "../../core/errors";
import { userError } from "../../core/messages";
import type { CellMark, MarkPlan } from "../../core/marks";
import type { FillPlan } from "../../core/plan";
import type { ProfileId } from "../../core/profiles";
import type { AnalysingHost, MarkingHost, Progress, ReadScope, SpreadsheetHost } from "../../host/host";
import type { ClonedError, OpName, OpenedInfo, Ops, Reply, Request, Stage } from "./workerProtocol";

/** What the page needs of a Worker (a fake in tests). */
export interface WorkerLike {
  postMessage(message: Request, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<Reply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  onmessageerror?: ((e: MessageEvent) => void) | null;
  terminate(): void;
}

/** Starts a worker, or null when none can be started here. */
export type StartWorker = () => Promise<WorkerLike | null>;

/** The worker died or never started: the work can be done on the page's thread instead. */
class WorkerLost extends Error {}

function revive(e: ClonedError): UserError {
  const u = new UserError(e.zh, e.en, e.code);
  if (e.key !== undefined) u.key = e.key;
  if (e.params !== undefined) u.params = e.params;
  return u;
}

type Pending = { resolve(v: unknown): void; reject(e: Error): void; onStage?: (stage: Stage, done: number, total: number) => void };

/** Requests to one worker and their answers, matched by id. */
class Channel {
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  private lost = false;

  constructor(private readonly worker: WorkerLike) {
    worker.onmessage = (e) => this.receive(e.data);
    worker.onerror = (e) => {
      e.preventDefault?.();
      this.die();
    };
    worker.onmessageerror = () => this.die();
  }

  call<K extends OpName>(
    op: K,
    args: Ops[K]["args"],
    transfer: Transferable[] = [],
    onStage?: Pending["onStage"],
  ): Promise<Ops[K]["result"]> {
    if (this.lost) return Promise.reject(new WorkerLost());
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onStage });
      try {
        this.worker.postMessage({ id, op, args } as Request, transfer);
      } catch {
        this.pending.delete(id);
        reject(new WorkerLost());
      }
    });
  }

  close(): void {
    this.die();
    this.worker.terminate();
  }

  private receive(reply: Reply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    if (reply.kind === "progress") {
      p.onStage?.(reply.stage, reply.done, reply.total);
      return;
    }
    this.pending.delete(reply.id);
    if (reply.kind === "done") p.resolve(reply.value);
    else p.reject(revive(reply.error));
  }

  private die(): void {
    this.lost = true;
    for (const p of this.pending.values()) p.reject(new WorkerLost());
    this.pending.clear();
  }
}

/** The workbook lost with its worker after it was opened (the page's memory ran out, say): open it again. */
function lostError(e: unknown): unknown {
  return e instanceof WorkerLost ? userError("worker-lost") : e;
}

export class WorkerFileHost implements SpreadsheetHost, MarkingHost, AnalysingHost {
  readonly kind = "file" as const;
  readonly displayName: string;
  readonly fileName: string | null;
  /** As FileHost.savedAsXlsxFrom: the original's extension when it was not an .xlsx. */
  readonly savedAsXlsxFrom: string | null;

  constructor(
    private readonly channel: Channel,
    info: OpenedInfo,
  ) {
    this.displayName = info.displayName;
    this.fileName = info.fileName;
    this.savedAsXlsxFrom = info.savedAsXlsxFrom;
  }

  private async call<K extends OpName>(op: K, args: Ops[K]["args"], onStage?: Pending["onStage"]): Promise<Ops[K]["result"]> {
    try {
      return await this.channel.call(op, args, [], onStage);
    } catch (e) {
      throw lostError(e);
    }
  }

  async readAndAnalyse(scope: ReadScope, profile: ProfileId, onProgress?: Progress) {
    onProgress?.(0, 2);
    const r = await this.call("check", { scope, profile }, (stage) => stage === "analysing" && onProgress?.(1, 2));
    onProgress?.(2, 2);
    return r;
  }

  async readSheets(scope: ReadScope, onProgress?: Progress) {
    const snaps = await this.call("readSheets", { scope });
    onProgress?.(snaps.length, snaps.length);
    return snaps;
  }

  applyPlan(plan: FillPlan): Promise<void> {
    return this.call("applyPlan", { plan });
  }

  applyMarks(plan: MarkPlan): Promise<void> {
    return this.call("applyMarks", { plan });
  }

  readMarks(): Promise<CellMark[]> {
    return this.call("readMarks", {});
  }

  clearMarks(): Promise<number> {
    return this.call("clearMarks", {});
  }

  canUndo(): Promise<boolean> {
    return this.call("canUndo", {});
  }

  undo(): Promise<void> {
    return this.call("undo", {});
  }

  selectCell(sheet: string, address: string): Promise<void> {
    return this.call("selectCell", { sheet, address });
  }

  async save(): Promise<Uint8Array> {
    return new Uint8Array(await this.call("save", {}));
  }

  /** Ends the worker (another file was chosen). */
  close(): void {
    this.channel.close();
  }
}

let workerUrl: string | null = null;

/** The built worker script (webpack.config.js) from a blob: URL; null where Worker or the script is missing. */
export const startWorkbookWorker: StartWorker = async () => {
  if (typeof Worker === "undefined" || typeof Blob === "undefined" || typeof URL.createObjectURL !== "function") return null;
  if (!workerUrl) {
    const { default: source } = await import(/* webpackChunkName: "workbook-worker" */ "jixiao-workbook-worker");
    if (typeof source !== "string" || source.length === 0) return null;
    workerUrl = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  }
  return new Worker(workerUrl) as unknown as WorkerLike;
};

export interface OpenOptions {
  /** Progress while the worker reads the file (no fraction is known: 0 of 0, then 1 of 1). */
  onProgress?: Progress;
  /** Starts the worker (tests give a fake or one that fails). */
  startWorker?: StartWorker;
}

/** Opens a file on the page's thread (the entry gives FileHost.open): where no worker can take it. */
export type OpenOnPage = (name: string, bytes: ArrayBuffer) => Promise<SpreadsheetHost>;

/** Opens a chosen file in a worker of its own (closeHost ends it), else on the page's thread. */
export async function openWorkbookFile(file: File, openOnPage: OpenOnPage, options: OpenOptions = {}): Promise<SpreadsheetHost> {
  const onMain = async () => openOnPage(file.name, await file.arrayBuffer());
  let worker: WorkerLike | null = null;
  try {
    worker = await (options.startWorker ?? startWorkbookWorker)();
  } catch {
    worker = null;
  }
  if (!worker) return onMain();
  const channel = new Channel(worker);
  try {
    options.onProgress?.(0, 0);
    const bytes = await file.arrayBuffer();
    const info = await channel.call("open", { name: file.name, bytes }, [bytes]);
    options.onProgress?.(1, 1);
    return new WorkerFileHost(channel, info);
  } catch (e) {
    if (!(e instanceof WorkerLost)) {
      channel.close();
      throw e;
    }
    channel.close();
    return onMain();
  }
}

/** Ends the worker behind a host that has one (a file replaced by another, a batch file checked); else nothing. */
export function closeHost(host: SpreadsheetHost | null | undefined): void {
  if (host instanceof WorkerFileHost) host.close();
}
