/**
 * One job, run in the current thread by the workspace services the CLI uses too (the worker entry
 * calls this; nothing here knows about threads).
 */
import { UserError } from '../errors';
import { bindProject, exportProject, loadProject, writeCorrectionList } from '../workspace/workspace';
import type { BindProgress } from '../model/schemas/bind-options';
import { openProject } from '../project/store';
import { readProjectFiles, unreadCount } from '../recognition/store';
import { scanProjectFiles, unscannedCount } from '../scan/store';
import { prepareProjectImages } from '../workspace/prepare';
import type { JobKind, JobOutcome, JobRequest } from './protocol';

export interface JobHooks {
  signal?: AbortSignal;
  onProgress?: (progress: BindProgress) => void;
}

export async function performJob<K extends JobKind>(
  request: JobRequest<K>,
  hooks: JobHooks = {},
): Promise<JobOutcome<K>> {
  const { dir, context } = request;
  // Typed per branch: TypeScript cannot narrow a generic K by the kind check alone.
  const job = request as JobRequest;
  switch (job.kind) {
    case 'bind':
      return (await bindProject(dir, context, {
        ...(job as JobRequest<'bind'>).options,
        signal: hooks.signal,
        onProgress: hooks.onProgress,
      })) as JobOutcome<K>;
    case 'export': {
      const state = await loadProject(dir, context);
      return (await exportProject(state, context, (job as JobRequest<'export'>).options.output, {
        signal: hooks.signal,
        onProgress: hooks.onProgress,
      })) as JobOutcome<K>;
    }
    case 'correctionList': {
      const state = await loadProject(dir, context);
      if (hooks.signal?.aborted) throw new UserError('bind.cancelled');
      return (await writeCorrectionList(state, (job as JobRequest<'correctionList'>).options.output)) as JobOutcome<K>;
    }
    case 'read': {
      // OCR blocks the thread it runs on for seconds: this is why it is a job.
      const { doc } = await openProject(dir);
      const before = await unreadCount(dir, doc.materials);
      const { limit } = (job as JobRequest<'read'>).options;
      await readProjectFiles(dir, doc.materials, { today: context.today, signal: hooks.signal, limit });
      const remaining = await unreadCount(dir, doc.materials);
      return { read: before - remaining, remaining } as JobOutcome<K>;
    }
    case 'scan': {
      // Decoding and warping a 12-megapixel photo holds the thread for about a second.
      const { doc } = await openProject(dir);
      const before = await unscannedCount(dir, doc.materials);
      await scanProjectFiles(dir, doc.materials, {
        signal: hooks.signal,
        limit: (job as JobRequest<'scan'>).options.limit,
      });
      const remaining = await unscannedCount(dir, doc.materials);
      return { scanned: before - remaining, remaining } as JobOutcome<K>;
    }
    case 'prepare':
      return (await prepareProjectImages(dir, context, hooks)) as JobOutcome<K>;
  }
}
