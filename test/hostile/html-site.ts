// A repository built to attack the status page: markup and script in a translation's raw_title,
// its path, an English commit's subject and author and an English line of the diff (language
// names cannot carry any: the scan takes only folders named [A-Za-z0-9._-]). Each canary sets `data-pwned` on the document if it ever runs, and an <img>
// would also be a network request: the page must show every one as text.
import path from "node:path";
import { TestRepo } from "./helpers.js";

/** What a canary does when it runs: something the browser test can see. */
const PWN = "document.documentElement.dataset.pwned=1";

export const HOSTILE = {
  // No double quote: the shortcode's attribute is double-quoted.
  title: `<img src=x onerror=${PWN}><script>${PWN}</script>`,
  dir: `<b>bold</b>"quote'`,
  subject: `</pre></details><script>${PWN}</script> & <a href="javascript:${PWN}">click</a>`,
  // git drops < and > from names: this one tries to break out of an attribute instead.
  author: `Eve" onmouseover="${PWN}" title="Eve`,
  line: `</code></pre><img src="http://127.0.0.1:9/canary.png"><style>*{display:none}</style>`,
} as const;

/** The path of the hostile translation, inside content/zh-cn/. */
export const HOSTILE_PAGE = `${HOSTILE.dir}/page.md`;

export function hostileHtmlSite(dir: string): TestRepo {
  const repo = TestRepo.init(dir);
  const english = (body: string) => `---\ntitle: Page\n---\n\nFirst line.\n${body}`;
  repo.write(path.join("content/en", HOSTILE_PAGE), english("Second line.\n"));
  const raw = repo.commit("English");
  const shortcode = (commit: string) =>
    `{{< translation-status-zh-cn raw_title="${HOSTILE.title}" last_translation_time="2025-01-01" raw_commit="${commit}" >}}`;
  const translation = `---\ntitle: 页面\n---\n\n译文。\n\n${shortcode(raw)}\n`;
  repo.write(path.join("content/zh-cn", HOSTILE_PAGE), translation);
  repo.commit("Translate");
  repo.write(path.join("content/en", HOSTILE_PAGE), english(`Second line ${HOSTILE.line}\n`));
  repo.commit(HOSTILE.subject, { GIT_AUTHOR_NAME: HOSTILE.author });
  return repo;
}
