/**
 * The standalone page, BUILT dist/ in Debian's Chromium, left open past office.js's timers: no console error, no
 * page error, no frame and no request to another origin. office.js's O15 helper used to add a hidden iframe to
 * Microsoft's telemetry proxy 3 s after load (the CSP refused it, with a console error); the build removes that
 * timer (webpack.config.js, withoutTelemetryFrame).
 */
import { startSession, type Session } from "./helpers";

jest.setTimeout(180_000);

let session: Session;

beforeAll(async () => {
  session = await startSession("zh-CN");
});

afterAll(async () => {
  await session?.close();
});

test("the standalone page loads and idles with no console error and nothing sent elsewhere", async () => {
  const page = await session.context.newPage();
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const frames: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("frameattached", (f) => frames.push(f.url()));
  page.on("framenavigated", (f) => {
    if (f !== page.mainFrame()) frames.push(f.url());
  });
  await page.goto(`${session.origin}/taskpane.html`);
  await page.getByRole("button", { name: "检查", exact: true }).waitFor();
  // office.js's proxy frame came 3 s after its helper loaded: wait well past that.
  await page.waitForTimeout(6000);
  const iframes = await page.$$eval("iframe", (els) => els.map((e) => e.getAttribute("src") ?? ""));

  expect(session.requests.some((u) => u.endsWith("/office.js"))).toBe(true); // office.js did load and run
  expect(consoleErrors).toEqual([]);
  expect(pageErrors).toEqual([]);
  expect(iframes.filter((s) => /^https?:/.test(s) && !s.startsWith(session.origin))).toEqual([]);
  expect(frames.filter((u) => /^https?:/.test(u) && !u.startsWith(session.origin))).toEqual([]);
  expect(session.offOrigin).toEqual([]);
  await page.close();
});
