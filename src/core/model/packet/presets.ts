/**
 * Ready-made choices for binding, so a clerk picks what a packet is for instead of setting fourteen
 * options, and picks a page-number or watermark style by what it looks like instead of writing
 * `{page}`. Data, not UI: the bind screen, the settings screen and the CLI read the same lists.
 */
import type { BindOptions } from '../schemas/bind-options';

/** What a packet is for: uploaded to a portal, or printed and bound on paper. */
export const BIND_PRESET_IDS = ['online', 'print'] as const;
export type BindPresetId = (typeof BIND_PRESET_IDS)[number];

/**
 * The options each purpose sets; every other option keeps its value. 网上提交: smaller images (portals
 * cap file size), no dividers or blank pages that only cost bytes. 打印成册: each material on the front
 * of a sheet, a binding margin, dividers to find materials, every page upright.
 */
export const BIND_PRESETS: Record<BindPresetId, Partial<BindOptions>> = {
  online: {
    dividers: false,
    duplex: false,
    bindingMargin: false,
    landscape: 'keep',
    dpi: 150,
    jpegQuality: 70,
  },
  print: {
    dividers: true,
    duplex: true,
    bindingMargin: true,
    landscape: 'rotate',
    dpi: 200,
    jpegQuality: 85,
  },
};

/** Which purpose the options match exactly in every option a preset sets, or null (the user's own mix). */
export function bindPresetOf(options: BindOptions): BindPresetId | null {
  return (
    BIND_PRESET_IDS.find((id) =>
      Object.entries(BIND_PRESETS[id]).every(([key, value]) => options[key as keyof BindOptions] === value),
    ) ?? null
  );
}

/** The fields a template may hold, by kind: what the insert buttons of the custom mode offer. */
export const TEMPLATE_FIELDS = {
  pageNumber: ['page', 'total'],
  watermark: ['purpose', 'applicant'],
} as const;
export type TemplateKind = keyof typeof TEMPLATE_FIELDS;

/** The page-number styles offered, the first being the binder's default. */
export const PAGE_NUMBER_FORMATS = [
  '第 {page} 页 共 {total} 页',
  '第 {page} 页 / 共 {total} 页',
  '- {page} -',
  '{page}/{total}',
  '{page}',
] as const;

/** The watermark wordings offered, the first being the settings' default; {purpose} is the application. */
export const WATERMARK_TEMPLATES = [
  '仅供{purpose}使用，他用无效',
  '仅供{purpose}使用',
  '仅供{applicant}办理{purpose}使用',
  '此复印件仅供{purpose}使用，再复印无效',
] as const;

export const TEMPLATE_PRESETS: Record<TemplateKind, readonly string[]> = {
  pageNumber: PAGE_NUMBER_FORMATS,
  watermark: WATERMARK_TEMPLATES,
};

/** `{field}` as it is written in a template. */
export function templateField(field: string): string {
  return `{${field}}`;
}

/** Unknown `{…}` in a template, which the binder would print as they are (a typo like `{pgae}`). */
export function unknownTemplateFields(kind: TemplateKind, template: string): string[] {
  const known = new Set<string>(TEMPLATE_FIELDS[kind]);
  return [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? '').filter((name) => !known.has(name));
}
