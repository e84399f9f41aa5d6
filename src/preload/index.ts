/**
 * The preload: exposes `window.matprep`, one method per contract channel, and nothing else. It runs
 * sandboxed, so it imports only Electron and the tiny channel list (no zod, no core).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, buildApi, ipcChannelName } from '../shared/channels';

export const api = buildApi<Record<string, (request: unknown) => Promise<unknown>>>((channel, request) =>
  ipcRenderer.invoke(ipcChannelName(channel), request),
);

contextBridge.exposeInMainWorld(API_GLOBAL, api);
