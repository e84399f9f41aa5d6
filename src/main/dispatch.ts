/**
 * One entry point for every call from the renderer, whatever the transport (Electron IPC or the e2e
 * bridge): the channel must be in the contract, the request must parse with its zod schema, and any
 * error becomes a message in the user's language instead of a thrown exception.
 */
import { contract, type Channel, type Result } from '../shared/ipc';
import type { Locale } from '../i18n';
import { formatError, isUserError } from '../core/errors';
import { describeIssues } from '../core/project/document';
import { t } from '../i18n';
import type { Handlers } from './handlers/types';

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export async function dispatch(
  handlers: Handlers,
  channel: string,
  rawRequest: unknown,
  getLocale: () => Locale | Promise<Locale>,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'invalid-request', message: `unknown channel ${String(channel)}` } };
  }
  const parsed = contract[channel].request.safeParse(rawRequest ?? {});
  if (!parsed.success) {
    const locale = await getLocale();
    return {
      ok: false,
      error: {
        code: 'invalid-request',
        message: t(locale, 'error.invalidRequest', { detail: describeIssues(parsed.error) }),
      },
    };
  }
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    const locale = await getLocale();
    if (!isUserError(error) && process.env.MATPREP_DEBUG) console.error(error);
    return {
      ok: false,
      error: { code: isUserError(error) ? error.code : 'unexpected', message: formatError(error, locale) },
    };
  }
}
