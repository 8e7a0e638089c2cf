/** Command-line arguments: a subcommand, positionals and a few options. No dependency. */
import { userError, type Lang } from "../core/messages";

export interface ParsedArgs {
  command: string | null;
  positionals: string[];
  json: boolean;
  help: boolean;
  version: boolean;
  output: string | null;
  profile: string | null;
  lang: Lang;
  inPlace: boolean;
  sheet: string | null;
  /** report: fill the workbook (in place) first, then write the report from its figures. */
  fill: boolean;
  /** report --fill: where the filled workbook goes (default: beside the input, 原名（已填充）.xlsx). */
  filled: string | null;
  /** report: write the table's figures as they stand, even where they break a rule. */
  asIs: boolean;
  /** check: write the 问题清单 workbook here. */
  report: string | null;
  /** check: exit 3 when a finding at this severity or above exists. */
  failOn: "error" | "warning" | null;
  /** check: worker threads for a batch (default: the machine's cores). */
  workers: number | null;
  /** mark: take this add-in's marks away instead of writing new ones. */
  clear: boolean;
  /** mark: mark 提示 (info) findings too. */
  includeInfo: boolean;
}

/** Options that take a value, with their aliases. */
const VALUE_OPTIONS: Record<string, keyof ParsedArgs> = {
  "-o": "output",
  "--output": "output",
  "--profile": "profile",
  "--lang": "lang",
  "--sheet": "sheet",
  "--report": "report",
  "--fail-on": "failOn",
  "--workers": "workers",
  "--filled": "filled",
};
const FLAG_OPTIONS: Record<string, keyof ParsedArgs> = {
  "--json": "json",
  "-h": "help",
  "--help": "help",
  "-V": "version",
  "-v": "version",
  "--version": "version",
  "--in-place": "inPlace",
  "--fill": "fill",
  "--as-is": "asIs",
  "--clear": "clear",
  "--include-info": "includeInfo",
};

export function parseArgs(argv: string[]): ParsedArgs {
  const out: ParsedArgs = {
    command: null,
    positionals: [],
    json: false,
    help: false,
    version: false,
    output: null,
    profile: null,
    lang: "zh",
    inPlace: false,
    sheet: null,
    fill: false,
    filled: null,
    asIs: false,
    report: null,
    failOn: null,
    workers: null,
    clear: false,
    includeInfo: false,
  };
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    if (!onlyPositionals && arg === "--") {
      onlyPositionals = true;
      continue;
    }
    if (!onlyPositionals && arg.startsWith("-") && arg !== "-") {
      let inline: string | null = null;
      const eq = arg.indexOf("=");
      if (arg.startsWith("--") && eq > 0) {
        inline = arg.slice(eq + 1);
        arg = arg.slice(0, eq);
      }
      const valueKey = VALUE_OPTIONS[arg];
      if (valueKey) {
        const value = inline ?? argv[++i];
        if (value === undefined || (inline === null && value.startsWith("-") && value !== "-")) {
          throw userError("usage-needs-value", { option: arg });
        }
        if (valueKey === "lang") {
          if (value !== "zh" && value !== "en") throw userError("usage-lang", { value });
          out.lang = value;
        } else if (valueKey === "failOn") {
          if (value !== "error" && value !== "warning") {
            throw userError("usage-fail-on", { value });
          }
          out.failOn = value;
        } else if (valueKey === "workers") {
          const n = Number(value);
          if (!Number.isInteger(n) || n < 1 || n > 64) throw userError("usage-workers", { value });
          out.workers = n;
        } else {
          (out as unknown as Record<string, unknown>)[valueKey] = value;
        }
        continue;
      }
      const flagKey = FLAG_OPTIONS[arg];
      if (flagKey && inline === null) {
        (out as unknown as Record<string, unknown>)[flagKey] = true;
        continue;
      }
      throw userError("usage-unknown-option", { option: argv[i] });
    }
    if (out.command === null) out.command = arg;
    else out.positionals.push(arg);
  }
  return out;
}
