// Command-line parsing into a plain value; bad input becomes a usage error (exit 2).

import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_FAIL_ON } from "../check/thresholds.js";
import { nearest } from "../core/nearest.js";
import { parseStatuses, type Selection } from "../core/select.js";
import type { Status } from "../core/types.js";
import { AppError } from "../errors.js";
import { CHANGE_KINDS, type ChangeKind, parseKinds } from "../kinds/kinds.js";
import { LAYOUT_CHOICES } from "../layout/layout.js";
import type { PathPattern } from "../layout/pattern.js";
import { RULES } from "../lint/finding.js";
import {
  CACHE_DEFAULTS,
  type CheckOptions,
  CONFIG_NAME,
  DEFAULTS,
  IGNORE_REVS_NAME,
  LEAST_MAX_SIZE,
  METADATA_CHOICES,
  OUTPUT_DEFAULTS,
  type OutputOptions,
  type SiteOptions,
} from "../options/defaults.js";
import { emptyListWhy, STATUS_ITEM } from "../options/empty-list.js";
import type { FoldersChosen, GivenOptions } from "../options/resolve.js";
import { either, OPTION_RULES, type Verdict, withoutDotSlash } from "../options/values.js";
import { ANNOTATION_LEVELS, type AnnotationLevel } from "../sanitize/github.js";
import { nameFromShown, shownName } from "../sanitize/terminal.js";

export type Command =
  | "scan"
  | "check"
  | "report"
  | "dashboard"
  | "stamp"
  | "lint"
  | "default"
  | "help"
  | "version";

/**
 * The one place that says which --format each command takes; parsing, the error for a format a
 * command does not take, the help text and the commands read it. The first is the default. The
 * command without a name prints the plain report when it does not open the dashboard, so it takes
 * scan's formats; the dashboard and stamp print no report.
 */
export const FORMATS = {
  scan: ["table", "json"],
  default: ["table", "json"],
  check: ["table", "json", "github", "markdown"],
  report: ["html", "hugo-data", "json-per-page"],
  dashboard: [],
  stamp: [],
  lint: ["table", "json", "github"],
} as const satisfies Record<string, readonly string[]>;

type FormatCommand = keyof typeof FORMATS;
export type ScanFormat = (typeof FORMATS.scan)[number];
export type CheckFormat = (typeof FORMATS.check)[number];
export type ReportFormat = (typeof FORMATS.report)[number];
export type LintFormat = (typeof FORMATS.lint)[number];
export type Format = (typeof FORMATS)[FormatCommand][number];

/**
 * The options a command runs with: the site's and check's (options/defaults.ts, their one home;
 * `languages` is `langs` here), then what only the command line says.
 */
export interface CliOptions
  extends Omit<SiteOptions, "languages">,
    Omit<CheckOptions, "failOn">,
    OutputOptions {
  command: Command;
  /** help: the command whose help was asked for (`check --help`, `help check`), or null. */
  helpTopic: string | null;
  repo: string;
  langs: string[];
  /** How a message names where `langs` came from: "--lang", or the config file and its key. */
  langsFrom: string;
  /** The same for `defaultLanguage`: "--default-lang", or the config file and its key. */
  defaultLanguageFrom: string;
  /** As given (validated by check); null for the default. */
  failOn: string[] | null;
  /** stamp: bring pages without metadata under tracking. */
  init: boolean;
  /** stamp: the translation date to record (YYYY-MM-DD); null for today. */
  date: string | null;
  /** stamp and lint --fix: print the diffs, write nothing. */
  dryRun: boolean;
  /** lint: repair what is safe to repair. */
  fix: boolean;
  /** stamp: advance every page whose English did not change since its raw_commit. */
  unchanged: boolean;
  /** stamp --unchanged: also advance pages whose English changed only by these kinds. */
  also: ChangeKind[];
  format: Format | null;
  color: boolean | null;
  changedSince: string | null;
  /** report: the file to write instead of stdout (relative to where the tool was started). */
  output: string | null;
  /** check --format markdown: the most characters the report may take (measured as UTF-8
   * bytes, never fewer); null for the default. */
  maxSize: number | null;
  /** check --format github: the annotation command failing pages get; null for the default. */
  annotationLevel: AnnotationLevel | null;
  /** scan and check: show the English diff of each listed page that changed. */
  diff: boolean;
  /** scan and check: which pages are listed (PATH..., --status). */
  selection: Selection;
  /** stamp: the pages to mark as translated from `commit` (HEAD when null). */
  pages: string[];
  commit: string | null;
  /** stamp, lint --fix and the dashboard: also rewrite pages whose permissions say read-only. */
  force: boolean;
  /** The config file whose values are in these options, null without one. */
  configFile: string | null;
  /** Which of `source` and `content` the command line or the config set. */
  chosen: FoldersChosen;
  /** The dashboard: open on the view remembered from the last run, and remember this one
   * (false with --no-state). */
  state: boolean;
  /** Classify each changed page's English change (and each listed commit's) by kind. */
  kinds?: boolean;
  /** check: change kinds that do not fail a page (implies kinds). */
  ignore?: ChangeKind[];
  /** --cache-dir, absolute; null for the default folder. Never from the config file, which a
   * pull request may write: where this user's files go is this user's choice. */
  cacheDir: string | null;
  /** --no-cache. */
  noCache: boolean;
}

/** The command line as given: the shared options stay null where it says nothing, so that the
 * config file and then the defaults can fill them (see loadOptions). */
export type ParsedCli = Omit<
  CliOptions,
  | keyof SiteOptions
  | keyof CheckOptions
  | keyof OutputOptions
  | "langs"
  | "langsFrom"
  | "defaultLanguageFrom"
  | "configFile"
  | "chosen"
> & {
  given: GivenOptions;
  /** --config FILE, null when not given. */
  config: string | null;
};

const COMMANDS = new Set(["scan", "check", "report", "dashboard", "stamp", "lint", "help"]);

export function parseCli(argv: readonly string[], cwd = process.cwd()): ParsedCli {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    throw new AppError(
      2,
      `${argumentProblem(err as Error & { code?: string })} (see translation-status --help)`,
    );
  }
  const { values, positionals } = parsed;
  const word = positionals[0];
  if (word !== undefined && !COMMANDS.has(word)) {
    const near = nearest(word, [...COMMANDS]);
    throw new AppError(
      2,
      `unknown command: ${word}${near ? ` (did you mean ${near}?)` : ""} (commands: scan, check, report, dashboard, stamp, lint)`,
    );
  }
  // `help check` asks for one command's help.
  const helpTopic = word === "help" ? positionals[1] : values.help ? word : undefined;
  if (word === "help" && helpTopic !== undefined && !HELP_COMMANDS.includes(helpTopic)) {
    throw new AppError(2, `no help for ${helpTopic} (commands: ${HELP_COMMANDS.join(", ")})`);
  }
  const takesPaths = word === "stamp" || word === "scan" || word === "check" || word === "lint";
  if (!takesPaths && word !== "help" && positionals.length > 1) {
    throw new AppError(2, `unexpected argument: ${positionals[1]}`);
  }
  if (word === "stamp" && positionals.length < 2 && !values.help && !values.unchanged) {
    throw new AppError(2, "stamp needs the translated pages to mark as updated");
  }
  // Help and version run whatever else the line says.
  if (!values.help && !values.version && word !== "help") {
    refuseOthersOptions(word ?? "default", values);
  }
  if (word === "lint" && !values.fix) {
    const flag = LINT_FIX_ONLY.find((f) => values[f.slice(2) as "force"] !== undefined);
    if (flag !== undefined) throw new AppError(2, `${flag} is ${ownersOf(flag)}`);
  }
  if (values.diff && values.format !== undefined && values.format !== "table") {
    throw new AppError(2, "--diff shows the diffs after the table: use it with --format table");
  }
  if (values.also !== undefined && !values.unchanged) {
    throw new AppError(2, "--also goes with stamp --unchanged");
  }
  if (values.also !== undefined && values.commit !== undefined) {
    // The kinds are of the change up to HEAD, so only HEAD may be recorded.
    throw new AppError(2, "--also stamps at HEAD: it cannot go with --commit");
  }
  let command: Command = (word as Command | undefined) ?? "default";
  if (values.help) command = "help";
  if (values.version) command = "version";
  const format = values.format ?? null;
  // Help and version print nothing a format applies to, whatever else is on the line.
  if (format !== null && command !== "help" && command !== "version") {
    checkFormat((word as FormatCommand | undefined) ?? "default", format);
  }
  return {
    command,
    helpTopic: helpTopic ?? null,
    repo: values.repo ?? ".",
    format: format as Format | null,
    color: values["no-color"] ? false : values.color ? true : null,
    state: !values["no-state"],
    given: {
      source: ruledFlag("--source", values.source, OPTION_RULES.source),
      content: ruledFlag("--content", values.content, OPTION_RULES.content),
      // Repeated, or a comma list as the Action's `languages` input gives it.
      languages: ruledFlag("--lang", commaList(values.lang), OPTION_RULES.languages),
      exclude: ruledFlag("--exclude", values.exclude, OPTION_RULES.exclude),
      layout: ruledFlag("--layout", values.layout, OPTION_RULES.layout),
      paths: values.paths ? values.paths.map(pathPair) : null,
      extensions: ruledFlag("--extensions", commaList(values.extensions), OPTION_RULES.extensions),
      defaultLanguage: ruledFlag(
        "--default-lang",
        values["default-lang"],
        OPTION_RULES.defaultLanguage,
      ),
      metadata: ruledFlag("--metadata", values.metadata, OPTION_RULES.metadata),
      pinBranch: ruledFlag("--pin-branch", values["pin-branch"], OPTION_RULES.pinBranch),
      sourceRepo: ruledFlag("--source-repo", values["source-repo"], OPTION_RULES.sourceRepo),
      // Relative to where the tool was started, as --config is (the config's is inside the
      // repository: a file on this machine is this user's to name).
      ignoreRevsFile:
        values["ignore-revs-file"] === undefined
          ? null
          : path.resolve(
              cwd,
              folderValue(values["ignore-revs-file"], "--ignore-revs-file", "a file") as string,
            ),
      failOn: ruledFlag("--fail-on", commaList(values["fail-on"]), OPTION_RULES.failOn),
      maxBehind: count(values["max-behind"], "--max-behind"),
      maxLines: count(values["max-lines"], "--max-lines"),
      maxAge: count(values["max-age"], "--max-age"),
      useEstimates: values["use-estimates"] ? true : null,
      show: ruledFlag("--show", commaList(values.show), OPTION_RULES.show),
    },
    changedSince: values["changed-since"] ?? null,
    output: folderValue(values.output, "--output", "a file"),
    maxSize: count(values["max-size"], "--max-size"),
    annotationLevel: choice(values["annotation-level"], "--annotation-level", ANNOTATION_LEVELS),
    // Pages are named as the reports print them (sanitize/terminal.ts shownName).
    pages:
      word === "stamp"
        ? positionals.slice(1).map(pageName)
        : word === "lint"
          ? positionals.slice(1).map(checkPagePath)
          : [],
    diff: values.diff ?? false,
    selection: {
      paths: word === "scan" || word === "check" ? positionals.slice(1).map(checkPagePath) : [],
      statuses: values.status === undefined ? null : statusList(values.status),
    },
    commit: values.commit ?? null,
    force: values.force ?? false,
    init: values.init ?? false,
    date: values.date === undefined ? null : stampDate(values.date),
    dryRun: values["dry-run"] ?? false,
    fix: values.fix ?? false,
    unchanged: values.unchanged ?? false,
    also: values.also === undefined ? [] : alsoKinds(values.also),
    config: values.config ?? null,
    cacheDir:
      values["cache-dir"] === undefined
        ? null
        : path.resolve(cwd, folderValue(values["cache-dir"], "--cache-dir") as string),
    noCache: values["no-cache"] ?? false,
    ...(values.kinds || values.ignore !== undefined ? { kinds: true } : {}),
    ...(values.ignore !== undefined
      ? { ignore: parseKinds(list(values.ignore, "--ignore", "change kind"), "--ignore") }
      : {}),
  };
}

/** `value` when it is one of `choices`; a usage error naming them otherwise. */
function choice<T extends string>(
  value: string | undefined,
  flag: string,
  choices: readonly T[],
): T | null {
  if (value === undefined) return null;
  const found = choices.find((c) => c === value);
  if (!found) {
    throw new AppError(2, `${flag} takes ${either(choices)}, got ${JSON.stringify(value)}`);
  }
  return found;
}

/** `--paths SOURCE:TRANSLATION`, as one pair of the config's `paths` (checked with them). */
function pathPair(value: string): PathPattern {
  const parts = value.split(":");
  if (parts.length !== 2) {
    throw new AppError(
      2,
      `--paths needs SOURCE:TRANSLATION like docs/{path}:docs/{lang}/{path}, got ${JSON.stringify(value.slice(0, 200))}`,
    );
  }
  return { source: parts[0] as string, translation: parts[1] as string };
}

/** `--date`: a real calendar day, written YYYY-MM-DD. */
function stampDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!day || day.toISOString().slice(0, 10) !== value) {
    throw new AppError(
      2,
      `--date needs a day as YYYY-MM-DD, got ${JSON.stringify(value.slice(0, 40))}`,
    );
  }
  return value;
}

function statusList(value: string): Status[] {
  const parsed = parseStatuses(list(value, "--status", STATUS_ITEM));
  if (typeof parsed === "string") throw new AppError(2, parsed);
  return parsed;
}

/**
 * A page or folder named as the reports print it, read back (sanitize/terminal.ts). On Windows a
 * backslash separates folders, and no file name there holds one, a control character or a byte
 * that is not UTF-8: what is given is the path itself (`content\new\x.md` is no line break),
 * but for the one escape a name there is printed with, the `[` of `##[` (`:` is in no name).
 */
function pageName(value: string): string {
  return path.sep === "\\" ? value.replaceAll("##\\x5b", "##[") : nameFromShown(value);
}

/** A PATH of scan or check: repo-relative, as the reports print it (a page or a folder). */
function checkPagePath(value: string): string {
  const cleaned = withoutDotSlash(pageName(value)).replace(/\/+$/, "");
  const parts = cleaned.split("/");
  if (cleaned === "" || cleaned.startsWith("-") || parts.some((p) => p === "" || p === "..")) {
    throw new AppError(
      2,
      `invalid path "${shownName(pageName(value.slice(0, 200)))}" (use a page or folder as the reports print it, like content/zh-cn/docs)`,
    );
  }
  return cleaned;
}

/**
 * A comma list's items. A list with none (`--fail-on ''`, `--lang ,`: most often a CI variable
 * that was not set) is refused, as the config refuses what would check nothing, rather than
 * quietly meaning the default.
 */
function list(value: string, flag: string, what: string): string[] {
  const items = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) {
    throw new AppError(2, `${flag}: ${emptyListWhy(what)}`);
  }
  return items;
}

/** A flag's value, judged by the rule the config file's key keeps too (options/values.ts);
 * null when the flag is not given. */
function ruledFlag<I, T>(
  flag: string,
  value: I | undefined,
  rule: (value: I) => Verdict<T>,
): T | null {
  if (value === undefined) return null;
  const verdict = rule(value);
  if (!verdict.ok) throw new AppError(2, `${flag}: ${verdict.why}`);
  return verdict.value;
}

/** A flag's comma list (repeated, or commas, or both), its items trimmed; kept empty items are
 * the rule's to refuse. */
function commaList(values: string | string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  return [values]
    .flat()
    .join(",")
    .split(",")
    .map((s) => s.trim());
}

/** node:util's messages are long and several lines; one short line says the same. */
function argumentProblem(err: Error & { code?: string }): string {
  // node names the option as '--format <value>', '-h, --help' or '--foo'.
  const option = /'(?:-\w, )?(--?[^' ,]+)/.exec(err.message)?.[1] ?? "";
  if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const near = option.startsWith("--") ? nearest(option.slice(2), OPTION_NAMES) : null;
    return `unknown option ${option}${near ? ` (did you mean --${near}?)` : ""}`;
  }
  if (err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    // The same code covers a switch given a value (--color=yes) and an option without one.
    if (err.message.includes("does not take an argument")) return `${option} takes no value`;
    return `${option} needs a value (write ${option}=VALUE when it starts with "-")`;
  }
  return err.message.split("\n")[0] ?? "invalid arguments";
}

/**
 * The commands that take each option that is not every command's ("default": the command without
 * a name). One home: the parser refuses such an option on any other command, and each command's
 * help lists only the options it takes (test/cli/help-options.test.ts holds both to it).
 */
const OPTION_OWNERS: Readonly<Record<string, readonly string[]>> = {
  "--init": ["stamp"],
  "--date": ["stamp"],
  "--unchanged": ["stamp"],
  "--also": ["stamp"],
  "--pin-branch": ["stamp"],
  "--commit": ["stamp"],
  "--metadata": ["stamp", "dashboard", "default"],
  "--fix": ["lint"],
  "--output": ["report"],
  "--fail-on": ["check"],
  "--max-behind": ["check"],
  "--max-lines": ["check"],
  "--max-age": ["check"],
  "--changed-since": ["check"],
  "--use-estimates": ["check"],
  "--max-size": ["check"],
  "--annotation-level": ["check"],
  "--ignore": ["check"],
  "--status": ["scan", "check"],
  "--diff": ["scan", "check"],
  "--show": ["scan", "check"],
  "--format": ["scan", "check", "report", "lint", "default"],
  "--kinds": ["scan", "check", "report", "dashboard", "default"],
  "--no-state": ["dashboard", "default"],
  // Each command that writes pages: the dashboard (the default command) writes with u and U.
  "--force": ["stamp", "lint", "dashboard", "default"],
  "--dry-run": ["stamp", "lint"],
};

/** The options lint takes only with --fix: lint writes pages only then. */
const LINT_FIX_ONLY: readonly string[] = ["--force", "--dry-run"];

/** Whether `command` ("default" for none) takes `flag`. */
export function takesOption(command: string, flag: string): boolean {
  const owners = OPTION_OWNERS[flag];
  return owners === undefined || owners.includes(command);
}

/** "an option of scan and check", from OPTION_OWNERS. */
function ownersOf(flag: string): string {
  const names = (OPTION_OWNERS[flag] ?? [])
    .filter((c) => c !== "default")
    .map((c) =>
      c === "dashboard"
        ? "the dashboard"
        : c === "lint" && LINT_FIX_ONLY.includes(flag)
          ? "lint --fix"
          : c,
    );
  const last = names.pop();
  return `an option of ${names.length > 0 ? `${names.join(", ")} and ${last}` : last}`;
}

function refuseOthersOptions(command: string, values: Record<string, unknown>): void {
  for (const flag of Object.keys(OPTION_OWNERS)) {
    // checkFormat says what formats a command takes, if any.
    if (flag === "--format") continue;
    if (values[flag.slice(2)] !== undefined && !takesOption(command, flag)) {
      throw new AppError(2, `${flag} is ${ownersOf(flag)}`);
    }
  }
}

const OPTIONS = {
  repo: { type: "string" },
  source: { type: "string" },
  content: { type: "string" },
  lang: { type: "string", multiple: true },
  exclude: { type: "string", multiple: true },
  layout: { type: "string" },
  paths: { type: "string", multiple: true },
  extensions: { type: "string", multiple: true },
  "default-lang": { type: "string" },
  metadata: { type: "string" },
  "pin-branch": { type: "string" },
  status: { type: "string" },
  show: { type: "string" },
  date: { type: "string" },
  "dry-run": { type: "boolean" },
  fix: { type: "boolean" },
  unchanged: { type: "boolean" },
  also: { type: "string" },
  diff: { type: "boolean" },
  init: { type: "boolean" },
  "source-repo": { type: "string" },
  format: { type: "string" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
  "no-state": { type: "boolean" },
  "fail-on": { type: "string" },
  "max-behind": { type: "string" },
  "max-lines": { type: "string" },
  "max-age": { type: "string" },
  "changed-since": { type: "string" },
  output: { type: "string" },
  "max-size": { type: "string" },
  "annotation-level": { type: "string" },
  "use-estimates": { type: "boolean" },
  kinds: { type: "boolean" },
  ignore: { type: "string" },
  "ignore-revs-file": { type: "string" },
  "cache-dir": { type: "string" },
  "no-cache": { type: "boolean" },
  commit: { type: "string" },
  force: { type: "boolean" },
  config: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "V" },
} as const;

export const OPTION_NAMES = Object.keys(OPTIONS);

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: OPTIONS,
  });
}

/** The kinds `stamp --unchanged --also` advances pages over: only those that leave a
 * translation true word for word, so a stamp cannot hide work. */
const ALSO_KINDS: readonly ChangeKind[] = ["whitespace"];

function alsoKinds(value: string): ChangeKind[] {
  const kinds = parseKinds(list(value, "--also", "change kind"), "--also", ALSO_KINDS);
  const other = kinds.find((k) => !ALSO_KINDS.includes(k));
  if (other !== undefined) {
    throw new AppError(
      2,
      `--also takes ${either(ALSO_KINDS)}: a ${other} change may need the translation updated`,
    );
  }
  return kinds;
}

/** A folder (or file) given on the command line: any path, but not an empty one. */
function folderValue(value: string | undefined, flag: string, what = "a folder"): string | null {
  if (value === undefined) return null;
  if (value === "") throw new AppError(2, `${flag} needs ${what}`);
  return value;
}

function count(value: string | undefined, flag: string): number | null {
  if (value === undefined) return null;
  if (!/^\d{1,9}$/.test(value))
    throw new AppError(2, `${flag} needs a whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

/** `format` when `command` takes it; otherwise a usage error that lists what the command takes. */
function checkFormat(command: FormatCommand, format: string): void {
  const accepted: readonly string[] = FORMATS[command];
  if (accepted.includes(format)) return;
  const name = command === "default" ? "the plain report" : command;
  if (accepted.length === 0) throw new AppError(2, `${name} takes no --format`);
  const elsewhere = (Object.keys(FORMATS) as FormatCommand[]).filter(
    (c) => c !== "default" && (FORMATS[c] as readonly string[]).includes(format),
  );
  const where = elsewhere.length > 0 ? `; ${format} is a format of ${elsewhere.join(", ")}` : "";
  throw new AppError(
    2,
    `${name} does not take --format ${format} (use ${either(accepted)}${where})`,
  );
}

/** The format `command` prints: `format` (checked) or the command's default. */
export function formatOf<C extends "scan" | "default" | "check" | "report" | "lint">(
  command: C,
  format: string | null,
): (typeof FORMATS)[C][number] {
  const accepted = FORMATS[command] as readonly (typeof FORMATS)[C][number][];
  if (format === null) return accepted[0] as (typeof FORMATS)[C][number];
  checkFormat(command, format);
  return format as (typeof FORMATS)[C][number];
}

/** The help's line about --format, made from FORMATS. */
function formatHelp(): string {
  const list = (c: FormatCommand) => FORMATS[c].join(" | ");
  return `  --format FORMAT     ${list("scan")} (scan); ${list("check")} (check);
                      ${list("report")} (report); ${list("lint")} (lint)`;
}

const SHARED_OPTIONS = `Options:
  --repo DIR          repository to read (default: .)
  --config FILE       options from FILE (default: ${CONFIG_NAME} at the repository's top)
  --content DIR       content folder, from the repository's top (default: ${DEFAULTS.content})
  --source LANG       source language folder (default: ${DEFAULTS.source})
  --lang LANG         a language to report; repeat, or a comma list (default: every folder)
  --status LIST       scan and check: list only pages of these statuses (comma list)
  --diff              scan and check: the English diff of each listed page since its baseline
  --show missing      scan and check (table, markdown): list missing pages one by one
                      instead of counting them (--status missing lists them too)
  --exclude GLOB      files that are not pages, below each language's folder; repeat
  --layout KIND       ${either(LAYOUT_CHOICES)} (default: ${DEFAULTS.layout}, found from the site)
  --paths SRC:TRANS   the layout as patterns, like docs/{path}:docs/{lang}/{path}; repeat
  --extensions LIST   what page files end with (default: ${DEFAULTS.extensions.join(",")})
  --default-lang LANG the language the dashboard opens on (default: the first --lang,
                      else the one with the most pages that need work)
  --source-repo DIR   the git repository holding the English pages, when not --repo (MDN)
  --ignore-revs-file FILE
                      commits that estimates for pages without metadata skip, one full
                      hash a line (default: ${IGNORE_REVS_NAME} if the repository has it)
${formatHelp()}
  --kinds             say what kind each English change was: ${CHANGE_KINDS.join(", ")}
  --cache-dir DIR     keep what git said between runs in DIR (default:
                      $XDG_CACHE_HOME/${CACHE_DEFAULTS.folder}, else ~/.cache/${CACHE_DEFAULTS.folder})
  --no-cache          read everything from git, and keep nothing
  --color             colors even when the output is not a terminal
  --no-color          no colors (NO_COLOR is honored too)
  --metadata KIND     stamp --init and the dashboard: how a page without metadata records
                      it: ${either(METADATA_CHOICES)} (default: ${DEFAULTS.metadata})
  --no-state          dashboard: open as if for the first time, and remember nothing
  --force             also rewrite read-only pages: stamp, lint --fix, and the dashboard's u and U`;

const CHECK_OPTIONS = `check options:
  --fail-on LIST      statuses that can fail the run
                      (default: ${DEFAULT_FAIL_ON.join(",")})
  --max-behind N      fail only pages more than N commits behind
  --max-lines N       fail only pages with more than N changed English lines
  --max-age DAYS      fail only pages translated more than DAYS ago
  --changed-since REF only pages whose English source or translation changed since REF
  --use-estimates     judge untracked pages by their estimated numbers (--max-behind,
                      --max-lines) and let them fail (untracked joins the default --fail-on)
  --max-size N        --format markdown: at most N characters, N at least ${LEAST_MAX_SIZE}
                      (default: ${OUTPUT_DEFAULTS.maxSize}, a GitHub pull request comment); the
                      worst pages are kept, the rest counted
  --annotation-level LEVEL
                      --format github: ${either(ANNOTATION_LEVELS)} annotations on failing
                      pages (default: ${OUTPUT_DEFAULTS.annotationLevel})
  --ignore KINDS      pages whose English change since raw_commit is of one of these kinds
                      do not fail (a comma list of change kinds; implies --kinds)`;

const REPORT_OPTIONS = `report options:
  --output FILE       write the report to FILE instead of standard output (json-per-page:
                      the folder to write one file per translation into)`;

const EXIT_CODES =
  "Exit codes: 0 clean, 1 drift over a threshold (check) or an error found (lint), 2 usage or environment error.";

export const HELP = `translation-status: which translated pages fell behind their English source

Usage:
  translation-status [options]            dashboard in a terminal, plain report otherwise
  translation-status scan [PATH...] [options]
                                          report every page, or those under PATH
                                          (${either(FORMATS.scan)})
  translation-status check [PATH...] [options]
                                          like scan, exit 1 when a page breaks a threshold
  translation-status report [options]     publish it: ${either(FORMATS.report)}
  translation-status dashboard [options]  the interactive dashboard
  translation-status stamp PAGE... [--commit HASH] [--force] [--init] [--dry-run]
                                          mark translations as updated to HEAD (or HASH);
                                          --force also rewrites read-only pages; --init
                                          adds metadata to pages that have none
  translation-status lint [PAGE...] [--fix [--dry-run]]
                                          find wrong metadata (misspelled attributes, bad
                                          hashes and dates, stale titles and links); --fix
                                          repairs what is safe to repair
  translation-status help COMMAND         one command's options and examples

${SHARED_OPTIONS}

${CHECK_OPTIONS}

${REPORT_OPTIONS}

  -h, --help          this help
  -V, --version       the version

${EXIT_CODES}
`;

/** SHARED_OPTIONS as `command` takes them (OPTION_OWNERS): each entry is its first line and
 * the lines indented under it. */
function sharedOptions(command: string): string {
  const [title, ...lines] = SHARED_OPTIONS.split("\n");
  const entries: string[][] = [];
  for (const line of lines) {
    if (/^ {2}-/.test(line) || entries.length === 0) entries.push([line]);
    else entries.at(-1)?.push(line);
  }
  const kept = entries.filter((e) =>
    takesOption(command, /^ {2}(--[\w-]+)/.exec(e[0] ?? "")?.[1] ?? ""),
  );
  return [title, ...kept.flat()].join("\n");
}

/** Each command's own help: `translation-status check --help`, `translation-status help check`. */
/** The columns the help's own prose is folded into, as its fixed lines are written. */
const HELP_WIDTH = 95;

/** Folds prose into lines of at most so many terminal columns (core/columns.ts wrapWords). */
type Fold = (text: string, width: number) => string[];

/** Each command's help; a function for one whose prose is folded as it is printed. */
const COMMAND_HELP: Record<string, string | ((fold: Fold) => string)> = {
  scan: `translation-status scan [PATH...] [options]: every translated page (or those under PATH), its status and how far behind it is

${sharedOptions("scan")}

Examples:
  translation-status scan
  translation-status scan --lang zh-cn --format json > status.json
`,
  check: `translation-status check [PATH...] [options]: like scan; exit 1 when a page breaks a threshold

${sharedOptions("check")}

${CHECK_OPTIONS}

Examples:
  translation-status check --max-behind 5 --format github
  translation-status check --changed-since origin/main --format markdown > report.md || test $? -eq 1

${EXIT_CODES}
`,
  report: `translation-status report [options]: the status to publish

html: one self-contained page (no request to any other host; works from a file and from
GitHub Pages): per language a bar and a sortable, filterable table of pages, most work first,
each with its English commits and diff. hugo-data: one JSON object keyed by translation path
(status, commits behind, lines, raw commit, HEAD, compare link, estimate) for the site's own
templates, e.g. Hugo's data/ folder. json-per-page: the same record for each translation in
a file of its own, <--output>/<translation path>.json, for generators that import one page's
data beside the page (Docusaurus, VitePress).

${sharedOptions("report")}

${REPORT_OPTIONS}

Examples:
  translation-status report --output public/translation-status.html
  translation-status report --format hugo-data --output data/translation_status.json
  translation-status report --format json-per-page --output static/translation-status
`,
  dashboard: `translation-status dashboard [options]: the interactive dashboard (in a terminal); ? inside lists its keys

${sharedOptions("dashboard")}
`,
  stamp: `translation-status stamp PAGE... [--commit HASH] [--force] [--init]: mark translations as updated

Writes HEAD's hash (or HASH) and today's date into each page's metadata, changing nothing else.
PAGE is a path as the reports print it, or a folder (every page below it that records
metadata). --commit takes a hash or a branch or tag (--commit main). --force also rewrites
read-only pages. A pin that the remote's default branch does not contain is warned about
once a page records it;
--pin-branch BRANCH (or pinBranch in the config) refuses a pin that BRANCH does not contain. With
--source-repo DIR (or sourceRepo in the config), HEAD and HASH are that repository's.
--date YYYY-MM-DD records that day instead of today; a day lint rejects (in the future, or
before the commit) is refused. --dry-run prints what would change, as a diff, and writes
nothing. --unchanged (with --lang, or PAGE folders) advances every page whose
English page is the same at HEAD as at its raw_commit: the hash-only bump. --also whitespace
advances too the pages whose English changed only in whitespace or line wrapping since then
(the same words in the same order; see --kinds).

--init brings pages that record no metadata under tracking: it adds metadata at the page's
estimate (the last commit that changed the translation, whose day it records as the
translation date where the style has one: the page was not translated today) or at HASH, in
the site's own style (as its other translations record it), or as --metadata says (below).

${sharedOptions("stamp")}

Examples:
  translation-status stamp content/zh-cn/user/run-your-own.md
  translation-status stamp --commit 6addd5cf525a content/ja/*.md
  translation-status stamp --init content/ja/new-page.md
  translation-status stamp --unchanged --lang zh-cn --dry-run
  translation-status stamp --unchanged --also whitespace content/zh-cn
`,
};

COMMAND_HELP.lint = (
  fold,
) => `translation-status lint [PAGE...] [--fix [--dry-run]]: wrong translation metadata

One finding a line: file:line:column, error or warning, the rule, what is wrong. Rules:
${fold(`${Object.keys(RULES).join(", ")}. --fix renames misspelled attributes, writes abbreviated hashes in full and refreshes raw_link and raw_title from git, changing only those bytes; --dry-run prints the diff instead of writing; --force also rewrites read-only pages. PAGE is a page or folder as the reports print it.`, HELP_WIDTH).join("\n")}

${sharedOptions("lint")}

Examples:
  translation-status lint --lang zh-cn
  translation-status lint --fix --dry-run content/zh-cn/user
  translation-status lint --format github

Exit codes: 0 no error found (warnings allowed), 1 an error found (and, with --fix, left),
2 usage or environment error.
`;

export const HELP_COMMANDS = Object.keys(COMMAND_HELP);

/** The help for `topic` (a command), or the whole help. The folding is loaded only here: no
 * other command needs string-width to start. */
export async function helpText(topic: string | null): Promise<string> {
  const help = (topic !== null && COMMAND_HELP[topic]) || HELP;
  if (typeof help === "string") return help;
  const { wrapWords } = await import("../core/columns.js");
  return help(wrapWords);
}
