/**
 * The WPS add-in end to end in Debian's Chromium, on the BUILT dist-wps/ served from 127.0.0.1, with the strict fake
 * of the ET / WPS 文字 object model injected as `window.Application` (and crypto.randomUUID removed, as in some WPS
 * WebViews). Nothing here ran in a real WPS: this proves the same pane code drives the WPS hosts correctly.
 *
 * - WPS 表格, every shared fixture: index.html#pane detects WPS, 检查 shows exactly the file path's findings,
 *   clicking a finding selects its cell in the workbook, 填充公式 previews exactly the file path's plan, 应用 writes
 *   it; the workbook (with its hidden undo sheet) is carried into a NEW page — the pane closed and opened again —
 *   where 撤销 is offered at once and puts every cell back.
 * - the ribbon page (index.html): window.ribbon's callbacks answer synchronously; 任务窗格 creates the pane at
 *   index.html#pane; 检查 selects the first cell at fault and says so in a message box.
 * - WPS 文字: the Word pane over WpsDocumentHost: 链接工作簿, 写入报告 → bookmarked sections (tables, the chart through the
 *   fake's FileSystem and InlineShapes.AddPicture) and the link in document
 *   variables; 刷新 with unchanged data changes nothing.
 * - the add-in folder opened from file:// (WPS's offline jsaddons): 生成报告 fetches its command from beside main.js.
 * No request leaves the page's origin; no page error.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { analyzeWorkbook } from "../../src/core";
import { CHROMIUM, CHROMIUM_ARGS } from "../support/chromium";
import { ensureWpsBuilt } from "../support/wpsBuild";
import { workbookToJson, type EtWorkbookJson } from "../fakes/fakeEt";
import { FIXTURE_NAMES, etFixture } from "../adapters/wps/etFixture";
import { fixturePath } from "../support/fixtures";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS script (no typings)
const { serveStatic } = require("../../scripts/static-server.js") as {
  serveStatic(root: string, o?: { host?: string; port?: number }): Promise<{ url: string; close(): Promise<void> }>;
};

jest.setTimeout(900_000);

const RESULTS = path.resolve(__dirname, "../../test-results");

let browser: Browser;
let context: BrowserContext;
let dist: string;
let server: { url: string; close(): Promise<void> };
let origin: string;
const requests: string[] = [];
const offOrigin: string[] = [];

/** A fake as a browser script: the TypeScript module transpiled, its exports on window[global]. */
function browserModule(file: string, global: string): string {
  const src = fs.readFileSync(path.join(__dirname, "../fakes", file), "utf8");
  const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019 } }).outputText;
  return `(function(){var exports={};var module={exports:exports};${js};window.${global}=exports;})();`;
}

const FAKE_ET = browserModule("fakeEt.ts", "__FakeEtModule");
const FAKE_WRITER = browserModule("fakeWpsWriter.ts", "__FakeWriterModule");
const NO_RANDOM_UUID = `try{Object.defineProperty(Crypto.prototype,"randomUUID",{value:undefined,configurable:true,writable:true});}catch(e){}`;

/** A page whose window.Application is a fake ET over this workbook. */
async function etPage(book: EtWorkbookJson, options: Record<string, unknown> = {}): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript({
    content: `${NO_RANDOM_UUID}${FAKE_ET}(function(){var m=window.__FakeEtModule;var fake=new m.FakeEt(m.workbookFromJson(${JSON.stringify(
      book,
    )}),${JSON.stringify(options)});window.__fake=fake;window.__dump=function(){return m.workbookToJson(fake.workbook);};window.Application=fake.Application;})();`,
  });
  return { page, errors };
}

beforeAll(async () => {
  fs.mkdirSync(RESULTS, { recursive: true });
  dist = ensureWpsBuilt();
  server = await serveStatic(dist, { host: "127.0.0.1", port: 0 });
  origin = new URL(server.url).origin;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  context = await browser.newContext({ locale: "zh-CN", viewport: { width: 360, height: 900 } });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
    if (!offOrigin.includes(url)) offOrigin.push(url);
    return route.abort("blockedbyclient");
  });
  context.on("request", (r) => requests.push(r.url()));
});

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await server?.close();
});

async function findingsShown(page: Page): Promise<string[]> {
  const list = await page.$$eval("[data-testid=finding]", (els) =>
    els.map((el) => `${el.getAttribute("data-code")}@${el.getAttribute("data-cell") ?? ""}`),
  );
  return list.sort();
}

describe.each(FIXTURE_NAMES.map((n, i) => [n, i % 2 === 0 ? "property" : "method"] as const))(
  "WPS 表格 pane · %s (%s build)",
  (name, members) => {
    test("检查 = the file path's findings; 填充公式 = its plan; 应用; the pane closed and reopened: 撤销 restores every cell", async () => {
      const { fileSnapshots, model } = await etFixture(name);
      // the sheet holding the table is the active one (the pane reads the active sheet)
      const book = workbookToJson(model);
      const active = fileSnapshots.findIndex((s) => analyzeWorkbook([s]).sheets[0].tables.length > 0);
      book.active = active;
      const expected = analyzeWorkbook([fileSnapshots[active]]);
      const tables = expected.sheets[0].tables;
      const expectedFindings = tables
        .flatMap((t) => t.findings)
        .map((f) => `${f.code}@${f.cell ?? ""}`)
        .sort();
      const expectedPlan = tables.flatMap((t) => t.plan.changes).map((c) => c.cell);

      const { page, errors } = await etPage(book, { members });
      await page.goto(`${origin}/index.html#pane`);
      await page.getByRole("button", { name: "检查", exact: true }).waitFor();
      await expect(page.getByText(`${name}.xlsx`).first().isVisible()).resolves.toBe(true);
      await expect(page.evaluate(() => typeof (crypto as { randomUUID?: unknown }).randomUUID)).resolves.toBe("undefined");

      await page.getByRole("button", { name: "检查", exact: true }).click();
      await page.getByTestId("results").waitFor();
      await expect(page.getByTestId("error-bar").count()).resolves.toBe(0);
      expect(await findingsShown(page)).toEqual(expectedFindings);

      // a finding's cell is selected in the workbook
      const firstWithCell = page.locator("[data-testid=finding][data-cell]:not([data-cell=''])").first();
      if ((await firstWithCell.count()) > 0) {
        const cell = await firstWithCell.getAttribute("data-cell");
        await firstWithCell.locator("button").first().click();
        await page.waitForFunction(
          ([sheetName, address]) => {
            const sel = (window as unknown as { __fake: { selection: { sheet: string; address: string } | null } }).__fake.selection;
            return !!sel && sel.sheet === sheetName && sel.address === address;
          },
          [fileSnapshots[active].name, cell] as const,
          { timeout: 10_000 },
        );
      }

      await page.getByRole("button", { name: "填充公式", exact: true }).click();
      await page.getByTestId("preview").waitFor();
      const previewed = await page.$$eval("[data-testid=change]", (els) => els.map((e) => e.getAttribute("data-cell") ?? ""));
      // the preview groups the changes by reason (执行率, 得分, 总分, 文本数字): the same cells, each once
      expect([...previewed].sort()).toEqual([...expectedPlan].sort());
      await page.screenshot({ path: path.join(RESULTS, `wps-${name}-preview.png`), fullPage: true });
      await page.getByRole("button", { name: "应用", exact: true }).click();
      await page.getByTestId("notice").waitFor();
      const filled = (await page.evaluate(() => (window as unknown as { __dump(): unknown }).__dump())) as EtWorkbookJson;
      const sheet = filled.sheets.find((s) => s.name === fileSnapshots[active].name)!;
      const byCell = new Map(sheet.cells.map(([r, c, cell]) => [`${r}:${c}`, cell]));
      for (const ch of tables.flatMap((t) => t.plan.changes)) {
        const m = /^([A-Z]+)(\d+)$/.exec(ch.cell)!;
        let col = 0;
        for (const x of m[1]) col = col * 26 + x.charCodeAt(0) - 64;
        const got = byCell.get(`${m[2]}:${col}`);
        if (ch.after.formula) expect({ cell: ch.cell, formula: got?.formula }).toEqual({ cell: ch.cell, formula: ch.after.formula });
      }
      expect(filled.sheets.map((s) => s.name)).toContain("jixiao_undo");
      expect(errors).toEqual([]);
      await page.close();

      // The pane closed; WPS still has the workbook (with its undo sheet): a new pane offers 撤销 at once.
      const again = await etPage(filled, { members });
      await again.page.goto(`${origin}/index.html#pane`);
      const undo = again.page.getByRole("button", { name: "撤销", exact: true });
      await undo.waitFor();
      await again.page.waitForFunction(() => {
        const b = document.querySelector<HTMLButtonElement>('button[aria-label="撤销"]');
        return !!b && !b.disabled;
      });
      await undo.click();
      await again.page.getByText(/已撤销/).waitFor();
      const restored = (await again.page.evaluate(() => (window as unknown as { __dump(): unknown }).__dump())) as EtWorkbookJson;
      expect(restored).toEqual(book);
      expect(again.errors).toEqual([]);
      await again.page.close();
    });
  },
);

test("the ribbon page: synchronous callbacks; 任务窗格 opens index.html#pane; 检查 selects the first cell at fault", async () => {
  const name = FIXTURE_NAMES.find((n) => n.startsWith("project-")) as string;
  const { fileSnapshots, model } = await etFixture(name);
  const book = workbookToJson(model);
  book.active = fileSnapshots.findIndex((s) => analyzeWorkbook([s]).sheets[0].tables.length > 0);
  const { page, errors } = await etPage(book);
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.accept();
  });
  await page.goto(`${origin}/index.html`);
  // the entry page does not load the pane
  await expect(page.evaluate(() => document.getElementById("boot") !== null)).resolves.toBe(true);
  const answers = await page.evaluate(() => {
    const r = (window as unknown as { ribbon: Record<string, (c: unknown) => unknown> }).ribbon;
    const plain = (v: unknown) => !(v && typeof (v as { then?: unknown }).then === "function");
    return {
      load: r.OnAddinLoad({}),
      visible: r.OnGetVisible({ Id: "jixiaoFill" }),
      image: r.GetImage({ Id: "jixiaoCheck" }),
      pane: r.OnAction({ Id: "jixiaoPane" }),
      allPlain: [r.OnAddinLoad({}), r.OnGetVisible({ Id: "jixiaoPane" }), r.GetImage({ Id: "jixiaoPane" })].every(plain),
    };
  });
  expect(answers).toEqual({ load: true, visible: true, image: "assets/ribbon-check.svg", pane: true, allPlain: true });
  const panes = await page.evaluate(() => (window as unknown as { __fake: { taskPanes: unknown } }).__fake.taskPanes);
  expect(panes).toEqual([{ id: "pane-1", url: `${origin}/index.html#pane`, visible: true, dockPosition: 2 }]);
  const image = await page.request.get(`${origin}/assets/ribbon-check.svg`);
  expect(image.ok()).toBe(true);

  const checked = await page.evaluate(() =>
    (window as unknown as { ribbon: { OnAction(c: unknown): unknown } }).ribbon.OnAction({ Id: "jixiaoCheck" }),
  );
  expect(checked).toBe(true);
  expect(dialogs).toHaveLength(1);
  expect(dialogs[0]).toMatch(/识别到 1 张自评表/);
  const selection = await page.evaluate(
    () => (window as unknown as { __fake: { selection: { sheet: string; address: string } | null } }).__fake.selection,
  );
  expect(selection).not.toBeNull();
  expect(dialogs[0]).toContain(`${selection!.sheet}!${selection!.address}`);
  expect(errors).toEqual([]);
  await page.close();
});

test("WPS 文字: figures that differ wait for a choice; 写入报告 writes bookmarked sections, tables and the link; 刷新 → 先填充再生成 states the rule's figures", async () => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript({
    content: `${NO_RANDOM_UUID}${FAKE_WRITER}(function(){var m=window.__FakeWriterModule;var doc=new m.WriterDocModel("自评报告.docx",["致：市财政局",""]);var fake=new m.FakeWpsWriter(doc,{members:"method"});window.__doc=doc;window.__dumpDoc=function(){return {text:doc.text,bookmarks:Array.from(doc.bookmarks.keys()).sort(),variables:Array.from(doc.variables.keys()).sort(),paragraphs:doc.paragraphs(),tables:doc.tableValues(),pictures:doc.pictures.map(function(x){return {png:x.bytes[0]===0x89&&x.bytes[1]===0x50,size:x.bytes.length,width:x.width}}),files:Array.from(fake.files.keys())};};window.Application=fake.Application;})();`,
  });
  await page.goto(`${origin}/index.html#pane`);
  await page.getByTestId("word-pane").waitFor();
  await expect(page.getByTestId("link-line").innerText()).resolves.toContain("还没有");
  // an unfilled table: its 执行率 (G6) and 执行率得分 (H6) differ from the rule's
  const name = "project-medical-aid-2020";
  await page.getByTestId("word-file-input").setInputFiles(fixturePath(name));
  await page.getByTestId("word-file-name").waitFor();
  const textOf = () => page.evaluate(() => (window as unknown as { __dumpDoc(): { text: string } }).__dumpDoc().text);
  const empty = await textOf();
  await page.getByRole("button", { name: "写入报告", exact: true }).click();
  const wait = page.getByTestId("report-differences");
  await wait.waitFor();
  const cells = await page.getByTestId("report-difference").evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")));
  expect(cells).toEqual(expect.arrayContaining(["G6", "H6"]));
  expect(await textOf()).toBe(empty); // nothing written while the person chooses
  await page.getByRole("button", { name: "按表中数字生成" }).click();
  await page.getByTestId("word-done").waitFor();
  const doc = (await page.evaluate(() => (window as unknown as { __dumpDoc(): unknown }).__dumpDoc())) as {
    text: string;
    bookmarks: string[];
    variables: string[];
    paragraphs: { text: string; style: string }[];
    tables: string[][][];
    pictures: { png: boolean; size: number; width: number }[];
    files: string[];
  };
  // the tables: 资金情况 and 绩效指标完成情况, with the table's own figures (99.15% as stated)
  expect(doc.tables.length).toBeGreaterThanOrEqual(2);
  expect(doc.tables[0][0]).toEqual(expect.arrayContaining(["全年预算数", "全年执行数", "执行率"]));
  expect(doc.tables.flat(2)).toContain("99.15%");
  expect(doc.paragraphs[0].text).toBe("致：市财政局");
  expect(doc.bookmarks).toEqual(expect.arrayContaining(["jixiao_basic", "jixiao_goals", "jixiao_conclusion"]));
  expect(doc.variables).toEqual(expect.arrayContaining(["jixiao_link_count", "jixiao_link_1"]));
  expect(doc.paragraphs.some((p) => p.style === "标题 2")).toBe(true);
  // the chart: drawn on the pane's canvas, handed to WPS as a temporary PNG, inserted, the temporary file removed
  expect(doc.pictures).toEqual([{ png: true, size: expect.any(Number), width: 432 }]);
  expect(doc.pictures[0].size).toBeGreaterThan(1000);
  expect(doc.paragraphs.some((p) => p.text.startsWith("图1"))).toBe(true);
  expect(doc.files).toEqual([]);
  await expect(page.getByTestId("link-line").innerText()).resolves.toContain(`${name}.xlsx`);

  // 刷新 follows the same rule: the differences first; 先填充再生成 fills the linked copy (downloaded) and the
  // sections quoting the filled figures are rewritten
  await page.getByRole("button", { name: "刷新", exact: true }).click();
  await wait.waitFor();
  expect(await textOf()).toBe(doc.text);
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "先填充再生成" }).click()]);
  expect(dl.suggestedFilename()).toBe(`${name}（已填充）.xlsx`);
  await page.getByTestId("word-refresh").waitFor();
  await page.getByTestId("word-filled").waitFor();
  await expect(page.getByTestId("word-changes").innerText()).resolves.toContain("执行率（G6）：99.15% → 100.86%");
  // the filled workbook has nothing left to differ: a second 刷新 goes straight through and changes nothing
  const filled = await textOf();
  await page.getByRole("button", { name: "刷新", exact: true }).click();
  await page.getByText("数字没有变化，报告未改动。").waitFor();
  expect(await wait.count()).toBe(0);
  expect(await textOf()).toBe(filled);
  await page.screenshot({ path: path.join(RESULTS, "wps-writer-report.png"), fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
});

test("the add-in folder opened from file:// (WPS's offline jsaddons): 生成报告 fetches its command from beside main.js", async () => {
  const name = "project-medical-aid-2020";
  const { fileSnapshots, model } = await etFixture(name);
  const book = workbookToJson(model);
  book.active = fileSnapshots.findIndex((s) => analyzeWorkbook([s]).sheets[0].tables.length > 0);
  const local = await browser.newContext({ locale: "zh-CN", viewport: { width: 360, height: 900 } });
  try {
    const asked: string[] = [];
    await local.route("**/*", (route) => {
      const url = route.request().url();
      asked.push(url);
      return /^(file|data|blob):/.test(url) ? route.continue() : route.abort("blockedbyclient");
    });
    const page = await local.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.addInitScript({
      content: `${FAKE_ET}(function(){var m=window.__FakeEtModule;window.Application=new m.FakeEt(m.workbookFromJson(${JSON.stringify(book)}),{}).Application;})();`,
    });
    const report = /\/report\.[0-9a-f]+\.chunk\.js$/;
    await page.goto(`file://${path.resolve(dist, "index.html")}#pane`);
    await page.getByRole("button", { name: "检查", exact: true }).click();
    await page.getByTestId("results").waitFor();
    expect(asked.filter((u) => report.test(u))).toEqual([]);
    await page.getByRole("button", { name: "生成报告", exact: true }).click();
    await page.getByTestId("report-differences").waitFor();
    expect(asked.filter((u) => report.test(u)).map((u) => path.dirname(new URL(u).pathname))).toEqual([path.resolve(dist)]);
    expect(asked.filter((u) => !/^(file|data|blob):/.test(u))).toEqual([]);
    await expect(page.getByTestId("error-bar").count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  } finally {
    await local.close();
  }
});

test("no request left the page's origin; nothing like office.js was asked for", () => {
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.some((u) => /\.chunk\.js$/.test(u))).toBe(true);
  expect(requests.some((u) => /office/i.test(u))).toBe(false);
  expect(offOrigin).toEqual([]);
});
