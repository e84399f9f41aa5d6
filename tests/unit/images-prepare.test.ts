import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { dctShrinkFor, prepareImage } from '../../src/core/images/prepare';
import { corpus, describeCorpus } from '../support/corpus';

const A4_BOX = { width: 523, height: 758 };
const box = (w: number, h: number) => (w > h ? { width: A4_BOX.height, height: A4_BOX.width } : A4_BOX);
const read = (name: string) => new Uint8Array(readFileSync(corpus(name)));
const prepare = (name: string, extra: { dpi?: number; rotate?: 0 | 90 | 180 | 270 } = {}) =>
  prepareImage(read(name), name, { dpi: extra.dpi ?? 200, quality: 85, rotate: extra.rotate, box });

/** Mean RGB of a region of a JPEG, as fractions of the image size. */
async function meanColour(jpeg: Uint8Array, left: number, top: number, w = 0.1, h = 0.1): Promise<number[]> {
  const image = sharp(jpeg);
  const { width, height } = await image.metadata();
  const region = {
    left: Math.floor(left * width!),
    top: Math.floor(top * height!),
    width: Math.max(1, Math.floor(w * width!)),
    height: Math.max(1, Math.floor(h * height!)),
  };
  // stats() looks at its input, not the pipeline, so extract into a buffer first.
  const cut = await sharp(jpeg).extract(region).png().toBuffer();
  const { channels } = await sharp(cut).stats();
  return channels.slice(0, 3).map((c) => c.mean);
}

describeCorpus('prepareImage', () => {
  it('applies every EXIF orientation: all variants come out like the upright original', async () => {
    const reference = await prepare('img-exif-landscape-o1.jpg');
    const refTopLeft = await meanColour(reference.jpeg, 0.02, 0.02);
    const refBottomRight = await meanColour(reference.jpeg, 0.85, 0.85);
    for (const o of [2, 3, 4, 6, 8]) {
      const image = await prepare(`img-exif-landscape-o${o}.jpg`);
      expect([image.width, image.height], `o${o}`).toEqual([reference.width, reference.height]);
      const topLeft = await meanColour(image.jpeg, 0.02, 0.02);
      const bottomRight = await meanColour(image.jpeg, 0.85, 0.85);
      // Same picture, not mirrored or turned: the corners match the upright original.
      topLeft.forEach((v, i) => expect(Math.abs(v - refTopLeft[i]), `o${o} top-left`).toBeLessThan(25));
      bottomRight.forEach((v, i) => expect(Math.abs(v - refBottomRight[i]), `o${o} bottom-right`).toBeLessThan(25));
    }
  });

  it('keeps a portrait phone photo portrait', async () => {
    const image = await prepare('img-exif-portrait-o6.jpg');
    expect(image.height).toBeGreaterThan(image.width);
  });

  it("applies the user's extra rotation on top", async () => {
    const image = await prepare('img-exif-landscape-o1.jpg', { rotate: 90 });
    expect(image.height).toBeGreaterThan(image.width);
  });

  it('downscales to the target DPI for its box', async () => {
    const big = await prepare('img-png-large-rgba.png', { dpi: 100 });
    expect(big.height).toBeLessThanOrEqual(Math.round((A4_BOX.height / 72) * 100));
    const small = await prepare('img-png-palette.png');
    expect([small.width, small.height]).toEqual([32, 32]); // never enlarged
  });

  it('flattens transparency on white, never black', async () => {
    // Fully transparent black: dropping alpha would give black.
    const clear = await sharp({
      create: { width: 40, height: 40, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const image = await prepareImage(new Uint8Array(clear), 'clear.png', { dpi: 200, quality: 85, box });
    for (const v of await meanColour(image.jpeg, 0, 0, 1, 1)) expect(v).toBeGreaterThan(250);
    const corpusAlpha = await prepare('img-png-rgba-alpha.png');
    for (const v of await meanColour(corpusAlpha.jpeg, 0, 0, 0.05, 0.05)) expect(v).toBeGreaterThan(200);
    const sixteen = await prepare('img-png-16bit-rgba.png');
    expect((await sharp(sixteen.jpeg).metadata()).depth).toBe('uchar');
  });

  it('converts CMYK to RGB without inverting it', async () => {
    const image = await prepare('img-jpeg-cmyk-small.jpg');
    const meta = await sharp(image.jpeg).metadata();
    expect(meta.space).toBe('srgb');
    // The picture is mostly black with red lettering: an inverted one would be mostly white.
    const { channels } = await sharp(image.jpeg).stats();
    expect(channels[0].mean).toBeGreaterThan(channels[2].mean);
    expect(channels[1].mean).toBeLessThan(128);
  });

  it('keeps grey images grey (one channel)', async () => {
    const image = await prepare('img-jpeg-gray.jpg');
    expect(image.gray).toBe(true);
    expect((await sharp(image.jpeg).metadata()).channels).toBe(1);
  });

  it('rejects truncated images with a message naming the file', async () => {
    await expect(prepare('img-jpeg-truncated.jpg')).rejects.toMatchObject({
      code: 'image.damaged',
      params: { file: 'img-jpeg-truncated.jpg' },
    });
    await expect(prepare('img-png-truncated.png')).rejects.toMatchObject({ code: 'image.damaged' });
  });

  describe('phone photos decoded at a reduced JPEG scale', () => {
    /** 4000×3000 like a phone camera, four coloured quadrants, stored sideways (EXIF 6). */
    let made: Promise<Buffer> | undefined;
    const phonePhoto = () => (made ??= makePhonePhoto());
    async function makePhonePhoto(): Promise<Buffer> {
      const [w, h] = [4000, 3000];
      const raw = Buffer.alloc(w * h * 3);
      const colours = [
        [200, 30, 30],
        [30, 200, 30],
        [30, 30, 200],
        [220, 220, 40],
      ];
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const c = colours[(y < h / 2 ? 0 : 2) + (x < w / 2 ? 0 : 1)];
          raw.set(c, (y * w + x) * 3);
        }
      }
      return sharp(raw, { raw: { width: w, height: h, channels: 3 } })
        .jpeg({ quality: 90 })
        .withMetadata({ orientation: 6 })
        .toBuffer();
    }

    it('picks the largest DCT scale that still leaves every output pixel', () => {
      // A4 at 200 dpi is 1453×2106: a 3000×4000 photo needs 2.06×, a 12 000×16 000 one 8.3×.
      expect(dctShrinkFor(3000, 4000, 1453, 2106)).toBe(2);
      expect(dctShrinkFor(12000, 16000, 1453, 2106)).toBe(8);
      expect(dctShrinkFor(6000, 8000, 1453, 2106)).toBe(4);
      expect(dctShrinkFor(2800, 3700, 1453, 2106)).toBe(1); // 1.93×: a 1/2 decode would be too small
      expect(dctShrinkFor(1000, 1000, 1453, 2106)).toBe(1); // never enlarged, never shrunk
      // Just under 2×: 2905 px fit into 1453, but a 1/2 decode may be rounded down to 1452.
      expect(dctShrinkFor(2905, 3000, 1453, 2106)).toBe(1);
      expect(dctShrinkFor(2906, 3000, 1453, 2106)).toBe(2);
    });

    it('gives the same size and picture as a full-size decode, upright', async () => {
      const photo = await phonePhoto();
      const image = await prepareImage(new Uint8Array(photo), 'phone.jpg', { dpi: 200, quality: 85, box });
      // Upright it is 3000×4000; the A4 box at 200 dpi is 1453×2106, so width limits: 3000 × 1453/3000.
      const full = await sharp(photo)
        .autoOrient()
        .resize(1453, 2106, { fit: 'inside' })
        .jpeg()
        .toBuffer({ resolveWithObject: true });
      expect([image.width, image.height]).toEqual([full.info.width, full.info.height]);
      expect(image.width).toBe(1453);
      // EXIF 6 turns the stored image clockwise: its bottom-left (blue) quadrant ends up top-left.
      for (const [x, y] of [
        [0.1, 0.1],
        [0.8, 0.1],
        [0.1, 0.8],
        [0.8, 0.8],
      ]) {
        const mine = await meanColour(image.jpeg, x, y);
        const reference = await meanColour(new Uint8Array(full.data), x, y);
        mine.forEach((v, i) => expect(Math.abs(v - reference[i])).toBeLessThan(6));
      }
      expect((await meanColour(image.jpeg, 0.1, 0.1))[2]).toBeGreaterThan(150);
    });

    it('decodes at full size when the temp folder is unusable', async () => {
      const photo = new Uint8Array(await phonePhoto());
      const saved = process.env.TMPDIR;
      try {
        for (const dir of ['/nonexistent/matprep-test', '/tmp/odd[name]']) {
          process.env.TMPDIR = dir;
          const image = await prepareImage(photo, 'phone.jpg', { dpi: 200, quality: 85, box });
          expect([image.width, image.height], dir).toEqual([1453, 1937]);
        }
      } finally {
        if (saved === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = saved;
      }
    });

    it('still rejects a truncated photo', async () => {
      const photo = await phonePhoto();
      const cut = new Uint8Array(photo.subarray(0, Math.floor(photo.length * 0.6)));
      await expect(prepareImage(cut, 'cut.jpg', { dpi: 200, quality: 85, box })).rejects.toMatchObject({
        code: 'image.damaged',
        params: { file: 'cut.jpg' },
      });
    });
  });
});
