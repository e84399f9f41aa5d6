/**
 * The project cache and prepared images: an entry is used only for its own key and only while its
 * bytes hash to what was stored; a changed option prepares again; the folder stays within its bound
 * and may be deleted at any time; a bind with prepared images gives the same packet as one without.
 */
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { BlobCache, cacheKeyHash } from '../../src/core/cache/store';
import { bindPacket, type BindInput } from '../../src/core/bind/index';
import { placedSpec } from '../../src/core/bind/prepared';
import { placedImageKey, prepareCounter, preparePlaced, type PlacedImageSpec } from '../../src/core/images/placed';
import { createTestApp } from '../support/app';
import { BindOptionsSchema } from '../../src/core/model/schemas/bind-options';
import { testProject, testReport, testRulePack, type TestFile } from '../fixtures/packet';
import { pageTexts, readOutline } from '../fixtures/pdf-read';
import {
  addFiles,
  createProject,
  openProject,
  readVaultFile,
  updateFile,
  updateProject,
  vaultPath,
  verifyVault,
} from '../../src/core/project/store';
import { prepareProjectImages } from '../../src/core/workspace/prepare';
import { projectCache } from '../../src/core/cache/project';
import { placedOrigin } from '../../src/core/scan/store';
import { subsetCounter } from '../../src/core/bind/cjk';
import { builtInRulesDir } from '../../src/core/rules/loader';
import { bindProject } from '../../src/core/workspace/workspace';

const dir = mkdtempSync(path.join(tmpdir(), 'matprep-cache-'));
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function photo(name: string, width: number, height: number, orientation: number): Promise<string> {
  const file = path.join(dir, name);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#e8e4da"/><rect x="${width / 10}" y="${height / 10}" width="${width / 3}" height="${height / 8}" fill="#222"/></svg>`;
  writeFileSync(file, await sharp(Buffer.from(svg)).jpeg({ quality: 90 }).withMetadata({ orientation }).toBuffer());
  return file;
}

async function pdf(name: string, pages: number): Promise<string> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++)
    doc.addPage([595, 842]).drawText(`${name} page ${i + 1}`, { x: 50, y: 780, font, size: 14 });
  const file = path.join(dir, name);
  writeFileSync(file, await doc.save());
  return file;
}

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

/** Bind the project as it is on disk with the test pack, into its out/ folder; `extra` sets loaders and cache. */
async function bindOnDisk(project: string, output: string, extra: Partial<BindInput> = {}) {
  const current = (await openProject(project)).doc;
  const pack = testRulePack();
  return bindPacket({
    doc: current,
    rulePack: pack,
    report: testReport(pack, current),
    options: {},
    output: path.join(project, 'out', output),
    loadFile: (ref) => readVaultFile(project, ref),
    ...extra,
  });
}

describe('a project: import, prepare (the job), bind', () => {
  it('the bind after preparation prepares nothing; a turned photo is prepared again, alone', async () => {
    const project = path.join(dir, 'project');
    await createProject(project, { ruleId: 'icp-filing-test', ruleVersion: '2026.1' });
    const photos = [await photo('q1.jpg', 1600, 1200, 1), await photo('q2.jpg', 1600, 1200, 6)];
    await addFiles(project, 'other', [{ path: await pdf('q.pdf', 2) }, ...photos.map((p) => ({ path: p }))]);
    // The import copied the files into the vault under their hashes, in one pass each.
    const { doc } = await openProject(project);
    const refs = doc.materials.other.files;
    expect(refs.map((f) => f.sha256)).toEqual([path.join(dir, 'q.pdf'), ...photos].map((f) => sha(readFileSync(f))));

    let before = prepareCounter.prepared;
    expect(await prepareProjectImages(project, {})).toEqual({ images: 2, failed: 0 });
    expect(prepareCounter.prepared - before).toBe(2);

    const bind = (output: string) => bindOnDisk(project, output, { cache: projectCache(project) });
    before = prepareCounter.prepared;
    const first = await bind('a.pdf');
    expect(prepareCounter.prepared - before).toBe(0);
    expect(first.pages).toBe(2 + 2 + 2);

    await updateFile(project, 'other', refs[2].id, { rotate: 90 });
    before = prepareCounter.prepared;
    await prepareProjectImages(project, {});
    expect(prepareCounter.prepared - before).toBe(1);

    // Files checked once are not hashed again — yet a vault file changed since, even with its mtime
    // put back, is refused: the change moved its ctime, so its stamp no longer matches.
    const current = await openProject(project);
    await verifyVault(current, projectCache(project));
    const vaultFile = vaultPath(project, refs[0].sha256);
    const { mtime } = statSync(vaultFile);
    const changed = readFileSync(vaultFile);
    changed[changed.length - 3] ^= 1;
    writeFileSync(vaultFile, changed);
    utimesSync(vaultFile, mtime, mtime);
    await expect(verifyVault(current, projectCache(project))).rejects.toMatchObject({ code: 'project.vaultTampered' });
    await expect(readVaultFile(project, refs[0], projectCache(project))).rejects.toMatchObject({
      code: 'project.vaultTampered',
    });
  });
});

describe("a bind names each photo's origin without reading it", () => {
  it(
    'reads no prepared photo from the vault, and binds a flattening made after the last bind',
    { timeout: 120_000 },
    async () => {
      const project = path.join(dir, 'origin-project');
      await createProject(project, { ruleId: 'icp-filing-test', ruleVersion: '2026.1' });
      await addFiles(project, 'other', [
        { path: await pdf('o.pdf', 1) },
        { path: await photo('o1.jpg', 1600, 1200, 1) },
        { path: await photo('o2.jpg', 1200, 1600, 1) },
      ]);
      await prepareProjectImages(project, {});
      const cache = projectCache(project)!;
      const read: string[] = [];
      const bind = () =>
        bindOnDisk(project, 'p.pdf', {
          loadFile: async (ref) => {
            read.push(ref.name);
            return readVaultFile(project, ref, cache);
          },
          imageOrigin: (ref) => placedOrigin(project, ref, cache),
          cache,
        });
      let before = prepareCounter.prepared;
      const first = await bind();
      expect(prepareCounter.prepared - before).toBe(0);
      expect(read).toEqual(['o.pdf']);

      // The scan job finds the page in o1.jpg after that bind; the record itself does not change.
      const { doc } = await openProject(project);
      const o1 = doc.materials.other.files[1];
      mkdirSync(path.join(project, 'scans'), { recursive: true });
      const corners = [
        [100, 100],
        [1500, 120],
        [1480, 1100],
        [120, 1080],
      ];
      writeFileSync(
        path.join(project, 'scans', `${o1.sha256}.json`),
        JSON.stringify({
          width: 1600,
          height: 1200,
          corners,
          fill: 0.8,
          cut: false,
          sharpness: 500,
          glare: 0,
          grid: 0,
        }),
      );
      before = prepareCounter.prepared;
      const second = await bind();
      expect(prepareCounter.prepared - before).toBe(1);
      expect(sha(readFileSync(path.join(project, 'out', 'p.pdf')))).not.toBe(first.sha256);
      expect(second.pages).toBe(first.pages);
    },
  );
});

describe('the prepare job subsets the font of the cover and 目录 ahead of the bind', () => {
  it('the next bind finds it; a bind whose cover says something else makes its own', { timeout: 120_000 }, async () => {
    const project = path.join(dir, 'font-project');
    const ctx = { rulesDirs: { builtIn: builtInRulesDir() }, today: '2026-12-07', locale: 'zh-CN' as const };
    await createProject(project, { ruleId: 'icp-filing-enterprise', ruleVersion: '1', name: '字体' });
    await updateProject(project, (doc) => {
      doc.fields.company_name = '预备字体有限公司';
    });
    await addFiles(project, 'business-licence', [{ path: await photo('font.jpg', 1600, 1200, 1) }]);
    await prepareProjectImages(project, ctx);
    let before = subsetCounter.made;
    const first = await bindProject(project, ctx, { allowIncomplete: true });
    expect(first.kind).toBe('written');
    expect(subsetCounter.made - before).toBe(0);

    // A name with characters the prepared subset lacks: the bind subsets for itself, and prints them.
    await updateProject(project, (doc) => {
      doc.fields.company_name = '鑫龘科技有限公司';
    });
    before = subsetCounter.made;
    const second = await bindProject(project, ctx, {
      allowIncomplete: true,
      output: path.join(project, 'out', 'b.pdf'),
    });
    expect(subsetCounter.made - before).toBe(1);
    expect(second.kind === 'written' && pageTexts(second.result.output)[0]).toContain('鑫龘科技有限公司');
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
