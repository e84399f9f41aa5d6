/**
 * The dashboard's input: each recent project with its rule pack. A project that cannot be checked
 * is reported with the reason instead of being left out, so an empty dashboard means "nothing runs
 * out", never "a broken rule pack hid it". Only a project that is gone (folder deleted, drive not
 * mounted) is passed over: the recent list says so when it is opened.
 */
import { isUserError } from '../errors';
import { t, type Locale } from '../../i18n';
import type { ProjectDoc } from '../model/schemas/project';
import type { RulePack, RulePackSummary } from '../model/schemas/rules';
import type { AlertInput } from './index';
import { openFailureText } from '../project/restore';
import type { UncheckedProject } from '../model/schemas/alerts';

export interface GatherDeps {
  open: (dir: string) => Promise<{ dir: string; doc: ProjectDoc }>;
  /** The usable packs and every pack file's summary (broken ones carry their errors). */
  rules: { packs: RulePack[]; summaries: RulePackSummary[] };
}

const GONE = new Set(['project.notFound', 'error.notFound']);

/** Why no usable pack has this id: the file that defines it has errors, or no file defines it. */
function packReason(id: string, rules: GatherDeps['rules'], locale: Locale): string {
  const broken = rules.summaries.find((s) => s.id === id && s.errors.length > 0);
  if (broken) return t(locale, 'alerts.unchecked.packBroken', { id, error: broken.errors[0] });
  return t(locale, 'alerts.unchecked.packMissing', { id });
}

export async function gatherAlertInputs(
  recent: ReadonlyArray<{ dir: string; name: string }>,
  deps: GatherDeps,
  locale: Locale,
): Promise<{ inputs: AlertInput[]; unchecked: UncheckedProject[] }> {
  const inputs: AlertInput[] = [];
  const unchecked: UncheckedProject[] = [];
  for (const project of recent) {
    let opened: { dir: string; doc: ProjectDoc };
    try {
      opened = await deps.open(project.dir);
    } catch (error) {
      if (isUserError(error) && GONE.has(error.code)) continue;
      const reason = isUserError(error) ? openFailureText(error, locale) : String((error as Error)?.message ?? error);
      unchecked.push({ projectDir: project.dir, projectName: project.name, reason });
      continue;
    }
    const { dir, doc } = opened;
    const rulePack = deps.rules.packs.find((p) => p.id === doc.rulePack.id);
    if (rulePack) inputs.push({ dir, doc, rulePack });
    else
      unchecked.push({
        projectDir: dir,
        projectName: doc.name,
        reason: packReason(doc.rulePack.id, deps.rules, locale),
      });
  }
  return { inputs, unchecked };
}
