/**
 * The house rule: a file knows its floor by what it imports. Which floor may import which is ESLint's
 * no-restricted-imports per folder (eslint.config.js, FLOORS), flagged at the line; test/tooling proves a forbidden
 * import fails the lint. Checked here on the sources: every file lives on a known floor, the React pane talks to the
 * ports only, and no host label is taken apart.
 */
import * as fs from "fs";
import * as path from "path";

const SRC = path.resolve(__dirname, "../../src");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

/** Every module a file imports (static, dynamic, re-export), as a path under src/ ("core/analyze", "core/messages"…). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const out: string[] = [];
  const re =
    /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*(?:\/\*[^*]*\*\/\s*)?["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g;
  for (const m of text.matchAll(re)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (!spec.startsWith(".")) continue;
    out.push(
      path
        .relative(SRC, path.resolve(path.dirname(file), spec))
        .split(path.sep)
        .join("/"),
    );
  }
  return out;
}

function floorOf(rel: string): string {
  return rel.split("/")[0];
}

const FILES = sources(SRC).map((f) => ({ rel: path.relative(SRC, f).split(path.sep).join("/"), imports: importsOf(f) }));

test("the sources are found and their imports read", () => {
  expect(FILES.length).toBeGreaterThan(50);
  const wf = FILES.find((f) => f.rel === "app/commands/check.ts");
  expect(wf?.imports).toContain("core/analyze");
});

/** The floors (core, host, app, adapters) and the shells above them. */
const FLOORS = ["core", "host", "app", "adapters", "commands", "cli", "taskpane", "wps", "shells"];

test("every source file lives on a known floor", () => {
  expect(FILES.map((f) => floorOf(f.rel)).filter((fl) => !FLOORS.includes(fl))).toEqual([]);
});

test("the React pane (components, word) talks to the ports only: no adapter imported outside the entries", () => {
  // the entries: the page's script and its workbook worker's (each wires the adapters it runs on)
  const entries = new Set(["taskpane/index.tsx", "taskpane/file/workbookWorker.ts"]);
  const wrong = FILES.filter((f) => f.rel.startsWith("taskpane/") && !entries.has(f.rel)).flatMap((f) =>
    f.imports.filter((i) => i.startsWith("adapters/")).map((i) => `${f.rel} → ${i}`),
  );
  expect(wrong).toEqual([]);
});

test("no host label is taken apart: the file name comes from the port (host.fileName)", () => {
  const split = sources(SRC).filter((f) => /displayName\.split\(/.test(fs.readFileSync(f, "utf8")));
  expect(split).toEqual([]);
});
