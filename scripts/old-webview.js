/**
 * The old-webview notice (src/taskpane/oldWebview.js, ES5) with its sentences put in from the message catalogue
 * (src/core/messages/oldWebview.ts): the catalogue module is transpiled on its own (it imports nothing) and evaluated,
 * and its strings replace the template's placeholder as JSON. Used by webpack.config.js (dist/oldwebview.js) and so by
 * the release (npm run package). Fails loudly when the placeholder or the strings are missing.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const ROOT = path.resolve(__dirname, "..");
const TEMPLATE = path.join(ROOT, "src/taskpane/oldWebview.js");
const CATALOGUE = path.join(ROOT, "src/core/messages/oldWebview.ts");
const PLACEHOLDER = "/*JIXIAO_OLD_WEBVIEW_MESSAGES*/ null";

function oldWebviewMessages() {
  const source = fs.readFileSync(CATALOGUE, "utf8");
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019 } }).outputText;
  const mod = { exports: {} };
  new Function("module", "exports", js)(mod, mod.exports);
  const messages = mod.exports.OLD_WEBVIEW_MESSAGES;
  if (!messages || !messages.zh || !messages.en) throw new Error(`${CATALOGUE}: OLD_WEBVIEW_MESSAGES with zh and en expected`);
  return messages;
}

/** The script as shipped: the template with the catalogue's sentences. */
function oldWebviewScript() {
  const template = fs.readFileSync(TEMPLATE, "utf8");
  if (!template.includes(PLACEHOLDER)) throw new Error(`${TEMPLATE}: placeholder ${PLACEHOLDER} not found`);
  // JSON is ES5; U+2028/2029 are escaped so that the literal stays valid in every engine
  const json = JSON.stringify(oldWebviewMessages())
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  return template.replace(PLACEHOLDER, json);
}

module.exports = { oldWebviewScript, oldWebviewMessages, OLD_WEBVIEW_FILE: "oldwebview.js" };
