/** Dates typed the ways people type them become one YYYY-MM-DD; a day that does not exist is refused. */
import { describe, expect, it } from 'vitest';
import { parseDateText } from '../../src/core/model/dates';

describe('parseDateText', () => {
  it.each([
    ['2026-12-07', '2026-12-07'],
    ['2026-12-7', '2026-12-07'],
    ['2026/1/5', '2026-01-05'],
    ['2026/12/07', '2026-12-07'],
    ['2026.12.07', '2026-12-07'],
    ['20261207', '2026-12-07'],
    ['2026年12月7日', '2026-12-07'],
    ['2026年1月5', '2026-01-05'],
    [' 2026 年 12 月 7 日 ', '2026-12-07'],
    ['２０２６－１２－０７', '2026-12-07'],
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (typed, iso) => {
    expect(parseDateText(typed)).toBe(iso);
  });

  it.each([
    '2026-02-30',
    '2025-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-1',
    '12/07/2026',
    '0202-01-01',
    '2026127',
    '长期',
    '',
  ])('refuses %j', (typed) => {
    expect(parseDateText(typed)).toBeNull();
  });
});
