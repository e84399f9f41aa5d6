/**
 * The changes computation (src/core/model/submissions/changes.ts): only content counts, so edits that
 * were undone and files re-imported with the same bytes list nothing.
 */
import { describe, it, expect } from 'vitest';
import {
  computeChanges,
  snapshotOf,
  subjectFingerprint,
  currentRequests,
} from '../../src/core/model/submissions/changes';
import type { FileRef, ProjectDoc } from '../../src/core/model/schemas/project';
import type { AuthorityRequest, Submission } from '../../src/core/model/schemas/submissions';

const pack = {
  fields: [
    { id: 'org_name', label: '主办单位名称' },
    { id: 'site_name', label: '网站名称' },
  ],
  materials: [
    { id: 'business-licence', title: '营业执照' },
    { id: 'id-card', title: '法定代表人身份证' },
  ],
} as never;

const hash = (c: string) => c.repeat(64);
let ids = 0;
const file = (sha: string, name: string, extra: Partial<FileRef> = {}): FileRef => ({
  id: `f${ids++}`,
  sha256: hash(sha),
  name,
  size: 10,
  mediaType: 'application/pdf',
  addedAt: new Date(ids * 1000).toISOString(),
  rotate: 0,
  ...extra,
});

function project(): Pick<ProjectDoc, 'fields' | 'materials' | 'requests' | 'submissions'> {
  return {
    fields: { org_name: '上海某某科技有限公司', site_name: '某某' },
    materials: {
      'business-licence': { files: [file('a', '营业执照.pdf')], confirmations: ['加盖公章'] },
      'id-card': { files: [file('b', 'front.jpg', { part: 'front' }), file('c', 'back.jpg')], confirmations: [] },
    },
  };
}

function submit(doc: ReturnType<typeof project>): Submission {
  return {
    id: 's1',
    date: '2026-11-02',
    receipt: 'SH-2026-0001',
    packet: { path: 'submitted/x.pdf', name: 'x.pdf', sha256: hash('d'), bytes: 1 },
    snapshot: structuredClone(snapshotOf(doc)),
    recordedAt: '2026-11-02T08:00:00.000Z',
  };
}

describe('changes since a submission', () => {
  it('lists nothing when nothing changed', () => {
    const doc = project();
    const report = computeChanges(submit(doc), doc, pack);
    expect(report.fields).toEqual([]);
    expect(report.materials).toEqual([]);
    expect(report.since).toMatchObject({ date: '2026-11-02', receipt: 'SH-2026-0001', packet: 'submitted/x.pdf' });
  });

  it('lists nothing for a field edited and edited back, and before → after for one left changed', () => {
    const doc = project();
    const submission = submit(doc);
    doc.fields.org_name = '上海另一家公司';
    expect(computeChanges(submission, doc, pack).fields).toEqual([
      { id: 'org_name', label: '主办单位名称', before: '上海某某科技有限公司', after: '上海另一家公司' },
    ]);
    doc.fields.org_name = '上海某某科技有限公司';
    expect(computeChanges(submission, doc, pack).fields).toEqual([]);
    // An emptied field is a change to nothing; emptied to '' or removed reads the same.
    doc.fields.site_name = '';
    expect(computeChanges(submission, doc, pack).fields).toEqual([
      { id: 'site_name', label: '网站名称', before: '某某', after: null },
    ]);
  });

  it('lists nothing for a file removed and imported again with identical bytes (new id, new time)', () => {
    const doc = project();
    const submission = submit(doc);
    doc.materials['business-licence'].files = [file('a', '营业执照.pdf')];
    expect(computeChanges(submission, doc, pack).materials).toEqual([]);
    // Other bytes under the same name are a replacement.
    doc.materials['business-licence'].files = [file('e', '营业执照.pdf')];
    expect(computeChanges(submission, doc, pack).materials).toEqual([
      {
        id: 'business-licence',
        title: '营业执照',
        change: 'replaced',
        files: [
          { name: '营业执照.pdf', sha256: hash('a'), change: 'removed' },
          { name: '营业执照.pdf', sha256: hash('e'), change: 'added' },
        ],
      },
    ]);
  });

  it('reports a material whose files were all taken out as removed', () => {
    const doc = project();
    const submission = submit(doc);
    doc.materials['id-card'] = { files: [], confirmations: [] };
    const report = computeChanges(submission, doc, pack);
    expect(report.materials).toEqual([
      {
        id: 'id-card',
        title: '法定代表人身份证',
        change: 'removed',
        files: [
          { name: 'front.jpg', sha256: hash('b'), change: 'removed' },
          { name: 'back.jpg', sha256: hash('c'), change: 'removed' },
        ],
      },
    ]);
    // …and the entry gone from the document altogether reads the same.
    delete doc.materials['id-card'];
    expect(computeChanges(submission, doc, pack).materials).toEqual(report.materials);
  });

  it('calls same bytes with another page choice, turn or confirmation edited, and a new material added', () => {
    const doc = project();
    const submission = submit(doc);
    doc.materials['id-card'].files[1].rotate = 90;
    doc.materials['business-licence'].confirmations = [];
    const report = computeChanges(submission, doc, pack);
    expect(report.materials.map((m) => [m.id, m.change, m.files.map((f) => f.name)])).toEqual([
      ['business-licence', 'edited', []],
      ['id-card', 'edited', ['back.jpg']],
    ]);
    const empty = { fields: {}, materials: {} };
    const added = computeChanges({ ...submission, snapshot: empty }, project(), pack);
    expect(added.materials.map((m) => m.change)).toEqual(['added', 'added']);
    // One of two files swapped: the material was edited, the swap listed.
    doc.materials['id-card'].files[0] = file('9', 'front-new.jpg', { part: 'front' });
    expect(computeChanges(submission, doc, pack).materials[1]).toMatchObject({
      change: 'edited',
      files: [
        { name: 'front.jpg', change: 'removed' },
        { name: 'front-new.jpg', change: 'added' },
        { name: 'back.jpg', change: 'edited' },
      ],
    });
  });

  it('answers a request when its subject changed after it was recorded, not when it was changed back', () => {
    const doc = project();
    const submission = submit(doc);
    const request = (subject: AuthorityRequest['subject']): AuthorityRequest => ({
      id: `r${ids++}`,
      date: '2026-11-10',
      text: '营业执照副本不清晰，请重新扫描',
      subject,
      submission: 's1',
      baseline: subjectFingerprint(snapshotOf(doc), subject),
      recordedAt: '2026-11-10T08:00:00.000Z',
    });
    doc.requests = [request({ kind: 'material', id: 'business-licence' }), request({ kind: 'field', id: 'site_name' })];
    doc.submissions = [submission];
    expect(computeChanges(submission, doc, pack).requests.map((r) => r.answered)).toEqual([false, false]);
    doc.materials['business-licence'].files = [file('f', '营业执照-清晰.pdf')];
    doc.fields.site_name = '某某科技';
    doc.fields.site_name = '某某';
    const states = computeChanges(submission, doc, pack).requests;
    expect(states.map((r) => [r.subjectTitle, r.answered])).toEqual([
      ['营业执照', true],
      ['网站名称', false],
    ]);
    expect(currentRequests(doc)).toHaveLength(2);
    doc.submissions = [submission, { ...submission, id: 's2' }];
    expect(currentRequests(doc)).toHaveLength(0);
  });
});
