/**
 * `npm test` type-checks the whole project and lints it before building and running jest, and both checks bite:
 * a type error in the task pane fails the type check, a lint error (Office.js load-before-read, React hooks) fails
 * the lint. The checks run over the project's real configuration; the faulty code exists only in memory.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";
import { spawnSync } from "child_process";

const ROOT = path.resolve(__dirname, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };

jest.setTimeout(300_000);

test("npm test runs the type check and the lint before the build and jest", () => {
  const steps = pkg.scripts.test.split("&&").map((s) => s.trim());
  expect(steps.slice(0, 2)).toEqual(["npm run typecheck", "npm run lint"]);
  expect(steps.indexOf("npm run build")).toBeGreaterThan(1);
  expect(steps[steps.length - 1]).toBe("jest");
  expect(pkg.scripts.typecheck).toBe("tsc -p tsconfig.json --noEmit");
  expect(pkg.scripts.lint).toMatch(/^eslint --max-warnings 0 .*src test scripts/);
});

describe("the type check (tsconfig.json, as npm run typecheck reads it)", () => {
  const configFile = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, ROOT);
  const target = path.join(ROOT, "src/taskpane/format.ts");

  test("covers the pane, the ribbon, WPS, the app floor and the tests", () => {
    const rel = parsed.fileNames.map((f) => path.relative(ROOT, f).split(path.sep).join("/"));
    for (const f of [
      "src/taskpane/format.ts",
      "src/taskpane/components/App.tsx",
      "src/commands/commands.ts",
      "src/wps/ribbon.ts",
      "src/app/commands/check.ts",
      "test/app/parity.test.ts",
    ]) {
      expect(rel).toContain(f);
    }
    expect(parsed.options.strict).toBe(true);
  });

  test("a type error in src/taskpane is reported", () => {
    const host = ts.createCompilerHost(parsed.options);
    const readFile = host.readFile.bind(host);
    const getSourceFile = host.getSourceFile.bind(host);
    const faulty = `${fs.readFileSync(target, "utf8")}\nexport const shouldBeANumber: number = "三";\n`;
    host.readFile = (f) => (path.resolve(f) === target ? faulty : readFile(f));
    host.getSourceFile = (f, lang, onError, create) =>
      path.resolve(f) === target ? ts.createSourceFile(f, faulty, lang, true) : getSourceFile(f, lang, onError, create);
    // Only the pane's entry, what it imports and the project's ambient declarations: enough to reach format.ts, far
    // cheaper than the whole project.
    const declarations = parsed.fileNames.filter((f) => f.endsWith(".d.ts"));
    const program = ts.createProgram({
      rootNames: [path.join(ROOT, "src/taskpane/index.tsx"), ...declarations],
      options: parsed.options,
      host,
    });
    const errors = ts.getPreEmitDiagnostics(program).filter((d) => d.category === ts.DiagnosticCategory.Error);
    expect(
      errors.map((d) => `${path.relative(ROOT, d.file?.fileName ?? "")}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`),
    ).toEqual([expect.stringMatching(/^src\/taskpane\/format\.ts: Type 'string' is not assignable to type 'number'/)]);
  });
});

describe("the lint (eslint.config.js)", () => {
  // ESLint's own command line, as npm run lint calls it (its config loader needs a real Node, not jest's VM).
  const ESLINT = path.join(ROOT, "node_modules/eslint/bin/eslint.js");

  interface LintResult {
    filePath: string;
    messages: { ruleId: string | null; severity: number; line: number; message: string }[];
  }

  function lint(args: string[], input?: string): LintResult[] {
    const r = spawnSync(process.execPath, [ESLINT, "-f", "json", ...args], { cwd: ROOT, input, encoding: "utf8", timeout: 240_000 });
    if (!r.stdout) throw new Error(`eslint did not run: ${r.stderr}`);
    return JSON.parse(r.stdout) as LintResult[];
  }

  async function errorsOf(code: string, file: string): Promise<string[]> {
    const [r] = lint(["--stdin", "--stdin-filename", path.join(ROOT, file)], code);
    return r.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
  }

  test("a property read before load and sync, in Office.js code, is an error", async () => {
    const code = `export async function bad(): Promise<unknown> {
  return Excel.run(async (context) => {
    const range = context.workbook.getSelectedRange();
    return range.values;
  });
}
`;
    expect(await errorsOf(code, "src/adapters/excel/lintProbe.ts")).toEqual(
      expect.arrayContaining(["office-addins/load-object-before-read", "office-addins/call-sync-before-read"]),
    );
  });

  test("context.sync() in a loop is an error", async () => {
    const code = `export async function bad(names: string[]): Promise<void> {
  await Excel.run(async (context) => {
    for (const n of names) {
      context.workbook.worksheets.add(n);
      await context.sync();
    }
  });
}
`;
    expect(await errorsOf(code, "src/adapters/excel/lintProbe.ts")).toContain("office-addins/no-context-sync-in-loop");
  });

  test("a hook called conditionally in a pane component is an error", async () => {
    const code = `import * as React from "react";
export function Bad(props: { on: boolean }): JSX.Element | null {
  if (!props.on) return null;
  const [n] = React.useState(0);
  return <span>{n}</span>;
}
`;
    expect(await errorsOf(code, "src/taskpane/components/LintProbe.tsx")).toContain("react-hooks/rules-of-hooks");
  });

  describe("the floors (no-restricted-imports per folder)", () => {
    const use = "\nexport const used = [a, b, c];\n";
    const adapter = `import { ExcelHost as a } from "../excel/ExcelHost";
import { summarize as b } from "../../app/commands";
import { toFormula as c } from "../sheet";
import type { SpreadsheetHost } from "../../host/host";
import { rangeA1 } from "../../core/address";
export type H = SpreadsheetHost;
export const r = rangeA1;`;
    const PROBES: Record<string, [file: string, code: string]> = {
      wps: ["src/adapters/wps/lintProbe.ts", adapter + use],
      xlsx: ["src/adapters/xlsx/lintProbe.ts", adapter.replace("../excel/ExcelHost", "../wps/WpsSpreadsheetHost") + use],
      core: ["src/core/lintProbe.ts", `import type { SpreadsheetHost } from "../host/host";\nexport type H = SpreadsheetHost;\n`],
      app: [
        "src/app/lintProbe.ts",
        `export const x = 1;\nimport { FileHost } from "../adapters/xlsx/FileHost";\nexport const f = FileHost;\n`,
      ],
      inside: [
        "src/adapters/xlsx/lintProbe.ts",
        `import { H } from "../../core/recognize/headers";\nimport { H as H2 } from "../../core/recognize";\nexport const h = [H, H2];\n`,
      ],
      shell: [
        "src/taskpane/lintProbe.ts",
        `import { ExcelHost } from "../adapters/excel/ExcelHost";\nimport { summarize } from "../app/commands";\nexport const s = [ExcelHost, summarize];\n`,
      ],
    };
    let lines: Record<string, number[]> = {};

    beforeAll(() => {
      // One ESLint run for every probe (its start-up is the cost), through its Node API in a real Node.
      const script = `const { ESLint } = require("eslint");
(async () => {
  const probes = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const eslint = new ESLint({ cwd: ${JSON.stringify(ROOT)} });
  const out = {};
  for (const [k, [file, code]] of Object.entries(probes)) {
    const [r] = await eslint.lintText(code, { filePath: require("path").join(${JSON.stringify(ROOT)}, file) });
    out[k] = r.messages.filter((m) => m.ruleId === "no-restricted-imports" && m.severity === 2).map((m) => m.line);
  }
  process.stdout.write(JSON.stringify(out));
})();`;
      const r = spawnSync(process.execPath, ["-e", script], {
        cwd: ROOT,
        input: JSON.stringify(PROBES),
        encoding: "utf8",
        timeout: 240_000,
      });
      if (!r.stdout) throw new Error(`eslint did not run: ${r.stderr}`);
      lines = JSON.parse(r.stdout) as Record<string, number[]>;
    });

    test("an adapter importing app or another host's adapter is an error at that line; core, host and sheet are not", () => {
      expect(lines.wps).toEqual([1, 2]);
      expect(lines.xlsx).toEqual([1, 2]);
    });

    test("core importing anything above it, app importing an adapter, are errors", () => {
      expect(lines.core).toEqual([1]);
      expect(lines.app).toEqual([2]);
    });

    test("outside core, core is entered through its front doors, not a file inside one of its folders", () => {
      expect(lines.inside).toEqual([1]);
    });

    test("a shell may import every floor below it", () => {
      expect(lines.shell).toEqual([]);
    });
  });

  test("the code as it stands lints clean (a sample of each floor)", async () => {
    const files = [
      "src/app/commands/check.ts",
      "src/adapters/excel/ExcelHost.ts",
      "src/adapters/wps/WpsSpreadsheetHost.ts",
      "src/adapters/sheet/plan.ts",
      "src/core/recognize/index.ts",
      "src/adapters/word/WordReport.ts",
      "src/taskpane/word/WordPane.tsx",
    ];
    const results = lint(files);
    expect(results.flatMap((r) => r.messages.map((m) => `${path.relative(ROOT, r.filePath)}:${m.line} ${m.ruleId}`))).toEqual([]);
  });
});
