/**
 * The renderer's file reading (src/renderer/src/api.ts `toIncoming`): a file over the import limit is
 * refused before its bytes are read, and a file that can no longer be read gets main's message,
 * naming the file, in the UI's language — not the browser's English error.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toIncoming } from '../../src/renderer/src/lib/incoming';
import { MAX_IMPORT_BYTES } from '../../src/core/model/limits';

function fakeFile(name: string, size: number, read: () => Promise<ArrayBuffer>) {
  return { name, size, arrayBuffer: vi.fn(read) };
}

describe('toIncoming', () => {
  beforeEach(() => {
    vi.stubGlobal('document', { documentElement: { lang: 'zh-CN' } });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads a file into bytes', async () => {
    const file = fakeFile('营业执照.pdf', 3, async () => new Uint8Array([1, 2, 3]).buffer);
    const incoming = await toIncoming(file);
    expect(incoming.name).toBe('营业执照.pdf');
    expect([...incoming.data]).toEqual([1, 2, 3]);
  });

  it('refuses a file over the limit without reading it', async () => {
    const file = fakeFile('录像.mp4', MAX_IMPORT_BYTES + 1, async () => new ArrayBuffer(0));
    const error = await toIncoming(file).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'project.fileTooLarge' });
    expect((error as Error).message).toContain('录像.mp4');
    expect((error as Error).message).toContain('200 MB');
    expect(file.arrayBuffer).not.toHaveBeenCalled();
  });

  it('names a file that vanished before it could be read, in the UI language', async () => {
    const gone = () =>
      Promise.reject(new DOMException('A requested file or directory could not be found', 'NotFoundError'));
    const zh = await toIncoming(fakeFile('身份证.jpg', 10, gone)).catch((e: unknown) => e);
    expect(zh).toMatchObject({ code: 'error.notFound' });
    expect((zh as Error).message).toMatch(/^找不到文件“身份证\.jpg”/);
    vi.stubGlobal('document', { documentElement: { lang: 'en' } });
    const en = await toIncoming(fakeFile('id.jpg', 10, gone)).catch((e: unknown) => e);
    expect((en as Error).message).toMatch(/^File "id\.jpg" was not found/);
  });
});
