/** Registers every contract channel with ipcMain through one helper that checks the sender first. */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES, ipcChannelName } from '../shared/channels';
import type { Locale } from '../i18n';
import type { Handlers } from './handlers/types';
import { dispatch } from './dispatch';

/** The handler calls still running, so the window can let them finish (a save) before it closes. */
export interface PendingCalls {
  track<T>(call: Promise<T>): Promise<T>;
  /** Resolves once no call is running (calls started meanwhile included), or after `timeoutMs`: true if idle. */
  settled(timeoutMs: number): Promise<boolean>;
}

export function createPendingCalls(): PendingCalls {
  const running = new Set<Promise<unknown>>();
  return {
    track(call) {
      running.add(call);
      const done = () => running.delete(call);
      call.then(done, done);
      return call;
    },
    async settled(timeoutMs) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
      try {
        while (running.size > 0) {
          if ((await Promise.race([Promise.allSettled([...running]), timeout])) === 'timeout') return false;
        }
        return true;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

export function registerIpc(
  ipcMain: IpcMain,
  handlers: Handlers,
  isTrusted: (event: IpcMainInvokeEvent) => boolean,
  getLocale: () => Promise<Locale>,
  pending: PendingCalls = createPendingCalls(),
): string[] {
  const registered: string[] = [];
  for (const channel of CHANNEL_NAMES) {
    const name = ipcChannelName(channel);
    ipcMain.handle(name, async (event, request: unknown) => {
      if (!isTrusted(event)) return { ok: false, error: { code: 'forbidden', message: 'untrusted sender' } };
      return pending.track(dispatch(handlers, channel, request, getLocale));
    });
    registered.push(name);
  }
  return registered;
}
