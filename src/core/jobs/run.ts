/**
 * The parent side: run one job in a fresh worker thread, so pdf-lib's and qpdf's long synchronous
 * stretches never block the calling thread (in the app: Electron's main process, which must keep
 * answering IPC). One worker per job: a crash or an out-of-memory ends that job only, and its memory
 * goes back when it ends.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UserError } from '../errors';
import type { JobHooks } from './perform';
import { fromWireError, type JobKind, type JobOutcome, type JobRequest, type WorkerMessage } from './protocol';

/** What `new Worker` is given: a file to run, or (from source) a bootstrap to evaluate. */
export interface WorkerEntry {
  script: string;
  eval: boolean;
}

/** The name electron-vite gives the bundled worker entry (see electron.vite.config.ts). */
export const BUNDLED_WORKER_FILE = 'job-worker.js';

/**
 * Where the worker code is, judged from this module's own URL. Bundled (the built app), this code
 * sits in out/main/index.js or a chunk below it, and the worker entry is built into out/main. From
 * source (vitest, tsx, the e2e harness) the entry is worker.ts, which plain Node cannot load: the
 * bootstrap registers tsx's loader in the new thread first (`execArgv: ['--import', 'tsx']` does
 * not reach a worker's entry on Node 20).
 */
export function workerEntry(moduleUrl: string): WorkerEntry {
  const file = fileURLToPath(moduleUrl);
  if (!file.endsWith('.ts')) {
    // Code shared by two entries lands in out/main/chunks/; the entries themselves sit one level up.
    const here = dirname(file);
    return { script: join(basename(here) === 'chunks' ? dirname(here) : here, BUNDLED_WORKER_FILE), eval: false };
  }
  // tsx's plain `import 'tsx'` registers nothing inside a worker thread; its API does.
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = pathToFileURL(join(dirname(file), 'worker.ts')).href;
  return {
    script: `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`,
    eval: true,
  };
}

export interface RunJobOptions extends JobHooks {
  /** Defaults to this module's own worker entry; tests pass another to simulate a crash. */
  entry?: WorkerEntry;
  resourceLimits?: ResourceLimits;
}

/** Why a worker ended without an outcome, as a message the user can act on. */
function diedError(error: unknown): UserError {
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new UserError('job.outOfMemory', {}, { cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new UserError('job.crashed', { detail }, { cause: error });
}

/**
 * Run `request` in a worker thread. Progress arrives through `onProgress` in order; `signal` asks the
 * job to stop (cooperatively: it ends with UserError 'bind.cancelled' and writes nothing). A
 * UserError thrown in the worker rejects with the same key and parameters; any other error with an
 * Error carrying its message; a worker that dies with `job.crashed` or `job.outOfMemory`.
 */
export function runJob<K extends JobKind>(request: JobRequest<K>, options: RunJobOptions = {}): Promise<JobOutcome<K>> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(new UserError('bind.cancelled'));
  const entry = options.entry ?? workerEntry(import.meta.url);
  return new Promise<JobOutcome<K>>((resolve, reject) => {
    const worker = new Worker(entry.script, {
      eval: entry.eval,
      workerData: request,
      resourceLimits: options.resourceLimits,
    });
    let settled = false;
    const onAbort = () => worker.postMessage({ type: 'cancel' });
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      // The outcome is only posted after every write finished (or was abandoned), so ending the
      // thread now cannot cut a write short.
      void worker.terminate();
      settle();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    // A throwing onProgress must not take the thread down mid-write: stop the job, report that error.
    let callbackError: { error: unknown } | undefined;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        try {
          onProgress?.(message.progress);
        } catch (error) {
          callbackError ??= { error };
          onAbort();
        }
      } else if (callbackError) finish(() => reject(callbackError!.error));
      else if (message.type === 'done') finish(() => resolve(message.outcome as JobOutcome<K>));
      else finish(() => reject(fromWireError(message.error)));
    });
    worker.on('error', (error) => finish(() => reject(diedError(error))));
    worker.on('exit', (code) => finish(() => reject(diedError(new Error(`exit code ${code}`)))));
  });
}
