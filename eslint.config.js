/**
 * ESLint (flat config), run by `npm run lint` inside `npm test`:
 *  - typescript-eslint's recommended rules over src, test and scripts;
 *  - eslint-plugin-office-addins' Office.js rules: load before read, sync before read, sync after load, no sync in a
 *    loop, no empty or navigational load, isNullObject for null tests — as errors (the plugin's own recommended set
 *    makes some of them warnings; here a warning would pass unnoticed);
 *  - the React hooks rules (rules of hooks, exhaustive deps) over the pane;
 *  - the floors (no-restricted-imports per folder of src, see FLOORS below): a file knows its floor by what it imports;
 *  - no import circle in src (house/no-import-cycle, scripts/eslint/no-import-cycle.js), reported at the import.
 * Formatting is prettier's business (`npm run format:check`), not the linter's.
 */
const tseslint = require("typescript-eslint");
const reactHooks = require("eslint-plugin-react-hooks");
const officeAddins = require("eslint-plugin-office-addins");
const noImportCycle = require("./scripts/eslint/no-import-cycle");

/**
 * The house's floors, bottom up. core imports nothing of ours above it; host (the ports) imports core; app imports
 * core and host; an adapter imports core, host, the shared adapter modules (sheet: the spreadsheet kernel; chart) and
 * its own folder — never app, a shell, or another host's adapter. Outside core, core is entered through its front
 * doors (core/index.ts, core/<folder>/index.ts), never a file inside one of its folders. Shells drive everything
 * below them; adding a shell folder (or file) is one line in SHELLS.
 */
const SHELLS = ["src/taskpane", "src/commands", "src/cli", "src/wps", "src/shells"];
const HOST_ADAPTERS = ["excel", "wps", "xlsx", "docx", "word"];
const SHELL_NAMES = ["taskpane", "commands", "cli", "wps", "shells"];
const shellGlobs = SHELLS.map((s) => (s.endsWith(".ts") ? s : `${s}/**`));

/** An import, at any depth of ../, of one of these folders of src. */
const above = (names) => `^(\\.\\./)+(adapters/)?(${names.join("|")})(/|$)`;
const CORE_INSIDE = {
  regex: "^(\\.\\./)+core/[^/]+/",
  message: "Import core through its front door (core/index.ts or core/<folder>/index.ts), not a file inside it.",
};
const floor = (files, forbidden, message, extra = []) => ({
  files,
  ignores: shellGlobs,
  rules: {
    "no-restricted-imports": ["error", { patterns: [{ regex: above(forbidden), message }, ...extra] }],
  },
});

const FLOORS = [
  floor(["src/core/**/*.{ts,tsx}"], ["host", "app", "adapters", ...SHELL_NAMES], "core imports nothing above it."),
  floor(["src/host/**/*.{ts,tsx}"], ["app", "adapters", ...SHELL_NAMES], "host (the ports) imports core only.", [CORE_INSIDE]),
  floor(["src/app/**/*.{ts,tsx}"], ["adapters", ...SHELL_NAMES], "app imports core and host only.", [CORE_INSIDE]),
  floor(
    ["src/adapters/{sheet,chart}/**/*.{ts,tsx}"],
    ["app", ...SHELL_NAMES, ...HOST_ADAPTERS],
    "a shared adapter module imports no host's adapter, app or shell.",
    [CORE_INSIDE],
  ),
  ...HOST_ADAPTERS.map((h) =>
    floor(
      [`src/adapters/${h}/**/*.{ts,tsx}`],
      ["app", ...SHELL_NAMES, ...HOST_ADAPTERS.filter((o) => o !== h)],
      `the ${h} adapter imports core, host, adapters/sheet and its own folder: never app, a shell or another host's adapter.`,
      [CORE_INSIDE],
    ),
  ),
  {
    files: shellGlobs.map((g) => (g.endsWith(".ts") ? g : `${g}/*.{ts,tsx}`)),
    rules: { "no-restricted-imports": ["error", { patterns: [CORE_INSIDE] }] },
  },
];

module.exports = tseslint.config(
  {
    ignores: [
      "dist/**",
      "dist-wps/**",
      "dist-standalone/**",
      "dist-worker/**",
      "release/**",
      "lib/**",
      "coverage/**",
      "test-results/**",
      "node_modules/**",
      "src/wps/package/**",
    ],
  },
  {
    files: ["**/*.{ts,tsx}"],
    extends: [...tseslint.configs.recommended],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      // `_name` marks a parameter an interface requires but this implementation does not use.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // The Office.js rules where Office.js is called (their notion of a proxy object is any `.load`/`.sync` user, so
    // the ExcelJS and WPS code — synchronous object models — would only give false reports).
    files: ["src/adapters/excel/**/*.ts", "src/adapters/word/**/*.ts", "src/commands/**/*.ts", "src/taskpane/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  ...FLOORS,
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { house: { rules: { "no-import-cycle": noImportCycle.rule } } },
    rules: { "house/no-import-cycle": "error" },
  },
  {
    // Tests: the fakes model untyped host object models (WPS's COM objects, Office.js proxies) and the oracles are
    // JSON read at run time, so `any` is their honest type; the COM-style fakes build objects around `this`.
    files: ["test/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-this-alias": "off" },
  },
  {
    // Node scripts and config files are CommonJS.
    files: ["**/*.js"],
    extends: [...tseslint.configs.recommended],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The old-webview notice runs in IE11 and EdgeHTML: ES5, a plain script (acorn checks it in test/release).
    files: ["src/taskpane/oldWebview.js"],
    languageOptions: { ecmaVersion: 5, sourceType: "script", globals: { window: "readonly", document: "readonly" } },
    rules: { "no-var": "off", "@typescript-eslint/no-unused-vars": ["error", { caughtErrors: "none" }] },
  },
);
