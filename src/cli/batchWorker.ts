/**
 * A batch worker thread, started by src/cli/pool.ts from the compiled lib/cli/batchWorker.js with the shared queue as
 * workerData: it takes files from the queue until none are left, posting each plain result with the file's index,
 * then `{ done: true }`. It loads only the queue (the xlsx reader, the core, the app's batch result).
 */
import { parentPort, workerData } from "worker_threads";
import { drain, threadCpuMs, type BatchQueue, type LaneMessage } from "./batchQueue";

export interface WorkerInit {
  queue: BatchQueue;
  lane: number;
}

if (parentPort && workerData) {
  const port = parentPort;
  const { queue, lane } = workerData as WorkerInit;
  void drain(queue, lane, (index, result) => port.postMessage({ index, result } satisfies LaneMessage)).then(() =>
    port.postMessage({ done: true, cpuMs: threadCpuMs() } satisfies LaneMessage),
  );
}
