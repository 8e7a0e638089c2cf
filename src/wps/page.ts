/** Where the WPS entry page is and what it is (main.ts uses these; kept apart so tests can import them without a window). */

/** The folder this page was loaded from (file:///…/jixiao_0.1.0/ or http://server/jixiao/), with its "/". */
export function folderOf(href: string): string {
  const bare = href.split("#")[0].split("?")[0];
  return bare.slice(0, bare.lastIndexOf("/") + 1);
}

/** True when this page is the task pane (index.html#pane or ?pane). */
export function isPane(loc: { hash: string; search: string }): boolean {
  return /^#pane\b/.test(loc.hash) || /[?&]pane\b/.test(loc.search);
}
