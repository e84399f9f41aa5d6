/**
 * What goes into a packet and who it is for, read from the project, the rule pack and the check.
 * Pure and browser-safe (type imports only): the bind screen previews the watermark with it.
 */
import type { CheckReport } from '../schemas/check-report';
import type { FileRef, MaterialEntry, ProjectDoc } from '../schemas/project';
import type { MaterialRule, RulePack } from '../schemas/rules';
import type { BindOptions } from '../schemas/bind-options';

export interface PacketMaterial {
  rule: MaterialRule;
  files: FileRef[];
  entry: MaterialEntry;
  /** Bound after the others, as 附录. */
  appendix?: boolean;
}

/** Materials with files whose check status is not 'not-required', in rule order; `appendix` ids last. */
export function selectMaterials(
  doc: ProjectDoc,
  pack: RulePack,
  report: CheckReport,
  appendix: string[] = [],
): PacketMaterial[] {
  const status = new Map(report.materials.map((m) => [m.id, m.status]));
  const chosen = pack.materials.flatMap((rule) => {
    const entry = doc.materials[rule.id];
    if (!entry || entry.files.length === 0 || status.get(rule.id) === 'not-required') return [];
    return [{ rule, files: entry.files, entry, appendix: appendix.includes(rule.id) }];
  });
  return [...chosen.filter((m) => !m.appendix), ...chosen.filter((m) => m.appendix)];
}

/** What the 目录, dividers and bookmarks call each material: `1. 营业执照`, `附录1：授权书`. */
export function materialLabels(materials: PacketMaterial[], appendixLabel: (n: number) => string): string[] {
  let main = 0;
  let extra = 0;
  return materials.map((m) => (m.appendix ? `${appendixLabel(++extra)}${m.rule.title}` : `${++main}. ${m.rule.title}`));
}

function field(doc: ProjectDoc, ...ids: string[]): string | undefined {
  for (const id of ids) {
    const value = doc.fields[id];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}

/** The applicant: company name, else the person's name, else the project's name. */
export function applicantOf(doc: ProjectDoc): string {
  return (
    field(doc, 'company_name', 'org_name', 'organization_name', 'applicant_name', 'owner_name', 'name') ?? doc.name
  );
}

export function contactOf(doc: ProjectDoc): string | undefined {
  const parts = [
    field(doc, 'contact_name', 'contact_person', 'webmaster_name', 'legal_rep_name'),
    field(doc, 'contact_mobile', 'contact_phone', 'contact_tel', 'webmaster_mobile', 'legal_rep_mobile'),
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('  ') : undefined;
}

/** The watermark for a material, or undefined when it gets none. */
export function watermarkOf(
  rule: MaterialRule,
  options: BindOptions,
  doc: ProjectDoc,
  pack: RulePack,
): string | undefined {
  if (!options.watermark || !rule.watermark) return undefined;
  return fillWatermark(options.watermarkText ?? rule.watermark, doc, pack);
}

/** A watermark template filled in: `{applicant}` is the applicant, `{purpose}` the pack's short title. */
export function fillWatermark(template: string, doc: ProjectDoc, pack: RulePack): string {
  return fillWatermarkWith(template, { applicant: applicantOf(doc), purpose: pack.shortTitle ?? pack.title });
}

/** The same with the values given (the settings screen previews the template with example ones). */
export function fillWatermarkWith(template: string, values: { applicant: string; purpose: string }): string {
  return template.replace(/\{applicant\}/g, values.applicant).replace(/\{purpose\}/g, values.purpose);
}

/**
 * The date printed on the cover and in the metadata. Deterministic packets never read the clock:
 * they use the caller's `now` (the CLI passes --today) or else the project's creation time, which
 * recording a bound packet in the history does not change.
 */
export function packetDate(doc: ProjectDoc, options: BindOptions, now?: Date): Date {
  if (options.deterministic && !now) {
    const stamp = new Date(doc.createdAt);
    return Number.isNaN(stamp.getTime()) ? new Date(0) : stamp;
  }
  return now ?? new Date();
}
