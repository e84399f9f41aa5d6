/**
 * Bind, export and 补正清单 jobs in a worker thread (src/core/jobs): the same packet and progress as a
 * bind in this thread, cancellation that leaves nothing behind (binding and the per-file export, as
 * the bind screen drives them through the handler table), errors that arrive as the same message, a
 * dying worker reported clearly, and a calling thread that stays free meanwhile.
 */
import { it, expect, beforeAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { PDFDocument } from 'pdf-lib';
import { unzipSync } from 'fflate';
import { addFiles, createProject, openProject, updateProject, vaultPath } from '../../src/core/project/store';
import { bindProject, type WorkspaceContext } from '../../src/core/workspace/workspace';
import { builtInRulesDir } from '../../src/core/rules/loader';
import { UserError, formatError } from '../../src/core/errors';
import { DamagedPdfError } from '../../src/core/pdf/damage';
import { runJob, workerEntry, BUNDLED_WORKER_FILE } from '../../src/core/jobs/run';
import { fromWireError, toWireError, type JobRequest } from '../../src/core/jobs/protocol';
import type { BindProgress } from '../../src/core/model/schemas/bind-options';
import { t } from '../../src/i18n';
import type { ExportJob } from '../../src/shared/ipc';
import { createTestApp, type TestApp } from '../support/app';
import { CORPUS, describeCorpus } from '../support/corpus';

const corpus = (name: string) => new Uint8Array(readFileSync(join(CORPUS, name)));
/** Pages of the sources below: a photo (1), a 19-page PDF, a 30-page PDF. */
const SOURCE_PAGES = 1 + 19 + 30;

let work: string;
let ctx: WorkspaceContext;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'matprep-jobs-'));
  ctx = { rulesDirs: { builtIn: builtInRulesDir() }, today: '2026-11-23', locale: 'zh-CN' };
});

/** An ICP filing project with three materials attached (incomplete: binding needs allowIncomplete). */
async function project(name = '示例科技'): Promise<string> {
  const dir = join(await mkdtemp(join(work, 'p-')), name);
  await createProject(dir, { ruleId: 'icp-filing-enterprise', ruleVersion: '2026.1', name });
  await addFiles(dir, 'business-licence', [{ name: '营业执照.jpg', data: corpus('img-jpeg-progressive.jpg') }]);
  await addFiles(dir, 'domain-certificate', [{ name: '域名证书.pdf', data: corpus('plain-us_constitution-19p.pdf') }]);
  await addFiles(dir, 'verification-form', [{ name: '核验单.pdf', data: corpus('objstm-xrefstm-30p.pdf') }]);
  return dir;
}

const bindRequest = (dir: string, output: string): JobRequest<'bind'> => ({
  kind: 'bind',
  dir,
  context: ctx,
  options: { output, allowIncomplete: true, options: { deterministic: true } },
});

describeCorpus('a bind in the worker', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await project();
  });

  it('writes the same packet, with the same progress, as bindProject in this thread', async () => {
    const viaWorker: BindProgress[] = [];
    const outcome = await runJob(bindRequest(dir, join(work, 'worker.pdf')), {
      onProgress: (p) => viaWorker.push(p),
    });
    if (outcome.kind !== 'written') throw new Error(`not written: ${outcome.kind}`);
    const pdf = await PDFDocument.load(await readFile(outcome.result.output));
    expect(pdf.getPageCount()).toBe(outcome.result.pages);
    expect(outcome.result.pages).toBe(2 + SOURCE_PAGES); // cover + 目录 + the sources
    expect(outcome.result.sections.map((s) => s.lastPage - s.firstPage + 1)).toEqual([1, 19, 30]);

    // The cache would answer an unchanged project with the packet just written: drop it (it is disposable),
    // so this thread binds afresh.
    await rm(join(dir, 'cache'), { recursive: true, force: true });
    const here: BindProgress[] = [];
    const direct = await bindProject(dir, ctx, {
      ...bindRequest(dir, join(work, 'direct.pdf')).options,
      onProgress: (p) => here.push(p),
    });
    expect(direct.kind).toBe('written');
    // deterministic: byte-identical, so the worker ran the very same binder with the same options.
    expect(Buffer.compare(readFileSync(join(work, 'worker.pdf')), readFileSync(join(work, 'direct.pdf')))).toBe(0);
    expect(viaWorker).toEqual(here);
    expect(viaWorker[0].phase).toBe('prepare');
    expect(viaWorker.at(-1)?.phase).toBe('done');
    expect(viaWorker.filter((p) => p.phase === 'materials').map((p) => p.done)).toEqual([0, 1, 2, 3]);
    // The packet is recorded in the project's history, as bindProject does.
    expect((await openProject(dir)).doc.history.map((h) => h.output)).toContain(outcome.result.output);

    // Unchanged since: the next bind is the packet already written, copied, recorded like any other.
    const again: BindProgress[] = [];
    const reused = await bindProject(dir, ctx, {
      ...bindRequest(dir, join(work, 'again.pdf')).options,
      onProgress: (p) => again.push(p),
    });
    expect(again.map((p) => p.phase)).toEqual(['prepare', 'done']);
    expect(Buffer.compare(readFileSync(join(work, 'again.pdf')), readFileSync(join(work, 'direct.pdf')))).toBe(0);
    if (reused.kind !== 'written') throw new Error('not written');
    expect((await openProject(dir)).doc.history.at(-1)?.sha256).toBe(reused.result.sha256);
  });

  it('leaves the calling thread free: its event loop is mostly idle and its timers keep firing', async () => {
    let ticks = 0;
    let running = true;
    const tick = () => {
      ticks++;
      if (running) setTimeout(tick, 0);
    };
    const before = performance.eventLoopUtilization();
    tick();
    const outcome = await runJob(bindRequest(dir, join(work, 'free.pdf'))).finally(() => (running = false));
    const busy = performance.eventLoopUtilization(before).utilization;
    expect(outcome.kind).toBe('written');
    // The same bind in this thread keeps the loop ~90% busy (pdf-lib's synchronous copying and saving).
    expect(busy).toBeLessThan(0.5);
    expect(ticks).toBeGreaterThan(20);
  });

  it('cancelled mid-bind: bind.cancelled, no packet, no temp file, history unchanged', async () => {
    const out = join(dir, 'out');
    const before = await readdir(out);
    const historyBefore = (await openProject(dir)).doc.history.length;
    const controller = new AbortController();
    const phases: string[] = [];
    const run = runJob(
      { kind: 'bind', dir, context: ctx, options: { allowIncomplete: true } },
      {
        signal: controller.signal,
        onProgress: (p) => {
          phases.push(p.phase);
          if (p.phase === 'materials') controller.abort();
        },
      },
    );
    await expect(run).rejects.toMatchObject({ code: 'bind.cancelled' });
    expect(phases).not.toContain('done');
    expect(await readdir(out)).toEqual(before);
    expect((await openProject(dir)).doc.history).toHaveLength(historyBefore);
  });

  it('through the handler table: bind:status answers with live progress, bind:cancel ends the job as cancelled', async () => {
    const app = await createTestApp({ today: ctx.today });
    let job = await app.call('bind:start', { dir, allowIncomplete: true });
    // Poll as the bind screen does until the worker has reported a material.
    for (let i = 0; i < 2000 && job.state === 'running' && job.progress?.phase !== 'materials'; i++) {
      await new Promise((r) => setTimeout(r, 5));
      job = await app.call('bind:status', { jobId: job.jobId });
    }
    expect(job).toMatchObject({ state: 'running', progress: { phase: 'materials' } });
    expect(await app.call('bind:cancel', { jobId: job.jobId })).toMatchObject({ state: 'cancelled' });
    expect(await app.finishBind(job)).toMatchObject({ state: 'cancelled' });
  });

  it('a signal aborted before the start starts no job', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      runJob(bindRequest(dir, join(work, 'never.pdf')), { signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'bind.cancelled' });
    expect(existsSync(join(work, 'never.pdf'))).toBe(false);
  });
});

describeCorpus('the per-file export as a job, through the handler table', () => {
  /** Two materials the ICP pack exports page by page as JPEGs: 30 and 19 pages to render and shrink. */
  async function manyPages(name: string): Promise<string> {
    const dir = join(await mkdtemp(join(work, 'x-')), name);
    await createProject(dir, { ruleId: 'icp-filing-enterprise', ruleVersion: '2026.1', name });
    await addFiles(dir, 'business-licence', [{ name: '营业执照.pdf', data: corpus('objstm-xrefstm-30p.pdf') }]);
    await addFiles(dir, 'domain-certificate', [
      { name: '域名证书.pdf', data: corpus('plain-us_constitution-19p.pdf') },
    ]);
    return dir;
  }

  /** Poll export:status as the bind screen does until the worker names a material (or the job ends). */
  async function untilMaterial(app: TestApp, started: ExportJob): Promise<ExportJob> {
    let job = started;
    for (let i = 0; i < 4000 && job.state === 'running' && job.progress?.phase !== 'materials'; i++) {
      await new Promise((r) => setTimeout(r, 5));
      job = await app.call('export:status', { jobId: job.jobId });
    }
    return job;
  }

  it('start → status names the material being exported → done with the files', async () => {
    const dir = join(await mkdtemp(join(work, 'x-')), '导出');
    await createProject(dir, { ruleId: 'icp-filing-enterprise', ruleVersion: '2026.1', name: '导出' });
    await addFiles(dir, 'business-licence', [{ name: '营业执照.jpg', data: corpus('img-jpeg-progressive.jpg') }]);
    await addFiles(dir, 'domain-certificate', [{ name: '域名证书.pdf', data: corpus('v20-simple.pdf') }]);
    await addFiles(dir, 'verification-form', [{ name: '核验单.pdf', data: corpus('links-internal-4p.pdf') }]);
    const app = await createTestApp({ today: ctx.today });
    const started = await app.call('export:start', { dir });
    expect(started).toMatchObject({ state: 'running' });
    expect(started.result).toBeUndefined();
    const running = await untilMaterial(app, started);
    expect(running).toMatchObject({
      state: 'running',
      progress: { phase: 'materials', done: 0, total: 3, label: '营业执照' },
    });
    const job = await app.finishExport(running);
    if (job.state !== 'done' || !job.result) throw new Error(`export ${job.state}: ${job.error}`);
    expect(job.progress).toMatchObject({ phase: 'done' });
    const entries = unzipSync(new Uint8Array(await readFile(job.result.output)));
    expect(Object.keys(entries)).toEqual(job.result.files.map((f) => f.name));
    expect(job.result.files.map((f) => [f.name, f.bytes])).toEqual(
      Object.entries(entries).map(([name, bytes]) => [name, bytes.length]),
    );
    // Each material's pages as JPEGs: the photo, the 1-page and the 4-page PDF.
    expect(job.result.files).toHaveLength(1 + 1 + 4);
    expect(await readdir(join(dir, 'out'))).toEqual([basename(job.result.output)]);
  });

  it('cancel mid-export: the reply comes once the worker stopped, state cancelled, no zip, no temp file', async () => {
    const dir = await manyPages('取消导出');
    const app = await createTestApp({ today: ctx.today });
    const running = await untilMaterial(app, await app.call('export:start', { dir }));
    expect(running).toMatchObject({ state: 'running', progress: { phase: 'materials', label: '营业执照' } });
    const cancelled = await app.call('export:cancel', { jobId: running.jobId });
    expect(cancelled).toMatchObject({ state: 'cancelled' });
    expect(cancelled.result).toBeUndefined();
    expect(cancelled.error).toBeUndefined();
    expect(await app.call('export:status', { jobId: running.jobId })).toEqual(cancelled);
    // Nothing in out/: no zip and no temp file of one (out/ may be there, created before the work began).
    const out = join(dir, 'out');
    expect(existsSync(out) ? await readdir(out) : []).toEqual([]);
    // Cancelling again changes nothing.
    expect(await app.call('export:cancel', { jobId: running.jobId })).toEqual(cancelled);
  });
});

describeCorpus('errors across the boundary', () => {
  it('a tampered vault file: the same UserError and Chinese message as bindProject gives here', async () => {
    const dir = await project('篡改');
    const { doc } = await openProject(dir);
    const file = vaultPath(dir, doc.materials['domain-certificate'].files[0].sha256);
    const bytes = await readFile(file);
    bytes[bytes.length - 1] ^= 0xff;
    await writeFile(file, bytes);

    const direct = await bindProject(dir, ctx, { allowIncomplete: true }).catch((e: unknown) => e);
    const viaWorker = await runJob({ kind: 'bind', dir, context: ctx, options: { allowIncomplete: true } }).catch(
      (e: unknown) => e,
    );
    expect(direct).toBeInstanceOf(UserError);
    expect(viaWorker).toBeInstanceOf(UserError);
    expect((viaWorker as UserError).code).toBe('project.vaultTampered');
    expect((viaWorker as UserError).params).toEqual((direct as UserError).params);
    const message = formatError(viaWorker, 'zh-CN');
    expect(message).toBe(formatError(direct, 'zh-CN'));
    expect(message).toContain('域名证书（或域名实名认证截图）');
    expect(message).toContain('域名证书.pdf');

    // The UI's bind job (bind:start → bind:status) shows that same message.
    const app = await createTestApp({ today: ctx.today });
    const job = await app.finishBind(await app.call('bind:start', { dir, allowIncomplete: true }));
    expect(job).toMatchObject({ state: 'failed', error: message });
    expect(await readdir(join(dir, 'out'))).toEqual([]);
  });

  it('any other error keeps only its message, formatted as the generic one (no stack)', () => {
    const original = new TypeError('x is not a function');
    const rebuilt = fromWireError(structuredClone(toWireError(original)));
    expect(rebuilt).not.toBeInstanceOf(UserError);
    expect(formatError(rebuilt, 'zh-CN')).toBe(t('zh-CN', 'error.unexpected', { detail: 'x is not a function' }));
    expect(formatError(rebuilt, 'zh-CN')).not.toMatch(/\n\s+at /);
    const user = fromWireError(structuredClone(toWireError(new UserError('bind.nothing', { n: 1 }))));
    expect(user).toMatchObject({ code: 'bind.nothing', params: { n: 1 } });
    // A damaged PDF explains qpdf's English in the reader's language on both sides of the wire.
    const damaged = new DamagedPdfError('营业执照.pdf', "can't find startxref");
    const across = fromWireError(structuredClone(toWireError(damaged)));
    expect(formatError(across, 'zh-CN')).toBe(formatError(damaged, 'zh-CN'));
    expect(formatError(across, 'zh-CN')).not.toBe(t('zh-CN', 'pdf.damaged', { ...damaged.params }));
  });

  const dead: JobRequest<'correctionList'> = { kind: 'correctionList', dir: '/nowhere', context: ctx, options: {} };

  it.each([
    ['exits', 'process.exit(7)', 'exit code 7'],
    ['throws while starting', 'throw new Error("boom")', 'boom'],
    ['throws later', 'setTimeout(() => { throw new Error("later"); }, 1)', 'later'],
  ])('a worker that %s rejects with job.crashed naming the cause', async (_what, script, detail) => {
    const error = await runJob(dead, { entry: { script, eval: true } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'job.crashed', params: { detail } });
    expect(formatError(error, 'zh-CN')).toBe(t('zh-CN', 'job.crashed', { detail }));
  });

  it('a worker out of memory rejects with job.outOfMemory', async () => {
    const script = 'const keep = []; for (;;) keep.push(new Array(1e5).fill(1));';
    const error = await runJob(dead, {
      entry: { script, eval: true },
      resourceLimits: { maxOldGenerationSizeMb: 16 },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'job.outOfMemory' });
    expect(formatError(error, 'zh-CN')).toContain('内存不足');
  });
});

describeCorpus('where the worker code is', () => {
  it('built: job-worker.js next to out/main/index.js, also from a shared chunk', () => {
    const index = resolve('/app/out/main/index.js');
    expect(workerEntry(pathToFileURL(index).href)).toEqual({
      script: resolve('/app/out/main', BUNDLED_WORKER_FILE),
      eval: false,
    });
    expect(workerEntry(pathToFileURL(resolve('/app/out/main/chunks/workspace-abc.js')).href).script).toBe(
      resolve('/app/out/main', BUNDLED_WORKER_FILE),
    );
  });

  it('from source: a bootstrap that registers tsx and imports worker.ts', () => {
    const entry = workerEntry(pathToFileURL(resolve('src/core/jobs/run.ts')).href);
    expect(entry.eval).toBe(true);
    expect(entry.script).toContain(pathToFileURL(resolve('src/core/jobs/worker.ts')).href);
    expect(entry.script).toContain('tsx');
  });

  const built = resolve('out/main', BUNDLED_WORKER_FILE);
  it.skipIf(!existsSync(built))(
    'the built out/main/job-worker.js binds a real project in plain Node (skipped until `npm run build`)',
    async () => {
      const dir = await project('构建');
      // The 授权书 is needed when the webmaster is not the legal representative.
      await updateProject(dir, (doc) => {
        doc.fields.webmaster_is_legal_rep = '否';
      });
      // An owner-password PDF goes through qpdf (WebAssembly, loaded by the bundle's own require).
      await addFiles(dir, 'authorization-letter', [
        { name: '授权书.pdf', data: corpus('enc-owner-aes256-r6-30p.pdf') },
      ]);
      const entry = workerEntry(pathToFileURL(resolve('out/main/index.js')).href);
      expect(entry).toEqual({ script: built, eval: false });
      const outcome = await runJob(bindRequest(dir, join(work, 'built.pdf')), { entry });
      if (outcome.kind !== 'written') throw new Error(`not written: ${outcome.kind}`);
      expect((await PDFDocument.load(await readFile(join(work, 'built.pdf')))).getPageCount()).toBe(
        2 + SOURCE_PAGES + 30,
      );
    },
  );
});
