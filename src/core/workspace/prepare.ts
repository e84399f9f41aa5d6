/**
 * Preparing a project's photos and scans ahead of binding (the `prepare` job, run in the worker
 * after an import or a turn): each image file in the form the packet will place it, under the
 * project's bind options, into the project's cache, several at a time up to the cores. A bind then
 * finds them and only copies bytes. An image that fails here is left for the bind to report.
 */
import { availableParallelism } from 'node:os';
import { projectCache } from '../cache/project';
import { UserError } from '../errors';
import { mapLimited } from '../concurrency';
import { limitImageMemory } from '../images/prepare';
import { isImageFile, prepareFileImage } from '../bind/prepared';
import type { BindOptions, BindProgress } from '../model/schemas/bind-options';
import { openProject, type Project } from '../project/store';
import { placedOrigin } from '../scan/store';
import { bindSettings, describeProject, resolveBindOptions, type WorkspaceContext } from './workspace';
import { prepareGeneratedFont } from '../bind/index';
import type { BlobCache } from '../cache/store';

export interface PrepareOutcome {
  /** Image files looked at, and of those the ones that could not be prepared (left to the bind). */
  images: number;
  failed: number;
}

export async function prepareProjectImages(
  dir: string,
  /** With the rule folders, the font of the cover and 目录 is subset ahead of the bind too. */
  ctx: { bindDefaults?: Partial<BindOptions> } & Partial<WorkspaceContext>,
  hooks: { signal?: AbortSignal; onProgress?: (p: BindProgress) => void } = {},
): Promise<PrepareOutcome> {
  const project = await openProject(dir);
  const cache = projectCache(project.dir);
  const files = Object.values(project.doc.materials)
    .flatMap((m) => m.files)
    .filter(isImageFile);
  if (cache && ctx.rulesDirs && ctx.today && ctx.locale)
    await prepareFont(project, { ...ctx, rulesDirs: ctx.rulesDirs, today: ctx.today, locale: ctx.locale }, cache);
  if (!cache || files.length === 0) return { images: files.length, failed: 0 };
  limitImageMemory();
  const options = resolveBindOptions(project.doc, {}, ctx.bindDefaults);
  let done = 0;
  let failed = 0;
  // sharp works on libuv's pool: as many images in flight as cores keeps both busy without piling up decodes.
  await mapLimited(files, Math.max(2, availableParallelism()), async (file) => {
    if (hooks.signal?.aborted) throw new UserError('bind.cancelled');
    try {
      await prepareFileImage(file, options, (ref) => placedOrigin(project.dir, ref, cache), cache);
    } catch {
      failed++;
    }
    hooks.onProgress?.({ phase: 'prepare', done: ++done, total: files.length, label: file.name });
  });
  // Each job keeps the folder within its bound (entries of images no longer attached age out first).
  await cache.sweep();
  return { images: files.length, failed };
}

/**
 * The font subset the project's next bind will need, made now, with the bind's own inputs (see
 * bindProject). Only a head start: a pack that fails to load or a 补正说明 with no submission to
 * compare with are the bind's to report.
 */
async function prepareFont(project: Project, ctx: WorkspaceContext, cache: BlobCache): Promise<void> {
  try {
    const state = await describeProject(project, ctx);
    await prepareGeneratedFont({ ...state, ...bindSettings(state, {}, ctx) }, cache);
  } catch {
    // The bind subsets the font itself.
  }
}
