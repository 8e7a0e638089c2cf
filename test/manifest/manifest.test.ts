/**
 * manifest.xml, offline: office-addin-manifest's own parser (readManifestFile → ManifestInfo) plus XML checks —
 * both hosts, ribbon commands, resources, icon files with the right pixel size, https everywhere, requirement sets.
 * The online validator (npm run validate) is unreachable here; this test makes sure none of it tries the network.
 */
import * as fs from "fs";
import * as path from "path";

// The modules themselves (not ES namespace copies), so that patching them reaches every caller.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- replaced at run time to prove no network is used (a live binding, not an import)
const http = require("http") as Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- replaced at run time to prove no network is used (a live binding, not an import)
const https = require("https") as Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- replaced at run time to prove no network is used (a live binding, not an import)
const net = require("net") as Record<string, unknown>;

const ROOT = path.resolve(__dirname, "..", "..");
const MANIFEST = path.join(ROOT, "manifest.xml");

// ---- network guard: every way out is recorded and refused, before the library is loaded ----------------------
const attempts: string[] = [];
function refuse(kind: string) {
  return (...args: unknown[]) => {
    attempts.push(`${kind} ${JSON.stringify(args[0])?.slice(0, 120)}`);
    throw new Error(`network access attempted in an offline test (${kind})`);
  };
}
// office-addin-manifest pulls two ESM-only packages that Jest's CommonJS runtime cannot load (Node itself can):
// uuid (used only to make a new id when modifying a manifest) and @microsoft/app-manifest (JSON manifests).
// Neither is on the XML reading path; both are replaced here by inert stand-ins.
jest.mock(require.resolve("uuid", { paths: [require.resolve("office-addin-manifest")] }), () => ({
  v4: () => "00000000-0000-4000-8000-000000000000",
}));
jest.mock("@microsoft/app-manifest", () => ({}));
jest.mock("node-fetch", () => {
  const f = (...args: unknown[]) => {
    attempts.push(`node-fetch ${String(args[0])}`);
    return Promise.reject(new Error("network access attempted in an offline test (node-fetch)"));
  };
  return { __esModule: true, default: f };
});
const saved = {
  httpRequest: http.request,
  httpGet: http.get,
  httpsRequest: https.request,
  httpsGet: https.get,
  connect: net.connect,
  createConnection: net.createConnection,
  fetch: (globalThis as { fetch?: unknown }).fetch,
};
beforeAll(() => {
  (http as { request: unknown }).request = refuse("http.request");
  (http as { get: unknown }).get = refuse("http.get");
  (https as { request: unknown }).request = refuse("https.request");
  (https as { get: unknown }).get = refuse("https.get");
  (net as { connect: unknown }).connect = refuse("net.connect");
  (net as { createConnection: unknown }).createConnection = refuse("net.createConnection");
  (globalThis as { fetch?: unknown }).fetch = refuse("fetch");
});
afterAll(() => {
  (http as { request: unknown }).request = saved.httpRequest;
  (http as { get: unknown }).get = saved.httpGet;
  (https as { request: unknown }).request = saved.httpsRequest;
  (https as { get: unknown }).get = saved.httpsGet;
  (net as { connect: unknown }).connect = saved.connect;
  (net as { createConnection: unknown }).createConnection = saved.createConnection;
  (globalThis as { fetch?: unknown }).fetch = saved.fetch;
});

// ---- a small view over xml2js output (the parser office-addin-manifest uses) ------------------------------------
type X = { $?: Record<string, string>; _?: string; [child: string]: unknown };

async function parseXml(text: string): Promise<X> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- xml2js ships no typings; loaded only here
  const xml2js = require("xml2js") as { parseStringPromise(s: string): Promise<Record<string, X>> };
  const doc = await xml2js.parseStringPromise(text);
  return doc.OfficeApp;
}

function kids(x: X | undefined, name: string): X[] {
  const v = x?.[name];
  return Array.isArray(v) ? (v as X[]).map((k) => (typeof k === "string" ? ({ _: k } as X) : k)) : [];
}

function kid(x: X | undefined, name: string): X | undefined {
  return kids(x, name)[0];
}

function text(x: X | undefined): string {
  if (!x) return "";
  return typeof x === "string" ? x : (x._ ?? "");
}

/** Every element anywhere below x, with its name. */
function walk(x: X, name = "OfficeApp", out: { name: string; el: X }[] = []): { name: string; el: X }[] {
  out.push({ name, el: x });
  for (const [k, v] of Object.entries(x)) {
    if (k === "$" || k === "_" || !Array.isArray(v)) continue;
    for (const c of v) if (c && typeof c === "object") walk(c as X, k, out);
  }
  return out;
}

function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(b.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** https://localhost:3000/assets/icon-32.png → <root>/assets/icon-32.png */
function localFile(url: string): string {
  const u = new URL(url);
  return path.join(ROOT, decodeURIComponent(u.pathname));
}

let app: X;
const manifestText = fs.readFileSync(MANIFEST, "utf8");

beforeAll(async () => {
  app = await parseXml(manifestText);
});

test("the network guard is live: an attempt is refused and recorded", () => {
  const before = attempts.length;
  expect(() => (https.request as (u: string) => unknown)("https://example.invalid/")).toThrow(/offline test/);
  expect(attempts.length).toBe(before + 1);
  attempts.splice(before, 1);
});

describe("office-addin-manifest reads the manifest", () => {
  test("ManifestInfo: id, both hosts, locale, names, https source", async () => {
    const { OfficeAddinManifest } = await import("office-addin-manifest");
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST);
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.hosts).toEqual(expect.arrayContaining(["Workbook", "Document"]));
    expect(info.hosts).toHaveLength(2);
    expect(info.defaultLocale).toBe("zh-CN");
    expect(info.displayName).toBe("绩效自评助手");
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.defaultSettings?.sourceLocation).toBe("https://localhost:3000/taskpane.html");
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test("reading it made no network attempt (usage data is inert, validation is not called)", () => {
    expect(attempts).toEqual([]);
  });
});

describe("XML checks", () => {
  test("element order of the base manifest follows the TaskPaneApp schema", () => {
    const order = [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ];
    const body = manifestText.replace(/<!--[\s\S]*?-->/g, "");
    const positions = order.map((n) => body.search(new RegExp(`<${n}[\\s>]`))).filter((p) => p >= 0);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(positions.length).toBeGreaterThanOrEqual(order.length - 1);
  });

  test("every URL is https (no http, no CDN, all on the add-in's origin)", () => {
    const urls: string[] = [];
    for (const { el } of walk(app)) {
      const dv = el.$?.DefaultValue;
      if (dv && /^[a-z]+:\/\//i.test(dv)) urls.push(dv);
      for (const o of kids(el, "Override").concat(kids(el, "bt:Override"))) {
        const v = o.$?.Value;
        if (v && /^[a-z]+:\/\//i.test(v)) urls.push(v);
      }
    }
    for (const d of kids(kid(app, "AppDomains"), "AppDomain")) urls.push(text(d));
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const u of urls) expect(u).toMatch(/^https:\/\/localhost:3000(\/|$)/);
    // Namespace names are identifiers, not URLs that are fetched.
    expect(manifestText.replace(/xmlns(:\w+)?="[^"]*"/g, "")).not.toMatch(/http:\/\//);
  });

  test("icons: 16, 32, 64, 80 and 128 px PNGs exist in assets/ with those pixel sizes", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(path.join(ROOT, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
  });

  test("every icon the manifest names is a file of the declared size", () => {
    const icon = kid(app, "IconUrl")!.$!.DefaultValue;
    const hi = kid(app, "HighResolutionIconUrl")!.$!.DefaultValue;
    expect(pngSize(localFile(icon))).toEqual({ width: 32, height: 32 });
    expect(pngSize(localFile(hi))).toEqual({ width: 64, height: 64 });
    const images = kids(kid(kid(kid(app, "VersionOverrides"), "Resources"), "bt:Images"), "bt:Image");
    expect(images.map((i) => i.$!.id).sort()).toEqual(["Icon.16x16", "Icon.32x32", "Icon.80x80"]);
    for (const img of images) {
      const size = Number(/(\d+)x\1/.exec(img.$!.id)![1]);
      expect(pngSize(localFile(img.$!.DefaultValue))).toEqual({ width: size, height: size });
    }
  });

  test("every resid points at a resource, and every resource string has an en-US override within Office's limits", () => {
    const res = kid(kid(app, "VersionOverrides"), "Resources")!;
    const ids = new Map<string, string>();
    for (const [group, item] of [
      ["bt:Images", "bt:Image"],
      ["bt:Urls", "bt:Url"],
      ["bt:ShortStrings", "bt:String"],
      ["bt:LongStrings", "bt:String"],
    ] as const) {
      for (const el of kids(kid(res, group), item)) ids.set(el.$!.id, group);
    }
    const used = walk(kid(app, "VersionOverrides")!)
      .map(({ el }) => el.$?.resid)
      .filter((r): r is string => !!r);
    expect(used.length).toBeGreaterThan(10);
    for (const r of used) expect({ resid: r, defined: ids.has(r) }).toEqual({ resid: r, defined: true });
    for (const [group, limit] of [
      ["bt:ShortStrings", 125],
      ["bt:LongStrings", 250],
    ] as const) {
      for (const s of kids(kid(res, group), "bt:String")) {
        expect(s.$!.DefaultValue.length).toBeLessThanOrEqual(limit);
        expect(s.$!.DefaultValue).toMatch(/[\u4e00-\u9fff]/); // Chinese first
        const en = kids(s, "bt:Override").find((o) => o.$!.Locale === "en-US");
        expect({ id: s.$!.id, en: en?.$?.Value?.length ? "yes" : "no" }).toEqual({ id: s.$!.id, en: "yes" });
        expect(en!.$!.Value.length).toBeLessThanOrEqual(limit);
      }
    }
    expect(kids(kid(app, "DisplayName"), "Override")[0].$!.Locale).toBe("en-US");
  });

  function hostOverrides(type: string): X {
    const hosts = kids(kid(kid(app, "VersionOverrides"), "Hosts"), "Host");
    const h = hosts.find((x) => x.$!["xsi:type"] === type);
    expect(h).toBeDefined();
    return h!;
  }

  function shortString(id: string): string {
    const res = kid(kid(app, "VersionOverrides"), "Resources")!;
    return kids(kid(res, "bt:ShortStrings"), "bt:String").find((s) => s.$!.id === id)!.$!.DefaultValue;
  }

  test("Excel: Home tab, group 绩效自评 with 检查 and 填充公式 (ExecuteFunction) and a task pane button", () => {
    const excel = hostOverrides("Workbook");
    const form = kid(excel, "DesktopFormFactor")!;
    expect(kid(form, "FunctionFile")!.$!.resid).toBe("Commands.Url");
    const tab = kid(kid(form, "ExtensionPoint"), "OfficeTab")!;
    expect(kid(form, "ExtensionPoint")!.$!["xsi:type"]).toBe("PrimaryCommandSurface");
    expect(tab.$!.id).toBe("TabHome");
    const group = kid(tab, "Group")!;
    expect(shortString(kid(group, "Label")!.$!.resid)).toBe("绩效自评");
    const controls = kids(group, "Control").map((c) => ({
      label: shortString(kid(c, "Label")!.$!.resid),
      action: kid(c, "Action")!.$!["xsi:type"],
      fn: text(kid(kid(c, "Action"), "FunctionName")),
      pane: kid(kid(c, "Action"), "SourceLocation")?.$?.resid ?? "",
    }));
    expect(controls).toEqual([
      { label: "检查", action: "ExecuteFunction", fn: "checkWorkbook", pane: "" },
      { label: "填充公式", action: "ExecuteFunction", fn: "fillFormulas", pane: "" },
      { label: "标注问题", action: "ExecuteFunction", fn: "markFindings", pane: "" },
      { label: "自评助手", action: "ShowTaskpane", fn: "", pane: "Taskpane.Url" },
    ]);
  });

  test("the ExecuteFunction names are the ones commands.ts associates", () => {
    const src = fs.readFileSync(path.join(ROOT, "src", "commands", "commands.ts"), "utf8");
    for (const fn of ["checkWorkbook", "fillFormulas", "markFindings"]) {
      expect(src).toContain(`Office.actions.associate("${fn}"`);
    }
  });

  test("Word: a task pane button on the Home tab", () => {
    const word = hostOverrides("Document");
    const tab = kid(kid(kid(word, "DesktopFormFactor"), "ExtensionPoint"), "OfficeTab")!;
    expect(tab.$!.id).toBe("TabHome");
    const controls = kids(kid(tab, "Group"), "Control");
    expect(controls.map((c) => kid(c, "Action")!.$!["xsi:type"])).toEqual(["ShowTaskpane"]);
  });

  test("URLs of the pane and the commands are the files webpack emits", () => {
    const res = kid(kid(app, "VersionOverrides"), "Resources")!;
    const urls = Object.fromEntries(kids(kid(res, "bt:Urls"), "bt:Url").map((u) => [u.$!.id, u.$!.DefaultValue]));
    expect(urls["Taskpane.Url"]).toBe("https://localhost:3000/taskpane.html");
    expect(urls["Commands.Url"]).toBe("https://localhost:3000/commands.html");
    const config = fs.readFileSync(path.join(ROOT, "webpack.config.js"), "utf8");
    expect(config).toContain('filename: "taskpane.html"');
    expect(config).toContain('filename: "commands.html"');
  });
});

describe("requirement sets", () => {
  test("the base manifest names no set that only one of its two hosts has (that would hide the add-in from the other)", () => {
    const sets = kids(kid(kid(app, "Requirements"), "Sets"), "Set").map((s) => s.$!.Name);
    for (const s of sets) expect(s).not.toMatch(/^(ExcelApi|WordApi)/);
  });

  test("ExcelApi 1.5 and WordApi 1.4 are enforced when the pane starts; 1.13 stays optional", async () => {
    const { REQUIRED_API, OPTIONAL_EXCEL_API, missingRequirement } = await import("../../src/taskpane/requirements");
    expect(REQUIRED_API.excel).toEqual({ set: "ExcelApi", version: "1.5" });
    expect(REQUIRED_API.word).toEqual({ set: "WordApi", version: "1.4" });
    expect(OPTIONAL_EXCEL_API.version).toBe("1.13");
    const supported = (max: Record<string, number>) => (name: string, version?: string) =>
      name in max && Number(version ?? "1.1") <= max[name];
    expect(missingRequirement("excel", supported({ ExcelApi: 1.4 }))).toEqual({ set: "ExcelApi", version: "1.5" });
    expect(missingRequirement("excel", supported({ ExcelApi: 1.5 }))).toBeNull();
    expect(missingRequirement("excel", supported({ WordApi: 1.9 }))).not.toBeNull();
    expect(missingRequirement("word", supported({ WordApi: 1.4 }))).toBeNull();
    // custom XML parts (the report's link) are WordApi 1.4: a 1.3 Word is told at start, not halfway through a write
    expect(missingRequirement("word", supported({ WordApi: 1.3 }))).toEqual({ set: "WordApi", version: "1.4" });
    expect(
      missingRequirement("excel", () => {
        throw new Error("no requirements API");
      }),
    ).toEqual({ set: "ExcelApi", version: "1.5" });
    const index = fs.readFileSync(path.join(ROOT, "src", "taskpane", "index.tsx"), "utf8");
    expect(index).toMatch(/missingRequirement\("excel"/);
    expect(index).toMatch(/missingRequirement\("word"/);
    expect(manifestText).toMatch(/ExcelApi 1\.5/);
  });

  test("the whole suite stayed offline", () => {
    expect(attempts).toEqual([]);
  });
});
