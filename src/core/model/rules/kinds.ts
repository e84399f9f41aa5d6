/**
 * What kind of paper a material is (an ID card, the business licence, a signed letter …), for the
 * example picture and the list of what is commonly wrong. A pack may say it (`kind:`); otherwise it
 * is read from what the material already declares, so the built-in packs need no new line.
 */
import type { MaterialKind, MaterialRule } from '../schemas/rules';

export { MATERIAL_KINDS, type MaterialKind } from '../schemas/rules';

/** Commonly wrong, by kind; each is worded in the catalog as `examples.mistake.<code>`. */
export const MISTAKES = [
  'corners',
  'glare',
  'blurry',
  'bothSides',
  'expired',
  'notColour',
  'noStamp',
  'noSignature',
  'undated',
  'blankLeft',
  'stampOverText',
  'notOriginal',
  'pagesMissing',
  'tilted',
] as const;
export type Mistake = (typeof MISTAKES)[number];

export const KIND_MISTAKES: Record<MaterialKind, readonly Mistake[]> = {
  'id-card': ['corners', 'glare', 'bothSides', 'expired', 'notColour'],
  'business-licence': ['corners', 'glare', 'blurry', 'noStamp', 'notOriginal'],
  'signed-letter': ['noSignature', 'noStamp', 'undated', 'blankLeft', 'stampOverText'],
  'stamped-document': ['noStamp', 'pagesMissing', 'blurry', 'tilted'],
  certificate: ['expired', 'corners', 'blurry', 'glare'],
  document: ['pagesMissing', 'blurry', 'tilted', 'corners'],
};

/** The example pictures drawn (assets/examples/<name>.svg). */
export const PICTURES = [
  'id-card-front',
  'id-card-back',
  'business-licence',
  'signed-letter',
  'stamped-document',
  'certificate',
  'document',
] as const;
export type Picture = (typeof PICTURES)[number];

/** The pictures of each kind; an ID card has one per side. */
export const KIND_PICTURES: Record<MaterialKind, readonly Picture[]> = {
  'id-card': ['id-card-front', 'id-card-back'],
  'business-licence': ['business-licence'],
  'signed-letter': ['signed-letter'],
  'stamped-document': ['stamped-document'],
  certificate: ['certificate'],
  document: ['document'],
};

const SIGNED = /签字|签名|签署|签章/;
const STAMPED = /盖章|公章/;

type KindInput = Pick<MaterialRule, 'id' | 'parts' | 'confirm' | 'expires' | 'kind'>;

export function materialKind(material: KindInput): MaterialKind {
  if (material.kind) return material.kind;
  const parts = new Set((material.parts ?? []).map((p) => p.id));
  if (parts.has('front') && parts.has('back')) return 'id-card';
  if (/business-licen[cs]e|uscc-certificate/.test(material.id)) return 'business-licence';
  const confirm = (material.confirm ?? []).join(' ');
  if (SIGNED.test(confirm)) return 'signed-letter';
  if (STAMPED.test(confirm)) return 'stamped-document';
  if (material.expires) return 'certificate';
  return 'document';
}

/** The picture of one part of a material, when the kind has one drawn per part (身份证 人像面 / 国徽面). */
export function partPicture(kind: MaterialKind, partId: string): Picture | undefined {
  if (kind !== 'id-card') return undefined;
  return partId === 'front' ? 'id-card-front' : partId === 'back' ? 'id-card-back' : undefined;
}
