// Synthetic page text. A line is stored as a 32-bit seed and its text re-derived on demand, so the
// generator holds a few numbers per line instead of the whole site's prose.
import { mulberry32, type Rng } from "./prng.js";

const SECTIONS = (
  "concepts tasks tutorials reference setup contribute architecture workloads services " +
  "storage configuration security policy scheduling cluster-administration extend " +
  "networking observability operations api cli guides migration release-notes faq " +
  "integrations plugins performance troubleshooting glossary"
).split(" ");

const SUBSECTIONS = (
  "overview basics advanced examples internals patterns recipes best-practices components " +
  "lifecycle debugging upgrades"
).split(" ");

const WORDS = (
  "the a cluster node pod service controller request volume network policy object field " +
  "value config resource container image secret account token label selector namespace " +
  "endpoint schedule update create delete apply watch list read write run start stop " +
  "restart check set when then with without for from into each every other this that is are " +
  "can must should may not only also new old default custom stable beta alpha feature gate " +
  "version release status"
).split(" ");

/** Per-language "vocabulary" so translations look like other scripts without a dictionary. */
const FOREIGN: Record<string, { words: string[]; sep: string; stop: string }> = {
  "zh-cn": {
    words: (
      "集群 节点 服务 控制器 请求 卷 网络 策略 对象 字段 配置 资源 容器 " +
      "镜像 密钥 标签 名字空间 更新 创建 删除 应用 运行 可以 必须 默认 版本 " +
      "特性 状态 使用 如果 然后 每个"
    ).split(" "),
    sep: "",
    stop: "。",
  },
  ja: {
    words: (
      "クラスター ノード サービス コントローラー リクエスト ボリューム " +
      "ネットワーク ポリシー オブジェクト フィールド 設定 リソース コンテナ " +
      "イメージ ラベル 更新 作成 削除 実行 できます 必要 デフォルト バージョン " +
      "機能 状態 を は が の に で"
    ).split(" "),
    sep: "",
    stop: "。",
  },
};

const capitalize = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/** Every "section/sub" directory of the site: a few dozen sections with 2–5 subsections each. */
export function buildLayout(rng: Rng): string[] {
  const dirs: string[] = [];
  for (const section of SECTIONS) {
    const subs = rng.shuffle([...SUBSECTIONS]).slice(0, rng.range(2, 5));
    for (const sub of subs.sort()) dirs.push(`${section}/${sub}`);
  }
  return dirs;
}

/** Word indices of a line; both the English text and every translation derive from these. */
function lineWords(seed: number): { heading: boolean; words: number[] } {
  const r = mulberry32(seed);
  const heading = r() < 0.08;
  const count = heading ? 2 + Math.floor(r() * 3) : 6 + Math.floor(r() * 11);
  const words: number[] = [];
  for (let i = 0; i < count; i++) words.push(Math.floor(r() * WORDS.length));
  return { heading, words };
}

export function englishLine(seed: number): string {
  const { heading, words } = lineWords(seed);
  const text = words.map((w) => WORDS[w]).join(" ");
  return heading ? `## ${capitalize(text)}` : `${capitalize(text)}.`;
}

export function translatedLine(seed: number, lang: string): string {
  const { heading, words } = lineWords(seed);
  const vocab = FOREIGN[lang];
  if (!vocab) {
    const text = words.map((w) => `${WORDS[w]}-${lang}`).join(" ");
    return heading ? `## ${capitalize(text)}` : `${capitalize(text)}.`;
  }
  // CJK packs a sentence into about half the tokens (and 3 UTF-8 bytes each): keeps blobs English-sized.
  const text = words
    .slice(0, Math.ceil(words.length / 2))
    .map((w) => vocab.words[w % vocab.words.length])
    .join(vocab.sep);
  return heading ? `## ${text}` : `${text}${vocab.stop}`;
}

/** Titles never contain quotes, so they can go inside raw_title="..." and YAML "..." as is. */
export function englishTitle(titleSeed: number): string {
  const r = mulberry32(titleSeed);
  const count = 2 + Math.floor(r() * 3);
  const words: string[] = [];
  for (let i = 0; i < count; i++)
    words.push(capitalize(WORDS[Math.floor(r() * WORDS.length)] ?? ""));
  return words.join(" ");
}

export function englishPage(title: string, weight: number, lines: readonly number[]): string {
  const body = lines.map(englishLine).join("\n");
  return `---\ntitle: "${title}"\nweight: ${weight}\n---\n\n${body}\n`;
}

export type MetaKind = "shortcode" | "front-matter" | "none";

export interface TranslationInput {
  lang: string;
  kind: MetaKind;
  /** English title, quoted back in raw_title. */
  title: string;
  /** Content path below content/<lang>/ without ".md", e.g. "tasks/basics/page-12". */
  rel: string;
  titleSeed: number;
  lines: readonly number[];
  commit: string;
  /** YYYY-MM-DD of the sync. */
  day: string;
}

export function translationPage(t: TranslationInput): string {
  const title = translatedLine(t.titleSeed, t.lang)
    .replace(/^## /, "")
    .replace(/[。.]$/, "");
  const front =
    t.kind === "front-matter"
      ? `---\ntitle: "${title}"\ndefault_lang_commit: ${t.commit}\n---\n`
      : `---\ntitle: "${title}"\n---\n`;
  const body = t.lines.map((seed) => translatedLine(seed, t.lang)).join("\n");
  const shortcode =
    t.kind === "shortcode"
      ? `\n{{< translation-status-${t.lang} raw_title="${t.title}" raw_link="/${t.rel}/" ` +
        `last_translation_time="${t.day}" raw_commit="${t.commit}">}}\n`
      : "";
  return `${front}\n${body}\n${shortcode}`;
}
