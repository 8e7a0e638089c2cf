/**
 * The Word / WPS 文字 pane's linked workbook goes the standalone page's way: 链接工作簿 opens the chosen file in the
 * workbook worker (a fake Worker running the real worker code, every message cloned), and the report command reads
 * it there — the tables, their reports, the differences and the sheets are what the page's thread gives; 先填充再生成
 * fills and saves the worker's copy to the same bytes. Where no worker starts the file is read on the page's thread.
 * A workbook replaced by another has its worker ended; one that cannot be read leaves the linked one as it was.
 */
import * as fs from "fs";
import { FileHost } from "../../src/adapters/xlsx/FileHost";
import { isUserError } from "../../src/core/errors";
import { WorkerFileHost, openWorkbookFile, type StartWorker } from "../../src/taskpane/file/workerHost";
import { fillLinkedWorkbook, linkWorkbook, readWorkbook, type LinkedWorkbook, type OpenWorkbook } from "../../src/taskpane/word/wordModel";
import { fakeWorker } from "../support/fakeWorker";
import { fixtureNames, fixturePath } from "../support/fixtures";

const openOnPage = (name: string, bytes: ArrayBuffer) => FileHost.open(name, bytes);
const fileOf = (name: string) => new File([fs.readFileSync(fixturePath(name))], `${name}.xlsx`);
const localHost = (name: string) => FileHost.open(`${name}.xlsx`, new Uint8Array(fs.readFileSync(fixturePath(name))));

/** The pane's opener (src/taskpane/index.tsx) with the workers it started. */
function opener(start?: StartWorker): { open: OpenWorkbook; started: ReturnType<typeof fakeWorker>[] } {
  const started: ReturnType<typeof fakeWorker>[] = [];
  const startWorker: StartWorker =
    start ??
    (async () => {
      const w = fakeWorker();
      started.push(w);
      return w;
    });
  return { open: (file) => openWorkbookFile(file, openOnPage, { startWorker }), started };
}

/** What the worker sends of a sheet without a table: its name alone (the pane neither draws nor compares it). */
function asSent(book: LinkedWorkbook): LinkedWorkbook {
  const withTable = new Set(book.sheets.filter((s) => s.tables.length > 0).map((s) => s.sheet));
  return { ...book, snapshots: book.snapshots.map((s) => (withTable.has(s.name) ? s : { ...s, cells: [] })) };
}

test("链接工作簿 in the worker: every fixture's tables, reports, differences and sheets as on the page's thread", async () => {
  const { open, started } = opener();
  let previous: Awaited<ReturnType<typeof linkWorkbook>> | null = null;
  for (const name of fixtureNames()) {
    const linked = await linkWorkbook(open, fileOf(name), previous?.host ?? null, { lang: "zh" });
    expect(linked.host).toBeInstanceOf(WorkerFileHost);
    expect(linked.book).toEqual(asSent(await readWorkbook(await localHost(name), { lang: "zh" })));
    // the workbook it replaced has its worker ended; the one linked now keeps its own
    if (previous) expect(started[started.length - 2].terminated).toBe(true);
    expect(started[started.length - 1].terminated).toBe(false);
    previous = linked;
  }
  expect(started).toHaveLength(fixtureNames().length);
});

test("先填充再生成 in the worker: the filled copy's bytes and its re-read reports as on the page's thread", async () => {
  const name = fixtureNames().find((n) => /medical/.test(n)) ?? fixtureNames()[0];
  const { open } = opener();
  const { host, book } = await linkWorkbook(open, fileOf(name), null);
  expect(book.tables.some((t) => t.differences.length > 0)).toBe(true);
  const local = await localHost(name);
  const inWorker = await fillLinkedWorkbook(host);
  const onPage = await fillLinkedWorkbook(local);
  expect(inWorker.fileName).toBe(onPage.fileName);
  expect(Buffer.from(inWorker.bytes!).equals(Buffer.from(onPage.bytes!))).toBe(true);
  expect(inWorker.book).toEqual(asSent(onPage.book));
  expect(inWorker.book.tables.every((t) => t.differences.length === 0)).toBe(true);
});

test("no worker here: the linked workbook is read on the page's thread, the same", async () => {
  const name = fixtureNames()[0];
  const { open } = opener(async () => null);
  const { host, book } = await linkWorkbook(open, fileOf(name), null);
  expect(host).toBeInstanceOf(FileHost);
  expect(book).toEqual(await readWorkbook(await localHost(name)));
});

test("a file that cannot be read: a UserError, its worker ended, the workbook linked before kept", async () => {
  const { open, started } = opener();
  const first = await linkWorkbook(open, fileOf(fixtureNames()[0]), null);
  const bad = new File([new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])], "损坏.xlsx");
  const e = await linkWorkbook(open, bad, first.host).catch((x: unknown) => x);
  expect(isUserError(e)).toBe(true);
  expect(started.map((w) => w.terminated)).toEqual([false, true]);
  expect((await readWorkbook(first.host)).tables.length).toBe(first.book.tables.length);
});
