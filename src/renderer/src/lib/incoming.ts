/**
 * Read a browser File into the shape project:addFiles accepts (bytes; one path for browser and
 * Electron). A file over the import limit is refused before it is read into memory, and a file that
 * cannot be read (moved, deleted, unplugged drive) gets the same message main gives, naming it.
 * No DOM globals are named here, so the unit tests can run it in Node.
 */
import { translator } from '../../../i18n';
import { MAX_IMPORT_BYTES } from '../../../core/model/limits';
import { ApiError } from './api-error';

interface ReadableFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** App.tsx keeps <html lang> equal to the UI locale; these errors happen outside React. */
function uiLocale(): 'en' | 'zh-CN' {
  const page = globalThis as { document?: { documentElement?: { lang?: string } } };
  return page.document?.documentElement?.lang === 'en' ? 'en' : 'zh-CN';
}

export async function toIncoming(file: ReadableFile): Promise<{ name: string; data: Uint8Array<ArrayBuffer> }> {
  const t = translator(uiLocale());
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
