/**
 * The pane's parts fetched when first asked for (src/taskpane/parts.ts): the report and comparison commands load and
 * are the commands themselves; a chunk that did not load (webpack's ChunkLoadError, as its JSONP loader raises it) is
 * the catalogue's sentence in both languages, with no address or stack; any other failure passes unchanged.
 */
import * as fs from "fs";
import { FileHost } from "../../src/adapters/xlsx/FileHost";
import { isUserError } from "../../src/core/errors";
import { compareCommands, isChunkLoadError, loadPart, reportCommands } from "../../src/taskpane/parts";
import { fixturePath } from "../support/fixtures";

/** The error webpack's chunk loading rejects with when a chunk's script fails (webpack/lib/runtime/LoadScriptRuntimeModule). */
function chunkLoadError(chunk: string, url: string): Error {
  const error = new Error(`Loading chunk ${chunk} failed.\n(error: ${url})`);
  error.name = "ChunkLoadError";
  Object.assign(error, { type: "error", request: url });
  return error;
}

test("the report command, loaded on demand, writes the reports of a real table", async () => {
  const { prepareReports, figuresDiffer } = await reportCommands();
  const name = "project-medical-aid-2020";
  const host = await FileHost.open(`${name}.xlsx`, new Uint8Array(fs.readFileSync(fixturePath(name))));
  const reports = await prepareReports(host, { profile: "default", scope: "all" });
  expect(reports.length).toBeGreaterThan(0);
  expect(reports[0].narrative.sections.length).toBeGreaterThan(0);
  // this table states an inverted 执行率: the report waits for the person's choice
  expect(figuresDiffer(reports)).toBe(true);
});

test("the comparison, loaded on demand, brings compareAnalysed and compareCounts", async () => {
  const { compareAnalysed, compareCounts } = await compareCommands();
  expect(typeof compareAnalysed).toBe("function");
  expect(compareCounts({ figures: [], findings: [] })).toEqual({ differ: 0, agree: 0, notCompared: 0 });
});

test("a chunk that did not load: the catalogue's sentence for that part, in both languages, no address", async () => {
  const url = "https://addins.example.gov.cn/jixiao/report.f8e5e2dc.chunk.js";
  const failing = () => Promise.reject(chunkLoadError("857", url));
  for (const [key, zh, en] of [
    ["report-not-loaded", "生成报告", "writes the report"],
    ["compare-not-loaded", "对照报告", "compares a report"],
  ] as const) {
    const e = await loadPart(failing, key).catch((x: unknown) => x);
    expect(isUserError(e)).toBe(true);
    const u = e as { code: string; zh: string; en: string };
    expect(u.code).toBe("part-not-loaded");
    expect(u.zh).toContain(zh);
    expect(u.zh).toContain("重新打开任务窗格");
    expect(u.en).toContain(en);
    expect(`${u.zh}${u.en}`).not.toMatch(/chunk|https?:|\.js\b/i);
  }
});

test("any other failure passes as it was; a part that loads is returned as it is", async () => {
  const other = new TypeError("x is not a function");
  await expect(loadPart(() => Promise.reject(other), "report-not-loaded")).rejects.toBe(other);
  const part = { a: 1 };
  await expect(loadPart(() => Promise.resolve(part), "compare-not-loaded")).resolves.toBe(part);
  expect(isChunkLoadError(chunkLoadError("1", "x"))).toBe(true);
  expect(isChunkLoadError(other)).toBe(false);
  expect(isChunkLoadError("ChunkLoadError")).toBe(false);
});
