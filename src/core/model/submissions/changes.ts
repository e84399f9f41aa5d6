/**
 * What changed since a submission, from the stored snapshot and the project as it is now. Pure: the
 * CLI, the binder's 补正说明 page and the renderer all compute the same answer. Only content counts:
 * a field edited and edited back, or a file removed and imported again with the same bytes, is no
 * change; import times, file ids and the order of confirmations are not compared.
 */
import { fingerprintOf } from '../fingerprint';
import type { FieldValue, MaterialEntry, ProjectDoc } from '../schemas/project';
import type { RulePack } from '../schemas/rules';
import type { Section } from '../schemas/bind-options';
import type {
  AuthorityRequest,
  ChangeReport,
  FieldChange,
  MaterialChange,
  RequestState,
  RequestSubject,
  Snapshot,
  SnapshotFile,
  SnapshotMaterial,
  Submission,
} from '../schemas/submissions';

type Doc = Pick<ProjectDoc, 'fields' | 'materials'>;

/** An empty answer is no answer: '' , [] and absent compare equal. */
function fieldValue(value: FieldValue | undefined): FieldValue | null {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  return value;
}

function snapshotMaterial(entry: MaterialEntry | undefined): SnapshotMaterial {
  const files: SnapshotFile[] = (entry?.files ?? []).map((f) => ({
    sha256: f.sha256,
    name: f.name,
    ...(f.part ? { part: f.part } : {}),
    rotate: f.rotate ?? 0,
    ...(f.pageOrder ? { pageOrder: [...f.pageOrder] } : {}),
    ...(f.pageRotate ? { pageRotate: { ...f.pageRotate } } : {}),
  }));
  return {
    files,
    confirmations: [...new Set(entry?.confirmations ?? [])].sort(),
    ...(entry?.issuedOn ? { issuedOn: entry.issuedOn } : {}),
    ...(entry?.validUntil ? { validUntil: entry.validUntil } : {}),
  };
}

const isEmptyMaterial = (m: SnapshotMaterial) =>
  m.files.length === 0 && m.confirmations.length === 0 && !m.issuedOn && !m.validUntil;

/** What a submission keeps of the project: non-empty field values and every material with content. */
export function snapshotOf(doc: Doc): Snapshot {
  const fields: Record<string, FieldValue> = {};
  for (const [id, value] of Object.entries(doc.fields)) {
    const v = fieldValue(value);
    if (v !== null) fields[id] = v;
  }
  const materials: Record<string, SnapshotMaterial> = {};
  for (const [id, entry] of Object.entries(doc.materials)) {
    const m = snapshotMaterial(entry);
    if (!isEmptyMaterial(m)) materials[id] = m;
  }
  return { fields, materials };
}

/** The layout of a file that is not its bytes: part, turns and page choice. */
const layoutOf = (f: SnapshotFile) =>
  fingerprintOf({ part: f.part, rotate: f.rotate ?? 0, pageOrder: f.pageOrder, pageRotate: f.pageRotate });

/** Files in `a` not matched (by hash, counting duplicates) in `b`. */
function unmatched(a: SnapshotFile[], b: SnapshotFile[]): SnapshotFile[] {
  const left = new Map<string, number>();
  for (const f of b) left.set(f.sha256, (left.get(f.sha256) ?? 0) + 1);
  return a.filter((f) => {
    const n = left.get(f.sha256) ?? 0;
    if (n > 0) left.set(f.sha256, n - 1);
    return n === 0;
  });
}

/** One material's change, or undefined when its content is the same. */
export function materialChange(
  before: SnapshotMaterial | undefined,
  after: SnapshotMaterial | undefined,
): Pick<MaterialChange, 'change' | 'files'> | undefined {
  const was = before ?? { files: [], confirmations: [] };
  const now = after ?? { files: [], confirmations: [] };
  const file = (f: SnapshotFile, change: 'added' | 'removed' | 'edited') => ({
    name: f.name,
    sha256: f.sha256,
    change,
  });
  if (was.files.length === 0 && now.files.length > 0)
    return { change: 'added', files: now.files.map((f) => file(f, 'added')) };
  if (was.files.length > 0 && now.files.length === 0)
    return { change: 'removed', files: was.files.map((f) => file(f, 'removed')) };
  const gone = unmatched(was.files, now.files);
  const added = unmatched(now.files, was.files);
  const swapped = [...gone.map((f) => file(f, 'removed')), ...added.map((f) => file(f, 'added'))];
  // None of the submitted files is left: the material was replaced.
  if (gone.length === was.files.length) return { change: 'replaced', files: swapped };
  // Kept files with the same bytes may still sit elsewhere, or have another page choice, turn or part.
  const kept = now.files.filter((f) => !added.includes(f));
  const keptBefore = was.files.filter((f) => !gone.includes(f));
  const relaid = kept.filter((f, i) => f.sha256 !== keptBefore[i].sha256 || layoutOf(f) !== layoutOf(keptBefore[i]));
  const other =
    fingerprintOf([was.confirmations, was.issuedOn, was.validUntil]) !==
    fingerprintOf([now.confirmations, now.issuedOn, now.validUntil]);
  if (swapped.length === 0 && relaid.length === 0 && !other) return undefined;
  return { change: 'edited', files: [...swapped, ...relaid.map((f) => file(f, 'edited'))] };
}

/** A request's subject as it stands in `snapshot`, as a fingerprint (stored when the request is recorded). */
export function subjectFingerprint(snapshot: Snapshot, subject: RequestSubject): string {
  if (subject.kind === 'field') return fingerprintOf(fieldValue(snapshot.fields[subject.id]));
  if (subject.kind === 'material') {
    const m = snapshot.materials[subject.id];
    return fingerprintOf(m && !isEmptyMaterial(m) ? m : null);
  }
  return fingerprintOf(snapshot);
}

/** The requests that belong to the latest round: recorded against the latest submission (or before any). */
export function currentRequests(doc: Pick<ProjectDoc, 'submissions' | 'requests'>): AuthorityRequest[] {
  const latest = doc.submissions?.at(-1)?.id;
  return (doc.requests ?? []).filter((r) => r.submission === latest);
}

export function subjectTitle(pack: Pick<RulePack, 'fields' | 'materials'>, subject: RequestSubject): string {
  if (subject.kind === 'field') return pack.fields.find((f) => f.id === subject.id)?.label ?? subject.id;
  if (subject.kind === 'material') return pack.materials.find((m) => m.id === subject.id)?.title ?? subject.id;
  return '';
}

/** Each request with whether its subject changed since it was recorded. */
export function requestStates(
  requests: AuthorityRequest[],
  doc: Doc,
  pack: Pick<RulePack, 'fields' | 'materials'>,
): RequestState[] {
  const now = snapshotOf(doc);
  return requests.map((r) => ({
    id: r.id,
    date: r.date,
    text: r.text,
    subject: r.subject,
    subjectTitle: subjectTitle(pack, r.subject),
    answered: subjectFingerprint(now, r.subject) !== r.baseline,
  }));
}

/** Ids in the pack's order first, then any the pack no longer has. */
function ordered(known: string[], ids: Iterable<string>): string[] {
  const all = new Set(ids);
  return [...known.filter((id) => all.has(id)), ...[...all].filter((id) => !known.includes(id)).sort()];
}

export function computeChanges(
  submission: Submission,
  doc: Doc & Pick<ProjectDoc, 'requests'>,
  pack: Pick<RulePack, 'fields' | 'materials'>,
): ChangeReport {
  const before = submission.snapshot;
  const now = snapshotOf(doc);
  const fields: FieldChange[] = [];
  for (const id of ordered(
    pack.fields.map((f) => f.id),
    [...Object.keys(before.fields), ...Object.keys(now.fields)],
  )) {
    const a = fieldValue(before.fields[id]);
    const b = fieldValue(now.fields[id]);
    if (fingerprintOf(a) === fingerprintOf(b)) continue;
    fields.push({ id, label: subjectTitle(pack, { kind: 'field', id }), before: a, after: b });
  }
  const materials: MaterialChange[] = [];
  for (const id of ordered(
    pack.materials.map((m) => m.id),
    [...Object.keys(before.materials), ...Object.keys(now.materials)],
  )) {
    const change = materialChange(before.materials[id], now.materials[id]);
    if (change) materials.push({ id, title: subjectTitle(pack, { kind: 'material', id }), ...change });
  }
  const requests = (doc.requests ?? []).filter((r) => r.submission === submission.id);
  return {
    since: {
      id: submission.id,
      date: submission.date,
      receipt: submission.receipt ?? null,
      where: submission.where ?? null,
      packet: submission.packet.path,
    },
    fields,
    materials,
    requests: requestStates(requests, doc, pack),
  };
}

/** Whether a change is about a request's subject (a request about the whole application covers none in particular). */
export function concerns(subject: RequestSubject, change: { kind: 'field' | 'material'; id: string }): boolean {
  return subject.kind === change.kind && subject.id === change.id;
}

/** Where each changed material sits in a packet (printed page numbers), for marking its pages. */
export function changedSections(report: Pick<ChangeReport, 'materials'>, sections: readonly Section[]): Section[] {
  const changed = new Set(report.materials.map((m) => m.id));
  return sections.filter((s) => changed.has(s.materialId));
}
