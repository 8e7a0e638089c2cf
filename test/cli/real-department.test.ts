/**
 * The 部门整体 and 汇总 tables of the real corpus (test/data/real/department-*, summary-*) through the real CLI, as the
 * shared fixtures: fill → LibreOffice recalculation → the oracle's values; check --json → kind and findings; fill twice
 * plans nothing. (Until the corpus-wide harness test/cli/real.test.ts runs them all.)
 */
import * as fs from "fs";
import * as path from "path";
import { fixtureChain } from "../support/fixtureChain";

jest.setTimeout(300_000);

const REAL_DIR = path.join(__dirname, "..", "data", "real");
const names = fs
  .readdirSync(REAL_DIR)
  .filter((f) => /^(?:department|summary)-.*\.expected\.json$/.test(f))
  .map((f) => f.replace(/\.expected\.json$/, ""))
  .sort();

test("the corpus holds 部门整体 tables", () => {
  expect(names.filter((n) => n.startsWith("department-")).length).toBeGreaterThanOrEqual(1);
});

describe.each(names)("%s", (name) => fixtureChain(REAL_DIR, name));
