/**
 * npm run fuzz -- [--count N] [--seed S] [--only I[,J…]] [--report-every K] [--report-fill] [--soffice K]
 *                 [--exclude-known] [--json results.json] [--plain]
 *                 [--save DIR] [--bases all|corpus|shapes]
 *
 * The long fuzz run: N cases drawn by fast-check from seed S (case I is the I-th draw, so `--seed S --only I`
 * replays it), each a workbook of the shared fixtures or the real corpus mutated at the zip, XML and table level
 * (test/fuzz/mutators.ts), run through check, fill, fill again, mark, mark --clear (and report --as-is every K-th
 * case) with the properties of test/fuzz/harness.ts. Prints each failing case (seed, index, mutation, command,
 * symptom) and a summary by class; --soffice K opens the first K outputs in LibreOffice (slow). --plain runs the
 * unmutated corpus. --bases draws the base workbooks from the corpus (shared fixtures and test/data/real), the other
 * writers' shapes (test/fuzz/bases) or both (the default). --save DIR writes each failing case's workbook there as <index>.xlsx. Exit 0 when nothing failed outside the known classes (test/fuzz/cases.ts KNOWN_CLASSES), else 1.
 * Compiled by `npm run fuzz` with tsc into a temporary folder and run with node.
 */
import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";
import fc from "fast-check";
import { build, caseArb, KNOWN_CLASSES, knownOf, knownProperty, loadBases, type Case } from "../test/fuzz/cases";
import { runCase, type Violation } from "../test/fuzz/harness";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(name);

const root = process.cwd();
const shared = [path.resolve(root, "../shared/fixtures"), path.resolve(root, "../../shared/fixtures"), "/work/shared/fixtures"].find((d) =>
  fs.existsSync(d),
);
const pool = arg("--bases") ?? "all";
if (!["all", "corpus", "shapes"].includes(pool)) throw new Error(`--bases ${pool}: all, corpus or shapes`);
const bases = [
  ...(pool === "shapes" ? [] : loadBases([...(shared ? [shared] : []), path.join(root, "test/data/real")])),
  ...(pool === "corpus" ? [] : loadBases([path.join(root, "test/fuzz/bases")])),
];
const seed = Number(arg("--seed") ?? 20261123);
const count = Number(arg("--count") ?? 200);
const reportEvery = Number(arg("--report-every") ?? 5);
const only = arg("--only")?.split(",").map(Number);
const soffice = Number(arg("--soffice") ?? 0);
const exclude = new Set(flag("--exclude-known") ? Object.keys(KNOWN_CLASSES) : []);

interface Failure {
  index: number;
  base: string;
  ops: Case["ops"];
  violations: Violation[];
  known: string[];
}

function lookInLibreOffice(files: string[]): string[] {
  const bad: string[] = [];
  for (const f of files) {
    const out = fs.mkdtempSync("/tmp/jixiao-fuzz-lo-");
    try {
      execFileSync("soffice", [`-env:UserInstallation=file://${out}/profile`, "--headless", "--convert-to", "csv", "--outdir", out, f], {
        timeout: 120_000,
        stdio: "ignore",
      });
      if (!fs.readdirSync(out).some((x) => x.endsWith(".csv"))) bad.push(`${f}: LibreOffice wrote nothing`);
    } catch (e) {
      bad.push(`${f}: ${String(e).slice(0, 120)}`);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }
  return bad;
}

async function mainRun(): Promise<number> {
  const cases: Case[] = flag("--plain")
    ? bases.map((_b, base) => ({ base, ops: [] }))
    : fc.sample(caseArb(exclude), { seed, numRuns: Math.max(count, ...(only ?? [0]).map((i) => i + 1)) });
  const indices = only ?? cases.map((_c, i) => i);
  const failures: Failure[] = [];
  const slow: { index: number; command: string; ms: number }[] = [];
  const total: Record<string, number[]> = {};
  let sofficeLeft = soffice;
  const sofficeInherited: string[] = [];
  const sofficeBad: string[] = [];
  const t0 = Date.now();
  for (const i of indices) {
    const c = cases[i];
    let built: { name: string; bytes: Uint8Array };
    try {
      built = build(bases, c);
    } catch (e) {
      failures.push({
        index: i,
        base: "?",
        ops: c.ops,
        violations: [{ command: "mutate", property: "exception", detail: String(e) }],
        known: [],
      });
      continue;
    }
    const keep = sofficeLeft > 0;
    const r = await runCase(built.bytes, { report: i % reportEvery === 0, reportFill: flag("--report-fill") }, keep);
    for (const [command, ms] of Object.entries(r.times)) {
      (total[command] ??= []).push(ms);
      if (ms > 3000) slow.push({ index: i, command, ms });
    }
    if (keep) {
      const files = r.outputs
        .filter((f) => f.endsWith(".xlsx"))
        .slice(0, 1)
        .map((f) => path.join(r.dir, f));
      if (files.length) {
        sofficeLeft--;
        const bad = lookInLibreOffice(files);
        if (bad.length) {
          // a mutated input LibreOffice cannot open either (a traversal entry, say) is kept as it came, not broken by us
          const input = path.join(r.dir, "in.xlsx");
          const inputToo = lookInLibreOffice([input]).length > 0;
          if (inputToo) sofficeInherited.push(`#${i}`);
          else sofficeBad.push(...bad.map((b) => `#${i} ${b}`));
        }
      }
      fs.rmSync(r.dir, { recursive: true, force: true });
    }
    if (r.violations.length) {
      const knownProps = [...new Set(r.violations.map((v) => knownProperty(v)).filter((x): x is string => !!x))];
      const known = r.violations.every((v) => knownProperty(v)) ? [...knownOf(c), ...knownProps] : knownOf(c);
      const f: Failure = { index: i, base: built.name, ops: c.ops, violations: r.violations, known };
      failures.push(f);
      const save = arg("--save");
      if (save) {
        fs.mkdirSync(save, { recursive: true });
        fs.writeFileSync(path.join(save, `${i}.xlsx`), built.bytes);
      }
      console.log(`✗ #${i} ${built.name} ${JSON.stringify(c.ops)}${f.known.length ? ` [known: ${f.known.join("; ")}]` : ""}`);
      for (const v of r.violations) console.log(`    ${v.command} · ${v.property} · ${v.detail.replace(/\n/g, " ")}`);
    }
    if ((indices.indexOf(i) + 1) % 100 === 0)
      console.log(
        `… ${indices.indexOf(i) + 1}/${indices.length} cases, ${failures.length} failing, ${Math.round((Date.now() - t0) / 1000)} s`,
      );
  }

  console.log(
    `\nseed ${seed}, bases ${pool} (${bases.length}): ${indices.length} cases in ${Math.round((Date.now() - t0) / 1000)} s, ${failures.length} failing`,
  );
  const classes = new Map<string, number[]>();
  for (const f of failures) {
    for (const v of f.violations) {
      const k = `${v.command} · ${v.property} · ${[...new Set(f.ops.map((o) => o.k))].sort().join("+")}`;
      classes.set(k, [...(classes.get(k) ?? []), f.index]);
    }
  }
  for (const [k, ids] of [...classes].sort((a, b) => b[1].length - a[1].length))
    console.log(`  ${String(ids.length).padStart(4)} × ${k}  (e.g. --only ${ids.slice(0, 3).join(",")})`);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `time per command (median / max ms): ${Object.entries(total)
      .map(([k, xs]) => `${k} ${median(xs)}/${Math.max(...xs)}`)
      .join(", ")}`,
  );
  if (slow.length) console.log(`slow commands (> 3 s): ${slow.map((s) => `#${s.index} ${s.command} ${s.ms} ms`).join(", ")}`);
  if (soffice)
    console.log(
      `LibreOffice opened ${soffice - sofficeLeft} outputs: ${sofficeBad.length ? sofficeBad.join("; ") : "all opened"}` +
        (sofficeInherited.length ? ` (but ${sofficeInherited.join(", ")}, whose mutated input LibreOffice cannot open either)` : ""),
    );
  const out = arg("--json");
  if (out) fs.writeFileSync(out, JSON.stringify({ seed, count: indices.length, failures, slow, sofficeBad, sofficeInherited }, null, 2));
  // an output LibreOffice cannot open, from an input it can, is a failure of the property "LibreOffice opens the file"
  return failures.some((f) => f.known.length === 0) || sofficeBad.length ? 1 : 0;
}

mainRun().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
