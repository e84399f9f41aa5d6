/**
 * Photos decoded at reduced scale pass through a private scratch copy in the temp folder. A killed
 * process can leave one behind — possibly an ID-card photo — so the next run removes stale ones.
 * (Own file: the sweep runs once per process.)
 */
import { mkdir, utimes, access, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { prepareImage } from '../../src/core/images/prepare';

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

describe('scratch copies of photos', () => {
  it('removes stale scratch folders left by a killed run, and keeps fresh ones', async () => {
    const stale = join(tmpdir(), `matprep-img-stale-${process.pid}`);
    const fresh = join(tmpdir(), `matprep-img-fresh-${process.pid}`);
    await mkdir(stale, { recursive: true });
    await mkdir(fresh, { recursive: true });
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(stale, twoHoursAgo, twoHoursAgo);

    // Large enough that it is decoded at 1/2 scale through a scratch file.
    const photo = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#7a8' } })
      .jpeg()
      .toBuffer();
    const box = () => ({ width: 758, height: 523 });
    const image = await prepareImage(new Uint8Array(photo), 'photo.jpg', { dpi: 200, quality: 85, box });
    expect(image.width).toBeGreaterThan(0);

    expect(await exists(stale)).toBe(false);
    expect(await exists(fresh)).toBe(true);
    await rm(fresh, { recursive: true, force: true });
  });
});
