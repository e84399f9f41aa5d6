/**
 * RUNS OCR (one licence photo, ~5 s of CPU): a project whose entered company name differs from its
 * licence. The `read` job reads the licence in a worker thread and keeps the reading by the file's
 * hash (a second job reads nothing); then `check --json`, the checklist's material and the 补正清单
 * carry the `consistency.mismatch` warning naming the field, what the licence says and what was typed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/core/jobs/run';
import { READINGS_DIR } from '../../src/core/recognition/store';
import { builtInRulesDir } from '../../src/core/rules/loader';
import { loadProject, writeCorrectionList, type WorkspaceContext } from '../../src/core/workspace/workspace';
import { runInProcess } from '../support/cli';
import * as docs from '../support/documents';

const TODAY = '2026-12-07';
const licence = docs.licenceTruth(21);
let dir: string;
const ctx: WorkspaceContext = { rulesDirs: { builtIn: builtInRulesDir() }, today: TODAY, locale: 'zh-CN' };

beforeAll(async () => {
  const work = await mkdtemp(join(tmpdir(), 'matprep-read-project-'));
  dir = join(work, 'project');
  const photo = join(work, '营业执照.jpg');
  await writeFile(photo, await docs.degrade(await docs.renderLicence(licence), 'photo', 21));
  expect((await runInProcess('init', dir, '--rule', 'icp-filing-enterprise', '--name', '示例')).code).toBe(0);
  expect((await runInProcess('set', dir, 'org_name', '上海另一家科技有限公司')).code).toBe(0);
  expect((await runInProcess('set', dir, 'uscc', licence.uscc)).code).toBe(0);
  expect((await runInProcess('add', dir, 'business-licence', photo)).code).toBe(0);
});

describe('a licence that says another name (runs OCR)', () => {
  it('is read once, in the job worker, and kept by its hash', { timeout: 120_000 }, async () => {
    expect(await runJob({ kind: 'read', dir, context: ctx, options: { limit: 1 } })).toEqual({ read: 1, remaining: 0 });
    expect(await readdir(join(dir, READINGS_DIR))).toEqual([
      expect.stringMatching(/^[0-9a-f]{64}\.business-licence\.json$/),
    ]);
    expect(await runJob({ kind: 'read', dir, context: ctx, options: {} })).toEqual({ read: 0, remaining: 0 });
  });

  it('raises consistency.mismatch in check --json, and nothing for the USCC that agrees', async () => {
    const run = await runInProcess('check', dir, '--json', '--today', TODAY);
    const report = JSON.parse(run.stdout);
    const material = report.materials.find((m: { id: string }) => m.id === 'business-licence');
    const mismatches = material.problems.filter((p: { code: string }) => p.code.startsWith('consistency'));
    expect(mismatches).toEqual([
      expect.objectContaining({
        code: 'consistency.mismatch',
        severity: 'warning',
        params: { field: '主办单位名称', read: licence.name, entered: '上海另一家科技有限公司' },
      }),
    ]);
  });

  it('puts it in the 补正清单', async () => {
    const { output } = await writeCorrectionList(await loadProject(dir, ctx));
    const text = execFileSync('pdftotext', [output, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(licence.name);
    expect(text).toContain('上海另一家科技有限公司');
  });
});
