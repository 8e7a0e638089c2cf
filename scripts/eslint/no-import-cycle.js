/**
 * ESLint rule house/no-import-cycle: an import that closes a circle of modules is an error at its line. Every module's
 * imports under the root (static, re-exports, dynamic `import()`, type-only ones included: a circle of types still ties
 * the floors together) are read with the TypeScript parser and resolved to the files they name; the strongly connected
 * parts of that graph are the circles. An import from a file to another file of its own part is reported, with the way
 * back that makes it a circle. The graph is built once per lint run (rebuilt when a file under the root changes; the
 * whole tree is looked at again at most once a second, the linted file every time).
 */
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "node_modules" ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(d.name) && !d.name.endsWith(".d.ts") ? [p] : [];
  });
}

/** The module specifiers a file names, with their lines. */
function specifiers(file, text) {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const out = [];
  const at = (n) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const visit = (n) => {
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
function resolveSpec(from, spec, files) {
  if (!spec.startsWith(".")) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (files.has(c)) return c;
  }
  return null;
}

/** The import graph of a set of files (path → text): its edges { from, to, line }. */
function importGraph(texts) {
  const files = new Set(texts.keys());
  const edges = [];
  for (const [file, text] of texts) {
    for (const { spec, line } of specifiers(file, text)) {
      const to = resolveSpec(file, spec, files);
      if (to) edges.push({ from: file, to, line });
    }
  }
  return edges;
}

/** The circles: Tarjan's strongly connected parts of more than one file, or a file importing itself; file → part. */
function circles(edges) {
  const out = new Map();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) || []), e]);
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const partOf = new Map();
  let next = 0;
  let parts = 0;
  const strong = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const { to } of out.get(v) || []) {
      if (!index.has(to)) {
        strong(to);
        low.set(v, Math.min(low.get(v), low.get(to)));
      } else if (onStack.has(to)) low.set(v, Math.min(low.get(v), index.get(to)));
    }
    if (low.get(v) === index.get(v)) {
      const c = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        c.push(w);
      } while (w !== v);
      const selfLoop = (out.get(v) || []).some((e) => e.to === v);
      if (c.length > 1 || selfLoop) {
        parts++;
        for (const f of c) partOf.set(f, parts);
      }
    }
  };
  for (const v of new Set(edges.flatMap((e) => [e.from, e.to]))) if (!index.has(v)) strong(v);
  return { partOf, out };
}

/** The shortest way from one file to another inside their part (for the message). */
function wayBack(graph, from, to) {
  const part = graph.partOf.get(from);
  const prev = new Map([[from, null]]);
  const queue = [from];
  while (queue.length) {
    const v = queue.shift();
    if (v === to) break;
    for (const { to: w } of graph.out.get(v) || []) {
      if (graph.partOf.get(w) === part && !prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  const way = [];
  for (let v = to; v !== null && v !== undefined; v = prev.get(v)) way.unshift(v);
  return way;
}

const cache = new Map();

/** How long a graph is trusted without looking at every file again (a lint run lints hundreds of files in that time). */
const FRESH_MS = 1000;

function stampOf(files) {
  return files.map((f) => `${f}:${fs.statSync(f).mtimeMs}`).join("|");
}

/**
 * The graph of the files under a root. Within FRESH_MS of its last full look, only the file being linted is looked at
 * (its change rebuilds the graph); after that, the whole tree is listed and stated again, and any file added, removed
 * or changed rebuilds it.
 */
function graphOf(root, file) {
  const hit = cache.get(root);
  const now = Date.now();
  if (hit && now - hit.checkedAt < FRESH_MS) {
    const mtime = fs.existsSync(file) ? fs.statSync(file).mtimeMs : undefined;
    if (hit.mtimes.get(file) === mtime) return hit.graph;
  }
  const files = sourceFiles(root);
  const stamp = stampOf(files);
  if (hit && hit.stamp === stamp) {
    hit.checkedAt = now;
    return hit.graph;
  }
  const texts = new Map(files.map((f) => [f, fs.readFileSync(f, "utf8")]));
  const edges = importGraph(texts);
  const graph = { ...circles(edges), files: new Set(files), edges };
  const mtimes = new Map(files.map((f) => [f, fs.statSync(f).mtimeMs]));
  cache.set(root, { stamp, graph, mtimes, checkedAt: now });
  return graph;
}

const rule = {
  meta: {
    type: "problem",
    docs: { description: "An import may not close a circle of modules." },
    schema: [{ type: "object", properties: { root: { type: "string" } }, additionalProperties: false }],
    messages: { circle: "This import closes an import circle: {{way}}." },
  },
  create(context) {
    const root = path.resolve(context.cwd, (context.options[0] && context.options[0].root) || "src");
    const file = path.resolve(context.filename);
    if (!file.startsWith(root + path.sep)) return {};
    const graph = graphOf(root, file);
    const part = graph.partOf.get(file);
    if (part === undefined) return {};
    const rel = (f) => path.relative(context.cwd, f).split(path.sep).join("/");
    const check = (node, source) => {
      if (!source || typeof source.value !== "string") return;
      const to = resolveSpec(file, source.value, graph.files);
      if (!to || graph.partOf.get(to) !== part) return;
      const way = [file, ...wayBack(graph, to, file)];
      context.report({ node, messageId: "circle", data: { way: way.map(rel).join(" → ") } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

module.exports = { rule, importGraph, circles, sourceFiles };
