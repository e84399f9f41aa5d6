/** Registers every contract channel with ipcMain through one helper that checks the sender first. */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES, ipcChannelName } from '../shared/channels';
import type { Locale } from '../shared/i18n';
import type { Handlers } from './handlers/types';
import { dispatch } from './dispatch';

export function registerIpc(
  ipcMain: IpcMain,
  handlers: Handlers,
  isTrusted: (event: IpcMainInvokeEvent) => boolean,
  getLocale: () => Promise<Locale>,
): string[] {
  const registered: string[] = [];
  for (const channel of CHANNEL_NAMES) {
    const name = ipcChannelName(channel);
    ipcMain.handle(name, async (event, request: unknown) => {
      if (!isTrusted(event)) return { ok: false, error: { code: 'forbidden', message: 'untrusted sender' } };
      return dispatch(handlers, channel, request, getLocale);
    });
    registered.push(name);
  }
  return registered;
}
