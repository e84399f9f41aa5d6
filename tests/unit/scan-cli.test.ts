/**
 * `matprep scan` and the scan on `matprep add`, run as the user runs them: the scan written with its
 * corners and problems, a file that is no image refused with exit 2 and one line, and a project's
 * photos scanned on add so that `check --json` carries image.blur on the blurred one, none on the
 * sharp one, and 四角完整 ticked from the check (until the user unticks it).
 */
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';
import { openProject, updateFile } from '../../src/core/project/store';
import { SCANS_DIR } from '../../src/core/scan/store';
import { runBinary, runInProcess } from '../support/cli';
import * as docs from '../support/documents';
import { photograph } from '../support/photos';

const SIZE = { width: 1600, height: 1200 };
let work: string;
let sharpPhoto: string;
let blurredPhoto: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'matprep-scan-cli-'));
  const licence = await docs.renderLicence(docs.licenceTruth(8));
  sharpPhoto = join(work, '营业执照.jpg');
  blurredPhoto = join(work, '执照-模糊.jpg');
  await writeFile(sharpPhoto, (await photograph(licence, 'clean', 8, SIZE)).jpeg);
  await writeFile(blurredPhoto, (await photograph(licence, 'blur', 8, SIZE)).jpeg);
}, 60_000);

describe('matprep scan', () => {
  it('writes the flattened page and reports its corners, size and no problem', { timeout: 60_000 }, async () => {
    const output = join(work, 'out.jpg');
    const run = await runInProcess('scan', sharpPhoto, '-o', output, '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ output, problems: [] });
    expect(json.corners).toHaveLength(4);
    const meta = await sharp(output).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', json.width, json.height]);
    expect(json.width / json.height).toBeCloseTo(Math.SQRT2, 1);
  });

  it('names image.blur with its message on a blurred photo', { timeout: 60_000 }, async () => {
    const run = await runInProcess('scan', blurredPhoto, '-o', join(work, 'blur.jpg'), '--json');
    expect(JSON.parse(run.stdout).problems).toEqual([{ code: 'image.blur', message: expect.stringContaining('模糊') }]);
  });

  it('refuses a file that is not an image with exit 2 and one line', { timeout: 60_000 }, async () => {
    const text = join(work, 'notes.jpg');
    await writeFile(text, 'not a photo');
    const run = runBinary('scan', text, '-o', join(work, 'x.jpg'));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('notes.jpg');
  });
});

describe('matprep add scans photos; check --json reports them', () => {
  let dir: string;
  const check = async () => JSON.parse((await runInProcess('check', dir, '--json')).stdout);
  const material = (report: { materials: { id: string }[] }, id: string) =>
    report.materials.find((m) => m.id === id) as unknown as {
      problems: { code: string; severity: string }[];
      autoConfirmed?: string[];
    };

  beforeAll(async () => {
    dir = join(work, 'project');
    expect((await runInProcess('init', dir, '--rule', 'icp-filing-enterprise', '--name', '示例')).code).toBe(0);
    expect((await runInProcess('add', dir, 'business-licence', sharpPhoto)).code).toBe(0);
    expect((await runInProcess('add', dir, 'legal-rep-id-card', blurredPhoto, '--part', 'front')).code).toBe(0);
  }, 120_000);

  it('keeps one result and one flattened page per photo', async () => {
    const files = await readdir(join(dir, SCANS_DIR));
    expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(2);
    expect(files.filter((f) => f.endsWith('.jpg'))).toHaveLength(2);
  });

  it('raises image.blur on the blurred photo only, as a warning', { timeout: 60_000 }, async () => {
    const report = await check();
    expect(material(report, 'legal-rep-id-card').problems).toContainEqual(
      expect.objectContaining({ code: 'image.blur', severity: 'warning' }),
    );
    expect(material(report, 'business-licence').problems.map((p) => p.code)).not.toContain('image.blur');
  });

  it('ticks 四角完整 from the check, and the user can untick it', { timeout: 60_000 }, async () => {
    const what = '四角完整且国徽无遮挡';
    const before = material(await check(), 'business-licence');
    expect(before.autoConfirmed).toEqual([what]);
    expect(before.problems).not.toContainEqual(
      expect.objectContaining({ code: 'material.unconfirmed', params: { title: expect.anything(), what } }),
    );
    expect((await runInProcess('confirm', dir, 'business-licence', what, '--undo')).code).toBe(0);
    const after = material(await check(), 'business-licence');
    expect(after.autoConfirmed).toBeUndefined();
    expect(after.problems).toContainEqual(
      expect.objectContaining({ code: 'material.unconfirmed', params: expect.objectContaining({ what }) }),
    );
  });

  /** Long side over short side of every image the packet holds. */
  async function imageShapes(pdf: string): Promise<number[]> {
    const doc = await PDFDocument.load(await readFile(pdf));
    return doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter(
        (o): o is PDFRawStream =>
          o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'),
      )
      .map((o) => {
        const [w, h] = ['Width', 'Height'].map((k) => (o.dict.get(PDFName.of(k)) as PDFNumber).asNumber());
        return Math.max(w, h) / Math.min(w, h);
      });
  }

  it(
    'binds the flattened pages, and a photo as it is once the user keeps the original',
    { timeout: 180_000 },
    async () => {
      const flat = join(work, 'flat.pdf');
      expect((await runInProcess('bind', dir, '-o', flat, '--allow-incomplete')).code).toBe(0);
      const shapes = await imageShapes(flat);
      expect(shapes).toHaveLength(2);
      // The photos are 4:3; their pages are A4-shaped licences.
      for (const shape of shapes) expect(shape).toBeCloseTo(Math.SQRT2, 1);

      const { doc } = await openProject(dir);
      const file = doc.materials['business-licence'].files[0];
      await updateFile(dir, 'business-licence', file.id, { scan: { off: true } });
      const original = join(work, 'original.pdf');
      expect((await runInProcess('bind', dir, '-o', original, '--allow-incomplete')).code).toBe(0);
      const kept = (await imageShapes(original)).sort();
      expect(kept[0]).toBeCloseTo(4 / 3, 2);
      expect(kept[1]).toBeCloseTo(Math.SQRT2, 1);
    },
  );
});
