/**
 * The rest of the journey through the real UI, handlers and core: a company profile (live field
 * checks, a document library) used for a new project; the 三色预警 dashboard naming the project's
 * 营业执照 that runs out in 20 days, opening it at that material; fixing that check; binding; then
 * the per-file export (zip), the 补正清单 and printing. A second project (互联网新闻信息服务许可证)
 * fills the 网络安全演进图 and generates its chart. axe and a screenshot on every new screen.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { parse } from 'yaml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ExportJob } from '../../src/shared/ipc';
import { REPO, launchApp, seriousViolations, type App } from './harness';

import { description, fillAndLeave, files, setChecked, until } from './helpers';
import { CORPUS, describeCorpus } from '../support/corpus';

const TODAY = '2026-11-23';
/** 20 days after TODAY: inside the 90-day window of the ICP pack's 营业执照, so a red alert. */
const IN_20_DAYS = '2026-12-13';
const PROJECT = '示例科技 ICP 备案（档案）';

describeCorpus('journey: profiles, alerts, outputs and the security-update log', () => {
  let app: App;
  beforeAll(async () => {
    app = await launchApp({ today: TODAY });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('profile → project → alert → fix → bind → export, 补正清单, print', async () => {
    const { page } = app;
    await page.getByRole('heading', { level: 1, name: '材料准备助手' }).waitFor();
    await page.getByRole('heading', { name: '三色预警' }).waitFor();
    await page.getByText('最近的项目里没有带有效期的证件。').waitFor();

    // A company profile: an invalid USCC is flagged as it is typed, in the checklist's words.
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('button', { name: '公司档案' }).click();
    await page.getByRole('heading', { level: 1, name: '公司档案' }).waitFor();
    await page.getByText('还没有公司档案。').waitFor();
    await page.getByRole('button', { name: '新建档案' }).click();
    // Documents come once the profile exists: the new form says so instead of leaving them out.
    await page.getByText('保存档案后，可以在这里添加常用证件').waitFor();
    await page.getByLabel('主办单位名称').fill('上海示例科技有限公司');
    const uscc = page.getByLabel('统一社会信用代码');
    await uscc.fill('91310110666007217X');
    await until(() => uscc.getAttribute('aria-invalid')).toBe('true');
    const usccProblem = await page.locator('.has-error .problem').first().textContent();
    expect(usccProblem).toMatch(/校验/);
    await page.getByLabel('法定代表人手机号码').fill('1234');
    await until(() => page.getByLabel('法定代表人手机号码').getAttribute('aria-invalid')).toBe('true');
    await app.screenshot('20-profile-invalid');
    expect(await seriousViolations(page)).toEqual([]);
    // Saving is refused while something is wrong.
    await page.getByRole('button', { name: '保存档案' }).click();
    await page.getByText('请先改正标出的错误再保存。').waitFor();

    await uscc.fill('91310110666007217T');
    await until(() => uscc.getAttribute('aria-invalid')).toBe(null);
    // Typed with spaces, as printed on a card; stored and applied as 13912345678.
    await page.getByLabel('法定代表人手机号码').fill('139 1234 5678');
    // The same provinces as the packs' select, so a new project gets it.
    await page.getByLabel('所在省份').selectOption('上海');
    await page.getByLabel('通信地址').fill('上海市杨浦区示例路 1 号');
    await page.getByLabel('法定代表人姓名').fill('张三');
    await page.getByLabel('法定代表人身份证号码').fill('11010519491231002X');
    await page.getByLabel('法定代表人电子邮箱').fill('zhangsan@example.com');
    await until(() => page.locator('[aria-invalid="true"]').count()).toBe(0);
    await page.getByRole('button', { name: '保存档案' }).click();
    await page.getByText('已保存“上海示例科技有限公司”。').waitFor();
    await page.getByRole('button', { name: /上海示例科技有限公司/ }).waitFor();

    // The library: the 营业执照, valid for 20 more days.
    await page.getByLabel('证件类型').selectOption('business-licence');
    await page.getByLabel('有效期至（可选）').fill(IN_20_DAYS);
    await page.getByLabel('选择文件并添加…').setInputFiles(join(CORPUS, 'img-exif-landscape-o1.jpg'));
    const library = page.getByRole('list', { name: '证件库' });
    await library.getByText('img-exif-landscape-o1.jpg').waitFor();
    expect(await library.textContent()).toContain(`有效期至 ${IN_20_DAYS}`);
    // Add and remove a second one; a report has no sides to mark.
    await page.getByLabel('证件类型').selectOption('audit-report');
    expect(await page.getByLabel('哪一面').count()).toBe(0);
    await page.getByLabel('有效期至（可选）').fill('');
    await page.getByLabel('选择文件并添加…').setInputFiles(join(CORPUS, 'v20-simple.pdf'));
    await library.getByText('v20-simple.pdf').waitFor();
    await page.getByRole('button', { name: '移除“v20-simple.pdf”' }).click();
    await until(() => library.getByRole('listitem').count()).toBe(1);
    await app.screenshot('21-profiles');
    expect(await seriousViolations(page)).toEqual([]);

    // New project with the profile: subject fields filled, the 营业执照 attached with its date.
    await nav.getByRole('button', { name: '首页' }).click();
    await page.getByLabel('搜索申请类型').fill('ICP备案');
    await page.getByRole('radio', { name: /ICP备案·单位/ }).check();
    await page.getByLabel('项目名称').fill(PROJECT);
    await page.getByLabel('使用公司档案（可选）').selectOption({ label: '上海示例科技有限公司（1 份证件）' });
    const dir = join(app.tempDir, 'profile-project');
    app.platform.nextFolder = dir;
    await page.getByRole('button', { name: '选择其他位置…' }).click();
    await page.getByRole('heading', { level: 1, name: '主体信息' }).waitFor();
    expect(await page.getByLabel('主办单位名称').inputValue()).toBe('上海示例科技有限公司');
    expect(await page.getByLabel('统一社会信用代码').inputValue()).toBe('91310110666007217T');
    expect(await page.getByLabel('法定代表人手机号').inputValue()).toBe('13912345678');
    expect(await page.getByLabel('主办单位所在省份').inputValue()).toBe('上海');
    const checklist = page.getByRole('complementary', { name: '检查清单' });
    const licenceItem = checklist.getByRole('button', { name: /营业执照/ });
    await until(() => licenceItem.textContent()).toContain('有问题');

    // The dashboard names the project's 营业执照 in red (icon and word), and opens it there.
    await nav.getByRole('button', { name: '首页' }).click();
    const alerts = page.getByRole('list', { name: '预警列表' });
    const red = alerts.getByRole('listitem').filter({ hasText: '红色预警' }).filter({ hasText: '营业执照' });
    await red.waitFor();
    expect(await red.textContent()).toContain(PROJECT);
    expect(await red.textContent()).toContain('剩余 20 天');
    expect(await seriousViolations(page)).toEqual([]);
    await red.getByRole('button', { name: `去处理：${PROJECT} 的“营业执照”` }).click();
    await page.getByRole('heading', { level: 1, name: '营业执照' }).waitFor();
    expect(await files(page).filter({ hasText: 'img-exif-landscape-o1.jpg' }).count()).toBe(1);

    // Fix the failing check: the renewed licence's date, and the confirmations.
    await fillAndLeave(page.getByLabel('有效期至'), '2031-06-30');
    await setChecked(page.getByRole('checkbox', { name: '原件彩色扫描或拍照' }), true);
    await setChecked(page.getByRole('checkbox', { name: '四角完整且国徽无遮挡' }), true);
    await until(() => licenceItem.textContent()).toContain('完成');

    // The rest of the subject, then "create a profile from this project".
    await checklist.getByRole('button', { name: /主体信息/ }).click();
    await page.getByRole('heading', { level: 1, name: '主体信息' }).waitFor();
    await page.getByLabel('网站负责人是否就是法定代表人本人').selectOption('是');
    await fillAndLeave(page.getByLabel('网站域名'), 'example.com');
    await fillAndLeave(page.getByLabel('网站名称'), '示例科技官网');
    await until(() => checklist.getByRole('button', { name: /主体信息/ }).textContent()).toContain('完成');
    await page.getByRole('button', { name: '用本项目创建公司档案' }).click();
    await page.getByText(/已创建公司档案“上海示例科技有限公司”（1 份证件）/).waitFor();

    // ID card: the sideways phone photo (EXIF orientation 6) and the back.
    await checklist.getByRole('button', { name: /主体负责人（法定代表人）身份证/ }).click();
    await page.getByRole('heading', { level: 1, name: /主体负责人（法定代表人）身份证/ }).waitFor();
    // One slot per side: each file goes where it belongs, no part to choose afterwards.
    await page.getByLabel('添加正面（人像面）').setInputFiles(join(CORPUS, 'img-exif-portrait-o6.jpg'));
    await files(page).filter({ hasText: 'img-exif-portrait-o6.jpg' }).waitFor();
    await page.getByLabel('添加反面（国徽面）').setInputFiles(join(CORPUS, 'img-exif-landscape-o6.jpg'));
    await files(page).filter({ hasText: 'img-exif-landscape-o6.jpg' }).waitFor();
    await fillAndLeave(page.getByLabel('有效期至'), '2040-01-01');
    await setChecked(page.getByRole('checkbox', { name: '原件彩色扫描或拍照' }), true);

    await checklist.getByRole('button', { name: /域名证书/ }).click();
    await page.getByRole('heading', { level: 1, name: /域名证书/ }).waitFor();
    await page.getByLabel('添加文件…').setInputFiles(join(CORPUS, 'v20-simple.pdf'));
    await page.getByText('v20-simple.pdf').waitFor();
    await setChecked(page.getByRole('checkbox', { name: '域名持有者与主办单位一致' }), true);

    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { level: 1, name: /真实性核验单/ }).waitFor();
    await page.getByLabel('添加文件…').setInputFiles(join(CORPUS, 'links-internal-4p.pdf'));
    await page.getByText('links-internal-4p.pdf').waitFor();
    await setChecked(page.getByRole('checkbox', { name: '网站负责人亲笔签名' }), true);
    await setChecked(page.getByRole('checkbox', { name: '加盖公章' }), true);
    await until(() => checklist.getByRole('progressbar', { name: '完整度' }).getAttribute('aria-valuenow')).toBe('100');

    // An optional material with a file whose boxes are not ticked: the check passes, with a note.
    await checklist.getByRole('button', { name: /不涉及前置审批承诺书/ }).click();
    await page.getByRole('heading', { level: 1, name: /不涉及前置审批承诺书/ }).waitFor();
    await page.getByLabel('添加文件…').setInputFiles(join(CORPUS, 'v20-simple.pdf'));
    await files(page).filter({ hasText: 'v20-simple.pdf' }).waitFor();

    // The bind screen says so and names it, with the reason and a way there; binding stays allowed.
    await checklist.getByRole('button', { name: '去装订' }).click();
    await page.getByRole('heading', { level: 1, name: '装订' }).waitFor();
    const verdict = page.getByRole('region', { name: /检查已通过/ });
    // Besides this note, the photo checks warn about the stand-in licence photo (a landscape, not a licence).
    await verdict.getByRole('heading', { name: /检查已通过，但以下 \d+ 项请留意：/ }).waitFor();
    expect(await page.getByText('检查已通过，可以装订。').count()).toBe(0);
    const note = verdict.getByRole('listitem').filter({ hasText: '不涉及前置审批承诺书' });
    expect(await note.textContent()).toMatch(/法人亲笔签名.*加盖公章/);
    expect(await page.getByRole('checkbox', { name: /仍然装订/ }).count()).toBe(0);
    await note.getByRole('button', { name: '不涉及前置审批承诺书' }).click();
    await page.getByRole('heading', { level: 1, name: /不涉及前置审批承诺书/ }).waitFor();
    await nav.getByRole('button', { name: '装订' }).click();
    await page.getByRole('heading', { level: 1, name: '装订' }).waitFor();

    // The button comes first; the options fold under 高级选项, each style shown as it prints.
    const options = page.locator('details.options');
    const startButton = page.getByRole('button', { name: '开始装订' });
    expect((await startButton.boundingBox())!.y).toBeLessThan((await options.boundingBox())!.y);
    await options.locator('summary').click();
    const format = page.getByLabel('页码格式');
    expect(await format.locator('option:checked').textContent()).toBe('第 1 页 共 10 页');
    await format.selectOption({ label: '自定义…' });
    const custom = options.getByLabel('自定义写法');
    await custom.fill('- {page} / {total} -');
    await until(() => description(custom)).toContain('- 1 / 10 -');
    await custom.press('Enter');
    const pageNumberFormat = async () =>
      JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8')).bindOptions.pageNumberFormat;
    await until(pageNumberFormat).toBe('- {page} / {total} -');
    await format.selectOption({ label: '第 1 页 共 10 页' });
    await until(pageNumberFormat).toBe('第 {page} 页 共 {total} 页');
    // The watermark styles are the binder's own text for this pack; the switch says where it goes.
    expect(await page.getByLabel('水印文字').locator('option:checked').textContent()).toBe(
      '仅供ICP备案（单位）使用，他用无效',
    );
    expect(await description(options.getByRole('checkbox', { name: '加水印' }))).toContain(
      '主体负责人（法定代表人）身份证',
    );

    // Every binding option is offered, in groups, each with a line on what it does; each choice is
    // saved to the project at once.
    for (const group of ['页面', '页码与页眉', '图片', '水印', '其他'])
      await options.getByRole('group', { name: group, exact: true }).waitFor();
    const header = options.getByRole('checkbox', { name: '页眉显示申请单位名称' });
    expect(await description(header)).toBe('除封面外，每页顶部印上“上海示例科技有限公司”。');
    await setChecked(header, true);
    await setChecked(options.getByRole('checkbox', { name: '封面和目录也编页码' }), false);
    await options.getByLabel('图片质量').selectOption('70');
    // By keyboard: a choice is a radio group, arrow keys move and choose.
    await options.getByRole('radio', { name: '保持横向' }).focus();
    await page.keyboard.press('ArrowRight');
    await until(() => options.getByRole('radio', { name: '旋转为纵向' }).isChecked()).toBe(true);
    expect(await description(options.getByRole('group', { name: 'PDF 表单' }))).toContain('打印都一样');
    const appendix = options.getByRole('group', { name: '附录' });
    await setChecked(appendix.getByRole('checkbox', { name: '不涉及前置审批承诺书' }), true);
    const saved = async () => JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8')).bindOptions;
    await until(saved).toMatchObject({
      header: true,
      numberFrontMatter: false,
      jpegQuality: 70,
      landscape: 'rotate',
      appendix: ['no-pre-approval-commitment'],
    });
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('06a-bind-options', options);

    // Bind with progress; the packet parses and has its 目录 and page numbers.
    await startButton.click();
    await page.getByRole('progressbar', { name: '装订进度' }).waitFor();
    await page.getByText('装订完成').waitFor({ timeout: 120_000 });
    const output = (await page.getByTestId('result-file').textContent())!.trim();
    const pages = Number(await page.getByTestId('result-pages').textContent());
    expect((await PDFDocument.load(await readFile(output))).getPageCount()).toBe(pages);
    const text = execFileSync('pdftotext', ['-layout', output, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('目录');
    expect(flat).toContain('第1页');
    // The choices above, in the packet: the 承诺书 last as 附录1, no number on the cover, the
    // applicant in the header of the last page, every page portrait.
    const sheets = text.split('\f');
    expect(flat).toContain('附录1：不涉及前置审批承诺书');
    expect(sheets[0].replace(/\s+/g, '')).not.toMatch(/第\d+页/);
    expect(sheets[pages - 1].split('\n').slice(0, 3).join('')).toContain('上海示例科技有限公司');
    const packet = await PDFDocument.load(await readFile(output));
    expect(packet.getPages().filter((p) => p.getWidth() > p.getHeight())).toEqual([]);

    // Print the packet: the platform is asked to print exactly that file.
    await page.getByRole('button', { name: '打印', exact: true }).click();
    await until(() => app.platform.printed).toEqual([output]);

    // Per-file export: a job with progress (the material being exported), then one zip entry per
    // material with files, named as the pack says.
    await page.getByRole('button', { name: '导出单个文件（zip）' }).click();
    const exportProgress = page.getByRole('progressbar', { name: '导出进度' });
    await exportProgress.waitFor();
    const exported = page.getByTestId('export-result');
    await exported.waitFor({ timeout: 120_000 });
    // Done: the result replaces the bar.
    expect(await exportProgress.count()).toBe(0);
    expect(await page.getByRole('button', { name: '取消导出' }).count()).toBe(0);
    const exportStatuses = app.calls.filter((c) => c.channel === 'export:status').map((c) => c.value as ExportJob);
    expect(exportStatuses.at(-1)?.state).toBe('done');
    expect(
      exportStatuses.some(
        (job) => job.state === 'running' && job.progress?.phase === 'materials' && job.progress.label,
      ),
    ).toBe(true);
    const zipPath = (await exported.locator('p.mono').textContent())!.trim();
    expect(zipPath.startsWith(join(dir, 'out'))).toBe(true);
    const entries = Object.keys(unzipSync(new Uint8Array(await readFile(zipPath))));
    const pack = parse(await readFile(join(REPO, 'rules/icp-filing-enterprise.yaml'), 'utf8')) as {
      materials: { id: string; exportName?: string }[];
    };
    const exportName = (id: string) => pack.materials.find((m) => m.id === id)?.exportName;
    const expected = [
      'business-licence',
      'legal-rep-id-card',
      'domain-certificate',
      'verification-form',
      'no-pre-approval-commitment',
    ].map(exportName);
    expect(expected.every(Boolean)).toBe(true);
    // Materials the pack exports as images give one JPEG per page or part (`<exportName>-<part or n>.jpg`).
    const base = (name: string) => name.replace(/\.[a-z]+$/, '');
    const owner = (name: string) => expected.find((e) => base(name) === e || base(name).startsWith(`${e}-`));
    expect(entries.filter((name) => !owner(name))).toEqual([]);
    for (const e of expected) expect(entries.some((name) => owner(name) === e)).toBe(true);
    const idCard = exportName('legal-rep-id-card')!;
    expect(entries.filter((name) => owner(name) === idCard).sort()).toEqual(
      [`${idCard}-正面（人像面）.jpg`, `${idCard}-反面（国徽面）.jpg`].sort(),
    );
    expect(await exported.getByRole('listitem').count()).toBe(entries.length);

    // The 补正清单 PDF parses; printing it is recorded too.
    await page.getByRole('button', { name: '生成补正清单' }).click();
    const correction = page.getByTestId('correction-result');
    await correction.waitFor();
    const listPath = (await correction.locator('p.mono').textContent())!.trim();
    const listPdf = await PDFDocument.load(await readFile(listPath));
    expect(listPdf.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(await correction.textContent()).toContain(`共 ${listPdf.getPageCount()} 页`);
    expect(execFileSync('pdftotext', [listPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain('补正');
    await page.getByRole('button', { name: '打印补正清单' }).click();
    await until(() => app.platform.printed).toEqual([output, listPath]);
    await app.screenshot('23-bind-outputs', page.getByRole('region', { name: '其他输出' }));
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.getByRole('button', { name: '重新装订' }).isEnabled()).toBe(true);

    // Coming back later: the last packet can be opened again, the options fold into one line of
    // choices, and the history's rows open their packets.
    await nav.getByRole('button', { name: '材料' }).click();
    await nav.getByRole('button', { name: '装订' }).click();
    await page.getByRole('heading', { name: '上次装订的文件' }).waitFor();
    expect((await page.getByTestId('result-file').textContent())!.trim()).toBe(output);
    expect(await page.getByRole('button', { name: '重新装订' }).count()).toBe(1);
    await page.getByRole('button', { name: '打开 PDF' }).click();
    await until(() => app.platform.opened).toEqual([output]);
    expect(await options.getAttribute('open')).toBe(null);
    expect(await options.locator('summary').textContent()).toContain(`页码：第 1 页 共 ${pages} 页`);
    // Choices other than the binder's defaults are named in the folded line too.
    expect(await options.locator('summary').textContent()).toContain(
      '另：横向页转为纵向、封面和目录不编页码、页眉、图片质量 70、附录 1 份',
    );
    const history = page.getByRole('region', { name: '装订记录' });
    await history.getByRole('button', { name: /^打开 .*装订的“.*\.pdf”$/ }).click();
    await until(() => app.platform.opened).toEqual([output, output]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(app.blocked).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('news licence: the 安全更新记录 editor marks an unsigned entry to do and, once signed, generates a one-page chart', async () => {
    const { page } = app;
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('button', { name: '首页' }).click();
    await page.getByLabel('搜索申请类型').fill('新闻');
    await page.getByRole('radio', { name: /互联网新闻信息服务许可证/ }).check();
    await page.getByLabel('项目名称').fill('新闻许可');
    app.platform.nextFolder = join(app.tempDir, 'news-project');
    await page.getByRole('button', { name: '选择其他位置…' }).click();
    await page.getByRole('heading', { level: 1, name: '主体信息' }).waitFor();

    const checklist = page.getByRole('complementary', { name: '检查清单' });
    const logItem = checklist.getByRole('button', { name: /^安全更新记录/ });
    // Optional, like the material its chart goes to.
    expect(await logItem.textContent()).toContain('可选');
    await logItem.click();
    await page.getByRole('heading', { level: 1, name: '安全更新记录' }).waitFor();

    const entry = async (n: number, date: string, problem: string, signed: boolean) => {
      await page.getByRole('button', { name: '添加一条' }).click();
      await page.getByLabel(`第 ${n} 条 日期`).waitFor();
      await fillAndLeave(page.getByLabel(`第 ${n} 条 日期`), date);
      await fillAndLeave(page.getByLabel(`第 ${n} 条 发现的问题`), problem);
      await fillAndLeave(page.getByLabel(`第 ${n} 条 整改措施`), '升级组件并复测');
      await fillAndLeave(page.getByLabel(`第 ${n} 条 效果`), '复测通过');
      await fillAndLeave(page.getByLabel(`第 ${n} 条 责任人`), '李四');
      if (signed) await setChecked(page.getByLabel(`第 ${n} 条 已签字`), true);
    };
    await entry(1, '2026-09-15', '发现 OpenSSL 高危漏洞', true);
    await entry(2, '2026-11-02', '后台弱口令', false);

    // The check lists the unsigned entry under its own row, as something still to do (not red), and
    // generating waits for it.
    const rows = page.locator('.log-table tbody');
    await until(() => rows.nth(1).locator('.problem-todo').allTextContents()).toEqual([
      expect.stringContaining('第 2 条更新记录（2026-11-02 后台弱口令）还未经负责人签字'),
    ]);
    expect(await rows.nth(0).locator('.problem').count()).toBe(0);
    await until(() => logItem.textContent()).toContain('待完成');
    const generate = page.getByRole('button', { name: '生成演进图', exact: true });
    expect(await generate.isDisabled()).toBe(true);
    // Every cell kept its value (edits in quick succession do not overwrite each other).
    expect(await page.getByLabel('第 1 条 效果').inputValue()).toBe('复测通过');
    expect(await page.getByLabel('第 1 条 已签字').isChecked()).toBe(true);

    await setChecked(page.getByLabel('第 2 条 已签字'), true);
    await until(() => logItem.textContent()).toContain('还没有生成演进图');
    await generate.click();
    const chart = page.locator('.chart-file');
    await chart.waitFor();
    expect(await chart.textContent()).toMatch(/网络安全演进图-2026-11-23\.pdf.*1 页/);
    // The chart's preview, rendered by pdf.js, before the screenshot.
    await page
      .getByRole('img', { name: /网络安全演进图-2026-11-23\.pdf/ })
      .and(page.locator('[aria-busy="false"]'))
      .waitFor();
    await app.screenshot('24-security-log');
    expect(await seriousViolations(page)).toEqual([]);

    // The material itself now holds the one-page PDF.
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { level: 1, name: /网络安全演进图）/ }).waitFor();
    const chartFile = files(page).filter({ hasText: '网络安全演进图-2026-11-23.pdf' });
    await chartFile.waitFor();
    expect(await chartFile.textContent()).toContain('1 页');

    // The granted licence (3 years from its grant date) runs out in 57 days (the day before the third anniversary): a yellow alert on Home.
    await nav.getByRole('button', { name: '装订' }).click();
    await page.getByRole('heading', { name: '获批的许可证' }).waitFor();
    // Tab moves between a date input's parts, so Enter commits it.
    await page.getByLabel('发证日期').fill('2024-01-20');
    await page.getByLabel('发证日期').press('Enter');
    await until(() => app.calls.filter((c) => c.channel === 'alerts:setLicence' && c.ok).length).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await nav.getByRole('button', { name: '首页' }).click();
    const yellow = page
      .getByRole('list', { name: '预警列表' })
      .getByRole('listitem')
      .filter({ hasText: '黄色预警' })
      .filter({ hasText: '新闻许可' });
    await yellow.waitFor();
    expect(await yellow.textContent()).toContain('新闻信息服务许可（许可证本身）');
    expect(await yellow.textContent()).toContain('剩余 57 天');
    // The first project's 营业执照 was renewed: no red alert is left.
    expect(await page.getByRole('list', { name: '预警列表' }).getByText('红色预警').count()).toBe(0);
    await app.screenshot('22-dashboard');
    expect(await seriousViolations(page)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
