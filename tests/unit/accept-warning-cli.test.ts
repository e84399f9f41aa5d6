/**
 * Accepting a warning from outside, as users do it: `matprep accept` on a real photo with a reflection
 * (scanned on `matprep add`), read back through `check --json` and the text report, refused for an
 * error with exit 2 and one line; and project:acceptWarning through the real dispatch, which refuses a
 * request that does not match the contract before any handler runs.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/cli';
import { createTestApp } from '../support/app';
import * as docs from '../support/documents';
import { photograph } from '../support/photos';

const LICENCE = 'business-licence';
let work: string;
let photo: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'matprep-accept-cli-'));
  photo = join(work, '执照-反光.jpg');
  const licence = await docs.renderLicence(docs.licenceTruth(3));
  await writeFile(photo, (await photograph(licence, 'glare', 3, { width: 1600, height: 1200 })).jpeg);
}, 60_000);

type Material = {
  id: string;
  status: string;
  problems: { code: string }[];
  accepted?: { code: string; message: string }[];
};

describe('matprep accept', () => {
  let dir: string;
  const licence = async () =>
    (JSON.parse((await runInProcess('check', dir, '--json')).stdout).materials as Material[]).find(
      (m) => m.id === LICENCE,
    )!;

  beforeAll(async () => {
    dir = join(work, 'project');
    expect((await runInProcess('init', dir, '--rule', 'icp-filing-enterprise', '--name', '示例')).code).toBe(0);
    expect((await runInProcess('add', dir, LICENCE, photo)).code).toBe(0);
  }, 120_000);

  it(
    'moves the photo warning to accepted, listed as such, and --undo brings it back',
    { timeout: 60_000 },
    async () => {
      expect((await licence()).problems.map((p) => p.code)).toContain('image.glare');

      const run = await runInProcess('accept', dir, LICENCE, 'image.glare');
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toContain('image.glare');
      const saved = JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8'));
      expect(saved.materials[LICENCE].accepted).toEqual([
        { code: 'image.glare', about: saved.materials[LICENCE].files[0].sha256 },
      ]);

      const accepted = await licence();
      expect(accepted.problems.map((p) => p.code)).not.toContain('image.glare');
      expect(accepted.accepted).toEqual([
        expect.objectContaining({ code: 'image.glare', message: expect.stringContaining('反光') }),
      ]);
      const text = (await runInProcess('check', dir)).stdout;
      expect(text).toMatch(/已确认（仍使用）：照片“执照-反光\.jpg”上有反光/);
      expect((await runInProcess('--lang', 'en', 'check', dir)).stdout).toContain('Accepted (used anyway): The photo');

      expect((await runInProcess('accept', dir, LICENCE, 'image.glare', '--undo')).code).toBe(0);
      const undone = await licence();
      expect(undone.problems.map((p) => p.code)).toContain('image.glare');
      expect(undone.accepted).toBeUndefined();
    },
  );

  it('refuses a step still to do with exit 2 and one line, writing nothing', { timeout: 60_000 }, async () => {
    const before = await readFile(join(dir, 'matprep.json'), 'utf8');
    const run = await runInProcess('accept', dir, LICENCE, 'material.unconfirmed');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('material.unconfirmed');
    expect(await readFile(join(dir, 'matprep.json'), 'utf8')).toBe(before);
    expect((await runInProcess('accept', dir, LICENCE)).code).toBe(2);
  });
});

describe('project:acceptWarning', () => {
  it(
    'accepts and undoes through the real dispatch, and refuses a request off the contract',
    { timeout: 120_000 },
    async () => {
      const app = await createTestApp({ today: '2026-12-07' });
      const dir = join(work, 'ipc');
      await app.call('project:create', { dir, ruleId: 'icp-filing-enterprise', name: 'IPC' });
      const data = new Uint8Array(await readFile(photo));
      const added = await app.call('project:addFiles', {
        dir,
        materialId: LICENCE,
        files: [{ name: '执照-反光.jpg', data }],
      });
      const before = added.report.materials.find((m) => m.id === LICENCE)!;
      expect(before.problems.map((p) => p.code)).toContain('image.glare');

      const view = await app.call('project:acceptWarning', {
        dir,
        materialId: LICENCE,
        code: 'image.glare',
        file: '执照-反光.jpg',
      });
      expect(view.report.materials.find((m) => m.id === LICENCE)!.accepted?.map((p) => p.code)).toEqual([
        'image.glare',
      ]);
      expect(view.doc.materials[LICENCE].accepted).toHaveLength(1);

      for (const bad of [
        { dir, materialId: LICENCE },
        { dir, materialId: LICENCE, code: 'image.glare', extra: 1 },
        { dir, materialId: LICENCE, code: 'image.glare', undo: 'yes' },
      ]) {
        const result = await app.raw('project:acceptWarning', bad as never);
        expect(result.ok).toBe(false);
      }
      const error = await app.raw('project:acceptWarning', { dir, materialId: LICENCE, code: 'material.unconfirmed' });
      expect(error).toMatchObject({ ok: false, error: { code: 'accept.notAWarning' } });

      const undone = await app.call('project:acceptWarning', {
        dir,
        materialId: LICENCE,
        code: 'image.glare',
        undo: true,
      });
      expect(undone.doc.materials[LICENCE].accepted).toBeUndefined();
      expect(JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8')).materials[LICENCE]).not.toHaveProperty(
        'accepted',
      );
    },
  );
});
