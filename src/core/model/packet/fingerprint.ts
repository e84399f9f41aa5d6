/**
 * What a bound packet was made from, as a short fingerprint: the parts of the project document that
 * binding reads (name, rule pack, fields, materials, bind options, security log). Recorded with each
 * packet, so the bind screen can tell that the project changed since — without counting changes that
 * do not touch the packet (the granted licence, history, timestamps) as a reason to bind again.
 */
import type { ProjectDoc } from '../schemas/project';
import { fingerprintOf } from '../fingerprint';

type Source = Pick<ProjectDoc, 'name' | 'rulePack' | 'fields' | 'materials' | 'bindOptions' | 'securityLog'>;

export function bindFingerprint(doc: Source): string {
  const { name, rulePack, fields, bindOptions, securityLog } = doc;
  // A warning accepted as it is (已查看，仍使用) changes what the check says, not what is bound.
  const materials = Object.fromEntries(
    Object.entries(doc.materials).map(([id, { accepted: _accepted, ...entry }]) => [id, entry]),
  );
  return fingerprintOf({ name, rulePack, fields, materials, bindOptions, securityLog: securityLog ?? [] });
}
