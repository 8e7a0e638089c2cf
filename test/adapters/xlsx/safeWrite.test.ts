/**
 * Writing the output safely (src/cli/io.ts): modes kept, symbolic links written through, FIFOs, folders and
 * read-only files refused with exit 2 (and never blocked on), control characters kept off the terminal.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { jsonText, safeIO, terminalText, writeOutputFile } from "../../../src/cli/io";
import { run, tempDir, expectOneLineZhEn } from "../../cli/run";
import { fixtureBytes } from "./badInputs";

jest.setTimeout(180_000);

let dir: string;
beforeAll(() => (dir = tempDir("jixiao-write-")));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe("writeOutputFile", () => {
  it("keeps the mode of the file it replaces, and a new file takes the input's mode", async () => {
    const f = path.join(dir, "keep.xlsx");
    fs.writeFileSync(f, "old");
    fs.chmodSync(f, 0o600);
    await writeOutputFile(f, new TextEncoder().encode("new"));
    expect(fs.readFileSync(f, "utf8")).toBe("new");
    expect(mode(f)).toBe(0o600);
    const input = path.join(dir, "in.xlsx");
    fs.writeFileSync(input, "x");
    fs.chmodSync(input, 0o640);
    const fresh = path.join(dir, "fresh.xlsx");
    await writeOutputFile(fresh, new TextEncoder().encode("y"), { modeOf: input });
    expect(mode(fresh)).toBe(0o640);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("writes through a symbolic link (also a relative one) and leaves the link", async () => {
    const sub = path.join(dir, "real");
    fs.mkdirSync(sub);
    const target = path.join(sub, "target.xlsx");
    fs.writeFileSync(target, "old");
    const link = path.join(dir, "link.xlsx");
    fs.symlinkSync("real/target.xlsx", link);
    await writeOutputFile(link, new TextEncoder().encode("new"));
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, "utf8")).toBe("new");
  });

  it("refuses a FIFO, a folder and a read-only file, without blocking", async () => {
    const fifo = path.join(dir, "pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    const ro = path.join(dir, "ro.xlsx");
    fs.writeFileSync(ro, "keep");
    fs.chmodSync(ro, 0o444);
    for (const p of [fifo, dir, ro]) {
      const e = await writeOutputFile(p, new Uint8Array([1])).then(
        () => null,
        (x: { code?: string }) => x,
      );
      expect(e?.code).toBe("output");
    }
    expect(fs.readFileSync(ro, "utf8")).toBe("keep");
  });
});

describe("fill --in-place through the CLI", () => {
  it("through a symlink: the target is filled, the link stays, the mode stays", async () => {
    const target = path.join(dir, "book-target.xlsx");
    fs.writeFileSync(target, fixtureBytes("project-medical-aid-2020"));
    fs.chmodSync(target, 0o600);
    const link = path.join(dir, "book-link.xlsx");
    fs.symlinkSync(target, link);
    const r = await run(["fill", link, "--in-place"], dir);
    expect(r.code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(mode(target)).toBe(0o600);
    expect(Buffer.compare(fs.readFileSync(target), Buffer.from(fixtureBytes("project-medical-aid-2020")))).not.toBe(0);
  });

  it("-o naming a FIFO or a read-only file: exit 2, one zh/en line", async () => {
    const input = path.join(dir, "book2.xlsx");
    fs.writeFileSync(input, fixtureBytes("project-medical-aid-2020"));
    const fifo = path.join(dir, "out-pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    const ro = path.join(dir, "out-ro.xlsx");
    fs.writeFileSync(ro, "keep");
    fs.chmodSync(ro, 0o444);
    for (const out of [fifo, ro]) {
      const r = await run(["fill", input, "-o", out], dir);
      expect(r.code).toBe(2);
      expectOneLineZhEn(r.stderr);
    }
  });
});

describe("control characters", () => {
  it("terminalText shows C0, C1 and bidi controls as visible escapes but keeps tabs and line feeds; jsonText escapes them", () => {
    expect(terminalText("a\u001b[31mb\u0085c\u202ed\te\n\rf")).toBe("a\\u{1B}[31mb\\u{85}c\\u{202E}d\te\n\\u{D}f");
    const json = JSON.stringify({ v: "x\u001b\u0085\u202e\u2066" });
    const escaped = jsonText(json);
    expect(escaped).not.toMatch(/[\u001b\u0085\u202e\u2066]/);
    expect(JSON.parse(escaped)).toEqual({ v: "x\u001b\u0085\u202e\u2066" });
  });

  it("safeIO tells JSON from text", () => {
    let out = "";
    let err = "";
    const io = safeIO({ stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
    io.stdout('{"a":"\u202e"}\n');
    io.stdout("名称\u202e\u001b[0m\n");
    io.stderr("错\u0007\n");
    expect(out).toBe('{"a":"\\u202e"}\n名称\\u{202E}\\u{1B}[0m\n');
    expect(err).toBe("错\\u{7}\n");
    // a document the command knows to be JSON: escaped as JSON, the same bytes as when told apart
    out = "";
    io.stdoutJson!('{"a":"\u202e\u0085"}\n');
    expect(out).toBe('{"a":"\\u202e\\u0085"}\n');
  });
});
