/**
 * Writing through symbolic links: `fill --in-place`, `mark --in-place` and `report --fill --in-place` given a link
 * write its target (a temporary file beside the real target, renamed over it) and leave the link a link — a relative
 * link in another folder, a chain of links, a link reached through a linked folder; `report --fill` without
 * --in-place writes nothing through the link at all.
 */
import * as fs from "fs";
import * as path from "path";
import { run, tempDir } from "./run";
import { fixtureBytes } from "../adapters/xlsx/badInputs";

jest.setTimeout(120_000);

let dir: string;
const ORIGINAL = Buffer.from(fixtureBytes("project-medical-aid-2020"));
beforeAll(() => {
  dir = tempDir("jixiao-links-");
  fs.mkdirSync(path.join(dir, "a/b"), { recursive: true });
  fs.mkdirSync(path.join(dir, "real"));
  fs.symlinkSync(path.join(dir, "real"), path.join(dir, "linkdir"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A target file with the fixture and the links to it (each a [link, points-to] pair, made in order). */
function setUp(target: string, links: [string, string][]): void {
  fs.writeFileSync(path.join(dir, target), ORIGINAL);
  for (const [link, to] of links) fs.symlinkSync(to, path.join(dir, link));
}

const CASES: { name: string; target: string; links: [string, string][]; argv: string[] }[] = [
  {
    name: "fill, a relative link in another folder",
    target: "a/t1.xlsx",
    links: [["a/b/l1.xlsx", "../t1.xlsx"]],
    argv: ["fill", "a/b/l1.xlsx", "--in-place"],
  },
  {
    name: "fill, a chain of links",
    target: "t2.xlsx",
    links: [
      ["l2a.xlsx", "t2.xlsx"],
      ["l2b.xlsx", "l2a.xlsx"],
    ],
    argv: ["fill", "l2b.xlsx", "--in-place"],
  },
  {
    name: "fill, through a linked folder",
    target: "real/t3.xlsx",
    links: [["real/l3.xlsx", "t3.xlsx"]],
    argv: ["fill", "linkdir/l3.xlsx", "--in-place"],
  },
  { name: "mark", target: "t5.xlsx", links: [["l5.xlsx", "t5.xlsx"]], argv: ["mark", "l5.xlsx", "--in-place"] },
  {
    name: "report --fill",
    target: "t6.xlsx",
    links: [["l6.xlsx", "t6.xlsx"]],
    argv: ["report", "l6.xlsx", "-o", "r6.docx", "--fill", "--in-place"],
  },
];

describe("--in-place through a symbolic link", () => {
  it.each(CASES)("$name: the target is written, every link stays a link", async ({ target, links, argv }) => {
    setUp(target, links);
    const r = await run(argv, dir);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(fs.lstatSync(path.join(dir, target)).isFile()).toBe(true);
    expect(fs.readFileSync(path.join(dir, target)).equals(ORIGINAL)).toBe(false);
    for (const [link] of links) expect(fs.lstatSync(path.join(dir, link)).isSymbolicLink()).toBe(true);
    // no temporary file left beside the target
    expect(fs.readdirSync(path.dirname(path.join(dir, target))).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("report --fill without --in-place: the target is untouched, the filled copy is a new file beside the link", async () => {
    setUp("t7.xlsx", [["l7.xlsx", "t7.xlsx"]]);
    const r = await run(["report", "l7.xlsx", "-o", "r7.docx", "--fill"], dir);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "t7.xlsx")).equals(ORIGINAL)).toBe(true);
    expect(fs.lstatSync(path.join(dir, "l7.xlsx")).isSymbolicLink()).toBe(true);
    expect(fs.lstatSync(path.join(dir, "l7（已填充）.xlsx")).isFile()).toBe(true);
  });
});
