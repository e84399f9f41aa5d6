/**
 * A material's `source` ("H1, H2", "L4 第18条") names entries of its pack's `sources` by shorthand
 * ("H1: 《…》 https://…"). This resolves the shorthand to the readable title, so the UI can show what
 * a rule rests on instead of internal codes. Pure; safe in the renderer.
 */
import { z } from 'zod';

/** One `sources` entry: "L1: 《互联网信息服务管理办法》… https://…" → key L1, title, URL text. */
export type SourceEntry = { key?: string; title: string; url?: string };

/** One source a material cites: the shorthand as written, and what it resolves to (if it does). */
export type CitedSource = { ref: string; key?: string; detail?: string; title?: string; url?: string };

const URL = /https?:\/\/\S+/;
// "KEY: rest" with an ASCII colon and a space, as the packs write it (not "https://").
const KEYED = /^([^:]+?):\s+([\s\S]*)$/;

export function parseSource(entry: string): SourceEntry {
  const text = entry.trim();
  const keyed = KEYED.exec(text);
  const key = keyed && !/^https?$/i.test(keyed[1].trim()) ? keyed[1].trim() : undefined;
  const rest = key ? keyed![2] : text;
  const url = URL.exec(rest)?.[0];
  const title = (url ? rest.replace(url, '') : rest).trim();
  // An entry that is only a link has the link as its title.
  if (!title && url) return { ...(key ? { key } : {}), title: url };
  return { ...(key ? { key } : {}), title: title || text, ...(url ? { url } : {}) };
}

/**
 * The sources a material cites, in the order cited. A reference is a key alone or a key followed by a
 * place in it ("L4 第18条" → key L4, detail 第18条); the longest matching key wins. References that
 * match no entry are kept as written.
 */
export function citedSources(sources: readonly string[], cited: string | undefined): CitedSource[] {
  if (!cited) return [];
  const entries = sources.map(parseSource).filter((e): e is SourceEntry & { key: string } => e.key !== undefined);
  return cited
    .split(/[,，;；]/)
    .map((ref) => ref.trim())
    .filter(Boolean)
    .map((ref) => {
      const match = entries
        .filter((e) => ref === e.key || ref.startsWith(`${e.key} `))
        .sort((a, b) => b.key.length - a.key.length)[0];
      if (!match) return { ref };
      const detail = ref.slice(match.key.length).trim();
      return {
        ref,
        key: match.key,
        title: match.title,
        ...(detail ? { detail } : {}),
        ...(match.url ? { url: match.url } : {}),
      };
    });
}

/** Every https link the packs' `sources` give: what the app may open in the browser (from built-in packs). */
export function sourceUrls(packs: ReadonlyArray<{ sources?: readonly string[] }>): Set<string> {
  const urls = packs.flatMap((pack) => (pack.sources ?? []).map((entry) => parseSource(entry).url));
  return new Set(urls.filter((url): url is string => url !== undefined && url.startsWith('https://')));
}

/**
 * `shell:openExternal`'s request: an https address and nothing else. Main then opens it only when a
 * built-in pack cites it (`sourceUrls`).
 */
export const ExternalLinkRequestSchema = z
  .object({ url: z.string().max(2000).regex(/^https:\/\/[^\s"<>]+$/) })
  .strict();
