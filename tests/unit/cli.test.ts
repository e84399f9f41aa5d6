/**
 * The command line on real files: init → set → add → confirm → dates → check → bind, then the PDF
 * parsed back; and the user errors: one line, the right exit code, no stack trace. Most steps call
 * `runCli` in-process (the same code the binary runs); the steps whose exit code and output matter
 * most run the real `bin/matprep.js` in a child process.
 */
import { it, expect, beforeAll } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { runInProcess, runBinary } from '../support/cli';
import { CORPUS, describeCorpus } from '../support/corpus';

const matprep = runInProcess;
const matprepBin = runBinary;

function expectOneLineError(result: { stderr: string }) {
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
}

describeCorpus('matprep CLI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'matprep-cli-')), '示例科技');
  });

  it('prepares and binds a packet from real scans and PDFs', { timeout: 120_000 }, async () => {
    expect((await matprep('init', dir, '--rule', 'icp-filing-enterprise', '--name', '示例科技')).code).toBe(0);
    const fields: Array<[string, string]> = [
      ['org_name', '上海示例科技有限公司'],
      ['uscc', '91310110666007217T'],
      ['province', '上海'],
      ['org_address', '上海市杨浦区示例路 1 号'],
      ['legal_rep_name', '张三'],
      ['legal_rep_id', '11010519491231002X'],
      ['legal_rep_mobile', '13800138000'],
      ['legal_rep_email', 'zhangsan@example.com'],
      ['webmaster_is_legal_rep', 'true'],
      ['domains', 'example.cn'],
      ['site_name', '示例科技官网'],
    ];
    for (const [id, value] of fields) expect(await matprep('set', dir, id, value), id).toMatchObject({ code: 0 });

    const invalid = await matprep('set', dir, 'uscc', '91310110666007217X');
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('统一社会信用代码');
    expect((await matprep('set', dir, 'uscc', '91310110666007217T')).code).toBe(0);

    expect((await matprep('add', dir, 'business-licence', join(CORPUS, 'img-exif-landscape-o1.jpg'))).code).toBe(0);
    expect((await matprep('dates', dir, 'business-licence', '--valid-until', '长期')).code).toBe(0);
    expect(
      (await matprep('add', dir, 'legal-rep-id-card', join(CORPUS, 'img-exif-portrait-o6.jpg'), '--part', 'front'))
        .code,
    ).toBe(0);
    expect(
      (await matprep('add', dir, 'legal-rep-id-card', join(CORPUS, 'img-exif-landscape-o6.jpg'), '--part', 'back'))
        .code,
    ).toBe(0);
    expect((await matprep('dates', dir, 'legal-rep-id-card', '--valid-until', '2035-01-01')).code).toBe(0);
    expect((await matprep('add', dir, 'domain-certificate', join(CORPUS, 'rotated-90-5p.pdf'))).code).toBe(0);

    const incomplete = matprepBin('check', dir, '--json', '--today', '2026-11-23');
    expect(incomplete.code).toBe(1);
    const report = JSON.parse(incomplete.stdout);
    expect(report.complete).toBe(false);
    const status = Object.fromEntries(report.materials.map((m: { id: string; status: string }) => [m.id, m.status]));
    expect(status['verification-form']).toBe('missing');
    expect(status['business-licence']).toBe('unconfirmed');
    expect(status['webmaster-id-card']).toBe('not-required');

    const refused = await matprep('bind', dir, '-o', join(dir, 'packet.pdf'));
    expect(refused.code).toBe(1);

    for (const what of ['原件彩色扫描或拍照', '四角完整且国徽无遮挡']) {
      expect((await matprep('confirm', dir, 'business-licence', what)).code).toBe(0);
    }
    expect((await matprep('confirm', dir, 'legal-rep-id-card', '原件彩色扫描或拍照')).code).toBe(0);
    expect((await matprep('confirm', dir, 'domain-certificate', '域名持有者与主办单位一致')).code).toBe(0);
    expect((await matprep('add', dir, 'verification-form', join(CORPUS, 'plain-us_constitution-19p.pdf'))).code).toBe(
      0,
    );
    for (const what of ['网站负责人亲笔签名', '加盖公章'])
      expect((await matprep('confirm', dir, 'verification-form', what)).code).toBe(0);

    const complete = await matprep('check', dir, '--today', '2026-11-23');
    expect(complete.stdout).toContain('材料齐全，可以装订。');
    expect(complete.stdout).toContain('完成度 100%');
    expect(complete.code).toBe(0);

    const out = join(dir, 'packet.pdf');
    const bound = matprepBin('bind', dir, '-o', out, '--json', '--today', '2026-11-23');
    expect(bound.code, bound.stderr).toBe(0);
    const result = JSON.parse(bound.stdout);
    const pdf = await PDFDocument.load(await readFile(out));
    expect(result.pages).toBe(pdf.getPageCount());
    expect(result.bytes).toBe((await readFile(out)).length);
    const ids = result.sections.map((s: { materialId: string }) => s.materialId);
    expect(ids).toEqual(['business-licence', 'legal-rep-id-card', 'domain-certificate', 'verification-form']);
    const domain = result.sections.find((s: { materialId: string }) => s.materialId === 'domain-certificate');
    expect(domain.lastPage - domain.firstPage + 1).toBe(5);
    const verification = result.sections.find((s: { materialId: string }) => s.materialId === 'verification-form');
    expect(verification.lastPage).toBe(result.pages);
  });

  it('answers user errors with one clear line and exit code 2', async () => {
    const notPdf = matprepBin('add', dir, 'verification-form', join(CORPUS, 'notpdf-text.pdf'));
    expect(notPdf.code).toBe(2);
    expect(notPdf.stderr).toContain('notpdf-text.pdf');
    expectOneLineError(notPdf);

    const locked = await matprep('add', dir, 'verification-form', join(CORPUS, 'enc-user-rc4-128-pw-view.pdf'));
    expect(locked.code).toBe(2);
    expect(locked.stderr).toContain('密码');
    expectOneLineError(locked);
    expect(
      (
        await matprep(
          'add',
          dir,
          'verification-form',
          join(CORPUS, 'enc-user-rc4-128-pw-view.pdf'),
          '--password',
          'view',
        )
      ).code,
    ).toBe(0);

    const unknownField = await matprep('set', dir, 'no_such_field', 'x');
    expect(unknownField.code).toBe(2);
    expectOneLineError(unknownField);

    const noProject = await matprep('check', join(dir, 'nope'));
    expect(noProject.code).toBe(2);
    expectOneLineError(noProject);

    const english = await matprep('check', join(dir, 'nope'), '--lang', 'en');
    expect(english.stderr).toMatch(/There is no project/);

    expect(matprepBin('frobnicate').code).toBe(2);
    const badOption = await matprep('check', dir, '--frobnicate');
    expect(badOption.code).toBe(2);
    expectOneLineError(badOption);
    // Named in the user's language, with the command's usage on the same line — not Node's English.
    expect(badOption.stderr).toContain('没有选项“--frobnicate”');
    expect(badOption.stderr).toContain('用法：matprep check');
    expect(badOption.stderr).not.toMatch(/Unknown option|positional/);
    const missingValue = await matprep('bind', dir, '-o');
    expect(missingValue.code).toBe(2);
    expectOneLineError(missingValue);
    expect(missingValue.stderr).toContain('选项“-o, --output”后面要跟一个值');
  });

  it("prints a command's usage for --help and -h, exit 0", async () => {
    for (const [command, usage] of [
      ['init', '用法：matprep init'],
      ['bind', '用法：matprep bind'],
      ['rules', '用法：matprep rules'],
      ['field', '用法：matprep field'],
    ]) {
      const help = await matprep(command, '--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(usage);
    }
    const english = await matprep('export', '-h', '--lang', 'en');
    expect(english).toMatchObject({ code: 0 });
    expect(english.stdout).toMatch(/^Usage: matprep export/);
  });
});
