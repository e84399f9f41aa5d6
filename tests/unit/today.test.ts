/**
 * One "today" for the whole app, in local time: just after midnight in Beijing it is already the new
 * day there while UTC still has yesterday's date, and a validator must use the user's date.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localToday } from '../../src/core/model/today';
import { validateField } from '../../src/i18n/fields';

const TZ = process.env.TZ;
// 2026-12-07 01:30 in Beijing (UTC+8) is still 2026-12-06 in UTC.
const JUST_AFTER_MIDNIGHT_IN_BEIJING = new Date('2026-12-06T17:30:00Z');
// A valid 居民身份证号码 of someone born on 2026-12-07 (check character computed per GB 11643).
const BORN_2026_12_07 = '110101202612070011';

describe('today', () => {
  beforeEach(() => {
    process.env.TZ = 'Asia/Shanghai';
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(JUST_AFTER_MIDNIGHT_IN_BEIJING);
  });
  afterEach(() => {
    vi.useRealTimers();
    if (TZ === undefined) delete process.env.TZ;
    else process.env.TZ = TZ;
  });

  it("is the local calendar date, not UTC's", () => {
    expect(new Date().toISOString().slice(0, 10)).toBe('2026-12-06');
    expect(localToday()).toBe('2026-12-07');
  });

  it('is what the field validators use when no date is given: born today is not in the future', () => {
    expect(validateField('cn-id', BORN_2026_12_07)).toMatchObject({ valid: true });
    expect(validateField('cn-id', BORN_2026_12_07, { today: '2026-12-06' })).toMatchObject({ valid: false });
  });
});
