/**
 * The resubmission round on the command line: bind → submit → feedback → change → changes →
 * bind --changes-page, with the saved record, the JSON and the 补正说明 page read back.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { runInProcess } from '../support/cli';
import { corpus, describeCorpus } from '../support/corpus';
import { pageTexts, readOutline } from '../fixtures/pdf-read';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const run = await runInProcess('--today', '2026-11-02', ...argv);
  return { code: run.code, out: run.stdout.trimEnd(), err: run.stderr.trimEnd() };
}
const flat = (text: string) => text.replace(/\s+/g, '');

describeCorpus('matprep submit / feedback / changes', () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'matprep-submit-')), 'project');
  const first = path.join(dir, 'out', 'first.pdf');
  const project = () => JSON.parse(readFileSync(path.join(dir, 'matprep.json'), 'utf8'));

  it('refuses to submit before a bind, and a packet bound before the project changed', async () => {
    expect((await cli('init', dir, '--rule', 'icp-filing-enterprise')).code).toBe(0);
    expect((await cli('set', dir, 'org_name', '北京示例科技有限公司')).code).toBe(0);
    expect((await cli('add', dir, 'business-licence', corpus('size-mixed-3p.pdf'))).code).toBe(0);
    const none = await cli('submit', dir);
    expect(none.code).toBe(2);
    expect(none.err).toContain('还没有装订过');
    expect((await cli('bind', dir, '-o', first, '--allow-incomplete')).code).toBe(0);
    expect((await cli('set', dir, 'org_name', '北京示例网络科技有限公司')).code).toBe(0);
    const stale = await cli('submit', dir);
    expect(stale.code).toBe(2);
    expect(stale.err).toContain('first.pdf');
    // Edited back: the packet is the project as it is again.
    expect((await cli('set', dir, 'org_name', '北京示例科技有限公司')).code).toBe(0);
  });

  it('records the last bound packet as submitted, copied under the project with its hash', async () => {
    const run = await cli(
      'submit',
      dir,
      '--date',
      '2026-11-02',
      '--receipt',
      'BJ-ICP-20261102-0042',
      '--where',
      '工信部备案系统（经接入商）',
      '--json',
    );
    expect(run.code).toBe(0);
    const shown = JSON.parse(run.out);
    const saved = project().submissions;
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      date: '2026-11-02',
      receipt: 'BJ-ICP-20261102-0042',
      where: '工信部备案系统（经接入商）',
    });
    expect(saved[0].snapshot.fields.org_name).toBe('北京示例科技有限公司');
    const bytes = readFileSync(first);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(shown.packet).toMatchObject({
      path: `submitted/${sha}.pdf`,
      name: 'first.pdf',
      sha256: sha,
      bytes: bytes.length,
    });
    // Where its materials are, from the packet history: for comparing packets later.
    expect(shown.packet.sections).toEqual([expect.objectContaining({ materialId: 'business-licence', firstPage: 3 })]);
    // The copy survives the user deleting theirs.
    rmSync(first);
    expect(readFileSync(path.join(dir, shown.packet.path)).equals(bytes)).toBe(true);
  });

  it('lists nothing changed right after submitting', async () => {
    const run = await cli('changes', dir, '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ fields: [], materials: [], requests: [] });
  });

  it('records requests against a material, a field and the whole application; bad subjects exit 2', async () => {
    expect(
      (await cli('feedback', dir, 'business-licence', '营业执照副本扫描件不清晰，请重新上传', '--date', '2026-11-09'))
        .code,
    ).toBe(0);
    expect((await cli('feedback', dir, 'site_name', '网站名称不得含“中国”字样')).code).toBe(0);
    expect((await cli('feedback', dir, '-', '请补充负责人手机号核验截图')).code).toBe(0);
    const bad = await cli('feedback', dir, 'no-such-thing', '…');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('no-such-thing');
    expect((await cli('feedback', dir)).code).toBe(2);
    expect(project().requests).toHaveLength(3);
    // Open requests: exit 1 until their subjects change.
    const open = await cli('changes', dir);
    expect(open.code).toBe(1);
    expect(open.out).toContain('未处理');
  });

  it('pairs changes with requests: the replaced file answers its request, the field edit is listed', async () => {
    expect((await cli('add', dir, 'business-licence', corpus('img-exif-landscape-o6.jpg'))).code).toBe(0);
    expect((await cli('set', dir, 'site_name', '示例资讯')).code).toBe(0);
    const run = await cli('changes', dir, '--since', 'BJ-ICP-20261102-0042', '--json');
    const report = JSON.parse(run.out);
    expect(report.since).toMatchObject({ date: '2026-11-02', receipt: 'BJ-ICP-20261102-0042' });
    expect(report.fields).toEqual([{ id: 'site_name', label: expect.any(String), before: null, after: '示例资讯' }]);
    expect(report.materials).toEqual([
      {
        id: 'business-licence',
        title: '营业执照',
        change: 'edited',
        files: [
          { name: 'img-exif-landscape-o6.jpg', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), change: 'added' },
        ],
      },
    ]);
    expect(report.requests.map((r: { subject: string; answered: boolean }) => [r.subject, r.answered])).toEqual([
      ['business-licence', true],
      ['site_name', true],
      ['-', true],
    ]);
    expect(run.code).toBe(0);
    expect((await cli('changes', dir, '--since', '2025-01-01')).code).toBe(2);
  });

  it('binds a 补正说明 page after the 目录, with the receipt, each request and its answer, and a bookmark', async () => {
    const second = path.join(dir, 'out', 'second.pdf');
    const run = await cli('bind', dir, '-o', second, '--allow-incomplete', '--changes-page', '--json');
    expect(run.code).toBe(0);
    const pages = pageTexts(second).map(flat);
    const at = pages.findIndex((p) => p.startsWith('补正说明') || p.includes('补正说明原申请'));
    expect(at).toBe(2); // cover, 目录, then 补正说明
    const page = pages[at];
    expect(page).toContain('受理号BJ-ICP-20261102-0042');
    expect(page).toContain('2026年11月2日');
    expect(page).toContain(flat('补正意见（2026年11月9日，营业执照）：营业执照副本扫描件不清晰，请重新上传'));
    expect(page).toContain(flat('处理：营业执照：修改（新增 img-exif-landscape-o6.jpg）'));
    expect(page).toContain(flat('网站名称：（空） → 示例资讯'));
    expect(page).toContain('第3页');
    const outline = await readOutline(new Uint8Array(readFileSync(second)));
    expect(outline.map((o) => [o.title, o.page]).slice(0, 3)).toEqual([
      ['封面', 1],
      ['目录', 2],
      ['补正说明', 3],
    ]);
    // The sections after it moved down a page.
    expect(JSON.parse(run.out).sections[0].firstPage).toBe(4);
  });

  it('refuses --changes-page for a project never submitted', async () => {
    const other = path.join(path.dirname(dir), 'fresh');
    await cli('init', other, '--rule', 'icp-filing-enterprise');
    await cli('add', other, 'business-licence', corpus('size-mixed-3p.pdf'));
    const out = path.join(other, 'out', 'p.pdf');
    const run = await cli('bind', other, '-o', out, '--allow-incomplete', '--changes-page');
    expect(run.code).toBe(2);
    expect(run.err).toContain('还没有提交记录');
    expect(existsSync(out)).toBe(false);
  });
});
