/**
 * A project's images prepared ahead and what the bind then reads: the prepare job fills the cache so
 * the bind prepares nothing and reads no photo (each photo named by its origin, a flattening by its
 * page), a turned photo is prepared again alone, and the cover's font subset is made ahead too.
 */
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
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindPacket, type BindInput } from '../../src/core/bind/index';
import { subsetCounter } from '../../src/core/bind/cjk';
import { projectCache } from '../../src/core/cache/project';
import { prepareCounter } from '../../src/core/images/placed';
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
import { builtInRulesDir } from '../../src/core/rules/loader';
import { placedOrigin } from '../../src/core/scan/store';
import { prepareProjectImages } from '../../src/core/workspace/prepare';
import { bindProject } from '../../src/core/workspace/workspace';
import { testReport, testRulePack } from '../fixtures/packet';
import { pageImages, pageTexts } from '../fixtures/pdf-read';
import { PDFDocument } from 'pdf-lib';
import { writePdf, writePhoto } from '../fixtures/inputs';
import { sha256Of as sha } from '../../src/core/project/vault';

const dir = mkdtempSync(path.join(tmpdir(), 'matprep-prepared-'));
const photo = (name: string, width: number, height: number, orientation: number) =>
  writePhoto(dir, name, width, height, orientation);
const pdf = (name: string, pages: number) => writePdf(dir, name, pages);

/** The pixel size of every image placed in a packet, page by page ("1916×1437"). */
async function imagesIn(bytes: Uint8Array): Promise<string[]> {
  const pages = (await PDFDocument.load(bytes)).getPageCount();
  const sizes: string[] = [];
  for (let n = 1; n <= pages; n++) for (const i of await pageImages(bytes, n)) sizes.push(`${i.width}×${i.height}`);
  return sizes;
}

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
      const firstImages = await imagesIn(readFileSync(first.output));

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
      expect(second.pages).toBe(first.pages);
      // What is placed is the flattened page: one image changed, to the page's shape (wider than the 4:3 photo).
      const secondImages = await imagesIn(readFileSync(second.output));
      const changed = secondImages.filter((size, i) => size !== firstImages[i]);
      expect(changed).toHaveLength(1);
      const [width, height] = changed[0].split('×').map(Number);
      expect(Math.max(width, height) / Math.min(width, height)).toBeGreaterThan(1.38);

      // Unchanged since: the packet is reused. The flattened page made again (scans/ cleared): prepared again.
      before = prepareCounter.prepared;
      expect((await bind()).sha256).toBe(second.sha256);
      expect(prepareCounter.prepared - before).toBe(0);
      for (const name of readdirSync(path.join(project, 'scans')).filter((n) => n.endsWith('.jpg')))
        rmSync(path.join(project, 'scans', name));
      await new Promise((r) => setTimeout(r, 20)); // a later mtime for the page made again
      await bind();
      expect(prepareCounter.prepared - before).toBe(1);
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
