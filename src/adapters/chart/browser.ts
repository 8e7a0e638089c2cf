/**
 * The chart's SVG turned into a PNG in the task pane (a browser: Excel's, Word's and WPS's webviews, the standalone
 * page): the SVG becomes an <img> (from a blob: URL, same origin, so the canvas stays exportable), the image is drawn
 * on a white <canvas> at CHART_SCALE times its size, and the canvas is exported as PNG. Text is drawn with the
 * computer's own fonts (SimHei / Microsoft YaHei on Windows, Noto CJK on Linux) — an SVG image loads nothing else.
 * A webview that will not export the canvas (a "tainted" canvas in old engines) or cannot decode the SVG yields
 * null: the report is then written without its chart, never fails for it.
 */
import { chartRenderer, type ChartRasteriser, type ChartRenderer } from "./svg";

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error("the chart's SVG could not be decoded"));
    img.src = url;
  });
}

function canvasPng(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    if (typeof canvas.toBlob !== "function") {
      // no toBlob (old webviews): the data: URL's base64
      const b64 = canvas.toDataURL("image/png").split(",")[1] ?? "";
      const bin = atob(b64);
      const out = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
      resolve(out);
      return;
    }
    canvas.toBlob((blob) => {
      if (!blob) return reject(new Error("the canvas gave no PNG"));
      blob.arrayBuffer().then((b) => resolve(new Uint8Array(b)), reject);
    }, "image/png");
  });
}

/** The ChartRasteriser port in the browser. */
export const canvasRasteriser: ChartRasteriser = async (svg, size, scale) => {
  if (typeof document === "undefined" || typeof Image === "undefined") return null;
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const img = await loadImage(url);
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(size.width * scale);
    canvas.height = Math.round(size.height * scale);
    const ctx = canvas.getContext("2d");
    if (!ctx) return null;
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await canvasPng(canvas);
  } catch {
    return null;
  } finally {
    URL.revokeObjectURL(url);
  }
};

/** Charts drawn in the pane. */
export const renderChartInBrowser: ChartRenderer = chartRenderer(canvasRasteriser);
