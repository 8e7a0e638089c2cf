/**
 * The fuzz corpus and its cases: the shared fixtures and the real corpus (test/data/real), and the same tables in
 * other writers' shapes (test/fuzz/bases: LibreOffice, ExcelJS, SheetJS, Excel-, WPS- and generator-like XML), read
 * once (bytes copied, never written beside them), and a case = a base workbook and one to three mutations. A case is a plain value:
 * fast-check draws it from (seed, path) and it prints as JSON, so every failure replays exactly.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { apply, classesOf, tableOpArb, xmlOpArb, zipOpArb, type Op } from "./mutators";

export interface Base {
  name: string;
  bytes: Uint8Array;
}

const SHARED = [path.resolve(__dirname, "../../../shared/fixtures"), path.resolve(__dirname, "../../../../shared/fixtures")];
const REAL = path.resolve(__dirname, "../data/real");
/** The tables as other writers shape them (README.md there says how each was made). */
export const SHAPES = path.resolve(__dirname, "bases");

/** The workbooks mutated: every shared fixture and every real-corpus workbook (or those of `dirs`), sorted by name. */
export function loadBases(dirs: string[] = [...SHARED.filter((d) => fs.existsSync(d)).slice(0, 1), REAL]): Base[] {
  const out: Base[] = [];
  for (const d of dirs) {
    for (const f of fs
      .readdirSync(d)
      .filter((x) => x.endsWith(".xlsx"))
      .sort()) {
      out.push({ name: `${path.basename(d)}/${f}`, bytes: new Uint8Array(fs.readFileSync(path.join(d, f))) });
    }
  }
  return out;
}

/** The bases in other writers' shapes (test/fuzz/bases). */
export function loadShapes(): Base[] {
  return loadBases([SHAPES]);
}

export interface Case {
  base: number;
  ops: Op[];
}

/**
 * Classes of input known to break a property, each being fixed on its own (the text names the class and where);
 * `npm test` leaves these operations out of its property until the fix is merged — remove an entry then.
 * An operation class is a kind ("rowsReversed") or a kind with its variant ("comment:markup"). The long run
 * (npm run fuzz) draws them all and says which failures fall in a listed class.
 */
export const KNOWN_CLASSES: Record<string, string> = {};

/**
 * Properties known not to hold yet (a property, or "command · property"), each being fixed on its own: `npm test`
 * does not count these violations.
 */
export const KNOWN_PROPERTIES: Record<string, string> = {};

/** Whether a violation is of a property listed in KNOWN_PROPERTIES (its reason), or undefined. */
export function knownProperty(v: { command: string; property: string }): string | undefined {
  return KNOWN_PROPERTIES[v.property] ?? KNOWN_PROPERTIES[`${v.command} · ${v.property}`];
}

/** The known classes a case's operations fall in (their reasons). */
export function knownOf(c: Case, known: Record<string, string> = KNOWN_CLASSES): string[] {
  return [
    ...new Set(
      c.ops
        .flatMap(classesOf)
        .filter((k) => known[k])
        .map((k) => `${k}: ${known[k]}`),
    ),
  ];
}

/** Cases of one to three operations; operations of an excluded class (kind, or kind:variant) are not drawn. */
export function caseArb(exclude: ReadonlySet<string> = new Set()): fc.Arbitrary<Case> {
  const op = fc
    .oneof({ weight: 2, arbitrary: xmlOpArb }, { weight: 1, arbitrary: zipOpArb }, { weight: 2, arbitrary: tableOpArb })
    .filter((o) => !classesOf(o).some((k) => exclude.has(k)));
  return fc.record({ base: fc.nat(1000), ops: fc.array(op, { minLength: 1, maxLength: 3 }) });
}

/** The mutated workbook of a case. */
export function build(bases: Base[], c: Case): { name: string; bytes: Uint8Array } {
  const base = bases[c.base % bases.length];
  return { name: base.name, bytes: apply(base.bytes, c.ops) };
}
