/**
 * No import circle anywhere in src, said by ESLint at the import that closes it (house/no-import-cycle,
 * scripts/eslint/no-import-cycle.js, run by `npm run lint`). Here: the rule sees the whole of src (so a clean lint
 * means something), and it fails, at the right lines, on a circle made for the purpose.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Linter } from "eslint";
import tseslint from "typescript-eslint";

// CommonJS, shared with eslint.config.js
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cycles = require("../../scripts/eslint/no-import-cycle");

const ROOT = path.resolve(__dirname, "../..");

describe("import circles", () => {
  test("the rule reads every module of src and finds no circle", () => {
    const files: string[] = cycles.sourceFiles(path.join(ROOT, "src"));
    expect(files.length).toBeGreaterThan(200);
    const edges = cycles.importGraph(new Map(files.map((f) => [f, fs.readFileSync(f, "utf8")])));
    expect(edges.length).toBeGreaterThan(500);
    expect([...cycles.circles(edges).partOf.keys()]).toEqual([]);
  });

  test("a circle is an ESLint error at each import that closes it (the check can fail)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-cycle-"));
    const src = path.join(dir, "src");
    fs.mkdirSync(src);
    const files: Record<string, string> = {
      "a.ts": 'import { b } from "./b";\nexport const a = b;\n',
      "b.ts": '// b\nimport type { C } from "./c";\nexport const b = 1;\nexport type B = C;\n',
      "c.ts": 'export * from "./a";\nexport type C = number;\n',
      "d.ts": 'import { a } from "./a";\nexport const d = import("./d");\nexport const e = a;\n',
      "e.ts": 'import { a } from "./a";\nexport const e = a;\n',
    };
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(src, name), text);
    const linter = new Linter({ configType: "flat", cwd: dir });
    const config = [
      {
        files: ["**/*.ts"],
        languageOptions: { parser: tseslint.parser as never },
        plugins: { house: { rules: { "no-import-cycle": cycles.rule } } },
        rules: { "house/no-import-cycle": "error" as const },
      },
    ];
    const said = Object.keys(files)
      .flatMap((name) =>
        linter.verify(files[name], config as never, { filename: path.join(src, name) }).map((m) => `${name}:${m.line} ${m.message}`),
      )
      .sort();
    expect(said).toEqual([
      "a.ts:1 This import closes an import circle: src/a.ts → src/b.ts → src/c.ts → src/a.ts.",
      "b.ts:2 This import closes an import circle: src/b.ts → src/c.ts → src/a.ts → src/b.ts.",
      "c.ts:1 This import closes an import circle: src/c.ts → src/a.ts → src/b.ts → src/c.ts.",
      "d.ts:2 This import closes an import circle: src/d.ts → src/d.ts.",
    ]);
    // the linted file changed (the circle through it broken): the rule sees it at once, without a second's wait
    const a = path.join(src, "a.ts");
    fs.writeFileSync(a, "export const a = 1;\n");
    fs.utimesSync(a, new Date(), new Date(Date.now() + 5000));
    expect(linter.verify("export const a = 1;\n", config as never, { filename: a })).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
