/**
 * The worker thread's entry: run the one job in `workerData`, post progress and then the outcome (or
 * the error as data). A `cancel` from the parent aborts the job's signal; the binder stops at its next
 * check and its temp-then-rename write abandons the temp file, so cancelling never leaves half a file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { performJob } from './perform';
import { toWireError, type JobRequest, type ParentMessage, type WorkerMessage } from './protocol';

async function main(port: NonNullable<typeof parentPort>): Promise<void> {
  const controller = new AbortController();
  port.on('message', (message: ParentMessage) => {
    if (message?.type === 'cancel') controller.abort();
  });
  const post = (message: WorkerMessage) => port.postMessage(message);
  try {
    const outcome = await performJob(workerData as JobRequest, {
      signal: controller.signal,
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    post({ type: 'done', outcome });
  } catch (error) {
    post({ type: 'failed', error: toWireError(error) });
  }
  // Nothing keeps the thread alive once the outcome is out; it ends on its own.
  port.unref();
}

if (parentPort) void main(parentPort);
