/** Command-line arguments: a subcommand, positionals and a few options. No dependency. */
import { UserError } from "../core/errors";

export interface ParsedArgs {
  command: string | null;
  positionals: string[];
  json: boolean;
  help: boolean;
  version: boolean;
  output: string | null;
  profile: string | null;
  lang: "zh" | "en";
  inPlace: boolean;
  sheet: string | null;
  /** report: fill the workbook (in place) first, then write the report from its figures. */
  fill: boolean;
  /** report: write the table's figures as they stand, even where they break a rule. */
  asIs: boolean;
}

/** Options that take a value, with their aliases. */
const VALUE_OPTIONS: Record<string, keyof ParsedArgs> = {
  "-o": "output",
  "--output": "output",
  "--profile": "profile",
  "--lang": "lang",
  "--sheet": "sheet",
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
};

export function usageError(zh: string, en: string): UserError {
  return new UserError(`${zh}（运行 jixiao --help 查看用法）`, `${en} (run jixiao --help for usage)`, "usage");
}

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
    asIs: false,
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
          throw usageError(`选项 ${arg} 需要一个值`, `Option ${arg} needs a value`);
        }
        if (valueKey === "lang") {
          if (value !== "zh" && value !== "en") throw usageError(`--lang 只能是 zh 或 en：${value}`, `--lang must be zh or en: ${value}`);
          out.lang = value;
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
      throw usageError(`未知选项：${argv[i]}`, `Unknown option: ${argv[i]}`);
    }
    if (out.command === null) out.command = arg;
    else out.positionals.push(arg);
  }
  return out;
}
