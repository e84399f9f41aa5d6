/**
 * Tampering, end to end: a vault file changed or deleted after import is refused by every way of
 * binding (the workspace service the UI's bind job uses, the bind job itself, the CLI), naming the
 * material's title and the file, and no packet or temp file is written. A hand-edited invalid
 * matprep.json is refused with the path of the problem and a backup, never reset.
 */
import { describe, it, expect, beforeEach, beforeAll } from 'vitest';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { createProject, addFiles, vaultPath, type Project } from '../../src/core/project/store';
import { bindProject, type WorkspaceContext } from '../../src/core/workspace/workspace';
import { builtInRulesDir } from '../../src/core/rules/loader';
import { UserError } from '../../src/core/errors';
import { runCli } from '../../src/cli/main';
import type { BindJob } from '../../src/shared/ipc';
import * as make from '../fixtures/bad-inputs';
import { createTestApp, type TestApp } from '../support/app';

const PACK = `
id: tamper-test
title: 篡改测试备案
version: "2026.1"
effective: "2026-01-01"
authority: 测试管理局
sources: ["测试依据"]
materials:
  - id: business-licence
    title: 营业执照副本复印件
    accept: [pdf, jpg, png]
  - id: commitment
    title: 网站备案信息真实性承诺书
    accept: [pdf]
`;

let work: string;
let ctx: WorkspaceContext;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'matprep-tamper-'));
  const userRules = join(work, 'rules');
  await mkdir(userRules);
  await writeFile(join(userRules, 'tamper-test.yaml'), PACK);
  ctx = { rulesDirs: { builtIn: builtInRulesDir(), user: userRules }, today: '2026-11-23', locale: 'zh-CN' };
});

/** A complete project: a JPEG licence and a 2-page commitment PDF. */
async function completeProject(): Promise<Project & { licence: string; commitment: string }> {
  const dir = join(await mkdtemp(join(work, 'p-')), '示例科技');
  await createProject(dir, { ruleId: 'tamper-test', ruleVersion: '2026.1' });
  const a = await addFiles(dir, 'business-licence', [{ name: '营业执照.jpg', data: await make.jpeg() }]);
  const b = await addFiles(dir, 'commitment', [{ name: '承诺书.pdf', data: await make.pdf(2) }]);
  return {
    ...b,
    licence: a.doc.materials['business-licence'].files[0].sha256,
    commitment: b.doc.materials['commitment'].files[0].sha256,
  };
}

async function flipLastByte(file: string): Promise<void> {
  const bytes = await readFile(file);
  bytes[bytes.length - 1] ^= 0xff;
  await writeFile(file, bytes);
}

async function bindError(dir: string, output: string): Promise<UserError> {
  const error = await bindProject(dir, ctx, { output }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('tampered vault through bindProject (what the bind job runs)', () => {
  let project: Awaited<ReturnType<typeof completeProject>>;
  let out: string;
  beforeEach(async () => {
    project = await completeProject();
    out = await mkdtemp(join(work, 'out-'));
  });

  it('binds when nothing was touched (so the refusals below are about the tampering)', async () => {
    const outcome = await bindProject(project.dir, ctx, { output: join(out, 'packet.pdf') });
    expect(outcome.kind).toBe('written');
    const pdf = await PDFDocument.load(await readFile(join(out, 'packet.pdf')));
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(3);
  });

  it('a changed vault file: refused naming the material title and the file; no packet, history unchanged', async () => {
    await flipLastByte(vaultPath(project.dir, project.commitment));
    const docBefore = await readFile(join(project.dir, 'matprep.json'), 'utf8');
    const error = await bindError(project.dir, join(out, 'packet.pdf'));
    expect(error.code).toBe('project.vaultTampered');
    const message = error.format('zh-CN');
    expect(message).toContain('网站备案信息真实性承诺书');
    expect(message).toContain('承诺书.pdf');
    expect(message).not.toContain('{');
    expect(await readdir(out)).toEqual([]);
    expect(await readdir(join(project.dir, 'out'))).toEqual([]);
    expect(await readFile(join(project.dir, 'matprep.json'), 'utf8')).toBe(docBefore);
  });

  it('a deleted vault file: refused naming the material title and the file; no packet', async () => {
    await rm(vaultPath(project.dir, project.licence));
    const error = await bindError(project.dir, join(out, 'packet.pdf'));
    expect(error.code).toBe('project.vaultMissing');
    expect(error.format('zh-CN')).toContain('营业执照副本复印件');
    expect(error.format('zh-CN')).toContain('营业执照.jpg');
    expect(error.format('en')).toContain('营业执照副本复印件');
    expect(await readdir(out)).toEqual([]);
  });

  it('a vault file swapped for another valid file (same name, other content) is refused too', async () => {
    await writeFile(vaultPath(project.dir, project.commitment), await make.pdf(3));
    const error = await bindError(project.dir, join(out, 'packet.pdf'));
    expect(error.code).toBe('project.vaultTampered');
    expect(await readdir(out)).toEqual([]);
  });
});

describe('tampered vault through the UI bind job and the CLI', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ userDataDir: join(work, 'user-data'), rulesDirs: ctx.rulesDirs, today: ctx.today });
  });

  it('bind:start → failed job whose message names the material; no packet', async () => {
    const project = await completeProject();
    await flipLastByte(vaultPath(project.dir, project.licence));
    const job = await app.finishBind(await app.call('bind:start', { dir: project.dir }));
    expect(job.state).toBe('failed');
    expect(job.error).toContain('营业执照副本复印件');
    expect(job.error).toContain('营业执照.jpg');
    expect(await readdir(join(project.dir, 'out'))).toEqual([]);
  });

  it('matprep bind: exit 2, one line naming the material; no packet, no temp file', async () => {
    const project = await completeProject();
    await flipLastByte(vaultPath(project.dir, project.commitment));
    const out = await mkdtemp(join(work, 'cli-out-'));
    let stderr = '';
    let stdout = '';
    const code = await runCli(
      ['bind', project.dir, '-o', join(out, 'packet.pdf'), '--rules-dir', ctx.rulesDirs.user!, '--today', ctx.today],
      {
        stdout: (s) => (stdout += s + '\n'),
        stderr: (s) => (stderr += s + '\n'),
      },
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('网站备案信息真实性承诺书');
    expect(stderr).toContain('承诺书.pdf');
    expect(stderr).not.toContain('{');
    expect(await readdir(out)).toEqual([]);
  });
});

describe('tampered vault through matprep export', () => {
  it('exit 2 naming the material; no zip written', async () => {
    const project = await completeProject();
    await rm(vaultPath(project.dir, project.licence));
    const out = await mkdtemp(join(work, 'export-out-'));
    let stderr = '';
    const code = await runCli(
      ['export', project.dir, '-o', join(out, 'materials.zip'), '--rules-dir', ctx.rulesDirs.user!],
      {
        stdout: () => undefined,
        stderr: (s) => (stderr += s + '\n'),
      },
    );
    expect(code).toBe(2);
    expect(stderr).toContain('营业执照副本复印件');
    expect(stderr).toContain('营业执照.jpg');
    expect(await readdir(out)).toEqual([]);
  });
});

describe('hand-edited matprep.json', () => {
  it('an invalid value: every channel refuses with the path of the problem and a backup; the file is never reset', async () => {
    const app = await createTestApp({
      userDataDir: join(work, 'user-data-2'),
      rulesDirs: ctx.rulesDirs,
      today: ctx.today,
    });
    const project = await completeProject();
    const file = join(project.dir, 'matprep.json');
    const doc = JSON.parse(await readFile(file, 'utf8'));
    doc.materials['commitment'].files[0].sha256 = 'not-a-hash';
    const edited = JSON.stringify(doc, null, 2);
    await writeFile(file, edited);

    for (const [channel, request] of [
      ['project:open', { dir: project.dir }],
      ['project:setField', { dir: project.dir, fieldId: 'x', value: 'y' }],
      [
        'project:addFiles',
        { dir: project.dir, materialId: 'commitment', files: [{ name: 'a.pdf', data: await make.pdf() }] },
      ],
      ['bind:start', { dir: project.dir }],
    ] as const) {
      const reply = await app.raw(channel, request as never);
      const message = reply.ok ? ((reply.value as BindJob).error ?? '') : reply.error.message;
      if (channel === 'bind:start' && reply.ok) {
        // The job reports asynchronously; wait for it.
        const job = await app.finishBind(reply.value as BindJob);
        expect(job.state).toBe('failed');
        expect(job.error).toContain('materials.commitment.files[0].sha256');
        continue;
      }
      expect(reply.ok, channel).toBe(false);
      expect(message, channel).toContain('materials.commitment.files[0].sha256');
      expect(message, channel).toContain('matprep.json');
    }
    expect(await readFile(file, 'utf8')).toBe(edited);
    const backups = (await readdir(project.dir)).filter((n) => n.startsWith('matprep.json.broken-'));
    expect(backups).toHaveLength(1);
    expect(await readFile(join(project.dir, backups[0]), 'utf8')).toBe(edited);
  });
});
