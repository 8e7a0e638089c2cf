/**
 * The chart's SVG turned into a PNG in Node, for the CLI. Node only: never imported by the core or the pane (the
 * pane's rasteriser is browser.ts).
 *
 * Two rasterisers of the same renderer (resvg), chosen on the first chart drawn (never when the command starts, so
 * `check`, `fill` and `mark` never load either):
 * 1. @resvg/resvg-wasm (WebAssembly, runs on every CPU Node runs on) with one Chinese font found on the machine
 *    (fonts-noto-cjk, 文泉驿, SimHei, Microsoft YaHei, PingFang …, or the file JIXIAO_CHART_FONT names), read once
 *    per process and handed to each chart as bytes. Preferred: resvg-js can only be given fonts as files, and resvg
 *    reads a file-backed font's whole file again for every glyph it shapes or outlines — with a 19 MB CJK font that
 *    is ~4 ms per glyph, 0.2 s for a small chart and over 1 s for a chart of long indicator names, where the bytes in
 *    memory cost nothing more (the same renderer, the same font: the same PNG, byte for byte).
 * 2. @resvg/resvg-js (Rust, a prebuilt binary inside the npm package, an optional dependency), reading the
 *    machine's fonts itself: where no Chinese font file is found (it may still find one by name), or where the
 *    WebAssembly cannot load. It ships no binary for 龙芯 loong64, mips64el or sw_64, and an install may leave it out.
 * With neither (no renderer, or resvg-wasm alone and no Chinese font) the chart is left out and the report says so
 * once (chartNotice), instead of drawing boxes for every character.
 */
import * as fs from "fs";
import * as path from "path";
import * as v8 from "v8";
import { CHART_SCALE, chartRenderer, type ChartRasteriser, type ChartRenderer } from "./svg";

type RenderOptions = {
  fitTo: { mode: "width"; value: number };
  background: string;
  font: Record<string, unknown>;
};
type ResvgLike = new (svg: string, options: RenderOptions) => { render(): { asPng(): Uint8Array } };

/** Which rasteriser drew the charts: "native" (resvg-js), "wasm" (resvg-wasm with a font) or "none" (left out). */
export type ChartBackend =
  | { kind: "native"; draw: (svg: string, width: number) => Uint8Array }
  | { kind: "wasm"; font: string; draw: (svg: string, width: number) => Uint8Array }
  | { kind: "none"; reason: "no-font" | "no-renderer" };

/** Chinese fonts looked for, in order, with the family name each carries. */
const FONT_CANDIDATES: { file: string; family: string }[] = [
  { file: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", family: "Noto Sans CJK SC" },
  { file: "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", family: "Noto Sans CJK SC" },
  { file: "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", family: "Noto Sans CJK SC" },
  { file: "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", family: "WenQuanYi Micro Hei" },
  { file: "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", family: "WenQuanYi Micro Hei" },
  { file: "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", family: "WenQuanYi Zen Hei" },
  { file: "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", family: "Droid Sans Fallback" },
  { file: "C:\\Windows\\Fonts\\simhei.ttf", family: "SimHei" },
  { file: "C:\\Windows\\Fonts\\msyh.ttc", family: "Microsoft YaHei" },
  { file: "/System/Library/Fonts/PingFang.ttc", family: "PingFang SC" },
  { file: "/System/Library/Fonts/STHeiti Light.ttc", family: "Heiti SC" },
];

/** The family a font file probably carries, from its name (resvg matches the chart's font-family list by name). */
function familyOf(file: string): string {
  const base = path.basename(file).toLowerCase();
  if (base.includes("notosanscjk") || base.includes("notosans-cjk")) return "Noto Sans CJK SC";
  if (base.includes("notoserifcjk")) return "Noto Serif CJK SC";
  if (base.includes("sourcehansans")) return "Source Han Sans SC";
  if (base.includes("microhei")) return "WenQuanYi Micro Hei";
  if (base.includes("zenhei")) return "WenQuanYi Zen Hei";
  if (base.includes("simhei")) return "SimHei";
  if (base.includes("msyh")) return "Microsoft YaHei";
  return "Droid Sans Fallback";
}

/** One Chinese font on this machine: JIXIAO_CHART_FONT, a known path, else a search of /usr/share/fonts (depth 3). */
export function findChineseFont(env: NodeJS.ProcessEnv = process.env): { file: string; family: string } | null {
  const chosen = env.JIXIAO_CHART_FONT;
  if (chosen !== undefined) return chosen && fs.existsSync(chosen) ? { file: chosen, family: familyOf(chosen) } : null;
  for (const c of FONT_CANDIDATES) if (fs.existsSync(c.file)) return c;
  const pattern = /(notosanscjk|sourcehansans|wqy|droidsansfallback|simhei|msyh)[^/]*\.(ttc|ttf|otf)$/i;
  const search = (dir: string, depth: number): string | null => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return null;
    }
    for (const e of entries) if (e.isFile() && pattern.test(e.name)) return path.join(dir, e.name);
    if (depth > 0) {
      for (const e of entries) {
        if (!e.isDirectory()) continue;
        const found = search(path.join(dir, e.name), depth - 1);
        if (found) return found;
      }
    }
    return null;
  };
  for (const root of ["/usr/share/fonts", "/usr/local/share/fonts"]) {
    const found = search(root, 3);
    if (found) return { file: found, family: familyOf(found) };
  }
  return null;
}

function options(width: number, font: Record<string, unknown>): RenderOptions {
  return { fitTo: { mode: "width", value: width }, background: "#ffffff", font };
}

/** resvg-js, or null where it cannot load (no binary for this CPU, not installed). */
function nativeBackend(): ChartBackend | null {
  let Resvg: ResvgLike;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when a chart is drawn; an optional native module that may be missing
    Resvg = (require("@resvg/resvg-js") as { Resvg: ResvgLike }).Resvg;
  } catch {
    return null;
  }
  const font = { loadSystemFonts: true, defaultFontFamily: "Noto Sans CJK SC" };
  return { kind: "native", draw: (svg, width) => new Uint8Array(new Resvg(svg, options(width, font)).render().asPng()) };
}

let wasmReady: Promise<void> | undefined;

/** resvg-wasm with the Chinese font's bytes; "none" with the reason where it cannot be (not installed, no font). */
async function wasmBackend(env: NodeJS.ProcessEnv): Promise<ChartBackend> {
  let wasm: { initWasm(m: Uint8Array): Promise<void>; Resvg: ResvgLike };
  let bytes: Uint8Array;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when a chart is drawn
    wasm = require("@resvg/resvg-wasm") as typeof wasm;
    bytes = fs.readFileSync(require.resolve("@resvg/resvg-wasm/index_bg.wasm"));
  } catch {
    return { kind: "none", reason: "no-renderer" };
  }
  const found = findChineseFont(env);
  if (!found) return { kind: "none", reason: "no-font" };
  let fontBuffers: Uint8Array[];
  try {
    fontBuffers = [new Uint8Array(fs.readFileSync(found.file))];
    // V8's baseline WebAssembly compiler only (Liftoff; JavaScript is not affected, and resvg is the one WebAssembly
    // module the CLI loads): a report draws a few charts, and optimising resvg's hot functions (TurboFan) costs more
    // CPU than it saves on them (measured: a one-chart report 1.7 s → 1.0 s of CPU, 27 charts about even)
    v8.setFlagsFromString("--liftoff-only");
    // resvg-wasm is initialised once per process (a second initWasm throws), whatever the backend is chosen again
    wasmReady ??= wasm.initWasm(bytes);
    await wasmReady;
  } catch {
    return { kind: "none", reason: "no-renderer" };
  }
  const font = { fontBuffers, defaultFontFamily: found.family, sansSerifFamily: found.family };
  return {
    kind: "wasm",
    font: found.file,
    draw: (svg, width) => new Uint8Array(new wasm.Resvg(svg, options(width, font)).render().asPng()),
  };
}

let chosen: Promise<ChartBackend> | undefined;

/**
 * The rasteriser this process uses, chosen once: resvg-wasm with a Chinese font's bytes, else resvg-js with the
 * system's fonts, else none (with why). JIXIAO_CHART_WASM=1 never uses resvg-js; JIXIAO_CHART_NATIVE=1 prefers it.
 */
export function chartBackend(env: NodeJS.ProcessEnv = process.env): Promise<ChartBackend> {
  chosen ??= Promise.resolve().then(async () => {
    const native = () => (env.JIXIAO_CHART_WASM === "1" ? null : nativeBackend());
    if (env.JIXIAO_CHART_NATIVE === "1" && env.JIXIAO_CHART_WASM !== "1") return native() ?? wasmBackend(env);
    const inMemory = await wasmBackend(env);
    return inMemory.kind === "none" ? (native() ?? inMemory) : inMemory;
  });
  return chosen;
}

/** Forgets the choice (tests). */
export function resetChartBackend(): void {
  chosen = undefined;
}

/** The ChartRasteriser port in Node: null (the chart left out) when no rasteriser can draw Chinese text here. */
export const resvgRasteriser: ChartRasteriser = async (svg, size, scale = CHART_SCALE) => {
  const backend = await chartBackend();
  return backend.kind === "none" ? null : backend.draw(svg, size.width * scale);
};

export const renderChartPng: ChartRenderer = chartRenderer(resvgRasteriser);
