/**
 * One workbook through check, fill, fill again, mark and mark --clear (the CLI, in-process), with what every command
 * must keep: every written part parses; fill changes the planned cells of `sheet` and nothing else, and stores no cell
 * twice; a second fill changes nothing; mark changes no value or formula; mark then clear gives the input back byte for
 * byte. The caller adds what its own class of input must keep (`afterFill`).
 */
import * as fs from "fs";
import * as path from "path";
import { run } from "../../cli/run";
import { changedCells, newDuplicates, partsOf, readCells, unparsedWrittenParts, type CellMap } from "../../fuzz/oracle";

export interface Filled {
  /** The input's bytes and the filled workbook's. */
  input: Uint8Array;
  filled: Uint8Array;
  plan: { cell: string; after: unknown }[];
  /** The planned cells' references. */
  planned: Set<string>;
  /** The filled workbook's cells, by sheet. */
  cells: Map<string, CellMap>;
}

export interface Through {
  check: unknown;
  plan: { cell: string; after: unknown }[];
  /** The filled workbook's path and cells. */
  filledPath: string;
  filledCells: Map<string, CellMap>;
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
const read = (f: string) => new Uint8Array(fs.readFileSync(f));

/** Runs the round in a new folder `dir`; `sheet` is the sheet the fill plans on. */
export async function throughCommands(
  dir: string,
  name: string,
  bytes: Uint8Array,
  sheet: string,
  afterFill: (f: Filled) => void = () => undefined,
): Promise<Through> {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "in.xlsx"), bytes);
  const at = (f: string) => path.join(dir, f);
  const ok = async (argv: string[]) => {
    const r = await run(argv, dir);
    expect({ name, argv, code: r.code, stderr: r.stderr }).toEqual({ name, argv, code: 0, stderr: "" });
    return JSON.parse(r.stdout) as Record<string, unknown>;
  };
  const inParts = partsOf(bytes);
  const inCells = readCells(inParts);
  const check = await ok(["check", "in.xlsx", "--json"]);

  const fill = (await ok(["fill", "in.xlsx", "-o", "f.xlsx", "--json"])) as {
    sheets: { sheet: string; changes: { cell: string; after: unknown }[] }[];
  };
  const plan = fill.sheets.flatMap((s) => s.changes.map((c) => ({ cell: c.cell, after: c.after })));
  const planned = new Set(plan.map((c) => c.cell));
  const filled = read(at("f.xlsx"));
  const fParts = partsOf(filled);
  expect(unparsedWrittenParts(inParts, fParts)).toEqual([]);
  const fCells = readCells(fParts);
  expect({ name, changed: changedCells(inCells, fCells, new Map([[sheet, planned]])) }).toEqual({ name, changed: [] });
  expect(newDuplicates(inCells, fCells)).toEqual([]);
  afterFill({ input: bytes, filled, plan, planned, cells: fCells });

  // fill twice = fill once
  const again = await ok(["fill", "f.xlsx", "-o", "f2.xlsx", "--json"]);
  expect({ name, changed: again.changed }).toEqual({ name, changed: 0 });

  // mark changes no value or formula; mark then clear = the input, byte for byte
  const marked = await ok(["mark", "in.xlsx", "-o", "m.xlsx", "--json"]);
  expect((marked.marks as unknown[]).length).toBeGreaterThan(0);
  const m = read(at("m.xlsx"));
  expect(same(m, bytes)).toBe(false);
  expect(changedCells(inCells, readCells(partsOf(m)))).toEqual([]);
  await ok(["mark", "--clear", "m.xlsx", "-o", "mc.xlsx", "--json"]);
  expect({ name, cleared: same(read(at("mc.xlsx")), bytes) }).toEqual({ name, cleared: true });
  return { check, plan, filledPath: at("f.xlsx"), filledCells: fCells };
}
