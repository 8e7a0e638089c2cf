/**
 * Task pane entry. First WPS (window.Application with a workbook → WpsSpreadsheetHost; with a document → WordPane
 * over WpsDocumentHost); else on Office.onReady: Excel → ExcelHost; Word → WordPane; no Office (the standalone page,
 * taskpane.html opened in a browser) → file picker, the file read and checked in a worker (file/workerHost.ts). Host-specific code is loaded lazily.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import type { ReportFileWriter } from "../host/document";
import type { Progress } from "../host/host";
import { openWorkbookFile } from "./file/workerHost";
import type { ChartRenderer } from "../adapters/chart/svg";
import { App, type PaneMode } from "./components/App";
import { loadLastCommand } from "../app/settings";
import { toUserError, userError } from "../core/messages";
import { missingRequirement } from "./requirements";
import { loadPart } from "./parts";
import { detectWps, type WpsEnvironment } from "../adapters/wps/detect";

type HostName = "excel" | "word" | null;

/**
 * The docx adapter behind the report-file port, loaded only when a report is written: tables, and each chart drawn
 * by ECharts and rasterised on a canvas in the pane (src/adapters/chart/browser.ts). A chunk that does not load is
 * said as the report command's own (./parts.ts).
 */
const reportWriter: ReportFileWriter = {
  async build(narratives, source) {
    const [{ buildReportDocxFromNarratives }, { renderChartInBrowser }] = await loadPart(
      () =>
        Promise.all([
          import(/* webpackChunkName: "docx" */ "../adapters/docx"),
          import(/* webpackChunkName: "chart" */ "../adapters/chart/browser"),
        ]),
      "report-not-loaded",
    );
    return buildReportDocxFromNarratives(narratives, source, { renderChart: renderChartInBrowser });
  },
};

/** Charts for Word's 写入报告, drawn in the pane; the chart code is loaded when the first one is drawn. */
const renderChartLazily: ChartRenderer = async (chart) => {
  const { renderChartInBrowser } = await import(/* webpackChunkName: "chart" */ "../adapters/chart/browser");
  return renderChartInBrowser(chart);
};

/**
 * A file opened on the page's thread as a FileHost: the reader is its own chunk, loaded when a file is opened here (the
 * standalone page reads files in its worker, so the pane's first script holds no reader).
 */
const openOnPage = async (name: string, bytes: ArrayBuffer | Uint8Array) => {
  const { FileHost } = await import(/* webpackChunkName: "filehost" */ "../adapters/xlsx/FileHost");
  return FileHost.open(name, bytes);
};

/**
 * The workbook a Word / WPS 文字 report is written from: the chosen file read, checked and filled in a Web Worker, as
 * on the standalone page; on the page's thread where no worker starts (a build without it: the WPS add-in).
 */
const openWorkbook = (file: File) => openWorkbookFile(file, openOnPage);

/** Resolves once Office.js has decided where it runs; outside Office (or without office.js) → null. */
function officeReady(timeoutMs = 4000): Promise<{ host: HostName; language: string | null }> {
  const none = { host: null as HostName, language: null };
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve(none);
  const timeout = new Promise<typeof none>((resolve) => setTimeout(() => resolve(none), timeoutMs));
  const ready = Office.onReady().then((info) => {
    const host: HostName = info.host === Office.HostType.Excel ? "excel" : info.host === Office.HostType.Word ? "word" : null;
    let language: string | null = null;
    try {
      language = host ? Office.context.displayLanguage : null;
    } catch {
      language = null;
    }
    return { host, language };
  });
  return Promise.race([ready, timeout]);
}

async function chooseMode(host: HostName): Promise<PaneMode> {
  try {
    if (host === "excel") {
      const isSet = (n: string, v?: string) => Office.context.requirements.isSetSupported(n, v);
      if (missingRequirement("excel", isSet)) {
        return {
          kind: "failed",
          error: userError("excel-too-old"),
        };
      }
      const { ExcelHost } = await import(/* webpackChunkName: "excel" */ "../adapters/excel/ExcelHost");
      return { kind: "excel", host: new ExcelHost(), reportWriter };
    }
    if (host === "word") {
      const isSet = (n: string, v?: string) => Office.context.requirements.isSetSupported(n, v);
      if (missingRequirement("word", isSet)) {
        return {
          kind: "failed",
          error: userError("word-too-old"),
        };
      }
      const [{ WordPane }, { WordReport, officeWordRun }] = await Promise.all([
        import(/* webpackChunkName: "word" */ "./word/WordPane"),
        import(/* webpackChunkName: "word" */ "../adapters/word/WordReport"),
      ]);
      // the report's charts are drawn in the pane: ECharts' SVG on a canvas (src/adapters/chart/browser.ts)
      const report = new WordReport(officeWordRun(), { renderChart: renderChartLazily });
      return { kind: "word", render: (lang) => <WordPane lang={lang} report={report} text={report} openWorkbook={openWorkbook} /> };
    }
    return {
      kind: "file",
      // read and checked in a Web Worker (the page's thread only renders), on the page's thread where none starts
      openFile: (file: File, onProgress?: Progress) => openWorkbookFile(file, openOnPage, { onProgress }),
      reportWriter,
      issueList: async (results, lang) => {
        const { buildIssueList } = await import(/* webpackChunkName: "issuelist" */ "../app/issueList");
        return buildIssueList(results, lang);
      },
      readReport: async (file: File) => {
        const { readDocxBlocks } = await loadPart(
          () => import(/* webpackChunkName: "docxtext" */ "../adapters/xlsx/docxText"),
          "compare-not-loaded",
        );
        return readDocxBlocks(await file.arrayBuffer(), file.name);
      },
    };
  } catch (e) {
    return { kind: "failed", error: toUserError(e) };
  }
}

/** The pane inside WPS: the same pane as in Excel and Word, over the WPS hosts. */
async function wpsMode(wps: WpsEnvironment): Promise<PaneMode> {
  try {
    const { WpsSpreadsheetHost, WpsDocumentHost } = await import(/* webpackChunkName: "wps" */ "../adapters/wps");
    if (wps.kind === "et") return { kind: "excel", host: new WpsSpreadsheetHost(wps.app), reportWriter };
    const { WordPane } = await import(/* webpackChunkName: "word" */ "./word/WordPane");
    // the report's charts are drawn in the pane and handed to WPS as a temporary PNG (FileSystem → InlineShapes.AddPicture)
    const report = new WpsDocumentHost(wps.app, { renderChart: renderChartLazily });
    return { kind: "word", render: (lang) => <WordPane lang={lang} report={report} text={report} openWorkbook={openWorkbook} /> };
  } catch (e) {
    return { kind: "failed", error: toUserError(e) };
  }
}

async function boot(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  const wps = detectWps(typeof window !== "undefined" ? window : undefined);
  const { host, language } = wps ? { host: null, language: null } : await officeReady();
  const mode = wps ? await wpsMode(wps) : await chooseMode(host);
  createRoot(container).render(
    <App
      mode={mode}
      officeLanguage={language}
      browserLanguage={typeof navigator !== "undefined" ? navigator.language : null}
      lastCommand={host === "excel" || wps?.kind === "et" ? loadLastCommand() : null}
    />,
  );
}

boot().catch((e) => {
  // Even a failure before React mounts leaves a readable message, never a blank pane.
  const err = toUserError(e);
  const container = document.getElementById("container");
  if (container) {
    container.textContent = "";
    const p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.style.padding = "16px";
    p.textContent = `${err.zh} / ${err.en}`;
    container.appendChild(p);
  }
});
