/**
 * Preparing a project's photos and scans ahead of binding (the `prepare` job, run in the worker
 * after an import or a turn): each image file in the form the packet will place it, under the
 * project's bind options, into the project's cache, several at a time up to the cores. A bind then
 * finds them and only copies bytes. An image that fails here is left for the bind to report.
 */
import { availableParallelism } from 'node:os';
import { projectCache } from '../cache/project';
import { UserError } from '../errors';
import { limitImageMemory } from '../images/prepare';
import { isImageFile, prepareFileImage } from '../bind/prepared';
import type { BindOptions, BindProgress } from '../model/schemas/bind-options';
import { openProject } from '../project/store';
import { placedOrigin } from '../scan/store';
import { resolveBindOptions } from './workspace';

export interface PrepareOutcome {
  /** Image files looked at, and of those the ones that could not be prepared (left to the bind). */
  images: number;
  failed: number;
}

export async function prepareProjectImages(
  dir: string,
  ctx: { bindDefaults?: Partial<BindOptions> },
  hooks: { signal?: AbortSignal; onProgress?: (p: BindProgress) => void } = {},
): Promise<PrepareOutcome> {
  const project = await openProject(dir);
  const cache = projectCache(project.dir);
  const files = Object.values(project.doc.materials)
    .flatMap((m) => m.files)
    .filter(isImageFile);
  if (!cache || files.length === 0) return { images: files.length, failed: 0 };
  limitImageMemory();
  const options = resolveBindOptions(project.doc, {}, ctx.bindDefaults);
  let next = 0;
  let done = 0;
  let failed = 0;
  // sharp works on libuv's pool: as many images in flight as cores keeps both busy without piling up decodes.
  const worker = async () => {
    while (next < files.length) {
      if (hooks.signal?.aborted) throw new UserError('bind.cancelled');
      const file = files[next++];
      try {
        await prepareFileImage(file, options, (ref) => placedOrigin(project.dir, ref, cache), cache);
      } catch {
        failed++;
      }
      hooks.onProgress?.({ phase: 'prepare', done: ++done, total: files.length, label: file.name });
    }
  };
  await Promise.all(Array.from({ length: Math.max(2, availableParallelism()) }, worker));
  // Each job keeps the folder within its bound (entries of images no longer attached age out first).
  await cache.sweep();
  return { images: files.length, failed };
}
