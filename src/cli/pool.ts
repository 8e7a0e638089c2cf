/**
 * Worker threads for a batch: N workers (default the machine's cores), each checking one file at a time; results
 * in the files' order. A worker that dies takes only its file with it (that file becomes an unreadable row) and is
 * replaced. Without a compiled worker script (running from TypeScript sources) the files are checked in this thread.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { fileResult, runBatch, unreadableResult, type BatchFileResult } from "../app/batch";
import type { ProfileId } from "../core";
import { analyseFile } from "./workbook";
import type { WorkerTask } from "./batchWorker";

export interface BatchFile {
  /** Absolute path. */
  path: string;
  /** As the person named it (relative to the working directory). */
  display: string;
}

/** The compiled worker beside this module (lib/cli/batchWorker.js), or null when running from sources. */
export function workerScript(): string | null {
  const js = path.join(__dirname, "batchWorker.js");
  return fs.existsSync(js) ? js : null;
}

export function defaultWorkers(): number {
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, cores);
}

export async function checkFiles(
  files: readonly BatchFile[],
  options: { profile: ProfileId; workers: number; onProgress?: (done: number, total: number, file: string) => void },
): Promise<{ results: BatchFileResult[]; workers: number }> {
  const script = workerScript();
  const n = Math.max(1, Math.min(options.workers, files.length));
  const byDisplay = new Map(files.map((f) => [f.display, f]));
  const names = files.map((f) => f.display);
  if (!script || n === 1) {
    const results = await runBatch(
      names,
      async (display) => {
        const f = byDisplay.get(display)!;
        try {
          return fileResult(display, (await analyseFile(f.path, options.profile)).analysis);
        } catch (e) {
          return unreadableResult(display, e);
        }
      },
      { concurrency: 1, onProgress: options.onProgress },
    );
    return { results, workers: 1 };
  }

  let nextId = 0;
  const pending = new Map<number, { resolve(r: BatchFileResult): void; display: string }>();
  const idle: Worker[] = [];
  const waiting: ((w: Worker) => void)[] = [];
  const all = new Set<Worker>();
  const busyTask = new Map<Worker, number>();

  const spawn = (): Worker => {
    const w = new Worker(script);
    all.add(w);
    w.on("message", (m: { id: number; result: BatchFileResult }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      busyTask.delete(w);
      p?.resolve(m.result);
      release(w);
    });
    const lost = (why: string) => {
      all.delete(w);
      const id = busyTask.get(w);
      busyTask.delete(w);
      if (id !== undefined) {
        const p = pending.get(id);
        pending.delete(id);
        p?.resolve(unreadableResult(p.display, new Error(why)));
      }
      if (!closing) release(spawn());
    };
    w.on("error", (e) => lost(e instanceof Error ? e.message : String(e)));
    w.on("exit", (code) => {
      if (all.has(w)) lost(`worker exited (${code})`);
    });
    return w;
  };
  const release = (w: Worker) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };
  const acquire = (): Promise<Worker> => {
    const w = idle.pop();
    return w ? Promise.resolve(w) : new Promise((resolve) => waiting.push(resolve));
  };
  let closing = false;
  for (let i = 0; i < n; i++) idle.push(spawn());
  try {
    const results = await runBatch(
      names,
      async (display) => {
        const f = byDisplay.get(display)!;
        const w = await acquire();
        const id = nextId++;
        return new Promise<BatchFileResult>((resolve) => {
          pending.set(id, { resolve, display });
          busyTask.set(w, id);
          const task: WorkerTask = { id, path: f.path, display, profile: options.profile };
          w.postMessage(task);
        });
      },
      { concurrency: n, onProgress: options.onProgress },
    );
    return { results, workers: n };
  } finally {
    closing = true;
    const ws = [...all];
    all.clear();
    await Promise.all(ws.map((w) => w.terminate()));
  }
}
