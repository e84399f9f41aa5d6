import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { inspectFile } from '../../src/core/pdf/inspect';
import { corpus, describeCorpus } from '../support/corpus';

const read = (name: string) => new Uint8Array(readFileSync(corpus(name)));

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const name = Buffer.from(type);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([name, data])) >>> 0);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, name, data, crc]);
}

/** A small PNG file claiming `width`×`height` grey pixels (a decompression bomb's header). */
function pngBomb(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(width + 1))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describeCorpus('inspectFile on the corpus', () => {
  it.each([
    ['plain-us_constitution-19p.pdf', 19],
    ['objstm-xrefstm-30p.pdf', 30],
    ['incr-update-sections-xrefstm.pdf', 1],
    ['linearized-objstm-4p.pdf', 4],
    ['broken-xref-prev-loop-30p.pdf', 30],
    ['broken-xref-bad-entry.pdf', 1],
    ['rotated-inherited.pdf', 1],
    ['size-userunit-pdf20.pdf', 1],
  ])('%s has %i pages', async (name, pages) => {
    const info = await inspectFile(read(name), name);
    expect(info).toMatchObject({ mediaType: 'application/pdf', pages, encryption: 'none' });
  });

  it('decrypts owner-password-only files with the empty user password', async () => {
    for (const name of ['enc-owner-aes256-r6-30p.pdf', 'enc-owner-rc4-128-lin-30p.pdf']) {
      expect(await inspectFile(read(name), name)).toMatchObject({ pages: 30, encryption: 'owner' });
    }
  });

  it('asks for a user password, rejects a wrong one, opens with the right one', async () => {
    for (const name of ['enc-user-rc4-128-pw-view.pdf', 'enc-user-aes256-r6-pw-view.pdf']) {
      expect(await codeOf(inspectFile(read(name), name))).toBe('pdf.passwordRequired');
      expect(await codeOf(inspectFile(read(name), name, { password: 'wrong' }))).toBe('pdf.passwordWrong');
      expect(await inspectFile(read(name), name, { password: 'view' })).toMatchObject({
        pages: 30,
        encryption: 'user',
      });
    }
    expect(await codeOf(inspectFile(read('enc-user-pdflib-encrypted_new.pdf'), 'x.pdf'))).toBe('pdf.passwordRequired');
  });

  it('names the file in clear errors for each broken class', async () => {
    expect(await codeOf(inspectFile(read('notpdf-text.pdf'), 'notpdf-text.pdf'))).toBe('pdf.notPdf');
    expect(await codeOf(inspectFile(read('zeropage-empty.pdf'), 'z.pdf'))).toBe('pdf.noPages');
    expect(await codeOf(inspectFile(read('broken-pagetree-loop.pdf'), 'loop.pdf'))).toBe('pdf.damaged');
    expect(await codeOf(inspectFile(read('truncated-trailer-cut.pdf'), 't.pdf'))).toBe('pdf.damaged');
    expect(await codeOf(inspectFile(read('img-jpeg-truncated.jpg'), 't.jpg'))).toBe('image.damaged');
    expect(await codeOf(inspectFile(read('img-png-truncated.png'), 't.png'))).toBe('image.damaged');
    expect(await codeOf(inspectFile(new Uint8Array(), 'empty.pdf'))).toBe('file.empty');
    const error = await inspectFile(read('notpdf-text.pdf'), '营业执照.pdf').catch(
      (e: { format(l: string): string }) => e,
    );
    expect((error as { format(l: string): string }).format('zh-CN')).toContain('营业执照.pdf');
  });

  it('sniffs content, not the extension, and says how to convert', async () => {
    const docx = new Uint8Array(
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(26), Buffer.from('[Content_Types].xmlword/document.xml')]),
    );
    expect(await codeOf(inspectFile(docx, 'a.pdf'))).toBe('file.unsupported.office');
    const heic = new Uint8Array(Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(16)]));
    expect(await codeOf(inspectFile(heic, 'IMG_0001.jpg'))).toBe('file.unsupported.heic');
    const webp = new Uint8Array(
      Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 '), Buffer.alloc(8)]),
    );
    expect(await codeOf(inspectFile(webp, 'a.png'))).toBe('file.unsupported.webp');
    const jpegNamedPdf = await inspectFile(read('img-jpeg-gray.jpg'), 'scan.pdf');
    expect(jpegNamedPdf).toMatchObject({ mediaType: 'image/jpeg', width: 128, height: 128 });
  });

  it('reports the upright size of EXIF-rotated photos', async () => {
    expect(await inspectFile(read('img-exif-portrait-o6.jpg'), 'p.jpg')).toMatchObject({ width: 1200, height: 1800 });
    expect(await inspectFile(read('img-exif-landscape-o6.jpg'), 'l.jpg')).toMatchObject({ width: 1800, height: 1200 });
  });

  it('refuses decompression bombs before decoding', async () => {
    expect(await codeOf(inspectFile(pngBomb(20_000, 20_000), 'bomb.png'))).toBe('image.tooLarge');
  });
});
