/**
 * Builds the task pane (dist/taskpane.html) and the ribbon commands (dist/commands.html).
 * Conventions follow the Office Yeoman React template; every asset is bundled or copied into dist/.
 *
 *   npm run build                      production build, office.js served from dist/ (no CDN)
 *   OFFICE_JS=cdn npm run build        same, but office.js from appsforoffice.microsoft.com (store submission)
 *   npm run dev-server                 https://localhost:3000 (Office sideloading); HTTP=1 for plain http
 *   webpack --env publicUrl=https://…  built for the address it will be served from (npm run package -- --url …):
 *                                      chunks and assets are loaded from that address
 *   npm run build also writes dist-standalone/ (or alone: webpack --env standalone [--env outDir=…]): the page for
 *                                      release/standalone/jixiao.html — one bundle (every lazy chunk folded in), no
 *                                      office.js, no commands page; npm run package inlines it into one HTML file
 *                                      that works from file://. --env office builds dist/ alone (npm start).
 *
 * Before the pages, the standalone page's workbook worker (src/taskpane/file/workbookWorker.ts) is built into
 * dist-worker/ as one script, which the pages take in as text (a lazy chunk) and start from a blob: URL — a worker
 * from a file of its own would not start from file://. The dev server does not rebuild it: restart after changing it.
 *
 * oldwebview.js (src/taskpane/oldWebview.js, ES5, its sentences from the message catalogue) is the first script of
 * both pages: in Office's old webviews (IE11, EdgeHTML) it says what to use instead of an endless "正在加载…".
 */
const path = require("path");
const fs = require("fs");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { oldWebviewScript, OLD_WEBVIEW_FILE } = require("./scripts/old-webview");

/**
 * The page and the workers never say the command line's sentences (`cli.*`, said only by src/cli): the catalogue's
 * CLI part is an empty one in their bundles (src/core/messages/cli.page.ts).
 */
const withoutCliSentences = () =>
  new webpack.NormalModuleReplacementPlugin(/^\.\/cli$/, (resource) => {
    if (/[\\/]src[\\/]core[\\/]messages$/.test(resource.context)) resource.request = "./cli.page";
  });

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
const PORT = Number(process.env.PORT || 3000);

/**
 * office.js's O15 helper (o15apptofilemappingtable.js, which office.js loads whenever no Office host is named — the
 * standalone page) and the Windows 16.00 host files build a "ULS endpoint": 3 s after load they add a hidden iframe
 * to https://telemetryservice.firstpartyapps.oaspapps.com/…/telemetryproxy.html. The page's CSP refuses it, with a
 * console error on every load. These files are shipped with that one timer removed (the logger then only buffers, in
 * memory); the build fails if a file mentions the proxy but the timer is not found, so an office.js update that
 * changes it cannot silently bring the frame back. test/e2e/standalone.test.ts checks the page for console errors.
 */
const PROXY_FRAME_TIMER = /setTimeout\(function\s*\(\)\s*\{\s*\w+\.loadProxyFrame\(\);?\s*\}\s*,\s*(?:3e3|3000)\)/g;

function withoutTelemetryFrame(content, absoluteFrom) {
  const text = content.toString();
  if (!text.includes("telemetryproxy")) return content;
  const patched = text.replace(PROXY_FRAME_TIMER, "void 0");
  if (patched === text || patched.includes("loadProxyFrame()},")) {
    throw new Error(`${absoluteFrom}: office.js's telemetry proxy frame timer not found; update PROXY_FRAME_TIMER`);
  }
  return patched;
}

/**
 * What office.js fetches at run time, relative to its own URL: the host file for the running
 * application and platform (excel-win32-16.01.js, word-web-16.00.js, …), the O15 mapping table and
 * the localised strings (<locale>/office_strings.js). Only Excel and Word are hosts here. The
 * telemetry folder (telemetry/oteljs_agave.js) is deliberately not copied: no telemetry.
 */
function officeRuntimePatterns() {
  const files = fs.readdirSync(OFFICE_DIST);
  const hostFile = /^(office|o15apptofilemappingtable|es6-promise|(excel|word)[a-z0-9.-]*)\.js$/;
  const patterns = files
    .filter((f) => hostFile.test(f) && !f.endsWith(".debug.js"))
    .map((f) => ({ from: path.join(OFFICE_DIST, f), to: f, info: { minimized: true }, transform: withoutTelemetryFrame }));
  for (const dir of files) {
    const strings = path.join(OFFICE_DIST, dir, "office_strings.js");
    if (/^[a-z]{2,3}(-[a-z0-9]+)+$/.test(dir) && fs.existsSync(strings)) {
      patterns.push({ from: strings, to: `${dir}/office_strings.js`, info: { minimized: true } });
    }
  }
  return patterns;
}

const WORKER_DIR = path.resolve(__dirname, "dist-worker");
const WORKER_FILE = path.join(WORKER_DIR, "workbook-worker.js");

/** The workbook worker as ONE script (the reader's lazy chunks, SheetJS among them, folded in): WORKER_FILE. */
function buildWorker(dev) {
  const config = {
    mode: dev ? "development" : "production",
    devtool: false,
    target: ["webworker", "es2019"],
    entry: { "workbook-worker": "./src/taskpane/file/workbookWorker.ts" },
    output: { path: WORKER_DIR, filename: "[name].js", publicPath: "", clean: true },
    resolve: { extensions: [".ts", ".js", ".json"], fallback: { fs: false, path: false, crypto: false, stream: false } },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "es2020", target: "es2019", sourceMap: false } },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }), withoutCliSentences()],
  };
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) reject(err);
      else if (stats.hasErrors()) reject(new Error(`workbook worker: ${stats.toString("errors-only")}`));
      else resolve();
    });
  });
}

function httpsOptions() {
  if (process.env.HTTP === "1") return undefined;
  try {
    // Optional dependency (Windows/macOS sideloading); creates and trusts a localhost certificate.
    const devCerts = require("office-addin-dev-certs");
    return devCerts.getHttpsServerOptions();
  } catch {
    return undefined;
  }
}

/** Emits oldwebview.js beside the pages (it is not a webpack module: it must stay ES5 and run before anything else). */
class OldWebviewPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("OldWebviewPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "OldWebviewPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          compilation.fileDependencies.add(path.resolve(__dirname, "src/taskpane/oldWebview.js"));
          compilation.fileDependencies.add(path.resolve(__dirname, "src/core/messages/oldWebview.ts"));
          compilation.emitAsset(OLD_WEBVIEW_FILE, new compiler.webpack.sources.RawSource(oldWebviewScript()), { minimized: true });
        },
      );
    });
  }
}

/** The public base URL the build is served from (`--env publicUrl=…`), with one trailing slash; undefined: relative. */
function publicUrlOf(env) {
  const url = (env && env.publicUrl) || process.env.JIXIAO_PUBLIC_URL;
  if (!url) return undefined;
  if (!/^https:\/\/[^/]+/.test(url)) throw new Error(`publicUrl must be an https:// address, not ${url}`);
  return url.replace(/\/*$/, "/");
}

async function build(env, options) {
  const dev = options.mode === "development";
  const cdn = (process.env.OFFICE_JS || (env && env.OFFICE_JS) || "").toLowerCase() === "cdn";
  const officeJs = cdn ? OFFICE_JS_CDN : "office.js";
  const https = dev && options.$0 !== undefined ? await httpsOptions() : undefined;
  const publicUrl = publicUrlOf(env);
  const standalone = !!(env && env.standalone);
  const outDir = env && env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, "dist");

  function officePlugins() {
    return [
      new OldWebviewPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { officeJs, dev, oldWebview: OLD_WEBVIEW_FILE, standalone: false },
        minify: !dev,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters: { officeJs, dev, oldWebview: OLD_WEBVIEW_FILE, standalone: false },
        minify: !dev,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          ...(cdn ? [] : officeRuntimePatterns()),
        ],
      }),
    ];
  }

  return {
    devtool: dev ? "source-map" : false,
    ...(standalone ? { target: ["web", "es2019"] } : {}),
    entry: standalone
      ? { taskpane: "./src/taskpane/index.tsx" }
      : {
          taskpane: "./src/taskpane/index.tsx",
          commands: "./src/commands/commands.ts",
        },
    output: {
      path: outDir,
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].chunk.js" : "[name].[contenthash:8].chunk.js",
      clean: true,
      ...(publicUrl ? { publicPath: publicUrl } : standalone ? { publicPath: "" } : {}),
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".jsx", ".json"],
      alias: { "jixiao-workbook-worker$": WORKER_FILE },
      // ExcelJS and docx resolve to their browser builds through package.json "browser".
      fallback: { fs: false, path: false, crypto: false, stream: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type checking is `npm run typecheck`; here ES modules so webpack can split and shake. The standalone
              // page runs in whatever browser a desk has (信创 browsers on older Chromium): ES2019, as the WPS build.
              transpileOnly: true,
              compilerOptions: { module: "es2020", sourceMap: dev, ...(standalone ? { target: "es2019" } : {}) },
            },
          },
        },
        ...(standalone
          ? [
              {
                // libraries the pane uses that ship newer syntax (class static blocks, ??=, ?.): brought down to ES2019
                test: /\.m?js$/,
                include: /[\\/]node_modules[\\/](tabster|keyborg|@fluentui)[\\/]/,
                use: {
                  loader: "ts-loader",
                  options: {
                    transpileOnly: true,
                    compilerOptions: { allowJs: true, module: "es2020", target: "es2019", sourceMap: false },
                  },
                },
              },
            ]
          : []),
        { test: /\.(png|jpe?g|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
        // the workbook worker's script, as text (buildWorker)
        { include: WORKER_FILE, type: "asset/source" },
      ],
    },
    performance: {
      // The pane's initial JavaScript is measured by scripts/build-size.js; lazy chunks (ExcelJS) are large by nature.
      hints: false,
    },
    optimization: {
      splitChunks: { chunks: "async" },
    },
    plugins: standalone
      ? [
          withoutCliSentences(),
          new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
          new HtmlWebpackPlugin({
            filename: "taskpane.html",
            template: "./src/taskpane/taskpane.html",
            chunks: ["taskpane"],
            templateParameters: { officeJs: "", dev, oldWebview: "", standalone: true },
            inject: "body",
            scriptLoading: "blocking",
            minify: false,
          }),
        ]
      : [withoutCliSentences(), ...officePlugins()],
    ...(standalone ? {} : { devServer: devServer() }),
  };

  function devServer() {
    return {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: process.env.HTTP === "1" ? "http" : "https" },
      port: PORT,
      host: "localhost",
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
    };
  }
}

module.exports = async (env = {}, options = {}) => {
  await buildWorker(options.mode === "development");
  if (env.standalone || env.office || env.publicUrl || options.mode === "development") return build(env, options);
  return [
    { name: "office", ...(await build(env, options)) },
    { name: "standalone", ...(await build({ ...env, standalone: true, outDir: path.resolve(__dirname, "dist-standalone") }, options)) },
  ];
};
