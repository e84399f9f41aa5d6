import { describe, it, expect } from 'vitest';
import { describeAlert } from '../../src/i18n/alerts';
import { expiryAlerts, alertLevel, licenceExpiry, YELLOW_MARGIN_DAYS } from '../../src/core/alerts';
import { RulePackSchema, type RulePackInput } from '../../src/core/model/schemas/rules';
import { ProjectDocSchema, type ProjectDoc } from '../../src/core/model/schemas/project';

function pack(over: Partial<RulePackInput> = {}) {
  return RulePackSchema.parse({
    id: 'news-licence',
    title: '互联网新闻信息服务许可',
    shortTitle: '新闻许可',
    version: '1',
    effective: '2017-06-01',
    authority: '国家网信办',
    sources: ['国家网信办令第1号'],
    validity: { years: 3, renewBeforeDays: 30 },
    fields: [{ id: 'special', label: '特殊', type: 'boolean' }],
    materials: [
      { id: 'business-licence', title: '营业执照', expires: { minDaysLeft: 90 } },
      { id: 'id-card', title: '身份证', expires: { minDaysLeft: 90 } },
      { id: 'pre-approval', title: '前置审批文件', when: 'special = true', expires: { minDaysLeft: 1 } },
      { id: 'undated', title: '无期限材料' },
    ],
    ...over,
  });
}

function doc(
  name: string,
  materials: Record<string, { validUntil?: string }>,
  extra: Partial<ProjectDoc> = {},
): ProjectDoc {
  return ProjectDocSchema.parse({
    schemaVersion: 1,
    id: name,
    name,
    rulePack: { id: 'news-licence', version: '1' },
    materials: Object.fromEntries(
      Object.entries(materials).map(([k, v]) => [k, { files: [], confirmations: [], ...v }]),
    ),
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...extra,
  });
}

describe('alertLevel', () => {
  it('is red below the line, yellow within the margin above it, blue beyond', () => {
    expect(alertLevel(-1, 0)).toBe('red');
    expect(alertLevel(89, 90)).toBe('red');
    expect(alertLevel(90, 90)).toBe('yellow');
    expect(alertLevel(90 + YELLOW_MARGIN_DAYS - 1, 90)).toBe('yellow');
    expect(alertLevel(90 + YELLOW_MARGIN_DAYS, 90)).toBe('green');
  });
});

describe('expiryAlerts', () => {
  const today = '2026-11-23';

  it("titles each alert in the UI's language: the pack's English for en", () => {
    const english = pack({
      en: { title: 'Internet News Information Service Licence', shortTitle: 'News licence' },
      validity: { years: 3, renewBeforeDays: 30 },
      materials: [{ id: 'business-licence', title: '营业执照', en: { title: 'Business licence (营业执照)' } }],
    });
    const input = [
      {
        dir: '/a',
        doc: doc(
          '甲公司',
          { 'business-licence': { validUntil: '2027-01-31' } },
          { fields: { licence_valid_until: '2027-02-01' } },
        ),
        rulePack: english,
      },
    ];
    const titles = (locale?: string) =>
      expiryAlerts(input, today, locale)
        .map((a) => a.title)
        .sort();
    expect(titles('en')).toEqual(['Business licence (营业执照)', 'News licence']);
    expect(titles()).toEqual(['新闻许可', '营业执照']);
  });

  it('uses the material minDaysLeft as the red line and sorts most urgent first', () => {
    const alerts = expiryAlerts(
      [
        {
          dir: '/a',
          doc: doc('甲公司', {
            'business-licence': { validUntil: '2027-01-31' },
            'id-card': { validUntil: '2026-11-20' },
          }),
          rulePack: pack(),
        },
        {
          dir: '/b',
          doc: doc('乙公司', {
            'business-licence': { validUntil: '2027-12-31' },
            'id-card': { validUntil: '2027-03-01' },
          }),
          rulePack: pack(),
        },
      ],
      today,
    );
    expect(alerts.map((a) => [a.projectName, a.materialId, a.level, a.daysLeft])).toEqual([
      ['甲公司', 'id-card', 'red', -3],
      ['甲公司', 'business-licence', 'red', 69],
      ['乙公司', 'id-card', 'yellow', 98],
      ['乙公司', 'business-licence', 'green', 403],
    ]);
    expect(describeAlert(alerts[0], 'zh-CN')).toContain('已于 2026-11-20 过期');
    expect(describeAlert(alerts[1], 'zh-CN')).toContain('90 天');
    expect(alerts[0].windowDays).toBe(90);
  });

  it('skips 长期, materials that do not apply, and undated ones; applies the default window otherwise', () => {
    const alerts = expiryAlerts(
      [
        {
          dir: '/a',
          doc: doc('甲', {
            'business-licence': { validUntil: '长期' },
            'pre-approval': { validUntil: '2026-11-24' },
            undated: { validUntil: '2026-12-10' },
          }),
          rulePack: pack(),
        },
      ],
      today,
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ materialId: 'undated', level: 'red', daysLeft: 17, windowDays: 30 });
  });

  it('warns about the licence itself from its grant date and the pack validity', () => {
    const granted = doc('丙', {}, { licence: { number: '京网新备〔2023〕1号', grantedOn: '2023-12-20' } });
    expect(licenceExpiry(granted, pack())).toBe('2026-12-19');
    const [alert] = expiryAlerts([{ dir: '/c', doc: granted, rulePack: pack() }], today);
    expect(alert).toMatchObject({ subject: 'licence', level: 'red', daysLeft: 26, windowDays: 30, title: '新闻许可' });
    expect(describeAlert(alert, 'zh-CN')).toContain('新闻许可（许可证本身）');

    // On the last day to apply (届满前 30 日) the alert is already red; one day earlier it is yellow.
    const lastDay = doc('丁', {}, { licence: { validUntil: '2026-12-23' } });
    expect(expiryAlerts([{ dir: '/d', doc: lastDay, rulePack: pack() }], today)[0].level).toBe('red');
    const dayBefore = doc('丁', {}, { licence: { validUntil: '2026-12-24' } });
    expect(expiryAlerts([{ dir: '/d', doc: dayBefore, rulePack: pack() }], today)[0].level).toBe('yellow');
  });

  it('writes English messages when asked', () => {
    const [alert] = expiryAlerts(
      [{ dir: '/a', doc: doc('A', { 'id-card': { validUntil: '2026-11-20' } }), rulePack: pack() }],
      today,
    );
    expect(describeAlert(alert, 'en')).toMatch(/expired on 2026-11-20 \(3 days ago\)/);
  });
});
