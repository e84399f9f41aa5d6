/**
 * The project cache and prepared images: an entry is used only for its own key and only while its
 * bytes hash to what was stored; a changed option prepares again; the folder stays within its bound
 * and may be deleted at any time; a bind with prepared images gives the same packet as one without.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { BlobCache, cacheKeyHash } from '../../src/core/cache/store';
import { bindPacket, type BindInput } from '../../src/core/bind/index';
import { placedSpec } from '../../src/core/bind/prepared';
import { placedImageKey, prepareCounter, preparePlaced, type PlacedImageSpec } from '../../src/core/images/placed';
import { createTestApp } from '../support/app';
import { BindOptionsSchema } from '../../src/core/model/schemas/bind-options';
import { testProject, testReport, testRulePack, type TestFile } from '../fixtures/packet';
import { readOutline } from '../fixtures/pdf-read';
import { writePdf, writePhoto } from '../fixtures/inputs';
import { sha256Of as sha } from '../../src/core/project/vault';
import { openProject } from '../../src/core/project/store';
import { projectCache } from '../../src/core/cache/project';

const dir = mkdtempSync(path.join(tmpdir(), 'matprep-cache-'));
const photo = (name: string, width: number, height: number, orientation: number) =>
  writePhoto(dir, name, width, height, orientation);
const pdf = (name: string, pages: number) => writePdf(dir, name, pages);

const spec = (over: Partial<PlacedImageSpec> = {}): PlacedImageSpec => ({
  ...placedSpec({ rotate: 0 } as never, BindOptionsSchema.parse({})),
  ...over,
});

describe('BlobCache', () => {
  it('gives back what was stored for the same key, nothing for another', async () => {
    const cache = new BlobCache(path.join(dir, 'c1'));
    await cache.put({ kind: 't', a: 1 }, new Uint8Array([1, 2, 3]), { w: 7 });
    const hit = await cache.get({ kind: 't', a: 1 });
    expect([...hit!.payload]).toEqual([1, 2, 3]);
    expect(hit!.meta).toEqual({ w: 7 });
    expect(await cache.get({ kind: 't', a: 2 })).toBeUndefined();
  });

  it('rejects and removes a damaged entry, and one renamed to another key', async () => {
    const cache = new BlobCache(path.join(dir, 'c2'));
    await cache.put({ kind: 't', a: 1 }, new Uint8Array(1000).fill(5));
    const file = path.join(cache.dir, cacheKeyHash({ kind: 't', a: 1 }));
    const bytes = readFileSync(file);
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(file, bytes);
    expect(await cache.get({ kind: 't', a: 1 })).toBeUndefined();
    expect(cache.stats.rejected).toBe(1);
    expect(readdirSync(cache.dir)).toEqual([]);

    await cache.put({ kind: 't', a: 1 }, new Uint8Array([9]));
    await rename(file, path.join(cache.dir, cacheKeyHash({ kind: 't', a: 2 })));
    expect(await cache.get({ kind: 't', a: 2 })).toBeUndefined();
    expect(cache.stats.rejected).toBe(2);
  });

  it('stays within its bound, dropping the least recently used first', async () => {
    const cache = new BlobCache(path.join(dir, 'c3'), 50_000);
    for (let i = 0; i < 12; i++) {
      await cache.put({ kind: 't', i }, new Uint8Array(10_000).fill(i));
      // mtime resolution: keep the use order unambiguous.
      await new Promise((r) => setTimeout(r, 15));
      if (i === 0) continue;
      await cache.get({ kind: 't', i: 0 }); // entry 0 stays in use
    }
    await cache.sweep();
    const total = readdirSync(cache.dir).reduce((sum, name) => sum + statSync(path.join(cache.dir, name)).size, 0);
    expect(total).toBeLessThanOrEqual(50_000);
    expect(await cache.get({ kind: 't', i: 0 })).toBeDefined();
    expect(await cache.get({ kind: 't', i: 11 })).toBeDefined();
    expect(await cache.get({ kind: 't', i: 1 })).toBeUndefined();
  });

  it('is disposable: a deleted folder is a miss, and the next put makes it again', async () => {
    const cache = new BlobCache(path.join(dir, 'c4'));
    await cache.put({ kind: 't' }, new Uint8Array([1]));
    rmSync(cache.dir, { recursive: true });
    expect(await cache.get({ kind: 't' })).toBeUndefined();
    await cache.put({ kind: 't' }, new Uint8Array([2]));
    expect([...(await cache.get({ kind: 't' }))!.payload]).toEqual([2]);
  });
});

describe('prepared images', () => {
  let file: string;
  let bytes: Uint8Array;
  beforeAll(async () => {
    file = await photo('p.jpg', 2400, 1800, 6);
    bytes = new Uint8Array(readFileSync(file));
  });
  const source = () => ({ sha256: sha(bytes), name: 'p.jpg', bytes: async () => bytes });

  it('prepares once per key; any option in the key, a variant included, prepares again', async () => {
    const cache = new BlobCache(path.join(dir, 'p1'));
    const before = prepareCounter.prepared;
    const first = await preparePlaced(source(), spec(), cache);
    const again = await preparePlaced(source(), spec(), cache);
    expect(prepareCounter.prepared - before).toBe(1);
    expect(sha(again.jpeg)).toBe(sha(first.jpeg));
    expect([again.width, again.height]).toEqual([first.width, first.height]);
    // EXIF 6 on a 2400×1800 picture: portrait once upright.
    expect(first.height).toBeGreaterThan(first.width);
    const turned = await preparePlaced(source(), spec({ rotate: 90 }), cache);
    expect(turned.width).toBeGreaterThan(turned.height);
    await preparePlaced(source(), spec({ dpi: 150 }), cache);
    await preparePlaced(source(), spec({ variant: { flatten: true, corners: [1, 2, 3, 4, 5, 6, 7, 8] } }), cache);
    expect(prepareCounter.prepared - before).toBe(4);
    await preparePlaced(source(), spec({ dpi: 150 }), cache);
    expect(prepareCounter.prepared - before).toBe(4);
  });

  it('never places a damaged entry: it is prepared again from the source', async () => {
    const cache = new BlobCache(path.join(dir, 'p2'));
    const good = await preparePlaced(source(), spec(), cache);
    const [name] = readdirSync(cache.dir);
    const entry = readFileSync(path.join(cache.dir, name));
    entry.fill(0, entry.length - 2000, entry.length - 1000);
    writeFileSync(path.join(cache.dir, name), entry);
    const before = prepareCounter.prepared;
    const again = await preparePlaced(source(), spec(), cache);
    expect(prepareCounter.prepared - before).toBe(1);
    expect(sha(again.jpeg)).toBe(sha(good.jpeg));
    expect((await sharp(again.jpeg).metadata()).format).toBe('jpeg');
  });
});

describe('binding with the cache', () => {
  const pack = testRulePack();
  let files: Record<string, TestFile[]>;
  beforeAll(async () => {
    files = {
      'business-licence': [{ file: await pdf('a.pdf', 3) }, { file: await photo('b.jpg', 2000, 1500, 1) }],
      'legal-rep-id': [
        { file: await photo('front.jpg', 1600, 1200, 6), part: 'front' },
        { file: await photo('back.jpg', 1600, 1200, 8), part: 'back' },
      ],
      other: [{ file: await pdf('c.pdf', 2) }, { file: await photo('d.jpg', 1200, 1800, 3) }],
    };
  });
  const input = (output: string, cache?: BlobCache, changed = files): BindInput => {
    const project = testProject(changed);
    return {
      doc: project.doc,
      rulePack: pack,
      report: testReport(pack, project.doc),
      options: { deterministic: true },
      output: path.join(dir, output),
      loadFile: project.loadFile,
      cache,
    };
  };

  it('gives the packet a bind without cache gives, byte for byte; re-binds reuse what is unchanged', async () => {
    const cold = await bindPacket(input('cold.pdf'));
    const cache = new BlobCache(path.join(dir, 'bind-cache'));
    const photos = 4;

    let before = prepareCounter.prepared;
    const first = await bindPacket(input('first.pdf', cache));
    expect(prepareCounter.prepared - before).toBe(photos);
    expect(first.sha256).toBe(cold.sha256);
    expect(sha(readFileSync(first.output))).toBe(sha(readFileSync(cold.output)));
    const outline = await readOutline(new Uint8Array(readFileSync(first.output)));
    expect(outline.length).toBeGreaterThan(2);

    // Unchanged: nothing prepared, the packet written before is the answer (copied to the new path).
    before = prepareCounter.prepared;
    const again = await bindPacket(input('again.pdf', cache));
    expect(prepareCounter.prepared - before).toBe(0);
    expect(sha(readFileSync(again.output))).toBe(cold.sha256);
    expect(again.pages).toBe(cold.pages);

    // One photo turned: only that one is prepared again; the packet is bound anew.
    const turned = {
      ...files,
      'legal-rep-id': [{ ...files['legal-rep-id'][0], rotate: 90 as const }, files['legal-rep-id'][1]],
    };
    before = prepareCounter.prepared;
    const changed = await bindPacket(input('changed.pdf', cache, turned));
    expect(prepareCounter.prepared - before).toBe(1);
    expect(changed.sha256).not.toBe(cold.sha256);
    expect(sha(readFileSync(changed.output))).toBe(changed.sha256);

    // A packet changed on disk is not reused: the bind runs again and gives the right bytes.
    writeFileSync(first.output, 'not the packet');
    const rebuilt = await bindPacket(input('first.pdf', cache));
    expect(sha(readFileSync(rebuilt.output))).toBe(cold.sha256);
  });
});

describe('the app prepares images after an import, in the job worker', () => {
  it('project:addFiles returns at once; the prepare job then fills the cache', { timeout: 120_000 }, async () => {
    const app = await createTestApp({ prepareInBackground: true });
    const project = path.join(dir, 'app-project');
    await app.call('project:create', { dir: project, ruleId: 'icp-filing-enterprise' });
    const data = new Uint8Array(readFileSync(await photo('app.jpg', 1600, 1200, 6)));
    await app.call('project:addFiles', {
      dir: project,
      materialId: 'business-licence',
      files: [{ name: '营业执照.jpg', data }],
    });
    const { doc } = await openProject(project);
    const ref = doc.materials['business-licence'].files[0];
    const key = placedImageKey(ref.sha256, placedSpec(ref, BindOptionsSchema.parse(doc.bindOptions)));
    const cache = projectCache(project)!;
    let entry;
    for (let i = 0; i < 400 && !entry; i++) {
      await new Promise((r) => setTimeout(r, 250));
      entry = await cache.get(key);
    }
    expect(entry?.meta).toMatchObject({ gray: false });
    expect((await sharp(entry!.payload).metadata()).height).toBeGreaterThan(
      (await sharp(entry!.payload).metadata()).width!,
    );
  });
});
