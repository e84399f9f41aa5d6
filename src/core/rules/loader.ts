/**
 * Loading rule packs: YAML text → RulePack with every problem reported as `file:line:col`;
 * listing the built-in and user folders, where user packs add to or override built-ins by id.
 * A broken user pack is listed with its errors and never stops the others from loading.
 */
import { readdir } from 'node:fs/promises';
import { isRegularFile, readTextIfRegular } from '../fs/confine';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_LOCALE, t, type Locale, type MessageKey, type MessageParams } from '../../i18n';
import { UserError, toUserError } from '../errors';
import { LocatedYaml, formatRuleProblem, schemaProblems, type RuleProblem } from './problems';
import { RulePackSchema, type RulePack, type RulePackSummary } from '../model/schemas/rules';
import { semanticProblems } from './semantics';
import { findResource } from '../resources';

export { formatRuleProblem, type RuleProblem } from './problems';

/** Rule files are small; anything this big is a mistake (or an attack on the parser). */
const MAX_RULE_FILE_BYTES = 1_000_000;

export function parseRulePack(text: string, file: string): { pack?: RulePack; problems: RuleProblem[] } {
  const parsed = parseYamlFile(text, file, RulePackSchema);
  if (!parsed.data || !parsed.yaml) return { problems: parsed.problems };
  const problems = byPosition(semanticProblems(parsed.data, parsed.yaml));
  return problems.length > 0 ? { problems } : { pack: parsed.data, problems };
}

/**
 * A YAML rule file (a pack, a template) parsed against its schema, every problem placed at its
 * `file:line:col`.
 */
export function parseYamlFile<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
): { data?: z.infer<S>; yaml?: LocatedYaml; problems: RuleProblem[] } {
  if (text.length > MAX_RULE_FILE_BYTES) {
    return { problems: [{ file, line: 1, col: 1, code: 'rules.tooLarge', params: { limitKB: MAX_RULE_FILE_BYTES / 1000 } }] };
  }
  const yaml = new LocatedYaml(text, file);
  const syntax = yaml.yamlProblems();
  if (syntax.length > 0) return { yaml, problems: syntax };
  let data: unknown;
  try {
    data = yaml.doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { yaml, problems: [yaml.problemAt(0, 'rules.yaml.syntax', { detail: error instanceof Error ? error.message : String(error) })] };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) return { yaml, problems: byPosition(schemaProblems(yaml, data, parsed.error.issues)) };
  return { data: parsed.data, yaml, problems: [] };
}

function byPosition(problems: RuleProblem[]): RuleProblem[] {
  return problems.map((p, i) => ({ p, i })).sort((a, b) => a.p.line - b.p.line || a.p.col - b.p.col || a.i - b.i).map((e) => e.p);
}

/**
 * A rule file with problems; prints the first one in the reader's language. `code` says in what
 * situation (a file being loaded, or the pack a project names).
 */
export class RulePackError extends UserError {
  readonly problems: RuleProblem[];
  constructor(file: string, problems: RuleProblem[], code: MessageKey = 'rules.invalidPack', params: MessageParams = {}) {
    super(code, { ...params, file, count: problems.length, detail: firstProblem(problems, DEFAULT_LOCALE) });
    this.problems = problems;
  }
  override format(locale: Locale): string {
    return t(locale, this.code, { ...this.params, detail: firstProblem(this.problems, locale) });
  }
}

/** The first problem as the messages quote it: they end the sentence themselves. */
function firstProblem(problems: RuleProblem[], locale: Locale): string {
  return withoutFullStop(formatRuleProblem(problems[0], locale));
}

function withoutFullStop(text: string): string {
  return text.replace(/[。.]$/, '');
}

export async function readRuleText(path: string): Promise<string> {
  try {
    return await readTextIfRegular(path);
  } catch (error) {
    throw toUserError(error, path);
  }
}

export async function loadRulePackFile(path: string): Promise<RulePack> {
  const { pack, problems } = parseRulePack(await readRuleText(path), path);
  if (!pack) throw new RulePackError(path, problems);
  return pack;
}

/** Compare versions like `2026.1` and `2026.10` part by part, numerically where both parts are numbers. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const diff = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

async function ruleFiles(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    const files = names
      .filter((n) => /\.ya?ml$/i.test(n))
      .sort()
      .map((n) => join(dir, n));
    // A FIFO or device named *.yaml would block the reader or never end: only regular files are packs.
    const regular = await Promise.all(files.map(isRegularFile));
    return files.filter((_, i) => regular[i]);
  } catch {
    return []; // A missing or unreadable user folder simply adds nothing.
  }
}

type Origin = RulePackSummary['origin'];

/** A pack as listed; `replacedBy` is the file of the same-id pack used instead (its `errors` say why). */
export type ListedPack = RulePackSummary & { replacedBy?: string };

function summaryOf(pack: RulePack, origin: Origin, file: string, errors: string[] = []): RulePackSummary {
  return {
    id: pack.id,
    title: pack.title,
    shortTitle: pack.shortTitle,
    description: pack.description,
    en: pack.en,
    version: pack.version,
    effective: pack.effective,
    authority: pack.authority,
    origin,
    file,
    errors,
  };
}

/** What can be read of a broken file, so the list still shows something recognisable. */
function brokenSummary(text: string, origin: Origin, file: string, errors: string[]): RulePackSummary {
  let data: Record<string, unknown> = {};
  try {
    const js = new LocatedYaml(text, file).doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (js && typeof js === 'object') data = js as Record<string, unknown>;
  } catch {
    // Unreadable: fall back to the file name.
  }
  const text_ = (v: unknown, fallback: string): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : fallback);
  const name = basename(file).replace(/\.ya?ml$/i, '');
  return {
    id: text_(data.id, name),
    title: text_(data.title, name),
    version: text_(data.version, ''),
    effective: text_(data.effective, ''),
    authority: text_(data.authority, ''),
    origin,
    file,
    errors,
  };
}

/**
 * Parse results by file, reused while the text is unchanged: the UI lists the packs on every edit,
 * and parsing the YAML is what costs (tens of ms per pack). Callers get their own copy.
 */
const parsedFiles = new Map<string, { text: string; result: ReturnType<typeof parseRulePack> }>();

function parseCached(text: string, file: string): ReturnType<typeof parseRulePack> {
  let hit = parsedFiles.get(file);
  if (!hit || hit.text !== text) {
    if (parsedFiles.size >= 500) parsedFiles.clear();
    hit = { text, result: parseRulePack(text, file) };
    parsedFiles.set(file, hit);
  }
  return structuredClone(hit.result);
}

export async function listRulePacks(
  dirs: { builtIn: string; user?: string },
  opts: { locale?: Locale } = {},
): Promise<{ packs: RulePack[]; summaries: ListedPack[] }> {
  const locale = opts.locale ?? DEFAULT_LOCALE;
  const chosen = new Map<string, { pack: RulePack; summary: RulePackSummary }>();
  const rejected: ListedPack[] = [];
  const sources: [Origin, string | undefined][] = [
    ['built-in', dirs.builtIn],
    ['user', dirs.user],
  ];
  for (const [origin, dir] of sources) {
    if (!dir) continue;
    for (const file of await ruleFiles(dir)) {
      let text: string;
      try {
        text = await readTextIfRegular(file);
      } catch (error) {
        rejected.push(brokenSummary('', origin, file, [String((error as Error).message)]));
        continue;
      }
      const { pack, problems } = parseCached(text, file);
      if (!pack) {
        rejected.push(brokenSummary(text, origin, file, problems.map((p) => formatRuleProblem(p, locale))));
        continue;
      }
      const current = chosen.get(pack.id);
      // Same origin: the newer version wins, ties keep the first file. A user pack replaces a
      // built-in of the same or an older version, so a rule author can fix a pack locally.
      const wins =
        !current ||
        (origin === 'user' && current.summary.origin === 'built-in'
          ? compareVersions(pack.version, current.pack.version) >= 0
          : compareVersions(pack.version, current.pack.version) > 0);
      const loser = wins ? current : { pack, summary: summaryOf(pack, origin, file) };
      if (wins) chosen.set(pack.id, { pack, summary: summaryOf(pack, origin, file) });
      if (loser) {
        const winner = chosen.get(pack.id)!;
        rejected.push({
          ...loser.summary,
          errors: [t(locale, 'rules.shadowed', { id: pack.id, version: loser.pack.version, winner: winner.summary.file, winnerVersion: winner.pack.version })],
          replacedBy: winner.summary.file,
        });
      }
    }
  }
  // The most common filings first (rule packs say where with `order`), then by id.
  const entries = [...chosen.values()].sort(
    (a, b) => (a.pack.order ?? Infinity) - (b.pack.order ?? Infinity) || a.pack.id.localeCompare(b.pack.id),
  );
  return {
    packs: entries.map((e) => e.pack),
    summaries: [...entries.map((e) => e.summary), ...rejected],
  };
}

export async function getRulePack(dirs: { builtIn: string; user?: string }, id: string): Promise<RulePack> {
  const { packs, summaries } = await listRulePacks(dirs);
  const pack = packs.find((p) => p.id === id);
  if (pack) return pack;
  // A pack with this id that does not load is not "unknown": say what is wrong with its file.
  const broken = summaries.find((s) => s.id === id && s.errors.length > 0 && !s.replacedBy);
  if (broken) throw await brokenPackError(broken);
  throw new UserError('rules.unknownPack', { id, known: packs.map((p) => p.id).join(', ') });
}

async function brokenPackError(broken: ListedPack): Promise<UserError> {
  const text = await readTextIfRegular(broken.file).catch(() => undefined);
  const problems = text === undefined ? [] : parseCached(text, broken.file).problems;
  if (problems.length > 0) return new RulePackError(broken.file, problems, 'rules.brokenPack', { id: broken.id });
  // Unreadable, or changed since it was listed: what the listing said is all there is.
  const detail = withoutFullStop(broken.errors[0]);
  return new UserError('rules.brokenPack', { id: broken.id, file: broken.file, count: 1, detail });
}

/**
 * The folder of built-in packs: `resources/rules` in a packaged app, else the nearest ancestor of
 * this module holding `rules/icp-filing-enterprise.yaml` (works from src/ and from a bundle in out/).
 */
export function builtInRulesDir(): string {
  const marker = findResource(join('rules', 'icp-filing-enterprise.yaml'), [dirname(fileURLToPath(import.meta.url))]);
  return marker ? dirname(marker) : resolve('rules');
}

/** JSON Schema of a rule file (what authors write, so defaults are optional). */
export function ruleFileJsonSchema(): object {
  return {
    ...z.toJSONSchema(RulePackSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'matprep rule pack',
  };
}
