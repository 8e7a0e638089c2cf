/**
 * The formulas the fill writes, computed as a spreadsheet computes them (SPEC §5: IF, IFERROR, MIN, MAX, ROUND, SUM,
 * VALUE, SUBSTITUTE, arithmetic, comparison, &): the value a written formula will show, for the cached `<v>` of a
 * filled .xlsx, for the preview of a chosen subset of changes and for the findings of the file as written.
 * A formula this cannot compute (another sheet, a function outside the set) gives `undefined`: the caller keeps
 * what it had (a spreadsheet computes it on load). Semantics follow Excel and LibreOffice: an empty cell is 0 in
 * arithmetic and "" in comparison; SUM/MIN/MAX over references skip text; ROUND rounds half away from zero on the
 * decimal the number shows; a division by zero is #DIV/0!.
 */
import type { CellValue, SheetSnapshot } from "./snapshot";
import { isErrorValue, snapshotCells } from "./snapshot";
import type { FillPlan } from "./plan";
import { parseA1, a1 } from "./address";
import { formulaRanges } from "./formulas";

class FormulaError {
  constructor(readonly code: string) {}
}

/** A reference's cells, kept apart from values so SUM can skip text in ranges but not in direct arguments. */
class RefValue {
  constructor(readonly cells: CellValue[]) {}
}

type Value = number | string | boolean | null | FormulaError | RefValue;

class Unsupported extends Error {}

type Node =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "ref"; row: number; col: number; row2?: number; col2?: number }
  | { t: "call"; name: string; args: Node[] }
  | { t: "un"; op: string; a: Node }
  | { t: "pct"; a: Node }
  | { t: "bin"; op: string; a: Node; b: Node };

const TOKEN =
  /\s*(?:("(?:[^"]|"")*")|(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?![A-Za-z0-9_(!.])|([A-Za-z_][A-Za-z0-9_.]*)\s*(?=\()|(TRUE|FALSE)(?![A-Za-z0-9_(])|(<>|<=|>=|[-+*/^&=<>%(),]))/y;

interface Token {
  kind: "str" | "num" | "ref" | "fn" | "bool" | "op";
  text: string;
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < src.length) {
    if (/^\s*$/.test(src.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(src);
    if (!m) throw new Unsupported(src.slice(at));
    at = TOKEN.lastIndex;
    if (m[1] !== undefined) out.push({ kind: "str", text: m[1].slice(1, -1).replace(/""/g, '"') });
    else if (m[2] !== undefined) out.push({ kind: "num", text: m[2] });
    else if (m[3] !== undefined) out.push({ kind: "ref", text: m[3].replace(/\$/g, "").toUpperCase() });
    else if (m[4] !== undefined) out.push({ kind: "fn", text: m[4].toUpperCase() });
    else if (m[5] !== undefined) out.push({ kind: "bool", text: m[5] });
    else out.push({ kind: "op", text: m[6] });
  }
  return out;
}

const BINARY: Record<string, number> = {
  "=": 1,
  "<>": 1,
  "<": 1,
  ">": 1,
  "<=": 1,
  ">=": 1,
  "&": 2,
  "+": 3,
  "-": 3,
  "*": 4,
  "/": 4,
  "^": 5,
};

function parse(formula: string): Node {
  const toks = tokenize(formula.replace(/^=/, ""));
  let i = 0;
  const peek = () => toks[i];
  const expect = (text: string) => {
    if (toks[i]?.kind !== "op" || toks[i].text !== text) throw new Unsupported(text);
    i++;
  };
  const primary = (): Node => {
    const tk = toks[i++];
    if (!tk) throw new Unsupported("end");
    switch (tk.kind) {
      case "num":
        return { t: "num", v: Number(tk.text) };
      case "str":
        return { t: "str", v: tk.text };
      case "bool":
        return { t: "bool", v: tk.text === "TRUE" };
      case "ref": {
        const [a, b] = tk.text.split(":");
        const p = parseA1(a);
        if (!b) return { t: "ref", row: p.row, col: p.col };
        const q = parseA1(b);
        return {
          t: "ref",
          row: Math.min(p.row, q.row),
          col: Math.min(p.col, q.col),
          row2: Math.max(p.row, q.row),
          col2: Math.max(p.col, q.col),
        };
      }
      case "fn": {
        expect("(");
        const args: Node[] = [];
        if (!(peek()?.kind === "op" && peek().text === ")")) {
          for (;;) {
            args.push(expr(0));
            if (peek()?.kind === "op" && peek().text === ",") {
              i++;
              continue;
            }
            break;
          }
        }
        expect(")");
        return { t: "call", name: tk.text, args };
      }
      case "op":
        if (tk.text === "(") {
          const e = expr(0);
          expect(")");
          return e;
        }
        if (tk.text === "-" || tk.text === "+") return { t: "un", op: tk.text, a: unary() };
        throw new Unsupported(tk.text);
    }
  };
  const unary = (): Node => {
    let n = primary();
    while (peek()?.kind === "op" && peek().text === "%") {
      i++;
      n = { t: "pct", a: n };
    }
    return n;
  };
  const expr = (min: number): Node => {
    let left = unary();
    for (;;) {
      const tk = peek();
      if (!tk || tk.kind !== "op") break;
      const prec = BINARY[tk.text];
      if (prec === undefined || prec < min) break;
      i++;
      const right = expr(prec + 1); // left-associative, as spreadsheets (2^3^2 = 64)
      left = { t: "bin", op: tk.text, a: left, b: right };
    }
    return left;
  };
  const node = expr(0);
  if (i !== toks.length) throw new Unsupported("trailing");
  return node;
}

const parsed = new Map<string, Node | null>();

function parseCached(formula: string): Node | null {
  let n = parsed.get(formula);
  if (n === undefined) {
    try {
      n = parse(formula);
    } catch {
      n = null;
    }
    if (parsed.size > 5000) parsed.clear();
    parsed.set(formula, n);
  }
  return n;
}

/** Reads a cell's current value for the evaluator. */
export type CellReader = (row: number, col: number) => CellValue;

function scalar(v: Value): Exclude<Value, RefValue> {
  if (v instanceof RefValue) {
    if (v.cells.length !== 1) return new FormulaError("#VALUE!");
    return fromCell(v.cells[0]);
  }
  return v;
}

function fromCell(v: CellValue): Exclude<Value, RefValue> {
  if (isErrorValue(v)) return new FormulaError(v);
  return v;
}

function toNumber(v: Exclude<Value, RefValue>): number | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  const s = v.trim();
  if (s === "") return new FormulaError("#VALUE!");
  const pct = /%$/.test(s);
  const n = Number(s.replace(/%$/, "").replace(/,/g, ""));
  if (!Number.isFinite(n) || !/^[-+]?(\d[\d,]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?%?$/.test(s)) return new FormulaError("#VALUE!");
  return pct ? n / 100 : n;
}

function toText(v: Exclude<Value, RefValue>): string | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return numberToText(v);
  return v;
}

function numberToText(n: number): string {
  return String(Number(n.toPrecision(15)));
}

function truth(v: Exclude<Value, RefValue>): boolean | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  const u = v.toUpperCase();
  if (u === "TRUE") return true;
  if (u === "FALSE") return false;
  return new FormulaError("#VALUE!");
}

/** ROUND as spreadsheets do it: half away from zero, on the decimal the number shows (2.675 → 2.68). */
export function roundHalfAway(x: number, digits: number): number {
  const d = Math.trunc(digits);
  const f = Math.pow(10, Math.abs(d));
  const scaled = d >= 0 ? Math.abs(x) * f : Math.abs(x) / f;
  const r = Math.round(Number(scaled.toPrecision(15)));
  const out = d >= 0 ? r / f : r * f;
  return x < 0 ? -out : out;
}

function compare(a: Exclude<Value, RefValue>, b: Exclude<Value, RefValue>, op: string): boolean | FormulaError {
  if (a instanceof FormulaError) return a;
  if (b instanceof FormulaError) return b;
  // empty compares as "" against text, 0 against numbers, FALSE against booleans
  const norm = (x: string | number | boolean | null, other: string | number | boolean | null) =>
    x === null ? (typeof other === "string" ? "" : typeof other === "boolean" ? false : 0) : x;
  const x = norm(a, b);
  const y = norm(b, a);
  const rank = (v: string | number | boolean) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  let c: number;
  if (rank(x) !== rank(y)) c = rank(x) - rank(y);
  else if (typeof x === "string") {
    const xs = x.toUpperCase(),
      ys = (y as string).toUpperCase();
    c = xs < ys ? -1 : xs > ys ? 1 : 0;
  } else {
    const xn = Number(x),
      yn = Number(y);
    c = xn < yn ? -1 : xn > yn ? 1 : 0;
  }
  switch (op) {
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    default:
      return c >= 0;
  }
}

/** Numbers of SUM/MIN/MAX arguments: references give only their numbers; direct values are converted. */
function numbersOf(args: Value[]): number[] | FormulaError {
  const out: number[] = [];
  for (const a of args) {
    if (a instanceof RefValue) {
      for (const c of a.cells) {
        if (isErrorValue(c)) return new FormulaError(c);
        if (typeof c === "number") out.push(c);
      }
      continue;
    }
    if (a === null) continue;
    const n = toNumber(a);
    if (n instanceof FormulaError) return n;
    out.push(n);
  }
  return out;
}

function evaluateNode(n: Node, read: CellReader): Value {
  switch (n.t) {
    case "num":
      return n.v;
    case "str":
      return n.v;
    case "bool":
      return n.v;
    case "ref": {
      if (n.row2 === undefined) return new RefValue([read(n.row, n.col)]);
      const cells: CellValue[] = [];
      if ((n.row2 - n.row + 1) * (n.col2! - n.col + 1) > 100_000) throw new Unsupported("range");
      for (let r = n.row; r <= n.row2; r++) for (let c = n.col; c <= n.col2!; c++) cells.push(read(r, c));
      return new RefValue(cells);
    }
    case "un": {
      const v = toNumber(scalar(evaluateNode(n.a, read)));
      if (v instanceof FormulaError) return v;
      return n.op === "-" ? -v : v;
    }
    case "pct": {
      const v = toNumber(scalar(evaluateNode(n.a, read)));
      return v instanceof FormulaError ? v : v / 100;
    }
    case "bin": {
      const a = scalar(evaluateNode(n.a, read));
      const b = scalar(evaluateNode(n.b, read));
      if (BINARY[n.op] === 1) return compare(a, b, n.op);
      if (n.op === "&") {
        const x = toText(a),
          y = toText(b);
        if (x instanceof FormulaError) return x;
        if (y instanceof FormulaError) return y;
        return x + y;
      }
      const x = toNumber(a);
      if (x instanceof FormulaError) return x;
      const y = toNumber(b);
      if (y instanceof FormulaError) return y;
      switch (n.op) {
        case "+":
          return x + y;
        case "-":
          return x - y;
        case "*":
          return x * y;
        case "/":
          return y === 0 ? new FormulaError("#DIV/0!") : x / y;
        default: {
          const p = Math.pow(x, y);
          return Number.isFinite(p) ? p : new FormulaError("#NUM!");
        }
      }
    }
    case "call":
      return call(n.name, n.args, read);
  }
}

function call(name: string, args: Node[], read: CellReader): Value {
  const ev = (i: number) => scalar(evaluateNode(args[i], read));
  switch (name) {
    case "IF": {
      if (args.length < 1 || args.length > 3) throw new Unsupported(name);
      const c = truth(ev(0));
      if (c instanceof FormulaError) return c;
      if (c) return args.length > 1 ? ev(1) : true;
      return args.length > 2 ? ev(2) : false;
    }
    case "IFERROR": {
      if (args.length !== 2) throw new Unsupported(name);
      const v = ev(0);
      return v instanceof FormulaError ? ev(1) : v;
    }
    case "SUM":
    case "MIN":
    case "MAX": {
      const nums = numbersOf(args.map((a) => evaluateNode(a, read)));
      if (nums instanceof FormulaError) return nums;
      if (name === "SUM") return nums.reduce((s, x) => s + x, 0);
      if (nums.length === 0) return 0;
      return name === "MIN" ? Math.min(...nums) : Math.max(...nums);
    }
    case "ROUND": {
      if (args.length !== 2) throw new Unsupported(name);
      const x = toNumber(ev(0));
      if (x instanceof FormulaError) return x;
      const d = toNumber(ev(1));
      if (d instanceof FormulaError) return d;
      return roundHalfAway(x, d);
    }
    case "ABS": {
      const x = toNumber(ev(0));
      return x instanceof FormulaError ? x : Math.abs(x);
    }
    case "VALUE": {
      const v = ev(0);
      if (typeof v === "number") return v;
      return toNumber(v === null ? "" : v);
    }
    case "SUBSTITUTE": {
      if (args.length !== 3) throw new Unsupported(name);
      const [s, from, to] = [toText(ev(0)), toText(ev(1)), toText(ev(2))];
      if (s instanceof FormulaError) return s;
      if (from instanceof FormulaError) return from;
      if (to instanceof FormulaError) return to;
      return from === "" ? s : s.split(from).join(to);
    }
    default:
      throw new Unsupported(name);
  }
}

/**
 * The value a formula shows, reading cells through `read`; undefined when it cannot be computed here (a function
 * outside the set, another sheet's cell). Errors come back as their text ("#DIV/0!"), an empty result as "".
 */
export function evaluateFormula(formula: string, read: CellReader): CellValue | undefined {
  const node = parseCached(formula);
  if (!node) return undefined;
  try {
    const v = scalar(evaluateNode(node, read));
    if (v instanceof FormulaError) return v.code;
    if (v === null) return 0;
    if (typeof v === "number" && !Number.isFinite(v)) return "#NUM!";
    return v;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/** A cell of a sheet being computed: its formula (null for a constant) and its stored value. */
interface SheetCell {
  formula: string | null;
  value: CellValue;
}

/**
 * Computes formula cells of one sheet. `dirty` are the cells whose formula must be computed (the ones just
 * written); any other formula cell is computed too when it reads a computed cell, else it keeps its stored value.
 * Returns the computed value of every formula cell it computed (undefined entries left out).
 */
export function computeCells(cells: Map<string, SheetCell>, dirty: Iterable<string>): Map<string, CellValue> {
  const refsOf = new Map<string, string[]>();
  const refs = (k: string): string[] => {
    let r = refsOf.get(k);
    if (!r) {
      r = formulaCells(cells.get(k)?.formula ?? "");
      refsOf.set(k, r);
    }
    return r;
  };
  const forced = new Set(dirty);
  // formula cells that read a forced cell (transitively) are computed too
  const readers = new Map<string, string[]>();
  for (const [k, c] of cells) {
    if (!c.formula) continue;
    for (const r of refs(k)) {
      let l = readers.get(r);
      if (!l) readers.set(r, (l = []));
      l.push(k);
    }
  }
  const stack = [...forced];
  while (stack.length) {
    const k = stack.pop()!;
    for (const r of readers.get(k) ?? []) {
      if (!forced.has(r)) {
        forced.add(r);
        stack.push(r);
      }
    }
  }
  const out = new Map<string, CellValue>();
  const visiting = new Set<string>();
  const valueOf = (k: string): CellValue => {
    const c = cells.get(k);
    if (!c) return null;
    if (!c.formula || !forced.has(k)) return c.value;
    if (out.has(k)) return out.get(k)!;
    if (visiting.has(k)) return "#REF!"; // a circular reference
    visiting.add(k);
    const v = evaluateFormula(c.formula, (row, col) => valueOf(a1(row, col)));
    visiting.delete(k);
    if (v === undefined) {
      forced.delete(k); // keep what the cell holds
      return c.value;
    }
    out.set(k, v);
    return v;
  };
  for (const k of [...forced]) valueOf(k);
  return out;
}

/** A1 addresses a formula reads on its own sheet (ranges expanded up to 10,000 cells). */
export function formulaCells(formula: string): string[] {
  const out: string[] = [];
  for (const { top, left, bottom, right } of formulaRanges(formula)) {
    if ((bottom - top + 1) * (right - left + 1) > 10_000) continue;
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) out.push(a1(r, c));
  }
  return out;
}

/**
 * What the plan's cells of one sheet will show once written: each formula the plan writes, computed over the
 * sheet with the plan applied (a change left out of the plan leaves its cell as it was). Keys are A1 addresses;
 * a formula that cannot be computed here is left out.
 */
export function planValues(snapshot: SheetSnapshot, plan: FillPlan): Map<string, CellValue> {
  const changes = plan.changes.filter((c) => c.sheet === snapshot.name);
  if (changes.length === 0) return new Map();
  const cells = new Map<string, SheetCell>();
  for (const c of snapshotCells(snapshot)) cells.set(a1(c.row, c.col), { formula: c.formula ?? null, value: c.value });
  const dirty: string[] = [];
  for (const ch of changes) {
    const k = ch.cell.toUpperCase();
    const was = cells.get(k) ?? { formula: null, value: null };
    if (ch.after.formula !== undefined) {
      cells.set(k, { formula: ch.after.formula, value: null });
      dirty.push(k);
    } else if (ch.after.value !== undefined) {
      cells.set(k, { formula: null, value: ch.after.value });
      dirty.push(k);
    } else cells.set(k, was);
  }
  const computed = computeCells(cells, dirty);
  const out = new Map<string, CellValue>();
  for (const ch of changes) {
    const k = ch.cell.toUpperCase();
    if (ch.after.formula !== undefined) {
      if (computed.has(k)) out.set(k, computed.get(k)!);
    } else if (ch.after.value !== undefined) out.set(k, ch.after.value);
  }
  // other formula cells whose value the plan changes (they read a written cell)
  for (const [k, v] of computed) if (!out.has(k)) out.set(k, v);
  return out;
}

/**
 * The snapshot with every formula cell that carries no result (a file written without cached values) showing the
 * value it computes, where it can be computed here; the snapshot itself when there is none.
 */
export function withComputedValues(snapshot: SheetSnapshot): SheetSnapshot {
  const all = snapshotCells(snapshot);
  const missing = all.filter((c) => c.formula && c.value === null).map((c) => a1(c.row, c.col));
  if (missing.length === 0) return snapshot;
  const cells = new Map<string, SheetCell>();
  for (const c of all) cells.set(a1(c.row, c.col), { formula: c.formula ?? null, value: c.value });
  const computed = computeCells(cells, missing);
  return {
    name: snapshot.name,
    merges: snapshot.merges,
    cells: all.map((c) => {
      const v = c.formula ? computed.get(a1(c.row, c.col)) : undefined;
      return v === undefined ? c : { ...c, value: v };
    }),
  };
}
