/**
 * Which materials are documents matprep can read, and what each reading says about the project:
 * the subject fields it fills or checks (by the built-in packs' field ids) and whether its term is
 * the material's validity date. Pure data and lookups: shared by the check, the form offer and the
 * job that runs the engine.
 */
import type { FileRef, MaterialEntry } from '../schemas/project';
import type { DocumentKind, FieldKey, ReadResult } from './types';

export interface DocumentRole {
  kind: DocumentKind;
  /** Read field → the pack's field id it corresponds to. */
  fields: Partial<Record<FieldKey, string>>;
  /** The reading's `validUntil` is the material's 有效期至. */
  expiry: boolean;
}

const licence: DocumentRole = {
  kind: 'business-licence',
  fields: { name: 'org_name', uscc: 'uscc', legalRepresentative: 'legal_rep_name' },
  expiry: true,
};
const idCard = (name: string, idNumber: string): Record<string, DocumentRole> => ({
  front: { kind: 'id-card-front', fields: { name: name, idNumber }, expiry: false },
  back: { kind: 'id-card-back', fields: {}, expiry: true },
});

/** Material id → the role of its files, by the part a file shows (`*`: any part). */
const MATERIALS: Record<string, Record<string, DocumentRole>> = {
  'business-licence': { '*': licence },
  'legal-rep-id-card': idCard('legal_rep_name', 'legal_rep_id'),
  'webmaster-id-card': idCard('webmaster_name', 'webmaster_id'),
  'id-card': idCard('name', 'id_number'),
};

/** The roles of one file: one per part it is marked with (an unmarked ID card file is taken as the photo side). */
export function rolesOf(materialId: string, file: Pick<FileRef, 'part'>): DocumentRole[] {
  const roles = MATERIALS[materialId];
  if (!roles) return [];
  if (roles['*']) return [roles['*']];
  const parts = (file.part ?? '').split(/[\s,+]+/).filter((p) => roles[p]);
  return parts.length ? parts.map((p) => roles[p]) : [Object.values(roles)[0]];
}

/** Where a reading of a file is kept: by the file's content and what it was read as. */
export function readingKey(sha256: string, kind: DocumentKind): string {
  return `${sha256}.${kind}`;
}

export type Readings = Record<string, ReadResult>;

export interface ReadTarget {
  materialId: string;
  file: FileRef;
  role: DocumentRole;
}

/** Every file of the project that can be read, with what it is read as. */
export function readTargets(materials: Record<string, MaterialEntry | undefined>): ReadTarget[] {
  return Object.entries(materials).flatMap(([materialId, entry]) =>
    (entry?.files ?? []).flatMap((file) => rolesOf(materialId, file).map((role) => ({ materialId, file, role }))),
  );
}
