/**
 * Recording submissions and requests in the project folder (src/core/project/submissions.ts): the
 * packet copy, what is refused before anything is written, and finding a submission by 受理号 or date.
 */
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProject, openProject, sha256Of } from '../../src/core/project/store';
import { findSubmission, recordRequest, recordSubmission, removeRequest } from '../../src/core/project/submissions';
import { UserError } from '../../src/core/errors';

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n% ${text}\n%%EOF\n`);

async function project() {
  const dir = join(await mkdtemp(join(tmpdir(), 'matprep-sub-')), 'p');
  await createProject(dir, { ruleId: 'icp-filing-enterprise', ruleVersion: '1' });
  return dir;
}

async function codeOf(promise: Promise<unknown> | (() => unknown)): Promise<string | undefined> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (error instanceof UserError) return error.code;
    throw error;
  }
  return undefined;
}

describe('submissions in the project folder', () => {
  it('copies the packet under submitted/<sha256>.pdf once, however often it is recorded', async () => {
    const dir = await project();
    const bytes = pdf('first');
    const first = await recordSubmission(dir, {
      packet: { name: 'a.pdf', bytes },
      date: '2026-11-02',
      receipt: ' X-1 ',
    });
    await recordSubmission(dir, { packet: { name: 'a.pdf', bytes }, date: '2026-11-03' });
    const sha = sha256Of(bytes);
    expect(first.submission.packet).toEqual({
      path: `submitted/${sha}.pdf`,
      name: 'a.pdf',
      sha256: sha,
      bytes: bytes.length,
    });
    expect(first.submission.receipt).toBe('X-1');
    expect(await readdir(join(dir, 'submitted'))).toEqual([`${sha}.pdf`]);
    expect(new Uint8Array(await readFile(join(dir, 'submitted', `${sha}.pdf`)))).toEqual(bytes);
    expect((await openProject(dir)).doc.submissions).toHaveLength(2);
  });

  it('refuses a file that is not a PDF, and a bad date, leaving the project as it was', async () => {
    const dir = await project();
    const before = await readFile(join(dir, 'matprep.json'), 'utf8');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect(await codeOf(recordSubmission(dir, { packet: { name: 'x.png', bytes: png }, date: '2026-11-02' }))).toBe(
      'submission.notPdf',
    );
    expect(
      await codeOf(recordSubmission(dir, { packet: { name: 'a.pdf', bytes: pdf('a') }, date: '2026-02-30' })),
    ).toBe('submission.badDate');
    expect(await codeOf(recordRequest(dir, { subject: { kind: 'whole' }, text: '  ', date: '2026-11-02' }))).toBe(
      'submission.emptyRequest',
    );
    expect(await readFile(join(dir, 'matprep.json'), 'utf8')).toBe(before);
  });

  it('ties a request to the latest submission and takes it back by id', async () => {
    const dir = await project();
    const { submission } = await recordSubmission(dir, {
      packet: { name: 'a.pdf', bytes: pdf('a') },
      date: '2026-11-02',
    });
    const { request } = await recordRequest(dir, {
      subject: { kind: 'field', id: 'org_name' },
      text: '名称有误',
      date: '2026-11-09',
    });
    expect(request).toMatchObject({
      submission: submission.id,
      date: '2026-11-09',
      subject: { kind: 'field', id: 'org_name' },
    });
    await removeRequest(dir, request.id);
    expect((await openProject(dir)).doc.requests).toEqual([]);
    expect(await codeOf(removeRequest(dir, request.id))).toBe('submission.noRequest');
  });

  it('finds a submission by 受理号, else by date (the last that day), else the latest', async () => {
    const dir = await project();
    await recordSubmission(dir, { packet: { name: 'a.pdf', bytes: pdf('a') }, date: '2026-11-02', receipt: 'R1' });
    await recordSubmission(dir, { packet: { name: 'b.pdf', bytes: pdf('b') }, date: '2026-11-02' });
    await recordSubmission(dir, { packet: { name: 'c.pdf', bytes: pdf('c') }, date: '2026-11-20', receipt: 'R3' });
    const { doc } = await openProject(dir);
    expect(findSubmission(doc).receipt).toBe('R3');
    expect(findSubmission(doc, 'R1').packet.name).toBe('a.pdf');
    expect(findSubmission(doc, '2026-11-02').packet.name).toBe('b.pdf');
    const error = (() => {
      try {
        findSubmission(doc, 'R9');
      } catch (e) {
        return e as UserError;
      }
    })();
    expect(error?.code).toBe('submission.notFound');
    expect(error?.format('zh-CN')).toContain('R1 / 2026-11-02, 2026-11-02, R3 / 2026-11-20');
    expect(await codeOf(() => findSubmission({ submissions: [] }))).toBe('submission.none');
  });
});
