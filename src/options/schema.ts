// The config file's schema (zod): what `translation-status.config.json` may say, checked before
// anything in it is used. The file comes from the repository, so in CI it may come from a
// stranger's pull request: it is data, never code, and an unknown key is an error rather than
// something silently ignored. `npm run build` writes the JSON Schema made from this one for
// editors (`"$schema"`).
import { z } from "zod";
import { STATUSES } from "../core/types.js";
import { LAYOUT_CHOICES } from "../layout/layout.js";
import { DEFAULTS, IGNORE_REVS_NAME, METADATA_CHOICES, SHOW_CHOICES } from "./defaults.js";
import {
  BRANCH_NAME,
  EXTENSION,
  FOLDER_PATTERN,
  GLOB_PATTERN,
  LANGUAGE_PATTERN,
  LIST_MAX,
  MAX_GLOB_LENGTH,
  NO_CONTROL_PATTERN,
  OPTION_RULES,
  REPO_FILE_PATTERN,
  REPO_FILE_RULE,
  repoFileProblem,
  type Verdict,
} from "./values.js";

// A key that is also a flag is judged by the flag's rule (values.ts: one function, one reason,
// one normalized value); the JSON Schema an editor reads says what it can of the same rule
// (`meta`: patterns, sizes, choices), and test/options/schema-parity.test.ts holds both to it.
function ruled<I extends z.ZodType, T>(input: I, rule: (value: z.output<I>) => Verdict<T>) {
  return input.transform((value, ctx): T => {
    const verdict = rule(value);
    if (verdict.ok) return verdict.value;
    ctx.addIssue({ code: "custom", message: verdict.why });
    return z.NEVER;
  });
}
const text = (meta: Record<string, unknown>) => z.string().meta(meta);
const list = (item: Record<string, unknown>, max: number) =>
  z.array(z.string().meta(item)).meta({ minItems: 1, maxItems: max });
const language = { pattern: LANGUAGE_PATTERN };
const count = z.number().int().min(0).max(999_999_999);

export const ConfigSchema = z
  .object({
    $schema: z.string().max(1000).optional(),
    content: ruled(text({ pattern: FOLDER_PATTERN }), OPTION_RULES.content)
      .optional()
      .describe(`The content folder inside the repository (default "${DEFAULTS.content}").`),
    source: ruled(text(language), OPTION_RULES.source)
      .optional()
      .describe(`The source language's folder (default "${DEFAULTS.source}").`),
    languages: ruled(list(language, LIST_MAX.languages), OPTION_RULES.languages)
      .optional()
      .describe("Languages to report (default: every folder beside the source)."),
    exclude: ruled(
      list({ minLength: 1, maxLength: MAX_GLOB_LENGTH, pattern: GLOB_PATTERN }, LIST_MAX.exclude),
      OPTION_RULES.exclude,
    )
      .optional()
      .describe("Globs of files that are not pages, matched below each language's folder."),
    layout: ruled(text({ enum: LAYOUT_CHOICES }), OPTION_RULES.layout)
      .optional()
      .describe(
        'How the English pages and their translations are laid out (default "auto": found from Hugo\'s config or the folders; "pattern" with paths).',
      ),
    paths: z
      .array(
        z
          .object({
            source: z.string().max(500).describe('Where English pages are: "docs/{path}".'),
            translation: z
              .string()
              .max(500)
              .describe('Where their translations are: "docs/{lang}/{path}".'),
          })
          .strict(),
      )
      .min(1)
      .max(100)
      .optional()
      .describe("The site's layout as pairs of patterns, for sites no detection knows."),
    extensions: ruled(
      list({ pattern: EXTENSION.source }, LIST_MAX.extensions),
      OPTION_RULES.extensions,
    )
      .optional()
      .describe(`What page files' names end with (default ${DEFAULTS.extensions.join(", ")}).`),
    metadata: ruled(text({ enum: METADATA_CHOICES }), OPTION_RULES.metadata)
      .optional()
      .describe(
        'How stamp --init records metadata in a page that has none (default "auto": as the site\'s other translations do).',
      ),
    pinBranch: ruled(text({ pattern: BRANCH_NAME.source }), OPTION_RULES.pinBranch)
      .optional()
      .describe(
        "The branch stamp's pins must be on (refused otherwise); default: warn when the remote's default branch does not contain the pin.",
      ),
    defaultLanguage: ruled(text(language), OPTION_RULES.defaultLanguage)
      .optional()
      .describe(
        "The language the dashboard opens on (default: the first of languages, else the one with the most pages that need work).",
      ),
    // Only ever a folder to run git in; still, nothing that could garble the one error line.
    sourceRepo: ruled(
      text({ maxLength: 1000, pattern: NO_CONTROL_PATTERN }).max(1000),
      OPTION_RULES.sourceRepo,
    )
      .optional()
      .describe(
        "The git repository holding the English pages, when it is not this one (MDN); relative to this repository's top.",
      ),
    // Not the flag's rule: the flag names a file on this machine, the key one in the repository.
    ignoreRevsFile: z
      .string()
      .meta({ pattern: REPO_FILE_PATTERN })
      .refine((v) => repoFileProblem(v) === null, REPO_FILE_RULE)
      .optional()
      .describe(
        `Commits that estimates skip, one full hash a line, relative to the repository's top (default "${IGNORE_REVS_NAME}" when it exists).`,
      ),
    // An empty list would fail no page: a check that cannot fail.
    failOn: ruled(list({ enum: STATUSES }, LIST_MAX.failOn), OPTION_RULES.failOn)
      .optional()
      .describe(`Statuses that can fail check (default ${DEFAULTS.failOn.join(", ")}).`),
    maxBehind: count.optional().describe("check: fail only pages more than N commits behind."),
    maxLines: count
      .optional()
      .describe("check: fail only pages with more than N changed English lines."),
    maxAge: count.optional().describe("check: fail only pages translated more than N days ago."),
    useEstimates: z
      .boolean()
      .optional()
      .describe(
        "check: judge untracked pages by their estimated numbers against maxBehind and maxLines.",
      ),
    show: ruled(list({ enum: SHOW_CHOICES }, LIST_MAX.show), OPTION_RULES.show)
      .optional()
      .describe(
        "Rows the table and Markdown reports list one by one instead of folding them into a count (default none: missing pages are counted).",
      ),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;

/** The JSON Schema of the config file, for editors. */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(ConfigSchema, { io: "input" });
}
