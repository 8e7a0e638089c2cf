/**
 * LibreOffice as an independent spreadsheet for tests: recalcXlsx(workbook) strips every cached formula result,
 * lets LibreOffice (headless) load the workbook — with "recalculate on load: always" set in a private profile —
 * and save it again, then reads the values LibreOffice computed.
 *
 * soffice runs one at a time, machine-wide (flock on /tmp/jixiao-soffice.lock, plus a queue in this process),
 * each process with its own profile in /tmp/lo-jixiao-<pid>-<n>, removed when the process exits (or, under jest, by the
 * next process that starts LibreOffice once this one is gone).
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";

export interface Recalculated {
  /** The computed value of a cell: a number, a string (text, or an error such as "#DIV/0!"), or null when empty. */
  value(sheet: string, address: string): number | string | null;
  /** The formula LibreOffice kept in the cell (without "="), or null. */
  formula(sheet: string, address: string): string | null;
  sheetNames(): string[];
  /** The workbook LibreOffice wrote. */
  workbook: ExcelJS.Workbook;
}

export interface RecalcOptions {
  /**
   * Keep the cached results in the input (default false: they are removed first).
   * Used to prove that LibreOffice recalculates on load rather than trusting the cache.
   */
  keepCachedResults?: boolean;
  /**
   * "always" (default): the private profile sets OOXMLRecalcMode = 0, recalculate on load.
   * "installed": a profile left at LibreOffice's own setting (1, never) — only to show that the setting matters.
   */
  recalcMode?: "always" | "installed";
}

const LOCK_FILE = "/tmp/jixiao-soffice.lock";
const TIMEOUT_MS = 180_000;

function which(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? "/usr/bin:/bin").split(path.delimiter)) {
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* next */
    }
  }
  return null;
}

export function sofficePath(): string {
  const p = process.env.SOFFICE ?? which("soffice") ?? which("libreoffice");
  if (!p) {
    throw new Error(
      "LibreOffice (soffice) was not found on PATH. Install it: apt-get install -y --no-install-recommends libreoffice-calc " +
        "(or run .ci/run), or set SOFFICE=/path/to/soffice.",
    );
  }
  return p;
}

const RECALC_ALWAYS_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
`;

const profileDirs = new Map<string, string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the profiles of processes that are gone. The "exit" handler below does not run in a jest worker (its test
 * files see jest's copy of `process`, which never emits "exit"), so each worker's profiles would stay in the temp dir.
 */
function removeStaleProfiles(): void {
  for (const name of fs.readdirSync(os.tmpdir())) {
    const m = /^lo-jixiao-(\d+)-/.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    try {
      fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
    } catch {
      /* another process is removing it */
    }
  }
}

/** This process's LibreOffice profile, by default with recalculation on load set to "always" (0) for OOXML and ODF. */
function profile(mode: "always" | "installed" = "always"): string {
  const known = profileDirs.get(mode);
  if (known) return known;
  removeStaleProfiles();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lo-jixiao-${process.pid}-`));
  fs.mkdirSync(path.join(dir, "user"), { recursive: true });
  if (mode === "always") fs.writeFileSync(path.join(dir, "user", "registrymodifications.xcu"), RECALC_ALWAYS_XCU);
  process.on("exit", () => {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
  });
  profileDirs.set(mode, dir);
  return dir;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs soffice --convert-to on one file, one conversion at a time; returns the output file's path. */
export async function sofficeConvert(
  inputFile: string,
  format: string,
  outDir: string,
  mode: "always" | "installed" = "always",
): Promise<string> {
  return (await sofficeConvertMany([inputFile], format, outDir, mode))[0];
}

/**
 * Converts many files in one soffice run (one start-up, the files in turn), one run at a time machine-wide; returns
 * the output files' paths in the inputs' order. `ext` names the outputs when the filter's own name is not it
 * ("html:HTML (StarCalc)" writes .html).
 */
export function sofficeConvertMany(
  inputFiles: readonly string[],
  format: string,
  outDir: string,
  mode: "always" | "installed" = "always",
  ext: string = format.split(":")[0],
): Promise<string[]> {
  const run = () =>
    new Promise<string[]>((resolve, reject) => {
      const soffice = sofficePath();
      const args = [
        "--headless",
        "--norestore",
        "--nologo",
        "--nodefault",
        "--nolockcheck",
        `-env:UserInstallation=file://${profile(mode)}`,
        "--convert-to",
        format,
        "--outdir",
        outDir,
        ...inputFiles,
      ];
      const flock = which("flock");
      const [cmd, argv] = flock ? [flock, [LOCK_FILE, soffice, ...args]] : [soffice, args];
      execFile(
        cmd,
        argv,
        { timeout: TIMEOUT_MS, env: { ...process.env, HOME: process.env.HOME ?? os.tmpdir() } },
        (err, stdout, stderr) => {
          const outs = inputFiles.map((f) => path.join(outDir, `${path.basename(f).replace(/\.[^.]+$/, "")}.${ext}`));
          const missing = outs.filter((o) => !fs.existsSync(o));
          if (err || missing.length > 0) {
            reject(
              new Error(
                `LibreOffice could not convert ${missing.map((m) => path.basename(m)).join(", ") || inputFiles.length + " files"} to ${format}` +
                  (err ? `: ${err.message}` : "") +
                  `\nstdout: ${stdout.trim()}\nstderr: ${stderr.trim()}`,
              ),
            );
            return;
          }
          resolve(outs);
        },
      );
    });
  const p = queue.then(run, run);
  queue = p.catch(() => undefined);
  return p;
}

/** Removes every cached formula result (shared-formula clones get their own formula), so a spreadsheet must compute them. */
export async function stripCachedResults(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Formula || cell.formula) {
          const formula = cell.formula;
          if (formula) cell.value = { formula } as ExcelJS.CellValue;
        }
      });
    });
  }
  wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
  const out = (await wb.xlsx.writeBuffer()) as unknown as Uint8Array;
  return new Uint8Array(out);
}

function plain(v: ExcelJS.CellValue): number | string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string") return v === "" ? null : v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
  const o = v as unknown as Record<string, unknown>;
  if ("formula" in o || "sharedFormula" in o) return plain((o.result ?? null) as ExcelJS.CellValue);
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join("") || null;
  if (typeof o.error === "string") return o.error;
  if (typeof o.text === "string") return o.text;
  return null;
}

/** The values and formulas of a workbook LibreOffice wrote. */
export async function recalculated(outFile: string): Promise<Recalculated> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(outFile) as unknown as ArrayBuffer);
  const sheet = (name: string) => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`LibreOffice's output has no sheet "${name}" (has: ${wb.worksheets.map((w) => w.name).join(", ")})`);
    return ws;
  };
  return {
    workbook: wb,
    sheetNames: () => wb.worksheets.map((w) => w.name),
    value: (name, address) => plain(sheet(name).getCell(address).value),
    formula: (name, address) => sheet(name).getCell(address).formula ?? null,
  };
}

/**
 * Lets LibreOffice compute every formula of the workbook (bytes or a file path) and returns the computed values.
 */
export async function recalcXlsx(input: Uint8Array | string, options: RecalcOptions = {}): Promise<Recalculated> {
  const original = typeof input === "string" ? new Uint8Array(fs.readFileSync(input)) : input;
  const bytes = options.keepCachedResults ? original : await stripCachedResults(original);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-recalc-"));
  try {
    const inFile = path.join(dir, "book.xlsx");
    const outDir = path.join(dir, "out");
    fs.mkdirSync(outDir);
    fs.writeFileSync(inFile, bytes);
    return await recalculated(await sofficeConvert(inFile, "xlsx:Calc MS Excel 2007 XML", outDir, options.recalcMode ?? "always"));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** recalcXlsx over many workbooks in one soffice run (cached results removed, recalculated on load); in their order. */
export async function recalcMany(files: readonly string[]): Promise<Recalculated[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-recalc-"));
  try {
    const inputs: string[] = [];
    for (const [i, f] of files.entries()) {
      const inFile = path.join(dir, `book${i}.xlsx`);
      fs.writeFileSync(inFile, await stripCachedResults(new Uint8Array(fs.readFileSync(f))));
      inputs.push(inFile);
    }
    const outDir = path.join(dir, "out");
    fs.mkdirSync(outDir);
    const outs = await sofficeConvertMany(inputs, "xlsx:Calc MS Excel 2007 XML", outDir);
    return await Promise.all(outs.map(recalculated));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
