/** The desktop Platform: native dialogs and the shell, for the handler table. */
import { dialog, shell, type BrowserWindow } from 'electron';
import { t, type Locale } from '../shared/i18n';
import type { Platform } from './handlers/types';

export function electronPlatform(window: () => BrowserWindow | undefined, locale: () => Promise<Locale>): Platform {
  return {
    async chooseFolder(purpose) {
      const l = await locale();
      const options = {
        title: t(l, purpose === 'create' ? 'dialog.createProject' : 'dialog.openProject'),
        properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
      };
      const win = window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
    },
    async chooseFiles(formats) {
      const l = await locale();
      const extensions = formats.flatMap((f) => (f === 'jpg' ? ['jpg', 'jpeg'] : [f]));
      const options = {
        title: t(l, 'dialog.chooseFiles'),
        properties: ['openFile', 'multiSelections'] as Array<'openFile' | 'multiSelections'>,
        filters: [{ name: t(l, 'dialog.filterMaterials'), extensions }],
      };
      const win = window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async openPath(path) {
      const error = await shell.openPath(path);
      if (error) throw new Error(error);
    },
    async showInFolder(path) {
      shell.showItemInFolder(path);
    },
  };
}
