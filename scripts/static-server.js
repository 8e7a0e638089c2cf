/**
 * A tiny static file server for dist/ (the standalone page and the e2e tests): no dependencies, no external
 * requests, GET/HEAD only, never serves outside its folder.
 */
"use strict";
const http = require("http");
const fs = require("fs");
const path = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * @param {string} root folder to serve
 * @param {{host?: string, port?: number, log?: (line: string) => void}} [options]
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>, server: http.Server}>}
 */
function serveStatic(root, options = {}) {
  const base = path.resolve(root);
  const host = options.host || "127.0.0.1";
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url || "/", "http://x").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (rel.endsWith("/")) rel += "taskpane.html";
    const file = path.resolve(base, "." + rel);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        if (options.log) options.log(`404 ${rel}`);
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
        return;
      }
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file).toLowerCase()] || "application/octet-stream",
        "Content-Length": st.size,
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
      });
      if (req.method === "HEAD") res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port === undefined ? 0 : options.port, host, () => {
      const port = server.address().port;
      resolve({
        url: `http://${host}:${port}`,
        port,
        server,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

module.exports = { serveStatic };
