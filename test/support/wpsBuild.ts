/** The WPS add-in folder (dist-wps/): built by `npm run build:wps` (npm test does it first), or here when missing. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST_WPS = path.join(ROOT, "dist-wps");

/** Builds dist-wps/ unless it is there already; E2E_REBUILD=1 forces a build. */
export function ensureWpsBuilt(): string {
  if (process.env.E2E_REBUILD !== "1" && fs.existsSync(path.join(DIST_WPS, "main.js")) && fs.existsSync(path.join(DIST_WPS, "ribbon.xml")))
    return DIST_WPS;
  const webpack = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const r = spawnSync(process.execPath, [webpack, "--config", "webpack.wps.config.js", "--mode", "production"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 900_000,
  });
  if (r.status !== 0) throw new Error(`WPS build failed:\n${r.stdout}\n${r.stderr}`);
  return DIST_WPS;
}
