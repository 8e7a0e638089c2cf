/**
 * A Web Worker in this thread for the pane's workbook worker: it runs the real worker code (workbookWorker.ts serve),
 * and each message is cloned (its buffers moved) and delivered on a later turn, as a Worker does.
 */
import { serve, type WorkerScope } from "../../src/taskpane/file/workbookWorker";
import type { WorkerLike } from "../../src/taskpane/file/workerHost";

export function fakeWorker(): WorkerLike & { terminated: boolean } {
  const scope: WorkerScope = {
    onmessage: null,
    postMessage(reply, transfer = []) {
      const data = structuredClone(reply, { transfer });
      setTimeout(() => page.onmessage?.({ data } as MessageEvent));
    },
  };
  const page: WorkerLike & { terminated: boolean } = {
    onmessage: null,
    onerror: null,
    terminated: false,
    postMessage(message, transfer) {
      const data = structuredClone(message, { transfer });
      setTimeout(() => scope.onmessage?.({ data } as MessageEvent));
    },
    terminate() {
      this.terminated = true;
    },
  };
  serve(scope);
  return page;
}
