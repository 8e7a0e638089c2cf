/**
 * No import circle anywhere in src: every module's imports (static, re-exports and dynamic `import()`, type-only ones
 * included — a circle of types still ties the floors together) are read with the TypeScript parser, resolved to the
 * files they name, and the strongly connected parts of that graph are reported, each as the circle of files and the
 * line of each import that closes it.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");
const SRC = path.join(ROOT, "src");

/** One import: the file it is in, its line, the file it names. */
interface Edge {
  from: string;
  to: string;
  line: number;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "node_modules" ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(d.name) && !d.name.endsWith(".d.ts") ? [p] : [];
  });
}

/** The module specifiers a file names, with their lines. */
function specifiers(file: string, text: string): { spec: string; line: number }[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: { spec: string; line: number }[] = [];
  const at = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const visit = (n: ts.Node): void => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      out.push({ spec: n.moduleSpecifier.text, line: at(n) });
    } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = n.arguments;
      if (arg && ts.isStringLiteral(arg)) out.push({ spec: arg.text, line: at(n) });
    } else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference)) {
      const e = n.moduleReference.expression;
      if (ts.isStringLiteral(e)) out.push({ spec: e.text, line: at(n) });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** A relative specifier resolved to one of the files, or null (a package, or a file outside the set). */
function resolve(from: string, spec: string, files: ReadonlySet<string>): string | null {
  if (!spec.startsWith(".")) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (files.has(candidate)) return candidate;
  }
  return null;
}

/** The import graph of a set of files (path → text). */
export function importGraph(texts: ReadonlyMap<string, string>): Edge[] {
  const files = new Set(texts.keys());
  const edges: Edge[] = [];
  for (const [file, text] of texts) {
    for (const { spec, line } of specifiers(file, text)) {
      const to = resolve(file, spec, files);
      if (to) edges.push({ from: file, to, line });
    }
  }
  return edges;
}

/** Every circle of the graph (Tarjan's strongly connected components of more than one file, or a file importing itself). */
export function importCycles(edges: readonly Edge[]): Edge[][] {
  const out = new Map<string, Edge[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  const strong = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const { to } of out.get(v) ?? []) {
      if (!index.has(to)) {
        strong(to);
        low.set(v, Math.min(low.get(v)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(v, Math.min(low.get(v)!, index.get(to)!));
    }
    if (low.get(v) === index.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        c.push(w);
      } while (w !== v);
      components.push(c);
    }
  };
  const nodes = new Set(edges.flatMap((e) => [e.from, e.to]));
  for (const v of nodes) if (!index.has(v)) strong(v);
  return components
    .filter((c) => c.length > 1 || (out.get(c[0]) ?? []).some((e) => e.to === c[0]))
    .map((c) => {
      const inside = new Set(c);
      return edges.filter((e) => inside.has(e.from) && inside.has(e.to));
    });
}

/** A circle said as its imports: `src/a.ts:3 → src/b.ts`. */
function said(cycle: readonly Edge[]): string {
  const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join("/");
  return cycle.map((e) => `${rel(e.from)}:${e.line} → ${rel(e.to)}`).join("; ");
}

describe("import circles", () => {
  test("none in src", () => {
    const texts = new Map(sourceFiles(SRC).map((f) => [f, fs.readFileSync(f, "utf8")] as const));
    expect(texts.size).toBeGreaterThan(200);
    const edges = importGraph(texts);
    expect(edges.length).toBeGreaterThan(500);
    expect(importCycles(edges).map(said)).toEqual([]);
  });

  test("a circle is found and named at its lines (the check can fail)", () => {
    const f = (name: string) => path.join(SRC, "__cycle__", name);
    const texts = new Map([
      [f("a.ts"), 'import { b } from "./b";\nexport const a = b;\n'],
      [f("b.ts"), '// b\nimport type { C } from "./c";\nexport const b = 1;\nexport type B = C;\n'],
      [f("c.ts"), 'export * from "./a";\nexport type C = number;\n'],
      [f("d.ts"), 'import { a } from "./a";\nexport const d = import("./d");\n'],
    ]);
    const cycles = importCycles(importGraph(texts)).map(said);
    expect(cycles).toHaveLength(2);
    expect(cycles).toContainEqual(expect.stringContaining("src/__cycle__/a.ts:1 → src/__cycle__/b.ts"));
    expect(cycles.join("\n")).toContain("src/__cycle__/b.ts:2 → src/__cycle__/c.ts");
    expect(cycles.join("\n")).toContain("src/__cycle__/c.ts:1 → src/__cycle__/a.ts");
    // a module importing itself (dynamically) is a circle too
    expect(cycles).toContainEqual("src/__cycle__/d.ts:2 → src/__cycle__/d.ts");
  });
});
