/** A Platform for tests: no dialogs, and it records what the app asked the shell to open or print. */
import type { Platform } from '../../src/main/handlers/types';

export interface TestPlatform extends Platform {
  opened: string[];
  shown: string[];
  printed: string[];
  /** What the next save dialog returns; unset: the path it offers. */
  nextSaveFile?: string | null;
  external: string[];
}

export function testPlatform(chooseFolder: () => Promise<string | null> = async () => null): TestPlatform {
  const platform: TestPlatform = {
    opened: [],
    shown: [],
    printed: [],
    external: [],
    chooseFolder,
    openPath: async (path) => void platform.opened.push(path),
    showInFolder: async (path) => void platform.shown.push(path),
    printPdf: async (path) => void platform.printed.push(path),
    chooseSaveFile: async ({ defaultPath }) =>
      platform.nextSaveFile === undefined ? defaultPath : platform.nextSaveFile,
    openExternal: async (url) => void platform.external.push(url),
  };
  return platform;
}
