/**
 * The services both adapters (Electron main and the CLI) call: open a project together with its rule
 * pack and check report, and bind it. Keeping them here means the UI and the command line cannot
 * drift apart in what they check or refuse.
 */
import { join, resolve } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Locale } from '../../i18n';
import { UserError } from '../errors';
import { getRulePack } from '../rules/loader';
import { checkProject } from '../check/index';
import { loadReadings } from '../recognition/store';
import { loadScans, placedOrigin, placedSource } from '../scan/store';
import { readFieldValues } from '../model/fields/normalise';
import type { CheckReport } from '../model/schemas/check-report';
import type { RulePack } from '../model/schemas/rules';
import type { ProjectDoc, PacketRecord } from '../model/schemas/project';
import type { ChangeReport } from '../model/schemas/submissions';
import { assertOutputAllowed } from '../project/confine';
import { openProject, verifyVault, updateProject, outputDir, sha256Of } from '../project/store';
import { bindPacket } from '../bind/index';
import { projectCache } from '../cache/project';
import type { BlobCache } from '../cache/store';
import { bindFingerprint } from '../model/packet/fingerprint';
import { exportMaterials, type ExportResult } from '../bind/export';
import { renderCorrectionList } from '../bind/correction-list';
import { BindOptionsSchema, type BindOptions, type BindProgress, type BindResult } from '../model/schemas/bind-options';
import { readFile } from 'node:fs/promises';
import { safeFileName } from '../fs/names';
import { computeChanges } from '../model/submissions/changes';
import { findSubmission } from '../project/submissions';

export interface RulesDirs {
  builtIn: string;
  user?: string;
}

export interface WorkspaceContext {
  rulesDirs: RulesDirs;
  /** YYYY-MM-DD */
  today: string;
  locale: Locale;
  /** The user's defaults from settings (DPI, page-number format, watermark text); projects override them. */
  bindDefaults?: Partial<BindOptions>;
}

export interface ProjectState {
  dir: string;
  doc: ProjectDoc;
  rulePack: RulePack;
  report: CheckReport;
}

export { localToday } from '../model/today';

/** The project's rule pack, its check report, all in one. */
export async function describeProject(
  project: { dir: string; doc: ProjectDoc },
  ctx: WorkspaceContext,
  /** The project's pack when the caller already has it (saves reading the rule files again). */
  knownPack?: RulePack,
): Promise<ProjectState> {
  const rulePack =
    knownPack?.id === project.doc.rulePack.id ? knownPack : await getRulePack(ctx.rulesDirs, project.doc.rulePack.id);
  // Legacy true/false answers to 是/否 questions read as 是/否 for the check, the UI and the binder alike.
  const doc = { ...project.doc, fields: readFieldValues(rulePack.fields, project.doc.fields) };
  const readings = await loadReadings(project.dir, doc.materials);
  const scans = await loadScans(project.dir, doc.materials);
  const report = checkProject(doc, rulePack, ctx.today, readings, scans);
  return { dir: project.dir, doc, rulePack, report };
}

/** The rule pack a project folder uses. */
export async function rulePackOf(dir: string, rulesDirs: RulesDirs): Promise<RulePack> {
  const { doc } = await openProject(dir);
  return getRulePack(rulesDirs, doc.rulePack.id);
}

export async function loadProject(dir: string, ctx: WorkspaceContext): Promise<ProjectState> {
  return describeProject(await openProject(dir), ctx);
}

/** The effective bind options: built-in defaults, then the user's settings, the project's own, and this call's. */
export function resolveBindOptions(
  doc: ProjectDoc,
  overrides: Partial<BindOptions> = {},
  userDefaults: Partial<BindOptions> = {},
): BindOptions {
  // Options a newer version stored stay in the document but are not this version's to use.
  const known = Object.fromEntries(
    Object.entries(doc.bindOptions).filter(([key]) => Object.hasOwn(BindOptionsSchema.shape, key)),
  );
  return BindOptionsSchema.parse({ ...userDefaults, ...known, ...overrides });
}

/** A file name for the packet: `<project name>-<rule short title>-<date>.pdf`, safe on every OS. */
export function defaultPacketPath(state: ProjectState): string {
  const title = state.rulePack.shortTitle ?? state.rulePack.id;
  return join(
    outputDir(state.dir),
    `${safeFileName(`${state.doc.name}-${title}-${state.report.today}`, 'packet')}.pdf`,
  );
}

/**
 * The packet path for a name chosen in the UI. The renderer is not trusted with paths, so only a
 * plain file name is accepted, and the packet always lands in the project's out/ folder.
 */
export function packetPathIn(dir: string, name: string): string {
  const stem = name.replace(/\.pdf$/i, '');
  if (stem === '' || safeFileName(stem, '') !== stem) throw new UserError('project.badOutputName', { name });
  return join(outputDir(resolve(dir)), `${stem}.pdf`);
}

/** Every attached file must still be the one imported (sha256); a problem names the material by its title. */
export async function verifyProjectFiles(
  project: { dir: string; doc: ProjectDoc },
  rulePack: RulePack,
  verified?: BlobCache,
): Promise<void> {
  const titles = new Map(rulePack.materials.map((m) => [m.id, m.title]));
  try {
    await verifyVault(project, verified);
  } catch (error) {
    if (error instanceof UserError && typeof error.params.material === 'string') {
      throw new UserError(error.code, {
        ...error.params,
        material: titles.get(error.params.material) ?? error.params.material,
      });
    }
    throw error;
  }
}

/** Put run-only passwords on the matching files of an in-memory document. */
export function applyPasswords(doc: ProjectDoc, passwords: ReadonlyMap<string, string>): void {
  for (const entry of Object.values(doc.materials)) {
    for (const file of entry.files) {
      const password = passwords.get(file.name) ?? passwords.get('');
      if (password !== undefined) file.password = password;
    }
  }
}

/** `name=secret` arguments (or a bare `secret` for every file) as a map. */
export function parsePasswordArgs(args: string[]): Map<string, string> {
  return new Map(
    args.map((p) => {
      const at = p.lastIndexOf('=');
      return [at > 0 ? p.slice(0, at) : '', at > 0 ? p.slice(at + 1) : p] as const;
    }),
  );
}

export type BindOutcome =
  | { kind: 'refused'; report: CheckReport; state: ProjectState }
  | { kind: 'written'; result: BindResult; report: CheckReport };

/** The options a bind of `state` uses, and the changes its 补正说明 page lists (when it has one). */
export function bindSettings(
  state: ProjectState,
  requested: Partial<BindOptions> | undefined,
  ctx: Pick<WorkspaceContext, 'bindDefaults'>,
): { options: BindOptions; changes?: ChangeReport } {
  const options = resolveBindOptions(state.doc, requested, ctx.bindDefaults);
  // The 补正说明 page needs an earlier submission to speak of: none is an error, not a silent omission.
  const changes = options.changesPage
    ? computeChanges(findSubmission(state.doc), state.doc, state.rulePack)
    : undefined;
  return { options, changes };
}

/**
 * Check, verify the vault, bind, and record the packet in the project's history. Refuses an
 * incomplete project unless `allowIncomplete`.
 */
export async function bindProject(
  dir: string,
  ctx: WorkspaceContext,
  request: {
    output?: string;
    allowIncomplete?: boolean;
    options?: Partial<BindOptions>;
    onProgress?: (p: BindProgress) => void;
    signal?: AbortSignal;
    now?: Date;
    /** Passwords for this run only (never saved), by file name; the key '' applies to every file. */
    passwords?: ReadonlyMap<string, string>;
  } = {},
): Promise<BindOutcome> {
  const state = await loadProject(dir, ctx);
  // Before passwords are applied: those are for this run only and not part of the project.
  const source = bindFingerprint(state.doc);
  if (request.passwords?.size) applyPasswords(state.doc, request.passwords);
  if (!state.report.complete && !request.allowIncomplete) return { kind: 'refused', report: state.report, state };
  const cache = projectCache(state.dir);
  await verifyProjectFiles(state, state.rulePack, cache);
  const output = request.output ?? defaultPacketPath(state);
  await assertOutputAllowed(state.dir, output);
  const { options, changes } = bindSettings(state, request.options, ctx);
  await mkdir(join(output, '..'), { recursive: true });
  const result = await bindPacket({
    doc: state.doc,
    rulePack: state.rulePack,
    report: state.report,
    options,
    output,
    loadFile: (ref) => placedSource(state.dir, ref, cache),
    imageOrigin: (ref) => placedOrigin(state.dir, ref, cache),
    cache,
    locale: ctx.locale,
    now: request.now,
    changes,
    onProgress: request.onProgress,
    signal: request.signal,
  });
  const record: PacketRecord = {
    at: (request.now ?? new Date()).toISOString(),
    output: result.output,
    pages: result.pages,
    bytes: result.bytes,
    sha256: result.sha256 ?? sha256Of(new Uint8Array(await readFile(result.output))),
    source,
    sections: result.sections,
  };
  await updateProject(state.dir, (doc) => {
    doc.history = [...doc.history, record].slice(-50);
  });
  return { kind: 'written', result, report: state.report };
}

/** `<project name>-<rule short title>-<date><suffix>.<ext>` in the project's out/ folder. */
function outputPath(state: ProjectState, suffix: string, ext: string): string {
  const title = state.rulePack.shortTitle ?? state.rulePack.id;
  return join(
    outputDir(state.dir),
    `${safeFileName(`${state.doc.name}-${title}-${state.report.today}${suffix}`, 'packet')}.${ext}`,
  );
}

/**
 * Per-file export (one file per material, within the pack's size caps) into a zip. The caller has
 * loaded and verified the project (the CLI also applies its --password values first), so the CLI
 * and the app export the same files the same way. Default: the project's out/ folder. `hooks` let
 * the app's export job report each material and stop when cancelled (writing nothing).
 */
export async function exportProject(
  state: ProjectState,
  ctx: Pick<WorkspaceContext, 'locale' | 'bindDefaults'>,
  output: string = outputPath(state, '', 'zip'),
  hooks: { signal?: AbortSignal; onProgress?: (p: BindProgress) => void } = {},
): Promise<ExportResult> {
  // Refuse a changed or missing vault file up front, naming the material (as binding does).
  await verifyProjectFiles(state, state.rulePack);
  await assertOutputAllowed(state.dir, output);
  await mkdir(join(output, '..'), { recursive: true });
  return exportMaterials({
    doc: state.doc,
    rulePack: state.rulePack,
    report: state.report,
    options: resolveBindOptions(state.doc, {}, ctx.bindDefaults),
    output,
    loadFile: (ref) => placedSource(state.dir, ref),
    locale: ctx.locale,
    signal: hooks.signal,
    onProgress: hooks.onProgress,
  });
}

/**
 * The 补正清单 (what is still missing or wrong, from the check report) as a PDF. It goes to a
 * Chinese authority's counter, so it is written in Chinese whatever the UI language.
 */
export async function writeCorrectionList(
  state: ProjectState,
  output: string = outputPath(state, '-补正清单', 'pdf'),
): Promise<{ output: string; pages: number }> {
  await assertOutputAllowed(state.dir, output);
  await mkdir(join(output, '..'), { recursive: true });
  return renderCorrectionList(state.report, state.doc, state.rulePack, output, { locale: 'zh-CN' });
}
