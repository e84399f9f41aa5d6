/** The bind screen's output channels (the export job, 补正清单, packets, print) and fields:validate through the real handler table and dispatch. */
import { wording } from '../support/wording';
import { existsSync, readdirSync } from 'node:fs';
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import type { BindJob } from '../../src/shared/ipc';
import { createTestApp, type TestApp } from '../support/app';
import { pdf as onePagePdf } from '../fixtures/bad-inputs';

let app: TestApp;
let dir: string;
const call: TestApp['call'] = (channel, request) => app.call(channel, request);
const raw: TestApp['raw'] = (channel, request) => app.raw(channel, request);

beforeAll(async () => {
  app = await createTestApp();
  dir = join(await mkdtemp(join(tmpdir(), 'matprep-out-')), 'project');
  await call('project:create', { dir, ruleId: 'icp-filing-enterprise', name: '输出测试' });
  await call('project:addFiles', {
    dir,
    materialId: 'domain-certificate',
    files: [{ name: 'simple.pdf', data: await onePagePdf() }],
  });
});

async function bindAndWait(): Promise<NonNullable<BindJob['result']>> {
  const job = await app.finishBind(await call('bind:start', { dir, allowIncomplete: true }));
  if (job.state !== 'done' || !job.result) throw new Error(`bind ${job.state}: ${job.error}`);
  return job.result;
}

describe('binding defaults from Settings', () => {
  it("apply to a project that has not set them, and the project's own choice wins", async () => {
    await call('settings:set', { pageNumberFormat: 'Page {page} of {total}' });
    const byDefault = await bindAndWait();
    const text = execFileSync('pdftotext', [byDefault.output, '-'], { encoding: 'utf8' });
    expect(text).toContain(`Page 1 of ${byDefault.pages}`);

    await call('project:setBindOptions', { dir, options: { pageNumberFormat: '- {page} -' } });
    const own = await bindAndWait();
    const ownText = execFileSync('pdftotext', [own.output, '-'], { encoding: 'utf8' });
    expect(ownText.replace(/\s+/g, '')).toContain('-1-');
    expect(ownText).not.toContain('Page 1 of');
    await call('settings:set', { pageNumberFormat: '第 {page} 页 共 {total} 页' });
    await call('project:setBindOptions', { dir, options: { pageNumberFormat: '第 {page} 页 共 {total} 页' } });
  });
});

describe('output channels', () => {
  it('output:correctionList writes the 补正清单 into out/, naming what is missing', async () => {
    const { output, pages } = await call('output:correctionList', { dir });
    expect(output.startsWith(join(dir, 'out'))).toBe(true);
    const pdf = await PDFDocument.load(await readFile(output));
    expect(pdf.getPageCount()).toBe(pages);
    const text = execFileSync('pdftotext', [output, '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, '')).toContain('补正清单');
    expect(text).toContain('营业执照');
  });

  it('export:start runs the export as a job: the zip in out/, one JPEG per page of an exportAs-images material', async () => {
    const job = await app.finishExport(await call('export:start', { dir }));
    if (job.state !== 'done' || !job.result) throw new Error(`export ${job.state}: ${job.error}`);
    const { output, files } = job.result;
    expect(output.startsWith(join(dir, 'out'))).toBe(true);
    expect(output.endsWith('.zip')).toBe(true);
    const entries = unzipSync(new Uint8Array(await readFile(output)));
    // The ICP pack exports 域名证书 as images (the portals take only JPG): the PDF added has one page.
    expect(Object.keys(entries)).toEqual(['05-域名证书.jpg']);
    expect(files).toEqual([{ name: '05-域名证书.jpg', bytes: entries['05-域名证书.jpg'].length }]);
    expect((await sharp(entries['05-域名证书.jpg']).metadata()).format).toBe('jpeg');
    expect(readdirSync(join(dir, 'out')).filter((name) => name.includes('.tmp'))).toEqual([]);
  });

  it('export:start on a project without files fails the job saying there is nothing to export, and writes nothing', async () => {
    const empty = join(await mkdtemp(join(tmpdir(), 'matprep-out-')), 'empty');
    await call('project:create', { dir: empty, ruleId: 'icp-filing-enterprise', name: '空项目' });
    const job = await app.finishExport(await call('export:start', { dir: empty }));
    expect(job.state).toBe('failed');
    expect(job.error).toContain('没有可导出的文件');
    const out = join(empty, 'out');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    expect(await call('output:packets', { dir: empty })).toEqual([]);
  });

  it('export:status and export:cancel know export jobs only', async () => {
    const bind = await call('bind:start', { dir, allowIncomplete: true });
    for (const channel of ['export:status', 'export:cancel'] as const) {
      const refused = await raw(channel, { jobId: bind.jobId });
      expect(!refused.ok && refused.error).toEqual({
        code: 'export.jobUnknown',
        message: `找不到导出任务 ${bind.jobId}，它可能已结束。请重新导出。`,
      });
    }
    expect((await app.finishBind(bind)).state).toBe('done');
  });

  it('output:packets says which bound packets are still on disk to open again', async () => {
    const first = await bindAndWait();
    const second = await bindAndWait();
    // The same day's packet has the same name: the earlier record's file was written over.
    expect(second.output).toBe(first.output);
    const packets = await call('output:packets', { dir });
    const doc = JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8')) as { history: unknown[] };
    expect(packets.map(({ state: _state, ...record }) => record)).toEqual(doc.history);
    expect(packets.at(-1)).toMatchObject({ output: second.output, pages: second.pages, state: 'present' });
    expect(packets.at(-2)?.state).toBe('replaced');

    // A different file at that path is no longer the packet; a deleted one is missing.
    await writeFile(second.output, new Uint8Array(second.bytes + 1));
    expect((await call('output:packets', { dir })).at(-1)?.state).toBe('replaced');
    await rm(second.output);
    expect((await call('output:packets', { dir })).at(-1)?.state).toBe('missing');
  });

  it('shell:print hands a PDF to the platform and refuses anything else', async () => {
    const { output } = await call('output:correctionList', { dir });
    await call('shell:print', { path: output });
    expect(app.platform.printed).toEqual([output]);
    const refused = await raw('shell:print', { path: join(dir, 'matprep.json') });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('project.openNotPdf');
    expect(app.platform.printed).toEqual([output]);
  });

  it('fields:validate gives the checklist’s own reason', async () => {
    const bad = '91310110666007217X';
    const verdict = await call('fields:validate', { type: 'uscc', value: bad });
    expect(verdict.valid).toBe(false);
    const view = await call('project:setField', { dir, fieldId: 'uscc', value: bad });
    const messages = view.report.fields.find((f) => f.id === 'uscc')!.problems.map((p) => wording(p).message);
    // The checklist puts the field's label and value before the same reason.
    expect(messages.some((m) => m.endsWith(`无效：${verdict.reason}`))).toBe(true);
    expect(await call('fields:validate', { type: 'uscc', value: '91310110666007217T' })).toMatchObject({
      valid: true,
      reason: null,
    });
  });
});
