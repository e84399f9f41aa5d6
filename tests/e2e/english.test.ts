/**
 * English is English: in English mode Home, the applicant form, a material step and the checklist show
 * the rule pack's English — no Chinese sentence, only terms in brackets, document titles and values.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, seriousViolations, type App } from './harness';
import { until, writeBlankPdf } from './helpers';
import { hasChineseSentence } from '../../src/core/model/rules/text';

type Attributes = { getAttribute(name: string): string | null };

/** What a user can read on the page — its text, tooltips, accessible names, placeholders — that is a Chinese sentence. */
async function chineseSentences(page: Page): Promise<string[]> {
  const text = (await page.locator('body').innerText()).split('\n');
  const attributes = await page
    .locator('[title],[aria-label],[placeholder]')
    .evaluateAll((els: unknown[]) =>
      els.flatMap((el) =>
        ['title', 'aria-label', 'placeholder'].map((name) => (el as Attributes).getAttribute(name) ?? ''),
      ),
    );
  // A 依据 link is named by the cited document's own (Chinese) title, as the sources list shows it.
  return [...text, ...attributes].filter(hasChineseSentence).filter((line) => !line.startsWith('Open page: '));
}

describe('English mode', () => {
  let app: App;
  beforeAll(async () => {
    app = await launchApp({ today: '2026-11-23', appFile: JSON.stringify({ settings: { locale: 'en' } }) });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the packs, the form, a material and the checklist in English', async () => {
    const { page } = app;
    await page.getByLabel('Search application types').waitFor();
    await page.getByLabel('Search application types').fill('ICP filing');
    const pack = page.getByRole('radio', { name: /Service Filing — organisation \(ICP备案·单位\)/ });
    await pack.check();
    expect(await chineseSentences(page)).toEqual([]);
    await app.screenshot('43-home-packs-en');

    await page.getByLabel(/project name/i).fill('Example Co');
    await page.getByRole('button', { name: 'Create project', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Applicant details' }).waitFor();

    const question = page.getByLabel('Is the website owner (网站负责人) the legal representative in person?');
    // The labels are English, the stored values stay Chinese.
    expect(await question.locator('option').allTextContents()).toEqual(expect.arrayContaining(['Yes', 'No']));
    await question.selectOption({ label: 'No' });
    await until(() => question.inputValue()).toBe('否');
    await page.getByLabel('Province of the host organisation').selectOption({ label: 'Guangdong' });
    await until(() => page.getByRole('button', { name: /Guangdong\)/ }).count()).toBe(1);
    expect(await chineseSentences(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('44-subject-en');

    const checklist = page.getByRole('complementary', { name: 'Checklist' });
    await checklist.getByRole('button', { name: /Letter of authorisation/ }).click();
    await page
      .getByRole('heading', { level: 1, name: /Letter of authorisation from the legal representative/ })
      .waitFor();
    const letter = await writeBlankPdf(join(app.tempDir, 'letter.pdf'));
    await page.getByLabel('Add files…').setInputFiles(letter);
    await page
      .getByRole('list', { name: 'Added files' })
      .getByRole('listitem')
      .filter({ hasText: 'letter.pdf' })
      .waitFor();
    await page.getByRole('checkbox', { name: 'Stamped with the official seal (公章)' }).waitFor();
    expect(await chineseSentences(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('45-material-en');

    // Switched off by the answer: the note says so in English.
    await checklist.getByRole('button', { name: /Applicant details/ }).click();
    await question.selectOption({ label: 'Yes' });
    const note = checklist.getByTestId('not-bound');
    await until(() => note.count()).toBe(1);
    expect(await note.textContent()).toContain('Not bound');
    expect(await note.textContent()).toContain(
      'is "Yes", so this material is not needed; its 1 file will not be bound.',
    );
    expect(await chineseSentences(page)).toEqual([]);

    // The bind screen: what is still missing, in English (the packet it makes stays Chinese).
    await page.getByRole('navigation').getByRole('button', { name: 'Bind' }).click();
    await page.getByRole('heading', { level: 1, name: /Bind/ }).waitFor();
    // Only the watermark stays Chinese: it is printed on the packet, with the pack's Chinese short title.
    await page.locator('details.options summary').click();
    // The watermark styles offered are Chinese wordings too ("此复印件仅供…使用，再复印无效").
    const watermark = /仅供(\{purpose\}|ICP备案（单位）)使用，(他用|再复印)无效/;
    const chinese = await chineseSentences(page);
    expect(chinese.filter((text) => !watermark.test(text))).toEqual([]);
    expect(chinese.some((text) => text.includes('仅供ICP备案（单位）使用，他用无效'))).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
