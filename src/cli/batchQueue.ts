/**
 * The queue a batch's lanes share (src/cli/pool.ts): the main thread and every worker thread take the next file with
 * one atomic add on a shared counter — no task message, no lane idle while the main thread is busy — and each lane
 * writes the index of the file it is checking into its own slot, so that a worker that dies loses only that file.
 * A lane reads and checks its files itself; only the plain result (src/app/commands/batch.ts fileResult) crosses threads.
 *
 * Kept lean on purpose: a worker thread loads this module, the xlsx reader and the core — nothing else; the report
 * comparison (src/app/commands/compare.ts, with the narrative it imports) only when a workbook has a report beside it.
 */
import * as fs from "fs";
import * as path from "path";
import { checkFile, unreadableResult, type BatchFileResult, type PairedReport } from "../app/commands/batch";
import { pairedReportName } from "../app/fileNames";
import type { WorkbookAnalysis } from "../core/analysis";
import type { SheetSnapshot } from "../core/snapshot";
import type { ProfileId } from "../core/profiles";
import { FileHost } from "../adapters/xlsx/FileHost";
import { readDocxFileSync } from "../adapters/xlsx/node";
import { readWorkbookFileSync } from "../adapters/legacy/node";

export interface BatchFile {
  /** Absolute path. */
  path: string;
  /** As the person named it (relative to the working directory). */
  display: string;
  /**
   * The report of the same name beside it (单位A.xlsx + 单位A.docx, absolute), as src/cli/batch.ts collectFiles found
   * it when listing the folder; null: none there; absent: not looked for yet (the lane looks).
   */
  report?: string | null;
}

/** What every lane gets: the files, the profile and the shared counters (workerData for a worker thread). */
export interface BatchQueue {
  files: readonly BatchFile[];
  profile: ProfileId;
  /** Int32 [next index to take, then one slot per lane: the index being checked, -1 when none]. */
  shared: SharedArrayBuffer;
  /**
   * The order the files are taken in (indices into files; absent: as listed). With several lanes, the biggest first:
   * a 14 MB workbook taken last would keep one lane busy while the others wait with nothing left to take.
   */
  order?: Int32Array;
}

/** A worker's message: a result, or that the queue is empty (with the CPU time its thread used, where known). */
export type LaneMessage = { index: number; result: BatchFileResult } | { done: true; cpuMs: number | null };

/**
 * CPU time this thread has used (ms), from Linux's /proc/thread-self; null elsewhere. How the bench tells what each
 * lane cost, whatever else the machine was doing meanwhile.
 */
export function threadCpuMs(): number | null {
  try {
    const stat = fs.readFileSync("/proc/thread-self/stat", "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

export function newQueue(files: readonly BatchFile[], profile: ProfileId, lanes: number): BatchQueue {
  const shared = new SharedArrayBuffer(4 * (1 + lanes));
  const counters = new Int32Array(shared);
  counters.fill(-1);
  counters[0] = 0;
  return lanes > 1 ? { files, profile, shared, order: biggestFirst(files) } : { files, profile, shared };
}

/** File indices by size, the biggest first (ties, and files that cannot be stat'ed — size 0 —, as listed). */
function biggestFirst(files: readonly BatchFile[]): Int32Array {
  const size = files.map((f) => {
    try {
      return fs.statSync(f.path).size;
    } catch {
      return 0; // its lane says why it cannot be read
    }
  });
  return Int32Array.from(files.keys()).sort((a, b) => size[b] - size[a] || a - b);
}

/** The next file's index for this lane (recorded in its slot), or null when every file has been taken. */
export function takeNext(queue: BatchQueue, lane: number): number | null {
  const counters = new Int32Array(queue.shared);
  const k = Atomics.add(counters, 0, 1);
  if (k >= queue.files.length) {
    Atomics.store(counters, 1 + lane, -1);
    return null;
  }
  const i = queue.order ? queue.order[k] : k;
  Atomics.store(counters, 1 + lane, i);
  return i;
}

/** The index of the file a lane was last checking (-1: none). */
export function laneSlot(queue: BatchQueue, lane: number): number {
  return Atomics.load(new Int32Array(queue.shared), 1 + lane);
}

/** Whether files are left to take. */
export function queueOpen(queue: BatchQueue): boolean {
  return Atomics.load(new Int32Array(queue.shared), 0) < queue.files.length;
}

/**
 * Reads and checks one workbook; never throws (a file that cannot be read is an unreadable result). The read is
 * synchronous: a lane checks one file at a time, and the asynchronous read only adds trips through the thread pool.
 */
export async function checkOne(file: BatchFile, profile: ProfileId): Promise<BatchFileResult> {
  try {
    const host = FileHost.fromBook(path.basename(file.path), readWorkbookFileSync(file.path));
    return await checkFile(file.display, host, profile, (p) => pairedReport(file, p.analysis, p.snapshots));
  } catch (e) {
    return unreadableResult(file.display, e);
  }
}

type CompareModule = typeof import("../app/commands/compare");
let compareModule: CompareModule | null = null;

/** The report comparison, required by the first workbook that has a report beside it (synchronously: checkFile's hook is). */
function compare(): CompareModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use only
  return (compareModule ??= require("../app/commands/compare") as CompareModule);
}

/** The report beside a workbook (file.report, or looked for when the lister did not), else null. */
function reportBeside(file: BatchFile): string | null {
  if (file.report !== undefined) return file.report;
  const docx = path.join(path.dirname(file.path), pairedReportName(path.basename(file.path)));
  return fs.existsSync(docx) ? docx : null;
}

/**
 * The report of the same name beside a workbook (单位A.xlsx + 单位A.docx), compared with its tables; undefined when
 * there is none or the workbook has no table.
 */
export function pairedReport(file: BatchFile, analysis: WorkbookAnalysis, snapshots: SheetSnapshot[]): PairedReport | undefined {
  if (!analysis.sheets.some((s) => s.tables.length)) return undefined;
  const docx = reportBeside(file);
  if (docx === null) return undefined;
  const display = path.join(path.dirname(file.display), path.basename(docx));
  try {
    const { compareAnalysed, compareCounts } = compare();
    const result = compareAnalysed(analysis.sheets, snapshots, readDocxFileSync(docx));
    return { file: display, result, counts: compareCounts(result) };
  } catch (error) {
    return { file: display, error };
  }
}

/**
 * Takes files from the queue until it is empty, checking each and handing its result on. `between` runs after each
 * file (the main thread yields there, so that the workers' messages and the progress line are not held up).
 */
export async function drain(
  queue: BatchQueue,
  lane: number,
  onResult: (index: number, result: BatchFileResult) => void,
  between?: () => Promise<void>,
): Promise<void> {
  for (let i = takeNext(queue, lane); i !== null; i = takeNext(queue, lane)) {
    onResult(i, await checkOne(queue.files[i], queue.profile));
    if (between) await between();
  }
}
