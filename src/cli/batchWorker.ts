/**
 * A batch worker thread: checks the files it is sent, one at a time, and answers with plain results
 * (src/app/batch fileResult / unreadableResult). Started by src/cli/pool.ts from the compiled lib/cli/batchWorker.js.
 */
import { parentPort } from "worker_threads";
import { fileResult, unreadableResult } from "../app/batch";
import type { ProfileId } from "../core";
import { analyseFile } from "./workbook";

export interface WorkerTask {
  id: number;
  path: string;
  display: string;
  profile: ProfileId;
}

if (parentPort) {
  const port = parentPort;
  port.on("message", (task: WorkerTask) => {
    analyseFile(task.path, task.profile).then(
      ({ analysis }) => port.postMessage({ id: task.id, result: fileResult(task.display, analysis) }),
      (e: unknown) => port.postMessage({ id: task.id, result: unreadableResult(task.display, e) }),
    );
  });
}
