/** An unexpected error inside the engine: exit 1, one line in Chinese and English; the stack only with JIXIAO_DEBUG=1. */
import * as fs from "fs";
import * as path from "path";
import { FIXTURES } from "../adapters/xlsx/badInputs";
import { expectOneLineZhEn, listFiles, run, tempDir } from "./run";

jest.mock("../../src/core/analyze", () => {
  const actual = jest.requireActual("../../src/core/analyze");
  return {
    ...actual,
    analyzeWorkbook: () => {
      throw new TypeError("boom in the engine");
    },
  };
});

const MEDICAL = path.join(FIXTURES, "project-medical-aid-2020.xlsx");

it("exit 1 with one line; the stack only with JIXIAO_DEBUG=1; nothing written", async () => {
  const dir = tempDir();
  const plain = await run(["fill", MEDICAL, "-o", "out.xlsx"], dir);
  expect(plain.code).toBe(1);
  expect(plain.stdout).toBe("");
  expectOneLineZhEn(plain.stderr);
  expect(plain.stderr).toContain("内部错误");
  expect(plain.stderr).toContain("boom in the engine");
  expect(plain.stderr).toContain("JIXIAO_DEBUG=1");
  const debug = await run(["check", MEDICAL], dir, { JIXIAO_DEBUG: "1" });
  expect(debug.code).toBe(1);
  expect(debug.stderr.split("\n").length).toBeGreaterThan(3);
  expect(debug.stderr).toMatch(/at .+:\d+:\d+/);
  expect(listFiles(dir)).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});
