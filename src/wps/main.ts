/**
 * The WPS 加载项's entry script. WPS opens index.html (the add-in's entry page) when it starts and calls the
 * callbacks ribbon.xml names on `window.ribbon`; the task pane is the same index.html opened with `#pane`
 * (Application.CreateTaskPane), which then loads the pane — the same React pane as in Excel, Word and the browser.
 * One WPS page is both, so the WPS shell (this folder: ribbon.ts, page.ts, package/) loads the pane's entry only when
 * this page is the pane. No office.js, no network: everything is in the add-in's folder.
 */
import { defaultStore } from "../app/settings";
import { createRibbon } from "./ribbon";
import { folderOf, isPane } from "./page";

const ribbon = createRibbon({
  win: window,
  alert: (m) => window.alert(m),
  confirm: (m) => window.confirm(m),
  paneUrl: () => `${folderOf(window.location.href)}index.html#pane`,
  store: defaultStore(),
});
(window as unknown as { ribbon: typeof ribbon }).ribbon = ribbon;

if (isPane(window.location)) {
  void import(/* webpackChunkName: "pane" */ "../taskpane/index");
}
