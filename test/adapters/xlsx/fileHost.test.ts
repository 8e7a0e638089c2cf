/**
 * FileHost over the real xlsx adapter (the standalone page's path): an .xlsm opened, filled, undone — the bytes come
 * back exactly — and the download keeps the .xlsm extension and its macros.
 */
import { strFromU8, unzipSync } from "fflate";
import { FileHost } from "../../../src/adapters/xlsx/FileHost";
import { filledFileName } from "../../../src/app/fileNames";
import { analyzeWorkbook } from "../../../src/core";
import { handWrittenWorkbook } from "./corpus";

it("fill, undo and download of an .xlsm through FileHost", async () => {
  const input = handWrittenWorkbook();
  const host = await FileHost.open("自评表.xlsm", input);
  const analysis = analyzeWorkbook(await host.readSheets("all"));
  const changes = analysis.sheets.flatMap((s) => s.tables.flatMap((t) => t.plan.changes));
  expect(changes.length).toBeGreaterThan(0);
  await host.applyPlan({ changes });
  const filled = await host.save();
  const parts = unzipSync(filled);
  expect(parts["xl/vbaProject.bin"]).toBeDefined();
  expect(strFromU8(parts["[Content_Types].xml"])).toContain("macroEnabled");
  expect(filledFileName(host.fileName)).toBe("自评表（已填充）.xlsm");
  // the host reads its own changes back
  const again = analyzeWorkbook(await host.readSheets("all"));
  expect(again.sheets.flatMap((s) => s.tables.flatMap((t) => t.plan.changes))).toEqual([]);
  expect(await host.canUndo()).toBe(true);
  await host.undo();
  expect(Buffer.compare(Buffer.from(await host.save()), Buffer.from(input))).toBe(0);
});
