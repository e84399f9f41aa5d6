/**
 * The packet carries nothing active or hidden. A generated hostile PDF — document-open JavaScript,
 * a JavaScript name tree, an embedded file, XFA, a Launch link, a RichMedia annotation, page and
 * field additional actions, a form field whose /Kids hold a widget with JavaScript that no page
 * shows, and objects nothing refers to — is bound with `--forms keep` and `--forms flatten`, and
 * EVERY object of the output is scanned, reachable or not (pdf-lib's parser reads each object in
 * the file body and in object streams; stream contents are inflated before the search).
 */
import { describe, it, expect } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFStream,
  PDFString,
  StandardFonts,
  type PDFObject,
} from 'pdf-lib';
import { createProject } from '../../src/core/project/store';
import { runInProcess } from '../support/cli';

const MARK = 'EVIL-PAYLOAD';

async function hostilePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText('hostile', { x: 50, y: 700, font, size: 20 });
  const ctx = doc.context;
  const js = (tag: string) => ctx.obj({ S: 'JavaScript', JS: PDFString.of(`app.alert("${MARK}-${tag}")`) });
  const jsRef = ctx.register(js('names'));
  const file = ctx.register(ctx.flateStream(`${MARK}-attached file`, { Type: 'EmbeddedFile' }));
  const spec = ctx.register(ctx.obj({ Type: 'Filespec', F: PDFString.of('x.exe'), EF: { F: file } }));
  doc.catalog.set(PDFName.of('OpenAction'), ctx.register(js('open')));
  doc.catalog.set(
    PDFName.of('Names'),
    ctx.obj({
      JavaScript: { Names: [PDFString.of('a'), jsRef] },
      EmbeddedFiles: { Names: [PDFString.of('x.exe'), spec] },
    }),
  );
  doc.catalog.set(PDFName.of('AA'), ctx.obj({ WC: js('close') }));
  // A field with two widgets: one on the page, one that no page shows (reachable only via /Kids).
  const field = ctx.register(
    ctx.obj({ FT: 'Tx', T: PDFString.of('name'), V: PDFString.of('x'), AA: { K: js('keystroke') } }),
  );
  const ap = ctx.register(ctx.stream('0 0 1 rg 0 0 100 20 re f', { BBox: [0, 0, 100, 20], Subtype: 'Form' }));
  const widget = ctx.register(
    ctx.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      Rect: [50, 600, 150, 620],
      F: 4,
      Parent: field,
      AP: { N: ap },
      A: js('widget'),
    }),
  );
  const hidden = ctx.register(
    ctx.obj({ Type: 'Annot', Subtype: 'Widget', Rect: [0, 0, 10, 10], Parent: field, A: js('hidden-widget') }),
  );
  (ctx.lookup(field) as PDFDict).set(PDFName.of('Kids'), ctx.obj([widget, hidden]));
  doc.catalog.set(
    PDFName.of('AcroForm'),
    ctx.obj({ Fields: [field], XFA: ctx.register(ctx.stream(`<xdp>${MARK}-xfa</xdp>`)) }),
  );
  const launch = ctx.register(
    ctx.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [50, 500, 150, 520],
      A: { S: 'Launch', F: PDFString.of(`${MARK}-calc.exe`) },
    }),
  );
  const uriJs = ctx.register(
    ctx.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [50, 450, 150, 470],
      A: { S: 'URI', URI: PDFString.of('javascript:alert(1)') },
    }),
  );
  const media = ctx.register(
    ctx.obj({ Type: 'Annot', Subtype: 'RichMedia', Rect: [0, 0, 50, 50], RichMediaContent: { Assets: spec } }),
  );
  page.node.set(PDFName.of('Annots'), ctx.obj([widget, launch, uriJs, media]));
  page.node.set(PDFName.of('AA'), ctx.obj({ O: js('page-open') }));
  // Objects nothing refers to.
  ctx.register(js('orphan'));
  ctx.register(ctx.obj({ S: 'Launch', F: PDFString.of(`${MARK}-orphan-launch`) }));
  return doc.save({ useObjectStreams: false });
}

const FORBIDDEN_KEYS = ['JS', 'JavaScript', 'AA', 'OpenAction', 'EmbeddedFiles', 'EF', 'XFA', 'RichMediaContent'];
const FORBIDDEN_TYPES = [
  'JavaScript',
  'Launch',
  'RichMedia',
  'FileAttachment',
  'EmbeddedFile',
  'SubmitForm',
  'ImportData',
];

function textOf(object: PDFObject): string {
  if (object instanceof PDFString || object instanceof PDFHexString) return object.decodeText();
  return '';
}

/** Every problem in every object of `bytes`. */
async function scan(bytes: Uint8Array): Promise<string[]> {
  const problems: string[] = [];
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const raw = Buffer.from(bytes).toString('latin1');
  if (raw.includes(MARK)) problems.push('marker in the raw bytes');
  const visit = (where: string, object: PDFObject, depth = 0): void => {
    if (depth > 50) return;
    if (object instanceof PDFStream) {
      visit(where, object.dict, depth + 1);
      if (object instanceof PDFRawStream) {
        let contents = Buffer.from(object.contents);
        try {
          if (object.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode')) contents = inflateSync(contents);
        } catch {
          /* not deflated after all */
        }
        if (contents.toString('latin1').includes(MARK)) problems.push(`${where}: marker in a stream`);
      }
    } else if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) {
        if (FORBIDDEN_KEYS.includes(key.decodeText())) problems.push(`${where}: /${key.decodeText()}`);
        if (value instanceof PDFName && FORBIDDEN_TYPES.includes(value.decodeText())) {
          problems.push(`${where}: /${key.decodeText()} /${value.decodeText()}`);
        }
        if (key.decodeText() === 'A' && value instanceof PDFDict) {
          const s = value.get(PDFName.of('S'));
          const uri = textOf(value.lookup(PDFName.of('URI')) ?? PDFString.of(''));
          if (!(s === PDFName.of('GoTo') || (s === PDFName.of('URI') && /^(https?|mailto):/.test(uri)))) {
            problems.push(`${where}: unsafe /A ${String(s)} ${uri}`);
          }
        }
        visit(where, value, depth + 1);
      }
    } else if (object instanceof PDFArray) {
      for (const value of object.asArray()) visit(where, value, depth + 1);
    } else if (textOf(object).includes(MARK) || textOf(object).startsWith('javascript:')) {
      problems.push(`${where}: ${textOf(object)}`);
    }
  };
  const objects = doc.context.enumerateIndirectObjects();
  expect(objects.length).toBeGreaterThan(5);
  for (const [ref, object] of objects) visit(ref.toString(), object);
  return problems;
}

describe('the packet carries nothing active or hidden', () => {
  it('finds the payloads in the hostile input (the scan works)', async () => {
    expect((await scan(await hostilePdf())).length).toBeGreaterThan(10);
  });

  for (const forms of ['keep', 'flatten']) {
    it(
      `--forms ${forms}: no action, script, attachment, XFA or orphan in any object`,
      { timeout: 60_000 },
      async () => {
        const dir = await mkdtemp(join(tmpdir(), 'matprep-clean-'));
        await createProject(dir, { ruleId: 'icp-filing-enterprise', ruleVersion: '1', name: '清洁' });
        const input = join(dir, '..', `${dir.split('/').pop()}-hostile.pdf`);
        await writeFile(input, await hostilePdf());
        expect((await runInProcess('add', dir, 'business-licence', input)).code).toBe(0);
        const output = join(dir, 'out', 'packet.pdf');
        const run = await runInProcess('bind', dir, '-o', output, '--allow-incomplete', '--forms', forms);
        expect(run.code, run.stderr).toBe(0);
        const bytes = new Uint8Array(await readFile(output));
        expect(await scan(bytes)).toEqual([]);
        const packet = await PDFDocument.load(bytes);
        expect(packet.getPageCount()).toBeGreaterThan(2);
        if (forms === 'keep')
          expect(
            packet
              .getForm()
              .getFields()
              .map((f) => f.getName()),
          ).toEqual(['name']);
      },
    );
  }
});
