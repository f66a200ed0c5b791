// The config file's schema (zod): what `translation-status.config.json` may say, checked before
// anything in it is used. The file comes from the repository, so in CI it may come from a
// stranger's pull request: it is data, never code, and an unknown key is an error rather than
// something silently ignored. `npm run build` writes the JSON Schema made from this one for
// editors (`"$schema"`).
import { z } from "zod";
import { STATUSES } from "../core/types.js";
import { LAYOUT_CHOICES } from "../layout/layout.js";
import { hasUnsafeChars } from "../sanitize/terminal.js";
import { DEFAULTS, IGNORE_REVS_NAME, METADATA_CHOICES, SHOW_CHOICES } from "./defaults.js";
import {
  EXTENSION,
  EXTENSION_RULE,
  excludeProblem,
  folderOptionProblem,
  LANGUAGE_NAME,
  LANGUAGE_RULE,
  MAX_GLOB_LENGTH,
  MAX_GLOBS,
  withoutDotSlash,
} from "./values.js";

// A folder is checked by the rule the command line keeps too (values.ts), with its reason.
const folder = () =>
  z.string().superRefine((v, ctx) => {
    const why = folderOptionProblem(v);
    if (why !== null) ctx.addIssue({ code: "custom", message: why });
  });
// A file inside the repository: plain names (a leading "." allowed), never "." or ".."; a leading
// "./" is as relative as for a folder.
const FILE_SEGMENT = /^[A-Za-z0-9._][A-Za-z0-9._-]*$/;
const file = (what: string) =>
  z
    .string()
    .max(500)
    .refine(
      (v) =>
        withoutDotSlash(v)
          .split("/")
          .every((s) => FILE_SEGMENT.test(s)),
      `${what} must be a file path relative to the repository's top`,
    )
    .refine(
      (v) =>
        !withoutDotSlash(v)
          .split("/")
          .some((s) => s === "." || s === ".."),
      `${what} must stay inside the repository`,
    );
const count = z.number().int().min(0).max(999_999_999);

export const ConfigSchema = z
  .object({
    $schema: z.string().max(1000).optional(),
    content: folder()
      .optional()
      .describe(`The content folder inside the repository (default "${DEFAULTS.content}").`),
    source: z
      .string()
      .regex(LANGUAGE_NAME, LANGUAGE_RULE)
      .optional()
      .describe(`The source language's folder (default "${DEFAULTS.source}").`),
    languages: z
      .array(z.string().regex(LANGUAGE_NAME, LANGUAGE_RULE))
      .max(1000)
      .optional()
      .describe("Languages to report (default: every folder beside the source)."),
    exclude: z
      // Judged as a whole by the rule --exclude keeps (values.ts); the sizes are for editors.
      .array(z.string().meta({ minLength: 1, maxLength: MAX_GLOB_LENGTH }))
      .meta({ maxItems: MAX_GLOBS })
      .superRefine((globs, ctx) => {
        const problem = excludeProblem(globs);
        if (problem === null) return;
        const path = problem.glob === null ? [] : [problem.glob];
        ctx.addIssue({ code: "custom", message: problem.why, path });
      })
      .optional()
      .describe("Globs of files that are not pages, matched below each language's folder."),
    layout: z
      .enum(LAYOUT_CHOICES)
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
    extensions: z
      .array(z.string().regex(EXTENSION, EXTENSION_RULE))
      .min(1)
      .max(20)
      .optional()
      .describe(`What page files' names end with (default ${DEFAULTS.extensions.join(", ")}).`),
    metadata: z
      .enum(METADATA_CHOICES)
      .optional()
      .describe(
        'How stamp --init records metadata in a page that has none (default "auto": as the site\'s other translations do).',
      ),
    pinBranch: z
      .string()
      .min(1)
      .max(256)
      .regex(/^[A-Za-z0-9_][A-Za-z0-9._/-]*$/, 'pinBranch must be a branch name like "main"')
      .optional()
      .describe(
        "The branch stamp's pins must be on (refused otherwise); default: warn when the remote's default branch does not contain the pin.",
      ),
    defaultLanguage: z
      .string()
      .regex(LANGUAGE_NAME, LANGUAGE_RULE)
      .optional()
      .describe(
        "The language the dashboard opens on (default: the first of languages, else the one with the most pages that need work).",
      ),
    sourceRepo: z
      .string()
      .min(1)
      .max(1000)
      // Only ever a folder to run git in; still, nothing that could garble the one error line.
      .refine((v) => !hasUnsafeChars(v), "sourceRepo must be a folder without control characters")
      .optional()
      .describe(
        "The git repository holding the English pages, when it is not this one (MDN); relative to this repository's top.",
      ),
    ignoreRevsFile: file("ignoreRevsFile")
      .optional()
      .describe(
        `Commits that estimates skip, one full hash a line, relative to the repository's top (default "${IGNORE_REVS_NAME}" when it exists).`,
      ),
    failOn: z
      .array(z.enum(STATUSES))
      // An empty list would fail no page: a check that cannot fail.
      .min(1, `failOn needs at least one status (${STATUSES.join(", ")})`)
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
    show: z
      .array(z.enum(SHOW_CHOICES))
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
