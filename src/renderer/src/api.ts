/**
 * The renderer's only door to the app: `window.matprep` (see src/shared/ipc.ts). `call` unwraps the
 * Result so screens can use try/catch; the error's message is already a user-facing line.
 */
import type { Channel, MatprepApi, Reply, Request, Result } from '../../shared/ipc';
import { translator } from '../../shared/i18n';
import { MAX_IMPORT_BYTES } from '../../shared/limits';

export class ApiError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

export function hasBridge(): boolean {
  return typeof window !== 'undefined' && typeof (window as { matprep?: MatprepApi }).matprep === 'object';
}

/**
 * Calls that change state and return a fresh ProjectView or Settings run one after another: if two
 * edits overlapped, the older reply could arrive last and put a stale view on screen.
 */
const SERIAL =
  /^(project:(?!fileBytes)|settings:set|bind:start|securityLog:(set|render)|alerts:setLicence|profiles:(?!list))/;
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

/**
 * Read a browser File into the shape project:addFiles accepts (bytes; one path for browser and
 * Electron). A file over the import limit is refused before it is read into memory, and a file that
 * cannot be read (moved, deleted, unplugged drive) gets the same message main gives, naming it.
 */
export async function toIncoming(file: File): Promise<{ name: string; data: Uint8Array<ArrayBuffer> }> {
  // App.tsx keeps <html lang> equal to the UI locale; errors here happen outside React.
  const t = translator(document.documentElement.lang === 'en' ? 'en' : 'zh-CN');
  if (file.size > MAX_IMPORT_BYTES) {
    const params = { file: file.name, limitMB: MAX_IMPORT_BYTES / 1024 / 1024 };
    throw new ApiError('project.fileTooLarge', t('project.fileTooLarge', params));
  }
  try {
    return { name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
  } catch {
    throw new ApiError('error.notFound', t('error.notFound', { file: file.name }));
  }
}
