/**
 * A batch across threads: `workers` lanes — the main thread and workers − 1 worker threads — take files from one
 * shared queue (src/cli/batchQueue.ts) until it is empty; each lane reads and checks its files itself. Results come
 * back in the files' order whatever the number of lanes. A worker that dies takes only the file it was checking
 * with it (an unreadable row) and is replaced while files are left. Without a compiled worker script (running from
 * TypeScript sources) the main thread checks every file.
 *
 * Why the main thread is a lane: on a 2-core machine, 2 lanes are the main thread and one worker, not two workers
 * beside an idle main thread — one worker start-up (module load, a cold JIT) fewer. Why a shared counter rather than
 * a task message per file: no lane ever waits for the main thread to hand it the next file.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { unreadableResult, type BatchFileResult } from "../app/commands/batch";
import type { ProfileId } from "../core/profiles";
import { drain, laneSlot, newQueue, queueOpen, threadCpuMs, type BatchFile, type LaneMessage } from "./batchQueue";
import type { WorkerInit } from "./batchWorker";
import { tierUpLater } from "./tierUp";

export type { BatchFile } from "./batchQueue";

/** The compiled worker beside this module (lib/cli/batchWorker.js), or null when running from sources. */
export function workerScript(): string | null {
  const js = path.join(__dirname, "batchWorker.js");
  return fs.existsSync(js) ? js : null;
}

/** Files a worker thread must have to pay for its start (loading the reader and the core, a cold JIT: ~0.1 s CPU). */
export const FILES_PER_EXTRA_LANE = 24;

/**
 * Lanes by default: the cores less one, at least 1, and one more lane only for every FILES_PER_EXTRA_LANE files. A
 * lane keeps about 1.3 cores busy — its thread, and V8's optimising compiler and GC on helper threads
 * (scripts/bench-batch.ts prints both) — and each worker thread warms up on its own (its modules, its cold code: 2 lanes
 * take about 1.5× the CPU of 1 for 200 files), so on 2 cores one lane is the fastest (README, Speed); with more cores
 * more lanes can pay (not measured: the development machine has 2), but not for a handful of files.
 */
export function defaultWorkers(files = Infinity): number {
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores - 1, Math.ceil(files / FILES_PER_EXTRA_LANE)));
}

/** Yields to the event loop (the workers' messages, the progress line) between the main thread's files. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function checkFiles(
  files: readonly BatchFile[],
  options: {
    profile: ProfileId;
    /** Lanes: threads checking files at once (the main thread included, unless mainLane is false). */
    workers: number;
    /** false: the main thread only hands out and collects (all lanes are worker threads). Default true. */
    mainLane?: boolean;
    onProgress?: (done: number, total: number, file: string) => void;
  },
): Promise<{
  results: BatchFileResult[];
  workers: number;
  filesPerLane: number[];
  /** CPU time of each lane's thread (ms; a worker's from its start, the main thread's from this call); null: unknown. */
  cpuMsPerLane: (number | null)[];
}> {
  tierUpLater();
  const script = workerScript();
  const lanes = script ? Math.max(1, Math.min(options.workers, files.length)) : 1;
  const mainLane = !script || lanes === 1 || options.mainLane !== false;
  const queue = newQueue(files, options.profile, lanes);
  const results: (BatchFileResult | undefined)[] = new Array(files.length);
  const filesPerLane: number[] = new Array<number>(lanes).fill(0);
  const cpuMsPerLane: (number | null)[] = new Array<number | null>(lanes).fill(null);
  const mainCpuAtStart = threadCpuMs();
  let done = 0;
  const record = (lane: number) => (index: number, result: BatchFileResult) => {
    const first = results[index] === undefined;
    results[index] = result;
    if (!first) return;
    done++;
    filesPerLane[lane]++;
    options.onProgress?.(done, files.length, files[index].display);
  };

  const threads = new Set<Worker>();
  const finished: Promise<void>[] = [];
  /**
   * Runs worker thread lane `lane` until the queue is empty; a dead worker loses its file and is replaced — unless
   * three in a row died without a result (a worker that cannot start: the main thread takes what is left).
   */
  const threadLane = (lane: number): Promise<void> =>
    new Promise<void>((resolve) => {
      let failures = 0;
      const start = () => {
        const w = new Worker(script!, { workerData: { queue, lane } satisfies WorkerInit });
        threads.add(w);
        let over = false;
        const lost = (why: string) => {
          if (over) return;
          over = true;
          threads.delete(w);
          const i = laneSlot(queue, lane);
          if (i >= 0 && results[i] === undefined) record(lane)(i, unreadableResult(files[i].display, new Error(why)));
          if (queueOpen(queue) && ++failures < 3) start();
          else resolve();
        };
        const take = record(lane);
        w.on("message", (m: LaneMessage) => {
          if ("done" in m) {
            over = true;
            cpuMsPerLane[lane] = (cpuMsPerLane[lane] ?? 0) + (m.cpuMs ?? 0);
            resolve();
          } else {
            failures = 0;
            take(m.index, m.result);
          }
        });
        w.on("error", (e) => lost(e instanceof Error ? e.message : String(e)));
        w.on("exit", (code) => lost(`worker exited (${code})`));
      };
      start();
    });
  try {
    for (let lane = mainLane ? 1 : 0; lane < lanes; lane++) finished.push(threadLane(lane));
    if (mainLane) finished.push(drain(queue, 0, record(0), lanes > 1 ? yieldToLoop : undefined));
    await Promise.all(finished);
    if (queueOpen(queue)) await drain(queue, 0, record(0)); // every worker lane gave up
    const mainCpu = threadCpuMs();
    if (mainLane && mainCpu !== null && mainCpuAtStart !== null) cpuMsPerLane[0] = mainCpu - mainCpuAtStart;
  } finally {
    await Promise.all([...threads].map((w) => w.terminate()));
  }
  // a worker that died between taking a file and naming it in its slot: that file is still listed
  const complete = results.map((r, i) => r ?? unreadableResult(files[i].display, new Error("worker lost")));
  return { results: complete, workers: lanes, filesPerLane, cpuMsPerLane };
}
