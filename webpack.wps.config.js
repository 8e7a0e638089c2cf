/**
 * Builds the WPS 加载项 folder (dist-wps/), laid out as the wpsjs tool lays out a project:
 *
 *   index.html     the add-in's entry page: loads main.js (the ribbon callbacks); opened as index.html#pane it is
 *                  the task pane (the same React pane as in Excel, Word and the browser, loaded lazily)
 *   main.js        the ribbon callbacks on window.ribbon (synchronous) and the engine they run
 *   manifest.xml   what WPS fetches with ribbon.xml when a host starts (<JsPlugin>: name, API version, description)
 *   ribbon.xml     the 绩效自评 tab (starts with <customUI, no XML declaration: WPS checks for that)
 *   publish.html   the publish page (标准版 WPS): installs the add-in from the address it is served from
 *   jsplugins.xml  an offline jsplugins.xml example; INSTALL.txt says where things go
 *   assets/        icons; *.chunk.js the lazily loaded pane, adapters and ExcelJS/docx
 *
 * No office.js (WPS does not need it) and nothing from a CDN: the folder works with no network.
 * Our sources are compiled to ES2019 so the embedded Chromium of older WPS builds can run them
 * (test/wps/package.test.ts parses every script as ES2019).
 *
 *   npm run build:wps                                  into dist-wps/
 *   webpack --config webpack.wps.config.js --env outDir=…  elsewhere (npm run package → release/wps/jixiao_<version>/)
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const pkg = require("./package.json");

const NAME = "jixiao";
const FOLDER = `${NAME}_${pkg.version}`;
const PACKAGE = path.resolve(__dirname, "src/wps/package");

function fill(content) {
  return content
    .toString()
    .replace(/\{\{NAME\}\}/g, NAME)
    .replace(/\{\{VERSION\}\}/g, pkg.version)
    .replace(/\{\{FOLDER\}\}/g, FOLDER);
}

module.exports = (env, options) => {
  const dev = options.mode === "development";
  return {
    devtool: dev ? "source-map" : false,
    target: ["web", "es2019"],
    entry: { main: "./src/wps/main.ts" },
    output: {
      path: env && env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, "dist-wps"),
      // fixed name: ribbon.xml's callbacks live in main.js; lazy chunks are content-hashed
      filename: "main.js",
      chunkFilename: dev ? "[name].chunk.js" : "[name].[contenthash:8].chunk.js",
      // chunks load from beside main.js, whether the folder is served over http or opened from disk (file://)
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".jsx", ".json"],
      // the standalone page's workbook worker (webpack.config.js): WPS never opens a file in the pane
      alias: { "jixiao-workbook-worker$": false },
      fallback: { fs: false, path: false, crypto: false, stream: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "es2020", target: "es2019", sourceMap: dev } },
          },
        },
        {
          // libraries the pane uses that ship ES2020 syntax (optional chaining, ??): brought down to ES2019 too
          test: /\.m?js$/,
          include: /[\\/]node_modules[\\/](tabster|keyborg|@fluentui)[\\/]/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { allowJs: true, module: "es2020", target: "es2019", sourceMap: false } },
          },
        },
        { test: /\.(png|jpe?g|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
      ],
    },
    performance: { hints: false },
    optimization: { splitChunks: { chunks: "async" } },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: path.join(PACKAGE, "index.html"),
        chunks: ["main"],
        inject: "head",
        scriptLoading: "blocking",
        minify: !dev,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: path.join(PACKAGE, "assets/*.svg").replace(/\\/g, "/"), to: "assets/[name][ext]" },
          ...["manifest.xml", "ribbon.xml", "publish.html", "publish.js", "jsplugins.xml", "INSTALL.txt"].map((f) => ({
            from: path.join(PACKAGE, f),
            to: f,
            transform: fill,
            // publish.js stays as written: an administrator may want to read what it sends
            info: { minimized: true },
          })),
        ],
      }),
    ],
  };
};
