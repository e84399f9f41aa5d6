/** The API the preload exposes to the renderer (built from the IPC contract in src/shared/ipc.ts). */
import type { MatprepApi } from '../shared/ipc';

declare global {
  interface Window {
    matprep: MatprepApi;
  }
}

export {};
