/**
 * The renderer's only door to the app: `window.matprep` (see src/shared/ipc.ts). `call` unwraps the
 * Result so screens can use try/catch; the error's message is already a user-facing line.
 */
import type { Channel, MatprepApi, Reply, Request, Result } from '../../../shared/ipc';
import { ApiError } from './api-error';

export { ApiError } from './api-error';
export { toIncoming } from './incoming';

export function hasBridge(): boolean {
  return typeof window !== 'undefined' && typeof (window as { matprep?: MatprepApi }).matprep === 'object';
}

/**
 * Calls that change state and return a fresh ProjectView or Settings run one after another: if two
 * edits overlapped, the older reply could arrive last and put a stale view on screen.
 */
const SERIAL =
  /^(project:(?!fileBytes|scan)|settings:set|bind:start|securityLog:(set|render)|alerts:setLicence|profiles:(?!list))/;
let queue: Promise<unknown> = Promise.resolve();

export function call<C extends Channel>(channel: C, request: Request<C>): Promise<Reply<C>> {
  if (!SERIAL.test(channel)) return invoke(channel, request);
  const next = queue.then(() => invoke(channel, request));
  queue = next.catch(() => undefined);
  return next;
}

async function invoke<C extends Channel>(channel: C, request: Request<C>): Promise<Reply<C>> {
  const method = window.matprep[channel] as unknown as (r: Request<C>) => Promise<Result<Reply<C>>>;
  const result = await method(request);
  if (!result.ok) throw new ApiError(result.error.code, result.error.message);
  return result.value;
}
