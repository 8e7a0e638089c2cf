/**
 * The standalone page's workbook worker, over a fake Worker that runs the real worker code (workbookWorker.ts serve)
 * and clones every message as a Worker would (structuredClone, buffers transferred): a check, a fill, 下载, undo and
 * marks through WorkerFileHost give what FileHost gives on the page's thread (a sheet without a table comes without
 * its cells); errors arrive as the same UserError; and
 * where no worker starts, or it dies before answering, the file is opened on the page's thread.
 */
import * as fs from "fs";
import { FileHost } from "../../src/adapters/xlsx/FileHost";
import { check, commitFill, commitMark, commitUndo, fillFrom, markFrom, type CheckProposal } from "../../src/app/commands";
import { isUserError } from "../../src/core/errors";
import { WorkerFileHost, closeHost, openWorkbookFile, type WorkerLike } from "../../src/taskpane/file/workerHost";
import { fakeWorker } from "../support/fakeWorker";
import { fixtureNames, fixturePath } from "../support/fixtures";

/** Opening on the page's thread, as the page's entry wires it. */
const openOnPage = (name: string, bytes: ArrayBuffer) => FileHost.open(name, bytes);

function fileOf(name: string): File {
  return new File([fs.readFileSync(fixturePath(name))], `${name}.xlsx`);
}

const NAMES = fixtureNames();

/** The worker sends a sheet without a table by its name alone (the page neither draws nor compares it). */
function withTable(p: CheckProposal, sheet: string): boolean {
  return p.analysis.sheets.some((s) => s.sheet === sheet && s.tables.length > 0);
}

test("check, fill, 下载 and undo in the worker give what FileHost gives on the page's thread", async () => {
  for (const name of NAMES) {
    const worker = fakeWorker();
    const host = await openWorkbookFile(fileOf(name), openOnPage, { startWorker: async () => worker });
    expect(host).toBeInstanceOf(WorkerFileHost);
    expect(host.displayName).toBe(`${name}.xlsx`);
    const local = await FileHost.open(`${name}.xlsx`, new Uint8Array(fs.readFileSync(fixturePath(name))));

    const inWorker = await check(host, { profile: "default", scope: "all" });
    const onPage = await check(local, { profile: "default", scope: "all" });
    expect(inWorker.analysis).toEqual(onPage.analysis);
    expect(inWorker.snapshots).toEqual(onPage.snapshots.map((s) => (withTable(onPage, s.name) ? s : { ...s, cells: [] })));

    const fill = fillFrom(onPage);
    await commitFill(host, fillFrom(inWorker));
    await commitFill(local, fill);
    expect(await host.canUndo()).toBe(fill.plan.changes.length > 0);
    expect(Buffer.from(await host.save!()).equals(Buffer.from(await local.save()))).toBe(true);
    if (fill.plan.changes.length > 0) {
      await commitUndo(host, { canUndo: true });
      await commitUndo(local, { canUndo: true });
      expect(Buffer.from(await host.save!()).equals(Buffer.from(await local.save()))).toBe(true);
    }

    const marks = markFrom(inWorker, { lang: "zh" });
    await commitMark(host as WorkerFileHost, marks);
    await commitMark(local, markFrom(onPage, { lang: "zh" }));
    expect(await (host as WorkerFileHost).readMarks()).toEqual(await local.readMarks());

    closeHost(host);
    expect(worker.terminated).toBe(true);
  }
});

test("a file the worker cannot read is the same UserError as on the page's thread", async () => {
  const bad = new File([new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])], "损坏.xlsx");
  const inWorker = await openWorkbookFile(bad, openOnPage, { startWorker: async () => fakeWorker() }).catch((e: unknown) => e);
  const onPage = await FileHost.open("损坏.xlsx", new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])).catch((e: unknown) => e);
  expect(isUserError(inWorker)).toBe(true);
  expect(isUserError(onPage)).toBe(true);
  const fields = (e: unknown) => {
    const u = e as { zh: string; en: string; code: string };
    return { zh: u.zh, en: u.en, code: u.code };
  };
  expect(fields(inWorker)).toEqual(fields(onPage));
});

test("no worker (none here, one that throws, one that dies before answering): the file opens on the page's thread", async () => {
  const name = NAMES[0];
  const starts = [
    async () => null,
    async () => {
      throw new Error("refused by the page's policy");
    },
    async () => {
      const w: WorkerLike = {
        onmessage: null,
        onerror: null,
        postMessage() {
          setTimeout(() => w.onerror?.({ preventDefault() {} } as ErrorEvent));
        },
        terminate() {},
      };
      return w;
    },
  ];
  const local = await FileHost.open(`${name}.xlsx`, new Uint8Array(fs.readFileSync(fixturePath(name))));
  const expected = await check(local, { profile: "default", scope: "all" });
  for (const startWorker of starts) {
    const host = await openWorkbookFile(fileOf(name), openOnPage, { startWorker });
    expect(host).toBeInstanceOf(FileHost);
    expect(await check(host, { profile: "default", scope: "all" })).toEqual(expected);
  }
});

test("a worker lost after opening: the next request fails with a clear message, not a hang", async () => {
  const worker = fakeWorker();
  const host = await openWorkbookFile(fileOf(NAMES[0]), openOnPage, { startWorker: async () => worker });
  worker.onerror?.({ preventDefault() {} } as ErrorEvent);
  const e = await check(host, { profile: "default", scope: "all" }).catch((x: unknown) => x);
  expect(isUserError(e)).toBe(true);
  expect((e as { code: string }).code).toBe("worker-lost");
});
