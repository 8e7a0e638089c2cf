/**
 * `node -r` preload for the release tests: this process claims to run on 龙芯 (loong64), where @resvg/resvg-js has no
 * binary — process.arch reads "loong64" and requiring @resvg/resvg-js (or any of its platform packages) throws as it
 * does there. The CLI must still check, fill and write its report (the chart through @resvg/resvg-wasm).
 */
"use strict";
const Module = require("module");

Object.defineProperty(process, "arch", { value: "loong64", enumerable: true, configurable: true });
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (/^@resvg\/resvg-js(-|\/|$)/.test(request)) {
    const e = new Error(`Cannot find module '@resvg/resvg-js-linux-loong64-gnu' (no binary for ${process.platform}-${process.arch})`);
    e.code = "MODULE_NOT_FOUND";
    throw e;
  }
  return load.call(this, request, parent, isMain);
};
