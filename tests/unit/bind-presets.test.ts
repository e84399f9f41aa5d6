/** The binding presets are data every adapter reads: each must be valid options and say what it prints. */
import { describe, expect, it } from 'vitest';
import { BindOptionsSchema, DEFAULT_PAGE_NUMBER_FORMAT } from '../../src/core/model/schemas/bind-options';
import { SettingsSchema } from '../../src/core/model/schemas/settings';
import {
  BIND_PRESETS,
  BIND_PRESET_IDS,
  PAGE_NUMBER_FORMATS,
  WATERMARK_TEMPLATES,
  bindPresetOf,
  unknownTemplateFields,
} from '../../src/core/model/packet/presets';
import { footerText } from '../../src/core/model/packet/stamp-text';
import { fillWatermarkWith } from '../../src/core/model/packet/select';

describe('bind presets', () => {
  it('are valid options, and the options they make are recognised as them', () => {
    for (const id of BIND_PRESET_IDS) {
      const options = BindOptionsSchema.parse({ ...BIND_PRESETS[id], header: true, appendix: ['x'] });
      expect(bindPresetOf(options)).toBe(id);
    }
  });

  it('differ where a printed packet and an uploaded one differ', () => {
    expect(BIND_PRESETS.online).toMatchObject({ dividers: false, duplex: false, bindingMargin: false });
    expect(BIND_PRESETS.print).toMatchObject({ dividers: true, duplex: true, bindingMargin: true });
    expect(BIND_PRESETS.online.dpi!).toBeLessThan(BIND_PRESETS.print.dpi!);
  });

  it('a mix matches neither', () => {
    const mixed = BindOptionsSchema.parse({ ...BIND_PRESETS.online, dividers: true });
    expect(bindPresetOf(mixed)).toBeNull();
    // The binder's bare defaults are not silently called one of them either.
    expect(bindPresetOf(BindOptionsSchema.parse({}))).toBeNull();
  });
});

describe('template presets', () => {
  it('start with the defaults the binder and Settings use', () => {
    expect(PAGE_NUMBER_FORMATS[0]).toBe(DEFAULT_PAGE_NUMBER_FORMAT);
    expect(WATERMARK_TEMPLATES[0]).toBe(SettingsSchema.parse({}).watermarkTemplate);
  });

  it('hold only fields the binder fills, and read as the issue asks', () => {
    for (const format of PAGE_NUMBER_FORMATS) expect(unknownTemplateFields('pageNumber', format)).toEqual([]);
    for (const text of WATERMARK_TEMPLATES) expect(unknownTemplateFields('watermark', text)).toEqual([]);
    expect(PAGE_NUMBER_FORMATS.map((f) => footerText(f, 1, 10))).toEqual([
      '第 1 页 共 10 页',
      '第 1 页 / 共 10 页',
      '- 1 -',
      '1/10',
      '1',
    ]);
    const filled = WATERMARK_TEMPLATES.map((t) => fillWatermarkWith(t, { applicant: '甲公司', purpose: 'ICP备案' }));
    expect(filled).toContain('仅供ICP备案使用');
    expect(filled.join('')).not.toMatch(/[{}]/);
  });

  it('finds a misspelt field', () => {
    expect(unknownTemplateFields('pageNumber', '第 {pgae} 页 共 {total} 页')).toEqual(['pgae']);
    expect(unknownTemplateFields('watermark', '{page}')).toEqual(['page']);
  });
});
