/**
 * What the add-in says where Office shows it in an old webview (Internet Explorer 11's Trident, or the EdgeHTML of
 * the first Edge — Office 2016/2019 volume-licensed on Windows), which cannot run the pane's modern JavaScript.
 * src/taskpane/oldWebview.js (ES5, the first script of taskpane.html and commands.html) shows these sentences; the
 * build copies them into it from here (scripts/old-webview.js), so this is the one place they are written.
 * Plain data with no imports: the build evaluates this module on its own.
 */
export const OLD_WEBVIEW_MESSAGES = {
  zh: {
    title: "绩效自评助手无法在此版本的 Office 中运行",
    body: "这台电脑的 Office 用旧版浏览器内核（Internet Explorer 或旧版 Edge）显示加载项，绩效自评助手需要更新的内核。可以改用：",
    options: [
      "WPS 加载项：在 WPS 表格或 WPS 文字的“绩效自评”选项卡中使用（请 IT 按 INSTALL.md 安装）；",
      "独立网页：用 Chrome、新版 Edge、360 安全浏览器、奇安信可信浏览器等打开 jixiao.html，选择工作簿即可检查和填充，无需安装；",
      "Office 2021、Office LTSC 2021 或 Microsoft 365：它们使用新版 Edge（WebView2）内核，可直接运行本加载项。",
    ],
  },
  en: {
    title: "绩效自评助手 cannot run in this version of Office",
    body: "Office shows add-ins here in an old web view (Internet Explorer or the first Edge), which cannot run this add-in. Instead use:",
    options: [
      "the WPS add-in: the 绩效自评 tab in WPS 表格 or WPS 文字 (IT installs it, see INSTALL.md);",
      "the standalone page: open jixiao.html in Chrome, the new Edge, 360 or another Chromium-based browser and choose the workbook — nothing to install;",
      "Office 2021, Office LTSC 2021 or Microsoft 365, which show add-ins in the new Edge (WebView2) and run this add-in.",
    ],
  },
};
